/* dedup.c: first version: exact duplicates (same title and date) merge. */
#include <string.h>

#include "dedup.h"
#include "msg.h"

size_t
dedup(struct corpus *cs, const struct config *c, int report)
{
	size_t i, j, n = 0;

	(void)c;
	for (i = 0; i < cs->n; i++) {
		struct item *a = &cs->items[i];

		if (a->merged || a->title == NULL)
			continue;
		for (j = i + 1; j < cs->n; j++) {
			struct item *b = &cs->items[j];
			size_t k;

			if (b->merged || b->title == NULL ||
			    !str_eq_nospace(a->title, b->title))
				continue;
			for (k = 0; k < b->urls.n; k++)
				strlist_add(&a->urls, &cs->arena, b->urls.v[k]);
			if (b->date != DATE_NONE &&
			    (a->date == DATE_NONE || b->date < a->date))
				a->date = b->date;
			b->merged = 1;
			n++;
			if (report)
				msg(MSG_NOTE, b->file, b->line, "merged into "
				    "%s:%d: %s", a->file, a->line, a->title);
		}
	}
	return n;
}

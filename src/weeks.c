/* weeks.c: an item dated D belongs to the issue published on the first
 * publication weekday after D; numbers follow from the anchor. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "weeks.h"

/* Floor division, for dates before the anchor. */
static int
floordiv(int a, int b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int
week_publication(const struct config *c, int date)
{
	int ahead = (c->weekday - date_weekday(date) + 7) % 7;

	return date + (ahead == 0 ? 7 : ahead);
}

int
week_number(const struct config *c, int date)
{
	return c->anchor_number +
	    floordiv(week_publication(c, date) - c->anchor_date, 7);
}

int
week_date(const struct config *c, int number)
{
	return c->anchor_date + 7 * (number - c->anchor_number);
}

static int
cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

int
item_cmp(const struct item *a, const struct item *b)
{
	int r;

	/* Unknown (-1) sorts last. */
	if ((r = cmp_int((unsigned)a->section, (unsigned)b->section)) ||
	    (r = cmp_int((unsigned)a->sector, (unsigned)b->sector)) ||
	    (r = cmp_int((unsigned)a->org, (unsigned)b->org)))
		return r;
	if (a->date != b->date) {
		if (a->date == DATE_NONE)
			return 1;
		if (b->date == DATE_NONE)
			return -1;
		return cmp_int(a->date, b->date);
	}
	return (a->order > b->order) - (a->order < b->order);
}

static int
qsort_items(const void *a, const void *b)
{
	return item_cmp(*(struct item *const *)a, *(struct item *const *)b);
}

/* The issue most dated items of file belong to, or 0. */
static int
file_issue(const struct corpus *cs, const char *file)
{
	int best = 0, bestn = 0;
	size_t i, j;

	for (i = 0; i < cs->n; i++) {
		const struct item *a = &cs->items[i];
		int n = 0;

		if (a->file != file || a->issue == 0 || a->merged)
			continue;
		for (j = 0; j < cs->n; j++)
			if (cs->items[j].file == file &&
			    cs->items[j].issue == a->issue)
				n++;
		if (n > bestn || (n == bestn && a->issue > best)) {
			best = a->issue;
			bestn = n;
		}
	}
	return best;
}

struct issue *
weeks_group(struct corpus *cs, const struct config *c, size_t *nissues)
{
	struct issue *v = NULL;
	size_t i, j, n = 0;

	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		it->issue = 0;
		if (!it->merged && it->date != DATE_NONE)
			it->issue = week_number(c, it->date);
	}
	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		if (it->merged || it->date != DATE_NONE)
			continue;
		it->issue = file_issue(cs, it->file);
		if (it->issue == 0)
			msg(MSG_WARNING, it->file, it->line, "undated item "
			    "with no dated item in its file: left out of "
			    "every issue: %s", it->title);
	}
	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		if (it->merged || it->issue == 0)
			continue;
		for (j = 0; j < n; j++)
			if (v[j].number == it->issue)
				break;
		if (j == n) {
			v = xrealloc(v, (n + 1) * sizeof(*v));
			memset(&v[n], 0, sizeof(*v));
			v[n].number = it->issue;
			v[n].date = week_date(c, it->issue);
			v[n].first = v[n].date - 7;
			v[n].last = v[n].date - 1;
			n++;
		}
		v[j].items = xrealloc(v[j].items,
		    (v[j].n + 1) * sizeof(*v[j].items));
		v[j].items[v[j].n++] = it;
	}
	for (j = 0; j < n; j++)
		qsort(v[j].items, v[j].n, sizeof(*v[j].items), qsort_items);
	/* Issues in number order: a plain insertion sort, n is small. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1].number > v[j].number; j--) {
			struct issue t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*nissues = n;
	return v;
}

void
weeks_free(struct issue *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].items);
	free(v);
}

/* classify.c: first version: explicit labels only; an organisation
 * label gives its section. */
#include "classify.h"

void
classify(struct corpus *cs, const struct config *c, int use_labels,
    int explain)
{
	size_t i;

	(void)explain;
	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		if (!use_labels)
			it->section = it->sector = it->org = -1;
		if (it->org >= 0 && it->section < 0)
			it->section = c->orgs[it->org].section;
	}
}

/* site_split.c: which of the two page writers writes which page of the
 * site (site.c forks the second when there is more than one issue).
 *
 * The pages are numbered as site.c's site_page() takes them: the
 * issues' pages, home, archive, a list per sector, a list per
 * organisation type, search, the search index, the feed.  One page of
 * each kind is written before the fork, so that a template at fault is
 * reported once; the cheapest of its kind, so that little is written on
 * one core.  The others go, the dearest first, to the writer with less
 * to do so far, by what each page costs roughly: the split depends only
 * on the input, so that a build makes the same system calls in each
 * writer every time (publish-faults counts them). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "html.h"
#include "render.h"

/* Rough costs, in microseconds of the machine of bench/RESULTS.md at
 * 520 weeks: an issue's page, by its items (their Markdown through
 * cmark); a list, by the items it lists and its pages (one a year). */
#define COST_ISSUE	100
#define COST_ISSUE_ITEM	55
#define COST_LIST	700
#define COST_LIST_ITEM	3
#define COST_LIST_YEAR	400
/* The build's own process writes the latest brief after its pages: it
 * starts with about what that costs. */
#define COST_BRIEF	40000

/* The cost of the list of sector or org type t (kind 0 or 1). */
static long
list_cost(const struct render *r, int kind, int t)
{
	long items = 0, years = 0;
	int last = 0, y, m, d;
	size_t i, j, n;

	for (i = 0; i < r->n; i++) {
		for (j = n = 0; j < r->issues[i].n; j++)
			if (kind == 0 ? site_keep_sector(r->issues[i].items[j],
			    t) : site_keep_org(r->issues[i].items[j], t))
				n++;
		if (n == 0)
			continue;
		items += (long)n;
		date_to_ymd(r->issues[i].date, &y, &m, &d);
		if (years == 0 || y != last)
			years++;
		last = y;
	}
	return COST_LIST + COST_LIST_ITEM * items + COST_LIST_YEAR * years;
}

static long
page_cost(const struct site *s, size_t k)
{
	const struct config *c = s->cfg;
	size_t ni = s->r->n;

	if (k < ni)
		return COST_ISSUE + COST_ISSUE_ITEM * (long)s->r->issues[k].n;
	k -= ni + 2;
	if (k < c->nsectors)
		return list_cost(s->r, 0, (int)k);
	k -= c->nsectors;
	if (k < c->norgs)
		return list_cost(s->r, 1, (int)k);
	return 0;
}

/* The cheapest page of [from, to), the first of equals; to if none. */
static size_t
cheapest(const long *cost, size_t from, size_t to)
{
	size_t k, best = to;

	for (k = from; k < to; k++)
		if (best == to || cost[k] < cost[best])
			best = k;
	return best;
}

static const long *sort_cost;

/* Dearest first; equals in the order of their number. */
static int
cmp_dearer(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	if (sort_cost[x] != sort_cost[y])
		return sort_cost[x] < sort_cost[y] ? 1 : -1;
	return (x > y) - (x < y);
}

void
site_split(const struct site *s, struct site_split *p)
{
	const struct config *c = s->cfg;
	size_t ni = s->r->n, n = ni + 2 + c->nsectors + c->norgs + 3;
	size_t k, j, lists = ni + 2, orgs = lists + c->nsectors;
	long *cost = xcalloc(n, sizeof(*cost)), load[2] = { COST_BRIEF, 0 };
	size_t *dear = xcalloc(n, sizeof(*dear)), ndear = 0;
	unsigned char *done = xcalloc(n, 1);

	memset(p, 0, sizeof(*p));
	p->n = n;
	p->order = xcalloc(n, sizeof(*p->order));
	p->writer = xcalloc(n, 1);
	for (k = 0; k < n; k++)
		cost[k] = page_cost(s, k);
	/* One of each kind: an issue, home, archive, a sector's list, an
	 * organisation's, search, the index, the feed. */
	p->order[p->first++] = cheapest(cost, 0, ni);
	p->order[p->first++] = ni;
	p->order[p->first++] = ni + 1;
	if (c->nsectors > 0)
		p->order[p->first++] = cheapest(cost, lists, orgs);
	if (c->norgs > 0)
		p->order[p->first++] = cheapest(cost, orgs, orgs + c->norgs);
	for (k = n - 3; k < n; k++)
		p->order[p->first++] = k;
	for (k = 0; k < p->first; k++)
		done[p->order[k]] = 1;
	/* Then the lists, then the issues from the newest. */
	for (j = p->first, k = n; k-- > 0;)
		if (!done[k]) {
			p->order[j++] = k;
			dear[ndear++] = k;
		}
	sort_cost = cost;
	qsort(dear, ndear, sizeof(*dear), cmp_dearer);
	for (j = 0; j < ndear; j++) {
		int w = load[1] < load[0];

		p->writer[dear[j]] = (unsigned char)w;
		load[w] += cost[dear[j]];
	}
	free(cost);
	free(dear);
	free(done);
}

void
site_split_free(struct site_split *p)
{
	free(p->order);
	free(p->writer);
	memset(p, 0, sizeof(*p));
}

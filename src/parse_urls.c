/* parse_urls.c: the source URLs a weekly draft prints at each page's
 * end, given to the items that started on that page. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse_urls.h"

/* Cost of giving a URL dated ud to item it: 0 when the dates agree or
 * cannot be compared, 2 when they differ. */
static int
url_cost(const struct item *it, int ud)
{
	return ud == DATE_NONE || it->date == DATE_NONE || ud == it->date ?
	    0 : 2;
}

/* More cells than this (two ints each) and a page's URLs are given in
 * order, not weighed: only a hostile page has that many. */
#define URL_CELLS_MAX	(1 << 20)

/* Fills owner[i], the item of URL i, weighing every way to give the m
 * URLs to the n items in order.  best[i][j]: least cost of the first i
 * URLs over the first j items, where URL i-1 goes to item j-1.  Each
 * item takes zero or more URLs, in order; an item without one costs 1,
 * every URL beyond an item's first costs 1, a date that disagrees
 * costs 2.  O(m n): the best earlier item for URL i-2 is a running
 * minimum. */
static void
urls_weigh(struct item **items, size_t n, const int *ud, size_t m,
    size_t *owner)
{
	int *best, *from, cost, pmin, c, prev;
	size_t i, j, bj, pk;

	best = xcalloc((m + 1) * (n + 1), sizeof(int));
	from = xcalloc((m + 1) * (n + 1), sizeof(int));
#define AT(i, j) ((i) * (n + 1) + (j))
	for (i = 0; i <= m; i++)
		for (j = 0; j <= n; j++)
			best[AT(i, j)] = INT_MAX / 2;
	/* URL 0 to item j: items before j go without. */
	for (j = 1; j <= n; j++) {
		best[AT(1, j)] = (int)(j - 1) + url_cost(items[j - 1], ud[0]);
		from[AT(1, j)] = 0;
	}
	for (i = 2; i <= m; i++) {
		/* Least best[i-1][k] - k over k < j, and the first such k. */
		pmin = INT_MAX / 2;
		pk = 0;
		for (j = 1; j <= n; j++) {
			c = url_cost(items[j - 1], ud[i - 1]);
			/* URL i-2 went to an earlier item k-1; the items
			 * between go without. */
			if (pk != 0 && (cost = pmin + (int)j - 1 + c) <
			    best[AT(i, j)]) {
				best[AT(i, j)] = cost;
				from[AT(i, j)] = (int)pk;
			}
			/* URL i-2 went to this item too. */
			prev = best[AT(i - 1, j)];
			if (prev < INT_MAX / 2 && (cost = prev + 1 + c) <
			    best[AT(i, j)]) {
				best[AT(i, j)] = cost;
				from[AT(i, j)] = (int)j;
			}
			if (prev < INT_MAX / 2 && prev - (int)j < pmin) {
				pmin = prev - (int)j;
				pk = j;
			}
		}
	}
	/* Items after the last URL's go without. */
	bj = 1;
	for (j = 1; j <= n; j++)
		if (best[AT(m, j)] + (int)(n - j) <
		    best[AT(m, bj)] + (int)(n - bj))
			bj = j;
	for (i = m, j = bj; i >= 1; i--) {
		owner[i - 1] = j - 1;
		j = (size_t)from[AT(i, j)];
	}
#undef AT
	free(best);
	free(from);
}

/* Says which item got which of too few or too many URLs:
 * "'A' gets the URL; 'B' has none". */
static void
urls_uneven(struct item **items, size_t n, const size_t *owner, size_t m,
    const char *file, int line)
{
	buf b = {0};
	size_t i, j, k;

	for (j = 0; j < n; j++) {
		for (k = i = 0; i < m; i++)
			k += owner[i] == j;
		buf_printf(&b, "%s '%s' ", j ? ";" : "",
		    msg_title(items[j]->title));
		if (k == 0)
			buf_puts(&b, "has none");
		else if (m == 1)
			buf_puts(&b, "gets the URL");
		else
			buf_printf(&b, "gets %zu", k);
	}
	msg(MSG_PARSE_URLS_SHARED, file, line, 0, m, m == 1 ? "" : "s", n,
	    n == 1 ? "" : "s", b.ptr);
	buf_free(&b);
}

void
urls_assign(struct item **items, size_t n, char **urls, size_t m,
    struct arena *a, const char *file, int line)
{
	size_t i, *owner;
	int *ud;

	if (n == 0) {
		if (m > 0)
			msg(MSG_PARSE_URLS_ORPHAN, file, line, 0, m,
			    m == 1 ? "" : "s");
		return;
	}
	if (m == 0)
		return;
	owner = xcalloc(m, sizeof(*owner));
	ud = xcalloc(m, sizeof(*ud));
	for (i = 0; i < m; i++)
		ud[i] = date_in_url(urls[i]);
	if (m + 1 > URL_CELLS_MAX / (n + 1)) {
		msg(MSG_PARSE_URLS_TOO_MANY, file, line, 0, m, n);
		for (i = 0; i < m; i++)
			owner[i] = i < n ? i : n - 1;
	} else
		urls_weigh(items, n, ud, m, owner);
	for (i = 0; i < m; i++) {
		struct item *it = items[owner[i]];

		strlist_add(&it->urls, a, urls[i]);
		if (url_cost(it, ud[i]))
			msg(MSG_PARSE_URL_DATE, file, line, 0,
			    msg_title(it->title), urls[i]);
	}
	if (m != n)
		urls_uneven(items, n, owner, m, file, line);
	free(owner);
	free(ud);
}

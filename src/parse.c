/* parse.c: dialect detection and what the dialect parsers share:
 * joining wrapped lines, the year of a file, URLs at page ends. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse.h"

static const char *const names[] = {
	"unknown", "weekly draft", "digest re-import", "trend watch",
	"outline",
};

const char *
dialect_name(int d)
{
	return d >= 0 && d <= DIALECT_OUTLINE ? names[d] : names[0];
}

/* Counts line shapes and picks the dialect they point to. */
int
dialect_detect(const struct doc *d)
{
	size_t i;
	int weekly = 0, reimport = 0, trend = 0, outline = 0;

	for (i = 0; i < d->n; i++) {
		const char *t = d->lines[i].text;
		/* Every mark looked for at the start begins with byte E2
		 * (☞ □ ∙ ① ▪ ▷ ☐ ○): one test skips them all on most lines. */
		int e2 = (unsigned char)t[0] == 0xE2;

		if (d->lines[i].len == 0)
			continue;
		if (t[0] == '#' || (strchr(t, '\t') && strstr(t, "<b>")))
			reimport += t[0] == '#' ? 1 : 3;
		if (e2 && str_starts(t, "☞"))
			weekly += 3;
		if (e2 && str_starts(t, "□ ") && d->lines[i].len > 12 &&
		    (t[d->lines[i].len - 1] == ')' ||
		    strstr(t, "(20") != NULL))
			weekly++;
		if (str_eq_nospace(t, "구분 제목 및 주요 내용"))
			weekly += 2;
		if ((e2 && str_starts(t, "∙ (")) || str_eq_nospace(t,
		    "구분 주요 내용 페이지"))
			trend += 3;
		/* Plans too: amounts after ▷ inside a line, ☐ and ○ levels. */
		if ((e2 && (str_starts(t, "①") || str_starts(t, "▪") ||
		    str_starts(t, "☐") || str_starts(t, "○ "))) ||
		    strstr(t, "▷") != NULL || (strstr(t, "분기") != NULL &&
		    (strstr(t, "분기 >") != NULL || strstr(t, "분기>") != NULL)))
			outline++;
	}
	if (reimport > 2 && reimport >= weekly)
		return DIALECT_REIMPORT;
	if (weekly >= trend && weekly >= outline && weekly > 0)
		return DIALECT_WEEKLY;
	if (trend > 0 && trend >= outline)
		return DIALECT_TREND;
	if (outline > 0)
		return DIALECT_OUTLINE;
	return DIALECT_UNKNOWN;
}

/* The most characters of a title, a bullet or a URL: [digest]
 * max_title, max_bullet, max_url. */
static size_t
limit(const struct config *c, const char *key, size_t dflt)
{
	const char *v = config_get(c, "digest", key);
	long n;

	if (v == NULL || (n = strtol(v, NULL, 10)) <= 1)
		return dflt;
	return (size_t)n;
}

/* s cut to at most max characters, the last of them "…", at a space
 * near the end where there is one; a paragraph of megabytes is not
 * news, and would fill a thousand pages.  Returns s when it fits. */
static char *
clip(struct arena *a, char *s, size_t max, const struct item *it,
    const char *what)
{
	size_t i = 0, n = 0, len = strlen(s), adv, at = 0, space = 0;
	char *r;

	/* No more bytes than the limit: no more characters either. */
	if (len <= max)
		return s;
	for (i = 0; i < len; i += adv ? adv : 1, n++) {
		if (n == max - 1)
			at = i;
		if (s[i] == ' ' && n < max - 1 && n >= max - max / 5)
			space = i;
		utf8_decode(s + i, len - i, &adv);
	}
	if (n <= max)
		return s;
	if (space > 0)
		at = space;
	r = arena_alloc(a, at + 4);
	memcpy(r, s, at);
	memcpy(r + at, "\xe2\x80\xa6", 4);	/* … */
	msg(MSG_PARSE_FIELD_CUT, it->file, it->line, 0, what, n, max - 1);
	return r;
}

/* Cuts what no reader can use, once, for every output alike. */
static void
items_clip(struct corpus *cs, size_t from, const struct config *c)
{
	size_t mt = limit(c, "max_title", 300), mb = limit(c, "max_bullet",
	    3000), mu = limit(c, "max_url", 1000), i, k;

	for (i = from; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		if (it->title)
			it->title = clip(&cs->arena, it->title, mt, it,
			    "title");
		for (k = 0; k < it->bullets.n; k++)
			it->bullets.v[k] = clip(&cs->arena, it->bullets.v[k],
			    mb, it, "bullet");
		for (k = 0; k < it->urls.n; k++)
			it->urls.v[k] = clip(&cs->arena, it->urls.v[k], mu,
			    it, "URL");
	}
}

static size_t
parse_dialect(struct doc *d, struct corpus *cs, const struct config *c)
{
	switch (d->dialect) {
	case DIALECT_WEEKLY:
		return parse_weekly(d, cs, c);
	case DIALECT_REIMPORT:
		return parse_reimport(d, cs, c);
	case DIALECT_TREND:
		return parse_trend(d, cs, c);
	case DIALECT_OUTLINE:
		return parse_outline(d, cs, c);
	default:
		break;
	}
	/* Nothing we know: read it as a weekly draft, which reports every
	 * line it cannot place. */
	return parse_weekly(d, cs, c);
}

size_t
parse_doc(struct doc *d, struct corpus *cs, const struct config *c)
{
	size_t from = cs->n, n;

	d->dialect = dialect_detect(d);
	d->trail_wraps = doc_trail_wraps(d);
	n = parse_dialect(d, cs, c);
	items_clip(cs, from, c);
	return n;
}

void
join_wrapped(buf *acc, int prev_trail, int file_trails, const char *next)
{
	if (acc->len > 0 && (prev_trail || !file_trails))
		buf_putc(acc, ' ');
	buf_puts(acc, next);
}

int
doc_trail_wraps(const struct doc *d)
{
	size_t i, text = 0, trail = 0;

	for (i = 0; i < d->n; i++) {
		if (d->lines[i].len == 0)
			continue;
		text++;
		trail += d->lines[i].trail;
	}
	return text > 0 && trail * 20 >= text;
}

int
doc_year_hint(const struct doc *d)
{
	const char *base = strrchr(d->path, '/');
	const char *p;
	size_t i;

	base = base ? base + 1 : d->path;
	for (p = base; *p; p++)
		if ((p[0] == '2' && p[1] == '0') &&
		    isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]) &&
		    (p == base || !isdigit((unsigned char)p[-1])))
			return atoi(p);
	/* The trailing date of a line: date_trailing() reads from the
	 * line's last parenthesis, once per line. */
	for (i = 0; i < d->n; i++) {
		const char *t = d->lines[i].text;
		int date;
		size_t open;

		if (strchr(t, '(') != NULL &&
		    date_trailing(t, 0, &date, &open) == DATE_OK) {
			int y, m, dd;

			date_to_ymd(date, &y, &m, &dd);
			return y;
		}
	}
	return 0;
}

int
is_url(const char *s)
{
	return str_starts(s, "http://") || str_starts(s, "https://");
}

int
title_split(const char *text, int year_hint, struct arena *a, char **title,
    int *date)
{
	size_t open = strlen(text);
	int st = date_trailing(text, year_hint, date, &open);
	size_t n;

	if (st == DATE_NOT_A_DATE)
		open = strlen(text);
	n = open;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	*title = arena_strndup(a, text, n);
	return st;
}

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

char *
text_squeeze(struct arena *a, const char *s, size_t n)
{
	char *o = arena_alloc(a, n + 1), *p = o;
	size_t i;

	for (i = 0; i < n && s[i]; i++)
		if (!isspace((unsigned char)s[i]))
			*p++ = s[i];
	*p = '\0';
	return o;
}

void
table_header_text(buf *b, const struct config *c)
{
	buf_printf(b, "%s%s", config_str(c, "digest", "header_label",
	    "구분"), config_str(c, "digest", "header_content",
	    "제목 및 주요 내용"));
}

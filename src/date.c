/* date.c: days from civil (Howard Hinnant's algorithm) and the parser
 * for the date spellings listed in FORMATS.md. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

int
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return DATE_NONE;
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
date_weekday(int date)
{
	/* 1970-01-01 was a Thursday. */
	return ((date % 7) + 7 + 4) % 7;
}

void
date_digits(unsigned y, unsigned m, unsigned d, char sep, char out[11])
{
	/* What snprintf's "%04u-%02u-%02u" writes, without snprintf: the
	 * site writes a date for every item it lists. */
	y %= 10000u, m %= 100u, d %= 100u;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = sep;
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = sep;
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

void
date_iso(int date, char *out)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	date_digits((unsigned)y, (unsigned)m, (unsigned)d, '-', out);
}

/* Reads up to maxd digits; returns the count read. */
static int
digits(const char **p, const char *end, int maxd, int *val)
{
	int n = 0;

	*val = 0;
	while (*p < end && n < maxd && isdigit((unsigned char)**p)) {
		*val = *val * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (*p < end && isdigit((unsigned char)**p))
		return 0;	/* too many digits: not ours */
	return n;
}

static void
skip_space(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/* Accepts one separator: '.', '-', '/', or a Korean unit word. */
static int
separator(const char **p, const char *end, const char *unit)
{
	skip_space(p, end);
	if (*p < end && (**p == '.' || **p == '-' || **p == '/')) {
		(*p)++;
		skip_space(p, end);
		return 1;
	}
	if (unit && (size_t)(end - *p) >= strlen(unit) &&
	    memcmp(*p, unit, strlen(unit)) == 0) {
		*p += strlen(unit);
		skip_space(p, end);
		return 2;
	}
	return 0;
}

static enum date_status
finish(int y, int m, int d, int *date)
{
	int v = date_from_ymd(y, m, d);

	if (v == DATE_NONE)
		return DATE_IMPOSSIBLE;
	*date = v;
	return DATE_OK;
}

enum date_status
date_parse(const char *s, size_t len, int year_hint, int *date)
{
	const char *p = s, *end = s + len;
	int a, b, c, na, nb, nc, apostrophe = 0;

	skip_space(&p, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '.'))
		end--;
	if (p < end && (*p == '\'' || *p == '`')) {
		apostrophe = 1;
		p++;
	}
	if ((na = digits(&p, end, 4, &a)) == 0)
		return DATE_NOT_A_DATE;
	if (!separator(&p, end, na == 4 || apostrophe ? "년" : "월"))
		return DATE_NOT_A_DATE;
	if ((nb = digits(&p, end, 2, &b)) == 0)
		return DATE_NOT_A_DATE;
	if (p == end || (separator(&p, end, na == 2 && !apostrophe &&
	    year_hint ? "일" : NULL) == 2 && p == end)) {
		/* Two numbers: month.day with the year from context. */
		if (na > 2 || apostrophe || year_hint == 0)
			return DATE_NOT_A_DATE;
		return finish(year_hint, a, b, date);
	}
	if (p < end && separator(&p, end, "월") == 0 && p < end &&
	    !isdigit((unsigned char)*p))
		return DATE_NOT_A_DATE;
	if ((nc = digits(&p, end, 2, &c)) == 0)
		return DATE_NOT_A_DATE;
	skip_space(&p, end);
	if (p < end && (size_t)(end - p) >= strlen("일") &&
	    memcmp(p, "일", strlen("일")) == 0)
		p += strlen("일");
	if (p != end)
		return DATE_NOT_A_DATE;
	if (na == 2)
		a += 2000;
	else if (na != 4)
		return DATE_NOT_A_DATE;
	(void)nb;
	return finish(a, b, c, date);
}

/* The last parenthesis of s when nothing but white space follows it
 * (or it is never closed): its text in *len; NULL if there is none. */
static const char *
trailing_paren(const char *s, size_t *len)
{
	const char *paren = strrchr(s, '(');
	const char *close;

	if (paren == NULL)
		return NULL;
	close = strchr(paren, ')');
	if (close != NULL) {
		const char *q = close + 1;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '\0')
			return NULL;
		*len = (size_t)(close - paren - 1);
	} else
		*len = strlen(paren + 1);
	return paren;
}

enum date_status
date_trailing(const char *s, int year_hint, int *date, size_t *open)
{
	size_t len;
	const char *paren = trailing_paren(s, &len);
	enum date_status st;

	if (paren == NULL)
		return DATE_NOT_A_DATE;
	st = date_parse(paren + 1, len, year_hint, date);
	if (st != DATE_NOT_A_DATE)
		*open = (size_t)(paren - s);
	return st;
}

int
date_in_url(const char *url)
{
	const char *p;
	int y, m, d, i;

	for (p = url; *p; p++) {
		if (*p != '.' && *p != '=' && *p != '/' && *p != '_')
			continue;
		for (i = 1; i <= 8; i++)
			if (!isdigit((unsigned char)p[i]))
				break;
		if (i <= 8)
			continue;
		y = (p[1] - '0') * 1000 + (p[2] - '0') * 100 +
		    (p[3] - '0') * 10 + (p[4] - '0');
		m = (p[5] - '0') * 10 + (p[6] - '0');
		d = (p[7] - '0') * 10 + (p[8] - '0');
		if (y >= 1990 && y <= 2100 &&
		    date_from_ymd(y, m, d) != DATE_NONE)
			return date_from_ymd(y, m, d);
	}
	return DATE_NONE;
}

/* One end of a period as written: up to three numbers, each with what
 * followed it: '.' (or '-', '/'), a unit ('y' 년, 'm' 월, 'd' 일) or
 * nothing. */
struct period_end {
	int	 n[3];
	int	 nd[3];		/* digits of each number */
	char	 unit[3];
	int	 k;		/* numbers read */
	int	 apostrophe;	/* '24 */
};

/* What a period end means once read: a year, a month or a day. */
struct period_part {
	int	 y, m, d;	/* m, d 0 when not given */
};

static char
unit_word(const char **p, const char *end)
{
	static const struct {
		const char	*s;
		char		 u;
	} units[] = {
		{ "년", 'y' }, { "年", 'y' }, { "월", 'm' }, { "月", 'm' },
		{ "일", 'd' }, { "日", 'd' },
	};
	size_t i, n;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		n = strlen(units[i].s);
		if ((size_t)(end - *p) >= n && memcmp(*p, units[i].s, n) == 0) {
			*p += n;
			return units[i].u;
		}
	}
	return 0;
}

static void
read_end(const char **pp, const char *end, struct period_end *e)
{
	const char *p = *pp;
	int v, nd;
	char u;

	memset(e, 0, sizeof(*e));
	skip_space(&p, end);
	if (p < end && (*p == '\'' || *p == '`')) {
		e->apostrophe = 1;
		p++;
	}
	while (e->k < 3 && (nd = digits(&p, end, 4, &v)) > 0) {
		e->n[e->k] = v;
		e->nd[e->k] = nd;
		skip_space(&p, end);
		if ((u = unit_word(&p, end)) == 0 && p < end &&
		    (*p == '.' || *p == '-' || *p == '/')) {
			u = '.';
			p++;
		}
		e->unit[e->k++] = u;
		skip_space(&p, end);
		if (u == 0 || u == 'd')
			break;
	}
	*pp = p;
}

static int
year_of(int n, int nd)
{
	return nd == 4 ? n : nd == 2 ? 2000 + n : -1;
}

/* The shape of a part: 'Y', 'M' (year and month) or 'D' (a day), or for
 * a part without a year, 'm' (month) or 'd' (month and day). */
static int
part_status(const struct period_part *t)
{
	if (t->y < 1 || t->y > 9999 || t->m < 0 || t->m > 12 ||
	    (t->d > 0 && (t->m == 0 || t->d > days_in_month(t->y, t->m))) ||
	    t->d < 0)
		return DATE_IMPOSSIBLE;
	return DATE_OK;
}

/* Whether an end of a period starts with its year: '24, 2024, 2024년. */
static int
year_first(const struct period_end *e)
{
	return e->apostrophe || e->nd[0] == 4 || e->unit[0] == 'y';
}

/* Year, then month and day where given; -1 if the year is not one. */
static int
read_year_first(const struct period_end *e, struct period_part *t)
{
	if ((t->y = year_of(e->n[0], e->nd[0])) < 0)
		return -1;
	t->m = e->k > 1 ? e->n[1] : 0;
	t->d = e->k > 2 ? e->n[2] : 0;
	return 0;
}

/* Reads the start (or only) end of a period. */
static enum date_status
period_start(const struct period_end *e, int year_hint,
    struct period_part *t, char *shape)
{
	memset(t, 0, sizeof(*t));
	if (e->k == 0)
		return DATE_NOT_A_DATE;
	if (year_first(e)) {
		if (read_year_first(e, t) < 0)
			return DATE_NOT_A_DATE;
		*shape = "YMD"[e->k - 1];
	} else if (e->unit[0] == 'm' || e->k == 2) {
		if (year_hint == 0 || e->nd[0] > 2)
			return DATE_NOT_A_DATE;
		t->y = year_hint;
		t->m = e->n[0];
		t->d = e->k > 1 ? e->n[1] : 0;
		*shape = e->k > 1 ? 'd' : 'm';
		if (e->k > 2)
			return DATE_NOT_A_DATE;
	} else if (e->k == 3 && e->nd[0] == 2) {
		t->y = 2000 + e->n[0];
		t->m = e->n[1];
		t->d = e->n[2];
		*shape = 'D';
	} else
		return DATE_NOT_A_DATE;	/* a bare number */
	if (t->m == 0 && e->k > 1)
		return DATE_IMPOSSIBLE;
	return part_status(t);
}

/* Reads the end of a span, which leaves out what it shares with the
 * start: "'24.3.6~3.8", "2.20~23", "'24~'28". */
static enum date_status
period_finish(const struct period_end *e, const struct period_part *s,
    char shape, struct period_part *t)
{
	static const char *const order[] = { "Y", "YM", "YMD", "M", "MD" };
	const char *want;
	int i, skip;

	*t = *s;
	if (e->k == 0)
		return DATE_NOT_A_DATE;
	if (year_first(e))
		return read_year_first(e, t) < 0 ? DATE_NOT_A_DATE :
		    part_status(t);
	switch (shape) {
	case 'Y': want = order[0]; break;
	case 'M': want = order[1]; break;
	case 'D': want = order[2]; break;
	case 'm': want = order[3]; break;
	default: want = order[4]; break;
	}
	/* A unit word says where the end starts: "2월~4월", "3일~5일". */
	if (e->unit[0] == 'm' && strchr(want, 'M'))
		skip = (int)(strchr(want, 'M') - want);
	else if (e->unit[0] == 'd' && strchr(want, 'D'))
		skip = (int)(strchr(want, 'D') - want);
	else
		skip = (int)strlen(want) - e->k;
	if (skip < 0 || skip + e->k > (int)strlen(want))
		return DATE_NOT_A_DATE;
	for (i = 0; i < e->k; i++) {
		switch (want[skip + i]) {
		case 'Y':
			if ((t->y = year_of(e->n[i], e->nd[i])) < 0)
				return DATE_NOT_A_DATE;
			break;
		case 'M':
			t->m = e->n[i];
			break;
		default:
			t->d = e->n[i];
			break;
		}
	}
	return part_status(t);
}

static int
part_first(const struct period_part *t)
{
	return date_from_ymd(t->y, t->m ? t->m : 1, t->d ? t->d : 1);
}

static int
part_last(const struct period_part *t)
{
	if (t->m == 0)
		return date_from_ymd(t->y, 12, 31);
	return date_from_ymd(t->y, t->m, t->d ? t->d :
	    days_in_month(t->y, t->m));
}

/* Trims white space and trailing dots from [*s, *end). */
static void
trim_period(const char **s, const char **end)
{
	skip_space(s, *end);
	while (*end > *s && ((*end)[-1] == ' ' || (*end)[-1] == '\t' ||
	    (*end)[-1] == '.'))
		(*end)--;
}

enum date_status
date_parse_period(const char *s, size_t len, int year_hint, int *first,
    int *last)
{
	const char *p = s, *end = s + len;
	struct period_end e;
	struct period_part a, b;
	enum date_status st;
	char shape = 0;

	trim_period(&p, &end);
	read_end(&p, end, &e);
	if ((st = period_start(&e, year_hint, &a, &shape)) != DATE_OK) {
		skip_space(&p, end);
		/* Too early to call it impossible if it is not all ours. */
		return st == DATE_IMPOSSIBLE && p != end && *p != '~' ?
		    DATE_NOT_A_DATE : st;
	}
	skip_space(&p, end);
	if (p == end) {
		*first = part_first(&a);
		*last = part_last(&a);
		return DATE_OK;
	}
	if (*p != '~')
		return DATE_NOT_A_DATE;
	p++;
	skip_space(&p, end);
	if (p == end) {
		*first = part_first(&a);
		*last = DATE_NONE;
		return DATE_OK;
	}
	read_end(&p, end, &e);
	skip_space(&p, end);
	if (p != end)
		return DATE_NOT_A_DATE;
	if ((st = period_finish(&e, &a, shape, &b)) != DATE_OK)
		return st;
	*first = part_first(&a);
	*last = part_last(&b);
	return *last < *first ? DATE_IMPOSSIBLE : DATE_OK;
}

enum date_status
date_parse_month(const char *s, size_t len, int year_hint, int *date)
{
	const char *p = s, *end = s + len;
	struct period_end e;
	struct period_part t;
	enum date_status st;
	char shape = 0;

	trim_period(&p, &end);
	read_end(&p, end, &e);
	skip_space(&p, end);
	if (p != end)
		return DATE_NOT_A_DATE;
	/* A month: "11月", "2023.11", not "11.6" nor "2024". */
	if (e.k == 0 || (e.k == 1 && e.unit[0] != 'm') ||
	    (e.k == 2 && !(e.apostrophe || e.nd[0] == 4 ||
	    e.unit[0] == 'y')) || e.k > 2)
		return DATE_NOT_A_DATE;
	if ((st = period_start(&e, year_hint, &t, &shape)) != DATE_OK)
		return st;
	if (shape != 'M' && shape != 'm')
		return DATE_NOT_A_DATE;
	*date = part_first(&t);
	return DATE_OK;
}

enum date_status
date_trailing_period(const char *s, int year_hint, int *first, int *last,
    size_t *open)
{
	size_t len;
	const char *paren = trailing_paren(s, &len);
	enum date_status st;

	if (paren == NULL)
		return DATE_NOT_A_DATE;
	st = date_parse_period(paren + 1, len, year_hint, first, last);
	if (st != DATE_NOT_A_DATE)
		*open = (size_t)(paren - s);
	return st;
}

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
date_iso(int date, char *out)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
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

enum date_status
date_trailing(const char *s, int year_hint, int *date, size_t *open)
{
	const char *paren = strrchr(s, '(');
	const char *close;
	size_t len;
	enum date_status st;

	if (paren == NULL)
		return DATE_NOT_A_DATE;
	close = strchr(paren, ')');
	if (close != NULL) {
		const char *q = close + 1;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '\0')
			return DATE_NOT_A_DATE;
		len = (size_t)(close - paren - 1);
	} else
		len = strlen(paren + 1);
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

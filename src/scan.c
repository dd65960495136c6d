/* scan.c: the line recognisers and text helpers the dialect parsers
 * share (see scan.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "outfile.h"
#include "scan.h"

/* ---- lines ---- */

int
page_bar(const struct line *l)
{
	const char *p;

	if (strstr(l->text, "❚") == NULL || l->len > 12)
		return 0;
	for (p = l->text; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == ' ' ||
		    (unsigned char)*p >= 0x80))
			return 0;
	return 1;
}

int
page_digits(const struct line *l)
{
	const char *p;
	int digits = 0;

	for (p = l->text; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p != ' ' && *p != '-')
			return 0;
	}
	return digits > 0 && digits <= 4;
}

int
starts_word(const char *t, const char *w)
{
	size_t n = strlen(w);

	return strncmp(t, w, n) == 0 && (t[n] == ' ' || t[n] == '\0');
}

int
dash_point(const char *t)
{
	return t[0] == '-' && (t[1] == ' ' || t[1] == '\0');
}

int
all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

int
is_url(const char *s)
{
	return str_starts(s, "http://") || str_starts(s, "https://");
}

void
table_header_text(buf *b, const struct config *c)
{
	buf_printf(b, "%s%s", c->digest.header_label,
	    c->digest.header_content);
}

/* ---- plans and progress reports ---- */

int
utf8_at(const char *s, int *cp)
{
	size_t adv;

	*cp = utf8_decode(s, strlen(s) < 4 ? strlen(s) : 4, &adv);
	return *cp < 0 ? 1 : (int)adv;
}

size_t
roman_numeral(const char *s)
{
	const char *p = s;
	int cp, n = 0;

	for (;;) {
		if (*p == 'I' || *p == 'V' || *p == 'X') {
			p++;
			n++;
			continue;
		}
		if (utf8_at(p, &cp) == 3 && cp >= 0x2160 && cp <= 0x216B) {
			p += 3;
			n++;
			continue;
		}
		break;
	}
	if (n == 0)
		return 0;
	while (*p == ' ')
		p++;
	if (*p != '.')
		return 0;
	p++;
	while (*p == ' ')
		p++;
	return (size_t)(p - s);
}

int
contents_entry(const char *t)
{
	const char *tab = strrchr(t, '\t');

	if (tab == NULL)
		return 0;
	if (strspn(t, "-\t ") == strlen(t))
		return 1;
	tab++;
	while (*tab == ' ')
		tab++;
	return *tab && strspn(tab, "0123456789") == strlen(tab) &&
	    strchr(t, '\t') == strrchr(t, '\t');
}

int
numbered_heading(const char *t, const char **title)
{
	const char *p = t;
	int cp, n;

	n = utf8_at(p, &cp);
	if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x3251 &&
	    cp <= 0x325F)) {
		p += n;
		goto found;
	}
	if (t[0] >= 'A' && t[0] <= 'Z' && t[1] == '.' && (unsigned char)t[2] >=
	    0x80) {
		p += 2;
		goto found;
	}
	/* "현안 3": a short Hangul word and a number. */
	while (*p && (unsigned char)*p >= 0x80 && p - t < 12) {
		p += utf8_at(p, &cp);
		if (!is_syllable(cp))
			return 0;
	}
	if (p > t) {
		if (*p != ' ')
			return 0;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return 0;
	for (n = 0; isdigit((unsigned char)*p); n++)
		p++;
	if (n > 2 || p - t > 16 || (*p != ' ' && *p != '\0'))
		return 0;
found:
	while (*p == ' ')
		p++;
	*title = p;
	return 1;
}

int
task_number(const char *t)
{
	size_t n = strspn(t, "0123456789-");

	return n > 0 && isdigit((unsigned char)t[0]) && t[n] == '.' &&
	    t[n + 1] == '\0';
}

/* ---- dates ---- */

int
date_or_month(const char *s, size_t n, int year_hint, int *date)
{
	int st = date_parse(s, n, year_hint, date);

	if (st == DATE_NOT_A_DATE)
		st = date_parse_month(s, n, year_hint, date);
	return st;
}

int
date_cell(const char *s, int year_hint, int *date)
{
	size_t n = strlen(s);

	if (n < 3 || s[0] != '(' || s[n - 1] != ')')
		return DATE_NOT_A_DATE;
	return date_or_month(s + 1, n - 2, year_hint, date);
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
year_word(const char *w, size_t n)
{
	return n == 4 + strlen("년") && isdigit((unsigned char)w[0]) &&
	    isdigit((unsigned char)w[1]) && isdigit((unsigned char)w[2]) &&
	    isdigit((unsigned char)w[3]) && memcmp(w + 4, "년", 3) == 0 ?
	    atoi(w) : 0;
}

int
quarter_mark(const char *s, size_t *len)
{
	const char *p = s;
	int q;

	if (*p++ != '<')
		return 0;
	while (*p == ' ')
		p++;
	if (*p < '1' || *p > '4')
		return 0;
	q = *p++ - '0';
	while (*p == ' ')
		p++;
	if (!str_starts(p, "분기"))
		return 0;
	p += strlen("분기");
	while (*p == ' ')
		p++;
	if (*p++ != '>')
		return 0;
	*len = (size_t)(p - s);
	return q;
}

/* ---- text ---- */

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

char *
text_squeeze_parens(struct arena *a, const char *s)
{
	char *o = text_squeeze(a, s, strlen(s)), *p, *q;
	int depth = 0;

	for (p = q = o; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			*q++ = *p;
	}
	*q = '\0';
	return o;
}

size_t
syllable_count(const char *s)
{
	size_t n = 0, len = strlen(s), i, adv;

	for (i = 0; i < len; i += adv) {
		int cp = utf8_decode(s + i, len - i < 4 ? len - i : 4, &adv);

		if (cp < 0)
			adv = 1;
		n += is_syllable(cp);
	}
	return n;
}

/* ---- the configured vocabulary ---- */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* w[0..n) and s are the same text, white space aside. */
static int
eq_nospace_n(const char *w, size_t n, const char *s)
{
	size_t i = 0;

	for (;;) {
		while (i < n && is_space(w[i]))
			i++;
		while (is_space(*s))
			s++;
		if (i == n || *s == '\0')
			return i == n && *s == '\0';
		if (w[i] != *s)
			return 0;
		i++, s++;
	}
}

int
tag_listed(const struct config *c, const char *tag)
{
	size_t i, n;
	const char *p;

	for (i = 0; i < c->nsectors; i++) {
		const struct taxon *x = &c->sectors[i];

		for (p = x->tags; p && *p; p += n) {
			p += strspn(p, " ,\n\t");
			n = strcspn(p, " ,\n\t");
			if (n > 0 && eq_nospace_n(p, n, tag))
				return (int)i;
		}
		if (eq_nospace_n(x->name, strcspn(x->name, " "), tag))
			return (int)i;
	}
	return -1;
}

/* Hangul letters in s[0..len), or -1 when s has anything else. */
static int
hangul_letters(const char *s, size_t len)
{
	size_t i = 0, adv;
	int n = 0, cp;

	while (i < len) {
		if ((cp = utf8_decode(s + i, len - i, &adv)) < 0 ||
		    !is_hangul(cp))
			return -1;
		n++;
		i += adv;
	}
	return n;
}

int
issuer_suffix(const struct config *c, const char *w, size_t n)
{
	const char *list, *p;
	size_t i, m;

	if (hangul_letters(w, n) < 3)
		return -1;
	for (i = 0; i < c->norgs; i++) {
		if ((list = c->orgs[i].outline) == NULL)
			continue;
		for (p = list; *p; p += m) {
			p += strspn(p, " \t\n");
			m = strcspn(p, " \t\n");
			if (m > 0 && m < n && memcmp(w + n - m, p, m) == 0)
				return (int)i;
		}
	}
	return -1;
}

/* ---- keys ---- */

int
keyset_find(const struct keyset *ks, const char *s, size_t n)
{
	size_t i;

	if (ks->cap == 0)
		return -1;
	for (i = fnv64(FNV64_INIT, s, n) & (ks->cap - 1); ks->v[i].key != NULL;
	    i = (i + 1) & (ks->cap - 1))
		if (ks->v[i].len == n && memcmp(ks->v[i].key, s, n) == 0)
			return ks->v[i].val;
	return -1;
}

void
keyset_add(struct keyset *ks, const char *key, int val)
{
	size_t i, n = strlen(key);

	if (keyset_find(ks, key, n) >= 0)
		return;
	if ((ks->n + 1) * 2 > ks->cap) {
		struct keyset bigger;

		bigger.cap = ks->cap ? ks->cap * 2 : 64;
		bigger.n = 0;
		bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
		for (i = 0; i < ks->cap; i++)
			if (ks->v[i].key != NULL)
				keyset_add(&bigger, ks->v[i].key,
				    ks->v[i].val);
		free(ks->v);
		*ks = bigger;
	}
	for (i = fnv64(FNV64_INIT, key, n) & (ks->cap - 1);
	    ks->v[i].key != NULL; i = (i + 1) & (ks->cap - 1))
		continue;
	ks->v[i].key = key;
	ks->v[i].len = n;
	ks->v[i].val = val;
	ks->n++;
}

void
keyset_free(struct keyset *ks)
{
	free(ks->v);
	memset(ks, 0, sizeof(*ks));
}

int
line_col(const struct line *l, const char *at)
{
	return l->lead + utf8_column(l->text, (size_t)(at - l->text));
}

int
doc_col(const struct doc *d, int lineno, const char *s)
{
	const char *p;

	if (s == NULL || *s == '\0' || lineno < 1 || (size_t)lineno > d->n)
		return 0;
	p = strstr(d->lines[lineno - 1].text, s);
	if (p == NULL || strstr(p + 1, s) != NULL)
		return 0;
	return line_col(&d->lines[lineno - 1], p);
}

int
title_date_col(const struct doc *d, int lineno, const char *text,
    const char *title)
{
	size_t n = strlen(title);

	if (strncmp(text, title, n) != 0)
		return 0;
	return doc_col(d, lineno, strchr(text + n, '('));
}

/* parse_trend.c: the trend watch bulletin.
 *
 * Three parts.  A summary table ("구분 주요 내용 페이지") lists every
 * article as "∙ title (source, M.D)" and every technology clipping as
 * "∙ (tag) name", with summary lines and page numbers, the category
 * cells broken one word a line: it repeats the rest, so it is read for
 * cross-checks, running titles and clipping tags, and is furniture.
 * Then the articles: a title line "title (source, M.D)", a lead, "- "
 * points, "※" and "*" notes, "(참고 : ...)", small tables.  Then the
 * clippings, either as a table ("분류 기술명 주요 내용 출처": category
 * and name cells, a "∙" lead, "- " lines, the source and "(11.13)"
 * printed mid-row) or as "∙ (tag) name" entries.
 *
 * Items: one per article and clipping.  The title keeps the source in
 * parentheses, not the date: "title (source)".  Dates are M.D, or a
 * month alone (its first day), the year from the file. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "cues.h"
#include "date.h"
#include "msg.h"
#include "parse.h"

enum sum_kind {
	SUM_ARTICLE,
	SUM_CLIPPING,
};

/* An entry of the summary table. */
struct sum_entry {
	int	 kind;
	char	*key;		/* article: the line without "∙ "; clipping:
				 * the name without parentheses; no spaces */
	char	*alt;		/* clipping: the name as printed, no spaces */
	char	*tag;		/* clipping: "AI", "기후변화" */
	char	*sqtag;		/* the tag without white space */
	const char *text;	/* as printed, without "∙ " */
	int	 line;
	int	 found;
};

/* Strings to values, open addressing: the summary's keys to their
 * entries, tags to their sectors.  Keys live in the arena. */
struct keyset {
	struct ks_slot {
		const char	*key;	/* NULL: empty */
		size_t		 len;
		int		 val;
	}		*v;
	size_t		 cap, n;
};

struct trend {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	int			 year;
	struct sum_entry	*sum;
	size_t			 nsum, narticles;
	struct keyset		 articles;	/* key: index in sum */
	struct keyset		 clips;		/* key and alt: index */
	struct keyset		 tags;		/* squeezed tag: sector+2 */
	char			**cats;		/* category cells, no spaces */
	size_t			 ncats;
	long			 cur;		/* current item, -1 none */
	buf			 acc;		/* bullet being built */
	int			 acc_note;	/* it is a note block */
	int			 acc_trail;	/* its last line kept a space */
	size_t			 acc_last;	/* index of its last line */
};

/* s without white space and without parenthesised parts. */
static char *
squeeze_parens(struct arena *a, const char *s)
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

static int
all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* "❚ 2", "3 ❚", "i ❚", "❚ ii" */
static int
page_mark(const struct line *l)
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

static int
starts_word(const char *t, const char *w)
{
	size_t n = strlen(w);

	return strncmp(t, w, n) == 0 && (t[n] == ' ' || t[n] == '\0');
}

/* A point: "- ", "∙ " (marker dropped) or a note: "※", "*", "▲",
 * "(참고" (marker kept).  Returns 'p', 'n' or 0. */
static int
marker(const char *t)
{
	if (starts_word(t, "-") || starts_word(t, "∙"))
		return 'p';
	if (str_starts(t, "※") || t[0] == '*' || str_starts(t, "▲") ||
	    str_starts(t, "(참고"))
		return 'n';
	return 0;
}

static int
is_header(const struct trend *t, const char *line, const char *key,
    const char *dflt)
{
	return str_eq_nospace(line, config_str(t->c, "trend", key, dflt));
}

/* Reads a trailing "(source, date)", "(source, 11月)" or "(date)".
 * Returns the date status; *open is where the parenthesis starts and
 * *src the source (NULL when there is none). */
static int
source_date(struct trend *t, const char *s, size_t *open, char **src,
    int *date)
{
	size_t n = strlen(s);
	const char *paren, *comma, *d;
	int st;

	*src = NULL;
	if (n < 3 || s[n - 1] != ')' || (paren = strrchr(s, '(')) == NULL)
		return DATE_NOT_A_DATE;
	comma = NULL;
	for (d = paren + 1; d < s + n - 1; d++)
		if (*d == ',')
			comma = d;
	d = comma ? comma + 1 : paren + 1;
	st = date_parse(d, (size_t)(s + n - 1 - d), t->year, date);
	if (st == DATE_NOT_A_DATE)
		st = date_parse_month(d, (size_t)(s + n - 1 - d), t->year,
		    date);
	if (st == DATE_NOT_A_DATE)
		return st;
	if (comma) {
		*src = str_trim(arena_strndup(&t->cs->arena, paren + 1,
		    (size_t)(comma - paren - 1)));
		if (**src == '\0')
			return DATE_NOT_A_DATE;
	}
	*open = (size_t)(paren - s);
	return st;
}

static size_t
key_hash(const char *s, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The value of s[0..n), or -1. */
static int
keyset_find(const struct keyset *ks, const char *s, size_t n)
{
	size_t i;

	if (ks->cap == 0)
		return -1;
	for (i = key_hash(s, n) & (ks->cap - 1); ks->v[i].key != NULL;
	    i = (i + 1) & (ks->cap - 1))
		if (ks->v[i].len == n && memcmp(ks->v[i].key, s, n) == 0)
			return ks->v[i].val;
	return -1;
}

/* Adds key with val unless it is there already. */
static void
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
	for (i = key_hash(key, n) & (ks->cap - 1); ks->v[i].key != NULL;
	    i = (i + 1) & (ks->cap - 1))
		continue;
	ks->v[i].key = key;
	ks->v[i].len = n;
	ks->v[i].val = val;
	ks->n++;
}

/* The same, remembered: a file has few tags and many clippings. */
static int
tag_sector(struct trend *t, const char *tag)
{
	char *sq = text_squeeze(&t->cs->arena, tag, strlen(tag));
	int v = keyset_find(&t->tags, sq, strlen(sq));

	if (v < 0) {
		v = classify_tag(t->c, sq) + 2;
		keyset_add(&t->tags, sq, v);
	}
	return v - 2;
}

static int
known_tag(struct trend *t, const char *sq)
{
	size_t i;

	for (i = 0; i < t->nsum; i++)
		if (t->sum[i].kind == SUM_CLIPPING &&
		    strcmp(t->sum[i].sqtag, sq) == 0)
			return 1;
	return tag_sector(t, sq) >= 0;
}

/* Reads a summary entry "∙ title (source, M.D)" or "∙ (tag) name". */
static void
summary_entry(struct trend *t, const char *s, int lineno)
{
	struct sum_entry *e;
	const char *close;

	t->sum = xrealloc(t->sum, (t->nsum + 1) * sizeof(*t->sum));
	e = &t->sum[t->nsum++];
	memset(e, 0, sizeof(*e));
	e->line = lineno;
	s += strlen("∙");
	while (*s == ' ')
		s++;
	e->text = s;
	if (*s == '(' && (close = strchr(s, ')')) != NULL &&
	    close[1] != '\0') {
		e->kind = SUM_CLIPPING;
		e->tag = str_trim(arena_strndup(&t->cs->arena, s + 1,
		    (size_t)(close - s - 1)));
		e->key = squeeze_parens(&t->cs->arena, close + 1);
		e->alt = text_squeeze(&t->cs->arena, close + 1,
		    strlen(close + 1));
		e->sqtag = text_squeeze(&t->cs->arena, e->tag,
		    strlen(e->tag));
		keyset_add(&t->clips, e->key, (int)(t->nsum - 1));
		keyset_add(&t->clips, e->alt, (int)(t->nsum - 1));
	} else {
		e->kind = SUM_ARTICLE;
		e->key = text_squeeze(&t->cs->arena, s, strlen(s));
		keyset_add(&t->articles, e->key, (int)(t->nsum - 1));
		t->narticles++;
	}
}

static int
article_listed(struct trend *t, const char *line)
{
	char *k = text_squeeze(&t->cs->arena, line, strlen(line));

	return keyset_find(&t->articles, k, strlen(k)) + 1;
}

/* Reads the summary table from line h; returns the index of the line
 * that opens the first article (all before it is furniture). */
static size_t
summary(struct trend *t, size_t h)
{
	enum { HEAD, ENTRY, TEXT, CAT } state = HEAD;
	buf cat = {0};
	size_t i;

	for (i = h; i < t->d->n; i++) {
		struct line *l = &t->d->lines[i];

		if (l->len == 0)
			continue;
		if (!marker(l->text) && article_listed(t, l->text))
			break;
		if (is_header(t, l->text, "clipping_header",
		    "분류 기술명 주요 내용 출처"))
			break;
		/* An article the summary spells otherwise: the summary is
		 * over all the same. */
		if ((state == HEAD || state == CAT) && !marker(l->text) &&
		    l->text[0] != '(') {
			size_t open = 0;
			char *src;
			int date;

			if (source_date(t, l->text, &open, &src, &date) !=
			    DATE_NOT_A_DATE && src != NULL && open > 0)
				break;
		}
		l->use = LINE_FURNITURE;
		if (page_mark(l))
			continue;
		if (is_header(t, l->text, "summary_header",
		    "구분 주요 내용 페이지") || all_digits(l->text)) {
			state = HEAD;
			continue;
		}
		if (str_starts(l->text, "∙")) {
			if (cat.len > 0) {
				t->cats = xrealloc(t->cats, (t->ncats + 1) *
				    sizeof(*t->cats));
				t->cats[t->ncats++] = arena_strdup(
				    &t->cs->arena, cat.ptr);
				buf_reset(&cat);
			}
			summary_entry(t, l->text, (int)i + 1);
			state = ENTRY;
		} else if (starts_word(l->text, "-"))
			state = TEXT;
		else if (state != TEXT && state != ENTRY) {
			/* A category cell, one word a line. */
			buf_puts(&cat, text_squeeze(&t->cs->arena, l->text,
			    l->len));
			state = CAT;
		}
	}
	buf_free(&cat);
	if (i == t->d->n)
		msg(MSG_TREND_SUMMARY_OPEN, t->d->path, (int)h + 1, 0);
	return i;
}

static int
running_title(const struct trend *t, const struct line *l)
{
	size_t i;

	for (i = 0; i < t->ncats; i++)
		if (str_eq_nospace(l->text, t->cats[i]))
			return 1;
	return 0;
}

/* Ends the bullet being built. */
static void
flush_bullet(struct trend *t)
{
	if (t->cur >= 0 && t->acc.len > 0)
		strlist_add(&t->cs->items[t->cur].bullets, &t->cs->arena,
		    arena_strndup(&t->cs->arena, t->acc.ptr, t->acc.len));
	buf_reset(&t->acc);
	t->acc_note = 0;
}

static void
start_bullet(struct trend *t, const struct line *l, size_t i)
{
	const char *s = l->text;
	int m = marker(s);

	flush_bullet(t);
	if (m == 'p') {
		s += s[0] == '-' ? 1 : strlen("∙");
		while (*s == ' ')
			s++;
	}
	buf_puts(&t->acc, s);
	t->acc_note = m == 'n';
	t->acc_trail = l->trail;
	t->acc_last = i;
}

static void
go_on(struct trend *t, const struct line *l, size_t i)
{
	join_wrapped(&t->acc, t->acc_trail, t->d->trail_wraps, l->text);
	t->acc_trail = l->trail;
	t->acc_last = i;
}

static struct item *
new_item(struct trend *t, int lineno)
{
	struct item *it;

	flush_bullet(t);
	it = corpus_add(t->cs, t->d->path, lineno);
	t->cur = (long)(t->cs->n - 1);
	return it;
}

/* "title (source)" in the arena. */
static char *
title_with_source(struct trend *t, const char *title, size_t n,
    const char *src)
{
	buf b = {0};
	char *r;

	while (n > 0 && title[n - 1] == ' ')
		n--;
	buf_put(&b, title, n);
	if (src && *src)
		buf_printf(&b, " (%s)", src);
	r = arena_strdup(&t->cs->arena, b.ptr ? b.ptr : "");
	buf_free(&b);
	return r;
}

/* An article title: a line ending in "(source, date)"; when there is a
 * summary, one of its entries or a line that starts a paragraph. */
static int
article_title(struct trend *t, size_t i, int prev_trail)
{
	struct line *l = &t->d->lines[i];
	struct item *it;
	size_t open = 0;
	char *src;
	int date, st, listed;

	if (marker(l->text) || l->text[0] == '(')
		return 0;
	st = source_date(t, l->text, &open, &src, &date);
	if (st == DATE_NOT_A_DATE || src == NULL || open == 0)
		return 0;
	listed = article_listed(t, l->text);
	if (!listed && (t->narticles > 0 && prev_trail))
		return 0;
	it = new_item(t, (int)i + 1);
	it->title = title_with_source(t, l->text, open, src);
	it->date = st == DATE_OK ? date : DATE_NONE;
	if (st == DATE_IMPOSSIBLE)
		msg(MSG_PARSE_TITLE_DATE_IMPOSSIBLE, t->d->path, (int)i + 1, 0,
		    msg_title(l->text));
	if (listed)
		t->sum[listed - 1].found = 1;
	else if (t->narticles > 0)
		msg(MSG_TREND_NOT_LISTED, t->d->path, (int)i + 1, 0,
		    msg_title(it->title));
	l->use = LINE_USED;
	return 1;
}

/* Text that cannot end a paragraph: "시험제작·", "A, B," */
static int
open_end(const buf *b)
{
	return (b->len >= 2 && strcmp(b->ptr + b->len - 2, "·") == 0) ||
	    (b->len >= 1 && b->ptr[b->len - 1] == ',');
}

/* The articles, from line a to line z. */
static void
articles(struct trend *t, size_t a, size_t z)
{
	size_t i;
	int prev_trail = 0, header_next = 0;

	for (i = a; i < z; i++) {
		struct line *l = &t->d->lines[i];
		int consecutive = i > 0 && t->d->lines[i - 1].len > 0;

		if (l->len == 0) {
			header_next = 0;
			continue;
		}
		l->use = LINE_FURNITURE;
		if (page_mark(l) || running_title(t, l))
			continue;
		/* "▘caption▗", then the table header right under it. */
		if (str_starts(l->text, "▘") || (l->len >= 3 &&
		    strcmp(l->text + l->len - 3, "▗") == 0)) {
			header_next = 1;
			continue;
		}
		if (header_next && consecutive) {
			header_next = 0;
			continue;
		}
		header_next = 0;
		if (article_title(t, i, prev_trail)) {
			prev_trail = 0;
			continue;
		}
		if (t->cur < 0) {
			msg(MSG_TREND_FRONT, t->d->path, (int)i + 1, 0,
			    l->text);
			continue;
		}
		l->use = LINE_USED;
		/* "▲" lists go on over wraps. */
		if (marker(l->text) && !(prev_trail && t->acc.len > 0 &&
		    str_starts(l->text, "▲")))
			start_bullet(t, l, i);
		else if (t->acc.len > 0 && (prev_trail || str_starts(l->text,
		    "▲") || open_end(&t->acc) ||
		    (t->acc_note && consecutive && t->acc_last == i - 1)))
			go_on(t, l, i);
		else
			start_bullet(t, l, i);
		prev_trail = l->trail;
	}
	flush_bullet(t);
}

/* A clipping's date cell: "(11.13)". */
static int
date_cell(struct trend *t, const char *s, int *date)
{
	size_t n = strlen(s);
	int st;

	if (n < 3 || s[0] != '(' || s[n - 1] != ')')
		return DATE_NOT_A_DATE;
	st = date_parse(s + 1, n - 2, t->year, date);
	if (st == DATE_NOT_A_DATE)
		st = date_parse_month(s + 1, n - 2, t->year, date);
	return st;
}

/* The clipping being built. */
struct clip {
	long	 item;
	char	*category;
	buf	 sources;
};

/* Lines of the clippings table not yet placed: continuation, source,
 * category or name cells, decided by what comes next. */
struct run {
	size_t	*v;
	size_t	 n, cap;
};

static void
run_add(struct run *r, size_t i)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	r->v[r->n++] = i;
}

/* Continuation lines go on with the current bullet. */
static void
run_continue(struct trend *t, const struct run *r, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++) {
		struct line *l = &t->d->lines[r->v[k]];

		if (t->cur < 0 || t->acc.len == 0) {
			l->use = LINE_UNPLACED;
			msg(MSG_TREND_CLIPPING_OUTSIDE, t->d->path,
			    (int)r->v[k] + 1, 0, l->text);
			continue;
		}
		l->use = LINE_USED;
		go_on(t, l, r->v[k]);
	}
}

/* How many leading lines of the run go on with the bullet before it:
 * those after a line that kept a trailing space. */
static size_t
run_wraps(struct trend *t, const struct run *r)
{
	size_t k;
	int trail = t->acc.len > 0 && t->acc_trail;

	for (k = 0; k < r->n && trail; k++)
		trail = t->d->lines[r->v[k]].trail;
	return k;
}

/* Whether the bullet cut by the source and date cells goes on after
 * the date cell at line i: unmarked lines that lead to a point, not to
 * the next clipping's "∙". */
static int
cut_by_cells(struct trend *t, size_t i)
{
	size_t j;
	int date, unmarked = 0;

	/* A row is a few dozen lines; no need to look further. */
	for (j = i + 1; j < t->d->n && j < i + 200; j++) {
		const char *s = t->d->lines[j].text;

		if (t->d->lines[j].len == 0)
			continue;
		if (date_cell(t, s, &date) != DATE_NOT_A_DATE ||
		    page_mark(&t->d->lines[j]))
			return 0;
		if (marker(s))
			return unmarked && !str_starts(s, "∙");
		/* A cell's text going on is set in by a space. */
		if (!unmarked && t->d->lines[j].lead)
			return 1;
		unmarked = 1;
	}
	return 0;
}

/* Before a date cell: wrapped lines, then the source names; none of
 * them wrapped when the cells cut the bullet in two. */
static void
run_sources(struct trend *t, struct run *r, struct clip *cl, int cut)
{
	size_t k = cut ? 0 : run_wraps(t, r), j;

	run_continue(t, r, 0, k);
	for (j = k; j < r->n; j++) {
		struct line *l = &t->d->lines[r->v[j]];

		l->use = LINE_USED;
		/* One source a line, unless it wraps: "Nature ⏎Materials". */
		if (cl->sources.len > 0)
			buf_puts(&cl->sources, j > k &&
			    t->d->lines[r->v[j - 1]].trail ? " " : ", ");
		buf_puts(&cl->sources, l->text);
	}
	r->n = 0;
}

/* Joins lines from..to of the run (the first from byte off) as printed
 * cells are joined; NULL if empty. */
static char *
run_text(struct trend *t, const struct run *r, size_t from, size_t off,
    size_t to)
{
	buf b = {0};
	char *s;
	size_t k;
	int trail = 1;

	for (k = from; k < to; k++) {
		const struct line *l = &t->d->lines[r->v[k]];
		const char *p = l->text + (k == from ? off : 0);

		while (*p == ' ')
			p++;
		join_wrapped(&b, trail, t->d->trail_wraps, p);
		trail = l->trail;
	}
	s = b.len ? arena_strdup(&t->cs->arena, str_trim(b.ptr)) : NULL;
	buf_free(&b);
	return s;
}

/* Finds the summary clipping whose name ends the run; sets the line and
 * byte where the name starts. */
static struct sum_entry *
run_name(struct trend *t, const struct run *r, size_t *line, size_t *off)
{
	buf all = {0};
	struct sum_entry *best = NULL;
	size_t k, i, want, seen, bestlen = 0;

	for (k = 0; k < r->n; k++) {
		const struct line *l = &t->d->lines[r->v[k]];

		buf_puts(&all, text_squeeze(&t->cs->arena, l->text, l->len));
	}
	/* The longest suffix that names a clipping; names are short. */
	for (i = all.len > 512 ? all.len - 512 : 0; i < all.len; i++) {
		int e;

		if ((all.ptr[i] & 0xC0) == 0x80)
			continue;
		if ((e = keyset_find(&t->clips, all.ptr + i,
		    all.len - i)) >= 0) {
			best = &t->sum[e];
			bestlen = all.len - i;
			break;
		}
	}
	if (best != NULL) {
		want = all.len - bestlen;
		for (seen = 0, k = 0; k < r->n; k++) {
			const char *p = t->d->lines[r->v[k]].text;

			for (i = 0; p[i]; i++) {
				if (isspace((unsigned char)p[i]))
					continue;
				if (seen++ == want) {
					*line = k;
					*off = i;
					buf_free(&all);
					return best;
				}
			}
		}
	}
	buf_free(&all);
	return NULL;
}

/* Before a "∙" lead: wrapped lines, the category cell, the name cell.
 * Sets the name, the category (NULL if none) and the index in the run
 * where the cells start; lines before it go on with the last bullet. */
static size_t
run_cells(struct trend *t, const struct run *r, char **name,
    char **category)
{
	struct sum_entry *e;
	size_t line = 0, off = 0, k, cat;

	*name = *category = NULL;
	if (r->n == 0)
		return 0;
	if ((e = run_name(t, r, &line, &off)) != NULL)
		e->found = 1;
	else {
		/* No summary to go by: the name is the last cell (a
		 * cell's lines keep a trailing space but its last). */
		for (line = r->n - 1; line > 0 &&
		    t->d->lines[r->v[line - 1]].trail; line--)
			continue;
		off = 0;
	}
	*name = run_text(t, r, line, off, r->n);
	/* The category: what is left on the name's line, or the last
	 * lines before it that name a tag, or the cell before it. */
	cat = line;
	if (off > 0)
		*category = str_trim(arena_strndup(&t->cs->arena,
		    t->d->lines[r->v[line]].text, off));
	else {
		/* A category cell is a word or two, on a line or three. */
		for (k = line > 3 ? line - 3 : 0; k < line; k++) {
			char *s = run_text(t, r, k, 0, line);

			if (s && known_tag(t, text_squeeze(&t->cs->arena, s,
			    strlen(s)))) {
				*category = s;
				cat = k;
				break;
			}
		}
		if (*category == NULL && line > 0) {
			k = run_wraps(t, r);
			if (line - k > 3)
				k = line - 3;
			if (k < line) {
				*category = run_text(t, r, k, 0, line);
				cat = k;
			}
		}
	}
	for (k = cat; k < r->n; k++)
		t->d->lines[r->v[k]].use = LINE_USED;
	return cat;
}

/* Sets the finished clipping's title source and sector. */
static void
clip_end(struct trend *t, struct clip *cl)
{
	struct item *it;
	const char *tag = cl->category;
	char *k;
	int e;

	flush_bullet(t);
	if (cl->item < 0)
		return;
	it = &t->cs->items[cl->item];
	if (it->title == NULL)
		it->title = arena_strdup(&t->cs->arena, "");
	/* The summary's tag is the explicit one. */
	k = squeeze_parens(&t->cs->arena, it->title);
	if ((e = keyset_find(&t->clips, k, strlen(k))) < 0) {
		k = text_squeeze(&t->cs->arena, it->title, strlen(it->title));
		e = keyset_find(&t->clips, k, strlen(k));
	}
	if (e >= 0) {
		t->sum[e].found = 1;
		tag = t->sum[e].tag;
	}
	/* What the text says; classify.c decides what it means. */
	if (tag != NULL)
		it->tag = arena_strdup(&t->cs->arena, tag);
	if (cl->sources.len > 0)
		it->title = title_with_source(t, it->title, strlen(it->title),
		    cl->sources.ptr);
	if (it->date == DATE_NONE)
		msg(MSG_TREND_CLIPPING_NO_DATE, t->d->path, it->line, 0,
		    msg_title(it->title));
	buf_reset(&cl->sources);
	cl->item = -1;
}

/* "∙ (AI) 자율경비로봇" */
static int
tagged_entry(const char *s)
{
	const char *close;

	if (!str_starts(s, "∙"))
		return 0;
	s += strlen("∙");
	while (*s == ' ')
		s++;
	return *s == '(' && (close = strchr(s, ')')) != NULL &&
	    close[1] != '\0';
}

/* The technology clippings, from line a to the end. */
static void
clippings(struct trend *t, size_t a)
{
	struct run r = {0};
	struct clip cl;
	size_t i;
	int date, st;

	memset(&cl, 0, sizeof(cl));
	cl.item = -1;
	for (i = a; i < t->d->n; i++) {
		struct line *l = &t->d->lines[i];
		struct item *it;

		if (l->len == 0)
			continue;
		l->use = LINE_FURNITURE;
		if (page_mark(l) || is_header(t, l->text, "clipping_header",
		    "분류 기술명 주요 내용 출처"))
			continue;
		l->use = LINE_USED;
		if ((st = date_cell(t, l->text, &date)) != DATE_NOT_A_DATE) {
			run_sources(t, &r, &cl, cut_by_cells(t, i));
			if (cl.item < 0) {
				l->use = LINE_UNPLACED;
				msg(MSG_TREND_DATE_OUTSIDE, t->d->path,
				    (int)i + 1, 0, l->text);
			} else if (st == DATE_IMPOSSIBLE)
				msg(MSG_TREND_CLIPPING_DATE_IMPOSSIBLE,
				    t->d->path, (int)i + 1, 0, l->text);
			else
				t->cs->items[cl.item].date = date;
			continue;
		}
		if (tagged_entry(l->text)) {
			const char *s = strchr(l->text, '(');
			const char *close = strchr(s, ')');

			run_continue(t, &r, 0, r.n);
			r.n = 0;
			clip_end(t, &cl);
			it = new_item(t, (int)i + 1);
			cl.item = t->cur;
			cl.category = str_trim(arena_strndup(&t->cs->arena,
			    s + 1, (size_t)(close - s - 1)));
			it->title = str_trim(arena_strdup(&t->cs->arena,
			    close + 1));
			continue;
		}
		if (str_starts(l->text, "∙")) {
			char *name, *category;
			size_t cat = run_cells(t, &r, &name, &category);

			run_continue(t, &r, 0, cat);
			clip_end(t, &cl);
			it = new_item(t, (int)(cat < r.n ? r.v[cat] : i) + 1);
			r.n = 0;
			cl.item = t->cur;
			cl.category = category;
			it->title = name;
			if (name == NULL) {
				msg(MSG_TREND_CLIPPING_NO_NAME, t->d->path,
				    (int)i + 1, 0);
				it->title = arena_strdup(&t->cs->arena, "");
			}
			start_bullet(t, l, i);
			continue;
		}
		if (marker(l->text)) {
			run_continue(t, &r, 0, r.n);
			r.n = 0;
			if (cl.item < 0) {
				l->use = LINE_UNPLACED;
				msg(MSG_TREND_CLIPPING_OUTSIDE, t->d->path,
				    (int)i + 1, 0, l->text);
				continue;
			}
			start_bullet(t, l, i);
			continue;
		}
		run_add(&r, i);
	}
	run_continue(t, &r, 0, r.n);
	clip_end(t, &cl);
	buf_free(&cl.sources);
	free(r.v);
}

size_t
parse_trend(struct doc *d, struct corpus *cs, const struct config *c)
{
	struct trend t;
	size_t i, first = 0, clip, before = cs->n;

	memset(&t, 0, sizeof(t));
	t.d = d;
	t.cs = cs;
	t.c = c;
	t.year = doc_year_hint(d);
	t.cur = -1;
	/* The cover, then the summary table. */
	for (i = 0; i < d->n; i++)
		if (is_header(&t, d->lines[i].text, "summary_header",
		    "구분 주요 내용 페이지"))
			break;
	if (i < d->n) {
		first = summary(&t, i);
		while (i-- > 0)
			d->lines[i].use = LINE_FURNITURE;
	}
	/* The clippings start at their table header, or at the first
	 * "∙ (tag) name" after the summary. */
	for (clip = first; clip < d->n; clip++)
		if (is_header(&t, d->lines[clip].text, "clipping_header",
		    "분류 기술명 주요 내용 출처") ||
		    tagged_entry(d->lines[clip].text))
			break;
	articles(&t, first, clip);
	t.cur = -1;
	clippings(&t, clip);
	for (i = 0; i < t.nsum; i++)
		if (!t.sum[i].found)
			msg(MSG_TREND_SUMMARY_UNUSED, d->path, t.sum[i].line, 0,
			    t.sum[i].kind == SUM_ARTICLE ? "article" :
			    "clipping", t.sum[i].text);
	buf_free(&t.acc);
	free(t.sum);
	free(t.cats);
	free(t.articles.v);
	free(t.clips.v);
	free(t.tags.v);
	return cs->n - before;
}

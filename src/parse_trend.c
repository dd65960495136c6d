/* parse_trend.c: the trend watch bulletin.
 *
 * Three parts.  A summary table ("구분 주요 내용 페이지") lists every
 * article as "∙ title (source, M.D)" and every technology clipping as
 * "∙ (tag) name", with summary lines and page numbers, the category
 * cells broken one word a line: it repeats the rest, so it is read for
 * cross-checks, running titles and clipping tags, and is furniture.
 * Then the articles: a title line "title (source, M.D)", a lead, "- "
 * points, notes ("※", "(참고 : ...)": [trend] note_openers), small
 * tables.  Then the clippings, either as a table ("분류 기술명 주요 내용
 * 출처": category and name cells, a "∙" lead, "- " lines, the source
 * and "(11.13)" printed mid-row) or as "∙ (tag) name" entries:
 * parse_trend_clip.c.
 *
 * Items: one per article and clipping.  The title keeps the source in
 * parentheses, not the date: "title (source)".  Dates are M.D, or a
 * month alone (its first day), the year from the file. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse.h"
#include "parse_trend.h"

int
trend_marker(const struct trend *t, const char *s)
{
	const struct conf_words *notes = &t->c->trend.note_openers;
	size_t i;

	if (dash_point(s) || starts_word(s, "∙"))
		return 'p';
	for (i = 0; i < notes->n; i++)
		if (str_starts(s, notes->v[i]))
			return 'n';
	return 0;
}

int
trend_header(const char *line, const char *header)
{
	return str_eq_nospace(line, header);
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
	st = date_or_month(d, (size_t)(s + n - 1 - d), t->year, date);
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

/* Reads a summary entry "∙ title (source, M.D)" or "∙ (tag) name". */
static void
summary_entry(struct trend *t, const char *s, int lineno)
{
	struct summary_entry *e;
	const char *close;

	VEC_GROW(t->sum, t->sumcap, t->nsum + 1);
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
		e->key = text_squeeze_parens(&t->cs->arena, close + 1);
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
		if (!trend_marker(t, l->text) && article_listed(t, l->text))
			break;
		if (trend_header(l->text, t->c->trend.clipping_header))
			break;
		/* An article the summary spells otherwise: the summary is
		 * over all the same. */
		if ((state == HEAD || state == CAT) &&
		    !trend_marker(t, l->text) && l->text[0] != '(') {
			size_t open = 0;
			char *src;
			int date;

			if (source_date(t, l->text, &open, &src, &date) !=
			    DATE_NOT_A_DATE && src != NULL && open > 0)
				break;
		}
		l->use = LINE_FURNITURE;
		if (page_bar(l))
			continue;
		if (trend_header(l->text, t->c->trend.summary_header) ||
		    all_digits(l->text)) {
			state = HEAD;
			continue;
		}
		if (str_starts(l->text, "∙")) {
			if (cat.len > 0) {
				VEC_GROW(t->cats, t->catcap, t->ncats + 1);
				t->cats[t->ncats++] = arena_strdup(
				    &t->cs->arena, cat.ptr);
				buf_reset(&cat);
			}
			summary_entry(t, l->text, (int)i + 1);
			state = ENTRY;
		} else if (dash_point(l->text))
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
void
flush_bullet(struct trend *t)
{
	if (t->cur >= 0 && t->acc.len > 0)
		strlist_add(&t->cs->items[t->cur].bullets, &t->cs->arena,
		    arena_strndup(&t->cs->arena, t->acc.ptr, t->acc.len));
	buf_reset(&t->acc);
	t->acc_note = 0;
}

void
start_bullet(struct trend *t, const struct line *l, size_t i)
{
	const char *s = l->text;
	int m = trend_marker(t, s);

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

void
go_on(struct trend *t, const struct line *l, size_t i)
{
	join_wrapped(&t->acc, t->acc_trail, t->d->trail_wraps, l->text);
	t->acc_trail = l->trail;
	t->acc_last = i;
}

struct item *
new_item(struct trend *t, int lineno)
{
	struct item *it;

	flush_bullet(t);
	it = corpus_add(t->cs, t->d->path, lineno);
	t->cur = (long)(t->cs->n - 1);
	return it;
}

char *
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

	if (trend_marker(t, l->text) || l->text[0] == '(')
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
	it->date_col = line_col(l, l->text + open);	/* "(source, date)" */
	if (st == DATE_IMPOSSIBLE)
		msg(MSG_PARSE_TITLE_DATE_IMPOSSIBLE, t->d->path, (int)i + 1,
		    line_col(l, l->text + open), msg_title(l->text));
	if (listed)
		t->sum[listed - 1].found = 1;
	else if (t->narticles > 0)
		msg(MSG_TREND_NOT_LISTED, t->d->path, (int)i + 1,
		    line_col(l, l->text), msg_title(it->title));
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
		if (page_bar(l) || running_title(t, l))
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
			msg(MSG_TREND_FRONT, t->d->path, (int)i + 1,
			    line_col(l, l->text), l->text);
			continue;
		}
		l->use = LINE_USED;
		/* "▲" lists go on over wraps. */
		if (trend_marker(t, l->text) && !(prev_trail && t->acc.len > 0 &&
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
		if (trend_header(d->lines[i].text, c->trend.summary_header))
			break;
	if (i < d->n) {
		first = summary(&t, i);
		while (i-- > 0)
			d->lines[i].use = LINE_FURNITURE;
	}
	/* The clippings start at their table header, or at the first
	 * "∙ (tag) name" after the summary. */
	for (clip = first; clip < d->n; clip++)
		if (trend_header(d->lines[clip].text,
		    c->trend.clipping_header) ||
		    tagged_entry(d->lines[clip].text))
			break;
	articles(&t, first, clip);
	t.cur = -1;
	clippings(&t, clip);
	for (i = 0; i < t.nsum; i++)
		if (!t.sum[i].found)
			msg(MSG_TREND_SUMMARY_UNUSED, d->path, t.sum[i].line,
			    doc_col(d, t.sum[i].line, t.sum[i].text),
			    t.sum[i].kind == SUM_ARTICLE ? "article" :
			    "clipping", t.sum[i].text);
	buf_free(&t.acc);
	free(t.sum);
	free(t.cats);
	keyset_free(&t.articles);
	keyset_free(&t.clips);
	keyset_free(&t.tags);
	return cs->n - before;
}

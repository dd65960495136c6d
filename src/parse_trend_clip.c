/* parse_trend_clip.c: the trend watch's technology clippings, either a
 * table ("분류 기술명 주요 내용 출처": category and name cells, a "∙"
 * lead, "- " lines, the source and "(11.13)" printed mid-row) or
 * "∙ (tag) name" entries.  The table comes one cell a line: lines are
 * held until what follows says which cell they were. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse_trend.h"

/* A tag the summary or the configuration names: a category cell.
 * Remembered: a file has few tags and many clippings. */
static int
known_tag(struct trend *t, const char *sq)
{
	size_t i;
	int v;

	for (i = 0; i < t->nsum; i++)
		if (t->sum[i].kind == SUM_CLIPPING &&
		    strcmp(t->sum[i].sqtag, sq) == 0)
			return 1;
	if ((v = keyset_find(&t->tags, sq, strlen(sq))) < 0) {
		v = tag_listed(t->c, sq) >= 0;
		keyset_add(&t->tags, sq, v);	/* sq is in the arena */
	}
	return v;
}

/* The clipping being built. */
struct clip {
	long	 item;
	char	*category;
	buf	 sources;
};

/* Lines of the clippings table held until what comes next decides
 * them: continuation, source, category or name cells. */
struct held_lines {
	size_t	*v;
	size_t	 n, cap;
};

static void
held_add(struct held_lines *r, size_t i)
{
	VEC_GROW(r->v, r->cap, r->n + 1);
	r->v[r->n++] = i;
}

/* Continuation lines go on with the current bullet. */
static void
held_continue(struct trend *t, const struct held_lines *r, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++) {
		struct line *l = &t->d->lines[r->v[k]];

		if (t->cur < 0 || t->acc.len == 0) {
			l->use = LINE_UNPLACED;
			msg(MSG_TREND_CLIPPING_OUTSIDE, t->d->path,
			    (int)r->v[k] + 1, line_col(l, l->text), l->text);
			continue;
		}
		l->use = LINE_USED;
		go_on(t, l, r->v[k]);
	}
}

/* How many leading lines of the run go on with the bullet before it:
 * those after a line that kept a trailing space. */
static size_t
held_wraps(struct trend *t, const struct held_lines *r)
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
		if (date_cell(s, t->year, &date) != DATE_NOT_A_DATE ||
		    page_bar(&t->d->lines[j]))
			return 0;
		if (trend_marker(t, s))
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
held_sources(struct trend *t, struct held_lines *r, struct clip *cl, int cut)
{
	size_t k = cut ? 0 : held_wraps(t, r), j;

	held_continue(t, r, 0, k);
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
held_text(struct trend *t, const struct held_lines *r, size_t from, size_t off,
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
static struct summary_entry *
held_name(struct trend *t, const struct held_lines *r, size_t *line, size_t *off)
{
	buf all = {0};
	struct summary_entry *best = NULL;
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
held_cells(struct trend *t, const struct held_lines *r, char **name,
    char **category)
{
	struct summary_entry *e;
	size_t line = 0, off = 0, k, cat;

	*name = *category = NULL;
	if (r->n == 0)
		return 0;
	if ((e = held_name(t, r, &line, &off)) != NULL)
		e->found = 1;
	else {
		/* No summary to go by: the name is the last cell (a
		 * cell's lines keep a trailing space but its last). */
		for (line = r->n - 1; line > 0 &&
		    t->d->lines[r->v[line - 1]].trail; line--)
			continue;
		off = 0;
	}
	*name = held_text(t, r, line, off, r->n);
	/* The category: what is left on the name's line, or the last
	 * lines before it that name a tag, or the cell before it. */
	cat = line;
	if (off > 0)
		*category = str_trim(arena_strndup(&t->cs->arena,
		    t->d->lines[r->v[line]].text, off));
	else {
		/* A category cell is a word or two, on a line or three. */
		for (k = line > 3 ? line - 3 : 0; k < line; k++) {
			char *s = held_text(t, r, k, 0, line);

			if (s && known_tag(t, text_squeeze(&t->cs->arena, s,
			    strlen(s)))) {
				*category = s;
				cat = k;
				break;
			}
		}
		if (*category == NULL && line > 0) {
			k = held_wraps(t, r);
			if (line - k > 3)
				k = line - 3;
			if (k < line) {
				*category = held_text(t, r, k, 0, line);
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
	k = text_squeeze_parens(&t->cs->arena, it->title);
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

int
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

/* A date cell ends the row's source cells and dates its clipping. */
static void
clip_date(struct trend *t, struct held_lines *r, struct clip *cl, size_t i,
    int st, int date)
{
	struct line *l = &t->d->lines[i];

	held_sources(t, r, cl, cut_by_cells(t, i));
	if (cl->item < 0) {
		l->use = LINE_UNPLACED;
		msg(MSG_TREND_DATE_OUTSIDE, t->d->path, (int)i + 1,
		    line_col(l, l->text), l->text);
	} else if (st == DATE_IMPOSSIBLE)
		msg(MSG_TREND_CLIPPING_DATE_IMPOSSIBLE, t->d->path,
		    (int)i + 1, line_col(l, l->text), l->text);
	else {
		t->cs->items[cl->item].date = date;
		/* The date cell's column, when on the clipping's line. */
		t->cs->items[cl->item].date_col = t->cs->items[cl->item].line ==
		    (int)i + 1 ? line_col(l, l->text) : 0;
	}
}

/* "∙ (tag) name" opens a clipping. */
static void
clip_tagged(struct trend *t, struct held_lines *r, struct clip *cl,
    size_t i)
{
	const char *s = strchr(t->d->lines[i].text, '(');
	const char *close = strchr(s, ')');
	struct item *it;

	held_continue(t, r, 0, r->n);
	r->n = 0;
	clip_end(t, cl);
	it = new_item(t, (int)i + 1);
	cl->item = t->cur;
	cl->category = str_trim(arena_strndup(&t->cs->arena,
	    s + 1, (size_t)(close - s - 1)));
	it->title = str_trim(arena_strdup(&t->cs->arena, close + 1));
}

/* A "∙" lead opens the clipping whose category and name cells the held
 * lines end with. */
static void
clip_lead(struct trend *t, struct held_lines *r, struct clip *cl, size_t i)
{
	char *name, *category;
	size_t cat = held_cells(t, r, &name, &category);
	struct item *it;

	held_continue(t, r, 0, cat);
	clip_end(t, cl);
	it = new_item(t, (int)(cat < r->n ? r->v[cat] : i) + 1);
	r->n = 0;
	cl->item = t->cur;
	cl->category = category;
	it->title = name;
	if (name == NULL) {
		msg(MSG_TREND_CLIPPING_NO_NAME, t->d->path, (int)i + 1, 0);
		it->title = arena_strdup(&t->cs->arena, "");
	}
	start_bullet(t, &t->d->lines[i], i);
}

/* A marked point of the clipping. */
static void
clip_point(struct trend *t, struct held_lines *r, struct clip *cl, size_t i)
{
	struct line *l = &t->d->lines[i];

	held_continue(t, r, 0, r->n);
	r->n = 0;
	if (cl->item < 0) {
		l->use = LINE_UNPLACED;
		msg(MSG_TREND_CLIPPING_OUTSIDE, t->d->path, (int)i + 1,
		    line_col(l, l->text), l->text);
		return;
	}
	start_bullet(t, l, i);
}

void
clippings(struct trend *t, size_t a)
{
	struct held_lines r = {0};
	struct clip cl;
	size_t i;
	int date, st;

	memset(&cl, 0, sizeof(cl));
	cl.item = -1;
	for (i = a; i < t->d->n; i++) {
		struct line *l = &t->d->lines[i];

		if (l->len == 0)
			continue;
		l->use = LINE_FURNITURE;
		if (page_bar(l) || trend_header(l->text,
		    t->c->trend.clipping_header))
			continue;
		l->use = LINE_USED;
		if ((st = date_cell(l->text, t->year, &date)) !=
		    DATE_NOT_A_DATE)
			clip_date(t, &r, &cl, i, st, date);
		else if (tagged_entry(l->text))
			clip_tagged(t, &r, &cl, i);
		else if (str_starts(l->text, "∙"))
			clip_lead(t, &r, &cl, i);
		else if (trend_marker(t, l->text))
			clip_point(t, &r, &cl, i);
		else
			held_add(&r, i);
	}
	held_continue(t, &r, 0, r.n);
	clip_end(t, &cl);
	buf_free(&cl.sources);
	free(r.v);
}

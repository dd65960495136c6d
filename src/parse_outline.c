/* parse_outline.c: plans and progress reports.
 *
 * Markers by depth: ①②③ and numbered headings / □ / ▪ ∙ ○ / - / * ※,
 * with ▷ amounts and periods inside the lines; year lines "2022년" and
 * quarter markers "< 3분기 >" set the period of what follows; task
 * headers printed one word a line ("23." / "제조업" / "등" ...) and the
 * lead ministry ("산업부") open each task of a progress report; tables
 * come flattened, cells split by tabs, some cells as HTML <ul> lists.
 *
 * An item is one □ entry (▪ when the file has no □) with its sub-lines
 * as bullets.  A part of the file whose □ lines are only field names
 * (사업개요, 추진상황 ...) or that has none makes its items of its
 * headings instead ("현안 1 ...", "미래자동차"), the □ lines becoming
 * bullets.  A part that is only a two-column table (a glossary) is
 * reference matter: furniture.
 *
 * Dates: an item takes the first day of the period it is listed under:
 * the quarter's first day (< 3분기 > of 2022 → 2022-07-01) or the year's
 * (2024년 → 2024-01-01), the file's year when nothing says otherwise.
 * The first day, because the period says when the work was done or is
 * due, the day does not matter, and sorting by it keeps the report's
 * order.  An item that ends in its own date inside that period, "(6.25)"
 * or "(2월)", takes that date instead, and the date leaves its title.
 *
 * Organisation: the lead ministry of a task ("산업부": central) or the
 * bureau that wrote the plan ("첨단산업국": local), from single-word
 * lines ending in the suffixes of [outline] central and local. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse.h"
#include "scan.h"

enum part_mode {
	MODE_ITEMS,		/* □ (or ▪) entries are the items */
	MODE_HEADINGS,		/* headings are; □ lines are fields */
	MODE_REFERENCE,		/* a glossary: furniture */
};

struct outline_part {
	size_t	 start;		/* first line index */
	int	 mode;
};

struct outline {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	int			 doc_year;
	int			 wrapped;	/* lines cut at the margin */
	const char		*item_mark;	/* "□" or "▪" */
	char			**contents;	/* appendix titles, squeezed */
	size_t			 ncontents, contentcap;
	struct outline_part		*parts;
	size_t			 nparts, partcap, part;
	int			 year, quarter;
	const char		*issuer, *doc_issuer;
	long			 cur;		/* current item, -1 none */
	int			 cur_fields;	/* it has had a □ field */
	int			 in_title;	/* acc holds its title */
	buf			 acc;
	const char		*part_title;	/* for a part's own item */
	int			 part_line;	/* where its heading is */
	int			 title_next;	/* next line titles a heading */
	int			 caption;	/* in a photo caption */
	buf			 task;		/* task header being read */
	int			 task_line;
};

/* The title of a contents entry or part heading without its numbering:
 * "II. 2024년 업무성과", "【부록 1】 2025년 주요 행사일정". */
static char *
part_key(struct outline *o, const char *t, int *numbered)
{
	char *s = arena_strdup(&o->cs->arena, t), *tab;
	size_t n;

	if ((tab = strchr(s, '\t')) != NULL)
		*tab = '\0';
	*numbered = 0;
	if ((n = roman_numeral(s)) > 0) {
		*numbered = 1;
		s += n;
	} else if (str_starts(s, "【") && strstr(s, "】")) {
		*numbered = 1;
		s = strstr(s, "】") + strlen("】");
	}
	return text_squeeze(&o->cs->arena, s, strlen(s));
}

static int
part_heading(struct outline *o, const char *t)
{
	int numbered;
	char *k = part_key(o, t, &numbered);
	size_t i;

	if (strchr(t, '\t') != NULL || *k == '\0')
		return 0;
	if (numbered && roman_numeral(t) > 0)
		return 1;
	for (i = 0; i < o->ncontents; i++)
		if (strcmp(o->contents[i], k) == 0)
			return 1;
	return 0;
}

static void	close_item(struct outline *);

/* Is w a heading body's name ("산업부", "첨단산업국")?  Which org type
 * it names is classify.c's to say. */
static int
org_word(struct outline *o, const char *w, size_t n)
{
	return issuer_suffix(o->c, w, n) >= 0;
}

/* A line of lead ministry, year and quarter: "산업부", "2022년",
 * "< 3분기 >", "산업부 2022년 < 3분기 >".  Applies it if so. */
static int
period_line(struct outline *o, const char *t, int apply)
{
	int year = 0, quarter = 0, q, y;
	const char *org = NULL;
	size_t orgn = 0;
	const char *p = t;
	size_t n;

	if (strlen(t) > 64)
		return 0;
	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if ((q = quarter_mark(p, &n)) > 0) {
			quarter = q;
			p += n;
			continue;
		}
		n = strcspn(p, " ");
		if ((y = year_word(p, n)) > 0)
			year = y;
		else if (org_word(o, p, n)) {
			org = p;
			orgn = n;
		} else
			return 0;
		p += n;
	}
	if (!apply)
		return 1;
	/* A new period ends the item; a ministry alone does not (a plan
	 * names its bureau inside an item). */
	if (year > 0 || quarter > 0)
		close_item(o);
	if (org != NULL)
		o->issuer = arena_strndup(&o->cs->arena, org, orgn);
	if (year > 0) {
		o->year = year;
		o->quarter = 0;
	}
	if (quarter > 0) {
		if (o->year == 0)
			o->year = o->doc_year;
		o->quarter = quarter;
	}
	return 1;
}

/* The first day and the last of the period items are listed under. */
static int
period(const struct outline *o, int *last)
{
	int y = o->year ? o->year : o->doc_year;

	if (y == 0) {
		*last = DATE_NONE;
		return DATE_NONE;
	}
	if (o->quarter > 0) {
		*last = date_from_ymd(y, o->quarter * 3 + 1 > 12 ? 12 :
		    o->quarter * 3, o->quarter == 1 || o->quarter == 4 ? 31 :
		    30);
		return date_from_ymd(y, o->quarter * 3 - 2, 1);
	}
	*last = date_from_ymd(y, 12, 31);
	return date_from_ymd(y, 1, 1);
}

enum mark {
	MARK_NONE,
	MARK_ITEM,		/* □ or the file's item marker */
	MARK_LIST,		/* - ∙ • ○ ▪: dropped from the bullet */
	MARK_NOTE,		/* * ※ ▷ ❖ ...: kept */
	MARK_FEATURE,		/* ❖: the summary of a heading item */
	MARK_CAPTION,		/* ▲ photo caption (outside items) */
};

static int
mark_of(const struct outline *o, const char *t, size_t *skip)
{
	static const char *const lists[] = {
		"-", "∙", "•", "○", "▪", "·",
	};
	static const char *const notes[] = {
		"*", "※", "▷", "▶", "◇", "◆", "▣", "△", "⇒",
	};
	size_t i, n;
	int cp;

	*skip = 0;
	if (str_starts(t, "□") || str_starts(t, "☐") ||
	    str_starts(t, o->item_mark)) {
		*skip = 3;
		return MARK_ITEM;
	}
	if (str_starts(t, "▲")) {
		*skip = 0;
		return MARK_CAPTION;
	}
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		n = strlen(lists[i]);
		if (strncmp(t, lists[i], n) == 0 && (t[n] == ' ' ||
		    (n > 1 && t[n] != '\0') || (t[n] == '\0'))) {
			*skip = n;
			while (t[*skip] == ' ')
				(*skip)++;
			if (str_starts(t + *skip, "❖"))
				return MARK_FEATURE;
			return MARK_LIST;
		}
	}
	if (str_starts(t, "❖"))
		return MARK_FEATURE;
	for (i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		if (str_starts(t, notes[i]))
			return MARK_NOTE;
	/* ❶ ➀ ⁽ ... */
	utf8_at(t, &cp);
	if ((cp >= 0x2776 && cp <= 0x2793) || cp == 0x207D)
		return MARK_NOTE;
	return MARK_NONE;
}

/* "지 능 형" → "지능형": a word printed letter-spaced. */
static void
task_word(buf *b, const char *w)
{
	const char *p;
	int spaced = 1, cp;

	for (p = w; *p; ) {
		p += utf8_at(p, &cp);
		if (*p == ' ')
			p++;
		else if (*p != '\0')
			spaced = 0;
	}
	if (b->len > 0 && !(b->len >= 2 && strcmp(b->ptr + b->len - 2,
	    "·") == 0))
		buf_putc(b, ' ');
	for (p = w; *p; p++)
		if (!(spaced && *p == ' '))
			buf_putc(b, *p);
}

static void
task_end(struct outline *o)
{
	if (o->task.len > 0)
		msg(MSG_OUTLINE_TASK, o->d->path, o->task_line,
		    doc_col(o->d, o->task_line, o->task.ptr), o->task.ptr);
	buf_reset(&o->task);
	o->task_line = 0;
}

/* Ends the text being built: the title or a bullet. */
static void
flush(struct outline *o)
{
	struct item *it;
	char *s;

	if (o->cur < 0 || o->acc.len == 0) {
		buf_reset(&o->acc);
		o->in_title = 0;
		return;
	}
	it = &o->cs->items[o->cur];
	s = arena_strdup(&o->cs->arena, str_trim(o->acc.ptr));
	if (o->in_title) {
		int first, last, a, b, st;
		size_t open = 0;

		it->title = s;
		first = period(o, &last);
		st = date_trailing_period(s, o->year ? o->year : o->doc_year,
		    &a, &b, &open);
		if (st == DATE_IMPOSSIBLE)
			msg(MSG_OUTLINE_DATE_IMPOSSIBLE, o->d->path, it->line,
			    doc_col(o->d, it->line, s + open), msg_title(s));
		/* Its own date, if inside the period: "(6.25)", "(2월)". */
		if (first != DATE_NONE && st == DATE_OK && a >= first &&
		    a <= last) {
			it->date = a;
			it->date_col = doc_col(o->d, it->line, s + open);
			if (strchr(s + open, '~') == NULL) {
				while (open > 0 && s[open - 1] == ' ')
					open--;
				s[open] = '\0';
			}
		}
	} else
		strlist_add(&it->bullets, &o->cs->arena, s);
	buf_reset(&o->acc);
	o->in_title = 0;
}

static void
close_item(struct outline *o)
{
	flush(o);
	o->cur = -1;
	o->cur_fields = 0;
}

static void
open_item(struct outline *o, const char *title, int lineno)
{
	struct item *it;
	int last;

	close_item(o);
	task_end(o);
	it = corpus_add(o->cs, o->d->path, lineno);
	it->date = period(o, &last);
	it->date_is_period = it->date != DATE_NONE;
	if (it->date == DATE_NONE)
		msg(MSG_OUTLINE_NO_PERIOD, o->d->path, lineno, 0);
	/* The heading body: classify.c reads it as the input's label. */
	if (o->issuer != NULL || o->doc_issuer != NULL)
		it->issuer = arena_strdup(&o->cs->arena, o->issuer != NULL ?
		    o->issuer : o->doc_issuer);
	o->cur = (long)(o->cs->n - 1);
	o->in_title = 1;
	buf_puts(&o->acc, title);
}

static void
add_text(struct outline *o, const char *s)
{
	flush(o);
	buf_puts(&o->acc, s);
}

/* A table row as one bullet: its cells, without HTML, joined by " | ". */
static void
add_row(struct outline *o, const char *t)
{
	buf cell = {0}, row = {0};
	const char *p;
	int tag = 0;

	for (p = t; ; p++) {
		if (*p == '\t' || *p == '\0') {
			if (cell.len > 0 && str_trim(cell.ptr)[0] != '\0') {
				if (row.len > 0)
					buf_puts(&row, " | ");
				buf_puts(&row, cell.ptr);
			}
			buf_reset(&cell);
			if (*p == '\0')
				break;
			continue;
		}
		if (*p == '<')
			tag = 1;
		else if (*p == '>' && tag)
			tag = 0;
		else if (!tag)
			buf_putc(&cell, *p);
	}
	add_text(o, row.ptr ? row.ptr : "");
	buf_free(&cell);
	buf_free(&row);
}

static int
blank_at(const struct outline *o, size_t i)
{
	return i >= o->d->n || o->d->lines[i].len == 0;
}

/* A heading in a file that does not wrap: a short line on its own. */
static int
heading_line(const struct outline *o, size_t i)
{
	const struct line *l = &o->d->lines[i];
	char last = l->text[l->len - 1];

	return !o->wrapped && l->len <= 30 && (i == 0 || blank_at(o, i - 1)) &&
	    blank_at(o, i + 1) && l->text[0] != '(' && last != '.' &&
	    last != ',' && last != ')';
}

/* The file's item marker, and the appendix titles of its contents. */
static void
survey_contents(struct outline *o)
{
	size_t i;
	int numbered;

	o->item_mark = "▪";
	for (i = 0; i < o->d->n; i++) {
		const char *t = o->d->lines[i].text;

		if (str_starts(t, "□") || str_starts(t, "☐"))
			o->item_mark = "□";
		/* Appendices: their headings drop the "【부록 1】". */
		if (contents_entry(t) && str_starts(t, "【")) {
			VEC_GROW(o->contents, o->contentcap,
			    o->ncontents + 1);
			o->contents[o->ncontents++] = part_key(o, t,
			    &numbered);
		}
	}
}

/* A field name: "사업개요 (2025~2028)", "조 직 : 5과 22팀"; a few words
 * of Hangul after a □, not a ▪ entry. */
static int
field_name(struct outline *o, const char *t, size_t skip)
{
	char *s = arena_strdup(&o->cs->arena, t + skip), *q;

	if ((q = strchr(s, ':')) != NULL)
		*q = '\0';
	if ((q = strchr(s, '(')) != NULL)
		*q = '\0';
	return syllable_count(s) <= 5 && strpbrk(s, "0123456789") == NULL &&
	    !str_starts(t, "▪");
}

/* What part p's items are: its □ entries, its headings (the □ lines
 * mostly field names, or none), or nothing (a two-column glossary). */
static int
part_mode(struct outline *o, size_t p)
{
	size_t end = p + 1 < o->nparts ? o->parts[p + 1].start : o->d->n;
	size_t i, items = 0, fields = 0, rows = 0, pairs = 0, text = 0;

	/* The part's heading aside. */
	for (i = o->parts[p].start + (p > 0); i < end; i++) {
		const struct line *l = &o->d->lines[i];
		size_t skip;

		if (l->len == 0 || contents_entry(l->text))
			continue;
		text++;
		if (strchr(l->text, '\t')) {
			rows++;
			pairs += strchr(l->text, '\t') ==
			    strrchr(l->text, '\t');
		}
		if (mark_of(o, l->text, &skip) == MARK_ITEM) {
			items++;
			fields += field_name(o, l->text, skip);
		}
	}
	if (items > 0 && fields * 4 >= items * 3)
		return MODE_HEADINGS;
	if (items == 0 && p > 0)
		return rows > 0 && pairs == rows && pairs * 4 >= text * 3 ?
		    MODE_REFERENCE : MODE_HEADINGS;
	return MODE_ITEMS;
}

/* Reads the contents block and the parts, and decides each part's mode
 * and the file's item marker. */
static void
survey(struct outline *o)
{
	size_t i, p, rows, text;

	survey_contents(o);
	VEC_GROW(o->parts, o->partcap, 1);
	memset(&o->parts[0], 0, sizeof(o->parts[0]));
	o->nparts = 1;
	for (i = 0; i < o->d->n; i++)
		if (o->d->lines[i].len > 0 &&
		    part_heading(o, o->d->lines[i].text)) {
			VEC_GROW(o->parts, o->partcap, o->nparts + 1);
			o->parts[o->nparts].start = i;
			o->parts[o->nparts++].mode = MODE_ITEMS;
		}
	for (p = 0; p < o->nparts; p++)
		o->parts[p].mode = part_mode(o, p);
	/* Lines cut at the margin, or one line a paragraph: a printed
	 * line holds some 45 syllables (135 bytes), and more than one in a
	 * hundred lines much longer than that (table rows aside) says the
	 * file keeps paragraphs whole. */
	for (text = rows = i = 0; i < o->d->n; i++)
		if (o->d->lines[i].len > 0 &&
		    strchr(o->d->lines[i].text, '\t') == NULL) {
			text++;
			rows += o->d->lines[i].len > 180;
		}
	o->wrapped = rows * 100 < text;
	/* The organisation of the whole file: its first ministry or
	 * bureau on a line of its own. */
	o->doc_issuer = NULL;
	for (i = 0; i < o->d->n && o->doc_issuer == NULL; i++) {
		const char *t = o->d->lines[i].text;

		if (strchr(t, ' ') == NULL && o->d->lines[i].len > 0 &&
		    org_word(o, t, o->d->lines[i].len))
			o->doc_issuer = t;
	}
}

static int
mode(const struct outline *o)
{
	return o->parts[o->part].mode;
}

/* Starts the item of a heading part that has no heading of its own. */
static int
part_item(struct outline *o, int lineno)
{
	if (mode(o) != MODE_HEADINGS || o->part_title == NULL)
		return 0;
	open_item(o, o->part_title, o->part_line ? o->part_line : lineno);
	o->part_title = NULL;
	return 1;
}

static void
new_part(struct outline *o, const char *t, size_t i)
{

	int y;
	const char *p;

	close_item(o);
	task_end(o);
	while (o->part + 1 < o->nparts && o->parts[o->part + 1].start <= i)
		o->part++;
	o->year = o->doc_year;
	o->quarter = 0;
	for (p = t; *p; p++)
		if ((y = year_word(p, strlen(p) >= 7 ? 7 : 0)) > 0 &&
		    (p == t || !isdigit((unsigned char)p[-1]))) {
			o->year = y;
			break;
		}
	p = t + roman_numeral(t);
	if (str_starts(p, "【") && strstr(p, "】"))
		p = strstr(p, "】") + strlen("】");
	while (*p == ' ')
		p++;
	o->part_title = p;
	o->part_line = (int)i + 1;
}

/* An unmarked line: a heading, the title of one, a word of a task
 * header, or text going on. */
static void
unmarked(struct outline *o, struct line *l, size_t i)
{
	int lineno = (int)i + 1;

	if (o->title_next) {
		o->title_next = 0;
		if (o->cur >= 0 && o->in_title && mode(o) == MODE_HEADINGS) {
			join_wrapped(&o->acc, 1, 0, l->text);
			l->use = LINE_USED;
		}
		return;
	}
	if (o->task_line > 0 && o->cur < 0) {
		task_word(&o->task, l->text);
		return;
	}
	if (heading_line(o, i)) {
		close_item(o);
		if (mode(o) == MODE_HEADINGS) {
			buf b = {0};

			task_word(&b, l->text);
			open_item(o, b.ptr, lineno);
			buf_free(&b);
			o->part_title = NULL;
			l->use = LINE_USED;
		}
		return;
	}
	if (o->cur < 0)
		return;
	l->use = LINE_USED;
	if (o->acc.len == 0)
		buf_puts(&o->acc, l->text);
	else
		join_wrapped(&o->acc, 1, 0, l->text);
}

/* A marked line: an item, a field of a heading's item, a point or a
 * note of the current item, a caption.  Returns whether it is used. */
static int
marked(struct outline *o, const char *t, int m, size_t skip, int lineno)
{
	switch (m) {
	case MARK_CAPTION:
		if (o->cur < 0) {
			o->caption = 1;
			return 0;
		}
		/* FALLTHROUGH */
	case MARK_NOTE:
	case MARK_LIST:
		if (o->cur < 0 && !part_item(o, lineno))
			return 0;
		add_text(o, t + skip);
		return 1;
	case MARK_FEATURE:
		if (mode(o) == MODE_HEADINGS && (o->cur < 0 ||
		    o->cur_fields)) {
			t += skip + strlen("❖");
			open_item(o, str_trim(arena_strdup(&o->cs->arena, t)),
			    lineno);
			return 1;
		}
		if (o->cur < 0)
			return 0;
		add_text(o, t + skip);
		return 1;
	default:	/* MARK_ITEM */
		t += skip;
		while (*t == ' ')
			t++;
		if (mode(o) == MODE_HEADINGS && o->cur >= 0) {
			add_text(o, t);
			o->cur_fields = 1;
		} else
			open_item(o, t, lineno);
		return 1;
	}
}

/* A line that sets the context rather than telling: a part heading,
 * text of a reference part, a contents line, a caption's, a period or a
 * task number.  Returns whether it was one. */
static int
context_line(struct outline *o, struct line *l, size_t i)
{
	const char *t = l->text;
	int lineno = (int)i + 1;

	if (o->part + 1 < o->nparts && o->parts[o->part + 1].start == i) {
		new_part(o, t, i);
		return 1;
	}
	if (mode(o) == MODE_REFERENCE) {
		if (strchr(t, '\t') == NULL) {
			l->use = LINE_UNPLACED;
			msg(MSG_OUTLINE_REFERENCE_TEXT, o->d->path, lineno,
			    line_col(l, t), t);
		}
		return 1;
	}
	if (contents_entry(t) || o->caption || period_line(o, t, 1))
		return 1;
	if (task_number(t)) {
		close_item(o);
		task_end(o);
		buf_puts(&o->task, t);
		o->task_line = lineno;
		return 1;
	}
	return 0;
}

/* One line of the body, not blank. */
static void
outline_line(struct outline *o, struct line *l, size_t i)
{
	const char *t = l->text, *title;
	int lineno = (int)i + 1, m;
	size_t skip;

	l->use = LINE_FURNITURE;
	if (context_line(o, l, i))
		return;
	if (strchr(t, '\t') != NULL) {
		if (o->cur >= 0 || part_item(o, lineno)) {
			add_row(o, t);
			l->use = LINE_USED;
		}
		return;
	}
	m = mark_of(o, t, &skip);
	if (m == MARK_NONE && numbered_heading(t, &title)) {
		close_item(o);
		o->title_next = *title == '\0';
		if (mode(o) == MODE_HEADINGS) {
			open_item(o, title, lineno);
			o->part_title = NULL;
			l->use = LINE_USED;
		}
		return;
	}
	if (m == MARK_NONE)
		unmarked(o, l, i);
	else if (marked(o, t, m, skip, lineno))
		l->use = LINE_USED;
}

size_t
parse_outline(struct doc *d, struct corpus *cs, const struct config *c)
{
	struct outline o;
	size_t i, before = cs->n;

	memset(&o, 0, sizeof(o));
	o.d = d;
	o.cs = cs;
	o.c = c;
	o.doc_year = doc_year_hint(d);
	o.year = o.doc_year;
	o.issuer = NULL;
	o.cur = -1;
	survey(&o);
	for (i = 0; i < d->n; i++) {
		if (d->lines[i].len == 0)
			o.caption = 0;
		else
			outline_line(&o, &d->lines[i], i);
	}
	close_item(&o);
	task_end(&o);
	buf_free(&o.acc);
	buf_free(&o.task);
	free(o.contents);
	free(o.parts);
	return cs->n - before;
}

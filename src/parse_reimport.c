/* parse_reimport.c: a published issue turned back into Markdown by a
 * PDF converter.
 *
 * Structure: "# title", "No. 12", the period line, a contents block
 * (headings and titles ending in a page number, dot leaders), then
 * "## section" / "### ☞ sector" headings over a two-column table
 * written one row a line: the 구분 cell, a tab, the cell's HTML
 * (<p><b>□ title (date)</b></p> <ul><li>- bullet</li></ul>).  A row that
 * does not open with "<b>□" goes on with the previous item (the PDF cut
 * it at a page end); the table header repeats on every page; the
 * disclaimer closes the file.
 *
 * The 구분 cell: a blank cell continues the label above it, but the PDF
 * centres a label vertically in its group, so when a block's first
 * label comes after unlabelled rows the whole block is read as centred:
 * each label takes as many rows after it as it has before it, and the
 * rows before a label are reported as inferred.
 *
 * The headings and labels are recorded as printed; normalise.c says
 * what they name, and reports those it does not know.  The parser
 * still looks them up where the structure depends on it: a heading
 * that names a section starts a section (else it is a sector's, or by
 * its level an unknown one), a line that is an organisation's name
 * alone is a row, the contents' section and sector lines are
 * furniture, and the rows of one 구분 group are those of one
 * organisation (all unknown labels alike, as before). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "date.h"
#include "msg.h"
#include "normalise.h"
#include "parse.h"
#include "read.h"
#include "scan.h"

/* One row of a block, for the 구분 column: the item it opened or went on
 * with (-1 for a row without one) and its label: which organisation,
 * or NO_LABEL for a blank cell, UNKNOWN_LABEL for one we cannot name,
 * and as printed. */
#define NO_LABEL	(-1)
#define UNKNOWN_LABEL	(-2)

struct label_row {
	long		 item;		/* first item the row opened */
	size_t		 nitems;	/* items it opened, 0 for none */
	int		 org;
	struct printed_label *label;	/* the cell as printed, NULL blank */
	int		 line;
};

/* A title of the contents block, to check against the body. */
struct toc {
	char		*key;		/* the title without white space */
	const char	*text;		/* as printed */
	int		 line;
	long		 item;		/* the body's item, -1 none */
};

struct reimport {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	struct label_log	*log;
	int			 year;
	/* The headings in force, as printed; NULL none. */
	struct printed_label	*section, *sector;
	long			 cur;		/* current item, -1 none */
	buf			 last;		/* its last bullet, open */
	int			 has_last;
	int			 cur_trail;	/* last bullet ends in a space */
	struct label_row		*ent;		/* rows since the heading */
	size_t			 nent, ent_cap;
	struct toc		*toc;		/* the contents' titles */
	size_t			 ntoc, toc_cap;
	int			 body;		/* past the cover and contents */
	size_t			 first;		/* the file's first item */
};

static void
add_entry(struct reimport *r, long item, size_t nitems, int org,
    struct printed_label *label, int line)
{
	VEC_GROW(r->ent, r->ent_cap, r->nent + 1);
	r->ent[r->nent].item = item;
	r->ent[r->nent].nitems = nitems;
	r->ent[r->nent].org = org;
	r->ent[r->nent].label = label;
	r->ent[r->nent].line = line;
	r->nent++;
}

static void
give_label(struct reimport *r, size_t from, size_t to, const struct label_row *e)
{
	size_t i;

	for (i = from; i < to; i++) {
		r->ent[i].org = e->org;
		r->ent[i].label = e->label;
	}
}

/* The column of a row's 구분 cell, cell, in line lineno; 0 if the row
 * does not start with it. */
static int
cell_col(const struct reimport *r, int lineno, const char *cell)
{
	const struct line *l = &r->d->lines[lineno - 1];

	return *cell && str_starts(l->text, cell) ? line_col(l, l->text) : 0;
}

/* Decides the label of every row of the block and ends it. */
static void
block_end(struct reimport *r)
{
	size_t i, first, p, q, before, m, after;

	for (first = 0; first < r->nent && r->ent[first].org == NO_LABEL;
	    first++)
		continue;
	if (first == 0) {
		/* Labels on their group's first row: a blank continues. */
		for (i = 1; i < r->nent; i++)
			if (r->ent[i].org == NO_LABEL)
				give_label(r, i, i + 1, &r->ent[i - 1]);
	} else if (first < r->nent) {
		/* Centred labels: as many rows after as before. */
		before = first;
		for (p = first; p < r->nent; p = q) {
			/* Rows between two rows of the same label are its
			 * own: nothing was inferred. */
			if (before > 0 && (p == first ||
			    r->ent[p].org != r->ent[p - before - 1].org))
				msg(MSG_REIMPORT_LABEL_INFERRED, r->d->path,
				    r->ent[p].line, cell_col(r, r->ent[p].line,
				    r->ent[p].label->text), r->ent[p].label->text,
				    before, before == 1 ? "" : "s");
			give_label(r, p - before, p, &r->ent[p]);
			for (q = p + 1; q < r->nent &&
			    r->ent[q].org == NO_LABEL; q++)
				continue;
			m = q - p - 1;
			after = q == r->nent || m < before ? m : before;
			give_label(r, p + 1, p + 1 + after, &r->ent[p]);
			before = m - after;
		}
	}
	/* Each item is filed by its row's label (normalise.c). */
	for (i = 0; i < r->nent; i++) {
		size_t k;

		if (r->ent[i].item < 0 || r->ent[i].label == NULL)
			continue;
		for (k = 0; k < r->ent[i].nitems; k++)
			label_file(r->log, r->cs, (size_t)r->ent[i].item + k,
			    r->ent[i].label);
	}
	r->nent = 0;
}

/* Which organisation a 구분 cell names, for the rows of one group. */
static int
cell_org(struct reimport *r, const char *cell)
{
	int org;

	if (*cell == '\0')
		return NO_LABEL;
	org = taxon_by_name(r->c->orgs, r->c->norgs, cell);
	return org < 0 ? UNKNOWN_LABEL : org;
}

static void
title_of(struct reimport *r, struct item *it, const char *text)
{
	int st;

	text += cell_marks(text);
	st = title_split(text, r->year, &r->cs->arena, &it->title, &it->date);
	if (st == DATE_IMPOSSIBLE) {
		msg(MSG_PARSE_TITLE_DATE_IMPOSSIBLE, r->d->path, it->line,
		    title_date_col(r->d, it->line, text, it->title),
		    msg_title(text));
		it->date = DATE_NONE;
	} else if (st == DATE_NOT_A_DATE)
		msg(MSG_PARSE_TITLE_NO_DATE, r->d->path, it->line, 0,
		    msg_title(it->title));
	else
		it->date_col = title_date_col(r->d, it->line, text, it->title);
}

/* A paragraph shaped like a title: bold from its first word, and
 * either ending in a date (any spelling date.c reads) or opened by an
 * item mark.  Whatever precedes it (□, a checkbox, nothing) is not
 * what makes it one. */
static int
is_title(struct reimport *r, const struct para *p)
{
	int date;
	size_t open;

	if (!p->bold || p->item)
		return 0;
	return cell_marks(p->text) > 0 || date_trailing(p->text, r->year,
	    &date, &open) != DATE_NOT_A_DATE;
}

static char *
bullet_text(const char *t)
{
	if (dash_point(t))
		t += 1 + (t[1] == ' ');
	return (char *)t;
}

/* Ends the current item's last bullet: later rows no longer go on
 * with it. */
static void
close_bullet(struct reimport *r)
{
	if (r->has_last && r->cur >= 0)
		strlist_add(&r->cs->items[r->cur].bullets, &r->cs->arena,
		    arena_strndup(&r->cs->arena, r->last.ptr, r->last.len));
	buf_reset(&r->last);
	r->has_last = 0;
}

/* Adds the paragraphs of a row to the current item; the first one goes
 * on with the last bullet unless it starts a bullet of its own. */
static void
add_bullets(struct reimport *r, struct para *v, size_t n, int join)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *t = v[i].text;

		if (i == 0 && join && r->has_last && t[0] != '-') {
			if (r->cur_trail || v[i].lead)
				buf_putc(&r->last, ' ');
			buf_puts(&r->last, t);
		} else {
			close_bullet(r);
			buf_puts(&r->last, bullet_text(t));
			r->has_last = 1;
		}
		r->cur_trail = v[i].trail;
	}
}

/* Starts an item at the title paragraph p. */
static void
start_item(struct reimport *r, const struct para *p, int lineno)
{
	struct item *it;

	close_bullet(r);
	it = corpus_add(r->cs, r->d->path, lineno);
	it->printed[LABEL_KIND_SECTION] = r->section;
	it->printed[LABEL_KIND_SECTOR] = r->sector;
	r->cur = (long)(r->cs->n - 1);
	r->cur_trail = 0;
	title_of(r, it, p->text);
}

/* A table row: "구분 cell<TAB>HTML".  The cell holds any number of items,
 * each a title paragraph and the paragraphs after it, and may open with
 * the tail of the item before (the page cut it). */
static void
table_row(struct reimport *r, struct line *l, int lineno)
{
	const char *tab = strchr(l->text, '\t');
	char *cell = tab ? arena_strndup(&r->cs->arena, l->text,
	    (size_t)(tab - l->text)) : l->text[0] == '<' ?
	    arena_strdup(&r->cs->arena, "") :
	    arena_strdup(&r->cs->arena, l->text);
	const char *html = tab ? tab + 1 : l->text[0] == '<' ? l->text : "";
	const char *none = r->c->digest.none;
	struct para *v;
	struct printed_label *label = NULL;
	size_t n, i, j;
	long first = -1;
	int org, flat;

	str_trim(cell);
	org = cell_org(r, cell);
	if (org != NO_LABEL)
		label = label_read(r->log, r->cs, LABEL_KIND_ORG, cell,
		    lineno, cell_col(r, lineno, cell));
	n = cell_paragraphs(html, strlen(html), &r->cs->arena, &v, &flat);
	if (flat)
		msg(MSG_REIMPORT_CELL_TAGS, r->d->path, lineno,
		    *html ? line_col(l, html) : 0, CELL_MAX_TAGS);
	l->use = LINE_USED;
	if (n == 0 || (n == 1 && str_eq_nospace(v[0].text, none))) {
		/* A label alone, or a group with nothing in it. */
		l->use = LINE_FURNITURE;
		if (org != NO_LABEL)
			add_entry(r, -1, 0, org, label, lineno);
		free(v);
		return;
	}
	for (i = 0; i < n && !is_title(r, &v[i]); i++)
		continue;
	if (i > 0 && r->cur < 0) {
		if (i == n)
			l->use = LINE_UNPLACED;
		msg(MSG_REIMPORT_ROW_ORPHAN, r->d->path, lineno,
		    doc_col(r->d, lineno, v[0].text), v[0].text);
	} else if (i > 0)
		add_bullets(r, v, i, 1);
	for (; i < n; i = j) {
		start_item(r, &v[i], lineno);
		if (first < 0)
			first = r->cur;
		for (j = i + 1; j < n && !is_title(r, &v[j]); j++)
			continue;
		add_bullets(r, v + i + 1, j - i - 1, 0);
	}
	if (first >= 0)
		add_entry(r, first, (size_t)(r->cur - first + 1), org, label,
		    lineno);
	/* A label on a row that only goes on with an item is a row of the
	 * table all the same: it labels the rows after it, and centred,
	 * the item too; the same label repeated at a page top is not. */
	else if (org != NO_LABEL && (r->nent == 0 ||
	    r->ent[r->nent - 1].org != org))
		add_entry(r, -1, 0, org, label, lineno);
	free(v);
}

/* Whether t[0..k) ends in dot leaders (spaces allowed). */
static int
leaders(const char *t, size_t k)
{
	int dots = 0;

	for (;;) {
		while (k > 0 && t[k - 1] == ' ')
			k--;
		if (k >= 1 && t[k - 1] == '.')
			k--, dots++;
		else if (k >= 3 && strncmp(t + k - 3, "…", 3) == 0)
			k -= 3, dots += 3;
		else if (k >= 2 && strncmp(t + k - 2, "·", 2) == 0)
			k -= 2, dots++;
		else
			return dots >= 3;
	}
}

/* Cuts what the contents put before a page number (dot leaders, "…",
 * "·", spaces, or nothing) off the end of s, in place. */
static void
cut_leaders(char *s)
{
	size_t k = strlen(s);

	for (;;) {
		if (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '.'))
			k--;
		else if (k >= 3 && strncmp(s + k - 3, "…", 3) == 0)
			k -= 3;
		else if (k >= 2 && strncmp(s + k - 2, "·", 2) == 0)
			k -= 2;
		else
			break;
	}
	s[k] = '\0';
}

/* Strips a trailing page number and what leads to it, in place:
 * "탄소중립 분야 1", "... (2025.12.04) .....3", "... (2025.12.04)12".
 * Returns whether there was one. */
static int
page_number(char *s)
{
	size_t n = strlen(s), k = n;

	while (k > 0 && isdigit((unsigned char)s[k - 1]))
		k--;
	if (k == n || k == 0)
		return 0;
	s[k] = '\0';
	cut_leaders(s);
	str_trim(s);
	return 1;
}

/* s without the marks a heading or a contents line opens with: '-',
 * □, ▪, ☞ (configured markers too). */
static char *
skip_heading_marks(struct reimport *r, char *s)
{
	const char *m[2];
	size_t k;
	int again = 1;

	m[0] = r->c->digest.section_marker;
	m[1] = r->c->digest.sector_marker;
	while (again) {
		again = 0;
		s += cell_marks(s);
		if (dash_point(s))
			s++, again = 1;
		for (k = 0; k < 2; k++)
			if (*m[k] && str_starts(s, m[k]))
				s += strlen(m[k]), again = 1;
	}
	return s;
}

/* A section or sector named by s, "" when s names neither. */
static int
names_taxon(struct reimport *r, const char *s)
{
	return taxon_by_name(r->c->sections, r->c->nsections, s) >= 0 ||
	    taxon_by_name(r->c->sectors, r->c->nsectors, s) >= 0;
}

/* A line of the contents block: "- title (date) .....7", "  - title
 * (date)12", "- AI 분야 7", "- ☞ 탄소중립 분야 15".  Its titles are kept to
 * check the body against. */
static int
contents_line(struct reimport *r, const struct line *l, int lineno)
{
	char *s, *t, *title;
	int page, date, st;
	size_t open;

	/* A table row, even one whose HTML was cut off after its date. */
	if (strchr(l->text, '\t') != NULL || strchr(l->text, '<') != NULL)
		return 0;
	s = arena_strdup(&r->cs->arena, l->text);
	s = skip_heading_marks(r, str_trim(s));
	page = page_number(s);
	if (*s == '\0')
		return 0;
	if (page && names_taxon(r, s))
		return 1;
	if (strchr(s, '(') == NULL || date_trailing(s, r->year, &date,
	    &open) == DATE_NOT_A_DATE)
		return 0;
	/* Not a title of the body: those are in table rows. */
	t = s + cell_marks(s);
	st = title_split(t, r->year, &r->cs->arena, &title, &date);
	if (st == DATE_NOT_A_DATE || *title == '\0')
		return 0;
	VEC_GROW(r->toc, r->toc_cap, r->ntoc + 1);
	r->toc[r->ntoc].key = text_squeeze(&r->cs->arena, title,
	    strlen(title));
	r->toc[r->ntoc].text = title;
	r->toc[r->ntoc].line = lineno;
	r->toc[r->ntoc].item = -1;
	r->ntoc++;
	return 1;
}

static void
heading(struct reimport *r, struct line *l, int lineno)
{
	int level, contents;
	char *s;

	for (level = 0; l->text[level] == '#'; level++)
		continue;
	s = arena_strdup(&r->cs->arena, l->text + level);
	s = skip_heading_marks(r, str_trim(s));
	contents = page_number(s);

	l->use = LINE_FURNITURE;
	if (level == 1 || contents || str_eq_nospace(s,
	    r->c->digest.contents))
		return;
	block_end(r);
	close_bullet(r);
	r->cur = -1;
	r->body = 1;
	/* A section's heading, else a sector's; one naming neither is
	 * taken by its level. */
	if (taxon_by_name(r->c->sections, r->c->nsections, s) >= 0 ||
	    (level == 2 && taxon_by_name(r->c->sectors, r->c->nsectors,
	    s) < 0)) {
		r->section = label_read(r->log, r->cs, LABEL_KIND_SECTION, s,
		    lineno, doc_col(r->d, lineno, s));
		r->sector = NULL;
	} else
		r->sector = label_read(r->log, r->cs, LABEL_KIND_SECTOR, s,
		    lineno, doc_col(r->d, lineno, s));
}

/* Matches s against a template whose {names} stand for any text, all
 * white space ignored. */
static int
template_match(const char *s, const char *t)
{
	while (*s == ' ' || *s == '\t')
		s++;
	while (*t == ' ')
		t++;
	if (*t == '{') {
		const char *close = strchr(t, '}');

		if (close == NULL)
			return 0;
		for (;; s++) {
			if (template_match(s, close + 1))
				return 1;
			if (*s == '\0')
				return 0;
		}
	}
	if (*t == '\0' || *s == '\0')
		return *t == *s;
	return *s == *t && template_match(s + 1, t + 1);
}

/* The disclaimer, or a line that opens with its first three words
 * (older issues worded the rest otherwise), white space aside. */
static int
disclaimer(struct reimport *r, const char *t)
{
	const char *dis = r->c->digest.disclaimer;
	const char *p = dis;
	char *want, *got;
	int words;

	for (words = 0; *p && words < 3; words++) {
		p += strspn(p, " ");
		p += strcspn(p, " ");
	}
	if (p == dis)
		return 0;
	want = text_squeeze(&r->cs->arena, dis, (size_t)(p - dis));
	got = text_squeeze(&r->cs->arena, t, strlen(t));
	return strncmp(want, got, strlen(want)) == 0;
}

/* A Markdown rule, "---", "***": the converter's page furniture. */
static int
rule(const char *t)
{
	size_t n = strlen(t);

	return n >= 3 && (strspn(t, "-") == n || strspn(t, "*") == n ||
	    strspn(t, "_") == n);
}

/* The lines around the table: "No. 12", the period line, the disclaimer,
 * contents lines with dot leaders, the table header. */
static int
furniture(struct reimport *r, const struct line *l)
{
	const char *t = l->text, *no;
	buf b = {0};
	size_t n = l->len, k;
	int hit;

	no = r->c->digest.number_label;
	if (str_starts(t, no)) {
		for (k = strlen(no); t[k] == ' '; k++)
			continue;
		if (isdigit((unsigned char)t[k]) && strspn(t + k,
		    "0123456789") == strlen(t + k))
			return 1;
	}
	/* The period line is short; the template's wild cards would make
	 * a long line slow to try. */
	if ((n < 256 && template_match(t, r->c->digest.period)) ||
	    disclaimer(r, t))
		return 1;
	/* Dot leaders and a page number: "... .....1", "…… 3". */
	for (k = n; k > 0 && isdigit((unsigned char)t[k - 1]); k--)
		continue;
	if (k < n && leaders(t, k))
		return 1;
	table_header_text(&b, r->c);
	hit = str_eq_nospace(t, b.ptr);
	buf_free(&b);
	return hit;
}

/* Checks the contents against the body: a title of the contents with
 * no item, an item the contents do not list (only when the file has
 * contents).  Titles compare without their white space. */
static int
toc_cmp(const void *a, const void *b)
{
	return strcmp(((const struct toc *)a)->key,
	    ((const struct toc *)b)->key);
}

static void
contents_check(struct reimport *r)
{
	struct toc *v;
	size_t n = r->cs->n - r->first, i, k, lo, hi;
	char *listed;

	if (r->ntoc == 0)
		return;
	v = xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		const struct item *it = &r->cs->items[r->first + i];

		v[i].key = text_squeeze(&r->cs->arena, it->title,
		    strlen(it->title));
		v[i].text = it->title;
		v[i].line = it->line;
		v[i].item = (long)i;
	}
	listed = xcalloc(n ? n : 1, 1);
	qsort(v, n, sizeof(*v), toc_cmp);
	for (k = 0; k < r->ntoc; k++) {
		for (lo = 0, hi = n; lo < hi; ) {
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(v[mid].key, r->toc[k].key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		/* The first of equal titles not yet claimed. */
		while (lo < n && strcmp(v[lo].key, r->toc[k].key) == 0 &&
		    listed[v[lo].item])
			lo++;
		if (lo < n && strcmp(v[lo].key, r->toc[k].key) == 0)
			listed[v[lo].item] = 1;
		else
			msg(MSG_REIMPORT_TOC_EXTRA, r->d->path, r->toc[k].line,
			    doc_col(r->d, r->toc[k].line, r->toc[k].text),
			    r->toc[k].text);
	}
	for (i = 0; i < n; i++)
		if (!listed[i])
			msg(MSG_REIMPORT_TOC_MISSING, r->d->path,
			    r->cs->items[r->first + i].line,
			    doc_col(r->d, r->cs->items[r->first + i].line,
			    r->cs->items[r->first + i].title),
			    r->cs->items[r->first + i].title);
	free(listed);
	free(v);
}

size_t
parse_reimport(struct doc *d, struct corpus *cs, const struct config *c,
    struct label_log *log)
{
	struct reimport r;
	size_t i, before = cs->n;

	memset(&r, 0, sizeof(r));
	r.d = d;
	r.cs = cs;
	r.c = c;
	r.log = log;
	r.year = doc_year_hint(d);
	r.cur = -1;
	r.first = cs->n;
	for (i = 0; i < d->n; i++) {
		struct line *l = &d->lines[i];
		int lineno = (int)i + 1;

		if (l->len == 0)
			continue;
		if (l->text[0] == '#') {
			heading(&r, l, lineno);
			continue;
		}
		if (contents_line(&r, l, lineno) || furniture(&r, l) ||
		    rule(l->text)) {
			l->use = LINE_FURNITURE;
			continue;
		}
		/* A blank 구분 cell leaves the row starting with its tab,
		 * which the reader trimmed: the row starts with '<'. */
		if (strchr(l->text, '\t') != NULL || l->text[0] == '<' ||
		    taxon_by_name(c->orgs, c->norgs, l->text) >= 0) {
			table_row(&r, l, lineno);
			continue;
		}
		if (!r.body) {
			/* The cover: the bulletin's name, its English line. */
			l->use = LINE_FURNITURE;
			msg(MSG_REIMPORT_COVER, d->path, lineno,
			    line_col(l, l->text), l->text);
			continue;
		}
		msg(MSG_REIMPORT_OUTSIDE, d->path, lineno,
		    line_col(l, l->text), l->text);
	}
	block_end(&r);
	close_bullet(&r);
	contents_check(&r);
	buf_free(&r.last);
	free(r.ent);
	free(r.toc);
	return cs->n - before;
}

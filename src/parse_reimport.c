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
 * rows before a label are reported as inferred. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "parse.h"
#include "read.h"

/* One paragraph of a cell: a <p>, an <li> or loose text. */
struct para {
	char	*text;		/* decoded, spaces collapsed, trimmed */
	int	 bold;		/* opened with <b> before any text */
	int	 lead, trail;	/* white space at its ends in the HTML */
};

/* One row of a block for the 구분 column: the item it opened or went on
 * with (-1 for a row without one) and its label: an organisation, or
 * NO_LABEL for a blank cell, UNKNOWN_LABEL for one we cannot name. */
#define NO_LABEL	(-1)
#define UNKNOWN_LABEL	(-2)

struct entry {
	long		 item;
	int		 org;
	const char	*label;		/* the cell as printed */
	int		 line;
};

struct reimport {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	int			 year;
	int			 section, sector;
	long			 cur;		/* current item, -1 none */
	buf			 last;		/* its last bullet, open */
	int			 has_last;
	int			 cur_trail;	/* last bullet ends in a space */
	struct entry		*ent;		/* rows since the heading */
	size_t			 nent, ent_cap;
};

/* Decodes the entity at s (just after '&'); returns its length up to
 * and including ';', or 0 when it is not one we know. */
static size_t
entity(const char *s, buf *out)
{
	static const struct {
		const char	*name;
		const char	*text;
	} names[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
		{ "quot;", "\"" }, { "apos;", "'" }, { "nbsp;", " " },
	};
	const char *p;
	char enc[4];
	long cp;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (str_starts(s, names[i].name)) {
			buf_puts(out, names[i].text);
			return strlen(names[i].name);
		}
	if (s[0] != '#')
		return 0;
	if (s[1] == 'x' || s[1] == 'X')
		cp = strtol(s + 2, (char **)&p, 16), i = 2;
	else
		cp = strtol(s + 1, (char **)&p, 10), i = 1;
	if (p == s + i || *p != ';' || p - s > 10 || cp <= 0 ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	buf_put(out, enc, (size_t)utf8_encode((int)cp, enc));
	return (size_t)(p - s) + 1;
}

/* Ends the paragraph being read into raw, if it holds any text. */
static void
para_flush(buf *raw, int *bold, struct arena *a, struct para **v,
    size_t *n)
{
	struct para *p;
	char *norm, *t;
	size_t len, i, j;

	if (raw->len == 0) {
		*bold = 0;
		return;
	}
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	p = &(*v)[(*n)++];
	p->bold = *bold;
	p->lead = raw->ptr[0] == ' ' || raw->ptr[0] == '\t';
	p->trail = raw->ptr[raw->len - 1] == ' ' ||
	    raw->ptr[raw->len - 1] == '\t';
	/* Entities may have brought lookalikes and NFD back in. */
	norm = text_normalise(raw->ptr, raw->len, &len);
	t = norm ? norm : raw->ptr;
	len = norm ? len : raw->len;
	p->text = arena_alloc(a, len + 1);
	for (i = j = 0; i < len; i++) {
		int sp = t[i] == ' ' || t[i] == '\t' || t[i] == '\n';

		if (sp && (j == 0 || p->text[j - 1] == ' '))
			continue;
		p->text[j++] = sp ? ' ' : t[i];
	}
	while (j > 0 && p->text[j - 1] == ' ')
		j--;
	p->text[j] = '\0';
	free(norm);
	if (j == 0)
		(*n)--;
	buf_reset(raw);
	*bold = 0;
}

/* Splits a cell's HTML into paragraphs.  Knows p, li, ul, ol, br, b and
 * strong; an <input> checkbox is decoration; other tags are dropped. */
static size_t
html_paragraphs(const char *s, struct arena *a, struct para **out)
{
	buf raw = {0};
	size_t n = 0, k;
	int bold = 0, no_gt = 0;

	*out = NULL;
	while (*s) {
		const char *gt, *p;
		char name[16];
		size_t len = 0;
		int closing;

		if (*s == '&' && (k = entity(s + 1, &raw)) > 0) {
			s += k + 1;
			continue;
		}
		/* A '<' with no '>' after it is text, as are all later
		 * ones: look for '>' once. */
		if (*s != '<' || no_gt || (gt = strchr(s, '>')) == NULL) {
			no_gt |= *s == '<';
			buf_putc(&raw, *s++);
			continue;
		}
		p = s + 1;
		closing = *p == '/';
		p += closing;
		while (isalnum((unsigned char)*p) && len < sizeof(name) - 1)
			name[len++] = (char)tolower((unsigned char)*p++);
		name[len] = '\0';
		s = gt + 1;
		if (strcmp(name, "p") == 0 || strcmp(name, "li") == 0 ||
		    strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0)
			para_flush(&raw, &bold, a, out, &n);
		else if (strcmp(name, "br") == 0)
			buf_putc(&raw, ' ');
		else if ((strcmp(name, "b") == 0 ||
		    strcmp(name, "strong") == 0) && !closing) {
			/* Bold before any text: the paragraph is a title. */
			for (k = 0; k < raw.len && raw.ptr[k] == ' '; k++)
				continue;
			if (k == raw.len)
				bold = 1;
		}
	}
	para_flush(&raw, &bold, a, out, &n);
	buf_free(&raw);
	return n;
}

static void
add_entry(struct reimport *r, long item, int org, const char *label,
    int line)
{
	if (r->nent == r->ent_cap) {
		r->ent_cap = r->ent_cap ? r->ent_cap * 2 : 16;
		r->ent = xrealloc(r->ent, r->ent_cap * sizeof(*r->ent));
	}
	r->ent[r->nent].item = item;
	r->ent[r->nent].org = org;
	r->ent[r->nent].label = label;
	r->ent[r->nent].line = line;
	r->nent++;
}

static void
give_label(struct reimport *r, size_t from, size_t to, const struct entry *e)
{
	size_t i;

	for (i = from; i < to; i++) {
		r->ent[i].org = e->org;
		r->ent[i].label = e->label;
	}
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
			if (before > 0)
				msg(MSG_WARNING, r->d->path, r->ent[p].line,
				    "label %s inferred for %zu earlier row%s",
				    r->ent[p].label, before,
				    before == 1 ? "" : "s");
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
	for (i = 0; i < r->nent; i++) {
		struct item *it;

		if (r->ent[i].item < 0 || r->ent[i].org < 0)
			continue;
		it = &r->cs->items[r->ent[i].item];
		if (it->org < 0) {
			it->org = r->ent[i].org;
			it->labels |= LABEL_ORG;
		}
	}
	r->nent = 0;
}

/* Finds the label of a 구분 cell. */
static int
cell_label(struct reimport *r, const char *cell, int lineno)
{
	int org;

	if (*cell == '\0')
		return NO_LABEL;
	if ((org = taxon_by_name(r->c->orgs, r->c->norgs, cell)) < 0) {
		msg(MSG_WARNING, r->d->path, lineno, "unknown label in the "
		    "구분 column: %s; its items are classified from their "
		    "text", cell);
		return UNKNOWN_LABEL;
	}
	return org;
}

static void
title_of(struct reimport *r, struct item *it, const char *text)
{
	int st;

	text += strlen(config_str(r->c, "digest", "section_marker", "□"));
	while (*text == ' ')
		text++;
	st = title_split(text, r->year, &r->cs->arena, &it->title, &it->date);
	if (st == DATE_IMPOSSIBLE) {
		msg(MSG_WARNING, r->d->path, it->line, "impossible date in "
		    "title; item kept undated: %s", msg_title(text));
		it->date = DATE_NONE;
	} else if (st == DATE_NOT_A_DATE)
		msg(MSG_WARNING, r->d->path, it->line, "item title has no "
		    "date: %s", msg_title(it->title));
}

static char *
bullet_text(const char *t)
{
	if (t[0] == '-' && (t[1] == ' ' || t[1] == '\0'))
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

/* A table row: "구분 cell<TAB>HTML". */
static void
table_row(struct reimport *r, struct line *l, int lineno)
{
	const char *tab = strchr(l->text, '\t');
	char *cell = tab ? arena_strndup(&r->cs->arena, l->text,
	    (size_t)(tab - l->text)) : l->text[0] == '<' ?
	    arena_strdup(&r->cs->arena, "") :
	    arena_strdup(&r->cs->arena, l->text);
	const char *html = tab ? tab + 1 : l->text[0] == '<' ? l->text : "";
	const char *marker = config_str(r->c, "digest", "section_marker",
	    "□");
	const char *none = config_str(r->c, "digest", "none", "(해당 없음)");
	struct para *v;
	size_t n;
	int org;

	str_trim(cell);
	org = cell_label(r, cell, lineno);
	n = html_paragraphs(html, &r->cs->arena, &v);
	l->use = LINE_USED;
	if (n == 0 || (n == 1 && str_eq_nospace(v[0].text, none))) {
		/* A label alone, or a group with nothing in it. */
		l->use = LINE_FURNITURE;
		if (org != NO_LABEL)
			add_entry(r, -1, org, cell, lineno);
	} else if (v[0].bold && str_starts(v[0].text, marker)) {
		struct item *it;

		close_bullet(r);
		it = corpus_add(r->cs, r->d->path, lineno);

		it->section = r->section;
		it->sector = r->sector;
		it->labels = (r->section >= 0 ? LABEL_SECTION : 0) |
		    (r->sector >= 0 ? LABEL_SECTOR : 0);
		r->cur = (long)(r->cs->n - 1);
		r->cur_trail = 0;
		title_of(r, it, v[0].text);
		add_bullets(r, v + 1, n - 1, 0);
		add_entry(r, r->cur, org, cell, lineno);
	} else if (r->cur < 0) {
		l->use = LINE_UNPLACED;
		msg(MSG_WARNING, r->d->path, lineno, "row goes on with an "
		    "item, but none came before it: %s", v[0].text);
	} else {
		add_bullets(r, v, n, 1);
		/* A label on a row that goes on with an item is a row of
		 * the table all the same: it labels the rows after it, and
		 * centred, the item too. */
		if (org != NO_LABEL && (r->nent == 0 ||
		    r->ent[r->nent - 1].org != org))
			add_entry(r, -1, org, cell, lineno);
	}
	free(v);
}

/* The heading text without its '#'s and markers. */
static char *
heading_text(struct reimport *r, const char *t, int *level)
{
	char *s;

	for (*level = 0; t[*level] == '#'; (*level)++)
		continue;
	s = str_trim(arena_strdup(&r->cs->arena, t + *level));
	if (str_starts(s, config_str(r->c, "digest", "section_marker", "□")))
		s += strlen(config_str(r->c, "digest", "section_marker",
		    "□"));
	else if (str_starts(s, config_str(r->c, "digest", "sector_marker",
	    "☞")))
		s += strlen(config_str(r->c, "digest", "sector_marker", "☞"));
	else if (str_starts(s, "▪"))
		s += strlen("▪");
	return str_trim(s);
}

/* Strips a trailing page number: "탄소중립 분야 1". */
static int
page_number(char *s)
{
	size_t n = strlen(s), k = n;

	while (k > 0 && isdigit((unsigned char)s[k - 1]))
		k--;
	if (k == n || k == 0 || s[k - 1] != ' ')
		return 0;
	s[k - 1] = '\0';
	str_trim(s);
	return 1;
}

static void
heading(struct reimport *r, struct line *l, int lineno)
{
	int level, i;
	char *s = heading_text(r, l->text, &level);
	int contents = page_number(s);

	l->use = LINE_FURNITURE;
	if (level == 1 || contents || str_eq_nospace(s, config_str(r->c,
	    "digest", "contents", "목차")))
		return;
	block_end(r);
	close_bullet(r);
	r->cur = -1;
	if ((i = taxon_by_name(r->c->sections, r->c->nsections, s)) >= 0) {
		r->section = i;
		r->sector = -1;
		return;
	}
	if ((i = taxon_by_name(r->c->sectors, r->c->nsectors, s)) >= 0) {
		r->sector = i;
		return;
	}
	if (level == 2) {
		msg(MSG_WARNING, r->d->path, lineno, "unknown section \"%s\": "
		    "its items are classified from their text", s);
		r->section = -1;
	} else
		msg(MSG_WARNING, r->d->path, lineno, "unknown sector \"%s\": "
		    "add it to the configuration; its items are classified "
		    "from their text", s);
	r->sector = -1;
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
	const char *dis = config_str(r->c, "digest", "disclaimer", "");
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

/* The lines around the table: "No. 12", the period line, the disclaimer,
 * contents lines with dot leaders, the table header. */
static int
furniture(struct reimport *r, const struct line *l)
{
	const char *t = l->text, *no;
	buf b = {0};
	size_t n = l->len, k;
	int hit;

	no = config_str(r->c, "digest", "number_label", "No.");
	if (str_starts(t, no)) {
		for (k = strlen(no); t[k] == ' '; k++)
			continue;
		if (isdigit((unsigned char)t[k]) && strspn(t + k,
		    "0123456789") == strlen(t + k))
			return 1;
	}
	/* The period line is short; the template's wild cards would make
	 * a long line slow to try. */
	if ((n < 256 && template_match(t, config_str(r->c, "digest",
	    "period", ""))) || disclaimer(r, t))
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

size_t
parse_reimport(struct doc *d, struct corpus *cs, const struct config *c)
{
	struct reimport r;
	size_t i, before = cs->n;

	memset(&r, 0, sizeof(r));
	r.d = d;
	r.cs = cs;
	r.c = c;
	r.year = doc_year_hint(d);
	r.section = r.sector = -1;
	r.cur = -1;
	for (i = 0; i < d->n; i++) {
		struct line *l = &d->lines[i];
		int lineno = (int)i + 1;

		if (l->len == 0)
			continue;
		if (l->text[0] == '#') {
			heading(&r, l, lineno);
			continue;
		}
		if (furniture(&r, l)) {
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
		msg(MSG_WARNING, d->path, lineno, "text outside the table: %s",
		    l->text);
	}
	block_end(&r);
	close_bullet(&r);
	buf_free(&r.last);
	free(r.ent);
	return cs->n - before;
}

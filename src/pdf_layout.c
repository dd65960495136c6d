/* pdf_layout.c: the first pass of the brief: the issue as a flow of
 * boxes, then pages.
 *
 * The body is: per section a heading, per sector a heading and a
 * two-column table whose 구분 column groups the items by organisation;
 * an item is its bold title line, its bullets and its source addresses.
 * Pagination knows tables: a table that goes on to a new page repeats
 * its header row there, and the group that goes on repeats its label.
 * Boxes marked keep stay on the page of the box after them: headings
 * with the first item, an item's title with its first bullet lines, a
 * bullet's first and last two lines together. */
#include "pdf_layout.h"

#include <stdlib.h>
#include <string.h>

#include "issue.h"
#include "linebreak.h"
#include "msg.h"
#include "pdf_geom.h"

/* Type sizes and line heights, in points. */
#define SECTION_SIZE	14.0
#define SECTION_LH	24.0
#define SECTOR_SIZE	12.0
#define SECTOR_LH	22.0
#define TITLE_SIZE	10.5
#define TITLE_LH	16.0
#define TEXT_SIZE	10.0
#define TEXT_LH		15.0
#define URL_SIZE	7.5
#define URL_LH		10.5
#define NOTE_SIZE	9.0
#define NOTE_LH		14.0
#define BULLET_INDENT	6.0
#define ITEM_GAP	9.0
#define TABLE_GAP	18.0
/* The contents. */
#define CONTENTS_SIZE	18.0
#define CONTENTS_LH	40.0
#define LEADER_MIN	18.0

static const struct {
	enum face	 face;
	double		 size, lh, indent, gap;
} contents_style[3] = {
	{ FACE_BOLD, 11.0, 20.0, 0.0, 8.0 },	/* section */
	{ FACE_REGULAR, 10.5, 18.0, 14.0, 2.0 },	/* sector */
	{ FACE_REGULAR, 9.5, 15.0, 30.0, 0.0 },	/* item */
};

static struct box *
add_box(struct flow *fl, enum box_kind kind, double h)
{
	struct box *b;

	VEC_GROW(fl->v, fl->cap, fl->n + 1);
	b = &fl->v[fl->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->h = h;
	b->anchor = b->entry = b->group = b->page = b->item = -1;
	return b;
}

static struct box *
add_gap(struct flow *fl, double h, int keep)
{
	struct box *b = add_box(fl, BOX_GAP, h);

	b->keep = keep;
	return b;
}

static int
add_entry(struct layout *L, int level, const char *text)
{
	struct toc_entry *e;

	VEC_GROW(L->entries, L->capentries, L->nentries + 1);
	e = &L->entries[L->nentries];
	e->level = level;
	e->text = text;
	e->page = -1;
	e->y = 0;
	return (int)L->nentries++;
}

static int
add_group(struct layout *L, const char *label)
{
	VEC_GROW(L->groups, L->capgroups, L->ngroups + 1);
	L->groups[L->ngroups] = label;
	return (int)L->ngroups++;
}

/* Breaks text into lines of width (from the left of its column), the
 * first with marker at marker_x in front, the text hanging after it.
 * All lines but the last keep with the next.  Returns how many. */
static size_t
add_text(struct layout *L, struct flow *fl, const char *text, enum face face,
    double size, double lh, double marker_x, const char *marker,
    double width, enum ink ink)
{
	struct pdf_measure m = { .fonts = L->fonts, .face = face,
	    .size = size };
	struct lb_line *lines;
	double x = marker_x;
	size_t n, i;

	if (marker != NULL && *marker != '\0')
		x += pdf_font_width(L->fonts, face, size, marker,
		    strlen(marker)) + pdf_font_width(L->fonts, face, size, " ", 1);
	else
		marker = NULL;
	m.text = text;
	m.len = strlen(text);
	n = linebreak(text, m.len, width - x, width - x, pdf_font_measure,
	    &m, &lines);
	pdf_measure_free(&m);
	for (i = 0; i < n; i++) {
		struct box *b = add_box(fl, BOX_LINE, lh);

		b->text = text + lines[i].off;
		b->len = lines[i].len;
		b->face = face;
		b->size = size;
		b->ink = ink;
		b->x = x;
		if (i == 0 && marker != NULL) {
			b->marker = marker;
			b->marker_x = marker_x;
		}
		b->keep = i + 1 < n;
	}
	free(lines);
	return n;
}

/* Where the text of a bullet starts in its cell. */
static double
bullet_text_x(const struct layout *L)
{
	const char *m = L->cfg->pdf.bullet_marker;

	if (*m == '\0')
		return BULLET_INDENT;
	return BULLET_INDENT + pdf_font_width(L->fonts, FACE_REGULAR, TEXT_SIZE,
	    m, strlen(m)) + pdf_font_width(L->fonts, FACE_REGULAR, TEXT_SIZE,
	    " ", 1);
}

/* A link target: the address with what a URI may not hold escaped. */
static const char *
uri_of(struct layout *L, const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	buf b = {0};
	const unsigned char *p;
	const char *r;

	for (p = (const unsigned char *)url; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '^' || *p == '`' ||
		    *p == '{' || *p == '|' || *p == '}') {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		} else
			buf_putc(&b, *p);
	}
	r = arena_strdup(&L->arena, b.ptr ? b.ptr : "");
	buf_free(&b);
	return r;
}

/* Keeps a paragraph's first two lines and its last two together. */
static void
keep_paragraph(struct flow *fl, size_t first, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		fl->v[first + i].keep = (i == 0 && n >= 2) ||
		    (n >= 3 && i == n - 2);
}

/* text, or, if it has more than max characters, its first max (to the
 * space before, when there is one near) and "…", with a warning: a
 * paragraph of megabytes is not news, and would fill a thousand pages.
 * Max is [digest] max_title, max_bullet or max_url; the parser already
 * cut longer ones (parse.c), so this holds for items built by hand.
 * Sets *cut when it cut. */
static const char *
clip(struct layout *L, const struct item *it, const char *text,
    const char *what, size_t max, int *cut)
{
	size_t i = 0, n = 0, len = strlen(text), adv, at = 0, space = 0;
	char *r;

	*cut = 0;
	while (i < len) {
		if (n == max)
			at = i;
		if (text[i] == ' ' && n <= max && n >= max - max / 5)
			space = i;
		utf8_decode(text + i, len - i, &adv);
		i += adv ? adv : 1;
		n++;
	}
	if (n <= max)
		return text;
	if (space > 0)
		at = space;
	r = arena_alloc(&L->arena, at + 4);
	memcpy(r, text, at);
	memcpy(r + at, "\xe2\x80\xa6", 4);	/* … */
	*cut = 1;
	msg(MSG_PDF_FIELD_CUT, it->file, it->line, 0, what, n, max);
	return r;
}

static void
add_item(struct layout *L, const struct item *it)
{
	struct flow *fl = &L->body;
	char date[16];
	buf t = {0};
	const char *title;
	size_t first, start, n, j, k;
	double url_x = bullet_text_x(L);
	int cut;

	buf_puts(&t, clip(L, it, it->title ? it->title : "", "title",
	    (size_t)L->cfg->digest.max_title, &cut));
	if (it->date != DATE_NONE) {
		date_dots(it->date, date);
		buf_printf(&t, " (%s)", date);
	}
	title = arena_strdup(&L->arena, t.ptr);
	buf_free(&t);
	start = first = fl->n;
	n = add_text(L, fl, title, FACE_BOLD, TITLE_SIZE, TITLE_LH, 0,
	    L->cfg->pdf.item_marker, CELL_W, INK_TEXT);
	if (L->item_entries)
		fl->v[first].anchor = add_entry(L, 2, title);
	/* The title never ends a page: it keeps with its first lines. */
	fl->v[first + n - 1].keep = 1;
	for (j = 0; j < it->bullets.n; j++) {
		first = fl->n;
		n = add_text(L, fl, clip(L, it, it->bullets.v[j], "bullet",
		    (size_t)L->cfg->digest.max_bullet, &cut), FACE_REGULAR,
		    TEXT_SIZE, TEXT_LH, BULLET_INDENT,
		    L->cfg->pdf.bullet_marker, CELL_W, INK_TEXT);
		keep_paragraph(fl, first, n);
	}
	if (it->urls.n > 0)
		fl->v[fl->n - 1].keep = 1;
	for (j = 0; j < it->urls.n; j++) {
		const char *url = clip(L, it, it->urls.v[j], "URL",
		    (size_t)L->cfg->digest.max_url, &cut);
		/* A URL cut short is printed, not linked. */
		const char *uri = cut ? NULL : uri_of(L, url);

		first = fl->n;
		n = add_text(L, fl, url, FACE_REGULAR, URL_SIZE, URL_LH,
		    url_x, NULL, CELL_W, INK_LINK);
		for (k = 0; k < n; k++)
			fl->v[first + k].uri = uri;
	}
	for (k = start; k < fl->n; k++)
		fl->v[k].item = L->nitems;
	L->nitems++;
}

static const char *
unclassified(const struct layout *L)
{
	return L->cfg->pdf.unclassified;
}

/* One row group of a table: its label, then its items in published
 * order, or the word for none. */
static void
add_group_rows(struct layout *L, const struct itree *T,
    const struct igroup *g, int last)
{
	struct flow *fl = &L->body;
	struct box *b;
	size_t i;

	b = add_box(fl, BOX_GROUP, PAD_TOP);
	b->group = add_group(L, g->org >= 0 ? L->cfg->orgs[g->org].name :
	    unclassified(L));
	b->keep = 1;
	for (i = 0; i < g->n; i++) {
		if (i > 0)
			add_gap(fl, ITEM_GAP, 0);
		add_item(L, itree_item(T, g, i));
	}
	if (g->n == 0) {
		add_text(L, fl, L->cfg->digest.none, FACE_REGULAR,
		    TEXT_SIZE, TEXT_LH, 0, NULL, CELL_W, INK_MUTED);
		fl->v[fl->n - 1].note = 1;
	}
	fl->v[fl->n - 1].keep = 1;
	add_box(fl, BOX_GROUP_END, PAD_BOTTOM)->keep = last;
}

static void
add_heading(struct layout *L, const char *name, const char *marker,
    int level)
{
	struct flow *fl = &L->body;
	size_t first;

	add_gap(fl, level == 0 ? 6.0 : 4.0, 1);
	first = fl->n;
	add_text(L, fl, name, FACE_BOLD, level == 0 ? SECTION_SIZE :
	    SECTOR_SIZE, level == 0 ? SECTION_LH : SECTOR_LH, 0, marker,
	    TABLE_W, INK_HEAD);
	fl->v[first].anchor = add_entry(L, level, name);
	fl->v[fl->n - 1].keep = 1;
	fl->v[fl->n - 1].rule = level == 0;
	add_gap(fl, level == 0 ? 10.0 : 4.0, 1);
}

static void
add_section(struct layout *L, const struct itree *T,
    const struct isection *sec, int first)
{
	const struct config *c = L->cfg;
	size_t t, g;

	if (!first && L->cfg->pdf.section_new_page)
		add_box(&L->body, BOX_BREAK, 0);
	add_heading(L, sec->section >= 0 ? c->sections[sec->section].name :
	    unclassified(L), L->cfg->digest.section_marker, 0);
	for (t = 0; t < sec->nsectors; t++) {
		const struct isector *b = &sec->sectors[t];

		add_heading(L, b->sector >= 0 ? c->sectors[b->sector].name :
		    unclassified(L), L->cfg->digest.sector_marker, 1);
		add_box(&L->body, BOX_TABLE, HEAD_H)->keep = 1;
		for (g = 0; g < b->ngroups; g++)
			add_group_rows(L, T, &b->groups[g],
			    g + 1 == b->ngroups);
		add_box(&L->body, BOX_TABLE_END, 0);
		add_gap(&L->body, TABLE_GAP, 0);
	}
}

static void
build_body(struct layout *L)
{
	const char *note = L->cfg->digest.disclaimer;
	struct itree T;
	size_t s;

	itree_build(&T, L->cfg, L->issue);
	for (s = 0; s < T.nsections; s++)
		add_section(L, &T, &T.sections[s], s == 0);
	itree_free(&T);
	if (*note != '\0') {
		size_t k, first;

		add_gap(&L->body, 6.0, 0);
		first = L->body.n;
		add_text(L, &L->body, note, FACE_REGULAR, NOTE_SIZE, NOTE_LH,
		    0, NULL, TABLE_W, INK_MUTED);
		for (k = first; k < L->body.n; k++)
			L->body.v[k].note = 1;
	}
}

static void
build_contents(struct layout *L)
{
	struct flow *fl = &L->contents;
	size_t e, first, n, i;

	add_text(L, fl, L->cfg->digest.contents, FACE_BOLD,
	    CONTENTS_SIZE, CONTENTS_LH, 0, NULL, TABLE_W, INK_HEAD);
	fl->v[fl->n - 1].rule = 1;
	add_gap(fl, 12.0, 1);
	for (e = 0; e < L->nentries; e++) {
		const struct toc_entry *en = &L->entries[e];
		const char *marker = en->level == 0 ?
		    L->cfg->digest.section_marker : en->level == 1 ?
		    L->cfg->pdf.contents_sector_marker :
		    L->cfg->pdf.bullet_marker;
		int lv = en->level;

		if (contents_style[lv].gap > 0 && e > 0)
			add_gap(fl, contents_style[lv].gap, 0);
		first = fl->n;
		n = add_text(L, fl, en->text, contents_style[lv].face,
		    contents_style[lv].size, contents_style[lv].lh,
		    contents_style[lv].indent, marker,
		    TABLE_W - NUMBER_W - LEADER_MIN, INK_TEXT);
		for (i = 0; i < n; i++)
			fl->v[first + i].entry = (int)e;
		fl->v[first + n - 1].numbered = 1;
		/* A section or sector never ends a page. */
		fl->v[first + n - 1].keep = lv < 2 && e + 1 < L->nentries;
	}
}

/* ---- pagination ---- */

struct pager {
	struct layout	*L;
	int		 page;
	double		 y;
	int		 content;	/* more than repeated furniture */
	int		 in_table;
	int		 group;		/* the open group, -1 */
	size_t		 frame;		/* its frame */
};

static void
add_frame(struct pager *p, enum frame_kind kind, double top, double bottom,
    int group)
{
	struct layout *L = p->L;
	struct frame *f;

	VEC_GROW(L->frames, L->capframes, L->nframes + 1);
	f = &L->frames[L->nframes++];
	f->kind = kind;
	f->page = p->page;
	f->top = top;
	f->bottom = bottom;
	f->group = group;
}

static void
open_group(struct pager *p, int group)
{
	p->group = group;
	p->frame = p->L->nframes;
	add_frame(p, FRAME_GROUP, p->y, p->y, group);
}

static void
new_page(struct pager *p)
{
	if (p->in_table && p->group >= 0) {
		p->y -= PAD_BOTTOM;
		p->L->frames[p->frame].bottom = p->y;
	}
	p->page++;
	p->y = BODY_TOP;
	p->content = 0;
	if (p->in_table) {
		add_frame(p, FRAME_HEAD, p->y, p->y - HEAD_H, -1);
		p->y -= HEAD_H;
		if (p->group >= 0) {
			open_group(p, p->group);
			p->y -= PAD_TOP;
		}
	}
}

/* The height of box i and of those it keeps with. */
static double
chain(const struct flow *fl, size_t i)
{
	double h = 0;

	for (; i < fl->n; i++) {
		h += fl->v[i].h;
		if (!fl->v[i].keep)
			break;
	}
	return h;
}

static void
place(struct pager *p, struct box *b)
{
	b->page = p->page;
	b->y = p->y;
	b->in_table = p->in_table;
	if (b->anchor >= 0) {
		p->L->entries[b->anchor].page = p->page;
		p->L->entries[b->anchor].y = p->y;
	}
	switch (b->kind) {
	case BOX_TABLE:
		add_frame(p, FRAME_HEAD, p->y, p->y - b->h, -1);
		p->in_table = 1;
		break;
	case BOX_GROUP:
		open_group(p, b->group);
		break;
	case BOX_GROUP_END:
		p->L->frames[p->frame].bottom = p->y - b->h;
		p->group = -1;
		break;
	case BOX_TABLE_END:
		p->in_table = 0;
		break;
	default:
		break;
	}
	p->y -= b->h;
	p->content = 1;
}

/* Gives every box of fl its page, from page first on; returns the last
 * page. */
static int
paginate(struct layout *L, struct flow *fl, int first)
{
	struct pager p;
	size_t i;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < fl->n; i++)
		fl->v[i].page = -1;
	p.L = L;
	p.page = first;
	p.y = BODY_TOP;
	p.group = -1;
	for (i = 0; i < fl->n; i++) {
		struct box *b = &fl->v[i];
		double reserve = p.in_table ? PAD_BOTTOM : 0;
		double room = BODY_TOP - BODY_BOTTOM -
		    (p.in_table ? HEAD_H + PAD_TOP : 0);
		double need = chain(fl, i) + reserve;

		if (b->kind == BOX_BREAK) {
			if (p.content)
				new_page(&p);
			continue;
		}
		if (b->kind == BOX_GAP && !p.content)
			continue;
		if (b->break_before && p.content)
			new_page(&p);
		/* A chain too tall for any page is broken where it must. */
		if (p.content && p.y - need < BODY_BOTTOM && need <= room)
			new_page(&p);
		else if (p.content && p.y - b->h - reserve < BODY_BOTTOM)
			new_page(&p);
		place(&p, b);
	}
	return p.page;
}

/* The first box of the chain that keeps with box i (headings, the table
 * head, the group label that go with an item's title). */
static size_t
chain_start(const struct flow *fl, size_t i)
{
	while (i > 0 && fl->v[i - 1].keep && fl->v[i - 1].kind != BOX_BREAK)
		i--;
	return i;
}

/* Finds a page that holds only the tail of an item (with at most the
 * closing note) before a forced break or the end: the widow a reader
 * turns a page for.  Marks a new page before the item, so that it goes
 * over whole, when it fits on a page and something else stays on the
 * page it starts on.  Returns whether it marked one. */
static int
carry_tail(struct layout *L)
{
	struct flow *fl = &L->body;
	double room = BODY_TOP - BODY_BOTTOM - HEAD_H - PAD_TOP - PAD_BOTTOM;
	size_t i, j, k, s;

	for (i = 0; i < fl->n; i = j) {
		int page = fl->v[i].page, item = -1, tail = 1;
		size_t line = (size_t)-1;
		double h = 0;

		if (page < 0) {
			j = i + 1;
			continue;
		}
		/* The boxes of this page: i..j. */
		for (j = i; j < fl->n && (fl->v[j].page == page ||
		    fl->v[j].page < 0) && fl->v[j].kind != BOX_BREAK; j++) {
			const struct box *b = &fl->v[j];

			if (b->page < 0 || b->kind != BOX_LINE || b->note)
				continue;
			if (line == (size_t)-1) {
				line = j;
				item = b->item;
			}
			if (b->item != item || b->item < 0)
				tail = 0;
		}
		if (!tail || line == (size_t)-1 || (j < fl->n &&
		    fl->v[j].kind != BOX_BREAK))
			continue;
		/* Where the item starts: on an earlier page? */
		for (s = line; s > 0 && fl->v[s - 1].item == item; s--)
			;
		if (fl->v[s].page < 0 || fl->v[s].page >= page)
			continue;
		s = chain_start(fl, s);
		for (k = s; k < fl->n && (k < line || fl->v[k].item == item);
		    k++)
			h += fl->v[k].h;
		/* Something else must stay where the item started. */
		for (k = s; k-- > 0 && fl->v[k].page < 0;)
			;
		if (h > room || fl->v[s].break_before ||
		    k == (size_t)-1 || fl->v[k].page != fl->v[s].page)
			continue;
		fl->v[s].break_before = 1;
		return 1;
	}
	return 0;
}

void
pdf_layout(struct layout *L, const struct config *cfg,
    const struct issue *is, struct fonts *fonts)
{
	size_t frames;

	memset(L, 0, sizeof(*L));
	L->cfg = cfg;
	L->issue = is;
	L->fonts = fonts;
	/* Beyond [pdf] contents_items_max items (hostile input, not a
	 * week's news), the contents and bookmarks stop at sectors: every
	 * item's entry, link and bookmark is an object libharu keeps in
	 * memory, and a contents of hundreds of pages helps no one. */
	L->item_entries = is->n <= (size_t)cfg->pdf.contents_items_max;
	if (!L->item_entries)
		msg(MSG_PDF_CONTENTS_ITEMS, fonts->path, 0, 0, is->n);
	build_body(L);
	build_contents(L);
	L->ncontents = paginate(L, &L->contents, 1);
	frames = L->nframes;
	/* Each pass moves one stranded tail over whole; each move is one
	 * page break more, before a different item, so this ends. */
	do {
		L->nframes = frames;
		L->npages = paginate(L, &L->body, 1 + L->ncontents) + 1;
	} while (carry_tail(L));
}

void
pdf_layout_free(struct layout *L)
{
	free(L->contents.v);
	free(L->body.v);
	free(L->entries);
	free(L->groups);
	free(L->frames);
	arena_free(&L->arena);
	memset(L, 0, sizeof(*L));
}

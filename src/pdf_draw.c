/* pdf_draw.c: the second pass of the brief: every page drawn, the
 * layout knowing where everything is.
 *
 * Page 0 is the cover; the contents pages follow, then the body, whose
 * pages are numbered from 1 (the page labels say so too, so a viewer
 * shows the printed numbers).  Contents entries link to their targets,
 * source addresses to the web, and the outline repeats the contents. */
#include "pdf_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "issue.h"
#include "linebreak.h"
#include "pdf_geom.h"
#include "pdf_ops.h"

#define HEADER_Y	(PAGE_H - 40.0)
#define RULE_Y		(PAGE_H - 47.0)
#define FOOTER_Y	32.0

struct draw {
	HPDF_Doc		 doc;
	const struct layout	*L;
	struct fonts		*fonts;
	HPDF_Page		*pages;
	HPDF_Destination	*dst;
	int			 nfront;	/* cover and contents */
};

static void
ink(HPDF_Page page, enum ink k)
{
	switch (k) {
	case INK_MUTED:
		pdf_op_fill(page, 0.35f, 0.35f, 0.38f);
		break;
	case INK_LINK:
		pdf_op_fill(page, 0.05f, 0.30f, 0.62f);
		break;
	case INK_HEAD:
		pdf_op_fill(page, 0.06f, 0.18f, 0.38f);
		break;
	default:
		pdf_op_fill(page, 0.08f, 0.08f, 0.08f);
		break;
	}
}

/* The baseline of text of size set in a line of height h from top. */
static double
baseline(double top, double h, double size)
{
	return top - h / 2 - 0.36 * size;
}

static double
text_w(const struct draw *d, enum face face, double size, const char *s)
{
	return pdf_font_width(d->fonts, face, size, s, strlen(s));
}

static void
text(const struct draw *d, HPDF_Page page, enum face face, double size,
    double x, double y, const char *s)
{
	pdf_font_draw(d->fonts, page, face, size, x, y, s, strlen(s));
}

static void
text_centred(const struct draw *d, HPDF_Page page, enum face face,
    double size, double cx, double y, const char *s)
{
	text(d, page, face, size, cx - text_w(d, face, size, s) / 2, y, s);
}

static void
hline(HPDF_Page page, double x0, double x1, double y, double width)
{
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)width);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)y);
	HPDF_Page_LineTo(page, (HPDF_REAL)x1, (HPDF_REAL)y);
	HPDF_Page_Stroke(page);
}

/* Draws s centred in lines of width w about (cx, cy); returns nothing,
 * the caller having left room. */
static void
block_centred(const struct draw *d, HPDF_Page page, enum face face,
    double size, double lh, double cx, double cy, double w, const char *s)
{
	struct pdf_measure m = { .fonts = d->fonts, .face = face,
	    .size = size };
	struct lb_line *l;
	size_t n, i;
	double top;

	m.text = s;
	m.len = strlen(s);
	n = linebreak(s, m.len, w, w, pdf_font_measure, &m, &l);
	pdf_measure_free(&m);
	top = cy + n * lh / 2;
	for (i = 0; i < n; i++) {
		double tw = pdf_font_width(d->fonts, face, size, s + l[i].off,
		    l[i].len);

		pdf_font_draw(d->fonts, page, face, size, cx - tw / 2,
		    baseline(top - i * lh, lh, size), s + l[i].off, l[i].len);
	}
	free(l);
}

static void
number_of(const struct draw *d, int page, char *out, size_t size)
{
	snprintf(out, size, "%d", page - d->nfront + 1);
}

/* Measures s as block_centred draws it in lines of width w (the
 * characters drawn are those measured). */
static void
block_measure(const struct draw *d, enum face face, double size, double w,
    const char *s)
{
	struct pdf_measure m = { .fonts = d->fonts, .face = face,
	    .size = size };
	struct lb_line *l;
	size_t n, i;

	m.text = s;
	m.len = strlen(s);
	n = linebreak(s, m.len, w, w, pdf_font_measure, &m, &l);
	pdf_measure_free(&m);
	for (i = 0; i < n; i++)
		(void)pdf_font_width(d->fonts, face, size, s + l[i].off,
		    l[i].len);
	free(l);
}

/* Measures, in the faces they are drawn in, the texts of the cover,
 * the running heads and feet and the table frames, which pdf_draw draws
 * before the flows: with them, every character the brief draws has been
 * measured, and the font files can be made while all is drawn
 * (pdf_font_foresee; were one missed, its font file would be made again
 * at the end, the same bytes, later). */
static void
measure_fixed(const struct draw *d)
{
	const struct config *c = d->L->cfg;
	buf b = {0};
	char num[32];
	size_t i;
	int p;

	block_measure(d, FACE_REGULAR, 17, TABLE_W, c->digest.kicker);
	block_measure(d, FACE_BOLD, 28, TABLE_W, c->digest.title);
	block_measure(d, FACE_REGULAR, 12.5, TABLE_W, c->digest.subtitle);
	buf_printf(&b, "%s %d", c->digest.number_label, d->L->issue->number);
	block_measure(d, FACE_BOLD, 20, TABLE_W, b.ptr);
	buf_reset(&b);
	issue_period(c, d->L->issue, &b);
	block_measure(d, FACE_REGULAR, 11, TABLE_W, b.ptr);
	block_measure(d, FACE_BOLD, 14, TABLE_W, c->digest.author);
	for (p = 1; p < d->L->npages; p++) {
		(void)text_w(d, FACE_REGULAR, 8.5, c->digest.title);
		buf_reset(&b);
		buf_printf(&b, "%s %d", c->digest.number_label,
		    d->L->issue->number);
		(void)text_w(d, FACE_BOLD, 8.5, b.ptr);
		if (p >= d->nfront) {
			const char *vars[] = { "page", NULL, NULL };

			number_of(d, p, num, sizeof(num));
			vars[1] = num;
			buf_reset(&b);
			fill_fields(&b, c->pdf.page_number, vars);
			(void)text_w(d, FACE_REGULAR, 9, b.ptr);
		}
	}
	for (i = 0; i < d->L->nframes; i++) {
		const struct frame *f = &d->L->frames[i];

		if (f->kind == FRAME_HEAD) {
			(void)text_w(d, FACE_BOLD, HEAD_SIZE,
			    c->digest.header_label);
			(void)text_w(d, FACE_BOLD, HEAD_SIZE,
			    c->digest.header_content);
		} else
			block_measure(d, FACE_BOLD, LABEL_SIZE, LABEL_W - 8,
			    d->L->groups[f->group]);
	}
	buf_free(&b);
}

static void
draw_cover(const struct draw *d)
{
	HPDF_Page page = d->pages[0];
	const struct issue *is = d->L->issue;
	double cx = PAGE_W / 2;
	char num[32];
	buf b = {0};

	pdf_op_fill(page, 0.06f, 0.18f, 0.38f);
	HPDF_Page_Rectangle(page, 0, (HPDF_REAL)(PAGE_H - 18),
	    (HPDF_REAL)PAGE_W, 18);
	HPDF_Page_Fill(page);
	ink(page, INK_HEAD);
	block_centred(d, page, FACE_REGULAR, 17, 24, cx, PAGE_H * 0.70,
	    TABLE_W, d->L->cfg->digest.kicker);
	block_centred(d, page, FACE_BOLD, 28, 38, cx, PAGE_H * 0.70 - 52,
	    TABLE_W, d->L->cfg->digest.title);
	ink(page, INK_MUTED);
	block_centred(d, page, FACE_REGULAR, 12.5, 18, cx,
	    PAGE_H * 0.70 - 98, TABLE_W, d->L->cfg->digest.subtitle);
	HPDF_Page_SetRGBStroke(page, 0.06f, 0.18f, 0.38f);
	hline(page, MARGIN_X + 40, PAGE_W - MARGIN_X - 40,
	    PAGE_H * 0.70 - 124, 1.5);
	snprintf(num, sizeof(num), "%d", is->number);
	buf_printf(&b, "%s %s", d->L->cfg->digest.number_label, num);
	ink(page, INK_HEAD);
	block_centred(d, page, FACE_BOLD, 20, 26, cx, PAGE_H * 0.70 - 156,
	    TABLE_W, b.ptr);
	buf_reset(&b);
	issue_period(d->L->cfg, is, &b);
	ink(page, INK_TEXT);
	block_centred(d, page, FACE_REGULAR, 11, 16, cx, PAGE_H * 0.70 - 190,
	    TABLE_W, b.ptr);
	ink(page, INK_HEAD);
	block_centred(d, page, FACE_BOLD, 14, 20, cx, 96, TABLE_W,
	    d->L->cfg->digest.author);
	pdf_op_fill(page, 0.06f, 0.18f, 0.38f);
	HPDF_Page_Rectangle(page, 0, 0, (HPDF_REAL)PAGE_W, 10);
	HPDF_Page_Fill(page);
	buf_free(&b);
}

/* The running header, and the page number on body pages. */
static void
draw_furniture(const struct draw *d, int p)
{
	HPDF_Page page = d->pages[p];
	const char *title = d->L->cfg->digest.title;
	char num[32];
	buf b = {0}, no = {0};

	ink(page, INK_MUTED);
	text(d, page, FACE_REGULAR, 8.5, MARGIN_X, HEADER_Y, title);
	/* A buffer: number_label is as long as digest.conf makes it. */
	buf_printf(&no, "%s %d", d->L->cfg->digest.number_label,
	    d->L->issue->number);
	text(d, page, FACE_BOLD, 8.5, PAGE_W - MARGIN_X -
	    text_w(d, FACE_BOLD, 8.5, no.ptr), HEADER_Y, no.ptr);
	buf_free(&no);
	HPDF_Page_SetRGBStroke(page, 0.55f, 0.55f, 0.6f);
	hline(page, MARGIN_X, PAGE_W - MARGIN_X, RULE_Y, 0.5);
	if (p >= d->nfront) {
		const char *vars[] = { "page", NULL, NULL };

		number_of(d, p, num, sizeof(num));
		vars[1] = num;
		fill_fields(&b, d->L->cfg->pdf.page_number, vars);
		text_centred(d, page, FACE_REGULAR, 9, PAGE_W / 2, FOOTER_Y,
		    b.ptr);
	}
	buf_free(&b);
}

static void
draw_frame(const struct draw *d, const struct frame *f)
{
	HPDF_Page page = d->pages[f->page];
	double h = f->top - f->bottom;

	if (f->kind == FRAME_HEAD) {
		pdf_op_fill(page, 0.86f, 0.89f, 0.93f);
		HPDF_Page_Rectangle(page, (HPDF_REAL)TABLE_X,
		    (HPDF_REAL)f->bottom, (HPDF_REAL)TABLE_W, (HPDF_REAL)h);
		HPDF_Page_Fill(page);
		ink(page, INK_HEAD);
		text_centred(d, page, FACE_BOLD, HEAD_SIZE,
		    TABLE_X + LABEL_W / 2, baseline(f->top, h, HEAD_SIZE),
		    d->L->cfg->digest.header_label);
		text_centred(d, page, FACE_BOLD, HEAD_SIZE,
		    TABLE_X + LABEL_W + (TABLE_W - LABEL_W) / 2,
		    baseline(f->top, h, HEAD_SIZE),
		    d->L->cfg->digest.header_content);
	} else {
		pdf_op_fill(page, 0.95f, 0.96f, 0.97f);
		HPDF_Page_Rectangle(page, (HPDF_REAL)TABLE_X,
		    (HPDF_REAL)f->bottom, (HPDF_REAL)LABEL_W, (HPDF_REAL)h);
		HPDF_Page_Fill(page);
		ink(page, INK_TEXT);
		block_centred(d, page, FACE_BOLD, LABEL_SIZE, LABEL_LH,
		    TABLE_X + LABEL_W / 2, f->bottom + h / 2, LABEL_W - 8,
		    d->L->groups[f->group]);
	}
	HPDF_Page_SetRGBStroke(page, 0.45f, 0.48f, 0.55f);
	HPDF_Page_SetLineWidth(page, 0.6f);
	HPDF_Page_Rectangle(page, (HPDF_REAL)TABLE_X, (HPDF_REAL)f->bottom,
	    (HPDF_REAL)TABLE_W, (HPDF_REAL)h);
	HPDF_Page_MoveTo(page, (HPDF_REAL)(TABLE_X + LABEL_W),
	    (HPDF_REAL)f->bottom);
	HPDF_Page_LineTo(page, (HPDF_REAL)(TABLE_X + LABEL_W),
	    (HPDF_REAL)f->top);
	HPDF_Page_Stroke(page);
}

static void
link_to(HPDF_Annotation a)
{
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

/* A contents line's leader and page number. */
static void
draw_number(const struct draw *d, HPDF_Page page, const struct box *b,
    double x_end, double y)
{
	char num[32];
	double right = MARGIN_X + TABLE_W, nx, from = x_end + 5;
	static const HPDF_UINT16 dots[] = { 1, 2 };

	number_of(d, d->L->entries[b->entry].page, num, sizeof(num));
	nx = right - text_w(d, b->face, b->size, num);
	text(d, page, b->face, b->size, nx, y, num);
	if (nx - 5 > from) {
		HPDF_Page_SetRGBStroke(page, 0.5f, 0.5f, 0.5f);
		HPDF_Page_SetDash(page, dots, 2, 0);
		hline(page, from, nx - 5, y + 1, 0.8);
		HPDF_Page_SetDash(page, NULL, 0, 0);
	}
}

static void
draw_line(const struct draw *d, const struct box *b)
{
	HPDF_Page page = d->pages[b->page];
	double x0 = b->in_table ? CELL_X : MARGIN_X;
	double y = baseline(b->y, b->h, b->size);
	double x = x0 + b->x, w;

	ink(page, b->ink);
	if (b->marker != NULL)
		text(d, page, b->face, b->size, x0 + b->marker_x, y,
		    b->marker);
	pdf_font_draw(d->fonts, page, b->face, b->size, x, y, b->text, b->len);
	w = pdf_font_width(d->fonts, b->face, b->size, b->text, b->len);
	if (b->rule) {
		HPDF_Page_SetRGBStroke(page, 0.06f, 0.18f, 0.38f);
		hline(page, MARGIN_X, MARGIN_X + TABLE_W, b->y - b->h - 2,
		    1.2);
	}
	if (b->uri != NULL) {
		HPDF_Rect r = { (HPDF_REAL)x, (HPDF_REAL)(b->y - b->h),
		    (HPDF_REAL)(x + w), (HPDF_REAL)b->y };

		link_to(HPDF_Page_CreateURILinkAnnot(page, r, b->uri));
	}
	if (b->entry >= 0) {
		HPDF_Rect r = { (HPDF_REAL)(x0 + b->marker_x),
		    (HPDF_REAL)(b->y - b->h), (HPDF_REAL)(MARGIN_X + TABLE_W),
		    (HPDF_REAL)b->y };

		if (b->numbered)
			draw_number(d, page, b, x + w, y);
		link_to(HPDF_Page_CreateLinkAnnot(page, r,
		    d->dst[b->entry]));
	}
}

static void
draw_flow(const struct draw *d, const struct flow *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		if (fl->v[i].kind == BOX_LINE && fl->v[i].page >= 0)
			draw_line(d, &fl->v[i]);
}

/* The outline: sections, their sectors, their items. */
static int
draw_outline(const struct draw *d)
{
	HPDF_Encoder enc = HPDF_GetEncoder(d->doc, "UTF-8");
	HPDF_Outline parent[3] = { NULL, NULL, NULL };
	size_t e;

	for (e = 0; e < d->L->nentries; e++) {
		const struct toc_entry *en = &d->L->entries[e];
		HPDF_Outline o, up = NULL;
		int lv;

		for (lv = en->level - 1; lv >= 0 && up == NULL; lv--)
			up = parent[lv];
		o = HPDF_CreateOutline(d->doc, up, en->text, enc);
		if (o == NULL)
			return -1;
		HPDF_Outline_SetDestination(o, d->dst[e]);
		HPDF_Outline_SetOpened(o, en->level == 0);
		parent[en->level] = o;
		for (lv = en->level + 1; lv < 3; lv++)
			parent[lv] = NULL;
	}
	return 0;
}

int
pdf_draw(HPDF_Doc doc, const struct layout *L)
{
	struct draw d;
	size_t i;
	int p, rc = 0;

	memset(&d, 0, sizeof(d));
	d.doc = doc;
	d.L = L;
	d.fonts = L->fonts;
	d.nfront = 1 + L->ncontents;
	/* What is left to draw the layout measured, and the rest is
	 * measured here: the font files can be made now, by a thread,
	 * while all is drawn. */
	measure_fixed(&d);
	pdf_font_foresee(d.fonts);
	d.pages = xcalloc((size_t)L->npages, sizeof(*d.pages));
	d.dst = xcalloc(L->nentries ? L->nentries : 1, sizeof(*d.dst));
	for (p = 0; p < L->npages; p++) {
		if ((d.pages[p] = HPDF_AddPage(doc)) == NULL) {
			rc = -1;
			goto out;
		}
		HPDF_Page_SetSize(d.pages[p], HPDF_PAGE_SIZE_A4,
		    HPDF_PAGE_PORTRAIT);
	}
	for (i = 0; i < L->nentries; i++) {
		d.dst[i] = HPDF_Page_CreateDestination(
		    d.pages[L->entries[i].page]);
		/* Fit the width, the entry at the top (libharu 2.3.0 will
		 * not write XYZ without a zoom). */
		HPDF_Destination_SetFitH(d.dst[i],
		    (HPDF_REAL)(L->entries[i].y + 8));
	}
	draw_cover(&d);
	for (p = 1; p < L->npages; p++)
		draw_furniture(&d, p);
	for (i = 0; i < L->nframes; i++)
		draw_frame(&d, &L->frames[i]);
	draw_flow(&d, &L->contents);
	draw_flow(&d, &L->body);
	if (draw_outline(&d) == -1)
		rc = -1;
	HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
	HPDF_AddPageLabel(doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
	HPDF_AddPageLabel(doc, (HPDF_UINT)d.nfront,
	    HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
out:
	free(d.pages);
	free(d.dst);
	return rc;
}

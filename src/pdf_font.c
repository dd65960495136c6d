/* pdf_font.c: the brief's fonts: embedding, measuring, drawing.
 *
 * libharu's UTF-8 encoder writes each character as its 16-bit code
 * point under Identity-H, so code = CID = Unicode, and a CIDToGIDMap
 * takes CIDs to glyphs.  Glyphs are embedded as a subset: only those
 * measured (which includes all drawn) are written.  The faces' files
 * are found by pdf_font_find.c; what libharu writes wrong about them is
 * rewritten by pdf_font_finish.c.
 *
 * A character the main face lacks (NanumGothic has no U+25AA ▪) is drawn
 * with the fallback face when that has it. */
#include "pdf_font_slot.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_list.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf_ops.h"

/* HPDF_GetFont(doc, name, "UTF-8") for a TrueType font, without its
 * 65536 glyph look-ups.  Making the font, libharu 2.3.0
 * (CIDFontType2_New) asks HPDF_TTFontDef_GetGlyphid for every code from
 * 0 to 0xFFFF, each a linear scan of the cmap's segments (NanumGothic
 * has thousands), then measures every one of them for its W array and
 * writes a CIDToGIDMap of all 65536: over half the time of a brief, for
 * each face.  pdf_font_finish replaces the W array and the CIDToGIDMap
 * with those of the codes drawn, and widths and glyphs are otherwise
 * looked up in the font's cmap as they are needed.  So for that one
 * call the cmap is an empty format 0 table (any code: glyph 0, in one
 * step), and the encoder one that maps a single code to CID 1, as a
 * CMap encoder would (libharu's UTF-8 encoder maps every code, and
 * keeps its own state in the first entries of its empty CID map): the
 * font gets a W array and a CIDToGIDMap of one CID, written over by
 * pdf_font_finish as those of all 65536 codes were.  Then the real
 * cmap and encoder again. */
static HPDF_Font
get_font(HPDF_Doc doc, const char *name)
{
	static HPDF_UINT16 no_glyph[256];
	HPDF_FontDef def = HPDF_Doc_FindFontDef(doc, name);
	HPDF_Encoder enc = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_CMapEncoderAttr ea;
	HPDF_TTFontDefAttr attr;
	HPDF_TTF_CmapRange cmap;
	HPDF_UINT16 state[8];
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_Font font;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    enc == NULL || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE ||
	    HPDF_Doc_FindFont(doc, name, "UTF-8") != NULL)
		return HPDF_GetFont(doc, name, "UTF-8");
	attr = (HPDF_TTFontDefAttr)def->attr;
	cmap = attr->cmap;
	memset(&attr->cmap, 0, sizeof(attr->cmap));
	attr->cmap.format = 0;
	attr->cmap.glyph_id_array = no_glyph;
	attr->cmap.glyph_id_array_count = 256;
	ea = (HPDF_CMapEncoderAttr)enc->attr;
	to_unicode = enc->to_unicode_fn;
	memcpy(state, ea->cid_map[0], sizeof(state));
	memset(ea->cid_map[0], 0, sizeof(state));
	ea->cid_map[0][1] = 1;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(doc, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	memcpy(ea->cid_map[0], state, sizeof(state));
	attr->cmap = cmap;
	return font;
}


/* DIGEST_LIBHARU_ONLY=1 in the environment: every short cut here is
 * left out and libharu does all as it would alone (reading the font
 * file, looking glyphs up, measuring, subsetting, deflating).  For the
 * test that the brief is byte for byte the same either way
 * (tests/e2e/pdf-same.sh). */
int
pdf_libharu_only(void)
{
	static int v = -1;

	return env_flag("DIGEST_LIBHARU_ONLY", &v);
}

/* A font file in memory as libharu reads one: a file reader's
 * answers (short reads at the end are HPDF_STREAM_EOF). */
struct font_reader {
	const unsigned char *data;
	size_t		 len, pos;
};

/* A read reaching the end, or of more than four bytes (apart, so that
 * reader_read calls nothing otherwise). */
static HPDF_STATUS __attribute__((noinline))
reader_copy(struct font_reader *r, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	size_t n = r->pos < r->len ? r->len - r->pos : 0;

	memset(ptr, 0, *siz);
	if (n > *siz)
		n = *siz;
	memcpy(ptr, r->data + r->pos, n);
	r->pos += n;
	if (n != *siz) {
		*siz = (HPDF_UINT)n;
		return HPDF_STREAM_EOF;
	}
	return HPDF_OK;
}

/* libharu reads a font a value at a time (some 60,000 reads of two or
 * four bytes a face): those copied in place, with no call. */
static HPDF_STATUS
reader_read(HPDF_Stream st, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	struct font_reader *r = st->attr;
	const unsigned char *p;

	if (*siz > 4 || r->pos >= r->len || *siz > r->len - r->pos)
		return reader_copy(r, ptr, siz);
	p = r->data + r->pos;
	switch (*siz) {
	case 4:
		ptr[3] = p[3];
		/* FALLTHROUGH */
	case 3:
		ptr[2] = p[2];
		/* FALLTHROUGH */
	case 2:
		ptr[1] = p[1];
		/* FALLTHROUGH */
	case 1:
		ptr[0] = p[0];
		/* FALLTHROUGH */
	default:
		break;
	}
	r->pos += *siz;
	return HPDF_OK;
}

static HPDF_STATUS
reader_seek(HPDF_Stream st, HPDF_INT pos, HPDF_WhenceMode mode)
{
	struct font_reader *r = st->attr;
	long at = mode == HPDF_SEEK_CUR ? (long)r->pos + pos :
	    mode == HPDF_SEEK_END ? (long)r->len + pos : pos;

	if (at < 0)
		return HPDF_SetError(st->error, HPDF_FILE_IO_ERROR, 0);
	r->pos = (size_t)at;
	return HPDF_OK;
}

static HPDF_INT32
reader_tell(HPDF_Stream st)
{
	return (HPDF_INT32)((struct font_reader *)st->attr)->pos;
}

static HPDF_UINT32
reader_size(HPDF_Stream st)
{
	return (HPDF_UINT32)((struct font_reader *)st->attr)->len;
}

static void
reader_free(HPDF_Stream st)
{
	free(st->attr);
}

HPDF_Stream
pdf_bytes_stream(HPDF_MMgr mmgr, const unsigned char *data, size_t len)
{
	struct font_reader *r = xcalloc(1, sizeof(*r));
	HPDF_Stream st;

	r->data = data;
	r->len = len;
	if ((st = HPDF_CallbackReader_New(mmgr, reader_read, reader_seek,
	    reader_tell, reader_size, r)) == NULL) {
		free(r);
		return NULL;
	}
	st->free_fn = reader_free;
	return st;
}

/* HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE), from the mapped font
 * rather than through stdio a few bytes at a time; what libharu does
 * after reading (the font known once, its subset tag) as it does it. */
static const char *
load_ttf(HPDF_Doc doc, const char *file)
{
	const unsigned char *data;
	HPDF_FontDef def, had;
	HPDF_Stream st;
	size_t len;
	int i;

	if (pdf_libharu_only() || (data = pdf_font_bytes(file, &len)) == NULL)
		return HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE);
	if ((st = pdf_bytes_stream(doc->mmgr, data, len)) == NULL) {
		HPDF_ResetError(doc);
		return HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE);
	}
	if ((def = HPDF_TTFontDef_Load(doc->mmgr, st, HPDF_TRUE)) == NULL) {
		HPDF_ResetError(doc);
		return HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE);
	}
	if ((had = HPDF_Doc_FindFontDef(doc, def->base_font)) != NULL) {
		HPDF_FontDef_Free(def);
		return had->base_font;
	}
	if (HPDF_List_Add(doc->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	if (doc->ttfont_tag[0] == 0)
		memcpy(doc->ttfont_tag, "HPDFAA", 6);
	else
		for (i = 5; i >= 0; i--) {
			if (++doc->ttfont_tag[i] <= 'Z')
				break;
			doc->ttfont_tag[i] = 'A';
		}
	HPDF_TTFontDef_SetTagName(def, (char *)doc->ttfont_tag);
	return def->base_font;
}

/* Finds and embeds a font; reports at level when it cannot. */
static struct font_slot *
slot_load(HPDF_Doc doc, const struct config *cfg, const char *key,
    const char *value, enum msg_level level)
{
	struct font_slot *s;
	const char *name;
	char *file;

	if ((file = pdf_font_file(cfg, key, value, level)) == NULL)
		return NULL;
	name = load_ttf(doc, file);
	if (name == NULL) {
		msg_at(level, MSG_PDF_FONT_NOT_TRUETYPE, cfg->path, 0, 0, key,
		    file);
		free(file);
		HPDF_ResetError(doc);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->file = file;
	pdf_font_note_embedded(file);
	s->cmap_sorted = -1;
	s->font = get_font(doc, name);
	if (s->font == NULL) {
		msg_at(level, MSG_PDF_FONT_UNUSABLE, cfg->path, 0, 0, key,
		    file);
		free(file);
		free(s);
		HPDF_ResetError(doc);
		return NULL;
	}
	s->def = ((HPDF_FontAttr)s->font->attr)->fontdef;
	s->has = xcalloc(NCODES, 1);
	s->gid = xcalloc(NCODES, sizeof(*s->gid));
	s->width = xmalloc(NCODES * sizeof(*s->width));
	memset(s->width, 0xff, NCODES * sizeof(*s->width));
	s->used = xcalloc(NCODES / 8, 1);
	return s;
}

static void
slot_free(struct font_slot *s)
{
	if (s == NULL)
		return;
	pdf_deflated_free(s->z);
	pdf_deflated_free(s->zmap[0]);
	pdf_deflated_free(s->zmap[1]);
	pdf_foreseen_free(s->fs);
	free(s->file);
	free(s->has);
	free(s->gid);
	free(s->width);
	free(s->used);
	free(s);
}

static const char *const fallback_keys[FACE_COUNT] = {
	"font_fallback", "font_fallback_bold",
};

int
pdf_font_load(struct fonts *f, HPDF_Doc doc, const struct config *cfg,
    const char *pdf_path)
{
	static const char *const keys[FACE_COUNT] = { "font", "font_bold" };
	int i, rc = 0;

	memset(f, 0, sizeof(*f));
	f->doc = doc;
	f->cfg = cfg;
	f->path = pdf_path;
	f->warned = xcalloc(0x10000 / 8, 1);
	for (i = 0; i < FACE_COUNT; i++) {
		f->width[i] = xmalloc(NCODES * sizeof(*f->width[i]));
		memset(f->width[i], 0xff, NCODES * sizeof(*f->width[i]));
		f->slot_of[i] = xcalloc(NCODES, 1);
	}
	if (HPDF_UseUTFEncodings(doc) != HPDF_OK ||
	    HPDF_SetCurrentEncoder(doc, "UTF-8") != HPDF_OK) {
		msg(MSG_PDF_NO_UTF8, pdf_path, 0, 0);
		return -1;
	}
	for (i = 0; i < FACE_COUNT; i++)
		if ((f->main[i] = slot_load(doc, cfg, keys[i],
		    i == FACE_BOLD ? cfg->pdf.font_bold : cfg->pdf.font,
		    MSG_ERROR)) == NULL)
			rc = -1;
	return rc;
}

/* The fallback of a face, embedded the first time a character needs it
 * (an unused font would still be written).  Without it, a few characters
 * print as boxes: a warning, not an error. */
static struct font_slot *
fallback(struct fonts *f, enum face face)
{
	const char *key = fallback_keys[face], *v;

	if (f->fallback[face] != NULL || f->fallback_tried[face])
		return f->fallback[face];
	f->fallback_tried[face] = 1;
	v = face == FACE_BOLD ? f->cfg->pdf.font_fallback_bold :
	    f->cfg->pdf.font_fallback;
	if (v == NULL && face != FACE_REGULAR) {
		key = fallback_keys[FACE_REGULAR];
		v = f->cfg->pdf.font_fallback;
	}
	if (v == NULL || *v == '\0')
		return NULL;
	f->fallback[face] = slot_load(f->doc, f->cfg, key, v, MSG_WARNING);
	return f->fallback[face];
}

void
pdf_font_free(struct fonts *f)
{
	int i;

	for (i = 0; i < FACE_COUNT; i++) {
		slot_free(f->main[i]);
		slot_free(f->fallback[i]);
		free(f->width[i]);
		free(f->slot_of[i]);
	}
	free(f->warned);
	buf_free(&f->lit);
	memset(f, 0, sizeof(*f));
}

/* HPDF_TTFontDef_GetGlyphid, with a binary search for the segment where
 * libharu scans the segments one by one (NanumGothic has thousands):
 * the first whose end is at or past code, so the same answer whenever
 * the ends ascend, as the format wants; otherwise libharu's scan. */
static HPDF_UINT16
cmap_gid(struct font_slot *s, HPDF_UINT16 code)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)s->def->attr;
	const HPDF_TTF_CmapRange *c = &a->cmap;
	unsigned n = c->seg_count_x2 / 2, lo = 0, hi, i;

	if (s->cmap_sorted < 0) {
		s->cmap_sorted = c->format == 4 && n > 0;
		for (i = 1; i < n && s->cmap_sorted; i++)
			if (c->end_count[i] < c->end_count[i - 1])
				s->cmap_sorted = 0;
	}
	if (!s->cmap_sorted || pdf_libharu_only())
		return HPDF_TTFontDef_GetGlyphid(s->def, code);
	hi = n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;

		if (code <= c->end_count[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo == n || c->start_count[lo] > code)
		return 0;
	if (c->id_range_offset[lo] == 0)
		return (HPDF_UINT16)(code + c->id_delta[lo]);
	i = c->id_range_offset[lo] / 2 + (code - c->start_count[lo]) -
	    (n - lo);
	if (i >= c->glyph_id_array_count)	/* libharu reads one past */
		return 0;
	return (HPDF_UINT16)(c->glyph_id_array[i] + c->id_delta[lo]);
}

/* The glyph of a code, 0 for none.  Remembered. */
HPDF_UINT16
pdf_slot_gid(struct font_slot *s, int cp)
{
	if (s->has[cp] == 0) {
		s->gid[cp] = cmap_gid(s, (HPDF_UINT16)cp);
		s->has[cp] = s->gid[cp] != 0 ? 1 : -1;
	}
	return s->gid[cp];
}

static int
slot_has(struct font_slot *s, int cp)
{
	return pdf_slot_gid(s, cp) != 0;
}

/* Characters that print as nothing: zero-width spaces and joiners,
 * directional marks, the soft hyphen, variation selectors, BOM. */
static int
invisible(int cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

/* The code libharu writes for a character: its code point; a space for
 * controls and for what UTF-16 needs two units for (libharu's UTF-8
 * encoder turns those into spaces itself); -1 for what prints as
 * nothing. */
static int
code_of(struct fonts *f, int cp)
{
	if (invisible(cp))
		return -1;
	if (cp > 0xFFFF && !f->warned_astral) {
		f->warned_astral = 1;
		msg(MSG_PDF_BEYOND_BMP, f->path, 0, 0, (unsigned)cp);
	}
	if (cp < 0x20 || cp == 0x7F || cp > 0xFFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return ' ';
	return cp;
}

/* The slot that draws code. */
static struct font_slot *
slot_for(struct fonts *f, enum face face, int code)
{
	struct font_slot *m = f->main[face], *fb;

	if (code == ' ' || slot_has(m, code))
		return m;
	if ((fb = fallback(f, face)) != NULL && slot_has(fb, code))
		return fb;
	if (!(f->warned[code / 8] & (1 << (code % 8)))) {
		f->warned[code / 8] |= 1 << (code % 8);
		msg(MSG_PDF_NO_GLYPH, f->path, 0, 0, (unsigned)code);
	}
	return m;
}

/* The width of code in s, 1/1000 em.  libharu measures it (and marks
 * its glyph, and the parts of a composite one, for the subset), but
 * looks the glyph up again by its linear scan of the cmap: for that call
 * the cmap is one segment taking code to the glyph slot_gid found. */
int
pdf_slot_width(struct font_slot *s, int code)
{
	if (s->width[code] < 0 && pdf_libharu_only()) {
		char u[4];
		int n = utf8_encode(code, u);

		s->width[code] = (short)HPDF_Font_TextWidth(s->font,
		    (const HPDF_BYTE *)u, (HPDF_UINT)n).width;
	}
	if (s->width[code] < 0) {
		HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)s->def->attr;
		HPDF_TTF_CmapRange cmap = a->cmap;
		HPDF_UINT16 end = 0xFFFF, start = 0, range = 0;
		HPDF_INT16 delta = (HPDF_INT16)(HPDF_UINT16)
		    (pdf_slot_gid(s, code) - code);
		char u[4];
		int n = utf8_encode(code, u);
		HPDF_TextWidth tw;

		a->cmap.format = 4;
		a->cmap.seg_count_x2 = 2;
		a->cmap.end_count = &end;
		a->cmap.start_count = &start;
		a->cmap.id_delta = &delta;
		a->cmap.id_range_offset = &range;
		tw = HPDF_Font_TextWidth(s->font, (const HPDF_BYTE *)u,
		    (HPDF_UINT)n);
		a->cmap = cmap;
		s->width[code] = (short)tw.width;
	}
	return s->width[code];
}

/* Decodes the next character of s[*i..len) into its code, -1 for one
 * that prints as nothing. */
static int
next_code(struct fonts *f, const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t adv;
	int cp;

	/* A Hangul syllable, most of a brief, is its own code. */
	if (u[0] >= 0xEA && u[0] <= 0xED && len - *i >= 3 &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		cp = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (is_syllable(cp)) {
			*i += 3;
			return cp;
		}
	}
	cp = utf8_decode(s + *i, len - *i, &adv);

	*i += adv ? adv : 1;
	return code_of(f, cp < 0 ? 0xFFFD : cp);
}

/* The width of the character at s[*i] in face, 1/1000 em, 0 for one
 * that prints as nothing; *i moves past it.  Each code's width in a face
 * is found once (the slot that draws it, then its width there), and
 * printable ASCII is not decoded. */
static long
char_units(struct fonts *f, enum face face, const char *s, size_t len,
    size_t *i)
{
	short *known = f->width[face];
	unsigned char c = (unsigned char)s[*i];
	int code;

	if (c >= 0x20 && c < 0x7F) {
		code = c;
		(*i)++;
	} else if ((code = next_code(f, s, len, i)) < 0)
		return 0;
	if (known[code] < 0)
		known[code] = (short)pdf_slot_width(slot_for(f, face, code),
		    code);
	return known[code];
}

double
pdf_font_width(struct fonts *f, enum face face, double size, const char *s,
    size_t len)
{
	size_t i = 0;
	long w = 0;

	/* Line breaking measures the same text over and over. */
	while (i < len)
		w += char_units(f, face, s, len, &i);
	return (double)w * size / 1000.0;
}

/* The width of s[0..len) as pdf_font_width gives it: from the sums when
 * it lies within them (its characters are then measured in the same
 * order, each first where pdf_font_width would first measure it).  An
 * offset that is not a character's start has no sum (-1). */
double
pdf_font_measure(void *arg, const char *s, size_t len)
{
	struct pdf_measure *m = arg;
	size_t a, b;

	if (m->text == NULL || s < m->text || len > m->len ||
	    (size_t)(s - m->text) > m->len - len)
		return pdf_font_width(m->fonts, m->face, m->size, s, len);
	a = (size_t)(s - m->text);
	b = a + len;
	if (m->sum == NULL) {
		m->sum = xmalloc((m->len + 1) * sizeof(*m->sum));
		memset(m->sum, 0xff, (m->len + 1) * sizeof(*m->sum));
		m->lo = m->end = a;
		m->sum[a] = 0;
	}
	if (a < m->lo || a > m->end || m->sum[a] < 0)
		return pdf_font_width(m->fonts, m->face, m->size, s, len);
	while (m->end < b) {
		size_t k = m->end;
		long u = char_units(m->fonts, m->face, m->text, m->len,
		    &m->end);

		m->sum[m->end] = m->sum[k] + u;
	}
	if (m->sum[b] < 0)
		return pdf_font_width(m->fonts, m->face, m->size, s, len);
	return (double)(m->sum[b] - m->sum[a]) * m->size / 1000.0;
}

void
pdf_measure_free(struct pdf_measure *m)
{
	free(m->sum);
	m->sum = NULL;
}

/* Shows a run of codes (big-endian 16-bit, as Identity-H wants) with
 * its baseline starting at (x, y).  Written straight into the page's
 * content, as libharu would: HPDF_Page_ShowText measures its text once
 * more, looking each character up through the font's cmap one segment
 * after another (NanumGothic has thousands), which made drawing the
 * slowest part of a brief. */
static void
show_run(struct fonts *f, HPDF_Page page, struct font_slot *sl, double size,
    double x, double y, const buf *run)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	size_t i;
	char *o;

	if (attr->gstate->font != sl->font ||
	    attr->gstate->font_size != (HPDF_REAL)size)
		HPDF_Page_SetFontAndSize(page, sl->font, (HPDF_REAL)size);
	pdf_op_text_at(page, (HPDF_REAL)x, (HPDF_REAL)y);
	/* A literal string is half the size of libharu's hex one; a page's
	 * content stays in memory, uncompressed, until the end.  Made in
	 * room reserved at once: at most two characters a byte. */
	buf_reset(&f->lit);
	buf_grow(&f->lit, 2 * run->len + 8);
	o = f->lit.ptr;
	*o++ = '(';
	for (i = 0; i < run->len; i++) {
		unsigned char c = (unsigned char)run->ptr[i];

		if (c == '(' || c == ')' || c == '\\')
			*o++ = '\\';
		if (c == '\r')
			*o++ = '\\', *o++ = 'r';
		else if (c == '\n')
			*o++ = '\\', *o++ = 'n';
		else
			*o++ = (char)c;
	}
	memcpy(o, ") Tj\012", 5);
	o += 5;
	HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)f->lit.ptr,
	    (HPDF_UINT)(o - f->lit.ptr));
}

/* slot_for, its answer for each code kept (it is the same each time:
 * the fallback is tried once, a missing glyph reported once). */
static struct font_slot *
slot_known(struct fonts *f, enum face face, int code)
{
	unsigned char *k = f->slot_of[face];
	struct font_slot *s;

	if (k[code] == 1)
		return f->main[face];
	if (k[code] == 2)
		return f->fallback[face];
	s = slot_for(f, face, code);
	if (s != NULL && s == f->main[face])
		k[code] = 1;
	else if (s != NULL && s == f->fallback[face])
		k[code] = 2;
	return s;
}

void
pdf_font_draw(struct fonts *f, HPDF_Page page, enum face face, double size,
    double x, double y, const char *s, size_t len)
{
	buf run = {0};
	struct font_slot *cur = NULL;
	size_t i = 0;
	long w = 0;

	HPDF_Page_BeginText(page);
	while (i <= len) {
		struct font_slot *sl = NULL;
		int code = 0;

		if (i < len) {
			unsigned char c = (unsigned char)s[i];

			/* Printable ASCII is its own code, not decoded. */
			if (c >= 0x20 && c < 0x7F) {
				code = c;
				i++;
			} else if ((code = next_code(f, s, len, &i)) < 0)
				continue;
			sl = slot_known(f, face, code);
		} else
			i++;
		if (sl != cur && run.len > 0) {
			show_run(f, page, cur, size, x, y, &run);
			x += (double)w * size / 1000.0;
			w = 0;
			buf_reset(&run);
		}
		if (sl == NULL)
			continue;
		cur = sl;
		/* Room for every code the text can hold, reserved at once. */
		if (run.cap == 0)
			buf_grow(&run, 2 * len);
		run.ptr[run.len++] = (char)(code >> 8);
		run.ptr[run.len++] = (char)(code & 0xff);
		/* Measuring marks the glyph for the embedded subset. */
		w += sl->width[code] >= 0 ? sl->width[code] :
		    pdf_slot_width(sl, code);
		sl->used[code / 8] |= (unsigned char)(1 << (code % 8));
	}
	HPDF_Page_EndText(page);
	buf_free(&run);
}

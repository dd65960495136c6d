/* pdf_font.c: the brief's fonts: finding, embedding, measuring, drawing.
 *
 * libharu's UTF-8 encoder writes each character as its 16-bit code
 * point under Identity-H, so code = CID = Unicode, and a CIDToGIDMap
 * takes CIDs to glyphs.  Glyphs are embedded as a subset: only those
 * measured (which includes all drawn) are written.
 *
 * What libharu 2.3.0 gets wrong: its ToUnicode stream is a copy of the
 * encoding CMap, with begincidrange operators that have no place in a
 * ToUnicode map (poppler: "Invalid 'begincidrange' operator in ToUnicode
 * CMap"); and its width table lists all 65536 codes.  pdf_font_finish
 * rewrites both from the characters actually drawn.
 *
 * A character the main face lacks (NanumGothic has no U+25AA ▪) is drawn
 * with the fallback face when that has it. */
#include "pdf_font.h"

#include <ctype.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <zlib.h>

#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "msg.h"
#include "pdf_ttf.h"
#include "render.h"

#define NCODES	65536

struct font_slot {
	char		*file;
	HPDF_Font	 font;
	HPDF_FontDef	 def;
	signed char	*has;		/* per code: 0 unknown, 1, -1 */
	HPDF_UINT16	*gid;		/* per code, once has is known */
	short		*width;		/* per code, 1/1000 em; -1 unknown */
	unsigned char	*used;		/* bit per code drawn */
	int		 cmap_sorted;	/* segment ends ascend; -1 unknown */
	/* The embedded font file, deflated by a thread of its own while
	 * the rest of the brief is finished and saved. */
	struct deflated	*z;
};

struct deflated {
	pthread_t	 thread;
	buf		 in;		/* the font file */
	unsigned char	*out;
	size_t		 len;
	int		 rc;		/* 0, or -1 */
	int		 joinable;	/* the thread is not waited for yet */
};

/* Does the comma-separated family list name family (case and spaces
 * ignored)? */
static int
family_has(const char *list, const char *family, size_t flen)
{
	while (*list) {
		const char *end = strchr(list, ',');
		size_t i = 0, j = 0, n = end ? (size_t)(end - list) :
		    strlen(list);

		for (;;) {
			while (i < n && list[i] == ' ')
				i++;
			while (j < flen && family[j] == ' ')
				j++;
			if (i == n || j == flen)
				break;
			if (tolower((unsigned char)list[i]) !=
			    tolower((unsigned char)family[j]))
				break;
			i++, j++;
		}
		if (i == n && j == flen)
			return 1;
		if (end == NULL)
			break;
		list = end + 1;
	}
	return 0;
}

/* Does the family list fontconfig answered name one of the families
 * asked for, pattern[0..plen) ("Liberation Sans,DejaVu Sans")? */
static int
families_match(const char *list, const char *pattern, size_t plen)
{
	size_t i = 0;

	while (i < plen) {
		size_t n = strcspn(pattern + i, ",");

		if (n > plen - i)
			n = plen - i;
		if (family_has(list, pattern + i, n))
			return 1;
		i += n + 1;
	}
	return 0;
}

/* What fontconfig answers for a pattern, the way fc-match -f
 * '%{file}\n%{family}' would: the file of the best match and its
 * families, comma-separated.  In this process (a child per face cost a
 * brief more than its layout): fontconfig reads its configuration and
 * cache once, at the first look-up, and each pattern is looked up once
 * (answers kept in fc_known).  Returns NULL when it cannot. */
static int fc_ready;

struct fc_answer {
	char	*value, *file, *families;
};

static struct fc_answer *fc_known;
static size_t nfc_known;

static char *
fc_ask(const char *value, char **families)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *s;
	buf fam = {0};
	char *file = NULL;
	int i;

	if (!fc_ready) {
		if (!FcInit())
			return NULL;
		fc_ready = 1;
	}
	if ((pat = FcNameParse((const FcChar8 *)value)) == NULL)
		return NULL;
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (match == NULL)
		return NULL;
	if (FcPatternGetString(match, FC_FILE, 0, &s) == FcResultMatch)
		file = xstrdup((const char *)s);
	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &s) ==
	    FcResultMatch; i++)
		buf_printf(&fam, "%s%s", i ? "," : "", (const char *)s);
	FcPatternDestroy(match);
	if (fam.ptr == NULL)
		buf_puts(&fam, "");
	*families = buf_detach(&fam);
	if (file == NULL)
		free(*families);
	return file;
}

static char *
fc_lookup(const char *value, char **families)
{
	struct fc_answer *a;
	char *file, *fam;
	size_t i;

	for (i = 0; i < nfc_known; i++)
		if (strcmp(fc_known[i].value, value) == 0) {
			*families = xstrdup(fc_known[i].families);
			return xstrdup(fc_known[i].file);
		}
	if ((file = fc_ask(value, &fam)) == NULL)
		return NULL;
	fc_known = xrealloc(fc_known, (nfc_known + 1) * sizeof(*fc_known));
	a = &fc_known[nfc_known++];
	a->value = xstrdup(value);
	a->file = file;
	a->families = fam;
	*families = xstrdup(fam);
	return xstrdup(file);
}

/* The file of a font named in digest.conf: a path, or a fontconfig
 * pattern whose family must be installed (fontconfig always answers
 * something).  Returns NULL after reporting. */
static char *
font_file(const struct config *cfg, const char *key, const char *value,
    enum msg_level level)
{
	char *file, *families;
	size_t flen;

	if (value == NULL || *value == '\0') {
		msg(level, cfg->path, 0, "[pdf] %s: no font given", key);
		return NULL;
	}
	if (strchr(value, '/') != NULL) {
		buf p = {0};

		/* Relative to the configuration's folder. */
		if (access(config_path(cfg, value, &p), R_OK) == -1) {
			msg(level, cfg->path, 0, "[pdf] %s: font file "
			    "%s: %s", key, p.ptr, strerror_safe());
			buf_free(&p);
			return NULL;
		}
		return buf_detach(&p);
	}
	if ((file = fc_lookup(value, &families)) == NULL) {
		msg(level, cfg->path, 0, "[pdf] %s: fontconfig cannot find "
		    "font '%s' (install fontconfig, or give the font file's "
		    "path)", key, value);
		return NULL;
	}
	flen = strcspn(value, ":");
	if (*file == '\0' || !families_match(families, value, flen)) {
		msg(level, cfg->path, 0, "[pdf] %s: font '%.*s' is not "
		    "installed (fontconfig offers '%s' instead)", key,
		    (int)flen, value, families);
		free(file);
		free(families);
		return NULL;
	}
	free(families);
	return file;
}

/* HPDF_GetFont(doc, name, "UTF-8") for a TrueType font, without its
 * 65536 glyph look-ups.  Making the font, libharu 2.3.0
 * (CIDFontType2_New) asks HPDF_TTFontDef_GetGlyphid for every code from
 * 0 to 0xFFFF, each a linear scan of the cmap's segments (NanumGothic
 * has thousands): over half the time of a brief, for each face.  All
 * that makes is the W array and the CIDToGIDMap, both of which
 * pdf_font_finish replaces with those of the codes drawn; widths and
 * glyphs are otherwise looked up in the font's cmap as they are needed.
 * So for that one call the cmap is an empty format 0 table (any code:
 * glyph 0, in one step), and then the real one again. */
static HPDF_Font
get_font(HPDF_Doc doc, const char *name)
{
	static HPDF_UINT16 no_glyph[256];
	HPDF_FontDef def = HPDF_Doc_FindFontDef(doc, name);
	HPDF_TTFontDefAttr attr;
	HPDF_TTF_CmapRange cmap;
	HPDF_Font font;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    HPDF_Doc_FindFont(doc, name, "UTF-8") != NULL)
		return HPDF_GetFont(doc, name, "UTF-8");
	attr = (HPDF_TTFontDefAttr)def->attr;
	cmap = attr->cmap;
	memset(&attr->cmap, 0, sizeof(attr->cmap));
	attr->cmap.format = 0;
	attr->cmap.glyph_id_array = no_glyph;
	attr->cmap.glyph_id_array_count = 256;
	font = HPDF_GetFont(doc, name, "UTF-8");
	attr->cmap = cmap;
	return font;
}

/* The font files this process embedded, each once: the build stamp
 * records them, so that an upgraded font rebuilds the briefs. */
static struct {
	char	**v;
	size_t	  n;
} embedded;

static void
note_embedded(const char *file)
{
	size_t i;

	for (i = 0; i < embedded.n; i++)
		if (strcmp(embedded.v[i], file) == 0)
			return;
	embedded.v = xrealloc(embedded.v, (embedded.n + 1) *
	    sizeof(*embedded.v));
	embedded.v[embedded.n++] = xstrdup(file);
}

const char *const *
pdf_fonts_used(size_t *n)
{
	*n = embedded.n;
	return (const char *const *)embedded.v;
}

/* The bytes of each font file, mapped once per process: every brief of
 * a run, and both passes of each, embed from them, and only the pages of
 * the glyphs and tables used are ever read. */
struct font_bytes {
	char		*path;
	unsigned char	*data;
	size_t		 len;
};

static struct font_bytes *font_cache;
static size_t nfont_cache;

void
pdf_font_cleanup(void)
{
	size_t i;

	pdf_font_prefetch_wait();
	for (i = 0; i < nfont_cache; i++) {
		free(font_cache[i].path);
		munmap(font_cache[i].data, font_cache[i].len);
	}
	free(font_cache);
	font_cache = NULL;
	nfont_cache = 0;
	for (i = 0; i < nfc_known; i++) {
		free(fc_known[i].value);
		free(fc_known[i].file);
		free(fc_known[i].families);
	}
	free(fc_known);
	fc_known = NULL;
	nfc_known = 0;
	if (fc_ready)
		FcFini();
	fc_ready = 0;
}

/* Looks the faces up and maps their files in a thread while the inputs
 * are read (fontconfig's start is a good part of a brief's time); joined
 * by pdf_font_prefetch_wait before any brief, and before a fork. */
struct prefetch {
	pthread_t	 thread;
	int		 running;
};

static struct prefetch prefetching;
static const unsigned char *font_bytes(const char *, size_t *);

static void *
prefetch_run(void *arg)
{
	static const char *const keys[] = {
		"font", "font_bold", "font_fallback", "font_fallback_bold",
	};
	const struct config *cfg = arg;
	size_t i, len;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = config_get(cfg, "pdf", keys[i]);
		char *file = NULL, *fam = NULL;

		if (v == NULL || *v == '\0')
			continue;
		if (strchr(v, '/') != NULL)
			file = xstrdup(v);
		else if ((file = fc_lookup(v, &fam)) == NULL)
			continue;
		(void)font_bytes(file, &len);
		free(file);
		free(fam);
	}
	return NULL;
}

void
pdf_font_prefetch(const struct config *cfg)
{
	if (prefetching.running)
		return;
	if (pthread_create(&prefetching.thread, NULL, prefetch_run,
	    (void *)cfg) == 0)
		prefetching.running = 1;
}

void
pdf_font_prefetch_wait(void)
{
	if (prefetching.running) {
		pthread_join(prefetching.thread, NULL);
		prefetching.running = 0;
	}
}

/* The bytes of the font file path, NULL if it cannot be mapped (the
 * caller then lets libharu read it as before). */
static const unsigned char *
font_bytes(const char *path, size_t *len)
{
	struct font_bytes *fb;
	struct stat st;
	void *data;
	size_t i;
	int fd;

	for (i = 0; i < nfont_cache; i++)
		if (strcmp(font_cache[i].path, path) == 0) {
			*len = font_cache[i].len;
			return font_cache[i].data;
		}
	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
	    (data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	close(fd);
	font_cache = xrealloc(font_cache, (nfont_cache + 1) *
	    sizeof(*font_cache));
	fb = &font_cache[nfont_cache++];
	fb->path = xstrdup(path);
	fb->len = (size_t)st.st_size;
	fb->data = data;
	*len = fb->len;
	return fb->data;
}

/* DIGEST_LIBHARU_ONLY=1 in the environment: every short cut here is
 * left out and libharu does all as it would alone (reading the font
 * file, looking glyphs up, measuring, subsetting, deflating).  For the
 * test that the brief is byte for byte the same either way
 * (tests/e2e/pdf-same.sh). */
static int
libharu_only(void)
{
	static int v = -1;

	if (v < 0) {
		const char *e = getenv("DIGEST_LIBHARU_ONLY");

		v = e != NULL && *e != '\0' && strcmp(e, "0") != 0;
	}
	return v;
}

/* A font file in memory as libharu reads one: a file reader's
 * answers (short reads at the end are HPDF_STREAM_EOF). */
struct font_reader {
	const unsigned char *data;
	size_t		 len, pos;
};

static HPDF_STATUS
reader_read(HPDF_Stream st, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	struct font_reader *r = st->attr;
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

/* HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE), from the mapped font
 * rather than through stdio a few bytes at a time; what libharu does
 * after reading (the font known once, its subset tag) as it does it. */
static const char *
load_ttf(HPDF_Doc doc, const char *file)
{
	struct font_reader *r;
	const unsigned char *data;
	HPDF_FontDef def, had;
	HPDF_Stream st;
	size_t len;
	int i;

	if (libharu_only() || (data = font_bytes(file, &len)) == NULL)
		return HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE);
	r = xcalloc(1, sizeof(*r));
	r->data = data;
	r->len = len;
	if ((st = HPDF_CallbackReader_New(doc->mmgr, reader_read, reader_seek,
	    reader_tell, reader_size, r)) == NULL) {
		free(r);
		HPDF_ResetError(doc);
		return HPDF_LoadTTFontFromFile(doc, file, HPDF_TRUE);
	}
	st->free_fn = reader_free;
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

	if ((file = font_file(cfg, key, value, level)) == NULL)
		return NULL;
	name = load_ttf(doc, file);
	if (name == NULL) {
		msg(level, cfg->path, 0, "[pdf] %s: cannot embed %s (a "
		    "TrueType font is needed)", key, file);
		free(file);
		HPDF_ResetError(doc);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->file = file;
	note_embedded(file);
	s->cmap_sorted = -1;
	s->font = get_font(doc, name);
	if (s->font == NULL) {
		msg(level, cfg->path, 0, "[pdf] %s: cannot use %s",
		    key, file);
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

static void deflated_free(struct deflated *);

static void
slot_free(struct font_slot *s)
{
	if (s == NULL)
		return;
	deflated_free(s->z);
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
	}
	if (HPDF_UseUTFEncodings(doc) != HPDF_OK ||
	    HPDF_SetCurrentEncoder(doc, "UTF-8") != HPDF_OK) {
		msg(MSG_ERROR, pdf_path, 0, "libharu has no UTF-8 encoder");
		return -1;
	}
	for (i = 0; i < FACE_COUNT; i++)
		if ((f->main[i] = slot_load(doc, cfg, keys[i],
		    config_get(cfg, "pdf", keys[i]), MSG_ERROR)) == NULL)
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
	v = config_get(f->cfg, "pdf", key);
	if (v == NULL && face != FACE_REGULAR) {
		key = fallback_keys[FACE_REGULAR];
		v = config_get(f->cfg, "pdf", key);
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
	if (!s->cmap_sorted || libharu_only())
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
static HPDF_UINT16
slot_gid(struct font_slot *s, int cp)
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
	return slot_gid(s, cp) != 0;
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
		msg(MSG_WARNING, f->path, 0, "U+%04X and other characters "
		    "beyond U+FFFF print as spaces", (unsigned)cp);
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
		msg(MSG_WARNING, f->path, 0, "no font has a glyph for "
		    "U+%04X; it prints as a box", (unsigned)code);
	}
	return m;
}

/* The width of code in s, 1/1000 em.  libharu measures it (and marks
 * its glyph, and the parts of a composite one, for the subset), but
 * looks the glyph up again by its linear scan of the cmap: for that call
 * the cmap is one segment taking code to the glyph slot_gid found. */
static int
slot_width(struct font_slot *s, int code)
{
	if (s->width[code] < 0 && libharu_only()) {
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
		    (slot_gid(s, code) - code);
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
		if (cp >= 0xAC00 && cp <= 0xD7A3) {
			*i += 3;
			return cp;
		}
	}
	cp = utf8_decode(s + *i, len - *i, &adv);

	*i += adv ? adv : 1;
	return code_of(f, cp < 0 ? 0xFFFD : cp);
}

double
pdf_font_width(struct fonts *f, enum face face, double size, const char *s,
    size_t len)
{
	short *known = f->width[face];
	size_t i = 0;
	long w = 0;

	/* Line breaking measures the same text over and over: each code's
	 * width in a face is found once (the slot that draws it, then its
	 * width there), and printable ASCII is not decoded. */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		int code;

		if (c >= 0x20 && c < 0x7F) {
			code = c;
			i++;
		} else if ((code = next_code(f, s, len, &i)) < 0)
			continue;
		if (known[code] < 0)
			known[code] = (short)slot_width(slot_for(f, face, code),
			    code);
		w += known[code];
	}
	return (double)w * size / 1000.0;
}

double
pdf_font_measure(void *arg, const char *s, size_t len)
{
	struct pdf_measure *m = arg;

	return pdf_font_width(m->fonts, m->face, m->size, s, len);
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

	if (attr->gstate->font != sl->font ||
	    attr->gstate->font_size != (HPDF_REAL)size)
		HPDF_Page_SetFontAndSize(page, sl->font, (HPDF_REAL)size);
	HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, (HPDF_REAL)x,
	    (HPDF_REAL)y);
	/* A literal string is half the size of libharu's hex one; a page's
	 * content stays in memory, uncompressed, until the end. */
	buf_reset(&f->lit);
	buf_putc(&f->lit, '(');
	for (i = 0; i < run->len; i++) {
		unsigned char c = (unsigned char)run->ptr[i];

		if (c == '(' || c == ')' || c == '\\')
			buf_putc(&f->lit, '\\');
		if (c == '\r')
			buf_puts(&f->lit, "\\r");
		else if (c == '\n')
			buf_puts(&f->lit, "\\n");
		else
			buf_putc(&f->lit, c);
	}
	buf_puts(&f->lit, ") Tj\012");
	HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)f->lit.ptr,
	    (HPDF_UINT)f->lit.len);
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
			if ((code = next_code(f, s, len, &i)) < 0)
				continue;
			sl = slot_for(f, face, code);
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
		buf_putc(&run, code >> 8);
		buf_putc(&run, code & 0xff);
		/* Measuring marks the glyph for the embedded subset. */
		w += slot_width(sl, code);
		sl->used[code / 8] |= (unsigned char)(1 << (code % 8));
	}
	HPDF_Page_EndText(page);
	buf_free(&run);
}

/* The ToUnicode map of the codes in used: code = CID = code point.
 * Ranges of consecutive codes, at most 100 to a block, none crossing a
 * change of the first byte. */
static void
tounicode(buf *b, const unsigned char *used)
{
	buf block = {0};
	int cp, n = 0;

	buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (cp = 0; cp <= NCODES; cp++) {
		int end;

		if (n == 100 || (cp == NCODES && n > 0)) {
			buf_printf(b, "%d beginbfrange\n%sendbfrange\n", n,
			    block.ptr);
			buf_reset(&block);
			n = 0;
		}
		if (cp == NCODES || !(used[cp / 8] & (1 << (cp % 8))))
			continue;
		for (end = cp; end + 1 < NCODES && (end + 1) % 256 != 0 &&
		    (used[(end + 1) / 8] & (1 << ((end + 1) % 8))); end++)
			continue;
		buf_printf(&block, "<%04X> <%04X> <%04X>\n", (unsigned)cp,
		    (unsigned)end, (unsigned)cp);
		n++;
		cp = end;
	}
	buf_puts(b, "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	buf_free(&block);
}

/* The width array of the codes in used: [c [w] c' [w' w''] ...]. */
static HPDF_Array
widths(HPDF_Font font, struct font_slot *s, const unsigned char *used)
{
	HPDF_Array w = HPDF_Array_New(font->mmgr), run = NULL;
	int cp, last = -2;

	if (w == NULL)
		return NULL;
	for (cp = 0; cp < NCODES; cp++) {
		if (!(used[cp / 8] & (1 << (cp % 8))))
			continue;
		if (cp != last + 1 || run == NULL) {
			if ((run = HPDF_Array_New(font->mmgr)) == NULL ||
			    HPDF_Array_AddNumber(w, cp) != HPDF_OK ||
			    HPDF_Array_Add(w, run) != HPDF_OK)
				return NULL;
		}
		if (HPDF_Array_AddNumber(run, slot_width(s, cp)) != HPDF_OK)
			return NULL;
		last = cp;
	}
	return w;
}

/* Rewrites the CIDToGIDMap: libharu maps all 65536 codes, which even
 * compressed costs 40 KB a font; the codes drawn suffice, the others
 * mapping to glyph 0 (long runs of zeros, next to nothing compressed). */
static int
glyph_map(struct font_slot *s, const unsigned char *used, HPDF_Stream st)
{
	HPDF_BYTE *map;
	int cp, last = 0, rc = 0;

	for (cp = 0; cp < NCODES; cp++)
		if (used[cp / 8] & (1 << (cp % 8)))
			last = cp;
	map = xcalloc((size_t)last + 1, 2);
	for (cp = 0; cp <= last; cp++) {
		HPDF_UINT16 gid;

		if (!(used[cp / 8] & (1 << (cp % 8))))
			continue;
		gid = slot_gid(s, cp);
		map[2 * cp] = (HPDF_BYTE)(gid >> 8);
		map[2 * cp + 1] = (HPDF_BYTE)(gid & 0xff);
	}
	HPDF_MemStream_FreeData(st);
	if (HPDF_Stream_Write(st, map, (HPDF_UINT)(2 * (last + 1))) != HPDF_OK)
		rc = -1;
	free(map);
	return rc;
}

/* The embedded font file of s, trimmed (pdf_ttf.c), into out, made from
 * the font's bytes.  Returns 0, or -1 (out then unset). */
static int
font_program(struct font_slot *s, const unsigned char *used, buf *out)
{
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)s->def->attr;
	const unsigned char *font;
	size_t len;
	buf saved = {0};
	int *gid_of, cp, rc = -1;

	if ((font = font_bytes(s->file, &len)) == NULL ||
	    da->glyph_tbl.flgs == NULL)
		return -1;
	gid_of = xcalloc(NCODES, sizeof(*gid_of));
	for (cp = 0; cp < NCODES; cp++)
		if (used[cp / 8] & (1 << (cp % 8)))
			gid_of[cp] = slot_gid(s, cp);
	if (pdf_ttf_save(font, len, da->glyph_tbl.flgs, da->num_glyphs,
	    da->tag_name, da->tag_name2, &saved) == 0 &&
	    pdf_ttf_trim((const unsigned char *)saved.ptr, saved.len, gid_of,
	    NCODES, out) == 0)
		rc = 0;
	free(gid_of);
	buf_free(&saved);
	return rc;
}

/* Deflates z->in as libharu 2.3.0 does a stream (its
 * HPDF_Stream_WriteToStreamWithDeflate: zlib's default level, the input
 * given 4096 bytes at a time), so that the bytes are the ones it would
 * write. */
static void *
deflate_run(void *arg)
{
	struct deflated *z = arg;
	z_stream strm;
	size_t at = 0, cap;
	int ret;

	z->rc = -1;
	memset(&strm, 0, sizeof(strm));
	if (deflateInit(&strm, Z_DEFAULT_COMPRESSION) != Z_OK)
		return NULL;
	cap = deflateBound(&strm, (uLong)z->in.len) + 64;
	z->out = xmalloc(cap);
	strm.next_out = z->out;
	strm.avail_out = (uInt)cap;
	do {
		size_t n = z->in.len - at > 4096 ? 4096 : z->in.len - at;

		strm.next_in = (Bytef *)z->in.ptr + at;
		strm.avail_in = (uInt)n;
		at += n;
		ret = deflate(&strm, at < z->in.len ? Z_NO_FLUSH : Z_FINISH);
	} while (at < z->in.len && ret == Z_OK);
	while (ret == Z_OK)
		ret = deflate(&strm, Z_FINISH);
	if (ret == Z_STREAM_END) {
		z->len = cap - strm.avail_out;
		z->rc = 0;
	}
	deflateEnd(&strm);
	return NULL;
}

/* Waits for the thread; returns 0 when the bytes are there. */
static int
deflated_wait(struct deflated *z)
{
	if (z->joinable) {
		z->joinable = 0;
		pthread_join(z->thread, NULL);
	}
	return z->rc;
}

static void
deflated_free(struct deflated *z)
{
	if (z == NULL)
		return;
	deflated_wait(z);
	buf_free(&z->in);
	free(z->out);
	free(z);
}

/* The font file's stream as libharu writes it: its /Filter already
 * written from the filter it has, the bytes are those deflated in
 * advance, written as they are. */
static HPDF_STATUS
write_deflated(HPDF_Dict data, HPDF_Stream out)
{
	struct font_slot *s = data->attr;

	(void)out;
	if (deflated_wait(s->z) == -1)
		return HPDF_SetError(data->error, HPDF_ZLIB_ERROR, 0);
	data->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_MemStream_FreeData(data->stream);
	return HPDF_Stream_Write(data->stream, s->z->out,
	    (HPDF_UINT)s->z->len);
}

/* Starts deflating s's font file (program, taken) when the document
 * compresses its streams; 0, or -1 to leave it to libharu. */
static int
deflate_start(struct font_slot *s, buf *program)
{
	struct deflated *z;

	if (!(s->font->filter & HPDF_STREAM_FILTER_FLATE_DECODE))
		return -1;
	z = xcalloc(1, sizeof(*z));
	z->in = *program;
	memset(program, 0, sizeof(*program));
	if (pthread_create(&z->thread, NULL, deflate_run, z) == 0)
		z->joinable = 1;
	else
		deflate_run(z);
	s->z = z;
	return 0;
}

/* Embeds the font file program[0..len) as libharu's before-write hook
 * would, but without its HPDF_TTFontDef_SaveFontData, which reads the
 * whole font back through its streams a few bytes at a time (most of a
 * brief's time): the stream is made where the hook makes it (so objects
 * keep their numbers), the hook runs as for a font not embedded (it then
 * makes the descriptor alone), and the stream goes first in the
 * descriptor, where the hook puts it. */
static int
embed_program(struct font_slot *s, buf *program)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)s->font->attr;
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)s->def->attr;
	HPDF_Dict data, desc;
	HPDF_List keys;
	HPDF_STATUS ret;
	void *last;

	if ((data = HPDF_DictStream_New(s->font->mmgr, fa->xref)) == NULL)
		return -1;
	da->embedding = HPDF_FALSE;
	ret = s->font->before_write_fn(s->font);
	da->embedding = HPDF_TRUE;
	if (ret != HPDF_OK || (desc = s->def->descriptor) == NULL ||
	    HPDF_Dict_Add(desc, "FontFile2", data) != HPDF_OK)
		return -1;
	keys = desc->list;
	last = keys->obj[keys->count - 1];
	memmove(keys->obj + 1, keys->obj, (keys->count - 1) *
	    sizeof(*keys->obj));
	keys->obj[0] = last;
	if (HPDF_Dict_AddNumber(data, "Length1", (HPDF_UINT32)program->len) !=
	    HPDF_OK || HPDF_Dict_AddNumber(data, "Length2", 0) != HPDF_OK ||
	    HPDF_Dict_AddNumber(data, "Length3", 0) != HPDF_OK)
		return -1;
	data->filter = s->font->filter;
	if (deflate_start(s, program) == 0) {
		data->attr = s;
		data->write_fn = write_deflated;
		return 0;
	}
	return HPDF_Stream_Write(data->stream, (const HPDF_BYTE *)
	    program->ptr, (HPDF_UINT)program->len) == HPDF_OK ? 0 : -1;
}

/* Trims the embedded font file (pdf_ttf.c).  libharu writes it only
 * when saving, from its before-write hook: made here from the font's
 * bytes (above); failing that, run the hook now (it does not run
 * twice), then rewrite the stream it made. */
static int
trim_font_file(struct font_slot *s, const unsigned char *used)
{
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)s->def->attr;
	HPDF_Dict data;
	HPDF_UINT size;
	unsigned char *in;
	int *gid_of, cp, rc = 0;
	buf out = {0};

	if (!libharu_only() && s->font->before_write_fn != NULL &&
	    s->def->descriptor == NULL &&
	    da->embedding && font_program(s, used, &out) == 0) {
		rc = embed_program(s, &out);
		buf_free(&out);
		return rc;
	}
	if (s->font->before_write_fn == NULL ||
	    s->font->before_write_fn(s->font) != HPDF_OK ||
	    s->def->descriptor == NULL)
		return -1;
	data = HPDF_Dict_GetItem(s->def->descriptor, "FontFile2",
	    HPDF_OCLASS_DICT);
	if (data == NULL || data->stream == NULL)
		return 0;
	size = data->stream->size;
	in = xmalloc(size ? size : 1);
	gid_of = xcalloc(NCODES, sizeof(*gid_of));
	if (HPDF_Stream_Seek(data->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    HPDF_Stream_Read(data->stream, in, &size) != HPDF_OK ||
	    size != data->stream->size)
		rc = -1;
	for (cp = 0; cp < NCODES && rc == 0; cp++)
		if (used[cp / 8] & (1 << (cp % 8)))
			gid_of[cp] = slot_gid(s, cp);
	/* A font it cannot read stays as libharu wrote it. */
	if (rc == 0 && pdf_ttf_trim(in, size, gid_of, NCODES, &out) == 0) {
		HPDF_MemStream_FreeData(data->stream);
		if (HPDF_Stream_Write(data->stream, (HPDF_BYTE *)out.ptr,
		    (HPDF_UINT)out.len) != HPDF_OK ||
		    HPDF_Dict_AddNumber(data, "Length1",
		    (HPDF_UINT32)out.len) != HPDF_OK)
			rc = -1;
	}
	free(in);
	free(gid_of);
	buf_free(&out);
	return rc;
}

/* Rewrites the ToUnicode stream and the width table of one font, given
 * the codes drawn with it (s and the slots sharing its font).  Needed,
 * not only smaller: get_font had libharu make its W array and
 * CIDToGIDMap as if the font had no glyphs. */
static int
font_finish(struct fonts *f, struct font_slot *s, const unsigned char *used)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)s->font->attr;
	HPDF_Dict cmap = attr->cmap_stream, sysinfo;
	HPDF_Array w;
	buf b = {0};
	int rc = 0;

	if (cmap == NULL || attr->descendant_font == NULL)
		return 0;
	tounicode(&b, used);
	HPDF_MemStream_FreeData(cmap->stream);
	if (HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.ptr,
	    (HPDF_UINT)b.len) != HPDF_OK)
		rc = -1;
	/* Keys of the encoding CMap it was a copy of. */
	HPDF_Dict_RemoveElement(cmap, "Type");
	HPDF_Dict_RemoveElement(cmap, "CMapName");
	HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(cmap, "WMode");
	if ((w = widths(s->font, s, used)) == NULL ||
	    HPDF_Dict_Add(attr->descendant_font, "W", w) != HPDF_OK)
		rc = -1;
	if (attr->map_stream != NULL && glyph_map(s, used,
	    attr->map_stream->stream) == -1)
		rc = -1;
	if (trim_font_file(s, used) == -1)
		rc = -1;
	/* The character collection of Identity-H is Adobe-Identity-0;
	 * libharu names the encoding instead. */
	sysinfo = HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo",
	    HPDF_OCLASS_DICT);
	if (sysinfo != NULL && HPDF_Dict_Add(sysinfo, "Ordering",
	    HPDF_String_New(s->font->mmgr, "Identity", NULL)) != HPDF_OK)
		rc = -1;
	buf_free(&b);
	if (rc == -1)
		msg(MSG_ERROR, f->path, 0, "cannot rewrite the maps of %s",
		    s->file);
	return rc;
}

int
pdf_font_finish(struct fonts *f)
{
	struct font_slot *all[2 * FACE_COUNT];
	unsigned char *used = xmalloc(NCODES / 8);
	int i, j, k, rc = 0;

	for (i = 0; i < FACE_COUNT; i++) {
		all[i] = f->main[i];
		all[FACE_COUNT + i] = f->fallback[i];
	}
	/* Faces may share a font (the same file named twice). */
	for (i = 0; i < 2 * FACE_COUNT; i++) {
		if (all[i] == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (all[j] != NULL && all[j]->font == all[i]->font)
				break;
		if (j < i)
			continue;
		memset(used, 0, NCODES / 8);
		for (j = i; j < 2 * FACE_COUNT; j++)
			if (all[j] != NULL && all[j]->font == all[i]->font)
				for (k = 0; k < NCODES / 8; k++)
					used[k] |= all[j]->used[k];
		if (font_finish(f, all[i], used) == -1)
			rc = -1;
	}
	free(used);
	return rc;
}

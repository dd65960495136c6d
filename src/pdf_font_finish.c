/* pdf_font_finish.c: the brief's fonts written right before saving.
 *
 * What libharu 2.3.0 gets wrong: its ToUnicode stream is a copy of the
 * encoding CMap, with begincidrange operators that have no place in a
 * ToUnicode map (poppler: "Invalid 'begincidrange' operator in ToUnicode
 * CMap"); and its width table lists all 65536 codes.  pdf_font_finish
 * rewrites both from the characters actually drawn, writes the
 * CIDToGIDMap of those alone, and embeds a subset of the font file made
 * from its bytes (pdf_ttf.c), deflated in a thread of its own. */
#include "pdf_font_slot.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_deflate.h"
#include "pdf_ttf.h"

struct deflated {
	pthread_t	 thread;
	buf		 in;		/* the font file */
	unsigned char	*out;
	size_t		 len;
	int		 rc;		/* 0, or -1 */
	int		 joinable;	/* the thread is not waited for yet */
};

static HPDF_STATUS write_deflated(HPDF_Dict, HPDF_Stream);

/* The first code at or after cp in used (a bit each), NCODES for
 * none: eight codes at a time where none is. */
static int
next_used(const unsigned char *used, int cp)
{
	while (cp < NCODES) {
		unsigned b = used[cp / 8] >> (cp % 8);

		if (b != 0) {
			while (!(b & 1)) {
				b >>= 1;
				cp++;
			}
			return cp;
		}
		cp = (cp / 8 + 1) * 8;
	}
	return NCODES;
}

/* Appends "<CP> <END> <CP>\n", each four upper-case hex digits. */
static void
hex_range(buf *b, unsigned cp, unsigned end)
{
	static const char hex[] = "0123456789ABCDEF";
	char line[22];
	unsigned v[3] = { cp, end, cp };
	int i, k;

	for (i = 0; i < 3; i++) {
		line[7 * i] = '<';
		for (k = 0; k < 4; k++)
			line[7 * i + 1 + k] = hex[(v[i] >> (12 - 4 * k)) & 15];
		line[7 * i + 5] = '>';
		line[7 * i + 6] = i < 2 ? ' ' : '\n';
	}
	buf_put(b, line, 21);
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
	for (cp = next_used(used, 0); cp <= NCODES; cp = next_used(used,
	    cp + 1)) {
		int end;

		if (n == 100 || (cp == NCODES && n > 0)) {
			buf_printf(b, "%d beginbfrange\n%sendbfrange\n", n,
			    block.ptr);
			buf_reset(&block);
			n = 0;
		}
		if (cp == NCODES)
			break;
		for (end = cp; end + 1 < NCODES && (end + 1) % 256 != 0 &&
		    (used[(end + 1) / 8] & (1 << ((end + 1) % 8))); end++)
			continue;
		hex_range(&block, (unsigned)cp, (unsigned)end);
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
	for (cp = next_used(used, 0); cp < NCODES; cp = next_used(used,
	    cp + 1)) {
		if (cp != last + 1 || run == NULL) {
			if ((run = HPDF_Array_New(font->mmgr)) == NULL ||
			    HPDF_Array_AddNumber(w, cp) != HPDF_OK ||
			    HPDF_Array_Add(w, run) != HPDF_OK)
				return NULL;
		}
		if (HPDF_Array_AddNumber(run, pdf_slot_width(s, cp)) != HPDF_OK)
			return NULL;
		last = cp;
	}
	return w;
}

/* Puts bytes[0..len) as the contents of the stream d.  When the
 * document deflates it, it is deflated now (pdf_deflate, as libharu
 * would as it saves) into *z, and written as it is by d's write hook:
 * pdf_font_finish does this while the font files are still being made
 * (pdf_font_foresee.c), rather than at the end, in the save. */
static int
stream_bytes(HPDF_Dict d, const void *bytes, size_t len,
    struct deflated **z)
{
	struct deflated *dz;

	HPDF_MemStream_FreeData(d->stream);
	if (!pdf_libharu_only() && len > 0 && *z == NULL &&
	    d->write_fn == NULL && d->attr == NULL &&
	    (d->filter & HPDF_STREAM_FILTER_FLATE_DECODE)) {
		dz = xcalloc(1, sizeof(*dz));
		if (pdf_deflate(bytes, len, &dz->out, &dz->len) == 0) {
			*z = dz;
			d->attr = dz;
			d->write_fn = write_deflated;
			return 0;
		}
		free(dz);
	}
	return HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)bytes,
	    (HPDF_UINT)len) == HPDF_OK ? 0 : -1;
}

/* Rewrites the CIDToGIDMap: libharu maps all 65536 codes, which even
 * compressed costs 40 KB a font; the codes drawn suffice, the others
 * mapping to glyph 0 (long runs of zeros, next to nothing compressed). */
static int
glyph_map(struct font_slot *s, const unsigned char *used, HPDF_Dict d,
    struct deflated **z)
{
	HPDF_BYTE *map;
	int cp, last = 0, rc = 0;

	for (cp = next_used(used, 0); cp < NCODES; cp = next_used(used,
	    cp + 1))
		last = cp;
	map = xcalloc((size_t)last + 1, 2);
	for (cp = next_used(used, 0); cp <= last; cp = next_used(used,
	    cp + 1)) {
		HPDF_UINT16 gid;

		gid = pdf_slot_gid(s, cp);
		map[2 * cp] = (HPDF_BYTE)(gid >> 8);
		map[2 * cp + 1] = (HPDF_BYTE)(gid & 0xff);
	}
	rc = stream_bytes(d, map, (size_t)(2 * (last + 1)), z);
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
	int *gid_of, cp, rc = -1;

	if ((font = pdf_font_bytes(s->file, &len)) == NULL ||
	    da->glyph_tbl.flgs == NULL)
		return -1;
	gid_of = xcalloc(NCODES, sizeof(*gid_of));
	for (cp = 0; cp < NCODES; cp++)
		if (used[cp / 8] & (1 << (cp % 8)))
			gid_of[cp] = pdf_slot_gid(s, cp);
	if (pdf_ttf_make(font, len, da->glyph_tbl.flgs, da->num_glyphs,
	    da->tag_name, da->tag_name2, gid_of, NCODES, out) == 0)
		rc = 0;
	free(gid_of);
	return rc;
}

/* Deflates z->in as libharu does a stream (pdf_deflate). */
static void *
deflate_run(void *arg)
{
	struct deflated *z = arg;

	z->rc = pdf_deflate(z->in.ptr, z->in.len, &z->out, &z->len);
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

void
pdf_deflated_free(struct deflated *z)
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
	struct deflated *z = data->attr;

	HPDF_Stream st;

	(void)out;
	if (deflated_wait(z) == -1)
		return HPDF_SetError(data->error, HPDF_ZLIB_ERROR, 0);
	data->filter = HPDF_STREAM_FILTER_NONE;
	/* Read from where they are as the stream is saved, rather than
	 * copied into it first (a byte at a time, and again out). */
	if ((st = pdf_bytes_stream(data->mmgr, z->out, z->len)) != NULL) {
		HPDF_Stream_Free(data->stream);
		data->stream = st;
		return HPDF_OK;
	}
	HPDF_MemStream_FreeData(data->stream);
	return HPDF_Stream_Write(data->stream, z->out, (HPDF_UINT)z->len);
}

/* The font file made and deflated ahead for used (pdf_font_foresee.c)
 * into out, its deflated bytes ready in s->z; -1 if there is none. */
static int
foreseen(struct font_slot *s, const unsigned char *used, buf *out)
{
	struct deflated *z;
	unsigned char *bytes;
	size_t len;

	if (pdf_foreseen_take(s, used, out, &bytes, &len) == -1)
		return -1;
	z = xcalloc(1, sizeof(*z));
	z->out = bytes;
	z->len = len;
	s->z = z;
	return 0;
}

/* Starts deflating s's font file (program, taken) when the document
 * compresses its streams (unless it was deflated ahead); 0, or -1 to
 * leave it to libharu. */
static int
deflate_start(struct font_slot *s, buf *program)
{
	struct deflated *z;

	if (s->z != NULL)
		return 0;
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
		data->attr = s->z;
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

	if (!pdf_libharu_only() && s->font->before_write_fn != NULL &&
	    s->def->descriptor == NULL && da->embedding &&
	    (foreseen(s, used, &out) == 0 ||
	    font_program(s, used, &out) == 0)) {
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
			gid_of[cp] = pdf_slot_gid(s, cp);
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

/* Rewrites the ToUnicode stream and the CIDToGIDMap of one font, given
 * the codes drawn with it (s and the slots sharing its font).  Needed,
 * not only smaller: get_font had libharu make its CIDToGIDMap as if the
 * font had no glyphs, and its ToUnicode map is wrong. */
static int
font_maps(struct font_slot *s, const unsigned char *used)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)s->font->attr;
	HPDF_Dict cmap = attr->cmap_stream;
	buf b = {0};
	int rc = 0;

	if (cmap == NULL || attr->descendant_font == NULL)
		return 0;
	/* The filter the font's before-write hook gives both maps as the
	 * document is saved (libharu's CIDFontType2_BeforeWrite_Func):
	 * known now, so that stream_bytes deflates them here, while the
	 * font files are still being made, not in the save. */
	if (s->font->before_write_fn != NULL) {
		cmap->filter = s->font->filter;
		if (attr->map_stream != NULL)
			attr->map_stream->filter = s->font->filter;
	}
	tounicode(&b, used);
	if (stream_bytes(cmap, b.ptr, b.len, &s->zmap[0]) == -1)
		rc = -1;
	/* Keys of the encoding CMap it was a copy of. */
	HPDF_Dict_RemoveElement(cmap, "Type");
	HPDF_Dict_RemoveElement(cmap, "CMapName");
	HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(cmap, "WMode");
	if (attr->map_stream != NULL && glyph_map(s, used, attr->map_stream,
	    &s->zmap[1]) == -1)
		rc = -1;
	buf_free(&b);
	return rc;
}

/* The rest of one font after font_maps (whose status is rc): its width
 * table (libharu's was made as if it had no glyphs), its font file and
 * its character collection. */
static int
font_finish(struct fonts *f, struct font_slot *s, const unsigned char *used,
    int rc)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)s->font->attr;
	HPDF_Dict sysinfo;
	HPDF_Array w;

	if (attr->cmap_stream == NULL || attr->descendant_font == NULL)
		return 0;
	if ((w = widths(s->font, s, used)) == NULL ||
	    HPDF_Dict_Add(attr->descendant_font, "W", w) != HPDF_OK)
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
	if (rc == -1)
		msg(MSG_PDF_FONT_MAPS, f->path, 0, 0, s->file);
	return rc;
}

/* Every font's maps first (the brief's own work, while the threads that
 * make the font files run), then the rest, which waits for those. */
int
pdf_font_finish(struct fonts *f)
{
	struct font_slot *all[2 * FACE_COUNT];
	unsigned char *used[2 * FACE_COUNT] = { NULL };
	int mrc[2 * FACE_COUNT], i, j, k, rc = 0;

	pdf_slots_all(f, all);
	for (i = 0; i < 2 * FACE_COUNT; i++) {
		if (!pdf_slot_first(all, i))
			continue;
		used[i] = xcalloc(NCODES / 8, 1);
		for (j = i; j < 2 * FACE_COUNT; j++)
			if (all[j] != NULL && all[j]->font == all[i]->font)
				for (k = 0; k < NCODES / 8; k++)
					used[i][k] |= all[j]->used[k];
		mrc[i] = font_maps(all[i], used[i]);
	}
	for (i = 0; i < 2 * FACE_COUNT; i++) {
		if (used[i] == NULL)
			continue;
		if (font_finish(f, all[i], used[i], mrc[i]) == -1)
			rc = -1;
		free(used[i]);
	}
	return rc;
}

/* pdf_ttf.h: the TrueType file the brief embeds, made and trimmed
 * from the font's bytes (pdf_ttf.c). */
#ifndef DIGEST_PDF_TTF_H
#define DIGEST_PDF_TTF_H

#include "util.h"

/* Rewrites the TrueType font in[0..len) as libharu embeds it into out:
 * the metrics of glyphs not embedded zeroed, the cmap made of gid_of
 * (the glyph of each code below ncodes, 0 for none).  Returns 0, or -1
 * if the font is not one it can read. */
int	 pdf_ttf_trim(const unsigned char *in, size_t len, const int *gid_of,
	    size_t ncodes, buf *out);

/* The font file libharu 2.3.0 embeds for the TrueType font in[0..len)
 * (its HPDF_TTFontDef_SaveFontData), trimmed as pdf_ttf_trim does, made
 * from the font's bytes in memory rather than read back four bytes at a
 * time: the 13 tables libharu keeps, in its order, the outlines of the
 * glyphs flagged 1 in flags[0..nglyphs) only, the family and full names
 * prefixed with tag ("HPDFAA+", 7 bytes) or, in UTF-16, tag2 (14
 * bytes); each table made once, straight into its place in out.
 * Returns 0, or -1 if the font is not one it can read. */
int	 pdf_ttf_make(const unsigned char *in, size_t len,
	    const unsigned char *flags, unsigned nglyphs, const char *tag,
	    const char *tag2, const int *gid_of, size_t ncodes, buf *out);

#endif

/* pdf_font.h: the brief's type (pdf_font.c and the files it is split
 * into): finding and embedding the faces, measuring and drawing text,
 * and repairing what libharu writes wrong about the fonts. */
#ifndef DIGEST_PDF_FONT_H
#define DIGEST_PDF_FONT_H

#include <hpdf.h>

#include "config.h"
#include "util.h"

enum face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_COUNT
};

struct font_slot;

struct fonts {
	HPDF_Doc		 doc;
	const struct config	*cfg;
	const char		*path;		/* the PDF, for messages */
	struct font_slot	*main[FACE_COUNT];
	struct font_slot	*fallback[FACE_COUNT];	/* NULL until needed */
	int			 fallback_tried[FACE_COUNT];
	unsigned char		*warned;	/* codes reported missing */
	short			*width[FACE_COUNT];	/* per code; -1 unknown */
	unsigned char		*slot_of[FACE_COUNT];	/* per code: 0 not
						 * known yet, 1 main, 2 fallback */
	int			 warned_astral;	/* beyond U+FFFF reported */
	buf			 lit;		/* a string being written */
};

/* A stream libharu reads data[0..len) from, as it would a file (the
 * bytes are not copied, and must outlive it); NULL if it cannot. */
HPDF_Stream	 pdf_bytes_stream(HPDF_MMgr, const unsigned char *data,
		    size_t len);
/* The first brief's document and fonts made ahead (pdf.c): wanted by
 * the build before it gives the prefetch thread the faces, made by that
 * thread once it has found them (a brief waits for it then), freed if
 * no brief took it. */
void	 pdf_ready_want(void);
void	 pdf_ready_make(const struct config *);
void	 pdf_ready_free(void);
/* Finds (fontconfig or a path in digest.conf) and embeds the faces.
 * Returns 0, or reports and returns -1. */
int	 pdf_font_load(struct fonts *, HPDF_Doc, const struct config *,
	    const char *pdf_path);
/* The font files this process has embedded so far, for the build
 * stamp. */
const char *const *pdf_fonts_used(size_t *n);
/* The width of s[0..len) in points. */
double	 pdf_font_width(struct fonts *, enum face, double size, const char *s,
	    size_t len);
/* The width of text in one face and size, as linebreak() measures.
 * Given the text linebreak() breaks (text, len), widths within it come
 * from the sums of its characters' widths (sum[k]: text[lo..k), known
 * up to end): linebreak measures a line again for every word put on it.
 * Free with pdf_measure_free. */
struct pdf_measure {
	struct fonts	*fonts;
	enum face	 face;
	double		 size;
	const char	*text;
	size_t		 len;
	long		*sum;
	size_t		 lo, end;
};

double	 pdf_font_measure(void *pdf_measure, const char *s, size_t len);
void	 pdf_measure_free(struct pdf_measure *);
/* Draws s[0..len) with its left end of baseline at (x, y). */
void	 pdf_font_draw(struct fonts *, HPDF_Page, enum face, double size,
	    double x, double y, const char *s, size_t len);
/* Once only the text the layout measured is left to draw: starts making
 * the embedded font files from the codes measured (pdf_font_foresee.c),
 * taken by pdf_font_finish if those are the codes drawn. */
void	 pdf_font_foresee(struct fonts *);
/* Before saving: writes a correct ToUnicode map and a trimmed width
 * table for every font used.  Returns 0, or reports and returns -1. */
int	 pdf_font_finish(struct fonts *);
void	 pdf_font_free(struct fonts *);
/* DIGEST_LIBHARU_ONLY=1 in the environment: no short cut is taken
 * (here, in pdf_font*.c and pdf_pages.c): libharu does all it would
 * alone, for the test that the brief is the same either way. */
int	 pdf_libharu_only(void);

#endif

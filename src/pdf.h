/* pdf.h: the parts of the PDF brief (pdf.c, pdf_font.c, pdf_layout.c,
 * pdf_draw.c) and of its mail (pdf_mail.c).
 *
 * The brief is made in two passes: pdf_layout.c turns an issue into a
 * flow of boxes (headings, table rows, lines of text) and paginates it,
 * which tells every contents entry its page; pdf_draw.c then draws the
 * pages, knowing them all.  pdf_font.c measures and draws text with the
 * embedded fonts and repairs what libharu writes wrong about them. */
#ifndef DIGEST_PDF_H
#define DIGEST_PDF_H

#include <hpdf.h>

#include "render.h"
#include "util.h"

/* A4, in points. */
#define PAGE_W		595.276
#define PAGE_H		841.89

enum face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_COUNT
};

/* ---- pdf_font.c ---- */

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
	int			 warned_astral;	/* beyond U+FFFF reported */
	buf			 lit;		/* a string being written */
};

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
/* The width of text in one face and size, as linebreak() measures. */
struct pdf_measure {
	struct fonts	*fonts;
	enum face	 face;
	double		 size;
};

double	 pdf_font_measure(void *pdf_measure, const char *s, size_t len);
/* Draws s[0..len) with its left end of baseline at (x, y). */
void	 pdf_font_draw(struct fonts *, HPDF_Page, enum face, double size,
	    double x, double y, const char *s, size_t len);
/* Before saving: writes a correct ToUnicode map and a trimmed width
 * table for every font used.  Returns 0, or reports and returns -1. */
int	 pdf_font_finish(struct fonts *);
void	 pdf_font_free(struct fonts *);

/* ---- pdf_ttf.c ---- */

/* Rewrites the TrueType font in[0..len) as libharu embeds it into out:
 * the metrics of glyphs not embedded zeroed, the cmap made of gid_of
 * (the glyph of each code below ncodes, 0 for none).  Returns 0, or -1
 * if the font is not one it can read. */
int	 pdf_ttf_trim(const unsigned char *in, size_t len, const int *gid_of,
	    size_t ncodes, buf *out);

/* The font file libharu 2.3.0 embeds for the TrueType font in[0..len)
 * (its HPDF_TTFontDef_SaveFontData), made from the font's bytes in
 * memory rather than read back four bytes at a time: the 13 tables it
 * keeps, in its order, the outlines of the glyphs flagged 1 in
 * flags[0..nglyphs) only, the family and full names prefixed with tag
 * ("HPDFAA+", 7 bytes) or, in UTF-16, tag2 (14 bytes).  The checksums
 * are left for pdf_ttf_trim to set.  Returns 0, or -1 if the font is
 * not one it can read. */
int	 pdf_ttf_save(const unsigned char *in, size_t len,
	    const unsigned char *flags, unsigned nglyphs, const char *tag,
	    const char *tag2, buf *out);

/* ---- pdf_layout.c ---- */

enum box_kind {
	BOX_LINE,	/* a line of text, in a table cell or not */
	BOX_TABLE,	/* a table starts: its header row */
	BOX_GROUP,	/* a group of the 구분 column starts */
	BOX_GROUP_END,
	BOX_TABLE_END,
	BOX_GAP,	/* space, dropped at the top of a page */
	BOX_BREAK,	/* a new page, unless this one is empty */
};

enum ink {
	INK_TEXT,
	INK_MUTED,
	INK_LINK,
	INK_HEAD,	/* headings */
};

struct box {
	enum box_kind	 kind;
	double		 h;		/* the height it takes */
	int		 keep;		/* on the same page as the next box */
	/* Text: a line, or a heading's. */
	const char	*text;
	size_t		 len;
	enum face	 face;
	double		 size;
	enum ink	 ink;
	double		 x;		/* of the text, from its column */
	const char	*marker;	/* drawn at marker_x before it */
	double		 marker_x;
	const char	*uri;		/* a link to this address */
	int		 rule;		/* a heading: ruled under */
	int		 anchor;	/* the entry that starts here, -1 */
	int		 entry;		/* contents: the entry listed, -1 */
	int		 numbered;	/* contents: leader and page number */
	int		 group;		/* BOX_GROUP: index in groups */
	int		 item;		/* the item it is part of, -1 */
	int		 note;		/* a line of the closing note, or a
					 * group's "(해당 없음)": not news */
	int		 break_before;	/* a new page before it (set when a
					 * page would hold only a tail) */
	/* Set by pagination. */
	int		 page;		/* -1: not printed (a dropped gap) */
	double		 y;		/* top */
	int		 in_table;
};

/* A contents entry, which is also a bookmark and a link target. */
struct entry {
	int		 level;		/* 0 section, 1 sector, 2 item */
	const char	*text;		/* as listed */
	int		 page;		/* page index, 0 the cover */
	double		 y;
};

enum frame_kind {
	FRAME_HEAD,	/* the header row of a table */
	FRAME_GROUP,	/* the part of a group on one page */
};

struct frame {
	enum frame_kind	 kind;
	int		 page;
	double		 top, bottom;
	int		 group;
};

struct flow {
	struct box	*v;
	size_t		 n, cap;
};

struct layout {
	struct arena	 arena;
	const struct config *cfg;
	const struct issue *issue;
	struct fonts	*fonts;
	struct flow	 contents;	/* the contents pages */
	struct flow	 body;
	struct entry	*entries;
	size_t		 nentries, capentries;
	const char	**groups;	/* labels of the 구분 column */
	size_t		 ngroups, capgroups;
	struct frame	*frames;
	size_t		 nframes, capframes;
	int		 item_entries;	/* the contents list items */
	int		 nitems;	/* items laid out */
	int		 ncontents;	/* contents pages */
	int		 npages;	/* every page, the cover included */
};

/* Lays out the issue.  Page 0 is the cover, then come the contents
 * pages, then the body. */
void	 pdf_layout(struct layout *, const struct config *,
	    const struct issue *, struct fonts *);
void	 pdf_layout_free(struct layout *);

/* ---- pdf_draw.c ---- */

/* Draws every page of a laid-out issue into doc. */
int	 pdf_draw(HPDF_Doc, const struct layout *);

/* ---- shared geometry (pdf_layout.c, pdf_draw.c) ---- */

#define MARGIN_X	56.0
#define BODY_TOP	(PAGE_H - 70.0)		/* where the flow starts */
#define BODY_BOTTOM	60.0			/* and may not go below */
#define TABLE_X		MARGIN_X
#define TABLE_W		(PAGE_W - 2 * MARGIN_X)
#define LABEL_W		64.0			/* the 구분 column */
#define CELL_PAD	8.0			/* left and right in a cell */
#define CELL_X		(TABLE_X + LABEL_W + CELL_PAD)
#define CELL_W		(TABLE_W - LABEL_W - 2 * CELL_PAD)
#define HEAD_H		22.0			/* the header row */
#define HEAD_SIZE	10.0
#define LABEL_SIZE	10.0
#define LABEL_LH	14.0
#define PAD_TOP		6.0			/* in a group, above */
#define PAD_BOTTOM	6.0			/* and below */
#define NUMBER_W	30.0			/* contents page numbers */

/* ---- pdf.c ---- */

/* ---- pdf_mail.c ---- */

/* The subject and the text of the mail that sends the brief file name:
 * [mail] subject and body filled in, then the issue's headlines by
 * section, then [mail] link when [site] base_url is set. */
void	 mail_text(const struct config *, const struct issue *,
	    const char *name, buf *subject, buf *body);

/* When an issue is stamped: its date at [pdf] time, in the zone of
 * [site] time_zone. */
struct pdf_time {
	int	 year, month, day, hour, minute;
	int	 zone;		/* minutes east of UTC */
};

void	 pdf_time(const struct config *, int date, struct pdf_time *);

#endif

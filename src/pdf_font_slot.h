/* pdf_font_slot.h: inside the brief's type, shared by its three files:
 * pdf_font_find.c finds the faces' files and maps their bytes,
 * pdf_font.c embeds them in libharu and measures and draws with them,
 * pdf_font_finish.c writes what libharu writes wrong about them (the
 * ToUnicode map, the widths, the glyph map, the embedded subset), made
 * ahead by pdf_font_foresee.c.  Nothing outside these four includes
 * it. */
#ifndef DIGEST_PDF_FONT_SLOT_H
#define DIGEST_PDF_FONT_SLOT_H

#include <hpdf.h>

#include "msg.h"
#include "pdf_font.h"

#define NCODES	65536

struct deflated;

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
	/* Its ToUnicode map and CIDToGIDMap deflated by pdf_font_finish
	 * for the save, or NULL. */
	struct deflated	*zmap[2];
	/* The font file made ahead (pdf_font_foresee.c), NULL if none. */
	struct foreseen	*fs;
};

/* ---- pdf_font_find.c ---- */

/* The file of a font named in digest.conf: a path, or a fontconfig
 * pattern whose family must be installed (fontconfig always answers
 * something).  Returns NULL after reporting at level. */
char	*pdf_font_file(const struct config *, const char *key,
	    const char *value, enum msg_level level);
/* Records that this process embedded file, for pdf_fonts_used. */
void	 pdf_font_note_embedded(const char *file);
/* The bytes of the font file path, mapped once per process; NULL if it
 * cannot be mapped (the caller then lets libharu read it). */
const unsigned char *pdf_font_bytes(const char *path, size_t *len);

/* ---- pdf_font.c ---- */

/* The glyph of code in s, 0 for none.  Remembered. */
HPDF_UINT16 pdf_slot_gid(struct font_slot *, int code);
/* The width of code in s, 1/1000 em, as libharu measures it (which
 * marks its glyph for the subset). */
int	 pdf_slot_width(struct font_slot *, int code);

/* Every face's slot, main then fallback, into all[2 * FACE_COUNT]
 * (NULL where a face has none). */
static inline void
pdf_slots_all(const struct fonts *f, struct font_slot **all)
{
	int i;

	for (i = 0; i < FACE_COUNT; i++) {
		all[i] = f->main[i];
		all[FACE_COUNT + i] = f->fallback[i];
	}
}

/* Faces may share a font (the same file named twice): whether all[i]
 * is a slot and the first of its font, the one its file is made for. */
static inline int
pdf_slot_first(struct font_slot *const *all, int i)
{
	int j;

	if (all[i] == NULL)
		return 0;
	for (j = 0; j < i; j++)
		if (all[j] != NULL && all[j]->font == all[i]->font)
			return 0;
	return 1;
}

/* ---- pdf_font_foresee.c ---- */

struct foreseen;

/* Takes s's font file made ahead, if made for the codes in used (a bit
 * each) and libharu's glyph flags as they are now: the file into
 * *program, its deflated bytes into *out, *outlen (malloc'd).  Returns
 * 0, or -1 when there is none to take. */
int	 pdf_foreseen_take(struct font_slot *, const unsigned char *used,
	    buf *program, unsigned char **out, size_t *outlen);
/* Waits for the thread, frees; NULL is fine. */
void	 pdf_foreseen_free(struct foreseen *);

/* ---- pdf_font_finish.c ---- */

/* Waits for a font file being deflated and frees it; NULL is fine. */
void	 pdf_deflated_free(struct deflated *);

#endif

/* pdf_font_foresee.c: the embedded font files made and deflated ahead,
 * while the text is still being drawn.
 *
 * A font file (pdf_font_finish.c: pdf_ttf_make, then deflated) depends
 * on the glyphs libharu has flagged and on the codes drawn, known once
 * the last line is drawn; its deflating was then the
 * longest part of the brief's end.  But the text drawn is the text the
 * layout measured: before the flows are drawn (pdf_draw.c calls
 * pdf_font_foresee), each font's file is made by a thread from the
 * codes measured so far and the flags as they are.  When the brief is
 * finished, that file is taken only if the codes drawn are those codes
 * and the flags are the same (the same inputs, so the same bytes);
 * else it is dropped and the file made as before. */
#include "pdf_font_slot.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include "pdf_deflate.h"
#include "pdf_ttf.h"

struct foreseen {
	pthread_t	 thread;
	int		 joinable;
	const unsigned char *font;	/* the font file's bytes, mapped */
	size_t		 len;
	unsigned char	*flags;		/* libharu's glyph flags, copied */
	unsigned	 nglyphs;
	char		 tag[sizeof(((HPDF_TTFontDefAttr)0)->tag_name)];
	char		 tag2[sizeof(((HPDF_TTFontDefAttr)0)->tag_name2)];
	int		*gid_of;	/* per code */
	unsigned char	*used;		/* the codes foreseen, a bit each */
	buf		 program;	/* the font file */
	unsigned char	*out;		/* deflated */
	size_t		 outlen;
	int		 rc;		/* 0, or -1 */
};

static void *
foresee_run(void *arg)
{
	struct foreseen *fs = arg;

	fs->rc = -1;
	if (pdf_ttf_make(fs->font, fs->len, fs->flags, fs->nglyphs, fs->tag,
	    fs->tag2, fs->gid_of, NCODES, &fs->program) == 0)
		fs->rc = pdf_deflate(fs->program.ptr, fs->program.len,
		    &fs->out, &fs->outlen);
	return NULL;
}

void
pdf_foreseen_free(struct foreseen *fs)
{
	if (fs == NULL)
		return;
	if (fs->joinable)
		pthread_join(fs->thread, NULL);
	free(fs->flags);
	free(fs->gid_of);
	free(fs->used);
	buf_free(&fs->program);
	free(fs->out);
	free(fs);
}

/* Whether no slot of s[0..ns) has measured any code of cp..cp+7 (-1
 * widths: every byte 0xff). */
static int
unmeasured8(struct font_slot *const *s, int ns, int cp)
{
	unsigned char all = 0xff;
	int i, k;

	for (i = 0; i < ns; i++)
		for (k = 0; k < 8; k++)
			all &= (unsigned char)((s[i]->width[cp + k] >> 8) &
			    s[i]->width[cp + k]);
	return all == 0xff;
}

/* Starts making s's font file for the codes measured with the slots of
 * all[0..n) that share its font. */
static void
foresee(struct font_slot *s, struct font_slot *const *all, int n)
{
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)s->def->attr;
	struct font_slot *same[2 * FACE_COUNT];
	struct foreseen *fs;
	int i, cp, ns = 0;

	if (s->fs != NULL || s->font->before_write_fn == NULL ||
	    s->def->descriptor != NULL || !da->embedding ||
	    da->glyph_tbl.flgs == NULL ||
	    !(s->font->filter & HPDF_STREAM_FILTER_FLATE_DECODE))
		return;
	fs = xcalloc(1, sizeof(*fs));
	if ((fs->font = pdf_font_bytes(s->file, &fs->len)) == NULL) {
		free(fs);
		return;
	}
	fs->nglyphs = da->num_glyphs;
	fs->flags = xmalloc(fs->nglyphs ? fs->nglyphs : 1);
	memcpy(fs->flags, da->glyph_tbl.flgs, fs->nglyphs);
	memcpy(fs->tag, da->tag_name, sizeof(fs->tag));
	memcpy(fs->tag2, da->tag_name2, sizeof(fs->tag2));
	fs->used = xcalloc(NCODES / 8, 1);
	fs->gid_of = xcalloc(NCODES, sizeof(*fs->gid_of));
	for (i = 0; i < n && ns < 2 * FACE_COUNT; i++)
		if (all[i] != NULL && all[i]->font == s->font)
			same[ns++] = all[i];
	for (cp = 0; cp < NCODES; cp++) {
		/* Most codes were never measured: eight at a time. */
		if (cp % 8 == 0 && unmeasured8(same, ns, cp)) {
			cp += 7;
			continue;
		}
		for (i = 0; i < ns; i++)
			if (same[i]->width[cp] >= 0) {
				fs->used[cp / 8] |= (unsigned char)(1 << (cp % 8));
				fs->gid_of[cp] = pdf_slot_gid(s, cp);
				break;
			}
	}
	s->fs = fs;
	if (pthread_create(&fs->thread, NULL, foresee_run, fs) == 0)
		fs->joinable = 1;
	else
		foresee_run(fs);
}

void
pdf_font_foresee(struct fonts *f)
{
	struct font_slot *all[2 * FACE_COUNT];
	int i;

	if (pdf_libharu_only())
		return;
	pdf_slots_all(f, all);
	/* Faces may share a font: its file is made once, by the first. */
	for (i = 0; i < 2 * FACE_COUNT; i++)
		if (pdf_slot_first(all, i))
			foresee(all[i], all, 2 * FACE_COUNT);
}

int
pdf_foreseen_take(struct font_slot *s, const unsigned char *used,
    buf *program, unsigned char **out, size_t *outlen)
{
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)s->def->attr;
	struct foreseen *fs = s->fs;
	int same;

	/* What the thread was given is not written to while it runs. */
	if (fs == NULL)
		return -1;
	same = memcmp(fs->used, used, NCODES / 8) == 0 &&
	    fs->nglyphs == da->num_glyphs &&
	    memcmp(fs->flags, da->glyph_tbl.flgs, fs->nglyphs) == 0 &&
	    memcmp(fs->tag, da->tag_name, sizeof(fs->tag)) == 0 &&
	    memcmp(fs->tag2, da->tag_name2, sizeof(fs->tag2)) == 0;
	/* Foreseen wrong: not waited for here (slot_free does). */
	if (!same)
		return -1;
	if (fs->joinable) {
		fs->joinable = 0;
		pthread_join(fs->thread, NULL);
	}
	s->fs = NULL;
	if (fs->rc != 0) {
		pdf_foreseen_free(fs);
		return -1;
	}
	*program = fs->program;
	memset(&fs->program, 0, sizeof(fs->program));
	*out = fs->out;
	*outlen = fs->outlen;
	fs->out = NULL;
	pdf_foreseen_free(fs);
	return 0;
}

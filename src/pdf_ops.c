/* pdf_ops.c: the page operators a brief writes most (a fill colour for
 * every line, a text matrix for every run of text), written into the
 * page's content as libharu 2.3.0 writes them, numbers by its own
 * HPDF_FToA, and its graphics state set the same: its functions clear a
 * 512-byte buffer a byte at a time first, most of what each cost.
 * With DIGEST_LIBHARU_ONLY, libharu's own. */
#include "pdf_ops.h"

#include <string.h>

#include <hpdf_pages.h>
#include <hpdf_utils.h>

#include "pdf_font.h"

/* Puts v at p as HPDF_FToA does, then c; returns the end. */
static char *
number(char *p, char *end, HPDF_REAL v, char c)
{
	p = HPDF_FToA(p, v, end);
	*p++ = c;
	return p;
}

HPDF_STATUS
pdf_op_fill(HPDF_Page page, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b)
{
	HPDF_STATUS ret = HPDF_Page_CheckState(page, HPDF_GMODE_TEXT_OBJECT |
	    HPDF_GMODE_PAGE_DESCRIPTION);
	HPDF_PageAttr attr;
	char buf[128], *p = buf, *end = buf + sizeof(buf) - 1;

	if (ret != HPDF_OK)
		return ret;
	if (pdf_libharu_only() ||
	    r < 0 || r > 1 || g < 0 || g > 1 || b < 0 || b > 1)
		return HPDF_Page_SetRGBFill(page, r, g, b);
	attr = (HPDF_PageAttr)page->attr;
	p = number(p, end, r, ' ');
	p = number(p, end, g, ' ');
	p = number(p, end, b, ' ');
	*p++ = 'r', *p++ = 'g', *p++ = '\012';
	if (HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf,
	    (HPDF_UINT)(p - buf)) != HPDF_OK)
		return HPDF_CheckError(page->error);
	attr->gstate->rgb_fill.r = r;
	attr->gstate->rgb_fill.g = g;
	attr->gstate->rgb_fill.b = b;
	attr->gstate->cs_fill = HPDF_CS_DEVICE_RGB;
	return ret;
}

HPDF_STATUS
pdf_op_text_at(HPDF_Page page, HPDF_REAL x, HPDF_REAL y)
{
	HPDF_STATUS ret = HPDF_Page_CheckState(page, HPDF_GMODE_TEXT_OBJECT);
	HPDF_PageAttr attr;
	char buf[128], *p = buf, *end = buf + sizeof(buf) - 1;

	if (ret != HPDF_OK)
		return ret;
	if (pdf_libharu_only())
		return HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, x, y);
	attr = (HPDF_PageAttr)page->attr;
	/* HPDF_FToA's 1 and 0. */
	memcpy(p, "1 0 0 1 ", 8);
	p = number(p + 8, end, x, ' ');
	p = number(p, end, y, ' ');
	*p++ = 'T', *p++ = 'm', *p++ = '\012';
	if (HPDF_Stream_Write(attr->stream, (HPDF_BYTE *)buf,
	    (HPDF_UINT)(p - buf)) != HPDF_OK)
		return HPDF_CheckError(page->error);
	attr->text_matrix.a = 1;
	attr->text_matrix.b = 0;
	attr->text_matrix.c = 0;
	attr->text_matrix.d = 1;
	attr->text_matrix.x = x;
	attr->text_matrix.y = y;
	attr->text_pos.x = x;
	attr->text_pos.y = y;
	return ret;
}

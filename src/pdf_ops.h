/* pdf_ops.h: the page operators a brief writes most, written into the
 * page's content as libharu's functions write them. */
#ifndef DIGEST_PDF_OPS_H
#define DIGEST_PDF_OPS_H

#include <hpdf.h>

/* HPDF_Page_SetRGBFill(page, r, g, b). */
HPDF_STATUS	 pdf_op_fill(HPDF_Page, HPDF_REAL r, HPDF_REAL g, HPDF_REAL b);
/* HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, x, y). */
HPDF_STATUS	 pdf_op_text_at(HPDF_Page, HPDF_REAL x, HPDF_REAL y);

#endif

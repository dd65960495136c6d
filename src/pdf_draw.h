/* pdf_draw.h: the second pass of the brief (pdf_draw.c): the pages of
 * a laid-out issue drawn, knowing them all. */
#ifndef DIGEST_PDF_DRAW_H
#define DIGEST_PDF_DRAW_H

#include <hpdf.h>

#include "pdf_layout.h"

/* Draws every page of a laid-out issue into doc. */
int	 pdf_draw(HPDF_Doc, const struct layout *);

#endif

/* pdf_pages.h: the pages' contents deflated in advance (pdf_pages.c). */
#ifndef DIGEST_PDF_PAGES_H
#define DIGEST_PDF_PAGES_H

#include <hpdf.h>

struct pdf_pages;

/* Starts deflating the contents of every page of doc, drawn, in a
 * thread; libharu then writes those bytes as it saves.  NULL when there
 * is nothing to do.  Free after saving. */
struct pdf_pages *pdf_pages_deflate(HPDF_Doc);
void	 pdf_pages_free(struct pdf_pages *);

#endif

/* pdf_geom.h: the page geometry of the brief, in points, which the
 * layout (pdf_layout.c) places boxes by and the drawing (pdf_draw.c)
 * draws them by.  Below both, so that neither reaches up to the driver
 * (pdf.c) for it. */
#ifndef DIGEST_PDF_GEOM_H
#define DIGEST_PDF_GEOM_H

/* A4. */
#define PAGE_W		595.276
#define PAGE_H		841.89

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

#endif

/* cell.h: the HTML of one table cell of a re-imported issue, parsed by
 * gumbo (an HTML5 tree builder: entities, attributes, unclosed and stray
 * tags as a browser reads them) into its paragraphs. */
#ifndef DIGEST_CELL_H
#define DIGEST_CELL_H

#include <stddef.h>

#include "util.h"

/* One paragraph of a cell: a <p>, an <li> or loose text. */
struct para {
	char	*text;		/* decoded, normalised, spaces collapsed */
	int	 bold;		/* its text opens inside <b> or <strong> */
	int	 item;		/* an <li> */
	int	 lead, trail;	/* white space at its ends in the HTML */
};

/* The most tags of a cell parsed as HTML; beyond, *flat is set and the
 * rest of the cell's text, without its tags, is one more paragraph. */
#define CELL_MAX_TAGS	1000

/* Splits html[0..len) into paragraphs (array malloc'd, texts in the
 * arena); returns their number. */
size_t	 cell_paragraphs(const char *html, size_t len, struct arena *,
	    struct para **out, int *flat);
/* The length of the white space and item marks (□, ▪, ☐ ...) that open
 * s: a title's text starts after them. */
size_t	 cell_marks(const char *s);

#endif

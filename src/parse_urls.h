/* parse_urls.h: page-end URLs to the items of their page. */
#ifndef DIGEST_PARSE_URLS_H
#define DIGEST_PARSE_URLS_H

#include "model.h"

/* Gives the URLs found at a page's end to the items that started on
 * that page, in order, using the dates inside the URLs to decide which
 * item goes without when the counts differ (reported at line). */
void	 urls_assign(struct item **items, size_t nitems, char **urls,
	    size_t nurls, struct arena *, const char *file, int line);

#endif

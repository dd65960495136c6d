/* pdf_time.h: when an issue is stamped (pdf_time.c), for the brief's
 * dates, the mail's Date and the feed. */
#ifndef DIGEST_PDF_TIME_H
#define DIGEST_PDF_TIME_H

#include "config.h"

/* When an issue is stamped: its date at [pdf] time, in the zone of
 * [site] time_zone. */
struct pdf_time {
	int	 year, month, day, hour, minute;
	int	 zone;		/* minutes east of UTC */
};

void	 pdf_time(const struct config *, int date, struct pdf_time *);

#endif

/* pdf_time.c: when an issue is stamped: its date at [pdf] time in the
 * zone of [site] time_zone, both checked by config.c.  The brief's
 * dates, the mail's Date and the feed's entry all say it. */
#include "pdf_time.h"

#include <string.h>

#include "date.h"

void
pdf_time(const struct config *cfg, int date, struct pdf_time *t)
{
	memset(t, 0, sizeof(*t));
	date_to_ymd(date, &t->year, &t->month, &t->day);
	t->hour = cfg->pdf.time_minutes / 60;
	t->minute = cfg->pdf.time_minutes % 60;
	t->zone = cfg->site.zone_minutes;
}

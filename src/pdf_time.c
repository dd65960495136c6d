/* pdf_time.c: when an issue is stamped: its date at [pdf] time in the
 * zone of [site] time_zone.  The brief's dates, the mail's Date and the
 * feed's entry all say it. */
#include "pdf_time.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "msg.h"

void
pdf_time(const struct config *cfg, int date, struct pdf_time *t)
{
	const char *v = config_str(cfg, "pdf", "time", "00:00");
	const char *z = config_str(cfg, "site", "time_zone", "+00:00");
	int zh = 0, zm = 0;
	char sign = '+';

	memset(t, 0, sizeof(*t));
	date_to_ymd(date, &t->year, &t->month, &t->day);
	if (sscanf(v, "%d:%d", &t->hour, &t->minute) != 2 || t->hour < 0 ||
	    t->hour > 23 || t->minute < 0 || t->minute > 59) {
		msg(MSG_PDF_TIME, cfg->path, 0, 0, v);
		t->hour = t->minute = 0;
	}
	if (sscanf(z, "%c%d:%d", &sign, &zh, &zm) != 3 ||
	    (sign != '+' && sign != '-') || zh < 0 || zh > 23 || zm < 0 ||
	    zm > 59) {
		msg(MSG_PDF_TIME_ZONE, cfg->path, 0, 0, z);
		zh = zm = 0;
	}
	t->zone = (sign == '-' ? -1 : 1) * (zh * 60 + zm);
}

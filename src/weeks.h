/* weeks.h: issue numbers from dates, and grouping items into issues. */
#ifndef DIGEST_WEEKS_H
#define DIGEST_WEEKS_H

#include "config.h"
#include "model.h"

/* The publication day of the issue whose period holds date: the first
 * configured weekday strictly after it. */
int	 week_publication(const struct config *, int date);
/* The number of the issue whose period holds date. */
int	 week_number(const struct config *, int date);
/* The publication day of issue number n. */
int	 week_date(const struct config *, int number);

/* Numbers every item's issue (undated items take their file's issue),
 * orders each issue's items as published, and returns the issues in
 * number order.  Reports what it cannot place. */
struct issue *weeks_group(struct corpus *, const struct config *,
	    size_t *nissues);
void	 weeks_free(struct issue *, size_t);

/* Reports, at file:line, every item dated before [digest]
 * earliest_date or after today (days since 1970), but for an item whose
 * date is its plan's period ([digest] mistyped years would otherwise
 * make the latest issue).  Returns 0, or -1 if any was reported. */
int	 weeks_check_dates(const struct corpus *, const struct config *,
	    int today);
/* Warns of each issue of one or two items more than [digest]
 * lone_issue_weeks from any other issue. */
void	 weeks_check_lonely(const struct issue *, size_t,
	    const struct config *);

/* Published order: section, sector, organisation (config order), then
 * date, then input order. */
int	 item_cmp(const struct item *, const struct item *);

#endif

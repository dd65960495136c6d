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

/* Published order: section, sector, organisation (config order), then
 * date, then input order. */
int	 item_cmp(const struct item *, const struct item *);

#endif

/* classify.h: section, sector and organisation type for every item. */
#ifndef DIGEST_CLASSIFY_H
#define DIGEST_CLASSIFY_H

#include "config.h"
#include "model.h"

/* Completes every item's section, sector and org.  Labels the input gave
 * win unless use_labels is 0, in which case everything is decided from
 * the text.  With explain, item->why says which cues decided. */
void	 classify(struct corpus *, const struct config *, int use_labels,
	    int explain);

#endif

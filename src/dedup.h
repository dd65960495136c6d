/* dedup.h: the same news seen twice becomes one item. */
#ifndef DIGEST_DEDUP_H
#define DIGEST_DEDUP_H

#include "config.h"
#include "model.h"

/* Marks duplicates merged into the first of each group, which keeps
 * every URL and the earliest date.  With report, each merge is printed
 * to stderr with both sources.  Returns the number of merges. */
size_t	 dedup(struct corpus *, const struct config *, int report);

#endif

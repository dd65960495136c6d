/* parse.h: dialect detection and one parser per dialect, all feeding
 * the corpus.  What the parsers share is in scan.h. */
#ifndef DIGEST_PARSE_H
#define DIGEST_PARSE_H

#include "config.h"
#include "model.h"

/* Detects the dialect, runs its parser and marks every line's use.
 * Returns the number of items added. */
size_t	 parse_doc(struct doc *, struct corpus *, const struct config *);
int	 dialect_detect(const struct doc *, const struct config *);
const char *dialect_name(int);

/* The parsers that read labels record them in the log, for the pass
 * after them (normalise.h). */
struct label_log;
size_t	 parse_weekly(struct doc *, struct corpus *, const struct config *,
	    struct label_log *);
size_t	 parse_reimport(struct doc *, struct corpus *,
	    const struct config *, struct label_log *);
size_t	 parse_trend(struct doc *, struct corpus *, const struct config *);
size_t	 parse_outline(struct doc *, struct corpus *, const struct config *);

#endif

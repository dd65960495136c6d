/* check.h: the report of `digest check`, in an editor's words: per file
 * its format and what its lines became, then every problem with its
 * file:line, then a summary. */
#ifndef DIGEST_CHECK_H
#define DIGEST_CHECK_H

#include <stdio.h>

#include "config.h"
#include "model.h"

/* Prints on f a line per file read, then the page furniture explained. */
void	 check_files(FILE *f, const struct doc *docs, size_t ndocs,
	    const struct corpus *);
/* Prints on f every problem by file and line (the warnings and errors
 * msg kept since msg_record(), the lines not placed), then the summary;
 * last in a check. */
void	 check_problems(FILE *f, const struct doc *docs, size_t ndocs,
	    const struct corpus *, const struct config *);

#endif

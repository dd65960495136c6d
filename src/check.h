/* check.h: the report of `digest check`, in an editor's words: per file
 * its format and what its lines became, then every problem with its
 * file:line, then a summary. */
#ifndef DIGEST_CHECK_H
#define DIGEST_CHECK_H

#include <stdio.h>

#include "config.h"
#include "model.h"

/* Prints the report on f; the warnings and errors are those msg kept
 * since msg_record(). */
void	 check_report(FILE *f, const struct doc *docs, size_t ndocs,
	    const struct corpus *, const struct config *);

#endif

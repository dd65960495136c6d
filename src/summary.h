/* summary.h: what a run did, said in one short block on standard error
 * (hidden with -q): the issues written, items per section, files
 * written and kept, warnings, and the file to open. */
#ifndef DIGEST_SUMMARY_H
#define DIGEST_SUMMARY_H

#include <stddef.h>

#include "config.h"
#include "model.h"

/* The files under an output folder, to tell after a build which were
 * written and which kept (same inode and time: hard-linked or not
 * touched).  Hidden files (the stamp, the lock) are left out. */
struct outscan {
	struct outfile	*f;
	size_t		 n, cap;
};

void	 outscan_take(struct outscan *, const char *outdir);
/* Compares outdir now with what outscan_take saw. */
void	 outscan_count(const struct outscan *, const char *outdir,
	    size_t *written, size_t *kept);
void	 outscan_free(struct outscan *);

/* Items per section: counts has TAXON_MAX + 1 places, the last for
 * items without a section.  Printed as "5 (policy 3, research 2)". */
void	 summary_count(size_t *counts, const struct item *);
void	 summary_sections(buf *, const struct config *,
	    const size_t *counts);

void	 summary_build(const struct config *, const struct issue *iss,
	    size_t n, const struct issue *latest, const char *outdir,
	    const struct outscan *before, int warnings);

#endif

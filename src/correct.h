/* correct.h: the editors' corrections, input/corrections.tsv: a title,
 * then the section, sector and/or organisation type to impose, by id or
 * by printed name, tab-separated.  Applied on every build over whatever
 * the input says. */
#ifndef DIGEST_CORRECT_H
#define DIGEST_CORRECT_H

#include <stddef.h>

#include "config.h"
#include "model.h"

struct correction {
	char		*key;		/* the normalised title */
	int		 section, sector, org;	/* -1: not imposed */
	const char	*file;
	int		 line;
	int		 used;
};

struct corrections {
	struct correction *v;		/* sorted by key */
	size_t		 n, cap;
};

/* Reads every file; reports bad lines at file:line.  Returns -1 when a
 * file cannot be read or a line is wrong. */
int	 corrections_load(struct corrections *, char *const *paths, size_t n,
	    const struct config *);
/* The correction for the item's title, or NULL. */
struct correction *corrections_match(const struct corrections *,
	    const struct item *);
/* Reports each correction that matched no item, at its file:line. */
void	 corrections_report(const struct corrections *);
void	 corrections_free(struct corrections *);
/* The file name a folder's corrections go by. */
#define CORRECTIONS_FILE "corrections.tsv"

#endif

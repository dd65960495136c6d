/* score.h: an item's text scored against the weighted cues of
 * digest.conf (cues.h), zone by zone, for the sectors or the org types;
 * classify.c decides in which order this counts. */
#ifndef DIGEST_SCORE_H
#define DIGEST_SCORE_H

#include "config.h"
#include "cues.h"
#include "model.h"
#include "util.h"

/* Where in an item a cue is found. */
enum zone {
	ZONE_LEAD,	/* the title's first phrase, before its comma */
	ZONE_TITLE,	/* the rest of the title */
	ZONE_SUBJECT,	/* the first bullet's subject: "OO가" */
	ZONE_PRE,	/* the words before that subject */
	ZONE_BULLET1,	/* the rest of the first bullet */
	ZONE_BULLETS,	/* the other bullets */
	NZONES
};

/* One cue found in one zone, n times. */
struct cue_hit {
	const struct cue *q;
	int		 zone;
	int		 n;
	const char	*word;		/* the word a shape fitted */
	size_t		 wlen;
};

/* The cues found in one item, for one set of taxa. */
struct scorer {
	const struct cues *cu;
	const struct cueset *set;
	struct cue_hit	*v;
	size_t		 n, cap;
	int		 zone;
	const char	*word;
	size_t		 wlen;
	int		 head_only;	/* the title and first bullet only */
};

/* [classify]'s factors by zone, and each taxon's prior. */
struct weights {
	double		 sector[NZONES];
	double		 org[NZONES];
	int		 repeat;
	double		 sector_prior[TAXON_MAX];
	double		 org_prior[TAXON_MAX];
	int		 sector_fallback[TAXON_MAX];	/* "fallback = yes" */
	int		 org_fallback[TAXON_MAX];
};

/* How a decision came out, for items -v and the review list. */
struct outcome {
	int	 rule;
	int	 runner;
	double	 sure;
};

/* Reads [classify] sector_zones, org_zones, repeat and each taxon's
 * prior. */
void	 score_weights(struct weights *, const struct config *);

/* Scores item against one set of cues (the sectors' or the orgs'). */
void	 score_scan(struct scorer *, const struct cues *,
	    const struct cueset *, const struct item *);

/* The best of the nt taxa t among those allowed (NULL: all), each with
 * its prior, else the allowed one marked fallback (else the first
 * allowed); what ("sector", "org") names it in why (NULL: no
 * explanation), and oc (or NULL) says how it came out. */
int	 score_decide(struct scorer *, const struct taxon *t, size_t nt,
	    const int *allowed, const double *prior, const int *fallback,
	    const double *factor, int repeat, const char *what, buf *why,
	    struct outcome *oc);

void	 score_free(struct scorer *);

#endif

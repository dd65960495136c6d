/* dedup.h: the same news seen twice becomes one item. */
#ifndef DIGEST_DEDUP_H
#define DIGEST_DEDUP_H

#include "config.h"
#include "model.h"

/* Marks duplicates merged into the first of each group, which keeps
 * every URL (each once), the earliest date and the longer bullets.
 *
 * Two items are the same news when the character bigrams of their title
 * keys (ngram.h: tags such as [단독] and (종합), spaces and punctuation
 * dropped) reach [digest] duplicate_threshold (Dice), and their dates
 * lie within duplicate_days of each other (an undated item: any date).
 * When the titles name different actors before their commas (안성시,
 * / 평택시,) or carry different numbers (제7차 / 제8차), the bullets
 * must confirm: their similarity must reach duplicate_bullets.  Equal
 * keys always merge within the window.
 *
 * With report, each merge is printed on standard output with both
 * sources.  Returns the number of merges. */
size_t	 dedup(struct corpus *, const struct config *, int report);

/* The decision for one pair, for tests: the similarity of the titles,
 * and whether they merge. */
struct dup_params {
	double	 threshold;	/* titles: Dice coefficient */
	double	 bullets;	/* bullets, when the titles are in doubt */
	int	 days;		/* dates at most this far apart */
};

void	 dup_params(struct dup_params *, const struct config *);
int	 dup_same(const struct item *, const struct item *,
	    const struct dup_params *, double *similarity);

#endif

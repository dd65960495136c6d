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

/* What decided an item's org type, strongest first: the same order for
 * every dialect. */
enum rule {
	RULE_CORRECTION,	/* input/corrections.tsv */
	RULE_LABEL,		/* a label in the input */
	RULE_NAMES,		/* an actor found in names/ */
	RULE_CUES,		/* the weighted cues of digest.conf */
	RULE_PRIOR,		/* no cue: the fallback */
	NRULES
};

extern const char *const rule_names[NRULES];

/* The sector a tag of the text names (a trend clipping's "(AI)"): one
 * whose "tags" list has it, or whose printed name starts with it, else
 * the one with it as its best keyword; -1 if none.  Parsers ask only
 * to tell a tag from other text; the decision is classify's. */
int	 classify_tag(const struct config *, const char *tag);

/* The org type a heading word names by its ending ([outline] ORG =
 * endings: 산업부, 첨단산업국), -1 if none; the same division of work. */
int	 classify_issuer(const struct config *, const char *word, size_t len);

/* The same, with the editors' corrections of the files named (each a
 * corrections.tsv); each that matches no item is reported.  Returns -1
 * when the corrections or the name lists cannot be read. */
int	 classify_all(struct corpus *, const struct config *, int use_labels,
	    int explain, char *const *corrections, size_t ncorrections);
/* The same in steps, for items classified as their file is read (each
 * item is classified alone): begin (the cues, name lists and
 * corrections read), the items [from, to) of the corpus, any number of
 * times, then end (the corrections that matched nothing reported).
 * classify_end returns what classify_all does. */
struct classifier;
struct classifier *classify_begin(const struct config *, int use_labels,
	    int explain, char *const *corrections, size_t ncorrections);
void	 classify_items(struct classifier *, struct corpus *, size_t from,
	    size_t to);
int	 classify_end(struct classifier *);

#endif

/* cues.h: the weighted cues of digest.conf and where they occur.
 *
 * Every [sector.*] and [org.*] group may carry cue lists, each a run of
 * TERM:WEIGHT entries (weight 1 when left out) separated by white space:
 *   keywords  found anywhere in the text, inside words too;
 *   names     found at the start of a word ("LG" in "LG가");
 *   suffixes  a whole word ends with it after at least one character
 *             ("부" in "산업통상자원부가");
 *   shapes    a whole word fits the pattern: '*' is any characters
 *             (none too), '@list' any entry of the [cues] key list,
 *             '@LATIN' and '@HANGUL' a run of Latin letters or of Hangul
 *             ("@region*연구원" for 경기연구원, "시" the word alone).
 * Whole words are tried with and without a trailing particle (은 는 이
 * 가 ...).  Of the suffixes and shapes that fit one word only the most
 * specific (longest literal part) count, so 시청 beats 청. */
#ifndef DIGEST_CUES_H
#define DIGEST_CUES_H

#include <stddef.h>

#include "config.h"

enum cue_kind {
	CUE_KEYWORD,
	CUE_NAME,
	CUE_SUFFIX,
	CUE_SHAPE,
};

struct cue_part;

struct cue {
	char		*term;		/* as written, for explanations */
	double		 weight;
	int		 kind;		/* enum cue_kind */
	int		 taxon;		/* index of its sector or org */
	size_t		 len;		/* strlen(term) */
	struct cue_part	*parts;		/* shapes: the compiled pattern */
	size_t		 nparts;
	const char	*end;		/* shapes: the literal they end with */
	size_t		 endlen;
	int		 framed;	/* a keyword's shadow, weight 0: found
					 * before a frame word ("AI 시대") */
};

/* The cues of one kind of taxon (the sectors or the org types). */
struct cueset {
	struct cue	*v;
	size_t		 n, cap;
	struct cue	*framed;	/* v[i]'s shadow, for explanations */
	/* keywords and names, sorted by first code point */
	struct cue_first {
		int	 cp;
		size_t	 cue;
		size_t	 len;
	}		*first;
	size_t		 nfirst;
	unsigned char	*starts;	/* bit per BMP code point in first */
	size_t		*wordcues;	/* suffixes and shapes */
	size_t		 nwordcues;
	/* those that end with a literal, sorted by its last code point */
	struct cue_first *last;
	size_t		 nlast;
	size_t		*open;		/* the others: "@region", "국립*" */
	size_t		 nopen;
};

struct cue_list {
	char		*name;
	char		**v;
	size_t		 n, cap;
	size_t		 minlen, maxlen;	/* of the entries, in bytes */
};

struct cues {
	struct cueset	 sectors;
	struct cueset	 orgs;
	struct cue_list	*lists;		/* from [cues], for '@list' */
	size_t		 nlists, listcap;
	const struct cue_list *frames;	/* [cues] frames: "시대", or NULL */
};

/* Reads every cue list of the configuration; a malformed entry is
 * reported and skipped.  Returns 0, or -1 if something was reported. */
int	 cues_load(struct cues *, const struct config *);
void	 cues_free(struct cues *);

/* Parses one "TERM:WEIGHT ..." value.  Calls add for every entry;
 * returns the number of malformed entries. */
int	 cue_parse(const char *value, void (*add)(void *, const char *term,
	    size_t len, double weight), void *arg);

/* Called for every match: the cue and, for word cues, the specificity
 * (literal bytes matched). */
typedef void cue_hit_fn(void *, const struct cue *);

/* Keywords and names occurring in text[0..len); a keyword followed by
 * a word of the [cues] frames list ("AI 시대") is reported as its
 * shadow in set->framed, which weighs nothing.  text[0..room) may be
 * read for that word (room >= len: a zone ends where the next starts,
 * "AI| 시대"). */
void	 cues_scan(const struct cues *, const struct cueset *,
	    const char *text, size_t len, size_t room, cue_hit_fn *, void *);
/* The most specific suffixes and shapes that fit the word[0..len),
 * with or without its particle. */
void	 cues_word(const struct cues *, const struct cueset *,
	    const char *word, size_t len, cue_hit_fn *, void *);

/* Whether code point cp is part of a word (a letter, a digit or a
 * combining mark). */
int	 cue_wordchar(int cp);
/* The most stems cue_stems gives: one more than the particles. */
#define CUE_STEMS_MAX	48

/* How many bytes of a trailing particle word[0..len) may drop; fills
 * cut[] with the candidate lengths (the whole word first) and returns
 * their number. */
size_t	 cue_stems(const char *word, size_t len, size_t cut[CUE_STEMS_MAX]);

#endif

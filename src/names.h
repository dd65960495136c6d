/* names.h: the name lists of names/ (see names/README): who an actor
 * is, looked up in a hash table, so that classifying 30,000 items costs
 * a few lookups per actor word, not a scan of the lists. */
#ifndef DIGEST_NAMES_H
#define DIGEST_NAMES_H

#include <stddef.h>

#include "config.h"
#include "util.h"

/* How an entry matches a word. */
enum name_kind {
	NAME_EXACT,	/* the whole word: 전북자치도 */
	NAME_PREFIX,	/* "LG*": the word starts with it (LG전자) */
	NAME_SUFFIX,	/* "*교육지원청": the word ends with it */
};

struct name_hit {
	int		 org;		/* index in config orgs */
	int		 kind;		/* enum name_kind */
	size_t		 len;		/* bytes of the word it covers */
	const char	*entry;		/* the body, as its list writes it */
	const char	*file;		/* list and line of the entry */
	int		 line;
};

struct names;

/* Reads the lists [names] lists names, in the folder [names] dir
 * (relative to the configuration file's folder).  Reports bad lines at
 * file:line.  Returns NULL only when a list cannot be read; no [names]
 * gives an empty table. */
struct names	*names_load(const struct config *);
void		 names_free(struct names *);

/* The most specific entry for one word (white space and ASCII case are
 * ignored): a whole-word entry, else the longest prefix or suffix entry
 * that leaves something of the word over.  Returns 0 when none. */
int		 names_lookup(const struct names *, const char *word, size_t len,
		    struct name_hit *);

/* The bodies (entries that are no alias) list "file" gives; -1 when no
 * list of that name (without .txt) was read. */
long		 names_bodies(const struct names *, const char *list);

/* The lists' folder ([names] dir, relative to the configuration
 * file's folder) into b; NULL when the configuration names none. */
const char	*names_dir(const struct config *, struct buf *b);

#endif

/* model.h: the one model every stage reads and writes.
 *
 * read.c turns a file into a doc (decoded, normalised lines);
 * parse_*.c turn docs into items in a corpus, and normalise.c says
 * what the labels they recorded name; classify.c, dedup.c and
 * weeks.c complete the items and group them into issues; markdown.c,
 * html.c and pdf.c render issues.  Data flows one way. */
#ifndef DIGEST_MODEL_H
#define DIGEST_MODEL_H

#include <stddef.h>

#include "util.h"

/* Dates are days since 1970-01-01 (proleptic Gregorian). */
#define DATE_NONE (-2147483647 - 1)

enum dialect {
	DIALECT_UNKNOWN = 0,
	DIALECT_WEEKLY,		/* the editor's weekly draft */
	DIALECT_REIMPORT,	/* a published issue turned back into text */
	DIALECT_TREND,		/* trend watch bulletin */
	DIALECT_OUTLINE,	/* plans and progress reports */
};

/* What became of one input line. */
enum line_use {
	LINE_UNPLACED = 0,	/* reported by check */
	LINE_USED,		/* part of an item */
	LINE_FURNITURE,		/* page marks, headers, labels, blanks */
};

struct line {
	char	*text;		/* NUL-terminated, trimmed on both ends */
	size_t	 len;
	int	 lead;		/* leading white space, in characters (page
				 * start when > 0) */
	int	 trail;		/* had trailing white space (word wrap) */
	int	 use;		/* enum line_use */
};

struct doc {
	const char	*path;
	const char	*encoding;	/* "UTF-8", "UTF-16LE", "CP949", ... */
	int		 dialect;	/* enum dialect */
	struct line	*lines;		/* lines[0] is line 1 */
	size_t		 n;
	int		 trail_wraps;	/* file keeps trailing spaces at wraps */
};

/* The kinds of label the input prints over its items. */
enum label_kind {
	LABEL_KIND_SECTION = 0,	/* "□ 중앙부처 및 지방자치단체 정책 동향" */
	LABEL_KIND_SECTOR,	/* "☞ 탄소중립 분야" */
	LABEL_KIND_ORG,		/* "중앙부처", a 구분 cell */
	LABEL_KINDS
};

/* Where a label on an item came from: 1 << its kind. */
#define LABEL_SECTION	(1u << LABEL_KIND_SECTION)
#define LABEL_SECTOR	(1u << LABEL_KIND_SECTOR)
#define LABEL_ORG	(1u << LABEL_KIND_ORG)

/* A label as the input printed it, recorded by a parser where it read
 * it (normalise.h); the pass after the parser, normalise.c, says what
 * it names. */
struct printed_label {
	const char	*text;		/* as printed, trimmed */
	int		 kind;		/* enum label_kind */
	int		 line;		/* where it was read */
	int		 col;		/* its column there; 0: not known */
	int		 taxon;		/* normalise.c's: its index in the
					 * configured sections, sectors or
					 * orgs; -1 unknown */
};

struct item {
	char		*title;		/* without its date */
	int		 date;		/* DATE_NONE when undated */
	int		 date_is_period; /* a plan's: its year or quarter
					  * marker's (may be future) */
	int		 section;	/* index in config sections, -1 unknown */
	int		 sector;	/* index in config sectors, -1 unknown */
	int		 narrow;	/* the narrow sector the text is about
					 * (hydrogen, chips) before "within"
					 * files it under sector; == sector
					 * when none is narrower, -1 unknown */
	int		 org;		/* index in config orgs, -1 unknown */
	unsigned	 labels;	/* LABEL_* that the input gave */
	/* The labels over the item as printed, by kind (NULL: none):
	 * the parser's record, from which normalise.c sets section,
	 * sector, org and labels. */
	const struct printed_label *printed[LABEL_KINDS];
	struct strlist	 bullets;
	struct strlist	 urls;
	const char	*file;
	int		 line;		/* line of the title */
	int		 date_col;	/* its date's column on line, for
					 * messages; 0: not known */
	size_t		 order;		/* input order over the whole run */
	char		*why;		/* cues that decided it (items -v) */
	int		 rule;		/* what decided org (enum rule in
					 * classify.h) */
	double		 sure;		/* how sure that rule was, 0 to 1 */
	int		 runner;	/* the org type that came second, -1 */
	char		*actor;		/* the acting body found, or NULL */
	char		*tag;		/* the text's own tag ("AI"): trend */
	char		*issuer;	/* the heading body above it ("산업부"):
					 * outline */
	int		 issue;		/* issue number, 0 when none */
	int		 merged;	/* merged into another item: skip */
};

struct corpus {
	struct arena	 arena;
	struct item	*items;
	size_t		 n;
	size_t		 cap;
};

struct item	*corpus_add(struct corpus *, const char *file, int line);
void		 corpus_free(struct corpus *);

/* One weekly issue: its number, dates and items in published order. */
struct issue {
	int		 number;
	int		 date;		/* publication day */
	int		 first;		/* period start, inclusive */
	int		 last;		/* period end, inclusive */
	struct item	**items;
	size_t		 n;
};

#endif

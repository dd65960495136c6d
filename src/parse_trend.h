/* parse_trend.h: what the two halves of the trend watch parser share:
 * parse_trend.c reads the summary table and the articles,
 * parse_trend_clip.c the technology clippings. */
#ifndef DIGEST_PARSE_TREND_H
#define DIGEST_PARSE_TREND_H

#include "config.h"
#include "model.h"
#include "scan.h"

enum summary_kind {
	SUM_ARTICLE,
	SUM_CLIPPING,
};

/* An entry of the summary table: an article or a clipping it lists. */
struct summary_entry {
	int	 kind;
	char	*key;		/* article: the line without "∙ "; clipping:
				 * the name without parentheses; no spaces */
	char	*alt;		/* clipping: the name as printed, no spaces */
	char	*tag;		/* clipping: "AI", "기후변화" */
	char	*sqtag;		/* the tag without white space */
	const char *text;	/* as printed, without "∙ " */
	int	 line;
	int	 found;
};

struct trend {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	int			 year;
	struct summary_entry	*sum;
	size_t			 nsum, sumcap, narticles;
	struct keyset		 articles;	/* key: index in sum */
	struct keyset		 clips;		/* key and alt: index */
	struct keyset		 tags;		/* squeezed tag: 1 listed, 0 not */
	char			**cats;		/* category cells, no spaces */
	size_t			 ncats, catcap;
	long			 cur;		/* current item, -1 none */
	buf			 acc;		/* bullet being built */
	int			 acc_note;	/* it is a note block */
	int			 acc_trail;	/* its last line kept a space */
	size_t			 acc_last;	/* index of its last line */
};

/* A point ('p': "- ", "∙ ", its marker dropped) or a note ('n': it
 * opens with a word of [trend] note_openers, kept); 0 for neither. */
int	 trend_marker(const struct trend *, const char *);
/* line is header (a configured one), white space aside. */
int	 trend_header(const char *line, const char *header);
/* "∙ (AI) 자율경비로봇": a clipping listed with its tag. */
int	 tagged_entry(const char *);

/* The bullet being built: ended, started at line i, gone on with. */
void	 flush_bullet(struct trend *);
void	 start_bullet(struct trend *, const struct line *, size_t i);
void	 go_on(struct trend *, const struct line *, size_t i);
/* Starts an item at lineno; it is t->cur. */
struct item *new_item(struct trend *, int lineno);
/* "title (source)" in the arena, title[0..n) trimmed at its end. */
char	*title_with_source(struct trend *, const char *title, size_t n,
	    const char *src);

/* The technology clippings, from line a to the end. */
void	 clippings(struct trend *, size_t a);

#endif

/* parse.h: one parser per dialect, all feeding the corpus, and the
 * helpers they share. */
#ifndef DIGEST_PARSE_H
#define DIGEST_PARSE_H

#include "config.h"
#include "model.h"

/* Detects the dialect, runs its parser and marks every line's use.
 * Returns the number of items added. */
size_t	 parse_doc(struct doc *, struct corpus *, const struct config *);
int	 dialect_detect(const struct doc *);
const char *dialect_name(int);

size_t	 parse_weekly(struct doc *, struct corpus *, const struct config *);
size_t	 parse_reimport(struct doc *, struct corpus *,
	    const struct config *);
size_t	 parse_trend(struct doc *, struct corpus *, const struct config *);
size_t	 parse_outline(struct doc *, struct corpus *, const struct config *);

/* Shared helpers. */

/* Appends a wrapped continuation to acc: with a space when the previous
 * printed line kept a trailing space (or the file never keeps them),
 * without one when the cut fell inside a word. */
void	 join_wrapped(buf *acc, int prev_trail, int file_trails,
	    const char *next);
/* Whether the file keeps a trailing space where a line wraps. */
int	 doc_trail_wraps(const struct doc *);
/* A year to complete month.day dates: from the file name, else from the
 * first full date in the file; 0 if none. */
int	 doc_year_hint(const struct doc *);
/* Gives the URLs found at a page's end to the items that started on
 * that page, in order, using the dates inside the URLs to decide which
 * item goes without when the counts differ (reported at line). */
void	 urls_assign(struct item **items, size_t nitems, char **urls,
	    size_t nurls, struct arena *, const char *file, int line);
int	 is_url(const char *);
/* Splits an item title from its trailing date.  Returns the date status;
 * *title is the text before the date, trimmed, in the arena. */
int	 title_split(const char *text, int year_hint, struct arena *,
	    char **title, int *date);
/* s[0..n) without white space, in the arena: to compare text that a PDF
 * spaced out differently ("조 직", "산업·기술 동향"). */
char	*text_squeeze(struct arena *, const char *s, size_t n);

/* The repeated table header row, "구분 제목 및 주요 내용" as configured,
 * into b: compare it with str_eq_nospace. */
void	 table_header_text(buf *b, const struct config *);

#endif

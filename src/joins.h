/* joins.h: whether a wrapped line joins the text before it with a space,
 * in a copy that lost every trailing space (another viewer's copy).
 *
 * With the trailing spaces kept, the line end says it (parse.c,
 * join_wrapped).  Without them, each join is decided from evidence in
 * the same file: the joined word seen whole elsewhere, the pair seen
 * apart, a particle or a closing quote after the cut, and how often the
 * two characters at the cut meet inside a word or across a space. */
#ifndef DIGEST_JOINS_H
#define DIGEST_JOINS_H

#include "config.h"
#include "model.h"

struct joins;

/* Learns the file's words; NULL when its line ends keep their spaces
 * (nothing to decide). */
struct joins	*joins_learn(const struct doc *, const struct config *);
/* Whether next (a wrapped line) goes on after text with a space; a
 * join the evidence cannot decide is a note at file:line. */
int		 joins_space(struct joins *, const char *text, size_t len,
		    const char *next, int line);
/* Appends next, a wrapped line, to acc: with a space after a line that
 * kept one; in a file that lost its trailing spaces (j not NULL) as
 * joins_space() decides; else with none, unless a comma, semicolon or
 * colon ends the line (a cut in a word never falls right after one). */
void		 joins_wrap(struct joins *, buf *acc, int prev_trail,
		    const char *next, int line);
void		 joins_free(struct joins *);

#endif

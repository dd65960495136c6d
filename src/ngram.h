/* ngram.h: titles reduced to what makes two of them the same news, and
 * the character-bigram similarity of such keys. */
#ifndef DIGEST_NGRAM_H
#define DIGEST_NGRAM_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* The end of a title's first phrase, where Korean news names its actor:
 * its first comma when that comes within the first four words (*comma
 * set), else the end of the first word (*comma cleared). */
size_t	 title_lead(const char *title, int *comma);

/* Skips the bracketed tags a title may open with: [단독], [속보],
 * (종합), 【포토】, <인터뷰> ... and the white space after them. */
const char *title_untagged(const char *title);

/* Appends to out the key of text[0..len): short bracketed tags at both
 * ends removed, then only letters and digits kept, Latin letters in
 * lower case.  "[단독] 산자부, 탄소중립 산단 구축(종합)" and "산자부
 * 탄소중립산단 구축" have the same key. */
void	 text_key(buf *out, const char *text, size_t len);

/* The distinct bigrams of adjacent code points of key, sorted; each is
 * the two code points packed in 42 bits.  Returns their number; *v is
 * malloc'ed (NULL when there are none). */
size_t	 bigrams(const char *key, uint64_t **v);

/* How many entries two sorted lists share. */
size_t	 bigram_overlap(const uint64_t *a, size_t na, const uint64_t *b,
	    size_t nb);

/* Dice's coefficient: 2|A∩B| / (|A| + |B|); 0 when both are empty. */
double	 bigram_dice(const uint64_t *a, size_t na, const uint64_t *b,
	    size_t nb);

/* The similarity of two texts: the Dice coefficient of the bigrams of
 * their keys. */
double	 text_similarity(const char *a, const char *b);

#endif

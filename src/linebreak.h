/* linebreak.h: breaking Korean text into lines of a given width.
 *
 * Pure: the caller measures text through a callback, so the rules can
 * be tested without a PDF library.  The rules: break at spaces first;
 * inside a word (Hangul, Latin or a URL) only when the word alone is
 * wider than a line; never start a line with closing punctuation or
 * end one with opening punctuation. */
#ifndef DIGEST_LINEBREAK_H
#define DIGEST_LINEBREAK_H

#include <stddef.h>

/* One line: text[off .. off + len), without the spaces broken at. */
struct lb_line {
	size_t	 off;
	size_t	 len;
};

/* The width of s[0..len) in the caller's unit. */
typedef double (*lb_width_fn)(void *ctx, const char *s, size_t len);

/* Breaks text[0..len) (UTF-8) into lines no wider than first (the first
 * line) and rest (the others), as far as the rules allow.  Returns the
 * number of lines (at least 1; an empty text gives one empty line) and
 * sets *lines to an array the caller frees. */
size_t	 linebreak(const char *text, size_t len, double first, double rest,
	    lb_width_fn width, void *ctx, struct lb_line **lines);

/* Punctuation that may not start a line, and that may not end one. */
int	 lb_closing(int cp);
int	 lb_opening(int cp);

#endif

/* util.h: the growable byte buffer, the arena and small string helpers
 * that every stage shares. */
#ifndef DIGEST_UTIL_H
#define DIGEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* A growable byte buffer; ptr is always NUL-terminated once anything
 * has been put into it. */
typedef struct buf {
	char	*ptr;
	size_t	 len;
	size_t	 cap;
} buf;

void	 buf_grow(buf *, size_t);
void	 buf_put(buf *, const void *, size_t);
void	 buf_puts(buf *, const char *);
void	 buf_putc(buf *, int);
void	 buf_printf(buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(buf *, const char *, va_list);
void	 buf_reset(buf *);
void	 buf_free(buf *);
const char *buf_cstr(buf *);
char	*buf_detach(buf *);	/* caller frees */

/* An arena: everything a run allocates for the model lives here and is
 * released at once. */
struct arena_block;
struct arena {
	struct arena_block *head;
};

void	*arena_alloc(struct arena *, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
void	 arena_free(struct arena *);
/* Whether p points into storage of the arena. */
int	 arena_owns(const struct arena *, const void *);

/* DIGEST_ONE_PROCESS=1 in the environment: the build forks no writer
 * and starts no reading thread, for the test that the output is the
 * same either way (tests/e2e/parallel-same.sh). */
int	 one_process(void);
/* Whether the environment variable name is set, neither empty nor "0";
 * asked once, the answer kept in *v (start it at -1). */
int	 env_flag(const char *name, int *v);

/* A list of strings whose storage is in an arena. */
struct strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

void	 strlist_add(struct strlist *, struct arena *, char *);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* The one growable array: p (of *cap elements of size bytes) with room
 * for at least need elements, doubling from 16; returns the new p.
 * VEC_GROW(v, cap, n) does v = vec_grow(v, &cap, n, sizeof(*v)). */
void	*vec_grow(void *p, size_t *cap, size_t need, size_t size);
#define VEC_GROW(v, cap, need) \
	((v) = vec_grow((v), &(cap), (need), sizeof(*(v))))
char	*xstrdup(const char *);

/* Reads a whole file; returns NULL and sets errno on failure. */
char	*read_whole(const char *path, size_t *len);

/* UTF-8 helpers. */
int	 utf8_decode(const char *s, size_t len, size_t *adv); /* -1 invalid */
int	 utf8_encode(int cp, char out[4]);	/* returns length */
/* The column (1-based, in characters: an invalid byte counts as one)
 * of s[n] in a line that starts at s; what a message gives as col. */
int	 utf8_column(const char *s, size_t n);
/* Hangul: a syllable, a conjoining jamo or a compatibility jamo. */
int	 is_hangul(int cp);
/* A precomposed Hangul syllable, U+AC00 가 to U+D7A3 힣: inline, for
 * the reader's and the fonts' loops over every character. */
static inline int
is_syllable(int cp)
{
	return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* A conjoining jamo, U+1100 to U+11FF: the pieces of an NFD syllable. */
static inline int
is_jamo(int cp)
{
	return cp >= 0x1100 && cp <= 0x11FF;
}

int	 str_starts(const char *s, const char *prefix);
/* Compares two strings ignoring all ASCII white space. */
int	 str_eq_nospace(const char *a, const char *b);
/* Trims ASCII white space on both ends, in place; returns s. */
char	*str_trim(char *s);



/* Appends s as a JSON string literal, quotes included. */
void	 json_str(buf *, const char *s);
/* The n strings of v joined by newlines, as json_str writes that. */
void	 json_lines(buf *, char *const *v, size_t n);

#endif

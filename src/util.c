/* util.c: buffer, arena and string helpers. */
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

/* Out of memory: says so and exits 3.  The message is printed at once
 * (not kept for a replay: there is none), and only once: if saying it
 * needs memory that is not there either, the exit is silent. */
static _Noreturn void
nomem(void)
{
	static int said;

	if (!said++) {
		msg_capture(NULL);
		msg(MSG_SYS_MEMORY, NULL, 0, 0);
	}
	exit(3);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		nomem();
	}
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL) {
		nomem();
	}
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		nomem();
	}
	return p;
}

void *
vec_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (n < need)
		if ((n *= 2) > SIZE_MAX / 2 / size) {
			nomem();
		}
	*cap = n;
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void
buf_grow(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->ptr = xrealloc(b->ptr, b->cap);
	/* Terminated as soon as it exists: buf_cstr() of a buffer that
	 * was grown but never written is "", not what malloc left. */
	b->ptr[b->len] = '\0';
}

void
buf_put(buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(buf *b, int c)
{
	char ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	size_t room;
	int n;

	/* Formatted once into the room there is; again only when it did
	 * not fit (it is most of the site's formatting). */
	buf_grow(b, 63);
	room = b->cap - b->len;
	va_copy(ap2, ap);
	n = vsnprintf(b->ptr + b->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void
buf_free(buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

const char *
buf_cstr(buf *b)
{
	if (b->ptr == NULL)
		buf_grow(b, 0), b->ptr[0] = '\0';
	return b->ptr;
}

char *
buf_detach(buf *b)
{
	char *p;

	buf_cstr(b);
	p = b->ptr;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

#define ARENA_BLOCK (64 * 1024)

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = sizeof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

int
arena_owns(const struct arena *a, const void *p)
{
	const struct arena_block *b;
	const char *c = p;

	for (b = a->head; b != NULL && c != NULL; b = b->next)
		if (c >= (const char *)b->data &&
		    c < (const char *)b->data + b->size)
			return 1;
	return 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void
strlist_add(struct strlist *l, struct arena *a, char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		char **v = arena_alloc(a, cap * sizeof(*v));

		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
}

char *
read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	buf b = {0};
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		buf_free(&b);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

int
utf8_column(const char *s, size_t n)
{
	size_t i;
	int col = 1;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;
	return col;
}

int
utf8_decode(const char *s, size_t len, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s;
	int cp, n, i;

	if (len == 0) {
		*adv = 0;
		return -1;
	}
	if (u[0] < 0x80) {
		*adv = 1;
		return u[0];
	} else if ((u[0] & 0xE0) == 0xC0) {
		cp = u[0] & 0x1F;
		n = 2;
	} else if ((u[0] & 0xF0) == 0xE0) {
		cp = u[0] & 0x0F;
		n = 3;
	} else if ((u[0] & 0xF8) == 0xF0) {
		cp = u[0] & 0x07;
		n = 4;
	} else {
		*adv = 1;
		return -1;
	}
	if ((size_t)n > len) {
		*adv = 1;
		return -1;
	}
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*adv = 1;
			return -1;
		}
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF)) {
		*adv = 1;
		return -1;
	}
	*adv = (size_t)n;
	return cp;
}

int
utf8_encode(int cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
is_hangul(int cp)
{
	return is_syllable(cp) || is_jamo(cp) ||
	    (cp >= 0x3130 && cp <= 0x318F);
}

int
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

int
str_eq_nospace(const char *a, const char *b)
{
	for (;;) {
		while (is_ws(*a))
			a++;
		while (is_ws(*b))
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++, b++;
	}
}

char *
str_trim(char *s)
{
	size_t n;
	char *p = s;

	while (is_ws(*p))
		p++;
	n = strlen(p);
	while (n > 0 && is_ws(p[n - 1]))
		n--;
	memmove(s, p, n);
	s[n] = '\0';
	return s;
}

/* The characters of s as a JSON string holds them, quotes aside. */
static void
json_chars(buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;

	for (;;) {
		/* Runs of characters that need no escape copied at once:
		 * the search index passes every item's text through here. */
		for (run = p; *p >= 0x20 && *p != '"' && *p != '\\' &&
		    *p != '<'; p++)
			;
		buf_put(b, run, (size_t)(p - run));
		switch (*p) {
		case '\0':
			return;
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '<':	/* safe to embed in a <script> block */
			buf_puts(b, "\\u003c");
			break;
		default:
			buf_printf(b, "\\u%04x", *p);
		}
		p++;
	}
}

void
json_str(buf *b, const char *s)
{
	buf_putc(b, '"');
	json_chars(b, s);
	buf_putc(b, '"');
}

void
json_lines(buf *b, char *const *v, size_t n)
{
	size_t i;

	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, "\\n");
		json_chars(b, v[i]);
	}
	buf_putc(b, '"');
}

int
env_flag(const char *name, int *v)
{
	if (*v < 0) {
		const char *e = getenv(name);

		*v = e != NULL && *e != '\0' && strcmp(e, "0") != 0;
	}
	return *v;
}

int
one_process(void)
{
	static int v = -1;

	return env_flag("DIGEST_ONE_PROCESS", &v);
}

/* read.c: decoding (iconv), NFC (utf8proc), lookalike folding and line
 * splitting.  Everything after this stage sees clean UTF-8. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "msg.h"
#include "read.h"

/* One table for every lookalike the bulletins carry; 0 deletes. */
static const struct fold {
	int from, to;
} folds[] = {
	{ 0x00A0, ' ' },	/* no-break space */
	{ 0x2002, ' ' }, { 0x2003, ' ' }, { 0x2009, ' ' },
	{ 0x202F, ' ' },
	{ 0x3000, ' ' },	/* ideographic space */
	{ 0x200B, 0 }, { 0x200C, 0 }, { 0x200D, 0 }, { 0x2060, 0 },
	{ 0xFEFF, 0 },		/* zero width, BOM inside text */
	{ 0x00AD, 0 },		/* soft hyphen */
	{ 0x318D, 0x00B7 },	/* ㆍ Hangul araea */
	{ 0x2027, 0x00B7 },	/* ‧ hyphenation point */
	{ 0x30FB, 0x00B7 },	/* ・ katakana middle dot */
	{ 0xFF65, 0x00B7 },	/* ･ half-width katakana middle dot */
	{ 0xFF62, 0x300C },	/* ｢ */
	{ 0xFF63, 0x300D },	/* ｣ */
	{ 0x201C, '"' }, { 0x201D, '"' }, { 0x201E, '"' },
	{ 0x2033, '"' }, { 0xFF02, '"' },
	{ 0x2018, '\'' }, { 0x2019, '\'' }, { 0x201A, '\'' },
	{ 0x2032, '\'' }, { 0xFF07, '\'' },
	{ 0xFF08, '(' }, { 0xFF09, ')' },	/* full-width parentheses */
	{ 0xFF0C, ',' }, { 0xFF1A, ':' }, { 0xFF1B, ';' },
	{ 0xFF5E, '~' }, { 0x301C, '~' },
	{ 0x2010, '-' }, { 0x2011, '-' }, { 0x2012, '-' },
	{ 0x2013, '-' }, { 0x2212, '-' }, { 0xFF0D, '-' },
};

static int
fold_cp(int cp)
{
	size_t i;

	if (cp < 0xA0 || is_syllable(cp))
		return cp;
	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++)
		if (folds[i].from == cp)
			return folds[i].to;
	return cp;
}

/* The length of the Hangul syllable (U+AC00..U+D7A3) at s[i], or 0:
 * the fast path through a Korean text. */
static inline size_t
syllable_at(const unsigned char *s, size_t i, size_t len)
{
	int cp;

	if (s[i] < 0xEA || s[i] > 0xED || i + 2 >= len ||
	    (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
		return 0;
	cp = ((s[i] & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) |
	    (s[i + 2] & 0x3F);
	return is_syllable(cp) ? 3 : 0;
}

/* Whether NFC leaves cp alone whatever surrounds it: a starter that is
 * its own normal form and never composes with what goes before it.
 * Text is cut before such characters and only the runs between the
 * cuts go through utf8proc; most of a bulletin (ASCII, Hangul
 * syllables, CJK punctuation) never does. */
static int
nfc_inert(int cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x80 || is_syllable(cp))
		return 1;
	if (is_jamo(cp))
		return 0;
	p = utf8proc_get_property(cp);
	return p->combining_class == 0 &&
	    (p->comb_index == UINT16_MAX || p->comb_index < 0x8000) &&
	    (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0);
}

#define NONSTARTERS_MAX	30

/* Appends s in NFC to b; -1 if s is not valid UTF-8. */
static int
nfc_append(buf *b, const char *s, size_t len)
{
	size_t i = 0, done = 0, prev = (size_t)-1, adv, start, j, marks;
	utf8proc_uint8_t *nfc;
	utf8proc_ssize_t r;
	int cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			prev = i++;
			continue;
		}
		if ((adv = syllable_at((const unsigned char *)s, i, len))) {
			prev = i;
			i += adv;
			continue;
		}
		if ((cp = utf8_decode(s + i, len - i, &adv)) < 0)
			return -1;
		if (nfc_inert(cp)) {
			prev = i;
			i += adv;
			continue;
		}
		/* The run to normalise: the starter before it, then every
		 * character up to the next inert one, but no more than
		 * NONSTARTERS_MAX combining marks in a row: utf8proc orders
		 * them in quadratic time, and no text has more (UAX #15,
		 * Stream-Safe Text Format). */
		start = prev != (size_t)-1 && prev >= done ? prev : i;
		marks = utf8proc_get_property(cp)->combining_class != 0;
		for (j = i + adv; j < len; j += adv) {
			if ((cp = utf8_decode(s + j, len - j, &adv)) < 0)
				return -1;
			if (nfc_inert(cp))
				break;
			if (utf8proc_get_property(cp)->combining_class == 0)
				marks = 0;
			else if (++marks > NONSTARTERS_MAX)
				break;
		}
		buf_put(b, s + done, start - done);
		r = utf8proc_map((const utf8proc_uint8_t *)s + start,
		    (utf8proc_ssize_t)(j - start), &nfc,
		    UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		if (r < 0)
			return -1;
		buf_put(b, nfc, (size_t)r);
		free(nfc);
		done = i = j;
	}
	buf_put(b, s + done, len - done);
	return 0;
}

char *
text_normalise(const char *s, size_t len, size_t *outlen)
{
	buf nfc = {0}, b = {0};
	const unsigned char *u;
	size_t i, adv, run, n;

	buf_grow(&nfc, len);
	if (nfc_append(&nfc, s, len) == -1) {
		buf_free(&nfc);
		return NULL;
	}
	u = (const unsigned char *)nfc.ptr;
	n = nfc.len;
	buf_grow(&b, n);
	for (i = 0; i < n; i += adv) {
		char enc[4];
		int cp;

		/* What no fold touches is copied a run at a time (NUL, from
		 * UTF-16, is deleted like the zero-width characters). */
		for (run = i; i < n; )
			if (u[i] < 0x80 && u[i] != 0)
				i++;
			else if (syllable_at(u, i, n))
				i += 3;
			else
				break;
		buf_put(&b, u + run, i - run);
		if (i == n)
			break;
		if ((cp = utf8_decode(nfc.ptr + i, n - i, &adv)) < 0) {
			buf_free(&nfc);
			buf_free(&b);
			return NULL;
		}
		cp = fold_cp(cp);
		if (cp == 0)
			continue;
		/* A spaced middle dot, "세라믹 ·섬유", is one dot. */
		if (cp == 0x00B7) {
			while (b.len > 0 && b.ptr[b.len - 1] == ' ')
				b.len--;
			while (i + adv < n && u[i + adv] == ' ')
				adv++;
		}
		buf_put(&b, enc, (size_t)utf8_encode(cp, enc));
	}
	buf_free(&nfc);
	*outlen = b.len;
	return buf_detach(&b);
}

/* The offset of the first byte that is not UTF-8, or len. */
static size_t
utf8_bad_at(const char *s, size_t len)
{
	size_t i, adv;

	for (i = 0; i < len; i += adv) {
		if ((unsigned char)s[i] < 0x80) {
			adv = 1;
			continue;
		}
		if ((adv = syllable_at((const unsigned char *)s, i, len)))
			continue;
		if (utf8_decode(s + i, len - i, &adv) < 0)
			return i;
	}
	return len;
}

/* The line (from 1) the byte at off is on, for messages. */
static int
line_at(const char *s, size_t len, size_t off)
{
	size_t i;
	int line = 1;

	for (i = 0; i < off && i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len ||
		    s[i + 1] != '\n')))
			line++;
	return line;
}

/* Whether most non-ASCII characters are Hangul: bytes of another
 * 8-bit encoding can pass as CP949 but read as nonsense. */
static int
mostly_hangul(const char *s, size_t len)
{
	size_t i, adv, other = 0, hangul = 0;

	for (i = 0; i < len; i += adv) {
		int cp = utf8_decode(s + i, len - i, &adv);

		if (cp < 0x80)
			continue;
		if (is_hangul(cp))
			hangul++;
		else
			other++;
	}
	return hangul > 0 && hangul >= other;
}

/* Converts with iconv; returns malloc'd UTF-8 or NULL. */
static char *
convert(const char *from, const char *s, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	buf b = {0};
	char *in = (char *)s;
	size_t inleft = len;

	if (cd == (iconv_t)-1)
		return NULL;
	buf_grow(&b, len * 2 + 16);
	while (inleft > 0) {
		char *out = b.ptr + b.len;
		size_t outleft = b.cap - b.len - 1;

		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			b.len = (size_t)(out - b.ptr);
			if (errno == E2BIG) {
				buf_grow(&b, b.cap);
				continue;
			}
			iconv_close(cd);
			buf_free(&b);
			return NULL;
		}
		b.len = (size_t)(out - b.ptr);
	}
	iconv_close(cd);
	b.ptr[b.len] = '\0';
	*outlen = b.len;
	return buf_detach(&b);
}

/* Decides the encoding and returns malloc'd UTF-8 without a BOM. */
static char *
decode(const char *path, const char *s, size_t len, const char **enc,
    size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out;
	size_t bad;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*enc = "UTF-8 with BOM";
		s += 3, len -= 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*enc = "UTF-16LE";
		if ((out = convert("UTF-16LE", s + 2, len - 2, outlen)))
			return out;
		msg(MSG_READ_UTF16LE, path, 0, 0);
		return NULL;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*enc = "UTF-16BE";
		if ((out = convert("UTF-16BE", s + 2, len - 2, outlen)))
			return out;
		msg(MSG_READ_UTF16BE, path, 0, 0);
		return NULL;
	} else
		*enc = "UTF-8";
	if ((out = memchr(s, '\0', len)) != NULL) {
		msg(MSG_READ_NUL, path, 0, 0,
		    line_at(s, len, (size_t)(out - s)));
		return NULL;
	}
	if ((bad = utf8_bad_at(s, len)) == len) {
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		*outlen = len;
		return out;
	}
	if (strcmp(*enc, "UTF-8") == 0 &&
	    (out = convert("CP949", s, len, outlen)) != NULL) {
		if (mostly_hangul(out, *outlen)) {
			*enc = "CP949";
			return out;
		}
		free(out);
	}
	msg(MSG_READ_ENCODING, path, 0, 0, line_at(s, len, bad));
	return NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* The next line end at or after i (> 0), or n: memchr, remembering
 * where the next LF and the next CR are. */
static size_t
next_break(const char *s, size_t i, size_t n, size_t *lf, size_t *cr)
{
	const char *p;

	if (*lf < i) {
		p = memchr(s + i, '\n', n - i);
		*lf = p ? (size_t)(p - s) : n;
	}
	if (*cr < i) {
		p = memchr(s + i, '\r', n - i);
		*cr = p ? (size_t)(p - s) : n;
	}
	return *lf < *cr ? *lf : *cr;
}

static size_t
count_byte(const char *s, size_t n, char c)
{
	const char *p, *end = s + n;
	size_t k = 0;

	for (; (p = memchr(s, c, (size_t)(end - s))) != NULL; s = p + 1)
		k++;
	return k;
}

int
doc_from_bytes(struct doc *d, struct arena *a, const char *path,
    const char *bytes, size_t len)
{
	char *text, *norm;
	size_t tlen, nlen, i, start, cap, lf = 0, cr = 0;

	memset(d, 0, sizeof(*d));
	d->path = path;
	if ((text = decode(path, bytes, len, &d->encoding, &tlen)) == NULL)
		return -1;
	norm = text_normalise(text, tlen, &nlen);
	free(text);
	if (norm == NULL) {
		msg(MSG_READ_DECODED_UTF8, path, 0, 0);
		return -1;
	}
	/* The lines counted first: one array in the arena, not a
	 * trail of outgrown ones. */
	cap = 1 + count_byte(norm, nlen, '\n') + count_byte(norm, nlen, '\r');
	d->lines = arena_alloc(a, cap * sizeof(*d->lines));
	for (start = i = 0; i <= nlen; i++) {
		struct line *l;
		size_t b, e;

		if (i < nlen && norm[i] != '\n' && norm[i] != '\r')
			i = next_break(norm, i + 1, nlen, &lf, &cr);
		l = &d->lines[d->n++];
		for (b = start; b < i && is_space(norm[b]); b++)
			continue;
		for (e = i; e > b && is_space(norm[e - 1]); e--)
			continue;
		l->lead = (int)(b - start);
		l->trail = e < i;
		l->text = arena_strndup(a, norm + b, e - b);
		l->len = e - b;
		l->use = l->len == 0 ? LINE_FURNITURE : LINE_UNPLACED;
		if (i < nlen && norm[i] == '\r' && i + 1 < nlen &&
		    norm[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	/* A final newline does not open a line. */
	if (d->n > 0 && d->lines[d->n - 1].len == 0 && nlen > 0 &&
	    (norm[nlen - 1] == '\n' || norm[nlen - 1] == '\r'))
		d->n--;
	free(norm);
	return 0;
}

const char *
file_kind(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return "a regular file";
	case S_IFDIR:
		return "a folder";
	case S_IFIFO:
		return "a named pipe (FIFO)";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	case S_IFLNK:
		return "a symbolic link";
	}
	return "not a file";
}

/* Reports a file that is no regular one or too big; -1. */
static int
refuse(const char *path, const struct stat *st, size_t max)
{
	if (!S_ISREG(st->st_mode))
		msg(MSG_READ_NOT_REGULAR, path, 0, 0, file_kind(st->st_mode));
	else
		msg(MSG_READ_TOO_LARGE, path, 0, 0, max >> 20);
	return -1;
}

int
input_ok(const char *path, const struct stat *st, size_t max)
{
	if (S_ISREG(st->st_mode) && (uintmax_t)st->st_size <= max)
		return 0;
	return refuse(path, st, max);
}

/* Never opens a FIFO, a device or a socket (stat first; O_NONBLOCK and
 * fstat in case it was swapped in since), and never reads more than
 * max + 1 bytes, whatever the file claims its size is. */
char *
read_input(const char *path, size_t max, size_t *len)
{
	struct stat st;
	buf b = {0};
	ssize_t n = 0;
	int fd, e;

	if (stat(path, &st) == -1)
		goto fail;
	if (input_ok(path, &st, max) == -1)
		return NULL;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		goto fail;
	if (fstat(fd, &st) == -1) {
		e = errno;
		close(fd);
		errno = e;
		goto fail;
	}
	if (input_ok(path, &st, max) == -1) {
		close(fd);
		return NULL;
	}
	buf_grow(&b, (size_t)st.st_size + 1);
	for (;;) {
		size_t want;

		if (b.cap - b.len < 2)
			buf_grow(&b, b.cap);
		want = b.cap - b.len - 1;
		if (want > max + 1 - b.len)
			want = max + 1 - b.len;
		n = read(fd, b.ptr + b.len, want);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b.len += (size_t)n;
		if (b.len > max)
			break;
	}
	e = errno;
	close(fd);
	if (n == -1) {
		buf_free(&b);
		errno = e;
		goto fail;
	}
	if (b.len > max) {
		buf_free(&b);
		refuse(path, &st, max);
		return NULL;
	}
	if (b.ptr == NULL)
		buf_grow(&b, 1);
	b.ptr[b.len] = '\0';
	*len = b.len;
	return buf_detach(&b);
fail:
	msg(MSG_SYS_READ, path, 0, 0, strerror_safe());
	return NULL;
}

int
doc_read_max(struct doc *d, struct arena *a, const char *path, size_t max)
{
	size_t len;
	char *bytes = read_input(path, max, &len);
	int rc;

	if (bytes == NULL) {
		memset(d, 0, sizeof(*d));
		d->path = path;
		return -1;
	}
	rc = doc_from_bytes(d, a, path, bytes, len);
	free(bytes);
	return rc;
}

int
doc_read(struct doc *d, struct arena *a, const char *path)
{
	return doc_read_max(d, a, path, READ_MAX_DEFAULT);
}

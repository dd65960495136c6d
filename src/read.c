/* read.c: decoding (iconv), NFC (utf8proc), lookalike folding and line
 * splitting.  Everything after this stage sees clean UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
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

	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++)
		if (folds[i].from == cp)
			return folds[i].to;
	return cp;
}

char *
text_normalise(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *nfc = NULL;
	buf b = {0};
	size_t i, adv;
	utf8proc_ssize_t r;

	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &nfc, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (r < 0)
		return NULL;
	for (i = 0; i < (size_t)r; i += adv) {
		int cp = utf8_decode((const char *)nfc + i, (size_t)r - i,
		    &adv);
		char enc[4];

		if (cp < 0) {
			free(nfc);
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
			while (i + adv < (size_t)r && nfc[i + adv] == ' ')
				adv++;
		}
		buf_put(&b, enc, (size_t)utf8_encode(cp, enc));
	}
	free(nfc);
	*outlen = b.len;
	return buf_detach(&b);
}

static int
valid_utf8(const char *s, size_t len)
{
	size_t i, adv;

	for (i = 0; i < len; i += adv)
		if (utf8_decode(s + i, len - i, &adv) < 0)
			return 0;
	return 1;
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

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*enc = "UTF-8 with BOM";
		s += 3, len -= 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*enc = "UTF-16LE";
		if ((out = convert("UTF-16LE", s + 2, len - 2, outlen)))
			return out;
		msg(MSG_ERROR, path, 0, "not valid UTF-16LE after its "
		    "byte order mark");
		return NULL;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*enc = "UTF-16BE";
		if ((out = convert("UTF-16BE", s + 2, len - 2, outlen)))
			return out;
		msg(MSG_ERROR, path, 0, "not valid UTF-16BE after its "
		    "byte order mark");
		return NULL;
	} else
		*enc = "UTF-8";
	if (memchr(s, '\0', len) != NULL) {
		msg(MSG_ERROR, path, 0, "contains NUL bytes: binary data or "
		    "UTF-16 without a byte order mark; cannot decide its "
		    "encoding");
		return NULL;
	}
	if (valid_utf8(s, len)) {
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
	msg(MSG_ERROR, path, 0, "neither UTF-8 nor CP949 (EUC-KR): cannot "
	    "decide its encoding");
	return NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

int
doc_from_bytes(struct doc *d, struct arena *a, const char *path,
    const char *bytes, size_t len)
{
	char *text, *norm;
	size_t tlen, nlen, i, start, cap = 0;

	memset(d, 0, sizeof(*d));
	d->path = path;
	if ((text = decode(path, bytes, len, &d->encoding, &tlen)) == NULL)
		return -1;
	norm = text_normalise(text, tlen, &nlen);
	free(text);
	if (norm == NULL) {
		msg(MSG_ERROR, path, 0, "invalid UTF-8 after decoding");
		return -1;
	}
	for (start = i = 0; i <= nlen; i++) {
		struct line *l;
		size_t b, e;

		if (i < nlen && norm[i] != '\n' && norm[i] != '\r')
			continue;
		if (d->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct line *nl = arena_alloc(a, cap * sizeof(*nl));
			if (d->n)
				memcpy(nl, d->lines, d->n * sizeof(*nl));
			d->lines = nl;
		}
		l = &d->lines[d->n++];
		for (b = start; b < i && is_space(norm[b]); b++)
			continue;
		for (e = i; e > b && is_space(norm[e - 1]); e--)
			continue;
		l->lead = b > start;
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

int
doc_read(struct doc *d, struct arena *a, const char *path)
{
	size_t len;
	char *bytes = read_whole(path, &len);
	int rc;

	if (bytes == NULL) {
		memset(d, 0, sizeof(*d));
		d->path = path;
		msg(MSG_ERROR, path, 0, "cannot read: %s", strerror_safe());
		return -1;
	}
	rc = doc_from_bytes(d, a, path, bytes, len);
	free(bytes);
	return rc;
}

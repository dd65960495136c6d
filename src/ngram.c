/* ngram.c: title keys and character-bigram similarity. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ngram.h"

size_t
title_lead(const char *t, int *comma)
{
	const char *c = strchr(t, ',');
	size_t i, words = 0;
	int inword = 0;

	*comma = 0;
	if (c != NULL) {
		for (i = 0; t + i < c; i++) {
			if (t[i] == ' ')
				inword = 0;
			else if (!inword) {
				inword = 1;
				words++;
			}
		}
		if (words <= 4) {
			*comma = 1;
			return (size_t)(c - t);
		}
	}
	return strcspn(t, " ");
}

/* Bracket pairs that wrap a tag. */
static const struct {
	const char	*open, *close;
} brackets[] = {
	{ "[", "]" }, { "(", ")" }, { "<", ">" }, { "【", "】" },
	{ "〈", "〉" }, { "《", "》" }, { "〔", "〕" }, { "［", "］" },
};

/* Longest tag, in code points, that counts as one: (종합2보), [2025 국감]. */
#define TAG_MAX 12

static size_t
cp_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static const char *
find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* If s[0..len) opens with a tag, returns its length, else 0. */
static size_t
tag_at_start(const char *s, size_t len)
{
	size_t k, ol;
	const char *end;

	for (k = 0; k < sizeof(brackets) / sizeof(brackets[0]); k++) {
		ol = strlen(brackets[k].open);
		if (len < ol || memcmp(s, brackets[k].open, ol) != 0)
			continue;
		end = find(s + ol, len - ol, brackets[k].close);
		if (end == NULL || cp_count(s + ol, (size_t)(end - s) - ol) >
		    TAG_MAX)
			return 0;
		return (size_t)(end - s) + strlen(brackets[k].close);
	}
	return 0;
}

/* If s[0..len) closes with a tag, returns its length, else 0. */
static size_t
tag_at_end(const char *s, size_t len)
{
	size_t k, cl, i;

	for (k = 0; k < sizeof(brackets) / sizeof(brackets[0]); k++) {
		const char *o = brackets[k].open;
		size_t ol = strlen(o);

		cl = strlen(brackets[k].close);
		if (len < cl || memcmp(s + len - cl, brackets[k].close,
		    cl) != 0)
			continue;
		for (i = len - cl; i-- > 0;)
			if (i + ol <= len - cl && memcmp(s + i, o, ol) == 0)
				break;
		if (i == (size_t)-1 || i == 0 ||
		    cp_count(s + i + ol, len - cl - i - ol) > TAG_MAX)
			return 0;
		return len - i;
	}
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *
title_untagged(const char *t)
{
	size_t n;

	for (;;) {
		while (is_space(*t))
			t++;
		if ((n = tag_at_start(t, strlen(t))) == 0)
			return t;
		t += n;
	}
}

static int
keep_cp(int cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

void
text_key(buf *out, const char *s, size_t len)
{
	size_t n, i, adv;
	int cp;

	for (;;) {
		while (len > 0 && is_space(*s))
			s++, len--;
		while (len > 0 && is_space(s[len - 1]))
			len--;
		if ((n = tag_at_start(s, len)) > 0 && n < len) {
			s += n;
			len -= n;
		} else if ((n = tag_at_end(s, len)) > 0 && n < len)
			len -= n;
		else
			break;
	}
	buf_grow(out, len);
	for (i = 0; i < len; i += adv) {
		char enc[4];

		if ((cp = utf8_decode(s + i, len - i, &adv)) < 0) {
			adv = 1;
			continue;
		}
		if (!keep_cp(cp))
			continue;
		if (cp < 128 && cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		buf_put(out, enc, (size_t)utf8_encode(cp, enc));
	}
	buf_cstr(out);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

size_t
bigrams(const char *key, uint64_t **v)
{
	size_t len = strlen(key), i, adv, n = 0, k;
	int cp, prev = -1;
	uint64_t *out;

	*v = NULL;
	if (len == 0)
		return 0;
	out = xmalloc(len * sizeof(*out));
	for (i = 0; i < len; i += adv) {
		if ((cp = utf8_decode(key + i, len - i, &adv)) < 0) {
			adv = 1;
			continue;
		}
		if (prev >= 0)
			out[n++] = ((uint64_t)prev << 21) | (uint64_t)cp;
		prev = cp;
	}
	if (n == 0) {
		free(out);
		return 0;
	}
	if (n > 64)
		qsort(out, n, sizeof(*out), cmp_u64);
	else
		for (i = 1; i < n; i++) {
			uint64_t x = out[i];

			for (k = i; k > 0 && out[k - 1] > x; k--)
				out[k] = out[k - 1];
			out[k] = x;
		}
	for (i = k = 1; i < n; i++)
		if (out[i] != out[k - 1])
			out[k++] = out[i];
	*v = out;
	return k;
}

size_t
bigram_overlap(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

double
bigram_dice(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	if (na + nb == 0)
		return 0;
	return 2.0 * (double)bigram_overlap(a, na, b, nb) /
	    (double)(na + nb);
}

double
text_similarity(const char *a, const char *b)
{
	buf ka = {0}, kb = {0};
	uint64_t *va, *vb;
	size_t na, nb;
	double d;

	text_key(&ka, a, strlen(a));
	text_key(&kb, b, strlen(b));
	na = bigrams(buf_cstr(&ka), &va);
	nb = bigrams(buf_cstr(&kb), &vb);
	d = bigram_dice(va, na, vb, nb);
	free(va);
	free(vb);
	buf_free(&ka);
	buf_free(&kb);
	return d;
}

/* cues.c: reads the cue lists of digest.conf and finds them in text.
 * Keywords and names are looked up by their first code point at every
 * position of a text; suffixes and shapes are tried on single words. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cues.h"
#include "msg.h"
#include "util.h"

enum part_kind {
	PART_LIT,	/* these bytes */
	PART_ANY,	/* '*': any code points, none too */
	PART_LIST,	/* '@name': an entry of a list */
	PART_LATIN,	/* '@LATIN': one or more Latin letters */
	PART_HANGUL,	/* '@HANGUL': one or more Hangul syllables */
};

struct cue_part {
	int		 kind;
	const char	*s;		/* PART_LIT: text (in the cue term) */
	size_t		 len;
	const struct cue_list *list;	/* PART_LIST */
};

/* Particles a word may carry after a name, longest first. */
static const char *const particles[] = {
	"에서는", "에게서", "으로는", "으로서", "으로써", "께서는", "에서도",
	"이라는", "이라고", "에서", "에게", "께서", "으로", "부터", "까지",
	"처럼", "보다", "에는", "에도", "로는", "와의", "과의", "이며", "라는",
	"라고", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
	"도", "로", "만",
};

static int
is_particle(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
		if (strlen(particles[i]) == len &&
		    memcmp(particles[i], s, len) == 0)
			return 1;
	return 0;
}

int
cue_wordchar(int cp)
{
	/* Hangul syllables and ASCII letters and digits, most of a text,
	 * without asking utf8proc. */
	if (is_syllable(cp))
		return 1;
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

static int
ends_with(const char *s, size_t len, const char *suf, size_t slen)
{
	return slen <= len && memcmp(s + len - slen, suf, slen) == 0;
}

/* Whether s[0..len) holds at least one whole code point before off. */
static int
has_stem(size_t off)
{
	return off > 0;
}

/* Every particle may cut a word once, and the whole word is a stem:
 * cut[] has room for all, so none is dropped. */
_Static_assert(sizeof(particles) / sizeof(particles[0]) + 1 <=
    CUE_STEMS_MAX, "CUE_STEMS_MAX below the particles' number");

size_t
cue_stems(const char *word, size_t len, size_t cut[CUE_STEMS_MAX])
{
	size_t i, n = 0, k;

	cut[n++] = len;
	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++) {
		size_t plen = strlen(particles[i]);

		if (!ends_with(word, len, particles[i], plen) ||
		    !has_stem(len - plen))
			continue;
		k = len - plen;
		/* A plural before the particle: 기업들이. */
		if (ends_with(word, k, "들", strlen("들")) &&
		    k > strlen("들"))
			k -= strlen("들");
		cut[n++] = k;
	}
	return n;
}

/* Splits value at white space and reads each "TERM:WEIGHT". */
int
cue_parse(const char *value, void (*add)(void *, const char *, size_t,
    double), void *arg)
{
	const char *p = value, *s, *colon;
	int bad = 0;

	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (s = p; *p && !isspace((unsigned char)*p); p++)
			;
		colon = NULL;
		for (const char *q = s; q < p; q++)
			if (*q == ':')
				colon = q;
		if (colon == NULL) {
			add(arg, s, (size_t)(p - s), 1.0);
			continue;
		}
		{
			char num[32], *end;
			size_t nl = (size_t)(p - colon - 1);
			double w;

			if (colon == s || nl == 0 || nl >= sizeof(num)) {
				bad++;
				continue;
			}
			memcpy(num, colon + 1, nl);
			num[nl] = '\0';
			w = strtod(num, &end);
			if (*end != '\0' || !isfinite(w)) {
				bad++;
				continue;
			}
			add(arg, s, (size_t)(colon - s), w);
		}
	}
	return bad;
}

/* The first of the n entries of v (sorted by code point) for cp, or n:
 * a binary search. */
static size_t
first_at(const struct cue_first *v, size_t n, int cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
list_add(void *arg, const char *term, size_t len, double w)
{
	struct cue_list *l = arg;

	(void)w;
	VEC_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n] = xmalloc(len + 1);
	memcpy(l->v[l->n], term, len);
	l->v[l->n][len] = '\0';
	l->n++;
}

static void
load_lists(struct cues *cu, const struct config *c)
{
	size_t i;

	for (i = 0; i < c->nlists; i++) {
		struct cue_list *l;

		VEC_GROW(cu->lists, cu->listcap, cu->nlists + 1);
		l = &cu->lists[cu->nlists++];
		memset(l, 0, sizeof(*l));
		l->name = xstrdup(c->lists[i].name);
		cue_parse(c->lists[i].value, list_add, l);
		qsort(l->v, l->n, sizeof(*l->v), cmp_cstr);
		l->minlen = (size_t)-1;
		for (size_t k = 0; k < l->n; k++) {
			size_t len = strlen(l->v[k]);

			if (len < l->minlen)
				l->minlen = len;
			if (len > l->maxlen)
				l->maxlen = len;
		}
	}
}

static const struct cue_list *
find_list(const struct cues *cu, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < cu->nlists; i++)
		if (strlen(cu->lists[i].name) == len &&
		    memcmp(cu->lists[i].name, name, len) == 0)
			return &cu->lists[i];
	return NULL;
}

static int
is_listname(int ch)
{
	return isalnum(ch) || ch == '_' || ch == '-';
}

/* Compiles a shape into parts; returns -1 for an unknown list or a
 * pattern that matches nothing sensible. */
static int
compile_shape(const struct cues *cu, struct cue *q)
{
	const char *s = q->term;
	size_t n = 0;

	q->parts = xcalloc(strlen(s) + 1, sizeof(*q->parts));
	while (*s) {
		struct cue_part *p = &q->parts[n];

		if (*s == '*') {
			p->kind = PART_ANY;
			s++;
		} else if (*s == '@') {
			const char *name = ++s;

			while (is_listname((unsigned char)*s))
				s++;
			p->kind = PART_LIST;
			if ((size_t)(s - name) == 5 &&
			    memcmp(name, "LATIN", 5) == 0)
				p->kind = PART_LATIN;
			else if ((size_t)(s - name) == 6 &&
			    memcmp(name, "HANGUL", 6) == 0)
				p->kind = PART_HANGUL;
			else if ((p->list = find_list(cu, name,
			    (size_t)(s - name))) == NULL)
				return -1;
		} else {
			p->kind = PART_LIT;
			p->s = s;
			while (*s && *s != '*' && *s != '@')
				s++;
			p->len = (size_t)(s - p->s);
		}
		/* Two stars in a row are one. */
		if (n > 0 && p->kind == PART_ANY &&
		    q->parts[n - 1].kind == PART_ANY)
			continue;
		n++;
	}
	q->nparts = n;
	if (n > 0 && q->parts[n - 1].kind == PART_LIT) {
		q->end = q->parts[n - 1].s;
		q->endlen = q->parts[n - 1].len;
	}
	return n > 0 ? 0 : -1;
}

struct loader {
	struct cues	*cu;
	struct cueset	*set;
	int		 taxon;
	int		 kind;
	const char	*conf;
	const char	*path;
	int		 bad;
};

static void
cue_add(void *arg, const char *term, size_t len, double w)
{
	struct loader *ld = arg;
	struct cueset *set = ld->set;
	struct cue *q;

	VEC_GROW(set->v, set->cap, set->n + 1);
	q = &set->v[set->n];
	memset(q, 0, sizeof(*q));
	q->term = xmalloc(len + 1);
	memcpy(q->term, term, len);
	q->term[len] = '\0';
	q->len = len;
	q->weight = w;
	q->kind = ld->kind;
	q->taxon = ld->taxon;
	if (q->kind == CUE_SHAPE && compile_shape(ld->cu, q) == -1) {
		msg(MSG_CUES_SHAPE_LIST, ld->path, 0, 0, ld->conf, q->term);
		free(q->term);
		free(q->parts);
		ld->bad = 1;
		return;
	}
	set->n++;
}

static const struct {
	const char	*key;
	int		 kind;
	size_t		 off;	/* of the list in struct taxon */
} keys[] = {
	{ "keywords", CUE_KEYWORD, offsetof(struct taxon, keywords) },
	{ "names", CUE_NAME, offsetof(struct taxon, names) },
	{ "suffixes", CUE_SUFFIX, offsetof(struct taxon, suffixes) },
	{ "shapes", CUE_SHAPE, offsetof(struct taxon, shapes) },
};

static int
cmp_first(const void *a, const void *b)
{
	const struct cue_first *x = a, *y = b;

	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;	/* longest first */
	return (x->cue > y->cue) - (x->cue < y->cue);
}

/* The last code point of s[0..len), or -1. */
static int
last_cp(const char *s, size_t len)
{
	size_t i = len, adv;

	if (s == NULL || len == 0)
		return -1;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return -1;
	return utf8_decode(s + i - 1, len - i + 1, &adv);
}

static void
index_set(struct cueset *set)
{
	size_t i, adv;

	set->framed = xcalloc(set->n, sizeof(*set->framed));
	for (i = 0; i < set->n; i++) {
		set->framed[i] = set->v[i];
		set->framed[i].weight = 0;
		set->framed[i].framed = 1;
	}
	set->first = xcalloc(set->n, sizeof(*set->first));
	set->wordcues = xcalloc(set->n, sizeof(*set->wordcues));
	set->last = xcalloc(set->n, sizeof(*set->last));
	set->open = xcalloc(set->n, sizeof(*set->open));
	for (i = 0; i < set->n; i++) {
		const struct cue *q = &set->v[i];
		int cp;

		if (q->kind == CUE_SUFFIX || q->kind == CUE_SHAPE) {
			const char *end = q->kind == CUE_SUFFIX ? q->term :
			    q->end;
			size_t elen = q->kind == CUE_SUFFIX ? q->len :
			    q->endlen;

			set->wordcues[set->nwordcues++] = i;
			if ((cp = last_cp(end, elen)) < 0) {
				set->open[set->nopen++] = i;
				continue;
			}
			set->last[set->nlast].cp = cp;
			set->last[set->nlast].cue = i;
			set->nlast++;
			continue;
		}
		cp = utf8_decode(q->term, strlen(q->term), &adv);
		if (cp < 0)
			continue;
		set->first[set->nfirst].cp = cp;
		set->first[set->nfirst].cue = i;
		set->first[set->nfirst].len = strlen(q->term);
		set->nfirst++;
	}
	qsort(set->first, set->nfirst, sizeof(*set->first), cmp_first);
	qsort(set->last, set->nlast, sizeof(*set->last), cmp_first);
	set->starts = xcalloc(0x10000 / 8, 1);
	for (i = 0; i < set->nfirst; i++)
		if (set->first[i].cp < 0x10000)
			set->starts[set->first[i].cp >> 3] |=
			    (unsigned char)(1 << (set->first[i].cp & 7));
}

static int
load_set(struct cues *cu, struct cueset *set, const struct config *c,
    const struct taxon *t, size_t n)
{
	struct loader ld;
	size_t i, k;
	int bad = 0;

	memset(set, 0, sizeof(*set));
	for (i = 0; i < n; i++)
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			const char *v = *(const char *const *)(const void *)
			    ((const char *)&t[i] + keys[k].off);
			int nbad;

			if (v == NULL)
				continue;
			memset(&ld, 0, sizeof(ld));
			ld.cu = cu;
			ld.set = set;
			ld.taxon = (int)i;
			ld.kind = keys[k].kind;
			ld.conf = t[i].conf;
			ld.path = c->path;
			if ((nbad = cue_parse(v, cue_add, &ld)) > 0) {
				msg(MSG_CUES_ENTRIES, c->path, 0, 0, t[i].conf,
				    keys[k].key, nbad);
				bad = 1;
			}
			bad |= ld.bad;
		}
	index_set(set);
	return bad ? -1 : 0;
}

int
cues_load(struct cues *cu, const struct config *c)
{
	int rc = 0;

	memset(cu, 0, sizeof(*cu));
	load_lists(cu, c);
	cu->frames = find_list(cu, "frames", strlen("frames"));
	rc |= load_set(cu, &cu->sectors, c, c->sectors, c->nsectors);
	rc |= load_set(cu, &cu->orgs, c, c->orgs, c->norgs);
	return rc;
}

static void
free_set(struct cueset *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		free(set->v[i].term);
		free(set->v[i].parts);
	}
	free(set->v);
	free(set->framed);
	free(set->first);
	free(set->starts);
	free(set->wordcues);
	free(set->last);
	free(set->open);
}

void
cues_free(struct cues *cu)
{
	size_t i, j;

	free_set(&cu->sectors);
	free_set(&cu->orgs);
	for (i = 0; i < cu->nlists; i++) {
		for (j = 0; j < cu->lists[i].n; j++)
			free(cu->lists[i].v[j]);
		free(cu->lists[i].v);
		free(cu->lists[i].name);
	}
	free(cu->lists);
	memset(cu, 0, sizeof(*cu));
}

/* Whether text[at..len) starts, after spaces, with a word of the
 * [cues] frames list: "AI 시대" is the time a story is set in, not what
 * it is about. */
static int
framed(const struct cues *cu, const char *text, size_t len, size_t at)
{
	const struct cue_list *l = cu->frames;
	size_t i, n;

	if (l == NULL)
		return 0;
	while (at < len && text[at] == ' ')
		at++;
	for (i = 0; i < l->n; i++) {
		n = strlen(l->v[i]);
		if (n <= len - at && memcmp(text + at, l->v[i], n) == 0)
			return 1;
	}
	return 0;
}

void
cues_scan(const struct cues *cu, const struct cueset *set, const char *text,
    size_t len, size_t room, cue_hit_fn *hit, void *arg)
{
	/* Where the last match of each taxon ends: a keyword inside a
	 * longer one of the same taxon (환경 in 친환경) does not count. */
	size_t covered[TAXON_MAX] = { 0 };
	size_t i, adv, lo;
	int cp, prev_word = 0;

	for (i = 0; i < len; i += adv) {
		if ((cp = utf8_decode(text + i, len - i, &adv)) < 0) {
			adv = 1;
			prev_word = 0;
			continue;
		}
		/* Most characters start no keyword or name: one bit says. */
		if (cp < 0x10000 && !(set->starts[cp >> 3] & (1 << (cp & 7))))
			lo = set->nfirst;
		else
			lo = first_at(set->first, set->nfirst, cp);
		for (; lo < set->nfirst && set->first[lo].cp == cp; lo++) {
			const struct cue *q = &set->v[set->first[lo].cue];
			size_t tl = set->first[lo].len;

			if (tl > len - i || memcmp(text + i, q->term, tl) != 0)
				continue;
			if (q->kind == CUE_NAME && prev_word)
				continue;
			if (q->taxon >= 0 && q->taxon < TAXON_MAX) {
				if (i < covered[q->taxon])
					continue;
				covered[q->taxon] = i + tl;
			}
			if (q->kind == CUE_KEYWORD && framed(cu, text,
			    room > len ? room : len, i + tl))
				q = &set->framed[set->first[lo].cue];
			hit(arg, q);
		}
		prev_word = cue_wordchar(cp);
	}
}

static int
list_has(const struct cue_list *l, const char *s, size_t len)
{
	size_t lo = 0, hi = l->n;

	if (len < l->minlen || len > l->maxlen)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strncmp(l->v[mid], s, len);

		if (r == 0 && l->v[mid][len] != '\0')
			r = 1;
		if (r == 0)
			return 1;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* How specific a fit is: the literal bytes at the end of the word
 * (after the last '*') first, then all literal bytes, so that 시청 beats
 * 청 and 서울대 is a university (~대) before a place (@region*). */
#define SPEC(tail, total) ((tail) * 1000 + (total))

static long shape_match(const struct cue_part *, size_t, size_t,
    const char *, size_t);

/* Part p took the first lit bytes of w[0..len) as literal text: the
 * best SPEC of matching the parts after it against the rest, or -1. */
static long
match_rest(const struct cue_part *p, size_t np, size_t tail, const char *w,
    size_t len, size_t lit)
{
	long r = shape_match(p + 1, np - 1, tail, w + lit, len - lit);

	return r < 0 ? -1 : r + (long)(np <= tail ? SPEC(lit, lit) :
	    SPEC(0, lit));
}

/* Matches parts p[0..np) against w[0..len); tail is the number of parts
 * from the end at which the tail after the last '*' starts.  Returns
 * the best SPEC of any way of matching, or -1. */
static long
shape_match(const struct cue_part *p, size_t np, size_t tail,
    const char *w, size_t len)
{
	size_t adv, i;
	long best = -1, r;
	int cp;

	if (np == 0)
		return len == 0 ? 0 : -1;
	switch (p->kind) {
	case PART_LIT:
		if (p->len > len || memcmp(w, p->s, p->len) != 0)
			return -1;
		return match_rest(p, np, tail, w, len, p->len);
	case PART_ANY:
		for (i = 0;; i += adv) {
			r = shape_match(p + 1, np - 1, tail, w + i, len - i);
			if (r > best)
				best = r;
			if (i >= len ||
			    utf8_decode(w + i, len - i, &adv) < 0)
				return best;
		}
	case PART_LATIN:
	case PART_HANGUL:
		/* A class run counts as literal: it says what the word is. */
		for (i = 0; i < len; i += adv) {
			cp = utf8_decode(w + i, len - i, &adv);
			if (cp < 0 || !(p->kind == PART_LATIN ?
			    (cp < 128 && isalpha(cp)) : is_hangul(cp)))
				return best;
			/* A particle is no part of a name: not "AI가". */
			if (p->kind == PART_HANGUL && i + adv == len &&
			    is_particle(w, len))
				continue;
			r = match_rest(p, np, tail, w, len, i + adv);
			if (r > best)
				best = r;
		}
		return best;
	default:
		for (i = 0; i < len && i < p->list->maxlen; i += adv) {
			if ((cp = utf8_decode(w + i, len - i, &adv)) < 0)
				return best;
			if (!list_has(p->list, w, i + adv))
				continue;
			r = match_rest(p, np, tail, w, len, i + adv);
			if (r > best)
				best = r;
		}
		return best;
	}
}

/* The specificity with which cue q fits the word, or -1. */
static long
word_fit(const struct cue *q, const char *w, size_t len)
{
	size_t tl, tail, k;

	if (q->kind == CUE_SHAPE) {
		if (q->endlen > len || (q->endlen > 0 && memcmp(w + len -
		    q->endlen, q->end, q->endlen) != 0))
			return -1;
		for (tail = q->nparts, k = 0; k < q->nparts; k++)
			if (q->parts[k].kind == PART_ANY)
				tail = q->nparts - k - 1;
		return shape_match(q->parts, q->nparts, tail, w, len);
	}
	tl = q->len;
	if (tl < len && memcmp(w + len - tl, q->term, tl) == 0)
		return SPEC((long)tl, (long)tl);
	return -1;
}

/* The cues a word fits: a few, in place; more go to the heap. */
struct cue_fit {
	size_t	cue;
	long	spec;
};

struct cue_fits {
	struct cue_fit	 in[32];
	struct cue_fit	*v;		/* in, or the heap when more */
	size_t		 n, cap;
};

static void
fit_one(struct cue_fits *f, const struct cueset *set, size_t cue,
    const char *word, size_t len)
{
	long r = word_fit(&set->v[cue], word, len);
	size_t i;

	if (r < 0)
		return;
	for (i = 0; i < f->n; i++)
		if (f->v[i].cue == cue) {
			if (r > f->v[i].spec)
				f->v[i].spec = r;
			return;
		}
	if (f->n == f->cap) {
		int inplace = f->v == f->in;

		if (inplace)
			f->v = NULL;	/* the heap's first array */
		VEC_GROW(f->v, f->cap, f->n + 1);
		if (inplace)
			memcpy(f->v, f->in, sizeof(f->in));
	}
	f->v[f->n].cue = cue;
	f->v[f->n].spec = r;
	f->n++;
}

void
cues_word(const struct cues *cu, const struct cueset *set, const char *word,
    size_t len, cue_hit_fn *hit, void *arg)
{
	struct cue_fits f;
	size_t cut[CUE_STEMS_MAX], ncut, i, k, lo;
	long best = -1;
	int cp;

	(void)cu;
	f.v = f.in;
	f.n = 0;
	f.cap = sizeof(f.in) / sizeof(f.in[0]);
	ncut = cue_stems(word, len, cut);
	for (k = 0; k < ncut; k++) {
		for (i = 0; i < set->nopen; i++)
			fit_one(&f, set, set->open[i], word, cut[k]);
		if ((cp = last_cp(word, cut[k])) < 0)
			continue;
		lo = first_at(set->last, set->nlast, cp);
		for (; lo < set->nlast && set->last[lo].cp == cp; lo++)
			fit_one(&f, set, set->last[lo].cue, word, cut[k]);
	}
	for (i = 0; i < f.n; i++)
		if (f.v[i].spec > best)
			best = f.v[i].spec;
	/* In the order of the configuration, whatever the stems' order. */
	for (i = 0; i < set->nwordcues; i++)
		for (k = 0; k < f.n; k++)
			if (f.v[k].cue == set->wordcues[i] &&
			    f.v[k].spec == best)
				hit(arg, &set->v[f.v[k].cue]);
	if (f.v != f.in)
		free(f.v);
}

/* joins.c: a join's space decided from the evidence in its own file.
 *
 * A Korean line can be cut inside a word ("친⏎환경") or between two
 * ("수행⏎기관").  When the copy kept no trailing space, the cut says
 * nothing, but the rest of the file does: every line's inner words are
 * words as printed.  So for the cut A|B the reader weighs
 *  - AB seen whole elsewhere (joined) against A, B each seen whole and
 *    A followed by B's start seen apart (a space);
 *  - B a particle (을, 에서 ...), or a particle after a closing quote
 *    (포럼'⏎을), or A a lone opening quote, or a middle dot at the cut
 *    (joined);
 *  - how often the two characters at the cut meet inside a word (apart
 *    where the first opens the word, 기반, AI기반, which a cut after a
 *    longer beginning, 충전기|반납, is not) or across a space, and how
 *    often the last ends a word and the first starts one;
 *  - how often the file writes A, without its particle, alone (등) or
 *    going on into a longer word (농|업);
 *  - a particle opening B read as the end of A's word, not as a known
 *    word spanning the cut;
 *  - after a Latin letter or digit, how often the file glues that very
 *    syllable on (a unit, a suffix) or spaces it;
 *  - the length of the joined word against the file's word lengths
 *    (short: one word; among the longest 5%: two);
 *  - a quote opening the next line: after text whose quotes are all
 *    closed it opens a quotation (a space), else it closes one;
 *  - the joined word a name that names/ writes closed up (한국|
 *    전기연구원: joined).
 * A particle's junction (나라|에) is left out of the character model:
 * particles are weighed of their own.  The particles are language, not
 * code: [weekly] particles in the configuration.  Known words are the
 * file's own and the stems of hunspell-ko ([weekly] wordlist).  A join
 * whose score stays near zero is reported as a note (check -v).
 * Hunspell's affix rules (libhunspell) were measured and left out: no
 * join of the weekly draft put right for 0.5 s and 48 MB (issue #11). */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "joins.h"
#include "msg.h"
#include "names.h"
#include "outfile.h"
#include "read.h"

struct word_slot {
	char		*key;
	unsigned	 n;
};

struct word_table {
	struct arena	 arena;
	struct word_slot	*tab;
	size_t		 cap, used;
};

/* The word list, read once per run when a first join needs it. */
static struct word_table	 dict;
static int		 dict_state;	/* 0 unread, 1 read, -1 none */
static struct names	*gazetteer;	/* names/, read with the word list */

#define LENS	16
#define PREFIX	8	/* the longest beginning counted */

struct joins {
	const char	*path;
	const struct config *c;
	struct arena	 arena;
	struct word_table	 t;
	char		**part;		/* particles, then endings, longest
					 * first in each */
	size_t		 npart, partcap;	/* particles and endings */
	size_t		 nbound;	/* particles alone */
	buf		 key, tmp;
	unsigned	 lens[LENS];	/* words inside lines by length in
					 * characters, the last "or more" */
	size_t		 shortest, longest;	/* see word_lengths() */
};

static struct word_slot *
find(struct word_table *j, const char *k, size_t n, int add)
{
	size_t i, m;

	if (add && j->used * 2 >= j->cap) {
		struct word_slot *old = j->tab;
		size_t oc = j->cap;

		j->cap = oc ? oc * 2 : 4096;
		j->tab = xcalloc(j->cap, sizeof(*j->tab));
		j->used = 0;
		for (i = 0; i < oc; i++)
			if (old[i].key != NULL) {
				struct word_slot *s = find(j, old[i].key,
				    strlen(old[i].key), 1);

				s->key = old[i].key;
				s->n = old[i].n;
			}
		free(old);
	}
	if (j->cap == 0)
		return NULL;
	m = j->cap - 1;
	for (i = fnv64(FNV64_INIT, k, n) & m; j->tab[i].key != NULL; i = (i + 1) & m)
		if (strncmp(j->tab[i].key, k, n) == 0 &&
		    j->tab[i].key[n] == '\0')
			return &j->tab[i];
	if (!add)
		return NULL;
	j->tab[i].key = arena_strndup(&j->arena, k, n);
	j->used++;
	return &j->tab[i];
}

/* Counts of one kind: 'w' word, 'p' pair, 'i' characters inside a
 * word, 'a' across a space, 'f' a word's last, 's' its first, 'l' and
 * 'r' a character before and after another inside a word.  The slot
 * of kind, a and (if not NULL) b; add: made when missing. */
static struct word_slot *
slot2(struct joins *j, int kind, const char *a, size_t an, const char *b,
    size_t bn, int add)
{
	buf_reset(&j->key);
	buf_putc(&j->key, kind);
	buf_put(&j->key, a, an);
	if (b != NULL) {
		buf_putc(&j->key, '\x01');
		buf_put(&j->key, b, bn);
	}
	return find(kind == 'D' ? &dict : &j->t, j->key.ptr, j->key.len, add);
}

static void
count2(struct joins *j, int kind, const char *a, size_t an, const char *b,
    size_t bn)
{
	slot2(j, kind, a, an, b, bn, 1)->n++;
}

static unsigned
seen2(struct joins *j, int kind, const char *a, size_t an, const char *b,
    size_t bn)
{
	struct word_slot *s = slot2(j, kind, a, an, b, bn, 0);

	return s ? s->n : 0;
}

/* The length of the UTF-8 character at s, and of the one ending at
 * s[n]. */
static size_t
char_len(const char *s, size_t n)
{
	size_t adv;

	if (n == 0)
		return 0;
	if (utf8_decode(s, n, &adv) < 0 || adv == 0)
		return 1;
	return adv;
}

static size_t
last_char(const char *s, size_t n)
{
	size_t k = n;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	return k > 0 ? n - k + 1 : n;
}

static size_t
nchars(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k += char_len(s + k, n - k))
		c++;
	return c;
}

/* The class of the character at s: Hangul, Latin, digit, other. */
static int
char_class(const char *s, size_t n)
{
	size_t adv;
	int cp = utf8_decode(s, n, &adv);

	if (is_syllable(cp))
		return 'H';
	if (cp < 0x80 && isalpha(cp))
		return 'L';
	if (cp < 0x80 && isdigit(cp))
		return 'D';
	return 'O';
}

static int
is_digit_at(const char *s, size_t k)
{
	return k > 0 && isdigit((unsigned char)s[k - 1]);
}

static const char *const puncts[] = {
	"\"", "'", "(", ")", "[", "]", "<", ">", ",", ".", ":", ";", "!",
	"?", "~", "·", "「", "」", "『", "』", "《", "》",
};
#define NPUNCT (sizeof(puncts) / sizeof(puncts[0]))

/* s[0..*n) without the punctuation around a word. */
static const char *
bare(const char *s, size_t *n)
{
	size_t k;
	int again = 1;

	while (again && *n > 0) {
		again = 0;
		for (k = 0; k < NPUNCT; k++) {
			size_t pl = strlen(puncts[k]);

			if (*n >= pl && memcmp(s, puncts[k], pl) == 0) {
				s += pl, *n -= pl, again = 1;
				break;
			}
			if (*n >= pl && memcmp(s + *n - pl, puncts[k],
			    pl) == 0) {
				*n -= pl, again = 1;
				break;
			}
		}
	}
	return s;
}

/* The length of s[0..n) without a particle at its end (n if none). */
static size_t
core(const struct joins *j, const char *s, size_t n)
{
	size_t k, pl, best = 0;

	/* The longest of either list. */
	for (k = 0; k < j->npart; k++) {
		pl = strlen(j->part[k]);
		if (pl > best && n > pl && memcmp(s + n - pl, j->part[k],
		    pl) == 0)
			best = pl;
	}
	return n - best;
}

/* Whether s[0..n) is a particle (whole), or starts with one. */
static int
particle_at(const struct joins *j, const char *s, size_t n, int whole)
{
	size_t k, pl;

	for (k = 0; k < j->nbound; k++) {
		pl = strlen(j->part[k]);
		if ((whole ? n == pl : n >= pl) && memcmp(s, j->part[k],
		    pl) == 0)
			return 1;
	}
	return 0;
}

static int
bylen(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);

	return x < y ? 1 : x > y ? -1 : strcmp(*(char *const *)a,
	    *(char *const *)b);
}

static void
word_list(struct joins *j, const char *key)
{
	const char *v = key, *p;
	size_t n, from = j->npart;

	for (p = v; p != NULL && *p; p += n) {
		p += strspn(p, " \t\n");
		if ((n = strcspn(p, " \t\n")) == 0)
			break;
		VEC_GROW(j->part, j->partcap, j->npart + 1);
		j->part[j->npart++] = arena_strndup(&j->arena, p, n);
	}
	if (j->npart > from)
		qsort(j->part + from, j->npart - from, sizeof(*j->part),
		    bylen);
}

/* [weekly] particles never open a word; endings close one but may
 * open one too. */
static void
particles(struct joins *j, const struct config *c)
{
	word_list(j, c->weekly.particles);
	j->nbound = j->npart;
	word_list(j, c->weekly.endings);
}

static void
learn_class(struct joins *j, int kind, const char *x, size_t xn,
    const char *y, size_t yn)
{
	char k[2];

	k[0] = (char)char_class(x, xn);
	k[1] = (char)char_class(y, yn);
	count2(j, kind, k, 1, k + 1, 1);
	/* A Latin letter or digit before a given syllable: a unit or a
	 * suffix (5G망, 3개) against a word of its own (AI 교육). */
	if ((k[0] == 'L' || k[0] == 'D') && k[1] == 'H')
		count2(j, kind == 'I' ? 'J' : 'B', k, 1, y, yn);
}

/* One word of a line: inside-word character pairs always; the word
 * itself only when neither line end touches it (those are what we
 * decide). */
static void
learn_word(struct joins *j, const char *w, size_t n, int inner)
{
	size_t i = 0, a, b, m = n, cut;
	const char *s;

	/* A particle's junction (미국|에) is no evidence of a cut inside a
	 * word: particles are weighed of their own. */
	s = bare(w, &m);
	cut = m > 0 && core(j, s, m) < m ? (size_t)(s - w) + core(j, s,
	    m) : 0;
	while (i < n) {
		a = char_len(w + i, n - i);
		if (i + a >= n)
			break;
		b = char_len(w + i + a, n - i - a);
		if (i + a != cut)
			count2(j, w + i == s || (i > 0 && char_class(w +
			    i - last_char(w, i), last_char(w, i)) != 'H') ?
			    'k' : 'i', w + i, a, w + i + a, b);
		learn_class(j, 'I', w + i, a, w + i + a, b);
		count2(j, 'l', w + i, a, NULL, 0);
		count2(j, 'r', w + i + a, b, NULL, 0);
		i += a;
	}
	count2(j, 's', w, char_len(w, n), NULL, 0);
	count2(j, 'f', w + n - last_char(w, n), last_char(w, n), NULL, 0);
	if (!inner)
		return;
	s = bare(w, &n);
	if (n == 0)
		return;
	j->lens[nchars(s, n) < LENS ? nchars(s, n) : LENS - 1]++;
	count2(j, 'w', s, n, NULL, 0);
	if (core(j, s, n) < n)
		count2(j, 'w', s, core(j, s, n), NULL, 0);
	/* The word's beginnings, without its particle, up to PREFIX
	 * characters: how often a beginning goes on into a longer word
	 * (농|업) or stands as a word of its own (등). */
	n = core(j, s, n);
	for (i = 0, a = 0; a++ < PREFIX && (i += char_len(s + i, n - i)) <
	    n;)
		count2(j, 'P', s, i, NULL, 0);
}

static void
learn_line(struct joins *j, const char *t)
{
	const char *w = t, *prev = NULL, *e;
	size_t n, pn = 0, k = 0;

	while (*w) {
		w += strspn(w, " ");
		if (*w == '\0')
			break;
		n = strcspn(w, " ");
		e = w + n;
		learn_word(j, w, n, k > 0 && *(e + strspn(e, " ")) != '\0');
		if (prev != NULL) {
			const char *a = prev, *b = w;
			size_t an = pn, bn = n, ac;

			count2(j, 'a', a + an - last_char(a, an),
			    last_char(a, an), b, char_len(b, bn));
			learn_class(j, 'A', a + an - last_char(a, an),
			    last_char(a, an), b, char_len(b, bn));
			a = bare(a, &an);
			b = bare(b, &bn);
			ac = core(j, a, an);
			if (ac > 0 && bn > 0)
				count2(j, 'p', a, ac, b, char_len(b, bn) +
				    char_len(b + char_len(b, bn), bn -
				    char_len(b, bn)));
		}
		prev = w, pn = n, k++;
		w = e;
	}
}

static void
dict_free(void)
{
	names_free(gazetteer);
	gazetteer = NULL;
	free(dict.tab);
	arena_free(&dict.arena);
	memset(&dict, 0, sizeof(dict));
}

/* The organisations' names of names/ (names/README), read once per run
 * for the joins: a name the lists write closed up (한국기계연구원) is
 * one word across a cut.  Their problems are the classifier's to
 * report, when it reads them: here they are read quietly (and the
 * capture of the parser's messages, parse.c's, is given back). */
static void
names_read(const struct config *c)
{
	buf quiet = {0}, *was;

	was = msg_capture(&quiet);
	gazetteer = names_load(c);
	msg_capture(was);
	buf_free(&quiet);
	atexit(dict_free);
}

/* The stems of a Hunspell dictionary ([weekly] wordlist): one a line,
 * "stem/flags", Hangul as jamo, which text_normalise() composes. */
static void
wordlist(struct joins *j, const struct config *c)
{
	const char *path = c->weekly.wordlist;
	char *all, *p, *e, *w;
	size_t len, n;

	if (dict_state != 0)
		return;
	dict_state = -1;
	names_read(c);
	if (path == NULL || *path == '\0')
		return;
	if ((all = read_whole(path, &len)) == NULL) {
		msg(MSG_JOINS_NO_WORDS, path, 0, 0, strerror_safe());
		return;
	}
	for (p = all; p < all + len; p = e + 1) {
		if ((e = memchr(p, '\n', (size_t)(all + len - p))) == NULL)
			e = all + len;
		n = strcspn(p, "/\n\r");
		if (n > (size_t)(e - p))
			n = (size_t)(e - p);
		if (n > 0 && (unsigned char)*p >= 0x80 &&
		    (w = text_normalise(p, n, &n)) != NULL) {
			count2(j, 'D', w, n, NULL, 0);
			free(w);
		}
	}
	free(all);
	dict_state = 1;
}

/* What the file's own words say of a word's length: a joined A|B no
 * longer than a word of median length and one character (산|불) is
 * most likely one word, and one longer than all but the longest 5% of
 * the file's words (주민센터에서|자원봉사자를) most likely two.  The
 * cut itself says nothing here: such copies wrap by character, so
 * every wrapped line ends at the margin. */
static void
word_lengths(struct joins *j)
{
	unsigned long all = 0, upto = 0;
	size_t k;

	for (k = 0; k < LENS; k++)
		all += j->lens[k];
	j->shortest = j->longest = 0;
	if (all < 100)
		return;		/* too few words to say */
	for (k = 0; k < LENS && upto * 2 < all; k++)
		upto += j->lens[k];
	j->shortest = k;	/* median + 1 */
	for (; k < LENS && upto * 20 < all * 19; k++)
		upto += j->lens[k];
	j->longest = k;
}

struct joins *
joins_learn(const struct doc *d, const struct config *c)
{
	struct joins *j;
	size_t i;

	if (d->trail_wraps)
		return NULL;
	j = xcalloc(1, sizeof(*j));
	j->path = d->path;
	j->c = c;
	particles(j, c);
	for (i = 0; i < d->n; i++)
		if (d->lines[i].len > 0)
			learn_line(j, d->lines[i].text);
	word_lengths(j);
	return j;
}

static int
known1(struct joins *j, const char *s, size_t n)
{
	return seen2(j, 'w', s, n, NULL, 0) > 0 ||
	    seen2(j, 'D', s, n, NULL, 0) > 0;
}

static int
known(struct joins *j, const char *s, size_t n)
{
	return n > 0 && (known1(j, s, n) || (core(j, s, n) < n &&
	    known1(j, s, core(j, s, n))));
}

static const char *const opening[] = { "'", "\"", "(", "「", "『", "‘",
    "“", NULL };
static const char *const closing[] = { "'", "\"", ")", "」", "』", "’", "”",
    NULL };

static int
one_of(const char *s, size_t n, const char *const *v)
{
	for (; *v != NULL; v++)
		if (strlen(*v) == n && memcmp(s, *v, n) == 0)
			return 1;
	return 0;
}

static int
ends_closing(const char *s, size_t n)
{
	const char *const *v;

	for (v = closing; *v != NULL; v++)
		if (n >= strlen(*v) && memcmp(s + n - strlen(*v), *v,
		    strlen(*v)) == 0)
			return 1;
	return 0;
}

/* Whether s[0..n), or it without a particle, is a name of names/ that
 * its list writes closed up. */
static int
listed(const struct joins *j, const char *s, size_t n)
{
	struct name_hit h;

	if ((names_lookup(gazetteer, s, n, &h) && h.kind == NAME_EXACT &&
	    strchr(h.entry, ' ') == NULL) || (core(j, s, n) < n &&
	    names_lookup(gazetteer, s, core(j, s, n), &h) &&
	    h.kind == NAME_EXACT && strchr(h.entry, ' ') == NULL))
		return 1;
	return 0;
}

/* A quote opening the next line: an opening one (the text before holds
 * as many of it as it closed) stands after a space, a closing one
 * (포럼|'을) is glued to its word.  +1 a space, -1 none, 0 no quote. */
static int
quote_at_cut(const char *text, size_t len, const char *b)
{
	static const char *const straight[] = { "'", "\"", NULL };
	size_t k, n;
	int odd;

	if (one_of(b, char_len(b, strlen(b)), opening + 3))
		return 1;	/* ‘ “ 「 『 */
	for (k = 0; straight[k] != NULL; k++) {
		if (b[0] != straight[k][0])
			continue;
		for (n = 0, odd = 0; n < len; n++)
			if (text[n] == b[0])
				odd = !odd;
		return odd ? -1 : 1;
	}
	return 0;
}

/* The same by classes of characters, for pairs the file has too few of
 * (Hangul before Latin, a counter before a unit): weighs only where
 * the cut is not Hangul on both sides. */
static double
class_model(struct joins *j, const char *x, size_t xn, const char *y,
    size_t yn)
{
	char k[2];
	double in, ac;

	k[0] = (char)char_class(x, xn);
	k[1] = (char)char_class(y, yn);
	if ((k[0] == 'H' && k[1] == 'H') || k[0] == 'O' || k[1] == 'O')
		return 0;
	in = seen2(j, 'I', k, 1, k + 1, 1);
	ac = seen2(j, 'A', k, 1, k + 1, 1);
	if ((k[0] == 'L' || k[0] == 'D') && k[1] == 'H')
		return 0.7 * log((ac + 1) / (in + 1)) + 0.7 * log((seen2(j,
		    'B', k, 1, y, yn) + 0.5) / (seen2(j, 'J', k, 1, y, yn) +
		    0.5));
	return 0.7 * log((ac + 1) / (in + 1));
}

/* Whether the last character of a is the first of its word, or of
 * the Hangul after a Latin word or number (AI기|반). */
static int
bare_first(const char *a, size_t an)
{
	size_t n = an;
	const char *s = bare(a, &n);

	if (n == 0 || s + n != a + an)
		return 0;
	n -= last_char(s, n);
	return n == 0 || char_class(s + n - last_char(s, n), last_char(s,
	    n)) != 'H';
}

/* Log-odds of a space from the characters at the cut. */
static double
char_model(struct joins *j, const char *x, size_t xn, const char *y,
    size_t yn, int first)
{
	double in = seen2(j, first ? 'k' : 'i', x, xn, y, yn);
	double ac = seen2(j, 'a', x, xn, y, yn);
	double f = seen2(j, 'f', x, xn, NULL, 0), l = seen2(j, 'l', x, xn,
	    NULL, 0);
	double s = seen2(j, 's', y, yn, NULL, 0), r = seen2(j, 'r', y, yn,
	    NULL, 0);
	double pe = (f + 0.5) / (f + l + 1), pb = (s + 0.5) / (s + r + 1);

	return 0.5 * log((ac + 0.1) / (in + 0.1)) +
	    0.3 * log(pe * pb / ((1 - pe) * (1 - pb)));
}

/* A known word across the cut (브리|핑룸 holds 브리핑): the longest
 * such, from a suffix of A and a prefix of B, weighs for a joined word
 * by its length in characters. */
static double
spanning(struct joins *j, const char *a, size_t an, const char *b,
    size_t bn)
{
	size_t i, k, na, nb, best = 0;

	for (i = an, na = 0; i > 0 && na < 4; na++) {
		i -= last_char(a, i);
		for (k = 0, nb = 0; k < bn && nb < 4; nb++) {
			k += char_len(b + k, bn - k);
			/* A particle opening B, the rest of B a word
			 * (조합|이사회는), reads as the end of A's word
			 * (조합이): no evidence for a join. */
			if (k < bn && particle_at(j, b, k, 1) && known(j, b + k,
			    bn - k))
				continue;
			buf_reset(&j->tmp);
			buf_put(&j->tmp, a + i, an - i);
			buf_put(&j->tmp, b, k);
			if (na + nb + 2 > best && known1(j, j->tmp.ptr,
			    j->tmp.len))
				best = na + nb + 2;
		}
	}
	return best >= 3 ? -1.0 * (double)(best - 1) : best == 2 ? -0.5 : 0;
}

/* How the file ends a word that begins as A does: A standing alone
 * (등, 다회용기) against A going on into a longer word (농|업, 거|점):
 * the log-odds of A being a whole word, without its particle. */
static double
closes(struct joins *j, const char *a, size_t an)
{
	size_t c = core(j, a, an);
	double whole = seen2(j, 'w', a, c, NULL, 0);
	double more = seen2(j, 'P', a, c, NULL, 0);

	if (c == 0 || nchars(a, c) > PREFIX)
		return 0;
	return 0.25 * log((whole + 0.5) / (more + 0.5));
}

int
joins_space(struct joins *j, const char *text, size_t len, const char *next,
    int line)
{
	const char *a, *b, *ab, *bb;
	size_t an, bn, abn, bbn, i;
	double s;

	for (i = len; i > 0 && text[i - 1] != ' '; i--)
		continue;
	a = text + i, an = len - i;
	b = next, bn = strcspn(next, " ");
	if (an == 0 || bn == 0)
		return 1;
	wordlist(j, j->c);
	s = char_model(j, a + an - last_char(a, an), last_char(a, an), b,
	    char_len(b, bn), bare_first(a, an));
	ab = bare(a, &an);
	bbn = bn;
	bb = bare(b, &bbn);
	/* A middle dot at the cut, a lone opening quote, a particle (after
	 * a closing quote too: 포럼'|을). */
	if (str_starts(b, "·") || one_of(text + i, len - i, opening) ||
	    (len - i >= 2 && memcmp(text + len - 2, "·", 2) == 0) ||
	    (len - i >= 2 && text[len - 1] == '-'))
		s -= 10;
	s += 3 * quote_at_cut(text, len, b);
	if (bbn > 0 && (particle_at(j, bb, bbn, 1) || (bb == b &&
	    ends_closing(text, len) && particle_at(j, bb, bbn, 0))))
		s -= 10;
	buf_reset(&j->tmp);
	buf_put(&j->tmp, ab, an);
	buf_put(&j->tmp, bb, bbn);
	abn = j->tmp.len;
	if (known(j, j->tmp.ptr, abn))
		s -= 2.5;
	if (listed(j, j->tmp.ptr, abn))
		s -= 3;
	if (known(j, ab, an))
		s += 1;
	if (known(j, bb, bbn))
		s += 1;
	if (an > 0 && bbn > 0 && seen2(j, 'p', ab, core(j, ab, an), bb,
	    char_len(bb, bbn) + char_len(bb + char_len(bb, bbn), bbn -
	    char_len(bb, bbn))) > 0)
		s += 2;
	s += spanning(j, ab, an, bb, bbn);
	/* A word that ends in a particle is whole; so is one before a
	 * sentence's or a clause's punctuation. */
	if (an > 0 && core(j, ab, an) < an && known(j, ab, core(j, ab, an)))
		s += 1.5;
	s += closes(j, ab, an);
	if (len - i > an && strchr(".,;:!?", text[len - 1]) != NULL &&
	    !(is_digit_at(text, len - 1) && isdigit((unsigned char)*b)))
		s += 3;
	s += class_model(j, text + len - last_char(text, len),
	    last_char(text, len), b, char_len(b, bn));
	/* abn from here: the joined word's length in characters. */
	abn = nchars(ab, an) + nchars(bb, bbn);
	if (abn <= j->shortest)
		s -= 1.25;
	else if (j->longest > 0 && abn >= j->longest)
		s += 0.5;
	if (fabs(s) < 0.5)
		msg(MSG_JOINS_UNDECIDED, j->path, line, 0, (int)(len - i),
		    text + i, (int)bn, next, s > 0 ? "with" : "without");
	return s > 0;
}

/* A clause's punctuation at a line end: a comma, a semicolon, a colon;
 * not between digits (1,|000). */
static int
clause_end(const buf *acc, const char *next)
{
	char c = acc->ptr[acc->len - 1];

	return strchr(",;:", c) != NULL && !(acc->len >= 2 &&
	    isdigit((unsigned char)acc->ptr[acc->len - 2]) &&
	    isdigit((unsigned char)*next));
}

void
joins_wrap(struct joins *j, buf *acc, int prev_trail, const char *next,
    int line)
{
	int space;

	if (acc->len == 0)
		space = 0;
	else if (prev_trail)
		space = 1;
	else if (j != NULL)
		space = joins_space(j, acc->ptr, acc->len, next, line);
	else
		space = clause_end(acc, next);
	if (space)
		buf_putc(acc, ' ');
	buf_puts(acc, next);
}

void
joins_free(struct joins *j)
{
	if (j == NULL)
		return;
	free(j->t.tab);
	arena_free(&j->t.arena);
	free(j->part);
	buf_free(&j->key);
	buf_free(&j->tmp);
	arena_free(&j->arena);
	free(j);
}

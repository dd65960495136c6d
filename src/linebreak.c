/* linebreak.c: greedy line breaking for Korean text.
 *
 * Words are the runs between spaces a line may break at.  A word goes
 * on the current line if it fits, else it starts the next line.  Only a
 * word wider than a whole line is cut, between two characters, and then
 * at the best place that fits: not before closing punctuation, not after
 * opening punctuation, not inside a run of Latin letters or digits (so a
 * URL breaks after '/', '=' or '.'); these preferences are dropped one
 * by one only when nothing else fits. */
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

struct lb_char {
	size_t	 off;		/* byte offset of the character */
	int	 cp;
};

struct lb {
	const char	*text;
	struct lb_char	*u;		/* n + 1: u[n].off is the length */
	size_t		 n;
	double		 first, rest;
	lb_width_fn	 width;
	void		*ctx;
	struct lb_line	*out;
	size_t		 nout, cap;
};

/* How strictly a cut inside a word keeps the rules, strictest first. */
enum cut_level {
	CUT_GOOD,	/* punctuation rules, Latin runs kept whole */
	CUT_PUNCT,	/* punctuation rules only */
	CUT_ANY,	/* any character boundary */
};

int
lb_closing(int cp)
{
	static const int set[] = {
		'.', ',', ')', ']', '}', '>', '%', ':', ';', '!', '?',
		0x00B7, 0x00B0, 0x2019, 0x201D, 0x2026, 0x2025, 0x2103,
		0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011,
		0x3015, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01,
		0xFF1F, 0xFF3D, 0xFF5D, 0xFF05,
	};
	size_t i;

	for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

int
lb_opening(int cp)
{
	static const int set[] = {
		'(', '[', '{', '<', 0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
		0x300E, 0x3010, 0x3014, 0xFF08, 0xFF3B, 0xFF5B,
	};
	size_t i;

	for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

static int
is_space(int cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0x3000;
}

static int
is_latin(int cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z');
}

/* Characters that belong to the one before them. */
static int
is_attached(int cp)
{
	utf8proc_category_t c;

	if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 1;
	c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	    c == UTF8PROC_CATEGORY_ME;
}

static double
width_of(const struct lb *b, size_t from, size_t to)
{
	return b->width(b->ctx, b->text + b->u[from].off,
	    b->u[to].off - b->u[from].off);
}

static double
limit_of(const struct lb *b)
{
	return b->nout == 0 ? b->first : b->rest;
}

/* Emits units [from, to) as a line, without spaces at either end. */
static void
emit(struct lb *b, size_t from, size_t to)
{
	while (from < to && is_space(b->u[from].cp))
		from++;
	while (to > from && is_space(b->u[to - 1].cp))
		to--;
	VEC_GROW(b->out, b->cap, b->nout + 1);
	b->out[b->nout].off = b->u[from].off;
	b->out[b->nout].len = b->u[to].off - b->u[from].off;
	b->nout++;
}

/* May a line break at the spaces between units i - 1 and j? */
static int
space_break(const struct lb *b, size_t i, size_t j)
{
	return i > 0 && j < b->n && !lb_opening(b->u[i - 1].cp) &&
	    !lb_closing(b->u[j].cp);
}

/* May a word be cut before unit i, at this level? */
static int
cut_ok(const struct lb *b, size_t i, enum cut_level level)
{
	int prev = b->u[i - 1].cp, cp = b->u[i].cp;

	if (is_attached(cp))
		return 0;
	if (level == CUT_ANY)
		return 1;
	if (lb_closing(cp) || lb_opening(prev))
		return 0;
	if (level == CUT_PUNCT)
		return 1;
	return !(is_latin(prev) && is_latin(cp));
}

/* The furthest p in [from, to] such that units [start, p) fit the
 * current line.  Widths grow with p; a line holds few characters, so p
 * is found by doubling steps, then halving: a word of a million
 * characters costs a few measures of a line's length, not of it all. */
static size_t
fit_end(const struct lb *b, size_t start, size_t from, size_t to)
{
	double limit = limit_of(b);
	size_t lo = from, hi, d = 1;

	for (;;) {
		size_t p = d < to - from ? from + d : to;

		if (width_of(b, start, p) > limit) {
			hi = p;
			break;
		}
		lo = p;
		if (p == to)
			return to;
		d *= 2;
	}
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (width_of(b, start, mid) <= limit)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The last place in (from, p] a word may be cut before, at the
 * strictest level that has one; 0 if there is none. */
static size_t
cut_before(const struct lb *b, size_t from, size_t p)
{
	size_t q;
	int level;

	for (level = CUT_GOOD; level <= CUT_ANY; level++)
		for (q = p; q > from; q--)
			if (cut_ok(b, q, (enum cut_level)level))
				return q;
	return 0;
}

/* Cuts a word wider than a line, [from, to), into lines of its own;
 * returns where its last, unfinished line starts. */
static size_t
cut_word(struct lb *b, size_t from, size_t to)
{
	while (from + 1 < to) {
		size_t p = fit_end(b, from, from, to);

		if (p == to)
			break;
		if ((p = cut_before(b, from, p)) == 0) {
			/* Not even one character fits: give it a line. */
			p = from + 1;
			while (p < to && is_attached(b->u[p].cp))
				p++;
		}
		emit(b, from, p);
		from = p;
	}
	return from;
}

static void
run(struct lb *b)
{
	size_t ls, le, ws, we, i;

	for (i = 0; i < b->n && is_space(b->u[i].cp); i++)
		continue;
	ls = le = i;
	while (i < b->n) {
		/* The next word: up to spaces a line may break at. */
		ws = i;
		for (;;) {
			while (i < b->n && !is_space(b->u[i].cp))
				i++;
			we = i;
			while (i < b->n && is_space(b->u[i].cp))
				i++;
			if (i >= b->n || space_break(b, we, i))
				break;
		}
		if (le == ls) {
			ls = ws;
			if (width_of(b, ws, we) > limit_of(b))
				ls = cut_word(b, ws, we);
			le = we;
		} else if (width_of(b, ls, we) <= limit_of(b)) {
			le = we;
		} else if (width_of(b, ws, we) <= b->rest) {
			emit(b, ls, le);
			ls = ws;
			le = we;
		} else {
			/* Too wide for any line: fill this one first. */
			size_t p = cut_before(b, ws, fit_end(b, ls, ws, we));

			if (p != 0 && width_of(b, ws, p) >= b->rest / 4) {
				emit(b, ls, p);
				ls = p;
			} else {
				emit(b, ls, le);
				ls = ws;
			}
			ls = cut_word(b, ls, we);
			le = we;
		}
	}
	if (le > ls || b->nout == 0)
		emit(b, ls, le);
}

size_t
linebreak(const char *text, size_t len, double first, double rest,
    lb_width_fn width, void *ctx, struct lb_line **lines)
{
	struct lb b;
	size_t off = 0, adv;

	memset(&b, 0, sizeof(b));
	b.text = text;
	b.first = first;
	b.rest = rest;
	b.width = width;
	b.ctx = ctx;
	b.u = xmalloc((len + 1) * sizeof(*b.u));
	while (off < len) {
		int cp = utf8_decode(text + off, len - off, &adv);

		b.u[b.n].off = off;
		b.u[b.n].cp = cp < 0 ? 0xFFFD : cp;
		b.n++;
		off += adv ? adv : 1;
	}
	b.u[b.n].off = len;
	b.u[b.n].cp = 0;
	run(&b);
	free(b.u);
	*lines = b.out;
	return b.nout;
}

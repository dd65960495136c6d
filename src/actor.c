/* actor.c: the acting organisations of an item.  Each place an actor is
 * named is split into words; a run of up to three words is looked up
 * whole ("울산 중구"), each word as written, without its particle
 * ("전북은" -> 전북), without a person's title ("가평군수" -> 가평군,
 * "홍길동 ○○그룹 회장" -> ○○그룹) and side by side of a pair ("가평군-
 * 경희대").  The most specific entry wins (names.c). */
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "cues.h"
#include "ngram.h"

const char *const actor_places[NPLACES] = {
	"title-start", "title-lead", "subject", "title", "brackets",
};

static const double place_dflt[NPLACES] = { 4, 2, 3, 1, 1 };

/* Particles and endings after a name, longest first. */
static const char *const particles[] = {
	"에서는", "에서도", "으로서", "께서", "에서", "으로", "에게", "와의",
	"과의", "측은", "측이", "측", "은", "는", "이", "가", "을", "를", "의",
	"와", "과", "도", "서", "에", "로", "만",
};

/* Particles that end a subject: 가 이 은 는 께서 (and 에서, whose
 * place is often the actor: "서울시에서"). */
static const char *const subject_marks[] = {
	"께서", "에서", "은", "는", "이", "가",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void
place_add(void *arg, const char *term, size_t len, double w)
{
	struct actors *a = arg;
	int p;

	for (p = 0; p < NPLACES; p++)
		if (strlen(actor_places[p]) == len &&
		    memcmp(actor_places[p], term, len) == 0)
			a->weight[p] = w;
}

void
actors_init(struct actors *a, const struct config *c, const struct names *nm)
{
	const char *v;

	memset(a, 0, sizeof(*a));
	a->names = nm;
	memcpy(a->weight, place_dflt, sizeof(a->weight));
	a->pair = c->names.pair;
	if (c->names.weights != NULL)
		cue_parse(c->names.weights, place_add, a);
	/* heads: "회장 시장=시": a title, and what of it stays a name. */
	v = c->names.heads;
	while (v != NULL && *v != '\0') {
		size_t n = strcspn(v, " \t\n");
		const char *eq = memchr(v, '=', n);

		if (n > 0) {
			size_t hl = eq ? (size_t)(eq - v) : n;

			struct actor_head *h;

			VEC_GROW(a->heads, a->headcap, a->nheads + 1);
			h = &a->heads[a->nheads++];
			h->title = strndup(v, hl);
			h->keep = eq ? strndup(eq + 1, n - hl - 1) :
			    xstrdup("");
		}
		v += n;
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
	}
}

void
actors_free(struct actors *a)
{
	size_t i;

	for (i = 0; i < a->nheads; i++) {
		free(a->heads[i].title);
		free(a->heads[i].keep);
	}
	free(a->heads);
	memset(a, 0, sizeof(*a));
}

static int
ends_with(const char *s, size_t len, const char *suf)
{
	size_t n = strlen(suf);

	return n < len && memcmp(s + len - n, suf, n) == 0;
}

int
find_subject(const char *b, size_t *hs, size_t *he)
{
	size_t i = 0, k, words = 0, start;

	while (b[i] && words < 12) {
		while (b[i] == ' ')
			i++;
		if (b[i] == '\0')
			break;
		start = i;
		while (b[i] && b[i] != ' ')
			i++;
		words++;
		/* Quotes and brackets may close the word: 'OO'가 */
		for (k = 0; k < NELEM(subject_marks); k++)
			if (ends_with(b + start, i - start,
			    subject_marks[k])) {
				*hs = start;
				*he = i;
				return 1;
			}
	}
	return 0;
}

/* Is c punctuation that wraps a word: quotes, brackets, dots? */
static size_t
wrap_len(const char *s, size_t len, int at_end)
{
	static const char *const wraps[] = {
		"'", "\"", "(", ")", "[", "]", "<", ">", ",", ".", "\xe2\x80\x98",
		"\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe3\x80\x8c",
		"\xe3\x80\x8d", "\xe3\x80\x8e", "\xe3\x80\x8f", "\xe3\x80\x8a",
		"\xe3\x80\x8b", "\xe3\x80\x88", "\xe3\x80\x89", "\xe2\x96\xa1",
		":", ";", "!", "?",
	};
	size_t k, n;

	for (k = 0; k < NELEM(wraps); k++) {
		n = strlen(wraps[k]);
		if (n > len)
			continue;
		if (at_end ? memcmp(s + len - n, wraps[k], n) == 0 :
		    memcmp(s, wraps[k], n) == 0)
			return n;
	}
	return 0;
}

/* Trims wrapping punctuation off [*s, *s + *len). */
static void
unwrap(const char **s, size_t *len)
{
	size_t n;

	while (*len > 0 && (n = wrap_len(*s, *len, 0)) > 0) {
		*s += n;
		*len -= n;
	}
	while (*len > 0 && (n = wrap_len(*s, *len, 1)) > 0)
		*len -= n;
}

static int
better(const struct name_hit *h, const struct name_hit *than)
{
	int a = h->kind == NAME_EXACT, b = than->kind == NAME_EXACT;

	return a != b ? a > b : h->len > than->len;
}

/* Looks w up as written, then without a particle, then without a
 * person's title; the most specific hit wins.  *head is set when a
 * title was taken off. */
static int
lookup_word(const struct actors *a, const char *w, size_t len,
    struct name_hit *h, int *head)
{
	struct name_hit t;
	buf b = {0};
	size_t k, i, n;
	int found = 0;

	*head = 0;
	if (names_lookup(a->names, w, len, h)) {
		if (h->kind == NAME_EXACT)
			return 1;
		found = 1;
	}
	for (k = 0; k < NELEM(particles); k++)
		if (ends_with(w, len, particles[k])) {
			n = len - strlen(particles[k]);
			if (names_lookup(a->names, w, n, &t) &&
			    (!found || better(&t, h))) {
				*h = t;
				found = 1;
			}
			break;
		}
	for (i = 0; i < a->nheads; i++) {
		if (!ends_with(w, len, a->heads[i].title))
			continue;
		buf_reset(&b);
		buf_put(&b, w, len - strlen(a->heads[i].title));
		buf_puts(&b, a->heads[i].keep);
		if (names_lookup(a->names, b.ptr, b.len, &t) &&
		    (!found || better(&t, h))) {
			*h = t;
			*head = 1;
			found = 1;
		}
	}
	buf_free(&b);
	return found;
}

/* Is w one of the person's titles ("회장", "장관")? */
static int
is_head(const struct actors *a, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < a->nheads; i++)
		if (strlen(a->heads[i].title) == len &&
		    memcmp(a->heads[i].title, w, len) == 0)
			return 1;
	return 0;
}

/* Is w a person's title alone, with or without its particle? */
static int
bare_head(const struct actors *a, const char *w, size_t len)
{
	size_t k;

	if (is_head(a, w, len))
		return 1;
	for (k = 0; k < NELEM(particles); k++)
		if (ends_with(w, len, particles[k]))
			return is_head(a, w, len - strlen(particles[k]));
	return 0;
}

struct word_span {
	const char	*s;
	size_t		 len;
};

/* A space, or the ellipsis that joins a headline to its actor in
 * "리튬 95% 회수…OO에너지, ...": how many bytes, or 0. */
static size_t
word_gap(const char *s, size_t len)
{
	if (len >= 1 && s[0] == ' ')
		return 1;
	if (len >= 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0)	/* … */
		return 3;
	return 0;
}

static size_t
split_words(const char *s, size_t len, struct word_span **wp)
{
	size_t i = 0, n = 0, cap = 0, start, k;
	struct word_span *w = NULL;

	while (i < len) {
		while (i < len && (k = word_gap(s + i, len - i)) > 0)
			i += k;
		if (i == len)
			break;
		start = i;
		while (i < len && word_gap(s + i, len - i) == 0)
			i++;
		VEC_GROW(w, cap, n + 1);
		w[n].s = s + start;
		w[n].len = i - start;
		unwrap(&w[n].s, &w[n].len);
		if (w[n].len > 0)
			n++;
	}
	*wp = w;
	return n;
}

static void
push(const struct actors *a, struct actor_list *out, const char *s,
    size_t len, int place, const struct name_hit *h, int pair, int head)
{
	struct actor *x;

	VEC_GROW(out->v, out->cap, out->n + 1);
	x = &out->v[out->n++];
	x->text = s;
	x->len = len;
	x->place = place;
	x->pair = pair;
	x->head = head;
	x->hit = *h;
	x->weight = a->weight[place] * (pair > 1 ? a->pair : 1);
}

/* Pair separators: - and the middle dots. */
static size_t
pair_sep(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '-')
		return 1;
	if (len >= 2 && memcmp(s, "\xc2\xb7", 2) == 0)	/* · */
		return 2;
	if (len >= 3 && (memcmp(s, "\xe3\x86\x8d", 3) == 0 ||	/* ㆍ */
	    memcmp(s, "\xe2\x80\xa7", 3) == 0 ||	/* ‧ */
	    memcmp(s, "\xe3\x83\xbb", 3) == 0))	/* ・ */
		return 3;
	return 0;
}

/* Both sides of a pair, when the word as a whole is no name. */
static int
find_pair(const struct actors *a, const struct word_span *w, int place,
    struct actor_list *out)
{
	size_t i, start = 0, k, before = out->n;
	int side = 0, head;
	struct name_hit h;

	for (i = 0; i <= w->len; i++) {
		k = i < w->len ? pair_sep(w->s + i, w->len - i) : 1;
		if (k == 0)
			continue;
		side++;
		if (i > start && lookup_word(a, w->s + start, i - start, &h,
		    &head))
			push(a, out, w->s + start, i - start, place, &h,
			    side, head);
		start = i + k;
		i += k - 1;
	}
	return side > 1 && out->n > before;
}

/* Looks up the words of one place: runs of three, two, then one word;
 * the first word of the title's first phrase is its start. */
static void
find_in(const struct actors *a, const char *s, size_t len, int place,
    int first_place, struct actor_list *out)
{
	struct word_span *w;
	struct name_hit h;
	size_t nw = split_words(s, len, &w), i, span;
	int head;

	for (i = 0; i < nw; ) {
		int p = i == 0 ? first_place : place;
		int got = 0;

		for (span = 3; span >= 2 && !got; span--) {
			size_t tl;

			/* "중기부 장관" is 중기부 before a title: below */
			if (i + span > nw || is_head(a, w[i + span - 1].s,
			    w[i + span - 1].len))
				continue;
			tl = (size_t)(w[i + span - 1].s + w[i + span - 1].len -
			    w[i].s);
			if (lookup_word(a, w[i].s, tl, &h, &head) &&
			    h.kind == NAME_EXACT) {
				push(a, out, w[i].s, tl, p, &h, 0, head ||
				    (i + span < nw && is_head(a, w[i + span].s,
				    w[i + span].len)));
				i += span;
				got = 1;
			}
		}
		if (got)
			continue;
		if (lookup_word(a, w[i].s, w[i].len, &h, &head)) {
			int next = i + 1 < nw && bare_head(a, w[i + 1].s,
			    w[i + 1].len);

			head = head || next;
			/* "이름 ○○ 회장": after a person's name, the body
			 * they head still starts the title. */
			if (i == 1 && head)
				p = first_place;
			push(a, out, w[i].s, w[i].len, p, &h, 0, head);
			/* The title belongs to the body: "영국 정부" is no
			 * second actor. */
			i += next;
		}
		else
			find_pair(a, &w[i], p, out);
		i++;
	}
	free(w);
}

/* Brackets in the title: "(KIST)", "[LG]". */
static void
find_brackets(const struct actors *a, const char *t,
    struct actor_list *out)
{
	const char *o, *c;

	for (o = t; (o = strpbrk(o, "([")) != NULL; o = c) {
		c = strchr(o, *o == '(' ? ')' : ']');
		if (c == NULL)
			return;
		find_in(a, o + 1, (size_t)(c - o - 1), ACT_BRACKET,
		    ACT_BRACKET, out);
	}
}

size_t
actors_find(const struct actors *a, const struct item *it,
    struct actor_list *out)
{
	const char *t = title_untagged(it->title ? it->title : "");
	size_t le, hs, he, tl = strlen(t);
	int comma;

	out->n = 0;
	if (a->names == NULL)
		return 0;
	le = title_lead(t, &comma);
	/* Without a comma the title has no first phrase: its first word
	 * starts it, and a name may run on ("울산 중구 ..."). */
	if (!comma)
		le = tl;
	find_in(a, t, le, comma ? ACT_LEAD : ACT_TITLE, ACT_START, out);
	if (it->bullets.n > 0 && find_subject(it->bullets.v[0], &hs, &he)) {
		const char *b = it->bullets.v[0];
		size_t ps = hs;
		struct name_hit h;
		int head;

		/* The word before the subject may be its first half: "울산
		 * 중구가"; else it only qualifies it ("환경부 국립환경과학원이"
		 * is the latter). */
		while (ps > 0 && b[ps - 1] == ' ')
			ps--;
		while (ps > 0 && b[ps - 1] != ' ')
			ps--;
		if (bare_head(a, b + hs, he - hs))
			;	/* "의원은": the person the title named */
		else if (ps < hs && lookup_word(a, b + ps, he - ps, &h,
		    &head) && h.kind == NAME_EXACT)
			push(a, out, b + ps, he - ps, ACT_SUBJECT, &h, 0,
			    head);
		else
			find_in(a, b + hs, he - hs, ACT_SUBJECT, ACT_SUBJECT,
			    out);
	}
	if (le < tl)
		find_in(a, t + le, tl - le, ACT_TITLE, ACT_TITLE, out);
	find_brackets(a, t, out);
	return out->n;
}

void
actor_list_free(struct actor_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

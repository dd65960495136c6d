/* dedup.c: finds items that tell the same news and merges them.
 *
 * Comparing every pair is too slow for an archive of ten years (30,000
 * items), so candidates come from an inverted index of title bigrams
 * with prefix filtering (as in the all-pairs set-similarity join): the
 * bigrams of each title are ordered rarest first over the whole corpus,
 * and two titles whose similarity reaches the threshold must share one
 * of the first few of them.  Only those few are indexed and looked up;
 * rare bigrams have short lists. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedup.h"
#include "msg.h"
#include "ngram.h"
#include "util.h"

struct title_rec {
	struct item	*it;
	char		*key;		/* title key */
	char		*lead;		/* key of its first phrase, or NULL */
	uint64_t	*bg;		/* title bigrams, sorted */
	size_t		 nbg;
	uint32_t	*tok;		/* the same as ranks, rarest first */
	size_t		 ntok;
	int		 date;		/* as read, before any merge */
	size_t		 root;		/* the entry it merged into, or self */
	uint64_t	*bb;		/* bullet bigrams, made when needed */
	size_t		 nbb;
	int		 bdone;
};

void
dup_params(struct dup_params *p, const struct config *c)
{
	p->threshold = c->digest.duplicate_threshold;
	p->bullets = c->digest.duplicate_bullets;
	p->days = c->digest.duplicate_days;
}

/* Everything an entry holds lives in the arena a, freed at once. */
static void
entry_make(struct title_rec *e, struct item *it, size_t self, struct arena *a,
    buf *scratch)
{
	const char *t = title_untagged(it->title ? it->title : "");
	uint64_t *bg;
	size_t le;
	int comma;

	memset(e, 0, sizeof(*e));
	e->it = it;
	e->date = it->date;
	e->root = self;
	buf_reset(scratch);
	text_key(scratch, t, strlen(t));
	e->key = arena_strndup(a, buf_cstr(scratch), scratch->len);
	if ((e->nbg = bigrams(e->key, &bg)) > 0) {
		e->bg = arena_alloc(a, e->nbg * sizeof(*e->bg));
		memcpy(e->bg, bg, e->nbg * sizeof(*e->bg));
		free(bg);
	}
	le = title_lead(t, &comma);
	if (comma) {
		buf_reset(scratch);
		text_key(scratch, t, le);
		if (scratch->len > 0)
			e->lead = arena_strndup(a, scratch->ptr, scratch->len);
	}
}

static void
entry_bullets(struct title_rec *e)
{
	buf b = {0}, k = {0};
	size_t i;

	if (e->bdone)
		return;
	e->bdone = 1;
	if (e->it->bullets.n == 0)
		return;
	for (i = 0; i < e->it->bullets.n; i++) {
		buf_puts(&b, e->it->bullets.v[i]);
		buf_putc(&b, ' ');
	}
	text_key(&k, buf_cstr(&b), b.len);
	e->nbb = bigrams(buf_cstr(&k), &e->bb);
	buf_free(&b);
	buf_free(&k);
}

/* Whether every run of digits in a occurs in key b. */
static int
numbers_within(const char *a, const char *b)
{
	const char *p = a, *s;
	char run[64];

	while (*p) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		for (s = p; *p >= '0' && *p <= '9'; p++)
			;
		if ((size_t)(p - s) >= sizeof(run))
			continue;
		memcpy(run, s, (size_t)(p - s));
		run[p - s] = '\0';
		if (strstr(b, run) == NULL)
			return 0;
	}
	return 1;
}

/* Whether the titles leave the match in doubt: other actors named
 * first, or numbers that contradict each other. */
static int
in_doubt(const struct title_rec *a, const struct title_rec *b)
{
	if (a->lead && b->lead && strstr(b->key, a->lead) == NULL &&
	    strstr(a->key, b->lead) == NULL)
		return 1;
	return !numbers_within(a->key, b->key) &&
	    !numbers_within(b->key, a->key);
}

static int
dates_near(int a, int b, int days)
{
	if (a == DATE_NONE || b == DATE_NONE)
		return 1;
	return abs(a - b) <= days;
}

/* Decides a pair whose title similarity is sim. */
static int
decide(struct title_rec *a, struct title_rec *b, double sim,
    const struct dup_params *p)
{
	if (!dates_near(a->date, b->date, p->days))
		return 0;
	if (strcmp(a->key, b->key) == 0 && a->key[0] != '\0')
		return 1;
	if (sim < p->threshold || a->nbg == 0 || b->nbg == 0)
		return 0;
	/* One document does not tell the same news twice in other words:
	 * within a file, similar titles (a plan's 신재생에너지 보급 확대 and
	 * 신재생에너지 신산업 육성) need their bullets to agree as well. */
	if (!in_doubt(a, b) && strcmp(a->it->file, b->it->file) != 0)
		return 1;
	entry_bullets(a);
	entry_bullets(b);
	return a->nbb > 0 && b->nbb > 0 &&
	    bigram_dice(a->bb, a->nbb, b->bb, b->nbb) >= p->bullets;
}

int
dup_same(const struct item *x, const struct item *y,
    const struct dup_params *p, double *similarity)
{
	struct title_rec a, b;
	double sim;
	int r;

	struct arena ar = { NULL };
	buf scratch = {0};

	entry_make(&a, (struct item *)x, 0, &ar, &scratch);
	entry_make(&b, (struct item *)y, 1, &ar, &scratch);
	sim = bigram_dice(a.bg, a.nbg, b.bg, b.nbg);
	if (similarity)
		*similarity = sim;
	r = decide(&a, &b, sim, p);
	free(a.bb);
	free(b.bb);
	arena_free(&ar);
	buf_free(&scratch);
	return r;
}

/* Bigram ranks, rarest first over the whole corpus, through one open
 * addressing table: bigram -> document frequency, then -> rank. */
struct bigram_slot {
	uint64_t	 bg;		/* 0: empty (no bigram packs to 0) */
	uint32_t	 df;
	uint32_t	 rank;
};

static struct bigram_slot *
slot_of(struct bigram_slot *t, size_t mask, uint64_t bg)
{
	size_t h = (size_t)((bg * 0x9E3779B97F4A7C15ULL) >> 20) & mask;

	while (t[h].bg != 0 && t[h].bg != bg)
		h = (h + 1) & mask;
	return &t[h];
}

static void
sort_u32(uint32_t *v, size_t n)
{
	size_t i, k;

	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (k = i; k > 0 && v[k - 1] > x; k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

/* Gives every entry its tokens: its bigrams as ranks, rarest first.
 * Returns the number of distinct bigrams. */
static size_t
rank_tokens(struct title_rec *e, size_t n, struct arena *a)
{
	struct bigram_slot *t, *sl;
	size_t total = 0, size = 1024, mask, i, k, m, nr = 0, maxdf = 0;
	size_t *start;
	uint32_t *where;

	for (i = 0; i < n; i++)
		total += e[i].nbg;
	while (size < total + total / 4)
		size *= 2;
	mask = size - 1;
	t = xcalloc(size, sizeof(*t));
	where = xcalloc(total, sizeof(*where));	/* each bigram's slot */
	for (i = m = 0; i < n; i++)
		for (k = 0; k < e[i].nbg; k++) {
			sl = slot_of(t, mask, e[i].bg[k]);
			if (sl->bg == 0) {
				sl->bg = e[i].bg[k];
				nr++;
			}
			if (++sl->df > maxdf)
				maxdf = sl->df;
			where[m++] = (uint32_t)(sl - t);
		}
	/* Ranks by counting sort on the frequency: rarer first; within
	 * one frequency in table order, which is the same on every run. */
	start = xcalloc(maxdf + 2, sizeof(*start));
	for (i = 0; i < size; i++)
		if (t[i].bg != 0)
			start[t[i].df + 1]++;
	for (i = 1; i <= maxdf + 1; i++)
		start[i] += start[i - 1];
	for (i = 0; i < size; i++)
		if (t[i].bg != 0)
			t[i].rank = (uint32_t)start[t[i].df]++;
	for (i = m = 0; i < n; i++) {
		e[i].ntok = e[i].nbg;
		e[i].tok = arena_alloc(a, e[i].ntok * sizeof(*e[i].tok));
		for (k = 0; k < e[i].nbg; k++)
			e[i].tok[k] = t[where[m++]].rank;
		sort_u32(e[i].tok, e[i].ntok);
	}
	free(where);
	free(start);
	free(t);
	return nr;
}

/* How many of an entry's rarest tokens must be indexed so that any
 * title reaching Dice t shares one of them (Jaccard j = t / (2 - t)). */
static size_t
prefix_len(size_t n, double t)
{
	double j = t > 0 ? t / (2 - t) : 0;
	double need = ceil(j * (double)n - 1e-9);
	size_t p;

	if (need < 1)
		return n;
	p = n - (size_t)need + 1;
	return p > n ? n : p;
}

struct posting {
	size_t	*v;
	size_t	 n, cap;
	size_t	 start;		/* entries before it are out of the window */
};

static void
post_add(struct posting *p, size_t i)
{
	VEC_GROW(p->v, p->cap, p->n + 1);
	p->v[p->n++] = i;
}

/* Groups are kept with the entry read first (the lowest index) as
 * their root. */
static size_t
root_of(struct title_rec *e, size_t i)
{
	while (e[i].root != i)
		i = e[i].root = e[e[i].root].root;
	return i;
}

struct join {
	struct title_rec	*e;
	size_t		 n;
	struct posting	*post;
	size_t		*seen;		/* stamp: the last probe that saw it */
	size_t		 stamp;
	double		*sim;		/* best similarity to an earlier one */
	const struct dup_params *p;
};

static void
link_pair(struct join *j, size_t x, size_t y, double sim)
{
	size_t rx = root_of(j->e, x), ry = root_of(j->e, y);
	size_t later = x > y ? x : y;

	if (sim > j->sim[later])
		j->sim[later] = sim;
	if (rx < ry)
		j->e[ry].root = rx;
	else if (ry < rx)
		j->e[rx].root = ry;
}

/* Whether the titles' Dice coefficient reaches t, counting shared
 * tokens only while enough are left to get there; sets *sim if so. */
static int
overlap_reaches(const struct title_rec *x, const struct title_rec *y, double t,
    double *sim)
{
	size_t na = x->ntok, nb = y->ntok, i = 0, k = 0, n = 0, need;
	double want = t * (double)(na + nb) / 2;

	if (na == 0 || nb == 0)
		return 0;
	need = want <= 0 ? 0 : (size_t)ceil(want - 1e-9);
	if (need > (na < nb ? na : nb))
		return 0;
	while (i < na && k < nb) {
		size_t left = (na - i < nb - k ? na - i : nb - k);

		if (n + left < need)
			return 0;
		if (x->tok[i] < y->tok[k])
			i++;
		else if (x->tok[i] > y->tok[k])
			k++;
		else {
			n++;
			i++;
			k++;
		}
	}
	if (n < need)
		return 0;
	*sim = 2.0 * (double)n / (double)(na + nb);
	return 1;
}

#define PROBE_MAX 512

/* Looks up x's rarest bigrams; every indexed entry that decides to be
 * the same news joins x's group.  With window, index entries dated
 * before x's date less the window are dropped for good. */
static void
probe(struct join *j, size_t x, int window)
{
	struct title_rec *ex = &j->e[x];
	size_t pl = prefix_len(ex->ntok, j->p->threshold), k, m;
	/* A title that shares its rarest bigrams with thousands of others
	 * (hostile input: 50,000 titles "제목 N") is compared with the
	 * nearest PROBE_MAX of them only, so the run stays linear. */
	size_t budget = PROBE_MAX;

	j->stamp++;
	for (k = 0; k < pl && budget > 0; k++) {
		struct posting *ps = &j->post[ex->tok[k]];

		if (window)
			while (ps->start < ps->n &&
			    j->e[ps->v[ps->start]].date <
			    ex->date - j->p->days)
				ps->start++;
		for (m = ps->n; m-- > ps->start;) {
			size_t y = ps->v[m];
			struct title_rec *ey = &j->e[y];
			double sim;

			if (y == x || j->seen[y] == j->stamp)
				continue;
			j->seen[y] = j->stamp;
			if (budget == 0)
				break;
			budget--;
			if (!overlap_reaches(ex, ey, j->p->threshold, &sim))
				continue;
			if (decide(ex, ey, sim, j->p))
				link_pair(j, x, y, sim);
		}
	}
}

static void
index_entry(struct join *j, size_t x)
{
	size_t pl = prefix_len(j->e[x].ntok, j->p->threshold), k;

	for (k = 0; k < pl; k++)
		post_add(&j->post[j->e[x].tok[k]], x);
}

static struct title_rec *cmp_base;

static int
cmp_dated(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int dx = cmp_base[x].date, dy = cmp_base[y].date;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	return (x > y) - (x < y);
}

static void
reset_postings(struct join *j, size_t nranks)
{
	size_t i;

	for (i = 0; i < nranks; i++) {
		j->post[i].n = 0;
		j->post[i].start = 0;
	}
}

/* Dated entries meet in date order, through an index that keeps only
 * the last duplicate_days; undated ones meet every entry. */
static void
join_all(struct join *j, size_t nranks)
{
	size_t *order = xcalloc(j->n, sizeof(*order)), nd = 0, i;
	int undated = 0;

	for (i = 0; i < j->n; i++) {
		if (j->e[i].date == DATE_NONE)
			undated = 1;
		else
			order[nd++] = i;
	}
	cmp_base = j->e;
	qsort(order, nd, sizeof(*order), cmp_dated);
	for (i = 0; i < nd; i++) {
		probe(j, order[i], 1);
		index_entry(j, order[i]);
	}
	if (undated) {
		reset_postings(j, nranks);
		for (i = 0; i < j->n; i++)
			index_entry(j, i);
		for (i = 0; i < j->n; i++)
			if (j->e[i].date == DATE_NONE)
				probe(j, i, 0);
	}
	free(order);
}

static size_t
bullets_len(const struct item *it)
{
	size_t i, n = 0;

	for (i = 0; i < it->bullets.n; i++)
		n += strlen(it->bullets.v[i]);
	return n;
}

static void
merge_into(struct item *r, struct item *x, struct arena *a)
{
	size_t i, j;

	for (i = 0; i < x->urls.n; i++) {
		for (j = 0; j < r->urls.n; j++)
			if (strcmp(r->urls.v[j], x->urls.v[i]) == 0)
				break;
		if (j == r->urls.n)
			strlist_add(&r->urls, a, x->urls.v[i]);
	}
	if (x->date != DATE_NONE &&
	    (r->date == DATE_NONE || x->date < r->date)) {
		r->date = x->date;
		r->date_col = 0;	/* the date is on x's line */
	}
	if (bullets_len(x) > bullets_len(r))
		r->bullets = x->bullets;
	if (r->why != NULL) {
		buf b = {0};

		buf_printf(&b, "%s; merged %s:%d", r->why, x->file, x->line);
		r->why = arena_strdup(a, b.ptr);
		buf_free(&b);
	}
	x->merged = 1;
}

size_t
dedup(struct corpus *cs, const struct config *c, int report)
{
	struct dup_params p;
	struct join j;
	struct arena ar = { NULL };
	buf scratch = {0};
	size_t n = 0, i, nranks, merges = 0;

	dup_params(&p, c);
	memset(&j, 0, sizeof(j));
	j.e = xcalloc(cs->n, sizeof(*j.e));
	for (i = 0; i < cs->n; i++)
		if (!cs->items[i].merged && cs->items[i].title != NULL) {
			entry_make(&j.e[n], &cs->items[i], n, &ar, &scratch);
			n++;
		}
	buf_free(&scratch);
	j.n = n;
	j.p = &p;
	nranks = rank_tokens(j.e, n, &ar);
	j.post = xcalloc(nranks, sizeof(*j.post));
	j.seen = xcalloc(n, sizeof(*j.seen));
	j.sim = xcalloc(n, sizeof(*j.sim));
	join_all(&j, nranks);
	/* In input order, so that URLs keep the order they were read in. */
	for (i = 0; i < n; i++) {
		size_t r = root_of(j.e, i);

		if (r == i)
			continue;
		merge_into(j.e[r].it, j.e[i].it, &cs->arena);
		merges++;
		if (report)
			printf("%s:%d: merged into %s:%d (similarity %.2f): "
			    "%s\n", j.e[i].it->file, j.e[i].it->line,
			    j.e[r].it->file, j.e[r].it->line, j.sim[i],
			    msg_title(j.e[i].it->title));
	}
	for (i = 0; i < nranks; i++)
		free(j.post[i].v);
	for (i = 0; i < n; i++)
		free(j.e[i].bb);
	arena_free(&ar);
	free(j.post);
	free(j.seen);
	free(j.sim);
	free(j.e);
	return merges;
}

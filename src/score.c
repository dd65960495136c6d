/* score.c: an item's text scored against the weighted cues of
 * digest.conf, zone by zone.
 *
 * The actor of a Korean news item is usually the first phrase of its
 * title ("산자부, ...") or the subject of its first bullet ("OO가 ..."),
 * so every cue counts by the zone it is found in: [classify] gives one
 * factor per zone for sectors and one for org types.  The best score
 * wins, and the explanation lists the cues that made it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "classify.h"
#include "ngram.h"
#include "score.h"
#include "util.h"

static const char *const zone_names[NZONES] = {
	"title-start", "title", "subject", "before-subject", "bullet1",
	"bullets",
};

/* Defaults for [classify] sector_zones and org_zones. */
static const double sector_dflt[NZONES] = { 3, 3, 1, 1, 1, 0.5 };
static const double org_dflt[NZONES] = { 4, 1, 4, 1.5, 0.3, 0.1 };

/* Suffixes and shapes are names of actors: they are looked for only
 * where actors are named, not in the running text of the bullets. */
static const int word_zone[NZONES] = { 1, 1, 1, 1, 0, 0 };

static void
on_hit(void *arg, const struct cue *q)
{
	struct scorer *s = arg;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].q == q && s->v[i].zone == s->zone) {
			s->v[i].n++;
			return;
		}
	VEC_GROW(s->v, s->cap, s->n + 1);
	s->v[s->n].q = q;
	s->v[s->n].zone = s->zone;
	s->v[s->n].n = 1;
	s->v[s->n].word = s->word;
	s->v[s->n].wlen = s->wlen;
	s->n++;
}

/* Scans text[0..len) as zone: keywords and names, then each word for
 * suffixes and shapes. */
static void
scan_zone(struct scorer *s, const char *text, size_t len, int zone)
{
	size_t i = 0, adv, start;
	int cp;

	if (len == 0)
		return;
	s->zone = zone;
	s->word = NULL;
	s->wlen = 0;
	/* Zones are tails of one string: the frame word after a keyword
	 * may lie in the next zone. */
	cues_scan(s->cu, s->set, text, len, strlen(text), on_hit, s);
	if (!word_zone[zone] || s->set->nwordcues == 0)
		return;
	while (i < len) {
		cp = utf8_decode(text + i, len - i, &adv);
		if (cp < 0 || !cue_wordchar(cp)) {
			i += cp < 0 ? 1 : adv;
			continue;
		}
		start = i;
		while (i < len && (cp = utf8_decode(text + i, len - i,
		    &adv)) >= 0 && cue_wordchar(cp))
			i += adv;
		s->word = text + start;
		s->wlen = i - start;
		cues_word(s->cu, s->set, text + start, i - start, on_hit, s);
	}
	s->word = NULL;
	s->wlen = 0;
}

static void
scan_item(struct scorer *s, const struct item *it)
{
	const char *t = title_untagged(it->title ? it->title : "");
	size_t hs, he, i;
	int comma;
	size_t le = title_lead(t, &comma);

	scan_zone(s, t, le, ZONE_LEAD);
	scan_zone(s, t + le, strlen(t) - le, ZONE_TITLE);
	if (it->bullets.n == 0)
		return;
	{
		const char *b = it->bullets.v[0];

		if (find_subject(b, &hs, &he)) {
			scan_zone(s, b, hs, ZONE_PRE);
			scan_zone(s, b + hs, he - hs, ZONE_SUBJECT);
			scan_zone(s, b + he, strlen(b) - he, ZONE_BULLET1);
		} else
			scan_zone(s, b, strlen(b), ZONE_BULLET1);
	}
	for (i = 1; i < it->bullets.n && !s->head_only; i++)
		scan_zone(s, it->bullets.v[i], strlen(it->bullets.v[i]),
		    ZONE_BULLETS);
}

static double
hit_points(const struct cue_hit *h, const double *factor, int repeat)
{
	int n = h->n < repeat ? h->n : repeat;

	return h->q->weight * factor[h->zone] * n;
}

/* The best taxon among those allowed (allowed == NULL: all) that have a
 * cue, each with its prior added; -1 when none scores above zero.
 * *next gets the runner-up. */
static int
best_taxon(const struct scorer *s, size_t ntaxa, const int *allowed,
    const double *prior, const double *factor, int repeat, double *score,
    int *next)
{
	double *sum = xcalloc(ntaxa, sizeof(*sum));
	int *hits;
	size_t i;
	int best = -1, second = -1;

	hits = xcalloc(ntaxa, sizeof(*hits));
	for (i = 0; i < s->n; i++) {
		sum[s->v[i].q->taxon] += hit_points(&s->v[i], factor, repeat);
		hits[s->v[i].q->taxon] |= !s->v[i].q->framed;
	}
	for (i = 0; i < ntaxa; i++) {
		if (!hits[i] || (allowed && !allowed[i]))
			continue;
		sum[i] += prior[i];
		if (sum[i] <= 0)
			continue;
		if (best < 0 || sum[i] > sum[best]) {
			second = best;
			best = (int)i;
		} else if (second < 0 || sum[i] > sum[second])
			second = (int)i;
	}
	*score = best >= 0 ? sum[best] : 0;
	*next = second;
	if (second >= 0)
		score[1] = sum[second];
	free(sum);
	free(hits);
	return best;
}

static int
cmp_points(const void *a, const void *b)
{
	const double *x = a, *y = b;

	return (x[0] < y[0]) - (x[0] > y[0]);
}

/* Appends the cues that gave taxon its score, best first. */
static void
explain_hits(buf *b, const struct scorer *s, int taxon,
    const double *factor, int repeat)
{
	double (*order)[2] = xcalloc(s->n + 1, sizeof(*order));
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		if (s->v[i].q->taxon == taxon && s->v[i].q->weight != 0) {
			order[n][0] = hit_points(&s->v[i], factor, repeat);
			order[n][1] = (double)i;
			n++;
		}
	qsort(order, n, sizeof(*order), cmp_points);
	for (i = 0; i < n && i < 6; i++) {
		const struct cue_hit *h = &s->v[(size_t)order[i][1]];

		if (h->word != NULL)
			buf_printf(b, " %.*s(%s,%s%s", (int)h->wlen, h->word,
			    zone_names[h->zone],
			    h->q->kind == CUE_SUFFIX ? "~" : "", h->q->term);
		else
			buf_printf(b, " %s(%s", h->q->term,
			    zone_names[h->zone]);
		if (h->n > 1)
			buf_printf(b, " x%d", h->n);
		buf_printf(b, ")%+g", order[i][0]);
	}
	if (n > 6)
		buf_printf(b, " +%zu more", n - 6);
	free(order);
}

/* The keywords that did not count for the frame word after them. */
static void
explain_framed(buf *b, const struct scorer *s)
{
	size_t i;
	const char *sep = " (framed:";

	for (i = 0; i < s->n; i++)
		if (s->v[i].q->framed) {
			buf_printf(b, "%s %s(%s", sep, s->v[i].q->term,
			    zone_names[s->v[i].zone]);
			if (s->v[i].n > 1)
				buf_printf(b, " x%d", s->v[i].n);
			buf_putc(b, ')');
			sep = "";
		}
	if (*sep == '\0')
		buf_putc(b, ')');
}

/* The taxon editors marked "fallback = yes" among the allowed, else the
 * first allowed. */
static int
fallback(const int *marked, size_t n, const int *allowed)
{
	size_t i;
	int first = -1;

	for (i = 0; i < n; i++) {
		if (allowed && !allowed[i])
			continue;
		if (first < 0)
			first = (int)i;
		if (marked[i])
			return (int)i;
	}
	return first >= 0 ? first : 0;
}

struct zone_parse {
	double	*factor;
	int	 bad;
};

static void
zone_add(void *arg, const char *term, size_t len, double w)
{
	struct zone_parse *zp = arg;
	int z;

	for (z = 0; z < NZONES; z++)
		if (strlen(zone_names[z]) == len &&
		    memcmp(zone_names[z], term, len) == 0) {
			zp->factor[z] = w;
			return;
		}
	zp->bad++;
}

void
score_weights(struct weights *w, const struct config *c)
{
	struct zone_parse zp;
	size_t i;

	for (i = 0; i < c->nsectors; i++) {
		w->sector_prior[i] = c->sectors[i].prior;
		w->sector_fallback[i] = c->sectors[i].fallback;
	}
	for (i = 0; i < c->norgs; i++) {
		w->org_prior[i] = c->orgs[i].prior;
		w->org_fallback[i] = c->orgs[i].fallback;
	}
	memcpy(w->sector, sector_dflt, sizeof(w->sector));
	memcpy(w->org, org_dflt, sizeof(w->org));
	w->repeat = c->classify.repeat > 0 ? c->classify.repeat : 3;
	if (c->classify.sector_zones != NULL) {
		zp.factor = w->sector;
		zp.bad = 0;
		cue_parse(c->classify.sector_zones, zone_add, &zp);
	}
	if (c->classify.org_zones != NULL) {
		zp.factor = w->org;
		zp.bad = 0;
		cue_parse(c->classify.org_zones, zone_add, &zp);
	}
}

/* Decides one of sectors or orgs for an item and explains it. */
int
score_decide(struct scorer *s, const struct taxon *t, size_t nt,
    const int *allowed, const double *prior, const int *fb,
    const double *factor, int repeat, const char *what, buf *why,
    struct outcome *oc)
{
	double score[2] = { 0, 0 };
	int best, next;

	best = best_taxon(s, nt, allowed, prior, factor, repeat, score,
	    &next);
	if (best < 0) {
		best = fallback(fb, nt, allowed);
		if (oc) {
			oc->rule = RULE_PRIOR;
			oc->runner = -1;
			oc->sure = 0;
		}
		if (why)
			buf_printf(why, "%s=%s: rule prior (no cue), sure 0",
			    what, t[best].id);
		return best;
	}
	if (oc) {
		oc->rule = RULE_CUES;
		oc->runner = next;
		/* The margin over the runner-up, as a share of the best. */
		oc->sure = next >= 0 && score[0] > 0 ?
		    (score[0] - score[1]) / score[0] : 1;
	}
	if (why) {
		buf_printf(why, "%s=%s: rule cues", what, t[best].id);
		if (oc)
			buf_printf(why, ", sure %.2f", oc->sure);
		buf_printf(why, "; %g:", score[0]);
		if (prior[best] != 0)
			buf_printf(why, " prior%+g", prior[best]);
		explain_hits(why, s, best, factor, repeat);
		if (next >= 0)
			buf_printf(why, " (next %s %g)", t[next].id,
			    score[1]);
		explain_framed(why, s);
	}
	return best;
}

void
score_scan(struct scorer *s, const struct cues *cu, const struct cueset *set,
    const struct item *it)
{
	s->n = 0;
	s->cu = cu;
	s->set = set;
	scan_item(s, it);
}

void
score_free(struct scorer *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* classify.c: section, sector and organisation type from the weighted
 * cues of digest.conf (see cues.h for their syntax).
 *
 * The actor of a Korean news item is usually the first phrase of its
 * title ("산자부, ...") or the subject of its first bullet ("OO가 ..."),
 * so every cue counts by the zone it is found in: [classify] gives one
 * factor per zone for sectors and one for org types.  The best score
 * wins; the section follows from the org type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actor.h"
#include "classify.h"
#include "correct.h"
#include "cues.h"
#include "msg.h"
#include "names.h"
#include "ngram.h"
#include "util.h"

enum zone {
	ZONE_LEAD,	/* the title's first phrase, before its comma */
	ZONE_TITLE,	/* the rest of the title */
	ZONE_SUBJECT,	/* the first bullet's subject: "OO가" */
	ZONE_PRE,	/* the words before that subject */
	ZONE_BULLET1,	/* the rest of the first bullet */
	ZONE_BULLETS,	/* the other bullets */
	NZONES
};

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

struct hit {
	const struct cue *q;
	int		 zone;
	int		 n;
	const char	*word;		/* the word a shape fitted */
	size_t		 wlen;
};

struct scorer {
	const struct cues *cu;
	const struct cueset *set;
	struct hit	*v;
	size_t		 n, cap;
	int		 zone;
	const char	*word;
	size_t		 wlen;
	int		 head_only;	/* the title and first bullet only */
};

struct weights {
	double		 sector[NZONES];
	double		 org[NZONES];
	int		 repeat;
	double		 sector_prior[TAXON_MAX];
	double		 org_prior[TAXON_MAX];
};

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
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
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
	cues_scan(s->cu, s->set, text, len, on_hit, s);
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
hit_points(const struct hit *h, const double *factor, int repeat)
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
		hits[s->v[i].q->taxon] = 1;
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
		const struct hit *h = &s->v[(size_t)order[i][1]];

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

static int
is_yes(const char *v)
{
	return v != NULL && (strcasecmp(v, "yes") == 0 ||
	    strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* The taxon editors marked "fallback = yes" among the allowed, else the
 * first allowed. */
static int
fallback(const struct config *c, const struct taxon *t, size_t n,
    const int *allowed)
{
	size_t i;
	int first = -1;

	for (i = 0; i < n; i++) {
		if (allowed && !allowed[i])
			continue;
		if (first < 0)
			first = (int)i;
		if (is_yes(config_get(c, t[i].conf, "fallback")))
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

static void
load_weights(struct weights *w, const struct config *c)
{
	struct zone_parse zp;
	const char *v;
	size_t i;

	for (i = 0; i < c->nsectors; i++)
		w->sector_prior[i] = (v = config_get(c, c->sectors[i].conf,
		    "prior")) ? atof(v) : 0;
	for (i = 0; i < c->norgs; i++)
		w->org_prior[i] = (v = config_get(c, c->orgs[i].conf,
		    "prior")) ? atof(v) : 0;
	memcpy(w->sector, sector_dflt, sizeof(w->sector));
	memcpy(w->org, org_dflt, sizeof(w->org));
	w->repeat = 3;
	if ((v = config_get(c, "classify", "sector_zones")) != NULL) {
		zp.factor = w->sector;
		zp.bad = 0;
		cue_parse(v, zone_add, &zp);
	}
	if ((v = config_get(c, "classify", "org_zones")) != NULL) {
		zp.factor = w->org;
		zp.bad = 0;
		cue_parse(v, zone_add, &zp);
	}
	if ((v = config_get(c, "classify", "repeat")) != NULL &&
	    atoi(v) > 0)
		w->repeat = atoi(v);
}

/* How a decision came out, for items -v and the review list. */
struct outcome {
	int	 rule;
	int	 runner;
	double	 sure;
};

/* Decides one of sectors or orgs for an item and explains it. */
static int
decide(struct scorer *s, const struct config *c, const struct taxon *t,
    size_t nt, const int *allowed, const double *prior,
    const double *factor, int repeat, const char *what, buf *why,
    struct outcome *oc)
{
	double score[2] = { 0, 0 };
	int best, next;

	best = best_taxon(s, nt, allowed, prior, factor, repeat, score,
	    &next);
	if (best < 0) {
		best = fallback(c, t, nt, allowed);
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
	}
	return best;
}

/* Scores item against one set of cues (the sectors' or the orgs'). */
static void
scan_with(struct scorer *s, const struct cues *cu, const struct cueset *set,
    const struct item *it)
{
	s->n = 0;
	s->cu = cu;
	s->set = set;
	scan_item(s, it);
}

/* A narrower sector that the issue does not print on its own (its
 * "within" names the broader one) files its items under the broader
 * sector, as the editors do: hydrogen news goes under carbon
 * neutrality while there is no hydrogen block. */
static int
fold_sector(const struct config *c, int sector, buf *why)
{
	const char *v = config_get(c, c->sectors[sector].conf, "within");
	int to;

	if (v == NULL || (to = config_sector_index(c, v)) < 0 || to == sector)
		return sector;
	if (why)
		buf_printf(why, " -> %s (within)", c->sectors[to].id);
	return to;
}

/* Looks for a tag among a sector's keywords. */
struct tag_search {
	const char	*tag;
	double		 weight;
	int		 found;
};

static void
tag_keyword(void *arg, const char *term, size_t len, double weight)
{
	struct tag_search *ts = arg;
	size_t n = strlen(ts->tag);

	if (len == n && memcmp(term, ts->tag, n) == 0 &&
	    (!ts->found || weight > ts->weight)) {
		ts->weight = weight;
		ts->found = 1;
	}
}

/* A broad sector wins a keyword as the classifier would have it: its
 * "prior" is added to the keyword's weight. */
int
classify_tag(const struct config *c, const char *tag)
{
	struct tag_search ts;
	size_t i, n;
	const char *p;
	char word[128];
	double score, best = 0;
	int besti = -1;

	for (i = 0; i < c->nsectors; i++) {
		const struct taxon *x = &c->sectors[i];
		const char *tags = config_get(c, x->conf, "tags");

		for (p = tags; p && *p; p += n) {
			p += strspn(p, " ,\n\t");
			n = strcspn(p, " ,\n\t");
			if (n > 0 && n < sizeof(word)) {
				memcpy(word, p, n);
				word[n] = '\0';
				if (str_eq_nospace(word, tag))
					return (int)i;
			}
		}
		n = strcspn(x->name, " ");
		if (n < sizeof(word)) {
			memcpy(word, x->name, n);
			word[n] = '\0';
			if (str_eq_nospace(word, tag))
				return (int)i;
		}
	}
	for (i = 0; i < c->nsectors; i++) {
		const struct taxon *x = &c->sectors[i];
		const char *kw = config_get(c, x->conf, "keywords");
		const char *prior = config_get(c, x->conf, "prior");

		memset(&ts, 0, sizeof(ts));
		ts.tag = tag;
		if (kw == NULL)
			continue;
		cue_parse(kw, tag_keyword, &ts);
		if (!ts.found)
			continue;
		score = ts.weight + (prior ? atof(prior) : 0);
		if (besti < 0 || score > best) {
			besti = (int)i;
			best = score;
		}
	}
	return besti;
}

/* Hangul syllables in s, or -1 when s has anything else. */
static int
syllables(const char *s, size_t len)
{
	size_t i = 0, adv;
	int n = 0, cp;

	while (i < len) {
		if ((cp = utf8_decode(s + i, len - i, &adv)) < 0 ||
		    !is_hangul(cp))
			return -1;
		n++;
		i += adv;
	}
	return n;
}

int
classify_issuer(const struct config *c, const char *w, size_t n)
{
	const char *list, *p;
	size_t i, m;

	/* A body's name: three Hangul syllables or more (산업부). */
	if (syllables(w, n) < 3)
		return -1;
	for (i = 0; i < c->norgs; i++) {
		if ((list = config_get(c, "outline", c->orgs[i].id)) == NULL)
			continue;
		for (p = list; *p; p += m) {
			p += strspn(p, " \t\n");
			m = strcspn(p, " \t\n");
			if (m > 0 && m < n && memcmp(w + n - m, p, m) == 0)
				return (int)i;
		}
	}
	return -1;
}

const char *const rule_names[NRULES] = {
	"correction", "label", "names", "cues", "prior",
};

/* Everything one run of the classifier reads. */
struct ctx {
	const struct config *c;
	struct cues	 cu;
	struct weights	 w;
	struct scorer	 ss, so;
	struct names	*names;
	struct actors	 act;
	struct corrections corr;
	int		 use_labels;
	double		 names_min;
	int		 within[TAXON_MAX];	/* a sector's broader one, -1 */
	int		 has_narrow[TAXON_MAX];	/* a sector is within it */
};

/* The org type the actors found give, summing each actor's weight by
 * type: the best allowed one, or -1 when no actor is known. */
static int
decide_names(struct ctx *x, struct item *it, const int *allowed, buf *why,
    struct outcome *oc, struct arena *ar)
{
	struct actor a[ACTOR_MAX];
	double sum[TAXON_MAX] = {0}, total = 0;
	size_t n = actors_find(&x->act, it, a), i;
	int best = -1, next = -1, top = -1;

	int order[TAXON_MAX], no = 0, k;

	for (i = 0; i < n; i++) {
		int o = a[i].hit.org;

		if (allowed && !allowed[o])
			continue;
		if (sum[o] == 0)
			order[no++] = o;
		sum[o] += a[i].weight;
		total += a[i].weight;
	}
	/* In the order first named, so that a tie goes to the type named
	 * first (the title's start before the bullet). */
	for (k = 0; k < no; k++) {
		int o = order[k];

		if (best < 0 || sum[o] > sum[best]) {
			next = best;
			best = o;
		} else if (next < 0 || sum[o] > sum[next])
			next = o;
	}
	/* Actors named only in passing do not outweigh the cues. */
	if (best < 0 || sum[best] < x->names_min)
		return -1;
	/* The strongest actor of the winning type names it. */
	for (i = 0, top = -1; i < n; i++)
		if (a[i].hit.org == best && (top < 0 ||
		    a[i].weight > a[top].weight))
			top = (int)i;
	oc->rule = RULE_NAMES;
	oc->runner = next;
	oc->sure = (sum[best] - (next >= 0 ? sum[next] : 0)) / total;
	it->actor = arena_strndup(ar, a[top].text, a[top].len);
	if (why) {
		buf_printf(why, "org=%s: rule names, sure %.2f; actors:",
		    x->c->orgs[best].id, oc->sure);
		for (i = 0; i < n; i++) {
			const struct name_hit *h = &a[i].hit;

			const char *f = strrchr(h->file, '/');

			buf_printf(why, " %.*s(%s%s%s)=%s[%s%s %s:%d]%+g",
			    (int)a[i].len, a[i].text,
			    actor_places[a[i].place],
			    a[i].pair ? ",pair" : "",
			    a[i].head ? ",head" : "", x->c->orgs[h->org].id,
			    h->kind == NAME_EXACT ? "" : h->kind ==
			    NAME_PREFIX ? "starts " : "ends ", h->entry,
			    f ? f + 1 : h->file, h->line,
			    allowed && !allowed[h->org] ? 0 : a[i].weight);
		}
		if (next >= 0)
			buf_printf(why, " (next %s %g)", x->c->orgs[next].id,
			    sum[next]);
	}
	return best;
}

/* The narrow sector of an item whose broad sector the input labelled:
 * the one its title and first bullet are about when that one files
 * under the label, else the label itself.  Only labels with a sector
 * within them are looked at, and not the other bullets: a label spares
 * the full scan, and 30,000 labelled items should stay cheap. */
static int
narrow_under(struct ctx *x, const struct item *it)
{
	const struct config *c = x->c;
	int best;

	if (!x->has_narrow[it->sector])
		return it->sector;
	x->ss.head_only = 1;
	scan_with(&x->ss, &x->cu, &x->cu.sectors, it);
	x->ss.head_only = 0;
	best = decide(&x->ss, c, c->sectors, c->nsectors, NULL,
	    x->w.sector_prior, x->w.sector, x->w.repeat, "sector", NULL, NULL);
	return best != it->sector && x->within[best] == it->sector ?
	    best : it->sector;
}

/* Imposes an editor's correction; returns the LABEL_* it set. */
static unsigned
apply_correction(struct ctx *x, struct item *it)
{
	struct correction *k = corrections_match(&x->corr, it);
	unsigned set = 0;

	if (k == NULL)
		return 0;
	if (k->section >= 0) {
		it->section = k->section;
		set |= LABEL_SECTION;
	}
	if (k->sector >= 0) {
		it->sector = k->sector;
		set |= LABEL_SECTOR;
	}
	if (k->org >= 0) {
		it->org = k->org;
		set |= LABEL_ORG;
		/* The section follows the org unless imposed too. */
		if (k->section < 0) {
			it->section = x->c->orgs[k->org].section;
			set |= LABEL_SECTION;
		}
	}
	return set;
}

static void
classify_sector(struct ctx *x, struct item *it, unsigned fixed, buf *why)
{
	const struct config *c = x->c;
	struct outcome oc;

	if (it->sector >= 0) {
		if (why)
			buf_printf(why, "sector=%s: rule %s",
			    c->sectors[it->sector].id, fixed & LABEL_SECTOR ?
			    "correction" : "label");
		it->narrow = narrow_under(x, it);
		if (why && it->narrow != it->sector)
			buf_printf(why, " (narrow %s)",
			    c->sectors[it->narrow].id);
		return;
	}
	scan_with(&x->ss, &x->cu, &x->cu.sectors, it);
	/* oc only for why: the review list is about the org type. */
	it->narrow = decide(&x->ss, c, c->sectors, c->nsectors, NULL,
	    x->w.sector_prior, x->w.sector, x->w.repeat, "sector", why, &oc);
	it->sector = fold_sector(c, it->narrow, why);
}

static void
classify_org(struct ctx *x, struct item *it, unsigned fixed, buf *why,
    struct arena *ar)
{
	const struct config *c = x->c;
	struct outcome oc = { RULE_LABEL, -1, 1 };
	int *allowed = NULL;
	size_t i;

	if (it->org >= 0) {
		oc.rule = fixed & LABEL_ORG ? RULE_CORRECTION : RULE_LABEL;
		if (why)
			buf_printf(why, "org=%s: rule %s", c->orgs[it->org].id,
			    rule_names[oc.rule]);
	} else {
		/* A section label leaves only its org types. */
		if (it->section >= 0) {
			allowed = xcalloc(c->norgs, sizeof(*allowed));
			for (i = 0; i < c->norgs; i++)
				allowed[i] = c->orgs[i].section == it->section;
		}
		if ((it->org = decide_names(x, it, allowed, why, &oc,
		    ar)) < 0) {
			scan_with(&x->so, &x->cu, &x->cu.orgs, it);
			it->org = decide(&x->so, c, c->orgs, c->norgs, allowed,
			    x->w.org_prior, x->w.org, x->w.repeat, "org", why,
			    &oc);
		}
		free(allowed);
	}
	it->rule = oc.rule;
	it->runner = oc.runner;
	it->sure = oc.sure;
}

/* The labels a parser recorded as the text gave them: a trend
 * clipping's tag names a sector, an outline's heading body an org. */
static void
text_labels(struct ctx *x, struct item *it, buf *why)
{
	struct name_hit h;
	int i;

	if (it->tag != NULL && it->sector < 0) {
		if ((i = classify_tag(x->c, it->tag)) >= 0) {
			it->sector = i;
			if (why)
				buf_printf(why, "tag \"%s\"; ", it->tag);
		} else
			msg(MSG_NOTE, it->file, it->line, "clipping tag \"%s\" "
			    "names no sector; left to the classifier",
			    it->tag);
	}
	if (it->issuer != NULL && it->org < 0) {
		const char *w = it->issuer;

		if (names_lookup(x->names, w, strlen(w), &h) &&
		    h.kind == NAME_EXACT)
			i = h.org;
		else
			i = classify_issuer(x->c, w, strlen(w));
		if (i >= 0) {
			it->org = i;
			if (why)
				buf_printf(why, "issuer %s; ", w);
		}
	}
}

static void
classify_item(struct ctx *x, struct item *it, buf *why, struct arena *ar)
{
	const struct config *c = x->c;
	unsigned fixed;

	it->narrow = it->runner = -1;
	it->actor = NULL;
	if (!x->use_labels) {
		it->section = it->sector = it->org = -1;
	} else {
		if (!(it->labels & LABEL_SECTION))
			it->section = -1;
		if (!(it->labels & LABEL_SECTOR))
			it->sector = -1;
		if (!(it->labels & LABEL_ORG))
			it->org = -1;
	}
	if (why)
		buf_reset(why);
	if (x->use_labels)
		text_labels(x, it, why);
	fixed = apply_correction(x, it);
	classify_sector(x, it, fixed, why);
	if (why)
		buf_puts(why, "; ");
	classify_org(x, it, fixed, why, ar);
	if (it->section < 0) {
		it->section = c->orgs[it->org].section;
		if (why)
			buf_printf(why, "; section=%s: from org",
			    c->sections[it->section].id);
	} else if (why)
		buf_printf(why, "; section=%s: rule %s",
		    c->sections[it->section].id, fixed & LABEL_SECTION ?
		    "correction" : "label");
}

int
classify_all(struct corpus *cs, const struct config *c, int use_labels,
    int explain, char *const *corrections, size_t ncorrections)
{
	struct ctx x;
	buf why = {0};
	size_t i;
	int rc = 0;

	memset(&x, 0, sizeof(x));
	x.c = c;
	x.use_labels = use_labels;
	cues_load(&x.cu, c);
	load_weights(&x.w, c);
	if ((x.names = names_load(c)) == NULL)
		rc = -1;
	actors_init(&x.act, c, x.names);
	x.names_min = atof(config_str(c, "names", "min", "0"));
	for (i = 0; i < c->nsectors; i++) {
		const char *v = config_get(c, c->sectors[i].conf, "within");

		x.within[i] = v != NULL ? config_sector_index(c, v) : -1;
		if (x.within[i] >= 0 && (size_t)x.within[i] != i)
			x.has_narrow[x.within[i]] = 1;
	}
	if (corrections_load(&x.corr, corrections, ncorrections, c) == -1)
		rc = -1;
	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		classify_item(&x, it, explain ? &why : NULL, &cs->arena);
		if (explain)
			it->why = arena_strdup(&cs->arena, buf_cstr(&why));
	}
	corrections_report(&x.corr);
	corrections_free(&x.corr);
	actors_free(&x.act);
	names_free(x.names);
	free(x.ss.v);
	free(x.so.v);
	buf_free(&why);
	cues_free(&x.cu);
	return rc;
}

void
classify(struct corpus *cs, const struct config *c, int use_labels,
    int explain)
{
	classify_all(cs, c, use_labels, explain, NULL, 0);
}

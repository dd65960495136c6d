/* classify.c: section, sector and organisation type of every item, in
 * one decision order for every dialect: an editor's correction, a label
 * of the input, an actor found in the name lists (actor.c, names.c),
 * the weighted cues of digest.conf (score.c, cues.c), the fallback.
 * The section follows from the org type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "classify.h"
#include "correct.h"
#include "cues.h"
#include "msg.h"
#include "names.h"
#include "ngram.h"
#include "scan.h"
#include "score.h"
#include "util.h"

/* A narrower sector that the issue does not print on its own (its
 * "within" names the broader one) files its items under the broader
 * sector, as the editors do: hydrogen news goes under carbon
 * neutrality while there is no hydrogen block. */
static int
fold_sector(const struct config *c, const int *within, int sector, buf *why)
{
	int to = within[sector];

	if (to < 0 || to == sector)
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
	size_t i;
	double score, best = 0;
	int besti;

	if ((besti = tag_listed(c, tag)) >= 0)
		return besti;
	for (i = 0; i < c->nsectors; i++) {
		const struct taxon *x = &c->sectors[i];

		memset(&ts, 0, sizeof(ts));
		ts.tag = tag;
		if (x->keywords == NULL)
			continue;
		cue_parse(x->keywords, tag_keyword, &ts);
		if (!ts.found)
			continue;
		score = ts.weight + x->prior;
		if (besti < 0 || score > best) {
			besti = (int)i;
			best = score;
		}
	}
	return besti;
}

/* The suffixes are the configuration's, read by scan.c where the outline
 * parser reads them too. */
int
classify_issuer(const struct config *c, const char *w, size_t n)
{
	return issuer_suffix(c, w, n);
}

const char *const rule_names[NRULES] = {
	"correction", "label", "names", "cues", "prior",
};

/* Everything one run of the classifier reads. */
struct class_inputs {
	const struct config *c;
	struct cues	 cu;
	struct weights	 w;
	struct scorer	 ss, so;
	struct names	*names;
	struct actors	 act;
	struct actor_list found;	/* the item's, reused */
	struct corrections corr;
	int		 use_labels;
	double		 names_min;
	int		 within[TAXON_MAX];	/* a sector's broader one, -1 */
	int		 has_narrow[TAXON_MAX];	/* a sector is within it */
};

/* The org type the actors found give, summing each actor's weight by
 * type: the best allowed one, or -1 when no actor is known. */
static int
decide_names(struct class_inputs *x, struct item *it, const int *allowed,
    buf *why, struct outcome *oc, struct arena *ar)
{
	struct actor *a;
	double sum[TAXON_MAX] = {0}, total = 0;
	size_t n = actors_find(&x->act, it, &x->found), i;
	int best = -1, next = -1, top = -1;
	int order[TAXON_MAX], no = 0, k;

	a = x->found.v;
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
narrow_under(struct class_inputs *x, const struct item *it)
{
	const struct config *c = x->c;
	int best;

	if (!x->has_narrow[it->sector])
		return it->sector;
	x->ss.head_only = 1;
	score_scan(&x->ss, &x->cu, &x->cu.sectors, it);
	x->ss.head_only = 0;
	best = score_decide(&x->ss, c->sectors, c->nsectors, NULL,
	    x->w.sector_prior, x->w.sector_fallback, x->w.sector, x->w.repeat,
	    "sector", NULL, NULL);
	return best != it->sector && x->within[best] == it->sector ?
	    best : it->sector;
}

/* Imposes an editor's correction; returns the LABEL_* it set. */
static unsigned
apply_correction(struct class_inputs *x, struct item *it)
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
classify_sector(struct class_inputs *x, struct item *it, unsigned fixed,
    buf *why)
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
	score_scan(&x->ss, &x->cu, &x->cu.sectors, it);
	/* oc only for why: the review list is about the org type. */
	it->narrow = score_decide(&x->ss, c->sectors, c->nsectors, NULL,
	    x->w.sector_prior, x->w.sector_fallback, x->w.sector, x->w.repeat,
	    "sector", why, &oc);
	it->sector = fold_sector(c, x->within, it->narrow, why);
}

static void
classify_org(struct class_inputs *x, struct item *it, unsigned fixed, buf *why,
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
			score_scan(&x->so, &x->cu, &x->cu.orgs, it);
			it->org = score_decide(&x->so, c->orgs, c->norgs, allowed,
			    x->w.org_prior, x->w.org_fallback, x->w.org,
			    x->w.repeat, "org", why, &oc);
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
text_labels(struct class_inputs *x, struct item *it, buf *why)
{
	struct name_hit h;
	int i;

	if (it->tag != NULL && it->sector < 0) {
		if ((i = classify_tag(x->c, it->tag)) >= 0) {
			it->sector = i;
			if (why)
				buf_printf(why, "tag \"%s\"; ", it->tag);
		} else
			msg(MSG_CLASSIFY_TAG_NO_SECTOR, it->file, it->line, 0,
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
classify_item(struct class_inputs *x, struct item *it, buf *why,
    struct arena *ar)
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

struct classifier {
	struct class_inputs	 x;
	buf		 why;
	int		 explain;
	int		 rc;
};

struct classifier *
classify_begin(const struct config *c, int use_labels, int explain,
    char *const *corrections, size_t ncorrections)
{
	struct classifier *k = xcalloc(1, sizeof(*k));
	struct class_inputs *x = &k->x;
	size_t i;

	x->c = c;
	x->use_labels = use_labels;
	k->explain = explain;
	cues_load(&x->cu, c);
	score_weights(&x->w, c);
	if ((x->names = names_load(c)) == NULL)
		k->rc = -1;
	actors_init(&x->act, c, x->names);
	x->names_min = c->names.min;
	for (i = 0; i < c->nsectors; i++) {
		x->within[i] = c->sectors[i].within;
		if (x->within[i] >= 0 && (size_t)x->within[i] != i)
			x->has_narrow[x->within[i]] = 1;
	}
	if (corrections_load(&x->corr, corrections, ncorrections, c) == -1)
		k->rc = -1;
	return k;
}

void
classify_items(struct classifier *k, struct corpus *cs, size_t from,
    size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		struct item *it = &cs->items[i];

		classify_item(&k->x, it, k->explain ? &k->why : NULL,
		    &cs->arena);
		if (k->explain)
			it->why = arena_strdup(&cs->arena, buf_cstr(&k->why));
	}
}

int
classify_end(struct classifier *k)
{
	struct class_inputs *x = &k->x;
	int rc = k->rc;

	corrections_report(&x->corr);
	corrections_free(&x->corr);
	actors_free(&x->act);
	actor_list_free(&x->found);
	names_free(x->names);
	score_free(&x->ss);
	score_free(&x->so);
	buf_free(&k->why);
	cues_free(&x->cu);
	free(k);
	return rc;
}

int
classify_all(struct corpus *cs, const struct config *c, int use_labels,
    int explain, char *const *corrections, size_t ncorrections)
{
	struct classifier *k = classify_begin(c, use_labels, explain,
	    corrections, ncorrections);

	classify_items(k, cs, 0, cs->n);
	return classify_end(k);
}

void
classify(struct corpus *cs, const struct config *c, int use_labels,
    int explain)
{
	classify_all(cs, c, use_labels, explain, NULL, 0);
}

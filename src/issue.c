/* issue.c: the tree of one issue that every output walks, and the
 * spellings (dates, fields, the period line) every output shares. */
#include "issue.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "pdf_time.h"

int
item_section_of(const struct config *c, const struct item *it)
{
	if (it->section >= 0 && (size_t)it->section < c->nsections)
		return it->section;
	if (it->org >= 0 && (size_t)it->org < c->norgs)
		return c->orgs[it->org].section;
	return -1;
}

int
item_sector_of(const struct config *c, const struct item *it)
{
	return it->sector >= 0 && (size_t)it->sector < c->nsectors ?
	    it->sector : -1;
}

int
item_org_of(const struct config *c, const struct item *it)
{
	return it->org >= 0 && (size_t)it->org < c->norgs ? it->org : -1;
}

static const char *
label(const struct config *c, const struct taxon *t, size_t n, int i)
{
	if (i >= 0 && (size_t)i < n)
		return t[i].name;
	return c->digest.unclassified;
}

const char *
section_label(const struct config *c, int i)
{
	return label(c, c->sections, c->nsections, i);
}

const char *
sector_label(const struct config *c, int i)
{
	return label(c, c->sectors, c->nsectors, i);
}

const char *
org_label(const struct config *c, int i)
{
	return label(c, c->orgs, c->norgs, i);
}

/* -2 stands for any. */
static int
item_in(const struct config *c, const struct item *it, int s, int t, int o)
{
	return (s == -2 || item_section_of(c, it) == s) &&
	    (t == -2 || item_sector_of(c, it) == t) &&
	    (o == -2 || item_org_of(c, it) == o);
}

static size_t
count(const struct itree *T, int s, int t, int o)
{
	size_t i, n = 0;

	for (i = 0; i < T->is->n; i++)
		n += item_in(T->cfg, T->is->items[i], s, t, o);
	return n;
}

static void
fill_group(struct itree *T, struct igroup *g, int s, int t, int o)
{
	size_t i, n = count(T, s, t, o);

	g->org = o;
	g->n = 0;
	g->items = n ? arena_alloc(&T->arena, n * sizeof(*g->items)) : NULL;
	for (i = 0; i < T->is->n; i++)
		if (item_in(T->cfg, T->is->items[i], s, t, o))
			g->items[g->n++] = i;
}

/* The groups of the block of section s, sector t (see issue.h). */
static void
fill_sector(struct itree *T, struct isector *b, int s, int t)
{
	const struct config *c = T->cfg;
	int v[TAXON_MAX + 1];
	size_t o, n = 0, i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (o = 0; o < c->norgs; o++) {
			int own = c->orgs[o].section == s;
			size_t k = count(T, s, t, (int)o);

			if ((pass == 0 && own && (k > 0 || (t >= 0 &&
			    c->orgs[o].show_empty))) ||
			    (pass == 1 && !own && k > 0))
				v[n++] = (int)o;
		}
	if (count(T, s, t, -1) > 0)
		v[n++] = -1;
	b->sector = t;
	b->ngroups = n;
	b->nitems = 0;
	b->groups = arena_alloc(&T->arena, (n ? n : 1) * sizeof(*b->groups));
	for (i = 0; i < n; i++) {
		fill_group(T, &b->groups[i], s, t, v[i]);
		b->nitems += b->groups[i].n;
	}
}

/* A sector has its block in a section when it has items there, or
 * anywhere in the issue (so the sectors of the week show in every
 * section, their empty groups saying so), or when digest.conf says
 * show_empty for it. */
static int
sector_shown(const struct itree *T, int s, int t)
{
	if (count(T, s, t, -2) > 0)
		return 1;
	if (t < 0 || s < 0)
		return 0;
	return count(T, -2, t, -2) > 0 || T->cfg->sectors[t].show_empty;
}

static void
fill_section(struct itree *T, struct isection *sec, int s)
{
	const struct config *c = T->cfg;
	size_t t;

	sec->section = s;
	sec->nsectors = 0;
	sec->nitems = count(T, s, -2, -2);
	sec->sectors = arena_alloc(&T->arena,
	    (c->nsectors + 1) * sizeof(*sec->sectors));
	for (t = 0; t <= c->nsectors; t++) {
		int id = t < c->nsectors ? (int)t : -1;
		struct isector *b = &sec->sectors[sec->nsectors];

		if (!sector_shown(T, s, id))
			continue;
		fill_sector(T, b, s, id);
		if (b->ngroups > 0)
			sec->nsectors++;
	}
}

void
itree_build(struct itree *T, const struct config *c, const struct issue *is)
{
	size_t s;

	memset(T, 0, sizeof(*T));
	T->cfg = c;
	T->is = is;
	T->sections = arena_alloc(&T->arena,
	    (c->nsections + 1) * sizeof(*T->sections));
	for (s = 0; s < c->nsections; s++)
		fill_section(T, &T->sections[T->nsections++], (int)s);
	if (count(T, -1, -2, -2) > 0)
		fill_section(T, &T->sections[T->nsections++], -1);
}

void
itree_free(struct itree *T)
{
	arena_free(&T->arena);
	memset(T, 0, sizeof(*T));
}

const struct item *
itree_next(const struct itree *T, const struct isection *sec,
    struct icursor *c, size_t *at)
{
	while (c->sector < sec->nsectors) {
		const struct isector *b = &sec->sectors[c->sector];

		if (c->group >= b->ngroups) {
			c->sector++;
			c->group = c->i = 0;
		} else if (c->i >= b->groups[c->group].n) {
			c->group++;
			c->i = 0;
		} else {
			size_t k = b->groups[c->group].items[c->i++];

			if (at != NULL)
				*at = k;
			return T->is->items[k];
		}
	}
	return NULL;
}

const struct item *
itree_item(const struct itree *T, const struct igroup *g, size_t i)
{
	return T->is->items[g->items[i]];
}

void
date_dots(int date, char out[16])
{
	int y, m, d;

	out[0] = '\0';
	if (date == DATE_NONE)
		return;
	date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	date_digits((unsigned)y, (unsigned)m, (unsigned)d, '.', out);
}

void
fill_fields(buf *b, const char *tmpl, const char *const *vars)
{
	const char *p = tmpl, *open, *close;
	size_t i;

	while ((open = strchr(p, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		buf_put(b, p, (size_t)(open - p));
		for (i = 0; vars[i] != NULL; i += 2)
			if (strlen(vars[i]) == (size_t)(close - open - 1) &&
			    strncmp(vars[i], open + 1, (size_t)(close - open -
			    1)) == 0)
				break;
		if (vars[i] != NULL) {
			buf_puts(b, vars[i + 1]);
			p = close + 1;
		} else {
			/* Not a field: the brace is text, and a field may
			 * start after it ("{{date}"). */
			buf_putc(b, '{');
			p = open + 1;
		}
	}
	buf_puts(b, p);
	buf_cstr(b);
}

void
weekday_name(const struct config *c, int wd, buf *b)
{
	const char *p = c->digest.weekday_names;
	size_t len;

	for (;;) {
		p += strspn(p, " \t\n");
		len = strcspn(p, " \t\n");
		if (len == 0)
			return;
		if (wd-- == 0)
			break;
		p += len;
	}
	buf_put(b, p, len);
}

void
issue_period(const struct config *c, const struct issue *is, buf *b)
{
	char date[16], first[16], last[16], num[16];
	const char *vars[11];
	buf wd = {0};

	date_dots(is->date, date);
	date_dots(is->first, first);
	date_dots(is->last, last);
	snprintf(num, sizeof(num), "%d", is->number);
	weekday_name(c, date_weekday(is->date), &wd);
	vars[0] = "date", vars[1] = date;
	vars[2] = "weekday", vars[3] = buf_cstr(&wd);
	vars[4] = "first", vars[5] = first;
	vars[6] = "last", vars[7] = last;
	vars[8] = "number", vars[9] = num;
	vars[10] = NULL;
	fill_fields(b, c->digest.period, vars);
	buf_free(&wd);
}

const char *
number_particle(long n)
{
	/* The last digit read: 일 이 삼 사 오 육 칠 팔 구; a round number
	 * ends in 십, 백, 천, 만 or 억, all closed syllables, and 0 is 영. */
	static const char vowel[10] = { 0, 0, 1, 0, 1, 1, 0, 0, 0, 1 };

	if (n < 0)
		n = -n;
	return vowel[n % 10] ? "를" : "을";
}

void
issue_stamp(const struct config *c, int date, buf *b)
{
	struct pdf_time t;

	pdf_time(c, date, &t);
	buf_reset(b);
	buf_printf(b, "%04d-%02d-%02dT%02d:%02d:00%s", t.year, t.month,
	    t.day, t.hour, t.minute, c->site.time_zone);
}

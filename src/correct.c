/* correct.c: the editors' corrections, sorted by normalised title and
 * found by binary search, so that they cost a lookup per item. */
#include <stdlib.h>
#include <string.h>

#include "correct.h"
#include "msg.h"
#include "ngram.h"

/* A title as the corrections match it: without its tags, white space
 * and ASCII case. */
static char *
title_key(const char *t)
{
	buf b = {0};

	for (t = title_untagged(t); *t != '\0'; t++) {
		unsigned char c = (unsigned char)*t;

		if (c == ' ' || c == '\t')
			continue;
		buf_putc(&b, c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (b.ptr == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

static int
cmp_corr(const void *a, const void *b)
{
	const struct correction *x = a, *y = b;
	int d = strcmp(x->key, y->key);

	return d ? d : x->line - y->line;
}

/* One field: an id or a printed name of a section, sector or org. */
static int
field(struct correction *k, const char *f, const struct config *c)
{
	int i;

	if ((i = config_section_index(c, f)) >= 0 || (i = taxon_by_name(
	    c->sections, c->nsections, f)) >= 0)
		return k->section < 0 ? (k->section = i, 0) : -1;
	if ((i = config_sector_index(c, f)) >= 0 || (i = taxon_by_name(
	    c->sectors, c->nsectors, f)) >= 0)
		return k->sector < 0 ? (k->sector = i, 0) : -1;
	if ((i = config_org_index(c, f)) >= 0 || (i = taxon_by_name(
	    c->orgs, c->norgs, f)) >= 0)
		return k->org < 0 ? (k->org = i, 0) : -1;
	return -1;
}

static int
read_line(struct corrections *cs, char *s, const char *file, int line,
    const struct config *c)
{
	struct correction k;
	char *tab = strchr(s, '\t'), *f;
	int lead = (int)strspn(s, " \t\f\v");	/* str_trim drops it */

	if (*str_trim(s) == '\0' || s[0] == '#')
		return 0;
	if (tab == NULL) {
		msg(MSG_CORR_NO_TAB, file, line, 0);
		return -1;
	}
	memset(&k, 0, sizeof(k));
	k.section = k.sector = k.org = -1;
	*tab = '\0';
	for (f = tab + 1; f != NULL; ) {
		char *next = strchr(f, '\t');

		if (next != NULL)
			*next++ = '\0';
		if (*str_trim(f) != '\0' && field(&k, f, c) == -1) {
			msg(MSG_CORR_FIELD, file, line,
			    lead + utf8_column(s, (size_t)(f - s)), f);
			return -1;
		}
		f = next;
	}
	if (k.section < 0 && k.sector < 0 && k.org < 0) {
		msg(MSG_CORR_EMPTY, file, line, 0);
		return -1;
	}
	/* Imposing an org type without a section moves the item to the
	 * org's section, as the classifier would. */
	k.key = title_key(str_trim(s));
	k.file = file;
	k.line = line;
	VEC_GROW(cs->v, cs->cap, cs->n + 1);
	cs->v[cs->n++] = k;
	return 0;
}

int
corrections_load(struct corrections *cs, char *const *paths, size_t n,
    const struct config *c)
{
	size_t i, len;
	int rc = 0, line;
	char *text, *s, *nl;

	memset(cs, 0, sizeof(*cs));
	for (i = 0; i < n; i++) {
		if ((text = read_whole(paths[i], &len)) == NULL) {
			msg(MSG_SYS_READ, paths[i], 0, 0, strerror_safe());
			rc = -1;
			continue;
		}
		line = 0;
		for (s = text; *s != '\0'; s = nl) {
			if ((nl = strchr(s, '\n')) != NULL)
				*nl++ = '\0';
			else
				nl = s + strlen(s);
			line++;
			if (line == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
				s += 3;
			s[strcspn(s, "\r")] = '\0';
			if (read_line(cs, s, paths[i], line, c) == -1)
				rc = -1;
		}
		free(text);
	}
	if (cs->n > 1)
		qsort(cs->v, cs->n, sizeof(*cs->v), cmp_corr);
	for (i = 1; i < cs->n; i++)
		if (strcmp(cs->v[i].key, cs->v[i - 1].key) == 0)
			msg(MSG_CORR_TWICE, cs->v[i].file, cs->v[i].line, 0,
			    cs->v[i - 1].file, cs->v[i - 1].line);
	return rc;
}

struct correction *
corrections_match(const struct corrections *cs, const struct item *it)
{
	struct correction *k = NULL;
	size_t lo = 0, hi = cs->n, mid;
	char *key;

	if (cs->n == 0)
		return NULL;
	key = title_key(it->title ? it->title : "");
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(key, cs->v[mid].key) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < cs->n && strcmp(key, cs->v[lo].key) == 0) {
		k = &cs->v[lo];
		k->used++;
	}
	free(key);
	return k;
}

void
corrections_report(const struct corrections *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (!cs->v[i].used && (i == 0 ||
		    strcmp(cs->v[i].key, cs->v[i - 1].key) != 0))
			msg(MSG_CORR_UNUSED, cs->v[i].file, cs->v[i].line, 0);
}

void
corrections_free(struct corrections *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		free(cs->v[i].key);
	free(cs->v);
	memset(cs, 0, sizeof(*cs));
}

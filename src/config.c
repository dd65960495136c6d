/* config.c: reads digest.conf with inih into a list of entries and
 * builds the taxonomy from the [section.*], [sector.*] and [org.*]
 * groups, in file order. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "date.h"
#include "msg.h"
#include "util.h"

static int
on_entry(void *user, const char *section, const char *key,
    const char *value)
{
	struct config *c = user;
	struct conf_entry *e;

	if (key == NULL)	/* a section with no keys yet */
		return 1;
	/* inih calls again with the same key for continuation lines
	 * (Debian's libinih does not pass line numbers). */
	if (c->n > 0 && strcmp(c->e[c->n - 1].section, section) == 0 &&
	    strcmp(c->e[c->n - 1].key, key) == 0) {
		e = &c->e[c->n - 1];
		size_t a = strlen(e->value), b = strlen(value);
		e->value = xrealloc(e->value, a + b + 2);
		e->value[a] = '\n';
		memcpy(e->value + a + 1, value, b + 1);
		return 1;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->e = xrealloc(c->e, c->cap * sizeof(*c->e));
	}
	e = &c->e[c->n++];
	e->section = xstrdup(section);
	e->key = xstrdup(key);
	e->value = xstrdup(value);
	e->line = 0;
	return 1;
}

const char *
config_get(const struct config *c, const char *section, const char *key)
{
	size_t i;

	for (i = c->n; i-- > 0;)
		if (strcmp(c->e[i].section, section) == 0 &&
		    strcmp(c->e[i].key, key) == 0)
			return c->e[i].value;
	return NULL;
}

const char *
config_str(const struct config *c, const char *section, const char *key,
    const char *dflt)
{
	const char *v = config_get(c, section, key);

	return v ? v : dflt;
}

static int
taxon_index(const struct taxon *t, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
config_section_index(const struct config *c, const char *id)
{
	return taxon_index(c->sections, c->nsections, id);
}

int
config_sector_index(const struct config *c, const char *id)
{
	return taxon_index(c->sectors, c->nsectors, id);
}

int
config_org_index(const struct config *c, const char *id)
{
	return taxon_index(c->orgs, c->norgs, id);
}

int
taxon_by_name(const struct taxon *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (str_eq_nospace(t[i].name, name))
			return (int)i;
	return -1;
}

static int
is_yes(const char *v)
{
	return v != NULL && (strcasecmp(v, "yes") == 0 ||
	    strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* Adds the taxon for entry e when e opens a new "kind.id" group. */
static int
add_taxon(struct config *c, const struct conf_entry *e, const char *kind,
    struct taxon *t, size_t *n)
{
	size_t klen = strlen(kind);
	const char *id;

	if (strncmp(e->section, kind, klen) != 0 || e->section[klen] != '.')
		return 0;
	id = e->section + klen + 1;
	if (taxon_index(t, *n, id) >= 0)
		return 0;
	if (*n == TAXON_MAX) {
		msg(MSG_ERROR, c->path, e->line, "more than %d [%s.*] groups",
		    TAXON_MAX, kind);
		return -1;
	}
	t[*n].id = id;
	t[*n].conf = e->section;
	t[*n].name = config_get(c, e->section, "name");
	t[*n].show_empty = is_yes(config_get(c, e->section, "show_empty"));
	t[*n].section = -1;
	if (t[*n].name == NULL) {
		msg(MSG_ERROR, c->path, e->line, "[%s] has no name",
		    e->section);
		return -1;
	}
	(*n)++;
	return 0;
}

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday",
};

static int
check(struct config *c)
{
	const char *v;
	size_t i;
	int bad = 0, y, m, d;

	for (i = 0; i < c->n; i++) {
		bad |= add_taxon(c, &c->e[i], "section", c->sections,
		    &c->nsections);
		bad |= add_taxon(c, &c->e[i], "sector", c->sectors,
		    &c->nsectors);
		bad |= add_taxon(c, &c->e[i], "org", c->orgs, &c->norgs);
	}
	if (bad)
		return -1;
	if (c->nsections == 0 || c->nsectors == 0 || c->norgs == 0) {
		msg(MSG_ERROR, c->path, 0,
		    "needs [section.*], [sector.*] and [org.*] groups");
		return -1;
	}
	for (i = 0; i < c->norgs; i++) {
		v = config_get(c, c->orgs[i].conf, "section");
		c->orgs[i].section = v ? config_section_index(c, v) : -1;
		if (c->orgs[i].section < 0) {
			msg(MSG_ERROR, c->path, 0,
			    "[%s]: section is missing or unknown",
			    c->orgs[i].conf);
			bad = -1;
		}
	}
	v = config_get(c, "digest", "anchor_number");
	c->anchor_number = v ? atoi(v) : 0;
	if (c->anchor_number <= 0) {
		msg(MSG_ERROR, c->path, 0,
		    "[digest] anchor_number must be a positive number");
		bad = -1;
	}
	v = config_get(c, "digest", "anchor_date");
	if (v == NULL || sscanf(v, "%d-%d-%d", &y, &m, &d) != 3 ||
	    (c->anchor_date = date_from_ymd(y, m, d)) == DATE_NONE) {
		msg(MSG_ERROR, c->path, 0,
		    "[digest] anchor_date must be YYYY-MM-DD");
		bad = -1;
	}
	v = config_str(c, "digest", "weekday", "thursday");
	c->weekday = -1;
	for (i = 0; i < 7; i++)
		if (strcasecmp(v, weekdays[i]) == 0)
			c->weekday = (int)i;
	if (c->weekday < 0) {
		msg(MSG_ERROR, c->path, 0, "[digest] weekday: unknown day "
		    "'%s'", v);
		bad = -1;
	} else if (bad == 0 && date_weekday(c->anchor_date) != c->weekday) {
		msg(MSG_ERROR, c->path, 0, "[digest] anchor_date is not a %s",
		    weekdays[c->weekday]);
		bad = -1;
	}
	return bad;
}

int
config_load(struct config *c, const char *path)
{
	FILE *f;
	int rc;

	memset(c, 0, sizeof(*c));
	c->path = path;
	if ((f = fopen(path, "r")) == NULL) {
		msg(MSG_ERROR, path, 0, "cannot open configuration: %s",
		    strerror_safe());
		return -1;
	}
	rc = ini_parse_file(f, on_entry, c);
	fclose(f);
	if (rc != 0) {
		msg(MSG_ERROR, path, rc > 0 ? rc : 0,
		    "configuration syntax error");
		return -1;
	}
	return check(c);
}

void
config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->e[i].section);
		free(c->e[i].key);
		free(c->e[i].value);
	}
	free(c->e);
	memset(c, 0, sizeof(*c));
}

/* config.c: digest.conf (read into entries by ini.c) checked against
 * one table of sections, keys, types, ranges and defaults; the typed
 * struct config filled from it, and the taxonomy built from the
 * [section.*], [sector.*] and [org.*] groups, in file order.  The only
 * place where the file's text becomes values. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "date.h"
#include "ini.h"
#include "msg.h"
#include "read.h"
#include "util.h"

/* No configuration is near this; a device or a runaway file is not
 * read further. */
#define CONFIG_MAX	(16u << 20)

enum conf_type {
	CT_STR,		/* any text */
	CT_INT,		/* a decimal integer within [min, max] */
	CT_REAL,	/* a decimal number within [min, max] */
	CT_BOOL,	/* yes or no */
	CT_DATE,	/* YYYY-MM-DD, stored as days */
	CT_WEEKDAY,	/* sunday ... saturday, stored as 0 ... 6 */
	CT_ZONE,	/* +HH:MM, -HH:MM or Z, stored as minutes east */
	CT_TIME,	/* HH:MM, stored as minutes after midnight */
	CT_WORDS,	/* words apart by white space: struct conf_words */
};

/* One scalar key: where it goes in struct config and what it may be.
 * dflt NULL: the key has no default (its field stays NULL); required
 * keys must be given. */
struct conf_key {
	const char	*section;
	const char	*key;
	enum conf_type	 type;
	double		 min, max;
	const char	*dflt;
	size_t		 off;
	int		 required;
};

#define OFF(f)	offsetof(struct config, f)
#define STR(s, k, d, f)	{ s, k, CT_STR, 0, 0, d, OFF(f), 0 }
#define INT(s, k, lo, hi, d, f)	{ s, k, CT_INT, lo, hi, d, OFF(f), 0 }
#define REAL(s, k, lo, hi, d, f) { s, k, CT_REAL, lo, hi, d, OFF(f), 0 }

/* Every scalar key of digest.conf.  A key added to the file must be
 * added here: an unknown key is an error (a typo would otherwise leave
 * the default in force without a word). */
static const struct conf_key conf_keys[] = {
	STR("digest", "kicker", "", digest.kicker),
	STR("digest", "title", "", digest.title),
	STR("digest", "subtitle", "", digest.subtitle),
	STR("digest", "author", "", digest.author),
	STR("digest", "disclaimer", "", digest.disclaimer),
	{ "digest", "anchor_number", CT_INT, 1, 1000000, NULL,
	    OFF(anchor_number), 1 },
	{ "digest", "anchor_date", CT_DATE, 0, 0, NULL, OFF(anchor_date), 1 },
	{ "digest", "weekday", CT_WEEKDAY, 0, 0, "thursday", OFF(weekday), 0 },
	STR("digest", "period", "", digest.period),
	STR("digest", "weekday_names", "", digest.weekday_names),
	STR("digest", "number_label", "No.", digest.number_label),
	STR("digest", "contents", "", digest.contents),
	STR("digest", "header_label", "구분", digest.header_label),
	STR("digest", "header_content", "제목 및 주요 내용",
	    digest.header_content),
	STR("digest", "none", "(해당 없음)", digest.none),
	STR("digest", "unclassified", "", digest.unclassified),
	STR("digest", "section_marker", "□", digest.section_marker),
	STR("digest", "sector_marker", "☞", digest.sector_marker),
	STR("digest", "templates", "templates", digest.templates),
	INT("digest", "max_title", 2, 1000000, "300", digest.max_title),
	INT("digest", "max_bullet", 2, 10000000, "3000", digest.max_bullet),
	INT("digest", "max_url", 2, 1000000, "1000", digest.max_url),
	REAL("digest", "duplicate_threshold", 0, 1, "0.55",
	    digest.duplicate_threshold),
	REAL("digest", "duplicate_bullets", 0, 1, "0.3",
	    digest.duplicate_bullets),
	INT("digest", "duplicate_days", 0, 36500, "7", digest.duplicate_days),
	{ "digest", "earliest_date", CT_DATE, 0, 0, "2000-01-01",
	    OFF(digest.earliest_date), 0 },
	INT("digest", "max_file_mb", 1, 4096, "64", digest.max_file_mb),
	INT("digest", "lone_issue_weeks", 0, 5200, "8",
	    digest.lone_issue_weeks),

	STR("site", "base_url", "", site.base_url),
	STR("site", "feed_id", "", site.feed_id),
	{ "site", "time_zone", CT_ZONE, 0, 0, "+00:00", OFF(site.zone_minutes),
	    0 },
	INT("site", "recent", 1, 100000, "10", site.recent),

	STR("trend", "summary_header", "구분 주요 내용 페이지",
	    trend.summary_header),
	STR("trend", "clipping_header", "분류 기술명 주요 내용 출처",
	    trend.clipping_header),
	{ "trend", "note_openers", CT_WORDS, 0, 0, "※ * ▲ (참고",
	    OFF(trend.note_openers), 0 },

	STR("outline", "central", "부 처 청", outline.central),
	STR("outline", "local", "국 시 군 구", outline.local),

	STR("weekly", "particles", "", weekly.particles),
	STR("weekly", "endings", "", weekly.endings),
	STR("weekly", "wordlist", "", weekly.wordlist),

	STR("pdf", "font", NULL, pdf.font),
	STR("pdf", "font_bold", NULL, pdf.font_bold),
	STR("pdf", "font_fallback", NULL, pdf.font_fallback),
	STR("pdf", "font_fallback_bold", NULL, pdf.font_fallback_bold),
	STR("pdf", "item_marker", "", pdf.item_marker),
	STR("pdf", "bullet_marker", "", pdf.bullet_marker),
	STR("pdf", "contents_sector_marker", "", pdf.contents_sector_marker),
	STR("pdf", "unclassified", "?", pdf.unclassified),
	{ "pdf", "section_new_page", CT_BOOL, 0, 0, "no",
	    OFF(pdf.section_new_page), 0 },
	STR("pdf", "page_number", "", pdf.page_number),
	STR("pdf", "lang", "", pdf.lang),
	INT("pdf", "contents_items_max", 0, 100000000, "1000",
	    pdf.contents_items_max),
	{ "pdf", "time", CT_TIME, 0, 0, "00:00", OFF(pdf.time_minutes), 0 },

	STR("mail", "from", "", mail.from),
	STR("mail", "to", "", mail.to),
	STR("mail", "subject", "", mail.subject),
	STR("mail", "body", "", mail.body),
	STR("mail", "link", "{url}", mail.link),

	STR("classify", "sector_zones", NULL, classify.sector_zones),
	STR("classify", "org_zones", NULL, classify.org_zones),
	INT("classify", "repeat", 1, 1000, "3", classify.repeat),
	INT("classify", "review", 0, 1000000, "10", classify.review),
	REAL("classify", "review_below", 0, 2, "0.5", classify.review_below),

	STR("names", "dir", NULL, names.dir),
	STR("names", "lists", NULL, names.lists),
	STR("names", "weights", NULL, names.weights),
	STR("names", "heads", NULL, names.heads),
	REAL("names", "pair", 0, 1, "0.5", names.pair),
	REAL("names", "min", 0, 1000, "0", names.min),
};

/* The keys a taxonomy group may hold, by kind. */
#define K_SECTION	0x1
#define K_SECTOR	0x2
#define K_ORG		0x4

#define TOFF(f)	offsetof(struct taxon, f)
#define K_CUES	(K_SECTOR | K_ORG)

/* Every key of a taxonomy group, and where it goes in struct taxon. */
static const struct taxon_key {
	const char	*key;
	enum conf_type	 type;
	unsigned	 kinds;
	double		 min, max;
	size_t		 off;
} taxon_keys[] = {
	{ "name", CT_STR, K_SECTION | K_CUES, 0, 0, TOFF(name) },
	{ "show_empty", CT_BOOL, K_CUES, 0, 0, TOFF(show_empty) },
	{ "fallback", CT_BOOL, K_CUES, 0, 0, TOFF(fallback) },
	{ "prior", CT_REAL, K_CUES, -1000000, 1000000, TOFF(prior) },
	{ "keywords", CT_STR, K_CUES, 0, 0, TOFF(keywords) },
	{ "names", CT_STR, K_CUES, 0, 0, TOFF(names) },
	{ "suffixes", CT_STR, K_CUES, 0, 0, TOFF(suffixes) },
	{ "shapes", CT_STR, K_CUES, 0, 0, TOFF(shapes) },
	{ "within", CT_STR, K_SECTOR, 0, 0, TOFF(within_id) },	/* an id */
	{ "tags", CT_STR, K_SECTOR, 0, 0, TOFF(tags) },
	{ "section", CT_STR, K_ORG, 0, 0, TOFF(section_id) },	/* an id */
};

static const char *const taxon_kinds[] = { "section", "sector", "org" };

/* [cues] holds the lists "@name" in shapes refers to: any key. */
static const char cues_section[] = "cues";

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday",
};

/* ---- values ---- */

static const struct conf_key *
key_find(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++)
		if (strcmp(conf_keys[i].key, key) == 0 &&
		    strcmp(conf_keys[i].section, section) == 0)
			return &conf_keys[i];
	return NULL;
}

/* Splits v at white space into w: one block, the pointers then the
 * words. */
static void
split_words(const char *v, struct conf_words *w)
{
	const char *sp = " \t\r\n";
	size_t n = 0, len = strlen(v), i;
	const char *q;
	char *copy, *p;

	for (q = v + strspn(v, sp); *q; q += strspn(q, sp)) {
		n++;
		q += strcspn(q, sp);
	}
	w->v = xmalloc((n + 1) * sizeof(*w->v) + len + 1);
	copy = memcpy((char *)(w->v + n + 1), v, len + 1);
	for (i = 0, p = copy + strspn(copy, sp); *p; p += strspn(p, sp)) {
		w->v[i++] = p;
		p += strcspn(p, sp);
		if (*p)
			*p++ = '\0';
	}
	w->v[n] = NULL;
	w->n = n;
}

/* Reads "HH:MM" (hours up to maxh) into minutes; -1 if it is not. */
static int
hhmm(const char *v, int maxh)
{
	if (strlen(v) != 5 || v[2] != ':' ||
	    strspn(v, "0123456789:") != 5 || v[0] == ':' || v[1] == ':' ||
	    v[3] == ':' || v[4] == ':')
		return -1;
	int h = (v[0] - '0') * 10 + (v[1] - '0');
	int m = (v[3] - '0') * 10 + (v[4] - '0');

	return h > maxh || m > 59 ? -1 : h * 60 + m;
}

/* Parses v as type into *out (an int, or a double for CT_REAL); returns
 * NULL, or what v should have been, for the message. */
static const char *
parse_value(enum conf_type type, double min, double max, const char *v,
    void *out)
{
	char *end;
	int y, m, d, n, i;

	switch (type) {
	case CT_STR:
		*(const char **)out = v;
		return NULL;
	case CT_INT: {
		long l;

		if (*v == '\0' || strspn(v, "-+0123456789") != strlen(v))
			return "an integer";
		l = strtol(v, &end, 10);
		if (*end != '\0' || l < min || l > max)
			return "an integer in range";
		*(int *)out = (int)l;
		return NULL;
	}
	case CT_REAL: {
		double x;

		if (*v == '\0' || strspn(v, "-+0123456789.") != strlen(v))
			return "a number";
		x = strtod(v, &end);
		if (*end != '\0' || !isfinite(x))
			return "a number";
		if (x < min || x > max)
			return "a number in range";
		*(double *)out = x;
		return NULL;
	}
	case CT_BOOL:
		if (strcmp(v, "yes") == 0)
			*(int *)out = 1;
		else if (strcmp(v, "no") == 0)
			*(int *)out = 0;
		else
			return "yes or no";
		return NULL;
	case CT_DATE:
		if (strlen(v) != 10 || strspn(v, "0123456789-") != 10 ||
		    v[4] != '-' || v[7] != '-' ||
		    sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
		    n != 10 || (i = date_from_ymd(y, m, d)) == DATE_NONE)
			return "a date as YYYY-MM-DD";
		*(int *)out = i;
		return NULL;
	case CT_WEEKDAY:
		for (i = 0; i < 7; i++)
			if (strcmp(v, weekdays[i]) == 0) {
				*(int *)out = i;
				return NULL;
			}
		return "a weekday in English, lower case (thursday)";
	case CT_ZONE:
		if (strcmp(v, "Z") == 0) {
			*(int *)out = 0;
			return NULL;
		}
		if ((v[0] != '+' && v[0] != '-') || (i = hhmm(v + 1, 14)) < 0)
			return "a time zone as +HH:MM, -HH:MM or Z";
		*(int *)out = v[0] == '-' ? -i : i;
		return NULL;
	case CT_TIME:
		if ((i = hhmm(v, 23)) < 0)
			return "a time as HH:MM";
		*(int *)out = i;
		return NULL;
	case CT_WORDS:
		split_words(v, out);
		return NULL;
	}
	return "valid";
}

static void
range_text(enum conf_type type, double min, double max, char *out,
    size_t n)
{
	if (type == CT_INT)
		snprintf(out, n, " (%.0f to %.0f)", min, max);
	else if (type == CT_REAL)
		snprintf(out, n, " (%g to %g)", min, max);
	else
		out[0] = '\0';
}

static int
check_value(const struct config *c, const struct conf_entry *e,
    enum conf_type type, double min, double max, void *out)
{
	const char *want;
	char range[64];
	union { int i; double d; const char *s; } scratch;

	if ((want = parse_value(type, min, max, e->value,
	    out ? out : &scratch)) == NULL)
		return 0;
	range_text(type, min, max, range, sizeof(range));
	msg(MSG_CONF_VALUE, c->path, e->line, e->vcol, e->section, e->key,
	    e->value, want, range);
	return -1;
}

/* The kind of a taxonomy section ("sector.ai": K_SECTOR), or 0. */
static unsigned
taxon_kind(const char *section)
{
	size_t i, n;

	for (i = 0; i < 3; i++) {
		n = strlen(taxon_kinds[i]);
		if (strncmp(section, taxon_kinds[i], n) == 0 &&
		    section[n] == '.')
			return 1u << i;
	}
	return 0;
}

static int
known_section(const char *s)
{
	size_t i;

	if (strcmp(s, cues_section) == 0)
		return 1;
	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++)
		if (strcmp(conf_keys[i].section, s) == 0)
			return 1;
	return 0;
}

/* Whether a [section] may be written: a scalar one of the table, a
 * taxonomy group with an id, or [cues]; else reports at line, column
 * col. */
int
config_section_ok(const char *path, const char *s, int line, int col)
{
	unsigned kind = taxon_kind(s);

	if (kind != 0 && strchr(s, '.')[1] == '\0') {
		msg(MSG_CONF_GROUP_NO_ID, path, line, col, s);
		return 0;
	}
	if (kind == 0 && !known_section(s)) {
		msg(MSG_CONF_SECTION_UNKNOWN, path, line, col, s);
		return 0;
	}
	return 1;
}

/* Checks one entry's key against the tables (scalar values are checked
 * in fill()). */
static int
check_entry(const struct config *c, const struct conf_entry *e)
{
	unsigned kind = taxon_kind(e->section);
	size_t i;

	if (kind != 0) {
		for (i = 0; i < sizeof(taxon_keys) / sizeof(taxon_keys[0]);
		    i++)
			if (strcmp(taxon_keys[i].key, e->key) == 0 &&
			    (taxon_keys[i].kinds & kind))
				return check_value(c, e, taxon_keys[i].type,
				    taxon_keys[i].min, taxon_keys[i].max,
				    NULL);
	} else if (strcmp(e->section, cues_section) == 0 ||
	    key_find(e->section, e->key) != NULL)
		return 0;
	msg(MSG_CONF_KEY_UNKNOWN, c->path, e->line, 1, e->section, e->key);
	return -1;
}

/* Fills the typed struct from the file or the defaults. */
static int
fill(struct config *c, int report)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++) {
		const struct conf_key *k = &conf_keys[i];
		const struct conf_entry *e = ini_find(c, k->section, k->key);
		void *out = (char *)c + k->off;
		struct conf_entry dflt;

		if (e == NULL && k->dflt == NULL) {
			if (k->required && report) {
				msg(MSG_CONF_KEY_MISSING, c->path, 0, 0,
				    k->section, k->key);
				bad = -1;
			}
			continue;
		}
		if (e == NULL) {
			/* The table's own defaults are checked too. */
			dflt.section = (char *)k->section;
			dflt.key = (char *)k->key;
			dflt.value = (char *)k->dflt;
			dflt.line = dflt.vcol = 0;
			e = &dflt;
		}
		bad |= check_value(c, e, k->type, k->min, k->max, out);
		if (k->type == CT_ZONE)
			c->site.time_zone = e->value;
	}
	return bad;
}

/* ---- the taxonomy ---- */

static int
taxon_index(const struct taxon *t, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *
config_path(const struct config *c, const char *path, buf *b)
{
	const char *slash = c->path ? strrchr(c->path, '/') : NULL;

	buf_reset(b);
	if (path[0] == '/' || slash == NULL)
		buf_puts(b, path);
	else
		buf_printf(b, "%.*s/%s", (int)(slash - c->path), c->path,
		    path);
	return b->ptr;
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

/* Fills t's fields from its group's keys (checked in check_entry; a
 * value found wrong there leaves the field at its zero). */
static void
taxon_fill(const struct config *c, struct taxon *t, unsigned kind)
{
	const struct conf_entry *e;
	size_t i;

	for (i = 0; i < sizeof(taxon_keys) / sizeof(taxon_keys[0]); i++)
		if ((taxon_keys[i].kinds & kind) && (e = ini_find(c,
		    t->conf, taxon_keys[i].key)) != NULL)
			(void)parse_value(taxon_keys[i].type,
			    taxon_keys[i].min, taxon_keys[i].max, e->value,
			    (char *)t + taxon_keys[i].off);
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
		msg(MSG_CONF_GROUPS_MAX, c->path, e->line, 0, TAXON_MAX, kind);
		return -1;
	}
	memset(&t[*n], 0, sizeof(t[*n]));
	t[*n].id = id;
	t[*n].conf = e->section;
	t[*n].section = t[*n].within = -1;
	taxon_fill(c, &t[*n], taxon_kind(e->section));
	if (t[*n].name == NULL || *t[*n].name == '\0') {
		msg(MSG_CONF_GROUP_NO_NAME, c->path, e->line, 0, e->section);
		return -1;
	}
	(*n)++;
	return 0;
}

/* The references between groups: an org's section, a sector's
 * within. */
static int
check_links(struct config *c)
{
	const struct conf_entry *e;
	size_t i;
	int bad = 0;

	for (i = 0; i < c->norgs; i++) {
		e = ini_find(c, c->orgs[i].conf, "section");
		c->orgs[i].section = e ? config_section_index(c, e->value) :
		    -1;
		if (c->orgs[i].section < 0) {
			msg(MSG_CONF_ORG_SECTION, c->path, e ? e->line : 0,
			    e ? e->vcol : 0,
			    c->orgs[i].conf,
			    e ? "no [section.*] of that id" : "missing");
			bad = -1;
		}
	}
	for (i = 0; i < c->nsectors; i++) {
		e = ini_find(c, c->sectors[i].conf, "within");
		if (e != NULL)
			c->sectors[i].within = config_sector_index(c,
			    e->value);
		if (e != NULL && c->sectors[i].within < 0) {
			msg(MSG_CONF_SECTOR_WITHIN, c->path, e->line, e->vcol,
			    c->sectors[i].conf, e->value);
			bad = -1;
		}
	}
	return bad;
}

static int
check(struct config *c)
{
	size_t i, listcap = 0;
	int bad = 0;

	for (i = 0; i < c->n; i++)
		bad |= check_entry(c, &c->e[i]);
	bad |= fill(c, 1);
	for (i = 0; i < c->n; i++) {
		bad |= add_taxon(c, &c->e[i], "section", c->sections,
		    &c->nsections);
		bad |= add_taxon(c, &c->e[i], "sector", c->sectors,
		    &c->nsectors);
		bad |= add_taxon(c, &c->e[i], "org", c->orgs, &c->norgs);
	}
	for (i = 0; i < c->n; i++)
		if (strcmp(c->e[i].section, cues_section) == 0) {
			VEC_GROW(c->lists, listcap, c->nlists + 1);
			c->lists[c->nlists].name = c->e[i].key;
			c->lists[c->nlists++].value = c->e[i].value;
		}
	if (c->nsections == 0 || c->nsectors == 0 || c->norgs == 0) {
		msg(MSG_CONF_NO_TAXONOMY, c->path, 0, 0);
		return -1;
	}
	bad |= check_links(c);
	/* [outline] names its issuer endings by organisation type id. */
	for (i = 0; i < c->norgs; i++) {
		const struct conf_entry *e = ini_find(c, "outline",
		    c->orgs[i].id);
		const struct conf_key *k = key_find("outline", c->orgs[i].id);

		c->orgs[i].outline = e ? e->value : k ? k->dflt : NULL;
	}
	if (bad == 0 && date_weekday(c->anchor_date) != c->weekday) {
		const struct conf_entry *e = ini_find(c, "digest",
		    "anchor_date");

		msg(MSG_CONF_ANCHOR_WEEKDAY, c->path, e->line, e->vcol,
		    weekdays[c->weekday]);
		bad = -1;
	}
	return bad;
}

int
config_parse(struct config *c, const char *path, const char *text,
    size_t len)
{
	int bad;

	memset(c, 0, sizeof(*c));
	c->path = path;
	bad = ini_read(c, text, len);
	/* Values are checked even after a syntax error: every fault of
	 * the file is reported in one run. */
	bad |= check(c);
	return bad ? -1 : 0;
}

void
config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	fill(c, 0);
}

int
config_load(struct config *c, const char *path)
{
	size_t len;
	char *text;
	int rc;

	memset(c, 0, sizeof(*c));
	c->path = path;
	if ((text = read_input(path, CONFIG_MAX, &len)) == NULL)
		return -1;
	rc = config_parse(c, path, text, len);
	free(text);
	return rc;
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
	free(c->lists);
	free(c->trend.note_openers.v);
	memset(c, 0, sizeof(*c));
}

/* html.c: the page shell, the issue page and the helpers every page of
 * the site shares.
 *
 * An issue page is made of Markdown parts (templates/cover.md,
 * contents.md, section.md, sector.md, item.md), each expanded with
 * values escaped by md_escape() and rendered by cmark in its safe
 * default.  Plain Markdown has no tables, so the two-column 구분 table
 * is HTML structure in templates/issue.html: each item is rendered on
 * its own and its HTML becomes one cell; the organisation cells, with
 * their rowspan, and the labels are filled in by ctemplate, which
 * escapes them for HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "html.h"
#include "markdown.h"
#include "msg.h"
#include "outfile.h"

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
	snprintf(out, 16, "%04d.%02d.%02d", y % 10000, m % 100, d % 100);
}

/* The name of weekday wd (0 = Sunday) in the configured list. */
static void
weekday_name(const struct config *c, int wd, buf *b)
{
	const char *p = config_str(c, "digest", "weekday_names", "");
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
	const char *t = config_str(c, "digest", "period", "");
	const char *close;
	char date[16], first[16], last[16];
	buf wd = {0};

	date_dots(is->date, date);
	date_dots(is->first, first);
	date_dots(is->last, last);
	weekday_name(c, date_weekday(is->date), &wd);
	while (*t) {
		size_t len;

		if (*t != '{' || (close = strchr(t, '}')) == NULL) {
			len = strcspn(t + 1, "{") + 1;
			buf_put(b, t, len);
			t += len;
			continue;
		}
		len = (size_t)(close - t + 1);
		if (len == 6 && strncmp(t, "{date}", len) == 0)
			buf_puts(b, date);
		else if (len == 9 && strncmp(t, "{weekday}", len) == 0)
			buf_puts(b, buf_cstr(&wd));
		else if (len == 7 && strncmp(t, "{first}", len) == 0)
			buf_puts(b, first);
		else if (len == 6 && strncmp(t, "{last}", len) == 0)
			buf_puts(b, last);
		else
			buf_put(b, t, len);
		t += len;
	}
	buf_cstr(b);
	buf_free(&wd);
}

void
issue_dir(const struct issue *is, char out[16])
{
	snprintf(out, 16, "%03d", is->number % 1000000);
}

const char *
taxon_label(const struct config *c, const struct taxon *t, size_t n, int i)
{
	if (i >= 0 && (size_t)i < n)
		return t[i].name;
	return config_str(c, "digest", "unclassified", "");
}

void
slug(buf *b, const char *s)
{
	for (; *s; s++) {
		int ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')
			buf_putc(b, ch);
		else
			buf_putc(b, '_');
	}
	buf_cstr(b);
}

int
url_is_http(const char *u)
{
	size_t n;

	if (strncasecmp(u, "http://", 7) == 0)
		n = 7;
	else if (strncasecmp(u, "https://", 8) == 0)
		n = 8;
	else
		return 0;
	return u[n] != '\0' && strchr("/?#", u[n]) == NULL;
}

void
url_host(buf *b, const char *u)
{
	const char *p = strstr(u, "://");

	p = p ? p + 3 : u;
	buf_put(b, p, strcspn(p, "/?#"));
}

void
site_anchors(struct site *s)
{
	size_t i, j, k;

	s->anchors = xcalloc(s->r->n, sizeof(*s->anchors));
	for (i = 0; i < s->r->n; i++) {
		const struct issue *is = &s->r->issues[i];
		anchor_t *a = xcalloc(is->n, sizeof(*a));

		for (j = 0; j < is->n; j++) {
			int same = 1;

			item_anchor(is->items[j]->title, is->items[j]->date,
			    a[j]);
			/* Two items with one title and date: the later
			 * ones take "-2", "-3" ... in published order. */
			for (k = 0; k < j; k++)
				if (strncmp(a[k], a[j], ANCHOR_SIZE - 1) == 0)
					same++;
			if (same > 1)
				snprintf(a[j] + ANCHOR_SIZE - 1,
				    ANCHOR_MAX - ANCHOR_SIZE + 1, "-%d", same);
		}
		s->anchors[i] = a;
	}
}

void
site_anchors_free(struct site *s)
{
	size_t i;

	for (i = 0; s->anchors && i < s->r->n; i++)
		free(s->anchors[i]);
	free(s->anchors);
	s->anchors = NULL;
}

void
tmpl_path(const struct site *s, const char *name, buf *b)
{
	buf_reset(b);
	buf_printf(b, "%s/%s", s->r->templates, name);
}

int
site_file(const struct site *s, const char *relpath, const char *data,
    size_t len)
{
	return write_keep(s->live, s->dir, relpath, data, len) == -1 ? -1 : 0;
}

struct tdict *
page_new(const struct site *s, const char *root,
    const char *content_template, struct tdict **content)
{
	const struct config *c = s->cfg;
	struct tdict *d = tdict_new("page");
	buf p = {0};

	tdict_set_global(d, "ROOT", root);
	tdict_set_global(d, "SITE_TITLE", config_str(c, "digest", "title",
	    ""));
	tdict_set_global(d, "KICKER", config_str(c, "digest", "kicker", ""));
	tdict_set_global(d, "SUBTITLE", config_str(c, "digest", "subtitle",
	    ""));
	tdict_set_global(d, "NUMBER_LABEL", config_str(c, "digest",
	    "number_label", ""));
	tdict_set_global(d, "NONE", config_str(c, "digest", "none", ""));
	tdict_set_global(d, "AUTHOR", config_str(c, "digest", "author", ""));
	tmpl_path(s, content_template, &p);
	*content = tdict_include(d, "CONTENT", p.ptr);
	buf_free(&p);
	return d;
}

int
page_write(const struct site *s, struct tdict *d, const char *relpath)
{
	buf p = {0}, out = {0};
	int rc;

	tmpl_path(s, "page.html", &p);
	rc = tmpl_expand(p.ptr, TMPL_BLANK_LINES, d, &out);
	if (rc == 0)
		rc = site_file(s, relpath, buf_cstr(&out), out.len);
	tdict_free(d);
	buf_free(&p);
	buf_free(&out);
	return rc;
}

/* The issue page walks slots: every configured section, sector and
 * organisation type, then -1 (unclassified) when an item needs it. */
struct slots {
	int	 v[TAXON_MAX + 1];
	size_t	 n;
};

static size_t
count_items(const struct issue *is, int sec, int sector, int org,
    int any_org)
{
	size_t i, n = 0;

	for (i = 0; i < is->n; i++) {
		const struct item *it = is->items[i];

		if (it->section == sec && (sector == -2 ||
		    it->sector == sector) && (any_org || it->org == org))
			n++;
	}
	return n;
}

static int
sector_in_issue(const struct issue *is, int sector)
{
	size_t i;

	for (i = 0; i < is->n; i++)
		if (is->items[i]->sector == sector)
			return 1;
	return 0;
}

static void
section_slots(const struct config *c, const struct issue *is,
    struct slots *sl)
{
	size_t i;

	for (sl->n = i = 0; i < c->nsections; i++)
		sl->v[sl->n++] = (int)i;
	if (count_items(is, -1, -2, 0, 1) > 0)
		sl->v[sl->n++] = -1;
}

static void
sector_slots(const struct config *c, const struct issue *is, int sec,
    struct slots *sl)
{
	size_t i;

	for (sl->n = i = 0; i < c->nsectors; i++)
		sl->v[sl->n++] = (int)i;
	if (count_items(is, sec, -1, 0, 1) > 0)
		sl->v[sl->n++] = -1;
}

/* The groups of a sector table, as the PDF has them: the section's own
 * organisation types in configuration order (those shown even when
 * empty, and those with items), then any other type an item names,
 * then the items whose type is unknown.  An unclassified block shows
 * only groups with items. */
static void
org_slots(const struct config *c, const struct issue *is, int sec,
    int sector, struct slots *sl)
{
	size_t i;
	int pass;

	sl->n = 0;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < c->norgs; i++) {
			int own = c->orgs[i].section == sec;
			size_t k = count_items(is, sec, sector, (int)i, 0);

			if ((pass == 0 && own && (k > 0 || (sector >= 0 &&
			    c->orgs[i].show_empty))) ||
			    (pass == 1 && !own && k > 0))
				sl->v[sl->n++] = (int)i;
		}
	if (count_items(is, sec, sector, -1, 0) > 0)
		sl->v[sl->n++] = -1;
}

/* The rows of the table of section sec, sector sector; 0 when the
 * sector has no block there.  As in the PDF, a sector has its block
 * when it has items in the section, or anywhere in the issue (so the
 * sectors of the week show in every section, their empty groups saying
 * so), or when digest.conf says show_empty for it. */
static size_t
table_rows(const struct config *c, const struct issue *is, int sec,
    int sector)
{
	struct slots orgs;
	size_t i, n = 0, k;

	if (count_items(is, sec, sector, 0, 1) == 0 && (sec < 0 ||
	    sector < 0 || (!c->sectors[sector].show_empty &&
	    !sector_in_issue(is, sector))))
		return 0;
	org_slots(c, is, sec, sector, &orgs);
	for (i = 0; i < orgs.n; i++)
		n += (k = count_items(is, sec, sector, orgs.v[i], 0)) ? k : 1;
	return n;
}

static void
block_id(const struct config *c, int sec, int sector, buf *b)
{
	buf_reset(b);
	buf_puts(b, "s-");
	if (sec >= 0)
		slug(b, c->sections[sec].id);
	else
		buf_puts(b, "x");
	if (sector == -2)
		return;
	buf_putc(b, '-');
	if (sector >= 0)
		slug(b, c->sectors[sector].id);
	else
		buf_puts(b, "x");
}

static const char *
section_name(const struct config *c, int i)
{
	return taxon_label(c, c->sections, c->nsections, i);
}

static const char *
sector_name(const struct config *c, int i)
{
	return taxon_label(c, c->sectors, c->nsectors, i);
}

static int
issue_cover(const struct site *s, const struct issue *is,
    struct tdict *body)
{
	const struct config *c = s->cfg;
	struct tdict *d = tdict_new("cover");
	buf p = {0}, html = {0}, period = {0}, num = {0};
	int rc;

	md_set(d, "KICKER", config_str(c, "digest", "kicker", ""));
	md_set(d, "TITLE", config_str(c, "digest", "title", ""));
	md_set(d, "SUBTITLE", config_str(c, "digest", "subtitle", ""));
	md_set(d, "NUMBER_LABEL", config_str(c, "digest", "number_label",
	    ""));
	buf_printf(&num, "%d", is->number);
	md_set(d, "NUMBER", num.ptr);
	issue_period(c, is, &period);
	md_set(d, "PERIOD", period.ptr);
	tmpl_path(s, "cover.md", &p);
	rc = md_expand_html(p.ptr, d, &html);
	tdict_set(body, "COVER", buf_cstr(&html));
	tdict_free(d);
	buf_free(&p);
	buf_free(&html);
	buf_free(&period);
	buf_free(&num);
	return rc;
}

static int
issue_contents(const struct site *s, size_t k, struct tdict *body)
{
	const struct config *c = s->cfg;
	const struct issue *is = &s->r->issues[k];
	struct tdict *d = tdict_new("contents"), *sd, *td, *id;
	struct slots secs, sectors;
	buf p = {0}, html = {0};
	char date[16];
	size_t i, j, m;
	int rc;

	md_set(d, "CONTENTS", config_str(c, "digest", "contents", ""));
	section_slots(c, is, &secs);
	for (i = 0; i < secs.n; i++) {
		sd = tdict_section(d, "SECTION");
		md_set(sd, "MARKER", config_str(c, "digest",
		    "section_marker", ""));
		md_set(sd, "NAME", section_name(c, secs.v[i]));
		block_id(c, secs.v[i], -2, &p);
		tdict_set(sd, "ID", p.ptr);
		sector_slots(c, is, secs.v[i], &sectors);
		for (j = 0; j < sectors.n; j++) {
			if (table_rows(c, is, secs.v[i], sectors.v[j]) == 0)
				continue;
			td = tdict_section(sd, "SECTOR");
			md_set(td, "NAME", sector_name(c, sectors.v[j]));
			block_id(c, secs.v[i], sectors.v[j], &p);
			tdict_set(td, "ID", p.ptr);
			for (m = 0; m < is->n; m++) {
				const struct item *it = is->items[m];

				if (it->section != secs.v[i] ||
				    it->sector != sectors.v[j])
					continue;
				id = tdict_section(td, "ITEM");
				md_set(id, "TITLE", it->title);
				if (it->date != DATE_NONE) {
					date_dots(it->date, date);
					md_set(tdict_section(id, "DATED"),
					    "DATE", date);
				}
				tdict_set(id, "ANCHOR", s->anchors[k][m]);
			}
		}
	}
	tmpl_path(s, "contents.md", &p);
	rc = md_expand_html(p.ptr, d, &html);
	tdict_set(body, "CONTENTS", buf_cstr(&html));
	tdict_free(d);
	buf_free(&p);
	buf_free(&html);
	return rc;
}

/* The HTML of one heading template (section.md, sector.md). */
static int
heading_html(const struct site *s, const char *tmpl, const char *marker,
    const char *name, buf *html)
{
	struct tdict *d = tdict_new(tmpl);
	buf p = {0};
	int rc;

	md_set(d, "MARKER", config_str(s->cfg, "digest", marker, ""));
	md_set(d, "NAME", name);
	tmpl_path(s, tmpl, &p);
	buf_reset(html);
	rc = md_expand_html(p.ptr, d, html);
	tdict_free(d);
	buf_free(&p);
	return rc;
}

/* The HTML of one item: the content of its table cell. */
static int
item_html(const struct site *s, const struct item *it, buf *html)
{
	struct tdict *d = tdict_new("item"), *sub = NULL, *u;
	buf p = {0}, host = {0};
	char date[16];
	size_t i;
	int rc;

	md_set(d, "MARKER", config_str(s->cfg, "digest", "section_marker",
	    ""));
	md_set(d, "TITLE", it->title);
	if (it->date != DATE_NONE) {
		date_dots(it->date, date);
		md_set(tdict_section(d, "DATED"), "DATE", date);
	}
	if (it->bullets.n > 0)
		sub = tdict_section(d, "BULLETS");
	for (i = 0; i < it->bullets.n; i++)
		md_set(tdict_section(sub, "BULLET"), "TEXT",
		    it->bullets.v[i]);
	sub = it->urls.n > 0 ? tdict_section(d, "SOURCES") : NULL;
	for (i = 0; i < it->urls.n; i++) {
		const char *url = it->urls.v[i];

		u = tdict_section(sub, "URL");
		if (url_is_http(url)) {
			u = tdict_section(u, "LINK");
			buf_reset(&host);
			url_host(&host, url);
			md_set(u, "LABEL", host.ptr);
			md_set(u, "HREF", url);
		} else {
			msg(MSG_WARNING, it->file, it->line, "source URL is "
			    "not http or https, shown as text: %s", url);
			md_set(tdict_section(u, "PLAIN"), "TEXT", url);
		}
	}
	tmpl_path(s, "item.md", &p);
	buf_reset(html);
	rc = md_expand_html(p.ptr, d, html);
	tdict_free(d);
	buf_free(&p);
	buf_free(&host);
	return rc;
}

/* One sector table: a row per item, the first of each organisation
 * group carrying the merged 구분 cell. */
static int
issue_table(const struct site *s, size_t k, int sec, int sector,
    struct tdict *td)
{
	const struct config *c = s->cfg;
	const struct issue *is = &s->r->issues[k];
	struct slots orgs;
	struct tdict *row, *g;
	buf html = {0};
	size_t i, m, n, seen;
	int rc = 0;

	org_slots(c, is, sec, sector, &orgs);
	for (i = 0; i < orgs.n; i++) {
		const char *org = taxon_label(c, c->orgs, c->norgs,
		    orgs.v[i]);

		n = count_items(is, sec, sector, orgs.v[i], 0);
		if (n == 0) {
			row = tdict_section(td, "ROW");
			g = tdict_section(row, "GROUP");
			tdict_set_int(g, "ROWSPAN", 1);
			tdict_set(g, "ORG", org);
			tdict_show(row, "NONE_ROW");
			continue;
		}
		for (seen = m = 0; m < is->n; m++) {
			const struct item *it = is->items[m];
			struct tdict *cell;

			if (it->section != sec || it->sector != sector ||
			    it->org != orgs.v[i])
				continue;
			row = tdict_section(td, "ROW");
			if (seen++ == 0) {
				g = tdict_section(row, "GROUP");
				tdict_set_int(g, "ROWSPAN", (long)n);
				tdict_set(g, "ORG", org);
			}
			cell = tdict_section(row, "ITEM");
			tdict_set(cell, "ANCHOR", s->anchors[k][m]);
			rc |= item_html(s, it, &html);
			tdict_set(cell, "HTML", buf_cstr(&html));
		}
	}
	buf_free(&html);
	return rc;
}

static int
issue_body(const struct site *s, size_t k, struct tdict *body)
{
	const struct config *c = s->cfg;
	const struct issue *is = &s->r->issues[k];
	struct slots secs, sectors;
	struct tdict *sd, *td;
	buf html = {0}, id = {0};
	size_t i, j;
	int rc = 0;

	tdict_set(body, "HEADER_LABEL", config_str(c, "digest",
	    "header_label", ""));
	tdict_set(body, "HEADER_CONTENT", config_str(c, "digest",
	    "header_content", ""));
	section_slots(c, is, &secs);
	for (i = 0; i < secs.n; i++) {
		sd = tdict_section(body, "SECTION");
		block_id(c, secs.v[i], -2, &id);
		tdict_set(sd, "ID", id.ptr);
		rc |= heading_html(s, "section.md", "section_marker",
		    section_name(c, secs.v[i]), &html);
		tdict_set(sd, "HEADING", buf_cstr(&html));
		sector_slots(c, is, secs.v[i], &sectors);
		for (j = 0; j < sectors.n; j++) {
			if (table_rows(c, is, secs.v[i], sectors.v[j]) == 0)
				continue;
			td = tdict_section(sd, "SECTOR");
			block_id(c, secs.v[i], sectors.v[j], &id);
			tdict_set(td, "ID", id.ptr);
			rc |= heading_html(s, "sector.md", "sector_marker",
			    sector_name(c, sectors.v[j]), &html);
			tdict_set(td, "HEADING", buf_cstr(&html));
			rc |= issue_table(s, k, secs.v[i], sectors.v[j], td);
		}
	}
	buf_free(&html);
	buf_free(&id);
	return rc;
}

/* A link to the issue before or after, if there is one. */
static void
issue_link(const struct site *s, struct tdict *body, const char *name,
    size_t k)
{
	struct tdict *d = tdict_section(body, name);
	char dir[16];
	buf href = {0};

	issue_dir(&s->r->issues[k], dir);
	buf_printf(&href, "../%s/index.html", dir);
	tdict_set(d, "HREF", href.ptr);
	tdict_set_int(d, "NUMBER", s->r->issues[k].number);
	buf_free(&href);
}

int
page_issue(const struct site *s, size_t k)
{
	const struct issue *is = &s->r->issues[k];
	struct tdict *page, *body;
	buf path = {0};
	char dir[16];
	int rc = 0;

	page = page_new(s, "../", "issue.html", &body);
	tdict_set_int(tdict_section(page, "ISSUE_TITLE"), "NUMBER",
	    is->number);
	rc |= issue_cover(s, is, body);
	rc |= issue_contents(s, k, body);
	rc |= issue_body(s, k, body);
	tdict_set(body, "DISCLAIMER", config_str(s->cfg, "digest",
	    "disclaimer", ""));
	tdict_set(body, "CONTENTS_LABEL", config_str(s->cfg, "digest",
	    "contents", ""));
	if (k > 0)
		issue_link(s, body, "PREV", k - 1);
	if (k + 1 < s->r->n)
		issue_link(s, body, "NEXT", k + 1);
	issue_dir(is, dir);
	buf_printf(&path, "%s/index.html", dir);
	rc |= page_write(s, page, path.ptr);
	buf_free(&path);
	return rc ? -1 : 0;
}

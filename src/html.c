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
#include "issue.h"
#include "markdown.h"
#include "msg.h"
#include "outfile.h"

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
	return c->digest.unclassified;
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
	s->dirs = xcalloc(s->r->n, sizeof(*s->dirs));
	for (i = 0; i < s->r->n; i++) {
		const struct issue *is = &s->r->issues[i];
		anchor_t *a = xcalloc(is->n, sizeof(*a));

		issue_dir(is, s->dirs[i]);

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
	free(s->dirs);
	s->anchors = NULL;
	s->dirs = NULL;
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
	tdict_set_global(d, "SITE_TITLE", c->digest.title);
	tdict_set_global(d, "KICKER", c->digest.kicker);
	tdict_set_global(d, "SUBTITLE", c->digest.subtitle);
	tdict_set_global(d, "NUMBER_LABEL", c->digest.number_label);
	tdict_set_global(d, "NONE", c->digest.none);
	tdict_set_global(d, "AUTHOR", c->digest.author);
	/* The navigation marks where the reader is; the search page has
	 * its own box, so the header's is left off there. */
	if (strcmp(content_template, "home.html") == 0)
		tdict_show(d, "NAV_HOME");
	else if (strcmp(content_template, "archive.html") == 0)
		tdict_show(d, "NAV_ARCHIVE");
	else if (strcmp(content_template, "list.html") == 0)
		tdict_show(d, "NAV_BROWSE");
	if (strcmp(content_template, "search.html") == 0)
		tdict_show(d, "NAV_SEARCH");
	else
		tdict_show(d, "HEADER_SEARCH");
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

static int
issue_cover(const struct site *s, const struct issue *is,
    struct tdict *body)
{
	const struct config *c = s->cfg;
	struct tdict *d = tdict_new("cover");
	buf p = {0}, html = {0}, period = {0}, num = {0};
	int rc;

	md_set(d, "KICKER", c->digest.kicker);
	md_set(d, "TITLE", c->digest.title);
	md_set(d, "SUBTITLE", c->digest.subtitle);
	md_set(d, "NUMBER_LABEL", c->digest.number_label);
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
issue_contents(const struct site *s, const struct itree *T, size_t k,
    struct tdict *body)
{
	const struct config *c = s->cfg;
	struct tdict *d = tdict_new("contents"), *sd, *td, *id;
	buf p = {0}, html = {0};
	char date[16];
	size_t i, j, g, m;
	int rc;

	md_set(d, "CONTENTS", c->digest.contents);
	for (i = 0; i < T->nsections; i++) {
		const struct isection *sec = &T->sections[i];

		sd = tdict_section(d, "SECTION");
		md_set(sd, "MARKER", c->digest.section_marker);
		md_set(sd, "NAME", section_label(c, sec->section));
		block_id(c, sec->section, -2, &p);
		tdict_set(sd, "ID", p.ptr);
		for (j = 0; j < sec->nsectors; j++) {
			const struct isector *b = &sec->sectors[j];

			td = tdict_section(sd, "SECTOR");
			md_set(td, "NAME", sector_label(c, b->sector));
			block_id(c, sec->section, b->sector, &p);
			tdict_set(td, "ID", p.ptr);
			for (g = 0; g < b->ngroups; g++)
				for (m = 0; m < b->groups[g].n; m++) {
					const struct item *it = itree_item(T,
					    &b->groups[g], m);

					id = tdict_section(td, "ITEM");
					md_set(id, "TITLE", it->title);
					if (it->date != DATE_NONE) {
						date_dots(it->date, date);
						md_set(tdict_section(id,
						    "DATED"), "DATE", date);
					}
					tdict_set(id, "ANCHOR", s->anchors[k][
					    b->groups[g].items[m]]);
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

/* Sets key to text escaped for a Markdown link title in double quotes:
 * md_escape() leaves '"', which would close it. */
static void
link_title(struct tdict *d, const char *text)
{
	buf e = {0}, q = {0};
	size_t i;

	md_escape(&e, text);
	for (i = 0; i < e.len; i++) {
		if (e.ptr[i] == '"')
			buf_putc(&q, '\\');
		buf_putc(&q, e.ptr[i]);
	}
	tdict_set(d, "DESC", buf_cstr(&q));
	buf_free(&e);
	buf_free(&q);
}

/* The HTML of one item: the content of its table cell. */
static int
item_html(const struct site *s, const struct item *it, buf *html)
{
	struct tdict *d = tdict_new("item"), *sub = NULL, *u;
	buf p = {0}, host = {0}, desc = {0};
	char date[16];
	size_t i;
	int rc;

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
			/* The outlet, and the item in the link's title: not
			 * forty links that all read "www.bigkinds.or.kr". */
			md_set(u, "LABEL", host.ptr +
			    (strncasecmp(host.ptr, "www.", 4) == 0 &&
			    host.len > 4 ? 4 : 0));
			md_set(u, "HREF", url);
			buf_reset(&desc);
			buf_printf(&desc, "%s: %s", host.ptr, it->title);
			link_title(u, desc.ptr);
		} else {
			msg(MSG_HTML_URL_SCHEME, it->file, it->line, 0, url);
			md_set(tdict_section(u, "PLAIN"), "TEXT", url);
		}
	}
	tmpl_path(s, "item.md", &p);
	buf_reset(html);
	rc = md_expand_html(p.ptr, d, html);
	tdict_free(d);
	buf_free(&p);
	buf_free(&host);
	buf_free(&desc);
	return rc;
}

/* One sector table: a <tbody> per organisation group, its first row
 * carrying the merged 구분 cell. */
static int
issue_table(const struct site *s, const struct itree *T, size_t k,
    const struct isector *b, struct tdict *td)
{
	const struct config *c = s->cfg;
	struct tdict *gd, *row, *cell;
	buf html = {0};
	size_t i, m;
	int rc = 0;

	for (i = 0; i < b->ngroups; i++) {
		const struct igroup *g = &b->groups[i];

		gd = tdict_section(td, "GROUP");
		tdict_set_int(gd, "ROWSPAN", (long)(g->n ? g->n : 1));
		tdict_set(gd, "ORG", org_label(c, g->org));
		tdict_set_int(gd, "COUNT", (long)g->n);
		if (g->n == 0) {
			row = tdict_section(gd, "ROW");
			tdict_show(row, "LABEL");
			tdict_show(row, "NONE_ROW");
			continue;
		}
		for (m = 0; m < g->n; m++) {
			row = tdict_section(gd, "ROW");
			if (m == 0)
				tdict_show(row, "LABEL");
			cell = tdict_section(row, "ITEM");
			tdict_set(cell, "ANCHOR", s->anchors[k][g->items[m]]);
			rc |= item_html(s, itree_item(T, g, m), &html);
			tdict_set(cell, "HTML", buf_cstr(&html));
		}
	}
	buf_free(&html);
	return rc;
}

static int
issue_body(const struct site *s, const struct itree *T, size_t k,
    struct tdict *body)
{
	const struct config *c = s->cfg;
	struct tdict *sd, *td;
	buf id = {0};
	size_t i, j;
	int rc = 0;

	tdict_set(body, "HEADER_LABEL", c->digest.header_label);
	tdict_set(body, "SECTION_MARKER", c->digest.section_marker);
	tdict_set(body, "SECTOR_MARKER", c->digest.sector_marker);
	tdict_set(body, "HEADER_CONTENT", c->digest.header_content);
	for (i = 0; i < T->nsections; i++) {
		const struct isection *sec = &T->sections[i];

		sd = tdict_section(body, "SECTION");
		block_id(c, sec->section, -2, &id);
		tdict_set(sd, "ID", id.ptr);
		tdict_set(sd, "NAME", section_label(c, sec->section));
		for (j = 0; j < sec->nsectors; j++) {
			const struct isector *b = &sec->sectors[j];

			td = tdict_section(sd, "SECTOR");
			block_id(c, sec->section, b->sector, &id);
			tdict_set(td, "ID", id.ptr);
			tdict_set(td, "NAME", sector_label(c, b->sector));
			rc |= issue_table(s, T, k, b, td);
		}
	}
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
	struct itree T;
	buf path = {0};
	char dir[16];
	int rc = 0;

	page = page_new(s, "../", "issue.html", &body);
	tdict_set_int(tdict_section(page, "ISSUE_TITLE"), "NUMBER",
	    is->number);
	rc |= issue_cover(s, is, body);
	itree_build(&T, s->cfg, is);
	rc |= issue_contents(s, &T, k, body);
	rc |= issue_body(s, &T, k, body);
	itree_free(&T);
	tdict_set(body, "DISCLAIMER", s->cfg->digest.disclaimer);
	tdict_set(body, "CONTENTS_LABEL", s->cfg->digest.contents);
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

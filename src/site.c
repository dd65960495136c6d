/* site.c: the static site.  Builds every page in the new output folder
 * that publish.c puts in place whole, so a reader never sees half a
 * site.  The same input gives the same bytes: nothing here
 * reads the clock or depends on hash order.  Every link is relative, so
 * the site works from file:// as well as from a web server. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "html.h"
#include "issue.h"
#include "markdown.h"
#include "msg.h"
#include "render.h"

/* How many issues the front page lists. */
#define RECENT_DEFAULT 10

/* One item of the site: where it is published. */
struct item_ref {
	const struct site	*s;
	size_t			 issue;
	size_t			 item;
};

static const struct item *
entry_item(const struct item_ref *e)
{
	return e->s->r->issues[e->issue].items[e->item];
}

/* Newest issue first; in an issue, newest item first, then published
 * order. */
static int
entry_cmp(const void *va, const void *vb)
{
	const struct item_ref *a = va, *b = vb;
	const struct item *x = entry_item(a), *y = entry_item(b);
	int na = a->s->r->issues[a->issue].number;
	int nb = b->s->r->issues[b->issue].number;

	if (na != nb)
		return na < nb ? 1 : -1;
	if (x->date != y->date) {
		if (x->date == DATE_NONE)
			return 1;
		if (y->date == DATE_NONE)
			return -1;
		return x->date < y->date ? 1 : -1;
	}
	return (a->item > b->item) - (a->item < b->item);
}

/* The items for which keep() is true, sorted by entry_cmp(). */
static struct item_ref *
select_items(const struct site *s, int (*keep)(const struct item *, int),
    int arg, size_t *n)
{
	struct item_ref *v = NULL;
	size_t i, j, cap = 0;

	*n = 0;
	for (i = 0; i < s->r->n; i++)
		for (j = 0; j < s->r->issues[i].n; j++) {
			if (!keep(s->r->issues[i].items[j], arg))
				continue;
			VEC_GROW(v, cap, *n + 1);
			v[*n].s = s;
			v[*n].issue = i;
			v[(*n)++].item = j;
		}
	if (*n > 0)
		qsort(v, *n, sizeof(*v), entry_cmp);
	return v;
}

/* A sector page lists the items filed under the sector and those about
 * it that "within" files under a broader one (hydrogen under carbon). */
int
site_keep_sector(const struct item *it, int sector)
{
	return it->sector == sector || it->narrow == sector;
}

int
site_keep_org(const struct item *it, int org)
{
	return it->org == org;
}

/* The link from the top of the site to an issue, or to one of its
 * items. */
static void
issue_href(const struct site *s, const char *root, size_t k, int item,
    buf *b)
{
	/* Put, not printed: every item the site lists links so. */
	buf_reset(b);
	buf_puts(b, root);
	buf_puts(b, s->dirs[k]);
	buf_puts(b, "/index.html");
	if (item >= 0) {
		buf_putc(b, '#');
		buf_puts(b, s->anchors[k][item]);
	}
}

static void
taxon_href(const char *root, const char *kind, const struct taxon *t,
    buf *b)
{
	buf_reset(b);
	buf_printf(b, "%s%s/", root, kind);
	slug(b, t->id);
	buf_puts(b, ".html");
}

/* The values that describe an issue in a list. */
static void
issue_values(const struct site *s, const char *root, size_t k,
    struct tdict *d)
{
	const struct issue *is = &s->r->issues[k];
	buf b = {0};
	char date[16];

	issue_href(s, root, k, -1, &b);
	tdict_set(d, "HREF", b.ptr);
	tdict_set_int(d, "NUMBER", is->number);
	date_dots(is->date, date);
	tdict_set(d, "DATE", date);
	date_dots(is->first, date);
	tdict_set(d, "FIRST", date);
	date_dots(is->last, date);
	tdict_set(d, "LAST", date);
	buf_reset(&b);
	issue_period(s->cfg, is, &b);
	tdict_set(d, "PERIOD", b.ptr);
	tdict_set_int(d, "COUNT", (long)is->n);
	buf_free(&b);
}

static void
item_values(const struct site *s, const char *root, size_t k, size_t m,
    struct tdict *d)
{
	const struct item *it = s->r->issues[k].items[m];
	buf b = {0};
	char date[16];

	issue_href(s, root, k, (int)m, &b);
	tdict_set(d, "HREF", b.ptr);
	tdict_set(d, "TITLE", it->title);
	if (it->date != DATE_NONE) {
		date_dots(it->date, date);
		tdict_set(tdict_section(d, "DATED"), "DATE", date);
	}
	buf_free(&b);
}

/* The home page's links to the sectors and organisation types: only
 * those with items, since a page that says only "(해당 없음)" helps no
 * one. */
static void
home_browse(const struct site *s, struct tdict *body, buf *b)
{
	const struct config *c = s->cfg;
	struct tdict *d;
	size_t i, n;

	for (i = 0; i < c->nsectors; i++) {
		free(select_items(s, site_keep_sector, (int)i, &n));
		if (n == 0)
			continue;
		d = tdict_section(body, "BROWSE_SECTOR");
		taxon_href("", "sector", &c->sectors[i], b);
		tdict_set(d, "HREF", b->ptr);
		tdict_set(d, "NAME", c->sectors[i].name);
		tdict_set_int(d, "COUNT", (long)n);
	}
	for (i = 0; i < c->norgs; i++) {
		free(select_items(s, site_keep_org, (int)i, &n));
		if (n == 0)
			continue;
		d = tdict_section(body, "BROWSE_ORG");
		taxon_href("", "org", &c->orgs[i], b);
		tdict_set(d, "HREF", b->ptr);
		tdict_set(d, "NAME", c->orgs[i].name);
		tdict_set_int(d, "COUNT", (long)n);
	}
}

static int
page_home(const struct site *s)
{
	const struct config *c = s->cfg;
	const struct render *r = s->r;
	size_t k = (size_t)(r->latest - r->issues), i, j, g, m, nrecent;
	struct itree T;
	struct tdict *page, *body, *latest, *d, *sd;
	buf b = {0};
	long recent = c->site.recent > 0 ? c->site.recent : RECENT_DEFAULT;

	page = page_new(s, "", "home.html", &body);
	latest = tdict_section(body, "LATEST");
	issue_values(s, "", k, latest);
	/* The latest issue as its page shows it: its tree. */
	itree_build(&T, c, r->latest);
	for (i = 0; i < T.nsections; i++) {
		const struct isection *sec = &T.sections[i];

		sd = tdict_section(latest, "SECTION");
		tdict_set(sd, "NAME", section_label(c, sec->section));
		issue_href(s, "", k, -1, &b);
		buf_puts(&b, "#s-");
		if (sec->section >= 0)
			slug(&b, c->sections[sec->section].id);
		else
			buf_puts(&b, "x");
		tdict_set(sd, "HREF", b.ptr);
		tdict_set_int(sd, "COUNT", (long)sec->nitems);
		for (j = 0; j < sec->nsectors; j++) {
			const struct isector *bl = &sec->sectors[j];
			size_t len = b.len;

			if (bl->nitems == 0)
				continue;
			d = tdict_section(sd, "SECTOR");
			tdict_set(d, "NAME", sector_label(c, bl->sector));
			buf_putc(&b, '-');
			if (bl->sector >= 0)
				slug(&b, c->sectors[bl->sector].id);
			else
				buf_puts(&b, "x");
			tdict_set(d, "HREF", b.ptr);
			b.len = len;
			b.ptr[len] = '\0';
			tdict_set_int(d, "COUNT", (long)bl->nitems);
			for (g = 0; g < bl->ngroups; g++)
				for (m = 0; m < bl->groups[g].n; m++)
					item_values(s, "", k,
					    bl->groups[g].items[m],
					    tdict_section(sd, "ITEM"));
		}
	}
	itree_free(&T);
	nrecent = r->n < (size_t)recent ? r->n : (size_t)recent;
	for (i = 0; i < nrecent; i++)
		issue_values(s, "", r->n - 1 - i,
		    tdict_section(body, "RECENT"));
	home_browse(s, body, &b);
	buf_free(&b);
	return page_write(s, page, "index.html");
}

static int
page_archive(const struct site *s)
{
	struct tdict *page, *body, *year = NULL;
	int last = 0, y, m, d;
	size_t i;

	page = page_new(s, "", "archive.html", &body);
	tdict_show(page, "ARCHIVE_TITLE");
	tdict_set_int(body, "COUNT", (long)s->r->n);
	for (i = s->r->n; i-- > 0;) {
		date_to_ymd(s->r->issues[i].date, &y, &m, &d);
		if (year == NULL || y != last) {
			year = tdict_section(body, "YEAR");
			tdict_set_int(year, "YEAR", y);
			last = y;
		}
		issue_values(s, "", i, tdict_section(year, "ISSUE"));
	}
	return page_write(s, page, "archive.html");
}

static int
issue_year(const struct site *s, size_t k)
{
	int y, m, d;

	date_to_ymd(s->r->issues[k].date, &y, &m, &d);
	return y;
}

/* The page of one year of a list, inside its folder: the newest year
 * keeps the list's address (ID.html), an older one is ID-YYYY.html. */
static void
year_file(buf *b, const struct taxon *t, int year, int newest)
{
	buf_reset(b);
	slug(b, t->id);
	if (year != newest)
		buf_printf(b, "-%d", year);
	buf_puts(b, ".html");
}

/* One page of a list: the items v[from..to) of one year, and links to
 * every year's page. */
static int
list_page(const struct site *s, const char *kind, const struct taxon *t,
    int (*keep)(const struct item *, int), const struct item_ref *v,
    size_t n, size_t from, size_t to)
{
	const struct config *c = s->cfg;
	struct tdict *page, *body, *issue = NULL, *d, *years = NULL, *y;
	int newest = n ? issue_year(s, v[0].issue) : 0;
	int year = n ? issue_year(s, v[from].issue) : 0;
	size_t i, j, last = (size_t)-1;
	buf path = {0}, f = {0};
	int rc;

	page = page_new(s, "../", "list.html", &body);
	tdict_set(tdict_section(page, "NAMED"), "NAME", t->name);
	tdict_set(body, "NAME", t->name);
	tdict_show(body, strcmp(kind, "sector") == 0 ? "SECTOR_PAGE" :
	    "ORG_PAGE");
	tdict_set_int(body, "COUNT", (long)n);
	if (n == 0)
		tdict_show(body, "EMPTY");
	/* The years, newest first, when there is more than one. */
	for (i = 0; i < n; i = j) {
		int yi = issue_year(s, v[i].issue);

		for (j = i; j < n && issue_year(s, v[j].issue) == yi; j++)
			;
		if (i == 0 && j == n)
			break;
		if (years == NULL)
			years = tdict_section(body, "YEARS");
		y = tdict_section(years, "YEAR");
		tdict_set_int(y, "YEAR", yi);
		tdict_set_int(y, "COUNT", (long)(j - i));
		year_file(&f, t, yi, newest);
		tdict_set(y, "HREF", f.ptr);
		if (yi == year)
			tdict_show(y, "CURRENT");
	}
	for (i = from; i < to; i++) {
		const struct item *it = entry_item(&v[i]);

		if (v[i].issue != last) {
			issue = tdict_section(body, "ISSUE");
			issue_values(s, "../", v[i].issue, issue);
			last = v[i].issue;
		}
		d = tdict_section(issue, "ITEM");
		item_values(s, "../", v[i].issue, v[i].item, d);
		tdict_set(d, "SECTION", section_label(c, it->section));
		/* The other facet: a sector page names the organisation
		 * type, an organisation page the sector. */
		tdict_set(d, "FACET", keep == site_keep_sector ?
		    org_label(c, it->org) : sector_label(c, it->sector));
	}
	year_file(&f, t, year, newest);
	buf_printf(&path, "%s/%s", kind, f.ptr);
	rc = page_write(s, page, path.ptr);
	buf_free(&path);
	buf_free(&f);
	return rc;
}

/* sector/ID.html or org/ID.html: the items of one sector or one
 * organisation type, newest first, grouped by issue; a page per year,
 * so that ten years of one sector is not one page of megabytes. */
static int
page_list(const struct site *s, const char *kind, const struct taxon *t,
    int (*keep)(const struct item *, int), int arg)
{
	struct item_ref *v;
	size_t n, i, j;
	int rc = 0;

	v = select_items(s, keep, arg, &n);
	if (n == 0)
		rc = list_page(s, kind, t, keep, v, 0, 0, 0);
	for (i = 0; i < n; i = j) {
		int y = issue_year(s, v[i].issue);

		for (j = i; j < n && issue_year(s, v[j].issue) == y; j++)
			;
		rc |= list_page(s, kind, t, keep, v, n, i, j);
	}
	free(v);
	return rc;
}

static int
page_search(const struct site *s)
{
	struct tdict *page, *body;

	page = page_new(s, "", "search.html", &body);
	(void)body;
	tdict_show(page, "SEARCH_TITLE");
	return page_write(s, page, "search.html");
}

static void
json_field(buf *b, const char *key, const char *v)
{
	buf_puts(b, ",\"");
	buf_puts(b, key);
	buf_puts(b, "\":");
	json_str(b, v ? v : "");
}

/* The most bytes of one chunk of the search index: every file a
 * reader's browser loads stays well under 2 MB. */
#define CHUNK_MAX (1024 * 1024)

/* A chunk of the index, search/N.js: a script that hands its entries
 * to the search page (a script, not JSON, so that search works from
 * file://, where a page may not fetch() a file). */
#define CHUNK_HEAD	"window.DIGEST_INDEX_ADD(["
#define CHUNK_TAIL	"\n]);\n"

/* Writes chunk (its head, then its entries) as search/N.js and names it
 * in names; chunk is left holding its head alone. */
static int
search_chunk(const struct site *s, buf *chunk, int n, buf *names)
{
	buf path = {0};
	int rc;

	buf_printf(&path, "search/%d.js", n);
	buf_puts(chunk, CHUNK_TAIL);
	rc = site_file(s, path.ptr, chunk->ptr, chunk->len);
	buf_puts(names, names->len > 1 ? "," : "");
	json_str(names, path.ptr);
	buf_reset(chunk);
	buf_puts(chunk, CHUNK_HEAD);
	buf_free(&path);
	return rc;
}

/* The place of a taxon in the lists of label_list(): -1, unclassified,
 * is the last. */
static int
label_index(int i, size_t n)
{
	return i >= 0 ? i : (int)n;
}

/* A JSON list of the names of a taxonomy, then "unclassified". */
static void
label_list(const struct config *c, const struct taxon *t, size_t n, buf *b)
{
	size_t i;

	buf_reset(b);
	buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		json_str(b, t[i].name);
		buf_putc(b, ',');
	}
	json_str(b, c->digest.unclassified);
	buf_putc(b, ']');
}

/* Appends item m of issue k's entry of the index to b (t: scratch). */
static void
search_entry(const struct site *s, size_t k, size_t m, buf *b, buf *t)
{
	const struct config *c = s->cfg;
	const struct item *it = s->r->issues[k].items[m];
	char date[16];

	buf_printf(b, "\n{\"n\":%d", s->r->issues[k].number);
	date_dots(it->date, date);
	json_field(b, "d", date);
	json_field(b, "t", it->title);
	issue_href(s, "", k, (int)m, t);
	json_field(b, "u", t->ptr);
	/* Names by their place in search-index.js's lists: 30,000 items
	 * need not repeat them. */
	buf_printf(b, ",\"c\":%d,\"s\":%d,\"o\":%d",
	    label_index(item_section_of(c, it), c->nsections),
	    label_index(item_sector_of(c, it), c->nsectors),
	    label_index(item_org_of(c, it), c->norgs));
	buf_puts(b, ",\"b\":");
	json_lines(b, it->bullets.v, it->bullets.n);
	buf_puts(b, "}");
}

/* The search index: the items of every issue, newest first, in chunks
 * of at most CHUNK_MAX bytes of entries that the page loads one after
 * the other when a reader searches; search-index.js names them.  Each
 * entry is made in its chunk, where it is written from. */
static int
search_index(const struct site *s)
{
	const struct config *c = s->cfg;
	struct tdict *d;
	buf b = {0}, t = {0}, js = {0}, names = {0}, e = {0};
	size_t k, m, count = 0, head = strlen(CHUNK_HEAD), at, mark;
	int rc = 0, chunk = 0;

	buf_puts(&names, "[");
	buf_puts(&b, CHUNK_HEAD);
	for (k = s->r->n; k-- > 0;)
		for (m = 0; m < s->r->issues[k].n; m++, count++) {
			if ((at = b.len) > head)
				buf_putc(&b, ',');
			mark = b.len;
			search_entry(s, k, m, &b, &t);
			if (at == head || at - head + b.len - mark <= CHUNK_MAX)
				continue;
			/* Too much for this chunk: it goes without the
			 * entry, which opens the next. */
			buf_reset(&e);
			buf_put(&e, b.ptr + mark, b.len - mark);
			b.len = at;
			b.ptr[at] = '\0';
			rc |= search_chunk(s, &b, ++chunk, &names);
			buf_put(&b, e.ptr, e.len);
		}
	if (b.len > head)
		rc |= search_chunk(s, &b, ++chunk, &names);
	buf_puts(&names, "]");
	d = tdict_new("search-index");
	tdict_set(d, "CHUNKS", names.ptr);
	label_list(c, c->sections, c->nsections, &t);
	tdict_set(d, "SECTIONS", t.ptr);
	label_list(c, c->sectors, c->nsectors, &t);
	tdict_set(d, "SECTORS", t.ptr);
	label_list(c, c->orgs, c->norgs, &t);
	tdict_set(d, "ORGS", t.ptr);
	tdict_set_int(d, "COUNT", (long)count);
	tmpl_path(s, "search-index.js", &t);
	if (tmpl_expand(t.ptr, TMPL_VERBATIM, d, &js) == -1)
		rc = -1;
	else if (site_file(s, "search-index.js", buf_cstr(&js), js.len))
		rc = -1;
	tdict_free(d);
	buf_free(&b);
	buf_free(&e);
	buf_free(&t);
	buf_free(&js);
	buf_free(&names);
	return rc ? -1 : 0;
}

/* The content of an issue's feed entry: its headlines by section,
 * walked from the issue tree (templates/feed-entry.md). */
static int
feed_content(const struct site *s, size_t k, const char *base, buf *html)
{
	const struct config *c = s->cfg;
	struct tdict *d = tdict_new("feed-entry"), *sd, *id;
	struct itree T;
	struct icursor cur;
	const struct item *it;
	buf p = {0}, href = {0};
	char date[16];
	size_t i, at;
	int rc;

	itree_build(&T, c, &s->r->issues[k]);
	for (i = 0; i < T.nsections; i++) {
		const struct isection *sec = &T.sections[i];

		if (sec->nitems == 0)
			continue;
		sd = tdict_section(d, "SECTION");
		md_set(sd, "NAME", section_label(c, sec->section));
		cur = (struct icursor){0};
		while ((it = itree_next(&T, sec, &cur, &at)) != NULL) {
			id = tdict_section(sd, "ITEM");
			md_set(id, "TITLE", it->title);
			issue_href(s, base, k, (int)at, &href);
			md_set(id, "HREF", href.ptr);
			date_dots(it->date, date);
			if (*date)
				md_set(tdict_section(id, "DATED"), "DATE",
				    date);
		}
	}
	itree_free(&T);
	tmpl_path(s, "feed-entry.md", &p);
	buf_reset(html);
	rc = md_expand_html(p.ptr, d, html);
	tdict_free(d);
	buf_free(&p);
	buf_free(&href);
	return rc;
}

/* feed.xml: Atom, one entry per issue, newest first; "updated" is the
 * newest issue's publication day, never the clock. */
static int
feed(const struct site *s)
{
	const struct config *c = s->cfg;
	struct tdict *d, *e;
	buf b = {0}, p = {0}, out = {0};
	long recent = c->site.recent > 0 ? c->site.recent : RECENT_DEFAULT;
	size_t k;
	int rc;

	d = tdict_new("feed");
	tdict_set(d, "BASE", c->site.base_url);
	tdict_set(d, "FEED_ID", c->site.feed_id);
	tdict_set(d, "TITLE", c->digest.title);
	tdict_set(d, "SUBTITLE", c->digest.subtitle);
	tdict_set(d, "AUTHOR", c->digest.author);
	tdict_set(d, "NUMBER_LABEL", c->digest.number_label);
	issue_stamp(c, s->r->issues[s->r->n - 1].date, &b);
	tdict_set(d, "UPDATED", b.ptr);
	rc = 0;
	for (k = s->r->n; k-- > 0;) {
		e = tdict_section(d, "ENTRY");
		issue_values(s, "", k, e);
		issue_stamp(c, s->r->issues[k].date, &b);
		tdict_set(e, "UPDATED", b.ptr);
		/* The headlines of the newest issues only: ten years of
		 * them would make a feed of megabytes. */
		if (s->r->n - k > (size_t)recent)
			continue;
		rc |= feed_content(s, k, c->site.base_url,
		    &b);
		tdict_set(tdict_section(e, "CONTENT"), "HTML", buf_cstr(&b));
	}
	tmpl_path(s, "feed.xml", &p);
	if (rc == 0)
		rc = tmpl_expand(p.ptr, TMPL_BLANK_LINES, d, &out);
	if (rc == 0)
		rc = site_file(s, "feed.xml", buf_cstr(&out), out.len);
	tdict_free(d);
	buf_free(&b);
	buf_free(&p);
	buf_free(&out);
	return rc;
}

/* Copies a file of templates/ as it is (style.css, search.js). */
static int
copy_asset(const struct site *s, const char *name)
{
	buf p = {0};
	char *data;
	size_t len;
	int rc;

	tmpl_path(s, name, &p);
	if ((data = read_whole(p.ptr, &len)) == NULL) {
		msg(MSG_SYS_READ, p.ptr, 0, 0, strerror_safe());
		buf_free(&p);
		return -1;
	}
	rc = site_file(s, name, data, len);
	free(data);
	buf_free(&p);
	return rc;
}

/* Page k of the site: the issues' pages, then the others. */
static int
site_page(const struct site *s, size_t k)
{
	const struct config *c = s->cfg;

	if (k < s->r->n)
		return page_issue(s, k);
	k -= s->r->n;
	if (k == 0)
		return page_home(s);
	if (k == 1)
		return page_archive(s);
	k -= 2;
	if (k < c->nsectors)
		return page_list(s, "sector", &c->sectors[k], site_keep_sector,
		    (int)k);
	k -= c->nsectors;
	if (k < c->norgs)
		return page_list(s, "org", &c->orgs[k], site_keep_org, (int)k);
	k -= c->norgs;
	if (k == 0)
		return page_search(s);
	if (k == 1)
		return search_index(s);
	return feed(s);
}

/* Every page, in two processes when there is more than one issue: no
 * page depends on another (each is a file of its own), so each takes
 * its share of the list (site_split.c: about half of the work, fixed by
 * the input) and the files are those one process writes (the samples'
 * two issues take this path in the golden tests).  One page of each
 * kind is written first, before the fork, so that a template at fault
 * is reported once, not by both; then the other lists, then the issues'
 * pages. */
static int
site_fill(const struct site *s)
{
	struct site_split sp;
	int errs = msg_count(MSG_ERROR);
	pid_t pid = -1;
	size_t j;
	int rc = 0, st, me = 0, forked = 0;

	rc |= copy_asset(s, "style.css");
	rc |= copy_asset(s, "search.js");
	site_split(s, &sp);
	for (j = 0; j < sp.first; j++)
		if (site_page(s, sp.order[j]) != 0)
			rc = -1;
	if (rc == 0 && site_forks(s->r)) {
		pid_t parent = getpid();

		/* No thread may run across a fork: the faces' look-up
		 * (pdf_font_prefetch) ends first. */
		pdf_font_prefetch_wait();
		fflush(NULL);
		if ((pid = fork()) != -1)
			forked = 1;
		me = pid == 0;
		/* The child dies with the build, as --all-pdfs' does: killed,
		 * it must not go on writing into a stage the next build
		 * removes (failing that, the build fails). */
		if (pid == 0 && (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent))
			_exit(1);
	}
	for (j = sp.first; rc == 0 && j < sp.n; j++)
		if ((!forked || sp.writer[sp.order[j]] == me) &&
		    site_page(s, sp.order[j]) != 0)
			rc = -1;
	site_split_free(&sp);
	if (pid == 0) {
		/* What this writer holds that leak checkers would call lost
		 * (the forked copy of fontconfig's state among it). */
		pdf_font_cleanup();
		fflush(NULL);
		_exit(rc != 0 || msg_count(MSG_ERROR) > errs);
	}
	if (pid > 0 && (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0))
		rc = -1;
	return rc;
}

int
site_forks(const struct render *r)
{
	return r->n >= 2 && !one_process();
}

int
site_write(const struct render *r, const char *dir, const char *live)
{
	struct site s;
	int rc;

	if (r->n == 0 || r->latest == NULL) {
		msg(MSG_SITE_NO_ISSUE, dir, 0, 0);
		return -1;
	}
	if (mkdir(dir, 0777) == -1) {
		msg(MSG_SYS_CREATE, dir, 0, 0, strerror_safe());
		return -1;
	}
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.cfg = r->cfg;
	s.dir = dir;
	s.live = live;
	site_anchors(&s);
	rc = site_fill(&s);
	site_anchors_free(&s);
	return rc;
}

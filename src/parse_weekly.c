/* parse_weekly.c: the editor's weekly draft.
 *
 * Structure: " □ section" / "☞ sector 분야" / "구분 제목 및 주요 내용" /
 * organisation label / "□ title (date)" / "- bullet" / wrapped lines /
 * source URLs at the end of each page.  A line with a leading space
 * opens a page; a label or header at a page top may cut an item, whose
 * text then goes on after it.  The labels over an item are recorded as
 * printed; normalise.c says what they name.  The parser still looks
 * them up in the configuration where the draft's structure depends on
 * it: a "□" line is a section header only if it names a section (else
 * it opens an item), a line is an organisation label only if it names
 * one, the groups' configured order tells where a sector header met
 * mid-block takes effect, and only a known sector can be a running
 * title or wait for that. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "joins.h"
#include "msg.h"
#include "normalise.h"
#include "parse.h"
#include "parse_urls.h"
#include "scan.h"

struct weekly {
	struct doc		*d;
	struct corpus		*cs;
	const struct config	*c;
	int			 year;
	struct label_log	*log;
	/* The labels in force: their index in the configuration (for the
	 * structure), and as printed (for the items). */
	int			 section, sector, org;
	struct printed_label	*section_l, *sector_l, *org_l;
	int			 pending;	/* sector header seen mid-block */
	struct printed_label	*pending_l;
	size_t			 pending_from;	/* first item after it */
	long			 cur;		/* current item, -1 none */
	buf			 acc;		/* text being built */
	int			 acc_bullet;	/* acc is a bullet, not the title */
	int			 acc_trail;	/* last line of acc kept a space */
	int			 acc_line;
	size_t			*page;		/* items started on this page */
	size_t			 npage, page_cap;
	char			**urls;		/* URLs at this page's end */
	size_t			 nurls, urls_cap;
	int			 urls_line;
	buf			 header;	/* "구분제목 및 주요 내용" */
	buf			 tmp;
	struct joins		*joins;		/* when line ends lost spaces */
};

/* Ends the text being built: the title or the current bullet. */
static void
flush_text(struct weekly *w)
{
	struct item *it;
	int st;

	if (w->cur < 0 || w->acc.len == 0) {
		buf_reset(&w->acc);
		return;
	}
	it = &w->cs->items[w->cur];
	if (w->acc_bullet) {
		strlist_add(&it->bullets, &w->cs->arena,
		    arena_strndup(&w->cs->arena, w->acc.ptr, w->acc.len));
	} else {
		st = title_split(w->acc.ptr, w->year, &w->cs->arena,
		    &it->title, &it->date);
		if (st == DATE_IMPOSSIBLE) {
			msg(MSG_PARSE_TITLE_DATE_IMPOSSIBLE, w->d->path,
			    it->line, title_date_col(w->d, it->line,
			    w->acc.ptr, it->title), msg_title(w->acc.ptr));
			it->date = DATE_NONE;
		} else if (st == DATE_NOT_A_DATE)
			msg(MSG_PARSE_TITLE_NO_DATE, w->d->path, it->line, 0,
			    msg_title(it->title));
		else
			it->date_col = title_date_col(w->d, it->line,
			    w->acc.ptr, it->title);
	}
	buf_reset(&w->acc);
}

/* Whether the title being built already ends with its date. */
static int
title_complete(const struct weekly *w)
{
	size_t open;
	int date;

	return w->acc.len > 0 && w->acc.ptr[w->acc.len - 1] == ')' &&
	    date_trailing(w->acc.ptr, w->year, &date, &open) !=
	    DATE_NOT_A_DATE;
}

/* Gives the URLs gathered at a page end to the page's items. */
static void
flush_page(struct weekly *w)
{
	struct item **items;
	size_t i;

	if (w->nurls > 0) {
		items = xcalloc(w->npage, sizeof(*items));
		for (i = 0; i < w->npage; i++)
			items[i] = &w->cs->items[w->page[i]];
		urls_assign(items, w->npage, w->urls, w->nurls,
		    &w->cs->arena, w->d->path, w->urls_line);
		free(items);
	}
	w->npage = 0;
	w->nurls = 0;
}

static void
start_item(struct weekly *w, const struct line *l, int lineno)
{
	struct item *it;

	flush_text(w);
	it = corpus_add(w->cs, w->d->path, lineno);
	it->printed[LABEL_KIND_SECTION] = w->section_l;
	it->printed[LABEL_KIND_SECTOR] = w->sector_l;
	it->printed[LABEL_KIND_ORG] = w->org_l;
	w->cur = (long)(w->cs->n - 1);
	VEC_GROW(w->page, w->page_cap, w->npage + 1);
	w->page[w->npage++] = (size_t)w->cur;
	w->acc_bullet = 0;
	w->acc_line = lineno;
	/* Skip the marker "□" and the space after it. */
	buf_puts(&w->acc, str_trim(arena_strdup(&w->cs->arena,
	    l->text + strlen("□"))));
	w->acc_trail = l->trail;
}

/* Gives the deferred sector header to the items since it: no restart
 * of the organisation groups came to claim it. */
static void
resolve_pending(struct weekly *w)
{
	size_t i;

	if (w->pending < 0)
		return;
	for (i = w->pending_from; i < w->cs->n; i++)
		w->cs->items[i].printed[LABEL_KIND_SECTOR] = w->pending_l;
	w->sector = w->pending;
	w->sector_l = w->pending_l;
	w->pending = -1;
	w->pending_l = NULL;
}

/* "☞ 탄소중립 분야".  A sector block runs through the organisation
 * groups in their configured order.  A sector header that turns up in
 * the middle of a block (a page-top title printed out of place) takes
 * effect only where the groups start over.  An unknown sector is
 * reported by normalise.c. */
static int
sector_header(struct weekly *w, const struct line *l, int lineno)
{
	const char *name;
	struct printed_label *p;
	int i;

	if (!str_starts(l->text, "☞"))
		return 0;
	name = l->text + strlen("☞");
	p = label_read(w->log, w->cs, LABEL_KIND_SECTOR, name, lineno,
	    line_col(l, name + strspn(name, " \t")));
	i = taxon_by_name(w->c->sectors, w->c->nsectors, name);
	/* The same sector again is a running title at a page top. */
	if (i >= 0 && i == w->sector && w->pending < 0)
		return 1;
	resolve_pending(w);
	if (w->org >= 0 && i >= 0) {
		w->pending = i;
		w->pending_l = p;
		w->pending_from = w->cs->n;
	} else {
		w->sector = i;
		w->sector_l = p;
		w->org = -1;
		w->org_l = NULL;
	}
	return 1;
}

/* " □ 중앙부처 및 지방자치단체 정책 동향" */
static int
section_header(struct weekly *w, const struct line *l, int lineno)
{
	const char *name;
	int i;

	if (!str_starts(l->text, "□"))
		return 0;
	name = l->text + strlen("□");
	i = taxon_by_name(w->c->sections, w->c->nsections, name);
	if (i < 0)
		return 0;
	if (i == w->section)	/* a running title at a page top */
		return 1;
	resolve_pending(w);
	w->section = i;
	w->section_l = label_read(w->log, w->cs, LABEL_KIND_SECTION, name,
	    lineno, line_col(l, name + strspn(name, " \t")));
	w->sector = -1;
	w->sector_l = NULL;
	w->org = -1;
	w->org_l = NULL;
	return 1;
}

/* "중앙부처", "대학교 - (해당 없음)" */
static int
org_label(struct weekly *w, const struct line *l, int lineno)
{
	char *t = l->text, *p;
	int i;

	if (strstr(t, w->c->digest.none) != NULL) {
		buf_reset(&w->tmp);
		buf_put(&w->tmp, l->text, l->len);
		t = w->tmp.ptr;
		p = strstr(t, w->c->digest.none);
		*p = '\0';
		str_trim(t);
		if ((p = strrchr(t, '-')) != NULL && p[1] == '\0')
			*p = '\0';
	}
	i = taxon_by_name(w->c->orgs, w->c->norgs, t);
	if (i < 0)
		return 0;
	/* The groups start over, at an earlier group or at the very group
	 * the header interrupted (a page-top "☞ AI 분야" over the label
	 * 국가기관 while 국가기관 items ran): here the new sector begins.
	 * A later group still belongs to the old sector. */
	if (w->pending >= 0 && i <= w->org) {
		w->sector = w->pending;
		w->sector_l = w->pending_l;
		w->pending = -1;
		w->pending_l = NULL;
	}
	w->org = i;
	w->org_l = label_read(w->log, w->cs, LABEL_KIND_ORG, t, lineno,
	    line_col(l, l->text));
	return 1;
}

static int
table_header(struct weekly *w, const struct line *l)
{
	return str_eq_nospace(l->text, w->header.ptr);
}

/* "❚ 2", "2 ❚", "i ❚", "- 12 -", "12" */
static int
page_mark(const struct line *l)
{
	const char *p = l->text;
	int digits = 0, other = 0;

	if (strstr(p, "❚") != NULL) {
		for (; *p; p++)
			if (!(isalnum((unsigned char)*p) || *p == ' ' ||
			    (unsigned char)*p >= 0x80))
				other++;
		return other == 0 && l->len <= 12;
	}
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p != ' ' && *p != '-')
			return 0;
	}
	return digits > 0 && digits <= 4;
}

static void
add_url(struct weekly *w, const struct line *l, int lineno)
{
	if (w->nurls == 0)
		w->urls_line = lineno;
	VEC_GROW(w->urls, w->urls_cap, w->nurls + 1);
	w->urls[w->nurls++] = l->text;
}

/* "- bullet" */
static void
start_bullet(struct weekly *w, const struct line *l, int lineno)
{
	flush_text(w);
	w->acc_bullet = 1;
	w->acc_line = lineno;
	buf_puts(&w->acc, str_trim(arena_strdup(&w->cs->arena, l->text + 1)));
	w->acc_trail = l->trail;
}

/* A wrapped line: the title or bullet goes on, unless the title is
 * complete with its date: then the text is a bullet that lost its
 * marker. */
static void
wrapped_line(struct weekly *w, const struct line *l, int lineno)
{
	if (!w->acc_bullet && title_complete(w)) {
		msg(MSG_WEEKLY_NO_MARKER, w->d->path, lineno,
		    line_col(l, l->text));
		flush_text(w);
		w->acc_bullet = 1;
	}
	joins_wrap(w->joins, &w->acc, w->acc_trail, l->text, lineno);
	w->acc_trail = l->trail;
}

size_t
parse_weekly(struct doc *d, struct corpus *cs, const struct config *c,
    struct label_log *log)
{
	struct weekly w;
	size_t i, before = cs->n;

	memset(&w, 0, sizeof(w));
	w.d = d;
	w.cs = cs;
	w.c = c;
	w.log = log;
	w.year = doc_year_hint(d);
	w.section = w.sector = w.org = w.pending = -1;
	w.cur = -1;
	table_header_text(&w.header, c);
	w.joins = joins_learn(d, c);
	for (i = 0; i < d->n; i++) {
		struct line *l = &d->lines[i];
		int lineno = (int)i + 1;

		if (l->len == 0)
			continue;
		if (is_url(l->text)) {
			add_url(&w, l, lineno);
			l->use = LINE_USED;
			continue;
		}
		/* A page ends after its URLs, or where the next one opens. */
		if (w.nurls > 0 || l->lead)
			flush_page(&w);
		l->use = LINE_FURNITURE;
		if (table_header(&w, l) || page_mark(l) ||
		    section_header(&w, l, lineno) ||
		    sector_header(&w, l, lineno) || org_label(&w, l, lineno))
			continue;
		l->use = LINE_USED;
		if (str_starts(l->text, "□")) {
			start_item(&w, l, lineno);
			continue;
		}
		if (w.cur < 0) {
			l->use = LINE_UNPLACED;
			msg(MSG_WEEKLY_OUTSIDE, d->path, lineno,
			    line_col(l, l->text), l->text);
			continue;
		}
		if (str_starts(l->text, "- ") || strcmp(l->text, "-") == 0)
			start_bullet(&w, l, lineno);
		else
			wrapped_line(&w, l, lineno);
	}
	flush_text(&w);
	flush_page(&w);
	resolve_pending(&w);
	buf_free(&w.acc);
	buf_free(&w.header);
	buf_free(&w.tmp);
	joins_free(w.joins);
	free(w.page);
	free(w.urls);
	return cs->n - before;
}

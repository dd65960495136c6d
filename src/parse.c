/* parse.c: detects a file's dialect, runs its parser, then the pass
 * that normalises what it read (normalise.c), and cuts what no reader
 * can use.  What the parsers share is in scan.c. */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "normalise.h"
#include "parse.h"
#include "scan.h"

static const char *const names[] = {
	"unknown", "weekly draft", "digest re-import", "trend watch",
	"outline",
};

const char *
dialect_name(int d)
{
	return d >= 0 && d <= DIALECT_OUTLINE ? names[d] : names[0];
}

/* Counts line shapes and picks the dialect they point to; the table
 * headers are the configured ones. */
int
dialect_detect(const struct doc *d, const struct config *c)
{
	size_t i;
	int weekly = 0, reimport = 0, trend = 0, outline = 0;
	buf header = {0};
	const char *summary = c->trend.summary_header;

	table_header_text(&header, c);

	for (i = 0; i < d->n; i++) {
		const char *t = d->lines[i].text;
		/* Every mark looked for at the start begins with byte E2
		 * (☞ □ ∙ ① ▪ ▷ ☐ ○): one test skips them all on most lines. */
		int e2 = (unsigned char)t[0] == 0xE2;

		if (d->lines[i].len == 0)
			continue;
		if (t[0] == '#' || (strchr(t, '\t') && strstr(t, "<b>")))
			reimport += t[0] == '#' ? 1 : 3;
		if (e2 && str_starts(t, "☞"))
			weekly += 3;
		if (e2 && str_starts(t, "□ ") && d->lines[i].len > 12 &&
		    (t[d->lines[i].len - 1] == ')' ||
		    strstr(t, "(20") != NULL))
			weekly++;
		if (str_eq_nospace(t, header.ptr))
			weekly += 2;
		if ((e2 && str_starts(t, "∙ (")) || str_eq_nospace(t,
		    summary))
			trend += 3;
		/* Plans too: amounts after ▷ inside a line, ☐ and ○ levels. */
		if ((e2 && (str_starts(t, "①") || str_starts(t, "▪") ||
		    str_starts(t, "☐") || str_starts(t, "○ "))) ||
		    strstr(t, "▷") != NULL || (strstr(t, "분기") != NULL &&
		    (strstr(t, "분기 >") != NULL || strstr(t, "분기>") != NULL)))
			outline++;
	}
	buf_free(&header);
	if (reimport > 2 && reimport >= weekly)
		return DIALECT_REIMPORT;
	if (weekly >= trend && weekly >= outline && weekly > 0)
		return DIALECT_WEEKLY;
	if (trend > 0 && trend >= outline)
		return DIALECT_TREND;
	if (outline > 0)
		return DIALECT_OUTLINE;
	return DIALECT_UNKNOWN;
}

/* s cut to at most max characters, the last of them "…", at a space
 * near the end where there is one; a paragraph of megabytes is not
 * news, and would fill a thousand pages.  Returns s when it fits. */
static char *
clip(struct arena *a, char *s, size_t max, const struct item *it,
    const char *what)
{
	size_t i = 0, n = 0, len = strlen(s), adv, at = 0, space = 0;
	char *r;

	/* No more bytes than the limit: no more characters either. */
	if (len <= max)
		return s;
	for (i = 0; i < len; i += adv ? adv : 1, n++) {
		if (n == max - 1)
			at = i;
		if (s[i] == ' ' && n < max - 1 && n >= max - max / 5)
			space = i;
		utf8_decode(s + i, len - i, &adv);
	}
	if (n <= max)
		return s;
	if (space > 0)
		at = space;
	r = arena_alloc(a, at + 4);
	memcpy(r, s, at);
	memcpy(r + at, "\xe2\x80\xa6", 4);	/* … */
	msg(MSG_PARSE_FIELD_CUT, it->file, it->line, 0, what, n, max - 1);
	return r;
}

/* Cuts what no reader can use, once, for every output alike. */
static void
items_clip(struct corpus *cs, size_t from, const struct config *c)
{
	/* [digest] max_title, max_bullet, max_url: at least 2 (config.c). */
	size_t mt = (size_t)c->digest.max_title;
	size_t mb = (size_t)c->digest.max_bullet;
	size_t mu = (size_t)c->digest.max_url, i, k;

	for (i = from; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		if (it->title)
			it->title = clip(&cs->arena, it->title, mt, it,
			    "title");
		for (k = 0; k < it->bullets.n; k++)
			it->bullets.v[k] = clip(&cs->arena, it->bullets.v[k],
			    mb, it, "bullet");
		for (k = 0; k < it->urls.n; k++)
			it->urls.v[k] = clip(&cs->arena, it->urls.v[k], mu,
			    it, "URL");
	}
}

static size_t
parse_dialect(struct doc *d, struct corpus *cs, const struct config *c,
    struct label_log *log)
{
	switch (d->dialect) {
	case DIALECT_WEEKLY:
		return parse_weekly(d, cs, c, log);
	case DIALECT_REIMPORT:
		return parse_reimport(d, cs, c, log);
	case DIALECT_TREND:
		return parse_trend(d, cs, c);
	case DIALECT_OUTLINE:
		return parse_outline(d, cs, c);
	default:
		break;
	}
	/* Nothing we know: read it as a weekly draft, which reports every
	 * line it cannot place. */
	return parse_weekly(d, cs, c, log);
}

size_t
parse_doc(struct doc *d, struct corpus *cs, const struct config *c)
{
	struct label_log log = {0};
	buf held = {0}, *was;
	size_t from = cs->n, n;

	d->dialect = dialect_detect(d, c);
	d->trail_wraps = doc_trail_wraps(d);
	/* The parser's messages wait, to come out with the pass's in the
	 * order they would have come had the parser said both. */
	was = msg_capture(&held);
	n = parse_dialect(d, cs, c, &log);
	msg_capture(was);
	normalise(&log, cs, from, c, d->path, &held);
	label_log_free(&log);
	buf_free(&held);
	items_clip(cs, from, c);
	return n;
}

/* markdown.c: escaping text into Markdown and Markdown into HTML.
 * This is the only place where text becomes Markdown and the only
 * place cmark is called. */
#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "markdown.h"
#include "outfile.h"

/* Characters that mean something in CommonMark wherever they stand:
 * emphasis, code spans, links and images, raw HTML and entities, and
 * the backslash itself.  '#' and '|' and '~' are escaped too: '#'
 * closes ATX headings, the others are common extensions. */
static int
md_special(int c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '[': case ']':
	case '<': case '>': case '&': case '!': case '#': case '|': case '~':
		return 1;
	}
	return 0;
}

/* Characters that open a block when they start a line (a list item,
 * a setext underline), other than those md_special() escapes anyway
 * ('#', '>', '*'). */
static int
md_block_start(int c)
{
	return c != '\0' && strchr("-+=", c) != NULL;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

void
md_escape(buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	size_t digits;

	if (s == NULL)
		return;
	while (is_space(*p))
		p++;
	end = p + strlen((const char *)p);
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end) {
		buf_put(b, "", 0);
		return;
	}
	/* An ordered list marker: up to nine digits, then '.' or ')'. */
	for (digits = 0; digits < 10 && p + digits < end &&
	    p[digits] >= '0' && p[digits] <= '9'; digits++)
		;
	if (digits > 0 && digits < 10 && p + digits < end &&
	    (p[digits] == '.' || p[digits] == ')')) {
		buf_put(b, p, digits);
		buf_putc(b, '\\');
		p += digits;
	} else if (md_block_start(*p))
		buf_putc(b, '\\');
	/* Runs of plain characters copied at once: every field of every
	 * page comes through here. */
	while (p < end) {
		const unsigned char *run = p;

		while (p < end && !is_space(*p) && *p >= 0x20 && *p != 0x7f &&
		    !(*p < 0x80 && md_special(*p)))
			p++;
		buf_put(b, run, (size_t)(p - run));
		if (p == end)
			break;
		if (is_space(*p))
			buf_putc(b, ' ');
		else if (*p >= 0x20 && *p != 0x7f) {
			buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		p++;
	}
}

void
md_set(struct tdict *d, const char *key, const char *value)
{
	buf b = {0};

	md_escape(&b, value);
	tdict_set(d, key, buf_cstr(&b));
	buf_free(&b);
}

void
md_render(buf *html, const char *md, size_t len)
{
	char *h = cmark_markdown_to_html(md ? md : "", md ? len : 0,
	    CMARK_OPT_DEFAULT);

	buf_puts(html, h);
	free(h);
}

int
md_expand_html(const char *path, const struct tdict *d, buf *html)
{
	buf md = {0};
	int rc;

	if ((rc = tmpl_expand(path, TMPL_VERBATIM, d, &md)) == 0)
		md_render(html, md.ptr ? md.ptr : "", md.len);
	buf_free(&md);
	return rc;
}

void
item_anchor(const char *title, int date, char out[ANCHOR_SIZE])
{
	uint64_t h = FNV64_INIT;
	char iso[16] = "";

	if (title == NULL)
		title = "";
	if (date != DATE_NONE)
		date_iso(date, iso);
	h = fnv64(h, title, strlen(title) + 1);	/* with its NUL */
	h = fnv64(h, iso, strlen(iso));
	snprintf(out, ANCHOR_SIZE, "i-%016llx", (unsigned long long)h);
}

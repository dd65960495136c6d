/* markdown.h: the Markdown stage of the site.  Every part of an issue
 * (cover, contents, section and sector headings, each item) is
 * Markdown expanded from its template in templates/, then turned into
 * HTML by cmark in its safe default.  Text from bulletins and the
 * configuration enters Markdown only through md_escape(). */
#ifndef DIGEST_MARKDOWN_H
#define DIGEST_MARKDOWN_H

#include <stddef.h>

#include "model.h"
#include "tmpl.h"
#include "util.h"

/* Appends s as Markdown text that reads back as exactly s: ASCII
 * punctuation with a meaning in Markdown is backslash-escaped, a
 * leading block marker (#, -, +, =, >, "1." ...) is neutralised, line
 * breaks and tabs become spaces, control characters and white space at
 * either end are dropped. */
void	 md_escape(buf *, const char *s);

/* Sets key in a Markdown template's dictionary to md_escape(value). */
void	 md_set(struct tdict *, const char *key, const char *value);

/* Appends the HTML of a Markdown text, rendered by cmark with
 * CMARK_OPT_DEFAULT: raw HTML is omitted and dangerous link schemes
 * (javascript:, data: ...) are dropped. */
void	 md_render(buf *html, const char *md, size_t len);

/* Expands the Markdown template at path and appends its HTML. */
int	 md_expand_html(const char *path, const struct tdict *, buf *html);

/* The stable anchor of an item, "i-" and the FNV-1a 64-bit hash of
 * its title, a NUL byte and its ISO date (empty when undated) in 16
 * lowercase hex digits: it survives any change of the item's place. */
#define ANCHOR_SIZE 19
void	 item_anchor(const char *title, int date, char out[ANCHOR_SIZE]);

#endif

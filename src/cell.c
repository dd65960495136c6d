/* cell.c: a re-imported cell's HTML into paragraphs, with gumbo.
 *
 * The converter writes each cell as a fragment of HTML: <p><b>□ title
 * (date)</b></p> <ul><li>- bullet</li></ul>, often with a checkbox
 * <input> for the □, sometimes with a tag left open or an entity.  An
 * HTML5 tree builder reads all of that the way a browser would; we only
 * walk the tree it builds, in document order, without recursion (a
 * hostile cell can nest deeply). */
#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "read.h"

struct para_reader {
	buf		 raw;		/* the paragraph being read */
	int		 real;		/* raw holds text beyond markers */
	int		 bold;		/* that text opened in bold */
	int		 bold_depth;	/* <b>/<strong> we are inside */
	int		 li_depth;
	struct arena	*a;
	struct para	*v;
	size_t		 n, cap;
};

/* Characters that mark an item rather than tell it: the converter's
 * □ and its lookalikes. */
static const char *const marks[] = { "□", "▪", "■", "☐", "☑", "☒", "◻" };

/* The length of white space and marks at the start of s. */
static size_t
lead_marks(const char *s)
{
	size_t i = 0, k;

	for (;;) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f') {
			i++;
			continue;
		}
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (str_starts(s + i, marks[k]))
				break;
		if (k == sizeof(marks) / sizeof(marks[0]))
			return i;
		i += strlen(marks[k]);
	}
}

static void
flush(struct para_reader *w)
{
	struct para *p;
	char *norm, *t;
	size_t len, i, j;
	buf *raw = &w->raw;

	if (raw->len == 0)
		goto out;
	VEC_GROW(w->v, w->cap, w->n + 1);
	p = &w->v[w->n];
	p->bold = w->bold;
	p->item = w->li_depth > 0;
	p->lead = strchr(" \t\n\r\f", raw->ptr[0]) != NULL;
	p->trail = strchr(" \t\n\r\f", raw->ptr[raw->len - 1]) != NULL;
	/* Entities may have brought lookalikes and NFD back in. */
	norm = text_normalise(raw->ptr, raw->len, &len);
	t = norm ? norm : raw->ptr;
	len = norm ? len : raw->len;
	p->text = arena_alloc(w->a, len + 1);
	for (i = j = 0; i < len; i++) {
		int sp = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
		    t[i] == '\r' || t[i] == '\f';

		if (sp && (j == 0 || p->text[j - 1] == ' '))
			continue;
		p->text[j++] = sp ? ' ' : t[i];
	}
	while (j > 0 && p->text[j - 1] == ' ')
		j--;
	p->text[j] = '\0';
	free(norm);
	if (j > 0)
		w->n++;
out:
	buf_reset(raw);
	w->real = w->bold = 0;
}

static void
text(struct para_reader *w, const char *s)
{
	size_t m = lead_marks(s);

	/* The first real text of a paragraph tells whether it is bold. */
	if (!w->real && s[m] != '\0') {
		w->real = 1;
		w->bold = w->bold_depth > 0;
	}
	buf_puts(&w->raw, s);
}

static int
is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_DIV: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_BODY:
		return 1;
	default:
		return 0;
	}
}

static int
is_bold(GumboTag t)
{
	return t == GUMBO_TAG_B || t == GUMBO_TAG_STRONG;
}

static void
enter(struct para_reader *w, const GumboNode *n)
{
	GumboTag t;

	if (n->type != GUMBO_NODE_ELEMENT) {
		if (n->type == GUMBO_NODE_TEXT ||
		    n->type == GUMBO_NODE_WHITESPACE ||
		    n->type == GUMBO_NODE_CDATA)
			text(w, n->v.text.text);
		return;
	}
	t = n->v.element.tag;
	if (is_block(t))
		flush(w);
	if (t == GUMBO_TAG_LI)
		w->li_depth++;
	else if (t == GUMBO_TAG_BR)
		buf_putc(&w->raw, ' ');
	else if (is_bold(t))
		w->bold_depth++;
	/* <head> holds no text of the cell; <script> and <style> never
	 * reach the page as text either. */
}

static void
leave(struct para_reader *w, const GumboNode *n)
{
	GumboTag t;

	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	t = n->v.element.tag;
	if (is_block(t))
		flush(w);
	if (t == GUMBO_TAG_LI)
		w->li_depth--;
	else if (is_bold(t))
		w->bold_depth--;
}

static int
skipped(const GumboNode *n)
{
	if (n->type != GUMBO_NODE_ELEMENT)
		return n->type == GUMBO_NODE_COMMENT;
	switch (n->v.element.tag) {
	case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE:
		return 1;
	default:
		return 0;
	}
}

static const GumboNode *
first_child(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_ELEMENT && n->v.element.children.length)
		return n->v.element.children.data[0];
	return NULL;
}

static const GumboNode *
next_sibling(const GumboNode *n)
{
	const GumboNode *p = n->parent;
	size_t i = n->index_within_parent + 1;

	if (p == NULL || p->type != GUMBO_NODE_ELEMENT ||
	    i >= p->v.element.children.length)
		return NULL;
	return p->v.element.children.data[i];
}

/* Text without its tags, as one paragraph: the tail of a cell of more
 * tags than a real one holds (tens).  gumbo's tree builder takes time
 * and memory that grow faster than the count of nested formatting
 * tags, so only the first CELL_MAX_TAGS go to it. */
static void
flat_text(const char *html, size_t len, struct para_reader *w)
{
	size_t i;
	int in_tag = 0;

	flush(w);
	for (i = 0; i < len; i++) {
		if (html[i] == '<')
			in_tag = 1;
		else if (html[i] == '>' && in_tag)
			in_tag = 0, buf_putc(&w->raw, ' ');
		else if (!in_tag)
			buf_putc(&w->raw, html[i]);
	}
	flush(w);
}

/* Depth first, in document order: enter a node, go down, and leave it
 * when its last child is done. */
static void
walk_tree(struct para_reader *w, const char *html, size_t len)
{
	GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions,
	    html, len);
	const GumboNode *n = g->root, *c = NULL;

	while (n != NULL) {
		if (!skipped(n)) {
			enter(w, n);
			if ((c = first_child(n)) != NULL) {
				n = c;
				continue;
			}
			leave(w, n);
		}
		while (n != NULL && (c = next_sibling(n)) == NULL) {
			n = n->parent;
			if (n != NULL)
				leave(w, n);
		}
		n = c;
	}
	flush(w);
	gumbo_destroy_output(&kGumboDefaultOptions, g);
}

size_t
cell_paragraphs(const char *html, size_t len, struct arena *a,
    struct para **out, int *flat)
{
	struct para_reader w;
	size_t cut, tags = 0;

	memset(&w, 0, sizeof(w));
	w.a = a;
	for (cut = 0; cut < len; cut++)
		if (html[cut] == '<' && ++tags > CELL_MAX_TAGS)
			break;
	*flat = cut < len;
	walk_tree(&w, html, cut);
	if (cut < len)
		flat_text(html + cut, len - cut, &w);
	buf_free(&w.raw);
	*out = w.v;
	return w.n;
}

size_t
cell_marks(const char *s)
{
	return lead_marks(s);
}

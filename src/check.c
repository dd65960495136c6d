/* check.c: what `digest check` tells an editor.  The words are the
 * editor's: a file's "format" (how it is laid out), lines "in items",
 * "page furniture" (explained once) and "not placed". */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "msg.h"
#include "parse.h"
#include "summary.h"

struct problem {
	int		 line;
	size_t		 order;		/* ties keep the order they came in */
	const char	*text;		/* "file:line: ..." */
	char		*own;		/* text, when made here */
};

static int
cmp_problem(const void *a, const void *b)
{
	const struct problem *p = a, *q = b;

	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	return p->order < q->order ? -1 : p->order > q->order;
}

/* The line number of a message "path:LINE: ..." about path; 0 for one
 * about the file as a whole, -1 when it is about another file. */
static int
message_line(const char *m, const char *path)
{
	buf e = {0};
	size_t n;
	int line = -1;

	msg_escape(&e, path, strlen(path));	/* as messages show it */
	n = e.len;
	if (n > 0 && strncmp(m, e.ptr, n) == 0 && m[n] == ':')
		line = atoi(m + n + 1);
	buf_free(&e);
	return line;
}

static void
file_line(FILE *f, const struct doc *d, const struct corpus *cs,
    size_t *unplaced)
{
	size_t j, k, n = 0, used = 0, furn = 0, unpl = 0;
	buf path = {0};

	for (j = 0; j < d->n; j++) {
		if (d->lines[j].use == LINE_USED)
			used++;
		else if (d->lines[j].use == LINE_FURNITURE)
			furn++;
		else
			unpl++;
	}
	for (k = 0; k < cs->n; k++)
		if (cs->items[k].file == d->path)
			n++;
	*unplaced += unpl;
	/* A file name is shown escaped, as in every message. */
	msg_escape(&path, d->path, strlen(d->path));
	fprintf(f, "%s: format %s, %s, %zu item%s; %zu lines: %zu in items, "
	    "%zu page furniture, %zu not placed\n", path.ptr,
	    d->dialect > 0 ? dialect_name(d->dialect) : "not recognised",
	    d->encoding, n, n == 1 ? "" : "s", d->n, used, furn, unpl);
	buf_free(&path);
}

/* The problems of one file, by line: the messages kept about it and
 * its lines not placed.  Marks the messages printed in done. */
static size_t
file_problems(FILE *f, const struct doc *d, const char **msgs, size_t nm,
    char *done)
{
	struct problem *p = NULL;
	size_t i, n = 0, cap = 0;
	int line;

	for (i = 0; i < nm; i++) {
		if (done[i] || (line = message_line(msgs[i], d->path)) < 0)
			continue;
		VEC_GROW(p, cap, n + 1);
		p[n++] = (struct problem){ line, i, msgs[i], NULL };
		done[i] = 1;
	}
	for (i = 0; i < d->n; i++) {
		buf b = {0};
		const char *t;

		if (d->lines[i].use != LINE_UNPLACED)
			continue;
		msg_escape(&b, d->path, strlen(d->path));
		buf_printf(&b, ":%zu: not placed in any item: ", i + 1);
		t = msg_title(d->lines[i].text);
		msg_escape(&b, t, strlen(t));
		VEC_GROW(p, cap, n + 1);
		p[n] = (struct problem){ (int)i + 1, nm + i, b.ptr, b.ptr };
		n++;
	}
	if (n > 0)
		qsort(p, n, sizeof(*p), cmp_problem);
	for (i = 0; i < n; i++) {
		fprintf(f, "%s\n", p[i].text);
		free(p[i].own);
	}
	free(p);
	return n;
}

void
check_files(FILE *f, const struct doc *docs, size_t ndocs,
    const struct corpus *cs)
{
	size_t i, unplaced = 0;

	for (i = 0; i < ndocs; i++)
		if (docs[i].lines != NULL || docs[i].n != 0 ||
		    docs[i].encoding != NULL)
			file_line(f, &docs[i], cs, &unplaced);
	fputs("(page furniture: blank lines, table headers, page marks and "
	    "numbers, labels repeated\n at a page top: the page's layout, "
	    "set aside and never published)\n", f);
}

void
check_problems(FILE *f, const struct doc *docs, size_t ndocs,
    const struct corpus *cs, const struct config *cfg)
{
	const char **msgs;
	size_t nm = msg_recorded(&msgs), i, k, files = 0, unplaced = 0,
	    problems = 0, counts[TAXON_MAX + 1] = {0};
	char *done = xcalloc(nm + 1, 1);
	buf b = {0};

	for (i = 0; i < ndocs; i++) {
		if (docs[i].lines == NULL && docs[i].n == 0 &&
		    docs[i].encoding == NULL)
			continue;	/* unread: an error says so */
		files++;
		for (k = 0; k < docs[i].n; k++)
			unplaced += docs[i].lines[k].use == LINE_UNPLACED;
	}
	fputs("\nproblems:\n", f);
	/* First those about no input file (the configuration, the run). */
	for (i = 0; i < nm; i++) {
		size_t k;

		for (k = 0; k < ndocs; k++)
			if (message_line(msgs[i], docs[k].path) >= 0)
				break;
		if (k == ndocs) {
			fprintf(f, "%s\n", msgs[i]);
			done[i] = 1;
			problems++;
		}
	}
	for (i = 0; i < ndocs; i++)
		problems += file_problems(f, &docs[i], msgs, nm, done);
	if (problems == 0)
		fputs("none\n", f);
	for (i = 0; i < cs->n; i++)
		summary_count(counts, &cs->items[i]);
	summary_sections(&b, cfg, counts);
	fprintf(f, "\nchecked %zu file%s: items %s; %zu line%s not placed; "
	    "%d warning%s; %d error%s\n", files, files == 1 ? "" : "s",
	    b.ptr, unplaced, unplaced == 1 ? "" : "s",
	    msg_count(MSG_WARNING), msg_count(MSG_WARNING) == 1 ? "" : "s",
	    msg_count(MSG_ERROR), msg_count(MSG_ERROR) == 1 ? "" : "s");
	buf_free(&b);
	free(done);
}

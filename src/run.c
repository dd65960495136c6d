/* run.c: the inputs of a run: the files and folders named on the
 * command line gathered (each file once, folders in name order), then
 * read, parsed, classified and deduplicated into the model. */
#include <dirent.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "classify.h"
#include "correct.h"
#include "dedup.h"
#include "msg.h"
#include "read.h"
#include "run.h"
#include "util.h"
#include "weeks.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_path(struct run *r, const char *p, const struct stat *st)
{
	VEC_GROW(r->paths, r->pathcap, r->npaths + 1);
	VEC_GROW(r->ids, r->idcap, r->npaths + 1);
	r->ids[r->npaths].dev = st->st_dev;
	r->ids[r->npaths].ino = st->st_ino;
	r->paths[r->npaths++] = xstrdup(p);
}

/* A folder read, by device and inode: a symlink to a folder is followed
 * once, and a folder reached again is not read again. */
struct seen_dir {
	dev_t		 dev;
	ino_t		 ino;
	const char	*path;		/* as first reached */
	int		 open;		/* an ancestor of what is read now */
};

struct dir_walk {
	struct run	*r;
	struct seen_dir	*v;
	size_t		 n, cap;
	size_t		 max;		/* bytes of one input file */
};

static struct seen_dir *
seen_find(struct dir_walk *w, const struct stat *st)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].dev == st->st_dev && w->v[i].ino == st->st_ino)
			return &w->v[i];
	return NULL;
}

static int collect(struct dir_walk *, const char *);

/* Reads a folder's entries in name order; hidden ones are skipped. */
static int
collect_dir(struct dir_walk *w, const char *path, const struct stat *st)
{
	struct seen_dir *s = seen_find(w, st);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i, self, cap = 0;
	DIR *dir;
	int rc = 0;

	if (s != NULL && s->open) {
		msg(MSG_INPUT_LINK_LOOP, path, 0, 0, s->path);
		return -1;
	}
	if (s != NULL) {
		msg(MSG_INPUT_SAME_FOLDER, path, 0, 0, s->path);
		return 0;
	}
	if ((dir = opendir(path)) == NULL) {
		msg(MSG_SYS_READ, path, 0, 0, strerror_safe());
		return -1;
	}
	VEC_GROW(w->v, w->cap, w->n + 1);
	self = w->n++;
	w->v[self].dev = st->st_dev;
	w->v[self].ino = st->st_ino;
	w->v[self].path = xstrdup(path);
	w->v[self].open = 1;
	while ((de = readdir(dir)) != NULL) {
		buf b = {0};

		if (de->d_name[0] == '.')
			continue;
		buf_printf(&b, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", de->d_name);
		/* The editors' corrections are no bulletin. */
		if (strcmp(de->d_name, CORRECTIONS_FILE) == 0) {
			struct run *r = w->r;

			VEC_GROW(r->corr, r->corrcap, r->ncorr + 1);
			r->corr[r->ncorr++] = buf_detach(&b);
			continue;
		}
		VEC_GROW(names, cap, n + 1);
		names[n++] = buf_detach(&b);
	}
	closedir(dir);
	/* Sorted, so the same folder gives the same input order. */
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if (collect(w, names[i]) == -1)
			rc = -1;
		free(names[i]);
	}
	free(names);
	w->v[self].open = 0;
	return rc;
}

/* Collects the files under path (a file or a folder, recursively,
 * symbolic links followed).  Only regular files of at most w->max bytes
 * are taken: a FIFO, a device or a socket is an error, never opened (it
 * would block or never end).  Returns -1 if anything cannot be read. */
static int
collect(struct dir_walk *w, const char *path)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) == -1) {
		msg(MSG_SYS_READ, path, 0, 0, strerror_safe());
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return collect_dir(w, path, &st);
	if (input_ok(path, &st, w->max) == -1)
		return -1;
	/* The same file twice (two links to it): read once. */
	for (i = 0; i < w->r->npaths; i++)
		if (w->r->ids[i].dev == st.st_dev &&
		    w->r->ids[i].ino == st.st_ino) {
			msg(MSG_INPUT_SAME_FILE, path, 0, 0, w->r->paths[i]);
			return 0;
		}
	add_path(w->r, path, &st);
	return 0;
}

int
run_gather(struct run *r, int argc, char **argv)
{
	struct dir_walk w;
	size_t i;
	int rc = 0;

	memset(&w, 0, sizeof(w));
	w.r = r;
	w.max = (size_t)r->cfg.digest.max_file_mb << 20;
	if (argc == 0)
		rc |= collect(&w, "input");
	for (; argc > 0; argc--, argv++)
		rc |= collect(&w, *argv);
	for (i = 0; i < w.n; i++)
		free((char *)w.v[i].path);
	free(w.v);
	return rc;
}

/* A string of the file's lines (in a) that an item kept, copied into
 * the corpus arena. */
static void
own_str(char **s, const struct arena *a, struct arena *to)
{
	if (*s != NULL && arena_owns(a, *s))
		*s = arena_strdup(to, *s);
}

static void
own_list(struct strlist *l, const struct arena *a, struct arena *to)
{
	size_t i;

	if (l->v != NULL && arena_owns(a, l->v)) {
		char **v = arena_alloc(to, (l->n ? l->n : 1) * sizeof(*v));

		memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = l->n;
	}
	for (i = 0; i < l->n; i++)
		own_str(&l->v[i], a, to);
}

/* The items from first on no longer point into a, a file's lines. */
static void
items_own(struct corpus *cs, size_t first, const struct arena *a)
{
	size_t i;

	for (i = first; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		own_str(&it->title, a, &cs->arena);
		own_str(&it->why, a, &cs->arena);
		own_list(&it->bullets, a, &cs->arena);
		own_list(&it->urls, a, &cs->arena);
	}
}

/* A file read (decoded, normalised, split into lines) by a thread of
 * its own while the file before it is parsed: the two halves of loading
 * on the two cores.  Its messages wait in log until its turn, so that
 * they come out where a reading in turn would print them. */
struct ahead {
	pthread_t	 thread;
	int		 running;
	struct doc	 d;
	struct arena	 lines;
	buf		 log;
	const char	*path;
	size_t		 max;
	int		 rc;
};

static void *
ahead_run(void *arg)
{
	struct ahead *a = arg;

	msg_capture(&a->log);
	a->rc = doc_read_max(&a->d, &a->lines, a->path, a->max);
	msg_capture(NULL);
	return NULL;
}

static void
ahead_start(struct ahead *a, const char *path, size_t max)
{
	memset(a, 0, sizeof(*a));
	a->path = path;
	a->max = max;
	if (!one_process() && pthread_create(&a->thread, NULL, ahead_run,
	    a) == 0)
		a->running = 1;
	else
		ahead_run(a);
}

static void
ahead_wait(struct ahead *a)
{
	if (a->running) {
		pthread_join(a->thread, NULL);
		a->running = 0;
	}
	msg_replay(&a->log);
	buf_free(&a->log);
}

/* Reads and parses every input gathered; the model is complete
 * afterwards.  A file's lines are kept only for check (keep_lines):
 * otherwise they live in an arena of their own while the file is
 * parsed, and go once its items hold their own text, so that memory
 * grows with the items, not with the inputs; and the next file is read
 * meanwhile (struct ahead). */
void
run_load(struct run *r, int report_merges, int keep_lines)
{
	size_t max = (size_t)r->cfg.digest.max_file_mb << 20, i;
	struct ahead ah[2];
	struct classifier *cl;
	buf clog = {0};

	r->docs = xcalloc(r->npaths, sizeof(*r->docs));
	r->ndocs = r->npaths;
	/* A file's items are classified once it is parsed (an item is
	 * classified alone), while the next file is read; what classifying
	 * says waits in clog, to come out after the dates are checked, where
	 * it came when every item was classified at the end. */
	msg_capture(&clog);
	cl = classify_begin(&r->cfg, r->use_labels, r->verbose, r->corr,
	    r->ncorr);
	msg_capture(NULL);
	if (!keep_lines && r->npaths > 0)
		ahead_start(&ah[0], r->paths[0], max);
	for (i = 0; i < r->npaths; i++) {
		struct ahead *a = &ah[i % 2];
		struct doc *d = &r->docs[i];
		size_t first = r->cs.n;

		if (keep_lines) {
			if (doc_read_max(d, &r->cs.arena, r->paths[i],
			    max) == 0)
				parse_doc(d, &r->cs, &r->cfg);
		} else {
			ahead_wait(a);
			if (i + 1 < r->npaths)
				ahead_start(&ah[(i + 1) % 2], r->paths[i + 1],
				    max);
			*d = a->d;
			if (a->rc == 0) {
				parse_doc(d, &r->cs, &r->cfg);
				items_own(&r->cs, first, &a->lines);
			}
		}
		msg_capture(&clog);
		classify_items(cl, &r->cs, first, r->cs.n);
		msg_capture(NULL);
		if (!keep_lines) {
			arena_free(&a->lines);
			d->lines = NULL;
		}
	}
	/* A date that cannot be true is an error: one mistyped year would
	 * otherwise make the latest issue. */
	weeks_check_dates(&r->cs, &r->cfg, r->today);
	msg_replay(&clog);
	buf_free(&clog);
	if (classify_end(cl) == -1)
		r->failed = 1;
	dedup(&r->cs, &r->cfg, report_merges);
	/* The lines and dedup's tables are freed but still counted as the
	 * process's memory (and a forked writer's) until given back. */
	malloc_trim(0);
}

void
run_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	free(r->ids);
	for (i = 0; i < r->ncorr; i++)
		free(r->corr[i]);
	free(r->corr);
	free(r->docs);
	corpus_free(&r->cs);
	config_free(&r->cfg);
}


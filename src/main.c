/* main.c: the command line.  read -> parse -> classify -> dedup ->
 * weeks -> render. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "classify.h"
#include "cli.h"
#include "config.h"
#include "correct.h"
#include "date.h"
#include "dedup.h"
#include "msg.h"
#include "names.h"
#include "outfile.h"
#include "parse.h"
#include "pdf_font.h"
#include "publish.h"
#include "read.h"
#include "render.h"
#include "summary.h"
#include "weeks.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

struct run {
	struct config	 cfg;
	struct corpus	 cs;
	struct doc	*docs;
	size_t		 ndocs;
	char		**paths;	/* every input file, sorted */
	struct file_id { dev_t dev; ino_t ino; } *ids;	/* of paths */
	size_t		 npaths;
	int		 today;		/* --today, or the clock's */
	int		 use_labels;
	int		 verbose;
	char		**corr;		/* the corrections.tsv gathered */
	int		 failed;	/* corrections or lists unreadable */
	size_t		 ncorr;
};

/* A day given as YYYY-MM-DD on the command line, or DATE_NONE. */
static int
parse_day(const char *s)
{
	int y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d,
	    &n) != 3 || n != 10)
		return DATE_NONE;
	return date_from_ymd(y, m, d);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_path(struct run *r, const char *p, const struct stat *st)
{
	r->paths = xrealloc(r->paths, (r->npaths + 1) * sizeof(*r->paths));
	r->ids = xrealloc(r->ids, (r->npaths + 1) * sizeof(*r->ids));
	r->ids[r->npaths].dev = st->st_dev;
	r->ids[r->npaths].ino = st->st_ino;
	r->paths[r->npaths++] = xstrdup(p);
}

/* A folder read, by device and inode: a symlink to a folder is followed
 * once, and a folder reached again is not read again. */
struct seen {
	dev_t		 dev;
	ino_t		 ino;
	const char	*path;		/* as first reached */
	int		 open;		/* an ancestor of what is read now */
};

struct walk {
	struct run	*r;
	struct seen	*v;
	size_t		 n;
	size_t		 max;		/* bytes of one input file */
};

static struct seen *
seen_find(struct walk *w, const struct stat *st)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].dev == st->st_dev && w->v[i].ino == st->st_ino)
			return &w->v[i];
	return NULL;
}

static int collect(struct walk *, const char *);

/* Reads a folder's entries in name order; hidden ones are skipped. */
static int
collect_dir(struct walk *w, const char *path, const struct stat *st)
{
	struct seen *s = seen_find(w, st);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i, self;
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
	w->v = xrealloc(w->v, (w->n + 1) * sizeof(*w->v));
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

			r->corr = xrealloc(r->corr, (r->ncorr + 1) *
			    sizeof(*r->corr));
			r->corr[r->ncorr++] = buf_detach(&b);
			continue;
		}
		names = xrealloc(names, (n + 1) * sizeof(*names));
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
collect(struct walk *w, const char *path)
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

/* Collects the input files named (default input/). */
static int
gather(struct run *r, int argc, char **argv)
{
	struct walk w;
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

/* Reads and parses every input gathered; the model is complete
 * afterwards.  A file's lines are kept only for check (keep_lines):
 * otherwise they live in an arena of their own while the file is
 * parsed, and go once its items hold their own text, so that memory
 * grows with the items, not with the inputs. */
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
static void
load(struct run *r, int report_merges, int keep_lines)
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

static void
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

static const char *
taxon_id(const struct taxon *t, size_t n, int i)
{
	return i >= 0 && (size_t)i < n ? t[i].id : NULL;
}

static void
json_opt(buf *b, const char *key, const char *v)
{
	buf_printf(b, ",\"%s\":", key);
	if (v)
		json_str(b, v);
	else
		buf_puts(b, "null");
}

static void
json_list(buf *b, const char *key, const struct strlist *l)
{
	size_t i;

	buf_printf(b, ",\"%s\":[", key);
	for (i = 0; i < l->n; i++) {
		if (i)
			buf_putc(b, ',');
		json_str(b, l->v[i]);
	}
	buf_putc(b, ']');
}

static void
item_json(buf *b, const struct run *r, const struct item *it)
{
	char date[16];

	buf_puts(b, "{\"title\":");
	json_str(b, it->title ? it->title : "");
	if (it->date != DATE_NONE) {
		date_iso(it->date, date);
		json_opt(b, "date", date);
	} else
		json_opt(b, "date", NULL);
	json_opt(b, "section", taxon_id(r->cfg.sections, r->cfg.nsections,
	    it->section));
	json_opt(b, "sector", taxon_id(r->cfg.sectors, r->cfg.nsectors,
	    it->sector));
	json_opt(b, "narrow", taxon_id(r->cfg.sectors, r->cfg.nsectors,
	    it->narrow));
	json_opt(b, "org", taxon_id(r->cfg.orgs, r->cfg.norgs, it->org));
	json_list(b, "bullets", &it->bullets);
	json_list(b, "urls", &it->urls);
	buf_puts(b, ",\"source\":");
	{
		buf s = {0};

		buf_printf(&s, "%s:%d", it->file, it->line);
		json_str(b, s.ptr);
		buf_free(&s);
	}
	if (r->verbose && it->why)
		json_opt(b, "why", it->why);
	buf_puts(b, "}\n");
}

static int
cmd_items(struct run *r, int argc, char **argv)
{
	buf b = {0};
	size_t i;

	gather(r, argc, argv);
	load(r, 0, 0);
	/* Written as it goes: an archive's JSON is bigger than its model. */
	for (i = 0; i < r->cs.n; i++) {
		if (!r->cs.items[i].merged)
			item_json(&b, r, &r->cs.items[i]);
		if (b.len >= 65536 || i + 1 == r->cs.n) {
			fwrite(b.ptr ? b.ptr : "", 1, b.len, stdout);
			buf_reset(&b);
		}
	}
	buf_free(&b);
	return 0;
}

static int
cmp_sure(const void *a, const void *b)
{
	const struct item *x = *(const struct item *const *)a;
	const struct item *y = *(const struct item *const *)b;

	if (x->sure != y->sure)
		return x->sure < y->sure ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* The decisions an editor should look at before publishing: those the
 * text decided least surely ([classify] review, review_below). */
static void
review(const struct run *r)
{
	const struct config *c = &r->cfg;
	struct item **v = xcalloc(r->cs.n + 1, sizeof(*v));
	buf file = {0}, title = {0}, actor = {0};
	size_t i, n = 0, max = (size_t)c->classify.review;
	double below = c->classify.review_below;

	for (i = 0; i < r->cs.n; i++) {
		struct item *it = &r->cs.items[i];

		if (!it->merged && it->rule >= RULE_NAMES && it->org >= 0 &&
		    it->sure < below)
			v[n++] = it;
	}
	qsort(v, n, sizeof(*v), cmp_sure);
	printf("review: %zu of %zu decisions below %.2f sure%s\n", n,
	    r->cs.n, below, n > max ? ", the least sure shown" : "");
	for (i = 0; i < n && i < max; i++) {
		const struct item *it = v[i];
		const char *t = msg_title(it->title);
		const char *a = it->actor ? it->actor : "none";

		/* As messages show them: no control character reaches the
		 * terminal. */
		buf_reset(&file);
		buf_reset(&title);
		buf_reset(&actor);
		msg_escape(&file, it->file, strlen(it->file));
		msg_escape(&title, t, strlen(t));
		msg_escape(&actor, a, strlen(a));
		printf("%s:%d: review: %s -> %s (%s), rule %s, sure %.2f, "
		    "runner-up %s, actor %s\n", buf_cstr(&file), it->line,
		    buf_cstr(&title), c->orgs[it->org].id,
		    c->sections[it->section].id, rule_names[it->rule],
		    it->sure, it->runner >= 0 ? c->orgs[it->runner].id :
		    "none", buf_cstr(&actor));
	}
	buf_free(&file);
	buf_free(&title);
	buf_free(&actor);
	free(v);
}

/* An item's decision, kept while the text is asked alone. */
struct decision {
	int	 section, sector, narrow, org, rule, runner;
	double	 sure;
	char	*actor;
};

/* The input's org labels the text disagrees with: each labelled item
 * is classified once more from its text alone (names, cues; no
 * corrections), so that an editor sees a likely mislabel before
 * publishing.  The items get their decisions back afterwards. */
static void
disputes(struct run *r)
{
	const struct config *c = &r->cfg;
	struct decision *d;
	buf file = {0}, title = {0};
	size_t i, n = 0, shown = 0, labelled = 0;
	size_t max = (size_t)c->classify.review;

	if (!r->use_labels || r->cs.n == 0)
		return;
	d = xcalloc(r->cs.n, sizeof(*d));
	for (i = 0; i < r->cs.n; i++) {
		const struct item *it = &r->cs.items[i];

		d[i] = (struct decision){ it->section, it->sector, it->narrow,
		    it->org, it->rule, it->runner, it->sure, it->actor };
	}
	classify_all(&r->cs, c, 0, 0, NULL, 0);
	for (i = 0; i < r->cs.n; i++) {
		const struct item *it = &r->cs.items[i];

		if (it->merged || d[i].rule != RULE_LABEL)
			continue;
		labelled++;
		if (it->org == d[i].org)
			continue;
		if (n++ >= max)
			continue;
		shown++;
		buf_reset(&file);
		buf_reset(&title);
		msg_escape(&file, it->file, strlen(it->file));
		msg_escape(&title, msg_title(it->title),
		    strlen(msg_title(it->title)));
		printf("%s:%d: label disputed: %s: labelled %s, the text says "
		    "%s (rule %s, sure %.2f)\n", buf_cstr(&file), it->line,
		    buf_cstr(&title), c->orgs[d[i].org].id,
		    c->orgs[it->org].id, rule_names[it->rule], it->sure);
	}
	printf("disputed: %zu of %zu org labels%s\n", n, labelled,
	    n > shown ? ", the first shown" : "");
	for (i = 0; i < r->cs.n; i++) {
		struct item *it = &r->cs.items[i];

		it->section = d[i].section;
		it->sector = d[i].sector;
		it->narrow = d[i].narrow;
		it->org = d[i].org;
		it->rule = d[i].rule;
		it->runner = d[i].runner;
		it->sure = d[i].sure;
		it->actor = d[i].actor;
	}
	buf_free(&file);
	buf_free(&title);
	free(d);
}

static int
cmd_check(struct run *r, int argc, char **argv)
{
	struct issue *iss;
	size_t n;

	msg_record();
	gather(r, argc, argv);
	load(r, 1, 1);
	iss = weeks_group(&r->cs, &r->cfg, &n);
	weeks_check_lonely(iss, n, &r->cfg);
	weeks_free(iss, n);
	check_files(stdout, r->docs, r->ndocs, &r->cs);
	review(r);
	disputes(r);
	/* The problems and the summary last, where the eye ends. */
	check_problems(stdout, r->docs, r->ndocs, &r->cs, &r->cfg);
	return 0;
}

static const char *
templates_dir(const struct run *r, buf *b)
{
	return config_path(&r->cfg, r->cfg.digest.templates, b);
}

/* Everything the output of a build depends on: the program, the
 * configuration, the templates, the options and every input. */
static uint64_t
build_hash(const struct run *r, const char *tdir, int week, int all_pdfs)
{
	char opts[64];
	uint64_t h = hash64(FNV64_INIT, VERSION, sizeof(VERSION));
	buf nd = {0};
	size_t i;

	h = hash_file(h, "/proc/self/exe");
	h = hash_file(h, r->cfg.path);
	h = hash_tree(h, tdir);
	snprintf(opts, sizeof(opts), "-w %d --all-pdfs %d --no-labels %d",
	    week, all_pdfs, !r->use_labels);
	h = hash64(h, opts, strlen(opts) + 1);
	for (i = 0; i < r->npaths; i++)
		h = hash_file(h, r->paths[i]);
	for (i = 0; i < r->ncorr; i++)
		h = hash_file(h, r->corr[i]);
	if (names_dir(&r->cfg, &nd) != NULL)
		h = hash_tree(h, nd.ptr);
	buf_free(&nd);
	return h;
}

/* Writes the brief and its mail for the latest issue, or for every issue
 * with all: then in two processes, each taking every other issue (a
 * brief does not depend on the others, so the files are the same).
 * Returns 0, or 1 when any failed. */
static int
write_briefs(const struct render *rd, int all, const char *outdir)
{
	buf pdf = {0};
	size_t i, k;
	pid_t pid = -1, parent = getpid();
	int me = 0, workers = 1, rc = 0, st;

	/* The faces, looked up while the inputs were read and the site
	 * written, are found before the briefs or a fork. */
	pdf_font_prefetch_wait();
	if (all && rd->n > 1 && !one_process()) {
		fflush(NULL);
		if ((pid = fork()) != -1)
			workers = 2;
		if (pid == 0) {
			me = 1;
			/* Dies with the build: killed, it must not go on
			 * writing into a stage the next build removes.  The
			 * parent may have died before the call. */
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
			    getppid() != parent)
				_exit(1);
		}
	}
	for (i = k = 0; i < rd->n; i++) {
		const struct issue *is = &rd->issues[i];

		if (!all && is != rd->latest)
			continue;
		if (k++ % (size_t)workers != (size_t)me)
			continue;
		buf_reset(&pdf);
		buf_printf(&pdf, "%s/brief-%03d.pdf", outdir, is->number);
		if (pdf_write(rd, is, pdf.ptr) == -1 ||
		    mail_write(rd, is, pdf.ptr) == -1)
			rc = 1;
	}
	buf_free(&pdf);
	if (me == 1) {
		fflush(NULL);
		pdf_font_cleanup();
		_exit(rc || msg_count(MSG_ERROR) > 0);
	}
	if (pid > 0 && (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0))
		rc = 1;
	return rc;
}

/* The briefs of this build, relative to the output folder. */
static char **
brief_names(const struct render *rd, int all, size_t *n)
{
	char **v = xcalloc(2 * rd->n + 1, sizeof(*v));
	size_t i;
	buf b = {0};

	*n = 0;
	for (i = 0; i < rd->n; i++) {
		if (!all && &rd->issues[i] != rd->latest)
			continue;
		buf_reset(&b);
		buf_printf(&b, "brief-%03d.pdf", rd->issues[i].number);
		v[(*n)++] = xstrdup(b.ptr);
		b.ptr[b.len - 3] = 'e', b.ptr[b.len - 2] = 'm';
		b.ptr[b.len - 1] = 'l';
		v[(*n)++] = xstrdup(b.ptr);
	}
	buf_free(&b);
	return v;
}

/* The briefs written by a thread while this one writes the site, when
 * the site is written by this process alone (one issue: no page writer
 * is forked, and no thread may run across a fork) and the issue is
 * news, not hostile input of more than [pdf] contents_items_max items
 * (then one after the other, so that memory holds one of them at a
 * time).  Their messages wait for the site's and come out after them,
 * as when the briefs were written after the site. */
struct brief_job {
	pthread_t		 thread;
	const struct render	*rd;
	int			 all;
	const char		*outdir;
	int			 rc;
	buf			 log;
};

static void *
brief_run(void *arg)
{
	struct brief_job *j = arg;

	msg_capture(&j->log);
	j->rc = write_briefs(j->rd, j->all, j->outdir);
	msg_capture(NULL);
	return NULL;
}

/* Writes the site, and the briefs beside it in a thread when it can,
 * else after it (and only if the site was written).  Returns 0, or 1
 * when anything failed. */
static int
site_and_briefs(const struct render *rd, int all, const struct publish *pub,
    const char *site, const char *live)
{
	struct brief_job job;
	int threaded = 0, rc = 0;

	memset(&job, 0, sizeof(job));
	job.rd = rd;
	job.all = all;
	job.outdir = pub->stage;
	if (!site_forks(rd) && !one_process() && rd->latest != NULL &&
	    rd->latest->n <= (size_t)rd->cfg->pdf.contents_items_max &&
	    pthread_create(&job.thread, NULL, brief_run, &job) == 0)
		threaded = 1;
	if (site_write(rd, site, live) == -1)
		rc = 1;
	if (threaded) {
		pthread_join(job.thread, NULL);
		/* A site that failed publishes nothing, and no brief would
		 * have been written: neither are its messages given. */
		if (rc == 0) {
			msg_replay(&job.log);
			rc = job.rc;
		}
		buf_free(&job.log);
	} else if (rc == 0)
		rc = write_briefs(rd, all, pub->stage);
	return rc;
}

/* Fills the stage with the site, the briefs and the stamp; a file whose
 * bytes did not change is a hard link to the live one (it keeps its
 * date).  Returns 0, or 1 when anything failed. */
static int
fill_stage(const struct publish *pub, const struct render *rd, int all,
    uint64_t hash)
{
	buf site = {0}, live = {0};
	char **briefs;
	const char *const *fonts;
	size_t n, i, nfonts;
	int rc = 0;

	buf_printf(&site, "%s/site", pub->stage);
	buf_printf(&live, "%s/site", pub->dir);
	rc = site_and_briefs(rd, all, pub, site.ptr, live.ptr);
	briefs = brief_names(rd, all, &n);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			(void)link_if_same(pub->dir, pub->stage, briefs[i]);
		free(briefs[i]);
	}
	free(briefs);
	/* Stamped only when everything was written. */
	fonts = pdf_fonts_used(&nfonts);
	if (rc == 0 && msg_count(MSG_ERROR) == 0 &&
	    stamp_write(pub->stage, hash, fonts, nfonts) == -1)
		rc = 1;
	buf_free(&site);
	buf_free(&live);
	return rc;
}

static int
cmd_build(struct run *r, int argc, char **argv, const char *outdir,
    int week, int all_pdfs)
{
	struct publish pub;
	struct render rd;
	struct issue *iss;
	struct outscan before;
	size_t n, i;
	buf tdir = {0};
	uint64_t hash;
	int rc;

	if (gather(r, argc, argv) == -1)
		return 1;
	if ((rc = publish_open(&pub, outdir)) != 0) {
		publish_end(&pub);
		return rc;
	}
	/* Nothing changed since the last build: nothing to do, nothing
	 * written.  Else one build at a time from here, and the stamp read
	 * again under the lock (a build that just finished may have made
	 * it fresh). */
	hash = build_hash(r, templates_dir(r, &tdir), week, all_pdfs);
	rc = stamp_fresh(pub.dir, hash) && !publish_untidy(&pub) ? 0 :
	    publish_lock(&pub);
	if (rc != 0) {
		buf_free(&tdir);
		publish_end(&pub);
		return rc;
	}
	if (stamp_fresh(pub.dir, hash)) {
		if (!msg_quiet())
			fprintf(stderr, "digest: %s/ is up to date: nothing "
			    "changed since the last build\n  open "
			    "%s/site/index.html\n", outdir, outdir);
		buf_free(&tdir);
		publish_end(&pub);
		return 0;
	}
	buf_reset(&tdir);
	pdf_font_prefetch(&r->cfg);
	load(r, 0, 0);
	/* An input error: nothing is written (exit 1, output/ as it
	 * was). */
	if (msg_count(MSG_ERROR) > 0) {
		msg(MSG_BUILD_INPUT_ERRORS, NULL, 0, 0);
		buf_free(&tdir);
		publish_end(&pub);
		return 1;
	}
	outscan_take(&before, pub.dir);
	iss = weeks_group(&r->cs, &r->cfg, &n);
	weeks_check_lonely(iss, n, &r->cfg);
	if (n == 0) {
		msg(MSG_BUILD_NO_DATED_ITEM, NULL, 0, 0);
		rc = 1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.cfg = &r->cfg;
	rd.templates = templates_dir(r, &tdir);
	rd.issues = iss;
	rd.n = n;
	rd.latest = n > 0 ? &iss[n - 1] : NULL;
	if (rc == 0 && week != DATE_NONE) {
		int num = week_number(&r->cfg, week);

		rd.latest = NULL;
		for (i = 0; i < n; i++)
			if (iss[i].number == num)
				rd.latest = &iss[i];
		if (rd.latest == NULL) {
			msg(MSG_BUILD_WEEK_NO_ISSUE, NULL, 0, 0, num);
			rc = 1;
		}
	}
	/* Any error, in the input too: nothing is published. */
	if (rc == 0 && msg_count(MSG_ERROR) == 0 &&
	    publish_begin(&pub) == 0 &&
	    fill_stage(&pub, &rd, all_pdfs, hash) == 0 &&
	    msg_count(MSG_ERROR) == 0)
		rc = publish_commit(&pub) == 0 ? 0 : 1;
	else
		rc = 1;
	if (rc == 0)
		summary_build(&r->cfg, iss, n, rd.latest, outdir, &before,
		    msg_count(MSG_WARNING));
	else
		msg(MSG_BUILD_UNCHANGED, pub.dir, 0, 0);
	publish_end(&pub);
	outscan_free(&before);
	buf_free(&tdir);
	weeks_free(iss, n);
	return rc;
}

/* The command is the first word that is neither an option nor after
 * "--"; it is taken out of argv.  A near miss of a command that names
 * no file is refused: returns 2. */
static int
take_command(int *argc, char **argv, const char **cmd)
{
	int i = cli_first_word(*argc, argv, "cow");
	const char *c, *near;

	if (i == 0)
		return 0;
	if ((c = cli_command(argv[i], &near)) == NULL) {
		if (near == NULL)
			return 0;
		fprintf(stderr, "digest: unknown command '%s' (did you mean "
		    "'%s'?); digest --help lists them\n", argv[i], near);
		return 2;
	}
	*cmd = c;
	memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i) *
	    sizeof(*argv));
	(*argc)--;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "no-labels", no_argument, NULL, 'L' },
		{ "all-pdfs", no_argument, NULL, 'A' },
		{ "today", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	struct run r;
	const char *conf = NULL, *outdir = "output", *cmd = "build";
	int ch, week = DATE_NONE, today = DATE_NONE, all_pdfs = 0, rc;

	memset(&r, 0, sizeof(r));
	r.use_labels = 1;
	if ((rc = take_command(&argc, argv, &cmd)) != 0)
		return rc;
	while ((ch = getopt_long(argc, argv, "c:o:w:qvhV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		case 'w':
			if ((week = parse_day(optarg)) == DATE_NONE) {
				fprintf(stderr, "digest: -w wants a date as "
				    "YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'T':
			if ((today = parse_day(optarg)) == DATE_NONE) {
				fprintf(stderr, "digest: --today wants a date "
				    "as YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'q':
			msg_verbosity(-1);
			break;
		case 'v':
			r.verbose = 1;
			msg_verbosity(1);
			break;
		case 'L':
			r.use_labels = 0;
			break;
		case 'A':
			all_pdfs = 1;
			break;
		case 'h':
			cli_help(stdout);
			return 0;
		case 'V':
			printf("digest %s\n", VERSION);
			return 0;
		default:
			cli_usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (config_load(&r.cfg, cli_config(conf)) == -1) {
		run_free(&r);
		return 1;
	}
	/* The day of the build, in the zone the issues are published in;
	 * only the date check uses it, never the output. */
	r.today = today != DATE_NONE ? today : (int)floor(((double)time(NULL)
	    + r.cfg.site.zone_minutes * 60.0) / 86400.0);
	if (strcmp(cmd, "items") == 0)
		rc = cmd_items(&r, argc, argv);
	else if (strcmp(cmd, "check") == 0)
		rc = cmd_check(&r, argc, argv);
	else
		rc = cmd_build(&r, argc, argv, outdir, week, all_pdfs);
	if (msg_count(MSG_ERROR) > 0 && rc == 0)
		rc = 1;
	run_free(&r);
	pdf_font_cleanup();
	return rc;
}

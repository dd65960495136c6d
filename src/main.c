/* main.c: the command line.  read -> parse -> classify -> dedup ->
 * weeks -> render. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "classify.h"
#include "config.h"
#include "date.h"
#include "dedup.h"
#include "msg.h"
#include "outfile.h"
#include "parse.h"
#include "read.h"
#include "render.h"
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
	size_t		 npaths;
	int		 use_labels;
	int		 verbose;
};

static void
usage(FILE *f)
{
	fputs("usage: digest [build] [-c FILE] [-o DIR] [-w YYYY-MM-DD] "
	    "[--all-pdfs] [PATH...]\n"
	    "       digest items [-c FILE] [--no-labels] [-v] [PATH...]\n"
	    "       digest check [-c FILE] [PATH...]\n"
	    "       digest --help | --version\n"
	    "options: -q quiet, -v verbose\n", f);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_path(struct run *r, const char *p)
{
	r->paths = xrealloc(r->paths, (r->npaths + 1) * sizeof(*r->paths));
	r->paths[r->npaths++] = xstrdup(p);
}

/* Collects the files under path (a file or a folder, recursively; hidden
 * files are skipped).  Returns -1 if path cannot be read. */
static int
collect(struct run *r, const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (stat(path, &st) == -1) {
		msg(MSG_ERROR, path, 0, "cannot read: %s", strerror_safe());
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		add_path(r, path);
		return 0;
	}
	if ((dir = opendir(path)) == NULL) {
		msg(MSG_ERROR, path, 0, "cannot read: %s", strerror_safe());
		return -1;
	}
	while ((de = readdir(dir)) != NULL) {
		buf b = {0};

		if (de->d_name[0] == '.')
			continue;
		buf_printf(&b, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", de->d_name);
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = buf_detach(&b);
	}
	closedir(dir);
	/* Sorted, so the same folder gives the same input order. */
	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if (collect(r, names[i]) == -1)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Collects the input files named (default input/). */
static int
gather(struct run *r, int argc, char **argv)
{
	int rc = 0;

	if (argc == 0)
		rc |= collect(r, "input");
	for (; argc > 0; argc--, argv++)
		rc |= collect(r, *argv);
	return rc;
}

/* Reads and parses every input gathered; the model is complete
 * afterwards. */
static void
load(struct run *r, int report_merges)
{
	size_t i;

	r->docs = xcalloc(r->npaths, sizeof(*r->docs));
	r->ndocs = r->npaths;
	for (i = 0; i < r->npaths; i++) {
		struct doc *d = &r->docs[i];

		if (doc_read(d, &r->cs.arena, r->paths[i]) == -1)
			continue;
		parse_doc(d, &r->cs, &r->cfg);
	}
	classify(&r->cs, &r->cfg, r->use_labels, r->verbose);
	dedup(&r->cs, &r->cfg, report_merges);
}

static void
run_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
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
	load(r, 0);
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
cmd_check(struct run *r, int argc, char **argv)
{
	size_t i, j, k, n;

	gather(r, argc, argv);
	load(r, 1);
	for (i = 0; i < r->ndocs; i++) {
		const struct doc *d = &r->docs[i];
		size_t used = 0, furn = 0, unpl = 0;

		if (d->lines == NULL && d->n == 0 && d->encoding == NULL)
			continue;
		for (j = 0; j < d->n; j++) {
			if (d->lines[j].use == LINE_USED)
				used++;
			else if (d->lines[j].use == LINE_FURNITURE)
				furn++;
			else
				unpl++;
		}
		for (n = k = 0; k < r->cs.n; k++)
			if (r->cs.items[k].file == d->path)
				n++;
		printf("%s: dialect %s, encoding %s, %zu items, %zu lines "
		    "(%zu used, %zu furniture, %zu unplaced)\n", d->path,
		    dialect_name(d->dialect), d->encoding, n, d->n, used,
		    furn, unpl);
		for (j = 0; j < d->n; j++)
			if (d->lines[j].use == LINE_UNPLACED)
				printf("%s:%zu: unplaced: %s\n", d->path, j + 1,
				    d->lines[j].text);
	}
	return 0;
}

/* Creates dir and its parents. */
static int
mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	if (rc == -1)
		msg(MSG_ERROR, dir, 0, "cannot create: %s", strerror_safe());
	free(p);
	return rc;
}

static const char *
templates_dir(const struct run *r, buf *b)
{
	const char *t = config_str(&r->cfg, "digest", "templates",
	    "templates");
	const char *slash = strrchr(r->cfg.path, '/');

	if (t[0] == '/' || slash == NULL)
		buf_puts(b, t);
	else
		buf_printf(b, "%.*s/%s", (int)(slash - r->cfg.path),
		    r->cfg.path, t);
	return b->ptr;
}

/* Everything the output of a build depends on: the program, the
 * configuration, the templates, the options and every input. */
static uint64_t
build_hash(const struct run *r, const char *tdir, int week, int all_pdfs)
{
	char opts[64];
	uint64_t h = fnv64(FNV64_INIT, VERSION, sizeof(VERSION));
	size_t i;

	h = fnv64_file(h, "/proc/self/exe");
	h = fnv64_file(h, r->cfg.path);
	h = fnv64_tree(h, tdir);
	snprintf(opts, sizeof(opts), "-w %d --all-pdfs %d --no-labels %d",
	    week, all_pdfs, !r->use_labels);
	h = fnv64(h, opts, strlen(opts) + 1);
	for (i = 0; i < r->npaths; i++)
		h = fnv64_file(h, r->paths[i]);
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
	pid_t pid = -1;
	int me = 0, workers = 1, rc = 0, st;

	if (all && rd->n > 1) {
		fflush(NULL);
		if ((pid = fork()) != -1)
			workers = 2;
		if (pid == 0)
			me = 1;
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
		_exit(rc || msg_count(MSG_ERROR) > 0);
	}
	if (pid > 0 && (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0))
		rc = 1;
	return rc;
}

static int
cmd_build(struct run *r, int argc, char **argv, const char *outdir,
    int week, int all_pdfs)
{
	struct render rd;
	struct issue *iss;
	size_t n, i, nout = 0;
	buf site = {0}, pdf = {0}, tdir = {0};
	char **outs = NULL;
	uint64_t hash;
	int rc = 0;

	if (gather(r, argc, argv) == -1)
		return 1;
	/* Nothing changed since the last build: nothing to do. */
	hash = build_hash(r, templates_dir(r, &tdir), week, all_pdfs);
	if (stamp_fresh(outdir, hash)) {
		msg(MSG_NOTE, outdir, 0, "up to date: nothing changed since "
		    "the last build");
		buf_free(&tdir);
		return 0;
	}
	stamp_clear(outdir);
	buf_reset(&tdir);
	load(r, 0);
	iss = weeks_group(&r->cs, &r->cfg, &n);
	if (n == 0) {
		msg(MSG_ERROR, NULL, 0, "no dated item in the input: "
		    "nothing to publish");
		weeks_free(iss, n);
		return 1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.cfg = &r->cfg;
	rd.templates = templates_dir(r, &tdir);
	rd.issues = iss;
	rd.n = n;
	rd.latest = &iss[n - 1];
	if (week != DATE_NONE) {
		int num = week_number(&r->cfg, week);

		rd.latest = NULL;
		for (i = 0; i < n; i++)
			if (iss[i].number == num)
				rd.latest = &iss[i];
		if (rd.latest == NULL) {
			msg(MSG_ERROR, NULL, 0, "no issue covers the date "
			    "given with -w (it would be No. %d)", num);
			rc = 1;
		}
	}
	if (rc == 0 && mkdirs(outdir) == -1)
		rc = 1;
	if (rc == 0) {
		buf_printf(&site, "%s/site", outdir);
		if (site_write(&rd, site.ptr) == -1)
			rc = 1;
		outs = xcalloc(2 * n + 1, sizeof(*outs));
		outs[nout++] = xstrdup("site/index.html");
	}
	if (rc == 0)
		rc = write_briefs(&rd, all_pdfs, outdir);
	for (i = 0; rc == 0 && i < n; i++) {
		if (!all_pdfs && &iss[i] != rd.latest)
			continue;
		buf_reset(&pdf);
		buf_printf(&pdf, "brief-%03d.pdf", iss[i].number);
		outs[nout++] = xstrdup(pdf.ptr);
		buf_reset(&pdf);
		buf_printf(&pdf, "brief-%03d.eml", iss[i].number);
		outs[nout++] = xstrdup(pdf.ptr);
	}
	/* Stamped only when everything was written. */
	if (rc == 0 && msg_count(MSG_ERROR) == 0)
		stamp_write(outdir, hash, outs, nout);
	for (i = 0; i < nout; i++)
		free(outs[i]);
	free(outs);
	buf_free(&site);
	buf_free(&pdf);
	buf_free(&tdir);
	weeks_free(iss, n);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "no-labels", no_argument, NULL, 'L' },
		{ "all-pdfs", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 },
	};
	struct run r;
	const char *conf = "digest.conf", *outdir = "output", *cmd = "build";
	int ch, week = DATE_NONE, all_pdfs = 0, rc, y, m, d;

	memset(&r, 0, sizeof(r));
	r.use_labels = 1;
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
			if (sscanf(optarg, "%d-%d-%d", &y, &m, &d) != 3 ||
			    (week = date_from_ymd(y, m, d)) == DATE_NONE) {
				fprintf(stderr, "digest: -w wants a date as "
				    "YYYY-MM-DD, not '%s'\n", optarg);
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
			usage(stdout);
			return 0;
		case 'V':
			printf("digest %s\n", VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	/* The command is the first word that is not an option. */
	if (argc > 0 && (strcmp(argv[0], "build") == 0 ||
	    strcmp(argv[0], "items") == 0 || strcmp(argv[0], "check") == 0)) {
		cmd = argv[0];
		argv++, argc--;
	}
	if (config_load(&r.cfg, conf) == -1) {
		run_free(&r);
		return 1;
	}
	if (strcmp(cmd, "items") == 0)
		rc = cmd_items(&r, argc, argv);
	else if (strcmp(cmd, "check") == 0)
		rc = cmd_check(&r, argc, argv);
	else
		rc = cmd_build(&r, argc, argv, outdir, week, all_pdfs);
	if (msg_count(MSG_ERROR) > 0)
		rc = 1;
	run_free(&r);
	return rc;
}

/* build.c: digest build: the output folder opened and locked, the
 * inputs read, the issues made, the site and the briefs written into a
 * stage and published whole, or nothing at all. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "msg.h"
#include "names.h"
#include "outfile.h"
#include "pdf_font.h"
#include "publish.h"
#include "render.h"
#include "run.h"
#include "summary.h"
#include "util.h"
#include "weeks.h"

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

	/* The faces are looked up while the inputs are read and the site
	 * written, by a thread that is waited for before a fork; else a
	 * brief takes what it has found so far and looks up the rest
	 * itself. */
	if (all && rd->n > 1 && !one_process()) {
		pdf_font_prefetch_wait();
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
site_and_briefs(const struct render *rd, int all, struct publish *pub,
    const char *site, const char *live)
{
	struct brief_job job;
	int threaded = 0, rc = 0;

	memset(&job, 0, sizeof(job));
	job.rd = rd;
	job.all = all;
	job.outdir = pub->stage;
	/* The thread that found the faces and made the brief's document
	 * writes it, else a thread of its own. */
	if (!site_forks(rd) && !one_process() && rd->latest != NULL &&
	    rd->latest->n <= (size_t)rd->cfg->pdf.contents_items_max) {
		if (pdf_font_prefetch_then(brief_run, &job) == 0)
			threaded = 2;
		else if (pthread_create(&job.thread, NULL, brief_run,
		    &job) == 0)
			threaded = 1;
	}
	if (site_write(rd, site, live) == -1)
		rc = 1;
	if (threaded) {
		/* The site's files on their way to the disk while the
		 * briefs are made: the flush before publishing then waits
		 * for the briefs' alone. */
		if (rc == 0)
			publish_flush(pub);
		if (threaded == 2)
			pdf_font_prefetch_wait();
		else
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
fill_stage(struct publish *pub, const struct render *rd, int all,
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

/* Opens the output folder and decides whether to build at all: sets
 * *go and returns 0 when the build goes on (the folder locked, *hash
 * the build's), else returns the exit status. */
static int
build_open(struct run *r, struct publish *pub, const char *outdir,
    int week, int all_pdfs, uint64_t *hash, int *go)
{
	buf tdir = {0};
	int rc;

	*go = 0;
	if ((rc = publish_open(pub, outdir)) != 0)
		return rc;
	/* Nothing changed since the last build: nothing to do, nothing
	 * written.  Else one build at a time from here, and the stamp read
	 * again under the lock (a build that just finished may have made
	 * it fresh). */
	*hash = build_hash(r, templates_dir(r, &tdir), week, all_pdfs);
	buf_free(&tdir);
	rc = stamp_fresh(pub->dir, *hash) && !publish_untidy(pub) ? 0 :
	    publish_lock(pub);
	if (rc != 0)
		return rc;
	if (stamp_fresh(pub->dir, *hash)) {
		msg(MSG_BUILD_UP_TO_DATE, NULL, 0, 0, outdir, outdir);
		return 0;
	}
	*go = 1;
	return 0;
}

/* The issue the brief is of: the latest, or the one of -w's date;
 * returns 1 when there is none. */
static int
pick_latest(const struct run *r, struct render *rd, int week)
{
	size_t i;
	int num;

	rd->latest = rd->n > 0 ? &rd->issues[rd->n - 1] : NULL;
	if (rd->n == 0) {
		msg(MSG_BUILD_NO_DATED_ITEM, NULL, 0, 0);
		return 1;
	}
	if (week == DATE_NONE)
		return 0;
	num = week_number(&r->cfg, week);
	rd->latest = NULL;
	for (i = 0; i < rd->n; i++)
		if (rd->issues[i].number == num)
			rd->latest = &rd->issues[i];
	if (rd->latest == NULL) {
		msg(MSG_BUILD_WEEK_NO_ISSUE, NULL, 0, 0, num);
		return 1;
	}
	return 0;
}

int
cmd_build(struct run *r, int argc, char **argv, const char *outdir,
    int week, int all_pdfs)
{
	struct publish pub;
	struct render rd;
	struct outscan before;
	struct issue *iss;
	buf tdir = {0};
	uint64_t hash;
	int rc, go;

	if (run_gather(r, argc, argv) == -1)
		return 1;
	rc = build_open(r, &pub, outdir, week, all_pdfs, &hash, &go);
	if (!go) {
		publish_end(&pub);
		return rc;
	}
	/* The first brief's document made ahead for a build of a week's
	 * inputs, whose brief is written beside its site: an archive's
	 * comes after its pages, and the document would be held while its
	 * inputs are read, when its memory peaks. */
	pdf_font_prefetch(&r->cfg, r->npaths <= 4);
	run_load(r, 0, 0);
	/* An input error: nothing is written (exit 1, output/ as it
	 * was). */
	if (msg_count(MSG_ERROR) > 0) {
		msg(MSG_BUILD_INPUT_ERRORS, NULL, 0, 0);
		publish_end(&pub);
		return 1;
	}
	outscan_take(&before, pub.dir);
	memset(&rd, 0, sizeof(rd));
	rd.issues = iss = weeks_group(&r->cs, &r->cfg, &rd.n);
	weeks_check_lonely(iss, rd.n, &r->cfg);
	rd.cfg = &r->cfg;
	rd.templates = templates_dir(r, &tdir);
	rc = pick_latest(r, &rd, week);
	/* Any error, in the input too: nothing is published. */
	if (rc == 0 && msg_count(MSG_ERROR) == 0 &&
	    publish_begin(&pub) == 0 &&
	    fill_stage(&pub, &rd, all_pdfs, hash) == 0 &&
	    msg_count(MSG_ERROR) == 0)
		rc = publish_commit(&pub) == 0 ? 0 : 1;
	else
		rc = 1;
	if (rc == 0)
		summary_build(&r->cfg, iss, rd.n, rd.latest, outdir,
		    &before, msg_count(MSG_WARNING));
	else
		msg(MSG_BUILD_UNCHANGED, pub.dir, 0, 0);
	publish_end(&pub);
	outscan_free(&before);
	buf_free(&tdir);
	weeks_free(iss, rd.n);
	return rc;
}

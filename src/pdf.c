/* pdf.c: the PDF brief of one issue, with libharu.
 *
 * pdf_layout.c lays the issue out (first pass), pdf_draw.c draws it
 * (second pass), pdf_font.c handles the type.  Here: the document, its
 * information, and saving it so that the same issue always gives the
 * same bytes: the dates are the issue's, and the document ID, which
 * libharu writes only for encrypted files, is a digest of the content. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_encrypt.h>

#include "msg.h"
#include "outfile.h"
#include "pdf_draw.h"
#include "pdf_font.h"
#include "pdf_layout.h"
#include "pdf_pages.h"
#include "pdf_time.h"
#include "render.h"

struct haru_errors {
	const char	*path;
	int		 n;
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct haru_errors *e = arg;

	if (e->n++ < 5)
		msg(MSG_PDF_LIBHARU, e->path, 0, 0, (unsigned)code,
		    (unsigned)detail);
}

/* The issue's time stamp: its date at [pdf] time ("09:00") in the zone
 * of [site] time_zone ("+09:00"). */
static HPDF_Date
stamp(const struct config *cfg, const struct issue *is)
{
	HPDF_Date t;
	struct pdf_time pt;

	pdf_time(cfg, is->date, &pt);
	memset(&t, 0, sizeof(t));
	t.year = pt.year;
	t.month = pt.month;
	t.day = pt.day;
	t.hour = pt.hour;
	t.minutes = pt.minute;
	t.seconds = 0;
	t.ind = pt.zone < 0 ? '-' : '+';
	t.off_hour = abs(pt.zone) / 60;
	t.off_minutes = abs(pt.zone) % 60;
	return t;
}

static void
md5_str(struct HPDF_MD5Context *c, const char *s)
{
	if (s == NULL)
		s = "";
	/* The NUL too, so that fields cannot run into each other. */
	HPDF_MD5Update(c, (const HPDF_BYTE *)s, (HPDF_UINT32)strlen(s) + 1);
}

/* The document ID: a digest of everything the brief shows. */
static void
set_id(HPDF_Doc doc, const struct config *cfg, const struct issue *is)
{
	struct HPDF_MD5Context c;
	HPDF_BYTE id[16];
	HPDF_Array a;
	char num[64];
	size_t i, j;

	HPDF_MD5Init(&c);
	for (i = 0; i < cfg->n; i++) {
		/* The words of the brief, not the settings of the rest. */
		if (strcmp(cfg->e[i].section, "digest") != 0 &&
		    strcmp(cfg->e[i].section, "pdf") != 0 &&
		    strcmp(cfg->e[i].key, "name") != 0)
			continue;
		md5_str(&c, cfg->e[i].section);
		md5_str(&c, cfg->e[i].key);
		md5_str(&c, cfg->e[i].value);
	}
	snprintf(num, sizeof(num), "%d %d %d %d", is->number, is->date,
	    is->first, is->last);
	md5_str(&c, num);
	for (i = 0; i < is->n; i++) {
		const struct item *it = is->items[i];

		snprintf(num, sizeof(num), "%d %d %d %d", it->date,
		    it->section, it->sector, it->org);
		md5_str(&c, num);
		md5_str(&c, it->title);
		for (j = 0; j < it->bullets.n; j++)
			md5_str(&c, it->bullets.v[j]);
		for (j = 0; j < it->urls.n; j++)
			md5_str(&c, it->urls.v[j]);
	}
	HPDF_MD5Final(id, &c);
	if ((a = HPDF_Array_New(doc->mmgr)) == NULL)
		return;
	if (HPDF_Dict_Add(doc->trailer, "ID", a) != HPDF_OK)
		return;
	HPDF_Array_Add(a, HPDF_Binary_New(doc->mmgr, id, sizeof(id)));
	HPDF_Array_Add(a, HPDF_Binary_New(doc->mmgr, id, sizeof(id)));
}

static void
set_info(HPDF_Doc doc, const struct config *cfg, const struct issue *is)
{
	HPDF_Date t = stamp(cfg, is);
	buf b = {0};

	buf_printf(&b, "%s %s %d", cfg->digest.title, cfg->digest.number_label,
	    is->number);
	HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, b.ptr);
	HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT,
	    cfg->digest.subtitle);
	HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR,
	    cfg->digest.author);
	HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "digest");
	HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, t);
	HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, t);
	/* The language, for screen readers and text extraction. */
	if (cfg->pdf.lang != NULL && *cfg->pdf.lang != '\0')
		HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(doc->mmgr,
		    cfg->pdf.lang, NULL));
	buf_free(&b);
}

/* Saves doc as path: written beside it, then renamed over it.  Path is
 * in the build's fresh stage, never there before: a brief that has not
 * changed keeps the old file (and its time, as outfile.h wants of every
 * output) by link_if_same once written.  Saved straight to a file, not
 * to memory: a brief of a thousand pages is big enough. */
static int
save(HPDF_Doc doc, const char *path, struct haru_errors *errs)
{
	buf tmp = {0};
	int rc = 0;

	buf_printf(&tmp, "%s.tmp-%ld", path, (long)getpid());
	if (HPDF_SaveToFile(doc, tmp.ptr) != HPDF_OK || errs->n > 0) {
		msg(MSG_PDF_WRITE, path, 0, 0);
		rc = -1;
	} else if (rename(tmp.ptr, path) == -1) {
		msg(MSG_SYS_WRITE, path, 0, 0, strerror_safe());
		rc = -1;
	} else
		file_writeback(path);
	(void)remove(tmp.ptr);
	buf_free(&tmp);
	return rc;
}

/* A document with its fonts loaded (pdf_font_load): the first brief's
 * is made ahead by the prefetch thread once it has found the faces,
 * while the inputs are still being read (pdf_ready_make). */
struct pdf_ready {
	HPDF_Doc	 doc;
	struct haru_errors errs;
	struct fonts	 fonts;
	int		 rc;		/* pdf_font_load's */
	buf		 log;		/* its messages, held */
};

static pthread_mutex_t ready_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_made = PTHREAD_COND_INITIALIZER;
static int ready_state;		/* 0 none, 1 being made, 2 made */
static struct pdf_ready *ready;

/* A new document for the brief at path (NULL: not known yet), its
 * fonts loaded; NULL if libharu cannot start one. */
static struct pdf_ready *
ready_new(const struct config *cfg, const char *path)
{
	struct pdf_ready *d = xcalloc(1, sizeof(*d));

	d->errs.path = path;
	if ((d->doc = HPDF_New(on_error, &d->errs)) == NULL) {
		free(d);
		return NULL;
	}
	HPDF_SetCompressionMode(d->doc, HPDF_COMP_ALL);
	d->rc = pdf_font_load(&d->fonts, d->doc, cfg, path);
	return d;
}

static void
ready_free(struct pdf_ready *d)
{
	if (d == NULL)
		return;
	pdf_font_free(&d->fonts);
	HPDF_Free(d->doc);
	buf_free(&d->log);
	free(d);
}

/* Not with DIGEST_LIBHARU_ONLY: libharu then reads the font files
 * through stdio when it saves, and a file opened before a fork is read
 * by both processes from one offset. */
void
pdf_ready_want(void)
{
	if (pdf_libharu_only())
		return;
	pthread_mutex_lock(&ready_lock);
	ready_state = 1;
	pthread_mutex_unlock(&ready_lock);
}

void
pdf_ready_make(const struct config *cfg)
{
	struct pdf_ready *d;
	buf log = {0}, *was;
	int want;

	pthread_mutex_lock(&ready_lock);
	want = ready_state == 1 && ready == NULL;
	pthread_mutex_unlock(&ready_lock);
	if (!want)
		return;
	was = msg_capture(&log);
	d = ready_new(cfg, NULL);
	msg_capture(was);
	if (d != NULL)
		d->log = log;
	else
		buf_free(&log);
	pthread_mutex_lock(&ready_lock);
	ready = d;
	ready_state = d != NULL ? 2 : 0;
	pthread_cond_broadcast(&ready_made);
	pthread_mutex_unlock(&ready_lock);
}

/* A written brief's document is freed by a thread of its own while the
 * brief's mail is made and the build publishes (some 3 M instructions
 * of libharu's objects); waited for before the next brief and at the
 * end. */
static pthread_t spent_thread;
static int spent_running;

static void *
spent_run(void *arg)
{
	ready_free(arg);
	return NULL;
}

static void
spent_wait(void)
{
	if (spent_running) {
		pthread_join(spent_thread, NULL);
		spent_running = 0;
	}
}

static void
spent(struct pdf_ready *d)
{
	spent_wait();
	if (pthread_create(&spent_thread, NULL, spent_run, d) == 0)
		spent_running = 1;
	else
		ready_free(d);
}

void
pdf_ready_free(void)
{
	spent_wait();
	ready_free(ready);
	ready = NULL;
	ready_state = 0;
}

/* The document made ahead, for the brief at path: waited for while it
 * is being made; NULL if there is none, or if making it said anything
 * (then the brief makes its own, and says it in its place). */
static struct pdf_ready *
ready_take(const char *path)
{
	struct pdf_ready *d;

	pthread_mutex_lock(&ready_lock);
	while (ready_state == 1)
		pthread_cond_wait(&ready_made, &ready_lock);
	d = ready;
	ready = NULL;
	ready_state = 0;
	pthread_mutex_unlock(&ready_lock);
	if (d != NULL && (d->rc != 0 || d->errs.n != 0 || d->log.len != 0)) {
		ready_free(d);
		d = NULL;
	}
	if (d != NULL)
		d->errs.path = d->fonts.path = path;
	return d;
}

int
pdf_write(const struct render *r, const struct issue *is, const char *path)
{
	struct pdf_ready *d;
	struct layout L;
	HPDF_Doc doc;
	struct pdf_pages *pages = NULL;
	int rc = -1, laid = 0;

	if ((d = ready_take(path)) == NULL &&
	    (d = ready_new(r->cfg, path)) == NULL) {
		msg(MSG_PDF_START, path, 0, 0);
		return -1;
	}
	doc = d->doc;
	if (d->rc == -1)
		goto out;
	pdf_layout(&L, r->cfg, is, &d->fonts);
	laid = 1;
	if (pdf_draw(doc, &L) == -1)
		goto out;
	/* Drawn: the pages deflated meanwhile (pdf_pages.c), and the
	 * layout no longer needed while libharu saves. */
	if (!pdf_libharu_only())
		pages = pdf_pages_deflate(doc);
	pdf_layout_free(&L);
	laid = 0;
	set_info(doc, r->cfg, is);
	set_id(doc, r->cfg, is);
	if (pdf_font_finish(&d->fonts) == -1 || d->errs.n > 0)
		goto out;
	rc = save(doc, path, &d->errs);
out:
	if (laid)
		pdf_layout_free(&L);
	pdf_pages_free(pages);
	spent(d);
	return rc;
}

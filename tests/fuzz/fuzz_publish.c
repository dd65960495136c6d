/* fuzz_publish.c: libFuzzer on everything that publishes: one input,
 * read and grouped as fuzz_parse.c does, then carried through the site
 * (Markdown escaping, ctemplate, cmark, every page, the search index and
 * the feed), the PDF brief of its latest issue (layout, libharu, the
 * fonts) and its mail, written into a scratch folder that is emptied
 * after each input.  The configuration is digest.conf (or $DIGEST_CONF),
 * the templates those it names.  Besides the sanitizers, one check of
 * its own: no page carries markup the templates do not (a script, a
 * frame, a javascript: link), whatever the input. */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "classify.h"
#include "config.h"
#include "dedup.h"
#include "msg.h"
#include "parse.h"
#include "publish.h"
#include "read.h"
#include "render.h"
#include "util.h"
#include "weeks.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct config cfg;
static char scratch[] = "/tmp/fuzz_publish-XXXXXX";
static buf site, pdf, templates;

static void
cleanup(void)
{
	(void)remove_tree(scratch);
}

/* Markup that only the templates may write: search.html's two scripts,
 * nothing anywhere else. */
static void
check_page(const char *path, const char *name)
{
	static const char *const banned[] = { "<iframe", "<object", "<embed",
	    "=\"javascript:", "='javascript:", "<base" };
	size_t len, i, scripts = 0;
	char *s = read_whole(path, &len), *p;

	if (s == NULL)
		return;
	for (i = 0; i < len; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	for (p = s; (p = strstr(p, "<script")) != NULL; p++)
		scripts++;
	if (scripts > (strcmp(name, "search.html") == 0 ? 2u : 0u)) {
		fprintf(stderr, "fuzz_publish: %s: %zu scripts\n", path,
		    scripts);
		abort();
	}
	for (i = 0; i < sizeof(banned) / sizeof(*banned); i++)
		if (strstr(s, banned[i]) != NULL) {
			fprintf(stderr, "fuzz_publish: %s: %s\n", path,
			    banned[i]);
			abort();
		}
	free(s);
}

static void
check_site(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	buf p = {0};
	size_t n;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, de->d_name);
		n = strlen(de->d_name);
		if (n > 5 && strcmp(de->d_name + n - 5, ".html") == 0)
			check_page(p.ptr, de->d_name);
		else if (strchr(de->d_name, '.') == NULL)
			check_site(p.ptr);
	}
	closedir(d);
	buf_free(&p);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *conf = getenv("DIGEST_CONF");

	(void)argc, (void)argv;
	if (conf == NULL)
		conf = "digest.conf";
	if (config_load(&cfg, conf) == -1 || mkdtemp(scratch) == NULL) {
		fprintf(stderr, "fuzz_publish: cannot load %s or make a "
		    "scratch folder\n", conf);
		exit(1);
	}
	atexit(cleanup);
	msg_verbosity(-1);
	buf_printf(&site, "%s/site", scratch);
	buf_printf(&pdf, "%s/brief.pdf", scratch);
	(void)config_path(&cfg, cfg.digest.templates, &templates);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus cs;
	struct render rd;
	struct doc d;
	struct issue *iss;
	size_t n = 0;

	memset(&cs, 0, sizeof(cs));
	iss = NULL;
	if (doc_from_bytes(&d, &cs.arena, "weekly-draft-2025-07-31.txt",
	    (const char *)data, size) == 0) {
		parse_doc(&d, &cs, &cfg);
		classify(&cs, &cfg, size % 2 == 0, 0);
		dedup(&cs, &cfg, 0);
		iss = weeks_group(&cs, &cfg, &n);
	}
	if (n > 0) {
		memset(&rd, 0, sizeof(rd));
		rd.cfg = &cfg;
		rd.templates = templates.ptr;
		rd.issues = iss;
		rd.n = n;
		rd.latest = &iss[n - 1];
		if (site_write(&rd, site.ptr, NULL) == 0)
			check_site(site.ptr);
		if (pdf_write(&rd, rd.latest, pdf.ptr) == 0)
			(void)mail_write(&rd, rd.latest, pdf.ptr);
		(void)remove_tree(scratch);
		(void)mkdir(scratch, 0700);
	}
	weeks_free(iss, n);
	corpus_free(&cs);
	return 0;
}

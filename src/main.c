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
#include "run.h"
#include "summary.h"
#include "weeks.h"

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

	run_gather(r, argc, argv);
	run_load(r, 0, 0);
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
	run_gather(r, argc, argv);
	run_load(r, 1, 1);
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
		msg(MSG_USAGE_COMMAND, NULL, 0, 0, argv[i], near);
		return 2;
	}
	*cmd = c;
	memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i) *
	    sizeof(*argv));
	(*argc)--;
	return 0;
}

/* What the options ask for. */
struct opts {
	const char	*conf, *outdir;
	int		 week, today, all_pdfs;
};

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "no-labels", no_argument, NULL, 'L' },
	{ "all-pdfs", no_argument, NULL, 'A' },
	{ "today", required_argument, NULL, 'T' },
	{ NULL, 0, NULL, 0 },
};

/* A wrong option, said from the table (getopt's own messages are off),
 * then the synopsis; ch is what getopt_long returned, ':' or '?'.  A
 * short option's error has its letter in optopt; a long one's word is
 * behind optind (optopt 0 when unknown, else its value). */
static void
wrong_option(int ch, char **argv)
{
	char name[32] = { '-', (char)optopt, '\0' };
	size_t i;

	for (i = 0; optopt != 0 && longopts[i].name != NULL; i++)
		if (longopts[i].val == optopt && strchr("LATVh", optopt))
			snprintf(name, sizeof(name), "--%s", longopts[i].name);
	if (optopt == 0)
		msg(MSG_USAGE_OPTION, NULL, 0, 0, argv[optind - 1]);
	else if (ch == ':')
		msg(MSG_USAGE_ARGUMENT, NULL, 0, 0, name);
	else if (name[1] == '-')
		msg(MSG_USAGE_NO_ARGUMENT, NULL, 0, 0, name);
	else
		msg(MSG_USAGE_OPTION, NULL, 0, 0, name);
	cli_usage(stderr);
}

/* Reads the options into o and r; returns -1 to go on, else the exit
 * status (2: a wrong option; 0: --help or --version done). */
static int
options(int argc, char **argv, struct opts *o, struct run *r)
{
	int ch;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:o:w:qvhV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->conf = optarg;
			break;
		case 'o':
			o->outdir = optarg;
			break;
		case 'w':
			if ((o->week = parse_day(optarg)) == DATE_NONE) {
				msg(MSG_USAGE_DATE, NULL, 0, 0, "-w");
				return 2;
			}
			break;
		case 'T':
			if ((o->today = parse_day(optarg)) == DATE_NONE) {
				msg(MSG_USAGE_DATE, NULL, 0, 0, "--today");
				return 2;
			}
			break;
		case 'q':
			msg_verbosity(-1);
			break;
		case 'v':
			r->verbose = 1;
			msg_verbosity(1);
			break;
		case 'L':
			r->use_labels = 0;
			break;
		case 'A':
			o->all_pdfs = 1;
			break;
		case 'h':
			cli_help(stdout);
			return 0;
		case 'V':
			printf("digest %s\n", VERSION);
			return 0;
		default:
			wrong_option(ch, argv);
			return 2;
		}
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct opts o = { NULL, "output", DATE_NONE, DATE_NONE, 0 };
	struct run r;
	const char *cmd = "build";
	int rc;

	memset(&r, 0, sizeof(r));
	r.use_labels = 1;
	if ((rc = take_command(&argc, argv, &cmd)) != 0)
		return rc;
	if ((rc = options(argc, argv, &o, &r)) != -1)
		return rc;
	argc -= optind;
	argv += optind;
	/* fontconfig started while the configuration is read and the
	 * inputs after it: the brief waits for its answer. */
	if (strcmp(cmd, "build") == 0)
		pdf_font_prefetch_start();
	if (config_load(&r.cfg, cli_config(o.conf)) == -1) {
		pdf_font_cleanup();
		run_free(&r);
		return 1;
	}
	/* The day of the build, in the zone the issues are published in;
	 * only the date check uses it, never the output. */
	r.today = o.today != DATE_NONE ? o.today :
	    (int)floor(((double)time(NULL) + r.cfg.site.zone_minutes * 60.0) /
	    86400.0);
	if (strcmp(cmd, "items") == 0)
		rc = cmd_items(&r, argc, argv);
	else if (strcmp(cmd, "check") == 0)
		rc = cmd_check(&r, argc, argv);
	else
		rc = cmd_build(&r, argc, argv, o.outdir, o.week, o.all_pdfs);
	if (msg_count(MSG_ERROR) > 0 && rc == 0)
		rc = 1;
	/* The prefetch thread reads the configuration (a build that
	 * stopped early may not have waited for it): joined before the
	 * configuration is freed. */
	pdf_font_cleanup();
	run_free(&r);
	return rc;
}

/* cli.c: what the command line says about itself.  Kept apart from
 * main.c so that the wording of the help and the command table are in
 * one place. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Where `make install` puts digest.conf and templates/ (set by the
 * Makefile from PREFIX). */
#ifndef DIGEST_DATADIR
#define DIGEST_DATADIR "/usr/local/share/digest"
#endif

static const char *const commands[] = { "build", "items", "check" };
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

void
cli_usage(FILE *f)
{
	fputs("usage: digest [build] [-c FILE] [-o DIR] [-w YYYY-MM-DD] "
	    "[--all-pdfs] [PATH...]\n"
	    "       digest items [-c FILE] [--no-labels] [-v] [PATH...]\n"
	    "       digest check [-c FILE] [PATH...]\n"
	    "       (any command: --today YYYY-MM-DD)\n"
	    "       digest --help | --version\n", f);
}

void
cli_help(FILE *f)
{
	cli_usage(f);
	fputs("\n"
	    "  build   publish PATH (default input/) as a site and a PDF "
	    "brief in DIR\n"
	    "  items   print every item found, one JSON object a line\n"
	    "  check   say how each file was read, then every problem at "
	    "its file:line\n"
	    "\n"
	    "  -c FILE       configuration (default: see below)\n"
	    "  -o DIR        output folder (default output/)\n"
	    "  -w DATE       brief of the issue whose period holds DATE "
	    "(default the latest)\n"
	    "  --all-pdfs    a brief for every issue, not only the latest\n"
	    "  --no-labels   ignore the input's labels, classify from the "
	    "text alone\n"
	    "  --today DATE  the day of the run, for the date checks "
	    "(default the clock's)\n"
	    "  -q, -v        hide warnings and the summary; show notes (and "
	    "items' why)\n"
	    "  --            what follows is a PATH, even a word like 'check'\n"
	    "\n"
	    "Exit status: 0 done, 1 the input had errors, 2 usage error.\n"
	    "Configuration: -c FILE, else $DIGEST_CONF, else ./digest.conf, "
	    "else\n  " DIGEST_DATADIR "/digest.conf (paths in it: "
	    "relative to its folder).\n"
	    "items and check write nothing.  NO_COLOR: no colour.  "
	    "See man digest.\n", f);
}

/* Levenshtein distance, for words of a few letters. */
static size_t
edits(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[16 + 1], prev, tmp;

	if (la > 16 || lb > 16)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = d[j];
			d[j] = a[i - 1] == b[j - 1] ? prev :
			    1 + (prev < d[j] ? (prev < d[j - 1] ? prev :
			    d[j - 1]) : (d[j] < d[j - 1] ? d[j] : d[j - 1]));
			prev = tmp;
		}
	}
	return d[lb];
}

const char *
cli_command(const char *word, const char **near)
{
	size_t i, best = 3, e;

	*near = NULL;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(word, commands[i]) == 0)
			return commands[i];
	/* A file of that name is read as one: only a word that is no
	 * path and has no path's look is taken for a typo. */
	if (strchr(word, '/') || strchr(word, '.') ||
	    access(word, F_OK) == 0)
		return NULL;
	for (i = 0; i < NCOMMANDS; i++)
		if ((e = edits(word, commands[i])) < best) {
			best = e;
			*near = commands[i];
		}
	return NULL;
}

int
cli_first_word(int argc, char **argv, const char *argopts)
{
	int i;
	size_t n;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			return i;
		if (argv[i][1] == '-') {
			/* "--today DAY"; "--today=DAY" is one word. */
			if (strcmp(argv[i], "--today") == 0)
				i++;
			continue;
		}
		/* "-c FILE", "-qc FILE": the argument is the next word. */
		n = strlen(argv[i]);
		if (strchr(argopts, argv[i][n - 1]) && strcspn(argv[i] + 1,
		    argopts) == n - 2)
			i++;
	}
	return 0;
}

const char *
cli_config(const char *opt_c)
{
	const char *env = getenv("DIGEST_CONF");

	if (opt_c)
		return opt_c;
	if (env && *env)
		return env;
	if (access("digest.conf", F_OK) == 0)
		return "digest.conf";
	return DIGEST_DATADIR "/digest.conf";
}

/* run.h: one run of the program: the configuration, the inputs
 * gathered on the command line, and the model read from them; and the
 * commands that run on it (main.c, build.c). */
#ifndef DIGEST_RUN_H
#define DIGEST_RUN_H

#include <sys/types.h>

#include "config.h"
#include "model.h"
#include "parse.h"

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
	size_t		 npaths, pathcap, idcap;
	int		 today;		/* --today, or the clock's */
	int		 use_labels;
	int		 verbose;
	char		**corr;		/* the corrections.tsv gathered */
	int		 failed;	/* corrections or lists unreadable */
	size_t		 ncorr, corrcap;
};

/* Collects the input files named (default input/) into r->paths and
 * the corrections files met on the way into r->corr; -1 if anything
 * cannot be read. */
int	 run_gather(struct run *, int argc, char **argv);
/* Reads, parses, classifies and deduplicates every input gathered. */
void	 run_load(struct run *, int report_merges, int keep_lines);
void	 run_free(struct run *);

/* digest build: the site and the briefs, published whole (build.c). */
int	 cmd_build(struct run *, int argc, char **argv, const char *outdir,
	    int week, int all_pdfs);

#endif

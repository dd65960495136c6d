/* render.h: the outputs.  Each walks the same issues. */
#ifndef DIGEST_RENDER_H
#define DIGEST_RENDER_H

#include "config.h"
#include "model.h"

struct render {
	const struct config	*cfg;
	const char		*templates;	/* folder of templates */
	const struct issue	*issues;	/* every issue, number order */
	size_t			 n;
	const struct issue	*latest;	/* the issue -w picked */
};

/* Writes the whole static site into dir (the new output's site/, which
 * must not exist yet); a file the live site (live, may be missing)
 * already holds as it is is hard-linked from there, so it keeps its
 * date.  Returns 0, or reports and returns -1. */
int	 site_write(const struct render *, const char *dir, const char *live);
/* Whether site_write forks a second page writer (more than one issue):
 * no thread may then run while it writes. */
int	 site_forks(const struct render *);

/* Writes the PDF brief of one issue.  Returns 0, or reports and
 * returns -1. */
int	 pdf_write(const struct render *, const struct issue *,
	    const char *path);
/* Gives back what a process keeps for all its briefs (the font files,
 * fontconfig's configuration), for leak checkers; before it exits. */
void	 pdf_font_cleanup(void);
/* Finds the brief's fonts in a thread while the caller goes on (reading
 * the inputs); wait before writing a brief or forking.  The thread may
 * be started sooner, before the configuration is read, to start
 * fontconfig (pdf_font_prefetch then gives it the faces).  ahead: it
 * also makes the first brief's document (pdf_ready_make). */
void	 pdf_font_prefetch_start(void);
void	 pdf_font_prefetch(const struct config *, int ahead);
void	 pdf_font_prefetch_wait(void);
/* Gives fn(arg) to the thread, as its last work once the faces are
 * found and the first brief's document made (it is already running:
 * no thread to start, nor to wait for while it makes the document);
 * pdf_font_prefetch_wait waits for it.  Returns 0, or -1 when there is
 * no such thread (the caller then runs fn its own way). */
int	 pdf_font_prefetch_then(void *(*fn)(void *), void *arg);

/* Writes beside the brief at pdf_path (brief-NNN.pdf) the mail that
 * sends it (brief-NNN.eml).  Returns 0, or reports and returns -1. */
int	 mail_write(const struct render *, const struct issue *,
	    const char *pdf_path);

#endif

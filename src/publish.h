/* publish.h: one build's output put in place at once.
 *
 * A build fills a new folder beside the output folder (same parent, so
 * the same file system), then exchanges the two with one
 * renameat2(RENAME_EXCHANGE) and removes the old one.  A reader, or a
 * crash at any instant, sees the previous complete output or the new
 * one, never a mix; what a crashed build left beside it (.NAME.new-*)
 * is removed by the next build.  One build at a time: a flock(2) on
 * .NAME.lock beside the folder (the exchange does not move it); a
 * second build exits 2 naming the process that holds it.  A build with
 * nothing to do writes nothing, not even the lock: the exchange keeps
 * the stamp with the files it lists, so reading them unlocked can only
 * find a stamp stale, never a wrong one fresh. */
#ifndef DIGEST_PUBLISH_H
#define DIGEST_PUBLISH_H

struct publish {
	char	*dir;		/* the output folder, symbolic links resolved */
	char	*parent;	/* the folder that holds it */
	char	*base;		/* its last component */
	char	*stage;		/* the new output being filled, or NULL */
	int	 lockfd;
	int	 flush_errno;	/* publish_flush's failure, or 0 */
};

/* Finds the output folder (outdir, or the folder a link there names)
 * and its parent; writes nothing.  Returns 0, or reports and returns
 * 1. */
int	 publish_open(struct publish *, const char *outdir);
/* Whether a crashed build left anything beside the output folder;
 * writes nothing. */
int	 publish_untidy(const struct publish *);
/* Takes the lock (creating the parent if needed) and removes what a
 * crashed build left.  Returns 0; or reports and returns 2 when another
 * build holds it, 1 on any other failure. */
int	 publish_lock(struct publish *);
/* Checks that the output folder holds only digest's files (it is
 * replaced whole) and makes the stage.  Returns 0, or reports and
 * returns -1. */
int	 publish_begin(struct publish *);
/* Starts flushing what the stage holds so far to the disk and waits
 * for it (the build's other work meanwhile in its threads), so that
 * publish_commit, which flushes again, finds less to wait for.
 * Reports nothing, but keeps its error for publish_commit: the kernel
 * tells a write-back error to one syncfs only, so a later flush would
 * not see it again. */
void	 publish_flush(struct publish *);
/* Puts the stage in place of the output folder in one step, then
 * removes the old output.  Returns 0, or reports and returns -1 (the
 * output is then as it was). */
int	 publish_commit(struct publish *);
/* Removes the stage (a build that failed publishes nothing) and
 * releases the lock. */
void	 publish_end(struct publish *);

/* Removes a folder and everything under it; symbolic links are
 * removed, never followed. */
int	 remove_tree(const char *path);

#endif

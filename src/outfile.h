/* outfile.h: writing outputs so that a rebuild touches only what
 * changed.  Files are compared before they are written; the stamp lets
 * a build whose inputs did not change skip all its work.
 *
 * A writer of one file (a PDF, a mail) calls write_if_changed().  A
 * writer of a folder built whole beside the live one and then swapped
 * in (the site) calls write_keep() for every file, with the live folder
 * as olddir: an unchanged page is hard-linked from the live folder, so
 * after the swap it keeps its inode and mtime, and the swap stays
 * atomic. */
#ifndef DIGEST_OUTFILE_H
#define DIGEST_OUTFILE_H

#include <stddef.h>
#include <stdint.h>

/* Writes len bytes to path unless path already holds exactly them.  A
 * write goes to a temporary file beside path, renamed over it: a reader
 * sees the old file or the new one, never half of one.  Returns 1 when
 * written, 0 when path was already right (not touched), or reports and
 * returns -1. */
int	 write_if_changed(const char *path, const void *data, size_t len);

/* Puts len bytes at newdir/rel (creating rel's folders): a hard link to
 * olddir/rel when that holds the same bytes, else a new file.  olddir
 * may be NULL or missing.  Returns 1 when written, 0 when linked, or
 * reports and returns -1. */
int	 write_keep(const char *olddir, const char *newdir, const char *rel,
	    const void *data, size_t len);

/* Starts writing path's bytes to the disk and returns without waiting
 * (Linux: sync_file_range), so that the flush before publishing finds
 * them on their way; for a brief and its mail, written last.  Nothing
 * is reported: that flush is. */
void	 file_writeback(const char *path);

/* Whether path holds exactly len bytes equal to data. */
int	 file_equals(const char *path, const void *data, size_t len);

/* FNV-1a, 64 bits: start from FNV64_INIT, feed any number of pieces. */
#define FNV64_INIT UINT64_C(0xcbf29ce484222325)
uint64_t fnv64(uint64_t h, const void *data, size_t len);
/* The build stamp's hash (not FNV: 64-bit words in four lanes, several
 * times faster on the inputs it reads): feed any number of pieces. */
uint64_t hash64(uint64_t h, const void *data, size_t len);
/* Feeds path's name and bytes (a missing file feeds a mark of its own). */
uint64_t hash_file(uint64_t h, const char *path);
/* Feeds every file under dir, in name order, with its name. */
uint64_t hash_tree(uint64_t h, const char *dir);

/* Replaces newdir/rel with a hard link to olddir/rel when both hold the
 * same bytes, so that an unchanged output keeps its date.  Returns 1
 * when linked, else 0. */
int	 link_if_same(const char *olddir, const char *newdir, const char *rel);

/* The stamp, outdir/.digest-stamp: the hash of everything a build read,
 * the size and time of each font file the briefs embedded, and the
 * name, size and time of every file in outdir.  It is fresh when it
 * holds hash and all of that is still so: a page deleted, added or
 * rewritten, or a font upgraded, makes it stale. */
int	 stamp_fresh(const char *outdir, uint64_t hash);
/* Writes the stamp of outdir once every other file is in it; call only
 * after a build that succeeded. */
int	 stamp_write(const char *outdir, uint64_t hash,
	    const char *const *fonts, size_t nfonts);
/* Removes the stamp. */
void	 stamp_clear(const char *outdir);

#endif

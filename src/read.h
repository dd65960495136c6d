/* read.h: from bytes on disk to a doc of normalised UTF-8 lines. */
#ifndef DIGEST_READ_H
#define DIGEST_READ_H

#include "model.h"

/* Reads path into doc (storage in arena).  Decodes UTF-8 (BOM or not),
 * UTF-16LE/BE with BOM and CP949; splits CRLF, CR and LF lines; puts
 * Hangul in NFC and folds lookalike punctuation.  Returns 0, or reports
 * "file: error: ..." and returns -1. */
int	 doc_read(struct doc *, struct arena *, const char *path);
/* The same refusing a file over max bytes ([digest] max_file_mb). */
int	 doc_read_max(struct doc *, struct arena *, const char *path,
	    size_t max);
#define READ_MAX_DEFAULT	((size_t)64 << 20)

/* Reads a regular file of at most max bytes, NUL-terminated; anything
 * else (a FIFO, a device, a socket, a folder, a bigger file) is
 * reported at path and gives NULL, without blocking or reading more
 * than max + 1 bytes. */
char	*read_input(const char *path, size_t max, size_t *len);
/* Whether what stat said of path may be read as input: 0, or reports
 * and returns -1. */
struct stat;
int	 input_ok(const char *path, const struct stat *, size_t max);
/* "a named pipe (FIFO)", "a character device", ... for a st_mode. */
const char *file_kind(unsigned mode);
/* The same on bytes already in memory; path names them in messages. */
int	 doc_from_bytes(struct doc *, struct arena *, const char *path,
	    const char *bytes, size_t len);

/* Normalises one UTF-8 string: NFC and the lookalike table.  The result
 * is malloc'd; NULL if s is not valid UTF-8. */
char	*text_normalise(const char *s, size_t len, size_t *outlen);

#endif

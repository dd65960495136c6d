/* read.h: from bytes on disk to a doc of normalised UTF-8 lines. */
#ifndef DIGEST_READ_H
#define DIGEST_READ_H

#include "model.h"

/* Reads path into doc (storage in arena).  Decodes UTF-8 (BOM or not),
 * UTF-16LE/BE with BOM and CP949; splits CRLF, CR and LF lines; puts
 * Hangul in NFC and folds lookalike punctuation.  Returns 0, or reports
 * "file: error: ..." and returns -1. */
int	 doc_read(struct doc *, struct arena *, const char *path);
/* The same on bytes already in memory; path names them in messages. */
int	 doc_from_bytes(struct doc *, struct arena *, const char *path,
	    const char *bytes, size_t len);

/* Normalises one UTF-8 string: NFC and the lookalike table.  The result
 * is malloc'd; NULL if s is not valid UTF-8. */
char	*text_normalise(const char *s, size_t len, size_t *outlen);

#endif

/* pdf_deflate.c: a stream deflated as libharu deflates it, for the
 * streams deflated in advance by threads (the font files, the pages'
 * contents) and written as they are. */
#include "pdf_deflate.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "util.h"

int
pdf_deflate(const void *in, size_t len, unsigned char **out, size_t *outlen)
{
	const unsigned char *p = in;
	z_stream strm;
	size_t at = 0, cap;
	int ret, rc = -1;

	*out = NULL;
	memset(&strm, 0, sizeof(strm));
	if (deflateInit(&strm, Z_DEFAULT_COMPRESSION) != Z_OK)
		return -1;
	cap = deflateBound(&strm, (uLong)len) + 64;
	*out = xmalloc(cap);
	strm.next_out = *out;
	strm.avail_out = (uInt)cap;
	do {
		size_t n = len - at > 4096 ? 4096 : len - at;

		strm.next_in = (Bytef *)p + at;
		strm.avail_in = (uInt)n;
		at += n;
		ret = deflate(&strm, at < len ? Z_NO_FLUSH : Z_FINISH);
	} while (at < len && ret == Z_OK);
	while (ret == Z_OK)
		ret = deflate(&strm, Z_FINISH);
	if (ret == Z_STREAM_END) {
		*outlen = cap - strm.avail_out;
		rc = 0;
	} else {
		free(*out);
		*out = NULL;
	}
	deflateEnd(&strm);
	return rc;
}

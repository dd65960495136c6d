/* pdf_deflate.c: a stream deflated as libharu deflates it, for the
 * streams deflated in advance by threads (the font files, the pages'
 * contents) and written as they are. */
#include "pdf_deflate.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "util.h"

/* in[0..len) through strm, made ready (deflateInit or deflateReset). */
static int
run(z_stream *strm, const unsigned char *p, size_t len, unsigned char **out,
    size_t *outlen)
{
	size_t at = 0, cap;
	int ret;

	cap = deflateBound(strm, (uLong)len) + 64;
	*out = xmalloc(cap);
	strm->next_out = *out;
	strm->avail_out = (uInt)cap;
	do {
		size_t n = len - at > 4096 ? 4096 : len - at;

		strm->next_in = (Bytef *)p + at;
		strm->avail_in = (uInt)n;
		at += n;
		ret = deflate(strm, at < len ? Z_NO_FLUSH : Z_FINISH);
	} while (at < len && ret == Z_OK);
	while (ret == Z_OK)
		ret = deflate(strm, Z_FINISH);
	if (ret == Z_STREAM_END) {
		*outlen = cap - strm->avail_out;
		return 0;
	}
	free(*out);
	*out = NULL;
	return -1;
}

int
pdf_deflate(const void *in, size_t len, unsigned char **out, size_t *outlen)
{
	z_stream strm;
	int rc;

	*out = NULL;
	memset(&strm, 0, sizeof(strm));
	if (deflateInit(&strm, Z_DEFAULT_COMPRESSION) != Z_OK)
		return -1;
	rc = run(&strm, in, len, out, outlen);
	deflateEnd(&strm);
	return rc;
}

/* zlib's deflateReset is deflateEnd then deflateInit without freeing
 * and allocating its state again (some 270 KB, fresh pages each time):
 * the same bytes out. */
int
pdf_deflate_each(struct pdf_deflate_job *v, size_t n)
{
	z_stream strm;
	size_t i;
	int rc = 0;

	memset(&strm, 0, sizeof(strm));
	if (deflateInit(&strm, Z_DEFAULT_COMPRESSION) != Z_OK) {
		for (i = 0; i < n; i++) {
			v[i].out = NULL;
			v[i].rc = -1;
		}
		return -1;
	}
	for (i = 0; i < n; i++) {
		v[i].out = NULL;
		if (i > 0 && deflateReset(&strm) != Z_OK)
			v[i].rc = -1;
		else
			v[i].rc = run(&strm, v[i].in, v[i].inlen, &v[i].out,
			    &v[i].len);
		if (v[i].rc != 0)
			rc = -1;
	}
	deflateEnd(&strm);
	return rc;
}

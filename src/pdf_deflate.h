/* pdf_deflate.h: a stream deflated as libharu deflates it. */
#ifndef DIGEST_PDF_DEFLATE_H
#define DIGEST_PDF_DEFLATE_H

#include <stddef.h>

/* in[0..len) deflated as libharu 2.3.0 deflates a stream it saves
 * (HPDF_Stream_WriteToStreamWithDeflate: zlib's default level, the
 * input given 4096 bytes at a time), so that the bytes are the ones it
 * would write: into *out (malloc'd), *outlen bytes.  Returns 0, or -1
 * (*out then NULL). */
int	 pdf_deflate(const void *in, size_t len, unsigned char **out,
	    size_t *outlen);

#endif

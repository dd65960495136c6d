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

/* Each of v[0..n) deflated as pdf_deflate does, by one zlib stream
 * reset between them: in, inlen given; out (malloc'd, or NULL), len
 * and rc (0 or -1) set.  Returns 0, or -1 if any failed. */
struct pdf_deflate_job {
	const unsigned char *in;
	size_t		 inlen;
	unsigned char	*out;
	size_t		 len;
	int		 rc;
};

int	 pdf_deflate_each(struct pdf_deflate_job *, size_t n);

#endif

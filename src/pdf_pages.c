/* pdf_pages.c: the pages' contents deflated by a thread of their own
 * while the brief's fonts are finished, rather than by libharu one after
 * the other as it saves (a fifth of a brief, on its critical path).
 *
 * The bytes are those libharu writes (pdf_deflate: zlib's default
 * level, the input 4096 bytes at a time); each page's contents keep the
 * /Filter libharu gives them, and a write hook puts in the bytes
 * deflated in advance as the stream is saved, as pdf_font_finish.c does
 * for the font files.  A page whose contents changed after they were
 * copied (libharu closes an open text object as it saves) is left to
 * libharu. */
#include "pdf_pages.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf_deflate.h"
#include "pdf_font.h"
#include "util.h"

/* A page's contents: as drawn (in), deflated (out). */
struct page_z {
	struct pdf_pages *owner;
	struct pdf_deflate_job *z;
};

struct pdf_pages {
	pthread_t	 thread;
	int		 joinable;
	struct page_z	*v;
	struct pdf_deflate_job *z;
	size_t		 n;
};

static void *
pages_run(void *arg)
{
	struct pdf_pages *p = arg;

	(void)pdf_deflate_each(p->z, p->n);
	return NULL;
}

static void
pages_wait(struct pdf_pages *p)
{
	if (p->joinable) {
		p->joinable = 0;
		pthread_join(p->thread, NULL);
	}
}

/* The write hook of a page's contents (after its keys, before its
 * stream): the bytes deflated in advance, unless the contents changed
 * since they were copied. */
static HPDF_STATUS
page_write(HPDF_Dict dict, HPDF_Stream out)
{
	struct pdf_deflate_job *z = ((struct page_z *)dict->attr)->z;

	HPDF_Stream st;

	(void)out;
	pages_wait(((struct page_z *)dict->attr)->owner);
	if (z->rc != 0 || dict->stream->size != z->inlen)
		return HPDF_OK;
	dict->filter = HPDF_STREAM_FILTER_NONE;
	/* Read from where they are as the stream is saved. */
	if ((st = pdf_bytes_stream(dict->mmgr, z->out, z->len)) != NULL) {
		HPDF_Stream_Free(dict->stream);
		dict->stream = st;
		return HPDF_OK;
	}
	HPDF_MemStream_FreeData(dict->stream);
	return HPDF_Stream_Write(dict->stream, z->out, (HPDF_UINT)z->len);
}

/* A copy of the bytes of a memory stream, from its buffers (its read
 * position untouched); NULL if they are not as libharu 2.3.0 keeps
 * them. */
static unsigned char *
mem_bytes(HPDF_Stream st, size_t *len)
{
	HPDF_MemStreamAttr a;
	unsigned char *v;
	size_t i, at = 0, n;

	if (st == NULL || st->type != HPDF_STREAM_MEMORY ||
	    (a = st->attr) == NULL || a->buf == NULL)
		return NULL;
	if (a->buf->count == 0 ? st->size != 0 : (size_t)(a->buf->count - 1) *
	    a->buf_siz + a->w_pos != st->size)
		return NULL;
	v = xmalloc(st->size ? st->size : 1);
	for (i = 0; i < a->buf->count; i++) {
		n = i + 1 < a->buf->count ? a->buf_siz : a->w_pos;
		memcpy(v + at, a->buf->obj[i], n);
		at += n;
	}
	*len = at;
	return v;
}

struct pdf_pages *
pdf_pages_deflate(HPDF_Doc doc)
{
	struct pdf_pages *p;
	HPDF_List pages = doc->page_list;
	size_t i;

	if (pages == NULL || pages->count == 0 ||
	    !(doc->compression_mode & HPDF_COMP_TEXT))
		return NULL;
	p = xcalloc(1, sizeof(*p));
	p->v = xcalloc(pages->count, sizeof(*p->v));
	p->z = xcalloc(pages->count, sizeof(*p->z));
	for (i = 0; i < pages->count; i++) {
		HPDF_Page page = pages->obj[i];
		HPDF_PageAttr pa = page->attr;
		HPDF_Dict c = pa->contents;
		struct page_z *z = &p->v[p->n];
		unsigned char *in;

		if (c == NULL || c->attr != NULL || c->write_fn != NULL ||
		    !(c->filter & HPDF_STREAM_FILTER_FLATE_DECODE) ||
		    (in = mem_bytes(c->stream, &p->z[p->n].inlen)) == NULL)
			continue;
		p->z[p->n].in = in;
		z->z = &p->z[p->n];
		z->owner = p;
		c->attr = z;
		c->write_fn = page_write;
		p->n++;
	}
	if (pthread_create(&p->thread, NULL, pages_run, p) == 0)
		p->joinable = 1;
	else
		pages_run(p);
	return p;
}

void
pdf_pages_free(struct pdf_pages *p)
{
	size_t i;

	if (p == NULL)
		return;
	pages_wait(p);
	for (i = 0; i < p->n; i++) {
		free((void *)p->z[i].in);
		free(p->z[i].out);
	}
	free(p->z);
	free(p->v);
	free(p);
}

/* pdf_ttf.c: trimming the TrueType subset libharu embeds.
 *
 * libharu 2.3.0 subsets by writing only the used glyphs' outlines, but
 * keeps every glyph number, so its loca and hmtx tables stay as long as
 * the whole font's (NanumGothic: 20138 glyphs), and it copies the cmap
 * table whole (50 KB).  A PDF viewer reaches glyphs through the
 * CIDToGIDMap and takes widths from the W array, so none of that is
 * read.  Here the metrics of unused glyphs become zeros (which compress
 * to nothing) and the cmap is rebuilt for the characters drawn: the
 * font file shrinks by some 55 KB a face, glyph numbers unchanged. */
#include "pdf_ttf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ttf_table {
	uint32_t	 tag;
	const unsigned char *data;	/* into the input, or own */
	uint32_t	 len;
	unsigned char	*own;
	uint32_t	 sum;		/* its checksum */
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static void
put16(buf *b, unsigned v)
{
	unsigned char p[2] = { (unsigned char)(v >> 8), (unsigned char)v };

	buf_put(b, p, 2);
}

static void
set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void
put32(buf *b, uint32_t v)
{
	unsigned char p[4];

	set32(p, v);
	buf_put(b, p, 4);
}

static uint32_t
tag_of(const char *s)
{
	return be32((const unsigned char *)s);
}

static struct ttf_table *
find(struct ttf_table *t, size_t n, const char *tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].tag == tag_of(tag))
			return &t[i];
	return NULL;
}

static uint32_t
checksum(const unsigned char *p, uint32_t len)
{
	uint32_t sum = 0, i;

	for (i = 0; i + 4 <= len; i += 4)
		sum += be32(p + i);
	if (i < len) {
		unsigned char last[4] = { 0, 0, 0, 0 };

		memcpy(last, p + i, len - i);
		sum += be32(last);
	}
	return sum;
}

/* A cmap with one (3,1) format 4 subtable: a segment per run of codes
 * whose glyphs run in step (idDelta), then the closing 0xFFFF. */
static void
make_cmap(buf *b, const int *gid_of, size_t ncodes)
{
	buf seg = {0};
	unsigned nseg = 0, range = 1, log2 = 0, i;
	size_t c = 0, k;
	unsigned *start, *end, *delta;

	start = xmalloc((ncodes + 1) * sizeof(*start));
	end = xmalloc((ncodes + 1) * sizeof(*end));
	delta = xmalloc((ncodes + 1) * sizeof(*delta));
	while (c < ncodes && c < 0xFFFF) {
		size_t e;

		if (gid_of[c] <= 0) {
			c++;
			continue;
		}
		for (e = c; e + 1 < ncodes && e + 1 < 0xFFFF &&
		    gid_of[e + 1] > 0 &&
		    gid_of[e + 1] - gid_of[c] == (int)(e + 1 - c); e++)
			continue;
		start[nseg] = (unsigned)c;
		end[nseg] = (unsigned)e;
		delta[nseg] = (unsigned)(gid_of[c] - (int)c) & 0xFFFF;
		nseg++;
		c = e + 1;
	}
	start[nseg] = end[nseg] = 0xFFFF;
	delta[nseg++] = 1;
	while (range * 2 <= nseg)
		range *= 2, log2++;
	put16(&seg, 4);
	put16(&seg, 16 + 8 * nseg);
	put16(&seg, 0);
	put16(&seg, 2 * nseg);
	put16(&seg, 2 * range);
	put16(&seg, log2);
	put16(&seg, 2 * nseg - 2 * range);
	for (i = 0; i < nseg; i++)
		put16(&seg, end[i]);
	put16(&seg, 0);
	for (i = 0; i < nseg; i++)
		put16(&seg, start[i]);
	for (i = 0; i < nseg; i++)
		put16(&seg, delta[i]);
	for (k = 0; k < nseg; k++)
		put16(&seg, 0);
	put16(b, 0);
	put16(b, 1);
	put16(b, 3);
	put16(b, 1);
	put32(b, 12);
	buf_put(b, seg.ptr, seg.len);
	buf_free(&seg);
	free(start);
	free(end);
	free(delta);
}

/* The metrics of glyphs without an outline (but glyph 0) set to zero. */
static unsigned char *
zero_metrics(const struct ttf_table *hmtx, const struct ttf_table *loca,
    unsigned nglyphs, unsigned nmetrics, int long_loca)
{
	unsigned char *m = xmalloc(hmtx->len);
	unsigned g;

	memcpy(m, hmtx->data, hmtx->len);
	for (g = 1; g < nglyphs; g++) {
		uint32_t a, z;
		size_t at, size;

		if (long_loca) {
			a = be32(loca->data + 4 * g);
			z = be32(loca->data + 4 * g + 4);
		} else {
			a = be16(loca->data + 2 * g);
			z = be16(loca->data + 2 * g + 2);
		}
		if (z > a)
			continue;
		at = g < nmetrics ? 4 * (size_t)g :
		    4 * (size_t)nmetrics + 2 * (size_t)(g - nmetrics);
		size = g < nmetrics ? 4 : 2;
		if (at + size <= hmtx->len)
			memset(m + at, 0, size);
	}
	return m;
}

/* The table directory of in[0..len), as many tables as it lists, in
 * *n; NULL if it is not one it can read. */
static struct ttf_table *
read_directory(const unsigned char *in, size_t len, size_t *n)
{
	struct ttf_table *t;
	size_t i;

	if (len < 12 || (*n = be16(in + 4)) == 0 || 12 + 16 * *n > len)
		return NULL;
	t = xcalloc(*n, sizeof(*t));
	for (i = 0; i < *n; i++) {
		const unsigned char *d = in + 12 + 16 * i;
		uint32_t o = be32(d + 8), l = be32(d + 12);

		if (o > len || l > len - o) {
			free(t);
			return NULL;
		}
		t[i].tag = be32(d);
		t[i].data = in + o;
		t[i].len = l;
	}
	return t;
}

/* The font of tables t[0..n) into out: the offset table of in as it
 * was, then the directory and the tables, each on a 4-byte boundary,
 * and head's checkSumAdjustment (zero in it) set for the whole.  The
 * whole's checksum is that of the offset table and directory plus the
 * tables' (each starts on a 4-byte boundary, zero-padded to the next):
 * no pass over it all. */
static void
write_font(buf *out, const unsigned char *in, struct ttf_table *t,
    size_t n, const struct ttf_table *head)
{
	uint32_t off, adj, adj_at = 0, sums = 0;
	unsigned char *p;
	size_t i;

	off = (uint32_t)(12 + 16 * n);
	for (i = 0; i < n; i++)
		off += (t[i].len + 3) & ~3u;
	/* Made in place: one allocation of its size. */
	buf_reset(out);
	buf_grow(out, off);
	buf_put(out, in, 12);
	off = (uint32_t)(12 + 16 * n);
	for (i = 0; i < n; i++) {
		t[i].sum = checksum(t[i].data, t[i].len);
		sums += t[i].sum;
		put32(out, t[i].tag);
		put32(out, t[i].sum);
		put32(out, off);
		put32(out, t[i].len);
		off += (t[i].len + 3) & ~3u;
	}
	sums += checksum((const unsigned char *)out->ptr, (uint32_t)out->len);
	for (i = 0; i < n; i++) {
		if (&t[i] == head)
			adj_at = (uint32_t)out->len + 8;
		buf_put(out, t[i].data, t[i].len);
		while (out->len % 4)
			buf_putc(out, 0);
	}
	adj = 0xB1B0AFBAu - sums;
	p = (unsigned char *)out->ptr + adj_at;
	set32(p, adj);
}

/* The tables a subset changes (the metrics, the cmap, the head's
 * checksum) and the counts they are read by. */
struct core {
	struct ttf_table	*head, *hhea, *maxp, *hmtx, *loca, *cmap;
	unsigned		 nglyphs, nmetrics;
	int			 long_loca;
};

/* Finds them among the n tables of t; -1 when one is missing or too
 * short for its counts. */
static int
find_core(struct ttf_table *t, size_t n, struct core *c)
{
	c->head = find(t, n, "head");
	c->hhea = find(t, n, "hhea");
	c->maxp = find(t, n, "maxp");
	c->hmtx = find(t, n, "hmtx");
	c->loca = find(t, n, "loca");
	c->cmap = find(t, n, "cmap");
	if (!c->head || !c->hhea || !c->maxp || !c->hmtx || !c->loca ||
	    !c->cmap || c->head->len < 54 || c->hhea->len < 36 ||
	    c->maxp->len < 6)
		return -1;
	c->nglyphs = be16(c->maxp->data + 4);
	c->nmetrics = be16(c->hhea->data + 34);
	c->long_loca = be16(c->head->data + 50) != 0;
	if (c->nmetrics == 0 || c->nmetrics > c->nglyphs ||
	    c->loca->len < (c->nglyphs + 1) * (c->long_loca ? 4u : 2u) ||
	    c->hmtx->len < 4 * c->nmetrics + 2 * (c->nglyphs - c->nmetrics))
		return -1;
	return 0;
}

int
pdf_ttf_trim(const unsigned char *in, size_t len, const int *gid_of,
    size_t ncodes, buf *out)
{
	struct ttf_table *t;
	struct core c;
	size_t n, i;
	buf cm = {0};

	if ((t = read_directory(in, len, &n)) == NULL)
		return -1;
	if (find_core(t, n, &c) == -1) {
		free(t);
		return -1;
	}

	c.hmtx->own = zero_metrics(c.hmtx, c.loca, c.nglyphs, c.nmetrics,
	    c.long_loca);
	c.hmtx->data = c.hmtx->own;
	make_cmap(&cm, gid_of, ncodes);
	c.cmap->data = (const unsigned char *)cm.ptr;
	c.cmap->len = (uint32_t)cm.len;
	c.head->own = xmalloc(c.head->len);
	memcpy(c.head->own, c.head->data, c.head->len);
	memset(c.head->own + 8, 0, 4);	/* checkSumAdjustment */
	c.head->data = c.head->own;
	write_font(out, in, t, n, c.head);
	for (i = 0; i < n; i++)
		free(t[i].own);
	free(t);
	buf_free(&cm);
	return 0;
}

/* The 13 tables libharu 2.3.0 embeds, in the order it writes them. */
static const char *const saved_tags[] = {
	"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx",
	"loca", "maxp", "name", "post", "prep",
};
#define NSAVED	(sizeof(saved_tags) / sizeof(saved_tags[0]))

/* The table tag of the font's directory, or NULL (then *len is 0). */
static const unsigned char *
font_table(const unsigned char *in, size_t len, const char *tag,
    uint32_t *tlen)
{
	size_t n = be16(in + 4), i;

	*tlen = 0;
	for (i = 0; i < n && 12 + 16 * i + 16 <= len; i++) {
		const unsigned char *d = in + 12 + 16 * i;

		if (be32(d) == tag_of(tag)) {
			uint32_t o = be32(d + 8), l = be32(d + 12);

			if (o > len || l > len - o)
				return NULL;
			*tlen = l;
			return in + o;
		}
	}
	return NULL;
}

/* libharu's glyf and loca: the outlines of the glyphs flagged, in glyph
 * order, the others empty (RecreateGLYF). */
static int
save_glyf(const unsigned char *in, size_t len, const unsigned char *flags,
    unsigned nglyphs, buf *glyf, buf *loca)
{
	uint32_t glen, llen, save = 0;
	size_t g0 = glyf->len;
	const unsigned char *g = font_table(in, len, "glyf", &glen);
	const unsigned char *l = font_table(in, len, "loca", &llen);
	const unsigned char *head;
	uint32_t hlen;
	int shortl;
	unsigned i;

	if ((head = font_table(in, len, "head", &hlen)) == NULL || hlen < 54 ||
	    g == NULL || l == NULL)
		return -1;
	shortl = be16(head + 50) == 0;
	if (llen < (nglyphs + 1) * (shortl ? 2u : 4u))
		return -1;
	for (i = 0; i < nglyphs; i++) {
		uint32_t a = shortl ? be16(l + 2 * i) : be32(l + 4 * i);
		uint32_t z = shortl ? be16(l + 2 * i + 2) : be32(l + 4 * i + 4);

		/* A glyph left out starts (and ends) where the last one
		 * kept ended. */
		if (shortl)
			put16(loca, (save / 2) & 0xffff);
		else
			put32(loca, save);
		if (flags[i] != 1)
			continue;
		if (z < a)
			return -1;
		if (shortl)
			a *= 2, z *= 2;
		if ((size_t)(g - in) + z > len)
			return -1;
		buf_put(glyf, (const char *)g + a, z - a);
		save = (uint32_t)(glyf->len - g0);
	}
	if (shortl)
		put16(loca, (save / 2) & 0xffff);
	else
		put32(loca, save);
	return 0;
}

/* libharu's name table: the family and full names (ids 1 and 4)
 * prefixed with the subset tag, in UTF-16 for the Unicode platforms
 * (RecreateName); the offset of the strings is kept as it was. */
static int
save_name(const unsigned char *in, size_t len, const char *tag,
    const char *tag2, buf *out)
{
	uint32_t tlen;
	const unsigned char *t = font_table(in, len, "name", &tlen);
	buf strs = {0};
	unsigned count, soff, i;

	if (t == NULL || tlen < 6)
		return -1;
	count = be16(t + 2);
	soff = be16(t + 4);
	if (6 + 12 * (size_t)count > tlen)
		return -1;
	put16(out, be16(t));
	put16(out, count);
	put16(out, soff);
	for (i = 0; i < count; i++) {
		const unsigned char *r = t + 6 + 12 * i;
		unsigned plat = be16(r), id = be16(r + 6), n = be16(r + 8);
		size_t at = (size_t)(t - in) + soff + be16(r + 10);
		unsigned rec = (unsigned)strs.len;

		if (at + n > len) {
			buf_free(&strs);
			return -1;
		}
		if (id == 1 || id == 4) {
			int wide = plat == 0 || plat == 3;

			buf_put(&strs, wide ? tag2 : tag, wide ? 14 : 7);
			n += wide ? 14 : 7;
		}
		buf_put(&strs, (const char *)in + at, be16(r + 8));
		put16(out, plat);
		put16(out, be16(r + 2));
		put16(out, be16(r + 4));
		put16(out, id);
		put16(out, n & 0xffff);
		put16(out, rec & 0xffff);
	}
	buf_put(out, strs.ptr ? strs.ptr : "", strs.len);
	buf_free(&strs);
	return 0;
}

/* The tables of pdf_ttf_make's font other than those copied from in:
 * glyf, loca and name as libharu makes them, the head with its
 * checkSumAdjustment zero, the cmap and the zeroed hmtx as pdf_ttf_trim
 * makes them. */
struct made {
	buf		 glyf, loca, name, cmap;
	unsigned char	 head[54];
	unsigned char	*hmtx;
};

/* Points t (NSAVED tables, saved_tags' order) at the tables of in or
 * of m, as libharu writes them; -1 for a font it cannot read. */
static int
made_tables(const unsigned char *in, size_t len, const unsigned char *flags,
    unsigned nglyphs, const char *tag, const char *tag2, struct made *m,
    struct ttf_table *t)
{
	size_t i;

	if (save_glyf(in, len, flags, nglyphs, &m->glyf, &m->loca) == -1 ||
	    save_name(in, len, tag, tag2, &m->name) == -1)
		return -1;
	for (i = 0; i < NSAVED; i++) {
		const char *tag4 = saved_tags[i];
		uint32_t tlen;
		const unsigned char *d = font_table(in, len, tag4, &tlen);

		t[i].tag = tag_of(tag4);
		if (strcmp(tag4, "glyf") == 0 || strcmp(tag4, "loca") == 0 ||
		    strcmp(tag4, "name") == 0) {
			buf *b = tag4[0] == 'g' ? &m->glyf : tag4[0] == 'l' ?
			    &m->loca : &m->name;

			t[i].data = (const unsigned char *)(b->ptr ? b->ptr : "");
			t[i].len = (uint32_t)b->len;
		} else if (strcmp(tag4, "head") == 0) {
			if (d == NULL || tlen < 54)
				return -1;
			memcpy(m->head, d, 54);
			memset(m->head + 8, 0, 4);
			t[i].data = m->head;
			t[i].len = 54;
		} else {
			t[i].data = d != NULL ? d : in;
			t[i].len = d != NULL ? tlen : 0;
		}
	}
	return 0;
}

int
pdf_ttf_make(const unsigned char *in, size_t len, const unsigned char *flags,
    unsigned nglyphs, const char *tag, const char *tag2, const int *gid_of,
    size_t ncodes, buf *out)
{
	struct ttf_table t[NSAVED];
	struct core c;
	struct made m;
	unsigned char hdr[12];
	int rc = -1;

	memset(&m, 0, sizeof(m));
	memset(t, 0, sizeof(t));
	if (len < 12 || made_tables(in, len, flags, nglyphs, tag, tag2, &m,
	    t) == -1 || find_core(t, NSAVED, &c) == -1)
		goto out;
	m.hmtx = zero_metrics(c.hmtx, c.loca, c.nglyphs, c.nmetrics,
	    c.long_loca);
	c.hmtx->data = m.hmtx;
	make_cmap(&m.cmap, gid_of, ncodes);
	c.cmap->data = (const unsigned char *)m.cmap.ptr;
	c.cmap->len = (uint32_t)m.cmap.len;
	memcpy(hdr, in, 4);
	hdr[4] = 0;
	hdr[5] = NSAVED;
	memcpy(hdr + 6, in + 6, 6);
	write_font(out, hdr, t, NSAVED, c.head);
	rc = 0;
out:
	buf_free(&m.glyf);
	buf_free(&m.loca);
	buf_free(&m.name);
	buf_free(&m.cmap);
	free(m.hmtx);
	return rc;
}

/* corpus.c: the growable list of items. */
#include <stdlib.h>
#include <string.h>

#include "model.h"

struct item *
corpus_add(struct corpus *c, const char *file, int line)
{
	struct item *it;

	VEC_GROW(c->items, c->cap, c->n + 1);
	it = &c->items[c->n];
	memset(it, 0, sizeof(*it));
	it->date = DATE_NONE;
	it->section = it->sector = it->narrow = it->org = -1;
	it->file = file;
	it->line = line;
	it->order = c->n;
	c->n++;
	return it;
}

void
corpus_free(struct corpus *c)
{
	free(c->items);
	arena_free(&c->arena);
	memset(c, 0, sizeof(*c));
}

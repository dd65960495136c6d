/* normalise.c: the labels a parser read as printed become the indexes
 * of the configured sections, sectors and organisation types, for the
 * stages after it (classify.c trusts them); a label the configuration
 * does not name is reported here, once, where it was read. */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "normalise.h"

static void
log_add(struct label_log *log, struct printed_label *l, long item)
{
	VEC_GROW(log->v, log->cap, log->n + 1);
	log->v[log->n].label = l;
	log->v[log->n].item = item;
	log->v[log->n].held = msg_held();
	log->n++;
}

struct printed_label *
label_read(struct label_log *log, struct corpus *cs, int kind,
    const char *text, int line, int col)
{
	struct printed_label *l = arena_alloc(&cs->arena, sizeof(*l));

	memset(l, 0, sizeof(*l));
	l->text = str_trim(arena_strdup(&cs->arena, text));
	l->kind = kind;
	l->line = line;
	l->col = col;
	l->taxon = -1;
	log_add(log, l, -1);
	return l;
}

void
label_file(struct label_log *log, struct corpus *cs, size_t item,
    struct printed_label *l)
{
	struct item *it = &cs->items[item];

	if (it->printed[LABEL_KIND_ORG] != NULL)
		return;
	it->printed[LABEL_KIND_ORG] = l;
	log_add(log, l, (long)item);
}

/* The taxonomy of a kind of label. */
static int
lookup(const struct config *c, int kind, const char *text)
{
	switch (kind) {
	case LABEL_KIND_SECTION:
		return taxon_by_name(c->sections, c->nsections, text);
	case LABEL_KIND_SECTOR:
		return taxon_by_name(c->sectors, c->nsectors, text);
	default:
		return taxon_by_name(c->orgs, c->norgs, text);
	}
}

/* A label the configuration does not name: its items are classified
 * from their text. */
static void
unknown(const struct printed_label *l, const char *path)
{
	switch (l->kind) {
	case LABEL_KIND_SECTION:
		msg(MSG_REIMPORT_SECTION_UNKNOWN, path, l->line, l->col,
		    l->text);
		break;
	case LABEL_KIND_SECTOR:
		msg(MSG_PARSE_SECTOR_UNKNOWN, path, l->line, l->col, l->text);
		break;
	default:
		msg(MSG_REIMPORT_LABEL_UNKNOWN, path, l->line, l->col,
		    l->text);
		break;
	}
}

/* An item filed by its organisation label: one of another section than
 * its heading's is the editors' word against the heading's; the item
 * is filed under the label's section, and the row reported. */
static void
filed(struct item *it, const struct printed_label *l,
    const struct config *c, const char *path)
{
	const struct taxon *o;

	if (l->taxon < 0)
		return;
	o = &c->orgs[l->taxon];
	if (o->section < 0 || it->section < 0 || o->section == it->section)
		return;
	msg(MSG_REIMPORT_LABEL_SECTION, path, l->line, l->col, l->text,
	    c->sections[it->section].name, c->sections[o->section].name,
	    it->title);
	it->section = o->section;
}

/* The item's section, sector and org from its labels as printed. */
static void
item_labels(struct item *it)
{
	int *field[LABEL_KINDS];
	int k;

	field[LABEL_KIND_SECTION] = &it->section;
	field[LABEL_KIND_SECTOR] = &it->sector;
	field[LABEL_KIND_ORG] = &it->org;
	for (k = 0; k < LABEL_KINDS; k++) {
		if (it->printed[k] == NULL || it->printed[k]->taxon < 0)
			continue;
		*field[k] = it->printed[k]->taxon;
		it->labels |= 1u << k;
	}
}

void
normalise(struct label_log *log, struct corpus *cs, size_t first,
    const struct config *c, const char *path, const buf *held)
{
	size_t i, at = 0;

	for (i = 0; i < log->n; i++)
		if (log->v[i].item < 0)
			log->v[i].label->taxon = lookup(c, log->v[i].label->kind,
			    log->v[i].label->text);
	for (i = first; i < cs->n; i++)
		item_labels(&cs->items[i]);
	for (i = 0; i < log->n; i++) {
		const struct label_event *e = &log->v[i];

		if (held != NULL)
			at = msg_replay_span(held, at, e->held);
		if (e->item >= 0)
			filed(&cs->items[e->item], e->label, c, path);
		else if (e->label->taxon < 0)
			unknown(e->label, path);
	}
	if (held != NULL)
		msg_replay_span(held, at, held->len);
	log->n = 0;
}

void
label_log_free(struct label_log *log)
{
	free(log->v);
	memset(log, 0, sizeof(*log));
}

/* issue.h: one issue as every output prints it, worked out once.
 *
 * The site's issue page, the brief, the feed and the mail each walk the
 * same tree (as cmark's renderers walk one node tree): sections, then
 * the sector blocks of each, then the organisation groups of the 구분
 * column, then the items.  Which blocks and groups are shown, and which
 * say "(해당 없음)", is decided here and nowhere else.  Also here: the
 * one date spelling a person reads and the one {field} filler. */
#ifndef DIGEST_ISSUE_H
#define DIGEST_ISSUE_H

#include <stddef.h>

#include "config.h"
#include "model.h"
#include "util.h"

/* An organisation group: its items as indexes into issue->items, in
 * published order; n == 0 is a group shown empty. */
struct igroup {
	int		 org;		/* config index, -1 unclassified */
	size_t		*items;
	size_t		 n;
};

struct isector {
	int		 sector;	/* config index, -1 unclassified */
	struct igroup	*groups;
	size_t		 ngroups;
	size_t		 nitems;
};

struct isection {
	int		 section;	/* config index, -1 unclassified */
	struct isector	*sectors;
	size_t		 nsectors;
	size_t		 nitems;
};

struct itree {
	const struct config	*cfg;
	const struct issue	*is;
	struct isection		*sections;
	size_t			 nsections;
	struct arena		 arena;
};

/* Builds the tree of is: every configured section (then the
 * unclassified one when an item needs it); in each, the sector blocks
 * that have items there or anywhere in the issue, or are configured
 * show_empty (then the unclassified block); in each block the
 * section's own organisation types (with items, or show_empty), then
 * any other type an item names, then the unclassified group. */
void	 itree_build(struct itree *, const struct config *,
	    const struct issue *);
void	 itree_free(struct itree *);
/* A walk over one section's items in published order, across its
 * sector blocks and groups; starts zeroed. */
struct icursor {
	size_t	 sector, group, i;
};

/* The section's next item (NULL at the end); *at, when not NULL, gets
 * its index in the issue. */
const struct item *itree_next(const struct itree *, const struct isection *,
	    struct icursor *, size_t *at);
/* The item of group g at i. */
const struct item *itree_item(const struct itree *, const struct igroup *,
	    size_t i);

/* Where an item is filed: an unknown section follows from its
 * organisation type; an index out of range reads -1. */
int	 item_section_of(const struct config *, const struct item *);
int	 item_sector_of(const struct config *, const struct item *);
int	 item_org_of(const struct config *, const struct item *);

/* The printed names; -1 reads as the configured "unclassified". */
const char *section_label(const struct config *, int);
const char *sector_label(const struct config *, int);
const char *org_label(const struct config *, int);

/* Dates as a person reads them: "2025.12.11"; DATE_NONE gives "". */
void	 date_dots(int date, char out[16]);

/* Fills {name} fields of tmpl from vars, a NULL-ended list of name and
 * value pairs; an unknown field stays as written. */
void	 fill_fields(buf *, const char *tmpl, const char *const *vars);
/* The name of weekday wd (0 = Sunday) in [digest] weekday_names. */
void	 weekday_name(const struct config *, int wd, buf *);
/* The period line of the configuration with {date} {weekday} {first}
 * {last} {number} filled in. */
void	 issue_period(const struct config *, const struct issue *, buf *);

/* A machine's time stamp of an issue (RFC 3339, for the feed): its day
 * at [pdf] time, the hour the brief and the mail give, in [site]
 * time_zone: "2025-12-11T09:00:00+09:00". */
void	 issue_stamp(const struct config *, int date, buf *);

/* The Korean object particle after number n as it is read aloud:
 * "을" when its reading ends in a consonant (일 삼 육 칠 팔 십 백 천 만
 * ...), "를" after a vowel (이 사 오 구). */
const char *number_particle(long n);

#endif

/* pdf_layout.h: the first pass of the brief (pdf_layout.c): an issue as
 * a flow of boxes (headings, table rows, lines of text), paginated,
 * which tells every contents entry its page.  pdf_draw.c draws it. */
#ifndef DIGEST_PDF_LAYOUT_H
#define DIGEST_PDF_LAYOUT_H

#include "model.h"
#include "pdf_font.h"

enum box_kind {
	BOX_LINE,	/* a line of text, in a table cell or not */
	BOX_TABLE,	/* a table starts: its header row */
	BOX_GROUP,	/* a group of the 구분 column starts */
	BOX_GROUP_END,
	BOX_TABLE_END,
	BOX_GAP,	/* space, dropped at the top of a page */
	BOX_BREAK,	/* a new page, unless this one is empty */
};

enum ink {
	INK_TEXT,
	INK_MUTED,
	INK_LINK,
	INK_HEAD,	/* headings */
};

struct box {
	enum box_kind	 kind;
	double		 h;		/* the height it takes */
	int		 keep;		/* on the same page as the next box */
	/* Text: a line, or a heading's. */
	const char	*text;
	size_t		 len;
	enum face	 face;
	double		 size;
	enum ink	 ink;
	double		 x;		/* of the text, from its column */
	const char	*marker;	/* drawn at marker_x before it */
	double		 marker_x;
	const char	*uri;		/* a link to this address */
	int		 rule;		/* a heading: ruled under */
	int		 anchor;	/* the entry that starts here, -1 */
	int		 entry;		/* contents: the entry listed, -1 */
	int		 numbered;	/* contents: leader and page number */
	int		 group;		/* BOX_GROUP: index in groups */
	int		 item;		/* the item it is part of, -1 */
	int		 note;		/* a line of the closing note, or a
					 * group's "(해당 없음)": not news */
	int		 break_before;	/* a new page before it (set when a
					 * page would hold only a tail) */
	/* Set by pagination. */
	int		 page;		/* -1: not printed (a dropped gap) */
	double		 y;		/* top */
	int		 in_table;
};

/* A contents entry, which is also a bookmark and a link target. */
struct toc_entry {
	int		 level;		/* 0 section, 1 sector, 2 item */
	const char	*text;		/* as listed */
	int		 page;		/* page index, 0 the cover */
	double		 y;
};

enum frame_kind {
	FRAME_HEAD,	/* the header row of a table */
	FRAME_GROUP,	/* the part of a group on one page */
};

struct frame {
	enum frame_kind	 kind;
	int		 page;
	double		 top, bottom;
	int		 group;
};

struct flow {
	struct box	*v;
	size_t		 n, cap;
};

struct layout {
	struct arena	 arena;
	const struct config *cfg;
	const struct issue *issue;
	struct fonts	*fonts;
	struct flow	 contents;	/* the contents pages */
	struct flow	 body;
	struct toc_entry	*entries;
	size_t		 nentries, capentries;
	const char	**groups;	/* labels of the 구분 column */
	size_t		 ngroups, capgroups;
	struct frame	*frames;
	size_t		 nframes, capframes;
	int		 item_entries;	/* the contents list items */
	int		 nitems;	/* items laid out */
	int		 ncontents;	/* contents pages */
	int		 npages;	/* every page, the cover included */
};

/* Lays out the issue.  Page 0 is the cover, then come the contents
 * pages, then the body. */
void	 pdf_layout(struct layout *, const struct config *,
	    const struct issue *, struct fonts *);
void	 pdf_layout_free(struct layout *);

#endif

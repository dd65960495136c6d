/* html.h: the pages of the static site.  html.c holds the page shell
 * (templates/page.html), the issue page and the small helpers every
 * page shares; site.c writes the folder and the other pages. */
#ifndef DIGEST_HTML_H
#define DIGEST_HTML_H

#include <stddef.h>

#include "issue.h"
#include "render.h"
#include "tmpl.h"
#include "util.h"

/* "i-" + 16 hex digits, and "-N" when two items of an issue share
 * their title and date. */
#define ANCHOR_MAX 32
typedef char anchor_t[ANCHOR_MAX];

struct site {
	const struct render	*r;
	const struct config	*cfg;
	const char		*dir;		/* the folder being filled */
	const char		*live;		/* the site it will replace */
	anchor_t		**anchors;	/* [issue][item] */
	char			(*dirs)[16];	/* [issue], issue_dir() */
};

/* The folder of an issue, its number in at least three digits. */
void	 issue_dir(const struct issue *, char out[16]);
/* The printed name of a section, sector or organisation type; index
 * -1 (unclassified) reads as the configured "unclassified". */
const char *taxon_label(const struct config *, const struct taxon *,
	    size_t n, int i);
/* An id safe in a file name and a fragment: [A-Za-z0-9_-] kept,
 * anything else becomes '_'. */
void	 slug(buf *, const char *);
int	 url_is_http(const char *);
/* The host part of an http(s) URL. */
void	 url_host(buf *, const char *url);
/* Computes the anchors of every item of every issue, and the folder of
 * every issue. */
void	 site_anchors(struct site *);
void	 site_anchors_free(struct site *);

/* Whether an item is listed on a sector's page (filed under it, or
 * about it and filed under a broader one), on an org type's. */
int	 site_keep_sector(const struct item *, int sector);
int	 site_keep_org(const struct item *, int org);

/* Which page writer writes which page (site_split.c), pages numbered
 * as site.c's site_page() takes them. */
struct site_split {
	size_t		*order;		/* every page, in the order written */
	size_t		 n;
	size_t		 first;		/* order[0..first): before the fork */
	unsigned char	*writer;	/* [page]: 0 the build's, 1 the fork */
};
void	 site_split(const struct site *, struct site_split *);
void	 site_split_free(struct site_split *);

/* Path of a template file. */
void	 tmpl_path(const struct site *, const char *name, buf *);
/* Writes data to relpath inside the site folder (and its folders); a
 * file the live site already holds as it is is hard-linked from there,
 * so that it keeps its inode and time across the swap. */
int	 site_file(const struct site *, const char *relpath, const char *data,
	    size_t len);

/* Starts a page: returns the dictionary of templates/page.html and,
 * in *content, that of the content template included in it.  root is
 * the way back to the site's top ("" or "../"). */
struct tdict *page_new(const struct site *, const char *root,
	    const char *content_template, struct tdict **content);
/* Expands the page, writes it to relpath and frees the dictionary. */
int	 page_write(const struct site *, struct tdict *, const char *relpath);

/* NNN/index.html. */
int	 page_issue(const struct site *, size_t issue);

#endif

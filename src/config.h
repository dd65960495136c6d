/* config.h: digest.conf, read by our own INI reader (config.c) into one
 * typed struct.  Every word of the published issue and the whole
 * taxonomy live in the file, not in C. */
#ifndef DIGEST_CONFIG_H
#define DIGEST_CONFIG_H

#include <stddef.h>

#include "util.h"

struct conf_entry {
	char	*section;	/* "digest", "sector.ai", ... */
	char	*key;
	char	*value;		/* continuation lines joined by '\n' */
	int	 line;
	int	 vcol;		/* the value's column on line (1-based,
				 * characters); a key is at column 1 */
};

/* One entry of the taxonomy: a section, a sector or an organisation
 * type, in the order of the configuration file. */
struct taxon {
	const char	*id;		/* "policy", "carbon", "central" */
	const char	*name;		/* as printed: "탄소중립 분야" */
	const char	*conf;		/* its ini section: "sector.carbon" */
	int		 section;	/* orgs: index of their section */
	int		 within;	/* sectors: index of the broader
					 * sector ("within"), or -1 */
	int		 show_empty;	/* print "(해당 없음)" (yes/no) */
	int		 fallback;	/* chosen when nothing fits (yes/no) */
	double		 prior;		/* added to its score; 0 if not given */
	/* The cue lists of cues.c, as written; NULL when not given. */
	const char	*keywords, *names, *suffixes, *shapes;
	const char	*tags;		/* sectors: clipping tags, or NULL */
	const char	*within_id;	/* as written, or NULL */
	const char	*section_id;	/* as written, or NULL */
	/* orgs: [outline] <id>, the issuer endings of the outline
	 * dialect ("부 처 청"), or NULL when no key has its id. */
	const char	*outline;
};

#define TAXON_MAX 64

/* A list of [cues], "@name" in a shapes key: its name and its entries
 * as written (cues.c reads them). */
struct conf_list {
	const char	*name;
	const char	*value;
};

/* The scalar keys, each checked against the table in config.c and
 * filled with its default when the file leaves it out.  Strings point
 * into the entries (or at the default); NULL when a key has no default
 * and is not given. */
struct conf_digest {
	const char	*kicker, *title, *subtitle, *author, *disclaimer;
	const char	*period, *weekday_names, *number_label, *contents;
	const char	*header_label, *header_content, *none, *unclassified;
	const char	*section_marker, *sector_marker, *templates;
	int		 max_title, max_bullet, max_url;
	double		 duplicate_threshold, duplicate_bullets;
	int		 duplicate_days;
	int		 earliest_date;		/* an item before it: error */
	int		 max_file_mb;		/* a bigger input file: error */
	int		 lone_issue_weeks;	/* see weeks_check */
};

struct conf_site {
	const char	*base_url, *feed_id, *time_zone;
	int		 zone_minutes;		/* time_zone, east of UTC */
	int		 recent;
};

struct conf_pdf {
	const char	*font, *font_bold, *font_fallback, *font_fallback_bold;
	const char	*item_marker, *bullet_marker, *contents_sector_marker;
	const char	*unclassified, *page_number, *lang;
	int		 section_new_page;
	int		 contents_items_max;
	int		 time_minutes;		/* time, after midnight */
};

struct conf_mail {
	const char	*from, *to, *subject, *body, *link;
};

/* A list of words, split at white space by config.c: v[0..n), each
 * a string; one allocation (v and the words), freed by config_free. */
struct conf_words {
	char	**v;
	size_t	  n;
};

struct conf_trend {
	const char	*summary_header, *clipping_header;
	struct conf_words note_openers;	/* what opens a note: kept */
};

struct conf_outline {
	const char	*central, *local;
};

struct conf_weekly {
	const char	*particles, *endings, *wordlist;
};

struct conf_classify {
	const char	*sector_zones, *org_zones;
	int		 repeat;
	int		 review;
	double		 review_below;
};

struct conf_names {
	const char	*dir, *lists, *weights, *heads;
	double		 pair, min;
};

struct config {
	const char	*path;
	struct conf_entry *e;
	size_t		 n;
	size_t		 cap;

	struct taxon	 sections[TAXON_MAX];
	size_t		 nsections;
	struct taxon	 sectors[TAXON_MAX];
	size_t		 nsectors;
	struct taxon	 orgs[TAXON_MAX];
	size_t		 norgs;
	struct conf_list *lists;	/* the keys of [cues], in file order */
	size_t		 nlists;

	int		 anchor_number;	/* No. anchor_number ... */
	int		 anchor_date;	/* ... is published on this day */
	int		 weekday;	/* publication weekday, 0 = Sunday */

	struct conf_digest	digest;
	struct conf_site	site;
	struct conf_pdf		pdf;
	struct conf_mail	mail;
	struct conf_trend	trend;
	struct conf_outline	outline;
	struct conf_weekly	weekly;
	struct conf_classify	classify;
	struct conf_names	names;
};

/* Reads and checks the file; returns 0 or reports every fault at
 * file:line and returns -1. */
int	 config_load(struct config *, const char *path);
/* The same on text in memory; path names it in messages. */
int	 config_parse(struct config *, const char *path, const char *text,
	    size_t len);
void	 config_free(struct config *);
/* An empty configuration with every default of the table (tests). */
void	 config_init(struct config *);

/* A path the configuration gives, as the program opens it: relative
 * to the configuration's folder unless absolute.  Returns b->ptr. */
const char *config_path(const struct config *, const char *path, buf *b);

int	 config_section_index(const struct config *, const char *id);
int	 config_sector_index(const struct config *, const char *id);
int	 config_org_index(const struct config *, const char *id);
/* Finds a taxon by its printed name, ignoring white space; -1 if none. */
int	 taxon_by_name(const struct taxon *, size_t, const char *name);

#endif

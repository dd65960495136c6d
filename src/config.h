/* config.h: digest.conf, read with inih.  Every word of the published
 * issue and the whole taxonomy live in the file, not in C. */
#ifndef DIGEST_CONFIG_H
#define DIGEST_CONFIG_H

#include <stddef.h>

struct conf_entry {
	char	*section;	/* "digest", "sector.ai", ... */
	char	*key;
	char	*value;
	int	 line;
};

/* One entry of the taxonomy: a section, a sector or an organisation
 * type, in the order of the configuration file. */
struct taxon {
	const char	*id;		/* "policy", "carbon", "central" */
	const char	*name;		/* as printed: "탄소중립 분야" */
	const char	*conf;		/* its ini section: "sector.carbon" */
	int		 section;	/* orgs: index of their section */
	int		 show_empty;	/* orgs: print "(해당 없음)" */
};

#define TAXON_MAX 64

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

	int		 anchor_number;	/* No. anchor_number ... */
	int		 anchor_date;	/* ... is published on this day */
	int		 weekday;	/* publication weekday, 0 = Sunday */
};

/* Reads and checks the file; returns 0 or reports and returns -1. */
int	 config_load(struct config *, const char *path);
void	 config_free(struct config *);

/* The value of key in [section], or NULL.  A key given on several
 * lines (inih multi-line values) reads as the lines joined by '\n'. */
const char *config_get(const struct config *, const char *section,
	    const char *key);
/* The same with a default for NULL. */
const char *config_str(const struct config *, const char *section,
	    const char *key, const char *dflt);

int	 config_section_index(const struct config *, const char *id);
int	 config_sector_index(const struct config *, const char *id);
int	 config_org_index(const struct config *, const char *id);
/* Finds a taxon by its printed name, ignoring white space; -1 if none. */
int	 taxon_by_name(const struct taxon *, size_t, const char *name);

#endif

/* tmpl.h: the C face of ctemplate, the one template engine of the
 * site.  A dictionary is a tree: values, repeated sections and
 * included templates.  Only the root is freed; sub-dictionaries belong
 * to their parent.  Names are expected to be string literals. */
#ifndef DIGEST_TMPL_H
#define DIGEST_TMPL_H

#include "util.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tdict;

enum tmpl_strip {
	TMPL_VERBATIM,		/* Markdown: every space and newline counts */
	TMPL_BLANK_LINES,	/* HTML, XML: blank template lines dropped */
};

struct tdict	*tdict_new(const char *name);
void		 tdict_free(struct tdict *);
/* Sets a variable; value is copied.  NULL reads as "". */
void		 tdict_set(struct tdict *, const char *key, const char *value);
void		 tdict_set_int(struct tdict *, const char *key, long value);
/* Sets a variable that included templates see as well. */
void		 tdict_set_global(struct tdict *, const char *key,
		    const char *value);
/* Adds one more repetition of a section and returns its dictionary. */
struct tdict	*tdict_section(struct tdict *, const char *name);
/* Shows a section once, with the parent's values. */
void		 tdict_show(struct tdict *, const char *name);
/* Fills the include marker {{>name}} with the template at path. */
struct tdict	*tdict_include(struct tdict *, const char *name,
		    const char *path);

/* Expands the template at path into out (appending).  Returns 0, or
 * reports through msg() and returns -1. */
int		 tmpl_expand(const char *path, enum tmpl_strip,
		    const struct tdict *, buf *out);

#ifdef __cplusplus
}
#endif

#endif

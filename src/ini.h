/* ini.h: between config.c and its INI reader, ini.c; no other stage
 * reads the file's entries. */
#ifndef DIGEST_INI_H
#define DIGEST_INI_H

#include <stddef.h>

#include "config.h"

/* Reads text (c->path names it in messages) into c->e; returns 0, or
 * -1 after reporting every line that is wrong. */
int	 ini_read(struct config *c, const char *text, size_t len);
/* The entry of key in [section] as the file gives it, or NULL. */
const struct conf_entry *ini_find(const struct config *,
	    const char *section, const char *key);
/* Whether a [section] may be written (config.c's tables); else reports
 * at line, column col, and returns 0. */
int	 config_section_ok(const char *path, const char *s, int line,
	    int col);

#endif

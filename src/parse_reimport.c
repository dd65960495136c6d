/* parse_reimport.c: placeholder until the reimport dialect has its own parser:
 * reads the file as a weekly draft, which reports every line it
 * cannot place. */
#include "parse.h"

size_t
parse_reimport(struct doc *d, struct corpus *cs, const struct config *c)
{
	return parse_weekly(d, cs, c);
}

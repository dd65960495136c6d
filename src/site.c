/* site.c: placeholder; the site is being written. */
#include "msg.h"
#include "render.h"

int
site_write(const struct render *r, const char *dir)
{
	(void)r;
	msg(MSG_ERROR, dir, 0, "site output not written yet");
	return -1;
}

/* msg.c: messages are data: counted by level, the counts decide the
 * exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"

static int counts[3];
static int verbosity;

static const char *const names[] = { "note", "warning", "error" };

void
msg(enum msg_level lvl, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	counts[lvl]++;
	if ((lvl == MSG_NOTE && verbosity < 1) ||
	    (lvl == MSG_WARNING && verbosity < 0))
		return;
	if (file && line > 0)
		fprintf(stderr, "%s:%d: %s: ", file, line, names[lvl]);
	else if (file)
		fprintf(stderr, "%s: %s: ", file, names[lvl]);
	else
		fprintf(stderr, "digest: %s: ", names[lvl]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
msg_count(enum msg_level lvl)
{
	return counts[lvl];
}

void
msg_verbosity(int v)
{
	verbosity = v;
}

void
msg_reset(void)
{
	memset(counts, 0, sizeof(counts));
}

const char *
strerror_safe(void)
{
	return strerror(errno);
}

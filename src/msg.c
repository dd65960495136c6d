/* msg.c: messages are data: counted by level, the counts decide the
 * exit status.  Every message goes out here, escaped here: a file name
 * or a line of input cannot put a newline, a terminal escape or a
 * bidirectional override into what the editor reads. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "util.h"

static int counts[3];
static int verbosity;

static const char *const names[] = { "note", "warning", "error" };

/* Code points that change how a terminal or an editor shows the text
 * around them: C1 controls, bidirectional marks and overrides, line and
 * paragraph separators. */
static int
invisible(int cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x061C;
}

void
msg_escape(buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, adv, run;
	int cp;

	for (i = 0; i < n; i += adv) {
		for (run = i; i < n && u[i] >= 0x20 && u[i] < 0x7F; i++)
			continue;
		buf_put(b, s + run, i - run);
		if (i == n)
			break;
		adv = 1;
		if (u[i] == '\n')
			buf_puts(b, "\\n");
		else if (u[i] == '\r')
			buf_puts(b, "\\r");
		else if (u[i] == '\t')
			buf_puts(b, "\\t");
		else if (u[i] < 0x80)
			buf_printf(b, "\\x%02x", u[i]);
		else if ((cp = utf8_decode(s + i, n - i, &adv)) < 0) {
			buf_printf(b, "\\x%02x", u[i]);
			adv = 1;
		} else if (invisible(cp))
			buf_printf(b, "\\u%04x", cp);
		else
			buf_put(b, s + i, adv);
	}
}

void
msg(enum msg_level lvl, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	buf text = {0}, out = {0};

	counts[lvl]++;
	if ((lvl == MSG_NOTE && verbosity < 1) ||
	    (lvl == MSG_WARNING && verbosity < 0))
		return;
	if (file) {
		msg_escape(&out, file, strlen(file));
		if (line > 0)
			buf_printf(&out, ":%d", line);
		buf_printf(&out, ": %s: ", names[lvl]);
	} else
		buf_printf(&out, "digest: %s: ", names[lvl]);
	va_start(ap, fmt);
	buf_vprintf(&text, fmt, ap);
	va_end(ap);
	msg_escape(&out, text.ptr ? text.ptr : "", text.len);
	buf_putc(&out, '\n');
	fwrite(out.ptr, 1, out.len, stderr);
	buf_free(&text);
	buf_free(&out);
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

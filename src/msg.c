/* msg.c: messages are data: counted by level, the counts decide the
 * exit status.  Every message goes out here, escaped here: a file name
 * or a line of input cannot put a newline, a terminal escape or a
 * bidirectional override into what the editor reads. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "util.h"

/* The table: each id's level and text, in the order of enum msg_id. */
static const struct {
	enum msg_level	 level;
	const char	*name;
	const char	*text;
} table[MSG__COUNT] = {
#define MSG(id, lvl, text) { MSG_##lvl, #id, text },
#include "msgs.def"
#undef MSG
};

static int counts[4];
static int show_ids = -1;	/* DIGEST_MSG_IDS: -1 not read yet */
static int verbosity;
/* Where this thread's messages go instead, for msg_replay. */
static _Thread_local buf *capture;

/* A message kept by msg_capture: then its file's name, flen bytes
 * (copied: a thread's buffer may be gone by the replay; (size_t)-1 for
 * no file), then its text, len bytes. */
struct captured {
	enum msg_level	 lvl;
	enum msg_id	 id;
	int		 line;
	int		 col;
	size_t		 flen;
	size_t		 len;
};
static int colour = -1;		/* -1: not decided yet */
static buf *kept;		/* recorded problems, one a line */
static size_t nkept, keptcap;

static const char *const names[] = { "note", "", "warning", "error" };
/* Bold yellow and bold red, as compilers print them; notes plain. */
static const char *const colours[] = { "", "", "\033[1;33m",
    "\033[1;31m" };

/* The longest argument printed, in characters: a title is normally
 * short; garbage read as one is not printed whole. */
#define MSG_MAX_CHARS	240
#define TITLE_MAX_CHARS	80

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

/* Whether standard error is a terminal that takes colour. */
static int
use_colour(void)
{
	const char *nc = getenv("NO_COLOR");

	if (colour == -1)
		colour = isatty(STDERR_FILENO) && (nc == NULL || *nc == '\0');
	return colour;
}

/* Cuts s (in place) after max characters, on a UTF-8 boundary, adding
 * an ellipsis. */
static void
cut(buf *b, size_t max)
{
	size_t i, chars = 0;

	for (i = 0; i < b->len; i++)
		if (((unsigned char)b->ptr[i] & 0xC0) != 0x80 &&
		    chars++ == max) {
			b->len = i;
			buf_puts(b, "\xE2\x80\xA6");
			return;
		}
}

/* Whether to print ids, not texts (DIGEST_MSG_IDS=1). */
static int
ids_shown(void)
{
	const char *e;

	if (show_ids == -1)
		show_ids = (e = getenv("DIGEST_MSG_IDS")) != NULL &&
		    strcmp(e, "1") == 0;
	return show_ids;
}

/* Appends s[0..n) to b, escaped when esc, while the line has room
 * (*room characters; -1 once cut): a text longer than that is cut,
 * with an ellipsis, and nothing more is added. */
static void
put(buf *b, const char *s, size_t n, long *room, int esc)
{
	size_t i;
	int full = 0;

	if (*room < 0)
		return;
	for (i = 0; i < n && !full; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && (*room)-- == 0)
			full = 1;
	if (full)
		n = i - 1;
	if (esc)
		msg_escape(b, s, n);
	else
		buf_put(b, s, n);
	if (full)
		buf_puts(b, "\xE2\x80\xA6");
}

/* Formats the table's text fmt with its arguments into b: the text as
 * it is (the table is trusted; an INFO text goes on over indented
 * lines), each argument escaped: a file name or a line of input cannot
 * put a newline, a terminal escape or a bidirectional override into
 * what the editor reads.  A line is cut after MSG_MAX_CHARS.  The
 * conversions are those test_msg allows: %% %s %d %u %zu %.*s %04X. */
static void
format(buf *b, const char *fmt, va_list ap)
{
	buf arg = {0};
	const char *p;
	char spec[8];
	size_t n;
	long room = MSG_MAX_CHARS;
	int prec;

	for (; (p = strpbrk(fmt, "%\n")) != NULL; fmt = p + n) {
		put(b, fmt, (size_t)(p - fmt), &room, 0);
		if (*p == '\n') {
			buf_putc(b, '\n');
			room = MSG_MAX_CHARS;
			n = 1;
			continue;
		}
		n = strspn(p + 1, ".*0123456789z") + 2;
		if (n >= sizeof(spec) || p[n - 1] == '\0')
			abort();	/* not a text test_msg lets in */
		memcpy(spec, p, n);
		spec[n] = '\0';
		buf_reset(&arg);
		if (spec[1] == '%')
			buf_puts(&arg, "%");
		else if (spec[n - 1] == 's' && strchr(spec, '*')) {
			prec = va_arg(ap, int);
			buf_printf(&arg, spec, prec, va_arg(ap, const char *));
		} else if (spec[n - 1] == 's')
			buf_printf(&arg, spec, va_arg(ap, const char *));
		else if (spec[n - 1] == 'd')
			buf_printf(&arg, spec, va_arg(ap, int));
		else if (strchr(spec, 'z'))
			buf_printf(&arg, spec, va_arg(ap, size_t));
		else
			buf_printf(&arg, spec, va_arg(ap, unsigned));
		put(b, arg.ptr ? arg.ptr : "", arg.len, &room, 1);
	}
	put(b, fmt, strlen(fmt), &room, 0);
	buf_free(&arg);
}

/* "file:line:col: ", "file: ", "digest: " into b. */
static void
location(buf *b, const char *file, int line, int col)
{
	if (file == NULL) {
		buf_puts(b, "digest: ");
		return;
	}
	msg_escape(b, file, strlen(file));
	if (line > 0)
		buf_printf(b, ":%d", line);
	if (line > 0 && col > 0)
		buf_printf(b, ":%d", col);
	buf_puts(b, ": ");
}

/* Counts, keeps and prints one message, its text formatted (arguments
 * escaped). */
static void
emit(enum msg_level lvl, enum msg_id id, const char *file, int line,
    int col, buf *text)
{
	buf where = {0};
	int c;

	counts[lvl]++;
	location(&where, file, line, col);
	if (ids_shown()) {
		buf_reset(text);
		buf_puts(text, table[id].name);
	}
	if (text->ptr == NULL)
		buf_puts(text, "");
	if (kept && lvl != MSG_NOTE && lvl != MSG_INFO) {
		/* Without the column: check's report lists problems by
		 * file:line. */
		VEC_GROW(kept, keptcap, nkept + 1);
		memset(&kept[nkept], 0, sizeof(*kept));
		location(&kept[nkept], file, line, 0);
		buf_printf(&kept[nkept++], "%s: %s", names[lvl], text->ptr);
	}
	/* Kept warnings are listed at the end, not twice. */
	if ((lvl == MSG_NOTE && verbosity < 1) ||
	    (lvl == MSG_INFO && verbosity < 0) ||
	    (lvl == MSG_WARNING && (verbosity < 0 || kept))) {
		buf_free(&where);
		return;
	}
	c = use_colour() && *colours[lvl];
	if (lvl == MSG_INFO)
		fprintf(stderr, "%s%s\n", where.ptr, text->ptr);
	else
		fprintf(stderr, "%s%s%s%s: %s\n", where.ptr,
		    c ? colours[lvl] : "", names[lvl], c ? "\033[0m" : "",
		    text->ptr);
	buf_free(&where);
}

/* Formats the text of a message and sends it, or keeps it for
 * msg_replay when this thread captures. */
static void
send(enum msg_level lvl, enum msg_id id, const char *file, int line,
    int col, const char *fmt, va_list ap)
{
	buf text = {0};

	format(&text, fmt, ap);
	if (capture != NULL) {
		struct captured m = { lvl, id, line, col, file ?
		    strlen(file) : (size_t)-1, text.len };

		buf_put(capture, &m, sizeof(m));
		if (file != NULL)
			buf_put(capture, file, m.flen);
		buf_put(capture, text.ptr ? text.ptr : "", text.len);
	} else
		emit(lvl, id, file, line, col, &text);
	buf_free(&text);
}

void
msg(enum msg_id id, const char *file, int line, int col, ...)
{
	va_list ap;

	va_start(ap, col);
	send(table[id].level, id, file, line, col, table[id].text, ap);
	va_end(ap);
}

void
msg_at(enum msg_level lvl, enum msg_id id, const char *file, int line,
    int col, ...)
{
	va_list ap;

	va_start(ap, col);
	send(lvl, id, file, line, col, table[id].text, ap);
	va_end(ap);
}

enum msg_level
msg_level_of(enum msg_id id)
{
	return table[id].level;
}

const char *
msg_text(enum msg_id id)
{
	return table[id].text;
}

const char *
msg_name(enum msg_id id)
{
	return table[id].name;
}

const char *
msg_title(const char *title)
{
	/* Four at once, for a message that names several items. */
	static buf ring[4];
	static unsigned next;
	buf *b = &ring[next++ % 4];

	buf_reset(b);
	buf_puts(b, title ? title : "");
	cut(b, TITLE_MAX_CHARS);
	return b->ptr;
}

void
msg_record(void)
{
	if (kept == NULL) {
		kept = xcalloc(1, sizeof(*kept));
		keptcap = 1;
	}
}

size_t
msg_recorded(const char ***lines)
{
	static const char **v;
	size_t i;

	free(v);
	v = xcalloc(nkept + 1, sizeof(*v));
	for (i = 0; i < nkept; i++)
		v[i] = kept[i].ptr;
	*lines = v;
	return nkept;
}

buf *
msg_capture(buf *log)
{
	buf *was = capture;

	capture = log;
	return was;
}

size_t
msg_held(void)
{
	return capture != NULL ? capture->len : 0;
}

void
msg_replay(const buf *log)
{
	msg_replay_span(log, 0, log->len);
}

size_t
msg_replay_span(const buf *log, size_t from, size_t to)
{
	size_t i = from, start;

	while (i < to && i + sizeof(struct captured) <= log->len) {
		struct captured m;
		buf raw = {0};
		char *file = NULL;

		start = i;
		memcpy(&m, log->ptr + i, sizeof(m));
		i += sizeof(m);
		if (capture != NULL) {
			/* Held again, as it is, by the capture now on. */
			i += (m.flen != (size_t)-1 ? m.flen : 0) + m.len;
			buf_put(capture, log->ptr + start, i - start);
			continue;
		}
		if (m.flen != (size_t)-1) {
			file = xmalloc(m.flen + 1);
			memcpy(file, log->ptr + i, m.flen);
			file[m.flen] = '\0';
			i += m.flen;
		}
		buf_put(&raw, log->ptr + i, m.len);
		emit(m.lvl, m.id, file, m.line, m.col, &raw);
		buf_free(&raw);
		free(file);
		i += m.len;
	}
	return i;
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

int
msg_quiet(void)
{
	return verbosity < 0;
}

void
msg_reset(void)
{
	memset(counts, 0, sizeof(counts));
	show_ids = -1;
}

const char *
strerror_safe(void)
{
	return strerror(errno);
}

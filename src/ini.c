/* ini.c: the INI reader behind config.c: digest.conf's lines into a
 * list of entries (section, key, value, line), every fault of syntax
 * reported at file:line.  Values are checked by config.c.
 *
 * Our own reader because Debian's libinih is built with a 200-byte line
 * limit that no flag lifts (a disclaimer of 62 Hangul syllables is 186
 * bytes) and iniparser stops at 1,024.  The syntax is inih's as
 * digest.conf uses it: "[section]", "key = value", whole-line comments
 * starting with ';' or '#', a value continued on indented lines.
 * Anything else is an error at file:line, never a silent guess. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "ini.h"
#include "msg.h"
#include "util.h"

struct reader {
	struct config	*c;
	const char	*path;
	char		*section;	/* current, NULL before the first */
	int		 key_open;	/* a value may go on on the next line */
	int		 skip;		/* in a section already reported */
	struct conf_entry *sec_lines;	/* one per [section] seen: its line */
	size_t		 nsec, seccap;
	int		 bad;
};

/* The offset of the first byte of s[0..n) that is not UTF-8, or n. */
static size_t
utf8_bad(const char *s, size_t n)
{
	size_t i, adv;

	for (i = 0; i < n; i += adv)
		if ((unsigned char)s[i] < 0x80)
			adv = 1;
		else if (utf8_decode(s + i, n - i, &adv) < 0)
			return i;
	return n;
}

static int
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

static int
is_name_char(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.';
}

static int
is_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_name_char((unsigned char)s[i]))
			return 0;
	return 1;
}

static void
entry_add(struct config *c, const char *section, const char *key,
    const char *value, size_t vlen, int line, int vcol)
{
	struct conf_entry *e;

	VEC_GROW(c->e, c->cap, c->n + 1);
	e = &c->e[c->n++];
	e->section = xstrdup(section);
	e->key = xstrdup(key);
	e->value = xmalloc(vlen + 1);
	memcpy(e->value, value, vlen);
	e->value[vlen] = '\0';
	e->line = line;
	e->vcol = vcol;
}

const struct conf_entry *
ini_find(const struct config *c, const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->e[i].key, key) == 0 &&
		    strcmp(c->e[i].section, section) == 0)
			return &c->e[i];
	return NULL;
}

static void
open_section(struct reader *r, const char *s, size_t n, int line)
{
	size_t i;

	free(r->section);
	r->section = NULL;
	r->key_open = 0;
	r->skip = 0;
	if (!is_name(s, n)) {
		r->skip = 1;
		msg(MSG_CONF_SECTION_NAME, r->path, line, 2, (int)n, s);
		r->bad = 1;
		return;
	}
	r->section = xmalloc(n + 1);
	memcpy(r->section, s, n);
	r->section[n] = '\0';
	if (!config_section_ok(r->path, r->section, line, 2)) {
		r->bad = 1;
		r->skip = 1;	/* its keys are not reported one by one */
		free(r->section);
		r->section = NULL;
		return;
	}
	for (i = 0; i < r->nsec; i++)
		if (strcmp(r->sec_lines[i].section, r->section) == 0) {
			msg(MSG_CONF_SECTION_TWICE, r->path, line, 2,
			    r->section, r->sec_lines[i].line);
			r->bad = 1;
			return;
		}
	VEC_GROW(r->sec_lines, r->seccap, r->nsec + 1);
	r->sec_lines[r->nsec].section = xstrdup(r->section);
	r->sec_lines[r->nsec].line = line;
	r->nsec++;
}

static void
key_value(struct reader *r, const char *s, size_t n, int line)
{
	const char *eq = memchr(s, '=', n), *v;
	const struct conf_entry *prev;
	size_t klen, vlen;
	char *key;

	r->key_open = 0;
	if (eq == NULL) {
		msg(MSG_CONF_LINE, r->path, line, 1, (int)n, s);
		r->bad = 1;
		return;
	}
	for (klen = (size_t)(eq - s); klen > 0 && is_blank(s[klen - 1]);
	    klen--)
		continue;
	if (!is_name(s, klen)) {
		msg(MSG_CONF_KEY_NAME, r->path, line, 1, (int)klen, s);
		r->bad = 1;
		return;
	}
	if (r->section == NULL) {
		if (!r->skip)
			msg(MSG_CONF_KEY_OUTSIDE, r->path, line, 1, (int)klen,
			    s);
		r->bad = 1;
		return;
	}
	for (v = eq + 1; v < s + n && is_blank(*v); v++)
		continue;
	vlen = (size_t)(s + n - v);
	key = xmalloc(klen + 1);
	memcpy(key, s, klen);
	key[klen] = '\0';
	if ((prev = ini_find(r->c, r->section, key)) != NULL) {
		msg(MSG_CONF_KEY_TWICE, r->path, line, 1, r->section, key,
		    prev->line);
		r->bad = 1;
	} else {
		entry_add(r->c, r->section, key, v, vlen, line,
		    utf8_column(s, (size_t)(v - s)));
		r->key_open = 1;
	}
	free(key);
}

/* An indented line: the value of the key above goes on. */
static void
continuation(struct reader *r, const char *s, size_t n)
{
	struct conf_entry *e = &r->c->e[r->c->n - 1];
	size_t a = strlen(e->value);

	e->value = xrealloc(e->value, a + n + 2);
	e->value[a] = '\n';
	memcpy(e->value + a + 1, s, n);
	e->value[a + 1 + n] = '\0';
}

/* One line, without its line end. */
static void
read_line(struct reader *r, const char *s, size_t n, int line)
{
	size_t lead = 0, bad;
	const char *nul;

	while (n > 0 && (is_blank(s[n - 1]) || s[n - 1] == '\r' ||
	    s[n - 1] == '\f' || s[n - 1] == '\v'))
		n--;
	while (lead < n && is_blank(s[lead]))
		lead++;
	if ((nul = memchr(s, '\0', n)) != NULL) {
		msg(MSG_CONF_NUL, r->path, line,
		    utf8_column(s, (size_t)(nul - s)));
		r->bad = 1;
		return;
	}
	if ((bad = utf8_bad(s, n)) < n) {
		msg(MSG_CONF_UTF8, r->path, line, utf8_column(s, bad));
		r->bad = 1;
		return;
	}
	s += lead;
	n -= lead;
	if (n == 0) {		/* a blank line ends a value */
		r->key_open = 0;
		return;
	}
	if (s[0] == ';' || s[0] == '#')
		return;
	if (lead > 0) {
		if (r->key_open)
			continuation(r, s, n);
		else {
			msg(MSG_CONF_CONTINUATION, r->path, line,
			    (int)lead + 1, (int)n, s);
			r->bad = 1;
		}
		return;
	}
	if (s[0] == '[') {
		if (s[n - 1] != ']') {
			msg(MSG_CONF_SECTION_END, r->path, line,
			    utf8_column(s, n), (int)n, s);
			r->bad = 1;
			free(r->section);
			r->section = NULL;
			r->key_open = 0;
			r->skip = 1;
			return;
		}
		open_section(r, s + 1, n - 2, line);
		return;
	}
	key_value(r, s, n, line);
}

int
ini_read(struct config *c, const char *text, size_t len)
{
	struct reader r;
	size_t i, start, k;
	int line = 1;

	memset(&r, 0, sizeof(r));
	r.c = c;
	r.path = c->path;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	for (start = i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		read_line(&r, text + start, i - start, line++);
		start = i + 1;
	}
	free(r.section);
	for (k = 0; k < r.nsec; k++)
		free(r.sec_lines[k].section);
	free(r.sec_lines);
	return r.bad ? -1 : 0;
}

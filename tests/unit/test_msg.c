/* test_msg.c: the message table (src/msgs.def) and what msg() prints
 * from it: levels, texts, columns, ids for the tests, capture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "msg.h"
#include "util.h"
#include "stderr_of.h"

/* The conversions a text may use: each takes the arguments its
 * callers give (checked per call by `make msgcheck`); anything else in
 * a text is a mistake in the table. */
static int
conversion_ok(const char *s, size_t *len)
{
	static const char *const ok[] = { "%%", "%s", "%d", "%u", "%zu",
	    "%.*s", "%04X" };
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strncmp(s, ok[i], strlen(ok[i])) == 0) {
			*len = strlen(ok[i]);
			return 1;
		}
	return 0;
}

static void
test_table(void **state)
{
	size_t i, j, len = 0;
	const char *t, *t2, *n;

	(void)state;
	assert_true(MSG__COUNT > 100);
	for (i = 0; i < MSG__COUNT; i++) {
		t = msg_text(i);
		n = msg_name(i);
		assert_non_null(t);
		assert_true(*t != '\0');
		/* One line; an INFO text may go on over indented lines. */
		for (t2 = t; (t2 = strchr(t2, '\n')) != NULL; t2++)
			if (msg_level_of(i) != MSG_INFO ||
			    strncmp(t2, "\n  ", 3) != 0)
				fail_msg("%s: a line break", n);
		assert_true(msg_level_of(i) <= MSG_ERROR);
		/* An id is upper case, digits and '_'. */
		assert_true(strspn(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
		    == strlen(n));
		for (j = 0; j < i; j++)
			assert_string_not_equal(n, msg_name(j));
		for (; (t = strchr(t, '%')) != NULL; t += len)
			if (!conversion_ok(t, &len))
				fail_msg("%s: bad conversion at \"%s\"", n, t);
	}
	assert_string_equal(msg_name(MSG_SYS_READ), "SYS_READ");
	assert_string_equal(msg_text(MSG_SYS_READ), "cannot read: %s");
	assert_int_equal(msg_level_of(MSG_SYS_READ), MSG_ERROR);
	assert_int_equal(msg_level_of(MSG_SYS_REMOVE), MSG_WARNING);
	assert_int_equal(msg_level_of(MSG_BUILD_UNCHANGED), MSG_NOTE);
}

static void
some_messages(void)
{
	msg(MSG_SYS_READ, "a.txt", 0, 0, "No such file");
	msg(MSG_WEEKS_DATE_FAR, "b.txt", 12, 0, 40, "title");
	msg(MSG_CONF_KEY_TWICE, "c.conf", 3, 7, "digest", "weekday", 2);
	msg(MSG_SITE_NO_ISSUE, NULL, 0, 0);
	msg_at(MSG_WARNING, MSG_PDF_FONT_NONE, "d.conf", 0, 0, "bold");
	msg(MSG_BUILD_UNCHANGED, "out", 0, 0);	/* a note: not shown */
}

static void
test_texts(void **state)
{
	(void)state;
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
	assert_string_equal(stderr_of(some_messages),
	    "a.txt: error: cannot read: No such file\n"
	    "b.txt:12: warning: dated 40 days from the other items of its "
	    "file: title\n"
	    "c.conf:3:7: error: [digest] weekday again (first on line 2): "
	    "give each key once\n"
	    "digest: error: no issue to publish\n"
	    "d.conf: warning: [pdf] bold: no font given\n");
	assert_int_equal(msg_count(MSG_ERROR), 3);
	assert_int_equal(msg_count(MSG_WARNING), 2);
	assert_int_equal(msg_count(MSG_NOTE), 1);
}

static void
test_ids(void **state)
{
	(void)state;
	setenv("DIGEST_MSG_IDS", "1", 1);
	msg_reset();
	assert_string_equal(stderr_of(some_messages),
	    "a.txt: error: SYS_READ\n"
	    "b.txt:12: warning: WEEKS_DATE_FAR\n"
	    "c.conf:3:7: error: CONF_KEY_TWICE\n"
	    "digest: error: SITE_NO_ISSUE\n"
	    "d.conf: warning: PDF_FONT_NONE\n");
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
}

static void
captured(void)
{
	buf log = {0};

	msg_capture(&log);
	some_messages();
	msg_capture(NULL);
	assert_int_equal(msg_count(MSG_ERROR), 0);
	msg_replay(&log);
	buf_free(&log);
}

/* Captured messages come out as they would have, ids and columns
 * kept. */
static void
test_capture(void **state)
{
	(void)state;
	setenv("DIGEST_MSG_IDS", "1", 1);
	msg_reset();
	assert_string_equal(stderr_of(captured),
	    "a.txt: error: SYS_READ\n"
	    "b.txt:12: warning: WEEKS_DATE_FAR\n"
	    "c.conf:3:7: error: CONF_KEY_TWICE\n"
	    "digest: error: SITE_NO_ISSUE\n"
	    "d.conf: warning: PDF_FONT_NONE\n");
	assert_int_equal(msg_count(MSG_ERROR), 3);
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
}

static void
info_messages(void)
{
	msg(MSG_BUILD_UP_TO_DATE, NULL, 0, 0, "out", "out");
	/* An argument cannot start a line of its own. */
	msg(MSG_USAGE_COMMAND, NULL, 0, 0, "bu\nlid\033[2J", "build");
	msg(MSG_USAGE_DATE, NULL, 0, 0, "-w");
}

static void
quiet_info(void)
{
	msg_verbosity(-1);
	info_messages();
	msg_verbosity(0);
}

/* INFO: what a command did, without a level word, over its indented
 * lines; hidden with -q; not counted as a problem.  Arguments are
 * escaped, the table's text is not. */
static void
test_info(void **state)
{
	(void)state;
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
	assert_string_equal(stderr_of(info_messages),
	    "digest: out/ is up to date: nothing changed since the last "
	    "build\n  open out/site/index.html\n"
	    "digest: error: unknown command 'bu\\nlid\\x1b[2J' (did you "
	    "mean 'build'?); digest --help lists them\n"
	    "digest: error: -w wants a date as YYYY-MM-DD\n");
	assert_int_equal(msg_count(MSG_ERROR), 2);
	assert_int_equal(msg_count(MSG_WARNING), 0);
	assert_string_equal(stderr_of(quiet_info),
	    "digest: error: unknown command 'bu\\nlid\\x1b[2J' (did you "
	    "mean 'build'?); digest --help lists them\n"
	    "digest: error: -w wants a date as YYYY-MM-DD\n");
	msg_reset();
}

/* msg_record keeps problems for check's list, by file:line: without
 * the column; notes and INFO are not kept.  (The last test: recording
 * is not turned off.) */
static void
recorded(void)
{
	msg_record();
	some_messages();
	msg(MSG_BUILD_UP_TO_DATE, NULL, 0, 0, "out", "out");
}

static void
test_record(void **state)
{
	const char **v;

	(void)state;
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
	/* Warnings are listed, not printed as they come. */
	assert_string_equal(stderr_of(recorded),
	    "a.txt: error: cannot read: No such file\n"
	    "c.conf:3:7: error: [digest] weekday again (first on line 2): "
	    "give each key once\n"
	    "digest: error: no issue to publish\n"
	    "digest: out/ is up to date: nothing changed since the last "
	    "build\n  open out/site/index.html\n");
	assert_int_equal(msg_recorded(&v), 5);
	assert_string_equal(v[2], "c.conf:3: error: [digest] weekday again "
	    "(first on line 2): give each key once");
	assert_string_equal(v[4], "d.conf: warning: [pdf] bold: no font "
	    "given");
	msg_reset();
}

/* Held messages given back in two parts, a message of the holder's
 * own between them, and into a capture that is on (kept, not printed,
 * until that one's replay). */
static void
replayed_in_parts(void)
{
	buf held = {0}, outer = {0}, *was;
	size_t mid, at;

	was = msg_capture(&held);
	assert_null(was);
	msg(MSG_SYS_READ, "a.txt", 0, 0, "No such file");
	mid = msg_held();
	msg(MSG_SITE_NO_ISSUE, NULL, 0, 0);
	assert_ptr_equal(msg_capture(NULL), &held);
	msg_capture(&outer);
	at = msg_replay_span(&held, 0, mid);
	assert_int_equal(at, mid);
	msg(MSG_WEEKS_DATE_FAR, "b.txt", 12, 0, 40, "title");
	assert_int_equal(msg_replay_span(&held, at, held.len), held.len);
	msg_capture(NULL);
	assert_int_equal(msg_count(MSG_ERROR), 0);
	msg_replay(&outer);
	buf_free(&held);
	buf_free(&outer);
}

static void
test_replay_span(void **state)
{
	(void)state;
	setenv("DIGEST_MSG_IDS", "1", 1);
	msg_reset();
	assert_string_equal(stderr_of(replayed_in_parts),
	    "a.txt: error: SYS_READ\n"
	    "b.txt:12: warning: WEEKS_DATE_FAR\n"
	    "digest: error: SITE_NO_ISSUE\n");
	assert_int_equal(msg_count(MSG_ERROR), 2);
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_replay_span),
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_config.c: the INI reader (lines of any length, continuations,
 * comments, syntax errors at file:line) and the table that checks every
 * value: types, ranges, one spelling of booleans, unknown keys and
 * sections, taxonomy keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "msg.h"
#include "util.h"

/* The smallest configuration that loads: the anchor and one group of
 * each kind. */
#define HEAD \
	"[digest]\n" \
	"anchor_number = 108\n" \
	"anchor_date = 2025-12-11\n"
#define TAXA \
	"[section.policy]\nname = 정책\n" \
	"[sector.carbon]\nname = 탄소\n" \
	"[org.central]\nname = 중앙\nsection = policy\n"

/* Parses text as "t.conf"; returns what it wrote to standard error. */
static char *
parse_n(struct config *c, const char *text, size_t len, int *rc)
{
	FILE *tmp = tmpfile();
	int saved = dup(2);
	size_t n;
	char *out;

	assert_non_null(tmp);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	msg_reset();
	*rc = config_parse(c, "t.conf", text, len);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = (size_t)ftell(tmp);
	out = xcalloc(n + 1, 1);
	rewind(tmp);
	n = fread(out, 1, n, tmp);
	out[n] = '\0';
	fclose(tmp);
	return out;
}

static char *
parse(struct config *c, const char *text, int *rc)
{
	return parse_n(c, text, strlen(text), rc);
}

/* Fails unless text gives exactly the message want (one line). */
static void
bad(const char *text, const char *want)
{
	struct config c;
	int rc;
	char *err = parse(&c, text, &rc);

	if (rc != -1 || strstr(err, want) == NULL)
		fail_msg("rc %d, want message\n  %s\ngot\n  %s", rc, want,
		    err);
	free(err);
	config_free(&c);
}

static void
test_minimal(void **state)
{
	struct config c;
	int rc;
	char *err = parse(&c, HEAD TAXA, &rc);

	(void)state;
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	/* The table's defaults, typed. */
	assert_int_equal(c.anchor_number, 108);
	assert_int_equal(c.anchor_date, date_from_ymd(2025, 12, 11));
	assert_int_equal(c.weekday, 4);
	assert_true(c.digest.duplicate_threshold == 0.55);
	assert_int_equal(c.digest.duplicate_days, 7);
	assert_int_equal(c.digest.max_file_mb, 64);
	assert_int_equal(c.digest.earliest_date, date_from_ymd(2000, 1, 1));
	assert_int_equal(c.site.recent, 10);
	assert_int_equal(c.site.zone_minutes, 0);
	assert_int_equal(c.pdf.section_new_page, 0);
	assert_string_equal(c.digest.templates, "templates");
	/* A string with no default is NULL when not given. */
	assert_null(c.pdf.font);
	assert_string_equal(c.digest.section_marker, "□");
	assert_string_equal(c.digest.number_label, "No.");
	assert_int_equal(c.nsections, 1);
	assert_int_equal(c.orgs[0].section, 0);
	/* A taxon's keys not given: zero, NULL, -1. */
	assert_int_equal(c.sectors[0].within, -1);
	assert_int_equal(c.sectors[0].fallback, 0);
	assert_true(c.sectors[0].prior == 0);
	assert_null(c.sectors[0].keywords);
	assert_null(c.sectors[0].tags);
	assert_string_equal(c.orgs[0].section_id, "policy");
	assert_int_equal(c.nlists, 0);
	free(err);
	config_free(&c);
}

/* Every key of a taxonomy group reaches its typed field: booleans by
 * the one conversion (yes/no), prior as a number, within as an index. */
static void
test_taxon_fields(void **state)
{
	struct config c;
	int rc;
	char *err = parse(&c, HEAD TAXA "names = 환경부:4\nsuffixes = 부:3\n"
	    "show_empty = yes\nfallback = yes\nprior = -1.5\n"
	    "[sector.hydrogen]\nname = 수소\nwithin = carbon\n"
	    "tags = 수소 H2\nshapes = @region:2\nprior = 2.5\n"
	    "show_empty = no\nfallback = no\n"
	    "[cues]\nregion = 서울\n", &rc);

	(void)state;
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_int_equal(c.nsectors, 2);
	assert_int_equal(c.sectors[1].within, 0);
	assert_string_equal(c.sectors[1].within_id, "carbon");
	assert_string_equal(c.sectors[1].tags, "수소 H2");
	assert_string_equal(c.sectors[1].shapes, "@region:2");
	assert_true(c.sectors[1].prior == 2.5);
	assert_int_equal(c.sectors[1].show_empty, 0);
	assert_int_equal(c.sectors[1].fallback, 0);
	assert_int_equal(c.sectors[0].within, -1);
	assert_string_equal(c.orgs[0].names, "환경부:4");
	assert_string_equal(c.orgs[0].suffixes, "부:3");
	assert_int_equal(c.orgs[0].show_empty, 1);
	assert_int_equal(c.orgs[0].fallback, 1);
	assert_true(c.orgs[0].prior == -1.5);
	assert_int_equal(c.nlists, 1);
	assert_string_equal(c.lists[0].name, "region");
	free(err);
	config_free(&c);
	bad(HEAD TAXA "fallback = maybe\n",
	    "t.conf:11:12: error: [org.central] fallback = maybe: want yes or no");
	bad(HEAD TAXA "prior = 1e3\n",
	    "t.conf:11:9: error: [org.central] prior = 1e3: want a number");
}

/* A line of 400 bytes and one of 100 KB, values on indented lines,
 * comments among them, CRLF and a BOM. */
static void
test_long_and_continued(void **state)
{
	struct config c;
	buf b = {0}, want = {0};
	size_t i;
	int rc;
	char *err;

	(void)state;
	buf_puts(&b, "\xEF\xBB\xBF" HEAD "disclaimer = ");
	for (i = 0; i < 130; i++)	/* 390 bytes of Hangul */
		buf_puts(&want, "가");
	buf_puts(&want, "끝.");
	buf_puts(&b, want.ptr);
	buf_puts(&b, "\r\nsubtitle = ");
	for (i = 0; i < 100000; i++)
		buf_putc(&b, 'a' + i % 26);
	buf_puts(&b, "\n" TAXA
	    "keywords = 탄소:3 기후:2\n"
	    "\t넷제로:5\r\n"
	    "; a comment does not end the value\n"
	    "    재생에너지:4   \n"
	    "\n"
	    "[classify]\nrepeat = 4\n");
	err = parse(&c, b.ptr, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(err, "");
	assert_true(strlen(want.ptr) > 390);
	assert_string_equal(c.digest.disclaimer, want.ptr);
	assert_int_equal(strlen(c.digest.subtitle), 100000);
	assert_string_equal(c.orgs[0].keywords,
	    "탄소:3 기후:2\n넷제로:5\n재생에너지:4");
	assert_int_equal(c.classify.repeat, 4);
	free(err);
	buf_free(&b);
	buf_free(&want);
	config_free(&c);
}

/* Every value is checked against its type and range, at file:line. */
static void
test_values(void **state)
{
	(void)state;
	bad(HEAD "duplicate_threshold = abc\n" TAXA, "t.conf:4:23: error: "
	    "[digest] duplicate_threshold = abc: want a number (0 to 1)");
	bad(HEAD "duplicate_threshold = 0.5x\n" TAXA,
	    "t.conf:4:23: error: [digest] duplicate_threshold = 0.5x");
	bad(HEAD "duplicate_threshold = 1.5\n" TAXA, "t.conf:4:23: error: "
	    "[digest] duplicate_threshold = 1.5: want a number in range "
	    "(0 to 1)");
	bad(HEAD "duplicate_threshold =\n" TAXA,
	    "t.conf:4:22: error: [digest] duplicate_threshold = : want a number");
	bad(HEAD "duplicate_days = 7 days\n" TAXA, "t.conf:4:18: error: "
	    "[digest] duplicate_days = 7 days: want an integer (0 to 36500)");
	bad(HEAD "max_title = 1\n" TAXA, "t.conf:4:13: error: [digest] "
	    "max_title = 1: want an integer in range (2 to 1000000)");
	bad(HEAD "max_file_mb = 99999999999999999999\n" TAXA,
	    "t.conf:4:15: error: [digest] max_file_mb = 99999999999999999999");
	bad("[digest]\nanchor_number = 0\nanchor_date = 2025-12-11\n" TAXA,
	    "t.conf:2:17: error: [digest] anchor_number = 0: want an integer in "
	    "range");
	bad("[digest]\nanchor_number = 1\nanchor_date = 2025-12-32\n" TAXA,
	    "t.conf:3:15: error: [digest] anchor_date = 2025-12-32: want a date "
	    "as YYYY-MM-DD");
	bad("[digest]\nanchor_number = 1\nanchor_date = 2025-12-1\n" TAXA,
	    "t.conf:3:15: error: [digest] anchor_date = 2025-12-1: want a date");
	bad(HEAD "weekday = Thursday\n" TAXA, "t.conf:4:11: error: [digest] "
	    "weekday = Thursday: want a weekday");
	bad(HEAD "weekday = friday\n" TAXA,
	    "t.conf:3:15: error: [digest] anchor_date is not a friday");
	bad(HEAD "earliest_date = 2000-1-1\n" TAXA,
	    "t.conf:4:17: error: [digest] earliest_date = 2000-1-1: want a date");
	bad(HEAD TAXA "[site]\ntime_zone = +25:00\n", "t.conf:12:13: error: "
	    "[site] time_zone = +25:00: want a time zone");
	bad(HEAD TAXA "[pdf]\ntime = 9:00\n",
	    "t.conf:12:8: error: [pdf] time = 9:00: want a time as HH:MM");
	/* Booleans have one spelling. */
	bad(HEAD TAXA "[pdf]\nsection_new_page = true\n", "t.conf:12:20: error: "
	    "[pdf] section_new_page = true: want yes or no");
	bad(HEAD TAXA "show_empty = 1\n",
	    "t.conf:11:14: error: [org.central] show_empty = 1: want yes or no");
	bad(HEAD TAXA "prior = high\n",
	    "t.conf:11:9: error: [org.central] prior = high: want a number");
	/* Required keys. */
	bad("[digest]\nanchor_number = 108\n" TAXA,
	    "t.conf: error: [digest] anchor_date is missing");
}

/* Unknown sections and keys are errors where they are written. */
static void
test_unknown(void **state)
{
	(void)state;
	bad(HEAD "duplicate_treshold = 0.5\n" TAXA,
	    "t.conf:4:1: error: [digest] has no key 'duplicate_treshold'");
	bad(HEAD TAXA "[colours]\nred = 1\nblue = 2\n",
	    "t.conf:11:2: error: unknown section [colours]\n");
	bad(HEAD TAXA "[sector.ai]\nname = AI\nkeyword = AI:5\n",
	    "t.conf:13:1: error: [sector.ai] has no key 'keyword'");
	/* A key of one kind of group is unknown in another. */
	bad(HEAD TAXA "within = carbon\n",
	    "t.conf:11:1: error: [org.central] has no key 'within'");
	bad(HEAD TAXA "[sector.ai]\nname = AI\nwithin = carbn\n",
	    "t.conf:13:10: error: [sector.ai] within = carbn: no [sector.*] of "
	    "that id");
	bad(HEAD TAXA "[org.local]\nname = 지자체\nsection = polcy\n",
	    "t.conf:13:11: error: [org.local] section: no [section.*] of "
	    "that id");
	bad(HEAD TAXA "[sector.]\nname = x\n",
	    "t.conf:11:2: error: [sector.] has no id after the '.'\n");
	bad(HEAD TAXA "[sector.ai]\nfallback = yes\n",
	    "t.conf:12: error: [sector.ai] has no name");
	/* [cues] holds lists of any name. */
	{
		struct config c;
		int rc;
		char *err = parse(&c, HEAD TAXA "[cues]\nregion = 서울 부산\n"
		    "any_list = 가 나\n", &rc);

		assert_int_equal(rc, 0);
		assert_string_equal(err, "");
		assert_int_equal(c.nlists, 2);
		assert_string_equal(c.lists[1].name, "any_list");
		assert_string_equal(c.lists[1].value, "가 나");
		free(err);
		config_free(&c);
	}
}

/* What is no INI line is an error at its line, and every fault of the
 * file is reported in one run. */
static void
test_syntax(void **state)
{
	struct config c;
	int rc;
	char *err;

	(void)state;
	bad("title = x\n" HEAD TAXA,
	    "t.conf:1:1: error: 'title' is not under any [section]");
	bad(HEAD "just words\n" TAXA, "t.conf:4:1: error: not a \"key = "
	    "value\" line, a [section], a comment or an indented "
	    "continuation: just words");
	bad(HEAD "[site\nrecent = 3\n" TAXA,
	    "t.conf:4:6: error: a section line ends in ']': [site");
	bad(HEAD "[si te]\n" TAXA,
	    "t.conf:4:2: error: a section name is letters, digits");
	bad(HEAD "bad key = 1\n" TAXA,
	    "t.conf:4:1: error: a key is letters, digits, '_', '-' and '.': "
	    "'bad key'");
	bad(HEAD "title = a\ntitle = b\n" TAXA,
	    "t.conf:5:1: error: [digest] title again (first on line 4)");
	bad(HEAD TAXA "[digest]\ntitle = b\n",
	    "t.conf:11:2: error: [digest] again (first on line 1)");
	bad(HEAD "\n\tcontinued\n" TAXA,
	    "t.conf:5:2: error: an indented line continues the value above it, "
	    "but no key is open here: continued");
	bad(HEAD "title = a\xff\n" TAXA, "t.conf:4:10: error: not valid UTF-8");
	/* Columns count characters, not bytes. */
	bad(HEAD "title = 가나\xff\n" TAXA,
	    "t.conf:4:11: error: not valid UTF-8");
	bad(HEAD "title = 가나\n\n\t 다\n" TAXA, "t.conf:6:3: error: an "
	    "indented line continues");
	{
		static const char nul[] = HEAD "title = a\0b\n" TAXA;

		err = parse_n(&c, nul, sizeof(nul) - 1, &rc);
		assert_int_equal(rc, -1);
		assert_string_equal(err, "t.conf:4:10: error: a NUL byte: not a "
		    "text file\n");
		free(err);
		config_free(&c);
	}
	/* Three faults, three messages, each at its line and column. */
	err = parse(&c, HEAD "recent = 3\nduplicate_days = x\n" TAXA
	    "[pdf]\nsection_new_page = oui\n", &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.conf:4:1: error: [digest] has no key "
	    "'recent'\n"));
	assert_non_null(strstr(err, "t.conf:5:18: error: [digest] "
	    "duplicate_days = x"));
	assert_non_null(strstr(err, "t.conf:14:20: error: [pdf] "
	    "section_new_page = oui"));
	free(err);
	config_free(&c);
	/* A control character in a value is escaped in the message. */
	bad(HEAD "duplicate_days = \x1b[2J7\n" TAXA,
	    "t.conf:4:18: error: [digest] duplicate_days = \\x1b[2J7: want");
}

/* The shipped configuration and the site test's pass the table. */
static void
test_shipped(void **state)
{
	static const char *const files[] = {
		"digest.conf", "tests/site/site.conf",
	};
	struct config c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (access(files[i], R_OK) != 0)
			skip();
		msg_reset();
		assert_int_equal(config_load(&c, files[i]), 0);
		assert_int_equal(msg_count(MSG_ERROR), 0);
		config_free(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_taxon_fields),
		cmocka_unit_test(test_long_and_continued),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_shipped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

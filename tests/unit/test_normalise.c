/* test_normalise.c: the pass after a parser (normalise.c): labels
 * recorded as printed become the configuration's indexes and the
 * items' labels; an unknown one is reported at its line and column,
 * in turn with what the parser said meanwhile; an organisation label
 * of another section files its item under that section. */
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
#include "model.h"
#include "msg.h"
#include "normalise.h"
#include "stderr_of.h"

static const char conf_text[] =
    "[digest]\n"
    "anchor_number = 1\n"
    "anchor_date = 2025-12-11\n"
    "weekday = thursday\n"
    "[section.policy]\nname = 정책 동향\n"
    "[section.research]\nname = 연구 동향\n"
    "[sector.carbon]\nname = 탄소중립 분야\n"
    "[sector.ai]\nname = AI 분야\n"
    "[org.central]\nname = 중앙부처\nsection = policy\n"
    "[org.national-inst]\nname = 국가기관\nsection = research\n";

static struct config cfg;
static struct corpus cs;
static struct label_log lg;
static buf held;
static const char *out;

static int
setup(void **state)
{
	(void)state;
	memset(&cs, 0, sizeof(cs));
	memset(&lg, 0, sizeof(lg));
	memset(&held, 0, sizeof(held));
	setenv("DIGEST_MSG_IDS", "1", 1);
	msg_reset();
	return config_parse(&cfg, "t.conf", conf_text, strlen(conf_text));
}

static int
teardown(void **state)
{
	(void)state;
	label_log_free(&lg);
	corpus_free(&cs);
	buf_free(&held);
	config_free(&cfg);
	unsetenv("DIGEST_MSG_IDS");
	msg_reset();
	return 0;
}

static void
run_pass(void)
{
	normalise(&lg, &cs, 0, &cfg, "a.txt", &held);
}

/* A section heading, a sector heading, a known and an unknown
 * organisation label over two items, as a parser records them. */
static void
test_known_and_unknown(void **state)
{
	struct printed_label *sec, *sector, *org, *odd;
	struct item *a, *b;
	buf *was;

	(void)state;
	was = msg_capture(&held);
	sec = label_read(&lg, &cs, LABEL_KIND_SECTION, " 정책동향 ", 1, 3);
	sector = label_read(&lg, &cs, LABEL_KIND_SECTOR, "AI 분야", 2, 3);
	org = label_read(&lg, &cs, LABEL_KIND_ORG, "중앙 부처", 3, 1);
	a = corpus_add(&cs, "a.txt", 4);
	a->printed[LABEL_KIND_SECTION] = sec;
	a->printed[LABEL_KIND_SECTOR] = sector;
	a->printed[LABEL_KIND_ORG] = org;
	/* What the parser says after the label, before the next. */
	msg(MSG_PARSE_TITLE_NO_DATE, "a.txt", 4, 0, "title");
	odd = label_read(&lg, &cs, LABEL_KIND_ORG, "없는 기관", 5, 7);
	b = corpus_add(&cs, "a.txt", 6);
	b->printed[LABEL_KIND_SECTION] = sec;
	b->printed[LABEL_KIND_ORG] = odd;
	msg_capture(was);
	out = stderr_of(run_pass);
	assert_string_equal(out,
	    "a.txt:4: warning: PARSE_TITLE_NO_DATE\n"
	    "a.txt:5:7: warning: REIMPORT_LABEL_UNKNOWN\n");
	a = &cs.items[0];
	b = &cs.items[1];
	assert_string_equal(org->text, "중앙 부처");
	assert_int_equal(a->section, 0);
	assert_int_equal(a->sector, 1);
	assert_int_equal(a->org, 0);
	assert_int_equal(a->labels, LABEL_SECTION | LABEL_SECTOR | LABEL_ORG);
	assert_int_equal(b->section, 0);
	assert_int_equal(b->sector, -1);
	assert_int_equal(b->org, -1);
	assert_int_equal(b->labels, LABEL_SECTION);
	assert_int_equal(odd->taxon, -1);
	assert_int_equal(lg.n, 0);
}

/* Unknown headings: a section's and a sector's, each its message. */
static void
test_unknown_headings(void **state)
{
	(void)state;
	label_read(&lg, &cs, LABEL_KIND_SECTION, "없는 절", 2, 4);
	label_read(&lg, &cs, LABEL_KIND_SECTOR, "없는 분야", 9, 5);
	out = stderr_of(run_pass);
	assert_string_equal(out,
	    "a.txt:2:4: warning: REIMPORT_SECTION_UNKNOWN\n"
	    "a.txt:9:5: warning: PARSE_SECTOR_UNKNOWN\n");
}

/* An item filed by an organisation label of another section than its
 * heading's: filed under the label's section, reported at the label;
 * one of its own section is not reported. */
static void
test_filed(void **state)
{
	struct printed_label *sec, *own, *other;
	struct item *a;

	(void)state;
	sec = label_read(&lg, &cs, LABEL_KIND_SECTION, "정책 동향", 1, 4);
	own = label_read(&lg, &cs, LABEL_KIND_ORG, "중앙부처", 3, 1);
	other = label_read(&lg, &cs, LABEL_KIND_ORG, "국가기관", 5, 1);
	a = corpus_add(&cs, "a.txt", 3);
	a->printed[LABEL_KIND_SECTION] = sec;
	a->title = "제목 하나";
	a = corpus_add(&cs, "a.txt", 5);
	a->printed[LABEL_KIND_SECTION] = sec;
	a->title = "제목 둘";
	label_file(&lg, &cs, 0, own);
	label_file(&lg, &cs, 1, other);
	label_file(&lg, &cs, 1, own);	/* has one: kept */
	out = stderr_of(run_pass);
	assert_string_equal(out,
	    "a.txt:5:1: warning: REIMPORT_LABEL_SECTION\n");
	assert_int_equal(cs.items[0].section, 0);
	assert_int_equal(cs.items[0].org, 0);
	assert_int_equal(cs.items[1].section, 1);
	assert_int_equal(cs.items[1].org, 1);
	assert_int_equal(cs.items[1].labels, LABEL_SECTION | LABEL_ORG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_known_and_unknown,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_headings,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filed, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

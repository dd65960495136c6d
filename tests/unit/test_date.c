/* test_date.c: calendar arithmetic, date spellings and issue weeks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "msg.h"
#include "weeks.h"

static int
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
test_civil(void **state)
{
	char iso[11];
	int y, m, d, day;

	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2);
	assert_int_equal(ymd(2100, 3, 1) - ymd(2100, 2, 28), 1);
	assert_int_equal(ymd(2025, 2, 29), DATE_NONE);
	assert_int_equal(ymd(2024, 2, 29) - ymd(2024, 2, 28), 1);
	assert_int_equal(ymd(2025, 13, 1), DATE_NONE);
	assert_int_equal(ymd(2025, 4, 31), DATE_NONE);
	for (day = ymd(1999, 12, 1); day < ymd(2001, 3, 1); day++) {
		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(ymd(y, m, d), day);
	}
	date_iso(ymd(2025, 12, 4), iso);
	assert_string_equal(iso, "2025-12-04");
	assert_int_equal(date_weekday(ymd(2025, 12, 11)), 4);	/* Thu */
	assert_int_equal(date_weekday(ymd(1969, 12, 31)), 3);	/* Wed */
}

static void
expect(const char *s, int hint, enum date_status st, int date)
{
	int got = -1;

	assert_int_equal(date_parse(s, strlen(s), hint, &got), st);
	if (st == DATE_OK)
		assert_int_equal(got, date);
}

static void
test_spellings(void **state)
{
	(void)state;
	expect("2025.07.28", 0, DATE_OK, ymd(2025, 7, 28));
	expect("2025. 12.04", 0, DATE_OK, ymd(2025, 12, 4));
	expect("2025.12.04.", 0, DATE_OK, ymd(2025, 12, 4));
	expect("2025-12-04", 0, DATE_OK, ymd(2025, 12, 4));
	expect("2025/12/04", 0, DATE_OK, ymd(2025, 12, 4));
	expect("2025년 7월 28일", 0, DATE_OK, ymd(2025, 7, 28));
	expect("2025년7월28일", 0, DATE_OK, ymd(2025, 7, 28));
	expect("'24.3.12", 0, DATE_OK, ymd(2024, 3, 12));
	expect("11.6", 2023, DATE_OK, ymd(2023, 11, 6));
	expect("11월 6일", 2023, DATE_OK, ymd(2023, 11, 6));
	expect("11.6", 0, DATE_NOT_A_DATE, 0);
	expect("2025.13.45", 0, DATE_IMPOSSIBLE, 0);
	expect("2025.02.30", 0, DATE_IMPOSSIBLE, 0);
	expect("수정 2025", 0, DATE_NOT_A_DATE, 0);
	expect("1,300억원", 0, DATE_NOT_A_DATE, 0);
	expect("20250728", 0, DATE_NOT_A_DATE, 0);
	expect("", 0, DATE_NOT_A_DATE, 0);
}

static void
test_trailing(void **state)
{
	size_t open = 0;
	int date = 0;
	const char *t = "산자부, 탄소 산단 (2025.07.28)";

	(void)state;
	assert_int_equal(date_trailing(t, 0, &date, &open), DATE_OK);
	assert_int_equal(date, ymd(2025, 7, 28));
	assert_int_equal(t[open], '(');
	assert_int_equal(date_trailing("제목 (2025.07.24", 0, &date, &open),
	    DATE_OK);
	assert_int_equal(date, ymd(2025, 7, 24));
	assert_int_equal(date_trailing("행사(포럼, 세미나)", 0, &date, &open),
	    DATE_NOT_A_DATE);
	assert_int_equal(date_trailing("제목 (2025.07.24) 뒤", 0, &date,
	    &open), DATE_NOT_A_DATE);
	assert_int_equal(date_in_url("https://x.kr/v?id=01100101."
	    "20250728093000001"), ymd(2025, 7, 28));
	assert_int_equal(date_in_url("https://x.kr/v?id=12345"), DATE_NONE);
}

static struct config
conf(void)
{
	struct config c;

	config_init(&c);
	c.anchor_number = 108;
	c.anchor_date = ymd(2025, 12, 11);
	c.weekday = 4;
	return c;
}

static void
test_weeks(void **state)
{
	struct config c = conf();
	int d;

	(void)state;
	/* No. 108 covers Thursday 12.04 to Wednesday 12.10. */
	assert_int_equal(week_number(&c, ymd(2025, 12, 4)), 108);
	assert_int_equal(week_number(&c, ymd(2025, 12, 10)), 108);
	assert_int_equal(week_number(&c, ymd(2025, 12, 3)), 107);
	assert_int_equal(week_number(&c, ymd(2025, 12, 11)), 109);
	assert_int_equal(week_date(&c, 108), ymd(2025, 12, 11));
	assert_int_equal(week_publication(&c, ymd(2025, 12, 11)),
	    ymd(2025, 12, 18));
	/* Across a year end: No. 111 comes out on Thursday 2026-01-01 and
	 * covers 12.25 to 12.31. */
	assert_int_equal(week_number(&c, ymd(2025, 12, 24)), 110);
	assert_int_equal(week_number(&c, ymd(2025, 12, 31)), 111);
	assert_int_equal(week_date(&c, 111), ymd(2026, 1, 1));
	assert_int_equal(week_number(&c, ymd(2026, 1, 1)), 112);
	/* 2026 has 53 Thursdays; numbering goes on by weeks, not by ISO
	 * week numbers: the first issue of 2027 is 53 issues after the
	 * first of 2026. */
	assert_int_equal(week_number(&c, ymd(2027, 1, 6)) -
	    week_number(&c, ymd(2026, 1, 7)), 52);
	assert_int_equal(week_date(&c, week_number(&c, ymd(2026, 12, 31))),
	    ymd(2027, 1, 7));
	/* Long before the anchor, and every day maps into its period. */
	assert_int_equal(week_number(&c, ymd(2025, 12, 3) - 7 * 100), 7);
	for (d = ymd(2020, 1, 1); d < ymd(2030, 1, 1); d++) {
		int pub = week_date(&c, week_number(&c, d));

		assert_true(pub > d && pub - d <= 7);
		assert_int_equal(date_weekday(pub), 4);
	}
	/* Another weekday: Monday issues. */
	c.weekday = 1;
	c.anchor_date = ymd(2025, 12, 8);
	assert_int_equal(week_number(&c, ymd(2025, 12, 7)), 108);
	assert_int_equal(week_number(&c, ymd(2025, 12, 8)), 109);
	config_free(&c);
}

static void
test_group(void **state)
{
	struct config c = conf();
	struct corpus cs;
	struct issue *v;
	struct item *it;
	size_t n;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	msg_verbosity(-1);
	it = corpus_add(&cs, "a", 1);
	it->date = ymd(2025, 12, 5);
	it->section = 1;
	it = corpus_add(&cs, "a", 2);		/* undated: joins 108 */
	it->section = 0;
	it = corpus_add(&cs, "a", 3);
	it->date = ymd(2025, 12, 4);
	it->section = 1;
	it = corpus_add(&cs, "b", 1);
	it->date = ymd(2025, 12, 11);		/* No. 109 */
	it->section = 0;
	it = corpus_add(&cs, "c", 1);		/* undated, alone: no issue */
	v = weeks_group(&cs, &c, &n);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].number, 108);
	assert_int_equal(v[0].n, 3);
	/* Section order first, then date, then input order. */
	assert_int_equal(v[0].items[0]->line, 2);
	assert_int_equal(v[0].items[1]->line, 3);
	assert_int_equal(v[0].items[2]->line, 1);
	assert_int_equal(v[0].first, ymd(2025, 12, 4));
	assert_int_equal(v[0].last, ymd(2025, 12, 10));
	assert_int_equal(v[1].number, 109);
	assert_int_equal(cs.items[4].issue, 0);
	weeks_free(v, n);
	corpus_free(&cs);
	config_free(&c);
}

/* An undated item of a file whose dated items are split evenly between
 * two issues goes to the later one, whatever order they were read in. */
static void
test_tie(void **state)
{
	struct config c = conf();
	struct corpus cs;
	struct issue *v;
	struct item *it;
	size_t n;

	(void)state;
	memset(&cs, 0, sizeof(cs));
	msg_verbosity(-1);
	it = corpus_add(&cs, "d", 1);
	it->date = ymd(2025, 12, 12);		/* No. 109 */
	it = corpus_add(&cs, "d", 2);
	it->date = ymd(2025, 12, 5);		/* No. 108 */
	corpus_add(&cs, "d", 3);		/* undated: the tie, 109 */
	it = corpus_add(&cs, "e", 1);
	it->date = ymd(2025, 12, 5);		/* No. 108, twice */
	it = corpus_add(&cs, "e", 2);
	it->date = ymd(2025, 12, 6);
	it = corpus_add(&cs, "e", 3);
	it->date = ymd(2025, 12, 12);		/* No. 109, once */
	corpus_add(&cs, "e", 4);		/* undated: the most, 108 */
	v = weeks_group(&cs, &c, &n);
	assert_int_equal(n, 2);
	assert_int_equal(cs.items[2].issue, 109);
	assert_int_equal(cs.items[6].issue, 108);
	/* In an issue, undated items come after the dated ones. */
	assert_int_equal(v[1].n, 3);
	assert_true(v[1].items[2] == &cs.items[2]);
	assert_true(v[0].items[3] == &cs.items[6]);
	weeks_free(v, n);
	corpus_free(&cs);
	config_free(&c);
}

/* date_digits writes what snprintf's "%04u-%02u-%02u" does, for every
 * day of four centuries and for the odd values the callers may pass. */
static void
test_digits(void **state)
{
	static const unsigned odd[][3] = { { 0, 0, 0 }, { 9999, 99, 99 },
	    { 10000, 100, 100 }, { 12345, 7, 123 }, { 4294967295u, 1, 2 } };
	char want[32], got[11];
	int date, y, m, d;
	size_t i;

	(void)state;
	for (date = date_from_ymd(1900, 1, 1);
	    date <= date_from_ymd(2300, 12, 31); date++) {
		date_to_ymd(date, &y, &m, &d);
		snprintf(want, sizeof(want), "%04u-%02u-%02u",
		    (unsigned)y % 10000u, (unsigned)m, (unsigned)d);
		date_iso(date, got);
		assert_string_equal(got, want);
	}
	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		snprintf(want, sizeof(want), "%04u.%02u.%02u",
		    odd[i][0] % 10000u, odd[i][1] % 100u, odd[i][2] % 100u);
		date_digits(odd[i][0], odd[i][1], odd[i][2], '.', got);
		assert_string_equal(got, want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_trailing),
		cmocka_unit_test(test_weeks),
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_tie),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}

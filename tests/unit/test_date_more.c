/* test_date_more.c: the spellings of months and periods that plans and
 * trend bulletins use (date_parse_month, date_parse_period,
 * date_trailing_period). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static int
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
month(const char *s, int hint, enum date_status st, int date)
{
	int got = -1;

	assert_int_equal(date_parse_month(s, strlen(s), hint, &got), st);
	if (st == DATE_OK)
		assert_int_equal(got, date);
}

static void
test_month(void **state)
{
	(void)state;
	month("11月", 2023, DATE_OK, ymd(2023, 11, 1));
	month("11월", 2023, DATE_OK, ymd(2023, 11, 1));
	month(" 2月 ", 2024, DATE_OK, ymd(2024, 2, 1));
	month("2023년 11월", 0, DATE_OK, ymd(2023, 11, 1));
	month("2023.11", 0, DATE_OK, ymd(2023, 11, 1));
	month("2023.11.", 0, DATE_OK, ymd(2023, 11, 1));
	month("'23.11", 0, DATE_OK, ymd(2023, 11, 1));
	month("'22.8월", 0, DATE_OK, ymd(2022, 8, 1));
	/* A bare month needs a year from the file. */
	month("11月", 0, DATE_NOT_A_DATE, 0);
	month("13月", 2023, DATE_IMPOSSIBLE, 0);
	/* Not months: a month.day, a year, a day, words. */
	month("11.6", 2023, DATE_NOT_A_DATE, 0);
	month("2024", 0, DATE_NOT_A_DATE, 0);
	month("2023.11.06", 0, DATE_NOT_A_DATE, 0);
	month("11", 2023, DATE_NOT_A_DATE, 0);
	month("상반기", 2023, DATE_NOT_A_DATE, 0);
	month("", 2023, DATE_NOT_A_DATE, 0);
}

static void
period(const char *s, int hint, enum date_status st, int first, int last)
{
	int a = -1, b = -1;

	assert_int_equal(date_parse_period(s, strlen(s), hint, &a, &b), st);
	if (st == DATE_OK) {
		assert_int_equal(a, first);
		assert_int_equal(b, last);
	}
}

static void
test_period(void **state)
{
	(void)state;
	/* One date, month or year. */
	period("2025.07.28", 0, DATE_OK, ymd(2025, 7, 28), ymd(2025, 7, 28));
	period("'24.3.20", 0, DATE_OK, ymd(2024, 3, 20), ymd(2024, 3, 20));
	period("2024.8.16.", 0, DATE_OK, ymd(2024, 8, 16), ymd(2024, 8, 16));
	period("6.25", 2024, DATE_OK, ymd(2024, 6, 25), ymd(2024, 6, 25));
	period("12.22.", 2023, DATE_OK, ymd(2023, 12, 22), ymd(2023, 12, 22));
	period("2월", 2024, DATE_OK, ymd(2024, 2, 1), ymd(2024, 2, 29));
	period("'24.11", 0, DATE_OK, ymd(2024, 11, 1), ymd(2024, 11, 30));
	period("2022년", 0, DATE_OK, ymd(2022, 1, 1), ymd(2022, 12, 31));
	period("'24", 0, DATE_OK, ymd(2024, 1, 1), ymd(2024, 12, 31));
	/* Spans: the end leaves out what it shares with the start. */
	period("'24.5.~'26.12", 0, DATE_OK, ymd(2024, 5, 1),
	    ymd(2026, 12, 31));
	period("'24~'28", 0, DATE_OK, ymd(2024, 1, 1), ymd(2028, 12, 31));
	period("'23.~'27", 0, DATE_OK, ymd(2023, 1, 1), ymd(2027, 12, 31));
	period("'22 ~ '26.", 0, DATE_OK, ymd(2022, 1, 1), ymd(2026, 12, 31));
	period("'20.6.~24.12.", 0, DATE_OK, ymd(2020, 6, 1),
	    ymd(2024, 12, 31));
	period("'24.3.6~3.8", 0, DATE_OK, ymd(2024, 3, 6), ymd(2024, 3, 8));
	period("9.4~9.6", 2024, DATE_OK, ymd(2024, 9, 4), ymd(2024, 9, 6));
	period("2.20~23", 2024, DATE_OK, ymd(2024, 2, 20), ymd(2024, 2, 23));
	period("3. 8.~ 9.", 2025, DATE_OK, ymd(2025, 3, 8), ymd(2025, 3, 9));
	period("2025~2028", 0, DATE_OK, ymd(2025, 1, 1), ymd(2028, 12, 31));
	period("2월~4월", 2024, DATE_OK, ymd(2024, 2, 1), ymd(2024, 4, 30));
	period("'24.12.~'25.1.", 0, DATE_OK, ymd(2024, 12, 1),
	    ymd(2025, 1, 31));
	/* An open end. */
	period("'19.~", 0, DATE_OK, ymd(2019, 1, 1), DATE_NONE);
	/* Not periods, or impossible ones. */
	period("8.30, 9.21", 2023, DATE_NOT_A_DATE, 0, 0);
	period("착수보고회, 4.30", 2024, DATE_NOT_A_DATE, 0, 0);
	period("9.6~9.4", 2024, DATE_IMPOSSIBLE, 0, 0);
	period("2025.13.45", 0, DATE_IMPOSSIBLE, 0, 0);
	period("'24.13~'25", 0, DATE_IMPOSSIBLE, 0, 0);
	period("6.25", 0, DATE_NOT_A_DATE, 0, 0);
	period("3", 2024, DATE_NOT_A_DATE, 0, 0);
	period("1,300억원", 0, DATE_NOT_A_DATE, 0, 0);
	period("'25.上", 0, DATE_NOT_A_DATE, 0, 0);
	period("", 0, DATE_NOT_A_DATE, 0, 0);
}

static void
test_trailing_period(void **state)
{
	const char *t = "협업지원센터 운영방향 수립(2월)";
	size_t open = 0;
	int a = 0, b = 0;

	(void)state;
	assert_int_equal(date_trailing_period(t, 2024, &a, &b, &open),
	    DATE_OK);
	assert_int_equal(a, ymd(2024, 2, 1));
	assert_int_equal(t[open], '(');
	assert_int_equal(date_trailing_period("홍보부스 운영(9.4~9.6)", 2024,
	    &a, &b, &open), DATE_OK);
	assert_int_equal(b, ymd(2024, 9, 6));
	assert_int_equal(date_trailing_period("설명회 개최(8.30, 9.21)", 2023,
	    &a, &b, &open), DATE_NOT_A_DATE);
	assert_int_equal(date_trailing_period("사업(R&D) 착수", 2023, &a, &b,
	    &open), DATE_NOT_A_DATE);
	assert_int_equal(date_trailing_period("개요 (2025~2028", 0, &a, &b,
	    &open), DATE_OK);
	assert_int_equal(b, ymd(2028, 12, 31));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_trailing_period),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

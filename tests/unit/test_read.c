/* test_read.c: decoding, normalisation and line joining. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "msg.h"
#include "read.h"
#include "scan.h"

static char *
norm(const char *s)
{
	size_t n;

	return text_normalise(s, strlen(s), &n);
}

static void
test_normalise(void **state)
{
	size_t n;
	char *s;

	(void)state;
	/* NFD jamo (ᄒ ᅡ ᆫ) compose to 한. */
	s = text_normalise("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", 9, &n);
	assert_string_equal(s, "한");
	free(s);
	/* Lookalike middle dots, a spaced dot, NBSP, U+3000, zero width. */
	s = norm("A\xe3\x86\x8d" "B \xc2\xb7 C\xe2\x80\xa7" "D"
	    "\xc2\xa0" "E\xe3\x80\x80" "F\xe2\x80\x8bG");
	assert_string_equal(s, "A·B·C·D E FG");
	free(s);
	s = norm("\xef\xbd\xa2x\xef\xbd\xa3 \xe2\x80\x9cq\xe2\x80\x9d"
	    " \xe2\x80\x98s\xe2\x80\x99");
	assert_string_equal(s, "「x」 \"q\" 's'");
	free(s);
	/* Two marks in the wrong canonical order (a Vietnamese name,
	 * Nguyễn, typed e + circumflex + dot below): reordered, composed. */
	s = norm("Nguy" "e\xcc\x82\xcc\xa3" "n");
	assert_string_equal(s, "Nguy\xe1\xbb\x87n");
	free(s);
	assert_null(text_normalise("\xff\xfe", 2, &n));
}

static void
test_lines(void **state)
{
	struct arena a = {0};
	struct doc d;
	const char crlf[] = "\xef\xbb\xbf \xed\x95\x9c \r\nB\rC\n\nD\n";

	(void)state;
	assert_int_equal(doc_from_bytes(&d, &a, "t", crlf, sizeof(crlf) - 1),
	    0);
	assert_string_equal(d.encoding, "UTF-8 with BOM");
	assert_int_equal(d.n, 5);
	assert_string_equal(d.lines[0].text, "한");
	assert_true(d.lines[0].lead && d.lines[0].trail);
	assert_string_equal(d.lines[1].text, "B");
	assert_false(d.lines[1].lead || d.lines[1].trail);
	assert_string_equal(d.lines[2].text, "C");
	assert_int_equal(d.lines[3].len, 0);
	assert_int_equal(d.lines[3].use, LINE_FURNITURE);
	assert_string_equal(d.lines[4].text, "D");
	arena_free(&a);
}

static void
test_encodings(void **state)
{
	struct arena a = {0};
	struct doc d;
	/* "한글" in UTF-16LE with BOM, UTF-16BE with BOM, and CP949. */
	const char le[] = "\xff\xfe\x5c\xd5\x00\xae\n\x00";
	const char be[] = "\xfe\xff\xd5\x5c\xae\x00\x00\n";
	const char cp[] = "\xc7\xd1\xb1\xdb\r\n";

	(void)state;
	msg_verbosity(-1);
	assert_int_equal(doc_from_bytes(&d, &a, "le", le, sizeof(le) - 1), 0);
	assert_string_equal(d.encoding, "UTF-16LE");
	assert_string_equal(d.lines[0].text, "한글");
	assert_int_equal(doc_from_bytes(&d, &a, "be", be, sizeof(be) - 1), 0);
	assert_string_equal(d.encoding, "UTF-16BE");
	assert_string_equal(d.lines[0].text, "한글");
	assert_int_equal(doc_from_bytes(&d, &a, "cp", cp, sizeof(cp) - 1), 0);
	assert_string_equal(d.encoding, "CP949");
	assert_string_equal(d.lines[0].text, "한글");
	assert_int_equal(d.n, 1);
	/* Binary data is refused, never read as mojibake. */
	msg_verbosity(-1);
	assert_int_equal(doc_from_bytes(&d, &a, "bin", "ab\0cd", 5), -1);
	assert_int_equal(doc_from_bytes(&d, &a, "bad", "\x80\x80\xff", 3),
	    -1);
	arena_free(&a);
}

static void
test_join(void **state)
{
	buf b = {0};

	(void)state;
	join_wrapped(&b, 0, 1, "수행");
	join_wrapped(&b, 1, 1, "기관");		/* "수행 ⏎기관" */
	join_wrapped(&b, 0, 1, "공모");		/* "기관⏎공모": in a word */
	assert_string_equal(b.ptr, "수행 기관공모");
	buf_reset(&b);
	join_wrapped(&b, 0, 0, "a");		/* a file that drops all */
	join_wrapped(&b, 0, 0, "b");		/* trailing spaces */
	assert_string_equal(b.ptr, "a b");
	buf_free(&b);
}

/* A message's column: 1-based, in characters, the white space the
 * reader trimmed counted. */
static void
test_columns(void **state)
{
	struct arena a = {0};
	struct doc d;
	const char text[] = " \t□ 가나 (2025.13.45)\n가 (1.2) 나 (1.2)\n";

	(void)state;
	assert_int_equal(doc_from_bytes(&d, &a, "t", text, sizeof(text) - 1),
	    0);
	assert_int_equal(d.lines[0].lead, 2);
	assert_int_equal(line_col(&d.lines[0], d.lines[0].text), 3);
	assert_int_equal(line_col(&d.lines[0], strchr(d.lines[0].text, '(')),
	    8);
	assert_int_equal(doc_col(&d, 1, "(2025.13.45)"), 8);
	assert_int_equal(title_date_col(&d, 1, "가나 (2025.13.45)", "가나"), 8);
	/* Not in the line, or in it twice: not known. */
	assert_int_equal(doc_col(&d, 1, "(2025.12.45)"), 0);
	assert_int_equal(doc_col(&d, 2, "(1.2)"), 0);
	assert_int_equal(doc_col(&d, 3, "가"), 0);
	assert_int_equal(doc_col(&d, 2, "나"), 9);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_columns),
	};

	return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}

/* test_util.c: json_str() and json_lines(), through which the search
 * index passes every item's text (escapes found while plain runs are
 * copied at once), and buf_printf() when what it formats does not fit
 * the room there is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"

static void
expect_json(const char *in, const char *want)
{
	buf b = {0};

	buf_puts(&b, "x");
	json_str(&b, in);
	assert_string_equal(b.ptr, want);
	assert_int_equal(b.len, strlen(want));
	buf_free(&b);
}

static void
test_json_str(void **state)
{
	(void)state;
	expect_json("", "x\"\"");
	expect_json("plain", "x\"plain\"");
	expect_json("한글 text", "x\"한글 text\"");
	expect_json("a\"b", "x\"a\\\"b\"");
	expect_json("\\", "x\"\\\\\"");
	expect_json("l1\nl2\tt\rr", "x\"l1\\nl2\\tt\\rr\"");
	expect_json("</script>", "x\"\\u003c/script>\"");
	expect_json("\x01" "a\x1f", "x\"\\u0001a\\u001f\"");
	expect_json("del\x7f>", "x\"del\x7f>\"");
	expect_json("\"\"<<", "x\"\\\"\\\"\\u003c\\u003c\"");
	expect_json("end\\", "x\"end\\\\\"");
}

/* A run longer than any buffer's first growth, escapes at both ends. */
static void
test_json_long(void **state)
{
	size_t n = 100000, i;
	char *in = malloc(n + 3);
	buf b = {0};

	(void)state;
	in[0] = '<';
	memset(in + 1, 'a', n);
	in[n + 1] = '"';
	in[n + 2] = '\0';
	json_str(&b, in);
	assert_int_equal(b.len, n + 2 + 6 + 2);
	assert_memory_equal(b.ptr, "\"\\u003c", 7);
	for (i = 7; i < 7 + n; i++)
		assert_int_equal(b.ptr[i], 'a');
	assert_string_equal(b.ptr + 7 + n, "\\\"\"");
	free(in);
	buf_free(&b);
}

/* json_lines: the strings joined by newlines, as json_str would write
 * the joined text. */
static void
test_json_lines(void **state)
{
	char *v[] = { "a\"b", "", "한<글" };
	buf b = {0}, j = {0};

	(void)state;
	json_lines(&b, v, 3);
	json_str(&j, "a\"b\n\n한<글");
	assert_string_equal(b.ptr, j.ptr);
	buf_reset(&b);
	json_lines(&b, NULL, 0);
	assert_string_equal(b.ptr, "\"\"");
	buf_reset(&b);
	json_lines(&b, v + 2, 1);
	assert_string_equal(b.ptr, "\"한\\u003c글\"");
	buf_free(&b);
	buf_free(&j);
}

static void
test_printf_grows(void **state)
{
	buf b = {0};
	char big[300];

	(void)state;
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_printf(&b, "%d-", 42);
	buf_printf(&b, "[%s]", big);
	assert_int_equal(b.len, 3 + 2 + 299);
	assert_memory_equal(b.ptr, "42-[", 4);
	assert_string_equal(b.ptr + 4 + 299, "]");
	buf_free(&b);
}

/* The one growable array (vec_grow, VEC_GROW). */
static void
test_vec_grow(void **state)
{
	int *v = NULL, *was;
	size_t cap = 0, n;

	(void)state;
	VEC_GROW(v, cap, 1);
	assert_non_null(v);
	assert_int_equal(cap, 16);
	/* Room already: the same array, the same capacity. */
	was = v;
	VEC_GROW(v, cap, 16);
	assert_ptr_equal(v, was);
	assert_int_equal(cap, 16);
	/* Doubling, the contents kept. */
	for (n = 0; n < 1000; n++) {
		VEC_GROW(v, cap, n + 1);
		v[n] = (int)n * 3;
	}
	assert_int_equal(cap, 1024);
	for (n = 0; n < 1000; n++)
		assert_int_equal(v[n], (int)n * 3);
	/* A need far past the capacity at once. */
	VEC_GROW(v, cap, 5000);
	assert_int_equal(cap, 8192);
	assert_int_equal(v[999], 2997);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_json_long),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_printf_grows),
		cmocka_unit_test(test_vec_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_util.c: the one growable array (vec_grow, VEC_GROW). */
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
		cmocka_unit_test(test_vec_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

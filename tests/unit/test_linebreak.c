/* test_linebreak.c: Korean line breaking with a stand-in measure: one
 * unit per ASCII character, two per any other (Hangul is full width). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "linebreak.h"
#include "util.h"

static double
measure(void *ctx, const char *s, size_t len)
{
	size_t i, adv;
	double w = 0;

	if (ctx != NULL)
		*(size_t *)ctx += len;	/* bytes measured, for test_cost */
	for (i = 0; i < len; i += adv) {
		int cp = utf8_decode(s + i, len - i, &adv);

		if (adv == 0)
			adv = 1;
		w += cp >= 0 && cp < 0x80 ? 1 : 2;
	}
	return w;
}

/* Breaks text and returns its lines joined by '|' (static storage). */
static const char *
brk2(const char *text, double first, double rest)
{
	static char out[4096];
	struct lb_line *l;
	size_t n, i, o = 0;

	n = linebreak(text, strlen(text), first, rest, measure, NULL, &l);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%.*s",
		    i ? "|" : "", (int)l[i].len, text + l[i].off);
	}
	free(l);
	return out;
}

static const char *
brk(const char *text, double width)
{
	return brk2(text, width, width);
}

static void
test_spaces_first(void **state)
{
	(void)state;
	assert_string_equal(brk("가나 다라 마바", 9), "가나 다라|마바");
	assert_string_equal(brk("가나 다라 마바", 6), "가나|다라|마바");
	assert_string_equal(brk("가나 다라 마바", 40), "가나 다라 마바");
	/* A word that fits a line moves whole to the next one. */
	assert_string_equal(brk("가 나다라마", 9), "가|나다라마");
	/* Spaces at the ends and runs of spaces. */
	assert_string_equal(brk("  가나   다라  ", 5), "가나|다라");
}

static void
test_empty(void **state)
{
	struct lb_line *l;

	(void)state;
	assert_int_equal(linebreak("", 0, 10, 10, measure, NULL, &l), 1);
	assert_int_equal(l[0].len, 0);
	free(l);
	assert_string_equal(brk("   ", 10), "");
}

static void
test_long_hangul_word(void **state)
{
	(void)state;
	/* Cut inside a Hangul word only when it is wider than a line. */
	assert_string_equal(brk("가나다라마바사아", 6), "가나다|라마바|사아");
	/* ... and then the current line is filled first. */
	assert_string_equal(brk("가나 다라마바사아자차", 10),
	    "가나 다라|마바사아자|차");
}

static void
test_closing_punctuation(void **state)
{
	(void)state;
	/* "가나다라." is 9 wide: the cut may not leave '.' first. */
	assert_string_equal(brk("가나다라.", 8), "가나다|라.");
	assert_string_equal(brk("가나다라·마바", 8), "가나다|라·마바");
	assert_string_equal(brk("가나다라」마바", 9), "가나다|라」마바");
	/* A break at a space that would start a line with ')' is not
	 * taken; the words go together. */
	assert_string_equal(brk("가나 ) 다라", 6), "가나 )|다라");
}

static void
test_opening_punctuation(void **state)
{
	(void)state;
	/* "(" may not end a line. */
	assert_string_equal(brk("가나다(라마바", 8), "가나다|(라마바");
	assert_string_equal(brk("가나 「 다라", 7), "가나|「 다라");
	assert_string_equal(brk("「가나」 다라", 9), "「가나」|다라");
}

static void
test_latin_words(void **state)
{
	(void)state;
	/* Latin words are not split when they fit a line. */
	assert_string_equal(brk("ab abcdefgh", 9), "ab|abcdefgh");
	assert_string_equal(brk("RE100 산단", 7), "RE100|산단");
	/* Numbers inside Hangul words stay whole when possible. */
	assert_string_equal(brk("총1천300억원의", 9), "총1천300|억원의");
	assert_string_equal(brk("총1천300억원의", 6), "총1천|300억|원의");
}

static void
test_url(void **state)
{
	const char *u = "https://www.example.org/news/view.do?id=12345";

	(void)state;
	/* Longer than a line: cut after '/', '.', '=' and the like. */
	assert_string_equal(brk(u, 20),
	    "https://www.example.|org/news/view.do?id=|12345");
	/* A run of digits wider than a line is cut anyway. */
	assert_string_equal(brk("1234567890", 4), "1234|5678|90");
}

static void
test_first_width(void **state)
{
	(void)state;
	assert_string_equal(brk2("가나 다라 마바 사아", 4, 12),
	    "가나|다라 마바|사아");
}

static void
test_narrow(void **state)
{
	(void)state;
	/* Narrower than a character: one character a line, no loop. */
	assert_string_equal(brk("가나다", 1), "가|나|다");
	/* Combining marks stay with their base. */
	assert_string_equal(brk("e\xcc\x81" "e\xcc\x81", 1),
	    "e\xcc\x81|e\xcc\x81");
}

/* Random texts: every line fits or is one character, and no character
 * other than the spaces broken at is lost or reordered. */
static void
test_random(void **state)
{
	static const char *const atoms[] = {
		"가", "나", "다", "라", " ", " ", "a", "b", "1", ".", ",",
		"(", ")", "「", "」", "·", "/", "%", "https://x.y/z",
	};
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 2000; round++) {
		char text[512], flat[512], joined[512];
		struct lb_line *l;
		size_t n, i, len = 0, fl = 0, jl = 0, j;
		int k, natoms;
		double w;

		seed = seed * 1103515245 + 12345;
		natoms = 1 + (int)((seed >> 16) % 40);
		w = 2 + (double)((seed >> 8) % 30);
		for (k = 0; k < natoms; k++) {
			const char *a;

			seed = seed * 1103515245 + 12345;
			a = atoms[(seed >> 16) %
			    (sizeof(atoms) / sizeof(atoms[0]))];
			memcpy(text + len, a, strlen(a));
			len += strlen(a);
		}
		text[len] = '\0';
		for (j = 0; j < len; j++)
			if (text[j] != ' ')
				flat[fl++] = text[j];
		flat[fl] = '\0';
		n = linebreak(text, len, w, w, measure, NULL, &l);
		assert_true(n >= 1);
		for (i = 0; i < n; i++) {
			size_t adv;
			double lw = measure(NULL, text + l[i].off, l[i].len);

			utf8_decode(text + l[i].off, l[i].len, &adv);
			if (lw > w && adv != l[i].len)
				fail_msg("line '%.*s' of '%s' is %g wide, "
				    "more than %g", (int)l[i].len,
				    text + l[i].off, text, lw, w);
			if (i > 0)
				assert_true(l[i].off >=
				    l[i - 1].off + l[i - 1].len);
			for (j = 0; j < l[i].len; j++)
				if (text[l[i].off + j] != ' ')
					joined[jl++] = text[l[i].off + j];
		}
		joined[jl] = '\0';
		assert_string_equal(joined, flat);
		free(l);
	}
}

/* A word of 200,000 syllables (and a text of as many short words)
 * costs a bounded number of measures per line, not one of the whole
 * word per line: hostile input must not make breaking quadratic. */
static void
test_cost(void **state)
{
	size_t n = 200000, i, measured = 0, nl;
	char *text = malloc(3 * n + 1);
	struct lb_line *l;

	(void)state;
	for (i = 0; i < n; i++)
		memcpy(text + 3 * i, "\xea\xb0\x80", 3);	/* 가 */
	text[3 * n] = '\0';
	nl = linebreak(text, 3 * n, 40, 40, measure, &measured, &l);
	assert_int_equal(nl, n / 20);
	assert_true(measured < 40 * 3 * n);
	free(l);
	for (i = 0; i < n; i++)
		memcpy(text + 3 * i, i % 3 == 2 ? "   " : "\xea\xb0\x80", 3);
	measured = 0;
	nl = linebreak(text, 3 * n, 40, 40, measure, &measured, &l);
	assert_true(nl > n / 30);
	assert_true(measured < 40 * 3 * n);
	free(l);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spaces_first),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_long_hangul_word),
		cmocka_unit_test(test_closing_punctuation),
		cmocka_unit_test(test_opening_punctuation),
		cmocka_unit_test(test_latin_words),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_first_width),
		cmocka_unit_test(test_narrow),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_cost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

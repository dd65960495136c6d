/* test_joins.c: single pieces of evidence joins.c weighs for a cut in a
 * copy without trailing spaces, each on a text that has no other
 * evidence to give (made-up words, no word list to speak of), so that
 * the piece alone decides. */
#define _GNU_SOURCE	/* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"
#include "joins.h"
#include "model.h"
#include "msg.h"
#include "read.h"
#include "util.h"

static struct config cfg;

static int
setup(void **state)
{
	(void)state;
	msg_verbosity(-1);
	if (access("digest.conf", R_OK) != 0)
		return -1;
	return config_load(&cfg, "digest.conf");
}

static int
teardown(void **state)
{
	(void)state;
	config_free(&cfg);
	return 0;
}

/* Whether the file text, learned, joins "before|next" with a space. */
static int
space(const char *file, const char *before, const char *next)
{
	struct arena a = {0};
	struct doc d;
	struct joins *j;
	int r;

	assert_int_equal(doc_from_bytes(&d, &a, "t.txt", file,
	    strlen(file)), 0);
	j = joins_learn(&d, &cfg);
	assert_non_null(j);
	r = joins_space(j, before, strlen(before), next, 2);
	joins_free(j);
	arena_free(&a);
	return r;
}

/* A quote opening the next line after text whose quotes are closed
 * opens a quotation: a space before it; one the text left open closes
 * it, glued to its word. */
static void
test_quote(void **state)
{
	const char *f = "가가 나나\n다다 라라\n";

	(void)state;
	assert_int_equal(space(f, "우리 가나다", "'라마'와 함께"), 1);
	assert_int_equal(space(f, "우리 '가나 바사' 가나다", "\"라마\"와"), 1);
	assert_int_equal(space(f, "우리 '가나 가나다", "'라마"), 0);
}

/* A name the lists of names/ write closed up is one word across the
 * cut, with or without its particle. */
static void
test_listed_name(void **state)
{
	const char *f = "가가 나나\n다다 라라\n";

	(void)state;
	assert_int_equal(space(f, "연구기관인 한국", "전기연구원은 농촌"), 0);
	assert_int_equal(space(f, "연구기관인 한국", "전기연구원 농촌"), 0);
}

/* A particle glued to its noun (나라에) is no evidence that the two
 * characters it joins meet inside a word: a cut there before a word of
 * its own (가구라|에도스) is read from the other evidence. */
static void
test_particle_junction(void **state)
{
	const char *f =
	    "한 나라에 두 나라에 세 나라에 네 나라에 끝\n"
	    "한 나라 두 나라 세 나라 네 가구라 끝\n"
	    "에어 에어 에어 에어 끝\n";

	(void)state;
	assert_int_equal(space(f, "우리 가구라", "에도스 끝"), 1);
}

/* A text of n copies of the words w, one line. */
static char *
words(const char *w, int n)
{
	buf b = {0};
	int k;

	buf_puts(&b, "첫");
	for (k = 0; k < n; k++) {
		buf_putc(&b, ' ');
		buf_puts(&b, w);
	}
	buf_puts(&b, " 끝\n");
	return b.ptr;
}

/* A beginning the file only ever goes on from (뫄솨|퐈) is cut inside a
 * word; one it writes standing alone is a word of its own.  The last
 * character ends a word as often as it goes on in both files. */
static void
test_closes(void **state)
{
	char *on = words("뫄솨퐈 놔솨", 60), *alone = words("뫄솨 놔솨퐈",
	    60);

	(void)state;
	assert_int_equal(space(on, "우리 뫄솨", "쀍퓛뛣 끝"), 0);
	assert_int_equal(space(alone, "우리 뫄솨", "쀍퓛뛣 끝"), 1);
	free(on);
	free(alone);
}

/* Two characters that meet inside words only where the first opens
 * the word (기반 in 기반을, AI기반) are no evidence of a cut inside a
 * word after a longer beginning (충전기|반납).  Either character ends or
 * opens a word as often as it goes on. */
static void
test_first_char(void **state)
{
	char *f = words("놔뵤 놔뵤 뵤뀨를 뀨놔 뀨쀍 AI뵤뀨", 30);

	(void)state;
	assert_int_equal(space(f, "우리 쏴뵤", "뀨쀍 끝"), 1);
	assert_int_equal(space(f, "우리 뵤", "뀨쀍 끝"), 0);
	free(f);
}

/* In a file that keeps its trailing spaces: a space where the line kept
 * one, none where it did not, but always one after a clause's comma,
 * semicolon or colon, except inside a number (1,|000). */
static void
test_wrap_kept(void **state)
{
	buf b = {0};

	(void)state;
	buf_puts(&b, "보안 우려, 표준 부재,");
	joins_wrap(NULL, &b, 0, "비용 순", 3);
	assert_string_equal(buf_cstr(&b), "보안 우려, 표준 부재, 비용 순");
	buf_reset(&b);
	buf_puts(&b, "모두 1,");
	joins_wrap(NULL, &b, 0, "000곳", 3);
	assert_string_equal(buf_cstr(&b), "모두 1,000곳");
	buf_reset(&b);
	buf_puts(&b, "친");
	joins_wrap(NULL, &b, 0, "환경", 3);
	assert_string_equal(buf_cstr(&b), "친환경");
	joins_wrap(NULL, &b, 1, "설비", 3);
	assert_string_equal(buf_cstr(&b), "친환경 설비");
	buf_free(&b);
}

/* A join the evidence leaves near zero is a note at its file:line, for
 * check -v. */
static void
test_undecided_note(void **state)
{
	const char *f = "가가 나나\n다다 라라\n";
	static const char want[] = "join undecided: 뷁뛣|쀍퓛, read "
	    "without a space";
	buf log = {0};

	(void)state;
	space(f, "우리 뷁뛣", "쀍퓛 바사");	/* word lists read once */
	msg_capture(&log);
	assert_int_equal(space(f, "우리 뷁뛣", "쀍퓛 바사"), 0);
	msg_capture(NULL);
	assert_non_null(memmem(log.ptr, log.len, want, sizeof(want) - 1));
	buf_free(&log);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_listed_name),
		cmocka_unit_test(test_particle_junction),
		cmocka_unit_test(test_closes),
		cmocka_unit_test(test_first_char),
		cmocka_unit_test(test_wrap_kept),
		cmocka_unit_test(test_undecided_note),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

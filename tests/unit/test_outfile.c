/* test_outfile.c: outputs written only when they change, and the
 * build stamp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "msg.h"
#include "outfile.h"
#include "util.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/test_outfile.XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	buf cmd = {0};
	int rc;

	(void)state;
	buf_printf(&cmd, "rm -rf '%s'", dir);
	rc = system(cmd.ptr);
	buf_free(&cmd);
	return rc == 0 ? 0 : -1;
}

static char *
in_dir(const char *name)
{
	buf b = {0};

	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b);
}

static void
test_fnv(void **state)
{
	(void)state;
	/* The published FNV-1a test vectors. */
	assert_true(fnv64(FNV64_INIT, "", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(fnv64(FNV64_INIT, "a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(fnv64(FNV64_INIT, "foobar", 6) ==
	    UINT64_C(0x85944171f73967e8));
}

static void
test_write_if_changed(void **state)
{
	char *p = in_dir("f.txt");
	struct stat a, b;

	(void)state;
	assert_int_equal(write_if_changed(p, "hello", 5), 1);
	assert_true(file_equals(p, "hello", 5));
	assert_false(file_equals(p, "hell", 4));
	assert_false(file_equals(p, "hellO", 5));
	assert_int_equal(stat(p, &a), 0);
	/* The same bytes: the file is left alone. */
	assert_int_equal(write_if_changed(p, "hello", 5), 0);
	assert_int_equal(stat(p, &b), 0);
	assert_true(a.st_ino == b.st_ino);
	assert_true(a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
	    a.st_mtim.tv_nsec == b.st_mtim.tv_nsec);
	/* Other bytes: a new file renamed in. */
	assert_int_equal(write_if_changed(p, "world!", 6), 1);
	assert_true(file_equals(p, "world!", 6));
	assert_int_equal(write_if_changed(p, "", 0), 1);
	assert_true(file_equals(p, "", 0));
	/* No temporary file is left behind (in this run's folder: other
	 * runs of the test may be going on beside it). */
	{
		buf cmd = {0};

		buf_printf(&cmd, "test $(ls '%s' | wc -l) = 1", dir);
		assert_int_equal(system(cmd.ptr), 0);
		buf_free(&cmd);
	}
	msg_verbosity(-1);
	assert_int_equal(write_if_changed("/nonexistent/dir/f", "x", 1), -1);
	free(p);
}

static void
test_write_keep(void **state)
{
	char *old = in_dir("old"), *new = in_dir("new");
	char *same = in_dir("old/a/same.html"), *same2 = in_dir("new/a/same.html");
	char *diff2 = in_dir("new/diff.html");
	struct stat a, b;

	(void)state;
	assert_int_equal(write_keep(NULL, old, "a/same.html", "<p>", 3), 1);
	assert_int_equal(write_keep(NULL, old, "diff.html", "<p>1", 4), 1);
	assert_int_equal(mkdir(new, 0777), 0);
	assert_int_equal(write_keep(old, new, "a/same.html", "<p>", 3), 0);
	assert_int_equal(write_keep(old, new, "diff.html", "<p>2", 4), 1);
	assert_int_equal(write_keep(old, new, "b/fresh.html", "<p>", 3), 1);
	assert_int_equal(stat(same, &a), 0);
	assert_int_equal(stat(same2, &b), 0);
	assert_true(a.st_ino == b.st_ino);
	assert_true(file_equals(diff2, "<p>2", 4));
	free(old), free(new), free(same), free(same2), free(diff2);
}

/* A brief is linked to the old one only when the bytes are the same:
 * the same size is not enough, and a missing old file is no match. */
static void
test_link_if_same(void **state)
{
	char *old = in_dir("lo"), *new = in_dir("ln");
	char *o = in_dir("lo/b.pdf"), *n = in_dir("ln/b.pdf");
	char *n2 = in_dir("ln/c.pdf");
	struct stat a, b;

	(void)state;
	assert_int_equal(mkdir(old, 0777), 0);
	assert_int_equal(mkdir(new, 0777), 0);
	assert_int_equal(write_if_changed(o, "%PDF-1", 6), 1);
	/* Same size, other bytes: kept as written. */
	assert_int_equal(write_if_changed(n, "%PDF-2", 6), 1);
	assert_int_equal(link_if_same(old, new, "b.pdf"), 0);
	assert_true(file_equals(n, "%PDF-2", 6));
	assert_true(file_equals(o, "%PDF-1", 6));
	/* Other size: kept. */
	assert_int_equal(write_if_changed(n, "%PDF-22", 7), 1);
	assert_int_equal(link_if_same(old, new, "b.pdf"), 0);
	assert_true(file_equals(n, "%PDF-22", 7));
	/* The same bytes: the old file linked in, its inode kept. */
	assert_int_equal(write_if_changed(n, "%PDF-1", 6), 1);
	assert_int_equal(link_if_same(old, new, "b.pdf"), 1);
	assert_int_equal(stat(o, &a), 0);
	assert_int_equal(stat(n, &b), 0);
	assert_true(a.st_ino == b.st_ino);
	/* No old file. */
	assert_int_equal(write_if_changed(n2, "%PDF-1", 6), 1);
	assert_int_equal(link_if_same(old, new, "c.pdf"), 0);
	assert_true(file_equals(n2, "%PDF-1", 6));
	free(old), free(new), free(o), free(n), free(n2);
}

static void
test_stamp(void **state)
{
	char *out = in_dir("out"), *pdf = in_dir("out/brief-001.pdf");
	char *extra = in_dir("out/extra.html");
	const char *fonts[] = { "/nonexistent/font.ttf" };
	uint64_t h = fnv64(FNV64_INIT, "input", 5);
	struct timespec t[2] = { { 1, 0 }, { 1, 0 } };

	(void)state;
	assert_int_equal(mkdir(out, 0777), 0);
	assert_false(stamp_fresh(out, h));
	assert_int_equal(write_if_changed(pdf, "%PDF", 4), 1);
	assert_int_equal(stamp_write(out, h, fonts, 1), 0);
	assert_true(stamp_fresh(out, h));
	assert_false(stamp_fresh(out, h + 1));
	/* An output gone: not fresh; back with other bytes or another
	 * date: still not. */
	assert_int_equal(unlink(pdf), 0);
	assert_false(stamp_fresh(out, h));
	assert_int_equal(write_if_changed(pdf, "%PDF", 4), 1);
	assert_false(stamp_fresh(out, h));
	assert_int_equal(stamp_write(out, h, fonts, 1), 0);
	assert_true(stamp_fresh(out, h));
	assert_int_equal(utimensat(AT_FDCWD, pdf, t, 0), 0);
	assert_false(stamp_fresh(out, h));
	assert_int_equal(stamp_write(out, h, fonts, 1), 0);
	assert_true(stamp_fresh(out, h));
	/* A file the build did not write: not fresh. */
	assert_int_equal(write_if_changed(extra, "x", 1), 1);
	assert_false(stamp_fresh(out, h));
	assert_int_equal(unlink(extra), 0);
	assert_true(stamp_fresh(out, h));
	stamp_clear(out);
	assert_false(stamp_fresh(out, h));
	free(out), free(pdf), free(extra);
}

static void
test_stamp_fonts(void **state)
{
	char *out = in_dir("fout"), *font = in_dir("font.ttf");
	const char *fonts[1];
	uint64_t h = 42;

	(void)state;
	fonts[0] = font;
	assert_int_equal(mkdir(out, 0777), 0);
	assert_int_equal(write_if_changed(font, "ttf1", 4), 1);
	assert_int_equal(stamp_write(out, h, fonts, 1), 0);
	assert_true(stamp_fresh(out, h));
	/* A font upgraded (another size): the briefs are stale. */
	assert_int_equal(write_if_changed(font, "ttf22", 5), 1);
	assert_false(stamp_fresh(out, h));
	free(out), free(font);
}

/* hash64: every byte counts, wherever it is (each of the four lanes,
 * the tail), and so does the order of the words. */
static void
test_hash64(void **state)
{
	unsigned char b[100];
	uint64_t h0, w;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(b); i++)
		b[i] = (unsigned char)(i * 7);
	h0 = hash64(FNV64_INIT, b, sizeof(b));
	assert_true(h0 == hash64(FNV64_INIT, b, sizeof(b)));
	assert_true(h0 != hash64(FNV64_INIT + 1, b, sizeof(b)));
	assert_true(h0 != hash64(FNV64_INIT, b, sizeof(b) - 1));
	for (i = 0; i < sizeof(b); i++) {
		b[i] ^= 0x10;
		assert_true(h0 != hash64(FNV64_INIT, b, sizeof(b)));
		b[i] ^= 0x10;
	}
	/* The first two words swapped (lanes 0 and 1), then put back. */
	memcpy(&w, b, 8);
	memmove(b, b + 8, 8);
	memcpy(b + 8, &w, 8);
	assert_true(h0 != hash64(FNV64_INIT, b, sizeof(b)));
	memcpy(&w, b, 8);
	memmove(b, b + 8, 8);
	memcpy(b + 8, &w, 8);
	assert_true(h0 == hash64(FNV64_INIT, b, sizeof(b)));
	/* Two blocks swapped: the same words in each lane, in turn. */
	for (i = 0; i < 32; i++) {
		unsigned char t = b[i];

		b[i] = b[32 + i];
		b[32 + i] = t;
	}
	assert_true(h0 != hash64(FNV64_INIT, b, sizeof(b)));
	assert_true(hash64(FNV64_INIT, "", 0) != hash64(FNV64_INIT, "\0", 1));
}

static void
test_hash_files(void **state)
{
	char *t = in_dir("tree"), *f = in_dir("tree/x"), *g = in_dir("tree/y");
	uint64_t h1, h2;

	(void)state;
	assert_int_equal(mkdir(t, 0777), 0);
	assert_int_equal(write_if_changed(f, "ab", 2), 1);
	assert_int_equal(write_if_changed(g, "c", 1), 1);
	h1 = hash_tree(FNV64_INIT, t);
	assert_true(h1 == hash_tree(FNV64_INIT, t));
	/* The same bytes cut elsewhere hash otherwise. */
	assert_int_equal(write_if_changed(f, "a", 1), 1);
	assert_int_equal(write_if_changed(g, "bc", 2), 1);
	h2 = hash_tree(FNV64_INIT, t);
	assert_true(h1 != h2);
	assert_true(hash_file(FNV64_INIT, f) !=
	    hash_file(FNV64_INIT, "/nonexistent"));
	free(t), free(f), free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv),
		cmocka_unit_test(test_write_if_changed),
		cmocka_unit_test(test_write_keep),
		cmocka_unit_test(test_link_if_same),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_stamp_fonts),
		cmocka_unit_test(test_hash64),
		cmocka_unit_test(test_hash_files),
	};

	return cmocka_run_group_tests_name("outfile", tests, setup, teardown);
}

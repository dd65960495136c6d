/* stderr_of.h: for the unit tests that check what is printed (include
 * after cmocka.h, stdio.h and unistd.h). */
#ifndef TEST_STDERR_OF_H
#define TEST_STDERR_OF_H

/* Runs f with standard error into a file; returns what it wrote. */
static char *
stderr_of(void (*f)(void))
{
	static char out[4096];
	char path[] = "/tmp/test_stderr.XXXXXX";
	int fd = mkstemp(path), saved = dup(STDERR_FILENO);
	ssize_t n;

	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, STDERR_FILENO);
	f();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = pread(fd, out, sizeof(out) - 1, 0);
	assert_true(n >= 0);
	out[n] = '\0';
	close(fd);
	unlink(path);
	return out;
}

#endif

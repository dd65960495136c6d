/* publish.c: the output folder replaced whole, in one step, by one build
 * at a time (see publish.h). */
#define _GNU_SOURCE	/* renameat2(), syncfs() (glibc 2.28 and later) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "publish.h"
#include "util.h"

int
remove_tree(const char *path)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		buf p = {0};

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		buf_printf(&p, "%s/%s", path, de->d_name);
		if (remove_tree(p.ptr) == -1)
			rc = -1;
		buf_free(&p);
	}
	closedir(d);
	if (rmdir(path) == -1)
		rc = -1;
	return rc;
}

/* Creates dir and its parents. */
static int
mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(p, 0777);
		*s = '/';
	}
	if (mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Splits the output folder into parent and name.  A symbolic link to a
 * folder is followed: the folder it names is replaced, the link kept. */
static int
locate(struct publish *p, const char *outdir)
{
	struct stat st;
	char real[PATH_MAX];
	char *d, *slash;
	ssize_t len;
	size_t n;
	int link = lstat(outdir, &st) == 0 && S_ISLNK(st.st_mode);

	if (link && realpath(outdir, real) != NULL)
		d = xstrdup(real);
	else if (link &&
	    (len = readlink(outdir, real, sizeof(real) - 1)) > 0) {
		/* A link to a folder not made yet: the first build. */
		buf b = {0};

		real[len] = '\0';
		if (real[0] != '/' && (slash = strrchr(outdir, '/')) != NULL)
			buf_printf(&b, "%.*s/", (int)(slash - outdir), outdir);
		buf_puts(&b, real);
		d = buf_detach(&b);
	} else
		d = xstrdup(outdir);
	for (n = strlen(d); n > 1 && d[n - 1] == '/'; n--)
		d[n - 1] = '\0';
	slash = strrchr(d, '/');
	p->base = xstrdup(slash ? slash + 1 : d);
	if (slash == d)
		p->parent = xstrdup("/");
	else
		p->parent = slash ? strndup(d, (size_t)(slash - d)) :
		    xstrdup(".");
	p->dir = d;
	if (p->base[0] == '\0' || strcmp(p->base, ".") == 0 ||
	    strcmp(p->base, "..") == 0) {
		msg(MSG_PUB_UNNAMED, outdir, 0, 0);
		return -1;
	}
	return 0;
}

/* What a crashed build left beside the output folder: a stage not yet
 * put in place, or an old output not yet removed.  Removed when remove
 * is set; returns how many there were. */
static int
leftovers(const struct publish *p, int remove)
{
	buf prefix = {0}, path = {0};
	struct dirent *de;
	DIR *d;
	int n = 0;

	if ((d = opendir(p->parent)) == NULL)
		return 0;
	buf_printf(&prefix, ".%s.new-", p->base);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix.ptr, prefix.len) != 0 ||
		    strlen(de->d_name) != prefix.len + 6)
			continue;
		n++;
		if (!remove)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", p->parent, de->d_name);
		msg(MSG_PUB_LEFTOVER, path.ptr, 0, 0);
		if (remove_tree(path.ptr) == -1)
			msg(MSG_SYS_REMOVE, path.ptr, 0, 0, strerror_safe());
	}
	closedir(d);
	buf_free(&prefix);
	buf_free(&path);
	return n;
}

int
publish_open(struct publish *p, const char *outdir)
{
	memset(p, 0, sizeof(*p));
	p->lockfd = -1;
	return locate(p, outdir) == -1 ? 1 : 0;
}

int
publish_untidy(const struct publish *p)
{
	return leftovers(p, 0) > 0;
}

int
publish_lock(struct publish *p)
{
	buf lock = {0};
	char pid[32];
	ssize_t n;

	if (mkdirs(p->parent) == -1) {
		msg(MSG_SYS_CREATE, p->parent, 0, 0, strerror_safe());
		return 1;
	}
	buf_printf(&lock, "%s/.%s.lock", p->parent, p->base);
	p->lockfd = open(lock.ptr, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (p->lockfd == -1) {
		msg(MSG_PUB_LOCK_CREATE, lock.ptr, 0, 0, strerror_safe());
		buf_free(&lock);
		return 1;
	}
	buf_free(&lock);
	if (flock(p->lockfd, LOCK_EX | LOCK_NB) == -1) {
		int busy = errno == EWOULDBLOCK;

		/* The holder wrote its process id in the lock. */
		n = busy ? pread(p->lockfd, pid, sizeof(pid) - 1, 0) : -1;
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		if (busy)
			msg(MSG_PUB_LOCKED, p->dir, 0, 0,
			    pid[0] ? pid : "unknown");
		else
			msg(MSG_PUB_LOCK, p->dir, 0, 0, strerror_safe());
		close(p->lockfd);
		p->lockfd = -1;
		return busy ? 2 : 1;
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(p->lockfd, 0) == -1 ||
	    pwrite(p->lockfd, pid, (size_t)n, 0) != n)
		msg(MSG_PUB_LOCK_PID, p->dir, 0, 0, strerror_safe());
	(void)leftovers(p, 1);
	return 0;
}

/* Whether a name in the output folder is one a build of digest writes
 * (or an older version left half way). */
static int
ours(const char *name)
{
	size_t n = strlen(name);

	if (strcmp(name, "site") == 0 || strcmp(name, ".digest-stamp") == 0)
		return 1;
	if (strncmp(name, "brief-", 6) == 0 && n > 10 &&
	    (strcmp(name + n - 4, ".pdf") == 0 ||
	    strcmp(name + n - 4, ".eml") == 0))
		return 1;
	return strncmp(name, "site.old-", 9) == 0 ||
	    strncmp(name, "site.tmp-", 9) == 0 || strstr(name, ".tmp-");
}

/* The output folder is replaced whole: anything else in it would be
 * lost, so a folder holding anything else is refused. */
static int
check_ours(const struct publish *p)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (lstat(p->dir, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode)) {
		msg(MSG_PUB_NOT_FOLDER, p->dir, 0, 0);
		return -1;
	}
	if ((d = opendir(p->dir)) == NULL) {
		msg(MSG_SYS_READ, p->dir, 0, 0, strerror_safe());
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 || ours(de->d_name))
			continue;
		msg(MSG_PUB_FOREIGN, p->dir, 0, 0, de->d_name);
		rc = -1;
	}
	closedir(d);
	return rc;
}

int
publish_begin(struct publish *p)
{
	buf stage = {0};
	mode_t mask;

	if (check_ours(p) == -1)
		return -1;
	buf_printf(&stage, "%s/.%s.new-XXXXXX", p->parent, p->base);
	if (mkdtemp(stage.ptr) == NULL) {
		msg(MSG_SYS_CREATE, stage.ptr, 0, 0, strerror_safe());
		buf_free(&stage);
		return -1;
	}
	/* mkdtemp() makes it private; the output is for reading. */
	mask = umask(0);
	umask(mask);
	(void)chmod(stage.ptr, 0777 & ~mask);
	p->stage = buf_detach(&stage);
	return 0;
}

/* Flushes the stage's files before their names go live, and the parent
 * folder after: a power cut then leaves one output or the other. */
static int
sync_path(const char *path, int whole_fs)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd == -1)
		return -1;
	rc = whole_fs ? syncfs(fd) : fsync(fd);
	close(fd);
	return rc;
}

void
publish_flush(struct publish *p)
{
	if (p->stage != NULL && sync_path(p->stage, 1) == -1 &&
	    p->flush_errno == 0)
		p->flush_errno = errno;
}

int
publish_commit(struct publish *p)
{
	struct stat st;
	int had = lstat(p->dir, &st) == 0, rc;

	if (p->flush_errno != 0 || sync_path(p->stage, 1) == -1) {
		if (p->flush_errno != 0)
			errno = p->flush_errno;
		msg(MSG_PUB_FLUSH, p->stage, 0, 0, strerror_safe());
		return -1;
	}
	if (had)
		rc = renameat2(AT_FDCWD, p->stage, AT_FDCWD, p->dir,
		    RENAME_EXCHANGE);
	else
		rc = renameat2(AT_FDCWD, p->stage, AT_FDCWD, p->dir,
		    RENAME_NOREPLACE);
	if (rc == -1) {
		msg(MSG_PUB_RENAME, p->dir, 0, 0, strerror_safe());
		return -1;
	}
	(void)sync_path(p->parent, 0);
	/* The stage's name now holds the old output, or nothing. */
	if (remove_tree(p->stage) == -1)
		msg(MSG_PUB_REMOVE_OLD, p->stage, 0, 0, strerror_safe());
	free(p->stage);
	p->stage = NULL;
	return 0;
}

void
publish_end(struct publish *p)
{
	if (p->stage != NULL && remove_tree(p->stage) == -1)
		msg(MSG_SYS_REMOVE, p->stage, 0, 0, strerror_safe());
	/* The lock names its holder only while held. */
	if (p->lockfd != -1) {
		(void)ftruncate(p->lockfd, 0);
		close(p->lockfd);
	}
	free(p->stage);
	free(p->dir);
	free(p->parent);
	free(p->base);
	memset(p, 0, sizeof(*p));
	p->lockfd = -1;
}

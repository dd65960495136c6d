/* outfile.c: outputs written only when they change, and the build
 * stamp. */
#define _GNU_SOURCE	/* sync_file_range() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "outfile.h"
#include "util.h"

#define STAMP_NAME	".digest-stamp"
#define STAMP_MAGIC	"digest-stamp 2"

int
file_equals(const char *path, const void *data, size_t len)
{
	struct stat st;
	char chunk[65536];
	const char *p = data;
	size_t off = 0;
	ssize_t n;
	int fd, same = 1;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size != (uintmax_t)len)
		return 0;
	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	while (same && (n = read(fd, chunk, sizeof(chunk))) > 0) {
		if (off + (size_t)n > len ||
		    memcmp(chunk, p + off, (size_t)n) != 0)
			same = 0;
		off += (size_t)n;
	}
	close(fd);
	return same && off == len;
}

/* Writes the whole of data to fd; -1 on error. */
static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

void
file_writeback(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd == -1)
		return;
	(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
	close(fd);
}

/* Creates path (which must not exist) holding data. */
static int
create_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);

	if (fd == -1)
		return -1;
	if (write_all(fd, data, len) == -1) {
		int e = errno;

		close(fd);
		unlink(path);
		errno = e;
		return -1;
	}
	return close(fd);
}

int
write_if_changed(const char *path, const void *data, size_t len)
{
	buf tmp = {0};
	int rc = 1;

	if (file_equals(path, data, len))
		return 0;
	/* The process id keeps parallel writers apart. */
	buf_printf(&tmp, "%s.tmp-%ld", path, (long)getpid());
	(void)unlink(tmp.ptr);
	if (create_file(tmp.ptr, data, len) == -1 ||
	    rename(tmp.ptr, path) == -1) {
		msg(MSG_SYS_WRITE, path, 0, 0, strerror_safe());
		(void)unlink(tmp.ptr);
		rc = -1;
	}
	buf_free(&tmp);
	return rc;
}

/* Creates the folders leading to path's last component. */
static void
make_parents(char *path)
{
	char *s;

	for (s = path + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		(void)mkdir(path, 0777);
		*s = '/';
	}
}

/* link(old, new) and create_file(path), making the folders leading to
 * the new file only when they are not there yet (made for every file,
 * a mkdir of every folder mostly failed). */
static int
link_making(const char *old, char *new)
{
	if (link(old, new) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	make_parents(new);
	return link(old, new);
}

static int
create_making(char *path, const void *data, size_t len)
{
	if (create_file(path, data, len) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	make_parents(path);
	return create_file(path, data, len);
}

int
write_keep(const char *olddir, const char *newdir, const char *rel,
    const void *data, size_t len)
{
	buf old = {0}, new = {0};
	int rc = 1;

	buf_printf(&new, "%s/%s", newdir, rel);
	if (olddir != NULL) {
		buf_printf(&old, "%s/%s", olddir, rel);
		if (file_equals(old.ptr, data, len) &&
		    link_making(old.ptr, new.ptr) == 0)
			rc = 0;
	}
	if (rc == 1 && create_making(new.ptr, data, len) == -1) {
		msg(MSG_SYS_WRITE, new.ptr, 0, 0, strerror_safe());
		rc = -1;
	}
	buf_free(&old);
	buf_free(&new);
	return rc;
}

uint64_t
fnv64(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

#define P1 UINT64_C(0x9E3779B185EBCA87)
#define P2 UINT64_C(0xC2B2AE3D27D4EB4F)

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* One word into one lane (xxHash64's round). */
static uint64_t
lane(uint64_t acc, uint64_t w)
{
	acc += w * P2;
	return rotl(acc, 31) * P1;
}

/* Murmur3's finaliser: every bit of h moves every bit of the result. */
static uint64_t
avalanche(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	return h ^ (h >> 33);
}

uint64_t
hash64(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v[4], w;
	size_t i;
	int k;

	/* Four independent lanes of 64-bit words: the build hashes every
	 * input (38 MB for ten years) and the program before it decides
	 * anything, and FNV-1a's byte at a time cost a quarter of a
	 * second of that. */
	v[0] = h + P1 + P2;
	v[1] = h + P2;
	v[2] = h;
	v[3] = h - P1;
	for (; len >= 32; p += 32, len -= 32)
		for (k = 0; k < 4; k++) {
			memcpy(&w, p + 8 * k, sizeof(w));
			v[k] = lane(v[k], w);
		}
	h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * UINT64_C(0x100000001b3);
	return avalanche(h);
}

uint64_t
hash_file(uint64_t h, const char *path)
{
	char chunk[65536];
	uint64_t total = 0;
	size_t n;
	FILE *f;

	h = hash64(h, path, strlen(path) + 1);
	if ((f = fopen(path, "rb")) == NULL)
		return hash64(h, "\0missing", 8);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		h = hash64(h, chunk, n);
		total += n;
	}
	fclose(f);
	/* The length ends the file: "ab"+"c" is not "a"+"bc". */
	return hash64(h, &total, sizeof(total));
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

uint64_t
hash_tree(uint64_t h, const char *dir)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i, cap = 0;

	if ((d = opendir(dir)) == NULL)
		return hash_file(h, dir);
	while ((de = readdir(d)) != NULL) {
		buf b = {0};

		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		buf_printf(&b, "%s/%s", dir, de->d_name);
		VEC_GROW(names, cap, n + 1);
		names[n++] = buf_detach(&b);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
			h = hash_tree(h, names[i]);
		else
			h = hash_file(h, names[i]);
		free(names[i]);
	}
	free(names);
	return h;
}

/* Whether a and b are regular files of one size. */
static int
same_size(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISREG(sa.st_mode) &&
	    S_ISREG(sb.st_mode) && sa.st_size == sb.st_size;
}

int
link_if_same(const char *olddir, const char *newdir, const char *rel)
{
	buf old = {0}, new = {0}, tmp = {0};
	size_t len;
	char *data = NULL;
	int rc = 0;

	buf_printf(&old, "%s/%s", olddir, rel);
	buf_printf(&new, "%s/%s", newdir, rel);
	buf_printf(&tmp, "%s.tmp-link", new.ptr);
	/* Read only when an old file of its size is there (from scratch,
	 * none is: a brief and its mail are not read back for nothing). */
	if (same_size(old.ptr, new.ptr) &&
	    (data = read_whole(new.ptr, &len)) != NULL &&
	    file_equals(old.ptr, data, len)) {
		(void)unlink(tmp.ptr);
		if (link(old.ptr, tmp.ptr) == 0 &&
		    rename(tmp.ptr, new.ptr) == 0)
			rc = 1;
		(void)unlink(tmp.ptr);
	}
	free(data);
	buf_free(&old);
	buf_free(&new);
	buf_free(&tmp);
	return rc;
}

/* The stamp vouches for the output it sits in: each file's name, size
 * and modification time (a file deleted, added or rewritten since makes
 * it stale), and each font file the briefs embedded (an upgraded font
 * rebuilds them). */
static void
stat_line(buf *b, const char *kind, const char *path, const char *name)
{
	struct stat st;

	if (stat(path, &st) == -1)
		buf_printf(b, "%s missing %s\n", kind, name);
	else
		buf_printf(b, "%s %jd %jd.%09ld %s\n", kind,
		    (intmax_t)st.st_size, (intmax_t)st.st_mtim.tv_sec,
		    (long)st.st_mtim.tv_nsec, name);
}

/* Every file under dir/rel but the stamp, in name order. */
static void
listing(buf *b, const char *dir, const char *rel)
{
	buf path = {0}, sub = {0};
	struct dirent *de;
	struct stat st;
	char **names = NULL;
	size_t n = 0, i, cap = 0;
	DIR *d;

	buf_printf(&path, "%s%s%s", dir, *rel ? "/" : "", rel);
	if ((d = opendir(path.ptr)) == NULL) {
		buf_printf(b, "unreadable %s\n", rel);
		buf_free(&path);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    (*rel == '\0' && strcmp(de->d_name, STAMP_NAME) == 0))
			continue;
		VEC_GROW(names, cap, n + 1);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++) {
		buf_reset(&sub);
		buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, sub.ptr);
		if (lstat(path.ptr, &st) == 0 && S_ISDIR(st.st_mode))
			listing(b, dir, sub.ptr);
		else
			stat_line(b, "file", path.ptr, sub.ptr);
		free(names[i]);
	}
	free(names);
	buf_free(&path);
	buf_free(&sub);
}

static void
stamp_path(const char *outdir, buf *b)
{
	buf_printf(b, "%s/%s", outdir, STAMP_NAME);
}

int
stamp_fresh(const char *outdir, uint64_t hash)
{
	buf path = {0}, want = {0};
	size_t len;
	char *s, *line, *next, *name;
	int fresh;

	stamp_path(outdir, &path);
	s = read_whole(path.ptr, &len);
	buf_printf(&want, "%s %016" PRIx64 "\n", STAMP_MAGIC, hash);
	fresh = s != NULL && strlen(s) == len && len >= want.len &&
	    memcmp(s, want.ptr, want.len) == 0;
	/* The fonts as they are now, then the files as they are now: the
	 * stamp must say exactly that. */
	for (line = fresh ? s + want.len : NULL;
	    fresh && str_starts(line, "font "); line = next + 1) {
		if ((next = strchr(line, '\n')) == NULL)
			break;
		if ((name = strchr(line + 5, ' ')) != NULL &&
		    strncmp(line + 5, "missing", 7) != 0)
			name = strchr(name + 1, ' ');
		if (name == NULL || name > next)
			fresh = 0;
		else {
			char *font = strndup(name + 1,
			    (size_t)(next - name - 1));

			stat_line(&want, "font", font, font);
			free(font);
		}
	}
	if (fresh) {
		listing(&want, outdir, "");
		fresh = want.len == len && memcmp(want.ptr, s, len) == 0;
	}
	free(s);
	buf_free(&path);
	buf_free(&want);
	return fresh;
}

int
stamp_write(const char *outdir, uint64_t hash, const char *const *fonts,
    size_t nfonts)
{
	buf path = {0}, b = {0};
	size_t i;
	int rc;

	stamp_path(outdir, &path);
	buf_printf(&b, "%s %016" PRIx64 "\n", STAMP_MAGIC, hash);
	for (i = 0; i < nfonts; i++)
		if (strchr(fonts[i], '\n') == NULL)
			stat_line(&b, "font", fonts[i], fonts[i]);
	listing(&b, outdir, "");
	rc = write_if_changed(path.ptr, b.ptr, b.len) == -1 ? -1 : 0;
	buf_free(&path);
	buf_free(&b);
	return rc;
}

void
stamp_clear(const char *outdir)
{
	buf path = {0};

	stamp_path(outdir, &path);
	(void)unlink(path.ptr);
	buf_free(&path);
}

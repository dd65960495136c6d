/* summary.c: what a build did, in a few lines an editor reads at the
 * end of a run. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "msg.h"
#include "summary.h"

struct outfile {
	char		*rel;
	dev_t		 dev;
	ino_t		 ino;
	struct timespec	 mtime;
};

static void
scan(struct outscan *s, buf *path, size_t root)
{
	DIR *dir;
	struct dirent *de;
	struct stat st;
	size_t len = path->len;

	if ((dir = opendir(path->ptr)) == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path->len = len;
		buf_printf(path, "/%s", de->d_name);
		if (lstat(path->ptr, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode)) {
			scan(s, path, root);
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		VEC_GROW(s->f, s->cap, s->n + 1);
		s->f[s->n].rel = xstrdup(path->ptr + root);
		s->f[s->n].dev = st.st_dev;
		s->f[s->n].ino = st.st_ino;
		s->f[s->n].mtime = st.st_mtim;
		s->n++;
	}
	closedir(dir);
	path->len = len;
	path->ptr[len] = '\0';
}

void
outscan_take(struct outscan *s, const char *outdir)
{
	buf path = {0};

	memset(s, 0, sizeof(*s));
	buf_puts(&path, outdir);
	scan(s, &path, path.len);
	buf_free(&path);
}

void
outscan_count(const struct outscan *before, const char *outdir,
    size_t *written, size_t *kept)
{
	struct outscan now;
	size_t i, j;

	*written = *kept = 0;
	outscan_take(&now, outdir);
	for (i = 0; i < now.n; i++) {
		const struct outfile *f = &now.f[i];

		/* A few hundred files: a plain search will do. */
		for (j = 0; j < before->n; j++)
			if (strcmp(before->f[j].rel, f->rel) == 0)
				break;
		if (j < before->n && before->f[j].dev == f->dev &&
		    before->f[j].ino == f->ino &&
		    before->f[j].mtime.tv_sec == f->mtime.tv_sec &&
		    before->f[j].mtime.tv_nsec == f->mtime.tv_nsec)
			(*kept)++;
		else
			(*written)++;
	}
	outscan_free(&now);
}

void
outscan_free(struct outscan *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->f[i].rel);
	free(s->f);
	memset(s, 0, sizeof(*s));
}

void
summary_count(size_t *counts, const struct item *it)
{
	if (it->merged)
		return;
	if (it->section >= 0 && it->section < TAXON_MAX)
		counts[it->section]++;
	else
		counts[TAXON_MAX]++;
}

void
summary_sections(buf *b, const struct config *c, const size_t *counts)
{
	size_t i, all = counts[TAXON_MAX];
	const char *sep = "";

	for (i = 0; i < c->nsections; i++)
		all += counts[i];
	buf_printf(b, "%zu (", all);
	for (i = 0; i < c->nsections; i++, sep = ", ")
		buf_printf(b, "%s%s %zu", sep, c->sections[i].id, counts[i]);
	if (counts[TAXON_MAX])
		buf_printf(b, "%sno section %zu", sep, counts[TAXON_MAX]);
	buf_putc(b, ')');
}

void
summary_build(const struct config *c, const struct issue *iss, size_t n,
    const struct issue *latest, const char *outdir,
    const struct outscan *before, int warnings)
{
	size_t counts[TAXON_MAX + 1] = {0}, i, j, written, kept;
	char first[16], last[16];
	buf nums = {0}, items = {0};

	if (msg_quiet())
		return;
	for (i = 0; i < n; i++)
		for (j = 0; j < iss[i].n; j++)
			summary_count(counts, iss[i].items[j]);
	outscan_count(before, outdir, &written, &kept);
	date_iso(latest->first, first);
	date_iso(latest->last, last);
	/* Every number while they fit on a line, else the range. */
	if (n <= 8)
		for (i = 0; i < n; i++)
			buf_printf(&nums, "%s%d", i ? ", " : "", iss[i].number);
	else
		buf_printf(&nums, "%d to %d", iss[0].number, iss[n - 1].number);
	summary_sections(&items, c, counts);
	msg(MSG_BUILD_SUMMARY, NULL, 0, 0, n, n == 1 ? "" : "s", nums.ptr,
	    latest->number, first, last, items.ptr, written, kept, outdir,
	    warnings, outdir);
	buf_free(&nums);
	buf_free(&items);
}

/* pdf_font_find.c: the files of the brief's faces: fontconfig's answer
 * for a family named in digest.conf (or a path given there), the files
 * mapped once per process, the list of those embedded for the build
 * stamp, and the look-up done ahead in a thread while the inputs are
 * read. */
#include "pdf_font_slot.h"

#include <ctype.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>

#include "render.h"

/* Does the comma-separated family list name family (case and spaces
 * ignored)? */
static int
family_has(const char *list, const char *family, size_t flen)
{
	while (*list) {
		const char *end = strchr(list, ',');
		size_t i = 0, j = 0, n = end ? (size_t)(end - list) :
		    strlen(list);

		for (;;) {
			while (i < n && list[i] == ' ')
				i++;
			while (j < flen && family[j] == ' ')
				j++;
			if (i == n || j == flen)
				break;
			if (tolower((unsigned char)list[i]) !=
			    tolower((unsigned char)family[j]))
				break;
			i++, j++;
		}
		if (i == n && j == flen)
			return 1;
		if (end == NULL)
			break;
		list = end + 1;
	}
	return 0;
}

/* Does the family list fontconfig answered name one of the families
 * asked for, pattern[0..plen) ("Liberation Sans,DejaVu Sans")? */
static int
families_match(const char *list, const char *pattern, size_t plen)
{
	size_t i = 0;

	while (i < plen) {
		size_t n = strcspn(pattern + i, ",");

		if (n > plen - i)
			n = plen - i;
		if (family_has(list, pattern + i, n))
			return 1;
		i += n + 1;
	}
	return 0;
}

/* What fontconfig answers for a pattern, the way fc-match -f
 * '%{file}\n%{family}' would: the file of the best match and its
 * families, comma-separated.  In this process (a child per face cost a
 * brief more than its layout): fontconfig reads its configuration and
 * cache once, at the first look-up, and each pattern is looked up once
 * (answers kept in fc_known).  Returns NULL when it cannot. */
static int fc_ready;

struct fc_answer {
	char	*value, *file, *families;
};

static struct fc_answer *fc_known;
static size_t nfc_known, fc_known_cap;

/* The prefetch thread and a brief may both look up and map fonts:
 * fc_lock guards fc_ready, fc_known and font_cache; fontconfig itself
 * may be asked from two threads.  fc_starting: the prefetch thread is
 * starting fontconfig (fc_started is signalled when it is done). */
static pthread_mutex_t fc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fc_started = PTHREAD_COND_INITIALIZER;
static int fc_starting;

/* Starts fontconfig unless it is: waits for the prefetch thread's
 * start; returns 0, or -1 when it cannot. */
static int
fc_start(void)
{
	int ok;

	pthread_mutex_lock(&fc_lock);
	while (fc_starting)
		pthread_cond_wait(&fc_started, &fc_lock);
	if (!fc_ready && FcInit())
		fc_ready = 1;
	ok = fc_ready;
	pthread_mutex_unlock(&fc_lock);
	return ok ? 0 : -1;
}

static char *
fc_ask(const char *value, char **families)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *s;
	buf fam = {0};
	char *file = NULL;
	int i;

	if (fc_start() == -1)
		return NULL;
	if ((pat = FcNameParse((const FcChar8 *)value)) == NULL)
		return NULL;
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (match == NULL)
		return NULL;
	if (FcPatternGetString(match, FC_FILE, 0, &s) == FcResultMatch)
		file = xstrdup((const char *)s);
	for (i = 0; FcPatternGetString(match, FC_FAMILY, i, &s) ==
	    FcResultMatch; i++)
		buf_printf(&fam, "%s%s", i ? "," : "", (const char *)s);
	FcPatternDestroy(match);
	if (fam.ptr == NULL)
		buf_puts(&fam, "");
	*families = buf_detach(&fam);
	if (file == NULL)
		free(*families);
	return file;
}

/* The answer known for value, or NULL; with fc_lock held. */
static const struct fc_answer *
fc_known_answer(const char *value)
{
	size_t i;

	for (i = 0; i < nfc_known; i++)
		if (strcmp(fc_known[i].value, value) == 0)
			return &fc_known[i];
	return NULL;
}

/* Asked without the lock: two threads may ask the same at once, and
 * the first answer is kept (fontconfig answers the same). */
static char *
fc_lookup(const char *value, char **families)
{
	const struct fc_answer *k;
	struct fc_answer *a;
	char *file = NULL, *fam;

	pthread_mutex_lock(&fc_lock);
	if ((k = fc_known_answer(value)) != NULL) {
		*families = xstrdup(k->families);
		file = xstrdup(k->file);
	}
	pthread_mutex_unlock(&fc_lock);
	if (file != NULL)
		return file;
	if ((file = fc_ask(value, &fam)) == NULL)
		return NULL;
	pthread_mutex_lock(&fc_lock);
	if ((k = fc_known_answer(value)) == NULL) {
		VEC_GROW(fc_known, fc_known_cap, nfc_known + 1);
		a = &fc_known[nfc_known++];
		a->value = xstrdup(value);
		a->file = file;
		a->families = fam;
		k = a;
	} else {
		free(file);
		free(fam);
	}
	*families = xstrdup(k->families);
	file = xstrdup(k->file);
	pthread_mutex_unlock(&fc_lock);
	return file;
}

/* The file of a font named in digest.conf: a path, or a fontconfig
 * pattern whose family must be installed (fontconfig always answers
 * something).  Returns NULL after reporting. */
char *
pdf_font_file(const struct config *cfg, const char *key, const char *value,
    enum msg_level level)
{
	char *file, *families;
	size_t flen;

	if (value == NULL || *value == '\0') {
		msg_at(level, MSG_PDF_FONT_NONE, cfg->path, 0, 0, key);
		return NULL;
	}
	if (strchr(value, '/') != NULL) {
		buf p = {0};

		/* Relative to the configuration's folder. */
		if (access(config_path(cfg, value, &p), R_OK) == -1) {
			msg_at(level, MSG_PDF_FONT_FILE, cfg->path, 0, 0, key,
			    p.ptr, strerror_safe());
			buf_free(&p);
			return NULL;
		}
		return buf_detach(&p);
	}
	if ((file = fc_lookup(value, &families)) == NULL) {
		msg_at(level, MSG_PDF_FONT_NOT_FOUND, cfg->path, 0, 0, key,
		    value);
		return NULL;
	}
	flen = strcspn(value, ":");
	if (*file == '\0' || !families_match(families, value, flen)) {
		msg_at(level, MSG_PDF_FONT_NOT_INSTALLED, cfg->path, 0, 0, key,
		    (int)flen, value, families);
		free(file);
		free(families);
		return NULL;
	}
	free(families);
	return file;
}

/* The font files this process embedded, each once: the build stamp
 * records them, so that an upgraded font rebuilds the briefs. */
static struct {
	char	**v;
	size_t	  n, cap;
} embedded;

void
pdf_font_note_embedded(const char *file)
{
	size_t i;

	for (i = 0; i < embedded.n; i++)
		if (strcmp(embedded.v[i], file) == 0)
			return;
	VEC_GROW(embedded.v, embedded.cap, embedded.n + 1);
	embedded.v[embedded.n++] = xstrdup(file);
}

const char *const *
pdf_fonts_used(size_t *n)
{
	*n = embedded.n;
	return (const char *const *)embedded.v;
}

/* The bytes of each font file, mapped once per process: every brief of
 * a run, and both passes of each, embed from them, and only the pages of
 * the glyphs and tables used are ever read. */
struct font_bytes {
	char		*path;
	unsigned char	*data;
	size_t		 len;
};

static struct font_bytes *font_cache;
static size_t nfont_cache, font_cache_cap;

void
pdf_font_cleanup(void)
{
	size_t i;

	pdf_font_prefetch_wait();
	pdf_ready_free();
	for (i = 0; i < nfont_cache; i++) {
		free(font_cache[i].path);
		munmap(font_cache[i].data, font_cache[i].len);
	}
	free(font_cache);
	font_cache = NULL;
	nfont_cache = font_cache_cap = 0;
	for (i = 0; i < nfc_known; i++) {
		free(fc_known[i].value);
		free(fc_known[i].file);
		free(fc_known[i].families);
	}
	free(fc_known);
	fc_known = NULL;
	nfc_known = fc_known_cap = 0;
	if (fc_ready)
		FcFini();
	fc_ready = 0;
}

/* Looks the faces up and maps their files in a thread while the inputs
 * are read (fontconfig's start is a good part of a brief's time); joined
 * by pdf_font_prefetch_wait before any brief, and before a fork.  The
 * thread may start before the configuration is read
 * (pdf_font_prefetch_start): it then starts fontconfig and waits to be
 * given the faces to look up (pdf_font_prefetch), or told there are
 * none (pdf_font_prefetch_wait). */
struct prefetch {
	pthread_t	 thread;
	int		 running;
	pthread_mutex_t	 lock;
	pthread_cond_t	 given;
	int		 told;	/* cfg set, or NULL for nothing to do */
	const struct config *cfg;
	void		*(*job)(void *);	/* pdf_font_prefetch_then's */
	void		*job_arg;
	int		 job_state;	/* 0 not yet, 1 given, 2 none will be,
					 * 3 taken */
};

static struct prefetch prefetching = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.given = PTHREAD_COND_INITIALIZER,
};

/* Runs the job given to the thread, if any; with wait, waits until one
 * is given or none will be.  Returns whether it ran one. */
static int
job_run(int wait)
{
	void *(*fn)(void *) = NULL;
	void *arg = NULL;

	pthread_mutex_lock(&prefetching.lock);
	while (wait && prefetching.job_state == 0)
		pthread_cond_wait(&prefetching.given, &prefetching.lock);
	if (prefetching.job_state == 1) {
		fn = prefetching.job;
		arg = prefetching.job_arg;
		prefetching.job_state = 3;
	}
	pthread_mutex_unlock(&prefetching.lock);
	if (fn == NULL)
		return 0;
	(void)fn(arg);
	return 1;
}

static void *
prefetch_run(void *arg)
{
	const struct config *cfg = arg;
	const char *faces[4];
	size_t i, len;

	if (cfg == NULL) {
		int ok = FcInit();

		pthread_mutex_lock(&fc_lock);
		if (ok)
			fc_ready = 1;
		fc_starting = 0;
		pthread_cond_broadcast(&fc_started);
		pthread_mutex_unlock(&fc_lock);
		pthread_mutex_lock(&prefetching.lock);
		while (!prefetching.told)
			pthread_cond_wait(&prefetching.given,
			    &prefetching.lock);
		cfg = prefetching.cfg;
		pthread_mutex_unlock(&prefetching.lock);
		if (cfg == NULL)
			return NULL;
	}
	faces[0] = cfg->pdf.font;
	faces[1] = cfg->pdf.font_bold;
	faces[2] = cfg->pdf.font_fallback;
	faces[3] = cfg->pdf.font_fallback_bold;
	/* The first brief's document as soon as its two faces are found:
	 * the fallbacks, loaded only when a character needs them, after. */
	for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
		const char *v = faces[i];
		char *file = NULL, *fam = NULL;

		/* Then the job (the brief), if it is given by now. */
		if (i == 2) {
			pdf_ready_make(cfg);
			if (job_run(0))
				return NULL;
		}
		if (v == NULL || *v == '\0')
			continue;
		if (strchr(v, '/') != NULL)
			file = xstrdup(v);
		else if ((file = fc_lookup(v, &fam)) == NULL)
			continue;
		(void)pdf_font_bytes(file, &len);
		free(file);
		free(fam);
	}
	(void)job_run(1);
	return NULL;
}

static void
prefetch_tell(const struct config *cfg)
{
	pthread_mutex_lock(&prefetching.lock);
	if (!prefetching.told) {
		prefetching.cfg = cfg;
		prefetching.told = 1;
		pthread_cond_broadcast(&prefetching.given);
	}
	pthread_mutex_unlock(&prefetching.lock);
}

int
pdf_font_prefetch_then(void *(*fn)(void *), void *arg)
{
	int rc = -1;

	pthread_mutex_lock(&prefetching.lock);
	if (prefetching.running && prefetching.told &&
	    prefetching.cfg != NULL && prefetching.job_state == 0) {
		prefetching.job = fn;
		prefetching.job_arg = arg;
		prefetching.job_state = 1;
		pthread_cond_broadcast(&prefetching.given);
		rc = 0;
	}
	pthread_mutex_unlock(&prefetching.lock);
	return rc;
}

void
pdf_font_prefetch_start(void)
{
	if (prefetching.running)
		return;
	prefetching.told = 0;
	prefetching.cfg = NULL;
	prefetching.job_state = 0;
	if (fc_ready)
		return;
	fc_starting = 1;
	if (pthread_create(&prefetching.thread, NULL, prefetch_run,
	    NULL) == 0)
		prefetching.running = 1;
	else
		fc_starting = 0;
}

void
pdf_font_prefetch(const struct config *cfg, int ahead)
{
	if (prefetching.running) {
		if (ahead)
			pdf_ready_want();
		prefetch_tell(cfg);
		return;
	}
	prefetching.told = 1;
	prefetching.cfg = cfg;
	prefetching.job_state = 0;
	if (ahead)
		pdf_ready_want();
	if (pthread_create(&prefetching.thread, NULL, prefetch_run,
	    (void *)cfg) == 0)
		prefetching.running = 1;
	else
		pdf_ready_make(cfg);
}

void
pdf_font_prefetch_wait(void)
{
	if (!prefetching.running ||
	    pthread_equal(pthread_self(), prefetching.thread))
		return;
	prefetch_tell(NULL);
	pthread_mutex_lock(&prefetching.lock);
	if (prefetching.job_state == 0)
		prefetching.job_state = 2;
	pthread_cond_broadcast(&prefetching.given);
	pthread_mutex_unlock(&prefetching.lock);
	pthread_join(prefetching.thread, NULL);
	prefetching.running = 0;
}

/* The mapped file of path, or NULL; with fc_lock held. */
static struct font_bytes *
font_known(const char *path)
{
	size_t i;

	for (i = 0; i < nfont_cache; i++)
		if (strcmp(font_cache[i].path, path) == 0)
			return &font_cache[i];
	return NULL;
}

/* The bytes of the font file path, NULL if it cannot be mapped (the
 * caller then lets libharu read it as before). */
const unsigned char *
pdf_font_bytes(const char *path, size_t *len)
{
	struct font_bytes *fb;
	struct stat st;
	void *data;
	int fd;

	pthread_mutex_lock(&fc_lock);
	if ((fb = font_known(path)) != NULL) {
		*len = fb->len;
		data = fb->data;
	}
	pthread_mutex_unlock(&fc_lock);
	if (fb != NULL)
		return data;
	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
	    (data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	close(fd);
	/* Mapped by the other thread meanwhile: its mapping is kept. */
	pthread_mutex_lock(&fc_lock);
	if ((fb = font_known(path)) != NULL)
		munmap(data, (size_t)st.st_size);
	else {
		VEC_GROW(font_cache, font_cache_cap, nfont_cache + 1);
		fb = &font_cache[nfont_cache++];
		fb->path = xstrdup(path);
		fb->len = (size_t)st.st_size;
		fb->data = data;
	}
	*len = fb->len;
	data = fb->data;
	pthread_mutex_unlock(&fc_lock);
	return data;
}

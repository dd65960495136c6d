/* names.c: the name lists, read once into one open-addressing hash
 * table keyed by kind and normalised name.  A word is looked up whole,
 * then by its prefixes and suffixes at each character boundary: a few
 * dozen hash probes for a long word, whatever the size of the lists.
 * The table holds the entries' numbers (four bytes a slot); the entries
 * lie in the order read, each with its key's hash: the table grows by
 * moving numbers, and a probe compares hashes before keys. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "msg.h"
#include "names.h"
#include "outfile.h"

struct name_entry {
	char		*key;		/* kind byte + normalised name */
	size_t		 klen;
	uint64_t	 hash;		/* of key */
	int		 org;
	int		 kind;
	const char	*body;		/* the entry's body, as written */
	const char	*file;
	int		 line;
};

struct name_list {
	char		*name;		/* "local-basic" */
	char		*path;
	long		 bodies;
};

struct names {
	struct arena	 arena;
	struct name_entry	*ents;		/* n, in the order read */
	size_t		 n, cap;
	uint32_t	*slot;		/* entry + 1, 0 empty; size a power
					 * of two */
	size_t		 size;
	struct name_list	*lists;
	size_t		 nlists, listcap;
	size_t		 maxkey;	/* longest name, for the probes */
};

static const char kind_mark[] = { '=', '>', '<' };

/* Appends text[0..len) without white space, ASCII letters folded. */
static void
norm(buf *b, const char *s, size_t len)
{
	size_t i;
	char *o;

	buf_grow(b, len);
	o = b->ptr + b->len;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t')
			continue;
		*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	b->len = (size_t)(o - b->ptr);
	b->ptr[b->len] = '\0';
}

static uint64_t
hash(const char *k, size_t len)
{
	return fnv64(FNV64_INIT, k, len);
}

/* The entry of key k (hash h), or NULL. */
static struct name_entry *
find_hashed(const struct names *nm, const char *k, size_t len, uint64_t h)
{
	size_t i;

	if (nm->size == 0)
		return NULL;
	for (i = h & (nm->size - 1); nm->slot[i] != 0;
	    i = (i + 1) & (nm->size - 1)) {
		struct name_entry *e = &nm->ents[nm->slot[i] - 1];

		if (e->hash == h && e->klen == len &&
		    memcmp(e->key, k, len) == 0)
			return e;
	}
	return NULL;
}

static struct name_entry *
find(const struct names *nm, const char *k, size_t len)
{
	return find_hashed(nm, k, len, hash(k, len));
}

/* Puts entry number i (0-based) in its slot. */
static void
place(struct names *nm, size_t i)
{
	size_t j;

	for (j = nm->ents[i].hash & (nm->size - 1); nm->slot[j] != 0;
	    j = (j + 1) & (nm->size - 1))
		;
	nm->slot[j] = (uint32_t)(i + 1);
}

static void
grow(struct names *nm)
{
	size_t i;

	free(nm->slot);
	nm->size = nm->size ? nm->size * 2 : 1024;
	nm->slot = xcalloc(nm->size, sizeof(*nm->slot));
	for (i = 0; i < nm->n; i++)
		place(nm, i);
}

/* Adds one name; a name given twice keeps its first entry, and says so
 * when the two give different types. */
static void
add(struct names *nm, const char *name, size_t len, int kind,
    const struct name_entry *e, const struct config *c)
{
	buf k = {0};
	struct name_entry *was;
	uint64_t h;

	buf_putc(&k, kind_mark[kind]);
	norm(&k, name, len);
	if (k.len < 2) {
		buf_free(&k);
		return;
	}
	h = hash(k.ptr, k.len);
	if ((was = find_hashed(nm, k.ptr, k.len, h)) != NULL) {
		if (was->org != e->org)
			msg(MSG_NAMES_TWICE, e->file, e->line, 0, (int)len,
			    name, c->orgs[was->org].id, was->file, was->line);
		buf_free(&k);
		return;
	}
	if ((nm->n + 1) * 2 > nm->size)
		grow(nm);
	VEC_GROW(nm->ents, nm->cap, nm->n + 1);
	nm->ents[nm->n] = *e;
	nm->ents[nm->n].kind = kind;
	nm->ents[nm->n].klen = k.len;
	nm->ents[nm->n].hash = h;
	nm->ents[nm->n].key = arena_strndup(&nm->arena, k.ptr, k.len);
	if (k.len - 1 > nm->maxkey)
		nm->maxkey = k.len - 1;
	place(nm, nm->n++);
	buf_free(&k);
}

/* One line of a list: "# comment", a body at the margin, an alias
 * indented under it; "NAME*" also starts longer words, "*END" ends
 * them. */
static void
read_line(struct names *nm, char *s, struct name_entry *e, int indented,
    const struct config *c, struct name_list *l)
{
	size_t len;
	int kind = NAME_EXACT;

	if ((len = strlen(s)) == 0 || s[0] == '#')
		return;
	if (!indented) {
		e->body = arena_strdup(&nm->arena, s);
		l->bodies++;
	} else if (e->body == NULL) {
		msg(MSG_NAMES_ALIAS_FIRST, e->file, e->line, 0);
		e->body = arena_strdup(&nm->arena, s);
		l->bodies++;
	}
	if (s[len - 1] == '*') {
		kind = NAME_PREFIX;
		s[--len] = '\0';
	} else if (s[0] == '*') {
		kind = NAME_SUFFIX;
		s++;
		len--;
	}
	if (len == 0) {
		msg(MSG_NAMES_EMPTY, e->file, e->line, 0);
		return;
	}
	add(nm, s, len, kind, e, c);
	/* A prefix name is a whole word too. */
	if (kind == NAME_PREFIX)
		add(nm, s, len, NAME_EXACT, e, c);
}

static int
read_list(struct names *nm, struct name_list *l, int org,
    const struct config *c)
{
	size_t len;
	char *text = read_whole(l->path, &len), *s, *nl;
	struct name_entry e;

	if (text == NULL) {
		msg(MSG_NAMES_READ, l->path, 0, 0, strerror_safe());
		return -1;
	}
	memset(&e, 0, sizeof(e));
	e.org = org;
	e.file = l->path;
	for (s = text; *s != '\0'; s = nl) {
		int indented = *s == ' ' || *s == '\t';

		if ((nl = strchr(s, '\n')) != NULL)
			*nl++ = '\0';
		else
			nl = s + strlen(s);
		e.line++;
		read_line(nm, str_trim(s), &e, indented, c, l);
	}
	free(text);
	return 0;
}

const char *
names_dir(const struct config *c, buf *b)
{
	const char *d = c->names.dir;

	return d != NULL ? config_path(c, d, b) : NULL;
}

/* [names] lists: "FILE:ORG ..." (FILE without .txt). */
struct names *
names_load(const struct config *c)
{
	struct names *nm = xcalloc(1, sizeof(*nm));
	const char *v = c->names.lists;
	buf dir = {0}, tok = {0};
	struct stat st;
	int bad = 0;

	if (v == NULL || names_dir(c, &dir) == NULL) {
		buf_free(&dir);
		return nm;
	}
	/* A configuration copied away from its lists still classifies,
	 * by the cues alone, and says so; a list missing from the folder
	 * is an error. */
	if (stat(dir.ptr, &st) == -1 || !S_ISDIR(st.st_mode)) {
		msg(MSG_NAMES_NO_DIR, c->path, 0, 0, dir.ptr);
		buf_free(&dir);
		return nm;
	}
	while (*v != '\0') {
		size_t n = strcspn(v, " \t\n");
		const char *colon = memchr(v, ':', n);
		int org;

		if (n == 0) {
			v++;
			continue;
		}
		buf_reset(&tok);
		if (colon != NULL)
			buf_put(&tok, colon + 1, (size_t)(v + n - colon - 1));
		if (colon == NULL || (org = config_org_index(c,
		    buf_cstr(&tok))) < 0) {
			msg(MSG_NAMES_LIST, c->path, 0, 0, (int)n, v);
			bad = 1;
		} else {
			struct name_list *l;

			VEC_GROW(nm->lists, nm->listcap, nm->nlists + 1);
			l = &nm->lists[nm->nlists++];
			memset(l, 0, sizeof(*l));
			l->name = arena_strndup(&nm->arena, v,
			    (size_t)(colon - v));
			buf_reset(&tok);
			buf_printf(&tok, "%s/%s.txt", dir.ptr, l->name);
			l->path = arena_strdup(&nm->arena, tok.ptr);
			if (read_list(nm, l, org, c) == -1)
				bad = 1;
		}
		v += n;
	}
	buf_free(&dir);
	buf_free(&tok);
	if (bad) {
		names_free(nm);
		return NULL;
	}
	return nm;
}

void
names_free(struct names *nm)
{
	if (nm == NULL)
		return;
	free(nm->slot);
	free(nm->ents);
	free(nm->lists);
	arena_free(&nm->arena);
	free(nm);
}

long
names_bodies(const struct names *nm, const char *list)
{
	size_t i;

	for (i = 0; i < nm->nlists; i++)
		if (strcmp(nm->lists[i].name, list) == 0)
			return nm->lists[i].bodies;
	return -1;
}

static int
hit(const struct name_entry *e, size_t len, struct name_hit *h)
{
	h->org = e->org;
	h->kind = e->kind;
	h->len = len;
	h->entry = e->body;
	h->file = e->file;
	h->line = e->line;
	return 1;
}

/* Is byte i of s the start of a character? */
static int
boundary(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* Does a name go on in s (a letter, a digit), rather than end at
 * punctuation ("구글·메타" is two names, not one that starts 구글)? */
static int
word_goes_on(const char *s, size_t len)
{
	size_t adv;
	int cp = utf8_decode(s, len, &adv);

	return cp >= 0 && (is_hangul(cp) || (cp < 128 && (isalnum(cp) ||
	    cp == '&')) || cp > 0x3000);
}

int
names_lookup(const struct names *nm, const char *word, size_t len,
    struct name_hit *h)
{
	buf k = {0};
	const struct name_entry *e, *best = NULL;
	size_t i, n, blen = 0;

	if (nm == NULL || nm->n == 0)
		return 0;
	buf_putc(&k, kind_mark[NAME_EXACT]);
	norm(&k, word, len);
	n = k.len - 1;
	if (n == 0 || n > nm->maxkey * 4) {
		buf_free(&k);
		return 0;
	}
	if ((e = find(nm, k.ptr, k.len)) != NULL) {
		buf_free(&k);
		return hit(e, len, h);
	}
	/* The longest prefix, then a longer suffix; something of the word
	 * stays over either way. */
	k.ptr[0] = kind_mark[NAME_PREFIX];
	for (i = n - 1; i >= 1 && best == NULL; i--)
		if (i <= nm->maxkey && boundary(k.ptr + 1, i) &&
		    word_goes_on(k.ptr + 1 + i, n - i) &&
		    (e = find(nm, k.ptr, i + 1)) != NULL) {
			best = e;
			blen = i;
		}
	for (i = 1; i < n; i++) {
		char save;

		if (n - i <= blen)
			break;
		if (n - i > nm->maxkey || !boundary(k.ptr + 1, i))
			continue;
		/* The mark goes over the byte before the suffix. */
		save = k.ptr[i];
		k.ptr[i] = kind_mark[NAME_SUFFIX];
		e = find(nm, k.ptr + i, n - i + 1);
		k.ptr[i] = save;
		if (e != NULL) {
			best = e;
			blen = n - i;
			break;
		}
	}
	buf_free(&k);
	return best != NULL ? hit(best, blen, h) : 0;
}

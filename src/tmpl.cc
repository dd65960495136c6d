// tmpl.cc: wraps ctemplate behind the C interface of tmpl.h.  No C++
// exception crosses this file's boundary: each entry point catches
// everything and reports through msg().
#include <ctemplate/template.h>

#include <exception>
#include <new>
#include <string>

extern "C" {
#include "msg.h"
#include "tmpl.h"
}

using ctemplate::TemplateDictionary;

static TemplateDictionary *
dict(struct tdict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct tdict *
handle(TemplateDictionary *d)
{
	return reinterpret_cast<struct tdict *>(d);
}

// Out of memory inside ctemplate is fatal, as xmalloc() makes it in C.
static void
fail(const char *what, const char *detail)
{
	msg(MSG_ERROR, NULL, 0, "templates: %s: %s", what, detail);
}

struct tdict *
tdict_new(const char *name)
{
	try {
		return handle(new TemplateDictionary(name));
	} catch (const std::exception &e) {
		fail("cannot create a dictionary", e.what());
	} catch (...) {
		fail("cannot create a dictionary", "unknown error");
	}
	return NULL;
}

void
tdict_free(struct tdict *d)
{
	try {
		delete dict(d);
	} catch (...) {
		fail("cannot free a dictionary", "unknown error");
	}
}

void
tdict_set(struct tdict *d, const char *key, const char *value)
{
	if (d == NULL)
		return;
	try {
		dict(d)->SetValue(key, value ? value : "");
	} catch (const std::exception &e) {
		fail(key, e.what());
	} catch (...) {
		fail(key, "unknown error");
	}
}

void
tdict_set_int(struct tdict *d, const char *key, long value)
{
	if (d == NULL)
		return;
	try {
		dict(d)->SetIntValue(key, value);
	} catch (const std::exception &e) {
		fail(key, e.what());
	} catch (...) {
		fail(key, "unknown error");
	}
}

void
tdict_set_global(struct tdict *d, const char *key, const char *value)
{
	if (d == NULL)
		return;
	try {
		dict(d)->SetTemplateGlobalValue(key, value ? value : "");
	} catch (const std::exception &e) {
		fail(key, e.what());
	} catch (...) {
		fail(key, "unknown error");
	}
}

struct tdict *
tdict_section(struct tdict *d, const char *name)
{
	if (d == NULL)
		return NULL;
	try {
		return handle(dict(d)->AddSectionDictionary(name));
	} catch (const std::exception &e) {
		fail(name, e.what());
	} catch (...) {
		fail(name, "unknown error");
	}
	return NULL;
}

void
tdict_show(struct tdict *d, const char *name)
{
	if (d == NULL)
		return;
	try {
		dict(d)->ShowSection(name);
	} catch (const std::exception &e) {
		fail(name, e.what());
	} catch (...) {
		fail(name, "unknown error");
	}
}

struct tdict *
tdict_include(struct tdict *d, const char *name, const char *path)
{
	if (d == NULL)
		return NULL;
	try {
		TemplateDictionary *sub = dict(d)->AddIncludeDictionary(name);

		sub->SetFilename(path);
		return handle(sub);
	} catch (const std::exception &e) {
		fail(name, e.what());
	} catch (...) {
		fail(name, "unknown error");
	}
	return NULL;
}

int
tmpl_expand(const char *path, enum tmpl_strip strip,
    const struct tdict *d, buf *out)
{
	if (d == NULL)
		return -1;
	try {
		std::string s;
		ctemplate::Strip mode = strip == TMPL_VERBATIM ?
		    ctemplate::DO_NOT_STRIP : ctemplate::STRIP_BLANK_LINES;

		if (!ctemplate::ExpandTemplate(path, mode,
		    reinterpret_cast<const TemplateDictionary *>(d), &s)) {
			msg(MSG_ERROR, path, 0, "cannot read or expand "
			    "the template");
			return -1;
		}
		buf_put(out, s.data(), s.size());
		return 0;
	} catch (const std::exception &e) {
		fail(path, e.what());
	} catch (...) {
		fail(path, "unknown error");
	}
	return -1;
}

// tmpl.cc: wraps ctemplate behind the C interface of tmpl.h.  No C++
// exception crosses this file's boundary: each entry point catches
// everything and reports through msg().
#include <ctemplate/template.h>

#include <exception>
#include <iostream>
#include <new>
#include <set>
#include <sstream>
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
	msg(MSG_TMPL_FAIL, NULL, 0, 0, what, detail);
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

		// ctemplate writes its own complaints to std::cerr, in its
		// own words and format: caught here and reported through
		// msg(), once per template, naming the file.
		static std::set<std::string> reported;
		std::ostringstream why;
		std::streambuf *was = std::cerr.rdbuf(why.rdbuf());
		bool ok = ctemplate::ExpandTemplate(path, mode,
		    reinterpret_cast<const TemplateDictionary *>(d), &s);

		std::cerr.rdbuf(was);
		if (!ok || !why.str().empty()) {
			std::string w = why.str();

			std::string::size_type at;

			// "ERROR: Template PATH: ERROR: why": the file is
			// named in front already.
			for (const std::string &noise : { std::string(
			    "ERROR: "), "Template " + std::string(path) +
			    ": " })
				while ((at = w.find(noise)) != std::string::npos)
					w.erase(at, noise.size());
			while (!w.empty() && (w.back() == '\n' ||
			    w.back() == ' '))
				w.pop_back();
			const char *sep = w.empty() ? "" : ": ";

			if (reported.insert(path).second) {
				if (ok)
					msg(MSG_TMPL_WARNING, path, 0, 0, sep,
					    w.c_str());
				else
					msg(MSG_TMPL_ERROR, path, 0, 0, sep,
					    w.c_str());
			}
			if (!ok)
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

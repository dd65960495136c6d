# digest: raw weekly bulletins in, a static site and a PDF brief out.
# `make digest` sets up, builds and produces the sample digest;
# `make test` sets up, builds and runs every test.

CC	 = cc
CXX	 = g++
CFLAGS	?= -O2 -g
CXXFLAGS ?= -O2 -g
WARN	 = -Wall -Wextra -Werror
ALL_CFLAGS = -std=c11 $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	     $(CFLAGS) $(EXTRA_CFLAGS)
ALL_CXXFLAGS = -std=c++11 $(WARN) $(CXXFLAGS) $(EXTRA_CFLAGS)
LDLIBS	 = -lcmark -lhpdf -lfontconfig -lz -lpthread -lctemplate_nothreads -lutf8proc -lgumbo -lm
BUILD	?= build
BIN	?= bin

SRC	 = $(wildcard src/*.c)
CXXSRC	 = $(wildcard src/*.cc)
OBJ	 = $(SRC:src/%.c=$(BUILD)/%.o) $(CXXSRC:src/%.cc=$(BUILD)/%.o)
LIBOBJ	 = $(filter-out $(BUILD)/main.o,$(OBJ))
UNIT	 = $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(wildcard tests/unit/*.c))

# Debian 12 packages, the Debian way: what building and running digest
# needs (`make digest`), and what only the tests add (`make test`).
# One a line, so that lists edited apart merge cleanly.
RUN_DEPS = \
	gcc \
	g++ \
	make \
	pkg-config \
	libcmark-dev \
	libhpdf-dev \
	libctemplate-dev \
	libutf8proc-dev \
	libgumbo-dev \
	libfontconfig-dev \
	zlib1g-dev \
	fonts-nanum \
	fonts-liberation \
	fontconfig \
	hunspell-ko
TEST_DEPS = \
	libcmocka-dev \
	poppler-utils \
	qpdf \
	chromium \
	valgrind \
	python3 \
	time \
	bsdutils \
	strace
DEPS	 = $(RUN_DEPS) $(TEST_DEPS)
SUDO	 = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# `make install`: the program, its manual, and under share/digest the
# configuration and templates it falls back to from any folder.
PREFIX	?= /usr/local
DATADIR	 = $(PREFIX)/share/digest
MANDIR	 = $(PREFIX)/share/man

.PHONY: all deps deps-run deps-test digest test unit regress e2e sanitize \
	clean bench fuzz install test-install mutate msgcheck shapecheck FORCE

all: $(BIN)/digest

deps: deps-run deps-test
deps-run:
	@$(call need,$(RUN_DEPS),to build and run digest)
deps-test:
	@$(call need,$(TEST_DEPS),only for the tests)

$(BIN)/digest: $(OBJ)
	@mkdir -p $(BIN)
	$(CXX) -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS)

# The installed configuration's folder is compiled into cli.o; the file
# $(BUILD)/datadir changes (and cli.o is rebuilt) only when PREFIX does.
$(BUILD)/datadir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(BUILD)/cli.o: $(BUILD)/datadir
$(BUILD)/cli.o: ALL_CFLAGS += -DDIGEST_DATADIR='"$(DATADIR)"'

$(BUILD)/%.o: src/%.c
	@mkdir -p $(BUILD)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: src/%.cc
	@mkdir -p $(BUILD)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/unit/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(BUILD)/unit
	$(CXX) -x c -std=c11 $(WARN) -D_DEFAULT_SOURCE -Isrc $(CFLAGS) \
	    $(EXTRA_CFLAGS) -c -o $@.o $<
	$(CXX) -o $@ $@.o $(LIBOBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

-include $(OBJ:.o=.d)

digest: deps-run
	$(MAKE) all
	$(BIN)/digest build

unit: $(UNIT) msgcheck shapecheck
	@python3 tests/mutate/run.py --patterns
	@for t in $(UNIT); do $$t || exit 1; done

# Every message comes from src/msgs.def.  Each file is compiled once
# more, for syntax only, with MSG_CHECK (see msg.h): msg(MSG_ID, file,
# line, col, ...) then checks its arguments against the id's text with
# -Wformat, and a call whose first argument is not an id (a format, a
# level, a variable) does not compile.  Every id must be used somewhere;
# no stage reads a configuration key by name; nothing but msg.c writes
# to standard error (no stderr, perror, warn/err or std::cerr <<
# elsewhere: the usage text after a usage error is cli_usage(stderr);
# tmpl.cc catches ctemplate's std::cerr to report it).
MSGFMT	 = $(BUILD)/msgfmt.h
$(MSGFMT): src/msgs.def
	@mkdir -p $(BUILD)
	@printf '%s\n' '#define MSG(id, l, text) MSGFMT_MSG_##id text' \
	    '#include "msgs.def"' | $(CC) -E -P -Isrc -x c - | \
	    sed -n 's/^MSGFMT_/#define &/p' >$@.tmp
	@mv $@.tmp $@

msgcheck: $(MSGFMT)
	@for f in $(filter-out src/msg.c,$(SRC)); do \
	  $(CC) $(ALL_CFLAGS) -DMSG_CHECK -include $(MSGFMT) -fsyntax-only \
	    $$f || { echo "msgcheck: $$f"; exit 1; }; done
	@for f in $(CXXSRC); do \
	  $(CXX) $(ALL_CXXFLAGS) -DMSG_CHECK -include $(MSGFMT) -Isrc \
	    -fsyntax-only $$f || { echo "msgcheck: $$f"; exit 1; }; done
	@for id in $$(sed -n 's/^MSG(\([A-Z0-9_]*\),.*/\1/p' src/msgs.def); do \
	  grep -q "MSG_$$id\b" $(filter-out src/msg.c,$(SRC)) $(CXXSRC) || \
	    { echo "msgcheck: MSG_$$id is never used"; exit 1; }; done
	@if grep -n '\bmsgf\b\|\bconfig_get\b\|\bconfig_str\b' src/*.[ch] \
	    $(CXXSRC); then echo "msgcheck: a printf-style message or a" \
	    "key read by name (use an id of msgs.def, a config field)"; \
	    exit 1; fi
	@if grep -n '\bstderr\b\|STDERR_FILENO\|perror(\|std::c\(err\|log\) *<<' \
	    $(filter-out src/msg.c,$(wildcard src/*.[ch])) $(CXXSRC) | \
	    grep -v 'cli_usage(stderr)' || grep -n \
	    '\bv\?\(warn\|err\)x\?(' src/*.[ch] $(CXXSRC); then \
	    echo "msgcheck: a message written past msg.c: give it an id in" \
	    "msgs.def"; exit 1; fi
	@echo "msgcheck: $$(grep -c '^MSG(' src/msgs.def) messages," \
	    "every call checked"

# The shape of src/ (tests/shape.sh): files, functions, parsers.
shapecheck:
	@sh tests/shape.sh

regress: $(BIN)/digest
	@sh tests/regress.sh $(BIN)/digest

# Every script runs, whatever failed before it; the summary says which.
# A script that prints a line "skipped: why" (no seed corpus, no
# browser) counts as skipped, not passed, and the reason is repeated.
e2e: $(BIN)/digest
	@pass=0; skip=0; failed=; skips=; log=$$(mktemp) || exit 1; \
	for t in tests/e2e/*.sh; do \
	  echo "== $$t"; \
	  DIGEST=$(BIN)/digest sh $$t >$$log 2>&1; rc=$$?; cat $$log; \
	  if [ $$rc != 0 ]; then failed="$$failed $$t"; \
	  elif grep -q '^skipped:' $$log; then skip=$$((skip + 1)); \
	    skips="$$skips$$t: $$(grep '^skipped:' $$log | head -1)\n"; \
	  else pass=$$((pass + 1)); fi; done; rm -f $$log; \
	  n=$$(echo $$failed | wc -w); \
	  echo "e2e: $$pass passed, $$n failed, $$skip skipped"; \
	  [ -z "$$skips" ] || printf "$$skips"; \
	  [ -z "$$failed" ] || { echo "e2e failed:$$failed"; exit 1; }

test: deps
	$(MAKE) all
	$(MAKE) unit regress e2e test-install
	$(MAKE) sanitize

# Installs the program, its manual, the configuration, the templates
# (and names/ when there is one) under PREFIX; DESTDIR is honoured.
install: $(BIN)/digest
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN)/digest $(DESTDIR)$(PREFIX)/bin/digest
	install -m 644 man/digest.1 $(DESTDIR)$(MANDIR)/man1/digest.1
	install -m 644 digest.conf $(DESTDIR)$(DATADIR)/digest.conf
	rm -rf $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/names
	cp -R templates $(DESTDIR)$(DATADIR)/templates
	if [ -d names ]; then cp -R names $(DESTDIR)$(DATADIR)/names; fi

# An install into a prefix of its own (built apart, in build/install),
# run from another folder: tests/install.sh.
INST	 = $(CURDIR)/build/install
test-install:
	@rm -rf $(INST)/prefix
	@$(MAKE) -s BUILD=$(INST)/obj BIN=$(INST)/bin PREFIX=$(INST)/prefix \
	    install >/dev/null
	@sh tests/install.sh $(INST)/prefix $(BIN)/digest

# The unit tests and the end-to-end run once more under ASan + UBSan,
# and the end-to-end run under valgrind.
sanitize:
	$(MAKE) BUILD=build/asan BIN=build/asan/bin \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" CFLAGS="-O1 -g" all unit
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	    sh tests/sanity.sh build/asan/bin/digest
	VALGRIND=1 sh tests/sanity.sh $(BIN)/digest

# Installs whichever of the Debian packages $(1) are missing, saying
# first which and why ($(2)).
need = missing=; for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing ($(or $(2),needed here))"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

# Mutation testing, not part of `make test` (it takes long): every
# mutation of tests/mutate/catalogue.tsv is put into a scratch copy of
# the tree, built and run against the tests that must catch it; fails on
# any that survives or no longer applies.  MUTATE_JOBS=2 runs two at once.
MUTATE_JOBS ?= 1

mutate: all
	python3 tests/mutate/run.py -j $(MUTATE_JOBS) $(MUTATE)

# Benchmarks, not part of `make test`: corpora generated into
# bench/corpus, timings against pandoc + WeasyPrint in bench/RESULTS.md.
BENCH_DEPS = pandoc weasyprint time python3 fonts-nanum strace

bench: all $(BUILD)/bench/readparse
	@$(call need,$(BENCH_DEPS))
	sh bench/bench.sh

$(BUILD)/bench/readparse: bench/readparse.c $(LIBOBJ)
	@mkdir -p $(BUILD)/bench
	$(CXX) -x c -std=c11 $(WARN) -D_POSIX_C_SOURCE=200809L \
	    -D_DEFAULT_SOURCE -Isrc $(CFLAGS) $(EXTRA_CFLAGS) -c -o $@.o $<
	$(CXX) -o $@ $@.o $(LIBOBJ) $(LDFLAGS) $(LDLIBS)

# libFuzzer on decoding and parsing, not part of `make test`: every
# object but main.o built again with clang and the sanitizers into
# build/fuzz, run for FUZZ_SECONDS (tests/fuzz/run.sh).
FUZZ_SECONDS ?= 600
FUZZ	 = build/fuzz
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fno-sanitize-recover=all \
	   -fsanitize=fuzzer-no-link,address,undefined -Wall -Wextra
FUZZOBJ	 = $(filter-out $(FUZZ)/main.o,$(SRC:src/%.c=$(FUZZ)/%.o) \
	   $(CXXSRC:src/%.cc=$(FUZZ)/%.o))

# Two targets, each for FUZZ_SECONDS: fuzz_parse (reading, up to the
# weeks) and fuzz_publish (the site, the brief and the mail written).
fuzz: $(FUZZ)/fuzz_parse $(FUZZ)/fuzz_publish
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ) fuzz_parse
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ) fuzz_publish

# Kept: a pattern rule's objects would be removed as intermediate.
.SECONDARY: $(FUZZOBJ)

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZOBJ)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	    $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@.o -c $<
	clang++ -fsanitize=fuzzer,address,undefined -o $@ $@.o $(FUZZOBJ) \
	    $(LDLIBS)

$(FUZZ)/%.o: src/%.c | $(FUZZ)/.clang
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	    $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ)/%.o: src/%.cc | $(FUZZ)/.clang
	clang++ -std=c++11 $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ)/.clang:
	@$(call need,clang)
	@mkdir -p $(FUZZ) && touch $@

-include $(FUZZOBJ:.o=.d)

clean:
	rm -rf build bin output .output.lock

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
LDLIBS	 = -lcmark -lhpdf -lctemplate_nothreads -lutf8proc -linih -lm
BUILD	?= build
BIN	?= bin

SRC	 = $(wildcard src/*.c)
CXXSRC	 = $(wildcard src/*.cc)
OBJ	 = $(SRC:src/%.c=$(BUILD)/%.o) $(CXXSRC:src/%.cc=$(BUILD)/%.o)
LIBOBJ	 = $(filter-out $(BUILD)/main.o,$(OBJ))
UNIT	 = $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(wildcard tests/unit/*.c))

# Debian 12 packages the build, the tests and `make digest` need.
DEPS	 = gcc g++ make pkg-config libcmark-dev libhpdf-dev libctemplate-dev \
	   libutf8proc-dev libinih-dev libcmocka-dev fonts-nanum fontconfig \
	   poppler-utils qpdf chromium valgrind python3
SUDO	 = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps digest test unit regress e2e sanitize clean bench fuzz

all: $(BIN)/digest

deps:
	@missing=; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

$(BIN)/digest: $(OBJ)
	@mkdir -p $(BIN)
	$(CXX) -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS)

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

digest: deps
	$(MAKE) all
	$(BIN)/digest build

unit: $(UNIT)
	@for t in $(UNIT); do $$t || exit 1; done

regress: $(BIN)/digest
	@sh tests/regress.sh $(BIN)/digest

e2e: $(BIN)/digest
	@for t in tests/e2e/*.sh; do \
	  echo "== $$t"; DIGEST=$(BIN)/digest sh $$t || exit 1; done

test: deps
	$(MAKE) all
	$(MAKE) unit regress e2e
	$(MAKE) sanitize

# The unit tests and the end-to-end run once more under ASan + UBSan,
# and the end-to-end run under valgrind.
sanitize:
	$(MAKE) BUILD=build/asan BIN=build/asan/bin \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" CFLAGS="-O1 -g" all unit
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
	    sh tests/sanity.sh build/asan/bin/digest
	VALGRIND=1 sh tests/sanity.sh $(BIN)/digest

clean:
	rm -rf build bin output

# congkhai: `make` builds generator/congkhai, `make site` builds the example
# portal into public/, `make test` runs every check (under ASan and UBSan).
# `make deps` installs missing Debian packages (as root) or prints the command.

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libcmark-gfm sqlite3 libgit2 libmicrohttpd libutf8proc
SHARED  ?= ../shared

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla \
           -Wwrite-strings -Wundef -Wno-unused-parameter
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lpthread -lm
BASE    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Igenerator
REL_CFLAGS = $(BASE) -O2 -g $(PKG_CFLAGS)
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_CFLAGS = $(BASE) -O1 -g $(SAN) $(PKG_CFLAGS)

LIB_SRC := $(filter-out generator/main.c,$(wildcard generator/*.c))
HDRS    := $(wildcard generator/*.h)
REL_OBJ := $(patsubst generator/%.c,build/rel/%.o,$(LIB_SRC))
SAN_OBJ := $(patsubst generator/%.c,build/san/%.o,$(LIB_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,build/san/tests/%,$(UNIT_SRC))
CONF_SRC := $(wildcard tests/conformance/*.c)
CONF_BIN := $(patsubst tests/conformance/%.c,build/san/tests/%,$(CONF_SRC))

.PHONY: all deps site test install clean check-deps
all: generator/congkhai tests/toml-decoder

deps:
	@sh generator/deps.sh

generator/congkhai: build/rel/main.o $(REL_OBJ)
	$(CC) -o $@ $^ $(PKG_LIBS)

tests/toml-decoder: build/rel/tests/toml_decoder.o $(REL_OBJ)
	$(CC) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: generator/%.c $(HDRS) | build/rel
	$(CC) $(REL_CFLAGS) -c -o $@ $<
build/rel/tests/%.o: tests/%.c $(HDRS) | build/rel/tests
	$(CC) $(REL_CFLAGS) -c -o $@ $<
build/san/%.o: generator/%.c $(HDRS) | build/san
	$(CC) $(SAN_CFLAGS) -c -o $@ $<
build/san/congkhai: build/san/main.o $(SAN_OBJ)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)
build/san/tests/%: tests/unit/%.c tests/test.h $(SAN_OBJ) | build/san/tests
	$(CC) $(SAN_CFLAGS) -Itests -o $@ $< $(SAN_OBJ) $(PKG_LIBS)
build/san/tests/%: tests/conformance/%.c tests/test.h $(SAN_OBJ) | build/san/tests
	$(CC) $(SAN_CFLAGS) -Itests -o $@ $< $(SAN_OBJ) $(PKG_LIBS)

build/rel build/san build/rel/tests build/san/tests:
	@mkdir -p $@

site: deps
	@$(MAKE) -s --no-print-directory generator/congkhai
	./generator/congkhai build

test: deps
	@$(MAKE) -s --no-print-directory all build/san/congkhai $(UNIT_BIN) $(CONF_BIN)
	@SHARED=$(SHARED) sh tests/run.sh

install: generator/congkhai
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 generator/congkhai $(DESTDIR)$(PREFIX)/bin/congkhai
	install -m 644 generator/congkhai.1 $(DESTDIR)$(PREFIX)/share/man/man1/congkhai.1

clean:
	rm -rf build generator/congkhai tests/toml-decoder

# congkhai: `make` builds generator/congkhai, `make site` builds the example
# portal into public/, `make test` runs every check (under ASan and UBSan).
# `make deps` installs missing Debian packages (as root) or prints the command.

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libcmark-gfm sqlite3 libgit2 libmicrohttpd libutf8proc
SHARED  ?= ../shared
BUILD   ?= build

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
REL_OBJ := $(patsubst generator/%.c,$(BUILD)/rel/%.o,$(LIB_SRC))
SAN_OBJ := $(patsubst generator/%.c,$(BUILD)/san/%.o,$(LIB_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/san/tests/%,$(UNIT_SRC))
CONF_SRC := $(wildcard tests/conformance/*.c)
CONF_BIN := $(patsubst tests/conformance/%.c,$(BUILD)/san/tests/%,$(CONF_SRC))

.PHONY: all deps site test install clean check-deps
all: generator/congkhai tests/toml-decoder

deps:
	@sh generator/deps.sh

generator/congkhai: $(BUILD)/rel/main.o $(REL_OBJ)
	@printf "  LINK    %s\n" $@
	@$(CC) -o $@ $^ $(PKG_LIBS)

tests/toml-decoder: $(BUILD)/rel/tests/toml_decoder.o $(REL_OBJ)
	@printf "  LINK    %s\n" $@
	@$(CC) -o $@ $^ $(PKG_LIBS)

$(BUILD)/rel/%.o: generator/%.c $(HDRS) | $(BUILD)/rel
	@printf "  CC      %s\n" $<
	@$(CC) $(REL_CFLAGS) -c -o $@ $<
$(BUILD)/rel/tests/%.o: tests/%.c $(HDRS) | $(BUILD)/rel/tests
	@printf "  CC      %s\n" $<
	@$(CC) $(REL_CFLAGS) -c -o $@ $<
$(BUILD)/san/%.o: generator/%.c $(HDRS) | $(BUILD)/san
	@printf "  CC      %s\n" $<
	@$(CC) $(SAN_CFLAGS) -c -o $@ $<
$(BUILD)/san/congkhai: $(BUILD)/san/main.o $(SAN_OBJ)
	@printf "  LINK    %s\n" $@
	@$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)
$(BUILD)/san/tests/%: tests/unit/%.c tests/test.h $(SAN_OBJ) | $(BUILD)/san/tests
	@printf "  CC      %s\n" $<
	@$(CC) $(SAN_CFLAGS) -Itests -o $@ $< $(SAN_OBJ) $(PKG_LIBS)
$(BUILD)/san/tests/%: tests/conformance/%.c tests/test.h $(SAN_OBJ) | $(BUILD)/san/tests
	@printf "  CC      %s\n" $<
	@$(CC) $(SAN_CFLAGS) -Itests -o $@ $< $(SAN_OBJ) $(PKG_LIBS)

$(BUILD)/rel $(BUILD)/san $(BUILD)/rel/tests $(BUILD)/san/tests:
	@mkdir -p $@

site: deps
	@$(MAKE) -s --no-print-directory generator/congkhai
	./generator/congkhai build

test: deps
	@$(MAKE) -s --no-print-directory all $(BUILD)/san/congkhai $(UNIT_BIN) $(CONF_BIN)
	@SHARED=$(SHARED) BUILD=$(BUILD) sh tests/run.sh

install: generator/congkhai
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 generator/congkhai $(DESTDIR)$(PREFIX)/bin/congkhai
	install -m 644 generator/congkhai.1 $(DESTDIR)$(PREFIX)/share/man/man1/congkhai.1

clean:
	rm -rf $(BUILD) generator/congkhai tests/toml-decoder

# congkhai: `make` builds generator/congkhai, `make site` builds the example
# portal into public/, `make test` runs every check (under ASan and UBSan).
# `make deps` installs missing Debian packages (as root) or prints the command.

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libcmark-gfm sqlite3 libgit2 libmicrohttpd libutf8proc zlib
SHARED  ?= ../shared
BUILD   ?= build

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla \
           -Wwrite-strings -Wundef -Wno-unused-parameter
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lpthread -lm
# the release binary allocates through mimalloc (Debian's libmimalloc-dev;
# it replaces malloc for the whole process, libraries included); the
# sanitizer builds keep ASan's allocator
REL_LIBS   = -Wl,--push-state,--no-as-needed -lmimalloc -Wl,--pop-state $(PKG_LIBS)
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

FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  := $(patsubst %,$(BUILD)/san/tests/fuzz-replay-%,$(FUZZ_TARGETS))
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igenerator -g -O1 \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(PKG_CFLAGS)

.PHONY: all deps site test install clean check-deps fuzz bench
all: generator/congkhai tests/toml-decoder

deps:
	@sh generator/deps.sh

generator/congkhai: $(BUILD)/rel/main.o $(REL_OBJ)
	@printf "  LINK    %s\n" $@
	@$(CC) -o $@ $^ $(REL_LIBS)

# a release binary inside the build folder (for benchmarks beside other builds)
$(BUILD)/rel/congkhai: $(BUILD)/rel/main.o $(REL_OBJ)
	@printf "  LINK    %s\n" $@
	@$(CC) -o $@ $^ $(REL_LIBS)

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

# make test replays every fuzz target's corpus (and past crash inputs)
$(BUILD)/san/tests/fuzz-replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(SAN_OBJ) | $(BUILD)/san/tests
	@printf "  CC      %s\n" $<
	@$(CC) $(SAN_CFLAGS) -Itests -o $@ $< tests/fuzz/replay.c $(SAN_OBJ) $(PKG_LIBS)

# make fuzz FUZZ_SECONDS=N: each libFuzzer target for N seconds (clang)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_SRC) $(HDRS)
	@mkdir -p $(BUILD)/fuzz
	@printf "  FUZZCC  %s\n" $@
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRC) $(PKG_LIBS)
fuzz: deps $(patsubst %,$(BUILD)/fuzz/fuzz_%,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/fuzz/corpus-$$t $(BUILD)/fuzz/artifacts-$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/artifacts-$$t/ \
			$(BUILD)/fuzz/corpus-$$t tests/fuzz/corpus/$$t 2>&1 | \
			grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|artifact_prefix)" ; \
		ls $(BUILD)/fuzz/artifacts-$$t | grep -q . && { echo "fuzz: $$t found a crash in $(BUILD)/fuzz/artifacts-$$t"; exit 1; }; \
	done; echo "fuzz: no crash"

$(BUILD)/rel $(BUILD)/san $(BUILD)/rel/tests $(BUILD)/san/tests:
	@mkdir -p $@

site: deps
	@$(MAKE) -s --no-print-directory generator/congkhai
	./generator/congkhai build

test: deps
	@$(MAKE) -s --no-print-directory all $(BUILD)/san/congkhai $(UNIT_BIN) $(CONF_BIN) $(FUZZ_REPLAY)
	@SHARED=$(SHARED) BUILD=$(BUILD) sh tests/run.sh

# make bench: the benchmark (tests/bench/README.md); never part of make test
bench: deps
	@command -v hugo >/dev/null && [ -x /usr/bin/time ] || { \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -q hugo time >/dev/null; \
		else echo "bench: run as root: apt-get install -y hugo time"; exit 1; fi; }
	@$(MAKE) -s --no-print-directory generator/congkhai
	@sh tests/bench/bench.sh

install: generator/congkhai
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 generator/congkhai $(DESTDIR)$(PREFIX)/bin/congkhai
	install -m 644 generator/congkhai.1 $(DESTDIR)$(PREFIX)/share/man/man1/congkhai.1

clean:
	rm -rf $(BUILD) generator/congkhai tests/toml-decoder

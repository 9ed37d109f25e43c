# lpcoach: see README.md.  `make demo` and `make check` install what is
# missing (Debian packages) before building.

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build/plain
SAN     ?=

PKGS := sqlite3 libpcre2-8 yaml-0.1 libcmark jansson
DEBS := gcc make pkg-config sqlite3 libsqlite3-dev libpcre2-dev libyaml-dev \
        libcmark-dev libjansson-dev libcmocka-dev bats bats-support bats-assert jq tmux \
        zsh fish locales \
        pocketsphinx pocketsphinx-en-us libpocketsphinx-dev libasound2-dev \
        flite sox \
        python3-icalendar

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
# Speech (lp/speech.h): ALSA capture for every build, and the recogniser,
# pocketsphinx, whose one engine file is chosen by its API.  Both .pc
# files of 0.8 say "Version: 5prealpha", which --atleast-version=5 takes
# for 5 or later, so the header tells: ps_config_init() is 5.x's.  Its
# headers are system headers here, so our warnings are not theirs.
SPEECH_PKGS := pocketsphinx alsa
PS_INCLUDE := $(shell pkg-config --variable=includedir pocketsphinx 2>/dev/null)
PS_ENGINE  := $(if $(shell grep -ls ps_config_init \
	$(PS_INCLUDE)/pocketsphinx.h $(PS_INCLUDE)/pocketsphinx/pocketsphinx.h),ps5,ps08)
PS_CFLAGS  := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags \
	pocketsphinx 2>/dev/null))
PKG_LIBS   += $(shell pkg-config --libs $(SPEECH_PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

WARN   := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 \
          -Wno-format-nonliteral
# Warnings are errors for developers and CI (make check sets DEVELOPER=1),
# not for a user whose newer compiler warns about something new.
ifeq ($(DEVELOPER),1)
WARN   += -Werror
endif
CFLAGS ?= -O2 -g
ifeq ($(SAN),1)
CFLAGS := -O1 -g -fno-omit-frame-pointer \
          -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(SAN),fuzz)
CFLAGS := -O1 -g -fno-omit-frame-pointer \
          -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=fuzzer,address,undefined
endif
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) -I. $(PKG_CFLAGS)
# The compiler writes each object's header dependencies (.d files).
DEPFLAGS := -MMD -MP

# Layers, bottom first: each may use only the ones before it.
BASE_SRC    := $(sort $(wildcard base/*.c))
STORIES_SRC := $(sort $(wildcard stories/*.c))
RUBRICS_SRC := $(sort $(wildcard rubrics/*.c))
# One recogniser engine per pocketsphinx API: lp/recognizer_ENGINE.c.
LP_SRC      := $(sort $(filter-out lp/recognizer_ps%.c,$(wildcard lp/*.c)) \
               lp/recognizer_$(PS_ENGINE).c)
CLI_SRC     := $(sort $(filter-out cli/main.c,$(wildcard cli/*.c)))
LIB_SRC     := $(BASE_SRC) $(STORIES_SRC) $(RUBRICS_SRC) $(LP_SRC) $(CLI_SRC)
LIB_OBJ     := $(LIB_SRC:%.c=$(BUILD)/%.o)
# Unit tests mirror the layers: tests/unit/LAYER/test_NAME.c.
UNIT_SRC    := $(sort $(wildcard tests/unit/*/test_*.c))
UNIT_BIN    := $(addprefix $(BUILD)/tests/,$(notdir $(UNIT_SRC:.c=)))
FUZZERS     := parse json rules lint roundtrip fields wav
REPLAY_BIN  := $(FUZZERS:%=$(BUILD)/tests/test_replay_%)
FUZZ_SECONDS ?= 60

.PHONY: all completions deps deps-if-missing demo check check-builds check-build-plain \
	check-build-asan tests install uninstall clean \
	bench-tools lint-eval match-eval regen-golden check-clang check-browser check-valgrind check-long fuzz fuzz-build
.DELETE_ON_ERROR:

all: lpcoach completions

# The shells' completion scripts, made by the binary from its own option
# tables at build time (cli/complete.h), never kept as copies.
COMPLETIONS := $(BUILD)/completions/lpcoach.bash $(BUILD)/completions/_lpcoach \
	$(BUILD)/completions/lpcoach.fish
completions: $(COMPLETIONS)
$(BUILD)/completions/lpcoach.bash: $(BUILD)/lpcoach
	@mkdir -p $(dir $@)
	$< __complete --script bash > $@
$(BUILD)/completions/_lpcoach: $(BUILD)/lpcoach
	@mkdir -p $(dir $@)
	$< __complete --script zsh > $@
$(BUILD)/completions/lpcoach.fish: $(BUILD)/lpcoach
	@mkdir -p $(dir $@)
	$< __complete --script fish > $@

# The top-level binary is the plain build's.
lpcoach: $(BUILD)/lpcoach
	@if [ "$(BUILD)" = build/plain ]; then cp $< $@; fi

$(BUILD)/lpcoach: $(BUILD)/cli/main.o $(BUILD)/liblpcoach.a
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/liblpcoach.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/lp/recognizer_$(PS_ENGINE).o: ALL_CFLAGS += $(PS_CFLAGS)

-include $(wildcard $(BUILD)/*/*.d $(BUILD)/tests/*.d)

# Embedded data: the object holds the files' bytes (see base/embed.h).
$(BUILD)/lp/embed.o: $(wildcard lp/data/*.yaml)
$(BUILD)/stories/embed.o: $(wildcard stories/data/*.yaml)
$(BUILD)/rubrics/default.o: $(wildcard rubrics/default/*.yaml)

.SECONDEXPANSION:
$(UNIT_BIN): $(BUILD)/tests/%: $$(wildcard tests/unit/*/$$*.c) $(BUILD)/liblpcoach.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblpcoach.a \
		$(PKG_LIBS) $(CMOCKA_LIBS)

# The fuzz harnesses as plain programs replaying the corpus (make check).
$(BUILD)/tests/test_replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
		$(BUILD)/liblpcoach.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -DFUZZ_NAME='"$*"' $(LDFLAGS) -o $@ $< \
		tests/fuzz/replay.c $(BUILD)/liblpcoach.a $(PKG_LIBS)

tests: $(BUILD)/lpcoach $(COMPLETIONS) $(UNIT_BIN) $(REPLAY_BIN) $(BUILD)/gencorpus

# libFuzzer builds (clang) and runs of FUZZ_SECONDS each from the seed
# corpus; crashers land in tests/fuzz/regressions/NAME/, minimised in
# place (libFuzzer's -minimize_crash), where make check replays them.
fuzz-build: deps-if-missing
	@command -v clang >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || \
		sudo=sudo; $$sudo apt-get install -y -qq clang libclang-rt-14-dev; }
	@$(MAKE) --no-print-directory DEVELOPER=1 BUILD=build/fuzz CC=clang SAN=fuzz \
		build/fuzz/liblpcoach.a
	@for f in $(FUZZERS); do \
		clang -std=c11 -D_DEFAULT_SOURCE $(WARN) -I. -O1 -g \
			-fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
			-o build/fuzz/fuzz_$$f tests/fuzz/fuzz_$$f.c \
			build/fuzz/liblpcoach.a $(PKG_LIBS) || exit 1; \
	done

fuzz: fuzz-build
	@for f in $(FUZZERS); do \
		mkdir -p build/fuzz/corpus/$$f tests/fuzz/regressions/$$f; \
		touch build/fuzz/started; \
		echo "== fuzz_$$f for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=tests/fuzz/regressions/$$f/ \
			build/fuzz/corpus/$$f tests/fuzz/corpus/$$f && continue; \
		for c in $$(find tests/fuzz/regressions/$$f -type f \
		    -newer build/fuzz/started); do \
			echo "== minimising $$c"; \
			build/fuzz/fuzz_$$f -minimize_crash=1 -runs=20000 \
				-exact_artifact_path=$$c.min $$c >/dev/null 2>&1; \
			[ -s $$c.min ] && mv $$c.min $$c; rm -f $$c.min; \
			echo "   $$(wc -c < $$c) bytes"; \
		done; \
		exit 1; \
	done

# Benchmarks (not tests): see bench/RESULTS.md.
$(BUILD)/gencorpus: bench/gencorpus.c $(BUILD)/liblpcoach.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblpcoach.a $(PKG_LIBS)

$(BUILD)/planbench: bench/planbench.c $(BUILD)/liblpcoach.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblpcoach.a $(PKG_LIBS)

$(BUILD)/speechbench: bench/speechbench.c $(BUILD)/liblpcoach.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblpcoach.a $(PKG_LIBS)

bench-tools: lpcoach $(BUILD)/gencorpus $(BUILD)/planbench $(BUILD)/speechbench

# Lint against the labelled corpus (a measurement: it never fails on the
# numbers); CORPUS=DIR measures another labelled directory.
CORPUS ?= tests/lint-corpus
lint-eval: lpcoach
	@sh bench/lint-eval.sh $(CORPUS) $(CURDIR)/lpcoach

# 'lpcoach match' against the labelled questions (a measurement: it never
# fails on the numbers); see bench/RESULTS.md.
match-eval: lpcoach
	@sh bench/match-eval.sh -- $(CURDIR)/lpcoach

# The only way to rewrite the expected lint output that make check diffs
# (tests/cli/golden.bats); review the diff before committing it.
regen-golden: lpcoach
	@sh tests/golden/gen.sh $(CURDIR)/lpcoach tests/golden
	@git diff --stat -- tests/golden 2>/dev/null || true

# Installs every missing Debian package this project needs to build and
# test, through sudo when not root.
deps:
	@missing=; for p in $(DEBS); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		echo "installing:$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
			--no-install-recommends $$missing; \
	fi

deps-if-missing:
	@pkg-config --exists $(PKGS) cmocka 2>/dev/null && \
		command -v bats >/dev/null && \
		[ -f /usr/lib/bats/bats-assert/load.bash ] && \
		[ -f /usr/lib/bats/bats-support/load.bash ] && \
		command -v sqlite3 >/dev/null && command -v jq >/dev/null && \
		command -v tmux >/dev/null && command -v localedef >/dev/null && \
		command -v zsh >/dev/null && command -v fish >/dev/null && \
		pkg-config --exists $(SPEECH_PKGS) 2>/dev/null && \
		[ -d /usr/share/pocketsphinx/model/en-us/en-us ] && \
		command -v flite >/dev/null && command -v sox >/dev/null && \
		/usr/bin/python3 -c 'import icalendar' 2>/dev/null && \
		[ -d /usr/share/i18n/locales ] || \
		$(MAKE) --no-print-directory deps

demo: deps-if-missing
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh ./lpcoach

# Unit and CLI tests, once plainly and once under ASan and UBSan.
# The two builds compile side by side, and tests/run.sh runs their suites
# side by side too.
NPROC := $(shell nproc 2>/dev/null || echo 2)
check: deps-if-missing
	@$(MAKE) --no-print-directory -j$(NPROC) check-builds
	@sh tests/run.sh build/plain build/asan

check-builds: check-build-plain check-build-asan
check-build-plain:
	@$(MAKE) --no-print-directory DEVELOPER=1 tests lpcoach BUILD=build/plain
check-build-asan:
	@$(MAKE) --no-print-directory DEVELOPER=1 tests BUILD=build/asan SAN=1

# Everything built by clang (-Werror too), which warns about things gcc
# does not, and the unit tests run; clang comes from Debian, installed
# when missing.  The CLI suite is check's, under gcc and ASan.
check-clang: deps-if-missing
	@command -v clang >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || \
		sudo=sudo; $$sudo apt-get install -y -qq clang; }
	@$(MAKE) --no-print-directory DEVELOPER=1 tests BUILD=build/clang CC=clang
	@sh tests/run.sh --unit build/clang

# The HTML report and the partner packet in a real browser (Debian's
# chromium, installed when missing); screenshots go to tests/output/.
check-browser: deps-if-missing
	@command -v chromium >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || \
		sudo=sudo; DEBIAN_FRONTEND=noninteractive $$sudo apt-get install \
		-y -qq --no-install-recommends chromium; }
	@$(MAKE) --no-print-directory DEVELOPER=1 lpcoach BUILD=build/plain
	@mkdir -p tests/output build/test-logs
	@LPCOACH_BIN=$(CURDIR)/lpcoach bats --tap tests/browser \
		> build/test-logs/browser.tap 2>&1; rc=$$?; \
		cat build/test-logs/browser.tap; \
		echo "$$(grep -c '^ok ' build/test-logs/browser.tap) passed, \
$$(grep -c '^not ok ' build/test-logs/browser.tap) failed"; exit $$rc

# The CLI tests of tests/valgrind/suite (which says what it leaves out,
# and why) with each lpcoach call under valgrind: memory errors and
# definite leaks fail the call.  Two shards side by side.
check-valgrind: deps-if-missing
	@command -v valgrind >/dev/null || { sudo=; [ "$$(id -u)" = 0 ] || \
		sudo=sudo; $$sudo apt-get install -y -qq valgrind; }
	@$(MAKE) --no-print-directory DEVELOPER=1 tests lpcoach BUILD=build/plain
	@sh tests/valgrind/run.sh

# What takes longer than a minute: kill -9 during imports of 10,000
# stories, 30 times, 200 corrupted banks through every reading command,
# and 30 seconds of fuzzing per harness (the CI run has 90 minutes in all;
# longer fuzzing is make fuzz FUZZ_SECONDS=N).
check-long: deps-if-missing
	@$(MAKE) --no-print-directory DEVELOPER=1 tests lpcoach BUILD=build/plain
	@mkdir -p build/test-logs
	@KILL_ROUNDS=30 KILL_STORIES=10000 CORRUPT_ROUNDS=200 \
		LPCOACH_BIN=$(CURDIR)/lpcoach bats --tap tests/cli/crash.bats \
		tests/cli/corrupt.bats > build/test-logs/long.tap 2>&1; \
		rc=$$?; cat build/test-logs/long.tap; \
		echo "$$(grep -c '^ok ' build/test-logs/long.tap) passed, \
$$(grep -c '^not ok ' build/test-logs/long.tap) failed"; \
		[ $$rc -eq 0 ] && $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=30

# Completions go where each shell looks under PREFIX: bash-completion's
# completions/, zsh's site-functions/, fish's vendor_completions.d/.
BASH_COMPLETION_DIR := $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR  := $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR := $(PREFIX)/share/fish/vendor_completions.d

install: $(BUILD)/lpcoach $(COMPLETIONS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR) \
		$(DESTDIR)$(FISH_COMPLETION_DIR)
	install -m 0755 $(BUILD)/lpcoach $(DESTDIR)$(PREFIX)/bin/lpcoach
	install -m 0644 lpcoach.1 $(DESTDIR)$(PREFIX)/share/man/man1/lpcoach.1
	install -m 0644 $(BUILD)/completions/lpcoach.bash \
		$(DESTDIR)$(BASH_COMPLETION_DIR)/lpcoach
	install -m 0644 $(BUILD)/completions/_lpcoach \
		$(DESTDIR)$(ZSH_COMPLETION_DIR)/_lpcoach
	install -m 0644 $(BUILD)/completions/lpcoach.fish \
		$(DESTDIR)$(FISH_COMPLETION_DIR)/lpcoach.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lpcoach \
		$(DESTDIR)$(PREFIX)/share/man/man1/lpcoach.1 \
		$(DESTDIR)$(BASH_COMPLETION_DIR)/lpcoach \
		$(DESTDIR)$(ZSH_COMPLETION_DIR)/_lpcoach \
		$(DESTDIR)$(FISH_COMPLETION_DIR)/lpcoach.fish

clean:
	rm -rf build lpcoach

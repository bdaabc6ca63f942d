# tests/fuzz/fuzz.mk: libFuzzer drivers for the parsers (included by the
# Makefile). Each tests/fuzz/fuzz_*.c is one driver, linked against the
# Makefile's CORE_SRC compiled again with clang, ASan and UBSan (build/fuzz/obj/,
# never the gcc objects), and run on its seed corpus tests/fuzz/corpus/<driver>/
# with its dictionary tests/fuzz/<driver>.dict.
#
#   make fuzz-build   build every driver into build/fuzz/
#   make fuzz-smoke   every driver for 20,000 inputs: well under a minute in all
#   make fuzz         every driver for FUZZ_RUNS inputs, one after another
#                     (default 10,000,000: this takes a while, about an hour
#                     and a half in all on 2 cores: under a minute for
#                     fuzz_utf8, about half an hour each for fuzz_config and
#                     fuzz_stem), or for FUZZ_SECONDS seconds each when that is
#                     set; new inputs go into the corpus, which is then
#                     minimised (-merge=1) keeping the hand-written seed-*
#                     files. FUZZ_DRIVERS="fuzz_query fuzz_form" runs a subset.
# Both print one line per driver (executions, seconds, exec/s, ok or CRASH) and
# fail when any driver crashed; logs are in build/fuzz/logs/, reproducers in
# build/fuzz/artifacts/. Replay one with `build/fuzz/<driver> <file>`; keep the
# ones worth keeping in tests/fuzz/crashes/.

FUZZ_CC      ?= clang
FUZZ_RUNS    ?= 10000000
FUZZ_SECONDS ?=
FUZZ_OUT     := $(BUILD)/fuzz
FUZZ_ALL     := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_DRIVERS ?= $(FUZZ_ALL)
FUZZ_BINS    := $(FUZZ_ALL:%=$(FUZZ_OUT)/%)
FUZZ_OBJ     := $(CORE_SRC:%.c=$(FUZZ_OUT)/obj/%.o)
# UBSan findings abort like ASan's, so libFuzzer records them as crashes.
FUZZ_CFLAGS  := -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Wno-unused-parameter \
                -fsanitize=address,undefined -fno-sanitize-recover=all \
                $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# The Makefile's libraries (pkg-config --libs of its PKGS, then -lstemmer), so
# CORE_SRC links here whatever it comes to need.
FUZZ_LDLIBS  := $(LDLIBS)

.PHONY: fuzz-deps fuzz-build fuzz fuzz-smoke

# clang and its fuzzer runtime (libclang-rt-dev: libclang-rt-14-dev on Debian 12).
fuzz-deps:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1 || \
	   ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' | \
	     $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; then \
	  echo "make fuzz-deps: installing clang libclang-rt-dev"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q >/dev/null && \
	  apt-get install -y -q --no-install-recommends clang libclang-rt-dev >/dev/null \
	    || { echo "make fuzz-deps: apt-get install failed"; exit 1; }; \
	fi

fuzz-build: deps fuzz-deps $(FUZZ_BINS)

$(FUZZ_OBJ): $(FUZZ_OUT)/obj/%.o: %.c $(wildcard fcgi/*.h) | fuzz-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BINS): $(FUZZ_OUT)/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_OBJ) | fuzz-deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Ifcgi -o $@ $< $(FUZZ_OBJ) $(FUZZ_LDLIBS)

fuzz: fuzz-build
	@FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh grow $(FUZZ_DRIVERS)

fuzz-smoke: fuzz-build
	@FUZZ_RUNS=20000 FUZZ_SECONDS= tests/fuzz/run.sh smoke $(FUZZ_DRIVERS)

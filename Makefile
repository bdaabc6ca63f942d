# rchub: every entry point. `make run` and `make test` work on a fresh Debian
# machine: they install what is missing, build, and start their own stack.
SHELL := /bin/bash
.DEFAULT_GOAL := build

PORT      ?= 8080
TEST_PORT ?= 18080
TEST_VAR  ?= var/test
VAR       ?= var
BUILD     ?= build

CC       ?= gcc
CXX      ?= g++
PKGS     := fcgi libmariadb libctemplate_nothreads libxml-2.0 inih libsodium json-c
OPTFLAGS ?= -O2 -g
CFLAGS   ?= $(OPTFLAGS)
CFLAGS   += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wno-unused-parameter \
            -fstack-protector-strong -D_FORTIFY_SOURCE=2 $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CXXFLAGS ?= $(OPTFLAGS)
CXXFLAGS += -std=c++17 -Wall -Wextra $(shell pkg-config --cflags libctemplate_nothreads 2>/dev/null)
LDLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

# Debian packages the build, the stack and the tests need.
DEB_PACKAGES := gcc g++ make pkg-config libfcgi-dev libmariadb-dev mariadb-server mariadb-client \
                nginx-light libctemplate-dev libxml2-dev libinih-dev libstemmer-dev libcmocka-dev \
                libcurl4-openssl-dev libsodium-dev libjson-c-dev wrk curl procps \
                chromium fonts-dejavu-core

CORE_SRC := fcgi/arena.c fcgi/config.c fcgi/log.c fcgi/request.c fcgi/router.c fcgi/validate.c fcgi/auth.c \
            fcgi/response.c fcgi/db.c fcgi/stem.c fcgi/timefmt.c fcgi/quality.c fcgi/survival.c
APP_SRC  := $(CORE_SRC) fcgi/page.c fcgi/form.c fcgi/routes.c fcgi/worker.c fcgi/svg.c $(wildcard fcgi/store/*.c) \
            $(wildcard fcgi/handlers/*.c) $(wildcard feeds/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
STORE_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard fcgi/store/*.c))
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o) $(BUILD)/fcgi/tpl.o

PROGRAMS := $(BUILD)/rchub.fcgi $(BUILD)/rchub-admin $(BUILD)/rchub-export
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: deps build run stop test test-asan unit e2e bench clean db-shell backup restore
build: $(PROGRAMS)

deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	    || { echo "make deps: apt-get install failed"; exit 1; }; \
	fi

$(BUILD)/%.o: %.c $(wildcard fcgi/*.h fcgi/*/*.h feeds/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# The files of feeds/ that embed.c builds into the programs (.incbin).
$(BUILD)/feeds/embed.o: $(wildcard feeds/*.xsd feeds/*.json feeds/*.md)

$(BUILD)/fcgi/tpl.o: fcgi/tpl.cc fcgi/tpl.h
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(BUILD)/rchub.fcgi: $(APP_OBJ) $(BUILD)/fcgi/main.o
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/rchub-admin: $(CORE_OBJ) $(STORE_OBJ) $(BUILD)/fcgi/admin.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/rchub-export: $(APP_OBJ) $(BUILD)/fcgi/export.o
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ifcgi -o $@ $^ $(LDLIBS) -lcmocka

$(BUILD)/tests/e2e: $(wildcard tests/e2e/*.c tests/e2e/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags libcurl libxml-2.0) -o $@ $(filter %.c,$^) \
	  $(shell pkg-config --libs libcurl libxml-2.0) -lm

$(BUILD)/tests/feeds-check: $(wildcard tests/feeds/*.c tests/feeds/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags libcurl libxml-2.0 json-c) -o $@ $(filter %.c,$^) \
	  $(shell pkg-config --libs libcurl libxml-2.0 json-c)

# The local stack: private MariaDB, rchub.fcgi and nginx under $(VAR)/.
run: deps build
	@sql/db.sh start $(VAR)
	@sql/db.sh migrate $(VAR)
	@sql/db.sh demo $(VAR) $(BUILD)/rchub-admin
	@nginx/stack.sh start $(VAR) $(PORT) $(BUILD)/rchub.fcgi
	@echo "rchub is running: http://127.0.0.1:$(PORT)/   (stop with: make stop)"

stop:
	@nginx/stack.sh stop $(VAR)
	@sql/db.sh stop $(VAR)

db-shell:
	@sql/db.sh shell $(VAR)

# Backups of the local database: make backup [BACKUP=file]; make restore BACKUP=file
BACKUP ?= $(VAR)/backups/rchub-$(shell date -u +%Y%m%dT%H%M%SZ).sql.gz
backup:
	@sql/db.sh backup $(VAR) $(BACKUP)

restore:
	@test -f "$(BACKUP)" || { echo "make restore: give BACKUP=file"; exit 1; }
	@sql/db.sh restore $(VAR) $(BACKUP)

# Every test against its own stack (own data dir, sockets and port).
test: deps build $(UNIT_TESTS) $(BUILD)/tests/e2e $(BUILD)/tests/feeds-check
	@TEST_VAR=$(TEST_VAR) RCHUB_TEST_BUILD=$(abspath $(BUILD)) tests/run.sh $(TEST_PORT)

# The whole suite against a build with AddressSanitizer and UBSan; the run
# fails if the program's log holds any sanitizer report.
SANITIZE := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
test-asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan TEST_VAR=var/test-asan \
	  OPTFLAGS="$(SANITIZE)" LDFLAGS="-fsanitize=address,undefined"

bench: deps build
	@tests/bench/bench.sh

clean:
	rm -rf $(BUILD)

# Fuzzing, benchmarks and other suites keep their rules beside their code.
-include tests/fuzz/fuzz.mk
-include tests/security/security.mk
-include tests/bench/bench.mk

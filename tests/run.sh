#!/usr/bin/env bash
# tests/run.sh: runs every test against a private stack (own data dir under
# var/test, own sockets, own port) and stops it afterwards, even on failure.
# Each suite prints TAP lines ("ok N - name" / "not ok N - name"); this script
# counts them and ends with the line "N passed, N failed".
#   tests/run.sh PORT        (TEST_VAR=dir overrides var/test;
#                             TEST_SUITES="e2e feeds" runs only those suites)
set -uo pipefail
port=${1:-18080}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
var=${TEST_VAR:-$root/var/test}
mkdir -p "$var"; var=$(cd "$var" && pwd)
build=${RCHUB_TEST_BUILD:-$root/build}
export RCHUB_TEST_BUILD=$build
log=$var/log/tests.log
passed=0
failed=0

stack_down() {
	nginx/stack.sh stop "$var" >/dev/null 2>&1
	sql/db.sh stop "$var" >/dev/null 2>&1
}

# A fresh database every run: tests must not depend on what a previous run left.
stack_up() {
	stack_down
	rm -rf "$var"
	mkdir -p "$var/log"
	sql/db.sh start "$var" >/dev/null &&
		sql/db.sh migrate "$var" >/dev/null &&
		sql/db.sh demo "$var" "$build/rchub-admin" >/dev/null &&
		for f in tests/e2e/fixtures*.sql; do
			[ -e "$f" ] || continue
			sql/db.sh load "$var" "$f" || return 1
		done &&
		RCHUB_DATABASE_SOCKET=$var/run/mariadb.sock RCHUB_DATABASE_PASSWORD=$(cat "$var/db-app-password") \
			"$build/rchub-admin" reindex >/dev/null &&
		nginx/stack.sh start "$var" "$port" "$build/rchub.fcgi"
}

# True when the suite is selected by TEST_SUITES (all when it is empty).
selected() {
	[ -z "${TEST_SUITES:-}" ] || [[ " $TEST_SUITES " == *" $1 "* ]]
}

# Runs one suite, echoing its output and adding its TAP counts.
run_suite() {
	local name=$1; shift
	selected "${name%%/*}" || return 0
	local out rc ok bad
	echo "# suite: $name"
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	ok=$(grep -cE '^ok [0-9]+' <<<"$out")
	bad=$(grep -cE '^not ok [0-9]+' <<<"$out")
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "not ok - $name exited with status $rc"
		bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
}

# Sanitizer builds (make test-asan) report into the program's log.
sanitizer_check() {
	local reports
	reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$var/log/rchub.log" 2>/dev/null)
	if [ "${reports:-0}" -eq 0 ]; then
		echo "ok 1 - no sanitizer report and no crash report in the program's log"
		passed=$((passed + 1))
	else
		echo "not ok 1 - $reports sanitizer reports in $var/log/rchub.log"
		grep -E -A5 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$var/log/rchub.log" | head -40 | sed 's/^/# /'
		failed=$((failed + 1))
	fi
}

trap stack_down EXIT
export CMOCKA_MESSAGE_OUTPUT=TAP

for t in "$build"/tests/test_*; do
	[ -x "$t" ] && run_suite "unit/$(basename "$t")" "$t"
done

if stack_up; then
	export RCHUB_TEST_URL=http://127.0.0.1:$port
	export RCHUB_TEST_VAR=$var
	export RCHUB_TEST_ROOT=$root
	run_suite e2e "$build/tests/e2e"
	for s in tests/*/suite.sh; do
		[ -x "$s" ] && run_suite "$(basename "$(dirname "$s")")" "$s"
	done
	sanitizer_check
else
	echo "not ok - the test stack did not start (see $var/log)"
	failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

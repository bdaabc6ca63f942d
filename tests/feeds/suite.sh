#!/usr/bin/env bash
# tests/feeds/suite.sh: the feeds and exports suite (RSS, iCalendar, open
# data, JSON API, rchub-export, conditional GET). tests/run.sh runs it with
# RCHUB_TEST_URL, RCHUB_TEST_VAR, RCHUB_TEST_ROOT and RCHUB_TEST_BUILD set;
# the checks themselves are C (tests/feeds/*.c, built as
# $RCHUB_TEST_BUILD/tests/feeds-check by `make test`) and print TAP.
# Arguments select checks whose name holds one of them.
set -euo pipefail
build=${RCHUB_TEST_BUILD:-${RCHUB_TEST_ROOT:-.}/build}
check=$build/tests/feeds-check
if [ ! -x "$check" ]; then
	echo "not ok 1 - feeds-check is built ($check is missing: run make test)"
	exit 1
fi
exec "$check" "$@"

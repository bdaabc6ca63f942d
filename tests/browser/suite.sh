#!/usr/bin/env bash
# tests/browser/suite.sh: rchub in a real browser (run.js: flows, axe-core,
# the Nu HTML Checker, reflow, screenshots under out/), against the stack at
# RCHUB_TEST_URL. Installs what is missing first, so a fresh machine needs
# nothing by hand: Debian's chromium and a font with Cyrillic (apt-get), Java
# for vnu.jar, Node.js, and the npm packages pinned in package-lock.json
# (npm ci into tests/browser/node_modules, reinstalled when the lock changes).
# Prints TAP; exits non-zero when a check failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
log=${RCHUB_TEST_VAR:-/tmp}/browser-install.log

if [ -z "${RCHUB_TEST_URL:-}" ]; then
	echo "not ok 1 - browser suite: RCHUB_TEST_URL is not set (run it through make test)"
	exit 1
fi

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing="$missing fonts-dejavu-core"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	echo "# installing$missing"
	if ! { export DEBIAN_FRONTEND=noninteractive; apt-get update -q &&
		apt-get install -y -q --no-install-recommends $missing; } >>"$log" 2>&1; then
		echo "not ok 1 - browser suite: apt-get install$missing failed (see $log)"
		exit 1
	fi
fi

# vnu-jar's install script would fetch a Java of its own: the jar is in the
# package and Debian's Java runs it, so scripts stay off.
if ! cmp -s package-lock.json node_modules/.rchub-installed-lock 2>/dev/null; then
	echo "# npm ci (tests/browser/node_modules)"
	if ! npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >>"$log" 2>&1; then
		echo "not ok 1 - browser suite: npm ci failed (see $log)"
		exit 1
	fi
	cp package-lock.json node_modules/.rchub-installed-lock
fi

exec node run.js

#!/usr/bin/env bash
# tests/security/scan.sh: `make security-scan`. Brings up a private stack
# (own MariaDB, rchub.fcgi and nginx under VARDIR, loopback PORT, demo data),
# runs tests/security/scan.py (sqlmap against every GET and POST parameter,
# signed in where the route needs it) and stops the stack, even on failure.
#   tests/security/scan.sh [PORT [VARDIR [BUILD]]]    defaults: 18880 var/security build
# The report stays in VARDIR/scan-report.txt, sqlmap's output in VARDIR/scan-logs/.
# Exit status: 0 nothing injectable, 1 an injectable parameter, 2 a parameter
# that could not be tested (or the stack did not start).
# SCAN_ONLY=regex limits the scan to matching targets ("POST /login").
set -uo pipefail
port=${1:-18880}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
var=${2:-var/security}
build=${3:-build}
mkdir -p "$var"
var=$(cd "$var" && pwd)
build=$(cd "$build" && pwd)
started=$(date +%s)

# sqlmap is only needed here, so it is not in `make deps`; same install style.
install_sqlmap() {
	command -v sqlmap >/dev/null && return 0
	echo "security-scan: installing sqlmap"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends sqlmap >/dev/null; } \
		|| { echo "security-scan: apt-get install sqlmap failed" >&2; exit 2; }
}

stack_down() {
	nginx/stack.sh stop "$var" >/dev/null 2>&1
	sql/db.sh stop "$var" >/dev/null 2>&1
}

# A fresh database with the demo data every run, as tests/run.sh does.
stack_up() {
	stack_down
	rm -rf "$var"
	mkdir -p "$var/log"
	sql/db.sh start "$var" >/dev/null &&
		sql/db.sh migrate "$var" >/dev/null &&
		sql/db.sh demo "$var" "$build/rchub-admin" >/dev/null &&
		nginx/stack.sh start "$var" "$port" "$build/rchub.fcgi"
}

install_sqlmap
trap stack_down EXIT
echo "security-scan: private stack on http://127.0.0.1:$port ($var)"
stack_up || { echo "security-scan: the stack did not start (see $var/log)" >&2; exit 2; }

# Debian's python3 (sqlmap's own) rather than whatever python3 is first on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
only=()
[ -n "${SCAN_ONLY:-}" ] && only=(--only "$SCAN_ONLY")
"$python" tests/security/scan.py --url "http://127.0.0.1:$port" --var "$var" --root "$root" \
	--jobs "${SCAN_JOBS:-2}" "${only[@]}"
rc=$?
echo "security-scan: finished in $(( $(date +%s) - started )) s, exit status $rc"
exit $rc

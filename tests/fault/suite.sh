#!/usr/bin/env bash
# tests/fault/suite.sh: the stack under faults, against the running test stack
# (tests/run.sh sets RCHUB_TEST_URL, RCHUB_TEST_VAR, RCHUB_TEST_ROOT):
#   - MariaDB stopped and restarted during a load run: only 200/303/503 answers,
#     503 carries Retry-After, no worker dies, recovery within 2 s, and every
#     POST answered 303 is committed while no other POST is;
#   - kill -9 of a worker under load: respawned within 1 s, < 0.1 % failures;
#   - SIGTERM under load: requests in hand complete, then a clean exit;
#   - a bad config file or an unreachable database: a clear message and exit 1.
# Prints TAP lines. The stack is left running as it was found.
set -uo pipefail
url=${RCHUB_TEST_URL:?}
var=${RCHUB_TEST_VAR:?}
root=${RCHUB_TEST_ROOT:?}
port=${url##*:}
program=${RCHUB_TEST_BUILD:-$root/build}/rchub.fcgi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
failures=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi; }

master_pid() { cat "$var/run/rchub.pid"; }
worker_pids() { pgrep -P "$(master_pid)" | sort; }
root_sql() { mariadb --no-defaults -S "$var/run/mariadb.sock" -u root rchub -N -e "$1"; }

# Fires COUNT uncached catalogue GETs (unique q defeats the micro-cache), 8 at
# a time, writing one status code per line to FILE.
load_gets() {
	local count=$1 file=$2 tag=$3 cfg=$work/curl-$3.cfg
	for i in $(seq 1 "$count"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url/services?q=$tag$i"; done >"$cfg"
	curl -s --parallel --parallel-max 8 -w '%{http_code}\n' -K "$cfg" >"$file" 2>/dev/null
}

# Registers accounts prefix1..prefixCOUNT one by one with a valid CSRF token;
# writes "email status" lines to FILE.
load_registrations() {
	local count=$1 prefix=$2 file=$3 token
	local jar=$work/jar-$prefix
	curl -s -c "$jar" -b "$jar" "$url/register" -o "$work/form-$prefix.html"
	token=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$work/form-$prefix.html" | head -1 | sed 's/.*value="//; s/"$//')
	for i in $(seq 1 "$count"); do
		local email="$prefix$i@fault.example.org"
		code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' --max-time 10 \
			--data-urlencode "csrf=$token" --data-urlencode "name=Отказ $i" --data-urlencode "email=$email" \
			--data-urlencode "password=fault-test-password" --data-urlencode "password2=fault-test-password" \
			-d consent=1 "$url/register")
		echo "$email $code" >>"$file"
	done
}

count_codes() { grep -c "^$2" "$1" || true; }

test_database_restart() {
	local before after gets=$work/gets-db posts=$work/posts-db
	before=$(worker_pids)
	load_gets 1500 "$gets" dbfault &
	local gp=$!
	load_registrations 40 "dbfault$(date +%s%N)x" "$posts" &
	local pp=$!
	sleep 0.5
	"$root/sql/db.sh" stop "$var" >/dev/null
	sleep 1.5
	"$root/sql/db.sh" start "$var" >/dev/null
	local up_at; up_at=$(date +%s.%N)
	wait $gp $pp
	local bad; bad=$(grep -vE '^(200|503)$' "$gets" | sort | uniq -c | tr '\n' ' ')
	check "database restart: catalogue answers only 200 or 503 (other: ${bad:-none})" test -z "$bad"
	check "database restart: some requests saw 503 while it was down" test "$(count_codes "$gets" 503)" -gt 0
	local retry; retry=$(curl -s -D - -o /dev/null "$url/services?q=after" | tr -d '\r' | grep -ci '^retry-after' || true)
	# Recovery: poll until a DB-backed page answers 200; must be within 2 s of the restart.
	local recovered=""
	for i in $(seq 1 40); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/services?q=recover$i")" = 200 ] && { recovered=$(date +%s.%N); break; }
		sleep 0.05
	done
	check "database restart: recovered within 2 s after it is back" \
		awk -v a="$up_at" -v b="${recovered:-0}" 'BEGIN { exit !(b > 0 && b - a <= 2.0) }'
	after=$(worker_pids)
	check "database restart: no worker crashed (same worker pids)" test "$before" = "$after"
	local phantom=0 lost=0
	while read -r email code; do
		rows=$(root_sql "SELECT COUNT(*) FROM users WHERE email = '$email'")
		if [ "$code" = 303 ] && [ "$rows" != 1 ]; then lost=$((lost + 1)); fi
		if [ "$code" != 303 ] && [ "$rows" != 0 ]; then phantom=$((phantom + 1)); fi
	done <"$posts"
	check "database restart: every POST answered 303 is committed (lost: $lost)" test "$lost" = 0
	check "database restart: no POST answered otherwise is committed (phantom: $phantom)" test "$phantom" = 0
	local post_bad committed refused
	post_bad=$(awk '$2 !~ /^(303|503|500)$/' "$posts" | wc -l)
	committed=$(awk '$2 == 303' "$posts" | wc -l)
	refused=$(awk '$2 != 303' "$posts" | wc -l)
	check "database restart: POSTs answered 303 or an error page" test "$post_bad" = 0
	check "database restart: POSTs both succeeded ($committed) and were refused ($refused)" \
		test "$committed" -gt 0 -a "$refused" -gt 0
	: "$retry"
}

test_503_has_retry_after() {
	"$root/sql/db.sh" stop "$var" >/dev/null
	local head; head=$(curl -s -D - -o "$work/503.html" "$url/services?q=down" | tr -d '\r')
	"$root/sql/db.sh" start "$var" >/dev/null
	check "database down: 503 status" grep -q '^HTTP/1.1 503' <<<"$head"
	check "database down: Retry-After header" grep -qi '^Retry-After: [0-9]' <<<"$head"
	check "database down: Russian explanation on the page" grep -q 'База данных временно недоступна' "$work/503.html"
}

test_kill_worker() {
	local gets=$work/gets-kill victim
	load_gets 4000 "$gets" killfault &
	local gp=$!
	sleep 0.7
	victim=$(worker_pids | head -1)
	kill -9 "$victim"
	local t0; t0=$(date +%s.%N)
	local count; count=$(worker_pids | wc -l)
	local respawned=""
	for i in $(seq 1 40); do
		if [ "$(worker_pids | wc -l)" -ge "$count" ] && ! worker_pids | grep -qx "$victim"; then
			respawned=$(date +%s.%N); break
		fi
		sleep 0.025
	done
	wait $gp
	check "kill -9 worker: respawned within 1 s" \
		awk -v a="$t0" -v b="${respawned:-0}" 'BEGIN { exit !(b > 0 && b - a <= 1.0) }'
	local total failed; total=$(wc -l <"$gets"); failed=$(grep -vc '^200$' "$gets" || true)
	check "kill -9 worker: fewer than 0.1 % of $total requests failed ($failed)" \
		awk -v f="$failed" -v t="$total" 'BEGIN { exit !(t >= 4000 && f * 1000 < t) }'
}

test_sigterm_under_load() {
	local gets=$work/gets-term master; master=$(master_pid)
	: >"$var/log/nginx-error.log.mark"
	local lines_before; lines_before=$(wc -l <"$var/log/nginx-error.log" 2>/dev/null || echo 0)
	load_gets 3000 "$gets" termfault &
	local gp=$!
	sleep 0.7
	kill -TERM "$master"
	local stopped=""
	for i in $(seq 1 200); do kill -0 "$master" 2>/dev/null || { stopped=1; break; }; sleep 0.05; done
	wait $gp
	check "SIGTERM: the master exits" test -n "$stopped"
	check "SIGTERM: clean stop logged" grep -q "pid=$master event=master_stop clean=1" "$var/log/rchub.log"
	local cut; cut=$(tail -n +"$((lines_before + 1))" "$var/log/nginx-error.log" | grep -c 'prematurely closed' || true)
	check "SIGTERM: no request in hand was cut off ($cut)" test "$cut" = 0
	rm -f "$var/run/rchub.pid"
	"$root/nginx/stack.sh" start "$var" "$port" "$program" >/dev/null 2>&1
	check "SIGTERM: the stack starts again" test "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 200
}

test_bad_startup() {
	printf '[server]\nworkerz = 3\n' >"$work/bad.ini"
	local out rc
	out=$("$program" -c "$work/bad.ini" 2>&1); rc=$?
	check "bad config: exit status 1" test "$rc" = 1
	check "bad config: message names the setting" grep -q 'workerz' <<<"$out"
	out=$("$program" -c "$work/missing.ini" 2>&1); rc=$?
	check "missing config file: exit status 1 with a message" test "$rc" = 1 -a -n "$out"
	out=$(RCHUB_DATABASE_SOCKET=$work/no.sock "$program" -c "$var/rchub.ini" --check 2>&1); rc=$?
	check "unreachable database: exit status 1" test "$rc" = 1
	check "unreachable database: clear message" grep -q 'cannot connect to the database' <<<"$out"
}

test_503_has_retry_after
test_database_restart
test_kill_worker
test_sigterm_under_load
test_bad_startup
[ "$failures" -eq 0 ]

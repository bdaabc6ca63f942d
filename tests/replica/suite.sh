#!/usr/bin/env bash
# tests/replica/suite.sh: scale-out of reads. Starts a primary and a replica
# (two local mariadbd, replication over 127.0.0.1), loads the schema and demo
# data into the primary, and runs rchub.fcgi + nginx with read_dsn pointing at
# the replica. Checks that anonymous pages are read from the replica, that
# writes and the pages right after a write use the primary, and that reads
# fall back to the primary when the replica is away. Prints TAP lines.
set -uo pipefail
root=${RCHUB_TEST_ROOT:?}
base=${RCHUB_TEST_VAR:?}/replica
build=${RCHUB_TEST_BUILD:-$root/build}
test_port=${RCHUB_TEST_URL##*:}
port=${RCHUB_REPLICA_PORT:-$((${test_port:-18080} + 100))}
primary=$base/primary
replica=$base/replica
url=http://127.0.0.1:$port
n=0
failures=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failures=$((failures + 1)); echo "not ok $n - $1"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
sql_on() { mariadb --no-defaults -S "$1/run/mariadb.sock" -u root -N -e "$2"; }
executions() { sql_on "$1" "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | awk '{ print $2 }'; }

cleanup() {
	"$root/nginx/stack.sh" stop "$primary" >/dev/null 2>&1
	"$root/sql/db.sh" stop "$replica" >/dev/null 2>&1
	"$root/sql/db.sh" stop "$primary" >/dev/null 2>&1
}
trap cleanup EXIT

start_pair() {
	rm -rf "$base"
	DB_TCP_PORT=$((port + 10)) DB_SERVER_ID=1 "$root/sql/db.sh" start "$primary" >/dev/null || return 1
	sql_on "$primary" "CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-pass';
		GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'" || return 1
	DB_TCP_PORT=$((port + 11)) DB_SERVER_ID=2 "$root/sql/db.sh" start "$replica" >/dev/null || return 1
	sql_on "$replica" "SET GLOBAL read_only = 1;
		CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$((port + 10)), MASTER_USER='repl',
		MASTER_PASSWORD='repl-pass', MASTER_USE_GTID=slave_pos; START SLAVE" || return 1
	"$root/sql/db.sh" migrate "$primary" >/dev/null && "$root/sql/db.sh" demo "$primary" "$build/rchub-admin" >/dev/null
}

# Waits until the replica has applied everything the primary has written.
wait_replica() {
	local want have
	want=$(sql_on "$primary" "SELECT @@gtid_binlog_pos")
	for _ in $(seq 1 100); do
		have=$(sql_on "$replica" "SELECT @@gtid_slave_pos")
		[ "$have" = "$want" ] && return 0
		sleep 0.1
	done
	return 1
}

if ! start_pair; then
	not_ok "primary and replica start and replicate"
	exit 1
fi
check "replica caught up with the primary's schema and demo data" wait_replica
check "replica has the demo services" test "$(sql_on "$replica" "SELECT COUNT(*) FROM rchub.services")" -gt 80
RCHUB_DATABASE_READ_DSN=unix:$replica/run/mariadb.sock \
	"$root/nginx/stack.sh" start "$primary" "$port" "$build/rchub.fcgi" >/dev/null 2>&1
check "the stack starts with read_dsn set" test "$(curl -s -o /dev/null -w '%{http_code}' "$url/")" = 200

p0=$(executions "$primary"); r0=$(executions "$replica")
for i in $(seq 1 20); do curl -s -o /dev/null "$url/services?q=replica$i"; done
p1=$(executions "$primary"); r1=$(executions "$replica")
check "anonymous reads are served by the replica ($((r1 - r0)) statements there)" test $((r1 - r0)) -ge 20
check "anonymous reads leave the primary idle ($((p1 - p0)) statements there)" test $((p1 - p0)) -eq 0

jar=$base/jar
curl -s -c "$jar" -b "$jar" -o "$base/register.html" "$url/register"
token=$(grep -o 'name="csrf" value="[0-9a-f]*"' "$base/register.html" | head -1 | sed 's/.*value="//; s/"$//')
code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$token" \
	--data-urlencode "name=Реплика Тест" --data-urlencode "email=replica@example.org" \
	--data-urlencode "password=replica-password" --data-urlencode "password2=replica-password" \
	-d consent=1 "$url/register")
check "a write (registration) is answered 303" test "$code" = 303
check "the write went to the primary" test "$(sql_on "$primary" "SELECT COUNT(*) FROM rchub.users WHERE email='replica@example.org'")" = 1
check "the fresh-write cookie is set after the POST" grep -q rchub_fresh "$jar"
p2=$(executions "$primary"); r2=$(executions "$replica")
curl -s -c "$jar" -b "$jar" -o /dev/null "$url/services?q=afterwrite"
p3=$(executions "$primary"); r3=$(executions "$replica")
check "the page right after a write reads from the primary" test $((p3 - p2)) -gt 0 -a $((r3 - r2)) -eq 0
check "the write reached the replica" wait_replica

"$root/sql/db.sh" stop "$replica" >/dev/null
codes=$(for i in $(seq 1 10); do curl -s -o /dev/null -w '%{http_code} ' "$url/services?q=noreplica$i"; done)
check "with the replica away, reads fall back to the primary (${codes% })" test "$codes" = "$(printf '200 %.0s' $(seq 1 10))"
exit $((failures > 0))

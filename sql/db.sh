#!/usr/bin/env bash
# sql/db.sh: the private MariaDB of a local stack, kept under VARDIR.
#   sql/db.sh start VARDIR          initialise (first time) and start the server
#   sql/db.sh migrate VARDIR        apply sql/migrations/*.sql not yet applied
#   sql/db.sh demo VARDIR ADMIN     load sql/demo/*.sql not yet loaded, then reindex
#   sql/db.sh load VARDIR FILE      run one SQL file as the schema owner
#   sql/db.sh backup VARDIR FILE    consistent dump (mariadb-dump, one transaction), gzip
#   sql/db.sh restore VARDIR FILE [DB]  load a dump into DB (default rchub), replacing it
#   sql/db.sh checksums VARDIR [DB] CHECKSUM TABLE of every table, one "table sum" a line
#   sql/db.sh stop VARDIR           stop the server this script started
#   sql/db.sh shell VARDIR          a mariadb shell as root
# The server listens on a unix socket only (no TCP). The application connects as
# rchub_app, which may read and write rows but not change the schema.
# For replication tests: DB_TCP_PORT=N also listens on 127.0.0.1:N, and
# DB_SERVER_ID=N gives the server that id and a binary log (a primary or replica).
# DB_BUFFER_POOL=size sets the InnoDB buffer pool (default 256M; make bench-scale
# gives its million-row tables more).
set -euo pipefail
cmd=${1:?usage: db.sh start|migrate|demo|load|stop|shell VARDIR}
var=${2:?VARDIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$var"
var=$(cd "$var" && pwd)
data=$var/mariadb
run=$var/run
sock=$run/mariadb.sock
pidfile=$run/mariadb.pid
db=rchub
app_user=rchub_app
pwfile=$var/db-app-password

root_sql() { mariadb --no-defaults -S "$sock" -u root "$@"; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

init_datadir() {
	[ -d "$data/mysql" ] && return 0
	mkdir -p "$data" "$run" "$var/log"
	mariadb-install-db --no-defaults --datadir="$data" --user=root \
		--auth-root-authentication-method=normal --skip-test-db >"$var/log/mariadb-install.log" 2>&1 \
		|| { echo "db.sh: mariadb-install-db failed, see $var/log/mariadb-install.log" >&2; exit 1; }
}

start() {
	init_datadir
	mkdir -p "$run" "$var/log" "$var/tmp"
	if running; then return 0; fi
	local net=(--skip-networking) repl=()
	[ -n "${DB_TCP_PORT:-}" ] && net=(--port="$DB_TCP_PORT" --bind-address=127.0.0.1)
	[ -n "${DB_SERVER_ID:-}" ] && repl=(--server-id="$DB_SERVER_ID" --log-bin=binlog --log-slave-updates --binlog-format=ROW)
	# Its own tmpdir: servers of other stacks would share /tmp and its file names.
	# FULLTEXT: Russian stems can be two letters; the built-in stopword list is English.
	mariadbd --no-defaults --datadir="$data" --socket="$sock" "${net[@]}" "${repl[@]}" --user=root \
		--pid-file="$pidfile" --log-error="$var/log/mariadb.err" --tmpdir="$var/tmp" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-ft-min-token-size=2 --innodb-ft-enable-stopword=OFF \
		--innodb-buffer-pool-size="${DB_BUFFER_POOL:-256M}" --max-connections=500 --default-time-zone=+00:00 \
		>/dev/null 2>&1 &
	for _ in $(seq 1 100); do
		if mariadb-admin --no-defaults -S "$sock" -u root ping >/dev/null 2>&1; then break; fi
		sleep 0.1
	done
	mariadb-admin --no-defaults -S "$sock" -u root ping >/dev/null 2>&1 \
		|| { echo "db.sh: MariaDB did not start, see $var/log/mariadb.err" >&2; exit 1; }
	bootstrap
}

# Creates the database, the migrations ledger and the least-privilege app user.
bootstrap() {
	[ -f "$pwfile" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$pwfile")
	local pw; pw=$(cat "$pwfile")
	root_sql <<SQL
CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS $db.schema_migrations (
  version VARCHAR(200) NOT NULL PRIMARY KEY,
  applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE USER IF NOT EXISTS '$app_user'@'localhost' IDENTIFIED BY '$pw';
ALTER USER '$app_user'@'localhost' IDENTIFIED BY '$pw';
GRANT SELECT, INSERT, UPDATE, DELETE ON $db.* TO '$app_user'@'localhost';
SQL
}

# Applies each file of DIR not yet recorded in LEDGER, in name order.
apply_new() {
	local dir=$1 ledger=$2 f v
	for f in "$dir"/*.sql; do
		[ -e "$f" ] || continue
		v=$(basename "$f" .sql)
		if [ -z "$(root_sql -N -e "SELECT 1 FROM $db.$ledger WHERE version='$v'")" ]; then
			root_sql --default-character-set=utf8mb4 "$db" <"$f" \
				|| { echo "db.sh: $f failed" >&2; exit 1; }
			root_sql -e "INSERT INTO $db.$ledger (version) VALUES ('$v')"
			echo "db.sh: applied $v"
		fi
	done
}

migrate() { apply_new "$here/migrations" schema_migrations; }

demo() {
	local admin=${1:?path to rchub-admin}
	root_sql -e "CREATE TABLE IF NOT EXISTS $db.demo_data (version VARCHAR(200) NOT NULL PRIMARY KEY,
		applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB"
	local before after
	before=$(root_sql -N -e "SELECT COUNT(*) FROM $db.demo_data")
	apply_new "$here/demo" demo_data
	after=$(root_sql -N -e "SELECT COUNT(*) FROM $db.demo_data")
	if [ "$before" != "$after" ]; then
		RCHUB_DATABASE_SOCKET=$sock RCHUB_DATABASE_PASSWORD=$(cat "$pwfile") "$admin" reindex
	fi
}

stop() {
	running || { rm -f "$pidfile"; return 0; }
	local pid; pid=$(cat "$pidfile")
	kill "$pid"
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	echo "db.sh: MariaDB ($pid) did not stop in 10 s" >&2
	exit 1
}

backup() {
	local file=${1:?file}
	mkdir -p "$(dirname "$file")"
	mariadb-dump --no-defaults -S "$sock" -u root --single-transaction --routines --triggers \
		--default-character-set=utf8mb4 --databases "$db" | gzip >"$file.tmp"
	[ "${PIPESTATUS[0]}" = 0 ] || { rm -f "$file.tmp"; echo "db.sh: backup failed" >&2; exit 1; }
	mv "$file.tmp" "$file"
	echo "db.sh: backup written to $file"
}

# Restores into target (the dump names its database; it is rewritten on the fly).
restore() {
	local file=${1:?file} target=${2:-$db}
	[ -f "$file" ] || { echo "db.sh: no such backup $file" >&2; exit 1; }
	root_sql -e "DROP DATABASE IF EXISTS \`$target\`; CREATE DATABASE \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	gunzip -c "$file" | sed -e "s/^CREATE DATABASE .*\`$db\`.*;$//" -e "s/^USE \`$db\`;$/USE \`$target\`;/" \
		| root_sql --default-character-set=utf8mb4 "$target" \
		|| { echo "db.sh: restore failed" >&2; exit 1; }
	[ "$target" = "$db" ] && root_sql -e "GRANT SELECT, INSERT, UPDATE, DELETE ON $db.* TO '$app_user'@'localhost'"
	echo "db.sh: restored $file into $target"
}

checksums() {
	local target=${1:-$db} t
	for t in $(root_sql -N -e "SELECT table_name FROM information_schema.tables WHERE table_schema='$target' ORDER BY table_name"); do
		root_sql -N -e "CHECKSUM TABLE \`$target\`.\`$t\` EXTENDED" | awk -v t="$t" '{ print t, $2 }'
	done
}

case $cmd in
start) start ;;
migrate) migrate ;;
demo) demo "${3:-}" ;;
load) root_sql --default-character-set=utf8mb4 "$db" <"${3:?file}" ;;
stop) stop ;;
backup) backup "${3:-}" ;;
restore) restore "${3:-}" "${4:-}" ;;
checksums) checksums "${3:-}" ;;
shell) root_sql "$db" ;;
*) echo "db.sh: unknown command $cmd" >&2; exit 2 ;;
esac

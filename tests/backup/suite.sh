#!/usr/bin/env bash
# tests/backup/suite.sh: a backup of the test database restored into a fresh
# database has the same rows: CHECKSUM TABLE of every table is compared.
set -uo pipefail
var=${RCHUB_TEST_VAR:?}
root=${RCHUB_TEST_ROOT:?}
file=$var/backups/suite-backup.sql.gz
n=0
fail=0
report() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else fail=1; echo "not ok $n - $2"; fi; }

"$root/sql/db.sh" backup "$var" "$file" >/dev/null 2>&1
report $? "backup: mariadb-dump writes a compressed dump"
report "$(test -s "$file"; echo $?)" "backup: the file is not empty"
"$root/sql/db.sh" restore "$var" "$file" rchub_restored >/dev/null 2>&1
report $? "restore: the dump loads into a fresh database"
"$root/sql/db.sh" checksums "$var" rchub >"$var/sums-original"
"$root/sql/db.sh" checksums "$var" rchub_restored >"$var/sums-restored"
tables=$(wc -l <"$var/sums-original")
report "$(test "$tables" -ge 10; echo $?)" "restore: every table is checked ($tables tables)"
if diff -u "$var/sums-original" "$var/sums-restored" >"$var/sums-diff"; then
	report 0 "restore: every table's checksum matches the original"
else
	report 1 "restore: every table's checksum matches the original"
	sed 's/^/# /' "$var/sums-diff"
fi
mariadb --no-defaults -S "$var/run/mariadb.sock" -u root -e "DROP DATABASE rchub_restored"
exit $fail

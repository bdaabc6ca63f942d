#!/usr/bin/env bash
# tests/bench/bench-scale.sh (`make bench-scale`, after `make build`): the
# scale target of DESIGN.md, measured. It brings up a private stack under
# var/bench-scale (own MariaDB, rchub.fcgi and nginx on 127.0.0.1:PORT), times
# the catalogue pages on the demo data, grows the data set with
# tests/bench/scale.sql (100,000 services, 10,000 NGOs, 1,000,000 ratings by
# default), refreshes the optimizer's statistics and times the same pages
# again. Each page's time is the program's own (the ms= field of its request
# log line) over BENCH_SCALE_REQUESTS sequential requests, uncached: every
# request carries the rchub_fresh cookie, which nginx's micro-cache bypasses
# (the program then reads from the primary, the only server here). Before
# each page is timed, a few concurrent requests warm every worker (prepared
# statements, per-worker reference data), as a running site's workers are.
# The pages: the catalogue (all, a search word, a district and format, a
# top-level group, the deepest page its pagination links to), the service
# with the most ratings, the centre with the most services, the NGO registry
# (all, a search word, a district) and /quality; and, shown without a target,
# the catalogue's very last page, which only a typed URL reaches. The table
# (median and p95 on demo and scaled data, the ratio of medians, PASS when
# the scaled median is within 2 x the demo median) is printed and written to
# var/bench-scale/results.md with the machine described; the exit status is
# non-zero when any page fails. The stack is stopped at the end,
# even on failure, by its pid files under var/bench-scale only.
#
# Usage: tests/bench/bench-scale.sh BUILD_DIR
# Settings (environment):
#   BENCH_SCALE_PORT=18480
#   BENCH_SCALE_REQUESTS=50    timed requests per page and data set
#   BENCH_SCALE_WARMUP=8       untimed requests per page first (4 at a time)
#   BENCH_SCALE_SERVICES=100000 BENCH_SCALE_NGOS=10000 BENCH_SCALE_RATINGS=1000000
#   BENCH_SCALE_USERS=20000    members who give the ratings
#   BENCH_SCALE_HOT_RATINGS=2000  ratings of the timed service page
#   BENCH_SCALE_BUFFER_POOL=1G InnoDB buffer pool of the private server
#   BENCH_SCALE_NGO_WORD=развитие  the registry search word
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=${1:?usage: bench-scale.sh BUILD_DIR}
[[ $build == /* ]] || build=$root/$build
var=$root/var/bench-scale

port=${BENCH_SCALE_PORT:-18480}
requests=${BENCH_SCALE_REQUESTS:-50}
warmup=${BENCH_SCALE_WARMUP:-8}
n_services=${BENCH_SCALE_SERVICES:-100000}
n_ngos=${BENCH_SCALE_NGOS:-10000}
n_ratings=${BENCH_SCALE_RATINGS:-1000000}
n_users=${BENCH_SCALE_USERS:-20000}
hot_ratings=${BENCH_SCALE_HOT_RATINGS:-2000}
buffer_pool=${BENCH_SCALE_BUFFER_POOL:-1G}
ngo_word=${BENCH_SCALE_NGO_WORD:-развитие}

die() { echo "bench-scale: $*" >&2; exit 1; }
for v in port requests warmup n_services n_ngos n_ratings n_users hot_ratings; do
	[[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
[ "$requests" -ge 2 ] || die "BENCH_SCALE_REQUESTS must be at least 2"
[ "$n_users" -ge 1 ] && [ "$n_services" -ge 1 ] || die "BENCH_SCALE_USERS and BENCH_SCALE_SERVICES must be at least 1"
# The loader counts with MariaDB's seq_1_to_1000000.
for v in n_services n_ngos n_ratings n_users; do
	[ "${!v}" -le 1000000 ] || die "$v is at most 1000000"
done
[ "$n_ngos" -le 99999 ] || die "BENCH_SCALE_NGOS is at most 99999 (five digits of INN)"
for t in curl nginx mariadb mariadbd; do
	command -v "$t" >/dev/null || die "$t is missing (make deps installs it)"
done
[ -x "$build/rchub.fcgi" ] && [ -x "$build/rchub-admin" ] || die "$build/rchub.fcgi missing: run make build"

# --- the private stack, stopped whatever happens -------------------------------
cleaned=0
cleanup() {
	[ "$cleaned" = 1 ] && return 0
	cleaned=1
	nginx/stack.sh stop "$var" >/dev/null 2>&1 || echo "bench-scale: stack.sh stop $var failed" >&2
	sql/db.sh stop "$var" >/dev/null 2>&1 || echo "bench-scale: db.sh stop $var failed" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cleanup # whatever an interrupted run left under var/bench-scale
cleaned=0
port_busy "$port" && die "127.0.0.1:$port is in use (set BENCH_SCALE_PORT)"
rm -rf "$var"
mkdir -p "$var/log" "$var/times"
setup_log=$var/log/bench-scale-setup.log
echo "bench-scale: starting a private stack under var/bench-scale on 127.0.0.1:$port"
{
	DB_BUFFER_POOL=$buffer_pool sql/db.sh start "$var" &&
		sql/db.sh migrate "$var" &&
		sql/db.sh demo "$var" "$build/rchub-admin" &&
		nginx/stack.sh start "$var" "$port" "$build/rchub.fcgi"
} >"$setup_log" 2>&1 || die "the stack did not start; see $setup_log and $var/log"

sqlq() { mariadb --no-defaults -S "$var/run/mariadb.sock" -u root -N -B rchub -e "$1"; }
base=http://127.0.0.1:$port
log=$var/log/rchub.log
urlenc() { local s; s=$(printf '%s' "$1" | od -An -tx1 | tr -d ' \n'); sed 's/../%&/g' <<<"$s"; }

# --- the pages, chosen on the demo data ------------------------------------------
district=$(sqlq "SELECT d.slug FROM districts d JOIN service_districts sd ON sd.district_id = d.id
	JOIN services s ON s.id = sd.service_id AND s.status = 'active' GROUP BY d.id ORDER BY COUNT(*) DESC, d.id LIMIT 1")
group=$(sqlq "SELECT p.slug FROM categories p JOIN categories c ON c.parent_id = p.id OR c.id = p.id
	JOIN services s ON s.category_id = c.id AND s.status = 'active' WHERE p.parent_id IS NULL
	GROUP BY p.id ORDER BY COUNT(*) DESC, p.id LIMIT 1")
centre=$(sqlq "SELECT c.slug FROM centres c JOIN services s ON s.centre_id = c.id AND s.status = 'active'
	GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 1")
hot=$(sqlq "SELECT f.service_id FROM feedback f JOIN services s ON s.id = f.service_id AND s.status = 'active'
	GROUP BY f.service_id ORDER BY COUNT(*) DESC, f.service_id LIMIT 1")
hot=${hot:-$(sqlq "SELECT MIN(id) FROM services WHERE status = 'active'")}
[ -n "$district" ] && [ -n "$group" ] && [ -n "$centre" ] && [ -n "$hot" ] || die "the demo data lacks districts, categories, centres or services"
q_service=консультация
# Deep pages of the catalogue without filters (their numbers differ per data
# set): the deepest its pagination links to (the catalogue counts up to a
# bound, so with many services that is the bound's last page), and the last
# of all, which only a typed URL reaches.
linked_page() {
	curl -sS -b rchub_fresh=1 "$base/services" | grep -oE 'href="/services\?page=[0-9]+"' | grep -oE '[0-9]+' |
		sort -n | tail -1 | grep . || echo 1
}
last_page() { sqlq "SELECT GREATEST(1, CEIL(COUNT(*) / 20)) FROM services WHERE status = 'active'"; }

labels=("/services" "/services?q=$q_service" "/services?district=$district&format=online" "/services?category=$group"
	"/services?page=<linked>" "/services/$hot" "/centres/$centre" "/ngos" "/ngos?q=$ngo_word" "/ngos?district=$district")
urls=("/services" "/services?q=$(urlenc "$q_service")" "/services?district=$district&format=online"
	"/services?category=$group" "" "/services/$hot" "/centres/$centre" "/ngos" "/ngos?q=$(urlenc "$ngo_word")"
	"/ngos?district=$district")
linked=4
code=$(curl -sS -o /dev/null -w '%{http_code}' -b rchub_fresh=1 "$base/quality" || true)
if [ "$code" = 200 ]; then
	labels+=("/quality")
	urls+=("/quality")
fi
# Timed and shown, but no target: a page no link leads to.
last=${#urls[@]}
labels+=("/services?page=<last> (typed URL only)")
urls+=("")

# --- timing -------------------------------------------------------------------------
# Percentile p (0..100) of the numbers in a file, nearest rank.
pct() { sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit }
	i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.2f", v[i] }'; }

# time_page SET INDEX URL: warms the workers on URL, then times it; writes
# the program's ms and curl's total ms per request under var/bench-scale/times.
# An answer other than 200 (nginx gives up after 30 s) marks the page failed.
time_page() {
	local set=$1 i=$2 url=$3 out=$var/times/$1-$2 off code
	off=$(stat -c %s "$log")
	seq 1 "$warmup" | xargs -P 4 -I{} curl -sS -o /dev/null -m 60 -b rchub_fresh=1 "$base$url" || true
	# The slowest warm-up request: what a worker's first visit costs (its caches cold).
	page_cold[$set:$i]=$(tail -c +$((off + 1)) "$log" | grep ' event=request ' | sed -nE 's/.* ms=([0-9.]+).*/\1/p' |
		sort -n | tail -1)
	: >"$out.curl"
	off=$(stat -c %s "$log")
	page_error[$set:$i]=""
	for _ in $(seq 1 "$requests"); do
		code=$(curl -sS -o "$out.body" -m 60 -b rchub_fresh=1 -w '%{http_code} %{time_total}' "$base$url") ||
			code="000 0"
		[ "${code%% *}" = 200 ] || page_error[$set:$i]="HTTP ${code%% *}"
		awk '{ printf "%.3f\n", $2 * 1000 }' <<<"$code" >>"$out.curl"
	done
	# Only the timed requests reach the program meanwhile: the stack is private.
	tail -c +$((off + 1)) "$log" | grep ' event=request ' | sed -nE 's/.* ms=([0-9.]+).*/\1/p' >"$out.prog"
	page_bytes[$set:$i]=$(stat -c %s "$out.body")
}

measure() {
	local set=$1 i url
	echo "bench-scale: timing ${#urls[@]} pages on the $set data ($requests requests each)"
	for i in "${!urls[@]}"; do
		url=${urls[$i]}
		[ "$i" = "$linked" ] && url="/services?page=$(linked_page)"
		[ "$i" = "$last" ] && url="/services?page=$(last_page)"
		page_url[$set:$i]=$url
		time_page "$set" "$i" "$url"
		printf '  %-48s program median %8s ms  p95 %8s ms  %s\n' "$url" "$(pct "$var/times/$set-$i.prog" 50)" \
			"$(pct "$var/times/$set-$i.prog" 95)" "${page_error[$set:$i]}"
	done
}

declare -A page_bytes page_url page_error page_cold # by "set:index"
counts() {
	sqlq "SELECT CONCAT_WS(' / ', (SELECT COUNT(*) FROM services), (SELECT COUNT(*) FROM service_districts),
		(SELECT COUNT(*) FROM ngos), (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM feedback_scores),
		(SELECT COUNT(*) FROM service_requests))"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
demo_counts=$(counts)
measure demo

echo "bench-scale: loading $n_services services, $n_ngos NGOs, $n_ratings ratings (tests/bench/scale.sql)"
{
	echo "SET @scale_services = $n_services, @scale_ngos = $n_ngos, @scale_ratings = $n_ratings,"
	echo "    @scale_users = $n_users, @hot_service = $hot, @hot_ratings = $hot_ratings;"
	cat tests/bench/scale.sql
} >"$var/scale-run.sql"
t0=$(date +%s)
sql/db.sh load "$var" "$var/scale-run.sql" >"$var/log/scale-load.log" 2>&1 || die "loading failed; see $var/log/scale-load.log"
load_seconds=$(($(date +%s) - t0))
# Workers keep the quality index's sums of past ratings, which only the
# program adds to: after rows written behind its back, it starts afresh.
{ nginx/stack.sh stop "$var" && nginx/stack.sh start "$var" "$port" "$build/rchub.fcgi"; } >>"$setup_log" 2>&1 ||
	die "the stack did not restart after the load; see $setup_log"
scaled_counts=$(counts)
echo "bench-scale: loaded in ${load_seconds} s (services / their districts / NGOs / ratings / scores / requests: $scaled_counts)"
measure scaled
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the report -------------------------------------------------------------------
failures=0
declare -a rows
for i in "${!urls[@]}"; do
	d50=$(pct "$var/times/demo-$i.prog" 50) d95=$(pct "$var/times/demo-$i.prog" 95)
	s50=$(pct "$var/times/scaled-$i.prog" 50) s95=$(pct "$var/times/scaled-$i.prog" 95)
	c50=$(pct "$var/times/demo-$i.curl" 50) c50s=$(pct "$var/times/scaled-$i.curl" 50)
	r=$(awk -v a="$s50" -v b="$d50" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
	err=${page_error[demo:$i]:-${page_error[scaled:$i]:-}}
	if [ "$i" = "$last" ]; then
		verdict="no target${err:+ ($err)}"
	elif [ -z "$err" ] && awk -v a="$s50" -v b="$d50" 'BEGIN { exit !(a <= 2 * b) }'; then
		verdict=PASS
	else
		verdict="FAIL${err:+ ($err)}"
		failures=$((failures + 1))
	fi
	page=${labels[$i]}
	[ "$i" = "$linked" ] || [ "$i" = "$last" ] &&
		page="${labels[$i]/<*>/${page_url[demo:$i]#*=} / ${page_url[scaled:$i]#*=}}"
	rows+=("$page|${page_bytes[demo:$i]} / ${page_bytes[scaled:$i]}|$d50|$d95|$s50|$s95|$r|$c50 / $c50s|${page_cold[demo:$i]:--} / ${page_cold[scaled:$i]:--}|$verdict")
done
header="page|bytes demo / scaled|demo median ms|demo p95 ms|scaled median ms|scaled p95 ms|scaled / demo (median)|curl median ms demo / scaled|slowest warm-up ms demo / scaled|within 2x"
echo
{
	echo "$header"
	printf '%s\n' "${rows[@]}"
} | column -t -s '|'
cpu=$(sed -nE 's/^model name[[:space:]]*:[[:space:]]*(.*)/\1/p' /proc/cpuinfo | head -1)
mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD -- fcgi templates nginx sql tests/bench 2>/dev/null || commit="$commit (with uncommitted changes)"
workers=$(pgrep -c -P "$(cat "$var/run/rchub.pid")" || true)
{
	echo "# rchub at scale"
	echo
	echo "- date: $(date '+%Y-%m-%d %H:%M:%S %Z'); commit: $commit; $(basename "$build")/rchub.fcgi built $(date -r "$build/rchub.fcgi" '+%Y-%m-%d %H:%M:%S %Z')"
	echo "- machine: nproc $(nproc), CPU $cpu, memory $mem_total, $(uname -sr)"
	echo "- load average before / after: $load_before / $load_after (other jobs share this machine; numbers are noisy)"
	echo "- $(mariadbd --version 2>/dev/null | sed 's/ *for .*//'), InnoDB buffer pool $buffer_pool; $workers FastCGI workers"
	echo "- rows (services / service_districts / NGOs / ratings / their scores / requests): demo $demo_counts;" \
		"scaled $scaled_counts, loaded by tests/bench/scale.sql in $load_seconds s (statistics refreshed)"
	echo "- each page: $warmup warm-up requests (4 at a time), then $requests sequential requests with the" \
		"rchub_fresh cookie (no micro-cache); times are the program's own (ms= in its log), curl's total beside them"
	echo
	md() { local r; echo "| ${1//|/ | } |"; echo "|$(sed -E 's/[^|]+/---/g' <<<"$1")|"; shift
		for r in "$@"; do echo "| ${r//|/ | } |"; done; }
	md "$header" "${rows[@]}"
	echo
	echo "Target (DESIGN.md): with 100,000 services and 1,000,000 ratings loaded, each page's median within 2 × its demo-data median."
	echo "\"Slowest warm-up\": the slowest of the untimed requests before each page, where a worker's first visit fills its" \
		"per-worker caches (the sums of the quality index are read in full once per worker, then kept up to date)."
	echo "Deep pages of the catalogue without filters: the deepest its pagination links to (it counts matches up to a bound" \
		"and then says «более …»), and, with no target, the very last one, which only a typed URL reaches (OFFSET: its cost" \
		"grows with the catalogue)."
} >"$var/results.md"
echo
echo "bench-scale: results written to var/bench-scale/results.md"
[ "$failures" -eq 0 ] || die "$failures page(s) slower than 2 x their demo-data time"

#!/usr/bin/env bash
# tests/bench/bench.sh (`make bench`, after `make build`): the performance
# targets of DESIGN.md, measured. It brings up a private stack under var/bench
# (own MariaDB, rchub.fcgi and nginx on 127.0.0.1:BENCH_PORT) the way
# tests/run.sh does, and a second nginx on BENCH_STATIC_PORT that serves the
# exact bytes of each benchmarked page as a static file (the physical limit of
# this machine for that response). Then, for each page, wrk runs against
#   anonymous  the page as a visitor gets it (through the nginx micro-cache
#              when the stack's nginx has one; column "X-Cache");
#   signed-in  the same page for a member signed in through POST /login (the
#              session cookie bypasses the micro-cache): every request reaches
#              rchub.fcgi (session lookup, DB, template);
#   static     its static twin;
# and the script prints a table (req/s, dynamic/static ratio, p50/p99), the
# FastCGI workers' resident memory before and after the load, and hints on
# where the time goes (time spent in the program from its own `ms=` log
# field; CPU per request of nginx, the workers and MariaDB from /proc) and how
# much CPU other jobs on the machine took during each run (noise).
# The same tables go to var/bench/results.md, with the machine described.
# Everything listens on 127.0.0.1 only; every load is bounded in time; the
# stack and the static nginx are stopped at the end, even on failure, by
# their pid files under var/bench only.
#
# Settings (environment):
#   BUILD=build           the build measured (make bench BUILD=build-perf)
#   BENCH_SECONDS=10      length of each measured wrk run
#   BENCH_WARMUP=1        an unreported wrk run before each measured one (0: none)
#   BENCH_THREADS=2 BENCH_CONNECTIONS=32
#   BENCH_PORT=18380 BENCH_STATIC_PORT=BENCH_PORT+1
#   BENCH_COOKIE="name=value"  the cookie of the signed-in runs instead of
#                         signing in (if signing in fails, a made-up session
#                         cookie is sent and the mode is called "uncached")
#   BENCH_CENTRE=slug BENCH_SERVICE=id  (default: chosen from the demo data)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here=$root/tests/bench
# The build to measure: make's BUILD (passed on make's command line, which
# exports it), build/ by default.
build=${BUILD:-build}
[[ $build == /* ]] || build=$root/$build
var=$root/var/bench

seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-1}
threads=${BENCH_THREADS:-2}
conns=${BENCH_CONNECTIONS:-32}
port=${BENCH_PORT:-18380}
static_port=${BENCH_STATIC_PORT:-$((port + 1))}
cookie=${BENCH_COOKIE:-}

die() { echo "bench: $*" >&2; exit 1; }
for v in seconds warmup threads conns port static_port; do
	[[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
[ "$seconds" -ge 1 ] || die "BENCH_SECONDS must be at least 1"
[ "$conns" -ge "$threads" ] || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# --- tools -------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
	[ "$(id -u)" = 0 ] || die "wrk is missing: apt-get install wrk (or run make deps as root)"
	echo "bench: installing wrk"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -q && apt-get install -y -q --no-install-recommends wrk; } >/dev/null \
		|| die "apt-get install wrk failed"
fi
for t in curl nginx mariadb mariadbd ps timeout; do
	command -v "$t" >/dev/null || die "$t is missing (make deps installs it)"
done
[ -x "$build/rchub.fcgi" ] && [ -x "$build/rchub-admin" ] || die "$build/rchub.fcgi missing: run make build"
built=$(date -r "$build/rchub.fcgi" '+%Y-%m-%d %H:%M:%S %Z')

# --- the private stack and the static twin, stopped whatever happens -----------
sdir=$var/static                 # the static comparison server's prefix
spid=$sdir/run/nginx.pid

stop_pidfile() {
	local f=$1 pid
	[ -f "$f" ] || return 0
	pid=$(cat "$f")
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid"
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	fi
	rm -f "$f"
}

cleaned=0
cleanup() {
	[ "$cleaned" = 1 ] && return 0
	cleaned=1
	stop_pidfile "$spid"
	nginx/stack.sh stop "$var" >/dev/null 2>&1 || echo "bench: stack.sh stop $var failed" >&2
	sql/db.sh stop "$var" >/dev/null 2>&1 || echo "bench: db.sh stop $var failed" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Whatever a previous, interrupted bench left running under var/bench.
cleanup
cleaned=0
[ "$port" != "$static_port" ] || die "BENCH_PORT and BENCH_STATIC_PORT must differ"
for p in "$port" "$static_port"; do
	port_busy "$p" && die "127.0.0.1:$p is in use (set BENCH_PORT / BENCH_STATIC_PORT)"
done

rm -rf "$var"
mkdir -p "$var/log" "$var/wrk" "$sdir"/{run,log,pages} "$sdir"/tmp/{client_body,proxy,fastcgi,uwsgi,scgi}
setup_log=$var/log/bench-setup.log
echo "bench: starting a private stack under var/bench on 127.0.0.1:$port"
{
	sql/db.sh start "$var" &&
		sql/db.sh migrate "$var" &&
		sql/db.sh demo "$var" "$build/rchub-admin" &&
		nginx/stack.sh start "$var" "$port" "$build/rchub.fcgi"
} >"$setup_log" 2>&1 || die "the stack did not start; see $setup_log and $var/log"

# The stack's nginx without its access log (the static twin has none either):
# a variant of the generated config, under var/bench, on the same pid file.
conf=$var/nginx/nginx.conf
bconf=$var/nginx/nginx-bench.conf
sed -E 's|^([[:space:]]*)access_log[[:space:]]+[^;]*;|\1access_log off;|' "$conf" >"$bconf"
for f in "$var"/nginx/*.conf; do
	[ "$f" = "$conf" ] && continue
	if grep -E '^[[:space:]]*access_log[[:space:]]' "$f" | grep -vq 'access_log off'; then
		echo "bench: note: $(basename "$f") has its own access_log; left as is" >&2
	fi
done
nginx -p "$var/nginx" -c "$bconf" -t -q 2>>"$setup_log" || die "the access-log-free variant of nginx.conf is invalid; see $setup_log"
npid=$(cat "$var/run/nginx.pid")
kill -QUIT "$npid"
for _ in $(seq 1 100); do kill -0 "$npid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$npid" 2>/dev/null && die "the stack's nginx ($npid) did not stop for the restart"
nginx -p "$var/nginx" -c "$bconf"
for _ in $(seq 1 50); do port_busy "$port" && break; sleep 0.1; done
workers_conf=$(sed -nE 's/^[[:space:]]*worker_processes[[:space:]]+([^;]+);.*/\1/p' "$bconf" | head -1)
workers_conf=${workers_conf:-1}

# --- the pages -------------------------------------------------------------------
sqlq() { mariadb --no-defaults -S "$var/run/mariadb.sock" -u root -N -B rchub -e "$1"; }
centre=${BENCH_CENTRE:-$(sqlq "SELECT c.slug FROM centres c JOIN services s ON s.centre_id = c.id AND s.status = 'active'
	GROUP BY c.id ORDER BY COUNT(*) DESC, c.id LIMIT 1")}
service=${BENCH_SERVICE:-$(sqlq "SELECT id FROM services WHERE status = 'active' ORDER BY id LIMIT 1")}
[ -n "$centre" ] && [ -n "$service" ] || die "no centre or service in the demo data"
pages=("/services" "/services?district=khabarovsk&format=online" "/centres/$centre" "/services/$service")

base=http://127.0.0.1:$port
sbase=http://127.0.0.1:$static_port

# A member account, signed in the way a browser does (GET /login for the CSRF
# token, POST /login): its session cookie makes every request personal.
signed_mode=signed-in
sign_in() {
	local email=bench@example.org pw jar=$var/cookies.txt token code
	pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
	RCHUB_PASSWORD=$pw "$build/rchub-admin" -c "$var/rchub.ini" create-user "$email" "Нагрузочный тест" member \
		>>"$setup_log" 2>&1 || return 1
	local html
	html=$(curl -sS -c "$jar" "$base/login") || return 1
	token=$(sed -nE 's/.*name="csrf" value="([0-9a-f]+)".*/\1/p' <<<"$html")
	token=${token%%$'\n'*}
	[ -n "$token" ] || return 1
	code=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "email=$email" \
		--data-urlencode "password=$pw" --data-urlencode "csrf=$token" "$base/login") || return 1
	[ "$code" = 303 ] || return 1
	token=$(awk -F '\t' '$6 == "rchub_session" { print $7 }' "$jar")
	[ -n "$token" ] || return 1
	cookie="rchub_session=$token"
	# Whole answer first: grep -q would close the pipe early and fail curl.
	html=$(curl -sS -H "Cookie: $cookie" "$base/services") || return 1
	grep -q 'class="logout-form"' <<<"$html"
}
if [ -z "$cookie" ] && ! sign_in; then
	echo "bench: note: signing in failed (see $setup_log); the uncached runs send a made-up session cookie" >&2
	cookie="rchub_session=bench-not-signed-in"
	signed_mode=uncached
elif [ -n "${BENCH_COOKIE:-}" ]; then
	signed_mode=uncached
fi
header_of() { sed -nE "s/^$2:[[:space:]]*(.*)$/\\1/Ip" "$1" | tr -d '\r' | tail -1; }

# Fetches each page once: its exact bytes become the static twin's file; its
# Content-Type and other fixed headers become that location's.
: >"$sdir/pages.conf"
declare -a xcache_anon xcache_cookie ctype
for i in "${!pages[@]}"; do
	url=$base${pages[$i]}
	hdr=$sdir/pages/$i.headers
	code=$(curl -sS -o "$sdir/pages/$i.body" -D "$hdr" -w '%{http_code}' "$url") || die "curl $url failed"
	[ "$code" = 200 ] || die "$url answered $code, not 200"
	ctype[$i]=$(header_of "$hdr" Content-Type)
	# A second anonymous request shows whether the micro-cache now serves it.
	curl -sS -o /dev/null -D "$sdir/pages/$i.headers2" "$url" || die "curl $url failed"
	xcache_anon[$i]=$(header_of "$sdir/pages/$i.headers2" X-Cache)
	code=$(curl -sS -o /dev/null -D "$sdir/pages/$i.headers-cookie" -w '%{http_code}' -H "Cookie: $cookie" "$url") \
		|| die "curl $url failed"
	[ "$code" = 200 ] || die "$url with Cookie: $cookie answered $code, not 200"
	xcache_cookie[$i]=$(header_of "$sdir/pages/$i.headers-cookie" X-Cache)
	{
		printf 'location = /page-%d {\n' "$i"
		printf '    alias %s;\n' "$sdir/pages/$i.body"
		printf '    default_type "%s";\n' "${ctype[$i]}"
		# The program's own fixed headers, so that both answers weigh the same.
		tr -d '\r' <"$hdr" | tail -n +2 | while IFS= read -r line; do
			name=${line%%:*}
			value=${line#*:}
			value=${value# }
			[ -n "$name" ] && [ "$name" != "$line" ] || continue
			case ${name,,} in
			date | server | connection | keep-alive | content-length | content-type | transfer-encoding | \
				etag | last-modified | x-cache | set-cookie | accept-ranges | vary) continue ;;
			esac
			[[ $value == *[\"\$\\]* ]] && continue
			printf '    add_header %s "%s";\n' "$name" "$value"
		done
		printf '}\n'
	} >>"$sdir/pages.conf"
done

user=""
[ "$(id -u)" = 0 ] && user="user root;"
sed -e "s|@DIR@|$sdir|g" -e "s|@PORT@|$static_port|g" -e "s|@WORKERS@|$workers_conf|g" -e "s|@USER@|$user|" \
	"$here/static.conf.in" >"$sdir/nginx.conf"
nginx -p "$sdir" -c "$sdir/nginx.conf" -t -q 2>>"$setup_log" || die "static nginx config invalid; see $setup_log"
nginx -p "$sdir" -c "$sdir/nginx.conf"
for _ in $(seq 1 50); do port_busy "$static_port" && break; sleep 0.1; done
for i in "${!pages[@]}"; do
	surl=$sbase/page-$i
	curl -sS -o "$sdir/pages/$i.check" -D "$sdir/pages/$i.check-headers" "$surl" || die "curl $surl failed"
	cmp -s "$sdir/pages/$i.body" "$sdir/pages/$i.check" || die "$surl does not serve the same bytes as ${pages[$i]}"
	st=$(header_of "$sdir/pages/$i.check-headers" Content-Type)
	[ "$st" = "${ctype[$i]}" ] || die "$surl has Content-Type '$st', ${pages[$i]} has '${ctype[$i]}'"
done

# --- measuring helpers -------------------------------------------------------------
master=$(cat "$var/run/rchub.pid")
children() { ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' || true; }
fcgi_workers() { children "$master"; }
family() { local m; m=$(cat "$1" 2>/dev/null) || return 0; echo "$m"; children "$m"; }
group_pids() {
	case $1 in
	nginx) family "$var/run/nginx.pid" ;;
	rchub) family "$var/run/rchub.pid" ;;
	mariadb) cat "$var/run/mariadb.pid" 2>/dev/null || true ;;
	static) family "$spid" ;;
	esac
}
# utime + stime (clock ticks) of processes; /proc/PID/stat counts all threads.
ticks() {
	local t=0 p s
	local -a f
	for p in "$@"; do
		s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
		read -ra f <<<"${s##*) }"
		t=$((t + f[11] + f[12]))
	done
	echo "$t"
}
groups=(nginx rchub mariadb static)
# shellcheck disable=SC2046 # one pid a word
snapshot() { local g; for g in "${groups[@]}"; do ticks $(group_pids "$g"); done; }
hz=$(getconf CLK_TCK)
ncpu=$(nproc)
# Busy ticks of the whole machine (user nice system irq softirq steal).
busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
# CPU ticks of this shell's finished children (wrk among them), from `times`,
# which must run in this shell (a forked subshell starts from zero).
children_ticks() {
	times >"$var/.times"
	awk -v hz="$hz" 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
		printf "%d\n", t * hz }' "$var/.times"
}

rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.1f", $2 / 1024; f = 1 } END { if (!f) printf "-" }' "/proc/$1/status" 2>/dev/null || echo -; }

declare -A rss_before
for w in $(fcgi_workers); do rss_before[$w]=$(rss_mb "$w" VmRSS); done

field() { sed -nE "s/.*[[:space:]]$1=([^[:space:]]+).*/\\1/p" <<<"$2"; }

# run NAME URL [wrk args...]: one warm-up and one measured wrk run. Sets
# R_* from the BENCH line, the program's log over the run and /proc CPU.
run() {
	local name=$1 url=$2
	shift 2
	local limit=$((seconds + 30))
	if [ "$warmup" -gt 0 ]; then
		timeout -k 5 $((warmup + 30)) wrk -t"$threads" -c"$conns" -d"${warmup}s" --timeout 2s "$@" "$url" \
			>"$var/wrk/$name.warmup.txt" 2>&1 || true
	fi
	local log=$var/log/rchub.log off
	off=$(stat -c %s "$log")
	local -a c0 c1
	read -ra c0 <<<"$(snapshot | tr '\n' ' ')"
	children_ticks >"$var/.t0"
	local b0 b1 w0 w1
	b0=$(busy_ticks) w0=$(cat "$var/.t0")
	timeout -k 5 "$limit" wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 2s -s "$here/report.lua" "$@" "$url" \
		>"$var/wrk/$name.txt" 2>&1 || true
	read -ra c1 <<<"$(snapshot | tr '\n' ' ')"
	b1=$(busy_ticks)
	children_ticks >"$var/.t1"
	w1=$(cat "$var/.t1")
	local line
	line=$(grep -m1 '^BENCH ' "$var/wrk/$name.txt" || true)
	if [ -z "$line" ]; then
		echo "bench: wrk gave no result for $url; see var/bench/wrk/$name.txt" >&2
		R_rps=- R_p50=- R_p99=- R_req=0 R_err=-
		failures=$((failures + 1))
	else
		R_rps=$(field rps "$line") R_p50=$(field p50_ms "$line") R_p99=$(field p99_ms "$line")
		R_req=$(field requests "$line")
		R_err=$(($(field err_connect "$line") + $(field err_read "$line") + $(field err_write "$line") +
			$(field err_timeout "$line") + $(field non2xx3xx "$line")))
	fi
	# Requests that reached the program during the run, and its own time for them.
	read -r R_prog R_pms50 R_pms99 R_pmsavg < <(tail -c +$((off + 1)) "$log" | grep ' event=request ' |
		sed -nE 's/.* ms=([0-9.]+).*/\1/p' | sort -n |
		awk '{ v[NR] = $1; s += $1 }
		     END { if (NR == 0) { print 0, "-", "-", "-"; exit }
		           i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999)
		           printf "%d %.2f %.2f %.2f\n", NR, v[i50], v[i99], s / NR }')
	# CPU per request (µs) of each process group over the measured run, and
	# the share of the machine that other jobs used meanwhile (noise).
	local g k=0 ours=$((w1 - w0))
	for g in "${groups[@]}"; do
		if [ "${R_req:-0}" -gt 0 ]; then
			printf -v "R_cpu_$g" '%s' "$(awk -v d=$((c1[k] - c0[k])) -v hz="$hz" -v n="$R_req" \
				'BEGIN { printf "%.0f", d / hz * 1e6 / n }')"
		else
			printf -v "R_cpu_$g" '%s' -
		fi
		ours=$((ours + c1[k] - c0[k]))
		k=$((k + 1))
	done
	R_other=$(awk -v d=$((b1 - b0 - ours)) -v t="$seconds" -v hz="$hz" -v n="$ncpu" \
		'BEGIN { v = d / (t * hz * n) * 100; printf "%.0f", v < 0 ? 0 : v }')
	R_cpu_wrk=$(awk -v d=$((w1 - w0)) -v hz="$hz" -v n="${R_req:-0}" 'BEGIN { if (n > 0) printf "%.0f", d / hz * 1e6 / n; else print "-" }')
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && a + 0 >= b + 0) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "-" && a + 0 <= b + 0) }'; }

# --- the runs ---------------------------------------------------------------------------
failures=0
declare -a rows hints
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: ${#pages[@]} pages x 3 runs of ${seconds} s (wrk -t$threads -c$conns, +${warmup} s warm-up each)"
for i in "${!pages[@]}"; do
	page=${pages[$i]}
	run "$i-static" "$sbase/page-$i"
	# shellcheck disable=SC2154 # R_cpu_static: set by run() through printf -v
	s_rps=$R_rps s_p50=$R_p50 s_p99=$R_p99 s_err=$R_err s_cpu=$R_cpu_static s_other=$R_other
	for mode in anonymous "$signed_mode"; do
		if [ "$mode" = anonymous ]; then
			run "$i-$mode" "$base$page"
			xc=${xcache_anon[$i]:-none}
		else
			run "$i-$mode" "$base$page" -H "Cookie: $cookie"
			xc=${xcache_cookie[$i]:-none}
		fi
		r=$(ratio "$R_rps" "$s_rps")
		if [ "$mode" = anonymous ] && [ "$xc" != none ]; then
			if ge "$r" 0.9; then verdict="ok (>=0.9)"; else verdict="BELOW 0.9x"; fi
		elif [ "$mode" = anonymous ]; then
			verdict="no micro-cache"
		else
			verdict=""
			ge "$r" 0.2 || verdict="BELOW 0.2x"
			le "$R_p99" 10 || verdict="${verdict:+$verdict, }p99>10ms"
			verdict=${verdict:-ok (>=0.2x, p99<=10ms)}
		fi
		errs=$R_err
		[ "$s_err" != 0 ] && errs="$errs / static $s_err"
		rows+=("$page|$(stat -c %s "$sdir/pages/$i.body")|$mode|$xc|$R_rps|$s_rps|$r|$R_p50|$R_p99|$s_p50|$s_p99|$errs|$R_other / $s_other|$verdict")
		hints+=("$page|$mode|$R_req|$R_prog|$R_pms50|$R_pms99|$R_pmsavg|$R_cpu_nginx|$R_cpu_rchub|$R_cpu_mariadb|$R_cpu_wrk|$s_cpu")
		printf '  %-45s %-9s %9s req/s (static %9s)  p50 %s ms  p99 %s ms\n' "$page" "$mode" "$R_rps" "$s_rps" "$R_p50" "$R_p99"
	done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

declare -a mem
for w in $(fcgi_workers); do
	served=$(grep -c " pid=$w event=request " "$var/log/rchub.log" || true)
	mem+=("$w|${rss_before[$w]:-new}|$(rss_mb "$w" VmRSS)|$(rss_mb "$w" VmHWM)|$served")
done
for w in "${!rss_before[@]}"; do
	[ -d "/proc/$w" ] || mem+=("$w|${rss_before[$w]}|gone|gone|-")
done
died=$(grep -cE 'event=worker_(died|exited)' "$var/log/rchub.log" || true)

# --- the report -------------------------------------------------------------------------
md_table() { # header row, then rows, each '|'-separated
	local h=$1 r
	shift
	echo "| ${h//|/ | } |"
	echo "|$(sed -E 's/[^|]+/---/g' <<<"$h")|"
	for r in "$@"; do echo "| ${r//|/ | } |"; done
}
text_table() {
	{
		echo "$1"
		shift
		printf '%s\n' "$@"
	} >"$var/.table"
	column -t -s '|' "$var/.table" 2>/dev/null || cat "$var/.table"
	rm -f "$var/.table"
}

cpu=$(sed -nE 's/^model name[[:space:]]*:[[:space:]]*(.*)/\1/p' /proc/cpuinfo | head -1)
mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD -- fcgi templates nginx sql 2>/dev/null || commit="$commit (with uncommitted changes)"
h_main="page|bytes|mode|X-Cache|dynamic req/s|static req/s|dynamic/static|dyn p50 ms|dyn p99 ms|static p50 ms|static p99 ms|errors|other jobs' CPU % (dyn / static run)|target"
h_hint="page|mode|wrk requests|reached rchub.fcgi|program ms p50|program ms p99|program ms mean|CPU µs/req nginx|CPU µs/req rchub workers|CPU µs/req MariaDB|CPU µs/req wrk|CPU µs/req static nginx (its static run)"
h_mem="worker pid|VmRSS before MB|VmRSS after MB|VmHWM (peak) MB|requests served"

echo
text_table "$h_main" "${rows[@]}"
echo
echo "Where the time goes (program ms= from var/bench/log/rchub.log over each run; CPU from /proc over each run):"
text_table "$h_hint" "${hints[@]}"
echo
echo "FastCGI workers (children of rchub.fcgi $master); target: VmRSS <= 16 MB; worker deaths/exits logged: $died"
text_table "$h_mem" "${mem[@]}"

{
	echo "# rchub benchmark"
	echo
	echo "- date: $(date '+%Y-%m-%d %H:%M:%S %Z')"
	echo "- commit: $commit; $(basename "$build")/rchub.fcgi built $built"
	echo "- machine: nproc $(nproc), CPU $cpu, memory $mem_total, $(uname -sr)"
	echo "- load average before / after: $load_before / $load_after (other jobs share this machine; numbers are noisy)"
	echo "- wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'): -t$threads -c$conns, ${seconds} s per run after a ${warmup} s warm-up, loopback"
	echo "- nginx $(nginx -v 2>&1 | sed 's|.*/||'): worker_processes $workers_conf on both, access_log off on both;" \
		"the static twin serves the same bytes and Content-Type"
	if [ "$signed_mode" = signed-in ]; then
		echo "- signed-in runs send the session cookie of a member who signed in through POST /login (it bypasses the micro-cache);" \
			"anonymous runs send no cookie; the static twin holds the anonymous bytes"
	else
		echo "- uncached runs send \`Cookie: ${cookie%%=*}=…\` (not a signed-in session), which bypasses the micro-cache; anonymous runs send none"
	fi
	echo
	echo "## Throughput and latency"
	echo
	md_table "$h_main" "${rows[@]}"
	echo
	echo "Targets (DESIGN.md): anonymous pages through the micro-cache ≥ 0.9 × static; uncached (signed-in) ≥ 0.2 × static and p99 ≤ 10 ms."
	echo "\"Other jobs' CPU %\": the machine's busy CPU during the run (/proc/stat) minus that of the bench's own processes and wrk," \
		"as a share of all $ncpu CPUs; high values mean the run was disturbed and its numbers are not to be trusted."
	echo
	echo "## Where the time goes"
	echo
	md_table "$h_hint" "${hints[@]}"
	echo
	echo "Program ms = the \`ms=\` field of rchub.fcgi's request log line (parse, DB, template, response); CPU = utime+stime from /proc per request served by wrk."
	echo
	echo "## FastCGI worker memory"
	echo
	md_table "$h_mem" "${mem[@]}"
	echo
	echo "Target: a worker's VmRSS ≤ 16 MB. VmHWM is the worker's peak since it started, including the bench's one" \
		"sign-in (argon2id) if that worker served it. Worker deaths or exits logged during the bench: $died."
} >"$var/results.md"
echo
echo "bench: results written to var/bench/results.md"
[ "$failures" -eq 0 ] || die "$failures wrk run(s) gave no result"

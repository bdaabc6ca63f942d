#!/usr/bin/env bash
# tests/fuzz/run.sh: runs libFuzzer drivers built by `make fuzz-build` one
# after another and prints one line per driver: executions, exec/s, and ok or
# CRASH. Exits 1 when any driver crashed (sanitizer error, broken invariant,
# leak, timeout).
#   tests/fuzz/run.sh grow  DRIVER...   new inputs go into tests/fuzz/corpus/DRIVER/,
#                                       which is then minimised (seed-* files kept)
#   tests/fuzz/run.sh smoke DRIVER...   the corpus is read, never written
# FUZZ_RUNS (executions per driver) or FUZZ_SECONDS (time per driver) bound a run.
set -uo pipefail
mode=${1:?usage: run.sh grow|smoke DRIVER...}
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=build/fuzz
mkdir -p "$out/logs" "$out/artifacts"
crashed=0

# Longest input worth trying: a little past the limit each parser enforces.
max_len() {
	case $1 in
	fuzz_query | fuzz_cookies | fuzz_route) echo 4200 ;;  # REQ_MAX_URI, REQ_MAX_COOKIE_LEN
	fuzz_form) echo 17000 ;;                               # REQ_MAX_FIELD_LEN
	*) echo 4096 ;;
	esac
}

# Minimises the driver's corpus: the seed-* files stay, and of the rest only
# inputs that add coverage to them.
minimise() {
	local d=$1 corpus=tests/fuzz/corpus/$1 merged=$out/merge/$1
	rm -rf "$merged"
	mkdir -p "$merged"
	cp "$corpus"/seed-* "$merged"/ 2>/dev/null
	if "$out/$d" -merge=1 -max_len="$(max_len "$d")" "$merged" "$corpus" >>"$out/logs/$d.log" 2>&1; then
		rm -rf "$corpus" && mv "$merged" "$corpus"
	else
		echo "$d: corpus minimisation failed, see $out/logs/$d.log"
	fi
}

for d in "$@"; do
	corpus=tests/fuzz/corpus/$d
	mkdir -p "$corpus"
	dirs=("$corpus")
	if [ "$mode" = smoke ]; then
		rm -rf "$out/smoke/$d" && mkdir -p "$out/smoke/$d"
		dirs=("$out/smoke/$d" "$corpus")
	fi
	limit=(-runs="${FUZZ_RUNS:-10000000}")
	[ -n "${FUZZ_SECONDS:-}" ] && limit=(-max_total_time="$FUZZ_SECONDS")
	dict=()
	[ -f "tests/fuzz/$d.dict" ] && dict=(-dict="tests/fuzz/$d.dict")
	log=$out/logs/$d.log
	start=$(date +%s%N)
	"$out/$d" "${limit[@]}" "${dict[@]}" -max_len="$(max_len "$d")" -timeout=10 \
		-print_final_stats=1 -artifact_prefix="$out/artifacts/$d-" "${dirs[@]}" >"$log" 2>&1
	rc=$?
	ms=$((($(date +%s%N) - start) / 1000000 + 1))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	speed=$([ -n "$execs" ] && echo $((execs * 1000 / ms)))
	if [ $rc -eq 0 ]; then
		result=ok
		[ "$mode" = grow ] && minimise "$d"
	else
		result="CRASH (exit $rc): $(grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken)' "$log"); see $log"
		crashed=1
	fi
	printf '%-14s %10s runs %6d s %8s exec/s  %s\n' "$d" "${execs:-?}" $((ms / 1000)) "${speed:-?}" "$result"
done
exit $crashed

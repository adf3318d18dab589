#!/usr/bin/env bash
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for a
# bounded time. Fails if any target finds a crash, a leak, a timeout (an input
# that takes longer than FUZZ_TIMEOUT seconds) or runs out of memory.
#
#   bash tests/fuzz/run.sh [SECONDS_PER_TARGET]        (default 60)
#
# Environment: CC (default clang-14, else clang), FUZZ_BUILD_DIR (default
# build-hard-fuzz), FUZZ_JOBS (targets run at once, default 1), FUZZ_TIMEOUT
# (seconds per input, default 20), FUZZ_MAX_LEN (default 16384),
# FUZZ_KEEP_GOING=1 (libFuzzer fork mode: keep fuzzing past crashes and
# timeouts, collect them all, and fail at the end if there were any),
# EARNINGS_SHARED_DIR (default ../shared). The corpus grows in
# $FUZZ_BUILD_DIR/corpus/<target> across runs; crash inputs are written to
# $FUZZ_BUILD_DIR/crashes/<target>/. Keep each one, once fixed, in
# tests/fuzz/regressions/<target>/ (replayed by the fuzz_regressions_* CTests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-60}
build=${FUZZ_BUILD_DIR:-$root/build-hard-fuzz}
shared=${EARNINGS_SHARED_DIR:-$root/../shared}
jobs=${FUZZ_JOBS:-1}
if [ -z "${CC:-}" ]; then
  if command -v clang-14 >/dev/null; then CC=clang-14; else CC=clang; fi
fi
export CC

echo "== building the fuzz targets with $CC in $build"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=(normalize parse)
[ -f "$root/include/earnings/entities.h" ] && targets+=(lexicon)
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null

echo "== seed corpora"
rm -rf "$build/seeds"
python3 "$here/make_seeds.py" "$build/seeds" "$shared"

# Known, reported bugs whose checks are compiled recoverable are suppressed
# (tests/fuzz/ubsan-known.supp); any other report stops the run.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$here/ubsan-known.supp"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"

run_target() {
  local t=$1 log=$build/logs/$1.log
  mkdir -p "$build/corpus/$t" "$build/crashes/$t" "$build/crashes-previous/$t" "$build/logs"
  # artifacts of an earlier run are kept aside, not counted again
  find "$build/crashes/$t" -type f -exec mv -t "$build/crashes-previous/$t" {} + 2>/dev/null || true
  local regs=()
  [ -d "$here/regressions/$t" ] && regs=("$here/regressions/$t")
  local more=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && more=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  if "$build/fuzz_$t" "${more[@]}" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-20}" \
       -rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-16384}" -dict="$here/earnings.dict" \
       -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" \
       "$build/corpus/$t" "$build/seeds/$t" "${regs[@]}" >"$log" 2>&1; then
    local runs cov
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*')
    printf '%-10s ok    %8s s  %10s executions  %s\n' "$t" "$secs" "$runs" "$cov" | tee -a "$build/summary.txt"
    return 0
  fi
  printf '%-10s FAILED (log %s)\n' "$t" "$log" | tee -a "$build/summary.txt"
  grep -E 'ERROR|runtime error|invariant failed|SUMMARY|Test unit written' "$log" | head -8 >&2
  return 1
}

echo "== fuzzing ${targets[*]}: $secs s each, $jobs at a time"
: > "$build/summary.txt"
fail=0
pids=()
for t in "${targets[@]}"; do
  run_target "$t" & pids+=($!)
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    wait "${pids[0]}" || fail=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || fail=1; done
if [ "$fail" != 0 ]; then
  echo "fuzzing found a failure: inputs in $build/crashes/" >&2
  exit 1
fi
echo "fuzzing passed"

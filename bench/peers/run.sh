#!/usr/bin/env bash
# Peer benchmark: Recognizers-Text (number, percentage, currency, dimension;
# EN culture on English, ZH-CN on Chinese) against libearnings over the same
# text, with the agreement of the figures found. Prints one Markdown report.
#
#   bash bench/peers/run.sh [BUILD_DIR]      (default build-hard; a RelWithDebInfo build)
#
# Environment: EARNINGS_SHARED_DIR (default ../shared), PEER_SAMPLE_KB (text per
# language given to Recognizers-Text, default 150: it runs at ~0.01-0.03 MB/s),
# BENCH_MB (earnings_bench size, default 10). Needs node and npm (the
# Recognizers-Text package is installed here from package-lock.json with npm ci).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build-hard}" && pwd)
shared=${EARNINGS_SHARED_DIR:-$root/../shared}
corpus=$shared/corpus
out=$build/peers
mkdir -p "$out"
for f in "$build/bench/earnings_bench" "$build/examples/earnings"; do
  [ -x "$f" ] || { echo "peers: $f not built" >&2; exit 2; }
done
if [ ! -d "$here/node_modules/@microsoft/recognizers-text-suite" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi

echo "== Recognizers-Text" >&2
/usr/bin/time -v -o "$out/rt.time" node "$here/recognizers.js" --corpus "$corpus" --out "$out" \
  --sample-kb "${PEER_SAMPLE_KB:-150}" > "$out/rt.json"

echo "== earnings figures over the same text" >&2
for lang in en zh; do
  # best of 5 runs of the CLI (process start and engine construction included)
  best=
  for i in 1 2 3 4 5; do
    t0=$EPOCHREALTIME
    /usr/bin/time -v -o "$out/fig-$lang.time" "$build/examples/earnings" figures "$out/$lang.txt" > "$out/fig-$lang.jsonl"
    t1=$EPOCHREALTIME
    s=$(awk "BEGIN{print $t1 - $t0}")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
  done
  echo "$best" > "$out/fig-$lang.secs"
done

echo "== earnings_bench (1 thread, then 2 threads)" >&2
"$build/bench/earnings_bench" --corpus "$corpus" --mb "${BENCH_MB:-10}" > "$out/bench-1.md"
"$build/bench/earnings_bench" --corpus "$corpus" --mb "${BENCH_MB:-10}" --threads 2 > "$out/bench-2.md"

python3 "$here/report.py" "$out"

#!/usr/bin/env bash
# Installs the dependencies, builds libearnings and runs it over the bundled
# sample documents (examples/samples/*.txt).
# usage: bash examples/quickstart.sh        (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)"
for f in examples/samples/*.txt; do
  echo "== $f"
  echo "-- sentences: $(./build/examples/earnings sentences "$f" | wc -l)"
  echo "-- first tokens:"
  ./build/examples/earnings tokenize "$f" | head -n 12
done

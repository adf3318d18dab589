#!/usr/bin/env bash
# Installs the dependencies, builds libearnings and runs it over the bundled
# sample documents (examples/samples/*.txt): the figures each one states.
# usage: bash examples/quickstart.sh        (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)"
for f in examples/samples/*.txt; do
  echo "== $f: $(./build/examples/earnings sentences "$f" | wc -l) sentences, $(./build/examples/earnings entities "$f" | wc -l) entity mentions"
  ./build/examples/earnings figures "$f"
done

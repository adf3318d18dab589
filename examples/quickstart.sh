#!/usr/bin/env bash
# Installs the dependencies, builds libearnings and runs its main job over the
# bundled sample documents (examples/samples/: the same quarter summarized in
# English and in Chinese): the facts of each document, then the two
# reconciled against each other.
# usage: bash examples/quickstart.sh        (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)"
for f in examples/samples/*.txt; do
  echo "== facts of $f"
  ./build/examples/earnings facts --table "$f"
  echo
done
echo "== the samples reconciled"
./build/examples/earnings reconcile --table examples/samples/*.txt

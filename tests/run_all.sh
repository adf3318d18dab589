#!/usr/bin/env bash
# The whole test suite: a plain build and an ASan+UBSan build, each running
# every CTest suite; then the unit suites under valgrind.
# usage: bash tests/run_all.sh        (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

need_deps=0
for cmd in cmake pkg-config cc valgrind clang abidw; do command -v "$cmd" >/dev/null || need_deps=1; done
pkg-config --exists libutf8proc icu-uc icu-i18n cunit 2>/dev/null || need_deps=1
command -v go >/dev/null || need_deps=1
/usr/bin/python3 -c 'import dask, distributed' 2>/dev/null || need_deps=1
if [ "$need_deps" = 1 ]; then
  echo "== installing dependencies"
  bash .ci/install-deps.sh
fi

echo "== plain build (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== bindings: Python (ctypes), Dask scale-out, Go (cgo) against an install of build/"
bash bindings/run_tests.sh build

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/)"
# (with allocation-failure injection compiled in, so that test_failalloc
# fails every allocation in turn under LeakSanitizer)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DEARNINGS_SANITIZE=ON -DEARNINGS_FAILALLOC=ON \
      -DEARNINGS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs")

echo "== ThreadSanitizer: 4 threads sharing one engine (build-tsan/)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DEARNINGS_TSAN=ON -DEARNINGS_BUILD_BENCH=OFF \
      -DEARNINGS_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target test_threads
TSAN_OPTIONS=halt_on_error=1 ./build-tsan/tests/test_threads

echo "== valgrind over the unit suites (plain build)"
for t in build/tests/test_*; do
  [ -x "$t" ] || continue
  log=build/valgrind-$(basename "$t").log
  # ICU keeps process-wide caches (transliterator registry) until exit: they
  # show as "possibly lost"; only definite and indirect leaks count.
  if ! valgrind -q --error-exitcode=1 --leak-check=full --show-possibly-lost=no \
       --errors-for-leak-kinds=definite,indirect --log-file="$log" "$t" >/dev/null; then
    cat "$log"; echo "valgrind failed on $t"; exit 1
  fi
  echo "valgrind clean: $(basename "$t")"
done
echo "== fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-60} s (clang, ASan+UBSan)"
bash tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"

echo "all test stages passed"

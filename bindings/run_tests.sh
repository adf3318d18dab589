#!/usr/bin/env bash
# Tests of the Python and Go bindings against an installed copy of a build.
#   usage: bash bindings/run_tests.sh BUILD_DIR
# Installs BUILD_DIR (cmake --install) into a temporary prefix, points
# PKG_CONFIG_PATH, LD_LIBRARY_PATH, LIBEARNINGS_LIBRARY and EARNINGS_CLI at
# it, then runs the Python unittest suite (python3), the Dask scale-out test
# (tests/test_dask.py) with DASK_PYTHON (default /usr/bin/python3) when dask
# and distributed import there, and go vet + go test (when go is on PATH;
# otherwise a SKIP line). Nothing is downloaded.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: bash bindings/run_tests.sh BUILD_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/earnings-bindings.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== bindings: installing $build into a temporary prefix"
# the targets that cmake --install needs (a no-op when the build is complete)
cmake --build "$build" -j"$jobs" --target earnings earnings_static earnings_cli >/dev/null
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
lib=$(find "$tmp/prefix" -name 'libearnings.so.0' | head -n 1)
if [ -z "$lib" ] || [ ! -f "$(dirname "$lib")/pkgconfig/libearnings.pc" ]; then
  echo "bindings: the install has no libearnings.so.0 or libearnings.pc" >&2
  exit 1
fi
libdir=$(dirname "$lib")
export PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LIBEARNINGS_LIBRARY="$lib"
export EARNINGS_CLI="$tmp/prefix/bin/earnings"
export EARNINGS_CORPUS="${EARNINGS_CORPUS:-$root/../shared/corpus}"
status=0

echo "== bindings: Python ($(command -v python3 || echo 'no python3'))"
if command -v python3 >/dev/null; then
  if ! PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover \
       -s "$root/bindings/python/tests" -t "$root/bindings/python/tests"; then
    echo "bindings: Python tests FAILED"
    status=1
  fi
else
  echo "SKIP: Python binding tests (python3 is not on PATH)"
fi

# Dask comes from Debian packages (python3-dask, python3-distributed), which
# serve the system interpreter, not necessarily the python3 on PATH.
dask_python="${DASK_PYTHON:-/usr/bin/python3}"
echo "== bindings: Dask scale-out ($dask_python)"
if [ -x "$dask_python" ] && "$dask_python" -c 'import dask, distributed' 2>/dev/null; then
  if ! PYTHONDONTWRITEBYTECODE=1 "$dask_python" -m unittest discover \
       -s "$root/bindings/python/tests" -t "$root/bindings/python/tests" -p 'test_dask.py'; then
    echo "bindings: Dask tests FAILED"
    status=1
  fi
else
  echo "SKIP: Dask tests ($dask_python cannot import dask and distributed; Debian: apt-get install python3-dask python3-distributed)"
fi

echo "== bindings: Go ($(command -v go || echo 'no go'))"
if command -v go >/dev/null; then
  # No downloads. A private build cache under the temporary folder: Go's
  # cache key covers neither pkg-config's output nor the C headers' contents,
  # so a shared cache would reuse objects built against another (since
  # deleted) install; this also works when HOME is not writable.
  export GOPROXY=off GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=1
  export GOCACHE="$tmp/gocache" GOPATH="$tmp/gopath"
  if ! (cd "$root/bindings/go" && go vet ./... && go test -count=1 ./... &&
        go build -o "$tmp/tokens" ./examples/tokens &&
        "$tmp/tokens" -n 1 "$(ls "$EARNINGS_CORPUS"/*.txt | head -n 1)" >/dev/null &&
        go build -o "$tmp/facts" ./examples/facts &&
        "$tmp/facts" "$(ls "$EARNINGS_CORPUS"/*.txt | head -n 1)" > "$tmp/facts.out" &&
        grep -q "Revenue" "$tmp/facts.out"); then
    echo "bindings: Go tests FAILED"
    status=1
  else
    echo "go vet, go test, examples/tokens and examples/facts passed"
  fi
  case "$(go env GOARCH)" in
    amd64|arm64)
      if ! (cd "$root/bindings/go" && go test -count=1 -race -run 'Shared|Race|PerCall|Finalizers' .); then
        echo "bindings: Go race tests FAILED"
        status=1
      fi ;;
  esac
else
  echo "SKIP: Go binding tests (go is not on PATH; Debian: apt-get install golang-go)"
fi

if [ "$status" = 0 ]; then echo "bindings: all passed"; fi
exit "$status"

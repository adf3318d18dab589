#!/usr/bin/env bash
# ABI check of the shared library against the committed baseline.
#
#   bash tests/abi/check_abi.sh BUILD_DIR            compare BUILD_DIR/libearnings.so
#   bash tests/abi/check_abi.sh --update BUILD_DIR   regenerate tests/abi/libearnings.abi
#
# The library must be built with debug info (RelWithDebInfo or Debug, the
# default build type). abidw (abigail-tools) describes the public ABI only:
# types reachable from the headers in include/ (and the generated version.h).
# abidiff's exit status is a bit mask: 1 error, 2 usage error, 4 ABI change,
# 8 incompatible ABI change. Additions (new functions, new enumerators) give 4
# and pass; 8 (removed or changed function, changed struct layout, renumbered
# enumerator...) fails unless the SONAME changed as well (docs/abi.md). The
# baseline is regenerated with --update at release points.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
baseline=$here/libearnings.abi
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--update] BUILD_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
lib=$build/libearnings.so
for tool in abidw abidiff readelf; do
  command -v "$tool" >/dev/null || { echo "check_abi: $tool not found (apt-get install abigail-tools binutils)" >&2; exit 2; }
done
[ -e "$lib" ] || { echo "check_abi: $lib not found (build the shared library first)" >&2; exit 2; }
lib=$(readlink -f "$lib")
if ! readelf -S "$lib" | grep -q '\.debug_info'; then
  echo "check_abi: $lib has no debug info; build with -DCMAKE_BUILD_TYPE=RelWithDebInfo" >&2
  exit 2
fi

dump() {
  abidw --headers-dir "$root/include" --headers-dir "$build/include" --drop-private-types \
        --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash \
        --out-file "$1" "$lib"
}

if [ "$update" = 1 ]; then
  dump "$baseline"
  echo "check_abi: baseline written to $baseline ($(grep -c '<elf-symbol ' "$baseline") symbols," \
       "soname $(grep -o "soname='[^']*'" "$baseline" | head -1))"
  exit 0
fi
[ -f "$baseline" ] || { echo "check_abi: no baseline $baseline (run with --update)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump "$tmp/current.abi"
old_soname=$(grep -o "soname='[^']*'" "$baseline" | head -1 | cut -d"'" -f2)
new_soname=$(grep -o "soname='[^']*'" "$tmp/current.abi" | head -1 | cut -d"'" -f2)

set +e
abidiff --no-default-suppression "$baseline" "$tmp/current.abi" >"$tmp/report.txt" 2>&1
rc=$?
set -e
if [ $((rc & 3)) -ne 0 ]; then
  cat "$tmp/report.txt" >&2
  echo "check_abi: abidiff failed (exit $rc)" >&2
  exit 1
fi
# abidiff flags removals and symbol changes with 8, but a changed struct that
# is reached through a pointer only with 4: look at the leaves of the report.
# Allowed: additions (functions, enumerators, fields appended to a struct,
# which may grow it); anything else (a field removed, retyped or moved, an
# enumerator renumbered, a parameter or return type changed) is incompatible.
if [ "$rc" -eq 4 ]; then
  bad=$(grep -nE 'data member (deletion|change)|offset changed|enumerator (deletion|change)|value changed from|type name changed|typedef name changed|was (added|removed)|size of .* changed|declaration-only' "$tmp/report.txt" || true)
  if [ -z "$bad" ] && grep -q 'type size changed' "$tmp/report.txt" && ! grep -q 'data member insertion' "$tmp/report.txt"; then
    bad=$(grep -n 'type size changed' "$tmp/report.txt")
  fi
  if [ -n "$bad" ]; then
    echo "check_abi: changes other than additions:"
    echo "$bad" | sed 's/^/  /'
    rc=$((rc | 8))
  fi
fi
if [ $((rc & 8)) -ne 0 ]; then
  cat "$tmp/report.txt"
  if [ "$old_soname" != "$new_soname" ]; then
    echo "check_abi: incompatible ABI change with a new SONAME ($old_soname -> $new_soname): allowed;" \
         "regenerate the baseline with --update and list the change in docs/abi.md"
    exit 0
  fi
  echo "check_abi: INCOMPATIBLE ABI change while the SONAME is still $new_soname." >&2
  echo "  Either undo the change, or raise EARNINGS_SOVERSION in CMakeLists.txt (docs/abi.md)." >&2
  exit 1
fi
if [ $((rc & 4)) -ne 0 ]; then
  echo "check_abi: compatible ABI changes (additions) against the baseline:"
  grep -E '^(Functions|Variables|Function symbols|Variable symbols) changes summary|^  [0-9]+ Added' "$tmp/report.txt" || true
  echo "check_abi: ok (regenerate the baseline with --update at the next release point)"
  exit 0
fi
echo "check_abi: ok, no ABI change ($new_soname)"

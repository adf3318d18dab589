#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks it the way a user
# would: pkg-config and find_package consumers, exported symbols, SONAME.
# usage: install_check.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(find "$prefix" -name 'libearnings.so.0' -printf '%h\n' | head -1)
[ -n "$libdir" ] || { echo "libearnings.so.0 not installed"; exit 1; }

# SONAME
readelf -d "$libdir/libearnings.so" | grep -q 'SONAME.*\[libearnings\.so\.0\]' \
  || { echo "SONAME is not libearnings.so.0"; readelf -d "$libdir/libearnings.so" | grep SONAME; exit 1; }
# only the library's prefix is exported
bad=$(nm -D --defined-only "$libdir/libearnings.so" | awk '{print $3}' | grep -v -E '^(earnings_|EARNINGS_)' || true)
[ -z "$bad" ] || { echo "foreign exported symbols:"; echo "$bad"; exit 1; }

# pkg-config consumer, a plain cc command line
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc -std=c11 -Wall -Wextra -Werror "$here/consumer/main.c" -o "$tmp/consumer_pc" \
   $(pkg-config --cflags --libs libearnings)
LD_LIBRARY_PATH=$libdir "$tmp/consumer_pc" | grep -q 'tokens' || { echo "pkg-config consumer failed"; exit 1; }
# static link through pkg-config --static
cc -std=c11 "$here/consumer/main.c" -o "$tmp/consumer_pcs" \
   $(pkg-config --cflags libearnings) "$libdir/libearnings.a" $(pkg-config --libs-only-l --static libutf8proc icu-uc icu-i18n) -lstdc++ -lm
"$tmp/consumer_pcs" | grep -q 'tokens' || { echo "static consumer failed"; exit 1; }

# find_package consumer
cmake -S "$here/consumer" -B "$tmp/cbuild" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/cbuild" >/dev/null
LD_LIBRARY_PATH=$libdir "$tmp/cbuild/consumer" | grep -q 'tokens' || { echo "find_package consumer failed"; exit 1; }
"$tmp/cbuild/consumer_static" | grep -q 'tokens' || { echo "find_package static consumer failed"; exit 1; }
echo "install check passed: SONAME, exported symbols, pkg-config and find_package consumers"

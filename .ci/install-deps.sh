#!/usr/bin/env bash
# Installs every Debian package that building and testing libearnings needs.
# Runs `apt-get update` once, then one install. Needs root (or sudo).
set -euo pipefail
packages=(
  build-essential cmake pkg-config          # toolchain
  libutf8proc-dev libicu-dev                # normalization, Han word breaking
  libcunit1-dev                             # C unit tests
  valgrind                                  # memory checks of the unit tests
  clang                                     # libFuzzer targets (tests/fuzz/)
  abigail-tools                             # ABI check against tests/abi/libearnings.abi
  python3 python3-dask python3-distributed  # Python binding tests; Dask scale-out test (/usr/bin/python3)
  golang-go                                 # Go binding tests
)
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${packages[@]}"

#!/bin/sh
# abi-check.sh: checks the C ABI of libkexie_c against the committed baseline.
#
#   scripts/abi-check.sh            build with -g -Og, dump, compare with abi/kexie_c.dump
#   scripts/abi-check.sh --update   write a new baseline (only with a SOVERSION change;
#                                   record it in docs/api-stability.md)
#
# The dump covers the kx_* functions (the version script exports nothing else) and the
# C types of kexie.h. The tools come from Debian (abi-dumper, abi-compliance-checker) and are
# installed here when missing rather than in scripts/deps.sh: only this check needs them.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/abi"
baseline="$root/abi/kexie_c.dump"
mode=${1:-check}

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends "$2"
  else
    sudo apt-get install -y --no-install-recommends "$2"
  fi
}
need abi-dumper abi-dumper
need abi-compliance-checker abi-compliance-checker

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="-g -Og" -DCMAKE_CXX_FLAGS="-g -Og" \
  -DKEXIE_BUILD_TESTS=OFF -DKEXIE_BUILD_EXAMPLES=OFF -DKEXIE_INSTALL=OFF >/dev/null
cmake --build "$build" --target kexie_c

version=$(sed -n 's/^#define KEXIE_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' \
  "$root/include/kexie/version.hpp" | paste -sd. -)
lib=$(readlink -f "$build/src/c/libkexie_c.so")
dump="$build/kexie_c.dump"
# Only kexie.h is public. abi-dumper scans public headers line by line through the
# shell and ctags, which kexie.h's comments confuse, so it gets a comment-free copy.
mkdir -p "$build/public"
gcc -fpreprocessed -dD -E -P -w "$root/include/kexie/kexie.h" -o "$build/public/kexie.h"
abi-dumper "$lib" -o "$dump" -lver "$version" -public-headers "$build/public"

if [ "$mode" = "--update" ]; then
  mkdir -p "$root/abi"
  cp "$dump" "$baseline"
  echo "abi-check: baseline written to abi/kexie_c.dump ($version); record it in docs/api-stability.md"
  exit 0
fi
if [ ! -f "$baseline" ]; then
  echo "abi-check: no baseline at abi/kexie_c.dump; create one with --update" >&2
  exit 2
fi
abi-compliance-checker -l kexie_c -old "$baseline" -new "$dump" \
  -report-path "$build/compat_report.html"
echo "abi-check: compatible with the baseline (report: build/abi/compat_report.html)"

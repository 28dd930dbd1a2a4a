#!/bin/sh
# Builds the consumer with nothing but pkg-config and the compiler, then runs it.
set -eu
stage=$1 cxx=$2 out=$3 src=$4 extra=${5:-}
mkdir -p "$out"
PKG_CONFIG_PATH="$stage/lib/pkgconfig:$stage/lib/x86_64-linux-gnu/pkgconfig"
export PKG_CONFIG_PATH
flags=$(pkg-config --cflags --libs kexie)
# shellcheck disable=SC2086 # flags are word lists
"$cxx" -std=c++20 $extra "$src/consumer.cpp" -o "$out/consumer" $flags \
  -Wl,-rpath,"$stage/lib" -Wl,-rpath,"$stage/lib/x86_64-linux-gnu"
"$out/consumer"

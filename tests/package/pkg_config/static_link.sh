#!/bin/sh
# Links the pkg-config consumer statically against libkexie.a with nothing but
# `pkg-config --static` (kexie.pc's Requires.private and Libs.private), then checks
# that the program does not load libkexie.so and runs it. The archive is made here,
# under the test's own directory, from this build's libkexie objects (listed one per
# line in OBJECTS), next to a copy of the staged kexie.pc and headers.
set -eu
stage=$1 cxx=$2 out=$3 src=$4 objects=$5 extra=${6:-}
root="$out/static-stage"
rm -rf "$root"
mkdir -p "$root/lib/pkgconfig"
pc=$(find "$stage" -name kexie.pc | head -n 1)
cp "$pc" "$root/lib/pkgconfig/kexie.pc"
# The .pc is relocatable (prefix from its own place): lib/pkgconfig -> prefix.
sed -i 's|^libdir=.*|libdir=${prefix}/lib|; s|^prefix=.*|prefix=${pcfiledir}/../..|' \
  "$root/lib/pkgconfig/kexie.pc"
ln -s "$stage/include" "$root/include"
# shellcheck disable=SC2046 # one object per line
ar qcs "$root/lib/libkexie.a" $(cat "$objects")
PKG_CONFIG_PATH="$root/lib/pkgconfig"
export PKG_CONFIG_PATH
flags=$(pkg-config --static --cflags --libs kexie)
case "$flags" in
  *-lcsv*) ;;
  *) echo "pkg-config --static gives no Libs.private: $flags"; exit 1 ;;
esac
# Every object of the archive is linked (--whole-archive), so each library any part of
# libkexie needs must come from the .pc: a missing one is an undefined reference.
flags=$(printf '%s' "$flags" | sed 's|-lkexie|-Wl,--whole-archive -lkexie -Wl,--no-whole-archive|')
# shellcheck disable=SC2086 # flags are word lists
"$cxx" -std=c++20 $extra "$src/consumer.cpp" -o "$out/consumer-static" $flags
if ldd "$out/consumer-static" | grep -q 'libkexie'; then
  echo "the consumer loads a shared libkexie:"; ldd "$out/consumer-static"; exit 1
fi
"$out/consumer-static"

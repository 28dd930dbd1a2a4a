#!/bin/sh
# Runs inside a fresh Debian 12 root where libkexie0, libkexie-dev, kexie-tools and
# python3-kexie are installed (scripts/fresh-root-check.sh copies this folder to
# /tmp/kexie-consumers and runs it): the C consumer with cc and -lkexie_c, the C++
# and C consumers through find_package(kexie), the C++ consumer through
# pkg-config, the Python consumer, and the kexie command.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)  # tests/ (or its copy)
out=$(mktemp -d)

echo "== C (cc -lkexie_c)"
cc -std=c99 -Wall -Werror "$top/package/find_package/consumer_c.c" -o "$out/c" -lkexie_c
"$out/c"

echo "== C++ and C (find_package(kexie))"
cmake -S "$top/package/find_package" -B "$out/cmake" -G Ninja >/dev/null
cmake --build "$out/cmake" >/dev/null
"$out/cmake/consumer"
"$out/cmake/consumer_c"

echo "== C++ (pkg-config kexie)"
# shellcheck disable=SC2046 # flags are word lists
c++ -std=c++20 "$top/package/pkg_config/consumer.cpp" -o "$out/pc" $(pkg-config --cflags --libs kexie)
"$out/pc"

echo "== Python (python3-kexie)"
python3 "$top/packaging/consumer.py"

echo "== kexie-tools"
kexie --version
man -w kexie >/dev/null 2>&1 || test -e /usr/share/man/man1/kexie.1.gz
test -e /usr/share/bash-completion/completions/kexie
echo "consume.sh: all consumers ran"

#!/usr/bin/env bash
# Builds kexie's Debian packages (issue 21; cmake/kexiePackaging.cmake) into
# build/package/packages: libkexie0, libkexie-dev, kexie-tools, python3-kexie.
#
#   scripts/package.sh           # release builds in build/package (shared) and
#                                # build/package-static (the static archives)
#
# Then: scripts/fresh-root-check.sh installs them into a Debian 12 root, and the
# ctest test packages.deb (tests/packaging/check_debs.py) checks their contents.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
jobs="${KEXIE_JOBS:-2}"
common=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DKEXIE_BUILD_TESTS=OFF -DKEXIE_BUILD_EXAMPLES=OFF
        -DKEXIE_INSTALL=ON -DPython3_EXECUTABLE=/usr/bin/python3)

# The static archive first (libkexie.a; libkexie_c is always shared): the library only.
cmake -S . -B build/package-static "${common[@]}" -DBUILD_SHARED_LIBS=OFF -DKEXIE_BUILD_TOOLS=OFF \
  -DKEXIE_BUILD_C_API=OFF
cmake --build build/package-static -j"$jobs" --target kexie

cmake -S . -B build/package "${common[@]}" -DBUILD_SHARED_LIBS=ON \
  "-DKEXIE_PACKAGE_STATIC_LIBS=$PWD/build/package-static/src/libkexie.a"
cmake --build build/package -j"$jobs"
rm -f build/package/packages/*.deb
(cd build/package && cpack -G DEB)
ls -l build/package/packages/*.deb

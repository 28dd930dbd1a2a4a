#!/usr/bin/env bash
# Builds kexie's Debian packages (issue 21; cmake/kexiePackaging.cmake) into
# build/package/packages: libkexie0, libkexie-dev, kexie-tools, python3-kexie and
# libkexie-java (the jar in /usr/share/java, when a JDK 17 and JNA are installed).
#
#   scripts/package.sh           # a release build in build/package; libkexie.a is
#                                # archived from the shared library's objects
#
# Then: scripts/fresh-root-check.sh installs them into a Debian 12 root, and the
# ctest test packages.deb (tests/packaging/check_debs.py) checks their contents.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/deps.sh
source scripts/deps.sh
jobs="${KEXIE_JOBS:-2}"
common=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DKEXIE_BUILD_TESTS=OFF -DKEXIE_BUILD_EXAMPLES=OFF
        -DKEXIE_INSTALL=ON -DPython3_EXECUTABLE=/usr/bin/python3
        -DCMAKE_INSTALL_PREFIX=/usr)  # GNUInstallDirs: lib/<multiarch>, as Debian installs libraries

cmake -S . -B build/package "${common[@]}" -DBUILD_SHARED_LIBS=ON -DKEXIE_PACKAGE_STATIC_ARCHIVE=ON
cmake --build build/package -j"$jobs"
rm -f build/package/packages/*.deb
(cd build/package && cpack -G DEB)
ls -l build/package/packages/*.deb

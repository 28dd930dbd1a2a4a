#!/usr/bin/env bash
# By hand (not in ctest; needs the Debian mirror and a few minutes): installs the
# packages of scripts/package.sh into a fresh Debian 12 root made with mmdebstrap
# and runs the consumers of tests/packaging/consume.sh there (C, C++ through
# find_package and pkg-config, Python, the kexie command).
#
#   scripts/package.sh && scripts/fresh-root-check.sh [PACKAGE_DIR]
#
# The root is a temporary directory, removed afterwards. Runs as root (mode root)
# or as a user with unshare (mode unshare), whichever mmdebstrap can use.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build/package/packages}"
mapfile -t debs < <(ls "$PWD/$dir"/*.deb 2>/dev/null || true)
if ((${#debs[@]} == 0)); then
  echo "fresh-root-check: no .deb in $dir (run scripts/package.sh first)" >&2
  exit 1
fi
mode=unshare
[[ $(id -u) -eq 0 ]] && mode=root
root=$(mktemp -d /tmp/kexie-root.XXXXXX)
trap 'rm -rf "$root"' EXIT

# The consumers' tools come with the root; the packages are then installed inside it
# by `apt-get install ./x.deb`, as a user does, so apt resolves their Depends
# (libkexie-dev's bring Boost, range-v3, OpenSSL, libcsv and libxlsxwriter).
includes="g++,cmake,ninja-build,pkg-config,python3,man-db"

# The hooks run in mmdebstrap's shell, where "$1" is the new root.
# shellcheck disable=SC2016
mmdebstrap --mode="$mode" --variant=apt --format=directory \
  --include="$includes" \
  --customize-hook='mkdir -p "$1/tmp/kexie-debs" "$1/tmp/kexie-consumers"' \
  --customize-hook="copy-in ${debs[*]} /tmp/kexie-debs" \
  --customize-hook='chroot "$1" sh -c "apt-get install -y -q /tmp/kexie-debs/*.deb"' \
  --customize-hook="copy-in tests/package tests/packaging /tmp/kexie-consumers" \
  --customize-hook='chroot "$1" sh /tmp/kexie-consumers/packaging/consume.sh' \
  bookworm "$root" \
  "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
echo "fresh-root-check: the packages install and every consumer runs in a fresh Debian 12 root"

#!/usr/bin/env bash
# Builds kexie with the `dev` preset (Debug, -Werror) and runs every test:
# unit, package, C and Python. Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake --preset dev
cmake --build --preset dev -j2
ctest --preset dev --output-on-failure -j2

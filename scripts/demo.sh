#!/usr/bin/env bash
# The main job: builds kexie (release) and runs the bundled demo end to end.
# Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake --preset release --no-warn-unused-cli -DKEXIE_BUILD_EXAMPLES=ON -DKEXIE_BUILD_TOOLS=ON -DKEXIE_BUILD_TESTS=OFF -DKEXIE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build --preset release -j2
bin=build/release/examples
# The main job: a ~300-entry provincial campaign, scored end to end, its snapshot kept.
mkdir -p build/demo
"$bin/campaign_demo" 300 build/demo/campaign.kxs
# The same campaign through the kexie command: re-verified, scored again (same
# digest) and reported as one self-contained HTML file.
kexie=build/release/tools/kexie/kexie
echo
"$kexie" snapshot verify build/demo/campaign.kxs
"$kexie" score --snapshot build/demo/campaign.kxs -o build/demo/results.html
echo "report: $(realpath build/demo/results.html)"

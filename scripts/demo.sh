#!/usr/bin/env bash
# The main job: builds kexie (release) and runs the bundled demo end to end.
# Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake --preset release --no-warn-unused-cli -DKEXIE_BUILD_EXAMPLES=ON -DKEXIE_BUILD_TOOLS=ON -DKEXIE_BUILD_TESTS=OFF -DKEXIE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build --preset release -j2
bin=build/release/examples
# The main job: a ~300-entry provincial campaign, scored end to end.
"$bin/campaign_demo"
# The same campaign from its documents (examples/data/) through the kexie command:
# checked, scored (the same digest as above), written as kexie.results/1, as the
# result sheets in CSV (results.csv and results-<sheet>.csv) and XLSX, and as the
# self-contained HTML report; then the scenarios of examples/scenarios/ run.
kexie=build/release/tools/kexie/kexie
mkdir -p build/demo
echo
"$kexie" check examples/data/campaign.json --registry examples/data/registry.json --quiet
"$kexie" score examples/data/campaign.json --registry examples/data/registry.json \
  --entries examples/data/entries.json -o build/demo/results.json -o build/demo/results.csv \
  -o build/demo/results.xlsx -o build/demo/results.html
"$kexie" test examples/scenarios/*.json

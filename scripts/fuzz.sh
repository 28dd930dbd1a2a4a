#!/usr/bin/env bash
# Runs every libFuzzer target of the fuzz preset for SECONDS each (default 60), with
# memory limits, starting from the seed corpus. A crashing input is written to
# tests/data/fuzz-regressions/<target>/, where ctest (fuzz preset) replays it forever.
# Targets: parse_fuzz, rubric_text_fuzz, campaign_document_fuzz, registry_document_fuzz,
# snapshot_fuzz, snapshot_payload_fuzz, csv_fuzz (the CSV reader, issue 14) and
# api_sequence_fuzz (sequences of C API calls; its seeds: tests/fuzz/api_sequence_seeds.py).
#   ./scripts/fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# ASan keeps up to 256 MB of freed blocks in quarantine, which with libFuzzer's own
# growing tables took api_sequence_fuzz past -rss_limit_mb=512 after about 3 minutes
# (an out-of-memory report that no single input reproduces: 172 MB alone). 64 MB still
# catches use after free of the blocks a call sequence frees. Override by setting it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64}
./scripts/deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2
for target in build/fuzz/tests/fuzz/*_fuzz; do
  name=$(basename "$target")
  work=build/fuzz/corpus/$name
  mkdir -p "$work" "tests/data/fuzz-regressions/$name"
  echo "== $name for ${seconds}s"
  "$target" "$work" "tests/fuzz/corpus/$name" -max_total_time="$seconds" \
    -rss_limit_mb=512 -malloc_limit_mb=128 \
    -artifact_prefix="tests/data/fuzz-regressions/$name/" -print_final_stats=1
done

#!/usr/bin/env bash
# Runs every benchmark program and peer comparison in release and writes one JSON of
# every ratio they print (issue 17; the README's performance table comes from it).
#
#   benchmarks/run_all.sh [--quick] [--out FILE] [--only NAME[,NAME...]]
#
#   --quick   small sizes (100 000 entries, the 2 M registry only, one repetition),
#             a few minutes; the full run (1 M entries, the registry at 2 M and at
#             20 M people, 3-5 repetitions) takes about 20-40 minutes on a quiet
#             2-core machine and needs about 6 GiB of memory at its peak (the 20 M
#             snapshot load)
#   --out     the JSON file (default build/benchmarks.json); each program's full
#             output goes beside it, in <out>.d/<name>.txt
#   --only    run only these steps (names as in the JSON: scoring_bench,
#             mark_all_bench, registry_bench, registry_bench_20m, snapshot_bench,
#             snapshot_bench_20m, import_bench, document_bench, assign_bench,
#             weights_bench, lifecycle_bench, c_api_bench, compare_numpy,
#             compare_pandas, compare_pandas_full, python_scoring)
#
# The JSON (docs/performance.md, "benchmarks/run_all.sh"): {"machine": {...},
# "mode": "quick"|"full", "started"/"finished" (UTC), "load_before"/"load_after"
# (1-minute load averages), "steps": {name: {"command", "exit", "seconds",
# "ratios": [{"line", "value", "unit"}], "figures": {...}}}}. "ratios" holds every
# line of the program's summary that states a ratio ("2.41x", "69%"), with the first
# such number; "figures" holds the named figures of issue 17 (see
# benchmarks/run_all_parse.py). A step that fails is recorded with its exit status
# and the run goes on. Never run by ctest (timing is not a test); ctest only checks
# this script's syntax (bash -n).
set -uo pipefail
cd "$(dirname "$0")/.."

quick=0
out=build/benchmarks.json
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --out) out="$2"; shift ;;
    --out=*) out="${1#--out=}" ;;
    --only) only="$2"; shift ;;
    --only=*) only="${1#--only=}" ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "run_all.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

py=/usr/bin/python3
logs="$out.d"
mkdir -p "$(dirname "$out")" "$logs"
rm -f "$logs"/*.txt "$logs"/*.json "$logs"/*.meta

export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}
cmake --preset release >/dev/null || exit 1
cmake --build --preset release -j2 --target \
  scoring_bench mark_all_bench registry_bench snapshot_bench import_bench document_bench \
  assign_bench weights_bench lifecycle_bench c_api_bench columns_scoring_bench kexie_c || exit 1
bin=build/release/benchmarks

if [[ $quick -eq 1 ]]; then
  entries=100000; reps=1; agg=(--benchmark_repetitions=1)
else
  entries=1000000; reps=3; agg=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true)
fi

wanted() { [[ -z "$only" || ",$only," == *",$1,"* ]]; }

# step NAME COMMAND...: runs it, keeps its output and timing for the JSON.
step() {
  local name="$1"; shift
  wanted "$name" || return 0
  echo "== $name: $*" >&2
  local t0 t1 rc
  t0=$(date +%s.%N)
  "$@" >"$logs/$name.txt" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  printf '%s\n%s\n%s\n' "$rc" "$(echo "$t1 - $t0" | bc)" "$*" >"$logs/$name.meta"
  [[ $rc -eq 0 ]] || echo "   $name exited with $rc (see $logs/$name.txt)" >&2
}

started=$(date -u +%FT%TZ)
load_before=$(cut -d' ' -f1 /proc/loadavg)

step scoring_bench "$bin/scoring_bench" --entries=$entries "${agg[@]}"
step mark_all_bench "$bin/mark_all_bench" --entries=$entries --repetitions=$reps --threads=2 \
  --side-by-side
step registry_bench "$bin/registry_bench" "${agg[@]}"
step snapshot_bench "$bin/snapshot_bench" --benchmark_repetitions=$reps \
  --benchmark_report_aggregates_only=true
if [[ $quick -eq 0 ]]; then
  # 20 M people (issue 17, item 5): one repetition, one at a time (3-5 GiB each).
  step registry_bench_20m "$bin/registry_bench" --people=20000000
  step snapshot_bench_20m "$bin/snapshot_bench" --people=20000000
fi
step import_bench "$bin/import_bench" --entries=$((entries / 10)) "${agg[@]}"
step document_bench "$bin/document_bench" "${agg[@]}"
step assign_bench "$bin/assign_bench"
step weights_bench "$bin/weights_bench" "${agg[@]}"
step lifecycle_bench "$bin/lifecycle_bench" "${agg[@]}"
step c_api_bench "$bin/c_api_bench" "${agg[@]}"

# The peers (benchmarks/compare): one export of the scoring campaign, read by each.
export_dir="$logs/scoring-export"
if wanted compare_numpy || wanted compare_pandas || wanted compare_pandas_full; then
  mkdir -p "$export_dir"
  "$bin/scoring_bench" --entries=$entries --export="$export_dir" >"$logs/export.log" 2>&1 ||
    echo "   the scoring export failed (see $logs/export.log)" >&2
fi
step compare_numpy $py benchmarks/compare/scoring_numpy.py "$export_dir" \
  --json "$logs/compare_numpy.json"
step compare_pandas $py benchmarks/compare/scoring_pandas.py "$export_dir"
step compare_pandas_full $py benchmarks/compare/score_pandas.py "$export_dir" \
  --json "$logs/compare_pandas_full.json"
rm -rf "$export_dir"

step python_scoring $py benchmarks/python_scoring.py --entries $entries --repetitions $reps \
  --json "$logs/python_scoring.json"

$py benchmarks/run_all_parse.py --logs "$logs" --out "$out" \
  --mode "$([[ $quick -eq 1 ]] && echo quick || echo full)" --started "$started" \
  --load-before "$load_before" || exit 1
echo "wrote $out" >&2

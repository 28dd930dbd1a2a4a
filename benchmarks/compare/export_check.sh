#!/usr/bin/env bash
# The peers' data, checked: exports a small campaign with scoring_bench --export and
# runs the numpy and both pandas comparisons on it, which fail (MISMATCH) unless their
# totals and ranks equal kexie's. Guards the export's layout (marks.bin is entry ×
# indicator × judge, whatever the campaign stores). Registered with the release
# preset's tests (benchmarks are built there); no timing is checked.
#
#   benchmarks/compare/export_check.sh build/release/benchmarks/scoring_bench /usr/bin/python3
set -euo pipefail
bench=$1
py=$2
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" --entries=3000 --export="$dir" >/dev/null
"$py" "$here/scoring_numpy.py" "$dir"
"$py" "$here/scoring_pandas.py" "$dir"
"$py" "$here/score_pandas.py" "$dir"

#!/usr/bin/env bash
# Builds the scoring benchmark (release), exports a generated national campaign,
# and scores it again with pandas and numpy (Debian's python3-pandas and
# python3-numpy, installed by `scripts/deps.sh --optional`), checking totals, ranks
# and tiers and printing the speed ratios:
#   scoring_pandas.py  the scoring core in pandas, against Campaign::standings()
#   scoring_numpy.py   the scoring core in numpy, against Campaign::standings()
#   score_pandas.py    the whole job (tiers, advanced units) in pandas, against score()
# Run by hand: ./benchmarks/compare/run_scoring_compare.sh [entries]
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/deps.sh --optional
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target scoring_bench
out=build/scoring-export
mkdir -p "$out"
build/release/benchmarks/scoring_bench --entries="${1:-1000000}" --export="$out"
/usr/bin/python3 benchmarks/compare/scoring_pandas.py "$out"
/usr/bin/python3 benchmarks/compare/scoring_numpy.py "$out"
/usr/bin/python3 benchmarks/compare/score_pandas.py "$out"

#!/usr/bin/env bash
# Builds the scoring benchmark (release), exports a generated national campaign,
# and scores it again with pandas (Debian's python3-pandas), checking totals and
# ranks and printing the speed ratio. Run by hand: ./benchmarks/compare/run_scoring_compare.sh [entries]
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/deps.sh
dpkg -s python3-pandas >/dev/null 2>&1 || {
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  ${sudo:-} apt-get install -y -qq --no-install-recommends python3-pandas
}
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target scoring_bench
out=build/scoring-export
mkdir -p "$out"
build/release/benchmarks/scoring_bench --entries="${1:-1000000}" --export="$out"
/usr/bin/python3 benchmarks/compare/scoring_pandas.py "$out"

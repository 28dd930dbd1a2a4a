#!/usr/bin/env bash
# Builds with the coverage preset, runs the tests, and writes an HTML and a text
# report with gcovr (Debian's gcovr, installed here if missing) to build/coverage/report/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
dpkg -s gcovr >/dev/null 2>&1 || {
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  ${sudo:-} apt-get install -y -qq --no-install-recommends gcovr
}
cmake --preset coverage >/dev/null
cmake --build --preset coverage -j2
ctest --preset coverage -j2 --output-on-failure
mkdir -p build/coverage/report
gcovr --root . --filter 'src/' --filter 'include/' build/coverage \
  --html-details build/coverage/report/index.html --txt build/coverage/report/summary.txt
cat build/coverage/report/summary.txt | tail -20

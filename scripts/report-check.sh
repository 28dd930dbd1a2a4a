#!/usr/bin/env bash
# By hand, not in ctest: renders the HTML results report in headless Chromium
# (Debian's `chromium`), takes a screenshot of each, and fails when the page logs
# anything to the console (a script error, a CSP violation, a blocked fetch) or
# when the rendered DOM lacks the report's parts. ctest checks the HTML's
# structure without a browser (command.reporthtml); this checks that a browser
# agrees.
#
#   scripts/report-check.sh                  # the demo's report (build/demo, or made now)
#   scripts/report-check.sh results.html …   # given reports
#
# KEXIE=path/to/kexie picks the command (default: build/release, then build/dev);
# screenshots and logs go to build/report-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/report-check
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "report-check: chromium is not installed (sudo apt-get install chromium)" >&2
  exit 2
fi

reports=("$@")
if ((${#reports[@]} == 0)); then
  if [[ -f build/demo/results.html ]]; then
    reports=(build/demo/results.html)
  else
    kexie=${KEXIE:-}
    for candidate in build/release/tools/kexie/kexie build/dev/tools/kexie/kexie; do
      [[ -z $kexie && -x $candidate ]] && kexie=$candidate
    done
    [[ -n $kexie ]] || { echo "report-check: build the kexie command first" >&2; exit 2; }
    # The demo's documents, in both languages.
    for lang in zh en; do
      "$kexie" score examples/data/campaign.json --registry examples/data/registry.json \
        --entries examples/data/entries.json --lang "$lang" --quiet -o "$out/report-$lang.html"
      reports+=("$out/report-$lang.html")
    done
  fi
fi

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
       --disable-extensions --window-size=1280,2400 --enable-logging=stderr --v=0)
failed=0
for report in "${reports[@]}"; do
  name=$(basename "$report" .html)
  url="file://$(realpath "$report")"
  png="$out/$name.png"
  log="$out/$name.log"
  "$browser" "${flags[@]}" --screenshot="$png" "$url" 2>"$log" >/dev/null || true
  "$browser" "${flags[@]}" --dump-dom "$url" 2>>"$log" >"$out/$name.dom.html" || true
  # Chromium logs each console message of the page as a CONSOLE line; the
  # report's own script logs nothing, so any such line is a fault.
  if grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$log"; then
    echo "report-check: $report: console messages (above)" >&2
    failed=1
  fi
  if [[ ! -s $png ]]; then
    echo "report-check: $report: no screenshot" >&2
    failed=1
  fi
  for part in 'id="awards"' 'id="cusps"' 'id="leniency"' 'id="agreement"' 'id="search"' '<svg'; do
    if ! grep -q "$part" "$out/$name.dom.html"; then
      echo "report-check: $report: the rendered page lacks $part" >&2
      failed=1
    fi
  done
  echo "report-check: $report -> $png"
done
exit "$failed"

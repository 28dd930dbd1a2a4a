#!/usr/bin/env bash
# Installs the Debian 12 packages kexie needs to build and test, idempotently:
# `dpkg -s` first, `apt-get install -y` only for what is missing. Sourced or run
# by scripts/test.sh and scripts/demo.sh; add a package here in the same commit
# that starts to need it.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang                              # the fuzz and clang presets; must build too
  libboost-date-time-dev             # Boost 1.74: calendar arithmetic
  libboost-serialization-dev         # Boost 1.74: snapshots
  libboost-math-dev                  # Boost 1.74: chi-squared p-values (header-only)
  librange-v3-dev                    # range-v3 0.12: query views
  liblemon-dev                       # LEMON 1.3: network simplex for judge assignment (headers only)
  libssl-dev                         # OpenSSL libcrypto: SHA-256 for audit chains and snapshots
  nlohmann-json3-dev                 # nlohmann-json 3.11: the JSON documents (src/document/ only)
  python3-jsonschema                 # documents.schemas: examples validate against schemas/
  libcsv-dev                         # libcsv 3: RFC 4180 parsing of CSV tables (marks, registry)
  libxlsxwriter-dev                  # libxlsxwriter: results as XLSX (表彰名单)
  python3-openpyxl                   # the XLSX test reads the written workbook back
  libgtest-dev libgmock-dev          # GoogleTest 1.12
  libbenchmark-dev                   # Google Benchmark 1.7
  python3 python3-pytest             # the Python package's tests, run by /usr/bin/python3
  python3-hypothesis                 # the Python property tests (python.properties)
  python3-setuptools python3-wheel   # pip install ./bindings/python offline (the build backend)
  python3-venv python3-pip           # the python.venv test: the package installed into a venv
  openjdk-17-jdk-headless            # the Java binding (bindings/java), javac and java
  libjna-java                        # JNA 5.13: the Java binding calls libkexie_c through it
  junit5                             # JUnit 5 console launcher: ctest's java.junit
  libcli11-dev                       # CLI11 2.1: the kexie command's argument parsing (tools/kexie)
  doxygen                            # the docs target: the API reference (cmake/kexieDocs.cmake)
  dpkg-dev                           # scripts/package.sh: dpkg-shlibdeps and dpkg-deb for CPack
  python3-build                      # the wheel, built offline (python3 -m build --no-isolation)
  mmdebstrap                         # scripts/fresh-root-check.sh: a fresh Debian 12 root (by hand)
)
# Optional, for the by-hand benchmark scripts only (never needed to build or test; the
# Python package keeps numpy optional): `scripts/deps.sh --optional` adds them.
optional=(
  python3-numpy                      # benchmarks/compare/scoring_numpy.py, benchmarks/python_scoring.py
  python3-pandas                     # benchmarks/compare/*pandas*.py (issue 17, item 6)
)
[[ ${1:-} == --optional ]] && packages+=("${optional[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "kexie: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

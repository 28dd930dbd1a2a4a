#!/usr/bin/python3
"""Scoring the 1 000 000-entry campaign from Python (issue 17, item 7), against the
same calls made from C++ in the same run.

Runs build/release/benchmarks/columns_scoring_bench, which writes a snapshot of the
campaign (1 000 000 entries, 7 judges each, 8 judged indicators; no marks yet) and
times, on campaigns loaded from it, the 56 M marks in through Campaign::mark_all
(batches of 100 000) and the standings out (the C++ API, and the C API it wraps);
then loads the same snapshot here and times the same two steps through the Python
package: Campaign.mark_columns with numpy columns (passed without copying, no
Python object per mark) and Campaign.standings_columns (numpy arrays out). The
columns of each batch are made before its clock starts, on both sides; best of
3 repetitions, by CPU time of each process (the calls run on one thread; on a
shared machine the wall clock also counts other programs), wall time beside it in
the JSON. Checks that the standings agree (a checksum of ids, totals and ranks
in order) and prints both times and the ratio (target: Python within 1.3x of C++).

    cmake --preset release && cmake --build --preset release -j2 \\
        --target columns_scoring_bench kexie_c
    /usr/bin/python3 benchmarks/python_scoring.py [--entries N] [--batch N]
        [--repetitions N] [--json FILE]

numpy is needed here (the package itself does not need it).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build", "release")
os.environ.setdefault("KEXIE_LIBRARY", os.path.join(BUILD, "src", "c", "libkexie_c.so"))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

try:
    import numpy as np
except ImportError:
    print("numpy is not installed for this python; skipping the benchmark")
    sys.exit(0)

import kexie  # noqa: E402

JUDGES, INDICATORS = 7, 8
PER_ENTRY = JUDGES * INDICATORS


def batch_columns(first, count, index):
    """The columns of marks first .. first+count-1, as columns_scoring_bench makes them."""
    k = np.arange(first, first + count, dtype=np.int64)
    e, i, j = k // PER_ENTRY, k // JUDGES % INDICATORS, k % JUDGES
    half = np.minimum(200, 100 + e * 7919 % 80 + (e * 31 + i * 7 + j * 13) % 21)
    return ((j + 1).astype(np.uint32), (e + 1).astype(np.uint32), index[i],
            (half * 5).astype(np.int64))


def checksum(cols):
    n = len(cols)
    pos = np.arange(1, n + 1, dtype=np.uint64)
    mixed = (cols.entry.astype(np.uint64) * np.uint64(1000003) + cols.rank.astype(np.uint64)
             + cols.total.astype(np.uint64))
    with np.errstate(over="ignore"):
        return int(np.sum(pos * mixed, dtype=np.uint64))


def run_python(path, entries, batch):
    snap = kexie.load_snapshot(path)
    campaign = snap.campaigns[0]
    cat = kexie.Category.RATIONALIZATION_PROPOSALS
    index = np.array([campaign.indicator_index(cat, "I%d" % (i + 1)) for i in range(INDICATORS)],
                     dtype=np.uint32)
    total = entries * PER_ENTRY
    marks = marks_wall = 0.0
    for first in range(0, total, batch):
        cols = batch_columns(first, min(batch, total - first), index)
        c0, w0 = time.process_time(), time.perf_counter()
        campaign.mark_columns(*cols, 1)
        marks += time.process_time() - c0
        marks_wall += time.perf_counter() - w0
    c0, w0 = time.process_time(), time.perf_counter()
    out = campaign.standings_columns()
    standings, standings_wall = time.process_time() - c0, time.perf_counter() - w0
    result = marks, standings, marks_wall, standings_wall, checksum(out)
    snap.close()
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=100_000)
    ap.add_argument("--repetitions", type=int, default=3)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    bench = os.path.join(BUILD, "benchmarks", "columns_scoring_bench")
    with tempfile.TemporaryDirectory(prefix="kexie-python-scoring-") as tmp:
        path = os.path.join(tmp, "campaign.kxs")
        out = subprocess.run([bench, "--snapshot=" + path, "--entries=%d" % args.entries,
                              "--batch=%d" % args.batch,
                              "--repetitions=%d" % args.repetitions],
                             check=True, capture_output=True, text=True).stdout
        cxx = {}
        for line in out.splitlines():
            if line.startswith("figure "):
                _, name, value = line.split()
                cxx[name] = float(value) if "." in value else int(value)
        best = None
        for _ in range(args.repetitions):
            run = run_python(path, args.entries, args.batch)
            best = run if best is None else tuple(min(a, b) for a, b in zip(best[:4], run[:4])) \
                + (run[4],)
    py_marks, py_standings, py_marks_wall, py_standings_wall, py_sum = best
    if py_sum != cxx["checksum"]:
        sys.exit("MISMATCH: the Python standings differ from the C++ ones")
    cpp_total = cxx["cpp_marks_seconds"] + cxx["cpp_standings_seconds"]
    c_total = cxx["c_marks_seconds"] + cxx["c_standings_seconds"]
    py_total = py_marks + py_standings
    figures = {
        "entries": args.entries, "marks": cxx["marks"], "batch": args.batch,
        "cpp_marks_seconds": cxx["cpp_marks_seconds"],
        "cpp_standings_seconds": cxx["cpp_standings_seconds"],
        "c_marks_seconds": cxx["c_marks_seconds"],
        "c_standings_seconds": cxx["c_standings_seconds"],
        "python_marks_seconds": py_marks, "python_standings_seconds": py_standings,
        "python_to_cpp": py_total / cpp_total, "python_to_c": py_total / c_total,
        "cpp_wall_seconds": cxx["cpp_marks_wall_seconds"] + cxx["cpp_standings_wall_seconds"],
        "c_wall_seconds": cxx["c_marks_wall_seconds"] + cxx["c_standings_wall_seconds"],
        "python_wall_seconds": py_marks_wall + py_standings_wall,
        "load_average": os.getloadavg()[0],
    }
    print("%d entries, %d marks in batches of %d; best of %d; CPU time (wall time in the JSON)"
          % (args.entries, cxx["marks"], args.batch, args.repetitions))
    print("C++ API (Campaign::mark_all, standings): marks %.3f s, standings %.3f s, %.3f s"
          % (cxx["cpp_marks_seconds"], cxx["cpp_standings_seconds"], cpp_total))
    print("C API from C++ (kx_campaign_mark_columns, kx_campaign_standings_columns): "
          "marks %.3f s, standings %.3f s, %.3f s"
          % (cxx["c_marks_seconds"], cxx["c_standings_seconds"], c_total))
    print("Python (mark_columns with numpy, standings_columns): marks %.3f s, standings %.3f s,"
          " %.3f s" % (py_marks, py_standings, py_total))
    print("Python / C++ API: %.2fx; Python / C API: %.2fx (target <= 1.3x); standings agree"
          % (figures["python_to_cpp"], figures["python_to_c"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()

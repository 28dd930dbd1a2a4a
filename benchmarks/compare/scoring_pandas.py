#!/usr/bin/python3
"""Scores the same generated campaign as benchmarks/scoring_bench with pandas.

Reads the files `scoring_bench --export=DIR` writes (marks as int32 at 4 places,
entry x indicator x judge; the global weights; kexie's totals, ranks and timing),
applies the same rules -- trimmed mean dropping the highest and lowest of the 7
marks, weighted sum, competition ranking -- checks that every total matches
kexie's to 1e-9 and every rank is equal, and prints the speed ratio.

Usage: /usr/bin/python3 benchmarks/compare/scoring_pandas.py DIR
"""
import sys
import time

import numpy as np
import pandas as pd


def main(folder):
    meta = dict(line.split() for line in open(f"{folder}/meta.txt"))
    n, judges, indicators = (int(meta[k]) for k in ("entries", "judges", "indicators"))
    kexie_seconds = float(meta["kexie_standings_seconds"])
    weights = np.array([float(w) for w in open(f"{folder}/weights.txt").read().split()])
    marks = np.fromfile(f"{folder}/marks.bin", dtype=np.int32).reshape(n * indicators, judges)
    kexie = pd.read_csv(f"{folder}/totals.csv", dtype={"code": str})

    # The timed part: the same rules, the idiomatic vectorized pandas way.
    start = time.perf_counter()
    df = pd.DataFrame(marks / 10000.0)
    trimmed = (df.sum(axis=1) - df.min(axis=1) - df.max(axis=1)) / (judges - 2)
    totals = (trimmed.to_numpy().reshape(n, indicators) * weights).sum(axis=1)
    codes = [f"N{i:07d}" for i in range(n)]
    scored = pd.DataFrame({"code": codes, "total": totals})
    scored["rank"] = scored["total"].round(9).rank(method="min", ascending=False).astype(int)
    pandas_seconds = time.perf_counter() - start

    merged = scored.merge(kexie, on="code", suffixes=("_pandas", "_kexie"))
    if len(merged) != n:
        sys.exit(f"entry sets differ: {len(merged)} of {n} matched")
    worst = (merged["total_pandas"] - merged["total_kexie"]).abs().max()
    rank_mismatch = int((merged["rank_pandas"] != merged["rank_kexie"]).sum())
    print(f"{n} entries x {judges} judges x {indicators} indicators")
    print(f"largest |pandas total - kexie total| = {worst:.3e} (must be <= 1e-9)")
    print(f"ranks that differ: {rank_mismatch}")
    print(f"pandas: {pandas_seconds * 1000:.1f} ms; kexie Campaign::standings: "
          f"{kexie_seconds * 1000:.1f} ms; kexie is {pandas_seconds / kexie_seconds:.1f}x faster "
          f"(target >= 30x)")
    if worst > 1e-9 or rank_mismatch:
        sys.exit("MISMATCH")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/scoring-export")

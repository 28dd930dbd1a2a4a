#!/usr/bin/python3
"""Scores the same generated campaign as benchmarks/scoring_bench with numpy, written
as a numerical programmer would (issue 17, item 6), and compares with kexie's
Campaign::standings().

Reads what `scoring_bench --export=DIR` writes: the marks as int32 at 4 places
(entry x indicator x judge, 7 judges), the global weights of the 8 judged
indicators, kexie's totals and ranks by entry (kexie_totals.f64, kexie_ranks.i32)
and kexie's best-of-3 standings() time (meta.txt). The timed part, best of 3, is
integers and arrays only: sum - min - max along the judge axis (int64), one
matrix-vector product with the weights, the totals, and competition ranks from one
argsort. No strings are built. Checks that every total equals kexie's to 1e-9 and
every rank is identical, then prints both times and the ratio (target: kexie
>= 30x faster).

Usage: /usr/bin/python3 benchmarks/compare/scoring_numpy.py DIR [--json FILE]
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy is not installed for this python; skipping the comparison")
    sys.exit(0)


def competition_ranks(totals):
    """1 + the number of entries with a strictly higher total (1, 1, 3, ...)."""
    order = np.argsort(-totals, kind="stable")
    ranked = totals[order]
    # A new rank starts where the total changes; ties keep the first position.
    starts = np.empty(len(ranked), dtype=bool)
    starts[:1] = True
    np.not_equal(ranked[1:], ranked[:-1], out=starts[1:])
    positions = np.where(starts, np.arange(1, len(ranked) + 1), 0)
    ranks = np.empty(len(ranked), dtype=np.int64)
    ranks[order] = np.maximum.accumulate(positions)
    return ranks


def score(marks, weights, judges):
    """Totals and ranks: trimmed mean (drop the highest and lowest of the judges),
    weighted sum over the indicators, competition ranking."""
    kept = marks.sum(axis=2, dtype=np.int64) - marks.min(axis=2) - marks.max(axis=2)
    totals = (kept @ weights) / ((judges - 2) * 10000.0)  # one matrix-vector product
    # Compare at 1e-9 so that float noise in the last bits cannot split a tie.
    return totals, competition_ranks(np.round(totals, 9))


def main(folder, json_path=None):
    meta = dict(line.split() for line in open(f"{folder}/meta.txt"))
    n, judges, indicators = (int(meta[k]) for k in ("entries", "judges", "indicators"))
    # CPU time of each process (the machine is shared); wall time beside it.
    kexie_seconds = float(meta.get("kexie_standings_cpu_seconds", meta["kexie_standings_seconds"]))
    kexie_wall = float(meta["kexie_standings_seconds"])
    weights = np.array([float(w) for w in open(f"{folder}/weights.txt").read().split()])
    marks = np.fromfile(f"{folder}/marks.bin", dtype=np.int32).reshape(n, indicators, judges)
    kexie_totals = np.fromfile(f"{folder}/kexie_totals.f64", dtype=np.float64)
    kexie_ranks = np.fromfile(f"{folder}/kexie_ranks.i32", dtype=np.int32)

    best = best_wall = float("inf")
    for _ in range(3):
        start, start_wall = time.process_time(), time.perf_counter()
        totals, ranks = score(marks, weights, judges)
        best = min(best, time.process_time() - start)
        best_wall = min(best_wall, time.perf_counter() - start_wall)

    worst = float(np.max(np.abs(totals - kexie_totals)))
    rank_mismatch = int(np.count_nonzero(ranks != kexie_ranks))
    ratio = best / kexie_seconds
    ratio_wall = best_wall / kexie_wall
    print(f"{n} entries x {judges} judges x {indicators} indicators")
    print(f"largest |numpy total - kexie total| = {worst:.3e} (must be <= 1e-9)")
    print(f"ranks that differ: {rank_mismatch}")
    print(f"numpy (best of 3): {best * 1000:.1f} ms; kexie Campaign::standings: "
          f"{kexie_seconds * 1000:.1f} ms (CPU time); kexie is {ratio:.1f}x faster (target >= 30x)")
    print(f"by wall time: numpy {best_wall * 1000:.1f} ms, kexie {kexie_wall * 1000:.1f} ms, "
          f"{ratio_wall:.1f}x")
    if json_path:
        with open(json_path, "w") as f:
            json.dump({"numpy_seconds": best, "kexie_standings_seconds": kexie_seconds,
                       "kexie_to_numpy_speedup": ratio,
                       "numpy_wall_seconds": best_wall, "kexie_wall_seconds": kexie_wall,
                       "kexie_to_numpy_speedup_wall": ratio_wall, "largest_total_difference": worst,
                       "rank_mismatches": rank_mismatch}, f, indent=2)
    if worst > 1e-9 or rank_mismatch:
        sys.exit("MISMATCH")


if __name__ == "__main__":
    args = sys.argv[1:]
    json_out = None
    if "--json" in args:
        at = args.index("--json")
        json_out = args[at + 1]
        del args[at:at + 2]
    main(args[0] if args else "build/scoring-export", json_out)

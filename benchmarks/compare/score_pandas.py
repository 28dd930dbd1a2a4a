#!/usr/bin/python3
"""The whole job of Campaign::score() in pandas (issue 17, item 6), on the campaign
`scoring_bench --export=DIR` writes: totals (trimmed mean of the 7 judges, weighted
sum), competition ranks, award tiers by quota (10 %, 20 % and 30 % of the eligible
entries, rounded down, in order of total and then entry, as kexie breaks ties
without a tie-break chain) and advanced units by group-by (units with at least 2
awarded entries, by awarded count and awarded total). Checks totals (1e-9), ranks,
tiers and the advanced units against kexie's, then prints the time of each, best of
3 (target: kexie's score() >= 10x faster).

The pandas side does less than score(): no cusp report, no advanced individuals, no
participation rates, no digest; the ratio flatters pandas.

Usage: /usr/bin/python3 benchmarks/compare/score_pandas.py DIR [--json FILE]
"""
import json
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError:
    print("pandas is not installed for this python; skipping the comparison")
    sys.exit(0)

SHARES = (0.1, 0.2, 0.3)  # scoring_bench's tiers: 一等奖, 二等奖, 三等奖
UNIT_MIN_AWARDED = 2


def full_job(marks, weights, judges, indicators, units):
    n = len(units)
    df = pd.DataFrame(marks.reshape(n * indicators, judges) / 10000.0)
    trimmed = (df.sum(axis=1) - df.min(axis=1) - df.max(axis=1)) / (judges - 2)
    totals = (trimmed.to_numpy().reshape(n, indicators) * weights).sum(axis=1)
    board = pd.DataFrame({"entry": np.arange(1, n + 1), "unit": units, "total": totals})
    key = board["total"].round(9)
    board["rank"] = key.rank(method="min", ascending=False).astype(int)
    # Tiers by quota: places in order of total, then entry; each tier takes its share.
    board = board.assign(key=key).sort_values(["key", "entry"], ascending=[False, True])
    quotas = [int(np.floor(n * s + 1e-9)) for s in SHARES]
    edges = np.cumsum([0] + quotas)
    place = np.arange(n)
    board["tier"] = pd.cut(place, bins=edges, right=False, labels=False)
    board["tier"] = board["tier"].fillna(-1).astype(int)
    # Advanced units by group-by.
    board["awarded"] = board["tier"] >= 0
    board["awarded_total"] = board["total"].where(board["awarded"], 0.0)
    per_unit = board.groupby("unit").agg(entries=("entry", "size"),
                                         awarded=("awarded", "sum"),
                                         awarded_total=("awarded_total", "sum"))
    advanced = per_unit[per_unit["awarded"] >= UNIT_MIN_AWARDED].sort_values(
        ["awarded", "awarded_total"], ascending=False)
    return board.sort_values("entry"), advanced


def main(folder, json_path=None):
    meta = dict(line.split() for line in open(f"{folder}/meta.txt"))
    n, judges, indicators = (int(meta[k]) for k in ("entries", "judges", "indicators"))
    # CPU time of each process (the machine is shared); wall time beside it.
    kexie_seconds = float(meta.get("kexie_score_cpu_seconds", meta["kexie_score_seconds"]))
    kexie_wall = float(meta["kexie_score_seconds"])
    weights = np.array([float(w) for w in open(f"{folder}/weights.txt").read().split()])
    marks = np.fromfile(f"{folder}/marks.bin", dtype=np.int32)
    kexie = pd.read_csv(f"{folder}/totals.csv", dtype={"code": str})
    kexie["entry"] = kexie["code"].str[1:].astype(int) + 1
    kexie = kexie.sort_values("entry").reset_index(drop=True)
    units = kexie["unit"].to_numpy()

    best = best_wall = float("inf")
    for _ in range(3):
        start, start_wall = time.process_time(), time.perf_counter()
        board, advanced = full_job(marks, weights, judges, indicators, units)
        best = min(best, time.process_time() - start)
        best_wall = min(best_wall, time.perf_counter() - start_wall)

    board = board.reset_index(drop=True)
    worst = float((board["total"] - kexie["total"]).abs().max())
    rank_mismatch = int((board["rank"] != kexie["rank"]).sum())
    tier_mismatch = int((board["tier"] != kexie["tier"]).sum())
    units_kexie = int(meta["kexie_advanced_units"])
    ratio = best / kexie_seconds
    ratio_wall = best_wall / kexie_wall
    print(f"{n} entries x {judges} judges x {indicators} indicators")
    print(f"largest |pandas total - kexie total| = {worst:.3e} (must be <= 1e-9)")
    print(f"ranks that differ: {rank_mismatch}; tiers that differ: {tier_mismatch}; "
          f"advanced units: pandas {len(advanced)}, kexie {units_kexie}")
    print(f"pandas full job (best of 3): {best * 1000:.1f} ms; kexie Campaign::score: "
          f"{kexie_seconds * 1000:.1f} ms (CPU time); kexie is {ratio:.1f}x faster (target >= 10x)")
    print(f"by wall time: pandas {best_wall * 1000:.1f} ms, kexie {kexie_wall * 1000:.1f} ms, "
          f"{ratio_wall:.1f}x")
    if json_path:
        with open(json_path, "w") as f:
            json.dump({"pandas_seconds": best, "kexie_score_seconds": kexie_seconds,
                       "kexie_to_pandas_speedup": ratio,
                       "pandas_wall_seconds": best_wall, "kexie_wall_seconds": kexie_wall,
                       "kexie_to_pandas_speedup_wall": ratio_wall, "largest_total_difference": worst,
                       "rank_mismatches": rank_mismatch, "tier_mismatches": tier_mismatch},
                      f, indent=2)
    if worst > 1e-9 or rank_mismatch or tier_mismatch or len(advanced) != units_kexie:
        sys.exit("MISMATCH")


if __name__ == "__main__":
    args = sys.argv[1:]
    json_out = None
    if "--json" in args:
        at = args.index("--json")
        json_out = args[at + 1]
        del args[at:at + 2]
    main(args[0] if args else "build/scoring-export", json_out)

#!/usr/bin/env python3
"""pandas.read_csv (engine "c") of a marks CSV, the baseline of benchmarks/import_bench.

Prints `pandas_read_csv_seconds S` (median of three reads, wall time), the same in CPU
time of this process (`pandas_read_csv_cpu_seconds S`; on a shared machine the wall time
is noisy) and the row count.
Run by import_bench itself, or by hand: import_pandas.py marks.csv
pandas is optional: without it the script says so and exits 0.
"""
import statistics
import sys
import time

try:
    import pandas as pd
except ImportError:
    print("pandas is not installed for this python; skipping the comparison")
    sys.exit(0)


def main(path):
    times = []
    cpu = []
    rows = 0
    for _ in range(3):
        t0 = time.perf_counter()
        c0 = time.process_time()
        frame = pd.read_csv(path, engine="c", dtype={"judge": str, "entry": str,
                                                     "indicator": str, "mark": float})
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        rows = len(frame)
    print(f"pandas rows {rows}")
    print(f"pandas_read_csv_seconds {statistics.median(times):.6f}")
    print(f"pandas_read_csv_cpu_seconds {statistics.median(cpu):.6f}")


if __name__ == "__main__":
    main(sys.argv[1])

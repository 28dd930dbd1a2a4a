#!/usr/bin/python3
"""Reads the outputs benchmarks/run_all.sh kept (<logs>/<step>.txt, .meta, .json) and
writes the one JSON of every ratio (its format is in run_all.sh's header and
docs/performance.md). Standard library only.

    run_all_parse.py --logs DIR --out FILE --mode quick|full --started T --load-before L
    run_all_parse.py --self-test
"""
import argparse
import json
import os
import platform
import re
import sys
from datetime import datetime, timezone

#: A ratio in a summary line: "2.41x", "3.37×", "69%".
_RATIO = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(x|×|%)(?!\w)")
#: A ratio written out: "ratio C / C++ = 2.22".
_RATIO_EQUALS = re.compile(r"\bratio\b[^=\n]*=\s*(\d+(?:\.\d+)?)")


def ratio_lines(text):
    """Every summary line (not a Google Benchmark table row) that states a ratio."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
        if not line or line.startswith(("BM_", "-", "Run on", "CPU Caches", "L1", "L2", "L3",
                                        "Load Average", "***")):
            continue
        m = _RATIO.search(line)
        if m:
            out.append({"line": line, "value": float(m.group(1)),
                        "unit": "%" if m.group(2) == "%" else "x"})
        elif _RATIO_EQUALS.search(line):
            out.append({"line": line, "value": float(_RATIO_EQUALS.search(line).group(1)),
                        "unit": "x"})
    return out


def _number(pattern, text, group=1):
    m = re.search(pattern, text)
    return float(m.group(group)) if m else None


def registry_figures(text):
    """The issue 3 / issue 17 item 5 figures of registry_bench's summary."""
    return {
        "people": _number(r"people (\d+), subtree", text),
        "build_ns_per_person_wall": _number(r"build: ([\d.]+) ns/person", text),
        "build_ns_per_person_cpu": _number(r"CPU ([\d.]+) ns/person", text),
        "build_ns_per_membership_cpu": _number(r"CPU [\d.]+ ns/person, ([\d.]+) ns/membership",
                                               text),
        "bytes_per_person_rss_growth": _number(r"RSS growth over the build\) \d+ KiB = ([\d.]+)",
                                               text),
        "bytes_per_person_peak_rss": _number(r"peak RSS of the program \d+ KiB = ([\d.]+)", text),
        "young_query_to_raw_wall": _number(r"young under province: query .*ratio ([\d.]+)x",
                                           text),
        "young_query_to_raw_cpu": _number(r"CPU time: query .*ratio ([\d.]+)x", text),
        "whole_run_seconds": _number(r"whole run ([\d.]+) s", text),
    }


def snapshot_figures(text):
    return {
        "file_mb": _number(r"snapshot ([\d.]+) MB", text),
        "save_percent_of_raw": _number(r"save .*: (\d+)% of raw", text),
        "load_percent_of_raw": _number(r"load .*: (\d+)% of raw", text),
        "load_percent_of_raw_cpu": _number(r"load by CPU time: .*: (\d+)% of raw", text),
        "load_two_threads_percent_of_raw": _number(r"load on two threads .*: (\d+)% of raw",
                                                   text),
    }


def scoring_figures(text):
    return {
        "standings_to_streaming_sum": _number(r"Campaign::standings\): [\d.]+ ms, ratio ([\d.]+)x",
                                              text),
        "score_to_streaming_sum": _number(r"full Campaign::score .*: [\d.]+ ms, ratio ([\d.]+)x",
                                          text),
    }


FIGURES = {"registry_bench": registry_figures, "registry_bench_20m": registry_figures,
           "snapshot_bench": snapshot_figures, "snapshot_bench_20m": snapshot_figures,
           "scoring_bench": scoring_figures}


def collect(logs):
    steps = {}
    for name in sorted(f[:-5] for f in os.listdir(logs) if f.endswith(".meta")):
        with open(os.path.join(logs, name + ".meta")) as f:
            rc, seconds, command = (f.read().split("\n") + ["", "", ""])[:3]
        text_path = os.path.join(logs, name + ".txt")
        text = open(text_path, errors="replace").read() if os.path.exists(text_path) else ""
        step = {"command": command, "exit": int(rc), "seconds": float(seconds or 0),
                "ratios": ratio_lines(text), "figures": {}}
        if name in FIGURES:
            step["figures"] = {k: v for k, v in FIGURES[name](text).items() if v is not None}
        json_path = os.path.join(logs, name + ".json")
        if os.path.exists(json_path):
            with open(json_path) as f:
                step["figures"].update(json.load(f))
        steps[name] = step
    # Issue 17, item 5: build time per person at 20 M against 2 M (CPU time).
    small = steps.get("registry_bench", {}).get("figures", {})
    large = steps.get("registry_bench_20m", {}).get("figures", {})
    if small.get("build_ns_per_person_cpu") and large.get("build_ns_per_person_cpu"):
        large["build_cpu_per_person_vs_2m"] = (large["build_ns_per_person_cpu"]
                                               / small["build_ns_per_person_cpu"])
    return steps


def machine():
    cpus = os.cpu_count()
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kib = int(next(l.split()[1] for l in open("/proc/meminfo")
                           if l.startswith("MemTotal")))
    except (OSError, StopIteration, ValueError):
        mem_kib = 0
    return {"cpus": cpus, "cpu": model, "memory_gib": round(mem_kib / 2**20, 1),
            "system": platform.platform()}


def self_test():
    lines = ratio_lines("BM_X 12 ms\nyoung: query 1.0 us, ratio 1.15x (target <= 2x)\n"
                        "save 92 MB/s: 69% of raw\nnothing here\n3 x 4 entries\n"
                        "is_young per call: C++ 69.1 ns, C API 153.0 ns, ratio C / C++ = 2.22\n")
    assert [r["value"] for r in lines] == [1.15, 69.0, 2.22], lines
    assert lines[1]["unit"] == "%"
    text = ("organizations 50000, people 20000000, subtree rows 1\n"
            "build: 1598.0 ns/person, 173.8 ns/membership (wall); CPU 604.0 ns/person, 55.6 "
            "ns/membership; 36.3 s in all\n"
            "memory of the registry (RSS growth over the build) 1651140 KiB = 84.5 bytes/person\n")
    f = registry_figures(text)
    assert f["people"] == 20000000 and f["build_ns_per_person_cpu"] == 604.0, f
    assert f["bytes_per_person_rss_growth"] == 84.5 and f["build_ns_per_membership_cpu"] == 55.6
    print("run_all_parse self-test: ok")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--logs")
    ap.add_argument("--out")
    ap.add_argument("--mode", default="full")
    ap.add_argument("--started", default="")
    ap.add_argument("--load-before", default="")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        return
    if not args.logs or not args.out:
        ap.error("--logs and --out are required")
    doc = {"machine": machine(), "mode": args.mode, "started": args.started,
           "finished": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "load_before": float(args.load_before) if args.load_before else None,
           "load_after": float(open("/proc/loadavg").read().split()[0]),
           "steps": collect(args.logs)}
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())

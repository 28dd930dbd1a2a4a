#!/usr/bin/env python3
"""Benchmark for issue 8, Python side (not a test): the per-call time of a cheap
query through the Python package against the same C API call measured by
c_api_bench in the same run, and the time to load one million marks from Python
through Campaign.mark_columns (target: under 2 s).

  python3 benchmarks/python_overhead.py build/release/benchmarks/c_api_bench
  (KEXIE_LIBRARY should name the same build's libkexie_c.so)
"""

import array
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings",
                                "python"))
import kexie  # noqa: E402


def c_call_ns(bench):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "c.json")
        subprocess.run([bench, "--benchmark_filter=^C_IsYoung$", "--benchmark_out=" + path,
                        "--benchmark_out_format=json"], capture_output=True, check=True)
        with open(path, encoding="utf-8") as f:
            run = json.load(f)["benchmarks"][0]
    return run["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6}[run["time_unit"]]


def world():
    reg = kexie.Registry()
    cast = reg.add_organization(kexie.OrgKind.NATIONAL, "c", effective=date(1958, 9, 18))
    prov = reg.add_organization(kexie.OrgKind.LOCAL, "p", cast, date(1960, 1, 1),
                                kexie.Level.PROVINCIAL)
    ent = reg.add_organization(kexie.OrgKind.ENTERPRISE, "e", prov, date(2000, 1, 1),
                               enterprise_name="e")
    jury = reg.add_organization(kexie.OrgKind.ENTERPRISE, "j", prov, date(2000, 1, 1),
                                enterprise_name="j")
    people = [reg.add_person("p", date(1980, 1, 1), ent, str(i)) for i in range(1000)]
    judges = [reg.add_person("j", date(1970, 1, 1), jury, str(i)) for i in range(5)]
    return reg, prov, ent, people, judges


def python_call_ns(reg, people):
    day = date(2025, 6, 30)
    n = 200000
    t = time.perf_counter()
    for i in range(n):
        reg.is_young(people[i % 1000], day)
    return (time.perf_counter() - t) / n * 1e9


def million_marks(reg, prov, ent, people, judge_people):
    c = kexie.Campaign(reg, kexie.CampaignSpec("b", prov, date(2025, 11, 30), 2024))
    c.set_rubric_text(kexie.Category.INNOVATIVE_IDEAS, "r",
                      "A|a||judged|0.5|0|100|0.5\nB|b||judged|0.5|0|100|0.5\n")
    judges = [c.add_judge(p) for p in judge_people]
    entries = []
    for i in range(100000):
        e = c.add_entry("E%d" % i, "t", ent, kexie.Category.INNOVATIVE_IDEAS,
                        [(people[i % 1000], 1)], date(2024, 1, 1))
        entries.append(e)
        for j in judges:
            c.assign(j, e)
    t = time.perf_counter()
    js, es, inds, vs = array.array("I"), array.array("I"), array.array("I"), array.array("q")
    for e in entries:
        for j in judges:
            js.extend((j, j))
            es.extend((e, e))
            inds.extend((0, 1))
            vs.extend((150 + (e % 90) * 5, 200 + (j % 50) * 5))
    c.mark_columns(js, es, inds, vs, 1)
    return len(vs), time.perf_counter() - t


def main():
    reg, prov, ent, people, judges = world()
    py = python_call_ns(reg, people)
    if len(sys.argv) > 1:
        c = c_call_ns(sys.argv[1])
        print("is_young per call: Python %.0f ns, C API %.1f ns, ratio Python / C = %.1f"
              % (py, c, py / c))
    else:
        print("is_young per call: Python %.0f ns (pass c_api_bench for the ratio)" % py)
    n, seconds = million_marks(reg, prov, ent, people, judges)
    print("%d marks from Python (arrays built and loaded): %.2f s (target < 2 s)" % (n, seconds))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`kexie score` end to end on a generated national-scale campaign, from CSV (issue 15).

    benchmarks/command_bench.py [--entries N] [--kexie PATH] [--keep DIR]

Generates, in a temporary directory (or DIR with --keep), a campaign of N entries
(default 100 000) from the bundled demo (examples/data): the demo's campaign document
with every category's judged group widened to 8 judged indicators A.1 … A.8; a registry
as CSV tables (registry-organizations.csv, registry-people.csv,
registry-memberships.csv: 1 000 enterprises under the demo's 杭州市科协, one person per
entry, 7 judges in an enterprise of their own); an entries document with the entries
(claims copied from the demo's entries of the same category) and judges J1 … J7; and
as CSV the assignments (every judge on every entry) and the marks, 7 judges × 8
indicators × N entries in long format (5.6 M rows for 100 000 entries).

Then runs, once, the release command

    kexie score campaign.json --registry registry --entries entries.json --max-values 10000000 \\
        --assignments assignments.csv --marks marks.csv \\
        -o results.json -o results.csv -o results.xlsx -o results.html \\
        --explanations summary --timings --json

and prints the times the command measured itself (--timings): reading each input,
scoring, and writing each format, with the issue's targets: XLSX of N rows in under
2 s, and the whole command in under 3× the time of reading its inputs.

Run by hand (never in ctest), on the release build:

    cmake --preset release && cmake --build --preset release -j2 --target kexie_command
    /usr/bin/python3 benchmarks/command_bench.py
"""
import argparse
import copy
import csv
import json
import os
import pathlib
import random
import resource
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parent.parent
DATA = SOURCE / "examples/data"
JUDGES = 7
INDICATORS = 8
UNITS = 1000


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def campaign_document():
    doc = json.loads((DATA / "campaign.json").read_text(encoding="utf-8"))
    for category in doc["categories"]:
        indicators = []
        for ind in category["rubric"]["indicators"]:
            if ind["kind"] == "bonus":
                continue  # judged marks are the 8 indicators of A only
            if ind["code"] == "A":
                scale = ind["children"][0]["scale"]
                ind = {k: v for k, v in ind.items() if k != "ahp"}
                ind["children"] = [{"code": f"A.{i}", "name": f"指标 {i}", "kind": "judged",
                                    "weight": "0.125", "scale": scale}
                                   for i in range(1, INDICATORS + 1)]
            indicators.append(ind)
        category["rubric"]["indicators"] = indicators
    return doc


def generate(out, n):
    rnd = random.Random(2025)
    (out / "campaign.json").write_text(json.dumps(campaign_document(), ensure_ascii=False,
                                                  indent=1), encoding="utf-8")
    reg = json.loads((DATA / "registry.json").read_text(encoding="utf-8"))
    demo = json.loads((DATA / "entries.json").read_text(encoding="utf-8"))
    registry = out / "registry"
    registry.mkdir()
    org_cols = ["code", "kind", "name", "parent", "effective", "level", "enterprise_name",
                "ownership"]
    orgs = [[o["code"], o["kind"], o["name"], o["parent"] or "", o["effective"], o["level"],
             "", ""] for o in reg["organizations"] if o["kind"] in ("national", "local")]
    orgs.append(["JUDGES", "enterprise", "评审专家单位科协", "ZJ-C1", "2000-01-01", "none",
                 "评审专家单位", "state"])
    for u in range(UNITS):
        orgs.append([f"U{u}", "enterprise", f"企业{u}科协", "ZJ-C1", "2000-01-01", "none",
                     f"企业{u}", "private"])
    write_csv(registry / "registry-organizations.csv", org_cols, orgs)
    people = [[f"JP{j}", f"评委{j}", "1970-01-01", "JUDGES", f"K{j}", "senior", ""]
              for j in range(1, JUDGES + 1)]
    people += [[f"P{i}", f"职工{i}", "1980-01-01", f"U{i % UNITS}", f"E{i}", "intermediate", ""]
               for i in range(n)]
    write_csv(registry / "registry-people.csv",
              ["code", "name", "birth", "employer", "external_key", "title", "discipline"],
              people)
    write_csv(registry / "registry-memberships.csv", ["person", "org", "role", "first", "last"],
              [[p[0], p[3], "member", "2015-01-01", ""] for p in people])
    templates = {}
    for e in demo["entries"]:
        templates.setdefault(e["category"], []).append(e)
    categories = sorted(templates)
    entries = []
    for i in range(n):
        t = templates[categories[i % len(categories)]]
        e = copy.deepcopy(t[(i // len(categories)) % len(t)])
        e["code"] = f"BZ-{i:06d}"
        e["title"] = f"项目{i}"
        e["unit"] = f"U{i % UNITS}"
        e["team"] = [{"person": f"P{i}", "share": "1"}]
        for k, p in enumerate(e["claims"]["patents"]):
            p["number"] = f"ZL9{i:06d}{k}"
        entries.append(e)
    doc = {"format": "kexie.entries/1", "entries": entries,
           "judges": [{"code": f"J{j}", "person": f"JP{j}"} for j in range(1, JUDGES + 1)],
           "assignments": [], "marks": [], "vetoes": []}
    (out / "entries.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    codes = [e["code"] for e in entries]
    write_csv(out / "assignments.csv", ["judge", "entry"],
              ([f"J{j}", c] for c in codes for j in range(1, JUDGES + 1)))
    with open(out / "marks.csv", "w", encoding="utf-8", newline="") as f:
        f.write("judge,entry,indicator,mark\n")
        for c in codes:
            base = rnd.randint(110, 190)
            lines = []
            for j in range(1, JUDGES + 1):
                for k in range(1, INDICATORS + 1):
                    m = min(200, max(0, base + rnd.randint(-12, 12))) / 2
                    lines.append(f"J{j},{c},A.{k},{m:.1f}\n")
            f.write("".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--kexie", default=str(SOURCE / "build/release/tools/kexie/kexie"))
    ap.add_argument("--keep", help="generate into (and keep) this directory")
    ap.add_argument("--explanations", choices=("summary", "full"), default="summary",
                    help="the form of results.json's explanations (kexie score --explanations)")
    args = ap.parse_args()
    args.kexie = str(pathlib.Path(args.kexie).resolve())
    tmp = None
    if args.keep:
        out = pathlib.Path(args.keep)
        out.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="kexie-command-bench-")
        out = pathlib.Path(tmp.name)
    t0 = time.monotonic()
    if not (out / "marks.csv").exists():
        generate(out, args.entries)
    print(f"generated {args.entries} entries in {out} ({time.monotonic() - t0:.1f} s); "
          f"marks.csv {(out / 'marks.csv').stat().st_size / 1e6:.0f} MB, "
          f"entries.json {(out / 'entries.json').stat().st_size / 1e6:.0f} MB")
    cmd = [args.kexie, "score", "campaign.json", "--registry", "registry", "--entries",
           "entries.json", "--max-values", "10000000", "--assignments", "assignments.csv",
           "--marks", "marks.csv",
           "-o", "results.json", "-o", "results.csv", "-o", "results.xlsx", "-o",
           "results.html", "--explanations", args.explanations, "--timings", "--json"]
    t0 = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, cwd=out, capture_output=True, text=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        print(p.stdout, p.stderr, file=sys.stderr)
        sys.exit(f"kexie score exited {p.returncode}")
    doc = json.loads(p.stdout)
    t = doc["timings"]
    print(f"kexie score: {doc['entries']} entries, digest {doc['digest']}, wall {wall:.2f} s, "
          f"CPU {cpu:.2f} s (user + system; the machine's load: {os.getloadavg()[0]:.1f}); "
          f"results.json {(out / 'results.json').stat().st_size / 1e6:.0f} MB "
          f"({args.explanations})")
    print(f"  {'':<7} {'step':<45} {'wall':>9}   {'CPU':>9}")
    for s in t["steps"]:
        print(f"  {s['kind']:<7} {s['step']:<45} {s['seconds']:8.3f} s {s['cpu_seconds']:8.3f} s")
    print(f"  reading {t['reading']:.3f} s, scoring {t['scoring']:.3f} s, "
          f"writing {t['writing']:.3f} s, total {t['total']:.3f} s; CPU: reading "
          f"{t['cpu_reading']:.3f} s, total {t['cpu_total']:.3f} s")
    xlsx = [s for s in t["steps"] if s["step"] == "results.xlsx"]
    xlsx_wall = sum(s["seconds"] for s in xlsx)
    xlsx_cpu = sum(s["cpu_seconds"] for s in xlsx)
    print(f"target: XLSX of {doc['entries']} rows under 2 s: {xlsx_wall:.3f} s wall, "
          f"{xlsx_cpu:.3f} s CPU ({'met' if min(xlsx_wall, xlsx_cpu) < 2 else 'NOT met'})")
    for what, ratio in (("wall", t["total"] / t["reading"]),
                        ("CPU", t["cpu_total"] / t["cpu_reading"])):
        print(f"target: the whole command under 3x reading ({what}): {ratio:.2f}x "
              f"({'met' if ratio < 3 else 'NOT met'})")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the bundled demo as CSV tables, from its documents (registry.json, entries.json).

    examples/data/make_tables.py [DIR]    # DIR holds the JSON documents; default: this folder

The tables are the ones kexie's table loaders read (docs/tables.md): registry-<kind>.csv
(one per kind), entries.csv, judges.csv, assignments.csv, marks.csv, vetoes.csv, and
marks-gb18030.csv, the same marks with Chinese headers in GB18030 with CRLF line ends,
as Excel on Chinese Windows saves them. UTF-8 tables carry a byte-order mark.
"""
import csv
import io
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def write(path, header, rows, encoding="utf-8-sig"):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def blank(v):
    return "" if v is None else v


def main(src):
    reg = json.loads((src / "registry.json").read_text(encoding="utf-8"))
    ent = json.loads((src / "entries.json").read_text(encoding="utf-8"))
    org_cols = ["code", "kind", "name", "parent", "effective", "level", "enterprise_name",
                "ownership", "industry", "region", "high_tech_zone", "development_zone",
                "founded", "dissolved"]
    rows = []
    for o in reg["organizations"]:
        assert not o.get("moves"), "moves are not in the CSV tables"
        e = o.get("enterprise") or {}
        rows.append([o["code"], o["kind"], o["name"], blank(o["parent"]), o["effective"],
                     o["level"], e.get("enterprise_name", ""), e.get("ownership", ""),
                     e.get("industry", ""), e.get("region", ""),
                     "true" if e.get("high_tech_zone") else "",
                     "true" if e.get("development_zone") else "",
                     blank(e.get("founded")), blank(o.get("dissolved"))])
    write(HERE / "registry-organizations.csv", org_cols, rows)
    people = ["code", "name", "birth", "employer", "external_key", "title", "discipline"]
    write(HERE / "registry-people.csv", people,
          [[p[c] for c in people] for p in reg["people"]])
    roles = ["person", "org", "role", "first", "last"]
    write(HERE / "registry-memberships.csv", roles,
          [[blank(m[c]) for c in roles] for m in reg["memberships"]])
    assert not any(reg[k] for k in ("appointments", "experts", "links", "training", "honours")), \
        "the demo has no appointments, experts, links, training or honours"
    entries = ["code", "title", "unit", "category", "focus", "team", "in_use_since", "energy",
               "material_saved_t", "co2_avoided_t", "hours_saved", "efficiency_gain_percent",
               "annual_benefit_yuan", "patents", "achievements_transformed"]
    rows = []
    for e in ent["entries"]:
        c = e["claims"]
        assert not e.get("cites_link") and not e.get("cites_activity")
        rows.append([e["code"], e["title"], e["unit"], e["category"], ";".join(e["focus"]),
                     ";".join(f'{t["person"]}:{t["share"]}' for t in e["team"]),
                     e["in_use_since"],
                     ";".join(f'{x["carrier"]}:{x["value"]}:{x["unit"]}' for x in c["energy"]),
                     c["material_saved_t"], c["co2_avoided_t"], c["hours_saved"],
                     c["efficiency_gain_percent"], c["annual_benefit_yuan"],
                     ";".join(f'{p["type"]}:{p["status"]}:{p["number"]}' for p in c["patents"]),
                     c["achievements_transformed"]])
    write(HERE / "entries.csv", entries, rows)
    write(HERE / "judges.csv", ["code", "person"], [[j["code"], j["person"]] for j in ent["judges"]])
    write(HERE / "assignments.csv", ["judge", "entry"], ent["assignments"])
    write(HERE / "marks.csv", ["judge", "entry", "indicator", "mark"], ent["marks"])
    write(HERE / "marks-gb18030.csv", ["评委", "项目编号", "指标", "分数"], ent["marks"],
          encoding="gb18030")
    write(HERE / "vetoes.csv", ["judge", "entry", "veto", "reason"],
          [[v["judge"], v["entry"], v["indicator"], v["reason"]] for v in ent["vetoes"]])


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)

#!/usr/bin/env python3
"""Generates the JSON Schemas (draft 2020-12) of kexie's documents under schemas/.

The enumerations come from the C++ name tables (`EnumNames<E>::names` in
include/kexie/*.hpp), so the schemas, `to_string` and the document readers
spell every value the same way: one source of truth.
  python3 scripts/gen_schemas.py           # rewrites schemas/*.schema.json
  python3 scripts/gen_schemas.py --check   # exit 1 when a schema is stale
The loader (src/document/) refuses everything a schema refuses and more (weights
that do not sum to 1, dangling codes, the registry's own rules): the schemas are
for editors and for other languages' validators. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "schemas")
BASE = "https://kexie.example.org/schemas/"


def enum_tables() -> dict[str, list[str]]:
    tables = {}
    pattern = re.compile(
        r"struct EnumNames<([A-Za-z0-9_:]+)>\s*\{\s*static constexpr std::array<std::string_view,"
        r"\s*\d+>\s*names\{(.*?)\};", re.S)
    inc = os.path.join(ROOT, "include", "kexie")
    for name in sorted(os.listdir(inc)):
        if name.endswith(".hpp"):
            text = open(os.path.join(inc, name), encoding="utf-8").read()
            for m in pattern.finditer(text):
                tables[m.group(1)] = re.findall(r'"([^"]*)"', m.group(2))
    return tables


E = enum_tables()


def enum(name: str) -> dict:
    return {"enum": E[name]}


DEC = {"$ref": "#/$defs/decimal"}
DATE = {"$ref": "#/$defs/date"}
CODE = {"$ref": "#/$defs/code"}
TEXT = {"type": "string"}
BOOL = {"type": "boolean"}
NULL = {"type": "null"}


def opt(schema: dict) -> dict:
    return {"anyOf": [schema, NULL]}


def uint(lo: int = 0, hi: int | None = None) -> dict:
    s = {"type": "integer", "minimum": lo}
    if hi is not None:
        s["maximum"] = hi
    return s


def obj(props: dict, required: tuple = ()) -> dict:
    """An object of exactly these keys, plus extensions under an x- prefix."""
    return {"type": "object", "properties": props, "required": list(required),
            "patternProperties": {"^x-": {}}, "additionalProperties": False}


def arr(items: dict) -> dict:
    return {"type": "array", "items": items}


COMMON_DEFS = {
    "decimal": {"type": "string", "pattern": r"^[+-]?[0-9]+(\.[0-9]+)?$",
                "description": "an exact decimal, written as a string"},
    "date": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
             "description": "a calendar date YYYY-MM-DD"},
    "code": {"type": "string", "minLength": 1},
}


def document(fmt: str, title: str, props: dict, required: tuple, defs: dict) -> dict:
    props = {"format": {"const": fmt}, **props}
    s = {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "$id": BASE + fmt.replace("/", "-") + ".schema.json",
         "title": title}
    s.update(obj(props, ("format",) + required))
    s["$defs"] = {**COMMON_DEFS, **defs}
    return s


def campaign() -> dict:
    scale = obj({"min": DEC, "max": DEC, "step": DEC}, ("min", "max", "step"))
    objective = obj({"figure": enum("ClaimedFigure"), "unit": TEXT,
                     "tiers": arr(obj({"at_least": DEC, "points": DEC}, ("at_least", "points"))),
                     "floor": DEC, "per_unit": DEC, "cap": DEC}, ("figure", "floor"))
    ahp = obj({"judgements": arr({"type": "number", "exclusiveMinimum": 0}),
               "method": enum("AhpMethod"), "ri_table": enum("RandomIndexTable"),
               "threshold": {"type": "number"}, "pass_rule": enum("PassRule"),
               "places": uint(1, 8),
               "derived": obj({"weights": arr(DEC), "ri": {"type": "number"},
                               "cr": {"type": "number"}})}, ("judgements",))
    bands = obj({"figure": enum("ClaimedFigure"), "unit": TEXT,
                 "bands": arr(obj({"at_least": DEC, "min": DEC, "max": DEC},
                                  ("at_least", "min", "max")))}, ("figure", "bands"))
    prize = obj({"figure": enum("ClaimedFigure"), "unit": TEXT, "threshold": DEC, "share": DEC,
                 "cap": opt(DEC), "awarded_only": BOOL}, ("figure", "threshold", "share"))
    indicator = obj({"code": CODE, "name": TEXT, "kind": enum("IndicatorKind"), "weight": DEC,
                     "points": DEC, "ahp": {"$ref": "#/$defs/ahp"},
                     "children": arr({"$ref": "#/$defs/indicator"}),
                     "scale": {"$ref": "#/$defs/scale"}, "bands": {"$ref": "#/$defs/bands"},
                     "objective": {"$ref": "#/$defs/objective"}, "cap": DEC},
                    ("code", "name", "kind"))
    indicator["allOf"] = [
        {"not": {"required": ["weight", "points"]}},  # a weight or points, never both
        {"if": {"properties": {"kind": {"const": "group"}}},
         "then": {"required": ["children"], "not": {"anyOf": [
             {"required": ["scale"]}, {"required": ["objective"]}, {"required": ["cap"]}]}}},
        {"if": {"properties": {"kind": {"const": "judged"}}},
         "then": {"not": {"anyOf": [
             {"required": ["children"]}, {"required": ["objective"]}, {"required": ["cap"]}]}}},
        {"if": {"properties": {"kind": {"const": "objective"}}},
         "then": {"required": ["objective"], "not": {"anyOf": [
             {"required": ["children"]}, {"required": ["scale"]}, {"required": ["cap"]}]}}},
        {"if": {"properties": {"kind": {"const": "bonus"}}},
         "then": {"required": ["scale", "cap"], "not": {"anyOf": [
             {"required": ["children"]}, {"required": ["objective"]}, {"required": ["weight"]},
             {"required": ["points"]}, {"required": ["bands"]}]}}},
        {"if": {"properties": {"kind": {"const": "veto"}}},
         "then": {"not": {"anyOf": [{"required": ["children"]}, {"required": ["scale"]},
                                    {"required": ["objective"]}, {"required": ["cap"]},
                                    {"required": ["weight"]}, {"required": ["points"]},
                                    {"required": ["bands"]}]}}},
    ]
    rubric = obj({"name": TEXT, "co2_basis": enum("Co2Basis"), "full_score": DEC, "prize": prize,
                  "ahp": {"$ref": "#/$defs/ahp"},
                  "indicators": arr({"$ref": "#/$defs/indicator"})}, ("name", "indicators"))
    panel = obj({
        "aggregation": obj({"method": enum("AggregationMethod"), "drop_low": uint(0, 255),
                            "drop_high": uint(0, 255), "trim_from": uint(0, 255)}, ("method",)),
        "normalization": obj({"enabled": BOOL, "min_sample": uint(2)}, ("enabled",)),
        "min_judges": uint(1, 64), "max_judges_per_entry": uint(1, 64),
        "veto_threshold": uint(1, 64), "experts": enum("ExpertRule"),
        "expert_field_match": BOOL})
    eligibility = obj({"rule": enum("EligibilityRule::Kind"), "n": uint(0, 1200), "on": DATE},
                      ("rule",))
    tie_break = obj({"by": enum("TieBreak::Kind"), "indicator": CODE,
                     "figure": enum("ClaimedFigure")}, ("by",))
    tier = obj({"name": TEXT, "quota": {"enum": ["share", "count"]}, "share": DEC,
                "count": uint(), "rounding": enum("Rounding"), "min_score": DEC},
               ("name", "quota"))
    tier["allOf"] = [
        {"if": {"properties": {"quota": {"const": "share"}}},
         "then": {"required": ["share"], "not": {"required": ["count"]}}},
        {"if": {"properties": {"quota": {"const": "count"}}},
         "then": {"required": ["count"], "not": {"anyOf": [{"required": ["share"]},
                                                           {"required": ["rounding"]}]}}},
    ]
    awards = obj({"tiers": arr(tier), "boundary_ties": enum("BoundaryTies"), "cusp_margin": DEC,
                  "advanced_units": obj({"min_awarded_entries": uint(),
                                         "min_participation_rate": DEC, "min_tce_saved": DEC,
                                         "max_units": uint()}),
                  "advanced_individuals": obj({"top_tiers": uint(), "min_share": DEC,
                                               "max_people": uint()})}, ("tiers",))
    # A table this build knows is named by name and edition; a table of the caller's
    # own carries its entries (coefficients) or factors (grid) inline.
    coefficient = obj({"carrier": enum("Carrier"), "kgce_per_unit": DEC, "per_unit": enum("Unit"),
                       "source": TEXT, "range_check": enum("RangeCheck")},
                      ("carrier", "kgce_per_unit", "per_unit"))
    coefficients = obj({"name": TEXT, "edition": TEXT, "source": TEXT,
                        "entries": arr(coefficient)}, ("name", "edition"))
    coefficients["dependentRequired"] = {"source": ["entries"]}
    grid_factor = obj({"first_year": uint(1900, 2200), "last_year": uint(1900, 2200),
                       "method": enum("GridFactorMethod"), "t_co2_per_mwh": DEC, "source": TEXT,
                       "confirmed": BOOL}, ("first_year", "last_year", "method", "t_co2_per_mwh"))
    grid_factors = obj({"name": TEXT, "edition": TEXT, "source": TEXT,
                        "factors": arr(grid_factor)}, ("name", "edition"))
    grid_factors["dependentRequired"] = {"source": ["factors"]}
    energy = obj({"coefficients": coefficients, "grid_factors": grid_factors,
                  "grid_method": enum("GridFactorMethod"),
                  "fuel_carbon": arr(obj({"fuel": enum("Carrier"), "ncv_gj_per_unit": DEC,
                                          "ncv_per_unit": enum("Unit"), "carbon_t_per_gj": DEC,
                                          "oxidation_rate": DEC, "source": TEXT},
                                         ("fuel", "ncv_gj_per_unit", "ncv_per_unit",
                                          "carbon_t_per_gj", "oxidation_rate")))})
    return document("kexie.campaign/1", "kexie campaign rules", {
        "name": TEXT, "organizer": CODE, "as_of": DATE, "year": uint(1900, 2200),
        "entry_deadline": opt(DATE), "enforce_scope": BOOL, "rank_per_category": BOOL,
        "panel": panel, "eligibility": arr(eligibility), "tie_breaks": arr(tie_break),
        "awards": awards, "energy": energy,
        "categories": arr(obj({"category": enum("Category"), "rubric": rubric},
                              ("category", "rubric"))),
    }, ("name", "organizer", "as_of", "year", "awards", "categories"),
        {"scale": scale, "objective": objective, "ahp": ahp, "indicator": indicator,
         "bands": bands})


def registry() -> dict:
    period = {"first": opt(DATE), "last": opt(DATE)}
    enterprise = obj({"enterprise_name": TEXT, "ownership": enum("Ownership"), "industry": TEXT,
                      "region": TEXT, "high_tech_zone": BOOL, "development_zone": BOOL,
                      "founded": opt(DATE)}, ("enterprise_name",))
    return document("kexie.registry/1", "kexie registry", {
        "organizations": arr(obj({"code": CODE, "kind": enum("OrgKind"), "name": TEXT,
                                  "parent": opt(CODE), "effective": DATE,
                                  "level": enum("LocalLevel"), "enterprise": opt(enterprise),
                                  "moves": arr(obj({"parent": CODE, "on": DATE},
                                                   ("parent", "on"))),
                                  "dissolved": opt(DATE)}, ("code", "kind", "name", "effective"))),
        "people": arr(obj({"code": CODE, "name": TEXT, "birth": DATE, "employer": CODE,
                           "external_key": TEXT, "title": enum("Title"), "discipline": TEXT},
                          ("code", "name", "birth", "employer"))),
        "memberships": arr(obj({"person": CODE, "org": CODE, "role": enum("Role"), **period},
                               ("person", "org", "role"))),
        "appointments": arr(obj({"person": CODE, "org": CODE, "role": enum("OfficerRole"),
                                 **period}, ("person", "org", "role"))),
        "experts": arr(obj({"person": CODE, "org": CODE, "fields": arr(TEXT), **period},
                           ("person", "org"))),
        "links": arr(obj({"enterprise": CODE, "other": CODE, **period}, ("enterprise", "other"))),
        "training": arr(obj({"person": CODE, "hours": uint(0, 100000),
                             "kind": enum("TrainingKind"), "date": DATE},
                            ("person", "hours", "kind", "date"))),
        "honours": arr(obj({"kind": enum("HonourKind"), "person": opt(CODE),
                            "organization": opt(CODE), "grantor": CODE, "title": TEXT,
                            "basis": TEXT, "date": DATE}, ("kind", "grantor", "title", "date"))),
    }, ("organizations",), {})


def entries() -> dict:
    claims = obj({
        "energy": arr(obj({"carrier": enum("Carrier"), "value": DEC, "unit": enum("Unit")},
                          ("carrier", "value", "unit"))),
        "material_saved_t": DEC, "co2_avoided_t": DEC, "hours_saved": DEC,
        "efficiency_gain_percent": DEC, "annual_benefit_yuan": DEC,
        "patents": arr(obj({"type": enum("PatentType"), "status": enum("PatentStatus"),
                            "number": TEXT}, ("type", "status", "number"))),
        "achievements_transformed": uint()})
    entry = obj({"code": CODE, "title": TEXT, "unit": CODE, "category": enum("Category"),
                 "focus": arr({"enum": ["energy_saving", "consumption_reduction",
                                        "emission_reduction", "efficiency_gain"]}),
                 "team": arr(obj({"person": CODE, "share": DEC}, ("person", "share"))),
                 "in_use_since": DATE, "claims": claims,
                 "cites_link": uint(1, 0xFFFFFFFF), "cites_activity": uint(1, 0xFFFFFFFF)},
                ("code", "title", "unit", "category", "team", "in_use_since"))
    row = lambda *items: {"type": "array", "prefixItems": list(items),
                          "minItems": len(items), "maxItems": len(items)}
    return document("kexie.entries/1", "kexie campaign entries, judges and marks", {
        "entries": arr(entry),
        "judges": arr(obj({"code": CODE, "person": CODE}, ("code", "person"))),
        "assignments": arr(row(CODE, CODE)),
        "marks": arr(row(CODE, CODE, CODE, DEC)),
        "vetoes": arr(obj({"judge": CODE, "entry": CODE, "indicator": CODE, "reason": TEXT},
                          ("judge", "entry", "indicator", "reason"))),
    }, ("entries",), {})


def results() -> dict:
    num = opt({"type": "number"})
    mark = obj({"judge": CODE, "mark": DEC, "normalized": opt(DEC), "dropped": BOOL},
               ("judge", "mark", "normalized", "dropped"))
    line = obj({"code": CODE, "name": TEXT, "kind": enum("IndicatorKind"),
                "method": enum("AggregationMethod"), "value": opt(DEC), "weight": DEC,
                "contribution": DEC, "figure": TEXT,
                "band": opt(obj({"at_least": DEC, "min": DEC, "max": DEC},
                                ("at_least", "min", "max"))),
                "points": opt(DEC), "marks": arr(mark)},
               ("code", "name", "kind", "method", "value", "weight", "contribution", "figure",
                "band", "points", "marks"))
    next_tier = opt(obj({"tier": TEXT, "lowest_awarded": opt(DEC), "short_by": opt(DEC)},
                        ("tier", "lowest_awarded", "short_by")))
    reason = {"enum": ["awarded", "no_award", "vetoed", "incomplete"]}
    # "explanations": "full" (and documents written before the key existed, which
    # held the full form without the tier reason).
    full = obj({"rubric": TEXT, "aggregation": enum("AggregationMethod"),
                "normalized": BOOL, "full_score": opt(DEC), "lines": arr(line),
                "conversions": arr(TEXT), "vetoes": arr(TEXT), "co2": TEXT,
                "prize": TEXT, "citations": arr(TEXT), "reason": reason,
                "next_tier": next_tier,
                "text": obj({"zh": TEXT, "en": TEXT}, ("zh", "en"))},
               ("rubric", "aggregation", "normalized", "full_score", "lines",
                "conversions", "vetoes", "co2", "prize", "citations", "text"))
    # "explanations": "summary" (the default): per indicator, counts instead of marks.
    summary_line = obj({"code": CODE, "kind": enum("IndicatorKind"), "value": opt(DEC),
                        "weight": DEC, "points": opt(DEC), "contribution": DEC,
                        "marks": uint(), "dropped": uint()},
                       ("code", "kind", "value", "weight", "points", "contribution", "marks",
                        "dropped"))
    summary = obj({"rubric": TEXT, "aggregation": enum("AggregationMethod"),
                   "normalized": BOOL, "full_score": opt(DEC), "lines": arr(summary_line),
                   "vetoes": uint(), "reason": reason, "next_tier": next_tier},
                  ("rubric", "aggregation", "normalized", "full_score", "lines", "vetoes",
                   "reason", "next_tier"))
    entry_keys = {"code": CODE, "title": TEXT, "unit": CODE, "enterprise": CODE,
                  "category": enum("Category"), "status": enum("EntryStatus"), "total": DEC,
                  "judged_part": DEC, "objective_part": DEC, "bonus": DEC, "rank": uint(),
                  "position": uint(), "tier": opt(uint()), "award": TEXT, "prize": opt(DEC),
                  "explanation": {"type": "object"}}
    unit_keys = {"unit": CODE, "entries": uint(), "awarded": uint(), "awarded_total": DEC,
                 "participation_rate": DEC, "tce_saved": DEC}
    person_keys = {"person": CODE, "best_tier": uint(), "credit": DEC, "entries": arr(CODE)}
    cusp_keys = {"entry": CODE, "tier": uint(), "boundary": DEC, "distance": DEC}
    agree_keys = {"category": enum("Category"), "indicator": CODE,
                  "missing": enum("MissingMarks"), "judges": opt(uint()),
                  "entries": opt(uint()), "kendall_w": num, "chi_squared": num,
                  "df": opt(uint()), "p_value": num, "note": opt(TEXT)}
    every = lambda keys: obj(keys, tuple(keys))
    s = document("kexie.results/1", "kexie campaign results", {
        "explanations": enum("ResultsExplanations"),
        "campaign": TEXT, "digest": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "tiers": arr(TEXT), "entries": arr(every(entry_keys)),
        "advanced_units": arr(every(unit_keys)), "advanced_individuals": arr(every(person_keys)),
        "cusps": arr(every(cusp_keys)), "agreement": arr(every(agree_keys)),
    }, ("campaign", "digest", "tiers", "entries", "advanced_units", "advanced_individuals",
        "cusps", "agreement"), {})

    def form(explanation: dict) -> dict:
        return {"properties": {"entries": arr({"properties": {"explanation": explanation}})}}

    s["allOf"] = [
        {"if": {"properties": {"explanations": {"const": "summary"}},
                "required": ["explanations"]},
         "then": form(summary), "else": form(full)},
    ]
    return s


def coverage() -> dict:
    counts = obj({k: uint() for k in ("enterprises", "with_association", "without_association",
                                      "workers", "workers_covered")},
                 ("enterprises", "with_association", "without_association", "workers",
                  "workers_covered"))
    enterprise = obj({"credit_code": {"type": "string", "pattern": "^[0-9A-Z]{18}$"},
                      "name": TEXT}, ("credit_code", "name"))
    group = obj({"dimension": enum("CoverageDimension"), "value": TEXT, "counts": counts},
                ("dimension", "value", "counts"))
    day_keys = {"area": CODE, "area_name": TEXT, "on": DATE, "total": counts,
                "groups": arr(group), "uncovered": arr(enterprise)}
    day = tuple(day_keys)
    change = obj({"before": obj(day_keys, day), "newly_covered": arr(enterprise),
                  "no_longer_covered": arr(enterprise)},
                 ("before", "newly_covered", "no_longer_covered"))
    return document("kexie.coverage/1", "kexie coverage of a local association's area",
                    {**day_keys, "change": opt(change)}, day + ("change",), {})


def evaluation() -> dict:
    figure = obj({"indicator": CODE, "figure": enum("EvaluationFigure"), "value": DEC,
                  "indicator_value": DEC, "facts": arr(TEXT)},
                 ("indicator", "figure", "value", "indicator_value", "facts"))
    mark = obj({"judge": CODE, "mark": DEC, "dropped": BOOL}, ("judge", "mark", "dropped"))
    judged = obj({"indicator": CODE, "value": DEC, "method": enum("AggregationMethod"),
                  "marks": arr(mark)}, ("indicator", "value", "method", "marks"))
    association = obj({"association": CODE, "name": TEXT, "rank": uint(1), "total": DEC,
                       "exemplary": BOOL, "figures": arr(figure), "judged": arr(judged)},
                      ("association", "name", "rank", "total", "exemplary", "figures",
                       "judged"))
    return document("kexie.evaluation/1", "kexie yearly evaluation of associations", {
        "guide": CODE, "year": uint(1900, 9999), "rubric": TEXT,
        "aggregation": enum("AggregationMethod"), "associations": arr(association),
        "exemplary": arr(CODE),
    }, ("guide", "year", "rubric", "aggregation", "associations", "exemplary"), {})


def services() -> dict:
    time = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
            r"(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$"}
    hexhash = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
    u32 = uint(1, 4294967295)
    policy = obj({"education_years": uint(0, 50), "young_priority": BOOL,
                  "answer_due_days": uint(1, 366),
                  "staff_roles": {**arr(enum("Role")), "minItems": 1}},
                 ("education_years", "young_priority", "answer_due_days", "staff_roles"))
    request_keys = {"id": u32, "applicant": CODE, "association": CODE,
                    "kind": enum("ServiceKind"), "title": TEXT,
                    "patent_type": opt(enum("PatentType")), "target_title": opt(enum("Title")),
                    "state": enum("RequestState"), "submitted": time, "last_event": time,
                    "outside_body": TEXT, "reference": TEXT, "reason": TEXT}
    entered = obj({"campaign": u32, "entry": u32, "code": TEXT}, ("campaign", "entry", "code"))
    proposal_keys = {"id": u32, "proposer": CODE, "association": CODE,
                     "kind": enum("ProposalKind"), "title": TEXT, "text": TEXT,
                     "state": enum("ProposalState"), "filed": time, "due": DATE,
                     "last_event": time, "answered": opt(time), "answer": TEXT, "reason": TEXT,
                     "entered": opt(entered)}
    record_keys = {"sequence": uint(), "subject": enum("ServiceCase"), "number": uint(),
                   "actor": CODE, "at": time, "operation": TEXT, "from": TEXT, "to": TEXT,
                   "code": enum("ErrorCode"), "security_event": BOOL, "rule": TEXT,
                   "reason": TEXT, "message": TEXT, "previous": hexhash, "hash": hexhash}
    programme = obj({"name": TEXT, "age_max": uint(0, 200), "age_on": opt(DATE),
                     "min_title": enum("Title"), "min_honours": uint(),
                     "honour_kind": opt(enum("HonourKind")), "education_years": uint(0, 50),
                     "quota_per_association": uint()},
                    ("name", "age_max", "min_title", "min_honours", "education_years",
                     "quota_per_association"))
    check = obj({"rule": TEXT, "article": TEXT, "passed": BOOL, "explanation": TEXT},
                ("rule", "article", "passed", "explanation"))
    candidate = obj({"person": CODE, "association": opt(CODE), "eligible": BOOL,
                     "recommended": BOOL, "checks": arr(check), "failed_rules": arr(TEXT)},
                    ("person", "eligible", "recommended", "checks", "failed_rules"))
    every = lambda keys: obj(keys, tuple(keys))
    return document("kexie.services/1", "kexie service desk and recommendation lists", {
        "policy": policy, "requests": arr(every(request_keys)),
        "proposals": arr(obj(proposal_keys, tuple(k for k in proposal_keys
                                                 if k not in ("answered", "entered")))),
        "trail": arr(every(record_keys)),
        "chain_head": {"type": "string", "pattern": "^[0-9]+:[0-9a-f]{64}$"},
        "digest": hexhash,
        "recommendations": arr(obj({"programme": programme, "as_of": DATE,
                                    "candidates": arr(candidate)},
                                   ("programme", "as_of", "candidates"))),
    }, ("policy", "requests", "proposals", "trail", "chain_head", "digest", "recommendations"),
        {})


SCHEMAS = {
    "kexie.campaign-1.schema.json": campaign,
    "kexie.registry-1.schema.json": registry,
    "kexie.entries-1.schema.json": entries,
    "kexie.results-1.schema.json": results,
    "kexie.coverage-1.schema.json": coverage,
    "kexie.services-1.schema.json": services,
    "kexie.evaluation-1.schema.json": evaluation,
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = []
    for name, build in SCHEMAS.items():
        text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
        path = os.path.join(OUT, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            if args.check:
                stale.append(name)
            else:
                os.makedirs(OUT, exist_ok=True)
                open(path, "w", encoding="utf-8").write(text)
    if stale:
        print("stale schemas (run scripts/gen_schemas.py):", *stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

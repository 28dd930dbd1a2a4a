#!/usr/bin/env python3
"""Generates bindings/python/kexie/enums.py from the KX_* enumerations of
include/kexie/kexie.h, so that the Python IntEnums and the C constants have one
source of truth: kexie.h.

  python3 scripts/gen_python_enums.py           # rewrites enums.py
  python3 scripts/gen_python_enums.py --check   # exit 1 and a diff when it is stale

The header is read as text: every `enum { KX_A = 0, KX_B, ... }` block, named or
not (`typedef enum kx_x { ... } kx_x;` too), with implicit values counted on from
the previous one, and every `#define KX_NAME <integer>` that is not a version
number. TABLE below says which Python class each block becomes (a block is known
by its first enumerator) and how a C name becomes a member name (the class's
prefix dropped, `10K_` spelled `TEN_THOUSAND_`, plus a few renames). A block or a
constant no row claims, or a row whose block is gone, is an error, so an
enumeration added to kexie.h cannot be forgotten here. The Python test
bindings/python/tests/test_enums.py runs the same comparison against the
imported package and checks that enums.py is up to date.

Standard library only; run with /usr/bin/python3.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Optional

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
HEADER = os.path.join(ROOT, "include", "kexie", "kexie.h")
OUTPUT = os.path.join(ROOT, "bindings", "python", "kexie", "enums.py")


@dataclass(frozen=True)
class Row:
    """One Python enumeration: its class name, the first C enumerator of its
    block in kexie.h, the prefix its C names share, its docstring, the enum base
    class and member renames (C suffix -> Python name)."""

    name: str
    first: str
    prefix: str
    doc: str
    base: str = "IntEnum"
    renames: dict[str, str] = field(default_factory=dict)


TABLE: tuple[Row, ...] = (
    Row("ErrorCode", "KX_OK", "KX_",
        "Return codes of the C API: 0, or the negated C++ kexie::ErrorCode; each\n"
        "    negative code has its exception class in kexie.errors."),
    Row("OrgKind", "KX_ORG_NATIONAL", "KX_ORG_", "Organization kinds (kexie::OrgKind)."),
    Row("Level", "KX_LEVEL_NONE", "KX_LEVEL_",
        "Levels of local associations (kexie::LocalLevel)."),
    Row("Ownership", "KX_OWNERSHIP_UNSPECIFIED", "KX_OWNERSHIP_",
        "Ownership of an enterprise (kexie::Ownership)."),
    Row("Title", "KX_TITLE_NONE", "KX_TITLE_",
        "Professional titles, lowest first (kexie::Title)."),
    Row("Role", "KX_ROLE_MEMBER", "KX_ROLE_",
        "Membership roles (kexie::Role); a role set is a bitmask of (1 << role)."),
    Row("OfficerRole", "KX_OFFICER_CHAIR", "KX_OFFICER_",
        "Offices held by appointment (kexie::OfficerRole, A14, A15)."),
    Row("HonourKind", "KX_HONOUR_AWARDED_ENTRY", "KX_HONOUR_",
        "Kinds of honours (kexie::HonourKind, 表彰奖励)."),
    Row("TrainingKind", "KX_TRAINING_PROFESSIONAL", "KX_TRAINING_",
        "Kinds of continuing-education subject (kexie::TrainingKind, A5)."),
    Row("State", "KX_STATE_DRAFT", "KX_STATE_", "Activity states (kexie::ActivityState)."),
    Row("ExpertRule", "KX_EXPERTS_BOUND_CAMPAIGNS", "KX_EXPERTS_",
        "Whom the expert rule applies to (kexie::ExpertRule)."),
    Row("Phase", "KX_PHASE_UNBOUND", "KX_PHASE_",
        "Where a campaign stands in its activity (kexie::CampaignPhase)."),
    Row("Operation", "KX_OP_SUBMIT", "KX_OP_",
        "Operations on activities (kexie::ActivityOperation)."),
    Row("Grade", "KX_GRADE_EXCELLENT", "KX_GRADE_",
        "Evaluation grades (kexie::EvaluationGrade)."),
    Row("ActivityType", "KX_ACTIVITY_ACADEMIC_EXCHANGE", "KX_ACTIVITY_",
        "Activity types (kexie::ActivityType)."),
    Row("ActivityDetails", "KX_DETAILS_NONE", "KX_DETAILS_",
        "Which kind of details an activity plan carries (ActivityBook.create's\n"
        "    ``details`` pair names it by its lower-case name)."),
    Row("AuditFault", "KX_AUDIT_OK", "KX_AUDIT_",
        "Audit verification faults (kexie::AuditFault); NONE when the chain is intact.",
        renames={"OK": "NONE"}),
    Row("Category", "KX_CATEGORY_PROFESSIONAL_SKILLS", "KX_CATEGORY_",
        "The six campaign categories of A10 (kexie::Category)."),
    Row("Focus", "KX_FOCUS_ENERGY_SAVING", "KX_FOCUS_",
        "Focus bits of an entry (kexie::Focus), combined with ``|``.", base="IntFlag"),
    Row("IndicatorKind", "KX_INDICATOR_GROUP", "KX_INDICATOR_",
        "Indicator kinds (kexie::IndicatorKind)."),
    Row("Figure", "KX_FIGURE_ANNUAL_BENEFIT_YUAN", "KX_FIGURE_",
        "Claimed figures an objective indicator reads (kexie::ClaimedFigure)."),
    Row("AggregationMethod", "KX_AGGREGATE_MEAN", "KX_AGGREGATE_",
        "Aggregation methods of the judges' marks (kexie::AggregationMethod)."),
    Row("Rounding", "KX_ROUND_HALF_EVEN", "KX_ROUND_", "Rounding modes (kexie::Rounding)."),
    Row("BoundaryTies", "KX_TIES_BREAK_BY_CHAIN", "KX_TIES_",
        "Boundary-tie rules of award quotas (kexie::BoundaryTies)."),
    Row("EntryStatus", "KX_ENTRY_RANKED", "KX_ENTRY_", "Entry statuses (kexie::EntryStatus)."),
    Row("PatentType", "KX_PATENT_INVENTION", "KX_PATENT_", "Patent types."),
    Row("PatentStatus", "KX_PATENT_FILED", "KX_PATENT_", "Patent statuses."),
    Row("Language", "KX_LANG_CHINESE", "KX_LANG_", "Explanation languages."),
    Row("Carrier", "KX_CARRIER_RAW_COAL", "KX_CARRIER_", "Energy carriers (kexie::Carrier)."),
    Row("Unit", "KX_UNIT_KG", "KX_UNIT_",
        "Physical units (kexie::Unit); C's ``10K_`` is spelled ``TEN_THOUSAND_``."),
    Row("CoalUnit", "KX_COAL_KGCE", "KX_COAL_", "Standard-coal units."),
    Row("GridMethod", "KX_GRID_LOCATION_AVERAGE", "KX_GRID_",
        "Grid emission factor methods (kexie::GridFactorMethod)."),
    Row("AhpMethod", "KX_AHP_EIGENVECTOR", "KX_AHP_", "AHP priority methods."),
    Row("RandomIndexTable", "KX_RI_SAATY", "KX_RI_",
        "Random index tables of the AHP consistency ratio."),
    Row("Criterion", "KX_CRITERION_BENEFIT", "KX_CRITERION_",
        "Criterion directions of the entropy weight method."),
    Row("EntropyNormalization", "KX_ENTROPY_MIN_MAX", "KX_ENTROPY_",
        "Normalizations of the entropy weight method."),
    Row("MissingMarks", "KX_MISSING_REFUSE", "KX_MISSING_",
        "What Kendall's W does with a missing mark."),
    Row("TextEncoding", "KX_ENCODING_AUTO", "KX_ENCODING_",
        "Encodings of CSV tables (kexie::TextEncoding): AUTO detects a BOM, then UTF-8, else GB18030."),
    Row("ResultsExplanations", "KX_EXPLANATIONS_SUMMARY", "KX_EXPLANATIONS_",
        "The form of each entry's explanation in a results document\n"
        "    (kexie::ResultsExplanations): SUMMARY (counts, contributions, the tier reason) or FULL."),
    Row("FoundingState", "KX_FOUNDING_PENDING", "KX_FOUNDING_",
        "Where a founding application stands (kexie::FoundingState, A13)."),
    Row("CoverageDimension", "KX_COVERAGE_ZONE", "KX_COVERAGE_",
        "What a coverage group breaks enterprises down by (kexie::CoverageDimension)."),
    Row("SgGap", "KX_SG_CURRENT", "KX_SG_",
        "Why a secretary-general is not current (kexie::SgGap, A15)."),
    Row("ServiceKind", "KX_SERVICE_PROJECT_APPLICATION", "KX_SERVICE_",
        "What a member asks support for (kexie::ServiceKind, A9)."),
    Row("RequestState", "KX_REQUEST_SUBMITTED", "KX_REQUEST_",
        "Where a service request stands (kexie::RequestState)."),
    Row("RequestOperation", "KX_REQUEST_OP_SUBMIT", "KX_REQUEST_OP_",
        "Operations on a service request (kexie::RequestOperation)."),
    Row("ProposalKind", "KX_PROPOSAL_SUGGESTION", "KX_PROPOSAL_",
        "What a member files (kexie::ProposalKind, A8)."),
    Row("ProposalState", "KX_PROPOSAL_FILED", "KX_PROPOSAL_",
        "Where a proposal stands (kexie::ProposalState)."),
    Row("ProposalOperation", "KX_PROPOSAL_OP_FILE", "KX_PROPOSAL_OP_",
        "Operations on a proposal (kexie::ProposalOperation)."),
)


# --- reading kexie.h ---------------------------------------------------------------

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_ENUM = re.compile(r"\benum\b\s*(\w*)\s*\{(.*?)\}", re.S)
_DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(KX_[A-Z0-9_]+)[ \t]+([^\n]+)$", re.M)
_ITEM = re.compile(r"^(KX_[A-Z0-9_]+)\s*(?:=\s*(.+))?$", re.S)


def _evaluate(expr: str, known: dict[str, int]) -> int:
    """An integer constant expression of a C header: literals (decimal, hex, with
    u/l suffixes), earlier KX_* names, parentheses, + - * << >> | & ~."""
    text = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", expr.strip())
    node = ast.parse(text, mode="eval").body

    def walk(n: ast.AST) -> int:
        if isinstance(n, ast.Constant) and isinstance(n.value, int):
            return n.value
        if isinstance(n, ast.Name) and n.id in known:
            return known[n.id]
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, (ast.USub, ast.UAdd, ast.Invert)):
            v = walk(n.operand)
            return -v if isinstance(n.op, ast.USub) else (~v if isinstance(n.op, ast.Invert)
                                                          else v)
        if isinstance(n, ast.BinOp):
            a, b = walk(n.left), walk(n.right)
            ops = {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b, ast.BitOr: a | b,
                   ast.BitAnd: a & b} if not isinstance(n.op, (ast.LShift, ast.RShift)) else {
                ast.LShift: a << b if b >= 0 else 0, ast.RShift: a >> b if b >= 0 else 0}
            if type(n.op) in ops:
                return ops[type(n.op)]
        raise ValueError("kexie.h: cannot evaluate the constant expression %r" % expr)

    return walk(node)


@dataclass(frozen=True)
class Header:
    """What kexie.h declares: its enum blocks in order (each a tuple of
    (name, value) pairs) and its integer #define constants that are not
    version numbers."""

    blocks: tuple[tuple[tuple[str, int], ...], ...]
    defines: tuple[tuple[str, int], ...]


def parse_header(text: str) -> Header:
    """Every KX_* integer constant of a C header, by enum block and #define."""
    code = _COMMENT.sub(" ", text)
    known: dict[str, int] = {}
    blocks = []
    for m in _ENUM.finditer(code):
        items = [i.strip() for i in m.group(2).split(",")]
        block: list[tuple[str, int]] = []
        nxt = 0
        for item in items:
            if not item:
                continue
            im = _ITEM.match(item)
            if not im:
                raise ValueError("kexie.h: cannot read the enumerator %r" % item)
            name, expr = im.group(1), im.group(2)
            value = _evaluate(expr, known) if expr is not None else nxt
            known[name] = value
            block.append((name, value))
            nxt = value + 1
        if block:
            blocks.append(tuple(block))
    defines = []
    for m in _DEFINE.finditer(code):
        name, expr = m.group(1), m.group(2).strip()
        if name.startswith("KX_VERSION") or name.endswith("_VERSION") or \
                name.endswith("_INIT") or name in ("KX_EXTERN",):
            continue
        try:
            value = _evaluate(expr, known)
        except (ValueError, SyntaxError):
            continue  # not an integer constant (an attribute macro, a string)
        known[name] = value
        defines.append((name, value))
    return Header(tuple(blocks), tuple(defines))


def python_name(row: Row, c_name: str) -> str:
    """The Python member name of C constant `c_name` in `row`'s class."""
    if not c_name.startswith(row.prefix):
        raise ValueError("%s does not start with %s (the prefix of %s)"
                         % (c_name, row.prefix, row.name))
    suffix = c_name[len(row.prefix):]
    if suffix in row.renames:
        return row.renames[suffix]
    return re.sub(r"(^|_)10K_", r"\1TEN_THOUSAND_", suffix)


def expected(header: Header, table: tuple[Row, ...] = TABLE) -> dict[str, dict[str, int]]:
    """Python class name -> {member name: value}, as kexie.h says. ValueError
    naming every C block or constant no row claims and every row without its block."""
    problems = []
    out: dict[str, dict[str, int]] = {}
    by_first = {b[0][0]: b for b in header.blocks}
    claimed_blocks = set()
    claimed_defines = set()
    for row in table:
        constants: tuple[tuple[str, int], ...]
        if row.first in by_first:
            constants = by_first[row.first]
            claimed_blocks.add(row.first)
        else:
            constants = tuple((n, v) for n, v in header.defines if n == row.first or (
                n.startswith(row.prefix) and row.prefix != "KX_"))
            claimed_defines.update(n for n, _ in constants)
            if not constants:
                problems.append("%s: no enum block in kexie.h starts with %s"
                                % (row.name, row.first))
                continue
        members: dict[str, int] = {}
        for c_name, value in constants:
            try:
                members[python_name(row, c_name)] = value
            except ValueError as e:
                problems.append(str(e))
        out[row.name] = members
    for first, block in by_first.items():
        if first not in claimed_blocks:
            problems.append("kexie.h's enum block %s has no Python twin (add a Row to TABLE "
                            "in scripts/gen_python_enums.py)"
                            % ", ".join(n for n, _ in block))
    for name, _ in header.defines:
        if name not in claimed_defines:
            problems.append("kexie.h's constant %s has no Python twin" % name)
    if problems:
        raise ValueError("\n".join(problems))
    return out


# --- writing enums.py --------------------------------------------------------------

def render(header: Header, table: tuple[Row, ...] = TABLE) -> str:
    """The text of bindings/python/kexie/enums.py."""
    members = expected(header, table)
    lines = [
        '"""The C API\'s enumerations as Python IntEnums: each member\'s value is its KX_*',
        "constant in include/kexie/kexie.h, which equals the C++ enumerator.",
        "",
        "Generated by scripts/gen_python_enums.py from include/kexie/kexie.h; do not edit.",
        "After changing an enumeration in kexie.h run ``python3 scripts/gen_python_enums.py``",
        "(the test bindings/python/tests/test_enums.py fails until then).",
        "",
        ">>> kexie.OrgKind.ENTERPRISE, int(kexie.OrgKind.ENTERPRISE)",
        "(<OrgKind.ENTERPRISE: 4>, 4)",
        '"""',
        "",
        "import enum",
        "",
        "__all__ = [",
    ]
    names = [row.name for row in table]
    line = "   "
    for n in names:
        item = ' "%s",' % n
        if len(line) + len(item) > 95:
            lines.append(line)
            line = "   "
        line += item
    lines.append(line)
    lines.append("]")
    for row in table:
        lines += ["", "", "class %s(enum.%s):" % (row.name, row.base),
                  '    """%s (C: %s*)"""' % (row.doc, row.prefix if row.prefix != "KX_"
                                              else "KX_OK, KX_E"), ""]
        for name, value in members[row.name].items():
            lines.append("    %s = %d" % (name, value))
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    """Rewrites enums.py, or with --check reports whether it is up to date."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 with a diff when enums.py is stale")
    ap.add_argument("--header", default=HEADER)
    ap.add_argument("--output", default=OUTPUT)
    args = ap.parse_args(argv)
    with open(args.header, encoding="utf-8") as f:
        text = render(parse_header(f.read()))
    try:
        with open(args.output, encoding="utf-8") as f:
            current = f.read()
    except FileNotFoundError:
        current = ""
    if args.check:
        if current == text:
            return 0
        sys.stdout.writelines(difflib.unified_diff(
            current.splitlines(True), text.splitlines(True), args.output, "generated"))
        return 1
    if current != text:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks kexie's layering from the #include lines alone (docs/architecture.md).

Every source and header is given a layer by its path; a file may include only
files of its own layer or of a layer below it, and a few seams have rules of
their own (no snapshot header below the snapshot layer, no internal header in a
public one, Boost and range-v3 only where the architecture allows them).

Run as `check_layers.py ROOT`; prints every violation as `file: includes X
(rule)` and exits 1 when there is one. ctest runs it as `architecture.layers`.
A second mode, `check_layers.py --self-test`, proves the checker can fail: it
runs the rules over a small made-up tree with known violations.
"""

import pathlib
import re
import sys
import tempfile

# The layers, lowest first. A path matches the first pattern that fits it.
# One table: docs/architecture.md quotes it, and the check reads only this.
LAYERS = [
    ("foundation", [
        r"include/kexie/(ids|error|result|date|decimal|version|export|matrix|"
        r"enum_names|literals|text|threads|thread_team)\.hpp$",
        r"src/(error|date|decimal|version|text|thread_team)\.cpp$",
        r"src/detail/(int128|sha256|json_writer|parallel|regular_file|exact_sum|fresh_pages|code_text|prefetch)\.(hpp|cpp)$",
    ]),
    ("values", [
        r"include/kexie/(organization|person|membership|policy|energy|entry|rubric|ahp_provenance|"
        r"rubric_text|panel|awards|ranking|lifecycle|weights|agreement|enterprise|patent_number|"
        r"service_request|proposal)\.hpp$",
        r"src/(registry_values|energy|entry|rubric|rubric_text|panel|ranking|"
        r"lifecycle|weights|agreement|enterprise|patent_number|service_request|proposal)\.cpp$",
        r"src/detail/(aggregate|radix_sort|score_kernel)[a-z_]*\.(hpp|cpp)$",
        r"src/(rubric|tie_break|award|tier)[a-z_]*\.(hpp|cpp)$",
    ]),
    ("owners", [
        r"include/kexie/(registry|views|actor|audit|activity|campaign|entry_table|explain|report|"
        r"report_agreement|guidance|"
        r"evaluation|service_record|service_desk|recommendation|assignment)\.hpp$",
        r"src/(registry|actor|audit|activity|campaign|entry_table|explain|report|evaluation|service_record|"
        r"service_desk|recommendation)[a-z_]*\.(hpp|cpp)$",
        r"src/detail/(audit_encoding|audit_chain|conflict)\.hpp$",
    ]),
    ("persistence", [
        r"include/kexie/(snapshot|sys/file_ops)\.hpp$",
        r"src/snapshot[a-z_]*\.(hpp|cpp)$",
    ]),
    ("documents", [
        r"include/kexie/(document|campaign_document|registry_document|entries_document|results_document|"
        r"coverage_document|services_document|evaluation_document)\.hpp$",
        r"src/document/[a-z_]+\.(hpp|cpp)$",
    ]),
    ("tables", [
        r"include/kexie/table[a-z_]*\.hpp$",
        r"src/table[a-z_]*\.(hpp|cpp)$",
    ]),
    ("umbrella", [
        r"include/kexie/(kexie|date_boost)\.hpp$",
    ]),
    ("c_api", [
        r"include/kexie/kexie\.h$",
        r"src/c/.*\.(hpp|cpp|h)$",
    ]),
]

RANK = {name: i for i, (name, _) in enumerate(LAYERS)}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)


def layer_of(rel):
    for name, patterns in LAYERS:
        if any(re.search(p, rel) for p in patterns):
            return name
    return None


def resolve(root, src, target, quoted):
    """The repository path an include names, or None when it is outside kexie."""
    candidates = []
    if quoted:
        candidates.append(src.parent / target)
    candidates += [root / "include" / target, root / "src" / target]
    for c in candidates:
        if c.is_file():
            return c.resolve().relative_to(root.resolve()).as_posix()
    return None


def files(root):
    for sub in ("include", "src"):
        for p in sorted((root / sub).rglob("*")):
            if p.suffix in (".hpp", ".cpp", ".h") and p.is_file():
                yield p


def check(root):
    root = pathlib.Path(root)
    problems = []
    for path in files(root):
        rel = path.relative_to(root).as_posix()
        mine = layer_of(rel)
        if mine is None:
            problems.append(f"{rel}: not in any layer (add it to LAYERS and to "
                            "docs/architecture.md)")
            continue
        text = path.read_text(encoding="utf-8")
        public = rel.startswith("include/")
        for m in INCLUDE.finditer(text):
            quoted, target = m.group(1) == '"', m.group(2)
            if target.startswith(("boost/", "range/v3/", "lemon/")):
                allowed = (not public or rel in ("include/kexie/date_boost.hpp",
                                                 "include/kexie/views.hpp"))
                if not allowed:
                    problems.append(f"{rel}: includes <{target}> (Boost, range-v3 and LEMON "
                                    "stay out of public headers but date_boost.hpp and "
                                    "views.hpp)")
                continue
            if target.startswith("nlohmann/"):
                if public:
                    problems.append(f"{rel}: includes <{target}> (no JSON type in a public "
                                    "header)")
                continue
            dep = resolve(root, path, target, quoted)
            if dep is None:
                continue  # the standard library or another system header
            theirs = layer_of(dep)
            if public and not dep.startswith("include/"):
                problems.append(f"{rel}: includes {dep} (a public header includes only "
                                "public headers)")
            if theirs is None:
                continue  # reported on its own line
            if RANK[theirs] > RANK[mine]:
                problems.append(f"{rel}: includes {dep} (layer {mine} may not include "
                                f"layer {theirs})")
            if "snapshot" in dep and mine != "persistence" and theirs == "persistence" \
                    and mine not in ("umbrella", "c_api"):
                problems.append(f"{rel}: includes {dep} (only snapshot code reaches "
                                "snapshot headers)")
            if re.search(r"src/[a-z_]+_state\.hpp$", dep):
                owner = re.search(r"src/([a-z_]+)_state\.hpp$", dep).group(1)
                # The services document restores a desk as a snapshot does, through
                # the same check (reused, not copied): the one reader outside snapshot
                # code that may.
                restores = (owner == "service_desk"
                            and rel == "src/document/services_document.cpp")
                if not (rel.startswith(f"src/{owner}") or rel.startswith("src/snapshot")
                        or rel.startswith("src/explain") or rel == dep or restores):
                    problems.append(f"{rel}: includes {dep} (an owner's state header is "
                                    f"for {owner} sources and snapshot code only)")
    return problems


def self_test():
    """The checker fails on a tree that breaks each rule once."""
    with tempfile.TemporaryDirectory() as d:
        root = pathlib.Path(d)
        (root / "include/kexie").mkdir(parents=True)
        (root / "src").mkdir()
        (root / "include/kexie/registry.hpp").write_text('#include "kexie/snapshot.hpp"\n')
        (root / "include/kexie/snapshot.hpp").write_text("#include <range/v3/view.hpp>\n")
        (root / "include/kexie/ids.hpp").write_text("")
        (root / "src/registry.cpp").write_text('#include "snapshot_access.hpp"\n')
        (root / "src/snapshot_access.hpp").write_text('#include "kexie/ids.hpp"\n')
        (root / "src/misc_helpers.cpp").write_text("")
        got = check(root)
        want = ["include/kexie/registry.hpp: includes include/kexie/snapshot.hpp (layer",
                "include/kexie/snapshot.hpp: includes <range/v3/view.hpp>",
                "src/registry.cpp: includes src/snapshot_access.hpp (layer",
                "src/registry.cpp: includes src/snapshot_access.hpp (only snapshot",
                "src/misc_helpers.cpp: not in any layer"]
        missing = [w for w in want if not any(g.startswith(w) for g in got)]
        if missing:
            print("self-test: the checker missed", *missing, sep="\n  ")
            return 1
        print(f"self-test: {len(got)} seeded violations found")
        return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(argv[1] if len(argv) > 1 else ".")
    problems = check(root)
    for p in problems:
        print(p)
    n = sum(1 for _ in files(root))
    print(f"{n} files checked, {len(problems)} layering problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Checks Doxygen's warnings against the list of what is still to be documented.

    check_doxygen.py WARNINGS_LOG SOURCE_DIR TODO_FILE     # the docs target runs this
    check_doxygen.py --update WARNINGS_LOG SOURCE_DIR TODO_FILE
    check_doxygen.py --self-test

Each warning is normalised to "path: text" (path relative to SOURCE_DIR, no line
number, continuation lines joined), so editing a header does not move it. The check
fails on a warning not in TODO_FILE (a new undocumented symbol, parameter or return
value, or a broken link) and on a TODO_FILE line that no longer occurs (it was
documented: delete the line), so the list only shrinks. --update rewrites TODO_FILE
from the log (only to remove lines; review the diff).
"""
import re
import sys
from collections import Counter
from pathlib import Path

_HEAD = re.compile(r"^(?P<file>.*?):(?P<line>-?\d+): (?P<text>.*)$")


def normalise(log_text, source_dir):
    """The log's warnings as a Counter of "path: text" strings."""
    prefix = str(Path(source_dir).resolve()) + "/"
    warnings = []
    for raw in log_text.splitlines():
        if not raw.strip():
            continue
        match = _HEAD.match(raw)
        if match and not raw.startswith(" "):
            path = match.group("file")
            if path.startswith(prefix):
                path = path[len(prefix):]
            text = match.group("text").replace(prefix, "")
            warnings.append(f"{path}: {text}")
        elif warnings:  # a continuation line (e.g. "  parameter 'x'")
            warnings[-1] += " " + raw.strip().replace(prefix, "")
        else:
            warnings.append(raw.strip().replace(prefix, ""))
    return Counter(warnings)


def read_todo(path):
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return Counter(l for l in lines if l.strip() and not l.startswith("#"))


def compare(found, todo):
    """(new warnings, documented lines) as sorted lists."""
    new = sorted((found - todo).elements())
    gone = sorted((todo - found).elements())
    return new, gone


_TODO_HEADER = """\
# Doxygen warnings not yet fixed: public symbols, parameters and return values still
# to document (scripts/check_doxygen.py; the docs target and the docs.reference test).
# The list only shrinks, and is empty now: the docs target also runs Doxygen with
# WARN_AS_ERROR (KEXIE_DOCS_STRICT, on by default). A warning not listed fails.
"""


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    update = len(argv) > 1 and argv[1] == "--update"
    args = argv[2:] if update else argv[1:]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    log, source_dir, todo_file = args
    found = normalise(Path(log).read_text(encoding="utf-8", errors="replace"), source_dir)
    if update:
        Path(todo_file).write_text(
            _TODO_HEADER + "".join(l + "\n" for l in sorted(found.elements())), encoding="utf-8")
        print(f"check_doxygen: wrote {sum(found.values())} warnings to {todo_file}")
        return 0
    new, gone = compare(found, read_todo(todo_file))
    for w in new:
        print(f"check_doxygen: new warning (document it): {w}", file=sys.stderr)
    for w in gone:
        print(f"check_doxygen: documented now, delete from {todo_file}: {w}", file=sys.stderr)
    total = sum(found.values())
    if new or gone:
        return 1
    print(f"check_doxygen: ok ({total} listed warnings still to document)")
    return 0


def self_test():
    log = ("/src/include/kexie/a.hpp:12: warning: Member f() is not documented.\n"
           "/src/include/kexie/a.hpp:20: warning: The following parameter of g(int x) is not"
           " documented:\n  parameter 'x'\n")
    found = normalise(log, "/src")
    assert found == Counter([
        "include/kexie/a.hpp: warning: Member f() is not documented.",
        "include/kexie/a.hpp: warning: The following parameter of g(int x) is not documented:"
        " parameter 'x'"]), found
    todo = Counter(["include/kexie/a.hpp: warning: Member f() is not documented.",
                    "include/kexie/b.hpp: warning: Member h() is not documented."])
    new, gone = compare(found, todo)
    assert len(new) == 1 and "parameter 'x'" in new[0], new
    assert gone == ["include/kexie/b.hpp: warning: Member h() is not documented."], gone
    assert compare(found, found) == ([], [])
    print("check_doxygen: self-test ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

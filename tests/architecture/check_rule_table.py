#!/usr/bin/env python3
"""Keeps the rule table of docs/error-handling.md complete and true to the source.

Every string literal of the form "family.name" in src/ (outside #include lines and
comments, and not a file name) is a rule id. For each place one occurs the checker
works out the article it is given, the way a reader would:

- `Error(code, message, "x.y", ART)`: ART, or none when there is no 4th argument;
- a helper `f(..., "x.y", ...)` defined in src/: the article its `Error(...)` call
  passes, following the helper's parameter (and its default) back to the call;
- ART may be a literal "A12", a ternary of literals, a constant (`kArticle`), a
  local variable, or a call of a function whose body returns the articles
  (`parent_rule_article`): all the "A<n>" literals it can reach;
- a rule id that is only returned or stored in a struct with no article field
  (`EligibilityRule::rule_id`, `FileRule`) carries no article of its own.

The table must list every rule id exactly once, with the same set of articles
("A1, A3") or "none, deliberately", and one sentence; it must list no rule id that
src/ no longer uses, and its rows stay sorted by rule id.

Run as `check_rule_table.py ROOT`; prints what to add, change or remove and exits 1
when the table is wrong. ctest runs it as `architecture.rule_table`. A second mode,
`check_rule_table.py --self-test`, proves the checker can fail: it runs it over a
small made-up tree and doc with known faults.
"""

import pathlib
import re
import sys
import tempfile

DOC = "docs/error-handling.md"
TABLE_HEADING = "## Rule table"
NONE = "none, deliberately"

RULE = re.compile(r'"([a-z][a-z0-9]*(?:_[a-z0-9]+)*\.[a-z][a-z0-9_]*)"')
ARTICLE = re.compile(r'^A\d+$')
FILE_EXTENSIONS = {"h", "hpp", "cpp", "c", "kxs", "json", "md", "txt", "py", "tmp", "part",
                   "lock", "bak", "log", "csv"}
BLOCK_KEYWORDS = {"else", "do", "try", "noexcept", "const", "override", "final", "mutable"}
WRAPPERS = {"std", "string", "string_view", "move", "const", "char", "auto", "static_cast",
            "return", "constexpr"}


class Unresolved(Exception):
    pass


def blank_comments(text):
    """`text` with comments replaced by spaces (string literals and line breaks kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def skip_string(text, i):
    """Index just past the string or character literal starting at `i`."""
    q, j = text[i], i + 1
    while j < len(text) and text[j] != q:
        j += 2 if text[j] == "\\" else 1
    return j + 1


def matching(text, i):
    """Index of the bracket closing the one at `i`."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack, j = [], i
    while j < len(text):
        c = text[j]
        if c in "\"'":
            j = skip_string(text, j)
            continue
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")}]":
            stack.pop()
            if not stack:
                return j
        j += 1
    raise Unresolved("unbalanced brackets")


def split_args(text, open_at):
    """The top-level arguments of the bracket at `open_at`, stripped."""
    close = matching(text, open_at)
    args, depth, start, j = [], 0, open_at + 1, open_at + 1
    while j < close:
        c = text[j]
        if c in "\"'":
            j = skip_string(text, j)
            continue
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        elif c == "," and depth == 0:
            args.append(text[start:j].strip())
            start = j + 1
        j += 1
    last = text[start:close].strip()
    if last or args:
        args.append(last)
    return args


_LITERAL_ENDS = {}


def literal_ends(text):
    """{index of a literal's closing quote: index of its opening quote} for `text`."""
    key = id(text)
    if key not in _LITERAL_ENDS:
        ends, i = {}, 0
        while i < len(text):
            if text[i] in "\"'":
                j = skip_string(text, i)
                ends[j - 1] = i
                i = j
            else:
                i += 1
        _LITERAL_ENDS[key] = (text, ends)
    return _LITERAL_ENDS[key][1]


def enclosing_bracket(text, pos):
    """The innermost '(' or '{' that is still open at `pos`, or None."""
    depth = 0
    j = pos - 1
    # Walk back over the code, treating string and character literals as opaque.
    inside = literal_ends(text)
    while j >= 0:
        if j in inside:
            j = inside[j] - 1
            continue
        c = text[j]
        if c in ")}]":
            depth += 1
        elif c in "({[":
            if depth == 0:
                return j
            depth -= 1
        j -= 1
    return None


def name_before(text, i):
    m = re.search(r'([A-Za-z_][A-Za-z0-9_:]*)\s*$', text[:i])
    return m.group(1).split("::")[-1] if m else ""


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


class Source:
    """The comment-free text of every .cpp and .hpp under src/."""

    def __init__(self, root):
        self.root = root
        self.files = {}
        for p in sorted((root / "src").rglob("*")):
            if p.suffix in (".cpp", ".hpp") and p.is_file():
                self.files[p.relative_to(root).as_posix()] = blank_comments(
                    p.read_text(encoding="utf-8"))

    def ordered(self, first):
        """File names, `first` first."""
        return [first] + [f for f in self.files if f != first]

    def function(self, name, first):
        """(file, parameter text, body start, body end) of the definition of `name`."""
        pattern = re.compile(r'(?<![\w.>:])' + re.escape(name) + r'\s*\(')
        for f in self.ordered(first):
            text = self.files[f]
            for m in pattern.finditer(text):
                before = text[:m.start()].rstrip()
                if not re.search(r'[\w>&*:]$', before) or re.search(r'\breturn$', before):
                    continue  # a call, not a definition
                open_at = m.end() - 1
                close = matching(text, open_at)
                after = re.match(r'\s*(?:const\s*)?(?:noexcept\s*)?(?:->\s*[\w:<>]+\s*)?\{',
                                 text[close + 1:])
                if after:
                    body = close + after.end()
                    return f, text[open_at + 1:close], body, matching(text, body)
        return None

    def declaration(self, name, file, before):
        """The initializer of the last declaration of `name` in `file` before `before`."""
        text = self.files[file]
        found = None
        for m in re.finditer(r'[\w>&*]\s+' + re.escape(name) + r'\s*(=|\(|\{)', text[:before]):
            op = m.group(1)
            start = m.end() - 1
            if op == "=":
                end = text.find(";", start)
                found = text[start + 1:end]
            else:
                found = text[start + 1:matching(text, start)]
        if found is None:
            for f in self.ordered(file):  # a constant of another file
                m = re.search(r'const[\w\s*]*\b' + re.escape(name) + r'\s*=\s*([^;]*);',
                              self.files[f])
                if m:
                    return m.group(1), f, m.start()
            return None
        return found, file, before

    def articles(self, expr, file, pos, seen=()):
        """The set of articles `expr` (an argument in `file` at `pos`) can evaluate to."""
        expr = expr.strip()
        if expr in ("", "{}", '""', "std::string()", "std::string{}", "{}"):
            return {""}
        literals = re.findall(r'"((?:\\.|[^"\\])*)"', expr)
        if literals:
            if all(ARTICLE.match(s) or s == "" for s in literals):
                return set(literals)
            raise Unresolved(f"the article expression `{expr}` holds a string that is no article")
        calls = [c for c in re.findall(r'(?<![.>])\b([A-Za-z_]\w*)\s*\(', expr)
                 if c not in WRAPPERS]
        for c in calls:
            fn = self.function(c, file)
            if fn and (c, fn[0]) not in seen:
                body = self.files[fn[0]][fn[2]:fn[3]]
                found = set(re.findall(r'"(A\d+)"', body))
                if found:
                    return found
        names = [n for n in re.findall(r'(?<![.>:\w])([A-Za-z_]\w*)\b(?!\s*[(.:])', expr)
                 if n not in WRAPPERS]
        for n in names:
            if (n, file) in seen:
                continue
            d = self.declaration(n, file, pos)
            if d:
                return self.articles(d[0], d[1], d[2], seen + ((n, file),))
        raise Unresolved(f"cannot follow the article expression `{expr}`")


def site_articles(src, file, pos, rule):
    """The articles given to the rule id at `pos`; None when the id is only named there."""
    text = src.files[file]
    open_at = enclosing_bracket(text, pos)
    if open_at is None or text[open_at] == "{":
        stmt = text[:pos].rstrip()
        before = text[:open_at] if open_at is not None else ""
        initializer = re.search(r'(?<![\w:])([A-Za-z_]\w*)\s*$', before)
        if open_at is not None and not (
                re.search(r'[=,(]\s*$', before) or
                (initializer and initializer.group(1) not in BLOCK_KEYWORDS)):
            # A block: the literal is returned or assigned, not passed.
            if re.search(r'(\breturn|=)\s*$', stmt):
                return None
            raise Unresolved(f"`{rule}` stands alone in a block")
        if open_at is None:
            raise Unresolved(f"`{rule}` is outside any call")
        # A brace initializer: the struct must have no article field.
        var = name_before(text, open_at)
        m = re.search(r'([A-Za-z_]\w*)\s+' + re.escape(var) + r'\s*\{', text)
        if var and m:
            st = re.search(r'struct\s+' + re.escape(m.group(1)) + r'\s*\{', text)
            if st and "article" not in text[st.end():matching(text, st.end() - 1)]:
                return set()
        raise Unresolved(f"`{rule}` is in a brace initializer whose article cannot be found")
    callee = name_before(text, open_at)
    args = split_args(text, open_at)
    index = args.index(f'"{rule}"') if f'"{rule}"' in args else -1
    if index < 0:
        raise Unresolved(f"`{rule}` is not a whole argument of `{callee}(...)`")
    if callee == "Error":
        if index != 2:
            raise Unresolved(f"`{rule}` is argument {index + 1} of Error(...), not the 3rd")
        return src.articles(args[3], file, pos) if len(args) > 3 else {""}
    fn = src.function(callee, file)
    if not fn:
        raise Unresolved(f"`{rule}` is passed to `{callee}(...)`, whose definition is not in src/")
    fn_file, params_text, body_start, body_end = fn
    body = src.files[fn_file][body_start:body_end]
    params = []
    for p in split_args("(" + params_text + ")", 0):
        decl, _, default = p.partition("=")
        params.append((re.findall(r'\w+', decl)[-1] if decl.strip() else "", default.strip()))
    errors = [m.end() - 1 for m in re.finditer(r'\bError\s*\(', body)]
    if len(errors) != 1 or index >= len(params):
        raise Unresolved(f"`{callee}(...)` should build exactly one Error(...) from its arguments")
    eargs = split_args(body, errors[0])
    rule_param = params[index][0]
    if len(eargs) < 3 or not re.search(r'\b' + re.escape(rule_param) + r'\b', eargs[2]):
        raise Unresolved(f"`{callee}(...)` does not pass its parameter `{rule_param}` as the rule")
    if len(eargs) < 4:
        return {""}
    for k, (pname, default) in enumerate(params):
        if re.search(r'\b' + re.escape(pname) + r'\b', eargs[3]):
            if k < len(args):
                return src.articles(args[k], file, pos)
            return src.articles(default, fn_file, body_start)
    return src.articles(eargs[3], fn_file, body_start + errors[0])


def extract(root):
    """{rule id: (set of articles, [sites])}; articles "" means none. And the problems."""
    src = Source(root)
    rules, problems = {}, []
    for file, text in src.files.items():
        for m in RULE.finditer(text):
            rule = m.group(1)
            if rule.rsplit(".", 1)[1] in FILE_EXTENSIONS:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            if text[line_start:m.start()].lstrip().startswith("#"):
                continue
            where = f"{file}:{line_of(text, m.start())}"
            entry = rules.setdefault(rule, [set(), []])
            entry[1].append(where)
            try:
                found = site_articles(src, file, m.start(), rule)
            except Unresolved as e:
                problems.append(f"{where}: cannot tell which article rule `{rule}` cites: {e}. "
                                "Pass the rule id and article straight to Error(code, message, "
                                "rule, article), or through a helper that does.")
                continue
            if found is not None:
                entry[0] |= found
    return rules, problems


def cell_of(articles):
    real = sorted((a for a in articles if a), key=lambda a: int(a[1:]))
    if not real:
        return NONE
    return ", ".join(real) + (", none" if "" in articles else "")


def read_table(doc_text):
    """[(rule id, article cell, sentence, line)] of the rule table, and problems."""
    rows, problems = [], []
    lines = doc_text.splitlines()
    try:
        start = lines.index(TABLE_HEADING)
    except ValueError:
        return rows, [f"{DOC}: no '{TABLE_HEADING}' section"]
    for n, line in enumerate(lines[start + 1:], start + 2):
        if line.startswith("## "):
            break
        m = re.match(r'^\|\s*`([^`]+)`\s*\|([^|]*)\|(.*)\|\s*$', line)
        if m:
            rows.append((m.group(1), m.group(2).strip(), m.group(3).strip(), n))
    return rows, problems


def check(root):
    rules, problems = extract(root)
    doc = root / DOC
    rows, table_problems = read_table(doc.read_text(encoding="utf-8"))
    problems += table_problems
    listed = {}
    for rule, cell, sentence, n in rows:
        if rule in listed:
            problems.append(f"{DOC}:{n}: `{rule}` is listed twice; keep one row")
        listed[rule] = (cell, sentence, n)
        if not sentence:
            problems.append(f"{DOC}:{n}: `{rule}` needs one sentence saying what it refuses")
    for rule in sorted(rules):
        articles, sites = rules[rule]
        want = cell_of(articles)
        if rule not in listed:
            problems.append(
                f"{DOC}: the rule table lacks `{rule}` (used at {', '.join(sites)}). Add this "
                f"row to the '{TABLE_HEADING}' section, in sorted order, and write its sentence:\n"
                f"    | `{rule}` | {want} | <what it refuses, in one sentence> |")
        elif listed[rule][0] != want:
            problems.append(
                f"{DOC}:{listed[rule][2]}: `{rule}` says '{listed[rule][0]}' but src/ cites "
                f"{'no article' if want == NONE else want} (at {', '.join(sites)}). Change the "
                f"article cell to: {want}")
    for rule, (_, _, n) in sorted(listed.items()):
        if rule not in rules:
            problems.append(f"{DOC}:{n}: the table lists `{rule}`, which no code in src/ uses "
                            "any more: remove its row")
    order = [r[0] for r in rows]
    for a, b in zip(order, order[1:]):
        if b < a:
            problems.append(f"{DOC}: rows out of order: `{b}` should come before `{a}`")
    return problems


SELF_TEST_SRC = r'''
#include "kexie/error.hpp"
#include "campaign_state.hpp"
namespace {
constexpr const char* kArticle = "A12";
// "comment.rule" in a comment is no rule id
Error refuse(std::string message, std::string rule, std::string_view article) {
  return Error(ErrorCode::rule_violation, std::move(message), std::move(rule),
               std::string(article));
}
Error fixed(std::string rule, std::string what) {
  return Error(ErrorCode::rule_violation, what, std::move(rule), "A8");
}
Error optional(std::string what, std::string rule = {}, std::string article = {}) {
  return Error(ErrorCode::not_found, what, std::move(rule), std::move(article));
}
std::string_view by_kind(int k) { return k ? "A1" : "A13"; }
struct FileRule { const char* id; const char* name; };
constexpr FileRule kLink{"file.link", "link"};
}
std::string_view named(int k) {
  switch (k) {
    case 0: return "demo.named";
  }
  return "demo.direct";
}
Status f(int k) {
  if (k == 1) return Error(ErrorCode::invalid_argument, "x", "demo.direct", "A3");
  if (k == 2) return Error(ErrorCode::invalid_argument, "x", "demo.none");
  if (k == 3) return refuse("x", "demo.helper", k ? "A11" : "A3");
  if (k == 4) return fixed("demo.fixed", "x");
  if (k == 5) return optional("x", "demo.optional");
  if (k == 6) return optional("x", "demo.optional", "A5");
  if (k == 7) return Error(ErrorCode::invalid_argument, "x", "demo.constant", kArticle);
  const std::string article(by_kind(k));
  if (k == 8) return refuse("x", "demo.function", article);
  return Error(ErrorCode::io_error, "x", kLink.id);
}
'''

SELF_TEST_WANT = {
    "demo.constant": {"A12"}, "demo.direct": {"A3"}, "demo.fixed": {"A8"},
    "demo.function": {"A1", "A13"}, "demo.helper": {"A3", "A11"}, "demo.named": set(),
    "demo.none": {""}, "demo.optional": {"", "A5"}, "file.link": set(),
}


def self_test():
    """The checker reads the made-up source right, and fails on each seeded fault."""
    with tempfile.TemporaryDirectory() as d:
        root = pathlib.Path(d)
        (root / "src").mkdir()
        (root / "docs").mkdir()
        (root / "src/demo.cpp").write_text(SELF_TEST_SRC, encoding="utf-8")
        rules, problems = extract(root)
        got = {r: a for r, (a, _) in rules.items()}
        failures = []
        if problems or got != SELF_TEST_WANT:
            failures.append(f"extraction: got {got} and {problems}, want {SELF_TEST_WANT}")
        good = [f"| `{r}` | {cell_of(a)} | a sentence. |" for r, a in sorted(SELF_TEST_WANT.items())]
        head = ["# errors", "", TABLE_HEADING, "", "| rule id | article | refuses… |", "|---|---|---|"]

        def run(rows):
            (root / DOC).write_text("\n".join(head + rows) + "\n", encoding="utf-8")
            return check(root)

        if run(good):
            failures.append(f"a complete table was refused: {run(good)}")
        seeded = {
            "a missing row": (good[1:], "lacks `demo.constant`"),
            "a stale row": (good + ["| `zz.gone` | A1 | gone. |"], "`zz.gone`, which no code"),
            "a wrong article": ([good[0].replace("A12", "A10")] + good[1:],
                                "Change the article cell to: A12"),
            "none where src cites one": ([good[0].replace("A12", NONE)] + good[1:],
                                         "Change the article cell to: A12"),
            "an article where src cites none": (good[:-1] + [good[-1].replace(NONE, "A1")],
                                                "Change the article cell to: none"),
            "rows out of order": (good[::-1], "rows out of order"),
            "a row without a sentence": ([good[0].replace("a sentence.", "")] + good[1:],
                                         "needs one sentence"),
        }
        for what, (rows, expect) in seeded.items():
            found = run(rows)
            if not any(expect in p for p in found):
                failures.append(f"{what}: expected a problem containing {expect!r}, got {found}")
        (root / "src/bad.cpp").write_text(
            'Status g() { return mystery("demo.mystery", "x"); }\n', encoding="utf-8")
        if not any("cannot tell which article rule `demo.mystery`" in p for p in run(good)):
            failures.append("an unfollowable helper was not reported")
        if failures:
            print("self-test FAILED:", *failures, sep="\n  ")
            return 1
        print(f"self-test: {len(seeded) + 1} seeded faults found, extraction as expected")
        return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(pathlib.Path(argv[1]))
    for p in problems:
        print(p)
    if problems:
        print(f"\n{len(problems)} problem(s) with the rule table of {DOC}; every rule id that "
              "src/ passes to Error(...) must have one row there.")
        return 1
    print(f"{DOC}: the rule table lists every rule id of src/ with its article")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

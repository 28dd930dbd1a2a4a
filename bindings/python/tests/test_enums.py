"""The Python enumerations against include/kexie/kexie.h, their one source of
truth: every KX_* integer constant of kexie.h's enums has a Python twin with the
same value and every Python member a C constant (scripts/gen_python_enums.py
holds the C-name-to-Python-name table and writes enums.py); enums.py is what the
generator makes of the current kexie.h; every negative error code has its
exception class. The parser reads both anonymous and typedef'd enum blocks and
integer #defines, and the comparison fails for an enumerator added on one side
only."""

import enum
import importlib.util
import os
import re
import sys

import pytest

import kexie
from kexie import enums, errors

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                     ".."))
HEADER = os.path.join(REPO, "include", "kexie", "kexie.h")
GENERATOR = os.path.join(REPO, "scripts", "gen_python_enums.py")
SOURCE_ENUMS = os.path.join(REPO, "bindings", "python", "kexie", "enums.py")


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_python_enums", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def header_text():
    with open(HEADER, encoding="utf-8") as f:
        return f.read()


def python_enums(module):
    """Class name -> {member: value} of every Enum class `module` defines."""
    return {name: {m.name: m.value for m in cls}
            for name, cls in vars(module).items()
            if isinstance(cls, type) and issubclass(cls, enum.Enum)
            and cls.__module__ == module.__name__}


def differences(c_side, py_side):
    """Every way two {class: {member: value}} maps differ, as sentences."""
    out = []
    for name in sorted(set(c_side) | set(py_side)):
        if name not in py_side:
            out.append("%s: in kexie.h, not in Python" % name)
            continue
        if name not in c_side:
            out.append("%s: in Python, not in kexie.h" % name)
            continue
        c, py = c_side[name], py_side[name]
        for member in sorted(set(c) | set(py)):
            if member not in py:
                out.append("%s.%s = %d: in kexie.h, not in Python" % (name, member, c[member]))
            elif member not in c:
                out.append("%s.%s = %d: in Python, not in kexie.h" % (name, member, py[member]))
            elif c[member] != py[member]:
                out.append("%s.%s: %d in kexie.h, %d in Python"
                           % (name, member, c[member], py[member]))
    return out


def test_the_header_is_read_completely():
    header = gen.parse_header(header_text())
    constants = {n: v for block in header.blocks for n, v in block}
    # A few constants with explicit, implicit, negative and flag values.
    assert constants["KX_OK"] == 0 and constants["KX_EINTERNAL"] == -1000
    assert constants["KX_ORG_PARTNER"] == 8 and constants["KX_FOCUS_EFFICIENCY_GAIN"] == 8
    assert constants["KX_UNIT_GJ"] == 11 and constants["KX_MISSING_DROP_JUDGES"] == 2
    # Every enumerator name in the header text is in a block.
    in_text = set(re.findall(r"^\s*(KX_[A-Z0-9_]+)\s*(?:=|,|$|/)", header_text(), re.M))
    in_text = {n for n in in_text if not n.endswith(("_VERSION", "_INIT"))}
    assert in_text <= set(constants), sorted(in_text - set(constants))
    assert len(constants) == sum(len(b) for b in header.blocks) > 150  # no name twice


def test_every_c_enumerator_has_its_python_twin_and_back():
    expected = gen.expected(gen.parse_header(header_text()))
    assert differences(expected, python_enums(enums)) == []
    assert sorted(enums.__all__) == sorted(expected)
    for name in enums.__all__:
        assert getattr(kexie, name) is getattr(enums, name)


def test_enums_py_is_what_the_generator_makes_of_kexie_h():
    text = gen.render(gen.parse_header(header_text()))
    with open(SOURCE_ENUMS, encoding="utf-8") as f:
        assert f.read() == text, "run: python3 scripts/gen_python_enums.py"
    with open(enums.__file__, encoding="utf-8") as f:  # the package under test
        assert f.read() == text


def test_every_error_code_has_its_exception_class():
    negative = {int(c) for c in enums.ErrorCode if c < 0}
    assert set(errors._BY_CODE) == negative
    for code, cls in errors._BY_CODE.items():
        assert cls.code == code and isinstance(cls.code, enums.ErrorCode)


def test_an_enumerator_added_on_one_side_only_fails():
    text = header_text()
    assert "KX_ORG_PARTNER\n" in text
    added = text.replace("KX_ORG_PARTNER\n", "KX_ORG_PARTNER, KX_ORG_ALLIANCE\n", 1)
    problems = differences(gen.expected(gen.parse_header(added)), python_enums(enums))
    assert problems == ["OrgKind.ALLIANCE = 9: in kexie.h, not in Python"]
    # The other way: a member Python has and kexie.h does not.
    c_side = gen.expected(gen.parse_header(text))
    py_side = python_enums(enums)
    py_side["Unit"] = dict(py_side["Unit"], TEN_THOUSAND_GJ=12)
    assert differences(c_side, py_side) == [
        "Unit.TEN_THOUSAND_GJ = 12: in Python, not in kexie.h"]
    # A changed value, and a new enumeration no row of the table claims.
    moved = text.replace("KX_GRADE_EXCELLENT = 0", "KX_GRADE_EXCELLENT = 1", 1)
    assert differences(gen.expected(gen.parse_header(moved)), python_enums(enums))
    with pytest.raises(ValueError, match="KX_COLOUR_RED"):
        gen.expected(gen.parse_header(text + "\nenum { KX_COLOUR_RED = 0, KX_COLOUR_BLUE };\n"))
    with pytest.raises(ValueError, match="KX_SHADE"):
        gen.expected(gen.parse_header(text + "\n#define KX_SHADE 3\n"))
    # And the generator's output changes, so the up-to-date check fails too.
    assert gen.render(gen.parse_header(added)) != gen.render(gen.parse_header(text))


SYNTHETIC = """
/** anonymous */
enum { KX_A_ONE = 1, KX_A_TWO, /* comment, with a comma */ KX_A_NEG = -3, KX_A_AFTER };
// a line comment: enum { KX_NOT_ME = 0 };
typedef enum kx_b {
  KX_B_ZERO = 0,     /**< documented */
  KX_B_HEX = 0x10,
  KX_B_SHIFT = 1 << 5,
  KX_B_REF = KX_B_HEX + 1,
  KX_B_LAST,
} kx_b;
#define KX_C_SEVEN 7
#define KX_C_VERSION 1
#define KX_C_OPTIONS_INIT {KX_C_VERSION, 0}
#define KX_EXTERN __attribute__((visibility("default")))
"""


def test_the_parser_reads_anonymous_and_typedef_enums_and_defines():
    header = gen.parse_header(SYNTHETIC)
    assert header.blocks == (
        (("KX_A_ONE", 1), ("KX_A_TWO", 2), ("KX_A_NEG", -3), ("KX_A_AFTER", -2)),
        (("KX_B_ZERO", 0), ("KX_B_HEX", 16), ("KX_B_SHIFT", 32), ("KX_B_REF", 17),
         ("KX_B_LAST", 18)),
    )
    assert header.defines == (("KX_C_SEVEN", 7),)
    table = (gen.Row("A", "KX_A_ONE", "KX_A_", "A."), gen.Row("B", "KX_B_ZERO", "KX_B_", "B."),
             gen.Row("C", "KX_C_SEVEN", "KX_C_", "C."))
    assert gen.expected(header, table) == {
        "A": {"ONE": 1, "TWO": 2, "NEG": -3, "AFTER": -2},
        "B": {"ZERO": 0, "HEX": 16, "SHIFT": 32, "REF": 17, "LAST": 18},
        "C": {"SEVEN": 7}}
    with pytest.raises(ValueError, match="KX_B_ZERO"):
        gen.expected(header, table[:1] + table[2:])
    with pytest.raises(ValueError, match="no enum block"):
        gen.expected(header, table + (gen.Row("D", "KX_D_X", "KX_D_", "D."),))


def test_typedef_enums_read_the_same_as_anonymous_ones():
    """kexie.h's enum blocks are `typedef enum kx_x {...} kx_x;`; the same blocks written
    as anonymous `enum {...};` (as they once were), and named again, must read the same."""
    text = header_text()
    count = [0]

    def anonymous(match):
        count[0] += 1
        return "enum {%s};" % match.group(1)

    plain = re.sub(r"\btypedef\s+enum\s+\w+\s*\{(.*?)\}\s*\w+\s*;", anonymous, text,
                   flags=re.S)
    assert count[0] > 30 and "typedef enum" not in plain
    named_again = [0]

    def named(match):
        named_again[0] += 1
        return "typedef enum kx_e%d {%s} kx_e%d;" % (named_again[0], match.group(1),
                                                     named_again[0])

    typedefed = re.sub(r"\benum\s*\{(.*?)\}\s*;", named, plain, flags=re.S)
    assert named_again[0] == count[0] and "enum {" not in typedefed
    for variant in (plain, typedefed):
        assert gen.parse_header(variant) == gen.parse_header(text)
        assert gen.render(gen.parse_header(variant)) == gen.render(gen.parse_header(text))

"""CSV and XLSX tables through the C API: marks, assignments and vetoes imported from
CSV files (all or nothing), result sheets as CSV (UTF-8 with BOM or GB18030) and XLSX."""

import pytest

import kexie
from kexie import Category

from test_campaign import RUBRIC, entry, make


def campaign_with_entries(world):
    c = make(world, min_judges=3)
    c.set_rubric(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    entry(c, "P-1", world.steel, world.p[0], 600000)
    entry(c, "P-2", world.steel, world.p[1], 200000)
    for q in world.q:
        c.add_judge(q)
    return c


def write(path, text, encoding="utf-8-sig"):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_in_results_out(world, tmp_path):
    c = campaign_with_entries(world)
    assignments = write(tmp_path / "a.csv", "评委,项目编号\n" + "".join(
        "E-%d,%s\n" % (k, e) for e in ("P-1", "P-2") for k in (1, 2, 3)))
    marks = write(tmp_path / "m.csv", "评委,项目编号,指标,分数\r\n" + "".join(
        "E-%d,%s,%s,%d\r\n" % (k, e, ind, 80 + k) for e in ("P-1", "P-2") for k in (1, 2, 3)
        for ind in ("A.1", "A.2")), encoding="gb18030")
    with pytest.raises(kexie.KexieError) as refused:
        c.import_marks_csv(marks)  # nobody is assigned yet: nothing is recorded
    assert "m.csv:2" in str(refused.value)
    c.import_assignments_csv(assignments, kexie.TextEncoding.UTF8)
    bad = write(tmp_path / "bad.csv", "judge,entry,indicator,mark\nE-1,P-1,A.1,lots\n")
    with pytest.raises(kexie.InvalidArgument) as e:
        c.import_marks_csv(bad)
    assert "bad.csv:2:4 (mark)" in str(e.value)
    with pytest.raises(ValueError):
        c.import_marks_csv(marks, 9)  # checked before it reaches C
    c.import_marks_csv(marks)
    c.import_vetoes_csv(write(tmp_path / "v.csv", "judge,entry,veto,reason\nE-2,P-2,veto,抄袭\n"))
    with c.score() as board:
        assert board.find(c.find_entry("P-2")).status == kexie.EntryStatus.VETOED
        sheets = board.sheets_csv()
        assert list(sheets)[:2] == ["合理化建议", "先进单位"]
        first = sheets["合理化建议"]
        assert first.startswith(b"\xef\xbb\xbf") and b"P-1" in first
        gb = board.sheets_csv(kexie.TextEncoding.GB18030)["合理化建议"]
        assert gb.decode("gb18030") == first[3:].decode("utf-8")
        out = tmp_path / "results.xlsx"
        board.write_xlsx(out)
        assert out.stat().st_size > 0
        openpyxl = pytest.importorskip("openpyxl")
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames[0] == "合理化建议"
        assert wb["合理化建议"]["D2"].value == "P-1"

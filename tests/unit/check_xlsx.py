#!/usr/bin/env python3
"""Reads a results workbook written by kexie::write_xlsx back with openpyxl and checks it.

check_xlsx.py PATH CODE TOTAL AWARD PLACES: the first category sheet's first row must hold
entry CODE with the numeric total TOTAL (formatted with PLACES decimals) and AWARD; the
header row is frozen and bold; the report sheets follow.
"""
import decimal
import sys

import openpyxl


def main(path, code, total, award, places):
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    assert names[0] == "合理化建议", names
    assert names[1:] == ["先进单位", "先进个人", "临界项目", "评审一致性"], names
    ws = wb[names[0]]
    assert ws.freeze_panes == "A2", ws.freeze_panes
    assert ws["A1"].value == "等级 tier" and ws["A1"].font.b, ws["A1"].value
    assert ws["D2"].value == code, ws["D2"].value
    cell = ws["H2"]
    assert isinstance(cell.value, float), type(cell.value)
    assert decimal.Decimal(repr(cell.value)) == decimal.Decimal(total).normalize() or \
        abs(cell.value - float(total)) < 1e-9, (cell.value, total)
    assert cell.number_format == "0." + "0" * int(places), cell.number_format
    assert (ws["A2"].value or "") == award, ws["A2"].value
    assert ws.column_dimensions["E"].width > 30, ws.column_dimensions["E"].width
    agreement = wb["评审一致性"]
    assert agreement["B2"].value == "A.1", agreement["B2"].value
    assert isinstance(agreement["F2"].value, (int, float)), agreement["F2"].value
    assert agreement["F2"].number_format == "0.0000", agreement["F2"].number_format
    units = wb["先进单位"]
    assert units["A1"].value == "序号 no.", units["A1"].value
    print("xlsx ok:", path)


if __name__ == "__main__":
    main(*sys.argv[1:6])

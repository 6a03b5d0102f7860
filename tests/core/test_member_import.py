"""Importing a roster workbook: valid rows become members with their history, bad rows say why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage

HEADERS = ("姓名", "公民身份号码", "人员类别", "所在党支部", "申请入党日期", "确定入党积极分子日期",
           "接收预备党员日期", "转为正式党员日期")


def idn(year: int = 1990, sequence: int = 13) -> str:
    return make_id_number("110105", dt.date(year, 5, 1), sequence)


def workbook(path: Path, rows: list[list[Any]], headers: tuple[str, ...] = HEADERS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_valid_workbook_is_imported_with_the_members_history(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "名册.xlsx", [
        ["张三", idn(1980), "正式党员", "第一党支部", "2003-03-05", "2003-09-01", "2005-07-01",
         "2006-07-01"],
        ["李四", idn(1995, 24), "入党积极分子", "第二党支部", "2025-03-05", "2025-06-01", None,
         None],
    ])
    preview = services.member_import.preview(path)
    assert [r.valid for r in preview.rows] == [True, True]
    result = services.member_import.import_preview(clerk, preview)
    assert (result.imported, result.updated, result.skipped) == (2, 0, 0)
    zhang = services.members.get(result.member_ids[0])
    assert zhang.data.stage is Stage.FULL and zhang.branch_name == "第一党支部"
    assert zhang.data.join_date == dt.date(2005, 7, 1)
    records = services.development.records(result.member_ids[0])
    assert [(r.step, r.state, r.imported) for r in records] == [
        (1, "passed", True), (3, "passed", True), (15, "passed", True), (17, "passed", True),
        (23, "passed", True), (24, "passed", True),
    ]
    assert services.development.file_number(result.member_ids[0]) == "FZ2003-0001"


def test_an_invalid_row_stops_the_whole_import(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "名册.xlsx", [
        ["张三", idn(1980), "正式党员", "第一党支部", None, None, "2005-07-01", "2006-07-01"],
        ["李四", wrong_check(idn(1990, 24)), "正式党员", "第一党支部", None, None, "2015-07-01",
         "2016-07-01"],
    ])
    preview = services.member_import.preview(path)
    assert [str(p) for p in preview.problems] == [
        "第 3 行 [公民身份号码] 公民身份号码校验位不正确，请核对号码是否抄错"
    ]
    with pytest.raises(ValidationError, match="没有导入任何记录"):
        services.member_import.import_preview(clerk, preview)
    assert services.members.search_ids(_all()) == []


def wrong_check(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


def _all() -> Any:
    from branchdesk.storage.roster import RosterFilter

    return RosterFilter()

"""Exporting the roster, the import template and the report of rejected rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from branchdesk.core.actor import SYSTEM, Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_export import write_template
from branchdesk.core.member_sheet import COLUMNS
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Stage
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import AuditEntry

HEADERS = [c.header for c in COLUMNS]


def idn(year: int, sequence: int = 13) -> str:
    return make_id_number("110105", dt.date(year, 5, 1), sequence)


def roster_file(path: Path) -> Path:
    """Members of every stage, as a clerk's spreadsheet holds them."""
    book = Workbook()
    book.active.append(["姓名", "性别", "公民身份号码", "人员类别", "所在党支部", "申请入党日期",
                        "确定入党积极分子日期", "确定发展对象日期", "入党时间", "转正时间", "学历",
                        "联系电话", "家庭住址", "备注"])
    for row in (
        ["张三", "男", idn(1980), "正式党员", "第一党支部", "2003-03-05", "2003-09-01",
         "2004-09-10", "2005-07-01", "2006-07-01", "大学本科", "13800138000", "某路 1 号",
         "老党员"],
        ["李四", "女", idn(1995, 24), "入党积极分子", "第二党支部", "2025-03-05", "2025-06-01",
         None, None, None, "", "", "", ""],
        ["王五", "男", idn(1990, 15), "预备党员", "第一党支部", None, None, None, "2026-03-01",
         None, "研究生（硕士）", "0571-87654321", "", ""],
        ["赵六", "女", idn(1998, 26), "入党申请人", "第一党支部", "2026-10-01", None, None, None,
         None, "", "", "", ""],
        ["孙七", "男", idn(1970, 17), "正式党员", "第二党支部", None, None, None, "1995-07-01",
         "1996-07-01", "", "", "", ""],
    ):
        book.active.append(row)
    book.save(path)
    return path


def imported(services: Services, actor: Actor, tmp_path: Path) -> tuple[int, ...]:
    preview = services.member_import.preview(roster_file(tmp_path / "roster.xlsx"))
    assert preview.problems == ()
    return services.member_import.import_preview(actor, preview).member_ids


def sheet_rows(path: Path) -> list[list[Any]]:
    book = load_workbook(path)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def audit_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_the_export_has_the_import_columns_formatted(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    imported(services, clerk, tmp_path)
    target = tmp_path / "out" / "导出.xlsx"
    assert services.member_export.export(target) == 5
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert sheet.title == "党员名册"
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1]) and sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["D"].width > 18  # the ID number is shown whole
    rows = {row[0]: dict(zip(HEADERS, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == ["李四", "孙七", "王五", "张三", "赵六"]  # in pinyin order
    zhang = rows["张三"]
    assert zhang["公民身份号码"] == idn(1980) and zhang["人员类别"] == "正式党员"
    assert zhang["出生日期"] == dt.datetime(1980, 5, 1)
    assert zhang["接收预备党员日期"] == dt.datetime(2005, 7, 1)
    assert zhang["确定发展对象日期"] == dt.datetime(2004, 9, 10)
    date_cell = sheet.cell(row=5, column=HEADERS.index("转为正式党员日期") + 1)
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    id_cell = sheet.cell(row=5, column=HEADERS.index("公民身份号码") + 1)
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert rows["孙七"]["申请入党日期"] is None and rows["李四"]["确定入党积极分子日期"] == (
        dt.datetime(2025, 6, 1))


def test_export_of_chosen_members_in_their_order_and_voided_left_out(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    ids = imported(services, clerk, tmp_path)
    services.members.void(clerk, ids[1], "录入错误")
    assert services.member_export.export(tmp_path / "a.xlsx") == 4
    assert services.member_export.export(tmp_path / "b.xlsx", [ids[4], ids[0]]) == 2
    assert [r[0] for r in sheet_rows(tmp_path / "b.xlsx")[1:]] == ["孙七", "张三"]


def test_round_trip_export_then_import_with_update_changes_nothing(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    ids = imported(services, clerk, tmp_path)
    services.member_export.export(tmp_path / "out.xlsx")
    before = audit_count(services)
    preview = services.member_import.preview(tmp_path / "out.xlsx", update=True)
    assert preview.problems == ()
    result = services.member_import.import_preview(clerk, preview)
    assert (result.imported, result.updated) == (0, 5) and set(result.member_ids) == set(ids)
    assert audit_count(services) == before


def test_round_trip_into_a_fresh_database_gives_the_same_roster(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    imported(services, clerk, tmp_path)
    services.member_export.export(tmp_path / "out.xlsx")
    other = _fresh(tmp_path / "other", ["第一党支部", "第二党支部"])
    try:
        preview = other.member_import.preview(tmp_path / "out.xlsx")
        assert preview.problems == ()
        other.member_import.import_preview(SYSTEM, preview)
        other.member_export.export(tmp_path / "again.xlsx")
        assert sheet_rows(tmp_path / "again.xlsx") == sheet_rows(tmp_path / "out.xlsx")
    finally:
        other.db.dispose()


def test_the_demo_roster_goes_into_a_fresh_database_unchanged(tmp_path: Path) -> None:
    from branchdesk.core.demo import build_demo
    from branchdesk.storage.migrate import open_database

    today = dt.date(2026, 11, 26)
    build_demo(tmp_path / "demo.sqlite", today=today)
    demo = Services.build(open_database(tmp_path / "demo.sqlite", tmp_path / "b", create=False),
                          tmp_path / "b", today=today)
    try:
        count = demo.member_export.export(tmp_path / "demo.xlsx")
        branches = [b.name for b in demo.organisations.branches()]
        same = demo.member_import.preview(tmp_path / "demo.xlsx", update=True)
        assert same.problems == ()
    finally:
        demo.db.dispose()
    fresh = _fresh(tmp_path / "fresh", branches, today)
    try:
        preview = fresh.member_import.preview(tmp_path / "demo.xlsx")
        assert [str(p) for p in preview.problems] == []
        assert fresh.member_import.import_preview(SYSTEM, preview).imported == count
        fresh.member_export.export(tmp_path / "fresh.xlsx")
        assert sheet_rows(tmp_path / "fresh.xlsx") == sheet_rows(tmp_path / "demo.xlsx")
        with fresh.db.read() as s:
            assert verify_database(s).sound
    finally:
        fresh.db.dispose()


def _fresh(folder: Path, branches: list[str], today: dt.date | None = None) -> Services:
    folder.mkdir()
    services = Services.build(create_database(folder / "db.sqlite"), folder / "b",
                              today=today or dt.date(2026, 11, 26))
    committee = services.organisations.create(SYSTEM, OrgKind.COMMITTEE, "中共另一委员会", None)
    for name in branches:
        services.organisations.create(SYSTEM, OrgKind.BRANCH, name, committee)
    return services


def test_the_template_imports_as_an_empty_roster(services: Services, tmp_path: Path) -> None:
    target = tmp_path / "模板.xlsx"
    write_template(target)
    book = load_workbook(target)
    sheet = book["党员名册"]
    assert [c.value for c in sheet[1]] == HEADERS and all(c.font.bold for c in sheet[1])
    assert not any(v is not None for row in sheet.iter_rows(min_row=2, values_only=True)
                   for v in row)
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"入党申请人,入党积极分子,发展对象,预备党员,正式党员"' in lists.values()
    assert '"男,女"' in lists.values()
    assert sheet.cell(row=2, column=HEADERS.index("公民身份号码") + 1).number_format == "@"
    notes = [row for row in book["填写说明"].iter_rows(values_only=True)]
    text = "\n".join(" ".join(str(v) for v in row if v) for row in notes)
    assert "2021-03-05、2021/3/5、2021.3.5、2021年3月5日或 20210305" in text
    assert "公民身份号码 110105198005010136" in text  # the example row, valid
    preview = services.member_import.preview(target)
    assert preview.rows == () and preview.columns == tuple(HEADERS)


def test_the_template_filled_in_imports(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    target = tmp_path / "模板.xlsx"
    write_template(target)
    book = load_workbook(target)
    example = {row[0]: row[1] for row in book["填写说明"].iter_rows(values_only=True)
               if row[0] in HEADERS and row[1] and not str(row[1]).startswith(("必填", "如"))}
    book["党员名册"].append([example.get(h) for h in HEADERS])
    book.save(target)
    preview = services.member_import.preview(target)
    assert preview.problems == ()
    member = services.members.get(services.member_import.import_preview(clerk, preview)
                                  .member_ids[0])
    assert member.data.stage is Stage.FULL and member.data.education == "大学本科"


def test_the_report_holds_the_rejected_rows_with_what_to_fix(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.append(["序号", "姓名", "身份证号", "人员类别", "所在党支部", "入党时间",
                        "转正时间"])
    book.active.append([1, "张三", idn(1980), "正式党员", "第一党支部", "2005-07-01", "2006-07-01"])
    book.active.append([2, "李四", idn(1981)[:17] + "0", "正式党员", "第九支部", "2005/7/1",
                        "2006.7.1"])
    book.active.append([3, "王五", idn(1982), "预备", "第一党支部", "2026-03-01", None])
    book.save(tmp_path / "in.xlsx")
    preview = services.member_import.preview(tmp_path / "in.xlsx")
    services.member_import.write_report(preview, tmp_path / "report.xlsx")
    rows = sheet_rows(tmp_path / "report.xlsx")
    assert rows[0] == ["序号", "姓名", "身份证号", "人员类别", "所在党支部", "入党时间", "转正时间",
                       "问题", "原行号"]
    assert rows[1][:7] == ["2", "李四", idn(1981)[:17] + "0", "正式党员", "第九支部", "2005/7/1",
                           "2006.7.1"]
    assert rows[1][7] == (  # left to right, as the columns stand
        "[身份证号] 公民身份号码校验位不正确，请核对号码是否抄错；[所在党支部] 没有名为“第九支部”的"
        "党支部，请填写现有党支部的全称（第一党支部、第二党支部）"
    )
    assert rows[1][8] == 3
    assert len(rows) == 2  # 王五 (预备 = 预备党员) is fine
    # fixed in Excel, the report imports as it is (问题 and 原行号 are not roster columns)
    report = load_workbook(tmp_path / "report.xlsx")
    report.active["C2"] = idn(1981)
    report.active["E2"] = "第二党支部"
    report.save(tmp_path / "report.xlsx")
    fixed = services.member_import.preview(tmp_path / "report.xlsx")
    assert fixed.problems == ()
    assert services.member_import.import_preview(clerk, fixed).imported == 1


@pytest.mark.parametrize("bad", ["\x07", "\x1b"])
def test_control_characters_do_not_break_the_export(
    services: Services, clerk: Actor, tmp_path: Path, bad: str
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("姓名,公民身份号码,人员类别,所在党支部,入党时间,转正时间,备注\n"
                    f"张三,{idn(1980)},正式党员,第一党支部,2005-07-01,2006-07-01,a{bad}b\n",
                    encoding="utf-8")
    preview = services.member_import.preview(path)
    services.member_import.import_preview(clerk, preview)
    services.member_export.export(tmp_path / "out.xlsx")
    assert sheet_rows(tmp_path / "out.xlsx")[1][-1] == "ab"

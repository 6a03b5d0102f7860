"""Importing a roster workbook: valid rows become members with their history, bad rows say why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_import import ImportFileError, ImportPreview
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Stage
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.models import AuditEntry, Member, StepRecord

FORMS = "2021-03-05、2021/3/5、2021.3.5、2021年3月5日或 20210305"
HEADERS = ("姓名", "公民身份号码", "人员类别", "所在党支部", "申请入党日期",
           "确定入党积极分子日期", "确定发展对象日期", "接收预备党员日期", "转为正式党员日期")


def idn(year: int = 1990, sequence: int = 13, month: int = 5, day: int = 1) -> str:
    """A valid ID number (odd sequence: male) born on the given day."""
    return make_id_number("110105", dt.date(year, month, day), sequence)


def wrong_check(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


def workbook(path: Path, rows: list[list[Any]], headers: tuple[str, ...] = HEADERS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def full_member(name: str = "张三", number: str | None = None, **dates: Any) -> list[Any]:
    """A full member's row of HEADERS; ``dates`` override by column key."""
    row = {
        "name": name, "id": number or idn(1980), "stage": "正式党员", "branch": "第一党支部",
        "applied": "2003-03-05", "activist": "2003-09-01", "candidate": "2004-09-10",
        "join": "2005-07-01", "full": "2006-07-01",
    }
    row.update(dates)
    return list(row.values())


def counts(services: Services) -> tuple[int, int, int]:
    """Members, step records and audit entries in the database."""
    with services.db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Member, StepRecord, AuditEntry)
        )


def problems_of(preview: ImportPreview) -> list[str]:
    return [str(p) for p in preview.problems]


@pytest.fixture
def sheet(tmp_path: Path) -> Callable[..., Path]:
    """Write rows under HEADERS (or given headers) to a new workbook; return its path."""
    made = iter(range(1000))

    def factory(rows: list[list[Any]], headers: tuple[str, ...] = HEADERS) -> Path:
        return workbook(tmp_path / f"名册{next(made)}.xlsx", rows, headers)

    return factory


# --- a valid file ------------------------------------------------------------------------------


def test_a_valid_workbook_is_imported_with_the_members_history(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([
        full_member(),
        ["李四", idn(1995, 24), "入党积极分子", "第二党支部", "2025-03-05", "2025-06-01", None,
         None, None],
    ])
    preview = services.member_import.preview(path)
    assert preview.columns == HEADERS and [r.valid for r in preview.rows] == [True, True]
    assert [(r.row, r.name) for r in preview.rows] == [(2, "张三"), (3, "李四")]
    result = services.member_import.import_preview(clerk, preview)
    assert (result.imported, result.updated, result.skipped) == (2, 0, 0)
    zhang = services.members.get(result.member_ids[0])
    assert zhang.data.stage is Stage.FULL and zhang.branch_name == "第一党支部"
    assert (zhang.data.join_date, zhang.data.full_member_date) == (
        dt.date(2005, 7, 1), dt.date(2006, 7, 1))
    assert (zhang.data.gender, zhang.data.birth_date) == ("男", dt.date(1980, 5, 1))
    records = services.development.records(result.member_ids[0])
    assert [(r.step, r.date, r.state, r.imported) for r in records] == [
        (1, dt.date(2003, 3, 5), "passed", True), (3, dt.date(2003, 9, 1), "passed", True),
        (7, dt.date(2004, 9, 10), "passed", True), (8, dt.date(2004, 9, 10), "passed", True),
        (15, dt.date(2005, 7, 1), "passed", True), (17, dt.date(2005, 7, 1), "passed", True),
        (23, dt.date(2006, 7, 1), "passed", True), (24, dt.date(2006, 7, 1), "passed", True),
    ]
    assert records[6].details == {"outcome": "按期转正"}
    assert records[0].recorded_by == "clerk" and "李录入据原台账导入" in records[0].content
    assert services.development.file_number(result.member_ids[0]) == "FZ2003-0001"
    assert services.development.file_number(result.member_ids[1]) == "FZ2025-0001"
    li = services.members.get(result.member_ids[1])
    assert li.data.stage is Stage.ACTIVIST and li.data.gender == "女"
    assert [e.reason for e in li.events] == ["导入党员名册（名册0.xlsx）"]


def test_the_imported_rows_are_what_the_member_form_would_save(
    services: Services, clerk: Actor, sheet: Callable[..., Path], branch_id: int
) -> None:
    headers = ("姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
               "接收预备党员日期", "转为正式党员日期", "工作岗位", "联系电话", "家庭住址", "备注")
    path = sheet([["欧阳 明", "男", "回", idn(1980), "1980-05-01", "本科", "正式党员", "第一党支部",
                   "2005-07-01", "2006-07-01", "民警", "138 0013 8000", "某路 1 号", "老党员"]],
                 headers)
    imported = services.member_import.import_preview(
        clerk, services.member_import.preview(path)).member_ids[0]
    typed = services.members.create(clerk, MemberInput(
        name="欧阳明", id_number=idn(1980, 15), branch_id=branch_id, gender="男",
        birth_date=dt.date(1980, 5, 1), ethnicity="回族", education="大学本科",
        join_date=dt.date(2005, 7, 1), full_member_date=dt.date(2006, 7, 1), job="民警",
        phone="13800138000", address="某路 1 号", note="老党员",
    ))
    with services.db.read() as s:
        a, b = s.get(Member, imported), s.get(Member, typed)
        assert a is not None and b is not None
        skip = {"id", "id_number", "created_at"}
        columns = [c.key for c in Member.__table__.columns if c.key not in skip]
        assert {k: getattr(a, k) for k in columns} == {k: getattr(b, k) for k in columns}
        assert verify_database(s).sound


def test_headers_by_name_in_any_order_with_aliases_spaces_and_full_width(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    headers = ("序号", " 入党时间 ", "转正时间", "身份证号码（18位）", "姓　名", "ＲＥＭＡＲＫ",
               "人员类别*", "所在党支部")
    path = sheet([[1, "2005-07-01", "2006-07-01", idn(1980), "张三", "x", "正式党员",
                   "第一党支部"]], headers)
    preview = services.member_import.preview(path)
    assert preview.columns == tuple(h.strip() for h in headers) and preview.problems == ()
    assert preview.rows[0].cells["序号"] == "1"
    member = services.members.get(
        services.member_import.import_preview(clerk, preview).member_ids[0])
    assert member.data.join_date == dt.date(2005, 7, 1) and member.data.name == "张三"


def test_a_title_row_above_the_header_and_blank_rows_are_passed_over(
    services: Services, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["第一党支部党员花名册（2026年）"])
    sheet.append([])
    sheet.append(list(HEADERS))
    sheet.append(full_member())
    sheet.append([])
    sheet.append(full_member("李四", idn(1981)))
    book.save(tmp_path / "a.xlsx")
    preview = services.member_import.preview(tmp_path / "a.xlsx")
    assert [(r.row, r.valid) for r in preview.rows] == [(4, True), (6, True)]


def test_the_branch_column_may_be_left_to_the_import(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([["张三", idn(1980), "正式党员", "2005-07-01", "2006-07-01"]],
                 ("姓名", "公民身份号码", "人员类别", "入党时间", "转正时间"))
    with pytest.raises(ImportFileError, match="缺少必填的列：“所在党支部”（或在导入时指定党支部）"):
        services.member_import.preview(path)
    preview = services.member_import.preview(path, branch="第二党支部")
    member_id = services.member_import.import_preview(clerk, preview).member_ids[0]
    assert services.members.get(member_id).branch_name == "第二党支部"
    both = sheet([full_member("王五", idn(1982), branch=""), full_member("李四", idn(1981))])
    rows = services.member_import.preview(both, branch="第二党支部").rows
    assert [r.parsed.data.branch_id for r in rows if r.parsed] == [
        services.organisations.find_by_name("第二党支部").id,  # type: ignore[union-attr]
        services.organisations.find_by_name("第一党支部").id,  # type: ignore[union-attr]
    ]


def test_missing_required_columns_are_named(services: Services, sheet: Callable[..., Path]) -> None:
    path = sheet([["张三", "x"]], ("姓名", "性别", "备注"))
    with pytest.raises(ImportFileError) as caught:
        services.member_import.preview(path)
    assert "缺少必填的列：“公民身份号码”、“人员类别”、“所在党支部”" in str(caught.value)


def test_doubled_columns_are_refused(services: Services, sheet: Callable[..., Path]) -> None:
    path = sheet([full_member() + ["x"]], (*HEADERS, "身份证号"))
    with pytest.raises(ImportFileError, match="“公民身份号码”和“身份证号”两列都是公民身份号码"):
        services.member_import.preview(path)


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "2005-07-01", "2005/7/1", "2005.7.1", "2005年7月1日", "20050701", "2005-7-1",
        "２００５年７月１日", " 2005 - 07 - 01 ", "2005-07-01 00:00:00", "2005/7/1 0:00",
        "2005/7/1 10:30", "2005-07-01T08:00:00", dt.datetime(2005, 7, 1),
        dt.date(2005, 7, 1), 20050701, 38534,  # 38534: the date's Excel serial number
    ],
    ids=repr,
)
def test_every_date_form(services: Services, sheet: Callable[..., Path], written: Any) -> None:
    preview = services.member_import.preview(sheet([full_member(join=written)]))
    assert preview.problems == ()
    assert preview.rows[0].parsed is not None
    assert preview.rows[0].parsed.data.join_date == dt.date(2005, 7, 1)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2005-13-01", "“2005-13-01”不是有效的日期（没有这一天），请核对"),
        ("2005年2月30日", "“2005年2月30日”不是有效的日期（没有这一天），请核对"),
        ("七月一日", "“七月一日”不是日期，请写成 " + FORMS),
        ("2005-07", "“2005-07”只有年月，请写到哪一天，如 2005-07-01"),
        ("2005.7", "“2005.7”只有年月，请写到哪一天，如 2005-07-01"),
        ("2005年7月", "“2005年7月”只有年月，请写到哪一天，如 2005-07-01"),
        (2005.07, "“2005.07”是 Excel 当作数字的年月（2005.10 也会变成 2005.1），请写到哪一天，"
                  "如 2005-07-01，并把这一列设为文本或日期格式"),
        (2005.1, "“2005.1”是 Excel 当作数字的年月（2005.10 也会变成 2005.1），请写到哪一天，"
                 "如 2005-07-01，并把这一列设为文本或日期格式"),
        (2005, "“2005”只有年份，请写到哪一天，如 2005-07-01"),
        ("2005年", "“2005年”只有年份，请写到哪一天，如 2005-07-01"),
    ],
)
def test_a_cell_that_is_no_date_says_which_forms_are(
    services: Services, sheet: Callable[..., Path], written: Any, reason: str
) -> None:
    preview = services.member_import.preview(sheet([full_member(join=written)]))
    assert problems_of(preview) == [f"第 2 行 [接收预备党员日期] {reason}"]


# --- every rule --------------------------------------------------------------------------------


RULES = [
    pytest.param({"id": wrong_check(idn(1980))}, "公民身份号码",
                 "公民身份号码校验位不正确，请核对号码是否抄错", id="checksum"),
    pytest.param({"id": "11010519800501"}, "公民身份号码", "公民身份号码应为 18 位，现在是 14 位",
                 id="length"),
    pytest.param({"id": 110105198005010136}, "公民身份号码",
                 "公民身份号码被 Excel 存成了数字，后几位已经丢失：请把这一列设为“文本”格式，"
                 "重新填写号码",
                 id="id-as-number"),
    pytest.param({"id": "1.10105E+17"}, "公民身份号码",
                 "公民身份号码被 Excel 存成了数字（显示为 1.10105E+17），后几位已经丢失：请把这一列"
                 "设为“文本”格式，重新填写号码", id="id-in-scientific-notation"),
    pytest.param({"name": ""}, "姓名", "请填写姓名", id="no-name"),
    pytest.param({"name": "张3"}, "姓名",
                 "姓名中不能有数字、字母或符号（少数民族姓名的间隔号“·”可以使用）", id="name"),
    pytest.param({"stage": ""}, "人员类别",
                 "请填写人员类别：入党申请人、入党积极分子、发展对象、预备党员、正式党员",
                 id="no-stage"),
    pytest.param({"stage": "党外人士"}, "人员类别",
                 "人员类别“党外人士”不对，应为入党申请人、入党积极分子、发展对象、预备党员、"
                 "正式党员之一",
                 id="stage"),
    pytest.param({"branch": "第九党支部"}, "所在党支部",
                 "没有名为“第九党支部”的党支部，请填写现有党支部的全称（第一党支部、第二党支部）",
                 id="branch"),
    pytest.param({"branch": ""}, "所在党支部", "请填写所在党支部", id="no-branch"),
    pytest.param({"applied": "1997-03-05", "activist": "1998-09-01", "candidate": "1999-09-10"},
                 "申请入党日期",
                 "申请入党时须年满 18 岁（《中国共产党发展党员工作细则》第五条），"
                 "此人 1998年5月1日 才满 18 岁，请核对申请入党日期", id="under-18"),
    pytest.param({"activist": "2003-01-01"}, "确定入党积极分子日期",
                 "确定入党积极分子日期（2003年1月1日）不能早于申请入党日期（2003年3月5日），请核对",
                 id="order"),
    pytest.param({"candidate": "2005-08-01"}, "接收预备党员日期",
                 "接收预备党员日期（2005年7月1日）不能早于确定发展对象日期（2005年8月1日），请核对",
                 id="order-join"),
    pytest.param({"full": "2006-06-30"}, "转为正式党员日期",
                 "预备期为一年（《中国共产党章程》第七条），转为正式党员日期不能早于 2006年7月1日",
                 id="probation-year"),
    pytest.param({"full": ""}, "转为正式党员日期", "正式党员须填写转为正式党员日期",
                 id="full-needs-conversion"),
    pytest.param({"stage": "预备党员", "join": "", "full": ""}, "接收预备党员日期",
                 "预备党员须填写加入党组织日期", id="probationary-needs-join"),
    pytest.param({"stage": "预备党员"}, "转为正式党员日期", "预备党员不应填写转为正式党员日期",
                 id="probationary-converted"),
    pytest.param({"stage": "入党积极分子", "activist": "", "candidate": "", "join": "",
                  "full": ""}, "确定入党积极分子日期",
                 "入党积极分子须填写确定入党积极分子日期（程序据此提醒培养考察等待办）",
                 id="activist-needs-date"),
    pytest.param({"stage": "入党申请人", "candidate": "", "join": "", "full": ""},
                 "确定入党积极分子日期",
                 "人员类别为入党申请人，不应填写确定入党积极分子日期：请核对人员类别（已确定的应为"
                 "入党积极分子）或删去该日期", id="applicant-with-activist-date"),
    pytest.param({"stage": "发展对象", "join": "", "full": ""}, "确定发展对象日期", None,
                 id="candidate-fine"),
    pytest.param({"stage": "发展对象", "candidate": "", "join": "", "full": ""},
                 "确定发展对象日期",
                 "发展对象须填写确定发展对象日期（程序据此提醒培养考察等待办）",
                 id="candidate-needs-date"),
    pytest.param({"full": "2026-12-01"}, "转为正式党员日期",
                 "转为正式党员日期不能晚于今天（2026年11月26日），请核对", id="future"),
    pytest.param({"applied": "2026-11-27"}, "申请入党日期",
                 "申请入党日期不能晚于今天（2026年11月26日），请核对", id="future-application"),
]


@pytest.mark.parametrize(("change", "column", "reason"), RULES)
def test_each_rule_names_the_row_the_column_and_what_to_fix(
    services: Services, sheet: Callable[..., Path], change: dict[str, Any], column: str,
    reason: str | None,
) -> None:
    preview = services.member_import.preview(sheet([full_member("李四", idn(1981)),
                                                    full_member(**change)]))
    assert preview.rows[0].valid
    assert problems_of(preview) == ([f"第 3 行 [{column}] {reason}"] if reason else [])


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("性别", "女", "性别与公民身份号码不符：号码第 17 位表示男性，请核对"),
        ("性别", "未知", "性别应为“男”或“女”，现在是“未知”"),
        ("出生日期", "1980-05-02", "出生日期与公民身份号码不符：号码中为 1980年5月1日，请核对"),
        ("民族", "火星族", "请从列表中选择民族，如“汉族”"),
        ("学历", "幼儿园", "请从列表中选择学历"),
        ("联系电话", "1380013800", "手机号码应为 11 位，以 1 开头，现在是 10 位"),
    ],
)
def test_the_other_columns_are_checked_by_the_member_rules(
    services: Services, sheet: Callable[..., Path], header: str, value: str, reason: str
) -> None:
    preview = services.member_import.preview(sheet([full_member() + [value]], (*HEADERS, header)))
    assert problems_of(preview) == [f"第 2 行 [{header}] {reason}"]


def test_a_dissolved_branch_is_refused(
    services: Services, admin: Actor, sheet: Callable[..., Path]
) -> None:
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    services.organisations.set_dissolved(admin, second.id, True)
    preview = services.member_import.preview(sheet([full_member(branch="第二党支部")]))
    assert problems_of(preview) == ["第 2 行 [所在党支部] “第二党支部”已撤销，请填写现有的党支部"]


def test_branch_names_match_despite_spaces_and_full_width(
    services: Services, admin: Actor, sheet: Callable[..., Path]
) -> None:
    committee = services.organisations.find_by_name("中共测试委员会")
    assert committee is not None
    services.organisations.create(admin, OrgKind.BRANCH, "派出所（一）党支部", committee.id)
    preview = services.member_import.preview(sheet([full_member(branch=" 派出所(一)党支部 ")]))
    assert preview.problems == ()


def test_the_same_id_number_twice_in_the_file_refuses_both_rows(
    services: Services, sheet: Callable[..., Path]
) -> None:
    number = idn(1980)
    preview = services.member_import.preview(sheet([
        full_member(number=number), full_member("李四", idn(1981)),
        full_member("张叁", number.lower()[:17] + " " + number[17:]),
    ]))
    assert problems_of(preview) == [
        "第 2 行 [公民身份号码] 与第 4 行的公民身份号码相同，同一人只能有一行",
        "第 4 行 [公民身份号码] 与第 2 行的公民身份号码相同，同一人只能有一行",
    ]


def test_an_id_number_already_registered_is_refused_unless_updating(
    services: Services, sheet: Callable[..., Path], add_member: Callable[..., int],
    clerk: Actor,
) -> None:
    existing = add_member("王五", sequence=13)
    voided = add_member("赵六", sequence=15)
    services.members.void(clerk, voided, "重复录入")
    path = sheet([full_member("王五", idn(1980, 13), join="2005-07-01"),
                  full_member("赵六", idn(1980, 15))])
    assert problems_of(services.member_import.preview(path)) == [
        "第 2 行 [公民身份号码] 此公民身份号码已登记为 王五（第一党支部），不能重复登记；"
        "如要用本表更新此人的信息，请勾选“更新已登记的人员”（命令行 --update）",
        "第 3 行 [公民身份号码] 此公民身份号码已登记为 赵六（已作废的记录），不能重复登记",
    ]
    updating = services.member_import.preview(path, update=True)
    assert [r.valid for r in updating.rows] == [True, False]
    assert updating.rows[0].updates and updating.rows[0].parsed is not None
    assert updating.rows[0].parsed.existing_id == existing


# --- all or nothing ----------------------------------------------------------------------------


def test_an_invalid_row_stops_the_whole_import_and_nothing_changes(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([full_member(), full_member("李四", wrong_check(idn(1990, 24)))])
    preview = services.member_import.preview(path)
    before = counts(services)
    with pytest.raises(ValidationError) as caught:
        services.member_import.import_preview(clerk, preview)
    assert str(caught.value) == (
        "有 1 行不符合要求，没有导入任何记录：第 3 行 [公民身份号码] "
        "公民身份号码校验位不正确，请核对号码是否抄错"
    )
    assert counts(services) == before


def test_skip_invalid_imports_the_valid_rows_only(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([full_member(), full_member("李四", wrong_check(idn(1990, 24))),
                  full_member("王五", idn(1982))])
    result = services.member_import.import_preview(
        clerk, services.member_import.preview(path), skip_invalid=True)
    assert (result.imported, result.updated, result.skipped) == (2, 0, 1)
    assert [services.members.get(i).data.name for i in result.member_ids] == ["张三", "王五"]


def test_a_reviewer_may_not_import(
    services: Services, reviewer: Actor, sheet: Callable[..., Path]
) -> None:
    preview = services.member_import.preview(sheet([full_member()]))
    with pytest.raises(PermissionDenied):
        services.member_import.import_preview(reviewer, preview)


def test_the_database_is_checked_again_when_importing(
    services: Services, clerk: Actor, sheet: Callable[..., Path], add_member: Callable[..., int]
) -> None:
    preview = services.member_import.preview(sheet([full_member(), full_member("李四", idn(1981))]))
    add_member("李四", sequence=13, id_number=idn(1981))
    before = counts(services)
    changed = "第 3 行 \\[公民身份号码\\] 导入前此公民身份号码的登记情况已有变化"
    with pytest.raises(ValidationError, match=changed):
        services.member_import.import_preview(clerk, preview)
    assert counts(services) == before
    result = services.member_import.import_preview(clerk, preview, skip_invalid=True)
    assert (result.imported, result.skipped) == (1, 1)


def test_a_failure_halfway_leaves_the_database_as_it_was(
    services: Services, clerk: Actor, sheet: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.core import member_import_write

    stems, branches = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"
    rows = [full_member(f"张{stems[n % 10]}{branches[n // 10 % 12]}",
                        idn(1960 + n // 300, 1 + 2 * (n % 300)))
            for n in range(600)]
    preview = services.member_import.preview(sheet(rows))
    assert preview.problems == ()
    before = counts(services)
    real = member_import_write._Writer._member
    calls = iter(range(1, 10_000))

    def failing(self: Any, parsed: Any) -> Any:
        if next(calls) == 500:
            raise RuntimeError("power cut")
        return real(self, parsed)

    monkeypatch.setattr(member_import_write._Writer, "_member", failing)
    with pytest.raises(RuntimeError):
        services.member_import.import_preview(clerk, preview)
    assert counts(services) == before

    real_insert = member_import_write.insert_audited

    def fail_on_records(s: Any, model: Any, rows: Any) -> None:
        if model is StepRecord:  # the members and their events are written by now
            raise OSError("disk full")
        real_insert(s, model, rows)

    monkeypatch.setattr(member_import_write._Writer, "_member", real)
    monkeypatch.setattr(member_import_write, "insert_audited", fail_on_records)
    with pytest.raises(OSError):
        services.member_import.import_preview(clerk, preview)
    assert counts(services) == before
    monkeypatch.setattr(member_import_write, "insert_audited", real_insert)
    assert services.member_import.import_preview(clerk, preview).imported == 600
    with services.db.read() as s:
        assert verify_database(s).sound


# --- updates -----------------------------------------------------------------------------------


def test_update_takes_the_filled_cells_and_keeps_the_rest(
    services: Services, clerk: Actor, sheet: Callable[..., Path], add_member: Callable[..., int]
) -> None:
    member_id = add_member("王五", sequence=13, job="民警", phone="13800138000",
                           address="老地址")
    headers = ("姓名", "公民身份号码", "人员类别", "所在党支部", "工作岗位", "联系电话", "家庭住址",
               "接收预备党员日期")
    path = sheet([["王五", idn(1980, 13), "正式党员", "第二党支部", "所长", "", "新地址",
                   "2005-07-01"]], headers)
    result = services.member_import.import_preview(
        clerk, services.member_import.preview(path, update=True))
    assert (result.imported, result.updated, result.member_ids) == (0, 1, (member_id,))
    detail = services.members.get(member_id)
    assert (detail.branch_name, detail.data.job, detail.data.phone, detail.data.address) == (
        "第二党支部", "所长", "13800138000", "新地址")
    assert detail.data.stage is Stage.FULL and detail.data.join_date == dt.date(2005, 7, 1)
    with services.db.read() as s:
        assert verify_database(s).sound


def test_update_does_not_change_the_stage_or_the_milestones(
    services: Services, sheet: Callable[..., Path], add_member: Callable[..., int]
) -> None:
    add_member("王五", sequence=13)
    path = sheet([
        ["王五", idn(1980, 13), "预备党员", "第一党支部", None, None, None, "2005-07-01", None],
        ["王五", idn(1980, 13), "正式党员", "第一党支部", None, None, None, "2005-08-01",
         "2006-08-01"],
    ])
    preview = services.member_import.preview(path, update=True)
    assert problems_of(preview)[:3] == [
        "第 2 行 [人员类别] 库中王五为正式党员：人员类别随发展步骤变化，请在发展档案中办理，"
        "导入不能修改",
        "第 2 行 [公民身份号码] 与第 3 行的公民身份号码相同，同一人只能有一行",
        "第 3 行 [接收预备党员日期] 库中接收预备党员日期为 2005年7月1日："
        "入党各阶段的日期以发展档案为准，导入不能修改，请核对",
    ]


def test_an_unchanged_reimport_writes_nothing(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([full_member()])
    services.member_import.import_preview(clerk, services.member_import.preview(path))
    before = counts(services)
    result = services.member_import.import_preview(
        clerk, services.member_import.preview(path, update=True))
    assert result.updated == 1 and counts(services) == before


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_in_every_encoding(
    services: Services, clerk: Actor, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    lines = [HEADERS, full_member("欧阳明"), full_member("阿依古丽·买买提", idn(1981, 14))]
    text = "\r\n".join(delimiter.join(str(v) for v in line) for line in lines)
    path = tmp_path / "名册.csv"
    path.write_bytes(text.encode(encoding))
    preview = services.member_import.preview(path)
    assert preview.problems == () and [r.name for r in preview.rows] == [
        "欧阳明", "阿依古丽·买买提"]
    assert services.member_import.import_preview(clerk, preview).imported == 2


def test_csv_quoted_cells_and_a_time_after_the_date(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(",".join(HEADERS) + "\n" + '"张三","' + idn(1980)
                    + '",正式党员,"第一党支部",,,,2005-07-01 00:00:00,"2006/7/1"\n',
                    encoding="utf-8")
    assert services.member_import.preview(path).problems == ()


# --- unreadable files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("名册.xlsx", None, "找不到文件"),
        ("名册.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
         "是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入"),
        ("名册.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
         "设有打开密码：请在 Excel 或 WPS 中打开并取消密码、保存后再导入"),
        ("名册.xlsx", b"PK\x03\x04 broken", "不是有效的 Excel（.xlsx）文件，可能已损坏"),
        ("名册.xlsx", b"just some text", "不是有效的 Excel（.xlsx）文件，可能已损坏"),
        ("名册.pdf", b"%PDF-1.7", "不是 Excel（.xlsx）或 CSV 文件"),
        ("名册.csv", "名单,说明\n张三,1\n".encode(), "没有找到表头"),
        ("名册.csv", b"\x81\xff\xfe\x00\x80", "无法识别“名册.csv”的文字编码"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(
    services: Services, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        services.member_import.preview(path)


def test_a_folder_is_not_a_file(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="是文件夹"):
        services.member_import.preview(tmp_path)


def test_a_header_without_rows_previews_empty(
    services: Services, sheet: Callable[..., Path]
) -> None:
    preview = services.member_import.preview(sheet([]))
    assert preview.rows == () and preview.columns == HEADERS


def test_full_width_digits_are_folded_and_chinese_punctuation_kept(
    services: Services, clerk: Actor, sheet: Callable[..., Path]
) -> None:
    path = sheet([full_member() + ["１３８ ００１３ ８０００", "老党员，退休（返聘）"]],
                 (*HEADERS, "联系电话", "备注"))
    preview = services.member_import.preview(path)
    assert preview.problems == ()
    member = services.members.get(
        services.member_import.import_preview(clerk, preview).member_ids[0])
    assert (member.data.phone, member.data.note) == ("13800138000", "老党员，退休（返聘）")


def test_the_benchmark_script_runs_small(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_import.py"
    done = subprocess.run(
        [sys.executable, str(script), "--rows", "60", "--branches", "3", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "verify: sound" in done.stdout


def test_a_sheet_claiming_every_column_and_a_far_stray_cell_still_reads(
    services: Services, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.append(list(HEADERS))
    book.active.append(full_member())
    book.active.cell(row=1, column=16000, value=" ")  # the dimension now reaches column WQJ
    book.active.cell(row=200_000, column=1, value=" ")
    book.save(tmp_path / "wide.xlsx")
    preview = services.member_import.preview(tmp_path / "wide.xlsx")
    assert [(r.row, r.valid) for r in preview.rows] == [(2, True)]

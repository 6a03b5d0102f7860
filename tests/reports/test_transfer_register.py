"""The year's transfer register (党员组织关系转接登记簿): database to A4 landscape PDF."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import HandoverInput, IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage
from branchdesk.reports.fonts import FontSet, MissingGlyphsError, shipped_font
from branchdesk.reports.transfer_print import save_transfer_register, transfer_register
from branchdesk.reports.transfer_register import render_transfer_register
from branchdesk.reports.transfer_register_data import (
    INCOMING,
    OUTGOING,
    RegisterRow,
    TransferRegister,
)

D = dt.date
CITY = "中共示例市公安局治安支队党支部"
NEIGHBOUR = "中共邻县公安局机关党支部"
LONG_ORGANISATION = "中共示例市人力资源和社会保障局机关第三党总支部第二党支部委员会办公室"


def _letter(day: dt.date, to: str = CITY, reason: str = "工作调动") -> OutgoingInput:
    return OutgoingInput(
        to_organisation=to, reason=reason, dues_year=day.year, dues_month=day.month,
        issue_date=day, contact="王管理",
    )


def _pages(path: Path) -> list[str]:
    """Each page's text in drawing order (a wrapped cell's lines together), no white space."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", "", page) for page in raw.split("\f") if page.strip()]


def _text(path: Path) -> str:
    return "".join(_pages(path))


@pytest.fixture
def year_of_transfers(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> Services:
    """Transfers of 2026 in every state, and one letter of 2025 that is not in the register."""
    closed = add_member("田凯", 13)
    overdue = add_member("吕平", 15)
    voided = add_member("范强", 17)
    waiting = add_member("张喆", 19, stage=Stage.PROBATIONARY, full_member_date=None,
                         join_date=D(2026, 3, 1))
    last_year = add_member("王堃", 21)
    old = services.transfers.issue(clerk, last_year, _letter(D(2025, 12, 20)))
    services.transfers.record_receipt(clerk, old, D(2026, 1, 6), "中共某委员会", "周海燕")
    tid = services.transfers.issue(clerk, closed, _letter(D(2026, 3, 2)))
    services.transfers.record_receipt(clerk, tid, D(2026, 3, 12), "中共示例市公安局机关委员会",
                                      "徐晓东")
    services.transfers.issue(clerk, overdue, _letter(D(2026, 9, 30), LONG_ORGANISATION))
    tid = services.transfers.issue(clerk, voided, _letter(D(2026, 11, 20), "中共错写党支部"))
    services.transfers.void(clerk, tid, "接收党组织名称填写有误")
    services.transfers.issue(clerk, voided, _letter(D(2026, 11, 20), NEIGHBOUR, "交流任职"))
    services.transfers.issue(clerk, waiting, _letter(D(2026, 11, 24)))
    candidate = add_member("刘昇", 23, stage=Stage.CANDIDATE, join_date=None,
                           full_member_date=None)
    services.transfers.hand_over(clerk, candidate, HandoverInput(CITY, "工作调动", D(2026, 11, 25)))
    branch = services.organisations.find_by_name("第二党支部")
    assert branch is not None
    placed = services.incoming.receive(clerk, IncomingInput(
        NEIGHBOUR, "（2026）邻公组字第 043 号", D(2026, 6, 8), "欧阳玥",
        make_id_number("330127", D(1990, 3, 4), 21), Stage.FULL, 2026, 5,
    ))
    services.incoming.place(clerk, placed, branch.id, join_date=D(2012, 7, 1),
                            full_member_date=D(2013, 7, 1))
    services.incoming.receipt_sent(clerk, placed, D(2026, 6, 10))
    services.incoming.receive(clerk, IncomingInput(
        CITY, "（2026）组字第 046 号", D(2026, 11, 23), "唐林浩",
        make_id_number("330127", D(1995, 8, 9), 33), Stage.PROBATIONARY, 2026, 11,
    ))
    return services


def test_the_years_transfers_in_date_order(year_of_transfers: Services) -> None:
    register = transfer_register(year_of_transfers, 2026)
    assert (register.committee, register.year, register.printed_on) == (
        "中共测试委员会", 2026, "2026年11月26日"
    )
    rows = register.rows
    assert [(r.date, r.name, r.direction, r.status) for r in rows] == [
        ("2026年3月2日", "田凯", OUTGOING, "已转出"),
        ("2026年6月8日", "欧阳玥", INCOMING, "已转入"),
        ("2026年9月30日", "吕平", OUTGOING, "转出中"),
        ("2026年11月20日", "范强", OUTGOING, "作废"),
        ("2026年11月20日", "范强", OUTGOING, "转出中"),
        ("2026年11月23日", "唐林浩", INCOMING, "待编入"),
        ("2026年11月24日", "张喆", OUTGOING, "转出中"),
        ("2026年11月25日", "刘昇", OUTGOING, "转出中"),
    ]
    closed, placed, late, voided, again, unplaced, waiting, materials = rows
    assert closed.letter_number == "（2026）组字第 001 号"
    assert closed.receipt == "2026年3月12日\n经办人 徐晓东"
    assert (closed.standing, closed.dues, closed.validity, closed.remark) == (
        "正式", "2026年3月", "30", "工作调动"
    )
    assert (placed.from_organisation, placed.to_organisation, placed.receipt) == (
        NEIGHBOUR, "第二党支部", "2026年6月10日\n已寄回"
    )
    assert (placed.dues, placed.validity) == ("2026年5月", "")
    assert late.overdue and late.overdue_days == 27 and late.status_note == "逾期 27 天"
    assert late.to_organisation == LONG_ORGANISATION and late.receipt == "未收到"
    assert voided.void_reason == "接收党组织名称填写有误" and not voided.overdue
    assert voided.status_note == "作废原因：接收党组织名称填写有误"
    assert voided.letter_number == "（2026）组字第 003 号"
    assert again.letter_number == "（2026）组字第 004 号" and again.void_reason == ""
    assert (unplaced.standing, unplaced.receipt) == ("预备", "未寄回")
    assert unplaced.to_organisation == "（尚未编入党支部）"
    assert waiting.standing == "预备" and not waiting.overdue
    assert materials.materials and materials.number_text == "发展材料转递"
    assert (materials.standing, materials.letter_number, materials.dues) == ("发展对象", "", "")
    assert (materials.validity, materials.receipt) == ("", "未确认接收")
    summary = register.summary
    assert summary.text() == (
        "本年度转出 6 人次，其中已收回执 1，转出中 4（其中逾期 1），作废 1；"
        "转入 2 人次，其中已编入 1，待编入 1。"
    )
    # overdue as of the day printed: before the validity passed, 吕平's letter was not late
    earlier = transfer_register(year_of_transfers, 2026, today=D(2026, 10, 15))
    assert not any(r.overdue for r in earlier.rows)
    assert [r.name for r in transfer_register(year_of_transfers, 2025).rows] == ["王堃"]


def test_the_register_pdf(year_of_transfers: Services, tmp_path: Path) -> None:
    path = tmp_path / "登记簿.pdf"
    save_transfer_register(year_of_transfers, 2026, path)
    text = _text(path)
    for word in (
        "党员组织关系转接登记簿", "中共测试委员会", "年度：2026年", "介绍信编号", "党费交至",
        "第1页共1页", "打印日期：2026年11月26日", "逾期27天", "作废原因：接收党组织名称填写有误",
        "本年度转出6人次，其中已收回执1，转出中4（其中逾期1），作废1；转入2人次，其中已编入1，待编入1。",
        "发展材料转递", "发展对象", "未确认接收",
    ):
        assert word in text, word
    for row in transfer_register(year_of_transfers, 2026).rows:
        assert row.name in text and "".join(row.letter_number.split()) in text, row
    assert "王堃" not in text  # issued in 2025
    assert LONG_ORGANISATION in text  # wrapped in its cell


def _row(number: int) -> RegisterRow:
    day = D(2026, 1 + number % 12, 1 + number % 28)
    return RegisterRow(
        direction=OUTGOING if number % 3 else INCOMING, state="issued" if number % 3 else "placed",
        date=f"{day.year}年{day.month}月{day.day}日", name=f"测试{number:03d}",
        standing="正式", letter_number=f"（2026）组字第 {number:03d} 号",
        from_organisation="中共示例县公安局机关第一党支部", to_organisation=LONG_ORGANISATION,
        dues="2026年5月", validity="30", receipt="未收到", status="转出中",
        remark="工作调动", overdue_days=3 if number % 7 == 0 else 0,
    )


def test_a_long_register_repeats_the_header_and_numbers_its_pages(tmp_path: Path) -> None:
    rows = tuple(_row(n) for n in range(1, 61))
    path = tmp_path / "long.pdf"
    render_transfer_register(TransferRegister("中共测试委员会", 2026, rows, "2026年11月26日"), path)
    pages = _pages(path)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page
        assert "介绍信编号" in page and "转出单位" in page and "备注" in page  # header row
    assert "党员组织关系转接登记簿（2026年度）" in pages[-1]  # the running header
    text = "".join(pages)
    for row in rows:
        assert row.name in text and "".join(row.letter_number.split()) in text
    assert "本年度转出40人次" in pages[-1]


def test_a_row_taller_than_a_page_is_split_inside(tmp_path: Path) -> None:
    remark = "因工作调动到示例市人力资源和社会保障局工作。" * 120
    rows = (_row(1), replace(_row(2), remark=remark), _row(3))
    path = tmp_path / "tall.pdf"
    render_transfer_register(TransferRegister("中共测试委员会", 2026, rows), path)
    pages = _pages(path)
    assert len(pages) > 2 and "测试002" in pages[0] and "测试003" in "".join(pages)
    # every sentence printed (some are cut by a page end): 120, and 工作调动 of rows 1 and 3
    assert "".join(pages).count("调") == 122


def test_an_empty_year(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    save_transfer_register(services, 2020, path)
    assert transfer_register(services, 2020).rows == ()
    pages = _pages(path)
    assert len(pages) == 1
    assert "党员组织关系转接登记簿" in pages[0] and "年度：2020年" in pages[0]
    assert "序号日期" in pages[0] and "本年度无组织关系转接记录" in pages[0]
    assert "第1页共1页" in pages[0]


def test_fonts_are_embedded(year_of_transfers: Services, tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    save_transfer_register(year_of_transfers, 2026, path)
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "TrueType" in row and " yes yes " in row, row  # embedded, subset


def test_rare_characters_print_or_are_refused(tmp_path: Path) -> None:
    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    rare = replace(_row(1), name="陈燚", from_organisation="中共喆堃玥昇党支部")
    path = tmp_path / "rare.pdf"
    render_transfer_register(
        TransferRegister("中共测试委员会", 2026, (rare,)), path, fonts=only_shipped
    )
    text = _text(path)
    assert "陈燚" in text and "中共喆堃玥昇党支部" in text
    odd = replace(rare, name="王𠇔")
    with pytest.raises(MissingGlyphsError, match="第 1 行"):
        render_transfer_register(
            TransferRegister("中共测试委员会", 2026, (odd,)), tmp_path / "odd.pdf",
            fonts=only_shipped,
        )
    assert not (tmp_path / "odd.pdf").exists()


def test_development_materials_are_marked(tmp_path: Path) -> None:
    materials = replace(_row(1), standing="发展对象", materials=True, letter_number="")
    assert materials.direction_label == "转出"
    path = tmp_path / "materials.pdf"
    render_transfer_register(TransferRegister("中共测试委员会", 2026, (materials,)), path)
    text = _text(path)
    assert "测试001发展对象发展材料转递" in text  # name, stage, what went instead of a letter

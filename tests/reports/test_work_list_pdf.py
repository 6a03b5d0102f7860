"""The monthly work list (每月党建工作提示单): database to A4 portrait PDF."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.reports.fonts import FontSet, MissingGlyphsError, shipped_font
from branchdesk.reports.work_list import render_work_list
from branchdesk.reports.work_list_data import (
    PrintableWorkList,
    PrintGroup,
    PrintRow,
    PrintSection,
    citation,
)
from branchdesk.reports.work_list_service import save_work_list, work_list_data, work_list_pdf

D = dt.date


def _list(*sections: PrintSection) -> PrintableWorkList:
    day = "2026年11月26日"
    return PrintableWorkList("中共测试委员会", "2026年11月", day, day, sections)


def _pages(path: Path) -> list[str]:
    """Each page's text in drawing order, no white space."""
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"\s+", "", page) for page in raw.split("\f") if page.strip()]


def _red_pixels(path: Path, tmp_path: Path) -> int:
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("RGB")
    colours: list[tuple[int, tuple[int, int, int]]] = image.getcolors(1 << 24) or []  # type: ignore[assignment]
    return sum(n for n, (r, g, b) in colours if r > 150 and g < 80 and b < 80)


@pytest.fixture
def november(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
             add_member: Callable[..., int]) -> Services:
    """An overdue talk (a rare character in the name), a birthday, a term ending."""
    member = services.members.create(clerk, MemberInput(
        name="刘燚", id_number=make_id_number("110105", D(2000, 3, 1), 21),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    record = services.development.record(clerk, member, StepInput(1, D(2026, 10, 1)))
    services.development.review(reviewer, record, True, "同意")
    add_member("陈玥", sequence=11, join_date=D(2005, 11, 10), full_member_date=D(2006, 11, 10))
    services.organisations.add_term(clerk, branch_id, D(2024, 1, 20), D(2027, 1, 19))
    return services


def test_the_months_list_pdf(november: Services, tmp_path: Path) -> None:
    path = tmp_path / "提示单.pdf"
    save_work_list(november, 2026, 11, path)
    pages = _pages(path)
    text = "".join(pages)
    for word in (
        "每月党建工作提示单", "中共测试委员会", "2026年11月", "打印日期：2026年11月26日",
        "到期日", "事项", "依据", "状态", "第一党支部（", "第二党支部（", "入党谈话（1项）",
        "刘燚：党组织应当在收到入党申请书后一个月内派人同入党申请人谈话", "2026年11月1日",
        "《中国共产党发展党员工作细则》第七条", "逾期", "应开会议", "政治生日（1项）",
        "陈玥政治生日（入党21周年）", "换届提醒", "提前提醒", "2027年1月19日",
        "“逾期”为到期日在2026年11月26日以前而尚未办理的事项",
    ):
        assert word in text, word
    assert f"第1页共{len(pages)}页" in pages[0]
    assert text.index("第一党支部（") < text.index("第二党支部（")
    data = work_list_data(november, 2026, 11)
    assert f"共{data.count}项，其中逾期{data.overdue_count}项" in text
    assert _red_pixels(path, tmp_path) > 20  # 逾期 in red


def test_a_month_with_nothing_due(services: Services, tmp_path: Path) -> None:
    empty = _list()
    path = tmp_path / "empty.pdf"
    render_work_list(empty, path)
    (page,) = _pages(path)
    assert "每月党建工作提示单" in page and "本月无到期事项" in page and "第1页共1页" in page
    assert _red_pixels(path, tmp_path) == 0


def test_a_long_list_repeats_the_header_and_numbers_its_pages(tmp_path: Path) -> None:
    rows = tuple(
        PrintRow(f"2026年11月{1 + n % 28}日", f"测试{n:03d}：党支部每半年对入党积极分子考察",
                 "《中国共产党发展党员工作细则》第十一条", "逾期" if n % 5 == 0 else "")
        for n in range(1, 121)
    )
    sections = tuple(
        PrintSection(f"第{i}党支部", (PrintGroup("积极分子考察", rows[i * 40:(i + 1) * 40]),))
        for i in range(3)
    )
    work = _list(*sections)
    path = tmp_path / "long.pdf"
    render_work_list(work, path)
    pages = _pages(path)
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in page
        assert "到期日事项依据状态" in page  # the header row on every page
        assert re.search(r"第\d党支部（40项，其中逾期8项）", page)  # whose rows these are
        assert "每月党建工作提示单（2026年11月）" in page  # the running header
    text = "".join(pages)
    for each in rows:
        assert each.title.split("：")[0] in text


def test_fonts_are_embedded_and_rare_characters_print_or_are_refused(
    november: Services, tmp_path: Path
) -> None:
    pdf = work_list_pdf(november, 2026, 11)
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        assert "TrueType" in row and " yes yes " in row, row  # embedded, subset

    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    talk = PrintRow("2026年11月1日", "陈燚：谈话", "", "逾期")
    work = _list(PrintSection("中共喆堃玥昇党支部", (PrintGroup("入党谈话", (talk,)),)))
    render_work_list(work, tmp_path / "rare.pdf", fonts=only_shipped)
    assert "陈燚：谈话" in "".join(_pages(tmp_path / "rare.pdf"))
    odd_talk = PrintRow("2026年11月1日", "王𠇔：谈话", "")
    odd = _list(PrintSection("第一党支部", (PrintGroup("入党谈话", (odd_talk,)),)))
    with pytest.raises(MissingGlyphsError, match="第一党支部"):
        render_work_list(odd, tmp_path / "odd.pdf", fonts=only_shipped)
    assert not (tmp_path / "odd.pdf").exists()


def test_the_citation_is_the_article() -> None:
    rule = "《中国共产党支部工作条例（试行）》第十二条：党支部委员会会议一般每月召开1次"
    assert citation(rule) == "《中国共产党支部工作条例（试行）》第十二条"
    assert citation("") == ""


def test_the_scope_is_printed(november: Services, tmp_path: Path) -> None:
    path = tmp_path / "scope.pdf"
    save_work_list(november, 2026, 11, path, names={"第二党支部"}, scope="第二党支部")
    text = "".join(_pages(path))
    assert "中共测试委员会第二党支部2026年11月" in text
    assert "刘燚" not in text and "第二党支部（" in text

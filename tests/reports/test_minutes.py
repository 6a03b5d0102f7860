"""The printed minutes (会议记录) and minutes book: what a clerk and an inspector read."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from minutes_sample import (
    BRANCH,
    COMMITTEE,
    FAILED,
    LECTURE_TOPIC,
    LECTURER,
    PASSED,
    RECORDER,
    SECRETARY,
    committee_meeting,
    corrected,
    general_meeting,
    lecture,
    sample_book,
)

from branchdesk.reports.fonts import FontSet, MissingGlyphsError, shipped_font
from branchdesk.reports.minutes import render_minutes, render_minutes_book
from branchdesk.reports.minutes_data import MinutesBook


def _pages(path: Path, layout: bool = False) -> list[str]:
    """Each page's text as pdftotext reads it; without layout, white space removed."""
    options = ["-layout"] if layout else ["-raw"]  # -raw: as drawn, cell by cell
    text = subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]  # every page ends in a form feed
    return pages if layout else [re.sub(r"\s+", "", page) for page in pages]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MinutesBook]:
    """The sample year, its general meeting long enough to run over two pages."""
    data = sample_book(general_repeats=8)
    path = tmp_path_factory.mktemp("minutes") / "会议记录本.pdf"
    render_minutes_book(data, path)
    return path, data


def test_the_cover_names_the_branch_the_year_and_the_committee(
    book: tuple[Path, MinutesBook],
) -> None:
    cover, *body = _pages(book[0])
    assert BRANCH in cover and COMMITTEE in cover
    assert "2026年度会议记录" in cover
    assert "会议次数：4次" in cover
    assert "起止日期：2026年3月12日至2026年6月3日" in cover
    assert "打印日期：2026年11月26日" in cover
    assert f"本册正文共{len(body)}页（不含封面）" in cover
    assert "第1页" not in cover


def test_pages_after_the_cover_are_numbered_with_a_running_header(
    book: tuple[Path, MinutesBook],
) -> None:
    _cover, *body = _pages(book[0])
    assert len(body) == 6  # contents, two pages of the general meeting, three more
    for number, page in enumerate(body, start=1):
        assert f"第{number}页共{len(body)}页" in page
        head = page[: len(f"{BRANCH}2026年度会议记录")]
        assert BRANCH in head and "2026年度会议记录" in head


def _contents_pages(path: Path, book: MinutesBook) -> dict[str, int]:
    """The page the contents give for each meeting, by the meeting's number."""
    contents = _pages(path, layout=True)[1]
    found = {}
    for meeting in book.meetings:
        line = next(line for line in contents.splitlines() if meeting.number in line)
        assert meeting.date in line and meeting.kind in line
        found[meeting.number] = int(line.split()[-1])
    return found


def test_the_contents_give_the_page_each_meeting_starts_on(
    book: tuple[Path, MinutesBook],
) -> None:
    path, data = book
    pages = _pages(path)
    assert "目录" in pages[1]
    starts = _contents_pages(path, data)
    # the general meeting runs over two pages, so the lecture starts on page 4
    assert starts == {"2026-03": 2, "2026-05": 4, "2026-06": 5, "2026-08": 6}
    for meeting in data.meetings:
        number = starts[meeting.number]
        page = pages[number]  # the cover is pages[0], so page N is pages[N]
        assert f"{meeting.kind}记录党组织：{BRANCH}编号：{meeting.number}" in page
        assert f"第{number}页" in page
        # each meeting starts on a new page
        assert f"编号：{meeting.number}" not in pages[number - 1]
    for meeting in data.meetings:  # (a long title wraps in its cell)
        assert meeting.title[:16] in pages[1]


def test_the_general_meeting_shows_attendance_and_both_admission_votes(
    book: tuple[Path, MinutesBook],
) -> None:
    text = "".join(_pages(book[0])[2:4])
    assert "支部党员大会记录" in text
    assert f"主持人{SECRETARY}记录人{RECORDER}" in text
    assert "应到12人（其中有表决权的正式党员10人）" in text
    assert "缺席人员及原因蒋平（病假）、沈涛（外出培训）" in text
    assert f"列席人员{PASSED}、{FAILED}（发展对象）" in text
    assert "表决事项表决方式应到有表决权实到会前书面意见赞成反对弃权结果" in text
    assert f"接收{PASSED}为预备党员无记名投票10人8人1份7票1票0票通过" in text
    assert f"接收{FAILED}为预备党员无记名投票10人8人1份4票3票1票未通过" in text
    assert (
        f"接收{PASSED}为预备党员：应到会有表决权的正式党员10人，实到8人，超过半数，符合规定；"
        "赞成7票，超过应到会有表决权的正式党员半数，通过。"
    ) in text
    assert "赞成4票，未超过应到会有表决权的正式党员半数，未通过。" in text
    assert f"决议同意接收{PASSED}为预备党员" in text
    assert "1．签到表（扫描件，SHA-2561a2b3c4d）2．表决票统计表（扫描件）" in text
    assert "主持人签字：" in text and "记录人签字：" in text


def test_a_lecture_names_its_lecturer_and_topic(book: tuple[Path, MinutesBook]) -> None:
    page = _pages(book[0])[4]
    assert "党课记录" in page
    assert f"授课人{LECTURER}（党支部书记）主题{LECTURE_TOPIC}" in page
    # other meetings have no lecturer line
    assert "授课人" not in "".join(_pages(book[0])[2:4] + _pages(book[0])[5:])


def test_a_corrected_version_says_so_and_empty_values_read_wu(
    book: tuple[Path, MinutesBook],
) -> None:
    corrected_page, plain_page = _pages(book[0])[5:7]
    assert "支部委员会会议记录" in corrected_page
    assert "版本说明第2版（更正）：更正了实到人员名单；原记录第1版保留" in corrected_page
    assert "版本说明" not in plain_page
    for page in (corrected_page, plain_page):
        assert "缺席人员及原因无列席人员无" in page
        assert "讨论情况无决议无附件无" in page
        assert "议题一研究五月份主题党日活动安排" in page and "议题二研究党费收缴情况" in page


def test_fonts_are_embedded(book: tuple[Path, MinutesBook]) -> None:
    listing = subprocess.run(
        ["pdffonts", str(book[0])], capture_output=True, text=True, check=True
    ).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        assert "TrueType" in row and " yes yes " in row, row  # embedded, subset


def test_one_meeting_on_its_own_is_numbered_from_page_one(tmp_path: Path) -> None:
    path = tmp_path / "会议记录.pdf"
    render_minutes(corrected(committee_meeting()), path)
    pages = _pages(path)
    assert len(pages) == 1
    page = pages[0]
    head = page[: len(f"{BRANCH}支部委员会会议记录2026年5月6日")]
    assert BRANCH in head and "支部委员会会议记录2026年5月6日" in head
    assert "第1页共1页" in page
    assert "版本说明第2版（更正）" in page
    assert "实到5人：王堃、刘玥、张伟、孙丽、周强" in page


def test_a_quorum_note_is_printed_with_the_attendance(tmp_path: Path) -> None:
    note = "实到 4 人，未超过应到会党员的半数，会议不能作出决定"
    path = tmp_path / "会议记录.pdf"
    render_minutes(replace(general_meeting(), quorum_note=note), path)
    assert "到会情况说明实到4人，未超过应到会党员的半数，会议不能作出决定" in "".join(_pages(path))


def test_a_stream_target_gets_the_pdf() -> None:
    out = io.BytesIO()
    render_minutes(lecture(), out)
    assert out.getvalue().startswith(b"%PDF")


def test_a_year_without_meetings_prints_wu_in_the_contents(tmp_path: Path) -> None:
    path = tmp_path / "空.pdf"
    render_minutes_book(MinutesBook(BRANCH, COMMITTEE, 2027, ()), path)
    cover, contents = _pages(path)
    assert "2027年度会议记录" in cover and "会议次数：0次" in cover
    assert "编号日期会议类型议题页码无" in contents and "第1页共1页" in contents


def test_an_unprintable_character_is_refused_and_nothing_written(tmp_path: Path) -> None:
    only_shipped = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    book = sample_book()
    odd = replace(book.meetings[1], speaker="王𠇔")
    path = tmp_path / "out.pdf"
    with pytest.raises(MissingGlyphsError) as raised:
        render_minutes_book(
            replace(book, meetings=(book.meetings[0], odd, *book.meetings[2:])), path,
            fonts=only_shipped,
        )
    assert raised.value.characters == {"𠇔"}
    assert "2026年4月25日党课：授课人" in str(raised.value)
    with pytest.raises(MissingGlyphsError):
        render_minutes(odd, path, fonts=only_shipped)
    assert list(tmp_path.iterdir()) == []

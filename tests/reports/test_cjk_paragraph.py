"""Chinese line breaking: no punctuation at a line's start, nothing past the right edge."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from branchdesk.reports.cjk_paragraph import CANNOT_START, ChineseParagraph
from branchdesk.reports.fonts import FontSet, shipped_font


@pytest.fixture(scope="module")
def style() -> ParagraphStyle:
    fonts = FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())
    return ParagraphStyle("t", fontName=fonts.body.name, fontSize=10, leading=14, wordWrap="CJK")


def _lines(text: str, width: float, style: ParagraphStyle) -> list[tuple[float, str]]:
    paragraph = ChineseParagraph(text, style)
    paragraph.wrap(width, 1000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [(extra, "".join(words)) for extra, words in lines]
    return [(line.extraSpace, "".join(w.text for w in line.words)) for line in lines]


@pytest.mark.parametrize("width", [60, 75, 90, 95, 100, 105, 133])
def test_no_line_starts_with_closing_punctuation_or_overflows(
    width: float, style: ParagraphStyle
) -> None:
    text = "材料齐全，程序规范，同意。推荐人数与推荐票统计表不符（请核对），请核对后更正。"
    lines = _lines(text, width, style)
    assert "".join(t for _, t in lines) == text
    for extra, line in lines:
        assert extra >= -1e-6, line
    for _, line in lines[1:]:
        assert line[0] not in CANNOT_START, lines


def test_file_names_and_numbers_stay_whole_where_they_fit(style: ParagraphStyle) -> None:
    lines = _lines("zhuanzheng.pdf（SHA-256 5d2e8c90…）", 180, style)
    assert [t for _, t in lines] == ["zhuanzheng.pdf（SHA-256", "5d2e8c90…）"]
    lines = _lines("身份证号11010519491231002X", 100, style)
    assert lines[-1][1] == "11010519491231002X"


def test_a_word_longer_than_the_line_is_broken(style: ParagraphStyle) -> None:
    lines = _lines("a" * 80, 100, style)
    assert len(lines) > 1 and "".join(t for _, t in lines) == "a" * 80
    assert all(extra >= -1e-6 for extra, _ in lines)


def test_line_breaks_and_fonts_in_one_paragraph(style: ParagraphStyle) -> None:
    lines = _lines("第一行<br/>第二行，很长很长很长很长很长很长", 80, style)
    assert lines[0][1] == "第一行"
    assert lines[1][1].startswith("第二行")
    assert all(not t or t[0] not in CANNOT_START for _, t in lines[1:])

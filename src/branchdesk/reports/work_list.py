"""The monthly work list (每月党建工作提示单) as an A4 portrait PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Spacer,
    Table,
)

from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    GREY_INK,
    INK,
    LABEL_SHADE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    WIDTH,
    CompactCanvas,
    FormLayout,
    draw_text,
    fit_size,
    write_pdf,
)
from branchdesk.reports.numbered_document import EndOfDocument, NumberedDocument
from branchdesk.reports.work_list_data import AHEAD, PrintableWorkList, PrintRow, PrintSection

TITLE = "每月党建工作提示单"
NOTHING = "本月无到期事项"
OVERDUE_INK = colors.Color(0.75, 0.0, 0.0)
KIND_SHADE = colors.Color(0.97, 0.97, 0.97)
CELL_SIZE = 9
#: the table's columns: heading and width in mm; 事项 takes what is left
COLUMNS: tuple[tuple[str, float], ...] = (("到期日", 27), ("事项", 0), ("依据", 44), ("状态", 15))
KEEP = 45 * mm  # a section starts on a new page when less than this is left


def render_work_list(
    work: PrintableWorkList, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print a month's work list to a PDF file (or an open binary stream).

    The title, committee and month, then a section per organisation with a table whose
    rows are grouped under the kinds' headings; overdue items are marked 逾期 in red.
    Pages are numbered 第 N 页 共 M 页. Raises MissingGlyphsError (nothing is written)
    when a text holds a character that no installed font can print.
    """
    fonts = fonts or default_fonts()
    check_work_list_printable(work, fonts)
    write_pdf(_build(work, fonts), target)


def work_list_bytes(work: PrintableWorkList, *, fonts: FontSet | None = None) -> bytes:
    """The list's PDF in memory (for the preview)."""
    buffer = io.BytesIO()
    render_work_list(work, buffer, fonts=fonts)
    return buffer.getvalue()


def _build(work: PrintableWorkList, fonts: FontSet) -> bytes:
    buffer = io.BytesIO()
    document = NumberedDocument(
        buffer, fonts, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=f"{TITLE}（{work.month}）",
        subject=TITLE, author=work.committee, header_left=f"{TITLE}（{work.month}）",
        header_right=work.committee + (f"　{work.scope}" if work.scope else ""),
        printed_on=work.printed_on,
    )
    layout = _WorkListLayout(fonts)
    story: list[Flowable] = [_Title(work, fonts), layout.p(work.summary, layout.note)]
    if not work.sections:
        story += [Spacer(0, 12 * mm), layout.p(NOTHING, layout.nothing)]
    for section in work.sections:
        story += layout.section_of(section)
    story.append(EndOfDocument())
    document.build(story, canvasmaker=CompactCanvas)
    return buffer.getvalue()


# --- the printable-character check --------------------------------------------------


def work_list_texts(work: PrintableWorkList) -> Iterator[tuple[str, str]]:
    """Every text the list prints, with where it is (for messages about it)."""
    yield "党委", work.committee
    yield "范围", work.scope
    for section in work.sections:
        yield section.name, section.name
        for group in section.groups:
            for row in group.rows:
                yield section.name, row.title
                yield section.name, row.rule


def check_work_list_printable(work: PrintableWorkList, fonts: FontSet) -> None:
    """Raise MissingGlyphsError if a text of the list holds an unprintable character."""
    fonts.require_printable(work_list_texts(work))


# --- the document: portrait pages, running header, page numbers ----------------------


class _Title(Flowable):  # type: ignore[misc]
    """The first page's title, with the committee (and scope) and the month under it."""

    HEIGHT = 24 * mm

    def __init__(self, work: PrintableWorkList, fonts: FontSet) -> None:
        super().__init__()
        self.work, self.fonts = work, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        canvas, fonts, work = self.canv, self.fonts, self.work
        canvas.setFillColor(INK)
        draw_text(
            canvas, fonts, fonts.heading, TITLE, self.width / 2, 15 * mm, 20, "center", bold=True
        )
        who = work.committee or "（未设党委）"
        if work.scope:
            who += f"　{work.scope}"
        line = f"{who}　　{work.month}"
        size = fit_size(fonts, fonts.body, line, 12, self.width)
        draw_text(canvas, fonts, fonts.body, line, self.width / 2, 6 * mm, size, "center")


# --- the content ----------------------------------------------------------------------


class _WorkListLayout(FormLayout):
    """A section per organisation: a heading, then one table with a row per kind heading."""

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        size = CELL_SIZE
        leading = size * 1.4
        self.text = self.make_style("wl_text", fontSize=size, leading=leading)
        self.centred_text = self.make_style(
            "wl_centred", fontSize=size, leading=leading, alignment=TA_CENTER
        )
        self.rule = self.make_style("wl_rule", fontSize=8, leading=8 * 1.35)
        self.overdue = self.make_style(
            "wl_overdue", fontName=fonts.heading.name, fontSize=size, leading=leading,
            textColor=OVERDUE_INK, alignment=TA_CENTER,
        )
        self.ahead = self.make_style(
            "wl_ahead", fontSize=8, leading=8 * 1.35, textColor=GREY_INK, alignment=TA_CENTER
        )
        self.head = self.make_style(
            "wl_head", fontName=fonts.heading.name, fontSize=size, leading=leading,
            alignment=TA_CENTER,
        )
        self.kind = self.make_style(
            "wl_kind", fontName=fonts.heading.name, fontSize=size + 0.5, leading=leading,
        )
        self.branch = self.make_style(
            "wl_branch", fontName=fonts.heading.name, fontSize=13, leading=18,
        )
        self.note = self.make_style(
            "wl_note", fontSize=8.5, leading=12, textColor=GREY_INK, alignment=TA_CENTER,
        )
        self.nothing = self.make_style("wl_nothing", fontSize=14, leading=20, alignment=TA_CENTER)

    @staticmethod
    def widths() -> list[float]:
        """The columns' widths in points; 事项 takes the rest of the page."""
        fixed = sum(width for _name, width in COLUMNS) * mm
        return [width * mm if width else WIDTH - fixed for _name, width in COLUMNS]

    def section_of(self, section: PrintSection) -> list[Flowable]:
        """The organisation's table: its name and the column heads repeated on each page."""
        rows: list[list[Any]] = [
            [self.p(section.heading, self.branch), "", "", ""],
            [self.p(name, self.head) for name, _width in COLUMNS],
        ]
        commands: list[tuple[Any, ...]] = [
            ("SPAN", (0, 0), (-1, 0)),
            ("LINEBELOW", (0, 0), (-1, 0), 1.0, INK),
            ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ("GRID", (0, 1), (-1, -1), RULE, INK),
            ("BACKGROUND", (0, 1), (-1, 1), LABEL_SHADE),
        ]
        for group in section.groups:
            index = len(rows)
            rows.append([self.p(f"{group.label}（{len(group.rows)} 项）", self.kind), "", "", ""])
            commands += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), KIND_SHADE),
            ]
            rows += [self.row(row) for row in group.rows]
        table = Table(
            rows, colWidths=self.widths(), repeatRows=2, hAlign="LEFT",
            spaceBefore=7 * mm,  # dropped at the top of a page
            style=self.style([
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *commands,
            ]),
        )
        table.splitInRow = 0  # rows are short: never split one across pages
        return [CondPageBreak(KEEP), table]

    def row(self, row: PrintRow) -> list[Any]:
        """到期日, 事项, 依据, 状态 (逾期 in red, 提前提醒 in grey)."""
        if row.overdue:
            status: Any = self.p(row.status, self.overdue)
        elif row.status == AHEAD:
            status = self.p(row.status, self.ahead)
        else:
            status = ""
        rule = self.p(row.rule, self.rule) if row.rule else ""
        return [self.p(row.due, self.centred_text), self.p(row.title, self.text), rule, status]

"""The year's transfer register (党员组织关系转接登记簿) as an A4 landscape PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus.doctemplate import LayoutError

from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    EMPTY,
    GREY_INK,
    INK,
    LABEL_SHADE,
    SUPERSEDED_SHADE,
    CompactCanvas,
    FormLayout,
    draw_text,
    fit_size,
    today_text,
    write_pdf,
)
from branchdesk.reports.numbered_document import EndOfDocument, NumberedDocument
from branchdesk.reports.transfer_register_data import RegisterRow, TransferRegister

TITLE = "党员组织关系转接登记簿"
NOTHING = "本年度无组织关系转接记录"
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN_LEFT = 20 * mm  # binding edge
MARGIN_RIGHT = 15 * mm
MARGIN_TOP = 20 * mm  # the running header sits inside it
MARGIN_BOTTOM = 17 * mm  # the page number sits inside it
WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
OVERDUE_INK = colors.Color(0.75, 0.0, 0.0)
CELL_SIZE = 8
HEADER_SIZE = 9

#: the table's columns: heading and width in mm; 备注 takes what is left of the width
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 8), ("日期", 24), ("转出/\n转入", 11), ("姓名", 14), ("正式/\n预备", 14),
    ("介绍信编号", 33), ("转出单位", 30), ("转入单位", 30), ("党费交至", 17),
    ("有效期\n（天）", 11), ("回执", 24), ("状态", 16), ("备注", 0),
)


def render_transfer_register(
    register: TransferRegister, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print a year's transfer register to a PDF file (or an open binary stream).

    One row per transfer under a header repeated on every page, then the year's counts;
    pages are numbered 第 N 页 共 M 页. Raises MissingGlyphsError (nothing is written)
    when a text holds a character that no installed font can print.
    """
    fonts = fonts or default_fonts()
    check_register_printable(register, fonts)
    try:
        pdf = _build(register, fonts, split_rows=False)
    except LayoutError:  # a row taller than a page (a very long remark): split inside it
        pdf = _build(register, fonts, split_rows=True)
    write_pdf(pdf, target)


def _build(register: TransferRegister, fonts: FontSet, *, split_rows: bool) -> bytes:
    """The register as PDF bytes; rows are kept whole on a page unless ``split_rows``."""
    buffer = io.BytesIO()
    document = NumberedDocument(
        buffer, fonts, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=f"{register.year}年度{TITLE}",
        subject=TITLE, author=register.committee,
        header_left=f"{TITLE}（{register.year}年度）", header_right=register.committee or EMPTY,
        printed_on=register.printed_on or today_text(),
    )
    layout = _RegisterLayout(fonts)
    story: list[Flowable] = [_Title(register, fonts), layout.rows_table(register, split_rows)]
    if register.rows:
        story += [Spacer(0, 4 * mm), layout.p(register.summary.text(), layout.summary)]
    story.append(EndOfDocument())
    document.build(story, canvasmaker=CompactCanvas)
    return buffer.getvalue()


# --- the printable-character check --------------------------------------------------


def register_texts(register: TransferRegister) -> Iterator[tuple[str, str]]:
    """Every text the register prints, with where it is (for messages about it)."""
    yield "党委", register.committee
    yield "打印日期", register.printed_on
    for number, row in enumerate(register.rows, start=1):
        place = f"第 {number} 行"
        for text in (
            row.date, row.name, row.standing, row.number_text, row.from_organisation,
            row.to_organisation, row.dues, row.validity, row.receipt, row.status,
            row.remark, row.void_reason,
        ):
            yield place, text


def check_register_printable(register: TransferRegister, fonts: FontSet) -> None:
    """Raise MissingGlyphsError if a text of the register holds an unprintable character."""
    fonts.require_printable(register_texts(register))


# --- the document: landscape pages, running header, page numbers ---------------------


class _Title(Flowable):  # type: ignore[misc]
    """The first page's title, and the committee and year under it."""

    HEIGHT = 20 * mm

    def __init__(self, register: TransferRegister, fonts: FontSet) -> None:
        super().__init__()
        self.register, self.fonts = register, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        canvas, fonts = self.canv, self.fonts
        canvas.setFillColor(INK)
        draw_text(
            canvas, fonts, fonts.heading, TITLE, self.width / 2, 12 * mm, 20, "center",
            bold=True,
        )
        line = f"党委：{self.register.committee or EMPTY}　　　　年度：{self.register.year}年"
        size = fit_size(fonts, fonts.body, line, 11, self.width)
        draw_text(canvas, fonts, fonts.body, line, self.width / 2, 4 * mm, size, "center")


# --- the content ----------------------------------------------------------------------


class _RegisterLayout(FormLayout):
    """Turns the register's rows into a bordered table whose header repeats on each page."""

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        size = CELL_SIZE
        self.small = self.make_style("reg_cell", fontSize=size, leading=size * 1.35)
        self.small_centred = self.make_style(
            "reg_centred", fontSize=size, leading=size * 1.35, alignment=TA_CENTER
        )
        self.small_right = self.make_style(
            "reg_right", fontSize=size, leading=size * 1.35, alignment=TA_RIGHT
        )
        self.grey = self.make_style(
            "reg_grey", fontSize=size, leading=size * 1.35, textColor=GREY_INK
        )
        self.grey_centred = self.make_style(
            "reg_grey_centred", fontSize=size, leading=size * 1.35, alignment=TA_CENTER,
            textColor=GREY_INK,
        )
        self.overdue = self.make_style(
            "reg_overdue", fontSize=size, leading=size * 1.35, textColor=OVERDUE_INK,
            alignment=TA_CENTER,
        )
        self.head = self.make_style(
            "reg_head", fontName=fonts.heading.name, fontSize=size, leading=size * 1.35,
            alignment=TA_CENTER,
        )
        self.summary = self.make_style("reg_summary", fontSize=10.5, leading=15)
        self.nothing = self.make_style("reg_nothing", fontSize=10.5, alignment=TA_CENTER)

    def widths(self) -> list[float]:
        """The columns' widths in points; the last column takes the rest of the page."""
        fixed = [width * mm for _name, width in COLUMNS[:-1]]
        return [*fixed, WIDTH - sum(fixed)]

    def rows_table(self, register: TransferRegister, split_rows: bool = False) -> Table:
        """The header row and a row per transfer (or a line saying there were none).

        A row stays whole on its page unless ``split_rows``.
        """
        header = [self.p(name, self.head) for name, _width in COLUMNS]
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        body: list[list[Any]] = []
        for number, row in enumerate(register.rows, start=1):
            if row.state == "voided":
                commands.append(("BACKGROUND", (0, number), (-1, number), SUPERSEDED_SHADE))
            body.append(self.row(number, row))
        if split_rows:  # a row's short cells start on the page its long cell starts on
            commands.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
        if not body:
            body = [[self.p(NOTHING, self.nothing)] + [""] * (len(COLUMNS) - 1)]
            commands.append(("SPAN", (0, 1), (-1, 1)))
        table = self.table([header, *body], self.widths(), commands, repeat=1)
        table.splitInRow = 1 if split_rows else 0
        return table

    def row(self, number: int, row: RegisterRow) -> list[Any]:
        """One transfer's cells; a voided letter's in grey."""
        voided = row.state == "voided"
        text = self.grey if voided else self.small
        centred = self.grey_centred if voided else self.small_centred
        status: list[Any] = [self.p(row.status, centred)]
        if row.overdue:
            status.append(self.p(row.status_note, self.overdue))
        remark = "\n".join(
            part for part in (row.remark, row.status_note if voided else "") if part
        )
        return [
            self.p(str(number), centred),
            self.p(row.date, centred),
            self.p(row.direction_label, centred),
            self.p(row.name, centred),
            self.p(row.standing, centred),
            self.p(row.number_text, text),
            self.p(row.from_organisation, text),
            self.p(row.to_organisation, text),
            self.p(row.dues, centred),
            self.p(row.validity, centred),
            self.p(row.receipt, text),
            status,
            self.p(remark, text),
        ]

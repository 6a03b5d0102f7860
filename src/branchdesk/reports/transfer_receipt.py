"""The receipt (回执) for a received transfer letter, printed by the receiving committee.

The receipt normally travels as the third part of the sending organisation's letter;
when that part is missing or spoilt (or the letter came without one), the receiving
committee prints this one, seals it and sends it back within a month.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branchdesk.reports.cjk_paragraph import ChineseParagraph
from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    GREY_INK,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_WIDTH,
    FormLayout,
    draw_check_code,
    draw_text,
    fit_size,
    today_text,
    write_pdf,
)
from branchdesk.reports.transfer_letter import BLANK, CUT_LINE, RECEIPT_SENTENCE, TITLE

_LEFT = MARGIN_LEFT
_RIGHT = PAGE_WIDTH - MARGIN_RIGHT
_TOP = 283 * mm
MATERIALS_SENTENCE = "{name} 同志的入党培养教育考察材料已转达我处，特此回复。"


@dataclass(frozen=True)
class IncomingReceipt:
    """What our receipt for a received letter says (domain.md §3)."""

    letter_number: str  # the sending organisation's number, as on its letter
    name: str
    sending_organisation: str  # the receipt goes back to it
    receiving_committee: str  # ours: it seals the receipt
    receiving_branch: str = ""
    handler: str = ""
    phone: str = ""
    date: dt.date | None = None  # blank to fill in by hand when None
    #: a handed-over development file (发展材料转递) rather than a membership
    materials: bool = False

    @property
    def title(self) -> str:
        return "发展党员材料转递（回执）" if self.materials else f"{TITLE}（回执）"

    @property
    def sentence(self) -> str:
        return MATERIALS_SENTENCE if self.materials else RECEIPT_SENTENCE


def receipt_texts(receipt: IncomingReceipt) -> list[tuple[str, str]]:
    """Every text the receipt prints, with its field (for the glyph check)."""
    return [
        ("介绍信编号", receipt.letter_number), ("姓名", receipt.name),
        ("转出党组织", receipt.sending_organisation),
        ("接收党组织", receipt.receiving_committee), ("编入党支部", receipt.receiving_branch),
        ("经办人", receipt.handler), ("联系电话", receipt.phone),
    ]


def render_incoming_receipt(
    receipt: IncomingReceipt, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print the receipt in the top half of an A4 page, with a cut line under it.

    Raises MissingGlyphsError (nothing written) for a character no font can print.
    """
    fonts = fonts or default_fonts()
    fonts.require_printable(receipt_texts(receipt))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.body.name)
    canvas.setTitle(f"{receipt.title}　{receipt.letter_number}")
    canvas.setAuthor(receipt.receiving_committee)
    canvas.setSubject(f"{receipt.name}　{receipt.sending_organisation}")
    _draw(canvas, fonts, receipt)
    draw_check_code(canvas)
    canvas.showPage()
    canvas.save()
    write_pdf(buffer.getvalue(), target)


def _draw(canvas: Canvas, fonts: FontSet, receipt: IncomingReceipt) -> None:
    layout = FormLayout(fonts)
    body = layout.make_style("receipt_body", fontSize=13, leading=24, alignment=TA_JUSTIFY,
                             firstLineIndent=26)
    plain = layout.make_style("receipt_plain", fontSize=12, leading=20)
    small = layout.make_style("receipt_small", fontSize=9, leading=13, textColor=GREY_INK)

    def text(value: str, x: float, y: float, size: float, align: str = "left",
             bold: bool = False, grey: bool = False) -> float:
        canvas.saveState()
        if grey:
            canvas.setFillColor(GREY_INK)
        face = fonts.heading if bold else fonts.body
        width = draw_text(canvas, fonts, face, value, x, y, size, align, bold)
        canvas.restoreState()
        return width

    def paragraph(markup: str, style: object, top: float) -> float:
        para = ChineseParagraph(markup, style)
        _, height = para.wrapOn(canvas, _RIGHT - _LEFT, top)
        para.drawOn(canvas, _LEFT, top - height)
        return float(top - height)

    def value(raw: str) -> str:
        return f"<u>{fonts.markup(raw.strip())}</u>" if raw.strip() else BLANK

    text("回执　由接收党组织填写盖章后寄回转出党组织", _LEFT, _TOP - 1 * mm, 9, grey=True)
    y = _TOP - 9 * mm
    text(receipt.title, PAGE_WIDTH / 2, y, 17, "center", bold=True)
    number = receipt.letter_number.strip() or ("" if receipt.materials else "（　　）组字第　　号")
    text(number, _RIGHT, y - 10 * mm, fit_size(fonts, fonts.body, number, 11, 70 * mm), "right")
    y = paragraph(value(receipt.sending_organisation) + fonts.markup("："), plain, y - 16 * mm)
    before, after = receipt.sentence.format(name="\x00").split("\x00")
    y = paragraph(fonts.markup(before) + value(receipt.name) + fonts.markup(after), body,
                  y - 2 * mm)
    if receipt.receiving_branch.strip():
        y = paragraph(fonts.markup("（已编入") + value(receipt.receiving_branch)
                      + fonts.markup("。）"), plain, y - 1 * mm)
    # the seal box on the right, the handler on the left
    box_top, width, height = y - 8 * mm, 78 * mm, 34 * mm
    left, centre = _RIGHT - width, _RIGHT - width / 2
    canvas.saveState()
    canvas.setStrokeColor(GREY_INK)
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)
    canvas.rect(left, box_top - height, width, height, stroke=1, fill=0)
    canvas.restoreState()
    committee = receipt.receiving_committee.strip() or BLANK
    text(committee, centre, box_top - 9 * mm,
         fit_size(fonts, fonts.body, committee, 12, width - 6 * mm), "center")
    text("（盖章）", centre, box_top - 18 * mm, 11, "center", grey=True)
    day = today_text(receipt.date) if receipt.date else "______年____月____日"
    text(day, centre, box_top - 28 * mm, 12, "center")
    text(f"经办人：{receipt.handler.strip() or '______________'}", _LEFT, box_top - 9 * mm, 12)
    text(f"联系电话：{receipt.phone.strip() or '____________'}", _LEFT, box_top - 18 * mm, 12)
    note = (
        "注：回执由接收材料的党组织在收到后一个月内寄回原党组织，培养教育时间连续计算。"
        if receipt.materials else
        "注：回执由接收党员组织关系的基层党委在接收党员后一个月内寄回或传真至党员原所在"
        "基层党委；党员被接收前，仍由原所在党组织负责管理。"
    )
    y = paragraph(fonts.markup(note), small, box_top - height - 5 * mm)
    # a cut line under the receipt: half a sheet is enough to post
    cut = y - 8 * mm
    gap = text(CUT_LINE, PAGE_WIDTH / 2, cut - 1.2 * mm, 9, "center", grey=True)
    canvas.saveState()
    canvas.setStrokeColor(GREY_INK)
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    canvas.line(10 * mm, cut, PAGE_WIDTH / 2 - gap / 2 - 3 * mm, cut)
    canvas.line(PAGE_WIDTH / 2 + gap / 2 + 3 * mm, cut, PAGE_WIDTH - 10 * mm, cut)
    canvas.restoreState()

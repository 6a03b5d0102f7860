"""The organisation transfer letter (党员组织关系介绍信): stub, letter and receipt on one A4 sheet.

The paper form has three parts cut apart along dashed lines: 存根 (kept by the
issuing committee), 介绍信 (carried by the member) and 回执 (sent back by the
receiving committee). Each part carries the letter's number; the dues month and the
validity are also written in capital numerals, against tampering.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from branchdesk.core.errors import BranchDeskError
from branchdesk.reports.cjk_paragraph import ChineseParagraph
from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    GREY_INK,
    INK,
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
from branchdesk.reports.transfer_letter_data import TransferLetter

TITLE = "中国共产党党员组织关系介绍信"
CUT_LINE = "- - - 沿此线剪开 - - -"
RECEIPT_SENTENCE = "{name} 同志的党员组织关系已转达我处，特此回复。"
VOID_MARK = "作废"
#: a blank to fill in by hand where the record has no value
BLANK = "_" * 12

_LEFT = MARGIN_LEFT
_RIGHT = PAGE_WIDTH - MARGIN_RIGHT
_WIDTH = _RIGHT - _LEFT
#: the top of the first part and the lowest line the last part may reach
_TOP = 283 * mm
_BOTTOM = 12 * mm
#: the space between a part's last line and a cut line, and from the cut to the next part
_CUT_GAP = 6 * mm
#: the letter's body sizes in points, tried in turn until the three parts fit the page
_BODY_SIZES = (12.0, 11.0, 10.0)
_VOID_INK = colors.Color(0.78, 0.05, 0.05)


class LetterTooLongError(BranchDeskError):
    """The letter's texts are too long for its three parts to fit on one A4 page."""

    def __init__(self) -> None:
        super().__init__(
            "介绍信内容过长，三联在一张A4纸上印不下。"
            "请缩短党组织名称或通讯地址（写全称即可，不必加说明）后再打印。"
        )


def render_transfer_letter(
    letter: TransferLetter, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print a transfer letter's three parts on one A4 page to a PDF file (or binary stream).

    Raises MissingGlyphsError (nothing is written) when a text holds a character
    that no installed font can print — a rare character in a name, say — and
    LetterTooLongError when the texts are too long for one page.
    """
    fonts = fonts or default_fonts()
    fonts.require_printable(letter_texts(letter))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=fonts.body.name)
    canvas.setTitle(f"{TITLE}　{letter.number}")
    canvas.setAuthor(letter.issuing_committee)
    canvas.setSubject(f"{letter.name}　{letter.from_organisation} → {letter.to_organisation}")
    for size in _BODY_SIZES:  # long names: a smaller body size rather than a second page
        sheet = _Sheet(canvas, fonts, letter, size)
        if sheet.spare() >= 0:
            break
    sheet.draw()
    draw_check_code(canvas)
    canvas.showPage()
    canvas.save()
    write_pdf(buffer.getvalue(), target)


def letter_texts(letter: TransferLetter) -> Iterator[tuple[str, str]]:
    """Every text the letter prints, with the field it comes from (for the glyph check)."""
    yield "介绍信编号", letter.number
    yield "姓名", letter.name
    yield "性别", letter.gender
    yield "民族", letter.ethnicity
    yield "身份证号码", letter.id_number
    yield "转出党组织", letter.from_organisation
    yield "转入党组织", letter.to_organisation
    yield "开具介绍信的党委", letter.issuing_committee
    yield "党员联系电话", letter.member_phone
    yield "党委通讯地址", letter.committee_address
    yield "党委联系电话", letter.committee_phone
    yield "传真", letter.committee_fax
    yield "邮编", letter.committee_postcode
    yield "联系人", letter.contact
    yield "作废原因", letter.void_reason


class _Sheet:
    """Draws the three parts of one letter on a canvas."""

    def __init__(
        self, canvas: Canvas, fonts: FontSet, letter: TransferLetter, size: float = 12
    ) -> None:
        self.canvas, self.fonts, self.letter = canvas, fonts, letter
        layout = FormLayout(fonts)
        self.body = layout.make_style(
            "letter_body", fontSize=size, leading=size * 1.8, alignment=TA_JUSTIFY,
            firstLineIndent=2 * size,
        )
        self.plain = layout.make_style("letter_plain", fontSize=size - 1, leading=(size - 1) * 1.7)
        self.small = layout.make_style("letter_small", fontSize=9, leading=13, textColor=GREY_INK)

    # --- building blocks -------------------------------------------------------------

    def value(self, text: str) -> str:
        """A filled-in value, underlined like handwriting on the form's blank."""
        text = text.strip()
        if not text:
            return BLANK
        return f"<u>{self.fonts.markup(text)}</u>"

    def words(self, text: str) -> str:
        """The form's printed words."""
        return self.fonts.markup(text)

    def paragraph(self, markup: str, style: Any, top: float, left: float = _LEFT,
                  width: float = _WIDTH) -> float:
        """Draw a paragraph whose top is at ``top``; return the y below it."""
        paragraph = ChineseParagraph(markup, style)
        _, height = paragraph.wrapOn(self.canvas, width, top)
        paragraph.drawOn(self.canvas, left, top - height)
        return float(top - height)

    def text(self, text: str, x: float, y: float, size: float, align: str = "left",
             bold: bool = False, grey: bool = False) -> float:
        face = self.fonts.heading if bold else self.fonts.body
        self.canvas.saveState()
        if grey:
            self.canvas.setFillColor(GREY_INK)
        width = draw_text(self.canvas, self.fonts, face, text, x, y, size, align, bold)
        self.canvas.restoreState()
        return width

    def heading(self, title: str, part: str, top: float) -> float:
        """A part's title, centred, with the part's name on the left and the number on the right."""
        y = top - 7 * mm
        self.text(part, _LEFT, top - 1 * mm, 9, grey=True)
        self.text(title, PAGE_WIDTH / 2, y, 17, "center", bold=True)
        number = self.letter.number.strip() or "（　　）组字第　　号"
        size = fit_size(self.fonts, self.fonts.body, number, 11, 60 * mm)
        self.text(number, _RIGHT, y - 9 * mm, size, "right")
        return y - 12 * mm

    def seal_block(self, organisation: str, right: float, top: float) -> float:
        """The seal box: organisation, （盖章） and the date, in a dashed frame; return its foot."""
        width, height = 68 * mm, 28 * mm
        left, centre = right - width, right - width / 2
        canvas = self.canvas
        canvas.saveState()
        canvas.setStrokeColor(GREY_INK)
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.rect(left, top - height, width, height, stroke=1, fill=0)
        canvas.restoreState()
        name = organisation.strip() or BLANK
        size = fit_size(self.fonts, self.fonts.body, name, 11, width - 6 * mm)
        self.text(name, centre, top - 8 * mm, size, "center")
        self.text("（盖章）", centre, top - 16 * mm, 11, "center", grey=True)
        self.text(today_text(self.letter.issue_date), centre, top - 25 * mm, 11, "center")
        return top - height

    def date_lines(self, label: str, x: float, y: float) -> None:
        """``label　____年__月__日`` for the receiving side to fill in."""
        self.text(f"{label}　______年____月____日", x, y, 11)

    # --- the three parts -------------------------------------------------------------

    def spare(self) -> float:
        """The height the page has left once the parts and cut lines are in (may be < 0)."""
        parts = (self.draw_stub, self.draw_letter, self.draw_receipt)
        return (_TOP - _BOTTOM) - sum(map(self._measure, parts)) - 2 * (2 * _CUT_GAP)

    def draw(self) -> None:
        """Draw the three parts and the cut lines between them, filling the page.

        The parts are measured first; the height left over is shared out below each
        part (room for the seal and the handwriting), so longer names never push a
        part across a cut line.
        """
        parts = (self.draw_stub, self.draw_letter, self.draw_receipt)
        heights = [self._measure(part) for part in parts]
        spare = (_TOP - _BOTTOM) - sum(heights) - 2 * (2 * _CUT_GAP)
        if spare < 0:
            raise LetterTooLongError()
        top = _TOP
        for index, (part, height) in enumerate(zip(parts, heights, strict=True)):
            part(top)
            bottom = top - height - spare / len(parts)
            self.void_stamp(top, bottom)
            if index < len(parts) - 1:
                self.cut_line(bottom - _CUT_GAP)
                top = bottom - 2 * _CUT_GAP

    def _measure(self, part: Callable[[float], float]) -> float:
        """The height a part takes, drawn on a scratch canvas."""
        real = self.canvas
        self.canvas = Canvas(io.BytesIO(), pagesize=A4, initialFontName=self.fonts.body.name)
        try:
            return _TOP - part(_TOP)
        finally:
            self.canvas = real

    def draw_stub(self, top: float) -> float:
        """存根: kept by the issuing committee (its archive keeps stubs ten years)."""
        letter = self.letter
        y = self.heading(f"{TITLE}（存根）", "第一联　存根　由开具介绍信的党委留存", top)
        words, value = self.words, self.value
        markup = (
            value(letter.name) + words(f" 同志（{letter.gender}），{letter.age}岁，")
            + value(letter.ethnicity_text) + words("，系中共")
            + value(letter.membership) + words("党员，身份证号码 ") + value(letter.id_number)
            + words("，组织关系由 ") + value(letter.from_organisation)
            + words(" 转到 ") + value(letter.to_organisation)
            + words("。党费已交到 ")
            + value(f"{letter.dues_year}年{letter.dues_month}月")
            + words("（大写：") + value(letter.capital_dues) + words("）；有效期 ")
            + value(f"{letter.validity_days}天") + words("（大写：")
            + value(letter.capital_days) + words("）。党员联系电话：")
            + value(letter.member_phone) + words("。")
        )
        y = self.paragraph(markup, self.body, y)
        self.text(f"开具日期：{today_text(letter.issue_date)}", _RIGHT, y - 7 * mm, 11, "right")
        if letter.contact.strip():
            self.text(f"联系人：{letter.contact}", _LEFT, y - 7 * mm, 11)
        return y - 8 * mm

    def draw_letter(self, top: float) -> float:
        """介绍信: carried by the member to the receiving organisation."""
        letter = self.letter
        y = self.heading(TITLE, "第二联　介绍信　由党员本人持往接收党组织", top)
        words, value = self.words, self.value
        y = self.paragraph(value(letter.to_organisation) + words("："), self.plain, y)
        markup = (
            value(letter.name) + words(f" 同志（{letter.gender}），{letter.age}岁，")
            + value(letter.ethnicity_text) + words("，系中共")
            + value(letter.membership) + words("党员，身份证号码 ") + value(letter.id_number)
            + words("，由 ") + value(letter.from_organisation)
            + words(" 去 ") + value(letter.to_organisation)
            + words("，请接转组织关系。该同志党费已交到 ")
            + value(f"{letter.dues_year}年{letter.dues_month}月")
            + words("（大写：") + value(letter.capital_dues) + words("）。")
        )
        y = self.paragraph(markup, self.body, y - 1 * mm)
        validity = (
            words("（有效期 ") + value(f"{letter.validity_days}天") + words("，大写：")
            + value(letter.capital_days) + words("）")
        )
        # the validity on the left, the seal box beside it on the right
        seal_width = 68 * mm
        beside = self.paragraph(validity, self.body, y, width=_WIDTH - seal_width - 4 * mm)
        y = min(beside, self.seal_block(letter.issuing_committee, _RIGHT, y - 1 * mm))
        lines = [
            ("党员联系电话或其他联系方式：", letter.member_phone),
            ("党员原所在基层党委通讯地址：", letter.committee_address),
        ]
        y -= 2 * mm
        for label, text in lines:
            y = self.paragraph(self.words(label) + self.value(text), self.plain, y)
        contact = (
            words("联系电话：") + value(letter.committee_phone)
            + words("　传真：") + value(letter.committee_fax)
            + words("　邮编：") + value(letter.committee_postcode)
            + words("　联系人：") + value(letter.contact)
        )
        return self.paragraph(contact, self.plain, y)

    def draw_receipt(self, top: float) -> float:
        """回执: filled in and sealed by the receiving committee, and sent back."""
        letter = self.letter
        y = self.heading(f"{TITLE}（回执）", "第三联　回执　由接收党组织填写盖章后寄回", top)
        y = self.paragraph(self.value(letter.issuing_committee) + self.words("："), self.plain, y)
        sentence = RECEIPT_SENTENCE.format(name="\x00")
        before, after = sentence.split("\x00")
        markup = self.words(before) + self.value(letter.name) + self.words(after)
        y = self.paragraph(markup, self.body, y - 1 * mm)
        block_top = y - 4 * mm
        left = PAGE_WIDTH / 2 + 10 * mm
        self.text("接收党组织（盖章）", left, block_top - 5 * mm, 11)
        self.date_lines("日期：", left, block_top - 14 * mm)
        self.text("经办人：______________", _LEFT, block_top - 5 * mm, 11)
        self.text("联系电话：____________", _LEFT, block_top - 14 * mm, 11)
        note = (
            "注：回执由接收党员组织关系的基层党委在接收党员后一个月内寄回或传真至党员原所在基层党委"
            "（通讯地址见介绍信）；党员被接收前，仍由原所在党组织负责管理。"
        )
        return self.paragraph(self.words(note), self.small, block_top - 20 * mm)

    # --- cut lines and the void mark -------------------------------------------------

    def cut_line(self, y: float) -> None:
        """A dashed line across the page with 沿此线剪开 in its middle."""
        canvas = self.canvas
        gap = self.text(CUT_LINE, PAGE_WIDTH / 2, y - 1.2 * mm, 9, "center", grey=True)
        canvas.saveState()
        canvas.setStrokeColor(GREY_INK)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        middle = PAGE_WIDTH / 2
        canvas.line(10 * mm, y, middle - gap / 2 - 3 * mm, y)
        canvas.line(middle + gap / 2 + 3 * mm, y, PAGE_WIDTH - 10 * mm, y)
        canvas.restoreState()

    def void_stamp(self, top: float, bottom: float) -> None:
        """Overprint 作废 and the reason across a part of a voided letter."""
        if not self.letter.voided:
            return
        canvas = self.canvas
        centre_x, centre_y = PAGE_WIDTH / 2, (top + bottom) / 2
        canvas.saveState()
        canvas.translate(centre_x, centre_y)
        canvas.rotate(12)
        canvas.setFillColor(_VOID_INK)
        canvas.setStrokeColor(_VOID_INK)
        canvas.setFillAlpha(0.75)
        canvas.setStrokeAlpha(0.75)
        canvas.setLineWidth(2.5)
        canvas.roundRect(-44 * mm, -15 * mm, 88 * mm, 32 * mm, 3 * mm, stroke=1, fill=0)
        draw_text(canvas, self.fonts, self.fonts.heading, VOID_MARK, 0, -2 * mm, 48,
                  "center", bold=True)
        reason = f"作废原因：{self.letter.void_reason.strip()}"
        size = fit_size(self.fonts, self.fonts.body, reason, 10, 80 * mm)
        draw_text(canvas, self.fonts, self.fonts.body, reason, 0, -10 * mm, size, "center")
        canvas.restoreState()
        canvas.setFillColor(INK)

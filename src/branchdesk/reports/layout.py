"""What every printed form shares: A4 geometry, canvas text, page numbers, bordered tables."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Frame, Table, TableStyle

from branchdesk.core.file_modes import give_default_mode
from branchdesk.reports.check_code import footer_text
from branchdesk.reports.cjk_paragraph import ChineseParagraph
from branchdesk.reports.fonts import FontFace, FontSet

EMPTY = "无"  # the record sheets' printing rule: an empty field reads 无

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm  # binding edge
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 22 * mm  # the running header sits inside it
MARGIN_BOTTOM = 20 * mm  # the page number sits inside it
WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

LABEL_WIDTH = 30 * mm
INK = colors.black
GREY_INK = colors.Color(0.45, 0.45, 0.45)
LABEL_SHADE = colors.Color(0.93, 0.93, 0.93)
TITLE_SHADE = colors.Color(0.85, 0.85, 0.85)
SUPERSEDED_SHADE = colors.Color(0.96, 0.96, 0.96)
RULE = 0.5

HEADER_SIZE = 9
PAGE_NUMBER_SIZE = 9


def write_pdf(pdf: bytes, target: Path | BinaryIO) -> None:
    """Write a finished PDF; a file on disk is replaced only once it is complete."""
    if not isinstance(target, Path):
        target.write(pdf)
        return
    handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
        give_default_mode(temporary)  # mkstemp's 0600 would hide it from the office
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def today_text(day: dt.date | None = None) -> str:
    """A date as the record sheets write it: 2026年11月26日."""
    day = day or dt.date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def body_frame() -> Frame:
    """The text area of an A4 page inside the margins."""
    return Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )


# --- drawing text on the canvas (covers, headers, footers) ----------------------------


def draw_text(
    canvas: Any,
    fonts: FontSet,
    face: FontFace,
    text: str,
    x: float,
    y: float,
    size: float,
    align: str = "left",
    bold: bool = False,
) -> float:
    """Draw ``text`` with fallback fonts for characters ``face`` lacks; return its width."""
    runs = list(fonts.runs(text, face))
    width = sum(stringWidth(piece, name, size) for name, piece in runs)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.saveState()
    if bold:  # the CJK fonts have no bold face: fill and stroke the outlines
        canvas.setLineWidth(size / 30)
    for name, piece in runs:
        text_object = canvas.beginText(x, y)
        text_object.setFont(name, size)
        if bold:
            text_object.setTextRenderMode(2)
        text_object.textOut(piece)
        canvas.drawText(text_object)
        x += stringWidth(piece, name, size)
    canvas.restoreState()
    return width


def fit_size(fonts: FontSet, face: FontFace, text: str, size: float, width: float) -> float:
    """The font size (at most ``size``) at which ``text`` fits in ``width``."""
    natural = sum(stringWidth(piece, name, size) for name, piece in fonts.runs(text, face))
    return size if natural <= width else max(8.0, size * width / natural)


def draw_cover_lines(
    canvas: Any,
    fonts: FontSet,
    lines: Sequence[tuple[str, str]],
    centre: float,
    y: float,
    size: float = 15,
    step: float = 14 * mm,
) -> float:
    """A cover's ``label：value`` lines, values centred on a rule; return the y below them."""
    body = fonts.body
    label_right = centre - 38 * mm
    value_left, value_width = label_right + 4 * mm, 100 * mm
    canvas.setLineWidth(0.6)
    for label, value in lines:
        draw_text(canvas, fonts, body, f"{label}：", label_right, y, size, "right")
        text = value or EMPTY
        fitted = fit_size(fonts, body, text, size, value_width - 4 * mm)
        draw_text(canvas, fonts, body, text, value_left + value_width / 2, y, fitted, "center")
        canvas.line(value_left, y - 5, value_left + value_width, y - 5)
        y -= step
    return y


def draw_running_header(canvas: Any, fonts: FontSet, left: str, right: str) -> None:
    """The grey line at the top of a page: ``left`` and ``right`` above a thin rule."""
    body = fonts.body
    y = PAGE_HEIGHT - 14 * mm
    canvas.saveState()
    canvas.setFillColor(GREY_INK)
    width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    right_width = draw_text(
        canvas, fonts, body, right, PAGE_WIDTH - MARGIN_RIGHT, y, HEADER_SIZE, "right"
    )
    left_size = fit_size(fonts, body, left, HEADER_SIZE, width - right_width - 8 * mm)
    draw_text(canvas, fonts, body, left, MARGIN_LEFT, y, left_size)
    canvas.setStrokeColor(GREY_INK)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
    canvas.restoreState()


def draw_page_number(canvas: Any, font: str, number: int, total_form: str) -> None:
    """``第 N 页　共 M 页`` at the foot of the page; M comes from a form defined at the end."""
    size = PAGE_NUMBER_SIZE
    left = f"第 {number} 页　共 "
    right = f"{number} 页"  # the total has as many digits, nearly always
    width = stringWidth(left + right, font, size)
    x = PAGE_WIDTH / 2 - width / 2 + stringWidth(left, font, size)
    y = 11 * mm
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.drawRightString(x, y, left)
    canvas.translate(x, y)
    canvas.doForm(total_form)
    canvas.restoreState()


def draw_centred_with_form(
    canvas: Any, font: str, size: float, before: str, sample: str, form: str,
    centre: float, y: float,
) -> None:
    """``before`` and then a form's text, centred on ``centre`` as if the form read ``sample``."""
    x = centre - stringWidth(before + sample, font, size) / 2 + stringWidth(before, font, size)
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.drawRightString(x, y, before)
    canvas.translate(x, y)
    canvas.doForm(form)
    canvas.restoreState()


def define_text_form(
    canvas: Any, name: str, font: str, size: float, text: str, align: str = "left"
) -> None:
    """Define a form that prints ``text`` from (0, 0): a number known only later.

    Pages may draw the form (``canvas.doForm``) before it is defined; the PDF
    resolves it when the document is saved. ``align`` says where (0, 0) is: at the
    start, the centre or the end of the text.
    """
    width = stringWidth(text, font, size)
    left = {"left": 0.0, "center": -width / 2, "right": -width}[align]
    canvas.beginForm(
        name, lowerx=left - 1, lowery=-size / 2, upperx=left + width + 1, uppery=size + 2
    )
    canvas.setFont(font, size)
    canvas.drawString(left, 0, text)
    canvas.endForm()


class FormReference(Flowable):  # type: ignore[misc]
    """A table cell's text that is only known later: draws a form defined by the document."""

    def __init__(self, form: str, size: float, align: str = "center") -> None:
        super().__init__()
        self.form, self.size, self.align = form, size, align

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.4

    def draw(self) -> None:
        x = {"left": 0.0, "center": self.width / 2, "right": self.width}[self.align]
        self.canv.saveState()
        self.canv.translate(x, self.size * 0.35)
        self.canv.doForm(self.form)
        self.canv.restoreState()


def draw_check_code(canvas: Any) -> None:
    """``校验码 …`` at the left of the page's foot, while printing from a database."""
    text = footer_text()
    if text:
        canvas.saveState()
        canvas.setFont(canvas._initialFontName, 7)
        canvas.setFillColor(GREY_INK)
        canvas.drawString(MARGIN_LEFT, 10 * mm, text)
        canvas.restoreState()


class CompactCanvas(Canvas):  # type: ignore[misc]
    """A canvas that compresses each finished page at once instead of at save.

    reportlab keeps every page's drawing operators as text until the document is
    saved (about 100 kB a page of tables); compressed they take a tenth of that, so a
    batch of a thousand pages fits in memory.
    """

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        draw_check_code(self)
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if page.stream and getattr(page, "compression", False) and not page.Contents:
            text = page.stream
            stream = PDFStream(
                content=zlib.compress(text.encode("utf8") if isinstance(text, str) else text)
            )
            stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
            stream.__Comment__ = "page stream"
            page.Contents = stream
            page.stream = None


# --- the content: paragraph styles and bordered tables --------------------------------


class FormLayout:
    """Paragraph styles and the bordered tables of the record sheets, in the printing fonts."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._frags: dict[str, Any] = {}  # a parsed fragment per paragraph style
        heading = fonts.heading.name
        style = self.make_style
        self.cell = style("cell")
        self.grey_cell = style("grey_cell", textColor=GREY_INK)
        self.label = style("label", alignment=TA_CENTER)
        self.grey_label = style("grey_label", alignment=TA_CENTER, textColor=GREY_INK)
        self.centred = style("centred", alignment=TA_CENTER)
        self.grey_centred = style("grey_centred", alignment=TA_CENTER, textColor=GREY_INK)
        self.right = style("right", alignment=TA_RIGHT, fontSize=9.5)
        self.record_title = style("record_title", fontName=heading, fontSize=10.5)
        self.grey_record_title = style(
            "grey_record_title", fontName=heading, fontSize=10.5, textColor=GREY_INK
        )
        self.section_title = style(
            "section", fontName=heading, fontSize=15, leading=21, spaceBefore=4, spaceAfter=6
        )
        self.subsection = style(
            "subsection", fontName=heading, fontSize=12, leading=17, spaceBefore=8, spaceAfter=4
        )

    def make_style(self, name: str, **options: Any) -> ParagraphStyle:
        """A paragraph style in the body font, 10 pt, Chinese wrapping, unless told otherwise."""
        options.setdefault("fontName", self.fonts.body.name)
        options.setdefault("fontSize", 10)
        options.setdefault("leading", options["fontSize"] * 1.4)
        options.setdefault("textColor", INK)
        return ParagraphStyle(name, wordWrap="CJK", **options)

    def p(self, text: str, style: ParagraphStyle | None = None) -> ChineseParagraph:
        """A paragraph of plain text (escaped; fallback fonts for rare characters)."""
        style = style or self.cell
        face = self.fonts.heading if style.fontName == self.fonts.heading.name else self.fonts.body
        text = text.strip() or EMPTY
        if "\n" not in text and face.code_points.issuperset(map(ord, text)):
            # one font, no markup: skip reportlab's XML parser (most cells; much faster)
            template = self._frags.get(style.name)
            if template is None:
                template = self._frags[style.name] = ChineseParagraph("x", style).frags[0]
            return ChineseParagraph(text, style, frags=[template.clone(text=text)])
        return ChineseParagraph(self.fonts.markup(text, face), style)

    def style(self, commands: Iterable[tuple[Any, ...]]) -> TableStyle:
        """A table style whose plain-text cells use the body font (never Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.body.name), *commands])

    def table(
        self, rows: list[list[Any]], widths: Sequence[float], commands: list[tuple[Any, ...]],
        repeat: int = 0,
    ) -> Table:
        """A bordered table that may split between rows and inside a tall row."""
        style = [
            ("GRID", (0, 0), (-1, -1), RULE, INK),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        ]
        return Table(
            rows, colWidths=list(widths), style=self.style(style), repeatRows=repeat,
            splitInRow=1, hAlign="LEFT",
        )

    def section(self, title: str, keep: float = 50 * mm) -> list[Flowable]:
        """A section heading over a rule; it starts a new page when less than ``keep`` is left."""
        heading = Table(
            [[self.p(title, self.section_title)]], colWidths=[WIDTH],
            style=self.style([
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]),
            hAlign="LEFT",
            spaceBefore=6 * mm,  # dropped at the top of a page
            spaceAfter=3 * mm,
        )
        return [CondPageBreak(keep), heading]

    def label_grid(
        self,
        items: Iterable[tuple[str, str] | None],
        alone: Iterable[tuple[str, str]] = (),
        label_width: float = LABEL_WIDTH,
    ) -> Table:
        """Label/value pairs, two to a row where both fit, longer values a row each.

        A None among ``items`` ends the row (the next pair starts a new one); the
        ``alone`` pairs follow, each on a row of its own however short.
        """
        value_width = WIDTH / 2 - label_width
        rows: list[list[Any]] = []
        spans: list[tuple[Any, ...]] = []
        pending: list[tuple[str, str]] = []

        def flush() -> None:
            if not pending:
                return
            row: list[Any] = []
            for label, value in pending:
                row += [self.p(label, self.label), self.p(value)]
            if len(pending) == 1:
                row += ["", ""]
                spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append(row)
            pending.clear()

        for item in items:
            if item is None:
                flush()
                continue
            label, value = item
            fits = (
                stringWidth(value, self.fonts.body.name, 10) <= value_width - 10
                and stringWidth(label, self.fonts.body.name, 10) <= label_width - 8
            )
            if fits:
                pending.append((label, value))
                if len(pending) == 2:
                    flush()
            else:
                flush()
                pending.append((label, value))
                flush()
        flush()
        for item in alone:
            pending.append(item)
            flush()
        shade = [("BACKGROUND", (c, 0), (c, -1), LABEL_SHADE) for c in (0, 2)]
        # a spanned row's shading must not paint its value
        for _span, (_c, r), _end in spans:
            shade.append(("BACKGROUND", (1, r), (3, r), colors.white))
        return self.table(rows, [label_width, value_width] * 2, [*shade, *spans])

    def listing(
        self, title: str, columns: Sequence[str], widths_mm: Sequence[float],
        rows: list[list[Any]], label: ParagraphStyle, shade: Any, ink: Any,
        notes: Sequence[Any] = (), header: ParagraphStyle | None = None,
    ) -> Table:
        """A labelled list (people, materials, votes): a header row and one row each.

        ``notes`` are rows across all the columns under the list, inside the label.
        """
        widths = [LABEL_WIDTH, *(width * mm for width in widths_mm)]
        if not rows:
            return self.table(
                [[self.p(title, label), self.p(EMPTY, self.grey_cell if ink is GREY_INK else
                                                 self.cell)] + [""] * (len(columns) - 1)],
                widths,
                [("SPAN", (1, 0), (-1, 0)), ("BACKGROUND", (0, 0), (0, 0), shade),
                 ("GRID", (0, 0), (-1, -1), RULE, ink)],
            )
        heads = [self.p(title, label), *(self.p(c, header or label) for c in columns)]
        body = [["", *row] for row in rows]
        first_note = len(body) + 1
        body += [["", note] + [""] * (len(columns) - 1) for note in notes]
        return self.table(
            [heads, *body], widths,
            [
                ("GRID", (1, 0), (-1, -1), RULE, ink),
                ("BOX", (0, 0), (0, -1), RULE, ink),
                ("LINEABOVE", (0, 0), (0, 0), RULE, ink),
                ("LINEBELOW", (0, 1), (0, -1), 0, colors.white),
                ("BACKGROUND", (0, 0), (0, -1), shade),
                ("BACKGROUND", (1, 0), (-1, 0), shade),
                ("LINEBELOW", (0, 0), (0, -2), 0, shade),
                ("BOX", (0, 0), (-1, -1), RULE, ink),
                ("VALIGN", (0, 0), (0, -1), "TOP"),
                *(("SPAN", (1, r), (-1, r)) for r in range(first_note, first_note + len(notes))),
            ],
            repeat=1,
        )

    def signature_lines(self, roles: Iterable[str]) -> Table:
        """``<role>签字：______ 日期：____年__月__日``, a line per role."""
        words = ParagraphStyle("sign", parent=self.cell, fontSize=10.5, leading=14)
        right = ParagraphStyle("sign_right", parent=words, alignment=TA_RIGHT)
        lines: list[list[Any]] = [
            [self.p(f"{role}签字：", right), "", self.p("日期：", right), "",
             self.p("年", words), "", self.p("月", words), "", self.p("日", words)]
            for role in roles
        ]
        blanks = (1, 3, 5, 7)
        widths = [44 * mm, 46 * mm, 17 * mm, 17 * mm, 7 * mm, 11 * mm, 7 * mm, 11 * mm]
        widths.append(WIDTH - sum(widths))
        return Table(
            lines, colWidths=widths, hAlign="LEFT",
            style=self.style([
                *(("LINEBELOW", (c, 0), (c, -1), 0.6, INK) for c in blanks),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 16),
            ]),
        )

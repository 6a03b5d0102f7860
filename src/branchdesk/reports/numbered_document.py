"""The pages of a long list (register, work list): a running header, 第 N 页 共 M 页, print date."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from branchdesk.reports.fonts import FontSet
from branchdesk.reports.layout import (
    GREY_INK,
    HEADER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    define_text_form,
    draw_centred_with_form,
    draw_text,
    fit_size,
)

#: the form that prints the page total, drawn on every page and defined on the last
_TOTAL_FORM = "BranchDeskPageTotal"


class EndOfDocument(Flowable):  # type: ignore[misc]
    """Put last in the story: where it lands is the last page, whose number is the total."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class NumberedDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages (``pagesize`` portrait or landscape) with the project's margins, a grey
    running header (``header_left`` and ``header_right`` over a rule), ``第 N 页　共 M 页``
    in the middle of the foot and ``打印日期：…`` at its right."""

    def __init__(
        self, target: BinaryIO, fonts: FontSet, *, pagesize: tuple[float, float], title: str,
        subject: str, author: str, header_left: str, header_right: str, printed_on: str,
    ) -> None:
        super().__init__(
            target, pagesize=pagesize, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, subject=subject,
            author=author, creator="BranchDesk 支部台账", initialFontName=fonts.body.name,
        )
        self.fonts = fonts
        self.page_width, self.page_height = pagesize
        self.header_left, self.header_right = header_left, header_right
        self.printed_on = printed_on
        self.total: int | None = None
        frame = Frame(
            MARGIN_LEFT, MARGIN_BOTTOM, self.content_width,
            self.page_height - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        self.addPageTemplates(
            [PageTemplate("body", frames=[frame], onPage=self._header, onPageEnd=self._footer)]
        )

    @property
    def content_width(self) -> float:
        """The width between the margins."""
        return float(self.page_width - MARGIN_LEFT - MARGIN_RIGHT)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, EndOfDocument):
            self.total = int(self.page)

    def _header(self, canvas: Any, document: Any) -> None:
        fonts, right_edge = self.fonts, self.page_width - MARGIN_RIGHT
        y = self.page_height - 13 * mm
        canvas.saveState()
        canvas.setFillColor(GREY_INK)
        right_width = draw_text(
            canvas, fonts, fonts.body, self.header_right, right_edge, y, HEADER_SIZE, "right"
        )
        size = fit_size(fonts, fonts.body, self.header_left, HEADER_SIZE,
                        self.content_width - right_width - 8 * mm)
        draw_text(canvas, fonts, fonts.body, self.header_left, MARGIN_LEFT, y, size)
        canvas.setStrokeColor(GREY_INK)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_LEFT, y - 2.5 * mm, right_edge, y - 2.5 * mm)
        canvas.restoreState()

    def _footer(self, canvas: Any, document: Any) -> None:
        fonts = self.fonts
        font = fonts.body.name
        y = 10 * mm
        number = int(self.page)
        draw_centred_with_form(
            canvas, font, PAGE_NUMBER_SIZE, f"第 {number} 页　共 ", f"{number} 页", _TOTAL_FORM,
            self.page_width / 2, y,
        )
        canvas.saveState()
        canvas.setFillColor(GREY_INK)
        draw_text(canvas, fonts, fonts.body, f"打印日期：{self.printed_on}",
                  self.page_width - MARGIN_RIGHT, y, PAGE_NUMBER_SIZE, "right")
        canvas.restoreState()
        if self.total is not None:
            total, self.total = self.total, None
            define_text_form(canvas, _TOTAL_FORM, font, PAGE_NUMBER_SIZE, f"{total} 页")

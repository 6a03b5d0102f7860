"""The 发展党员档案预审意见 as an A4 portrait PDF: problems by member, signature lines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

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
from branchdesk.reports.precheck.opinion_data import OpinionMember, OpinionRow, PrintableOpinion

TITLE = "发展党员档案预审意见"
NOTHING = "未发现问题"
ERROR_INK = colors.Color(0.75, 0.0, 0.0)
MEMBER_SHADE = colors.Color(0.97, 0.97, 0.97)
CELL_SIZE = 9
#: the table's columns: heading and width in mm; 问题 takes what is left
COLUMNS: tuple[tuple[str, float], ...] = (("步骤", 38), ("问题", 0), ("依据", 40), ("类别", 13))
KEEP = 40 * mm  # a member starts on a new page when less than this is left
EXPLANATION = (
    "说明：“错误”为与党内法规规定不符、须纠正或补正的问题，“依据”列出所依据的条款；"
    "“提醒”为须核实或说明理由的情况，依据本地常用做法的已注明。"
)
SIGNER = "预审人（组织员）："
SEAL = "党委（盖章）"


def render_opinion(
    opinion: PrintableOpinion, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print the opinion to a PDF file (or an open binary stream).

    Raises MissingGlyphsError (nothing is written) when a text holds a character that
    no installed font can print.
    """
    fonts = fonts or default_fonts()
    fonts.require_printable(opinion_texts(opinion))
    write_pdf(_build(opinion, fonts), target)


def opinion_bytes(opinion: PrintableOpinion, *, fonts: FontSet | None = None) -> bytes:
    """The opinion's PDF in memory (for the preview)."""
    buffer = io.BytesIO()
    render_opinion(opinion, buffer, fonts=fonts)
    return buffer.getvalue()


def opinion_texts(opinion: PrintableOpinion) -> Iterator[tuple[str, str]]:
    """Every text the opinion prints, with where it is (for messages about it)."""
    yield "党委", opinion.committee
    yield "预审范围", opinion.scope
    for member in opinion.members:
        yield member.name, member.name
        yield member.name, member.id_number
        yield member.name, member.branch
        for row in member.rows:
            yield member.name, row.step
            yield member.name, row.message
            yield member.name, row.rule


def _build(opinion: PrintableOpinion, fonts: FontSet) -> bytes:
    buffer = io.BytesIO()
    document = NumberedDocument(
        buffer, fonts, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=f"{TITLE}（{opinion.scope}）",
        subject=TITLE, author=opinion.committee, header_left=f"{TITLE}　{opinion.scope}",
        header_right=opinion.committee, printed_on=opinion.printed_on,
    )
    layout = _OpinionLayout(fonts)
    story: list[Flowable] = [_Title(opinion, fonts), layout.p(opinion.summary, layout.summary)]
    if not opinion.members:
        story += [Spacer(0, 10 * mm), layout.p(NOTHING, layout.nothing)]
    with_branch = opinion.several_branches
    for member in opinion.members:
        story += layout.member_table(member, with_branch)
    story.append(Spacer(0, 6 * mm))
    closing: list[Flowable] = []
    if opinion.members:
        closing.append(layout.p(EXPLANATION, layout.note))
    closing += [Spacer(0, 4 * mm), layout.signature(), EndOfDocument()]
    story.append(KeepTogether(closing))
    document.build(story, canvasmaker=CompactCanvas)
    return buffer.getvalue()


class _Title(Flowable):  # type: ignore[misc]
    """The first page's title, with the committee and scope, and the date of the check."""

    HEIGHT = 30 * mm

    def __init__(self, opinion: PrintableOpinion, fonts: FontSet) -> None:
        super().__init__()
        self.opinion, self.fonts = opinion, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        canvas, fonts, opinion = self.canv, self.fonts, self.opinion
        canvas.setFillColor(INK)
        centre = self.width / 2
        draw_text(canvas, fonts, fonts.heading, TITLE, centre, 20 * mm, 20, "center", bold=True)
        who = "　".join(part for part in (opinion.committee, opinion.scope) if part)
        size = fit_size(fonts, fonts.body, who, 12, self.width)
        draw_text(canvas, fonts, fonts.body, who, centre, 11 * mm, size, "center")
        draw_text(canvas, fonts, fonts.body, f"预审日期：{opinion.checked_on}", centre, 4 * mm,
                  11, "center")


class _OpinionLayout(FormLayout):
    """A table per member: the member's heading and the column heads repeated on each page."""

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        size = CELL_SIZE
        leading = size * 1.4
        heading = fonts.heading.name
        self.text = self.make_style("pc_text", fontSize=size, leading=leading)
        self.rule_text = self.make_style("pc_rule", fontSize=8, leading=8 * 1.35)
        self.error = self.make_style(
            "pc_error", fontName=heading, fontSize=size, leading=leading, textColor=ERROR_INK,
            alignment=TA_CENTER,
        )
        self.warning = self.make_style(
            "pc_warning", fontSize=size, leading=leading, alignment=TA_CENTER
        )
        self.head = self.make_style(
            "pc_head", fontName=heading, fontSize=size, leading=leading, alignment=TA_CENTER
        )
        self.member = self.make_style("pc_member", fontName=heading, fontSize=10.5, leading=15)
        self.summary = self.make_style(
            "pc_summary", fontSize=11, leading=16, alignment=TA_CENTER, spaceAfter=2 * mm
        )
        self.note = self.make_style("pc_note", fontSize=8.5, leading=12, textColor=GREY_INK)
        self.nothing = self.make_style("pc_nothing", fontSize=14, leading=20,
                                       alignment=TA_CENTER)
        self.sign = self.make_style("pc_sign", fontSize=11, leading=15)
        self.sign_right = self.make_style("pc_sign_right", fontSize=11, leading=15,
                                          alignment=TA_RIGHT)

    @staticmethod
    def widths() -> list[float]:
        """The columns' widths in points; 问题 takes the rest of the page."""
        fixed = sum(width for _name, width in COLUMNS) * mm
        return [width * mm if width else WIDTH - fixed for _name, width in COLUMNS]

    def member_table(self, member: OpinionMember, with_branch: bool) -> list[Flowable]:
        """The member's heading over the column heads (both repeated), then a row a problem."""
        rows: list[list[Any]] = [
            [self.p(member.heading(with_branch), self.member), "", "", ""],
            [self.p(name, self.head) for name, _width in COLUMNS],
        ]
        rows += [self.row(row) for row in member.rows]
        table = Table(
            rows, colWidths=self.widths(), repeatRows=2, hAlign="LEFT",
            spaceBefore=5 * mm,  # dropped at the top of a page
            style=self.style([
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), MEMBER_SHADE),
                ("BACKGROUND", (0, 1), (-1, 1), LABEL_SHADE),
                ("GRID", (0, 0), (-1, -1), RULE, INK),
            ]),
        )
        table.splitInRow = 0  # a problem is never split across pages
        return [CondPageBreak(KEEP), table]

    def row(self, row: OpinionRow) -> list[Any]:
        """步骤, 问题, 依据, 类别 (错误 in red, heavier)."""
        category = self.p(row.category, self.error if row.error else self.warning)
        return [
            self.p(row.step, self.text), self.p(row.message, self.text),
            self.p(row.rule, self.rule_text), category,
        ]

    def signature(self) -> Table:
        """``预审人（组织员）：______　日期：____年__月__日`` and ``党委（盖章）`` under it."""
        words, right = self.sign, self.sign_right
        blanks = (1, 3, 5, 7)
        widths = [38 * mm, 42 * mm, 16 * mm, 18 * mm, 7 * mm, 11 * mm, 7 * mm, 11 * mm]
        widths.append(WIDTH - sum(widths))
        rows = [
            [self.p(SIGNER, right), "", self.p("日期：", right), "", self.p("年", words), "",
             self.p("月", words), "", self.p("日", words)],
            ["", "", "", "", "", "", "", "", ""],
            [self.p(SEAL, right), "", "", "", "", "", "", "", ""],
        ]
        return Table(
            rows, colWidths=widths, hAlign="LEFT",
            style=self.style([
                *(("LINEBELOW", (c, 0), (c, 0), 0.6, INK) for c in blanks),
                ("SPAN", (0, 2), (-1, 2)),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 16),
                ("RIGHTPADDING", (0, 2), (-1, 2), 30 * mm),
            ]),
        )

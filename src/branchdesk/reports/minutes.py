"""Meeting minutes (会议记录) as A4 PDF forms, and a branch's minutes book of a year."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    EMPTY,
    INK,
    LABEL_SHADE,
    LABEL_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_NUMBER_SIZE,
    TITLE_SHADE,
    WIDTH,
    CompactCanvas,
    FormLayout,
    FormReference,
    body_frame,
    define_text_form,
    draw_centred_with_form,
    draw_cover_lines,
    draw_page_number,
    draw_running_header,
    draw_text,
    fit_size,
    today_text,
    write_pdf,
)
from branchdesk.reports.minutes_data import AgendaBlock, MinutesBook, MinutesData, VoteLine

LECTURE = "党课"  # the kind whose record names the lecturer and the lecture's topic
SIGNATURES = ("主持人", "记录人")
CONTENTS_TITLE = "目　　录"

_TOTAL_FORM = "BranchDeskMinutesTotal"
_COVER_TOTAL_FORM = "BranchDeskMinutesCoverTotal"
_NUMERALS = "一二三四五六七八九十"
LONG_TEXT = 300  # characters: a text that may run over a page


def render_minutes(
    data: MinutesData, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print one meeting's record (会议记录) to a PDF file (or an open binary stream).

    Raises MissingGlyphsError (nothing is written) when a text holds a character
    that no installed font can print.
    """
    fonts = fonts or default_fonts()
    check_printable([data], fonts)
    buffer = io.BytesIO()
    document = _MinutesDocument(
        buffer, fonts,
        title=f"{_kind_title(data)}（{data.date or EMPTY}）",
        author=data.organisation,
        header=(data.organisation or EMPTY, f"{_kind_title(data)}　{data.date or EMPTY}"),
        with_cover=False,
    )
    layout = _MinutesLayout(fonts)
    story: list[Flowable] = [*layout.meeting(0, data), _End()]
    document.build(story, canvasmaker=CompactCanvas)
    write_pdf(buffer.getvalue(), target)


def render_minutes_book(
    book: MinutesBook, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print a branch's minutes of a year: cover, contents, every meeting from a new page.

    The contents give the page each meeting starts on; the pages after the cover are
    numbered 第 N 页 共 M 页. Raises MissingGlyphsError (nothing is written) when a
    text holds a character that no installed font can print.
    """
    fonts = fonts or default_fonts()
    check_book_printable(book, fonts)
    buffer = io.BytesIO()
    document = _MinutesDocument(
        buffer, fonts,
        title=f"{book.organisation}{book.year}年度会议记录",
        author=book.organisation,
        header=(book.organisation or EMPTY, f"{book.year}年度会议记录"),
        with_cover=True,
    )
    layout = _MinutesLayout(fonts)
    story: list[Flowable] = [
        _BookCover(book, fonts), NextPageTemplate("body"), PageBreak(), *layout.contents(book)
    ]
    for index, meeting in enumerate(book.meetings):
        story += [PageBreak(), *layout.meeting(index, meeting)]
    story.append(_End())
    document.build(story, canvasmaker=CompactCanvas)
    write_pdf(buffer.getvalue(), target)


# --- the printable-character check --------------------------------------------------


def check_printable(meetings: Sequence[MinutesData], fonts: FontSet) -> None:
    """Raise MissingGlyphsError if a text of the meetings holds an unprintable character."""
    _raise_missing(
        (
            (f"{m.date}{m.kind}：{place}" if len(meetings) > 1 else place, text)
            for m in meetings
            for place, text in minutes_texts(m)
        ),
        fonts,
    )


def check_book_printable(book: MinutesBook, fonts: FontSet) -> None:
    """Raise MissingGlyphsError if a text of the book holds an unprintable character."""

    def texts() -> Iterator[tuple[str, str]]:
        yield "党组织", book.organisation
        yield "上级党委", book.committee
        yield "打印日期", book.printed_on
        for meeting in book.meetings:
            for place, text in minutes_texts(meeting):
                yield f"{meeting.date}{meeting.kind}：{place}", text

    _raise_missing(texts(), fonts)


def _raise_missing(texts: Iterable[tuple[str, str]], fonts: FontSet) -> None:
    fonts.require_printable(texts)


def minutes_texts(data: MinutesData) -> Iterator[tuple[str, str]]:
    """Every text a meeting record prints, with where it is (for messages about it)."""
    yield "编号", data.number
    yield "会议类型", data.kind
    yield "党组织", data.organisation
    yield "标题", data.title
    yield "时间", data.date + data.time
    yield "地点", data.place
    yield "主持人", data.host
    yield "记录人", data.recorder
    yield "授课人", data.speaker
    yield "主题", data.topic
    yield "应到", data.expected
    yield "实到", data.present
    yield "缺席人员及原因", data.absent
    yield "列席人员", data.guests
    for number, item in enumerate(data.agenda, start=1):
        place = f"议题{_numeral(number)}"
        yield place, item.title
        yield f"{place}·讨论情况", item.discussion
        yield f"{place}·决议", item.resolution
        for vote in item.votes:
            yield f"{place}·表决", "".join(
                (vote.subject, vote.method, vote.quorum_text, vote.result_text)
            )
    yield "讨论情况", data.discussion
    yield "决议", data.resolutions
    for attachment in data.attachments:
        yield "附件", attachment
    yield "版本说明", data.version_note
    yield "到会情况说明", data.quorum_note


def _kind_title(data: MinutesData) -> str:
    """The record's title: 支部党员大会记录, 党课记录 …"""
    return f"{data.kind or '会议'}记录"


def _numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (agenda items are few)."""
    if number <= 10:
        return _NUMERALS[number - 1]
    if number < 20:
        return "十" + _NUMERALS[number - 11]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _NUMERALS[tens - 1] + "十" + (_NUMERALS[ones - 1] if ones else "")
    return str(number)


def _sentence(*parts: str) -> str:
    """Parts joined by ；, ending in 。 (trailing punctuation of the parts dropped)."""
    kept = [part.strip().rstrip("。；，,;.") for part in parts if part.strip()]
    return "；".join(kept) + "。" if kept else ""


# --- the document: page templates, running header, page numbers ----------------------


def _start_form(index: int) -> str:
    """The name of the form that prints the page a meeting starts on (for the contents)."""
    return f"BranchDeskMinutesStart{index}"


class _MeetingTitle(Flowable):  # type: ignore[misc]
    """A meeting record's title line (支部党员大会记录); marks where the meeting starts."""

    HEIGHT = 13 * mm

    def __init__(self, index: int, data: MinutesData, fonts: FontSet) -> None:
        super().__init__()
        self.index, self.data, self.fonts = index, data, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.HEIGHT

    def draw(self) -> None:
        title = _kind_title(self.data)
        size = fit_size(self.fonts, self.fonts.heading, title, 20, self.width)
        self.canv.setFillColor(INK)
        draw_text(
            self.canv, self.fonts, self.fonts.heading, title, self.width / 2, 4 * mm, size,
            "center", bold=True,
        )


class _End(Flowable):  # type: ignore[misc]
    """Marks the end of the document, so its page count can be printed on every page."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class _BookCover(Flowable):  # type: ignore[misc]
    """The minutes book's cover: organisation, 年度会议记录, committee, counts, date."""

    def __init__(self, book: MinutesBook, fonts: FontSet) -> None:
        super().__init__()
        self.book, self.fonts = book, fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canvas, fonts, book = self.canv, self.fonts, self.book
        body, heading = fonts.body, fonts.heading
        centre, top = self.width / 2, self.height
        canvas.setFillColor(INK)
        organisation = book.organisation or EMPTY
        size = fit_size(fonts, heading, organisation, 20, self.width)
        draw_text(canvas, fonts, heading, organisation, centre, top * 0.76, size, "center")
        title = f"{book.year}年度会议记录"
        draw_text(canvas, fonts, heading, title, centre, top * 0.76 - 22 * mm, 30, "center",
                  bold=True)
        meetings = book.meetings
        span = f"{meetings[0].date}至{meetings[-1].date}" if meetings else EMPTY
        lines = (
            ("党 组 织", book.organisation),
            ("上级党委", book.committee),
            ("会议次数", f"{len(meetings)} 次"),
            ("起止日期", span),
        )
        draw_cover_lines(canvas, fonts, lines, centre, top * 0.45)
        y = 30 * mm
        draw_centred_with_form(  # the count is filled in at the end
            canvas, body.name, 12, "本册正文共 ", "10 页（不含封面）", _COVER_TOTAL_FORM,
            centre, y,
        )
        draw_text(
            canvas, fonts, body, f"打印日期：{book.printed_on or today_text()}", centre,
            y - 9 * mm, 12, "center",
        )


class _MinutesDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages with a running header and page numbers; a book's cover has neither."""

    def __init__(
        self, buffer: BinaryIO, fonts: FontSet, *, title: str, author: str,
        header: tuple[str, str], with_cover: bool,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject="会议记录",
            author=author,
            creator="BranchDesk 支部台账",
            initialFontName=fonts.body.name,
        )
        self.fonts = fonts
        self.header = header
        self.first_numbered_page = 2 if with_cover else 1
        self.starts: list[tuple[int, int]] = []  # (meeting index, page number) to define
        self.total: int | None = None
        frame = body_frame()
        body = PageTemplate(
            "body", frames=[frame], onPage=self._header, onPageEnd=self._footer
        )
        cover = PageTemplate("cover", frames=[frame], onPageEnd=self._define_forms)
        self.addPageTemplates([cover, body] if with_cover else [body])

    def _number(self) -> int:
        return int(self.page) - self.first_numbered_page + 1

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, _MeetingTitle):
            self.starts.append((flowable.index, self._number()))
            key = f"meeting{flowable.index}"
            data = flowable.data
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(
                f"{data.date}　{_kind_title(data)}　{data.title}".strip(), key, level=0
            )
        elif isinstance(flowable, _End):
            self.total = self._number()

    def _header(self, canvas: Any, document: Any) -> None:
        draw_running_header(canvas, self.fonts, *self.header)

    def _footer(self, canvas: Any, document: Any) -> None:
        draw_page_number(canvas, self.fonts.body.name, self._number(), _TOTAL_FORM)
        self._define_forms(canvas, document)

    def _define_forms(self, canvas: Any, document: Any) -> None:
        """Define the forms of the numbers just learnt: start pages, then the page count."""
        font = self.fonts.body.name
        for index, page in self.starts:
            define_text_form(canvas, _start_form(index), font, 10, str(page), "center")
        self.starts.clear()
        if self.total is not None:
            total, self.total = self.total, None
            define_text_form(canvas, _TOTAL_FORM, font, PAGE_NUMBER_SIZE, f"{total} 页")
            define_text_form(canvas, _COVER_TOTAL_FORM, font, 12, f"{total} 页（不含封面）")


# --- the content ----------------------------------------------------------------------


class _MinutesLayout(FormLayout):
    """Turns MinutesData into platypus flowables laid out like a 会议记录本 page."""

    #: the vote table's columns and their widths in mm (the label column comes first)
    VOTE_COLUMNS = (
        ("表决事项", 32), ("表决方式", 19), ("应到有表决权", 14), ("实到", 11),
        ("会前书面意见", 14), ("赞成", 11), ("反对", 11), ("弃权", 10), ("结果", 13),
    )

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        self.small = self.make_style("small", fontSize=9, leading=12)
        self.small_centred = self.make_style(
            "small_centred", fontSize=9, leading=12, alignment=TA_CENTER
        )
        self.note = self.make_style("note", fontSize=9.5, leading=13.5)
        self.contents_title = self.make_style(
            "contents_title", fontName=fonts.heading.name, fontSize=20, leading=28,
            alignment=TA_CENTER, spaceAfter=6 * mm,
        )
        self.agenda_number = self.make_style(
            "agenda_number", fontName=fonts.heading.name, fontSize=10.5, alignment=TA_CENTER
        )
        self.subtitle = self.make_style("subtitle", fontSize=10.5, leading=15)
        self.subtitle_right = self.make_style(
            "subtitle_right", fontSize=10.5, leading=15, alignment=TA_RIGHT
        )

    # the book's contents

    def contents(self, book: MinutesBook) -> list[Flowable]:
        """目录: each meeting's number, date, kind, title and the page it starts on."""
        widths = [22 * mm, 30 * mm, 32 * mm, WIDTH - 100 * mm, 16 * mm]
        header = [self.p(t, self.label) for t in ("编号", "日期", "会议类型", "议题", "页码")]
        rows: list[list[Any]] = [
            [
                self.p(m.number, self.centred),
                self.p(m.date, self.centred),
                self.p(m.kind, self.centred),
                self.p(m.title),
                FormReference(_start_form(index), 10),
            ]
            for index, m in enumerate(book.meetings)
        ] or [[self.p(EMPTY, self.centred), "", "", "", ""]]
        commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE)]
        if not book.meetings:
            commands.append(("SPAN", (0, 1), (-1, 1)))
        return [
            self.p(CONTENTS_TITLE, self.contents_title),
            self.table([header, *rows], widths, commands, repeat=1),
        ]

    # one meeting

    def meeting(self, index: int, data: MinutesData) -> list[Flowable]:
        """One meeting's record: title, the facts, the agenda, decisions, signatures."""
        story: list[Flowable] = [_MeetingTitle(index, data, self.fonts), self.heading_line(data)]
        if data.version_note:
            story.append(self.table(
                [[self.p("版本说明", self.label), self.p(data.version_note)]],
                [LABEL_WIDTH, WIDTH - LABEL_WIDTH],
                [("BACKGROUND", (0, 0), (-1, -1), TITLE_SHADE)],
            ))
        story.append(self.facts(data))
        story += self.section("议题", keep=40 * mm)
        if not data.agenda:
            story.append(self.table([[self.p(EMPTY, self.centred)]], [WIDTH], []))
        for number, item in enumerate(data.agenda, start=1):
            story += self.agenda(number, item)
            story.append(Spacer(0, 4 * mm))
        story += self.section("讨论情况和决议", keep=40 * mm)
        attachments = "\n".join(
            f"{number}．{text}" for number, text in enumerate(data.attachments, start=1)
        )
        story.append(self.table(
            [
                [self.p("讨论情况", self.label), self.p(data.discussion)],
                [self.p("决议", self.label), self.p(data.resolutions)],
                [self.p("附件", self.label), self.p(attachments)],
            ],
            [LABEL_WIDTH, WIDTH - LABEL_WIDTH],
            [("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE)],
        ))
        story.append(KeepTogether([Spacer(0, 8 * mm), self.signature_lines(SIGNATURES)]))
        return story

    def heading_line(self, data: MinutesData) -> Table:
        """Under the title: the organisation that met and the record's number."""
        number = self.p(f"编号：{data.number}", self.subtitle_right) if data.number else ""
        return Table(
            [[self.p(f"党组织：{data.organisation or EMPTY}", self.subtitle), number]],
            colWidths=[WIDTH - 45 * mm, 45 * mm], hAlign="LEFT",
            style=self.style([
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]),
        )

    def facts(self, data: MinutesData) -> Table:
        """时间, 地点, 主持人, 记录人, (授课人, 主题), 应到, 实到, 缺席, 列席 in a bordered grid."""
        when = "　".join(part for part in (data.date, data.time) if part)
        items: list[tuple[str, str] | None] = [
            ("时间", when), ("地点", data.place), None,
            ("主持人", data.host), ("记录人", data.recorder), None,
        ]
        if data.kind == LECTURE:
            items += [("授课人", data.speaker), ("主题", data.topic), None]
        elif data.topic:
            items += [("主题", data.topic), None]
        items += [("应到", data.expected), ("实到", data.present), None]
        alone = [("缺席人员及原因", data.absent), ("列席人员", data.guests)]
        if data.quorum_note:
            alone.append(("到会情况说明", data.quorum_note))
        return self.label_grid(items, alone=alone)

    def agenda(self, number: int, item: AgendaBlock) -> list[Flowable]:
        """One agenda item: a title bar, 讨论情况, the votes and 决议, in stacked tables."""
        both = [LABEL_WIDTH, WIDTH - LABEL_WIDTH]

        def row(label: str, text: str) -> Table:
            # a long text keeps its label at the top of its first part
            top = [("VALIGN", (0, 0), (0, 0), "TOP")] if len(text) > LONG_TEXT else []
            return self.table(
                [[self.p(label, self.label), self.p(text)]], both,
                [("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE), *top],
            )

        bar = self.table(
            [[self.p(f"议题{_numeral(number)}", self.agenda_number),
              self.p(item.title, self.record_title)]],
            both,
            [("BACKGROUND", (0, 0), (-1, -1), TITLE_SHADE)],
        )
        blocks: list[Flowable] = [KeepTogether([bar, row("讨论情况", item.discussion)])]
        resolution = row("决议", item.resolution)
        if item.votes:  # the votes stay with the resolution, never a header alone
            blocks.append(KeepTogether([self.votes(item.votes), resolution]))
        else:
            blocks.append(resolution)
        return blocks

    def votes(self, votes: Sequence[VoteLine]) -> Table:
        """表决: a row per vote with the figures, then the quorum and result as worded."""
        columns = [name for name, _width in self.VOTE_COLUMNS]
        widths = [width for _name, width in self.VOTE_COLUMNS]
        centred = self.small_centred
        rows = [
            [
                self.p(vote.subject, self.small),
                self.p(vote.method, centred),
                self.p(f"{vote.entitled} 人", centred),
                self.p(f"{vote.present} 人", centred),
                self.p(f"{vote.written} 份", centred),
                self.p(f"{vote.yes} 票", centred),
                self.p(f"{vote.against} 票", centred),
                self.p(f"{vote.abstain} 票", centred),
                self.p("通过" if vote.passed else "未通过", centred),
            ]
            for vote in votes
        ]
        notes = [
            self.p(
                f"{vote.subject}：{_sentence(vote.quorum_text, vote.result_text)}"
                if len(votes) > 1 else _sentence(vote.quorum_text, vote.result_text),
                self.note,
            )
            for vote in votes
        ]
        return self.listing(
            "表决", columns, widths, rows, self.label, LABEL_SHADE, INK, notes=notes,
            header=self.small_centred,
        )


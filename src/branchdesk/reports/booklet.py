"""The member development booklet (发展党员全程纪实表, 一人一册) as an A4 PDF."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from branchdesk.core.rulebook.citations import LOCAL_PRACTICE
from branchdesk.reports.booklet_data import (
    BookletData,
    ChecklistLine,
    RecordBlock,
    StageSection,
    StepSection,
)
from branchdesk.reports.fonts import FontSet, default_fonts
from branchdesk.reports.layout import (
    EMPTY,
    GREY_INK,
    INK,
    LABEL_SHADE,
    LABEL_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    RULE,
    SUPERSEDED_SHADE,
    TITLE_SHADE,
    WIDTH,
    CompactCanvas,
    FormLayout,
    body_frame,
    define_text_form,
    draw_centred_with_form,
    draw_cover_lines,
    draw_page_number,
    draw_running_header,
    draw_text,
    today_text,
    write_pdf,
)

TITLE = "发展党员全程纪实表"
LONG_VALUE = 600  # characters: about half a page in a value cell


def render_booklet(
    data: BookletData, target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print one member's booklet to a PDF file (or an open binary stream)."""
    render_booklets([data], target, fonts=fonts)


def render_booklets(
    datas: Iterable[BookletData], target: Path | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Print several booklets into one PDF, each with its cover and its own page numbers.

    Raises MissingGlyphsError (nothing is written) when a text holds a character
    that no installed font can print.
    """
    fonts = fonts or default_fonts()
    booklets = list(datas)
    if not booklets:
        raise ValueError("没有要打印的纪实表")
    check_printable(booklets, fonts)
    buffer = io.BytesIO()
    document = _BookletDocument(buffer, fonts, booklets[0] if len(booklets) == 1 else None)
    layout = _Layout(fonts)

    def parts() -> Iterator[list[Flowable]]:
        for index, data in enumerate(booklets):
            between = [NextPageTemplate("cover"), PageBreak()] if index else []
            yield between + layout.booklet(index, data)

    document.build(_LazyStory(parts()), canvasmaker=CompactCanvas)
    write_pdf(buffer.getvalue(), target)


def save_booklets(
    datas: Iterable[BookletData], folder: Path, *, fonts: FontSet | None = None
) -> list[Path]:
    """Print each booklet to its own PDF in ``folder`` (档案编号_姓名.pdf); return the paths.

    Memory stays flat however many booklets there are; every booklet is checked for
    unprintable characters before the first file is written.
    """
    fonts = fonts or default_fonts()
    booklets = list(datas)
    check_printable(booklets, fonts)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    taken: set[str] = set()
    for data in booklets:
        stem = _UNSAFE.sub("_", f"{data.file_number}_{data.name}".strip("_ .")) or "纪实表"
        name, number = f"{stem}.pdf", 1
        while name.lower() in taken or (folder / name).exists():
            number += 1
            name = f"{stem}（{number}）.pdf"
        taken.add(name.lower())
        render_booklet(data, folder / name, fonts=fonts)
        paths.append(folder / name)
    return paths


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def check_printable(booklets: Sequence[BookletData], fonts: FontSet) -> None:
    """Raise MissingGlyphsError if any text of the booklets holds an unprintable character."""
    fonts.require_printable(
        (f"{data.name}：{place}" if len(booklets) > 1 else place, text)
        for data in booklets
        for place, text in booklet_texts(data)
    )


def booklet_texts(data: BookletData) -> Iterator[tuple[str, str]]:
    """Every text a booklet prints, with where it is (for messages about it)."""
    yield "姓名", data.name
    yield "档案编号", data.file_number
    yield "所在党支部", data.branch
    yield "上级党委", data.committee
    for item in data.basic:
        yield f"个人基本情况·{item.label}", item.label + item.value
    for row in data.resume:
        yield "本人简历", row.start + row.end + row.what + row.witness
    yield "参加过何种党派和团体", data.organisations_joined
    for stage in data.stages:
        yield stage.title, stage.title
        for step in stage.steps:
            place = f"第{step.number}步"
            yield place, step.name + step.article
            for record in step.records:
                yield place, record.title + record.date + record.exception_reason
                for item in record.fields:
                    yield f"{place}·{item.label}", item.label + item.value
                for person in record.people:
                    yield f"{place}·{person.role}", "".join(
                        (person.role, person.name, person.join_date, person.post)
                    )
                for material in record.materials:
                    yield f"{place}·材料", material.title + material.kind + material.reference
                for review in record.reviews:
                    yield f"{place}·审核", "".join(
                        (review.reviewer, review.post, review.date, review.outcome, review.opinion)
                    )
    for line in data.checklist:
        yield "归档材料清单", line.material + line.note
    yield "备注", data.remarks
    yield "打印日期", data.printed_on
    yield "审核依据", data.rulebook
    for role in data.signatures:
        yield "签字", role


# --- the document: page templates, running header, page numbers ----------------------


@dataclass
class _BookletMark:
    """Where the booklet being laid out began (its cover's page) and what its header says."""

    index: int
    name: str
    file_number: str
    cover_page: int


class _Cover(Flowable):  # type: ignore[misc]
    """The cover page: title, 一人一册, name, branch, committee, file number, date."""

    def __init__(self, index: int, data: BookletData, fonts: FontSet) -> None:
        super().__init__()
        self.index = index
        self.data = data
        self.fonts = fonts

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canvas, fonts, data = self.canv, self.fonts, self.data
        body, heading = fonts.body, fonts.heading
        width, top = self.width, self.height
        centre = width / 2
        canvas.setFillColor(INK)
        draw_text(canvas, fonts, heading, TITLE, centre, top * 0.70, 28, "center", bold=True)
        draw_text(canvas, fonts, heading, "（一人一册）", centre, top * 0.70 - 40, 15, "center")
        lines = (
            ("姓　　名", data.name),
            ("所在党支部", data.branch),
            ("上级党委", data.committee),
            ("档案编号", data.file_number),
        )
        draw_cover_lines(canvas, fonts, lines, centre, top * 0.43)
        y = 30 * mm
        draw_centred_with_form(  # the count is filled in at the end
            canvas, body.name, 12, "本册正文共 ", "10 页（不含封面）",
            _total_form(self.index, cover=True), centre, y,
        )
        draw_text(
            canvas, fonts, body, f"打印日期：{self.data.printed_on or today_text()}", centre,
            y - 9 * mm, 12, "center",
        )
        if data.rulebook:
            draw_text(
                canvas, fonts, body, f"审核依据：{data.rulebook}", centre, y - 17 * mm, 10.5,
                "center",
            )


class _BookletEnd(Flowable):  # type: ignore[misc]
    """Marks the end of a booklet, so its page count can be printed on every page."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


def _total_form(index: int, cover: bool = False) -> str:
    """The name of the form that prints a booklet's page count (filled in at its end)."""
    return f"BranchDeskBooklet{index}{'Cover' if cover else ''}Total"


class _LazyStory(list):  # type: ignore[type-arg]
    """A story that lays out the next booklet only as the previous one is finished.

    platypus takes flowables from the front of its list and asks for the list's length
    before each; building a thousand booklets' flowables up front would hold them all.
    """

    def __init__(self, parts: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self._parts = parts
        self._refill()

    def _refill(self) -> None:
        while list.__len__(self) < 2:
            part = next(self._parts, None)
            if part is None:
                return
            self.extend(part)

    def __len__(self) -> int:
        self._refill()
        return list.__len__(self)


class _BookletDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages: the cover without header or number, the body with both."""

    def __init__(self, buffer: BinaryIO, fonts: FontSet, single: BookletData | None) -> None:
        title = f"{TITLE}（{single.name}）" if single else TITLE
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject=TITLE,
            author=single.branch if single else "",
            creator="BranchDesk 支部台账",
            initialFontName=fonts.body.name,
        )
        self.fonts = fonts
        self.mark: _BookletMark | None = None
        self.finished: tuple[int, int] | None = None  # (booklet index, body pages)
        frame = body_frame()
        self.addPageTemplates(
            [
                PageTemplate("cover", frames=[frame], onPageEnd=self._define_totals),
                PageTemplate("body", frames=[frame], onPage=self._header,
                             onPageEnd=self._footer),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Cover):
            self.mark = _BookletMark(
                flowable.index, flowable.data.name, flowable.data.file_number, self.page
            )
        elif isinstance(flowable, _BookletEnd) and self.mark is not None:
            self.finished = (flowable.index, self.page - self.mark.cover_page)

    def _header(self, canvas: Any, document: Any) -> None:
        if self.mark is None:
            return
        draw_running_header(
            canvas, self.fonts, TITLE,
            f"{self.mark.name or EMPTY}　档案编号：{self.mark.file_number or EMPTY}",
        )

    def _footer(self, canvas: Any, document: Any) -> None:
        if self.mark is not None:
            number = self.page - self.mark.cover_page
            draw_page_number(canvas, self.fonts.body.name, number, _total_form(self.mark.index))
        self._define_totals(canvas, document)

    def _define_totals(self, canvas: Any, document: Any) -> None:
        """Once a booklet's last page is laid out, define the forms that print its total."""
        if self.finished is None:
            return
        index, total = self.finished
        self.finished = None
        font = self.fonts.body.name
        for cover, size, text in ((False, 9, f"{total} 页"), (True, 12, f"{total} 页（不含封面）")):
            define_text_form(canvas, _total_form(index, cover), font, size, text)


# --- the content ----------------------------------------------------------------------


class _Layout(FormLayout):
    """Turns BookletData into platypus flowables in the record sheet's layout."""

    def __init__(self, fonts: FontSet) -> None:
        super().__init__(fonts)
        heading = fonts.heading.name
        self.step_title = self.make_style(
            "step_title", fontName=heading, fontSize=11.5, leading=15
        )
        self.step_article = self.make_style(
            "step_article", alignment=TA_RIGHT, fontSize=9.5, leading=13
        )
        # ☑/☐ where the fonts have them, else a box drawn beside the word
        self.glyph_marks = bool(fonts.face_for("☑") and fonts.face_for("☐"))

    # the booklet

    def booklet(self, index: int, data: BookletData) -> list[Flowable]:
        story: list[Flowable] = [
            _Cover(index, data, self.fonts),
            NextPageTemplate("body"),
            PageBreak(),
        ]
        story += self.basic(data)
        for stage in data.stages:
            story += self.stage(stage)
        story += self.checklist(data)
        story += self.closing(data)
        story.append(_BookletEnd(index))
        return story

    def basic(self, data: BookletData) -> list[Flowable]:
        """个人基本情况: a grid of label/value pairs, two to a row, long values a row each."""
        story = self.section("个人基本情况")
        story.append(self.label_grid(
            ((item.label, item.value) for item in data.basic),
            alone=[("参加过何种党派和团体", data.organisations_joined)],
        ))
        story.append(Spacer(0, 5 * mm))
        story.append(self.p("本人简历", self.subsection))
        widths = [42 * mm, WIDTH - 42 * mm - 28 * mm, 28 * mm]
        titles = ("起止年月", "在何地、何单位学习或工作、任何职", "证明人")
        header = [self.p(t, self.label) for t in titles]
        body: list[list[Any]] = [
            [
                self.p(f"{row.start or EMPTY}—{row.end or '至今'}", self.centred),
                self.p(row.what),
                self.p(row.witness, self.centred),
            ]
            for row in data.resume
        ] or [[self.p(EMPTY, self.centred), "", ""]]
        commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE)]
        if not data.resume:
            commands.append(("SPAN", (0, 1), (-1, 1)))
        story.append(self.table([header, *body], widths, commands, repeat=1))
        return story

    def stage(self, stage: StageSection) -> list[Flowable]:
        story = self.section(stage.title)
        for step in stage.steps:
            story += self.step(step)
        return story

    def step(self, step: StepSection) -> list[Flowable]:
        heading = Table(
            [[
                self.p(f"{step.number}．{step.name}", self.step_title),
                self.p(f"依据：{step.article}" if step.article else "", self.step_article),
            ]],
            colWidths=[WIDTH - 62 * mm, 62 * mm],
            style=self.style([
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, INK),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]),
            hAlign="LEFT",
        )
        top: list[Flowable] = [CondPageBreak(30 * mm), heading, Spacer(0, 2 * mm)]
        if not step.records:
            empty = self.table([[self.p(EMPTY, self.centred)]], [WIDTH], [])
            return [KeepTogether([*top, empty]), Spacer(0, 5 * mm)]
        story: list[Flowable] = []
        for number, record in enumerate(step.records):
            # a record stays on one page where it fits; the step's heading stays with it
            blocks = self.record(record)
            story.append(KeepTogether([*top, *blocks] if number == 0 else blocks))
            story.append(Spacer(0, 3 * mm))
        story.append(Spacer(0, 2 * mm))
        return story

    def record(self, record: RecordBlock) -> list[Flowable]:
        """One record: a title bar, its fields, people, materials and reviews."""
        grey = record.superseded
        cell = self.grey_cell if grey else self.cell
        label = self.grey_label if grey else self.label
        centred = self.grey_centred if grey else self.centred
        ink = GREY_INK if grey else INK
        title = f"【已更正】{record.title}（更正前的原记录，留存备查）" if grey else record.title
        bar = self.table(
            [[
                self.p(title, self.grey_record_title if grey else self.record_title),
                self.p(f"日期：{record.date or EMPTY}", cell),
            ]],
            [WIDTH - 45 * mm, 45 * mm],
            [
                ("BACKGROUND", (0, 0), (-1, -1), SUPERSEDED_SHADE if grey else TITLE_SHADE),
                ("GRID", (0, 0), (-1, -1), RULE, ink),
            ],
        )
        label_shade = SUPERSEDED_SHADE if grey else LABEL_SHADE
        rows = [[self.p(item.label, label), self.p(item.value, cell)] for item in record.fields]
        if record.exception_reason:
            rows.append([self.p("例外情形理由", label), self.p(record.exception_reason, cell)])
        blocks: list[Flowable] = [bar]
        if rows:
            values = [*(item.value for item in record.fields), record.exception_reason]
            # a value that may run over a page keeps its label at the top of the first part
            long_rows = [
                ("VALIGN", (0, r), (0, r), "TOP")
                for r, value in enumerate(values[: len(rows)]) if len(value) > LONG_VALUE
            ]
            blocks.append(self.table(
                rows, [LABEL_WIDTH, WIDTH - LABEL_WIDTH],
                [
                    ("BACKGROUND", (0, 0), (0, -1), label_shade),
                    ("GRID", (0, 0), (-1, -1), RULE, ink),
                    *long_rows,
                ],
            ))
        people = [
            [self.p(x, centred) for x in (person.role, person.name, person.join_date)]
            + [self.p(person.post, cell)]
            for person in record.people
        ]
        blocks.append(self.listing(
            "有关人员", ("身份", "姓名", "入党时间", "职务"), (24, 22, 30, 59), people,
            label, label_shade, ink,
        ))
        materials = [
            [self.p(m.title, cell), self.p(m.kind, centred), self.p(m.reference, cell)]
            for m in record.materials
        ]
        blocks.append(self.listing(
            "材料", ("名称", "形式", "文件或存放处"), (50, 19, 66), materials,
            label, label_shade, ink,
        ))
        reviews = []
        for review in record.reviews:
            outcome = review.outcome or EMPTY
            if review.on_paper:
                outcome += "\n（纸质审核）"
            if review.outcome == "退回" and not grey:
                outcome += "\n（待更正）"
            reviews.append([
                self.p(review.reviewer, centred), self.p(review.post, centred),
                self.p(review.date, centred), self.p(outcome, centred),
                self.p(review.opinion, cell),
            ])
        blocks.append(self.listing(
            "审核", ("审核人", "职务", "日期", "结果", "审核意见"),
            (18, 24, 30, 24, 39), reviews, label, label_shade, ink,
        ))
        return blocks

    def mark(self, line: ChecklistLine) -> Flowable:
        """☑ 有 or ☐ 缺 for the checklist; 尚未形成 (no box) for a material not due yet."""
        if not line.formed and not line.present:
            return self.p("尚未形成", self.centred)
        word = "有" if line.present else "缺"
        if self.glyph_marks:
            return self.p(f"{'☑' if line.present else '☐'} {word}", self.centred)
        return _CheckMark(line.present, word, self.fonts.body.name)

    def checklist(self, data: BookletData) -> list[Flowable]:
        """The archive article's items, then the local checklist, each marked 有/缺/尚未形成."""
        story = self.section("归档材料清单")
        widths = [14 * mm, WIDTH - 14 * mm - 24 * mm - 50 * mm, 24 * mm, 50 * mm]
        header = [self.p(t, self.label) for t in ("序号", "材料名称", "是否在档", "备注")]
        commands: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE)]
        groups = (
            (f"规定归档材料（{data.archive_article}）", [x for x in data.checklist if x.statutory]),
            (f"常用归档清单（{LOCAL_PRACTICE}）", [x for x in data.checklist if not x.statutory]),
        )
        rows: list[list[Any]] = []
        number = 0
        for title, lines in groups:
            if not lines:
                continue
            rows.append([self.p(title, self.label), "", "", ""])
            commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                         ("BACKGROUND", (0, len(rows)), (-1, len(rows)), LABEL_SHADE)]
            for line in lines:
                number += 1
                named = line.statutory or line.material
                if named != line.material:
                    named = f"{named}（{line.material}）"
                rows.append([self.p(str(number), self.centred), self.p(named), self.mark(line),
                             self.p(line.note)])
        if not rows:
            rows = [[self.p(EMPTY, self.centred), "", "", ""]]
            commands.append(("SPAN", (0, 1), (-1, 1)))
        story.append(self.table([header, *rows], widths, commands, repeat=1))
        story.append(Spacer(0, 2 * mm))
        story.append(self.p(_checklist_summary(data.checklist), self.right))
        return story

    def closing(self, data: BookletData) -> list[Flowable]:
        """备注 and the signature lines."""
        remarks = self.table(
            [[self.p("备注", self.label), self.p(data.remarks)]],
            [LABEL_WIDTH, WIDTH - LABEL_WIDTH],
            [("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE),
             ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)],
        )
        signatures = self.signature_lines(data.signatures)
        return [Spacer(0, 6 * mm), KeepTogether([remarks, Spacer(0, 10 * mm), signatures])]


def _checklist_summary(lines: tuple[ChecklistLine, ...]) -> str:
    """共 N 项，在档 a 项，缺 b 项，尚未形成 c 项（规定归档材料缺 d 项）。"""
    held = sum(1 for x in lines if x.present)
    missing = [x for x in lines if x.missing]
    unformed = sum(1 for x in lines if not x.formed and not x.present)
    text = f"共 {len(lines)} 项，在档 {held} 项，缺 {len(missing)} 项"
    if unformed:
        text += f"，尚未形成 {unformed} 项"
    statutory = sum(1 for x in missing if x.statutory)
    if statutory:
        text += f"（其中规定归档材料缺 {statutory} 项）"
    return text + "。"


class _CheckMark(Flowable):  # type: ignore[misc]
    """A drawn check box (ticked or empty) and a word, centred in its cell."""

    SIZE = 3.2 * mm

    def __init__(self, ticked: bool, word: str, font: str) -> None:
        super().__init__()
        self.ticked, self.word, self.font = ticked, word, font

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 12

    def draw(self) -> None:
        canvas, box = self.canv, self.SIZE
        total = box + 1.5 * mm + stringWidth(self.word, self.font, 10)
        x = (self.width - total) / 2
        canvas.saveState()
        canvas.setLineWidth(0.7)
        canvas.rect(x, 1.2, box, box)
        if self.ticked:
            canvas.setLineWidth(1.1)
            path = canvas.beginPath()
            path.moveTo(x + box * 0.18, 1.2 + box * 0.52)
            path.lineTo(x + box * 0.42, 1.2 + box * 0.22)
            path.lineTo(x + box * 0.85, 1.2 + box * 0.85)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFont(self.font, 10)
        canvas.drawString(x + box + 1.5 * mm, 2, self.word)
        canvas.restoreState()

"""A member's development file (一人一册): the 25 steps as a timeline, records and materials."""

from __future__ import annotations

import datetime as dt
import html
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.development import PASSED, PENDING, RETURNED, SUPERSEDED, RecordInfo
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.materials import MATERIAL_CATEGORIES, MaterialInfo
from branchdesk.core.rulebook import (
    RULEBOOKS,
    Due,
    Severity,
    StepHistory,
    StepProposal,
    StepRule,
    check_step,
    due_actions,
    next_step,
    rulebook_on,
)
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.gui.common import (
    FieldErrors,
    fill_combo,
    format_local,
    localise_buttons,
    show_error,
)
from branchdesk.gui.signals import emit
from branchdesk.gui.step_dialogs import StepRecordDialog, StepReviewDialog, parse_date

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog
    from branchdesk.gui.precheck.precheck_dialog import PrecheckDialog

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
SCAN_FILTER = "扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)"
RECORDERS = (Role.ADMIN, Role.CLERK)


@dataclass(frozen=True)
class StateStyle:
    """How a step's state is shown: its text and colour."""

    text: str
    colour: str


DONE = StateStyle("已完成", "#2e7d32")
UNDER_REVIEW = StateStyle("待审核", "#1565c0")
SENT_BACK = StateStyle("已退回", "#b35c00")
OPEN = StateStyle("可办理", "#6a1b9a")
OVERDUE = StateStyle("已逾期", "#c00000")
LOCKED = StateStyle("未开始", "#8a8a8a")
RECORD_STATES = {PASSED: "已通过", PENDING: "待审核", RETURNED: "已退回", SUPERSEDED: "已更正"}


@dataclass(frozen=True)
class StepState:
    """Where one step of a file stands today."""

    rule: StepRule
    style: StateStyle
    detail: str  # date done, due date, earliest date …
    records: tuple[RecordInfo, ...]
    recordable: bool
    due: Due | None
    note: str  # a sentence on what is due or why it waits


def _rule_of(record: RecordInfo) -> StepRule:
    for book in RULEBOOKS:
        if book.version == record.rulebook:
            return book.step(record.step)
    return rulebook_on(record.date).step(record.step)


def recordable(rule: StepRule, history: StepHistory, today: dt.date) -> bool:
    """Whether the rulebook's order lets the step be recorded now (dates aside)."""
    findings = check_step(StepProposal(rule.number, today), history)
    return not any(f.code == "order" for f in findings)


def due_phrase(due: Due, today: dt.date) -> str:
    """A due item's date as a short phrase: a deadline, an overdue one, or a date from which."""
    if due.overdue:
        return f"期限 {fmt(due.due)}，已逾期"
    if due.due < today:
        return f"自 {fmt(due.due)} 起可办理"
    return f"期限 {fmt(due.due)}"


def step_states(
    records: list[RecordInfo], history: StepHistory, today: dt.date
) -> list[StepState]:
    """The timeline: each of the 25 steps with its state, by the rulebook in force today."""
    book = rulebook_on(today)
    upcoming = next_step(history, today)
    dues: dict[int, Due] = {}
    for item in sorted(due_actions(history, today), key=lambda d: (not d.overdue, d.due)):
        dues.setdefault(item.step, item)
    states = []
    for rule in book.steps:
        mine = tuple(r for r in records if r.step == rule.number)
        current = [r for r in mine if r.state != SUPERSEDED]
        waiting = [r for r in current if r.state in (PENDING, RETURNED)]
        passed = [r for r in current if r.state == PASSED]
        can_record = not waiting and recordable(rule, history, today)
        shown_rule = _rule_of(current[-1]) if current and not can_record else rule
        due = dues.get(rule.number)
        note = due.message if due else ""
        if any(r.state == PENDING for r in waiting):
            style, detail = UNDER_REVIEW, fmt(max(r.date for r in waiting))
        elif waiting:
            style, detail = SENT_BACK, fmt(max(r.date for r in waiting))
        elif passed and not (can_record and due):
            style = DONE
            last = max(r.date for r in passed)
            detail = fmt(last) + (f"（{len(passed)} 次）" if rule.repeatable else "")
        elif can_record and (rule.number == upcoming or rule.repeatable):
            style = OVERDUE if due and due.overdue else OPEN
            detail = due_phrase(due, today) if due is not None else ""
            if passed:
                detail = f"已记录 {len(passed)} 次；" + detail
            if rule.number == upcoming and not due:
                earliest = _earliest(rule, history, today)
                if earliest:
                    detail, note = f"最早 {fmt(earliest[0])}", earliest[1]
        elif due is not None:  # a deadline that runs while earlier steps are still open
            style, detail = (OVERDUE if due.overdue else LOCKED), due_phrase(due, today)
        else:
            style, detail = LOCKED, ""
        states.append(StepState(shown_rule, style, detail, mine, can_record, due, note))
    return states


def _earliest(rule: StepRule, history: StepHistory, today: dt.date) -> tuple[dt.date, str] | None:
    for f in check_step(StepProposal(rule.number, today), history):
        if f.severity is Severity.ERROR and f.earliest is not None and f.earliest > today:
            return f.earliest, f.message
    return None


def _value_text(value: object) -> str:
    if value is None or value == "" or value == []:
        return "无"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    day = parse_date(value) if isinstance(value, str) and len(value) == 10 else None
    return fmt(day) if day else str(value)


def record_html(record: RecordInfo, materials: list[MaterialInfo]) -> str:
    """One version of a record: state, fields with labels, people, reviews, materials."""
    rule = _rule_of(record)
    grey = record.state == SUPERSEDED
    colour = "#8a8a8a" if grey else "#000000"
    state = RECORD_STATES.get(record.state, record.state)
    title = f"第 {record.version} 版 · {state} · {fmt(record.date)}"
    if rule.repeatable:
        title = f"第 {record.occurrence} 次 · " + title
    parts = [f'<div style="color:{colour}"><h4 style="margin-bottom:2px">{html.escape(title)}'
             + ("（已更正，仅供查阅）" if grey else "") + "</h4>"]
    imported = "（导入的历史记录）" if record.imported else ""
    parts.append(
        f"<p style='margin:0'>录入人 {html.escape(record.recorded_by_name)}，"
        f"{format_local(record.recorded_at)}；适用细则 {html.escape(record.rulebook)} 年版"
        f"{imported}</p>"
    )
    rows = []
    if record.content:
        rows.append(("情况记载", record.content))
    if record.meeting_ref:
        rows.append(("决定的会议", record.meeting_ref))
    if record.serial_number:
        rows.append(("入党志愿书编号", record.serial_number))
    for spec in rule.fields:
        if spec.key == "booklet_serial" and not record.details.get(spec.key):
            continue
        rows.append((spec.label, _value_text(record.details.get(spec.key))))
    for person in record.people:
        join = f"，{fmt(person.join_date)} 入党" if person.join_date else ""
        label = rule.people.label if rule.people else "人员"
        rows.append((label, f"{person.name}（{person.post or '无'}{join}）"))
    if record.exception_reason:
        rows.append(("例外情况的原因", record.exception_reason))
    parts.append("<table cellspacing='0' cellpadding='2'>")
    for label, value in rows:
        text = html.escape(str(value)).replace("\n", "<br>")
        parts.append(f"<tr><td valign='top' style='color:#555'>{html.escape(label)}：</td>"
                     f"<td>{text}</td></tr>")
    parts.append("</table>")
    for review in record.reviews:
        outcome = "通过" if review.outcome == PASSED else "退回"
        paper = "【纸质审核】" if review.on_paper else ""
        opinion = html.escape(review.opinion) if review.opinion else "无"
        parts.append(
            f"<p style='margin:2px 0'><b>审核{outcome}</b>{paper} {fmt(review.review_date)}，"
            f"{html.escape(review.reviewer_name)}（{html.escape(review.reviewer_post)}）："
            f"{opinion}</p>"
        )
    if not record.reviews and record.state == PENDING:
        parts.append("<p style='margin:2px 0;color:#1565c0'>等待审核</p>")
    for material in materials:
        parts.append(f"<p style='margin:0'>材料：{html.escape(_material_text(material))}</p>")
    parts.append("</div><hr>")
    return "".join(parts)


def _material_text(m: MaterialInfo) -> str:
    if m.is_scan:
        return f"{m.category} · {m.title}（扫描件 {m.file_name}，{m.size // 1024 + 1} KB）"
    return f"{m.category} · {m.title}（纸质原件，存放于 {m.paper_reference}）"


class MaterialDialog(QDialog):
    """Adds a material to a file: a scanned PDF/JPG/PNG, or a paper original and its place."""

    def __init__(
        self, services: Services, actor: Actor, member_id: int, record: RecordInfo | None,
        step_name: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.member_id, self.record = services, actor, member_id, record
        self.material_id: int | None = None
        self.setWindowTitle("添加材料")
        self.scan = QRadioButton("扫描件(&S)")
        self.paper = QRadioButton("纸质原件(&Y)")
        self.scan.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.scan)
        group.addButton(self.paper)
        self.path = QLineEdit()
        self.path.setPlaceholderText("PDF、JPG 或 PNG 文件")
        self.browse = QPushButton("浏览(&B)…")
        self.browse.setAutoDefault(False)
        self.category = QComboBox()
        fill_combo(self.category, [(c, c) for c in MATERIAL_CATEGORIES])
        self.title = QLineEdit()
        self.title.setPlaceholderText("如“入党申请书（2024年1月10日）”")
        self.place = QLineEdit()
        self.place.setPlaceholderText("如“组织委员档案柜第 3 盒”")
        self.link = QCheckBox(f"作为第 {record.step} 步“{step_name}”的材料" if record else "")
        self.link.setChecked(record is not None)
        self.link.setVisible(record is not None)
        labels = {name: QLabel() for name in ("file", "category", "title", "reference")}
        general = QLabel()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.scan)
        kind_row.addWidget(self.paper)
        kind_row.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("材料形式：", kind_row)
        self.file_label = QLabel("扫描文件(&F)：")
        self.file_label.setBuddy(self.path)
        form.addRow(self.file_label, file_row)
        form.addRow("", labels["file"])
        category_label = QLabel("材料类别(&C)：")
        category_label.setBuddy(self.category)
        form.addRow(category_label, self.category)
        form.addRow("", labels["category"])
        title_label = QLabel("材料名称(&N)：")
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        form.addRow("", labels["title"])
        self.place_label = QLabel("存放位置(&P)：")
        self.place_label.setBuddy(self.place)
        form.addRow(self.place_label, self.place)
        form.addRow("", labels["reference"])
        form.addRow("", self.link)
        self.form = form
        self.errors = FieldErrors(labels, general, {"file": self.path, "title": self.title,
                                                    "reference": self.place})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        localise_buttons(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("添加")
        ok.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.browse.clicked.connect(self.choose_file)
        self.scan.toggled.connect(self._kind_changed)
        self._kind_changed(True)
        self.resize(520, 300)

    def _kind_changed(self, scan: bool) -> None:
        for widget in (self.path, self.browse):
            widget.setEnabled(scan)
        self.form.setRowVisible(self.place_label, not scan)
        self.errors.clear()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择扫描件", "", SCAN_FILTER)
        if name:
            self.path.setText(name)
            if not self.title.text().strip():
                self.title.setText(Path(name).stem)

    def submit(self) -> None:
        self.errors.clear()
        record_id = self.record.id if self.record and self.link.isChecked() else None
        materials = self.services.materials
        try:
            if self.scan.isChecked():
                if not self.path.text().strip():
                    self.errors.show({"file": "请选择扫描文件（PDF、JPG 或 PNG）"})
                    return
                self.material_id = materials.add_scan(
                    self.actor, self.member_id, Path(self.path.text().strip()),
                    self.category.currentData(), self.title.text(), record_id,
                )
            else:
                self.material_id = materials.add_paper(
                    self.actor, self.member_id, self.category.currentData(), self.title.text(),
                    self.place.text(), record_id,
                )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        self.accept()


class DevelopmentFileDialog(QDialog):
    """一人一册: a member's file with its timeline; record, correct, review, attach, print."""

    #: emitted when something in the file changed (a record, a review, a material)
    changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, member_id: int, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.member_id = services, actor, member_id
        self._today = today
        self.states: list[StepState] = []
        self.materials: list[MaterialInfo] = []
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels(["步骤", "状态", "日期"])
        self.timeline.setRootIsDecorated(True)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setAccessibleName("发展党员二十五个步骤")
        header = self.timeline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.material_list = QTreeWidget()
        self.material_list.setHeaderLabels(["材料类别", "名称", "形式", "所属步骤"])
        self.material_list.setRootIsDecorated(False)
        self.material_list.setAccessibleName("材料")
        self.all_materials = QCheckBox("显示全部材料(&L)")

        self.record_button = self._button("记录此步骤(&N)…", "Ctrl+N", self.record_step)
        self.correct_button = self._button("更正(&E)…", "Ctrl+E", self.correct_step)
        self.review_button = self._button("审核(&R)…", "Ctrl+R", self.review_step)
        self.paper_button = self._button("录入纸质审核(&G)…", None, self.paper_review)
        self.material_button = self._button("添加材料(&M)…", None, self.add_material)
        self.open_button = self._button("打开材料(&O)", None, self.open_material)
        self.print_button = self._button("打印纪实表(&P)…", "Ctrl+P", self.print_booklet)
        self.precheck_button = self._button("档案预审(&Y)…", None, self.precheck)
        self.precheck_button.setToolTip("检查整个档案各步骤的日期、顺序、表决和材料，列出问题")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localise_buttons(close)
        close.rejected.connect(self.reject)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 3)
        materials_row = QHBoxLayout()
        materials_row.addWidget(QLabel("材料："))
        materials_row.addStretch(1)
        materials_row.addWidget(self.all_materials)
        right_layout.addLayout(materials_row)
        right_layout.addWidget(self.material_list, 1)
        splitter = QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.correct_button, self.review_button,
                       self.paper_button, self.material_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.precheck_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.timeline.currentItemChanged.connect(lambda *_: self._step_selected())
        self.material_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.material_list.itemDoubleClicked.connect(lambda *_: self.open_material())
        self.all_materials.toggled.connect(lambda _on: self._show_materials())
        can_record = actor.role in RECORDERS
        for button in (self.record_button, self.correct_button, self.paper_button,
                       self.material_button):
            button.setVisible(can_record)
        self.review_button.setVisible(actor.role is Role.REVIEWER)
        self.resize(1180, 760)
        self.reload()
        self.timeline.setFocus()

    def _button(
        self, text: str, shortcut: str | None, slot: object
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{text.split('(')[0]}（{shortcut}）")
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def today(self) -> dt.date:
        return self._today or self.services.development.today()

    # reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the file again and redraw, keeping the selected step."""
        selected = self.selected_step()
        development = self.services.development
        detail = self.services.members.get(self.member_id)
        self.member_name = detail.data.name
        number = development.file_number(self.member_id) or "（递交入党申请后编号）"
        records = development.records(self.member_id)
        history = development.history(self.member_id)
        self.materials = self.services.materials.of_member(self.member_id)
        self.states = step_states(records, history, self.today())
        self.setWindowTitle(f"发展党员档案 — {self.member_name}")
        book = rulebook_on(self.today())
        self.header.setText(
            f"<span style='font-size:15pt;font-weight:bold'>{html.escape(self.member_name)}</span>"
            f"　{html.escape(detail.branch_name)} · <b>{detail.data.stage.label}</b>"
            f" · 档案编号 {html.escape(number)} · 公民身份号码 {detail.data.id_number}"
            f"<br><span style='color:#555'>按{book.title}（{book.version}年版）显示；"
            f"今天 {fmt(self.today())}</span>"
        )
        self._fill_timeline()
        upcoming = next((s.rule.number for s in self.states if s.style in (OPEN, OVERDUE)), None)
        self.select_step(selected or upcoming or self._last_with_records() or 1)

    def _last_with_records(self) -> int | None:
        numbers = [s.rule.number for s in self.states if s.records]
        return max(numbers) if numbers else None

    def _fill_timeline(self) -> None:
        self.timeline.clear()
        bold = QFont(self.timeline.font())
        bold.setBold(True)
        stages: dict[int, QTreeWidgetItem] = {}
        for state in self.states:
            rule = state.rule
            parent = stages.get(rule.stage)
            if parent is None:
                parent = QTreeWidgetItem([f"{'一二三四五'[rule.stage - 1]}、{rule.stage_name}"])
                parent.setFont(0, bold)
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setFirstColumnSpanned(False)
                self.timeline.addTopLevelItem(parent)
                stages[rule.stage] = parent
            item = QTreeWidgetItem([f"{rule.number}. {rule.name}", state.style.text, state.detail])
            item.setData(0, STEP_ROLE, rule.number)
            colour = QColor(state.style.colour)
            item.setForeground(1, QBrush(colour))
            item.setForeground(2, QBrush(colour))
            item.setFont(1, bold)
            if state.style is LOCKED:
                item.setForeground(0, QBrush(colour))
            item.setToolTip(0, f"{rule.name}：由{rule.decided_by}办理，依据{rule.article}")
            if state.note:
                item.setToolTip(1, state.note)
                item.setToolTip(2, state.note)
            parent.addChild(item)
        self.timeline.expandAll()
        self.timeline.resizeColumnToContents(1)

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.timeline.topLevelItemCount()):
            top = self.timeline.topLevelItem(i)
            assert top is not None
            items += [top.child(j) for j in range(top.childCount())]
        return [item for item in items if item is not None]

    def select_step(self, number: int) -> None:
        for item in self._items():
            if item.data(0, STEP_ROLE) == number:
                self.timeline.setCurrentItem(item)
                self.timeline.scrollToItem(item)
                return

    def selected_step(self) -> int | None:
        item = self.timeline.currentItem()
        number = item.data(0, STEP_ROLE) if item is not None else None
        return int(number) if number else None

    def state_of(self, number: int) -> StepState:
        return self.states[number - 1]

    def step_state_text(self, number: int) -> str:
        """The state column of a step, as the clerk reads it."""
        return self.state_of(number).style.text

    def current_state(self) -> StepState | None:
        number = self.selected_step()
        return self.state_of(number) if number else None

    def _waiting(self, state: str) -> RecordInfo | None:
        current = self.current_state()
        if current is None:
            return None
        return next((r for r in reversed(current.records) if r.state == state), None)

    def _latest_record(self) -> RecordInfo | None:
        current = self.current_state()
        if current is None:
            return None
        live = [r for r in current.records if r.state != SUPERSEDED]
        return live[-1] if live else None

    def _step_selected(self) -> None:
        state = self.current_state()
        if state is None:
            self.details.clear()
        else:
            self.details.setHtml(self._state_html(state))
        self._show_materials()
        self._update_buttons()

    def _state_html(self, state: StepState) -> str:
        rule = state.rule
        parts = [
            f"<h3 style='margin-bottom:2px'>第 {rule.number} 步 {html.escape(rule.name)}</h3>",
            f"<p style='margin:0;color:#555'>{html.escape(rule.stage_name)} · "
            f"由{html.escape(rule.decided_by)}办理 · 依据{html.escape(rule.article)}</p>",
            f"<p style='color:{state.style.colour}'><b>{state.style.text}</b> "
            f"{html.escape(state.detail)}</p>",
        ]
        if state.note:
            parts.append(f"<p style='color:{state.style.colour}'>{html.escape(state.note)}</p>")
        if not state.records:
            parts.append("<p style='color:#555'>尚无记录。</p>")
        for record in state.records:
            linked = [m for m in self.materials if m.record_id == record.id]
            parts.append(record_html(record, linked))
        return "".join(parts)

    def _show_materials(self) -> None:
        self.material_list.clear()
        step_of = {r.id: s.rule.number for s in self.states for r in s.records}
        current = self.current_state()
        ids = {r.id for r in current.records} if current else set()
        for m in self.materials:
            if not self.all_materials.isChecked() and m.record_id not in ids:
                continue
            step = step_of.get(m.record_id or -1)
            item = QTreeWidgetItem([
                m.category, m.title, "扫描件" if m.is_scan else f"纸质：{m.paper_reference}",
                f"第 {step} 步" if step else "—",
            ])
            item.setData(0, STEP_ROLE, m.id)
            self.material_list.addTopLevelItem(item)
        for column in range(4):
            self.material_list.resizeColumnToContents(column)

    def selected_material(self) -> MaterialInfo | None:
        item = self.material_list.currentItem()
        if item is None:
            return None
        material_id = item.data(0, STEP_ROLE)
        return next((m for m in self.materials if m.id == material_id), None)

    def _update_buttons(self) -> None:
        state = self.current_state()
        self.record_button.setEnabled(state is not None and state.recordable)
        self.correct_button.setEnabled(self._waiting(RETURNED) is not None)
        pending = self._waiting(PENDING)
        self.review_button.setEnabled(
            pending is not None and pending.recorded_by != self.actor.username
        )
        self.paper_button.setEnabled(pending is not None)
        material = self.selected_material()
        self.open_button.setEnabled(material is not None and material.is_scan)
        if state is not None and not state.recordable and not state.records:
            self.record_button.setToolTip("须在上一步审核通过后才能记录（一步一审）")
        else:
            self.record_button.setToolTip("记录选中的步骤（Ctrl+N）")

    # actions ----------------------------------------------------------------------------

    def _done(self) -> None:
        self.reload()
        emit(self.changed)

    def record_dialog(self, correcting: RecordInfo | None = None) -> StepRecordDialog | None:
        """The dialog to record the selected step (or correct its returned record)."""
        state = self.current_state()
        if state is None:
            return None
        return StepRecordDialog(
            self.services, self.actor, self.member_id, state.rule.number, correcting, self
        )

    def record_step(self) -> None:
        state = self.current_state()
        if state is None or not state.recordable:
            return
        dialog = self.record_dialog()
        if dialog is not None and dialog.exec():
            self._done()

    def correct_step(self) -> None:
        record = self._waiting(RETURNED)
        if record is None:
            return
        dialog = self.record_dialog(record)
        if dialog is not None and dialog.exec():
            self._done()

    def review_dialog(self, on_paper: bool) -> StepReviewDialog | None:
        record = self._waiting(PENDING)
        if record is None:
            return None
        return StepReviewDialog(
            self.services, self.actor, record, self.member_name, on_paper, self
        )

    def review_step(self) -> None:
        dialog = self.review_dialog(on_paper=False)
        if dialog is not None and dialog.exec():
            self._done()

    def paper_review(self) -> None:
        dialog = self.review_dialog(on_paper=True)
        if dialog is not None and dialog.exec():
            self._done()

    def material_dialog(self) -> MaterialDialog:
        state = self.current_state()
        return MaterialDialog(
            self.services, self.actor, self.member_id, self._latest_record(),
            state.rule.name if state else "", self,
        )

    def add_material(self) -> None:
        if self.material_dialog().exec():
            self._done()

    def open_material(self) -> Path | None:
        """Write the selected scan to a temporary file and open it with the system viewer."""
        material = self.selected_material()
        if material is None or not material.is_scan:
            return None
        try:
            data = self.services.materials.content(material.id)
        except BranchDeskError as exc:
            show_error(self, exc)
            return None
        folder = Path(tempfile.mkdtemp(prefix="branchdesk-"))
        suffix = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
        name = Path(material.file_name).stem or f"material-{material.id}"
        target = folder / f"{name}{suffix.get(material.media_type, '')}"
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def precheck(self) -> PrecheckDialog:
        """档案预审 of this file; opening a problem selects its step here."""
        from branchdesk.gui.precheck.entry import member_precheck

        return member_precheck(self)

    def print_booklet(self) -> PdfPreviewDialog | None:
        """Print this member's 纪实表: a PDF to preview and print in the PDF viewer, or save."""
        # loaded on first use: reportlab need not slow the program's start
        from branchdesk.gui.pdf_preview import PdfPreviewDialog
        from branchdesk.reports.booklet_service import save_booklet

        buffer = io.BytesIO()
        try:
            save_booklet(self.services, self.member_id, buffer)
        except BranchDeskError as exc:
            show_error(self, exc)
            return None
        preview = PdfPreviewDialog(
            buffer.getvalue(), f"发展党员全程纪实表 — {self.member_name}",
            f"发展党员全程纪实表-{self.member_name}.pdf", self,
        )
        self.preview = preview
        preview.open()
        return preview

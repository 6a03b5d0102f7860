"""Dialogs of a development file: record or correct a step, and review a record."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.development import RecordInfo, StepInput
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.rulebook import FieldKind, FieldSpec, Finding, Severity, StepRule, rulebook_on
from branchdesk.core.services import Services
from branchdesk.gui.common import (
    FieldErrors,
    OptionalDateEdit,
    fill_combo,
    from_qdate,
    localise_buttons,
    prepare_date_edit,
    to_qdate,
)
from branchdesk.gui.forms.ui_step_record_dialog import Ui_StepRecordDialog
from branchdesk.gui.forms.ui_step_review_dialog import Ui_StepReviewDialog

WARNING_STYLE = "color: #9a5b00;"
OK_STYLE = "color: #2e7d32;"
UNSET = "未填"
CHOOSE = "（请选择）"
#: fields that the fixed part of the dialog already asks for, by step
FIXED_FIELDS = {14: ("booklet_serial",)}


def book_label(day: dt.date) -> str:
    """Which version of the 细则 applies on ``day``, as shown to the clerk."""
    book = rulebook_on(day)
    return f"适用{book.title}（{book.version}年版，自 {fmt(book.in_force_from)} 起施行）"


def parse_date(value: object) -> dt.date | None:
    """A stored detail's date (JSON keeps dates as ISO text)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class FieldEditor:
    """The widget for one structured field of a record sheet, and its value."""

    def __init__(self, spec: FieldSpec) -> None:
        self.spec = spec
        self.widget: QWidget = self._make()
        self.widget.setObjectName(f"field_{spec.key}")
        self.widget.setAccessibleName(spec.label)

    def _make(self) -> QWidget:
        kind = self.spec.kind
        if kind is FieldKind.MULTILINE:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            return edit
        if kind is FieldKind.INT:
            spin = QSpinBox()
            spin.setRange(-1, 100000)
            spin.setSpecialValueText(UNSET)
            spin.setValue(-1)
            spin.setMinimumWidth(110)
            return spin
        if kind is FieldKind.HOURS:
            hours = QDoubleSpinBox()
            hours.setRange(-1, 10000)
            hours.setDecimals(1)
            hours.setSpecialValueText(UNSET)
            hours.setValue(-1)
            hours.setSuffix(" 学时")
            hours.setMinimumWidth(110)
            return hours
        if kind is FieldKind.DATE:
            date = OptionalDateEdit()
            date.setMinimumWidth(130)
            return date
        if kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.setMinimumWidth(160)
            fill_combo(combo, [(c, c) for c in self.spec.choices], blank=CHOOSE)
            return combo
        if kind is FieldKind.CHECKLIST:
            checklist = QListWidget()
            for choice in self.spec.choices:
                item = QListWidgetItem(choice)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                checklist.addItem(item)
            checklist.setMinimumHeight(checklist.sizeHintForRow(0) * 7)
            return checklist
        return QLineEdit()

    def value(self) -> Any:
        """The entered value; None when the field is left empty."""
        w = self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, QSpinBox):
            return None if w.value() < 0 else w.value()
        if isinstance(w, QDoubleSpinBox):
            if w.value() < 0:
                return None
            return int(w.value()) if w.value().is_integer() else w.value()
        if isinstance(w, OptionalDateEdit):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QListWidget):
            items = [w.item(i) for i in range(w.count())]
            return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked] or None
        assert isinstance(w, QLineEdit)
        return w.text().strip() or None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if value is None:
            return
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QDoubleSpinBox):
            try:
                w.setValue(float(value))
            except (TypeError, ValueError):
                pass
        elif isinstance(w, QSpinBox):
            try:
                w.setValue(int(value))
            except (TypeError, ValueError):
                pass
        elif isinstance(w, OptionalDateEdit):
            w.set_value(parse_date(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index >= 0:
                w.setCurrentIndex(index)
        elif isinstance(w, QListWidget):
            chosen = set(value) if isinstance(value, list | tuple | set) else set()
            for i in range(w.count()):
                item = w.item(i)
                state = Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
                item.setCheckState(state)
        elif isinstance(w, QLineEdit):
            w.setText(str(value))


def findings_html(findings: Sequence[Finding]) -> str:
    """Findings as lines for a label: refusals red, exceptions and warnings brown."""
    marks = {
        Severity.ERROR: "不允许", Severity.NEEDS_REASON: "须说明原因", Severity.WARNING: "提醒",
    }
    lines = []
    for f in findings:
        colour = "#c00000" if f.severity is Severity.ERROR else "#9a5b00"
        lines.append(
            f'<span style="color:{colour}">【{marks[f.severity]}】{html.escape(f.message)}</span>'
        )
    return "<br>".join(lines)


class StepRecordDialog(QDialog):
    """Records a step (or corrects a returned record): fixed part, the sheet's fields, people."""

    def __init__(
        self, services: Services, actor: Actor, member_id: int, step: int,
        correcting: RecordInfo | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.member_id, self.step = services, actor, member_id, step
        self.correcting = correcting
        self.record_id: int | None = None
        self.warnings_shown = ""
        self.ui = Ui_StepRecordDialog()
        self.ui.setupUi(self)
        localise_buttons(self.ui.buttons)
        self.ok_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("保存")
        self.ok_button.setDefault(True)
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.checkButton.clicked.connect(self.run_check)
        self.ui.addPerson.clicked.connect(self.add_person)
        self.ui.removePerson.clicked.connect(self.remove_selected_person)
        self.errors = FieldErrors(
            {
                "date": self.ui.err_date, "serial_number": self.ui.err_serial_number,
                "people": self.ui.err_people, "exception_reason": self.ui.err_exception_reason,
            },
            self.ui.err_general,
            {"date": self.ui.date, "serial_number": self.ui.serial_number,
             "exception_reason": self.ui.exception_reason},
        )
        self.ui.findings.setTextFormat(Qt.TextFormat.RichText)
        self.ui.findings.hide()
        self.ui.reasonHint.setStyleSheet(WARNING_STYLE)

        detail = services.members.get(member_id)
        self.member_name = detail.data.name
        self.branch_id = detail.data.branch_id or 0
        self.today = services.development.today()
        prepare_date_edit(self.ui.date, correcting.date if correcting else self.today)
        self.ui.date.setMaximumDate(to_qdate(self.today))
        self.editors: dict[str, FieldEditor] = {}
        details_layout = QVBoxLayout(self.ui.detailsWidget)
        details_layout.setContentsMargins(4, 4, 4, 4)
        self.details_form = QFormLayout()
        self.details_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        details_layout.addLayout(self.details_form)
        details_layout.addStretch(1)
        self.people: list[tuple[int, str, str]] = []  # (member id, name, post)
        if step == 14:
            self.ui.serialLabel.setText("入党志愿书编号*(&S)：")
        else:
            self.ui.form.setRowVisible(self.ui.serial_number, False)
            self.ui.form.setRowVisible(self.ui.err_serial_number, False)
        self._fill_people_picker()
        self._rule = self.rule()
        self._build_fields(self._rule, {})
        self._apply_rule()
        self.ui.reasonBox.setVisible(False)
        if correcting is not None:
            self._load(correcting)
        self.ui.date.dateChanged.connect(self._date_changed)
        self.ui.date.setFocus()

    # the step and its rulebook ----------------------------------------------------------

    def entered_date(self) -> dt.date:
        return from_qdate(self.ui.date.date())

    def rule(self) -> StepRule:
        """The step as the rulebook in force on the entered date has it."""
        return rulebook_on(self.entered_date()).step(self.step)

    def _apply_rule(self) -> None:
        rule = self._rule
        verb = "更正" if self.correcting else "记录"
        self.setWindowTitle(f"{verb}第 {rule.number} 步 {rule.name} — {self.member_name}")
        self.ui.heading.setText(
            f"<b>{html.escape(self.member_name)}：第 {rule.number} 步 {html.escape(rule.name)}</b>"
            f"<br>{html.escape(rule.stage_name)}阶段 · 由{html.escape(rule.decided_by)}办理 · "
            f"依据{html.escape(rule.article)}"
        )
        self.ui.rulebook.setText(book_label(self.entered_date()))
        spec = rule.people
        self.ui.peopleBox.setVisible(spec is not None)
        if spec is not None:
            wanted = f"{spec.min} 名" if spec.min == spec.max else f"{spec.min}–{spec.max} 名"
            full = "，须为本支部正式党员" if spec.must_be_full_member else ""
            self.ui.peopleBox.setTitle(f"{spec.label}（{wanted}{full}）")
            self._update_people_buttons()
        self.ui.detailsBox.setVisible(bool(self.editors))
        # the sheet's fields take the spare height; without them the spacer does
        self.ui.mainLayout.setStretchFactor(self.ui.detailsBox, 1 if self.editors else 0)

    def _build_fields(self, rule: StepRule, values: Mapping[str, Any]) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        self.editors = {}
        skipped = FIXED_FIELDS.get(rule.number, ())
        for spec in rule.fields:
            if spec.key in skipped:
                continue
            editor = FieldEditor(spec)
            editor.set_value(values.get(spec.key))
            label = QLabel(f"{spec.label}{'*' if spec.required else ''}：")
            label.setBuddy(editor.widget)
            label.setWordWrap(True)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("中") * 11)
            self.details_form.addRow(label, editor.widget)
            self.editors[spec.key] = editor
        if rule.number == 25 and "materials" in self.editors and not values.get("materials"):
            present = {m.category for m in self.services.materials.of_member(self.member_id)}
            self.editors["materials"].set_value(sorted(present))
        if self.editors:
            self.ui.detailsBox.setTitle(f"纪实表事项（{len(self.editors)} 项，带 * 的必填）")
            # tab order: the fixed part, then the sheet's fields in order, then the people
            previous: QWidget = self.ui.serial_number
            for editor in self.editors.values():
                QWidget.setTabOrder(previous, editor.widget)
                previous = editor.widget
            QWidget.setTabOrder(previous, self.ui.personCombo)
        rows = sum(1 for _ in self.editors)
        self.ui.detailsArea.setMinimumHeight(min(360, 34 * rows + 10))

    def _date_changed(self, _date: QDate) -> None:
        rule = self.rule()
        self.warnings_shown = ""
        if rule != self._rule:
            values = self.details()
            self._rule = rule
            self._build_fields(rule, values)
        self._apply_rule()

    # people -------------------------------------------------------------------------

    def _fill_people_picker(self) -> None:
        members = [
            (name, member_id)
            for member_id, name in self.services.members.full_members_of(self.branch_id)
            if member_id != self.member_id
        ]
        fill_combo(self.ui.personCombo, members)
        if not members:
            self.ui.personCombo.setPlaceholderText("本支部没有正式党员")

    def add_person(self) -> None:
        member_id = self.ui.personCombo.currentData()
        if member_id is None:
            return
        spec = self._rule.people
        if spec is not None and len(self.people) >= spec.max:
            self.errors.set_message("people", f"{spec.label}最多 {spec.max} 名")
            return
        if any(p[0] == member_id for p in self.people):
            self.errors.set_message("people", "同一人不能重复登记")
            return
        self.errors.set_message("people", "")
        self.people.append((member_id, self.ui.personCombo.currentText(),
                            self.ui.personPost.text().strip()))
        self.ui.personPost.clear()
        self._show_people()

    def remove_selected_person(self) -> None:
        row = self.ui.peopleTable.currentRow()
        if 0 <= row < len(self.people):
            del self.people[row]
            self._show_people()

    def _show_people(self) -> None:
        table = self.ui.peopleTable
        table.setRowCount(len(self.people))
        for row, (_member_id, name, post) in enumerate(self.people):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(post or "（工作岗位）"))
        self._update_people_buttons()

    def _update_people_buttons(self) -> None:
        spec = self._rule.people
        full = spec is not None and len(self.people) >= spec.max
        self.ui.addPerson.setEnabled(not full and self.ui.personCombo.count() > 0)
        self.ui.removePerson.setEnabled(bool(self.people))

    # values -------------------------------------------------------------------------

    def details(self) -> dict[str, Any]:
        values = {key: editor.value() for key, editor in self.editors.items()}
        return {key: value for key, value in values.items() if value is not None}

    def step_input(self) -> StepInput:
        return StepInput(
            step=self.step,
            date=self.entered_date(),
            content=self.ui.content.toPlainText().strip(),
            details=self.details(),
            people=[(member_id, post) for member_id, _name, post in self.people],
            meeting_ref=self.ui.meeting_ref.text().strip(),
            serial_number=self.ui.serial_number.text().strip() if self.step == 14 else "",
            exception_reason=self.ui.exception_reason.toPlainText().strip(),
        )

    def _load(self, record: RecordInfo) -> None:
        self.ui.content.setPlainText(record.content)
        self.ui.meeting_ref.setText(record.meeting_ref)
        self.ui.serial_number.setText(record.serial_number)
        for key, editor in self.editors.items():
            editor.set_value(record.details.get(key))
        self.people = [
            (p.member_id, p.name, p.post) for p in record.people if p.member_id is not None
        ]
        self._show_people()
        if record.exception_reason:
            self.ui.exception_reason.setPlainText(record.exception_reason)
            self.ui.reasonHint.setText("原记录填写了例外情况的原因：")
            self.ui.reasonBox.show()
        opinion = next((r.opinion for r in reversed(record.reviews) if r.outcome == "returned"), "")
        if opinion:
            self.ui.findings.setText(
                f'<span style="color:#9a5b00">退回意见：{html.escape(opinion)}</span>'
            )
            self.ui.findings.show()

    # checking and saving ------------------------------------------------------------

    def check(self) -> list[Finding] | None:
        """The service's findings on what is entered; None (errors shown) when it refuses."""
        try:
            return self.services.development.check(self.member_id, self.step_input())
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return None

    def run_check(self) -> None:
        """Show every finding (refusals, exceptions, warnings) without saving."""
        self.errors.clear()
        findings = self.check()
        if findings is None:
            self.ui.findings.hide()
            return
        self._show_reason_box(findings)
        if findings:
            self.ui.findings.setText(findings_html(findings))
        else:
            self.ui.findings.setText(f'<span style="{OK_STYLE}">检查通过：未发现问题</span>')
        self.ui.findings.show()

    def _show_reason_box(self, findings: Sequence[Finding]) -> bool:
        """Show the exception box when a finding needs a reason; True when one does."""
        needs = [f.message for f in findings if f.severity is Severity.NEEDS_REASON]
        if needs:
            self.ui.reasonHint.setText("\n".join(needs))
            self.ui.reasonBox.show()
        return bool(needs)

    def submit(self) -> None:
        self.errors.clear()
        findings = self.check()
        if findings is None:
            return
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            self.errors.show({"step": "\n".join(f.message for f in errors)})
            self.ui.findings.hide()
            return
        data = self.step_input()
        if self._show_reason_box(findings) and not data.exception_reason:
            self.errors.show(
                {"exception_reason": "请填写原因，说明为什么例外办理；原因将随记录保存"}
            )
            self.ui.exception_reason.setFocus()
            return
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        text = findings_html(warnings)
        if warnings and text != self.warnings_shown:
            self.warnings_shown = text
            self.ui.findings.setText(text + "<br>请核对以上提醒；确认无误后再点击“保存”。")
            self.ui.findings.show()
            return
        try:
            if self.correcting is not None:
                self.record_id = self.services.development.correct(
                    self.actor, self.correcting.id, data
                )
            else:
                self.record_id = self.services.development.record(
                    self.actor, self.member_id, data
                )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        self.accept()

    def error_messages(self) -> dict[str, str]:
        return self.errors.messages()


class StepReviewDialog(QDialog):
    """Reviews a pending record: 通过 or 退回 with an opinion; on paper also who and when."""

    def __init__(
        self, services: Services, actor: Actor, record: RecordInfo, member_name: str,
        on_paper: bool, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.record, self.on_paper = services, actor, record, on_paper
        self.ui = Ui_StepReviewDialog()
        self.ui.setupUi(self)
        localise_buttons(self.ui.buttons)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("保存审核" if on_paper else "提交审核")
        ok.setDefault(True)
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        fields = ("opinion", "reviewer_name", "reviewer_post", "review_date")
        self.errors = FieldErrors.from_form(self.ui, fields)
        self.errors.labels["review"] = self.ui.err_general
        rule = rulebook_on(record.date).step(record.step)
        title = "录入纸质审核" if on_paper else "审核"
        self.setWindowTitle(f"{title} — {member_name} 第 {record.step} 步")
        self.ui.heading.setText(
            f"<b>{html.escape(member_name)}：第 {record.step} 步 {html.escape(rule.name)}</b>"
            f"<br>记录日期 {fmt(record.date)} · 第 {record.version} 版 · "
            f"录入人 {html.escape(record.recorded_by)}"
        )
        today = services.development.today()
        prepare_date_edit(self.ui.review_date, today)
        self.ui.review_date.setMaximumDate(to_qdate(today))
        self.ui.review_date.setMinimumDate(to_qdate(record.date))
        for widget in (self.ui.reviewer_name, self.ui.reviewer_post, self.ui.review_date):
            self.ui.form.setRowVisible(widget, on_paper)
        for label in (self.ui.err_reviewer_name, self.ui.err_reviewer_post,
                      self.ui.err_review_date):
            self.ui.form.setRowVisible(label, on_paper)
        if on_paper:
            self.ui.hint.setText(
                "录入在纸质纪实表上已签署的审核：填写审核人的姓名、职务和签署日期。"
                "这条审核将标记为“纸质审核”。审核人不能是这条记录的录入人。"
            )
        else:
            who = actor.display_name or actor.username
            self.ui.hint.setText(f"审核人：{who}（{actor.role.label}），审核日期 {fmt(today)}。")
        self.ui.returned.toggled.connect(self._outcome_changed)
        self._outcome_changed(False)
        self.ui.passed.setFocus()

    def _outcome_changed(self, returned: bool) -> None:
        self.ui.opinion.setPlaceholderText(
            "退回时必填：写明需要更正的内容" if returned else "如“符合规定，同意”（可不填）"
        )
        self.ui.opinionLabel.setText("审核意见*(&O)：" if returned else "审核意见(&O)：")

    def submit(self) -> None:
        self.errors.clear()
        passed = self.ui.passed.isChecked()
        opinion = self.ui.opinion.toPlainText().strip()
        if not passed and not opinion:
            self.errors.show({"opinion": "退回时请写明需要更正的内容"})
            return
        development = self.services.development
        try:
            if self.on_paper:
                development.enter_paper_review(
                    self.actor, self.record.id, passed, opinion, self.ui.reviewer_name.text(),
                    self.ui.reviewer_post.text(), from_qdate(self.ui.review_date.date()),
                )
            else:
                development.review(self.actor, self.record.id, passed, opinion)
        except BranchDeskError as exc:  # a ValidationError shows beside its fields
            self.errors.show_exception(exc)
            return
        self.accept()


"""The dialog that adds, edits or shows one member record, with its event history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidgetItem,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.errors import BranchDeskError, EditConflict, ValidationError
from branchdesk.core.idnumber import IdNumberError, parse_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.members import EventInfo, MemberDetail, ResumeLine
from branchdesk.core.services import Services
from branchdesk.core.vocab import (
    DISCIPLINES,
    EDUCATION_LEVELS,
    ETHNICITIES,
    EventKind,
    Stage,
    Status,
)
from branchdesk.gui.common import (
    FieldErrors,
    combo_data,
    combo_set_data,
    fill_combo,
    format_local,
    localise_buttons,
    show_error,
)
from branchdesk.gui.forms.ui_member_dialog import Ui_MemberDialog
from branchdesk.gui.member_event_dialog import MemberEventDialog
from branchdesk.gui.resume_dialog import ResumeLineDialog
from branchdesk.gui.signals import emit

FIELDS = (
    "name", "id_number", "gender", "birth_date", "ethnicity", "native_place", "education",
    "job", "phone", "address", "stage", "status", "branch_id", "group_id", "join_date",
    "full_member_date", "dues_paid_through", "lost_contact_date", "mobile_destination", "note",
    "organisations_joined", "discipline",
)
RESUME_COLUMNS = ("起止年月", "在何地、何单位学习或工作，任何职", "证明人")
EVENT_COLUMNS = ("日期", "类别", "变更", "原因", "记录人", "记录时间")
ERROR_BANNER = "background: #fdecea; color: #8a1c1c; padding: 6px; border-radius: 3px;"
INFO_BANNER = "background: #eef3fb; color: #1f3b63; padding: 6px; border-radius: 3px;"


def _value_label(kind: EventKind, code: str) -> str:
    if not code:
        return ""
    try:
        return (Stage(code) if kind is EventKind.STAGE else Status(code)).label
    except ValueError:
        return code


def event_change_text(event: EventInfo) -> str:
    """'入党积极分子 → 发展对象' for a stage or status event; '' for a void or restore."""
    if event.kind not in (EventKind.STAGE, EventKind.STATUS):
        return ""
    before = _value_label(event.kind, event.from_value) or "（新登记）"
    return f"{before} → {_value_label(event.kind, event.to_value)}"


class MemberDialog(QDialog):
    """Adds a member (``member_id`` None) or edits one; a reviewer or a voided record is read-only.

    Raises NotFound from the constructor when the record does not exist (or is voided and the
    actor is not an administrator).
    """

    #: emitted with the member's id after anything about the member was written
    member_changed = Signal(int)

    def __init__(
        self, services: Services, actor: Actor, member_id: int | None = None,
        default_branch_id: int | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.member_id = services, actor, member_id
        self.detail: MemberDetail | None = None
        self.modified = False
        self.resume_lines: list[ResumeLine] = []
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        localise_buttons(self.ui.buttons)
        self.save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("保存(&S)")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("保存（Ctrl+S）")
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.errors = FieldErrors.from_form(self.ui, FIELDS)
        self._setup_fields()
        self._setup_events_table()
        if member_id is None:
            self._start_new(default_branch_id)
        else:
            self._load(member_id)
        self.ui.tabs.setCurrentIndex(0)
        self.ui.name.setFocus()

    # setting up ----------------------------------------------------------------------

    def _setup_fields(self) -> None:
        ui = self.ui
        fill_combo(ui.ethnicity, [(e, e) for e in ETHNICITIES])
        fill_combo(ui.education, [(e, e) for e in EDUCATION_LEVELS], blank="（未填）")
        ui.education.setItemData(0, "")
        fill_combo(ui.stage, [(s.label, s) for s in Stage])
        fill_combo(ui.discipline, [(d, d) for d in DISCIPLINES])
        ui.addResumeButton.clicked.connect(lambda: self._edit_resume(None))
        ui.editResumeButton.clicked.connect(self._edit_selected_resume)
        ui.resume.doubleClicked.connect(self._edit_selected_resume)
        fill_combo(
            ui.branch_id,
            [(b.name, b.id) for b in self.services.organisations.branches()],
            blank="（请选择）",
        )
        ui.id_number.textChanged.connect(self._id_changed)
        ui.id_number.editingFinished.connect(self._id_finished)
        ui.branch_id.currentIndexChanged.connect(self._branch_changed)
        ui.stage.currentIndexChanged.connect(self._stage_changed)
        ui.lost_contact.toggled.connect(self._lost_contact_toggled)
        ui.mobile.toggled.connect(self._mobile_toggled)
        ui.changeStageButton.clicked.connect(lambda: self._record_event(EventKind.STAGE))
        ui.changeStatusButton.clicked.connect(lambda: self._record_event(EventKind.STATUS))
        ui.voidButton.clicked.connect(lambda: self._record_event(EventKind.VOID))
        ui.restoreButton.clicked.connect(lambda: self._record_event(EventKind.RESTORE))
        for edit in (ui.gender, ui.birth_date, ui.status):
            edit.setStyleSheet("QLineEdit { background: palette(window); }")
        ui.banner.hide()

    def _setup_events_table(self) -> None:
        table = self.ui.events
        table.setColumnCount(len(EVENT_COLUMNS))
        table.setHorizontalHeaderLabels(list(EVENT_COLUMNS))
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        resume = self.ui.resume
        resume.setColumnCount(len(RESUME_COLUMNS))
        resume.setHorizontalHeaderLabels(list(RESUME_COLUMNS))
        resume.verticalHeader().hide()
        resume.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        resume.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _start_new(self, default_branch_id: int | None) -> None:
        self.setWindowTitle("新增党员")
        self.ui.tabs.setTabVisible(self.ui.tabs.indexOf(self.ui.historyTab), False)
        self.ui.tabs.setTabVisible(self.ui.tabs.indexOf(self.ui.resumeTab), False)
        combo_set_data(self.ui.discipline, "无")
        combo_set_data(self.ui.ethnicity, "汉族")
        combo_set_data(self.ui.stage, Stage.FULL)
        self.ui.status.setText(Status.NORMAL.label)
        if default_branch_id is not None:
            combo_set_data(self.ui.branch_id, default_branch_id)
        elif self.ui.branch_id.count() == 2:
            self.ui.branch_id.setCurrentIndex(1)
        self._branch_changed()
        self._stage_changed()
        self._lost_contact_toggled(False)
        self._mobile_toggled(False)
        self._apply_permissions()

    def _load(self, member_id: int) -> None:
        detail = self.services.members.get(member_id, self.actor)
        self.detail = detail
        d, ui = detail.data, self.ui
        ui.name.setText(d.name)
        ui.id_number.setText(d.id_number)
        combo_set_data(ui.ethnicity, d.ethnicity) or ui.ethnicity.addItem(d.ethnicity, d.ethnicity)
        ui.native_place.setText(d.native_place)
        combo_set_data(ui.education, d.education)
        ui.job.setText(d.job)
        ui.phone.setText(d.phone)
        ui.address.setText(d.address)
        if not combo_set_data(ui.branch_id, d.branch_id):
            ui.branch_id.addItem(f"{detail.branch_name}（已撤销）", d.branch_id)
            ui.branch_id.setCurrentIndex(ui.branch_id.count() - 1)
        self._branch_changed()
        if d.group_id is not None and not combo_set_data(ui.group_id, d.group_id):
            ui.group_id.addItem(f"{detail.group_name}（已撤销）", d.group_id)
            ui.group_id.setCurrentIndex(ui.group_id.count() - 1)
        ui.lost_contact.setChecked(d.lost_contact)
        ui.lost_contact_date.set_value(d.lost_contact_date)
        ui.mobile.setChecked(d.mobile)
        ui.mobile_destination.setText(d.mobile_destination)
        ui.note.setPlainText(d.note)
        ui.organisations_joined.setText(d.organisations_joined)
        combo_set_data(ui.discipline, d.discipline)
        self._fill_resume()
        self._lost_contact_toggled(d.lost_contact)
        self._mobile_toggled(d.mobile)
        self._show_standing(detail)
        self._apply_permissions()

    def _show_standing(self, detail: MemberDetail) -> None:
        """Stage, status, the dates the stage sets, the event history and the void banner."""
        ui, d = self.ui, detail.data
        combo_set_data(ui.stage, d.stage)
        ui.status.setText(detail.status.label)
        ui.join_date.set_value(d.join_date)
        ui.full_member_date.set_value(d.full_member_date)
        ui.dues_paid_through.set_value(d.dues_paid_through)
        self._stage_changed()
        self._fill_events(detail.events)
        if detail.voided:
            ui.banner.setText(f"此记录已作废（原因：{detail.void_reason}），只能查看。")
            ui.banner.setStyleSheet(ERROR_BANNER)
            ui.banner.show()
        elif detail.status is Status.TRANSFERRED_OUT:
            ui.banner.setText(
                f"{d.name}的组织关系已转出，档案保留、只读。转回本单位时请在“组织关系转接”中"
                "登记转入或导入转接包。"
            )
            ui.banner.setStyleSheet(INFO_BANNER)
            ui.banner.show()
        elif not self.actor.can_edit_records:
            ui.banner.setText(f"{self.actor.role.label}只能查看党员信息。")
            ui.banner.setStyleSheet(INFO_BANNER)
            ui.banner.show()
        else:
            ui.banner.hide()
        title = "查看党员信息" if self.read_only else "修改党员信息"
        self.setWindowTitle(f"{title} — {d.name}" + ("（只读）" if self.read_only else ""))

    @property
    def read_only(self) -> bool:
        return not self.actor.can_edit_records or (
            self.detail is not None
            and (self.detail.voided or self.detail.status is Status.TRANSFERRED_OUT)
        )

    def _apply_permissions(self) -> None:
        ui, editing = self.ui, self.detail is not None
        read_only = self.read_only
        for name in FIELDS:
            widget = getattr(ui, name)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only or name in ("gender", "birth_date", "status"))
                if read_only:
                    widget.setPlaceholderText("")
            elif isinstance(widget, QComboBox) and name != "group_id":
                widget.setEnabled(not read_only and not (name == "stage" and editing))
        ui.lost_contact.setEnabled(not read_only)
        ui.mobile.setEnabled(not read_only)
        ui.group_id.setEnabled(ui.group_id.count() > 1 and not read_only)
        ui.lost_contact_date.setEnabled(ui.lost_contact.isChecked() and not read_only)
        ui.mobile_destination.setEnabled(ui.mobile.isChecked())
        self._stage_changed()
        if editing:
            ui.stage.setToolTip("人员类别请在“变更记录”页用“变更人员类别…”登记")
        self.save_button.setVisible(not read_only)
        cancel = self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("关闭" if read_only else "取消")
        voided = self.detail is not None and self.detail.voided
        can_edit = self.actor.can_edit_records and not voided and not read_only
        ui.addResumeButton.setVisible(can_edit)
        ui.editResumeButton.setVisible(can_edit)
        ui.changeStageButton.setVisible(can_edit)
        ui.changeStatusButton.setVisible(can_edit)
        ui.voidButton.setVisible(can_edit)
        ui.restoreButton.setVisible(voided and self.actor.is_admin)

    def _fill_resume(self) -> None:
        """The 本人简历 lines, struck-out ones greyed and crossed out."""
        if self.member_id is None:
            return
        lines = self.services.resume.lines(self.member_id, include_struck_out=True)
        self.resume_lines = lines
        table = self.ui.resume
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            period = f"{line.start}—{line.end}" if line.end else f"{line.start}—至今"
            for column, text in enumerate((period, line.what, line.witness)):
                item = QTableWidgetItem(text)
                if line.struck_out:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QColor("#8a8a8a"))
                    item.setToolTip("已划去")
                table.setItem(row, column, item)

    def _edit_selected_resume(self) -> None:
        row = self.ui.resume.currentRow()
        if 0 <= row < len(self.resume_lines):
            self._edit_resume(self.resume_lines[row])

    def _edit_resume(self, line: ResumeLine | None) -> None:
        if self.member_id is None or self.read_only:
            return
        if line is not None:  # as saved now: another program may have corrected it meanwhile
            fresh = {f.id: f for f in self.services.resume.lines(self.member_id, True)}
            line = fresh.get(line.id, line)
        dialog = ResumeLineDialog(
            self.services.resume, self.actor, self.member_id, line, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.modified = True
        self._fill_resume()

    def _fill_events(self, events: tuple[EventInfo, ...]) -> None:
        names = {a.username: a.display_name for a in self.services.accounts.list_accounts()}
        table = self.ui.events
        table.setRowCount(len(events))
        for row, event in enumerate(sorted(events, key=lambda e: (e.date, e.id))):
            recorder = names.get(event.recorded_by) or event.recorded_by
            cells = (
                fmt(event.date), event.kind.label, event_change_text(event), event.reason,
                recorder, format_local(event.recorded_at),
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))

    # reactions to input --------------------------------------------------------------

    def _id_changed(self, text: str) -> None:
        try:
            parsed = parse_id_number(text, self.services.members.today())
        except IdNumberError:
            self.ui.gender.clear()
            self.ui.birth_date.clear()
            return
        self.ui.gender.setText(parsed.gender)
        self.ui.birth_date.setText(fmt(parsed.birth_date))
        self.errors.set_message("id_number", "")

    def _id_finished(self) -> None:
        text = self.ui.id_number.text().strip()
        if not text:
            return
        try:
            parse_id_number(text, self.services.members.today())
        except IdNumberError as exc:
            self.errors.set_message("id_number", str(exc))

    def _branch_changed(self) -> None:
        branch_id = combo_data(self.ui.branch_id)
        groups = self.services.organisations.groups_of(branch_id) if branch_id else []
        fill_combo(self.ui.group_id, [(g.name, g.id) for g in groups], blank="（不分党小组）")
        self.ui.group_id.setEnabled(bool(groups) and not self.read_only)

    def _stage_changed(self) -> None:
        stage = Stage(combo_data(self.ui.stage))
        joined = stage in (Stage.PROBATIONARY, Stage.FULL)
        full = stage is Stage.FULL
        if self.detail is None:
            if not joined:
                self.ui.join_date.clear_value()
            if not full:
                self.ui.full_member_date.clear_value()
        if not joined:  # only 预备/正式党员 pay dues
            self.ui.dues_paid_through.clear_value()
        self.ui.join_date.setEnabled(joined and not self.read_only)
        self.ui.full_member_date.setEnabled(full and not self.read_only)
        self.ui.dues_paid_through.setEnabled(joined and not self.read_only)

    def _lost_contact_toggled(self, checked: bool) -> None:
        if not checked:
            self.ui.lost_contact_date.clear_value()
        self.ui.lost_contact_date.setEnabled(checked and not self.read_only)

    def _mobile_toggled(self, checked: bool) -> None:
        self.ui.mobile_destination.setEnabled(checked)

    # saving ----------------------------------------------------------------------------

    def member_input(self) -> MemberInput:
        """The record as the form holds it."""
        ui = self.ui
        birth, gender = None, ""
        try:
            parsed = parse_id_number(ui.id_number.text(), self.services.members.today())
            birth, gender = parsed.birth_date, parsed.gender
        except IdNumberError:
            pass
        return MemberInput(
            name=ui.name.text(),
            id_number=ui.id_number.text(),
            branch_id=combo_data(ui.branch_id),
            stage=Stage(combo_data(ui.stage)),
            gender=gender,
            birth_date=birth,
            ethnicity=combo_data(ui.ethnicity) or "",
            native_place=ui.native_place.text(),
            education=combo_data(ui.education) or "",
            group_id=combo_data(ui.group_id),
            join_date=ui.join_date.value(),
            full_member_date=ui.full_member_date.value(),
            dues_paid_through=ui.dues_paid_through.value(),
            job=ui.job.text(),
            phone=ui.phone.text(),
            address=ui.address.text(),
            lost_contact=ui.lost_contact.isChecked(),
            lost_contact_date=ui.lost_contact_date.value(),
            mobile=ui.mobile.isChecked(),
            mobile_destination=ui.mobile_destination.text(),
            note=ui.note.toPlainText(),
            discipline=combo_data(ui.discipline) or "无",
            organisations_joined=ui.organisations_joined.text(),
        )

    def save(self) -> None:
        """Create or update the record; on bad input show the messages and stay open."""
        if self.read_only:
            return
        data = self.member_input()
        try:
            if self.member_id is None:
                self.member_id = self.services.members.create(self.actor, data)
            else:
                version = self.detail.row_version if self.detail else None
                self.services.members.update(self.actor, self.member_id, data, version)
        except ValidationError as exc:
            self.ui.tabs.setCurrentIndex(0)
            self.errors.show(exc.errors)
            return
        except EditConflict as exc:  # saved by someone else meanwhile: keep the input
            self.errors.show_exception(exc)
            show_error(self, exc)
            return
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        self.errors.clear()
        self.modified = True
        emit(self.member_changed, self.member_id)
        self.accept()

    def _record_event(self, kind: EventKind) -> None:
        if self.detail is None:
            return
        dialog = MemberEventDialog(self.services, self.actor, self.detail, kind, self)
        if not dialog.exec():
            return
        self.modified = True
        assert self.member_id is not None
        if kind is EventKind.VOID and not self.actor.is_admin:
            # only an administrator sees voided records: the record leaves this clerk's view
            emit(self.member_changed, self.member_id)
            self.accept()
            return
        try:
            self.detail = self.services.members.get(self.member_id, self.actor)
        except BranchDeskError as exc:
            show_error(self, exc)
            self.accept()
            return
        self._show_standing(self.detail)
        self._apply_permissions()
        self.ui.events.scrollToBottom()
        emit(self.member_changed, self.member_id)
        self.ui.tabs.setCurrentIndex(1)
        self.ui.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

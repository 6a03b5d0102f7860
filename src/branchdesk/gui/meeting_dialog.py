"""The minutes editor (会议记录): attendance, agenda items, votes judged live, attachments."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QListWidgetItem,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, EditConflict, ValidationError
from branchdesk.core.materials import MAX_SCAN_BYTES, sniff_media_type
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import (
    ADMISSION,
    CONVERSION,
    PURPOSE_LABELS,
    AgendaItem,
    AttachmentInfo,
    Attendee,
    MeetingInput,
    VoteInput,
    attendance_counts,
    attendance_text,
    judge,
    vote_subjects,
)
from branchdesk.core.rulebook import (
    CONVERSION_OUTCOMES,
    EXTEND,
    SECRET_BALLOT,
    VOTE_METHODS,
    quorum,
)
from branchdesk.core.rulebook.checks import meeting_quorum
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui.common import (
    ERROR_STYLE,
    FieldErrors,
    combo_data,
    combo_set_data,
    fill_combo,
    from_qdate,
    localise_buttons,
    prepare_date_edit,
    show_error,
    to_qdate,
)
from branchdesk.gui.forms.ui_meeting_dialog import Ui_MeetingDialog
from branchdesk.gui.signals import emit
from branchdesk.gui.table_model import HeadedTableModel
from branchdesk.storage.roster import RosterFilter

AnyIndex = QModelIndex | QPersistentModelIndex
PASSED_STYLE = "color: #1b5e20; font-weight: bold;"
FAILED_STYLE = "color: #c00000; font-weight: bold;"
GOOD_STYLE = "color: #1b5e20;"
CAUTION_STYLE = "color: #9a5b00;"
ABSENT_BACKGROUND = QColor("#fdecea")
BASIC_TAB, ATTENDANCE_TAB, AGENDA_TAB, DISCUSSION_TAB, FILES_TAB = range(5)
FIELD_TABS = {
    "kind": BASIC_TAB, "organisation_id": BASIC_TAB, "date": BASIC_TAB,
    "start_time": BASIC_TAB, "end_time": BASIC_TAB, "place": BASIC_TAB, "host": BASIC_TAB,
    "recorder": BASIC_TAB, "speaker": BASIC_TAB, "topic": BASIC_TAB,
    "present": ATTENDANCE_TAB, "absences": ATTENDANCE_TAB, "agenda": AGENDA_TAB,
    "file": FILES_TAB,
}
FIELDS = (*FIELD_TABS, "correction_reason")
MEDIA_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
OTHER_PURPOSE = ""


# attendance ------------------------------------------------------------------------------

ATTENDANCE_COLUMNS = ("姓名", "身份", "实到", "缺席原因")
NAME_COLUMN, STAGE_COLUMN, PRESENT_COLUMN, REASON_COLUMN = range(len(ATTENDANCE_COLUMNS))


class AttendanceModel(HeadedTableModel):
    """应到 members: tick 实到, or give a 缺席原因 for each one who did not come."""

    #: emitted when a tick or a reason changed
    attendance_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(ATTENDANCE_COLUMNS, parent)
        self.attendees: list[Attendee] = []
        self._present: dict[int, bool] = {}
        self._reasons: dict[int, str] = {}

    def set_attendees(self, attendees: list[Attendee]) -> None:
        """Show these members; ticks and reasons already given for them are kept."""
        self.beginResetModel()
        self.attendees = list(attendees)
        for a in self.attendees:
            self._present.setdefault(a.member_id, True)
        self.endResetModel()
        emit(self.attendance_changed)

    def set_record(self, present: tuple[int, ...], absences: tuple[tuple[int, str], ...]) -> None:
        """Ticks and reasons as a stored record has them."""
        self.beginResetModel()
        self._present = {i: True for i in present}
        for member_id, reason in absences:
            self._present[member_id] = False
            self._reasons[member_id] = reason
        self.endResetModel()
        emit(self.attendance_changed)

    def set_all_present(self) -> None:
        for a in self.attendees:
            self._present[a.member_id] = True
        self._changed(0, self.rowCount() - 1)

    def is_present(self, member_id: int) -> bool:
        return self._present.get(member_id, True)

    def present_ids(self) -> tuple[int, ...]:
        return tuple(a.member_id for a in self.attendees if self.is_present(a.member_id))

    def absences(self) -> tuple[tuple[int, str], ...]:
        return tuple(
            (a.member_id, self._reasons.get(a.member_id, "").strip())
            for a in self.attendees if not self.is_present(a.member_id)
        )

    def voters(self) -> tuple[int, int]:
        """(full members expected, of them ticked present): who may vote."""
        voters = [a for a in self.attendees if a.can_vote]
        return len(voters), sum(1 for a in voters if self.is_present(a.member_id))

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            emit(self.dataChanged, self.index(first, 0), self.index(last, REASON_COLUMN))
        emit(self.attendance_changed)

    # Qt model ------------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self.attendees)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.attendees):
            return None
        a = self.attendees[index.row()]
        column, present = index.column(), self.is_present(a.member_id)
        if role == Qt.ItemDataRole.CheckStateRole and column == PRESENT_COLUMN:
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME_COLUMN:
                return a.name
            if column == STAGE_COLUMN:
                return "正式党员" if a.can_vote else f"{a.stage.label}（无表决权）"
            if column == PRESENT_COLUMN:
                return "实到" if present else "缺席"
            if column == REASON_COLUMN:
                return "" if present else self._reasons.get(a.member_id, "")
        if role == Qt.ItemDataRole.BackgroundRole and not present:
            return QBrush(ABSENT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON_COLUMN and not present:
            return "双击填写缺席原因（必填），如 病假、出差、因公外出"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PRESENT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == REASON_COLUMN and not self.is_present(
            self.attendees[index.row()].member_id
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(  # noqa: N802
        self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.attendees):
            return False
        member_id = self.attendees[index.row()].member_id
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == PRESENT_COLUMN:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            self._present[member_id] = checked
            self._changed(index.row(), index.row())
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == REASON_COLUMN:
            if self.is_present(member_id):
                return False
            self._reasons[member_id] = str(value or "")
            self._changed(index.row(), index.row())
            return True
        return False


# agenda drafts -----------------------------------------------------------------------------


@dataclass
class AgendaDraft:
    """An agenda item while it is being edited; ``follows`` marks votes whose 应到/实到
    still follow the attendance list (the clerk has not typed them)."""

    title: str = ""
    discussion: str = ""
    resolution: str = ""
    votes: list[VoteInput] = field(default_factory=list)
    follows: list[bool] = field(default_factory=list)

    def item(self) -> AgendaItem:
        return AgendaItem(self.title, self.discussion, self.resolution, tuple(self.votes))


# attachments -------------------------------------------------------------------------------


def ask_attachment(parent: QWidget) -> tuple[Path, str] | None:
    """Ask for a scan (PDF/JPG/PNG) and its name; None when the clerk cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "选择附件", str(Path.home()), "扫描件 (*.pdf *.jpg *.jpeg *.png)"
    )
    if not name:
        return None
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("附件名称")
    dialog.setLabelText("附件名称（如 签到表、会议照片）：")
    dialog.setTextValue(Path(name).stem)
    dialog.setOkButtonText("添加")
    dialog.setCancelButtonText("取消")
    if not dialog.exec() or not dialog.textValue().strip():
        return None
    return Path(name), dialog.textValue().strip()


def open_attachment(services: Services, info: AttachmentInfo, parent: QWidget) -> Path | None:
    """Write an attachment to a temporary file and open it with the system viewer."""
    try:
        data = services.meetings.attachment_bytes(info.id)
    except BranchDeskError as exc:
        show_error(parent, exc)
        return None
    folder = Path(tempfile.mkdtemp(prefix="branchdesk-"))
    suffix = MEDIA_SUFFIXES.get(info.media_type, "")
    target = folder / f"{Path(info.file_name).stem or info.id}{suffix}"
    target.write_bytes(data)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    return target


def check_scan(path: Path) -> str:
    """'' when ``path`` is a PDF/JPG/PNG scan the meetings service will take, else why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"无法读取文件“{path}”：{exc.strerror}"
    if not data or len(data) > MAX_SCAN_BYTES or sniff_media_type(data) is None:
        return "附件须是不超过 50 MB 的 PDF、JPG 或 PNG 文件"
    return ""


# the dialog ---------------------------------------------------------------------------------


class MeetingDialog(QDialog):
    """Records a meeting, or corrects one as a new version (the old version stays)."""

    #: emitted with the meeting id after a save
    saved = Signal(int)

    def __init__(
        self, services: Services, actor: Actor, meeting_id: int | None = None,
        today: dt.date | None = None, parent: QWidget | None = None,
        kind: MeetingKind = MeetingKind.GENERAL_MEETING, organisation_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.meeting_id = meeting_id
        #: the meeting's row_version when loaded: a correction cannot overwrite a newer one
        self.loaded_version: int | None = None
        self.today = today or services.meetings.today()
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        self.errors = FieldErrors.from_form(self.ui, FIELDS)
        self.attendance = AttendanceModel(self)
        self.drafts: list[AgendaDraft] = []
        self.names: dict[int, str] = {}
        self.pending_files: list[tuple[Path, str]] = []
        self.attachment_infos: list[AttachmentInfo] = []
        self._loading = False
        self._build()
        if meeting_id is None:
            self.setWindowTitle("新建会议记录")
            combo_set_data(self.ui.kind, kind.value)
            self._kind_changed()
            if organisation_id is not None:
                combo_set_data(self.ui.organisation_id, organisation_id)
            self._refresh_attendees()
            self.add_item()
        else:
            self._load(meeting_id)
        self._update_meeting_quorum()
        self.ui.tabs.setCurrentIndex(BASIC_TAB)
        self.ui.kind.setFocus()

    # building --------------------------------------------------------------------------

    def _build(self) -> None:
        ui = self.ui
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        localise_buttons(ui.buttons)
        ok.setText("保存(&S)")
        ok.setDefault(True)
        ok.setToolTip("保存会议记录（Ctrl+S）")
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        fill_combo(ui.kind, ((k.label, k.value) for k in MeetingKind))
        fill_combo(ui.method, ((m, m) for m in VOTE_METHODS))
        fill_combo(ui.outcome, ((o, o) for o in CONVERSION_OUTCOMES))
        prepare_date_edit(ui.date, self.today)
        ui.date.setMaximumDate(to_qdate(self.today))
        ui.extension_months.setMinimum(0)
        ui.heading.setTextFormat(Qt.TextFormat.RichText)
        ui.quorumWarning.setWordWrap(True)
        ui.attendance.setModel(self.attendance)
        ui.attendance.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        ui.attendance.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        ui.attendance.verticalHeader().setVisible(False)
        header = ui.attendance.horizontalHeader()
        em = ui.attendance.fontMetrics().horizontalAdvance("中")
        for column, chars in enumerate((6, 10, 5)):
            header.resizeSection(column, em * chars + 20)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        ui.correction_reason.setVisible(False)
        ui.correctionLabel.setVisible(False)
        for label in (ui.quorumText, ui.resultText, ui.meetingQuorum, ui.quorumWarning):
            label.setTextFormat(Qt.TextFormat.PlainText)
        ui.voteHint.setStyleSheet("color: #555;")
        ui.attachmentHint.setStyleSheet("color: #555;")

        ui.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        ui.organisation_id.currentIndexChanged.connect(lambda _i: self._refresh_attendees())
        ui.date.dateChanged.connect(lambda _d: self._refresh_attendees())
        self.attendance.attendance_changed.connect(self._attendance_changed)
        ui.allPresent.clicked.connect(self.attendance.set_all_present)

        ui.agendaList.currentRowChanged.connect(self._show_item)
        ui.addItem.clicked.connect(self.add_item)
        ui.removeItem.clicked.connect(self.remove_item)
        ui.itemUp.clicked.connect(lambda: self.move_item(-1))
        ui.itemDown.clicked.connect(lambda: self.move_item(1))
        ui.item_title.textChanged.connect(self._item_edited)
        ui.item_discussion.textChanged.connect(self._item_edited)
        ui.item_resolution.textChanged.connect(self._item_edited)

        ui.voteList.currentRowChanged.connect(self._show_vote)
        ui.addVote.clicked.connect(lambda: self.add_vote())
        ui.removeVote.clicked.connect(self.remove_vote)
        ui.purpose.currentIndexChanged.connect(lambda _i: self._purpose_changed())
        for combo in (ui.candidate, ui.outcome, ui.method):
            combo.currentIndexChanged.connect(lambda _i: self._vote_edited())
        ui.subject.textChanged.connect(lambda _t: self._vote_edited())
        for spin in (ui.written, ui.yes, ui.against, ui.abstain, ui.extension_months):
            spin.valueChanged.connect(lambda _v: self._vote_edited())
        for spin in (ui.entitled, ui.vote_present):
            spin.valueChanged.connect(lambda _v: self._vote_edited(typed_counts=True))

        ui.addAttachment.clicked.connect(self.choose_attachment)
        ui.openAttachment.clicked.connect(self.open_selected_attachment)
        ui.attachments.itemActivated.connect(lambda _item: self.open_selected_attachment())
        self.resize(1040, 760)

    def _load(self, meeting_id: int) -> None:
        """Fill the editor with a meeting's current version, to correct it."""
        detail = self.services.meetings.get(meeting_id)
        self.loaded_version = detail.row_version
        current = detail.current
        data = current.data
        self.names = dict(current.names)
        self.setWindowTitle(f"更正会议记录 — {detail.kind.label} {data.date:%Y-%m-%d}")
        ui = self.ui
        ui.heading.setText(
            f"<b>更正 {detail.organisation} {detail.kind.label}（{data.date:%Y-%m-%d}）的记录</b>："
            f"保存后成为第 {current.version + 1} 版，原记录保留，可在版本中查看。"
        )
        ui.correction_reason.setVisible(True)
        ui.correctionLabel.setVisible(True)
        self._loading = True
        combo_set_data(ui.kind, detail.kind.value)
        self._fill_organisations(detail.kind)
        combo_set_data(ui.organisation_id, detail.organisation_id)
        ui.kind.setEnabled(False)
        ui.organisation_id.setEnabled(False)
        ui.kind.setToolTip("更正时不能改变会议类型和召开组织")
        ui.date.setDate(to_qdate(data.date))
        for edit, value in ((ui.start_time, data.start_time), (ui.end_time, data.end_time),
                            (ui.place, data.place), (ui.host, data.host),
                            (ui.recorder, data.recorder), (ui.speaker, data.speaker),
                            (ui.topic, data.topic), (ui.guests, data.guests)):
            edit.setText(value)
        ui.discussion.setPlainText(data.discussion)
        ui.resolutions.setPlainText(data.resolutions)
        self._loading = False
        self._show_kind_rows(detail.kind)
        self._update_purposes(detail.kind)
        self.attendance.set_record(data.present, data.absences)
        self._refresh_attendees()
        self.drafts = [
            AgendaDraft(item.title, item.discussion, item.resolution, list(item.votes),
                        [False] * len(item.votes))
            for item in data.agenda
        ]
        self._fill_agenda_list(0)
        self.attachment_infos = list(detail.attachments)
        self._fill_attachments()

    # kind and organisation --------------------------------------------------------------

    def kind(self) -> MeetingKind:
        value = combo_data(self.ui.kind)
        return MeetingKind(value) if value else MeetingKind.OTHER

    def _fill_organisations(self, kind: MeetingKind) -> None:
        chosen = combo_data(self.ui.organisation_id)
        branches = self.services.organisations.branches()
        if kind is MeetingKind.GROUP_MEETING:
            items = [
                (f"{b.name} · {g.name}", g.id)
                for b in branches for g in self.services.organisations.groups_of(b.id)
            ]
        else:
            items = [(b.name, b.id) for b in branches]
        fill_combo(self.ui.organisation_id, items)
        if chosen is not None:
            combo_set_data(self.ui.organisation_id, chosen)

    def _kind_changed(self) -> None:
        if self._loading:
            return
        kind = self.kind()
        self._fill_organisations(kind)
        self._show_kind_rows(kind)
        self._update_purposes(kind)
        self._refresh_attendees()

    def _show_kind_rows(self, kind: MeetingKind) -> None:
        lecture = kind is MeetingKind.PARTY_LECTURE
        form = self.ui.basicForm
        for widget in (self.ui.speaker, self.ui.topic):
            form.setRowVisible(widget, lecture)
        for label in (self.ui.err_speaker, self.ui.err_topic):
            if not lecture:
                label.hide()
        self.ui.organisationLabel.setText(
            "党小组(&O)：" if kind is MeetingKind.GROUP_MEETING else "召开组织(&O)："
        )

    def _update_purposes(self, kind: MeetingKind) -> None:
        """Admission and conversion votes belong to a 支部党员大会 only."""
        chosen = combo_data(self.ui.purpose)
        items: list[tuple[str, str]] = [("其他事项", OTHER_PURPOSE)]
        if kind is MeetingKind.GENERAL_MEETING:
            items += [(PURPOSE_LABELS[p], p) for p in (ADMISSION, CONVERSION)]
        self._loading, was = True, self._loading
        fill_combo(self.ui.purpose, items)
        combo_set_data(self.ui.purpose, chosen or OTHER_PURPOSE)
        self._loading = was

    def _refresh_attendees(self) -> None:
        """Fill 应到 from the members who should attend on the chosen date."""
        if self._loading:
            return
        organisation_id = combo_data(self.ui.organisation_id)
        if organisation_id is None:
            self.attendance.set_attendees([])
            return
        try:
            attendees = self.services.meetings.expected_attendees(
                self.kind(), organisation_id, from_qdate(self.ui.date.date())
            )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        self.names.update({a.member_id: a.name for a in attendees})
        self.attendance.set_attendees(attendees)
        self._fill_candidates()

    def _attendance_changed(self) -> None:
        expected = len(self.attendance.attendees)
        present = len(self.attendance.present_ids())
        self.ui.attendanceCount.setText(
            f"应到 {expected} 人，实到 {present} 人，缺席 {expected - present} 人"
        )
        entitled, voters_present = self.attendance.voters()
        for draft in self.drafts:
            for number, follows in enumerate(draft.follows):
                if follows:
                    draft.votes[number] = replace(
                        draft.votes[number], entitled=entitled, present=voters_present
                    )
        self._show_vote(self.ui.voteList.currentRow())
        self._update_meeting_quorum()

    def _attendance_counts(self) -> tuple[int, int] | None:
        return attendance_counts(
            self.kind(), self.attendance.attendees, set(self.attendance.present_ids())
        )

    def meeting_quorum(self) -> bool:
        """Half or more present (半数以上), as the service judges it (voters at a 支部党员大会,
        the committee at a 支委会); other kinds decide nothing by quorum."""
        counts = self._attendance_counts()
        return counts is None or meeting_quorum(*counts)

    def _meeting_date(self) -> dt.date:
        return from_qdate(self.ui.date.date())

    def _update_meeting_quorum(self) -> None:
        counts = self._attendance_counts()
        if counts is None:
            for label in (self.ui.quorumWarning, self.ui.meetingQuorum):
                label.hide()
            return
        text = attendance_text(self.kind(), *counts)
        if not self.meeting_quorum():
            style = FAILED_STYLE
        elif self.kind() is MeetingKind.GENERAL_MEETING and not quorum(*counts):
            style = CAUTION_STYLE  # held, but cannot vote on an admission or a conversion
        else:
            style = GOOD_STYLE
        for label in (self.ui.quorumWarning, self.ui.meetingQuorum):
            label.setText(text)
            label.setStyleSheet(style)
            label.show()
        self._update_vote_result()

    # agenda ------------------------------------------------------------------------------

    def current_draft(self) -> AgendaDraft | None:
        row = self.ui.agendaList.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _fill_agenda_list(self, select: int) -> None:
        self.ui.agendaList.blockSignals(True)
        self.ui.agendaList.clear()
        for number, draft in enumerate(self.drafts, 1):
            self.ui.agendaList.addItem(self._item_text(number, draft))
        self.ui.agendaList.blockSignals(False)
        self.ui.agendaList.setCurrentRow(min(select, len(self.drafts) - 1))
        self._show_item(self.ui.agendaList.currentRow())

    @staticmethod
    def _item_text(number: int, draft: AgendaDraft) -> str:
        votes = f"（{len(draft.votes)} 项表决）" if draft.votes else ""
        return f"{number}. {draft.title.strip() or '（未填写议题名称）'}{votes}"

    def add_item(self) -> None:
        """Add an agenda item and put the cursor in its title."""
        self.drafts.append(AgendaDraft())
        self._fill_agenda_list(len(self.drafts) - 1)
        self.ui.item_title.setFocus()

    def remove_item(self) -> None:
        row = self.ui.agendaList.currentRow()
        draft = self.current_draft()
        if draft is None or self._locked(draft):
            return
        del self.drafts[row]
        self._fill_agenda_list(max(row - 1, 0))

    def move_item(self, step: int) -> None:
        row = self.ui.agendaList.currentRow()
        target = row + step
        if not (0 <= row < len(self.drafts) and 0 <= target < len(self.drafts)):
            return
        self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
        self._fill_agenda_list(target)

    def _locked(self, draft: AgendaDraft) -> bool:
        """A correction keeps the admission/conversion votes: they are in the files."""
        return self.meeting_id is not None and any(v.purpose for v in draft.votes)

    def _show_item(self, row: int) -> None:
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        ui = self.ui
        ui.itemBox.setEnabled(draft is not None)
        ui.removeItem.setEnabled(draft is not None and not self._locked(draft))
        ui.itemUp.setEnabled(row > 0)
        ui.itemDown.setEnabled(0 <= row < len(self.drafts) - 1)
        self._loading, was = True, self._loading
        ui.item_title.setText(draft.title if draft else "")
        ui.item_discussion.setPlainText(draft.discussion if draft else "")
        ui.item_resolution.setPlainText(draft.resolution if draft else "")
        self._loading = was
        self._fill_vote_list(0)

    def _item_edited(self) -> None:
        draft = self.current_draft()
        if self._loading or draft is None:
            return
        draft.title = self.ui.item_title.text()
        draft.discussion = self.ui.item_discussion.toPlainText()
        draft.resolution = self.ui.item_resolution.toPlainText()
        row = self.ui.agendaList.currentRow()
        item = self.ui.agendaList.item(row)
        if item is not None:
            item.setText(self._item_text(row + 1, draft))

    # votes ---------------------------------------------------------------------------------

    def current_vote(self) -> tuple[AgendaDraft, int] | None:
        draft = self.current_draft()
        row = self.ui.voteList.currentRow()
        if draft is None or not 0 <= row < len(draft.votes):
            return None
        return draft, row

    def _vote_text(self, vote: VoteInput) -> str:
        subject = vote_subjects([vote], self.names)[0]
        result = judge(vote, self.meeting_quorum(), self._meeting_date())
        return f"{subject}：{'通过' if result.passed else '未通过'}"

    def _fill_vote_list(self, select: int) -> None:
        draft = self.current_draft()
        votes = draft.votes if draft else []
        ui = self.ui
        ui.voteList.blockSignals(True)
        ui.voteList.clear()
        for vote in votes:
            ui.voteList.addItem(QListWidgetItem(self._vote_text(vote)))
        ui.voteList.blockSignals(False)
        if votes:
            ui.voteList.setCurrentRow(min(select, len(votes) - 1))
        self._show_vote(ui.voteList.currentRow())

    def add_vote(self, purpose: str = OTHER_PURPOSE) -> None:
        """Add a vote to the selected item, counts taken from the attendance list."""
        draft = self.current_draft()
        if draft is None:
            return
        entitled, present = self.attendance.voters()
        draft.votes.append(
            VoteInput(method=SECRET_BALLOT, entitled=entitled, present=present, purpose=purpose)
        )
        draft.follows.append(True)
        self._fill_vote_list(len(draft.votes) - 1)
        self._refresh_item_text()
        self.ui.purpose.setFocus()

    def remove_vote(self) -> None:
        found = self.current_vote()
        if found is None:
            return
        draft, row = found
        if self.meeting_id is not None and draft.votes[row].purpose:
            return
        del draft.votes[row]
        del draft.follows[row]
        self._fill_vote_list(max(row - 1, 0))
        self._refresh_item_text()

    def _refresh_item_text(self) -> None:
        row = self.ui.agendaList.currentRow()
        draft = self.current_draft()
        item = self.ui.agendaList.item(row)
        if draft is not None and item is not None:
            item.setText(self._item_text(row + 1, draft))

    def _fill_candidates(self, keep: int | None = None) -> None:
        """发展对象 for an admission, 预备党员 for a conversion, of the chosen branch."""
        purpose = combo_data(self.ui.purpose)
        stage = {ADMISSION: Stage.CANDIDATE, CONVERSION: Stage.PROBATIONARY}.get(purpose or "")
        organisation_id = combo_data(self.ui.organisation_id)
        items: list[tuple[str, int]] = []
        if stage is not None and organisation_id is not None:
            ids = self.services.members.search_ids(
                RosterFilter(branch_ids=(organisation_id,), stage=stage.value)
            )
            rows = self.services.members.rows(ids)
            items = [(rows[i].name, i) for i in ids if i in rows]
            self.names.update({i: n for n, i in items})
        if keep is not None and keep not in {i for _n, i in items}:
            items.append((self.names.get(keep, f"人员 {keep}"), keep))
        was, self._loading = self._loading, True
        fill_combo(self.ui.candidate, items, blank="（请选择）" if stage is not None else None)
        if keep is not None:
            combo_set_data(self.ui.candidate, keep)
        self._loading = was

    def _show_vote(self, row: int) -> None:
        draft = self.current_draft()
        vote = draft.votes[row] if draft is not None and 0 <= row < len(draft.votes) else None
        ui = self.ui
        ui.voteEditor.setEnabled(vote is not None)
        ui.removeVote.setEnabled(vote is not None)
        ui.addVote.setEnabled(draft is not None)
        locked = vote is not None and self.meeting_id is not None and bool(vote.purpose)
        if locked:
            ui.voteEditor.setEnabled(False)
            ui.removeVote.setEnabled(False)
            ui.voteHint.setText("此表决已记入发展党员档案，更正会议记录时不能修改；"
                                "如有误，请在该人员的档案中退回更正。")
        elif vote is None:
            ui.voteHint.setText("需要表决的议题请点“添加表决”；接收预备党员、预备党员转正"
                                "须一人一表决（支部党员大会）。")
        else:
            ui.voteHint.setText("")
        ui.voteHint.setVisible(bool(ui.voteHint.text()))
        self._loading, was = True, self._loading
        vote = vote or VoteInput()
        combo_set_data(ui.purpose, vote.purpose)
        self._fill_candidates(vote.candidate_id)
        combo_set_data(ui.outcome, vote.outcome or CONVERSION_OUTCOMES[0])
        combo_set_data(ui.method, vote.method)
        ui.subject.setText(vote.subject)
        for spin, value in ((ui.entitled, vote.entitled), (ui.vote_present, vote.present),
                            (ui.written, vote.written), (ui.yes, vote.yes),
                            (ui.against, vote.against), (ui.abstain, vote.abstain),
                            (ui.extension_months, vote.extension_months)):
            spin.setValue(value)
        self._loading = was
        self._show_purpose_rows()
        self._update_vote_result()

    def _show_purpose_rows(self) -> None:
        purpose = combo_data(self.ui.purpose) or OTHER_PURPOSE
        form = self.ui.voteForm
        form.setRowVisible(self.ui.candidate, purpose != OTHER_PURPOSE)
        form.setRowVisible(self.ui.outcomeWidget, purpose == CONVERSION)
        form.setRowVisible(self.ui.subject, purpose == OTHER_PURPOSE)
        self.ui.extension_months.setVisible(combo_data(self.ui.outcome) == EXTEND)

    def _purpose_changed(self) -> None:
        if self._loading:
            return
        self._fill_candidates()
        if combo_data(self.ui.purpose) == ADMISSION:
            combo_set_data(self.ui.method, SECRET_BALLOT)
        self._vote_edited()

    def _vote_edited(self, typed_counts: bool = False) -> None:
        if self._loading:
            return
        found = self.current_vote()
        self._show_purpose_rows()
        if found is None:
            return
        draft, row = found
        ui = self.ui
        purpose = combo_data(ui.purpose) or OTHER_PURPOSE
        outcome = combo_data(ui.outcome) if purpose == CONVERSION else ""
        draft.votes[row] = VoteInput(
            subject=ui.subject.text().strip() if purpose == OTHER_PURPOSE else "",
            method=combo_data(ui.method) or SECRET_BALLOT,
            entitled=ui.entitled.value(), present=ui.vote_present.value(),
            written=ui.written.value(), yes=ui.yes.value(), against=ui.against.value(),
            abstain=ui.abstain.value(),
            candidate_id=combo_data(ui.candidate) if purpose != OTHER_PURPOSE else None,
            purpose=purpose, outcome=outcome or "",
            extension_months=ui.extension_months.value() if outcome == EXTEND else 0,
        )
        if typed_counts:
            draft.follows[row] = False
        item = ui.voteList.item(row)
        if item is not None:
            item.setText(self._vote_text(draft.votes[row]))
        self._update_vote_result()

    def _update_vote_result(self) -> None:
        found = self.current_vote()
        ui = self.ui
        if found is None:
            ui.quorumText.clear()
            ui.resultText.clear()
            return
        draft, row = found
        result = judge(draft.votes[row], self.meeting_quorum(), self._meeting_date())
        ui.quorumText.setText(result.quorum_text)
        ui.quorumText.setStyleSheet(GOOD_STYLE if result.quorum else ERROR_STYLE)
        ui.resultText.setText(result.result_text)
        ui.resultText.setStyleSheet(PASSED_STYLE if result.passed else FAILED_STYLE)
        for number, vote in enumerate(draft.votes):
            item = ui.voteList.item(number)
            if item is not None:
                item.setText(self._vote_text(vote))

    # attachments -----------------------------------------------------------------------

    def _fill_attachments(self) -> None:
        ui = self.ui
        ui.attachments.clear()
        for info in self.attachment_infos:
            ui.attachments.addItem(f"{info.title}（{info.file_name}，{info.size // 1024 + 1} KB）")
        for path, title in self.pending_files:
            ui.attachments.addItem(f"{title}（{path.name}，保存后添加）")
        if ui.attachments.count():
            ui.attachments.setCurrentRow(ui.attachments.count() - 1)
        ui.openAttachment.setEnabled(ui.attachments.count() > 0)
        ui.attachmentHint.setText(
            "签到表、会议照片等扫描件（PDF、JPG、PNG，每个不超过 50 MB）。"
            + ("新添加的附件在保存会议记录时一并保存。" if self.meeting_id is None
               else "附件立即保存，不属于某一版记录。")
        )

    def choose_attachment(self) -> None:
        chosen = ask_attachment(self)
        if chosen is not None:
            self.add_attachment(*chosen)

    def add_attachment(self, path: Path, title: str) -> bool:
        """Attach now (an existing meeting) or when the new meeting is saved."""
        self.errors.set_message("file", "")
        if self.meeting_id is None:
            problem = check_scan(path)
            if problem:
                self.errors.set_message("file", problem)
                return False
            self.pending_files.append((path, title))
        else:
            try:
                self.services.meetings.attach(self.actor, self.meeting_id, path, title)
            except ValidationError as exc:
                self.errors.set_message("file", "；".join(exc.errors.values()))
                return False
            except BranchDeskError as exc:
                show_error(self, exc)
                return False
            self.attachment_infos = list(self.services.meetings.get(self.meeting_id).attachments)
        self._fill_attachments()
        return True

    def open_selected_attachment(self) -> None:
        row = self.ui.attachments.currentRow()
        if 0 <= row < len(self.attachment_infos):
            open_attachment(self.services, self.attachment_infos[row], self)
        elif 0 <= row - len(self.attachment_infos) < len(self.pending_files):
            path = self.pending_files[row - len(self.attachment_infos)][0]
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # saving -----------------------------------------------------------------------------

    def data(self) -> MeetingInput:
        """The record as the clerk filled it in."""
        ui = self.ui
        kind = self.kind()
        lecture = kind is MeetingKind.PARTY_LECTURE
        return MeetingInput(
            kind=kind, organisation_id=combo_data(ui.organisation_id) or 0,
            date=from_qdate(ui.date.date()),
            start_time=ui.start_time.text().strip(), end_time=ui.end_time.text().strip(),
            place=ui.place.text(), host=ui.host.text(), recorder=ui.recorder.text(),
            speaker=ui.speaker.text() if lecture else "",
            topic=ui.topic.text() if lecture else "",
            present=self.attendance.present_ids(), absences=self.attendance.absences(),
            guests=ui.guests.text().strip(),
            agenda=tuple(d.item() for d in self.drafts),
            discussion=ui.discussion.toPlainText().strip(),
            resolutions=ui.resolutions.toPlainText().strip(),
        )

    def save(self) -> int | None:
        """Record (or correct) the meeting; errors stay in the dialog and nothing is saved."""
        self.errors.clear()
        if combo_data(self.ui.organisation_id) is None:
            self._show_errors({"organisation_id": "请先在“设置 → 组织机构”中建立党支部或党小组"})
            return None
        data = self.data()
        try:
            if self.meeting_id is None:
                meeting_id = self.services.meetings.record(self.actor, data)
            else:
                self.services.meetings.correct(
                    self.actor, self.meeting_id, data, self.ui.correction_reason.text(),
                    expected_version=self.loaded_version,
                )
                meeting_id = self.meeting_id
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return None
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            if isinstance(exc, EditConflict):  # corrected by someone else meanwhile: stay open
                show_error(self, exc)
            return None
        self.meeting_id = meeting_id
        failed = []
        for path, title in self.pending_files:
            try:
                self.services.meetings.attach(self.actor, meeting_id, path, title)
            except BranchDeskError as exc:
                failed.append(f"{title}：{exc}")
        self.pending_files = []
        if failed:
            show_error(self, "会议记录已保存，但以下附件未能添加，请在记录中重新添加：\n"
                       + "\n".join(failed))
        emit(self.saved, meeting_id)
        self.accept()
        return meeting_id

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.errors.show(errors)
        tabs = [FIELD_TABS[name] for name in errors if name in FIELD_TABS]
        if tabs:
            self.ui.tabs.setCurrentIndex(tabs[0])
            first = next(name for name in errors if name in FIELD_TABS)
            widget = getattr(self.ui, first, None)
            if isinstance(widget, QWidget) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        shown = sum(1 for name in errors if name in FIELD_TABS or name == "correction_reason")
        if shown and self.ui.err_general.isHidden():
            pages = sorted({self.ui.tabs.tabText(t) for t in tabs})
            self.ui.err_general.setText(
                "未保存：请按红字提示修改" + (f"（{'、'.join(pages)}）" if pages else "")
            )
            self.ui.err_general.show()

    def error_messages(self) -> dict[str, str]:
        """The messages shown now, by field ('' for the general one)."""
        return self.errors.messages()


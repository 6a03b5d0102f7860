"""A small dialog recording one event on a member: stage or status change, void, restore."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, EditConflict
from branchdesk.core.members import MemberDetail
from branchdesk.core.services import Services
from branchdesk.core.vocab import EventKind, Stage, Status
from branchdesk.gui.common import (
    FieldErrors,
    combo_data,
    fill_combo,
    from_qdate,
    localise_buttons,
    prepare_date_edit,
    show_error,
    to_qdate,
)
from branchdesk.gui.forms.ui_member_event_dialog import Ui_MemberEventDialog

TITLES = {
    EventKind.STAGE: "变更人员类别",
    EventKind.STATUS: "变更党籍状态",
    EventKind.VOID: "作废党员记录",
    EventKind.RESTORE: "撤销作废",
}


class MemberEventDialog(QDialog):
    """Asks for the new value, date and reason of an event and records it through the service."""

    def __init__(
        self, services: Services, actor: Actor, detail: MemberDetail, kind: EventKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.detail, self.kind = services, actor, detail, kind
        self.ui = Ui_MemberEventDialog()
        self.ui.setupUi(self)
        localise_buttons(self.ui.buttons)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("记录")
        self.ui.buttons.accepted.connect(self.submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.errors = FieldErrors(
            {
                "value": self.ui.err_value, "stage": self.ui.err_value,
                "status": self.ui.err_value, "date": self.ui.err_date,
                "reason": self.ui.err_reason,
            },
            self.ui.err_general,
            {"stage": self.ui.value, "status": self.ui.value, "date": self.ui.date,
             "reason": self.ui.reason},
        )
        self.setWindowTitle(f"{TITLES[kind]} — {detail.data.name}")
        today = services.members.today()
        prepare_date_edit(self.ui.date, today)
        self.ui.date.setMaximumDate(to_qdate(today))
        name = detail.data.name
        if kind is EventKind.STAGE:
            current = detail.data.stage
            self.ui.heading.setText(f"{name}现为<b>{current.label}</b>。请选择新的人员类别：")
            self.ui.valueLabel.setText("人员类别(&V)：")
            fill_combo(self.ui.value, [(s.label, s) for s in Stage if s is not current])
            self._select_next_stage(current)
        elif kind is EventKind.STATUS:
            self.ui.heading.setText(f"{name}的党籍状态现为<b>{detail.status.label}</b>。")
            self.ui.valueLabel.setText("党籍状态(&V)：")
            # 已转出 only through a transfer and its receipt (组织关系转接), never set by hand
            fill_combo(self.ui.value, [
                (s.label, s) for s in Status
                if s is not detail.status and s is not Status.TRANSFERRED_OUT
            ])
        else:
            self.ui.form.setRowVisible(self.ui.value, False)
            self.ui.form.setRowVisible(self.ui.err_value, False)
            self.ui.form.setRowVisible(self.ui.date, False)
            self.ui.form.setRowVisible(self.ui.err_date, False)
            if kind is EventKind.VOID:
                self.ui.heading.setText(
                    f"作废“{name}”的记录：只用于误录的记录。作废后记录不会删除，"
                    "只有管理员能看到，并可撤销作废。"
                )
                self.ui.reason.setPlaceholderText("如：重复录入")
            else:
                self.ui.heading.setText(f"恢复“{name}”的记录（作废原因：{detail.void_reason}）。")
                self.ui.reason.setPlaceholderText("如：误作废")
        has_value = kind in (EventKind.STAGE, EventKind.STATUS)
        (self.ui.value if has_value else self.ui.reason).setFocus()

    def _select_next_stage(self, current: Stage) -> None:
        order = list(Stage)
        following = order[order.index(current) + 1:] if current is not Stage.FULL else []
        if following:
            index = self.ui.value.findData(following[0])
            self.ui.value.setCurrentIndex(index)

    def submit(self) -> None:
        members, member_id = self.services.members, self.detail.id
        reason = self.ui.reason.toPlainText()
        day = from_qdate(self.ui.date.date())
        # the record as the member dialog loaded it: its later Save must not undo a change
        # someone else made meanwhile, so the event is refused too
        version = self.detail.row_version
        try:
            if self.kind is EventKind.STAGE:
                members.change_stage(
                    self.actor, member_id, Stage(combo_data(self.ui.value)), day, reason,
                    version,
                )
            elif self.kind is EventKind.STATUS:
                members.change_status(
                    self.actor, member_id, Status(combo_data(self.ui.value)), day, reason,
                    version,
                )
            elif self.kind is EventKind.VOID:
                members.void(self.actor, member_id, reason, version)
            else:
                members.restore(self.actor, member_id, reason)
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            if isinstance(exc, EditConflict):
                show_error(self, exc)
            return
        self.accept()

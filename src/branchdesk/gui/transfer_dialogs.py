"""Dialogs of the 组织关系转接 area: issue a letter, its receipt, voiding, incoming letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, ValidationError
from branchdesk.core.services import Services
from branchdesk.core.transfers import IncomingInput, OutgoingInput, TransferInfo
from branchdesk.core.vocab import Stage
from branchdesk.gui.common import (
    FieldErrors,
    OptionalDateEdit,
    combo_data,
    combo_set_data,
    date_value,
    fill_combo,
    prepare_date_edit,
    setup_dialog_buttons,
)
from branchdesk.gui.forms.ui_transfer_in_dialog import Ui_TransferInDialog
from branchdesk.gui.forms.ui_transfer_out_dialog import Ui_TransferOutDialog
from branchdesk.gui.forms.ui_transfer_receipt_dialog import Ui_TransferReceiptDialog

REASONS = ("工作调动", "升学", "毕业", "退休", "迁居", "参军", "其他")


class _SavingDialog(QDialog):
    """A dialog that saves on 确定 and stays open, showing the messages, when saving fails."""

    errors: FieldErrors
    saved_id: int | None = None
    #: each dialog's own save: writes through the service, returns the id it saved
    save: Callable[[], int | None]

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved_id = self.save()
        except BranchDeskError as exc:  # a ValidationError shows beside its fields
            self.errors.show_exception(exc)
            return
        super().accept()


class TransferOutDialog(_SavingDialog):
    """开具介绍信: a member of normal standing (正式/预备), where to, why, dues and validity."""

    def __init__(
        self, services: Services, actor: Actor, member_id: int | None = None,
        today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.ui = Ui_TransferOutDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "开具")
        self.errors = FieldErrors.from_form(
            self.ui, ("member", "to_organisation", "reason", "dues", "issue_date",
                      "validity_days"),
        )
        day = today or services.transfers.today()
        members = services.transfers.transferable_members()
        fill_combo(self.ui.member, ((f"{name}（{branch}）", mid) for mid, name, branch in members),
                   blank="（请选择党员）")
        if member_id is not None:
            combo_set_data(self.ui.member, member_id)
        self.ui.reason.addItems(REASONS)
        self.ui.reason.setCurrentIndex(-1)
        self.ui.reason.lineEdit().setPlaceholderText("选择或填写，如“工作调动”")
        self.ui.dues_year.setValue(day.year)
        self.ui.dues_month.setValue(day.month)
        prepare_date_edit(self.ui.issue_date, day)
        self.ui.validity_days.setToolTip("介绍信有效期，默认 30 天，最长 90 天")

    def data(self) -> OutgoingInput:
        issue = date_value(self.ui.issue_date)
        assert issue is not None
        return OutgoingInput(
            to_organisation=self.ui.to_organisation.text(),
            reason=self.ui.reason.currentText(),
            dues_year=self.ui.dues_year.value(), dues_month=self.ui.dues_month.value(),
            issue_date=issue, validity_days=self.ui.validity_days.value(),
            contact=self.ui.contact.text(), member_phone=self.ui.member_phone.text(),
        )

    def save(self) -> int:
        member_id = combo_data(self.ui.member)
        if member_id is None:
            raise ValidationError({"member": "请选择要转出的党员"})
        return int(self.services.transfers.issue(self.actor, member_id, self.data()))


class TransferReceiptDialog(_SavingDialog):
    """登记回执: the date, receiving organisation, handler and phone on the returned receipt."""

    def __init__(
        self, services: Services, actor: Actor, transfer: TransferInfo,
        today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.transfer = services, actor, transfer
        self.ui = Ui_TransferReceiptDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"登记回执 — {transfer.member_name} {transfer.letter_number}")
        setup_dialog_buttons(self, self.ui.buttons, "登记")
        self.errors = FieldErrors.from_form(
            self.ui, ("receipt_date", "receipt_organisation", "receipt_handler")
        )
        prepare_date_edit(self.ui.receipt_date, today or services.transfers.today())
        self.ui.receipt_organisation.setText(transfer.to_organisation)

    def save(self) -> int:
        day = date_value(self.ui.receipt_date)
        assert day is not None
        self.services.transfers.record_receipt(
            self.actor, self.transfer.id, day, self.ui.receipt_organisation.text(),
            self.ui.receipt_handler.text(), self.ui.receipt_phone.text(),
        )
        return self.transfer.id


class TransferInDialog(_SavingDialog):
    """登记转入: a received letter — from whom, its number, when, and the person."""

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.ui = Ui_TransferInDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "登记")
        self.errors = FieldErrors.from_form(
            self.ui, ("from_organisation", "letter_number", "arrival_date", "name", "id_number",
                      "stage"),
        )
        prepare_date_edit(self.ui.arrival_date, today or services.incoming.today())
        fill_combo(self.ui.stage, ((stage.label, stage.value)
                                   for stage in (Stage.FULL, Stage.PROBATIONARY)))

    def save(self) -> int:
        day = date_value(self.ui.arrival_date)
        assert day is not None
        return int(self.services.incoming.receive(
            self.actor,
            IncomingInput(
                from_organisation=self.ui.from_organisation.text(),
                letter_number=self.ui.letter_number.text(), arrival_date=day,
                name=self.ui.name.text(), id_number=self.ui.id_number.text(),
                stage=Stage(combo_data(self.ui.stage) or Stage.FULL.value),
            ),
        ))


class _SimpleDialog(_SavingDialog):
    """A small form built in code: labelled fields, inline messages, 确定/取消."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self.general = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        setup_dialog_buttons(self, self.buttons, ok_text)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = QLabel()
        self.form.addRow(caption, widget)
        self.form.addRow("", error)
        self._labels[name], self._widgets[name] = error, widget
        self.errors = FieldErrors(self._labels, self.general, self._widgets)


class VoidDialog(_SimpleDialog):
    """作废: a letter issued by mistake keeps its number, marked 作废 with the reason."""

    def __init__(
        self, services: Services, actor: Actor, transfer: TransferInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            f"作废介绍信 — {transfer.letter_number}",
            f"作废 {transfer.member_name} 的介绍信 {transfer.letter_number}。"
            "作废后编号保留、不再使用，打印时加印“作废”。", "作废", parent,
        )
        self.services, self.actor, self.transfer = services, actor, transfer
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("如：转往党组织填写有误，已重新开具")
        self.add_field("void_reason", "作废原因(&R)：", self.reason)

    def save(self) -> int:
        self.services.transfers.void(self.actor, self.transfer.id, self.reason.text())
        return self.transfer.id


class PlaceDialog(_SimpleDialog):
    """编入党支部: branch and group; for a new member also the join and 转正 dates."""

    def __init__(
        self, services: Services, actor: Actor, transfer: TransferInfo,
        parent: QWidget | None = None,
    ) -> None:
        returning = transfer.member_id is not None
        super().__init__(
            f"编入党支部 — {transfer.member_name}",
            f"{transfer.member_name}（{transfer.from_organisation}转入）"
            + ("曾在本单位，编入后恢复其原档案。" if returning
               else "是新转入的党员，编入时按介绍信建立党员记录。"),
            "编入", parent,
        )
        self.services, self.actor, self.transfer = services, actor, transfer
        self.branch = QComboBox()
        fill_combo(self.branch, ((b.name, b.id) for b in services.organisations.branches()),
                   blank="（请选择党支部）")
        self.group = QComboBox()
        self.branch.currentIndexChanged.connect(lambda _i: self._fill_groups())
        self._fill_groups()
        self.add_field("branch_id", "党支部(&B)：", self.branch)
        self.add_field("group_id", "党小组(&G)：", self.group)
        self.join_date = OptionalDateEdit()
        self.full_member_date = OptionalDateEdit()
        if not returning:
            self.add_field("join_date", "入党日期(&J)：", self.join_date)
            if transfer.person_stage == Stage.FULL.value:
                self.add_field("full_member_date", "转正日期(&F)：", self.full_member_date)

    def _fill_groups(self) -> None:
        branch = combo_data(self.branch)
        groups = self.services.organisations.groups_of(branch) if branch is not None else []
        fill_combo(self.group, ((g.name, g.id) for g in groups), blank="（不编入党小组）")

    def save(self) -> int:
        branch = combo_data(self.branch)
        if branch is None:
            raise ValidationError({"branch_id": "请选择党支部"})
        return int(self.services.incoming.place(
            self.actor, self.transfer.id, branch, combo_data(self.group),
            self.join_date.value(), self.full_member_date.value(),
        ))


class ReceiptSentDialog(_SimpleDialog):
    """回执已寄回: the day our receipt went back to the sending organisation."""

    def __init__(
        self, services: Services, actor: Actor, transfer: TransferInfo,
        today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            f"回执已寄回 — {transfer.member_name}",
            f"登记寄回{transfer.from_organisation}的回执（须在收到介绍信后一个月内寄回）。",
            "登记", parent,
        )
        self.services, self.actor, self.transfer = services, actor, transfer
        self.day = QDateEdit()
        prepare_date_edit(self.day, today or services.incoming.today())
        self.add_field("receipt_sent_date", "寄回日期(&D)：", self.day)

    def save(self) -> int:
        day = date_value(self.day)
        assert day is not None
        self.services.incoming.receipt_sent(self.actor, self.transfer.id, day)
        return self.transfer.id



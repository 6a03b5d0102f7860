"""Dialogs of the 组织关系转接 area: issue a letter, its receipt, voiding, incoming letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, ValidationError
from branchdesk.core.numerals import DEFAULT_VALIDITY_DAYS
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.services import Services
from branchdesk.core.transfer_list import PICKER_LIMIT
from branchdesk.core.transfer_settings import SETTING_LABEL, SETTING_PLACE, validity_error
from branchdesk.core.transfers import IncomingInput, OutgoingInput, TransferInfo
from branchdesk.core.vocab import Stage
from branchdesk.gui.common import (
    FieldErrors,
    OptionalDateEdit,
    combo_data,
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
    """开具介绍信: a member of normal standing (正式/预备), where to, why, dues and validity.

    The member is found by typing (name, pinyin initials or ID-number fragment); at most
    ``PICKER_LIMIT`` matches are listed, with their branches, never everybody.
    """

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
        self.errors.widgets["member"] = self.ui.member_search
        self.day = today or services.transfers.today()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(lambda: self.search_members())
        self.ui.member_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.ui.member_search.installEventFilter(self)
        self.ui.member.currentItemChanged.connect(lambda *_a: self._member_changed())
        self.ui.reason.addItems(REASONS)
        self.ui.reason.setCurrentIndex(-1)
        self.ui.reason.lineEdit().setPlaceholderText("选择或填写，如“工作调动”")
        self.ui.dues_year.setValue(self.day.year)
        self.ui.dues_month.setValue(self.day.month)
        self.ui.dues_year.setToolTip("默认为党员记录中的“党费交至”月份，可修改")
        prepare_date_edit(self.ui.issue_date, self.day)
        self.max_validity = services.transfers.max_validity_days()
        self.ui.validity_days.setValue(min(DEFAULT_VALIDITY_DAYS, self.max_validity))
        self.ui.validity_days.setToolTip(
            f"介绍信有效期，默认 {DEFAULT_VALIDITY_DAYS} 天，最长 {self.max_validity} 天"
            f"（{SETTING_LABEL}，管理员可在“{SETTING_PLACE}”中修改）"
        )
        self.ui.validity_days.valueChanged.connect(self._check_validity)
        self.search_members()
        if member_id is not None:
            self.preselect(member_id)

    def _check_validity(self, days: int) -> None:
        """Say at once when the validity is longer than the administrator allows."""
        self.errors.set_message("validity_days", validity_error(days, self.max_validity))

    # the member picker -----------------------------------------------------------------

    def search_members(self, text: str | None = None) -> int:
        """List the members matching the search field (or ``text``, put in it); keeps the
        chosen member selected when still listed. Returns the number listed."""
        self._search_timer.stop()
        if text is not None:
            self.ui.member_search.blockSignals(True)
            self.ui.member_search.setText(text)
            self.ui.member_search.blockSignals(False)
        chosen = self.member_id()
        found = self.services.transfer_list.transferable(
            self.ui.member_search.text(), PICKER_LIMIT + 1
        )
        shown = found[:PICKER_LIMIT]
        picker = self.ui.member
        picker.blockSignals(True)  # re-listing is not choosing: the dues fields stay as edited
        picker.clear()
        for choice in shown:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            picker.addItem(item)
        row = self._row_of(chosen) if chosen is not None else -1
        if row >= 0:
            picker.setCurrentRow(row)
        picker.blockSignals(False)
        self._show_choice()
        if not shown:
            self.ui.member_hint.setText(
                "没有找到。开具介绍信的须是党籍状态正常的正式党员或预备党员。"
            )
        elif len(found) > PICKER_LIMIT and row < 0:
            self.ui.member_hint.setText(
                f"只显示前 {PICKER_LIMIT} 名，请输入更多文字（姓名、拼音首字母或身份证号）"
            )
        return len(shown)

    def _row_of(self, member_id: int) -> int:
        picker = self.ui.member
        return next(
            (r for r in range(picker.count())
             if picker.item(r).data(Qt.ItemDataRole.UserRole) == member_id),
            -1,
        )

    def pick(self, member_id: int) -> bool:
        """Select ``member_id`` among the members listed; False when not listed."""
        row = self._row_of(member_id)
        if row >= 0:
            self.ui.member.setCurrentRow(row)
        return row >= 0

    def preselect(self, member_id: int) -> bool:
        """Find and select the member the dialog was opened for."""
        choice = self.services.transfer_list.choice(member_id)
        if choice is None:
            self.errors.set_message(
                "member", "此党员不能开具介绍信：须是党籍状态正常的正式党员或预备党员"
            )
            return False
        self.search_members(choice.name)
        return self.pick(member_id)

    def member_id(self) -> int | None:
        item = self.ui.member.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_choice(self) -> None:
        item = self.ui.member.currentItem()
        self.ui.member_hint.setText(f"已选：{item.text()}" if item is not None else "")

    def _member_changed(self) -> None:
        """A member was chosen: show who, and fill the dues fields from their record."""
        self._show_choice()
        member_id = self.member_id()
        if member_id is None:
            return
        self.errors.set_message("member", "")
        # 党费交至 as recorded (first day of the month); not recorded: the month of issue
        paid = self.services.members.get(member_id).data.dues_paid_through
        year, month = (paid.year, paid.month) if paid is not None else (
            self.day.year, self.day.month
        )
        self.ui.dues_year.setValue(year)
        self.ui.dues_month.setValue(month)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """In the search field, ↓ goes to the list; Enter searches and selects the first
        match (instead of pressing 开具)."""
        if watched is self.ui.member_search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                if key != Qt.Key.Key_Down or self._search_timer.isActive():
                    self.search_members()
                if self.ui.member.count():
                    if self.ui.member.currentRow() < 0:
                        self.ui.member.setCurrentRow(0)
                    self.ui.member.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

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
        member_id = self.member_id()
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
                      "stage", "dues"),
        )
        day = today or services.incoming.today()
        prepare_date_edit(self.ui.arrival_date, day)
        fill_combo(self.ui.stage, ((stage.label, stage.value)
                                   for stage in (Stage.FULL, Stage.PROBATIONARY)))
        # the letter's 党费交到: usually the month before it arrived, as the letter says
        self.ui.dues_year.setValue(day.year)
        self.ui.dues_month.setValue(day.month)
        self.ui.dues_year.setToolTip("按介绍信上“党费交到”的年月填写；编入党支部时记入党员信息")

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
                dues_year=self.ui.dues_year.value(), dues_month=self.ui.dues_month.value(),
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
            f"登记寄回{transfer.from_organisation}的回执（须在收到介绍信后一个月内寄回，"
            f"{citation('receipt_within_month')}）。",
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



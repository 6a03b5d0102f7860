"""Dialogs of the accounts page: an account's details, and setting a password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from branchdesk.core.accounts import MIN_PASSWORD_LENGTH, AccountInfo
from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, EditConflict
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.gui.common import (
    FieldErrors,
    combo_data,
    combo_set_data,
    fill_combo,
    setup_dialog_buttons,
    show_error,
)
from branchdesk.gui.forms.ui_account_dialog import Ui_AccountDialog
from branchdesk.gui.forms.ui_password_dialog import Ui_PasswordDialog

PASSWORD_HINT = f"至少 {MIN_PASSWORD_LENGTH} 个字符"
ROLE_HELP = (
    "管理员：管理账户和设置，也可录入；录入员：录入和修改台账；"
    "审核人：审核发展党员的各个步骤，只能查看台账。"
)


class AccountDialog(QDialog):
    """Creates an account (``account`` None) or edits one's name, role and whether it is active."""

    def __init__(
        self, services: Services, actor: Actor, account: AccountInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.account = services, actor, account
        self.account_id: int | None = account.id if account else None
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "保存")
        self.errors = FieldErrors.from_form(
            self.ui, ("username", "display_name", "role", "password", "password2")
        )
        fill_combo(self.ui.role, [(r.label, r) for r in Role])
        self.ui.heading.setText(ROLE_HELP)
        form = self.ui.form
        if account is None:
            self.setWindowTitle("新增账户")
            combo_set_data(self.ui.role, Role.CLERK)
            form.setRowVisible(self.ui.active, False)
            self.ui.password.setPlaceholderText(PASSWORD_HINT)
            self.ui.username.setFocus()
        else:
            self.setWindowTitle(f"修改账户 — {account.username}")
            self.ui.username.setText(account.username)
            self.ui.username.setReadOnly(True)
            self.ui.display_name.setText(account.display_name)
            combo_set_data(self.ui.role, account.role)
            self.ui.active.setChecked(account.active)
            for widget in (self.ui.password, self.ui.err_password, self.ui.password2,
                           self.ui.err_password2):
                form.setRowVisible(widget, False)
            self.ui.display_name.setFocus()

    def accept(self) -> None:
        ui, accounts = self.ui, self.services.accounts
        role = Role(combo_data(ui.role))
        try:
            if self.account is None:
                if ui.password.text() != ui.password2.text():
                    self.errors.show({"password2": "两次输入的密码不一致"})
                    return
                self.account_id = accounts.create(
                    self.actor, ui.username.text(), ui.password.text(), ui.display_name.text(),
                    role,
                )
            else:
                accounts.update(
                    self.actor, self.account.id, ui.display_name.text(), role,
                    ui.active.isChecked(), expected_version=self.account.row_version,
                )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            if isinstance(exc, EditConflict):  # saved by someone else meanwhile: stay open
                show_error(self, exc)
            return
        super().accept()


class PasswordDialog(QDialog):
    """The administrator resets ``account``'s password, or (``account`` None) one's own."""

    def __init__(
        self, services: Services, actor: Actor, account: AccountInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.account = services, actor, account
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.errors = FieldErrors.from_form(self.ui, ("old_password", "password", "password2"))
        self.ui.password.setPlaceholderText(PASSWORD_HINT)
        if account is None:
            setup_dialog_buttons(self, self.ui.buttons, "修改")
            self.setWindowTitle("修改我的密码")
            self.ui.heading.setText(f"修改账户“{actor.username}”的密码。")
            self.ui.old_password.setFocus()
        else:
            setup_dialog_buttons(self, self.ui.buttons, "重置")
            self.setWindowTitle(f"重置密码 — {account.username}")
            self.ui.heading.setText(
                f"为“{account.display_name or account.username}”（{account.username}）设置新密码，"
                "同时解除锁定。请把新密码当面告诉本人。"
            )
            self.ui.form.setRowVisible(self.ui.old_password, False)
            self.ui.form.setRowVisible(self.ui.err_old_password, False)
            self.ui.password.setFocus()

    def accept(self) -> None:
        ui, accounts = self.ui, self.services.accounts
        if ui.password.text() != ui.password2.text():
            self.errors.show({"password2": "两次输入的密码不一致"})
            return
        try:
            if self.account is None:
                accounts.change_own_password(self.actor, ui.old_password.text(), ui.password.text())
            else:
                accounts.reset_password(self.actor, self.account.id, ui.password.text())
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()

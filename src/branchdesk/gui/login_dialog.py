"""The login dialog shown at start: user name and password, lockout messages inline."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from branchdesk.core.accounts import AccountService
from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.gui.common import ERROR_STYLE, localise_buttons
from branchdesk.gui.forms.ui_login_dialog import Ui_LoginDialog


class LoginDialog(QDialog):
    """Asks for a user name and password; after acceptance ``actor`` is the logged-in account."""

    def __init__(
        self, accounts: AccountService, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.accounts = accounts
        self.actor: Actor | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        localise_buttons(self.ui.buttons)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("登录")
        ok.setDefault(True)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("退出")
        self.ui.buttons.accepted.connect(self.try_login)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.err_general.setStyleSheet(ERROR_STYLE)
        self.ui.err_general.hide()
        self.ui.username.setText(username)
        (self.ui.password if username else self.ui.username).setFocus()

    @property
    def message(self) -> str:
        """The error message shown in the dialog ('' when none)."""
        return self.ui.err_general.text() if not self.ui.err_general.isHidden() else ""

    def _show_message(self, text: str) -> None:
        self.ui.err_general.setText(text)
        self.ui.err_general.show()

    def try_login(self) -> None:
        username = self.ui.username.text().strip()
        if not username:
            self._show_message("请输入用户名")
            self.ui.username.setFocus()
            return
        try:
            self.actor = self.accounts.login(username, self.ui.password.text())
        except BranchDeskError as exc:
            self._show_message(str(exc))
            self.ui.password.clear()
            self.ui.password.setFocus()
            return
        self.accept()

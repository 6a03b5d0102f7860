"""Dialogs for encrypted databases: asking for the passphrase, offering to encrypt at first run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk import APP_TITLE
from branchdesk.gui.common import ERROR_STYLE
from branchdesk.storage.cipher import (
    MIN_PASSPHRASE,
    WRONG_PASSPHRASE,
    CipherError,
    WrongPassphrase,
    check_new_passphrase,
)

T = TypeVar("T")

OFFER_TEXT = (
    "<b>加密数据库文件</b>（可选）<br>党员的身份证号码、住址和政治审查材料都在这个文件里。"
    "加密后，没有密码的人即使拿到电脑或文件也读不出内容；备份也同样加密。"
    "每次启动程序时需要输入这个密码。<br><b>请牢记密码：密码丢失后，任何人（包括软件开发者）"
    "都无法恢复数据。</b>"
)


class PassphraseDialog(QDialog):
    """A hidden passphrase field (twice when setting a new one) and an inline error line."""

    def __init__(
        self, intro: str, *, new: bool = False, ok_text: str = "确定",
        cancel_text: str = "取消", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_TITLE)
        self.new = new
        self.passphrase = ""
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("密码(&P)：" if not new else "设置密码(&P)：", self.field)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            self.field.setPlaceholderText(f"至少 {MIN_PASSPHRASE} 个字符")
            form.addRow("再次输入(&A)：", self.again)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.field.setFocus()

    @property
    def message(self) -> str:
        """The error shown in the dialog ('' when none)."""
        return self.error.text() if not self.error.isHidden() else ""

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()
        self.field.selectAll()
        self.field.setFocus()

    def _check(self) -> None:
        passphrase = self.field.text()
        if not passphrase:
            self.show_error("请输入密码。")
            return
        if self.new:
            try:
                check_new_passphrase(passphrase)
            except CipherError as exc:
                self.show_error(str(exc))
                return
            if self.again.text() != passphrase:
                self.show_error("两次输入的密码不一致，请重新输入。")
                return
        self.passphrase = passphrase
        self.accept()


def ask_to_open(
    path: Path, attempt: Callable[[str], T], parent: QWidget | None = None
) -> T | None:
    """Ask for the passphrase of ``path`` until ``attempt`` opens it; None when cancelled.

    A wrong passphrase shows "密码不正确，无法打开加密的数据库。" and asks again."""
    dialog = PassphraseDialog(
        f"数据库文件“{path}”已加密。请输入密码以打开它。", ok_text="打开", cancel_text="退出",
        parent=parent,
    )
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return attempt(dialog.passphrase)
        except WrongPassphrase:
            dialog.field.clear()
            dialog.show_error(WRONG_PASSPHRASE)
    return None


def offer_encryption(parent: QWidget | None = None) -> str | None:
    """At the first run: the passphrase to encrypt the new database with, or None (not now)."""
    dialog = PassphraseDialog(
        OFFER_TEXT, new=True, ok_text="加密(&E)", cancel_text="暂不加密", parent=parent
    )
    return dialog.passphrase if dialog.exec() == QDialog.DialogCode.Accepted else None

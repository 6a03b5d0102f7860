from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.gui.login_dialog import LoginDialog


def _dialog(qtbot, services: Services) -> LoginDialog:
    dialog = LoginDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _submit(qtbot, dialog: LoginDialog, password: str) -> None:
    qtbot.keyClicks(dialog.ui.password, password)
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)


def test_good_login_returns_the_actor(qtbot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.ui.username, "clerk")
    _submit(qtbot, dialog, "secret-pw")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == "clerk"
    assert dialog.actor.role is Role.CLERK


def test_five_wrong_passwords_lock_the_account(qtbot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    qtbot.keyClicks(dialog.ui.username, "clerk")
    for left in (4, 3, 2, 1):
        _submit(qtbot, dialog, "wrong")
        assert f"再错 {left} 次将锁定" in dialog.message
        assert dialog.ui.password.text() == ""
        assert dialog.focusWidget() is dialog.ui.password
        assert dialog.isVisible()
    _submit(qtbot, dialog, "wrong")
    assert "账户已锁定" in dialog.message
    _submit(qtbot, dialog, "secret-pw")
    assert "已锁定" in dialog.message
    assert dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_unknown_user_and_empty_name_are_refused(qtbot, services: Services) -> None:
    dialog = _dialog(qtbot, services)
    _submit(qtbot, dialog, "secret-pw")
    assert dialog.message == "请输入用户名"
    qtbot.keyClicks(dialog.ui.username, "nobody")
    _submit(qtbot, dialog, "secret-pw")
    assert dialog.message == "用户名或密码不正确"
    assert dialog.actor is None

from __future__ import annotations

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchdesk.core.errors import LoginError
from branchdesk.core.vocab import Role
from branchdesk.gui.account_dialogs import AccountDialog, PasswordDialog
from branchdesk.gui.accounts_page import AccountsPage


def _page(qtbot, services, actor) -> AccountsPage:
    page = AccountsPage(services, actor)
    qtbot.addWidget(page)
    page.resize(900, 400)
    page.show()
    qtbot.waitExposed(page)
    return page


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot, dialog) -> None:
    _click(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_lists_accounts_with_role_labels(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    assert page.table is not None
    rows = [
        [page.table.item(r, c).text() for c in range(3)] for r in range(page.table.rowCount())
    ]
    assert rows == [
        ["admin", "王管理", "管理员"],
        ["clerk", "李录入", "录入员"],
        ["reviewer", "赵审核", "审核人"],
    ]


def test_reset_password_lifts_the_lock(qtbot, services, admin) -> None:
    for _ in range(5):
        with pytest.raises(LoginError):
            services.accounts.login("clerk", "wrong")
    page = _page(qtbot, services, admin)
    page.select_username("clerk")
    assert page.table.item(page.table.currentRow(), 4).text() != ""  # 锁定至

    def fill(dialog: PasswordDialog) -> None:
        assert not dialog.ui.old_password.isVisible()
        qtbot.keyClicks(dialog.ui.password, "new-pass-8")
        qtbot.keyClicks(dialog.ui.password2, "new-pass-8")
        _ok(qtbot, dialog)

    driver = on_next_modal(fill)
    _click(qtbot, page.reset_button)
    driver.check()
    assert services.accounts.login("clerk", "new-pass-8").username == "clerk"
    assert "已为“clerk”设置新密码" in page.status.text()
    page.reload()
    assert page.table.item(page.table.currentRow(), 4).text() == ""


def test_mismatched_new_passwords_are_refused(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    page.select_username("clerk")
    seen: list[str] = []

    def fill(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.password, "new-pass-8")
        qtbot.keyClicks(dialog.ui.password2, "other")
        _ok(qtbot, dialog)
        seen.append(dialog.errors.message("password2"))
        dialog.reject()

    driver = on_next_modal(fill)
    _click(qtbot, page.reset_button)
    driver.check()
    assert seen == ["两次输入的密码不一致"]
    assert services.accounts.login("clerk", "secret-pw").username == "clerk"


def test_add_and_edit_an_account(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)

    def create(dialog: AccountDialog) -> None:
        qtbot.keyClicks(dialog.ui.username, "zhangsan")
        type_text(qtbot, dialog.ui.display_name, "张三")
        dialog.ui.role.setCurrentIndex(dialog.ui.role.findText("审核人"))
        qtbot.keyClicks(dialog.ui.password, "pass1234")
        qtbot.keyClicks(dialog.ui.password2, "pass1234")
        _ok(qtbot, dialog)

    driver = on_next_modal(create)
    _click(qtbot, page.add_button)
    driver.check()
    actor = services.accounts.login("zhangsan", "pass1234")
    assert (actor.role, actor.display_name) == (Role.REVIEWER, "张三")
    assert page.selected_account().username == "zhangsan"

    def deactivate(dialog: AccountDialog) -> None:
        assert dialog.ui.username.isReadOnly()
        box = dialog.ui.active
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert not box.isChecked()
        _ok(qtbot, dialog)

    driver = on_next_modal(deactivate)
    _click(qtbot, page.edit_button)
    driver.check()
    with pytest.raises(LoginError):
        services.accounts.login("zhangsan", "pass1234")
    assert page.table.item(page.table.currentRow(), 3).text().startswith("否")


def test_duplicate_username_is_shown_inline(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    seen: list[str] = []

    def create(dialog: AccountDialog) -> None:
        qtbot.keyClicks(dialog.ui.username, "clerk")
        qtbot.keyClicks(dialog.ui.password, "pass1234")
        qtbot.keyClicks(dialog.ui.password2, "pass1234")
        _ok(qtbot, dialog)
        seen.append(dialog.errors.message("username"))
        dialog.reject()

    driver = on_next_modal(create)
    _click(qtbot, page.add_button)
    driver.check()
    assert seen == ["用户名“clerk”已被使用"]


def test_other_roles_only_change_their_own_password(qtbot, services, clerk) -> None:
    page = _page(qtbot, services, clerk)
    assert page.table is None
    assert "仅管理员可管理账户" in page.findChildren(type(page.status))[0].text()

    def fill(dialog: PasswordDialog) -> None:
        qtbot.keyClicks(dialog.ui.old_password, "secret-pw")
        qtbot.keyClicks(dialog.ui.password, "mine2-long")
        qtbot.keyClicks(dialog.ui.password2, "mine2-long")
        _ok(qtbot, dialog)

    driver = on_next_modal(fill)
    _click(qtbot, page.own_password_button)
    driver.check()
    assert services.accounts.login("clerk", "mine2-long").username == "clerk"


def test_a_reset_password_needs_eight_characters(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    page.select_username("clerk")
    seen: list[str] = []

    def fill(dialog: PasswordDialog) -> None:
        assert dialog.ui.password.placeholderText() == "至少 8 个字符"
        qtbot.keyClicks(dialog.ui.password, "1234567")
        qtbot.keyClicks(dialog.ui.password2, "1234567")
        _ok(qtbot, dialog)
        seen.append(dialog.errors.message("password"))
        assert dialog.isVisible()
        dialog.reject()

    driver = on_next_modal(fill)
    _click(qtbot, page.reset_button)
    driver.check()
    assert seen == ["密码至少需要 8 个字符"]
    assert services.accounts.login("clerk", "secret-pw").username == "clerk"

from __future__ import annotations

from pathlib import Path

import pytest
from dialog_driver import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role
from branchdesk.gui.first_run import FirstRunDialog
from branchdesk.storage.migrate import create_database


@pytest.fixture
def empty_services(tmp_path: Path, fast_hasher) -> Services:
    db = create_database(tmp_path / "new.sqlite")
    yield Services.build(db, tmp_path / "backups", hasher=fast_hasher)
    db.dispose()


def _open(qtbot, services: Services) -> FirstRunDialog:
    dialog = FirstRunDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_run_creates_admin_committee_and_branches(qtbot, empty_services) -> None:
    dialog = _open(qtbot, empty_services)
    dialog.ui.username.clear()
    qtbot.keyClicks(dialog.ui.username, "chief")
    type_text(qtbot, dialog.ui.display_name, "张书记")
    qtbot.keyClicks(dialog.ui.password, "abcd1234")
    qtbot.keyClicks(dialog.ui.password2, "abcd1234")
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.ui.pages.currentIndex() == 1
    assert not empty_services.accounts.has_accounts()  # nothing written before the end

    type_text(qtbot, dialog.ui.committee, "中共示例县公安局委员会")
    type_text(qtbot, dialog.ui.branches, "机关第一党支部")
    qtbot.keyClick(dialog.ui.branches, Qt.Key.Key_Return)
    type_text(qtbot, dialog.ui.branches, "城关派出所党支部")
    _click(qtbot, dialog.ui.nextButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert (dialog.actor.username, dialog.actor.role) == ("chief", Role.ADMIN)
    (root,) = empty_services.organisations.tree()
    assert (root.kind, root.name) == (OrgKind.COMMITTEE, "中共示例县公安局委员会")
    assert [c.name for c in root.children] == ["机关第一党支部", "城关派出所党支部"]
    assert empty_services.accounts.login("chief", "abcd1234").display_name == "张书记"


def test_first_run_validates_each_page_inline(qtbot, empty_services) -> None:
    dialog = _open(qtbot, empty_services)
    qtbot.keyClicks(dialog.ui.password, "abcdefg")
    qtbot.keyClicks(dialog.ui.password2, "abcdefg")
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.ui.pages.currentIndex() == 0
    assert dialog.errors.message("password") == "密码至少需要 8 个字符"
    dialog.ui.password.clear()
    dialog.ui.password2.clear()
    qtbot.keyClicks(dialog.ui.password, "abcd1234")
    qtbot.keyClicks(dialog.ui.password2, "abce1234")
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.ui.pages.currentIndex() == 0
    assert dialog.errors.message("password2") == "两次输入的密码不一致"

    dialog.ui.password2.clear()
    qtbot.keyClicks(dialog.ui.password2, "abcd1234")
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.ui.pages.currentIndex() == 1
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.errors.message("committee") == "请填写党委名称"
    assert "至少填写一个党支部" in dialog.errors.message("branches")
    assert dialog.isVisible()
    assert not empty_services.accounts.has_accounts()

    _click(qtbot, dialog.ui.backButton)
    assert dialog.ui.pages.currentIndex() == 0
    assert dialog.ui.username.text() == "admin"


def test_database_made_by_init_only_asks_for_the_administrator(qtbot, empty_services) -> None:
    from branchdesk.core.actor import SYSTEM

    committee = empty_services.organisations.create(SYSTEM, OrgKind.COMMITTEE, "中共某委员会", None)
    empty_services.organisations.create(SYSTEM, OrgKind.BRANCH, "第一党支部", committee)
    dialog = _open(qtbot, empty_services)
    assert "党委和党支部已建立" in dialog.ui.stepTitle.text()
    dialog.ui.username.clear()
    qtbot.keyClicks(dialog.ui.username, "chief")
    qtbot.keyClicks(dialog.ui.password, "abcd1234")
    qtbot.keyClicks(dialog.ui.password2, "abcd1234")
    _click(qtbot, dialog.ui.nextButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.ADMIN
    names = [n.name for n in empty_services.organisations.all_nodes()]
    assert names == ["中共某委员会", "第一党支部"]

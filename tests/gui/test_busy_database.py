"""A database busy in another program is a plain Chinese message in the GUI, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.gui import crash
from branchdesk.gui.crash import CrashDialog, ExceptionHandler
from branchdesk.gui.login_dialog import LoginDialog
from branchdesk.storage import database

BUSY = "数据库正被其他程序使用，请稍后再试。"


@pytest.fixture
def locked(services: Services, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    """Another program holds the write lock; our writes wait 0.1 s per attempt."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    services.db.engine.dispose()  # new connections get the short wait
    assert services.db.path is not None
    other = sqlite3.connect(services.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_login_while_another_program_writes_says_busy_and_works_after(
    qtbot: QtBot, services: Services, locked: sqlite3.Connection
) -> None:
    dialog = LoginDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.username, "clerk")
    qtbot.keyClicks(dialog.ui.password, "secret-pw")
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    assert dialog.message == BUSY
    assert dialog.isVisible() and dialog.actor is None
    locked.rollback()
    qtbot.keyClicks(dialog.ui.password, "secret-pw")
    qtbot.keyClick(dialog.ui.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_busy_save_reaching_the_exception_hook_is_a_message_not_the_crash_dialog(
    qtbot: QtBot, services: Services, admin: Actor, locked: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    messages: list[str] = []
    crashes: list[CrashDialog] = []
    monkeypatch.setattr(crash.QMessageBox, "warning",
                        lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(CrashDialog, "exec", lambda self: crashes.append(self) or 0)
    handler = ExceptionHandler(tmp_path / "branchdesk.log")
    committee = services.organisations.find_by_name("中共测试委员会")
    assert committee is not None
    try:
        services.organisations.create(admin, OrgKind.BRANCH, "第三党支部", committee.id)
    except Exception as exc:  # what a slot would let through to sys.excepthook
        handler(type(exc), exc, exc.__traceback__)
    else:
        pytest.fail("the write went through while another program held the lock")
    assert messages == [BUSY]
    assert crashes == []
    locked.rollback()
    assert services.organisations.find_by_name("第三党支部") is None

"""The GUI on an encrypted database: the passphrase asked (again after a wrong one), first run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from branchdesk.app import open_services, restore_database
from branchdesk.gui import encrypted_start, login_dialog
from branchdesk.gui import launcher as launcher_module
from branchdesk.gui.launcher import Launcher
from branchdesk.gui.passphrase_dialog import PassphraseDialog
from branchdesk.paths import AppPaths
from branchdesk.storage import cipher
from branchdesk.storage.migrate import create_database

PASSPHRASE = "西柏坡-1948-平山"


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "home", tmp_path / "home" / "logs")


@pytest.fixture
def encrypted(paths: AppPaths) -> Path:
    """The default database, encrypted, with its first administrator."""
    path = paths.default_database
    db = create_database(path, passphrase=PASSPHRASE)
    from branchdesk.core.services import Services

    Services.build(db, paths.backup_dir_for(path)).accounts.create_first_admin(
        "admin", "secret-pw", "王管理"
    )
    db.dispose()
    return path


def _launcher(paths: AppPaths) -> Launcher:
    return Launcher(paths, paths.log_dir / "branchdesk.log", open_services, restore_database)


def _login_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def refuse(self: login_dialog.LoginDialog) -> QDialog.DialogCode:
        seen.append("login")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", refuse)
    return seen


Entry = str | tuple[str, str] | None


def _scripted(monkeypatch: pytest.MonkeyPatch, entries: list[Entry]) -> list[str]:
    """Each exec of a passphrase dialog types the next entries (a pair: both fields) and
    presses OK until the dialog accepts, or presses the cancel button for None; returns the
    error line the clerk saw before each entry."""
    script: Iterator[Entry] = iter(entries)
    shown: list[str] = []

    def run(self: PassphraseDialog) -> int:
        self.setResult(0)
        assert self.field.echoMode() is QLineEdit.EchoMode.Password
        assert self.again.echoMode() is QLineEdit.EchoMode.Password
        while True:
            shown.append(self.message)
            entry = next(script)
            if entry is None:
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
                return self.result()
            first, again = entry if isinstance(entry, tuple) else (entry, "")
            self.field.setText(first)
            self.again.setText(again)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", run)
    return shown


def test_the_passphrase_is_asked_in_a_hidden_field_before_the_login(
    qtbot: QtBot, paths: AppPaths, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = _login_seen(monkeypatch)

    def type_passphrase(dialog: PassphraseDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        assert "已加密" in dialog.findChildren(type(dialog.error))[0].text()
        assert dialog.field.echoMode() is QLineEdit.EchoMode.Password
        type_text(qtbot, dialog.field, PASSPHRASE)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    driver = on_next_modal(type_passphrase)
    assert _launcher(paths).run(encrypted) == 0
    driver.check()
    assert logins == ["login"]


def test_a_wrong_passphrase_is_said_in_chinese_and_asked_again(
    qtbot: QtBot, paths: AppPaths, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = _login_seen(monkeypatch)
    shown = _scripted(monkeypatch, ["", "wrong-passphrase", PASSPHRASE])
    assert _launcher(paths).run(encrypted) == 0
    assert shown == ["", "请输入密码。", "密码不正确，无法打开加密的数据库。"]
    assert logins == ["login"]


def test_cancelling_the_passphrase_quits_and_changes_nothing(
    qtbot: QtBot, paths: AppPaths, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins = _login_seen(monkeypatch)
    before = encrypted.read_bytes()
    _scripted(monkeypatch, ["wrong-passphrase", None])
    assert _launcher(paths).run(encrypted) == 0
    assert logins == [] and encrypted.read_bytes() == before


def test_without_the_driver_an_encrypted_file_is_explained(
    qtbot: QtBot, paths: AppPaths, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "_DBAPI", None)
    shown: list[str] = []
    monkeypatch.setattr(launcher_module.QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    assert _launcher(paths).run(encrypted) == 1
    assert len(shown) == 1 and "不能打开加密的数据库" in shown[0]


def test_the_first_run_offers_to_encrypt_the_new_file(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = paths.default_database
    services = open_services(path, paths)
    services.accounts.create_first_admin("admin", "secret-pw", "王管理")
    shown = _scripted(monkeypatch, [
        ("short-1", "short-1"), (PASSPHRASE, "other-words"), (PASSPHRASE, PASSPHRASE),
    ])
    told: list[str] = []
    monkeypatch.setattr(encrypted_start.QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    reopened = encrypted_start.offer_encryption_at_first_run(services, path, paths, open_services)
    try:
        assert shown == ["", "密码太短：至少需要 8 个字符。", "两次输入的密码不一致，请重新输入。"]
        assert reopened.db.passphrase == PASSPHRASE and cipher.looks_encrypted(path)
        assert reopened.accounts.has_accounts()
        assert "任何人（包括软件开发者）都无法恢复数据" in told[0]
    finally:
        reopened.db.dispose()

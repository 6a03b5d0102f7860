"""Transfer packages of an encrypted database: saved encrypted, opened with their passphrase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.package_crypto import is_encrypted_package
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.gui import package_dialogs
from branchdesk.gui.package_dialogs import PackageImportDialog
from branchdesk.gui.passphrase_dialog import PassphraseDialog
from branchdesk.storage.migrate import create_database

TODAY = dt.date(2026, 11, 26)
ADMIN = Actor("admin", Role.ADMIN, "王管理")
NAME = "欧阳娜娜"
DATABASE_KEY = "sender-database-key"
PACKAGE_KEY = "包密码-遵义-1935"


@pytest.fixture
def sender(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[tuple[Services, int]]:
    """An encrypted database with an issued letter for 欧阳娜娜; (services, transfer id)."""
    db = create_database(tmp_path / "sender.sqlite", passphrase=DATABASE_KEY)
    sv = Services.build(db, tmp_path / "sender-backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "王管理")
    committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
    branch = sv.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
    member = sv.members.create(ADMIN, MemberInput(
        name=NAME, id_number=make_id_number("410581", dt.date(1988, 3, 9), 27),
        branch_id=branch, stage=Stage.FULL, join_date=dt.date(2010, 7, 1),
        full_member_date=dt.date(2011, 7, 1),
    ))
    transfer = sv.transfers.issue(ADMIN, member, OutgoingInput(
        "中共接收委员会接收党支部", "工作调动", 2026, 11, TODAY))
    yield sv, transfer
    db.dispose()


@pytest.fixture
def receiver(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    db = create_database(tmp_path / "receiver.sqlite")
    sv = Services.build(db, tmp_path / "receiver-backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "钱管理")
    committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共接收委员会", None)
    sv.organisations.create(ADMIN, OrgKind.BRANCH, "接收党支部", committee)
    yield sv
    db.dispose()


def _typing(monkeypatch: pytest.MonkeyPatch, entries: list[tuple[str, str] | None]) -> list[str]:
    """Each exec of a passphrase dialog types the next (passphrase, again) and presses OK
    until accepted (None: cancel); returns the dialog's text and error line at each try."""
    script = iter(entries)
    seen: list[str] = []

    def run(self: PassphraseDialog) -> int:
        self.setResult(0)
        while True:
            entry = next(script)
            seen.append(self.message)
            if entry is None:
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
                return self.result()
            self.field.setText(entry[0])
            self.again.setText(entry[1])
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            if self.result() == QDialog.DialogCode.Accepted:
                return self.result()

    monkeypatch.setattr(PassphraseDialog, "exec", run)
    return seen


def test_a_package_of_an_encrypted_database_is_saved_encrypted_and_opened_with_its_passphrase(
    qtbot, sender: tuple[Services, int], receiver: Services,  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, transfer = sender
    told: list[str] = []
    monkeypatch.setattr(package_dialogs, "show_info", lambda _p, text, *_a: told.append(text))
    monkeypatch.setattr(package_dialogs, "show_error", lambda _p, exc: told.append(str(exc)))
    target = tmp_path / "包.bdzj"
    _typing(monkeypatch, [(PACKAGE_KEY, PACKAGE_KEY)])
    info = services.transfers.get(transfer)
    assert package_dialogs.export_package(None, services, ADMIN, info, target) == target
    data = target.read_bytes()
    assert is_encrypted_package(data) and NAME.encode() not in data

    seen = _typing(monkeypatch, [(PACKAGE_KEY + "x", ""), (PACKAGE_KEY, "")])
    dialog = package_dialogs.import_package(None, receiver, ADMIN, target, TODAY)
    assert isinstance(dialog, PackageImportDialog)
    assert seen[1].startswith("转接包密码不正确")
    assert NAME in dialog.ui.summary.text()
    dialog.deleteLater()

    _typing(monkeypatch, [None])  # no passphrase: nothing opens, nothing is said to be wrong
    assert package_dialogs.import_package(None, receiver, ADMIN, target, TODAY) is None


def test_a_plain_database_still_saves_ordinary_packages(
    qtbot, receiver: Services, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch, fast_hasher: PasswordHasher,
) -> None:
    db = create_database(tmp_path / "plain.sqlite")
    services = Services.build(db, tmp_path / "b", today=TODAY, hasher=fast_hasher)
    try:
        committee = services.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
        branch = services.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
        member = services.members.create(ADMIN, MemberInput(
            name=NAME, id_number=make_id_number("410581", dt.date(1988, 3, 9), 27),
            branch_id=branch, stage=Stage.FULL, join_date=dt.date(2010, 7, 1),
            full_member_date=dt.date(2011, 7, 1),
        ))
        transfer = services.transfers.issue(ADMIN, member, OutgoingInput(
            "中共接收委员会接收党支部", "工作调动", 2026, 11, TODAY))
        monkeypatch.setattr(package_dialogs, "show_info", lambda *_a: None)
        asked = _typing(monkeypatch, [])
        target = tmp_path / "plain.bdzj"
        package_dialogs.export_package(
            None, services, ADMIN, services.transfers.get(transfer), target)
        assert asked == [] and not is_encrypted_package(target.read_bytes())
    finally:
        db.dispose()

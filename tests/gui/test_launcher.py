import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from branchdesk.app import open_services, restore_database
from branchdesk.gui import launcher as launcher_module
from branchdesk.gui.launcher import Launcher
from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import create_database


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "home", tmp_path / "home" / "logs")


def make_launcher(paths: AppPaths) -> Launcher:
    return Launcher(paths, paths.log_dir / "branchdesk.log", open_services, restore_database)


def test_newer_database_shows_chinese_message_and_exits(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "newer.sqlite"
    create_database(db).dispose()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    shown: list[str] = []
    monkeypatch.setattr(
        launcher_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )
    assert make_launcher(paths).run(db) == 1
    assert len(shown) == 1 and "更新版本" in shown[0]


def test_new_database_asks_for_first_administrator(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.gui import first_run

    asked: list[bool] = []
    monkeypatch.setattr(
        first_run.FirstRunDialog,
        "exec",
        lambda self: asked.append(True) or QDialog.DialogCode.Rejected,
    )
    assert make_launcher(paths).run(paths.default_database) == 0
    assert asked == [True]
    assert paths.default_database.exists()
    backups = list((paths.data_dir / "backups").glob("*-daily.sqlite"))
    assert len(backups) == 1


def test_restore_from_backup_reopens_after_login(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from branchdesk.core.actor import Actor
    from branchdesk.core.idnumber import make_id_number
    from branchdesk.core.member_rules import MemberInput
    from branchdesk.core.vocab import OrgKind, Role, Stage
    from branchdesk.gui import login_dialog
    from branchdesk.storage.backup import backup_database, list_backups
    from branchdesk.storage.roster import RosterFilter

    launcher = make_launcher(paths)
    services = open_services(paths.default_database, paths)
    services.accounts.create_first_admin("admin", "secret-pw")
    admin = Actor("admin", Role.ADMIN)
    committee = services.organisations.create(admin, OrgKind.COMMITTEE, "中共某委员会", None)
    branch = services.organisations.create(admin, OrgKind.BRANCH, "第一党支部", committee)

    def add(name: str, sequence: int) -> None:
        number = make_id_number("110105", dt.date(1990, 1, 1), sequence)
        services.members.create(
            admin, MemberInput(name=name, id_number=number, branch_id=branch, stage=Stage.APPLICANT)
        )

    add("张三", 11)
    backup = backup_database(paths.default_database, services.backup_dir)
    add("李四", 13)
    launcher.services = services
    launcher.show_main_window(services, admin, paths.default_database)
    old_window = launcher.window

    def accept_login(self: login_dialog.LoginDialog) -> QDialog.DialogCode:
        self.actor = admin
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", accept_login)
    monkeypatch.setattr(launcher_module.QMessageBox, "information", lambda *args: None)
    launcher.restore(backup)

    restored = launcher.services
    assert restored is not services and launcher.window is not old_window
    ids = restored.members.search_ids(RosterFilter())
    names = [r.name for r in restored.members.rows(ids).values()]
    assert names == ["张三"]
    reasons = [b.reason for b in list_backups(paths.default_database, restored.backup_dir)]
    assert "before-restore" in reasons
    launcher.window.close()  # type: ignore[union-attr]
    restored.db.dispose()

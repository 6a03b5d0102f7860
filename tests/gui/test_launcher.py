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

"""The GUI's start on a bad database file or a full backup folder: a message, never a crash."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from branchdesk import app
from branchdesk.app import open_services, restore_database
from branchdesk.gui import first_run
from branchdesk.gui import launcher as launcher_module
from branchdesk.gui.launcher import Launcher
from branchdesk.paths import AppPaths
from branchdesk.storage.backup_errors import BackupError


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "home", tmp_path / "home" / "logs")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    for kind in ("critical", "warning"):
        monkeypatch.setattr(
            launcher_module.QMessageBox, kind,
            lambda parent, title, text, kind=kind: messages.append((kind, text)),
        )
    return messages


def _launcher(paths: AppPaths) -> Launcher:
    return Launcher(paths, paths.log_dir / "branchdesk.log", open_services, restore_database)


def test_an_empty_file_is_refused_and_left_as_it_was(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, shown: list[tuple[str, str]]
) -> None:
    db = tmp_path / "empty.sqlite"
    db.write_bytes(b"")
    assert _launcher(paths).run(db) == 1
    assert len(shown) == 1 and shown[0][0] == "critical"
    assert "不是支部台账的数据库" in shown[0][1]
    assert db.read_bytes() == b""


def test_a_folder_is_refused_with_a_message_not_the_crash_dialog(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, shown: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "data.sqlite"
    folder.mkdir()
    assert _launcher(paths).run(folder) == 1
    assert shown == [("critical", shown[0][1])] and "是一个文件夹" in shown[0][1]


def test_a_daily_backup_that_fails_is_told_and_the_program_opens(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """(The failure is injected here; tests/storage/test_bad_places.py fills a real disk.)"""

    def disk_full(*_args: object, **_kwargs: object) -> Path:
        raise BackupError("磁盘空间不足，备份未完成。还需要约 3 MB 空间。") from OSError(
            errno.ENOSPC, "No space left on device"
        )

    monkeypatch.setattr(app, "auto_backup", disk_full)
    asked: list[bool] = []
    monkeypatch.setattr(first_run.FirstRunDialog, "exec",
                        lambda self: asked.append(True) or QDialog.DialogCode.Rejected)
    launcher = _launcher(paths)
    assert launcher.run(tmp_path / "new.sqlite") == 0  # opened; the clerk cancelled set-up
    assert asked == [True]
    assert [kind for kind, _ in shown] == ["warning"]
    assert "今天的自动备份没有完成" in shown[0][1] and "还需要约 3 MB" in shown[0][1]
    assert launcher.services is not None
    launcher.services.db.dispose()

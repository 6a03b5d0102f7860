"""Backup and restore from the main window refuse damaged files and full disks with a message."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import Any

import pytest
from backup_fixtures import damage, part_files
from dialog_driver import on_next_modal
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.data_page import RestoreDialog
from branchdesk.gui.main_window import MainWindow
from branchdesk.storage import atomic_copy
from branchdesk.storage.backup import list_backups

TODAY = dt.date(2026, 11, 26)


def _window(qtbot: Any, services: Services, actor: Actor,
            restored: list[Path] | None = None) -> MainWindow:
    assert services.db.path is not None
    window = MainWindow(services, actor, services.db.path,
                        on_restore=None if restored is None else restored.append, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_settings_tab(4)
    return window


def _read_and_close(seen: list[str]) -> Any:
    def handle(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()
    return handle


def test_backup_of_a_damaged_database_is_refused_with_a_message(
    qtbot: Any, services: Services, clerk: Actor,
) -> None:
    window = _window(qtbot, services, clerk)
    assert services.db.path is not None
    services.db.dispose()
    damage(services.db.path)
    seen: list[str] = []
    driver = on_next_modal(_read_and_close(seen))
    qtbot.mouseClick(window.data.backup_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen[0].startswith("数据库文件已损坏（") and "不能备份" in seen[0]
    assert list_backups(services.db.path, services.backup_dir) == []


def test_backup_on_a_full_disk_says_so_and_keeps_nothing_half_written(
    qtbot: Any, services: Services, clerk: Actor, monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, services, clerk)

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic_copy.os, "fsync", fsync)
    seen: list[str] = []
    driver = on_next_modal(_read_and_close(seen))
    qtbot.mouseClick(window.data.backup_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen[0].startswith("磁盘空间不足，备份未完成") and "还需要约" in seen[0]
    assert window.data.backups.topLevelItemCount() == 0
    assert part_files(services.backup_dir) == []


def test_a_damaged_backup_is_refused_before_anything_is_asked_or_touched(
    qtbot: Any, services: Services, admin: Actor,
) -> None:
    restored: list[Path] = []
    window = _window(qtbot, services, admin, restored)
    backup = window.backup_now()
    assert backup is not None and window.last_message is not None
    window.last_message.accept()
    damage(backup)
    seen: list[str] = []

    def answer() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, RestoreDialog):
            modal.accept()  # the (damaged) newest backup is selected
            QTimer.singleShot(0, answer)
        elif isinstance(modal, QMessageBox):
            seen.append(modal.text())
            modal.accept()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    window.restore_from_backup()
    assert restored == []
    assert len(seen) == 1 and seen[0].startswith(f"备份文件“{backup.name}”已损坏（")
    assert "当前数据库未做任何改动" in seen[0]
    assert [b.reason for b in list_backups(window.db_path, services.backup_dir)] == ["manual"]

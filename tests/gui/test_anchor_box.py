"""The clerk sees the audit head and where the anchors are (关于, 数据) and sets a second folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.main_window import MainWindow
from branchdesk.paths import AppPaths
from branchdesk.storage.anchor_setup import attach_anchor_book, head_of
from branchdesk.storage.anchors import read_anchors

TODAY = dt.date(2026, 11, 26)


def _window(qtbot, services: Services, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    assert services.db.path is not None
    attach_anchor_book(services.db, AppPaths.default().data_dir)  # as app.py wires it
    window = MainWindow(services, actor, services.db.path, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_about_shows_the_head_and_the_anchor_file(
    qtbot, services: Services, clerk: Actor  # type: ignore[no-untyped-def]
) -> None:
    window = _window(qtbot, services, clerk)
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.text().startswith("关于支部台账"):
                action.trigger()
    box = window.last_message
    assert isinstance(box, QMessageBox)
    head = head_of(services.db)
    assert head is not None
    assert f"审计记录第 {head.entry_id} 条，校验码 {head.code}" in box.text()
    assert str(AppPaths.default().data_dir / "anchors") in box.text()
    assert "第二个锚点文件夹：未设置" in box.text()
    box.accept()


def test_data_page_sets_a_second_folder_that_receives_the_anchors(
    qtbot, services: Services, admin: Actor, clerk: Actor, tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    window = _window(qtbot, services, admin)
    box = window.data.anchors
    assert box is not None
    head = head_of(services.db)
    assert head is not None and head.code in box.head.text()  # type: ignore[attr-defined]
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_: str(stick))
    qtbot.mouseClick(box.choose_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert box.folder.text() == str(stick.resolve())  # type: ignore[attr-defined]
    copies = list(stick.glob("test-*.txt"))
    assert len(copies) == 1
    assert read_anchors(copies[0]).anchors[-1].hash == head_of(services.db).hash  # type: ignore[union-attr]
    box.refresh()  # type: ignore[attr-defined]
    assert head_of(services.db).code in box.head.text()  # type: ignore[attr-defined,union-attr]
    # a clerk sees the setting but cannot change it
    clerk_box = _window(qtbot, services, clerk).data.anchors
    assert not clerk_box.choose_button.isEnabled()  # type: ignore[union-attr]
    assert clerk_box.folder.text() == str(stick.resolve())  # type: ignore[union-attr]

"""The main window: navigation, title, backup from the menu, the about box, checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from branchdesk import __version__
from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.main_window import MainWindow
from branchdesk.storage.backup import list_backups

TODAY = dt.date(2026, 11, 26)


def _window(qtbot, services: Services, actor: Actor,  # type: ignore[no-untyped-def]
            on_restore: Callable[[Path], None] | None = None) -> MainWindow:
    assert services.db.path is not None
    window = MainWindow(services, actor, services.db.path, on_restore=on_restore, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def _menu_action(window: MainWindow, menu_title: str, text: str):  # type: ignore[no-untyped-def]
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title().startswith(menu_title):
            for action in menu.actions():
                if action.text().startswith(text):
                    return action
    raise AssertionError(f"no menu item {menu_title} › {text}")


def test_title_names_database_user_and_role(qtbot, services: Services, clerk: Actor) -> None:
    window = _window(qtbot, services, clerk)
    assert window.windowTitle() == "支部台账 — test.sqlite — 李录入（录入员）"
    texts = [w.text() for w in window.statusBar().findChildren(QLabel) if "数据库：" in w.text()]
    assert texts and "李录入（录入员）" in texts[0] and str(services.db.path) in texts[0]


def test_navigation_list_and_shortcuts_switch_pages(qtbot, services: Services, clerk: Actor,
                                                    add_member: Callable[..., int]) -> None:
    add_member("张三")
    window = _window(qtbot, services, clerk)
    areas = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert areas == ["首页", "花名册", "发展党员", "会议记录", "组织关系转接", "设置"]
    assert window.stack.currentWidget() is window.home

    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.roster
    assert window.roster.count_label.text() == "共 1 人"

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.development
    assert window.development.count_label.text() == "共 0 人"  # 张三 is a full member
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.meetings
    assert window.meetings.tabs.tabText(0) == "会议记录"
    assert window.meetings.count_label.text() == "共 0 次会议"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.transfers
    assert window.transfers.count_label.text() == "共 0 件"
    assert window.nav.item(4).toolTip() == "组织关系转接（Ctrl+5）"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings
    tabs = [window.settings.tabText(i) for i in range(window.settings.count())]
    assert tabs == ["组织机构", "账户", "审计日志", "工作日历与期限", "数据"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.home
    assert window.home.count_labels[None].text() == "1"

    _menu_action(window, "工具", "审计日志").trigger()
    assert window.stack.currentWidget() is window.settings
    assert window.settings.tabText(window.settings.currentIndex()) == "审计日志"
    assert window.audit.isVisible()


def test_backup_menu_writes_into_backup_folder(qtbot, services: Services, clerk: Actor) -> None:
    window = _window(qtbot, services, clerk)
    assert list_backups(window.db_path, services.backup_dir) == []
    action = _menu_action(window, "文件", "备份")
    assert action.shortcut().toString() == "Ctrl+B"
    action.trigger()
    backups = list_backups(window.db_path, services.backup_dir)
    assert len(backups) == 1 and backups[0].path.is_file()
    assert backups[0].reason == "manual"
    box = window.last_message
    assert isinstance(box, QMessageBox) and str(backups[0].path) in box.text()
    box.accept()

    window.show_settings_tab(4)
    assert window.data.backups.topLevelItemCount() == 1
    first = window.data.backups.topLevelItem(0)
    assert first is not None and first.text(1) == "手动备份"
    qtbot.mouseClick(window.data.backup_button, Qt.MouseButton.LeftButton)
    assert len(list_backups(window.db_path, services.backup_dir)) == 2
    assert window.data.backups.topLevelItemCount() == 2


def test_about_dialog_shows_version_and_data_folder(qtbot, services: Services,
                                                    clerk: Actor) -> None:
    window = _window(qtbot, services, clerk)
    _menu_action(window, "帮助", "关于支部台账").trigger()
    box = window.last_message
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert __version__ in box.text()
    assert str(window.data_dir) in box.text()
    box.accept()


def test_verify_reports_a_sound_database(qtbot, services: Services, clerk: Actor,
                                         add_member: Callable[..., int]) -> None:
    add_member("张三")
    window = _window(qtbot, services, clerk)
    _menu_action(window, "工具", "校验数据库").trigger()
    box = window.last_message
    assert isinstance(box, QMessageBox) and "数据库完好" in box.text()
    box.accept()


def test_restore_only_offered_to_administrator_with_a_restorer(
    qtbot, services: Services, admin: Actor, clerk: Actor
) -> None:
    restored: list[Path] = []
    assert not _menu_action(_window(qtbot, services, clerk, restored.append),
                            "文件", "从备份恢复").isEnabled()
    assert not _menu_action(_window(qtbot, services, admin), "文件", "从备份恢复").isEnabled()
    window = _window(qtbot, services, admin, restored.append)
    assert _menu_action(window, "文件", "从备份恢复").isEnabled()
    assert "（管理员）" in window.windowTitle()


def test_restore_asks_then_hands_the_chosen_backup_to_the_restorer(
    qtbot, services: Services, admin: Actor
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from branchdesk.gui.data_page import RestoreDialog

    restored: list[Path] = []
    window = _window(qtbot, services, admin, restored.append)
    backup = window.backup_now()
    assert backup is not None and window.last_message is not None
    window.last_message.accept()
    seen: list[str] = []

    def answer(button_text: str) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, lambda: answer(button_text))
            return
        if isinstance(modal, RestoreDialog):
            assert modal.backups.topLevelItemCount() == 1
            modal.accept()  # the newest backup is selected
            QTimer.singleShot(0, lambda: answer(button_text))
            return
        assert isinstance(modal, QMessageBox)
        seen.append(modal.text())
        for button in modal.buttons():
            if button.text() == button_text:
                button.click()

    QTimer.singleShot(0, lambda: answer("否"))
    _menu_action(window, "文件", "从备份恢复").trigger()
    assert restored == [] and "先把当前数据库备份" in seen[0]

    QTimer.singleShot(0, lambda: answer("恢复"))
    _menu_action(window, "文件", "从备份恢复").trigger()
    assert restored == [backup]


def test_file_menu_imports_exports_and_offers_the_template(
    qtbot, monkeypatch, services: Services, clerk: Actor, reviewer: Actor,  # type: ignore[no-untyped-def]
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    from branchdesk.gui import member_import_dialog
    from branchdesk.gui.member_import_dialog import MemberImportDialog
    from tests.gui.dialog_driver import on_next_modal

    add_member("张三")
    window = _window(qtbot, services, clerk)
    texts = [a.text() for m in window.menuBar().findChildren(QMenu) if m.title().startswith("文件")
             for a in m.actions() if a.text()]
    assert texts[:3] == ["导入党员名册(&I)…", "导出党员名册(&E)…", "下载导入模板(&T)…"]

    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(member_import_dialog.QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    seen: list[str] = []

    def ok(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    driver = on_next_modal(ok)
    _menu_action(window, "文件", "下载导入模板").trigger()
    driver.check()
    assert target.is_file() and str(target) in seen[0]
    assert services.member_import.preview(target).rows == ()

    opened: list[object] = []

    def close(dialog: object) -> None:
        opened.append(dialog)
        assert isinstance(dialog, MemberImportDialog)
        dialog.form.close_button.click()

    driver = on_next_modal(close)
    _menu_action(window, "文件", "导入党员名册").trigger()
    driver.check()
    assert window.stack.currentWidget() is window.roster and len(opened) == 1

    exported = tmp_path / "名册.xlsx"
    monkeypatch.setattr(member_import_dialog.QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(exported), ""))
    driver = on_next_modal(ok)
    _menu_action(window, "文件", "导出党员名册").trigger()
    driver.check()
    assert seen[-1].startswith("已导出 1 名党员到") and exported.is_file()

    reviewer_window = _window(qtbot, services, reviewer)
    assert not _menu_action(reviewer_window, "文件", "导入党员名册").isEnabled()
    assert _menu_action(reviewer_window, "文件", "导出党员名册").isEnabled()


def test_the_home_page_is_read_again_only_when_it_is_shown(
    qtbot, services: Services, clerk: Actor, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    """A change made elsewhere does not recompute a hidden home page's 待办 (seconds for a
    county); going back to the home page reads it."""
    from branchdesk.gui.signals import emit

    window = _window(qtbot, services, clerk)
    calls: list[dt.date] = []
    original = services.todo.items
    monkeypatch.setattr(services.todo, "items", lambda day: calls.append(day) or original(day))
    window.nav.setCurrentRow(1)  # 花名册
    emit(window.roster.members_changed)
    emit(window.transfers.transfers_changed)
    assert calls == []
    window.nav.setCurrentRow(0)  # 首页
    assert calls == [TODAY]
    emit(window.meetings.meetings_changed)  # on screen: read again at once
    assert calls == [TODAY, TODAY]

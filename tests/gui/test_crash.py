import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from branchdesk.core.errors import ValidationError
from branchdesk.gui import crash
from branchdesk.gui.crash import CrashDialog, ExceptionHandler


def test_crash_dialog_copies_details(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CrashDialog("Traceback: boom", tmp_path / "branchdesk.log")
    qtbot.addWidget(dialog)
    assert dialog.text.isHidden()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Traceback: boom"
    assert dialog.copy_button.text() == "已复制"


def test_unexpected_error_is_logged_and_shown_in_chinese(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    handler = ExceptionHandler(tmp_path / "branchdesk.log")
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR, logger="branchdesk"):
            handler(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1 and "ZeroDivisionError" in shown[0].details
    assert "ZeroDivisionError" in caplog.text


def test_known_errors_are_plain_messages(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(
        crash.QMessageBox, "warning", lambda parent, title, text: messages.append(text)
    )
    handler = ExceptionHandler(Path("unused.log"))
    exc = ValidationError({"name": "请填写姓名"})
    handler(type(exc), exc, None)
    assert messages == ["请填写姓名"]
    assert QMessageBox is crash.QMessageBox


def test_the_crash_report_names_no_id_number_or_phone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The details a clerk may copy and send on hide personal data, as the log does."""
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    handler = ExceptionHandler(tmp_path / "branchdesk.log")
    try:
        raise RuntimeError("[parameters: ('张三', '11010519900307002X', '13912345678')]")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR, logger="branchdesk"):
            handler(type(exc), exc, exc.__traceback__)
    (dialog,) = shown
    assert "RuntimeError" in dialog.details and "[parameters: 已隐去]" in dialog.details
    for text in (dialog.details, caplog.text):
        assert "11010519900307002X" not in text and "13912345678" not in text

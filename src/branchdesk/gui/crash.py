"""The crash dialog: a Chinese message, the log file's location and a copy-details button."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.errors import BranchDeskError
from branchdesk.log_redaction import redact

log = logging.getLogger("branchdesk")


class CrashDialog(QDialog):
    """Tells the clerk that something unexpected happened, without a bare traceback."""

    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("支部台账 — 意外错误")
        self.details = details
        layout = QVBoxLayout(self)
        message = QLabel(
            "程序遇到了一个意外错误，刚才的操作可能没有完成。已保存的数据不会丢失。\n\n"
            f"详细信息已写入日志文件：\n{log_file}\n\n"
            "如需技术支持，请点击“复制详细信息”，把内容发给维护人员。"
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setVisible(False)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.copy_button = QPushButton("复制详细信息")
        self.show_button = QPushButton("显示详细信息")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button.clicked.connect(lambda: self.text.setVisible(not self.text.isVisible()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("已复制")


class ExceptionHandler:
    """sys.excepthook for the GUI: known errors as messages, the rest as a crash dialog."""

    def __init__(self, log_file: Path) -> None:
        self.log_file = log_file
        self.showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, BranchDeskError):
            QMessageBox.warning(parent, "支部台账", str(exc))
            return
        details = redact("".join(traceback.format_exception(exc_type, exc, tb)))
        log.error("unexpected error\n%s", details)
        if self.showing:
            return
        self.showing = True
        try:
            CrashDialog(details, self.log_file, parent).exec()
        finally:
            self.showing = False

    def install(self) -> None:
        sys.excepthook = self

"""A printed document (PDF) ready: open it in the PDF viewer to look at and print, or save it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.gui.common import show_error, show_info

PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF we wrote (reportlab and Qt write one object per page)."""
    return len(PAGE.findall(pdf))


class PdfPreviewDialog(QDialog):
    """Offers a PDF: 预览并打印 opens it in the system's PDF viewer (which prints it);
    另存为 writes it where the clerk wants it."""

    def __init__(
        self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.opened: Path | None = None
        pages = page_count(pdf)
        message = QLabel(
            f"“{title}”已生成，共 {pages} 页（A4）。\n\n"
            "点“预览并打印”在 PDF 阅读器中查看，并从阅读器中打印；"
            "点“另存为”保存到文件夹，以后再打印或报送。"
        )
        message.setWordWrap(True)
        self.print_button = QPushButton("预览并打印(&P)…")
        self.save_button = QPushButton("另存为(&S)…")
        close_button = QPushButton("关闭")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.open_in_viewer)
        self.save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.open_in_viewer)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(buttons)
        self.resize(480, 180)

    def page_count(self) -> int:
        return page_count(self.pdf)

    def open_in_viewer(self) -> Path | None:
        """Write the PDF to a temporary file and open it in the system's PDF viewer."""
        folder = Path(tempfile.mkdtemp(prefix="branchdesk-print-"))
        target = folder / self.suggested_name
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            show_error(self, f"无法写出临时文件：{exc.strerror or exc}")
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            show_error(
                self, "没有找到可以打开 PDF 的程序。请用“另存为”保存后，用 PDF 阅读器打开并打印。"
            )
            return None
        self.opened = target
        return target

    def save_as(self) -> Path | None:
        suggested = str(Path.home() / self.suggested_name)
        name, _ = QFileDialog.getSaveFileName(self, "另存为", suggested, "PDF 文件 (*.pdf)")
        if not name:
            return None
        return self.save_to(Path(name))

    def save_to(self, target: Path) -> Path | None:
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            show_error(self, f"无法保存“{target}”：{exc.strerror or exc}。请换一个文件夹或文件名。")
            return None
        show_info(self, f"已保存到：\n{target}")
        return target

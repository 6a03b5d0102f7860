"""Preview of a printed document (PDF) inside BranchDesk: look at it, print it, save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
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


class PdfPreviewDialog(QDialog):
    """Shows a PDF page by page, with 打印 (to any printer) and 另存为 (a PDF file)."""

    def __init__(
        self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(f"共 {self.document.pageCount()} 页")
        self.print_button = QPushButton("打印(&P)…")
        self.save_button = QPushButton("另存为(&S)…")
        close_button = QPushButton("关闭")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pages)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(860, 900)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> None:
        """Ask for a printer, then print every page at the printer's resolution."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw each page of the PDF onto the printer, scaled to its page, centred."""
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, "无法开始打印，请检查打印机是否已连接并开机")
            return
        try:
            dpi = printer.resolution()
            for index in range(self.document.pageCount()):
                if index:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = self.document.render(index, size)
                area = painter.viewport()
                scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                left = area.x() + (area.width() - scaled.width()) // 2
                top = area.y() + (area.height() - scaled.height()) // 2
                painter.drawImage(QRect(left, top, scaled.width(), scaled.height()), image)
        finally:
            painter.end()

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

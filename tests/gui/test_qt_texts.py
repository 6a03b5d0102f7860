"""Qt's file dialog in Chinese: the texts Qt's translation lacks come from our supplement."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from branchdesk.gui.qt_texts import QtTextsSupplement


def test_the_file_dialog_labels_are_chinese_and_other_texts_fall_through(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    supplement = QtTextsSupplement(app)
    app.installTranslator(supplement)
    try:
        dialog = QFileDialog(None, "导入转接包")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        # a text we do not supply comes from the next translator (Qt's own Chinese, when an
        # earlier test installed it, else Qt's English) — never an empty label
        assert QCoreApplication.translate("QFileDialog", "File &name:") in (
            "File &name:", "文件名称(&N)：")
        assert all(labels), labels
        before = sys.getrefcount(None)
        for _ in range(2000):
            QCoreApplication.translate("QFileDialog", "Directory:")
        assert sys.getrefcount(None) >= before - 10  # the None we return is not lost
    finally:
        app.removeTranslator(supplement)

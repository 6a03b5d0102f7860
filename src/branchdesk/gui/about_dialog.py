"""帮助 › 关于: version, where the data is, and the licences of what BranchDesk ships with."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk import APP_TITLE, __version__

#: the sizes exported from resources/icons/branchdesk.svg (installer/make_icons.py)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
LICENCES_LINK = "licences"


@dataclass(frozen=True)
class Component:
    """Something shipped with BranchDesk, its licence and the file with the licence's text."""

    name: str
    use: str
    licence: str
    file: str  # relative to the package branchdesk.resources

    def text(self) -> str:
        return resource_text(self.file)


COMPONENTS: tuple[Component, ...] = (
    Component("WenQuanYi Micro Hei 文泉驿微米黑", "打印用中文字体", "Apache-2.0",
              "fonts/wqy-microhei-LICENSE-Apache-2.0.txt"),
    Component("Qt 6、PySide6、Shiboken6", "图形界面", "LGPL-3.0", "licences/LGPL-3.0.txt"),
    Component("GNU GPL 第 3 版", "LGPL-3.0 所引用的全文", "GPL-3.0", "licences/GPL-3.0.txt"),
    Component("Python", "运行环境（安装包内）", "PSF-2.0", "licences/Python-LICENSE.txt"),
    Component("SQLAlchemy", "数据库访问", "MIT", "licences/SQLAlchemy-LICENSE.txt"),
    Component("Alembic", "数据库结构升级", "MIT", "licences/Alembic-LICENSE.txt"),
    Component("Mako", "Alembic 所用模板", "MIT", "licences/Mako-LICENSE.txt"),
    Component("MarkupSafe", "Mako 所用", "BSD-3-Clause", "licences/MarkupSafe-LICENSE.txt"),
    Component("ReportLab", "打印（PDF）", "BSD", "licences/reportlab-LICENSE.txt"),
    Component("rl-accel", "ReportLab 加速模块", "BSD", "licences/rl-accel-LICENSE.txt"),
    Component("Pillow", "ReportLab 所用图像库", "MIT-CMU", "licences/Pillow-LICENSE.txt"),
    Component("openpyxl", "Excel 导入导出", "MIT", "licences/openpyxl-LICENSE.txt"),
    Component("et_xmlfile", "openpyxl 所用", "MIT", "licences/et-xmlfile-LICENSE.txt"),
    Component("argon2-cffi", "密码散列（Argon2id）", "MIT", "licences/argon2-cffi-LICENSE.txt"),
    Component("argon2-cffi-bindings", "argon2-cffi 所用", "MIT",
              "licences/argon2-cffi-bindings-LICENSE.txt"),
    Component("cffi", "argon2-cffi 所用", "MIT-0", "licences/cffi-LICENSE.txt"),
    Component("pycparser", "cffi 所用", "BSD-3-Clause", "licences/pycparser-LICENSE.txt"),
    Component("pypinyin", "花名册拼音查找", "MIT", "licences/pypinyin-LICENSE.txt"),
    Component("platformdirs", "用户数据文件夹", "MIT", "licences/platformdirs-LICENSE.txt"),
    Component("typing_extensions", "SQLAlchemy 所用", "PSF-2.0",
              "licences/typing-extensions-LICENSE.txt"),
)


def resource_text(relative: str) -> str:
    """A text file shipped in ``branchdesk.resources`` (importlib.resources: any install)."""
    resource = files("branchdesk.resources")
    for part in relative.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8")


def application_icon() -> QIcon:
    """BranchDesk's icon (a red ledger with a gold star) in every exported size."""
    icon = QIcon()
    folder = files("branchdesk.resources") / "icons"
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"branchdesk-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


def about_html(
    version: str, data_dir: Path, db_path: Path, backup_dir: Path, anchors: Sequence[str] = ()
) -> str:
    def row(label: str, path: Path) -> str:
        return f"{label}：{html.escape(str(path))}<br>"

    audit = "".join(f"{html.escape(line)}<br>" for line in anchors)
    return (
        f"<h3>{APP_TITLE}（BranchDesk）</h3>"
        f"<p>版本 {html.escape(version)}<br>党支部党务工作台账，离线使用。</p>"
        "<p>"
        + row("数据文件夹", data_dir) + row("当前数据库", db_path) + row("备份文件夹", backup_dir)
        + "</p>"
        + (f"<p>审计记录（可抄下校验码备查）：<br>{audit}</p>" if audit else "")
    )


class AboutDialog(QMessageBox):
    """关于支部台账: version, data folder, database, backups; a link to the licences."""

    def __init__(
        self, data_dir: Path, db_path: Path, backup_dir: Path, parent: QWidget | None = None,
        anchors: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"关于{APP_TITLE}")
        self.setIconPixmap(application_icon().pixmap(64, 64))
        self.setTextFormat(Qt.TextFormat.RichText)
        # wide enough for a folder path on one line (a message box wraps its text early)
        self.setStyleSheet("QLabel#qt_msgbox_label { min-width: 34em; }")
        self.setText(about_html(__version__, data_dir, db_path, backup_dir, anchors))
        self.setInformativeText(
            "本程序随附的字体和程序库（Qt/PySide6 按 LGPL-3.0 提供，其余为 Apache-2.0、MIT、"
            f"BSD 等许可证）：<a href='{LICENCES_LINK}'>查看许可证</a>"
        )
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        ok = self.button(QMessageBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("确定")
        self.licences: LicencesDialog | None = None
        for label in self.findChildren(QLabel):
            label.linkActivated.connect(self._link)

    def _link(self, link: str) -> None:
        if link == LICENCES_LINK:
            self.show_licences()

    def show_licences(self) -> LicencesDialog:
        """Open the licences (non-blocking, over this box)."""
        self.licences = LicencesDialog(self)
        self.licences.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.licences.open()
        return self.licences


class LicencesDialog(QDialog):
    """The shipped components on the left, the chosen one's licence text on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("许可证")
        intro = QLabel(
            f"{APP_TITLE}随附以下字体和程序库，各按其许可证提供。选中一项查看许可证全文。"
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for component in COMPONENTS:
            item = QListWidgetItem(f"{component.name}（{component.licence}）")
            item.setToolTip(f"{component.use}；许可证：{component.licence}")
            self.list.addItem(item)
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + 24)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.use = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.use)
        right.addWidget(self.text, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)
        self.resize(900, 600)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(COMPONENTS):
            return
        component = COMPONENTS[row]
        self.use.setText(f"{component.name}：{component.use}；许可证 {component.licence}")
        self.text.setPlainText(component.text())

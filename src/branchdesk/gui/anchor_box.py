"""The 审计锚点 box of the data page: the chain head, the anchor files, the second folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.anchor_status import AnchorStatus, anchor_status, set_second_folder
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.vocab import Role
from branchdesk.storage.database import Database


def _selectable(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AnchorBox(QGroupBox):
    """Shows 审计记录第 N 条，校验码 … and where the anchors are; sets the second folder."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("审计锚点（防篡改）", parent)
        self.db = db
        self.actor = actor
        self.head = _selectable()
        self.file = _selectable()
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText("未设置（建议设到 U 盘或网络共享文件夹）")
        self.choose_button = QPushButton("选择文件夹…")
        self.clear_button = QPushButton("不再使用")
        admin = actor.role is Role.ADMIN
        for button in (self.choose_button, self.clear_button):
            button.setEnabled(admin)
            if not admin:
                button.setToolTip("只有管理员可以设置")
        self.message = QLabel()
        self.message.setWordWrap(True)
        explain = QLabel(
            "每次保存、备份和打印时，程序把审计记录的当前位置记入数据库之外的锚点文件；"
            "“校验数据库”据此发现被删除或整段改写的审计记录。请把校验码抄下，"
            "并设置第二个文件夹，让锚点另存一份。"
        )
        explain.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.clear_button)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow("当前：", self.head)
        form.addRow("锚点文件：", self.file)
        form.addRow("第二个文件夹：", folder_row)
        form.addRow(self.message)
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(lambda: self.set_folder(None))
        self.refresh()

    def refresh(self) -> None:
        """Re-read the chain head and the anchor settings."""
        self._show(anchor_status(self.db))

    def _show(self, status: AnchorStatus) -> None:
        self.head.setText(status.head_text)
        self.file.setText(str(status.files[0]) if status.files else "尚未写入")
        self.folder.setText(str(status.second_folder) if status.second_folder else "")
        self.clear_button.setEnabled(
            self.actor.role is Role.ADMIN and status.second_folder is not None
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)

    def choose_folder(self) -> None:
        """Ask for a folder (a USB stick, a network share) and keep the anchors there too."""
        chosen = QFileDialog.getExistingDirectory(self, "选择第二个锚点文件夹")
        if chosen:
            self.set_folder(Path(chosen))

    def set_folder(self, folder: Path | None) -> None:
        try:
            status = set_second_folder(self.db, self.actor, folder)
        except BranchDeskError as exc:
            self.message.setText(f"未能设置：{exc}")
            return
        self._show(status)
        self.message.setText(
            f"锚点将同时写入：{folder}" if folder else "已不再向第二个文件夹写入锚点。"
        )

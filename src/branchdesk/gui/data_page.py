"""设置 › 数据: where the database and its backups are, and the backup/restore buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.gui.common import localise_buttons
from branchdesk.storage.backup import BackupFile, list_backups


def reason_label(reason: str) -> str:
    """A backup's reason code in Chinese."""
    if reason.startswith("daily"):
        return "每日自动备份"
    if reason.startswith("manual"):
        return "手动备份"
    if reason.startswith("before-restore-damaged"):
        return "恢复前保存的损坏文件"
    if reason.startswith("before-restore"):
        return "恢复前自动备份"
    if reason.startswith("before-upgrade"):
        return "升级前自动备份"
    return reason


def size_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return ""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def fill_backup_list(
    tree: QTreeWidget, backups: list[BackupFile], select_first: bool = False
) -> None:
    """Show backups newest first: time, kind, size, file name (the path as item data)."""
    tree.clear()
    for backup in backups:
        item = QTreeWidgetItem([
            f"{backup.taken_at:%Y-%m-%d %H:%M:%S}", reason_label(backup.reason),
            size_text(backup.path), backup.path.name,
        ])
        item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tree.addTopLevelItem(item)
    first = tree.topLevelItem(0)
    if select_first and first is not None:
        tree.setCurrentItem(first)


def backup_tree() -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(["备份时间", "类型", "大小", "文件名"])
    tree.setRootIsDecorated(False)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAlternatingRowColors(True)
    tree.setColumnWidth(0, 170)
    tree.setColumnWidth(1, 130)
    tree.setColumnWidth(2, 80)
    return tree


def _path_label(path: Path) -> QLabel:
    label = QLabel(str(path))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class DataPage(QWidget):
    """Shows the database file, the data and backup folders and the backups."""

    backup_requested = Signal()
    restore_requested = Signal()

    def __init__(
        self, db_path: Path, data_dir: Path, backup_dir: Path, parent: QWidget | None = None,
        anchors: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.backup_dir = backup_dir
        places = QGroupBox("文件位置")
        form = QFormLayout(places)
        form.addRow("数据库文件：", _path_label(db_path))
        form.addRow("数据文件夹：", _path_label(data_dir))
        form.addRow("备份文件夹：", _path_label(backup_dir))

        self.backups = backup_tree()
        self.backups_box = QGroupBox()
        box_layout = QVBoxLayout(self.backups_box)
        box_layout.addWidget(
            QLabel(
                "程序每天第一次启动时自动备份（保留最近 30 份）；"
                "升级数据库和恢复备份前也会自动备份。"
            )
        )
        box_layout.addWidget(self.backups)

        self.backup_button = QPushButton("立即备份")
        self.backup_button.setToolTip("把当前数据库备份到备份文件夹（Ctrl+B）")
        self.restore_button = QPushButton("从备份恢复…")
        self.open_folder_button = QPushButton("打开备份文件夹")
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder_button)

        layout = QVBoxLayout(self)
        layout.addWidget(places)
        self.anchors = anchors  # the 审计锚点 box (head, anchor files, second folder)
        if anchors is not None:
            layout.addWidget(anchors)
        layout.addWidget(self.backups_box, 1)
        layout.addLayout(buttons)

        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.open_folder_button.clicked.connect(self.open_backup_folder)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the backup folder."""
        backups = list_backups(self.db_path, self.backup_dir)
        fill_backup_list(self.backups, backups)
        self.backups_box.setTitle(f"本数据库的备份（{len(backups)} 份）")

    def open_backup_folder(self) -> None:
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.backup_dir)))


class RestoreDialog(QDialog):
    """Choose the backup to restore: one from the backup folder, or any file."""

    def __init__(self, db_path: Path, backup_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("从备份恢复")
        self.backup_dir = backup_dir
        self.chosen: Path | None = None
        intro = QLabel(
            "选择要恢复的备份。恢复后，当前数据库的内容将被所选备份替换；"
            "恢复前程序会先把当前数据库另存到备份文件夹。"
        )
        intro.setWordWrap(True)
        self.backups = backup_tree()
        fill_backup_list(self.backups, list_backups(db_path, backup_dir), select_first=True)
        self.browse_button = QPushButton("选择其他文件…")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        localise_buttons(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("恢复…")
        ok.setEnabled(self.backups.topLevelItemCount() > 0)
        row = QHBoxLayout()
        row.addWidget(self.browse_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backups, 1)
        layout.addLayout(row)
        self.resize(680, 380)

        self.backups.itemDoubleClicked.connect(lambda *_: self.accept())
        self.backups.currentItemChanged.connect(lambda item, _: ok.setEnabled(item is not None))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self.browse)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "选择备份文件", str(self.backup_dir),
            "支部台账数据库 (*.sqlite *.db);;所有文件 (*)",
        )
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        self.chosen = Path(item.data(0, Qt.ItemDataRole.UserRole))
        super().accept()

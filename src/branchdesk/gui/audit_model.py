"""The table model of audit entries shown by the audit page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from branchdesk.core.audit_log import AuditRow
from branchdesk.gui.common import format_local

COLUMNS = ("时间", "用户", "操作", "记录", "党员", "摘要")
ModelIndex = QModelIndex | QPersistentModelIndex


def record_text(row: AuditRow) -> str:
    """'党员 #12' — which table and record an entry is about."""
    return f"{row.table} #{row.record_id}" if row.record_id else row.table


class AuditTableModel(QAbstractTableModel):
    """Audit entries, newest first, with times in local time."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._names: dict[str, str] = {}

    def set_rows(self, rows: list[AuditRow], display_names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(display_names or {})
        self.endResetModel()

    def entry(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _user(self, username: str) -> str:
        name = self._names.get(username)
        return f"{name}（{username}）" if name else username

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return format_local(row.at, seconds=True)
            if column == 1:
                return self._user(row.actor)
            if column == 2:
                return row.action
            if column == 3:
                return record_text(row)
            if column == 4:
                return row.member_name
            if column == 5:
                return row.summary
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

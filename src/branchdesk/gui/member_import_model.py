"""The import preview table: a 行号 column, then the file's columns, problems marked in red."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from branchdesk.core.member_import import ImportPreview, ImportProblem, ImportRow

ROW_HEADER = "行号"
PROBLEM_BACKGROUND = QColor("#f8d0d0")
PROBLEM_FOREGROUND = QColor("#a00000")
UPDATE_FOREGROUND = QColor("#1f4e99")
#: the data roles that say whether a cell has a problem (True/False) and a row's validity
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_VALID_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class ImportPreviewModel(QAbstractTableModel):
    """A checked roster file, read lazily from the preview's rows (10,000 rows stay quick)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self._columns: tuple[str, ...] = ()
        self._background = QBrush(PROBLEM_BACKGROUND)
        self._foreground = QBrush(PROBLEM_FOREGROUND)
        self._update_foreground = QBrush(UPDATE_FOREGROUND)

    @property
    def preview(self) -> ImportPreview | None:
        return self._preview

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show a checked file (None: an empty table)."""
        self.beginResetModel()
        self._preview = preview
        self._columns = tuple(h for h in preview.columns if h) if preview else ()
        self.endResetModel()

    def file_column(self, column: int) -> str | None:
        """The file's header shown in ``column`` (None for 行号 and outside the table)."""
        return self._columns[column - 1] if 1 <= column <= len(self._columns) else None

    def column_of(self, header: str) -> int | None:
        """The table column showing the file's column ``header``."""
        try:
            return self._columns.index(header) + 1
        except ValueError:
            return None

    def import_row(self, row: int) -> ImportRow | None:
        """The file row shown in ``row``."""
        if self._preview is None or not 0 <= row < len(self._preview.rows):
            return None
        return self._preview.rows[row]

    def problems_at(self, row: int, column: int) -> tuple[ImportProblem, ...]:
        """The problems marked in a cell: its column's, or (行号) those of the whole row."""
        found = self.import_row(row)
        if found is None or not found.problems:
            return ()
        header = self.file_column(column)
        if header is None:
            return found.problems if column == 0 else ()
        return tuple(p for p in found.problems if p.column == header)

    # QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return 1 + len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0 and self._preview is not None:
            return ROW_HEADER
        return self.file_column(section)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.import_row(index.row())
        column = index.column()
        if row is None or not 0 <= column < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.row)
            return row.cells.get(self._columns[column - 1], "")
        if role == ROW_VALID_ROLE:
            return row.valid
        problems = self.problems_at(index.row(), column)
        if role == PROBLEM_ROLE:
            return bool(problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                if column == 0:
                    return "\n".join(str(p) for p in problems)
                return "\n".join(p.message for p in problems)
            if column == 0:
                return f"第 {row.row} 行：将更新已登记的人员" if row.updates else (
                    f"第 {row.row} 行：无误"
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background if problems else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if problems:
                return self._foreground
            return self._update_foreground if column == 0 and row.updates else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def summary_text(preview: ImportPreview, listed: int = 4) -> str:
    """The line above the table: how many rows, how many have problems, the first of them."""
    total = len(preview.rows)
    if total == 0:
        return "文件中没有数据行（只有表头）：请在表头下面填写党员，每人一行。"
    invalid = len(preview.invalid_rows)
    updates = sum(1 for r in preview.rows if r.updates)
    update_note = f"，其中 {updates} 行是已登记的人员（按文件更新）" if updates else ""
    if not invalid:
        return f"共 {total} 行，全部无误{update_note}，可以导入。"
    problems = preview.problems
    lines = [
        f"共 {total} 行，其中 {invalid} 行有问题（标红的格子，鼠标停在格子上可看原因），"
        f"{total - invalid} 行无误{update_note}。",
        *(str(p) for p in problems[:listed]),
    ]
    if len(problems) > listed:
        lines.append(f"……等共 {len(problems)} 处问题（可“保存问题清单”查看全部）")
    return "\n".join(lines)

"""A flat table model with fixed column headings: what every list model here shares."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class HeadedTableModel(QAbstractTableModel):
    """Rows without children under fixed headings; a subclass says how many rows it has
    (``row_total``) and what they hold (``data``)."""

    def __init__(self, headings: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headings = tuple(headings)

    def row_total(self) -> int:
        """How many rows the table has (none until a subclass says otherwise)."""
        return 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headings)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headings)):
            return self.headings[section]
        return None


class PagedIdTableModel(HeadedTableModel):
    """A long list held as ids in display order; rows are read a page at a time when shown
    (``fetch_rows``) and kept in a small cache — the roster's pattern for county-scale lists."""

    def __init__(
        self, headings: Sequence[str], parent: QObject | None = None, *,
        page_size: int = 200, cache_pages: int = 10,
    ) -> None:
        super().__init__(headings, parent)
        self._page_size = max(1, page_size)
        self._cache_limit = self._page_size * max(1, cache_pages)
        self._ids: list[int] = []
        self._row_numbers: dict[int, int] = {}  # id → row, built when first asked
        self._cache: OrderedDict[int, Any] = OrderedDict()

    def fetch_rows(self, ids: list[int]) -> Mapping[int, Any]:
        """The rows of these ids, read in one query (none until a subclass says how)."""
        return {}

    def reset_ids(self, ids: list[int]) -> None:
        """Show these ids, forgetting every row read."""
        self.beginResetModel()
        self._ids = ids
        self._row_numbers.clear()
        self._cache.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        if not self._row_numbers and self._ids:
            self._row_numbers = {i: n for n, i in enumerate(self._ids)}
        return self._row_numbers.get(record_id, -1)

    def row_total(self) -> int:
        return len(self._ids)

    @property
    def cached(self) -> int:
        """How many rows are held in memory (at most ``cache_pages`` pages)."""
        return len(self._cache)

    def fetched_row(self, row: int) -> Any:
        """The record shown in ``row``, reading its page when it is not cached."""
        record_id = self.id_at(row)
        if record_id is None:
            return None
        cached = self._cache.get(record_id)
        if cached is not None:
            self._cache.move_to_end(record_id)
            return cached
        start = (row // self._page_size) * self._page_size
        wanted = [i for i in self._ids[start : start + self._page_size] if i not in self._cache]
        fetched = self.fetch_rows(wanted)
        for i in wanted:
            if i in fetched:
                self._cache[i] = fetched[i]
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)
        return fetched.get(record_id)

"""The 花名册 table model: member ids in SQL order, rows fetched lazily by id in pages."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage, Status
from branchdesk.gui.signals import emit
from branchdesk.storage.roster import RosterFilter, RosterRow

VOIDED_SUFFIX = "（已作废）"
VOIDED_COLOUR = QColor("#8a8a8a")
PAGE_SIZE = 200
CACHE_PAGES = 10

AnyIndex = QModelIndex | QPersistentModelIndex


def _date(value: dt.date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _label(vocab: type[Stage] | type[Status], code: str) -> str:
    try:
        return vocab(code).label
    except ValueError:
        return code


#: (header, sort key or None when the column cannot be sorted in SQL, cell text)
COLUMNS: tuple[tuple[str, str | None, Callable[[RosterRow], str]], ...] = (
    ("姓名", "name", lambda r: r.name + (VOIDED_SUFFIX if r.voided else "")),
    ("性别", "gender", lambda r: r.gender),
    ("民族", "ethnicity", lambda r: r.ethnicity),
    ("出生日期", "birth_date", lambda r: _date(r.birth_date)),
    ("公民身份号码", "id_number", lambda r: r.id_number),
    ("人员类别", "stage", lambda r: _label(Stage, r.stage)),
    ("党籍状态", "status", lambda r: _label(Status, r.status)),
    ("所在党支部", "branch", lambda r: r.branch),
    ("党小组", "group", lambda r: r.group),
    ("加入党组织日期", "join_date", lambda r: _date(r.join_date)),
    ("转为正式党员日期", "full_member_date", lambda r: _date(r.full_member_date)),
    ("工作岗位", "job", lambda r: r.job),
    ("联系电话", "phone", lambda r: r.phone),
)
NAME_COLUMN = 0
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RosterModel(QAbstractTableModel):
    """Roster rows over a list of member ids; only the rows on screen are read."""

    #: emitted after every re-query with the number of matching members
    count_changed = Signal(int)

    def __init__(
        self, services: Services, actor: Actor, parent: QObject | None = None,
        page_size: int = PAGE_SIZE, cache_pages: int = CACHE_PAGES,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._page_size = max(1, page_size)
        self._cache_limit = self._page_size * max(1, cache_pages)
        self._filter = RosterFilter()
        self._sort_key = "name"
        self._descending = False
        self._ids: list[int] = []
        self._cache: OrderedDict[int, RosterRow] = OrderedDict()
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._grey = QBrush(VOIDED_COLOUR)
        self.refresh()

    # the query ---------------------------------------------------------------------

    @property
    def roster_filter(self) -> RosterFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: RosterFilter) -> None:
        """Show the members matching ``flt`` (re-queried in the current sort order)."""
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query and forget cached rows (after an edit or a filter change)."""
        ids = self._services.members.search_ids(
            self._filter, self._sort_key, self._descending, self._actor
        )
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()
        emit(self.count_changed, len(ids))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.refresh()

    def member_id(self, row: int) -> int | None:
        """The id of the member shown in ``row`` (None outside the table)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, member_id: int) -> int | None:
        """The row showing ``member_id``, if it is in the current result."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def row_data(self, row: int) -> RosterRow | None:
        """The roster line of ``row``, fetching its page when it is not cached."""
        member_id = self.member_id(row)
        if member_id is None:
            return None
        cached = self._cache.get(member_id)
        if cached is not None:
            self._cache.move_to_end(member_id)
            return cached
        self._fetch_page(row)
        return self._cache.get(member_id)

    def _fetch_page(self, row: int) -> None:
        start = (row // self._page_size) * self._page_size
        wanted = [i for i in self._ids[start : start + self._page_size] if i not in self._cache]
        fetched = self._services.members.rows(wanted)
        for member_id in wanted:
            found = fetched.get(member_id)
            if found is not None:
                self._cache[member_id] = found
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)

    # QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        if role == MEMBER_ID_ROLE:
            return self.member_id(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][2](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}：此记录已作废，仅管理员可见" if row.voided else None
        if not row.voided:
            return None
        return self._grey if role == Qt.ItemDataRole.ForegroundRole else self._strike

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

"""The 每月工作提示单 on the home page: a month chooser, the grouped list, 打印提示单."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.dates import add_months
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.services import Services
from branchdesk.core.work_list import BranchSection, KindGroup, WorkItem, WorkList
from branchdesk.gui.common import show_error
from branchdesk.gui.wait_cursor import wait_cursor

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

OVERDUE_COLOUR = QColor("#c00000")
AHEAD_COLOUR = QColor("#606060")
HEADERS = ("到期日", "事项", "依据", "状态")
#: the item's member id (None for an item about no member), for opening the member
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def _citation(rule: str) -> str:
    return rule.split("：", 1)[0].strip()


def _status(item: WorkItem) -> str:
    return "逾期" if item.overdue else "提前提醒" if item.ahead else ""


@dataclass
class _Node:
    """A row of the tree: a section (organisation), a kind heading or an item."""

    parent: int  # the parent's node number, -1 for a section
    row: int
    section: BranchSection | None = None
    group: KindGroup | None = None
    item: WorkItem | None = None
    children: list[int] = field(default_factory=list)


class WorkListModel(QAbstractItemModel):
    """The work list as a tree: organisations, their kinds, the items (four columns)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self.work: WorkList | None = None

    def set_work_list(self, work: WorkList | None) -> None:
        self.beginResetModel()
        self.work = work
        self._nodes, self._top = [], []
        for s_row, section in enumerate(work.sections if work else ()):
            s_id = self._add(_Node(-1, s_row, section=section))
            self._top.append(s_id)
            for g_row, group in enumerate(section.groups):
                g_id = self._add(_Node(s_id, g_row, group=group))
                self._nodes[s_id].children.append(g_id)
                for i_row, item in enumerate(group.items):
                    self._nodes[g_id].children.append(self._add(_Node(g_id, i_row, item=item)))
        self.endResetModel()

    def _add(self, node: _Node) -> int:
        self._nodes.append(node)
        return len(self._nodes) - 1

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        number = index.internalId()
        return self._nodes[number] if 0 <= number < len(self._nodes) else None

    def _children(self, parent: AnyIndex) -> list[int]:
        if not parent.isValid():
            return self._top
        node = self._node(parent)
        return node.children if node is not None and parent.column() == 0 else []

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def item(self, index: AnyIndex) -> WorkItem | None:
        """The work item of a row (None for a heading)."""
        node = self._node(index)
        return node.item if node is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if node.item is None:  # a heading: its text in the first column, spanned
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return self._heading(node)
            if role == Qt.ItemDataRole.FontRole and column == 0:
                font = QFont()
                font.setBold(node.section is not None)
                return font
            return None
        item = node.item
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{item.due:%Y-%m-%d}", item.title, _citation(item.rule), _status(item))[
                column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if item.overdue:
                return QBrush(OVERDUE_COLOUR)
            return QBrush(AHEAD_COLOUR) if item.ahead else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (item.title, item.rule, item.detail) if t)
        if role == MEMBER_ROLE:
            return item.member_id
        return None

    @staticmethod
    def _heading(node: _Node) -> str:
        if node.section is not None:
            section = node.section
            overdue = f"，其中逾期 {section.overdue_count} 项" if section.overdue_count else ""
            return f"{section.name}（{section.count} 项{overdue}）"
        assert node.group is not None
        return f"{node.group.label}（{len(node.group.items)} 项）"

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self._node(index)
        if node is not None and node.item is not None:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags


class WorkListView(QWidget):
    """A month's work list: choose the month, read it grouped, print it."""

    def __init__(
        self, services: Services, today: Callable[[], dt.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.names: Collection[str] | None = None  # the home page's scope
        self.scope_label = ""
        self.preview: PdfPreviewDialog | None = None

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("yyyy年M月")
        self.month_edit.setMinimumDate(QDate(1949, 10, 1))
        self.month_edit.setMaximumDate(QDate(2200, 12, 1))
        self.month_edit.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month_edit.setToolTip("↑/↓ 换月份；在年份上 ↑/↓ 换年份")
        month_label = QLabel("月份(&M)：")
        month_label.setBuddy(self.month_edit)
        self.previous_button = QPushButton("上月(&U)")
        self.this_button = QPushButton("本月(&T)")
        self.next_button = QPushButton("下月(&X)")
        self.print_button = QPushButton("打印提示单(&D)…")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip("预览并打印这个月的每月党建工作提示单（Ctrl+P）")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month_edit)
        for button in (self.previous_button, self.this_button, self.next_button):
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.print_button)

        self.model = WorkListModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 320), (3, 70)):
            self.tree.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tree)

        for first, second in (
            (self.month_edit, self.previous_button), (self.previous_button, self.this_button),
            (self.this_button, self.next_button), (self.next_button, self.print_button),
            (self.print_button, self.tree),
        ):
            QWidget.setTabOrder(first, second)

        self.set_month(self.today().year, self.today().month, refresh=False)
        self.month_edit.dateChanged.connect(lambda _date: self.refresh())
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_button.clicked.connect(
            lambda: self.set_month(self.today().year, self.today().month)
        )
        self.print_button.clicked.connect(self.print_list)

    def month(self) -> tuple[int, int]:
        """The chosen (year, month)."""
        date = self.month_edit.date()
        return date.year(), date.month()

    def set_month(self, year: int, month: int, refresh: bool = True) -> None:
        """Show another month (refreshes once)."""
        self.month_edit.blockSignals(True)
        self.month_edit.setDate(QDate(year, month, 1))
        self.month_edit.blockSignals(False)
        if refresh:
            self.refresh()

    def step(self, months: int) -> None:
        """The month before (-1) or after (1)."""
        year, month = self.month()
        day = add_months(dt.date(year, month, 1), months)
        self.set_month(day.year, day.month)

    def set_scope(self, names: Collection[str] | None, label: str) -> None:
        """Only these organisations' sections (None: the whole committee)."""
        self.names = names
        self.scope_label = label

    def refresh(self) -> None:
        """Re-read the chosen month's list."""
        year, month = self.month()
        try:
            with wait_cursor():
                work = self.services.work_list.build(year, month, today=self.today(),
                                                     names=self.names)
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        self.model.set_work_list(work)
        for row in range(self.model.rowCount()):
            section = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            for kind_row in range(self.model.rowCount(section)):
                self.tree.setFirstColumnSpanned(kind_row, section, True)
        self.tree.expandAll()
        if work.count:
            overdue = f"，其中逾期 {work.overdue_count} 项" if work.overdue_count else ""
            text = (f"{work.label}：共 {work.count} 项{overdue}"
                    f"（逾期指到期日在 {work.overdue_date:%Y-%m-%d} 以前而未办理）")
        else:
            text = f"{work.label}：本月无到期事项"
        self.summary_label.setText(text)

    def print_list(self) -> PdfPreviewDialog | None:
        """The chosen month's list as a PDF, offered in the preview dialog."""
        year, month = self.month()
        try:
            from branchdesk.reports.check_code import stamped
            from branchdesk.reports.work_list import work_list_bytes
            from branchdesk.reports.work_list_data import printable

            with wait_cursor(), stamped(self.services.db):
                work = self.services.work_list.build(year, month, today=self.today(),
                                                     names=self.names)
                pdf = work_list_bytes(printable(work, self.scope_label))
        except (BranchDeskError, ImportError) as exc:
            show_error(self, exc)
            return None
        from branchdesk.gui.pdf_preview import PdfPreviewDialog

        suffix = f"-{self.scope_label}" if self.scope_label else ""
        preview = PdfPreviewDialog(
            pdf, f"每月党建工作提示单 — {year}年{month}月",
            f"每月党建工作提示单-{year}年{month:02d}月{suffix}.pdf", self,
        )
        self.preview = preview
        preview.open()
        return preview

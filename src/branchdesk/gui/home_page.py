"""The 首页: members by stage, this month's political birthdays, the 待办 list and the monthly
work list (每月工作提示单)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_years
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.home import Birthday
from branchdesk.core.organisations import OrgNode
from branchdesk.core.services import Services
from branchdesk.core.todo import KIND_LABELS, DueItem
from branchdesk.core.vocab import OrgKind, Stage
from branchdesk.gui.common import show_error
from branchdesk.gui.signals import emit
from branchdesk.gui.table_model import HeadedTableModel
from branchdesk.gui.work_list_view import MEMBER_ROLE, WorkListView

OVERDUE_COLOUR = QColor("#c00000")
INDENT = "　　"
#: the 类型 column of the 待办 list; a capability that adds due items adds its label here
DUE_KIND_LABELS = KIND_LABELS

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TextRow:
    """One line of a read-only text table: cells, colour, tooltip and the member it is about."""

    cells: tuple[str, ...]
    member_id: int | None = None
    colour: QColor | None = None
    tooltip: str = ""


class TextTableModel(HeadedTableModel):
    """A read-only table of prepared text rows (lists of tens to thousands of lines)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self._rows: list[TextRow] = []

    def set_rows(self, rows: list[TextRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, row: int) -> TextRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self.row(index.row())
        if line is None or index.column() >= len(self.headings):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            cells = line.cells
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.ForegroundRole and line.colour is not None:
            return QBrush(line.colour)
        if role == Qt.ItemDataRole.ToolTipRole and line.tooltip:
            return line.tooltip
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


@dataclass(frozen=True)
class HomeScope:
    """The part of the tree the home page summarises."""

    label: str
    branch_ids: list[int] | None
    names: frozenset[str] = frozenset()  # organisation names whose 待办 items belong here
    org_id: int | None = None


def home_scopes(roots: list[OrgNode]) -> list[HomeScope]:
    """Whole committee first, then each 党总支 and 党支部 in operation."""
    everything = "全部（" + "、".join(r.name for r in roots) + "）" if roots else "全部"
    scopes = [HomeScope(everything, None)]

    def add(node: OrgNode, depth: int) -> None:
        if node.dissolved or node.kind is OrgKind.GROUP:
            return
        if node.kind in (OrgKind.GENERAL_BRANCH, OrgKind.BRANCH):
            nodes = [n for n in node.walk() if not n.dissolved and n.kind is not OrgKind.GROUP]
            scopes.append(HomeScope(
                INDENT * (depth - 1) + node.name,
                [n.id for n in nodes if n.kind is OrgKind.BRANCH],
                frozenset(n.name for n in nodes), node.id,
            ))
        for child in node.children:
            add(child, depth + 1)

    for root in roots:
        add(root, 0)
    return scopes


def _table(model: TextTableModel, widths: Sequence[int], stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class HomePage(QWidget):
    """首页: the branch at a glance and what is due."""

    #: emitted after a member was changed through the dialog opened from a list
    members_changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self._today = today
        self._scopes: list[HomeScope] = []

        self.scope_combo = QComboBox()
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_label = QLabel()
        top = QHBoxLayout()
        scope_label = QLabel("范围(&W)：")
        scope_label.setBuddy(self.scope_combo)
        top.addWidget(scope_label)
        top.addWidget(self.scope_combo)
        top.addStretch(1)
        top.addWidget(self.date_label)

        counts_box = QGroupBox("党员队伍（按人员类别，党籍状态正常、不含已作废记录）")
        counts_layout = QGridLayout(counts_box)
        self.count_labels: dict[Stage | None, QLabel] = {}
        for column, (key, caption) in enumerate(
            [(stage, stage.label) for stage in Stage] + [(None, "合计")]
        ):
            number = QLabel("0")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = number.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            number.setFont(font)
            caption_label = QLabel(caption)
            caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if key is None:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                counts_layout.addWidget(separator, 0, 2 * column - 1, 2, 1)
            counts_layout.addWidget(number, 0, 2 * column)
            counts_layout.addWidget(caption_label, 1, 2 * column)
            self.count_labels[key] = number

        self.birthday_model = TextTableModel(
            ("日期", "姓名", "所在党支部", "政治生日", "入党时间"), self
        )
        self.birthday_table = _table(self.birthday_model, (110, 110, 220, 130, 110), stretch=2)
        self.birthday_box = QGroupBox()
        birthday_layout = QVBoxLayout(self.birthday_box)
        birthday_layout.addWidget(self.birthday_table)

        self.todo_model = TextTableModel(("日期", "类型", "事项", "支部"), self)
        self.todo_table = _table(self.todo_model, (170, 90, 400, 200), stretch=2)
        self.todo_box = QGroupBox()
        todo_layout = QVBoxLayout(self.todo_box)
        todo_layout.addWidget(self.todo_table)

        self.work_view = WorkListView(services, self.today)
        self._work_stale = True
        self.tabs = QTabWidget()
        self.tabs.addTab(self.todo_box, "待办(&1)")
        self.tabs.addTab(self.work_view, "每月工作提示单(&2)")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(counts_box)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.birthday_box, 2)

        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.birthday_table.activated.connect(
            lambda index: self._open_member(self.birthday_model, index)
        )
        self.todo_table.activated.connect(lambda index: self._open_member(self.todo_model, index))
        self.work_view.tree.activated.connect(
            lambda index: self._open_member_id(index.data(MEMBER_ROLE))
        )
        self.tabs.currentChanged.connect(lambda _index: self._refresh_work_list())

        self.reload_scopes()
        self.refresh()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def reload_scopes(self) -> None:
        """Rebuild the scope selector from the organisation tree, keeping the choice."""
        current = self.current_scope()
        self._scopes = home_scopes(self.services.organisations.tree())
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        selected = 0
        for index, scope in enumerate(self._scopes):
            self.scope_combo.addItem(scope.label, index)
            if current is not None and scope.org_id == current.org_id:
                selected = index
        self.scope_combo.setCurrentIndex(selected)
        self.scope_combo.blockSignals(False)

    def current_scope(self) -> HomeScope | None:
        index = self.scope_combo.currentIndex()
        return self._scopes[index] if 0 <= index < len(self._scopes) else None

    def select_scope(self, org_id: int | None) -> bool:
        """Summarise one 党支部 or 党总支 (None: everything)."""
        for index, scope in enumerate(self._scopes):
            if scope.org_id == org_id:
                self.scope_combo.setCurrentIndex(index)
                return True
        return False

    def invalidate(self) -> None:
        """Data changed elsewhere: read again now if on screen (showing the page reads it
        anyway) — a county's 待办 takes seconds, not to be spent on a hidden page."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the counts, birthdays and due items for the chosen scope."""
        today = self.today()
        scope = self.current_scope()
        branch_ids = scope.branch_ids if scope else None
        self.date_label.setText(f"今天：{today:%Y年%m月%d日}")

        counts = self.services.summary.stage_counts(branch_ids)
        for stage in Stage:
            self.count_labels[stage].setText(str(counts.get(stage, 0)))
        self.count_labels[None].setText(str(sum(counts.values())))

        birthdays = self.services.summary.birthdays(today, branch_ids)
        self.birthday_model.set_rows([self._birthday_row(b, today) for b in birthdays])
        self.birthday_box.setTitle(f"本月政治生日（{today.month}月，{len(birthdays)} 人）")

        items = self.services.todo.items(today)
        if scope is not None and scope.branch_ids is not None:
            items = [i for i in items if i.branch in scope.names]
        overdue = sum(1 for i in items if i.overdue(today))
        self.todo_model.set_rows([self._todo_row(i, today) for i in items])
        title = f"待办（{len(items)} 项"
        self.todo_box.setTitle(title + (f"，已逾期 {overdue} 项）" if overdue else "）"))

        label = scope.label.strip("　") if scope is not None and scope.branch_ids else ""
        self.work_view.set_scope(scope.names if label and scope else None, label)
        self._work_stale = True
        self._refresh_work_list()

    def show_work_list(self) -> WorkListView:
        """Switch to the 每月工作提示单 tab (read when first shown)."""
        self.tabs.setCurrentWidget(self.work_view)
        self._refresh_work_list()
        return self.work_view

    def _refresh_work_list(self) -> None:
        """The month list is read only while it is shown: it walks the 待办 list twice."""
        if self._work_stale and self.tabs.currentWidget() is self.work_view:
            self._work_stale = False
            self.work_view.refresh()

    @staticmethod
    def _birthday_row(b: Birthday, today: dt.date) -> TextRow:
        day = add_years(b.join_date, b.years)
        return TextRow(
            (
                day.isoformat(), b.name, b.branch, f"入党 {b.years} 周年",
                b.join_date.isoformat(),
            ),
            b.member_id,
        )

    @staticmethod
    def _todo_row(item: DueItem, today: dt.date) -> TextRow:
        overdue = item.overdue(today)
        when = item.due.isoformat() + ("（已逾期）" if overdue else "")
        kind = DUE_KIND_LABELS.get(item.kind, item.kind)
        return TextRow(
            (when, kind, item.title, item.branch), item.member_id,
            OVERDUE_COLOUR if overdue else None,
            "\n".join(t for t in (item.title, item.detail) if t),
        )

    def _open_member(self, model: TextTableModel, index: QModelIndex) -> None:
        line = model.row(index.row())
        if line is not None:
            self._open_member_id(line.member_id)

    def _open_member_id(self, member_id: object) -> None:
        if not isinstance(member_id, int):
            return
        from branchdesk.gui.member_dialog import MemberDialog

        try:
            dialog = MemberDialog(self.services, self.actor, member_id, parent=self)
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        changed: list[int] = []
        dialog.member_changed.connect(changed.append)
        if dialog.exec() == QDialog.DialogCode.Accepted or changed:
            self.refresh()
            emit(self.members_changed)

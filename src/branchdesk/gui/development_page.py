"""The 发展党员 area: members in development by stage, their next step and its due date."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.development import PENDING, RETURNED
from branchdesk.core.development_overview import (
    DevelopmentOverview,
    DevelopmentRow,
)
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role, Stage
from branchdesk.gui.common import show_error
from branchdesk.gui.development_file import DevelopmentFileDialog, due_phrase
from branchdesk.gui.roster_page import OrgScope, organisation_scopes
from branchdesk.gui.signals import emit
from branchdesk.gui.table_model import HeadedTableModel

if TYPE_CHECKING:
    from branchdesk.gui.precheck.precheck_dialog import PrecheckDialog

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
CACHE_ROWS = 2000
OVERDUE_COLOUR = QColor("#c00000")
PENDING_COLOUR = QColor("#1565c0")
RETURNED_COLOUR = QColor("#b35c00")
STAGE_BACKGROUNDS = {
    Stage.APPLICANT: QColor("#f3f7fb"),
    Stage.ACTIVIST: QColor("#f4faf3"),
    Stage.CANDIDATE: QColor("#fdf8ef"),
    Stage.PROBATIONARY: QColor("#f8f3fb"),
}
SHOW_ALL, SHOW_PENDING, SHOW_RETURNED = None, PENDING, RETURNED


def _due_text(row: DevelopmentRow, today: dt.date) -> str:
    if row.due is None:
        return ""
    text = due_phrase(row.due, today).removeprefix("期限 ")
    if row.due.step and row.due.step != row.next_step:
        text += f"（第 {row.due.step} 步）"
    return text


def _review_text(row: DevelopmentRow) -> str:
    parts = []
    if row.pending:
        parts.append(f"待审核 {row.pending}")
    if row.returned:
        parts.append(f"已退回 {row.returned}")
    return "，".join(parts)


COLUMNS = ("人员类别", "姓名", "所在党支部", "已完成", "下一步", "期限", "审核")
STAGE_COLUMN, NAME_COLUMN, BRANCH_COLUMN, LAST_COLUMN, NEXT_COLUMN, DUE_COLUMN, REVIEW_COLUMN = (
    range(len(COLUMNS))
)
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DevelopmentModel(HeadedTableModel):
    """Members in development over a list of (id, stage); rows read a page at a time."""

    def __init__(
        self, overview: DevelopmentOverview, today: dt.date, parent: QObject | None = None
    ) -> None:
        super().__init__(COLUMNS, parent)
        self._overview = overview
        self._today = today
        self._entries: list[tuple[int, Stage]] = []
        self._cache: OrderedDict[int, DevelopmentRow] = OrderedDict()
        self._waiting: dict[str, dict[int, int]] = {PENDING: {}, RETURNED: {}}

    def set_entries(
        self, entries: list[tuple[int, Stage]], waiting: dict[str, dict[int, int]]
    ) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._waiting = waiting
        self._cache.clear()
        self.endResetModel()

    def member_id(self, row: int) -> int | None:
        return self._entries[row][0] if 0 <= row < len(self._entries) else None

    def row_of(self, member_id: int) -> int:
        for row, (entry_id, _stage) in enumerate(self._entries):
            if entry_id == member_id:
                return row
        return -1

    def row_data(self, row: int) -> DevelopmentRow | None:
        """The row's data, reading its page when it is not in the cache."""
        member_id = self.member_id(row)
        if member_id is None:
            return None
        cached = self._cache.get(member_id)
        if cached is not None:
            return cached
        start = row - row % PAGE_SIZE
        page = [entry[0] for entry in self._entries[start:start + PAGE_SIZE]]
        self._cache.update(self._overview.rows(page, self._today, self._waiting))
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(member_id)

    def row_total(self) -> int:
        return len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        column = index.column()
        stage = self._entries[index.row()][1]
        if role == MEMBER_ID_ROLE:
            return self._entries[index.row()][0]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(STAGE_BACKGROUNDS[stage])
        if role == Qt.ItemDataRole.DisplayRole and column == STAGE_COLUMN:
            return stage.label
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, self._today)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == DUE_COLUMN and row.due is not None and row.due.overdue:
                return QBrush(OVERDUE_COLOUR)
            if column == REVIEW_COLUMN and (row.pending or row.returned):
                return QBrush(PENDING_COLOUR if row.pending else RETURNED_COLOUR)
            return None
        if column in (DUE_COLUMN, NEXT_COLUMN) and row.due is not None:
            return row.due.message
        return None

    @staticmethod
    def _text(row: DevelopmentRow, column: int, today: dt.date) -> str:
        if column == NAME_COLUMN:
            return row.name
        if column == BRANCH_COLUMN:
            return row.branch
        if column == LAST_COLUMN:
            if row.last_step is None or row.last_date is None:
                return "尚无"
            return f"第 {row.last_step} 步（{fmt(row.last_date)}）"
        if column == NEXT_COLUMN:
            if row.next_step is None:
                return "已全部完成"
            return f"第 {row.next_step} 步 {row.next_name}"
        if column == DUE_COLUMN:
            return _due_text(row, today)
        if column == REVIEW_COLUMN:
            return _review_text(row)
        return ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DevelopmentPage(QWidget):
    """发展党员: who is at which stage, what is next and when; opens a member's file."""

    #: emitted when a file changed (a passed step may change a member's 人员类别)
    members_changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None, load: bool = True,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self._stale = True
        self._today = today
        self.overview = DevelopmentOverview(services)
        self._scopes: list[OrgScope] = []
        self._counts: dict[Stage, int] = {}
        self.file_dialog: DevelopmentFileDialog | None = None
        self.precheck_dialog: PrecheckDialog | None = None
        self._by_stage: dict[Stage, list[int]] = {}
        self._waiting: dict[str, dict[int, int]] = {PENDING: {}, RETURNED: {}}
        self.pending_count = self.returned_count = 0

        self.org_combo = QComboBox()
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.org_combo.setToolTip("按组织筛选：选党委看全部，也可选党总支或党支部")
        self.stage_combo = QComboBox()
        self.stage_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo = QComboBox()
        self.show_combo.addItem("全部", SHOW_ALL)
        self.show_combo.addItem("有待审核的", SHOW_PENDING)
        self.show_combo.addItem("有退回的", SHOW_RETURNED)
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel()
        self.pending_button = QPushButton()
        self.pending_button.setAutoDefault(False)
        self.pending_button.setToolTip("只显示有待审核记录的人员（Ctrl+Shift+R）")
        self.pending_button.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.open_button = QPushButton("打开档案(&O)")
        self.open_button.setToolTip("打开选中人员的发展党员档案（回车或双击）")
        self.open_button.setAutoDefault(False)
        self.precheck_button = QPushButton("档案预审(&Y)…")
        self.precheck_button.setToolTip("检查所选组织下全部发展党员档案，按人列出问题，可打印预审意见")
        self.precheck_button.setAutoDefault(False)

        self.model = DevelopmentModel(self.overview, self.today(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("中")
        for column, chars in enumerate((6, 5, 8, 13, 15, 19, 7)):
            header.resizeSection(column, em * chars + 16)
        header.setStretchLastSection(True)
        self.hint = QLabel("双击或按回车打开档案；期限为红色的已逾期。")
        self.hint.setStyleSheet("color: #555;")

        filters = QHBoxLayout()
        for text, widget in (("组织(&G)：", self.org_combo), ("人员类别(&T)：", self.stage_combo),
                             ("显示(&S)：", self.show_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.pending_button)
        filters.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()  # below the list: the filter row is full at 150 % scaling
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.precheck_button)
        layout.addLayout(footer)
        QWidget.setTabOrder(self.org_combo, self.stage_combo)
        QWidget.setTabOrder(self.stage_combo, self.show_combo)
        QWidget.setTabOrder(self.show_combo, self.pending_button)
        QWidget.setTabOrder(self.pending_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.table)
        QWidget.setTabOrder(self.table, self.precheck_button)

        self.reload_scopes()
        self.org_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.stage_combo.currentIndexChanged.connect(lambda _i: self._apply())
        self.show_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pending_button.clicked.connect(self.show_pending)
        self.open_button.clicked.connect(self.open_selected)
        self.precheck_button.clicked.connect(lambda _checked=False: self.precheck())
        # activated: Enter on the current row, or a double click
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        if load:
            self.refresh()

    def today(self) -> dt.date:
        return self._today or self.services.development.today()

    def reload_scopes(self) -> None:
        """Refill the organisation filter (after the tree changed), keeping the choice."""
        chosen = self.org_combo.currentData()
        self._scopes = organisation_scopes(self.services.organisations.tree())
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for index, scope in enumerate(self._scopes):
            self.org_combo.addItem(scope.label, index)
        if chosen is not None and chosen < self.org_combo.count():
            self.org_combo.setCurrentIndex(chosen)
        self.org_combo.blockSignals(False)

    def scope(self) -> OrgScope:
        index = self.org_combo.currentData()
        return self._scopes[index] if index is not None else OrgScope("全部组织", None)

    def select_branch(self, name: str) -> bool:
        """Filter by the organisation called ``name``; False when there is none."""
        for index, scope in enumerate(self._scopes):
            if scope.label.strip("　").split("（")[0] == name:
                self.org_combo.setCurrentIndex(index)
                return True
        return False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def invalidate(self) -> None:
        """Members changed elsewhere: read again now if on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the members in development again (after a change or a filter)."""
        self._stale = False
        self._by_stage = self.overview.ids_by_stage(self.scope().branch_ids)
        self._waiting = self.overview.waiting()
        in_scope = {i for ids in self._by_stage.values() for i in ids}
        pending = sum(n for i, n in self._waiting[PENDING].items() if i in in_scope)
        returned = sum(n for i, n in self._waiting[RETURNED].items() if i in in_scope)
        self.pending_count, self.returned_count = pending, returned
        self.pending_button.setText(f"待审核 {pending} 条")
        self.pending_button.setEnabled(pending > 0)
        emphasis = self.actor.role is Role.REVIEWER and pending > 0
        self.pending_button.setStyleSheet("font-weight: bold; color: #1565c0;" if emphasis else "")
        self.show_combo.setItemText(1, f"有待审核的（{pending} 条）")
        self.show_combo.setItemText(2, f"有退回的（{returned} 条）")
        shown = self.show_combo.currentData()
        if shown is not None:
            wanted = self._waiting[shown]
            self._by_stage = {
                stage: [i for i in ids if i in wanted] for stage, ids in self._by_stage.items()
            }
        chosen = self.stage_combo.currentData()
        self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        total = sum(len(ids) for ids in self._by_stage.values())
        self.stage_combo.addItem(f"全部（{total}）", None)
        for stage, ids in self._by_stage.items():
            self.stage_combo.addItem(f"{stage.label}（{len(ids)}）", stage)
        index = self.stage_combo.findData(chosen)
        self.stage_combo.setCurrentIndex(max(index, 0))
        self.stage_combo.blockSignals(False)
        self._apply()

    def _apply(self) -> None:
        chosen = self.stage_combo.currentData()
        entries = [
            (member_id, stage)
            for stage, ids in self._by_stage.items()
            if chosen is None or stage is chosen
            for member_id in ids
        ]
        selected = self.selected_member()
        self.model.set_entries(entries, self._waiting)
        self.count_label.setText(f"共 {len(entries)} 人")
        self.open_button.setEnabled(bool(entries))
        if entries:
            row = self.model.row_of(selected) if selected is not None else -1
            self.table.selectRow(max(row, 0))

    def show_pending(self) -> None:
        """Show only the members with records waiting for review."""
        self.stage_combo.setCurrentIndex(0)
        self.show_combo.setCurrentIndex(1)
        self.table.setFocus()

    def selected_member(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.member_id(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        member_id = self.selected_member()
        if member_id is not None:
            self.open_member(member_id)

    def open_row(self, row: int) -> None:
        member_id = self.model.member_id(row)
        if member_id is not None:
            self.open_member(member_id)

    def open_member(self, member_id: int) -> DevelopmentFileDialog | None:
        """Open a member's file (window-modal); the list follows its changes when it closes."""
        try:
            dialog = DevelopmentFileDialog(self.services, self.actor, member_id, self._today, self)
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a traceback
            show_error(self, exc)
            return None
        dialog.changed.connect(self._file_changed)
        dialog.finished.connect(lambda _result: self.refresh())
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def precheck(self) -> PrecheckDialog:
        """档案预审 of the files of the organisation chosen in the filter."""
        from branchdesk.gui.precheck.entry import branch_precheck

        self.precheck_button.setEnabled(False)  # not twice while the check runs
        try:
            dialog = branch_precheck(self.services, self.actor, self.scope(), self._today, self)
        finally:
            self.precheck_button.setEnabled(True)
        dialog.files_changed.connect(self._file_changed)
        self.precheck_dialog = dialog
        return dialog

    def _file_changed(self) -> None:
        self.refresh()
        emit(self.members_changed)

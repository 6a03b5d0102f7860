"""The 会议记录 area: the minutes list with search, the editor, printing, and 应开会议."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.meeting_list import MeetingList
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import RECORDERS, MeetingFilter, MeetingRow
from branchdesk.core.services import Services
from branchdesk.gui.common import (
    OptionalDateEdit,
    combo_data,
    combo_set_data,
    fill_combo,
    localise_buttons,
    show_error,
)
from branchdesk.gui.meeting_calendar_page import MeetingCalendarPage
from branchdesk.gui.meeting_dialog import MeetingDialog
from branchdesk.gui.meeting_view import MeetingViewDialog, print_meeting
from branchdesk.gui.signals import emit
from branchdesk.gui.table_model import PagedIdTableModel

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("日期", "类型", "组织", "议题/题目", "版本")
DATE_COLUMN, KIND_COLUMN, ORG_COLUMN, TITLE_COLUMN, VERSION_COLUMN = range(len(COLUMNS))
MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_TAB, CALENDAR_TAB = range(2)
PAGE_SIZE = 200
CACHE_PAGES = 10


class MeetingListModel(PagedIdTableModel):
    """Meetings found by a search, newest first: ids in SQL order, rows read by page."""

    def __init__(
        self, parent: QObject | None = None, *, meeting_list: MeetingList | None = None,
        page_size: int = PAGE_SIZE, cache_pages: int = CACHE_PAGES,
    ) -> None:
        super().__init__(COLUMNS, parent, page_size=page_size, cache_pages=cache_pages)
        self.meeting_list = meeting_list
        self._filter = MeetingFilter()
        self._given: dict[int, MeetingRow] = {}  # rows handed over whole by set_rows

    def set_filter(self, flt: MeetingFilter) -> None:
        """Show the meetings matching ``flt`` (see MeetingList.search_ids)."""
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Run the search again and forget the rows read (after a change)."""
        if self.meeting_list is None:
            return
        ids = self.meeting_list.search_ids(self._filter)
        self._given = {}
        self.reset_ids(ids)

    def set_rows(self, rows: list[MeetingRow]) -> None:
        """Show these rows as they are (a short list already read: nothing is fetched)."""
        self._given = {row.id: row for row in rows}
        self.reset_ids([row.id for row in rows])

    def fetch_rows(self, ids: list[int]) -> dict[int, MeetingRow]:
        return self.meeting_list.rows(ids) if self.meeting_list is not None else {}

    def meeting_id(self, row: int) -> int | None:
        return self.id_at(row)

    def meeting(self, row: int) -> MeetingRow | None:
        """The meeting shown in ``row``, reading its page when it is not cached."""
        meeting_id = self.id_at(row)
        if meeting_id is None:
            return None
        given = self._given.get(meeting_id)
        if given is not None or self.meeting_list is None:
            return given
        found: MeetingRow | None = self.fetched_row(row)
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == MEETING_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.meeting(index.row())
            if row is None:
                return None
            return {
                DATE_COLUMN: f"{row.date:%Y-%m-%d}", KIND_COLUMN: row.kind.label,
                ORG_COLUMN: row.organisation, TITLE_COLUMN: row.title,
                VERSION_COLUMN: f"第 {row.version} 版" + ("（已更正）" if row.version > 1 else ""),
            }.get(index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE_COLUMN:
            row = self.meeting(index.row())
            return row.title if row is not None else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class MinutesBookDialog(QDialog):
    """Choose the branch and the year of the minutes book to print."""

    def __init__(
        self, branches: list[tuple[str, int]], branch_id: int | None, year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("打印会议记录本")
        self.branch = QComboBox()
        fill_combo(self.branch, branches)
        if branch_id is not None:
            combo_set_data(self.branch, branch_id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setSuffix(" 年")
        form = QFormLayout()
        form.addRow("党支部(&B)：", self.branch)
        form.addRow("年度(&Y)：", self.year)
        hint = QLabel("会议记录本含封面、目录和该年度全部会议记录（按日期排列），页码连续。")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        localise_buttons(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("预览")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def choice(self) -> tuple[int | None, int]:
        return combo_data(self.branch), self.year.value()


class MeetingsPage(QWidget):
    """会议记录: search the minutes, record a meeting, open, correct and print; 应开会议."""

    #: emitted after a save: a passed admission or conversion vote changes a development file
    meetings_changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self._today = today
        self._stale = True
        self.editor: MeetingDialog | None = None
        self.viewer: MeetingViewDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        may_write = actor.role in RECORDERS

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("议题、地点、主持人、讨论内容……")
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, ((k.label, k.value) for k in MeetingKind), blank="全部类型")
        self.branch_combo = QComboBox()
        self.branch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start_edit = OptionalDateEdit()
        self.end_edit = OptionalDateEdit()
        self.count_label = QLabel()
        self.new_button = QPushButton("新建会议记录(&N)…")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip("记录一次会议（Ctrl+N）")
        self.new_button.setVisible(may_write)
        self.open_button = QPushButton("打开(&O)")
        self.open_button.setToolTip("查看选中的会议记录及其各版本（回车或双击）")
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setToolTip("预览并打印选中会议的记录")
        self.book_button = QPushButton("打印会议记录本(&K)…")
        self.book_button.setToolTip("一个党支部一年的会议记录本：封面、目录、全部记录、页码")
        for button in (self.new_button, self.open_button, self.print_button, self.book_button):
            button.setAutoDefault(False)

        self.model = MeetingListModel(self, meeting_list=services.meeting_list)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("中")
        for column, chars in ((DATE_COLUMN, 7), (KIND_COLUMN, 8), (ORG_COLUMN, 12)):
            header.resizeSection(column, em * chars + 16)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(VERSION_COLUMN, em * 8 + 16)
        header.setStretchLastSection(False)

        filters = QHBoxLayout()
        for text, widget in (("搜索(&F)：", self.search_edit), ("类型(&T)：", self.kind_combo),
                             ("支部(&G)：", self.branch_combo), ("日期从(&D)：", self.start_edit),
                             ("至：", self.end_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.search_edit else 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        for button in (self.new_button, self.open_button, self.print_button, self.book_button):
            buttons.addWidget(button)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addLayout(filters)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 1)
        hint = QLabel("双击或按回车查看记录；更正后原记录保留，在记录的“版本”中可查看。")
        hint.setStyleSheet("color: #555;")
        list_layout.addWidget(hint)

        self.calendar = MeetingCalendarPage(services, actor, today)
        self.tabs = QTabWidget()
        self.tabs.addTab(list_page, "会议记录")
        self.tabs.addTab(self.calendar, "应开会议")
        self.tabs.setTabToolTip(CALENDAR_TAB, "各类必开会议本年度已开、缺开、应开的情况")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        order: list[QWidget] = [self.search_edit, self.kind_combo, self.branch_combo,
                                self.start_edit, self.end_edit, self.new_button,
                                self.open_button, self.print_button, self.book_button, self.table]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.reload_branches()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        for combo in (self.kind_combo, self.branch_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.book_button.clicked.connect(self.print_book)
        self.table.activated.connect(lambda index: self.open_row(index.row()))

    def today(self) -> dt.date:
        return self._today or self.services.meetings.today()

    def reload_branches(self) -> None:
        """Refill the branch filter (after the organisation tree changed)."""
        chosen = combo_data(self.branch_combo)
        branches = [(b.name, b.id) for b in self.services.organisations.branches()]
        fill_combo(self.branch_combo, branches, blank="全部支部")
        if chosen is not None:
            combo_set_data(self.branch_combo, chosen)
        self.calendar.reload_branches()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self.refresh()
            self.calendar.refresh()
        super().showEvent(event)

    def invalidate(self) -> None:
        """Data changed elsewhere: read again now if on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
            self.calendar.refresh()
        else:
            self._stale = True

    def search_filter(self) -> MeetingFilter:
        kind = combo_data(self.kind_combo)
        branch = combo_data(self.branch_combo)
        return MeetingFilter(
            text=self.search_edit.text(),
            kind=MeetingKind(kind) if kind else None,
            branch_ids=(branch,) if branch is not None else None,
            start=self.start_edit.value(), end=self.end_edit.value(),
        )

    def refresh(self) -> None:
        """Search again with the filters as they are."""
        self._stale = False
        self._search_timer.stop()
        selected = self.selected_meeting()
        self.model.set_filter(self.search_filter())
        found = self.model.rowCount()
        self.count_label.setText(f"共 {found} 次会议")
        for button in (self.open_button, self.print_button):
            button.setEnabled(bool(found))
        if found:
            row = self.model.row_of(selected) if selected is not None else -1
            self.table.selectRow(max(row, 0))

    def selected_meeting(self) -> int | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.meeting_id(rows[0].row()) if rows else None

    # actions -----------------------------------------------------------------------------

    def new_dialog(self) -> MeetingDialog:
        """The editor for a new meeting, for the branch the list is filtered by."""
        dialog = MeetingDialog(
            self.services, self.actor, None, self._today, self,
            organisation_id=combo_data(self.branch_combo),
        )
        dialog.saved.connect(self._saved)
        self.editor = dialog
        return dialog

    def new_meeting(self) -> None:
        if self.actor.role not in RECORDERS:
            return
        self.new_dialog().exec()

    def _saved(self, meeting_id: int) -> None:
        self.refresh()
        self.calendar.refresh()
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.table.selectRow(row)
        emit(self.meetings_changed)

    def open_selected(self) -> None:
        meeting_id = self.selected_meeting()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_row(self, row: int) -> None:
        meeting_id = self.model.meeting_id(row)
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> MeetingViewDialog | None:
        """Show the record (window-modal); the list follows a correction."""
        try:
            dialog = MeetingViewDialog(self.services, self.actor, meeting_id, self._today, self)
        except BranchDeskError as exc:
            show_error(self, exc)
            return None
        dialog.changed.connect(lambda: self._saved(meeting_id))
        self.viewer = dialog
        dialog.open()
        return dialog

    def print_selected(self) -> PdfPreviewDialog | None:
        meeting_id = self.selected_meeting()
        if meeting_id is None:
            return None
        try:
            detail = self.services.meetings.get(meeting_id)
        except BranchDeskError as exc:
            show_error(self, exc)
            return None
        self.preview = print_meeting(self.services, detail, self)
        return self.preview

    def book_dialog(self) -> MinutesBookDialog:
        branches = [(b.name, b.id) for b in self.services.organisations.branches()]
        return MinutesBookDialog(branches, combo_data(self.branch_combo), self.today().year, self)

    def print_book(self) -> PdfPreviewDialog | None:
        """Ask for the branch and year, then preview that year's minutes book."""
        dialog = self.book_dialog()
        if not dialog.exec():
            return None
        branch_id, year = dialog.choice()
        if branch_id is None:
            show_error(self, "请先在“设置 → 组织机构”中建立党支部")
            return None
        return self.preview_book(branch_id, year)

    def preview_book(self, branch_id: int, year: int) -> PdfPreviewDialog | None:
        try:
            # loaded on first use: reportlab and QtPdf need not slow the program's start
            from branchdesk.reports.minutes_service import minutes_book_pdf

            pdf = minutes_book_pdf(self.services, branch_id, year)
        except (BranchDeskError, ImportError) as exc:
            show_error(self, exc)
            return None
        from branchdesk.gui.pdf_preview import PdfPreviewDialog

        branch = self.services.organisations.get(branch_id).name
        preview = PdfPreviewDialog(
            pdf, f"会议记录本 — {branch} {year}年", f"会议记录本-{branch}-{year}.pdf", self
        )
        self.preview = preview
        preview.open()
        return preview

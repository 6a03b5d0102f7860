"""The audit trail viewer: filter by member, user and date; field changes; database check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.audit_log import AuditFilter, AuditRow
from branchdesk.core.services import Services
from branchdesk.gui.audit_model import AuditTableModel
from branchdesk.gui.common import OptionalDateEdit, fill_combo, local_time
from branchdesk.storage.roster import RosterFilter

MAX_ENTRIES = 5000
MAX_MATCHED_MEMBERS = 50
OK_STYLE = "color: #1f6b2a;"
BAD_STYLE = "color: #c00000;"


def value_text(value: Any) -> str:
    """A before/after value as the clerk reads it."""
    if value is None or value == "":
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


class AuditPage(QWidget):
    """Shows the audit trail with filters and the field changes of the selected entry."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.member_search = QLineEdit()
        self.member_search.setPlaceholderText("党员姓名、拼音首字母或编号")
        self.member_search.setClearButtonEnabled(True)
        self.member_search.setMinimumWidth(200)
        self.member_search.returnPressed.connect(self.refresh)
        self.user_combo = QComboBox()
        self.user_combo.setMinimumContentsLength(10)
        self.start_date = OptionalDateEdit()
        self.end_date = OptionalDateEdit()
        self.search_button = QPushButton("查询(&Q)")
        self.search_button.clicked.connect(self.refresh)
        self.user_combo.currentIndexChanged.connect(self.refresh)
        self.start_date.dateChanged.connect(self.refresh)
        self.end_date.dateChanged.connect(self.refresh)
        self.verify_button = QPushButton("校验数据库…")
        self.verify_button.setToolTip("检查数据库文件和审计链，发现在支部台账之外被改动的记录")
        self.verify_button.clicked.connect(self.verify)

        filters = QHBoxLayout()
        for text, widget in (
            ("党员(&M)：", self.member_search), ("用户(&U)：", self.user_combo),
            ("日期(&D)：", self.start_date), ("至", self.end_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch()
        filters.addWidget(self.verify_button)

        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 140, 80, 130, 90)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_changes())

        self.changes = QTableWidget(0, 3)
        self.changes.setHorizontalHeaderLabels(["字段", "修改前", "修改后"])
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes_label = QLabel("所选记录的字段变化：")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.changes_label)
        lower_layout.addWidget(self.changes)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.verify_label)
        self.reload_users()

    def reload_users(self) -> None:
        """Refill the user filter from the users found in the trail."""
        current = self.user_combo.currentData()
        names = {a.username: a.display_name for a in self.services.accounts.list_accounts()}
        users = self.services.audit.actors()
        fill_combo(
            self.user_combo,
            [(f"{names[u]}（{u}）" if names.get(u) else u, u) for u in users],
            blank="全部用户",
        )
        index = self.user_combo.findData(current) if current else 0
        self.user_combo.blockSignals(True)
        self.user_combo.setCurrentIndex(max(index, 0))
        self.user_combo.blockSignals(False)

    # querying --------------------------------------------------------------------------

    def _member_ids(self, text: str) -> list[int] | None:
        """Members the search names: None for no member filter, [] for no match."""
        text = text.strip()
        if not text:
            return None
        if text.isdigit() and len(text) <= 9:
            return [int(text)]
        flt = RosterFilter(text=text, include_voided=self.actor.is_admin)
        return self.services.members.search_ids(flt, actor=self.actor)[:MAX_MATCHED_MEMBERS + 1]

    def refresh(self) -> None:
        """Query the trail with the current filters."""
        start, end = self.start_date.value(), self.end_date.value()
        actor = self.user_combo.currentData() or None
        # stored times are UTC: widen the service's date range by a day and cut in local time
        wide_start = start - dt.timedelta(days=1) if start else None
        wide_end = end + dt.timedelta(days=1) if end else None
        member_ids = self._member_ids(self.member_search.text())
        notes: list[str] = []
        rows: list[AuditRow] = []
        if member_ids is None:
            rows = self.services.audit.entries(
                AuditFilter(None, actor, wide_start, wide_end), MAX_ENTRIES
            )
        else:
            if len(member_ids) > MAX_MATCHED_MEMBERS:
                member_ids = member_ids[:MAX_MATCHED_MEMBERS]
                notes.append(
                    f"符合的党员较多，只显示前 {MAX_MATCHED_MEMBERS} 人的记录，请输入完整姓名"
                )
            if not member_ids:
                notes.append("没有找到符合的党员")
            for member_id in member_ids:
                rows.extend(self.services.audit.entries(
                    AuditFilter(member_id, actor, wide_start, wide_end), MAX_ENTRIES
                ))
            rows.sort(key=lambda r: r.id, reverse=True)
        rows = [r for r in rows if self._in_range(r, start, end)]
        if len(rows) >= MAX_ENTRIES:
            rows = rows[:MAX_ENTRIES]
            notes.append(f"只显示最近的 {MAX_ENTRIES} 条，请缩小日期范围")
        names = {a.username: a.display_name for a in self.services.accounts.list_accounts()}
        self.model.set_rows(rows, names)
        self.count_label.setText("　".join([f"共 {len(rows)} 条审计记录", *notes]))
        if rows:
            self.view.selectRow(0)
        self._show_changes()

    @staticmethod
    def _in_range(row: AuditRow, start: dt.date | None, end: dt.date | None) -> bool:
        day = local_time(row.at).date()
        return (start is None or day >= start) and (end is None or day <= end)

    def selected_entry(self) -> AuditRow | None:
        index = self.view.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def _show_changes(self) -> None:
        entry = self.selected_entry()
        changes = entry.changes if entry else []
        self.changes_label.setText(
            f"第 {entry.id} 条的字段变化（{entry.summary}）：" if entry else "所选记录的字段变化："
        )
        self.changes.setRowCount(len(changes))
        for row, (field, before, after) in enumerate(changes):
            for column, text in enumerate((field, value_text(before), value_text(after))):
                self.changes.setItem(row, column, QTableWidgetItem(text))

    # checking --------------------------------------------------------------------------

    def verify(self) -> None:
        """Run the integrity check of the database and the audit chain; show the outcome."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.services.audit.verify()
        finally:
            QGuiApplication.restoreOverrideCursor()
        if report.sound:
            self.verify_label.setStyleSheet(OK_STYLE)
            self.verify_label.setText(
                f"数据库完好：审计链 {report.entries_checked} 条记录校验无误，"
                f"{report.records_checked} 条数据与审计记录一致。"
            )
        else:
            self.verify_label.setStyleSheet(BAD_STYLE)
            self.verify_label.setText("发现问题：" + "；".join(report.problems))

"""设置 → 工作日历与期限: the holidays and make-up working days that 公示 periods are counted
on, and the longest validity of a new introduction letter."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.services import Services
from branchdesk.core.workdays import HolidayCalendar
from branchdesk.gui.common import FieldErrors, setup_dialog_buttons, show_error
from branchdesk.gui.forms.ui_workday_dialog import Ui_WorkdayDialog
from branchdesk.gui.transfer_settings_box import TransferSettingsBox

COLUMNS = ("日期", "星期", "安排", "说明")
WEEKDAYS = "一二三四五六日"


class WorkdayDialog(QDialog):
    """Enters one day of the year's arrangement: a holiday or a make-up working day."""

    def __init__(
        self, services: Services, actor: Actor, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.ui = Ui_WorkdayDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "保存")
        self.errors = FieldErrors.from_form(self.ui, ("note",))
        self.errors.clear()
        self.ui.day.setDate(QDate(year, 1, 1))
        self.ui.day.setMinimumDate(QDate(year, 1, 1))
        self.ui.day.setMaximumDate(QDate(year, 12, 31))

    def accept(self) -> None:
        day = self.ui.day.date().toPython()
        assert isinstance(day, dt.date)
        try:
            self.services.workdays.set_day(
                self.actor, day, self.ui.work.isChecked(), self.ui.note.text()
            )
        except BranchDeskError as exc:  # a ValidationError shows beside its fields
            self.errors.show_exception(exc)
            return
        super().accept()


class WorkdayPage(QWidget):
    """Shows a year's holidays and make-up days; the administrator completes a new year and
    sets the letters' longest validity."""

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        layout = QVBoxLayout(self)
        intro = QLabel(
            "发展对象公示等期限按工作日计算。程序内置国务院办公厅公布的放假安排；"
            "尚未公布的年份按周一至周五暂定，计算结果标为“暂定”。"
            "新一年的通知公布后，请管理员逐日录入放假日和调休上班日，再标记为已录入完整。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        year_label = QLabel("年份(&Y)：")
        self.year = QSpinBox()
        self.year.setRange(2014, 2099)
        self.year.setValue((today or dt.date.today()).year)
        year_label.setBuddy(self.year)
        self.status = QLabel()
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("录入日期(&A)…")
        self.complete_button = QPushButton("标记本年已录入完整(&C)")
        self.complete_button.setCheckable(True)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.complete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.transfer_settings = TransferSettingsBox(services, actor)
        layout.addWidget(self.transfer_settings)
        self.add_button.clicked.connect(self.add_day)
        self.complete_button.toggled.connect(self.set_complete)
        self.year.valueChanged.connect(self.refresh)
        editable = actor.is_admin
        self.add_button.setVisible(editable)
        self.complete_button.setVisible(editable)
        self.refresh()

    def calendar(self) -> HolidayCalendar:
        return self.services.workdays.calendar()

    def refresh(self) -> None:
        """List the chosen year's holidays and make-up days."""
        year = self.year.value()
        calendar = self.calendar()
        arrangement = calendar.arrangement(year)
        days: list[tuple[dt.date, bool]] = []
        if arrangement is not None:
            days = sorted(
                [(d, False) for d in arrangement.holidays]
                + [(d, True) for d in arrangement.makeup_workdays]
            )
        self.table.setRowCount(len(days))
        for row, (day, working) in enumerate(days):
            texts = (
                day.isoformat(), f"星期{WEEKDAYS[day.weekday()]}",
                "上班（调休）" if working else "放假", calendar.note(day),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if working:
                    item.setForeground(QColor("#1f5f1f"))
                self.table.setItem(row, column, item)
        provisional = calendar.is_provisional(year)
        source = arrangement.source if arrangement else "未录入"
        self.status.setText(
            f"{year}年：{'暂定（结果标为暂定）' if provisional else '已确认'}。来源：{source}"
        )
        self.status.setStyleSheet("color: #8a1c1c;" if provisional else "")
        self.complete_button.blockSignals(True)
        self.complete_button.setChecked(not provisional)
        self.complete_button.blockSignals(False)

    def add_day(self) -> None:
        dialog = WorkdayDialog(self.services, self.actor, self.year.value(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def set_complete(self, complete: bool) -> None:
        try:
            self.services.workdays.set_year_complete(self.actor, self.year.value(), complete)
        except BranchDeskError as exc:
            show_error(self, exc)
        self.refresh()



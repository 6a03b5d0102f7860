import datetime as dt

from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchdesk.gui.workday_page import WorkdayDialog, WorkdayPage


def test_shipped_year_is_listed(qtbot, services, admin) -> None:
    page = WorkdayPage(services, admin, today=dt.date(2025, 6, 1))
    qtbot.addWidget(page)
    dates = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "2025-10-01" in dates and "2025-09-28" in dates  # 国庆 and its make-up Sunday
    assert "已确认" in page.status.text()


def test_administrator_enters_a_new_year(qtbot, services, admin) -> None:
    page = WorkdayPage(services, admin, today=dt.date(2028, 1, 1))
    qtbot.addWidget(page)
    page.show()
    assert "暂定" in page.status.text() and page.table.rowCount() == 0

    def fill(dialog: WorkdayDialog) -> None:
        dialog.ui.day.setDate(QDate(2028, 1, 1))
        type_text(qtbot, dialog.ui.note, "元旦")
        qtbot.mouseClick(
            dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    driver = on_next_modal(fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert page.table.item(0, 0).text() == "2028-01-01" and page.table.item(0, 2).text() == "放假"
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert "已确认" in page.status.text()
    assert not services.workdays.calendar().is_provisional(2028)


def test_clerk_only_reads(qtbot, services, clerk) -> None:
    page = WorkdayPage(services, clerk, today=dt.date(2026, 1, 1))
    qtbot.addWidget(page)
    assert page.add_button.isHidden() and page.complete_button.isHidden()

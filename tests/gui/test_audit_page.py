from __future__ import annotations

import datetime as dt

from dialog_driver import type_text
from PySide6.QtCore import Qt

from branchdesk.core.vocab import Status
from branchdesk.gui.audit_page import AuditPage


def _page(qtbot, services, actor) -> AuditPage:
    page = AuditPage(services, actor)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, services, admin, add_member) -> None:
    add_member("张三")
    page = _page(qtbot, services, admin)
    assert page.model.rowCount() > 5
    qtmodeltester.check(page.model)


def test_filter_by_user(qtbot, services, admin, clerk, add_member) -> None:
    add_member("张三")
    page = _page(qtbot, services, admin)
    everyone = page.model.rowCount()
    page.user_combo.setCurrentIndex(page.user_combo.findData("clerk"))
    shown = page.model.rowCount()
    assert 0 < shown < everyone
    users = {page.model.index(r, 1).data() for r in range(shown)}
    assert users == {"李录入（clerk）"}


def test_filter_by_member_name_and_show_changes(qtbot, services, clerk, admin, add_member) -> None:
    first = add_member("张三", sequence=13)
    add_member("李四", sequence=15)
    services.members.change_status(clerk, first, Status.SUSPENDED, dt.date(2026, 1, 5), "处分")
    page = _page(qtbot, services, admin)
    type_text(qtbot, page.member_search, "张三")
    qtbot.keyClick(page.member_search, Qt.Key.Key_Return)
    names = {page.model.index(r, 4).data() for r in range(page.model.rowCount())}
    assert names == {"张三"}
    page.view.selectRow(0)  # newest first: the status change
    changes = {
        page.changes.item(r, 0).text(): (page.changes.item(r, 1).text(),
                                         page.changes.item(r, 2).text())
        for r in range(page.changes.rowCount())
    }
    assert changes["党籍状态"] == ("正常", "停止党籍")


def test_date_filter_in_local_time(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    assert page.model.rowCount() > 0
    page.end_date.set_value(dt.date(2000, 1, 1))
    assert page.model.rowCount() == 0
    page.end_date.set_value(None)
    page.start_date.set_value(dt.date.today() - dt.timedelta(days=1))
    assert page.model.rowCount() > 0


def test_verify_button_reports_a_sound_database(qtbot, services, admin) -> None:
    page = _page(qtbot, services, admin)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.verify_label.text().startswith("数据库完好")

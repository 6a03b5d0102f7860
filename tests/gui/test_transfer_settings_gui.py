"""设置 → 工作日历与期限: the administrator sets the letters' longest validity; the issue form
keeps to it and says so beside the field (issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dialog_driver import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.transfer_dialogs import TransferOutDialog
from branchdesk.gui.workday_page import WorkdayPage

TODAY = dt.date(2026, 11, 26)


def _page(qtbot, services: Services, actor: Actor) -> WorkdayPage:  # type: ignore[no-untyped-def]
    page = WorkdayPage(services, actor, TODAY)
    qtbot.addWidget(page)
    page.show()
    return page


def _dialog(qtbot, services: Services, clerk: Actor, member: int) -> TransferOutDialog:  # type: ignore[no-untyped-def]
    dialog = TransferOutDialog(services, clerk, member, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.to_organisation, "中共某某县委组织部")
    dialog.ui.reason.setCurrentText("工作调动")
    dialog.ui.dues_month.setValue(10)
    return dialog


def _set_days(qtbot, spin, days: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(days))


def test_the_administrator_sets_the_longest_validity(
    qtbot, services: Services, admin: Actor, branch_id: int
) -> None:
    page = _page(qtbot, services, admin)
    box = page.transfer_settings
    assert box.max_validity.value() == 90 and box.max_validity.isEnabled()
    assert box.max_validity.maximum() == 365
    assert box.save_button.isVisible()
    assert "本地常用做法（介绍信有效期一般30天" in " ".join(
        label.text() for label in box.findChildren(type(box.status)))
    _set_days(qtbot, box.max_validity, 120)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert services.transfers.max_validity_days() == 120
    assert box.status.text() == "已保存：新开介绍信的有效期最长 120 天"
    again = _page(qtbot, services, admin)
    assert again.transfer_settings.max_validity.value() == 120


def test_a_clerk_sees_the_longest_validity_but_cannot_change_it(
    qtbot, services: Services, clerk: Actor, branch_id: int
) -> None:
    page = _page(qtbot, services, clerk)
    box = page.transfer_settings
    assert box.max_validity.value() == 90
    assert not box.max_validity.isEnabled() and not box.save_button.isVisible()


def test_the_issue_form_refuses_more_than_the_setting_naming_it(
    qtbot, services: Services, admin: Actor, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    dialog = _dialog(qtbot, services, clerk, member)
    ui = dialog.ui
    assert ui.validity_days.value() == 30 and "最长 90 天" in ui.validity_days.toolTip()
    assert not ui.err_validity_days.isVisible()
    _set_days(qtbot, ui.validity_days, 91)
    assert ui.err_validity_days.isVisible()  # said at once, beside the field
    message = ui.err_validity_days.text()
    assert "有效期不能超过 90 天" in message and "“介绍信最长有效期”" in message
    qtbot.mouseClick(ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and services.transfers.search(direction="out") == []
    assert "设置 → 工作日历与期限" in dialog.errors.message("validity_days")
    _set_days(qtbot, ui.validity_days, 90)
    assert not ui.err_validity_days.isVisible()

    services.transfers.settings.set_max_validity_days(admin, 120)
    longer = _dialog(qtbot, services, clerk, member)
    assert "最长 120 天" in longer.ui.validity_days.toolTip()
    _set_days(qtbot, longer.ui.validity_days, 120)
    assert not longer.ui.err_validity_days.isVisible()
    qtbot.mouseClick(longer.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not longer.isVisible()
    [letter] = services.transfers.search(direction="out")
    assert letter.validity_days == 120

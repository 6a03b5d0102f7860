"""The minutes editor and the calendar page say the corrected meeting rules (issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from branchdesk.core.actor import Actor
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import ADMISSION
from branchdesk.core.services import Services
from branchdesk.gui.meeting_calendar_page import MeetingCalendarPage
from branchdesk.gui.meeting_dialog import PRESENT_COLUMN, MeetingDialog
from branchdesk.storage.models import Setting

D = dt.date
TODAY = D(2026, 11, 26)


@pytest.fixture
def six(add_member: Callable[..., int]) -> list[int]:
    names = "张三 李四 王五 赵六 钱七 孙八".split()
    return [add_member(name, 13 + 2 * i) for i, name in enumerate(names)]


def _untick(dialog: MeetingDialog, rows: range) -> None:
    model = dialog.attendance
    for row in rows:
        model.setData(model.index(row, PRESENT_COLUMN), Qt.CheckState.Unchecked.value,
                      Qt.ItemDataRole.CheckStateRole)


def test_half_present_holds_the_meeting_but_not_an_admission_vote(
    qtbot, services: Services, clerk: Actor, branch_id: int, six: list[int]
) -> None:
    dialog = MeetingDialog(services, clerk, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind() is MeetingKind.GENERAL_MEETING
    _untick(dialog, range(3))  # 3 of 6 present: exactly half
    warning = dialog.ui.quorumWarning.text()
    assert "应到有表决权的正式党员 6 人，实到 3 人，半数以上到会，符合规定" in warning
    assert "《中国共产党支部工作条例（试行）》第十一条" in warning
    assert "讨论接收预备党员和预备党员转正须有表决权的正式党员超过半数到会" in warning
    assert dialog.meeting_quorum()
    assert "9a5b00" in dialog.ui.quorumWarning.styleSheet()  # held, with a caution

    dialog.ui.item_title.setText("年度学习计划")
    dialog.add_vote()
    assert dialog.ui.quorumText.text().endswith("半数以上到会，符合规定")
    dialog.ui.yes.setValue(3)
    assert dialog.ui.resultText.text().endswith("未通过")  # 3 of 6 is not more than half
    dialog.add_vote(ADMISSION)
    assert "实到 3 人，未超过半数，不能表决" in dialog.ui.quorumText.text()
    assert "《中国共产党发展党员工作细则》第十九条" in dialog.ui.quorumText.text()  # 2026 date

    _untick(dialog, range(3, 4))  # 2 of 6
    warning = dialog.ui.meetingQuorum.text()
    assert "实到 2 人，不足半数" in warning and "表决均无效" in warning
    assert not dialog.meeting_quorum()
    assert "c00000" in dialog.ui.meetingQuorum.styleSheet()


def test_only_the_party_lecture_frequency_is_offered_to_the_administrator(
    qtbot, services: Services, admin: Actor, branch_id: int
) -> None:
    with services.db.write("admin", "旧版本的设置") as s:  # an older version stored this
        s.add(Setting(key="meeting_frequency.theme_day", value="quarterly"))
    page = MeetingCalendarPage(services, admin, TODAY)
    qtbot.addWidget(page)
    page.show()
    assert set(page.frequency_combos) == {MeetingKind.PARTY_LECTURE}
    assert page.frequency_combos[MeetingKind.PARTY_LECTURE].isEnabled()
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert "党课频次：" in labels and "主题党日频次：" not in labels
    model = page.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert "主题党日（每月）" in rows  # the stored quarterly setting is ignored
    theme = rows.index("主题党日（每月）")
    assert page.table.columnSpan(theme, 0) == 1

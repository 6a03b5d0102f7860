"""The 发展党员 area: members by stage with their next step and due date, 待审核, opening a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from development_walk import WALK, people_for, record_and_pass
from PySide6.QtCore import Qt

from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui.development_file import DevelopmentFileDialog
from branchdesk.gui.development_page import (
    DUE_COLUMN,
    NAME_COLUMN,
    NEXT_COLUMN,
    REVIEW_COLUMN,
    STAGE_COLUMN,
    DevelopmentPage,
)
from branchdesk.gui.signals import emit

TODAY = dt.date(2026, 11, 26)
D = dt.date


@pytest.fixture
def people(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
           add_member: Callable[..., int]) -> dict[str, int]:
    """王堃 talked to (applicant), 陈晓 an activist reviewed once, 孙立 and 周敏 waiting."""
    full = [add_member("张三", 13), add_member("李四", 15)]
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None

    def applicant(name: str, sequence: int, branch: int = branch_id) -> int:
        return services.members.create(clerk, MemberInput(
            name=name, id_number=make_id_number("110105", D(2000, 1, 1), sequence),
            branch_id=branch, stage=Stage.APPLICANT))

    found = {"王堃": applicant("王堃", 21), "陈晓": applicant("陈晓", 23),
             "孙立": applicant("孙立", 25), "周敏": applicant("周敏", 27, second.id)}
    done: set[int] = set()
    for step, day, details in WALK:
        if step <= 6 and step not in done:
            done.add(step)
            record_and_pass(services.development, clerk, reviewer, found["陈晓"], step, day,
                            details, people_for(step, full))
        if step <= 2:
            record_and_pass(services.development, clerk, reviewer, found["王堃"], step,
                            D(2026, 11, step), details, [])
    for name in ("孙立", "周敏"):
        services.development.record(clerk, found[name], StepInput(1, D(2026, 11, 20)))
    return found


def _page(qtbot: Any, services: Services, actor: Actor) -> DevelopmentPage:
    page = DevelopmentPage(services, actor, TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    return page


def _rows(page: DevelopmentPage) -> dict[str, list[str]]:
    model = page.model
    return {
        str(model.index(r, NAME_COLUMN).data()): [
            str(model.index(r, c).data() or "") for c in range(model.columnCount())
        ]
        for r in range(model.rowCount())
    }


def test_members_by_stage_with_next_step_and_due(
    qtbot: Any, qtmodeltester: Any, services: Services, reviewer: Actor, people: dict[str, int]
) -> None:
    page = _page(qtbot, services, reviewer)
    qtmodeltester.check(page.model)
    rows = _rows(page)
    assert list(rows) == ["孙立", "王堃", "周敏", "陈晓"]  # applicants first, then activists
    assert [rows[n][STAGE_COLUMN] for n in rows] == ["入党申请人"] * 3 + ["入党积极分子"]
    assert rows["王堃"][NEXT_COLUMN] == "第 3 步 推荐和确定入党积极分子"
    assert rows["陈晓"][NEXT_COLUMN] == "第 7 步 确定发展对象"
    assert rows["陈晓"][DUE_COLUMN] == "2025年3月1日，已逾期（第 6 步）"
    row = page.model.row_of(people["陈晓"])
    colour = page.model.index(row, DUE_COLUMN).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour.name() == "#c00000"
    assert "考察" in page.model.index(row, DUE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert rows["孙立"][REVIEW_COLUMN] == "待审核 1"
    assert page.count_label.text() == "共 4 人"
    assert page.stage_combo.itemText(2) == "入党积极分子（1）"

    assert page.pending_button.text() == "待审核 2 条"
    qtbot.mouseClick(page.pending_button, Qt.MouseButton.LeftButton)
    assert list(_rows(page)) == ["孙立", "周敏"]
    assert page.select_branch("第一党支部")
    assert list(_rows(page)) == ["孙立"] and page.pending_button.text() == "待审核 1 条"
    page.show_combo.setCurrentIndex(0)
    assert list(_rows(page)) == ["孙立", "王堃", "陈晓"]
    qtmodeltester.check(page.model)


def test_enter_opens_the_members_file_and_the_list_follows(
    qtbot: Any, services: Services, clerk: Actor, people: dict[str, int]
) -> None:
    page = _page(qtbot, services, clerk)
    page.table.selectRow(page.model.row_of(people["王堃"]))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.member_name == "王堃" and dialog.selected_step() == 3
    services.development.record(clerk, people["王堃"], StepInput(
        3, D(2026, 11, 25), details={"recommend_method": "党员推荐"}))
    dialog.reload()
    emit(dialog.changed)
    assert _rows(page)["王堃"][REVIEW_COLUMN] == "待审核 1"
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    row = page.model.row_of(people["陈晓"])
    rect = page.table.visualRect(page.model.index(row, NAME_COLUMN))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = [d for d in page.findChildren(DevelopmentFileDialog) if d.isVisible()]
    assert [d.member_name for d in opened] == ["陈晓"]  # one file, opened once

"""The 花名册 page driven like a clerk: search box, filters, buttons by role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import Stage
from branchdesk.gui.roster_model import NAME_COLUMN
from branchdesk.gui.roster_page import RosterPage


def _names(page: RosterPage) -> list[str]:
    model = page.model
    return [str(model.data(model.index(r, NAME_COLUMN))) for r in range(model.rowCount())]


@pytest.fixture
def seeded(services: Services, add_member: Callable[..., int]) -> dict[str, int]:
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    return {
        "张三": add_member("张三", sequence=11),
        "李四": add_member("李四", sequence=12),
        "王五": add_member("王五", sequence=13, stage=Stage.ACTIVIST, join_date=None,
                         full_member_date=None),
        "周明": add_member("周明", sequence=14, branch_id=second.id),
    }


def _page(qtbot, services: Services, actor: Actor) -> RosterPage:  # type: ignore[no-untyped-def]
    page = RosterPage(services, actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_typing_pinyin_initials_finds_the_member(qtbot, services: Services, clerk: Actor,
                                                 seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, clerk)
    assert page.count_label.text() == "共 4 人"
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: _names(page) == ["张三"])
    assert page.count_label.text() == "共 1 人"

    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(_names(page)) == 4)
    fragment = make_id_number("110105", dt.date(1980, 5, 1), 12)[-6:]
    qtbot.keyClicks(page.search_edit, fragment)
    qtbot.waitUntil(lambda: _names(page) == ["李四"])


def test_ctrl_f_focuses_search_and_enter_selects_first_hit(
    qtbot, services: Services, clerk: Actor, seeded: dict[str, int]
) -> None:
    page = _page(qtbot, services, clerk)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    qtbot.keyClicks(page.search_edit, "ww")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert _names(page) == ["王五"]
    assert page.selected_member_id() == seeded["王五"]
    assert page.open_button.isEnabled()


def test_filter_by_stage(qtbot, services: Services, clerk: Actor,
                         seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, clerk)
    page.stage_combo.setCurrentIndex(page.stage_combo.findText("入党积极分子"))
    assert _names(page) == ["王五"]
    page.stage_combo.setCurrentIndex(page.stage_combo.findText("正式党员"))
    assert sorted(_names(page)) == sorted(["张三", "李四", "周明"])
    assert page.count_label.text() == "共 3 人"


def test_filter_by_status(qtbot, services: Services, clerk: Actor,
                          seeded: dict[str, int]) -> None:
    letter = services.transfers.issue(clerk, seeded["李四"], OutgoingInput(
        "中共外地党委第一党支部", "转往外地", 2026, 1, dt.date(2026, 1, 5)))
    services.transfers.record_receipt(clerk, letter, dt.date(2026, 1, 20), "外地党支部", "刘红")
    page = _page(qtbot, services, clerk)
    page.status_combo.setCurrentIndex(page.status_combo.findText("已转出"))
    assert _names(page) == ["李四"]


def test_filter_by_branch_and_group(qtbot, services: Services, clerk: Actor, branch_id: int,
                                    seeded: dict[str, int]) -> None:
    group = services.organisations.groups_of(branch_id)[0]
    services.members.update(clerk, seeded["张三"], _with_group(services, seeded["张三"], group.id))
    page = _page(qtbot, services, clerk)
    items = [page.org_combo.itemText(i).strip("　") for i in range(page.org_combo.count())]
    assert items[:5] == ["全部组织", "中共测试委员会", "第一党支部", "第一党小组", "第二党支部"]

    page.org_combo.setCurrentIndex(items.index("第二党支部"))
    assert _names(page) == ["周明"]
    page.org_combo.setCurrentIndex(items.index("第一党支部"))
    assert sorted(_names(page)) == sorted(["张三", "李四", "王五"])
    assert page.default_branch_id() == branch_id
    page.org_combo.setCurrentIndex(items.index("第一党小组"))
    assert _names(page) == ["张三"]
    page.org_combo.setCurrentIndex(items.index("中共测试委员会"))
    assert len(_names(page)) == 4


def _with_group(services: Services, member_id: int, group_id: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(services.members.get(member_id).data, group_id=group_id)


def test_reviewer_has_no_add_button(qtbot, services: Services, reviewer: Actor, clerk: Actor,
                                    seeded: dict[str, int]) -> None:
    page = _page(qtbot, services, reviewer)
    assert not page.add_button.isVisible()
    assert not page.voided_check.isVisible()
    assert len(_names(page)) == 4
    clerk_page = _page(qtbot, services, clerk)
    assert clerk_page.add_button.isVisible()
    assert clerk_page.add_button.shortcut().toString() == "Ctrl+N"


def test_voided_records_only_for_the_administrator(qtbot, services: Services, admin: Actor,
                                                   clerk: Actor, seeded: dict[str, int]) -> None:
    services.members.void(clerk, seeded["王五"], "重复录入")
    assert not _page(qtbot, services, clerk).voided_check.isVisible()
    page = _page(qtbot, services, admin)
    assert "王五" not in _names(page)
    qtbot.mouseClick(page.voided_check, Qt.MouseButton.LeftButton)
    assert "王五（已作废）" in _names(page)


def _answer_dialog(qtbot, check: Callable[[object], None]) -> list[object]:  # type: ignore[no-untyped-def]
    """Close the next modal dialog (after ``check`` looked at it); return what was seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    seen: list[object] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        seen.append(dialog)
        check(dialog)
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, close)
    return seen


def test_enter_opens_the_selected_member(qtbot, services: Services, clerk: Actor,
                                         seeded: dict[str, int]) -> None:
    from branchdesk.gui.member_dialog import MemberDialog

    page = _page(qtbot, services, clerk)
    assert page.select_member(seeded["李四"])
    page.table.setFocus()
    seen = _answer_dialog(qtbot, lambda d: None)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], MemberDialog)
    assert seen[0].member_id == seeded["李四"]


def test_ctrl_n_opens_new_member_in_the_chosen_branch(qtbot, services: Services, clerk: Actor,
                                                      seeded: dict[str, int]) -> None:
    from branchdesk.gui.member_dialog import MemberDialog

    page = _page(qtbot, services, clerk)
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None and page.select_organisation(second.id)
    with qtbot.waitActive(page):
        page.activateWindow()
    branches: list[object] = []
    seen = _answer_dialog(
        qtbot, lambda d: branches.append(d.ui.branch_id.currentData())  # type: ignore[attr-defined]
    )
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], MemberDialog)
    assert seen[0].member_id is None
    assert branches == [second.id]

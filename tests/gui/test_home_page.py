"""The home page: counts by stage, this month's political birthdays, the 待办 list."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush, QKeySequence

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui.home_page import HomePage

TODAY = dt.date(2026, 11, 26)


def _cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _rows(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [_cells(model, r) for r in range(model.rowCount())]


def _seed(add_member: Callable[..., int], services: Services) -> None:
    add_member("张三", sequence=11)  # full member, joined 2005-07-01
    add_member("李四", sequence=12, join_date=dt.date(2005, 11, 10),
               full_member_date=dt.date(2006, 11, 10))
    add_member("王五", sequence=13, stage=Stage.APPLICANT, join_date=None, full_member_date=None)
    add_member("赵六", sequence=14, stage=Stage.ACTIVIST, join_date=None, full_member_date=None)
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    add_member("孙七", sequence=15, branch_id=second.id, stage=Stage.PROBATIONARY,
               join_date=dt.date(2026, 3, 1), full_member_date=None)


def test_counts_by_stage_for_committee_and_branch(qtbot, services: Services, clerk: Actor,
                                                  add_member: Callable[..., int]) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    counts = {stage: page.count_labels[stage].text() for stage in Stage}
    assert counts == {Stage.APPLICANT: "1", Stage.ACTIVIST: "1", Stage.CANDIDATE: "0",
                      Stage.PROBATIONARY: "1", Stage.FULL: "2"}
    assert page.count_labels[None].text() == "5"

    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    labels = [page.scope_combo.itemText(i) for i in range(page.scope_combo.count())]
    assert labels[0].startswith("全部")
    assert "第二党支部" in [t.strip("　") for t in labels]
    assert page.select_scope(second.id)
    assert page.count_labels[Stage.PROBATIONARY].text() == "1"
    assert page.count_labels[Stage.FULL].text() == "0"
    assert page.count_labels[None].text() == "1"


def test_political_birthday_of_this_month_is_listed(qtbot, services: Services, clerk: Actor,
                                                    add_member: Callable[..., int]) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    rows = _rows(page.birthday_model)
    assert rows == [["2026-11-10", "李四", "第一党支部", "入党 21 周年", "2005-11-10"]]
    assert "11月" in page.birthday_box.title()


def test_todo_lists_committee_term_ending_within_90_days(
    qtbot, services: Services, admin: Actor, clerk: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    services.organisations.add_term(clerk, branch_id, dt.date(2024, 1, 20), dt.date(2027, 1, 19))
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    services.organisations.add_term(clerk, second.id, dt.date(2023, 11, 1), dt.date(2026, 10, 31))
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    all_rows = _rows(page.todo_model)
    terms = [i for i, r in enumerate(all_rows) if r[1] == "换届提醒"]  # meetings are due too
    rows = [all_rows[i] for i in terms]
    assert rows[0][0] == "2026-10-31（已逾期）"
    assert rows[0][1] == "换届提醒" and rows[0][3] == "第二党支部"
    assert rows[1][0] == "2027-01-19"
    assert "第一党支部委员会任期将于 2027-01-19 届满" in rows[1][2]
    model = page.todo_model
    overdue = model.data(model.index(terms[0], 2), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(overdue, QBrush) and overdue.color().red() > 150
    assert model.data(model.index(terms[1], 2), Qt.ItemDataRole.ForegroundRole) is None

    assert page.select_scope(branch_id)
    assert {r[3] for r in _rows(page.todo_model)} == {"第一党支部"}


def test_home_models_pass_qtmodeltester(qtmodeltester, qtbot, services: Services, clerk: Actor,
                                        add_member: Callable[..., int]) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    qtmodeltester.check(page.birthday_model)
    qtmodeltester.check(page.todo_model)


# --- the 每月工作提示单 tab -------------------------------------------------------------


def _tree_rows(model) -> list[tuple[int, list[str]]]:  # type: ignore[no-untyped-def]
    """Every row of the work list tree, depth first: (depth, cells)."""
    rows: list[tuple[int, list[str]]] = []

    def walk(parent, depth: int) -> None:  # type: ignore[no-untyped-def]
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append((depth, [model.index(row, c, parent).data() or ""
                                 for c in range(model.columnCount(parent))]))
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return rows


def test_work_list_follows_the_chosen_month(qtbot, services: Services, clerk: Actor,
                                            add_member: Callable[..., int]) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    assert page.work_view.model.rowCount() == 0  # read only when shown
    view = page.show_work_list()
    assert page.tabs.currentWidget() is view
    assert view.month() == (2026, 11) and view.month_edit.text() == "2026年11月"
    rows = _tree_rows(view.model)
    sections = [cells[0] for depth, cells in rows if depth == 0]
    assert [s.split("（")[0] for s in sections] == ["第一党支部", "第二党支部"]
    kinds = [cells[0] for depth, cells in rows if depth == 1]
    assert "政治生日（1 项）" in kinds and any(k.startswith("应开会议") for k in kinds)
    items = [cells for depth, cells in rows if depth == 2]
    assert ["2026-11-10", "李四 政治生日（入党 21 周年）", "", ""] in items
    missed = [c for c in items if c[0] == "2026-10-31"]  # no meeting held in October
    assert missed and all(c[3] == "逾期" for c in missed)
    assert "共" in view.summary_label.text() and "逾期" in view.summary_label.text()

    view.next_button.click()
    assert view.month() == (2026, 12) and view.month_edit.text() == "2026年12月"
    december = [cells for depth, cells in _tree_rows(view.model) if depth == 2]
    assert not any("李四" in c[1] for c in december)
    assert {c[0] for c in december if "本月应" in c[1]} == {"2026-12-31"}
    view.month_edit.setDate(QDate(2026, 9, 1))  # typed or with the arrows
    assert view.model.work is not None and view.model.work.label == "2026年9月"
    view.this_button.click()
    assert view.month() == (2026, 11)
    view.previous_button.click()
    assert view.month() == (2026, 10)


def test_work_list_marks_overdue_and_follows_the_scope(
    qtbot, qtmodeltester, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    view = page.show_work_list()
    qtmodeltester.check(view.model)
    model = view.model
    first = model.index(0, 0)
    meetings = next(
        model.index(r, 0, first) for r in range(model.rowCount(first))
        if str(model.index(r, 0, first).data()).startswith("应开会议")
    )
    colours = {
        model.index(r, 3, meetings).data(): model.index(r, 1, meetings).data(
            Qt.ItemDataRole.ForegroundRole)
        for r in range(model.rowCount(meetings))
    }
    overdue = colours["逾期"]
    assert isinstance(overdue, QBrush) and overdue.color().red() > 150
    assert colours[""] is None

    second = services.organisations.find_by_name("第二党支部")
    assert second is not None and page.select_scope(second.id)
    assert [model.index(r, 0).data().split("（")[0] for r in range(model.rowCount())] == [
        "第二党支部"]
    qtmodeltester.check(model)
    view.next_button.click()
    assert model.rowCount() == 1


def test_work_list_prints_the_month(qtbot, services: Services, clerk: Actor,
                                    add_member: Callable[..., int], tmp_path: Path) -> None:
    _seed(add_member, services)
    page = HomePage(services, clerk, today=TODAY)
    qtbot.addWidget(page)
    view = page.show_work_list()
    assert view.print_button.shortcut() == QKeySequence("Ctrl+P")
    assert "&D" in view.print_button.text()
    preview = view.print_list()
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "每月党建工作提示单 — 2026年11月"
    assert preview.suggested_name == "每月党建工作提示单-2026年11月.pdf"
    path = tmp_path / "list.pdf"
    path.write_bytes(preview.pdf)
    text = re.sub(r"\s+", "", subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout)
    for word in ("每月党建工作提示单", "中共测试委员会", "2026年11月", "第一党支部（",
                 "李四政治生日（入党21周年）", "应开会议", "逾期", "第1页共"):
        assert word in text, word
    preview.close()

"""The 会议记录 area: search, open read-only, correct as a new version, print; 应开会议."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import insert

from branchdesk.core.actor import Actor
from branchdesk.core.meeting_rules import CellState, Frequency, MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingFilter, MeetingInput
from branchdesk.core.services import Services
from branchdesk.gui.common import combo_set_data
from branchdesk.gui.meeting_calendar_page import (
    CELL_ROLE,
    MeetingCalendarPage,
    YearGridModel,
    grid_pdf,
)
from branchdesk.gui.meeting_dialog import MeetingDialog
from branchdesk.gui.meetings_page import MeetingListModel, MeetingsPage, MinutesBookDialog
from branchdesk.gui.signals import emit
from branchdesk.storage.models import Meeting

D = dt.date
TODAY = D(2026, 11, 26)


@pytest.fixture
def full(add_member: Callable[..., int]) -> list[int]:
    return [add_member(name, 13 + 2 * i) for i, name in enumerate("张三 李四 王五".split())]


def _record(services: Services, clerk: Actor, branch_id: int, full: list[int],
            kind: MeetingKind, day: dt.date, title: str, place: str = "支部会议室") -> int:
    return services.meetings.record(
        clerk,
        MeetingInput(kind, branch_id, day, "14:30", "16:00", place, "张三", "李四",
                     present=tuple(full), agenda=(AgendaItem(title, "充分讨论"),)),
    )


def _page(qtbot, services: Services, actor: Actor) -> MeetingsPage:  # type: ignore[no-untyped-def]
    page = MeetingsPage(services, actor, TODAY)
    qtbot.addWidget(page)
    page.resize(1150, 650)
    page.show()
    return page


def test_search_by_text_type_and_date(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY, D(2026, 3, 5), "学习党章")
    _record(services, clerk, branch_id, full, MeetingKind.GENERAL_MEETING, D(2026, 6, 9),
            "党费使用计划", place="派出所会议室")
    page = _page(qtbot, services, clerk)
    assert page.count_label.text() == "共 2 次会议"
    assert page.model.index(0, 3).data() == "党费使用计划"  # newest first
    type_text(qtbot, page.search_edit, "派出所")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.count_label.text() == "共 1 次会议"
    assert page.model.index(0, 1).data() == "支部党员大会"
    page.search_edit.clear()
    combo_set_data(page.kind_combo, MeetingKind.THEME_DAY.value)
    assert [page.model.index(r, 3).data() for r in range(page.model.rowCount())] == ["学习党章"]
    combo_set_data(page.kind_combo, None)
    page.start_edit.set_value(D(2026, 4, 1))
    assert page.count_label.text() == "共 1 次会议"


def test_new_meeting_button_only_for_recorders(
    qtbot, services: Services, clerk: Actor, reviewer: Actor, branch_id: int, full: list[int]
) -> None:
    assert not _page(qtbot, services, reviewer).new_button.isVisible()
    page = _page(qtbot, services, clerk)
    assert page.new_button.shortcut().toString() == "Ctrl+N"
    with qtbot.waitActive(page):
        page.activateWindow()

    def fill(dialog: MeetingDialog) -> None:
        combo_set_data(dialog.ui.kind, MeetingKind.THEME_DAY.value)
        for edit, text in ((dialog.ui.place, "会议室"), (dialog.ui.host, "张三"),
                           (dialog.ui.recorder, "李四"), (dialog.ui.item_title, "重温入党誓词")):
            type_text(qtbot, edit, text)
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    driver = on_next_modal(fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    # a button's shortcut clicks it after its press animation
    qtbot.waitUntil(lambda: driver.seen is not None and not driver.seen.isVisible())
    driver.check()
    assert page.count_label.text() == "共 1 次会议"
    assert page.model.index(0, 3).data() == "重温入党誓词"


def test_correction_adds_version_two_and_keeps_version_one(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    meeting_id = _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY,
                         D(2026, 3, 5), "学习党章")
    page = _page(qtbot, services, clerk)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = page.viewer
    assert view is not None and view.isVisible() and view.meeting_id == meeting_id
    assert "支部会议室" in view.shown_text() and view.versions.count() == 1

    editor = view.correction_dialog()
    qtbot.addWidget(editor)
    assert not editor.ui.kind.isEnabled()  # a correction keeps type and organisation
    editor.ui.place.clear()
    type_text(qtbot, editor.ui.place, "派出所会议室")
    assert editor.save() is None  # no reason given: refused, nothing saved
    assert editor.errors.message("correction_reason") == "请说明更正的原因"
    assert services.meetings.get(meeting_id).current.version == 1
    type_text(qtbot, editor.ui.correction_reason, "地点记错")
    assert editor.save() == meeting_id
    view.reload()

    assert view.versions.count() == 2
    assert view.versions.currentText() == "第 2 版（更正）"
    assert view.version_info.text().startswith("第 2 版（更正：地点记错；clerk 于")
    assert "派出所会议室" in view.shown_text()
    view.versions.setCurrentIndex(0)
    assert "支部会议室" in view.shown_text() and "已被更正" in view.shown_text()
    detail = services.meetings.get(meeting_id)
    assert [v.data.place for v in detail.versions] == ["支部会议室", "派出所会议室"]
    emit(view.changed)
    assert page.model.index(0, 4).data() == "第 2 版（已更正）"


def test_reviewer_sees_no_correct_button(
    qtbot, services: Services, clerk: Actor, reviewer: Actor, branch_id: int, full: list[int]
) -> None:
    meeting_id = _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY,
                         D(2026, 3, 5), "学习党章")
    view = _page(qtbot, services, reviewer).open_meeting(meeting_id)
    assert view is not None and not view.correct_button.isVisible()
    assert view.print_button.isVisible()


def test_print_meeting_and_minutes_book_open_a_preview(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY, D(2026, 3, 5), "学习党章")
    page = _page(qtbot, services, clerk)
    preview = page.print_selected()
    assert preview is not None and preview.page_count() >= 1
    assert preview.suggested_name.startswith("会议记录-第一党支部-主题党日")
    preview.close()
    dialog = page.book_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, MinutesBookDialog) and dialog.choice() == (branch_id, 2026)
    book = page.preview_book(branch_id, 2026)
    assert book is not None and book.page_count() >= 3  # cover, contents, the meeting
    book.close()


def test_calendar_shows_held_and_missing(
    qtbot, services: Services, clerk: Actor, admin: Actor, branch_id: int, full: list[int]
) -> None:
    _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY, D(2026, 1, 15), "学习")
    page = MeetingCalendarPage(services, admin, TODAY)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    theme = labels.index("主题党日（每月）")
    assert model.index(theme, 0).data() == "已开 1 次"
    assert model.index(theme, 0).data(CELL_ROLE) == CellState.HELD.value
    assert "2026年1月15日" in model.index(theme, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(theme, 1).data() == "缺"
    assert model.index(theme, 10).data() == "本月应开"
    assert model.index(theme, 11).data() == "未到"
    general = labels.index("支部党员大会（每季度）")
    assert page.table.columnSpan(general, 0) == 3  # a quarter spans three months
    assert "缺" in page.summary.text()

    page.set_frequency(MeetingKind.PARTY_LECTURE, Frequency.MONTHLY)
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert "党课（每月）" in labels
    assert services.meeting_calendar.settings().frequency(MeetingKind.PARTY_LECTURE) is (
        Frequency.MONTHLY
    )
    assert model.grid is not None
    assert grid_pdf(model.grid, "第一党支部").startswith(b"%PDF")


def test_frequency_settings_only_for_administrators(
    qtbot, services: Services, clerk: Actor, branch_id: int
) -> None:
    page = MeetingCalendarPage(services, clerk, TODAY)
    qtbot.addWidget(page)
    assert not any(c.isEnabled() for c in page.frequency_combos.values())


def test_models(qtmodeltester, services: Services, clerk: Actor, branch_id: int,
                full: list[int]) -> None:
    _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY, D(2026, 1, 15), "学习")
    rows = MeetingListModel()
    rows.set_rows(services.meetings.search(MeetingFilter()))
    qtmodeltester.check(rows)
    grid = YearGridModel()
    grid.set_grid(services.meeting_calendar.grid(branch_id, 2026, TODAY))
    qtmodeltester.check(grid)


def test_correction_keeps_admission_votes_locked(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    from branchdesk.core.meetings import ADMISSION, VoteInput

    data = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, D(2026, 3, 5), "", "", "会议室", "张三", "李四",
        present=tuple(full), agenda=(AgendaItem("接收预备党员", votes=(
            VoteInput(entitled=3, present=3, yes=1, candidate_id=full[0], purpose=ADMISSION),
        )),),
    )
    meeting_id = services.meetings.record(clerk, data)
    editor = MeetingDialog(services, clerk, meeting_id, TODAY)
    qtbot.addWidget(editor)
    editor.show()
    editor.ui.tabs.setCurrentIndex(2)
    assert not editor.ui.voteEditor.isEnabled() and not editor.ui.removeItem.isEnabled()
    assert "不能修改" in editor.ui.voteHint.text()
    assert editor.data().agenda == data.agenda
    assert replace(editor.data(), present=()) == replace(data, present=())
    assert set(editor.data().present) == set(full)


@pytest.mark.parametrize("count", [0, 3])
def test_lazy_meeting_list_model_passes_qtmodeltester(
    qtmodeltester, services: Services, clerk: Actor, branch_id: int, full: list[int],
    count: int,
) -> None:
    for n in range(count):
        _record(services, clerk, branch_id, full, MeetingKind.THEME_DAY, D(2026, 1, 15 + n),
                f"学习{n}")
    model = MeetingListModel(meeting_list=services.meeting_list, page_size=2)
    model.set_filter(MeetingFilter())
    assert model.rowCount() == count and model.rowCount(model.index(0, 0)) == 0
    assert [model.index(r, 3).data() for r in range(count)] == [
        f"学习{n}" for n in reversed(range(count))
    ]
    assert model.data(QModelIndex()) is None and model.meeting(count) is None
    qtmodeltester.check(model)


def _bulk_meetings(services: Services, branch_id: int, count: int) -> None:
    """``count`` theme days, one a day back from TODAY, inserted directly (no audit)."""
    rows = [{
        "kind": MeetingKind.THEME_DAY.value, "organisation_id": branch_id,
        "date": TODAY - dt.timedelta(days=n), "title": f"主题党日{n:03d}",
        "current_version": 1, "created_by": "clerk", "search_text": f"主题党日{n:03d}",
    } for n in range(count)]
    with services.db.engine.begin() as connection:
        connection.execute(insert(Meeting), rows)


def test_a_long_list_reads_only_the_rows_on_screen(
    qtbot, services: Services, clerk: Actor, branch_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _bulk_meetings(services, branch_id, 500)
    calls: list[int] = []
    real_rows = services.meeting_list.rows

    def counting_rows(ids: list[int]):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return real_rows(ids)

    monkeypatch.setattr(services.meeting_list, "rows", counting_rows)
    page = _page(qtbot, services, clerk)
    page.grab()  # paint the rows on screen
    assert page.count_label.text() == "共 500 次会议" and page.model.rowCount() == 500
    assert calls == [200] and page.model.cached == 200  # one page, not 500 rows
    assert page.model.index(0, 3).data() == "主题党日000"
    page.table.scrollToBottom()
    page.grab()
    assert calls == [200, 100] and page.model.cached == 300
    assert page.model.index(499, 3).data() == "主题党日499"
    wanted = page.model.meeting_id(450)
    assert wanted is not None
    page.table.selectRow(450)
    assert page.selected_meeting() == wanted
    page.refresh()  # read again: the selection stays, only the pages shown are read
    assert page.selected_meeting() == wanted and page.model.cached <= 400
    type_text(qtbot, page.search_edit, "党日450")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.count_label.text() == "共 1 次会议"
    assert page.model.index(0, 3).data() == "主题党日450" and page.selected_meeting() == wanted

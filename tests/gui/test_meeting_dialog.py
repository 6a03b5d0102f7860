"""The minutes editor: attendance, votes judged live, admission votes into the files, errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from development_walk import WALK, people_for, record_and_pass
from dialog_driver import type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import ADMISSION, MeetingFilter
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui.common import combo_set_data
from branchdesk.gui.meeting_dialog import (
    PRESENT_COLUMN,
    REASON_COLUMN,
    AttendanceModel,
    MeetingDialog,
)

D = dt.date
TODAY = D(2026, 11, 26)
MEETING_DAY = D(2025, 5, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def full(add_member: Callable[..., int]) -> list[int]:
    names = "张三 李四 王五 赵六 钱七".split()
    return [add_member(name, 13 + 2 * i) for i, name in enumerate(names)]


def _candidate(services: Services, clerk: Actor, reviewer: Actor, branch_id: int, name: str,
               sequence: int, full: list[int]) -> int:
    """An applicant taken through steps 1–14 (reviewed): a 发展对象 ready for step 15."""
    member = services.members.create(
        clerk,
        MemberInput(name=name, id_number=make_id_number("110105", D(2000, 1, 1), sequence),
                    branch_id=branch_id, stage=Stage.APPLICANT),
    )
    development = DevelopmentService(services.db, today=TODAY)
    seen_six = False
    for step, day, details in WALK:
        if step >= 15:
            break
        if step == 6 and seen_six:
            continue
        seen_six = seen_six or step == 6
        record_and_pass(development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))
    return member


def _dialog(qtbot, services: Services, actor: Actor, **kwargs) -> MeetingDialog:  # type: ignore[no-untyped-def]
    dialog = MeetingDialog(services, actor, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_basics(qtbot, dialog: MeetingDialog, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    dialog.ui.date.setDate(QDate(day.year, day.month, day.day))
    qtbot.keyClicks(dialog.ui.start_time, "14:30")
    qtbot.keyClicks(dialog.ui.end_time, "16:00")
    type_text(qtbot, dialog.ui.place, "支部会议室")
    type_text(qtbot, dialog.ui.host, "张三")
    type_text(qtbot, dialog.ui.recorder, "李四")


def _mark_absent(qtbot, dialog: MeetingDialog, row: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    """Untick 实到 with the space bar and type the reason into its cell, as a clerk does."""
    table = dialog.ui.attendance
    dialog.ui.tabs.setCurrentIndex(1)
    table.setFocus()
    table.setCurrentIndex(dialog.attendance.index(row, PRESENT_COLUMN))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    index = dialog.attendance.index(row, REASON_COLUMN)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    assert editor is not None
    type_text(qtbot, editor, reason)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: dialog.attendance.data(index) == reason, timeout=1000)


def _save(qtbot, dialog: MeetingDialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _add_admission(qtbot, dialog: MeetingDialog, candidate: int, yes: int,  # type: ignore[no-untyped-def]
                   against: int) -> None:
    ui = dialog.ui
    qtbot.mouseClick(ui.addVote, Qt.MouseButton.LeftButton)
    assert combo_set_data(ui.purpose, ADMISSION)
    assert combo_set_data(ui.candidate, candidate)
    ui.yes.setValue(yes)
    ui.against.setValue(against)


def test_general_meeting_with_two_admission_votes_fills_one_file(
    qtbot, services: Services, clerk: Actor, reviewer: Actor, branch_id: int, full: list[int]
) -> None:
    first = _candidate(services, clerk, reviewer, branch_id, "孙喆", 21, full)
    second = _candidate(services, clerk, reviewer, branch_id, "周堃", 23, full)
    dialog = _dialog(qtbot, services, clerk)
    assert dialog.ui.kind.currentText() == "支部党员大会"
    _fill_basics(qtbot, dialog, MEETING_DAY)
    assert [a.name for a in dialog.attendance.attendees] == ["李四", "钱七", "王五", "张三", "赵六"]
    _mark_absent(qtbot, dialog, 4, "出差")
    assert dialog.attendance.absences() == ((full[3], "出差"),)
    assert "应到 5 人，实到 4 人，缺席 1 人" in dialog.ui.attendanceCount.text()

    dialog.ui.tabs.setCurrentIndex(2)
    type_text(qtbot, dialog.ui.item_title, "讨论接收预备党员")
    type_text(qtbot, dialog.ui.item_resolution, "接收孙喆为预备党员")
    _add_admission(qtbot, dialog, first, 4, 0)
    ui = dialog.ui
    # defaults: the full members expected and ticked present
    assert (ui.entitled.value(), ui.vote_present.value()) == (5, 4)
    assert ui.method.currentText() == "无记名投票"  # an admission is by secret ballot
    assert "超过半数，符合规定" in ui.quorumText.text()
    assert ui.resultText.text().endswith("，通过") and "1b5e20" in ui.resultText.styleSheet()
    _add_admission(qtbot, dialog, second, 2, 2)
    assert ui.resultText.text().endswith("未通过") and "c00000" in ui.resultText.styleSheet()
    assert ui.voteList.item(0).text() == "接收孙喆为预备党员：通过"
    assert ui.voteList.item(1).text() == "接收周堃为预备党员：未通过"

    with qtbot.waitSignal(dialog.saved) as saved:
        _save(qtbot, dialog)
    meeting_id = saved.args[0]
    assert not dialog.isVisible()
    development = DevelopmentService(services.db, today=TODAY)
    step15 = [r for r in development.records(first) if r.step == 15]
    assert len(step15) == 1 and step15[0].state == "pending"  # still needs its review
    assert step15[0].meeting_ref == f"会议记录第 {meeting_id} 号"
    assert step15[0].details["yes"] == 4 and step15[0].details["method"] == "无记名投票"
    assert not [r for r in development.records(second) if r.step == 15]
    detail = services.meetings.get(meeting_id)
    assert detail.current.data.absences == ((full[3], "出差"),)
    assert [r.passed for _i, r in detail.current.votes] == [True, False]


def test_lecture_without_speaker_is_refused_inline(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    dialog = _dialog(qtbot, services, clerk)
    assert not dialog.ui.speaker.isVisible()  # only a 党课 has a speaker
    combo_set_data(dialog.ui.kind, MeetingKind.PARTY_LECTURE.value)
    assert dialog.ui.speaker.isVisible() and dialog.ui.topic.isVisible()
    _fill_basics(qtbot, dialog, D(2026, 11, 20))
    type_text(qtbot, dialog.ui.topic, "学习党章")
    type_text(qtbot, dialog.ui.item_title, "党课")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.message("speaker") == "党课请填写授课人"
    assert dialog.ui.tabs.currentIndex() == 0 and dialog.ui.err_speaker.isVisible()
    assert "未保存" in dialog.errors.message("")
    assert services.meetings.search(MeetingFilter()) == []
    type_text(qtbot, dialog.ui.speaker, "张三")
    with qtbot.waitSignal(dialog.saved):
        _save(qtbot, dialog)
    [row] = services.meetings.search(MeetingFilter())
    assert row.kind is MeetingKind.PARTY_LECTURE and row.title == "学习党章"


def test_absence_needs_a_reason_and_a_thin_meeting_is_warned(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    dialog = _dialog(qtbot, services, clerk)
    _fill_basics(qtbot, dialog, D(2026, 11, 20))
    type_text(qtbot, dialog.ui.item_title, "学习")
    model = dialog.attendance
    for row in range(3):
        model.setData(model.index(row, PRESENT_COLUMN), Qt.CheckState.Unchecked.value,
                      Qt.ItemDataRole.CheckStateRole)
    assert "不足半数" in dialog.ui.quorumWarning.text()
    assert "表决均无效" in dialog.ui.meetingQuorum.text()
    dialog.add_vote()
    assert "未通过" in dialog.ui.resultText.text()
    _save(qtbot, dialog)
    assert "缺席人员的原因" in dialog.errors.message("absences")
    assert dialog.ui.tabs.currentIndex() == 1
    assert services.meetings.search(MeetingFilter()) == []


def test_group_meeting_lists_groups_and_their_members(
    qtbot, services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int]
) -> None:
    group = services.organisations.groups_of(branch_id)[0]
    add_member("张三", 13, group_id=group.id)
    add_member("李四", 15)
    dialog = _dialog(qtbot, services, clerk)
    combo_set_data(dialog.ui.kind, MeetingKind.GROUP_MEETING.value)
    assert dialog.ui.organisation_id.currentText() == "第一党支部 · 第一党小组"
    assert [a.name for a in dialog.attendance.attendees] == ["张三"]


def test_attachment_added_before_saving_is_stored_with_the_meeting(
    qtbot, services: Services, clerk: Actor, branch_id: int, full: list[int], tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, services, clerk, kind=MeetingKind.THEME_DAY)
    _fill_basics(qtbot, dialog, D(2026, 11, 20))
    type_text(qtbot, dialog.ui.item_title, "主题党日")
    text = tmp_path / "note.txt"
    text.write_text("not a scan")
    assert not dialog.add_attachment(text, "签到表")
    assert "PDF、JPG 或 PNG" in dialog.errors.message("file")
    scan = tmp_path / "sign-in.png"
    scan.write_bytes(PNG)
    assert dialog.add_attachment(scan, "签到表")
    with qtbot.waitSignal(dialog.saved) as saved:
        _save(qtbot, dialog)
    [info] = services.meetings.get(saved.args[0]).attachments
    assert info.title == "签到表" and services.meetings.attachment_bytes(info.id) == PNG


def test_attendance_model(qtmodeltester, services: Services, branch_id: int,
                          full: list[int]) -> None:
    model = AttendanceModel()
    model.set_attendees(
        services.meetings.expected_attendees(MeetingKind.GENERAL_MEETING, branch_id, TODAY)
    )
    model.setData(model.index(0, PRESENT_COLUMN), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, REASON_COLUMN), "病假")
    assert not model.setData(model.index(1, REASON_COLUMN), "病假")  # present: no reason
    qtmodeltester.check(model)

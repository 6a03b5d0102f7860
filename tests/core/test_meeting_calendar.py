import datetime as dt

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.meeting_rules import CellState, Frequency, MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingInput
from branchdesk.core.services import Services

D = dt.date


def _lecture(branch_id: int, day: dt.date, present: tuple[int, ...]) -> MeetingInput:
    return MeetingInput(MeetingKind.PARTY_LECTURE, branch_id, day, "14:00", "15:00", "会议室",
                        "张三", "李四", speaker="张三", topic="党章学习", present=present,
                        agenda=(AgendaItem("党课"),))


def test_grid_and_due_items_follow_the_held_meetings(
    services: Services, clerk: Actor, branch_id: int, add_member
) -> None:
    members = (add_member("张三", 13), add_member("李四", 15))
    services.meetings.record(clerk, _lecture(branch_id, D(2026, 2, 10), members))
    today = D(2026, 11, 26)
    grid = services.meeting_calendar.grid(branch_id, 2026, today)
    lecture = next(r for r in grid.rows if r.requirement.kind is MeetingKind.PARTY_LECTURE)
    assert [c.state for c in lecture.cells] == [
        CellState.HELD, CellState.MISSING, CellState.MISSING, CellState.DUE
    ]
    labels = [r.label for r in grid.rows]
    assert "党小组会（第一党小组）" in labels
    assert not any("委员会" in label for label in labels)  # this branch has no committee
    items = [i for i in services.todo.items(today) if i.kind == "meeting_due"]
    assert items and all(i.id_number is None and i.name is None for i in items)
    lecture_items = [i for i in items if "党课" in i.title and i.branch == "第一党支部"]
    assert [(i.due, i.overdue(today)) for i in lecture_items] == [
        (D(2026, 9, 30), True), (D(2026, 12, 31), False)
    ]


def test_party_lecture_frequency_is_a_local_setting(
    services: Services, admin: Actor, clerk: Actor
) -> None:
    calendar = services.meeting_calendar
    assert calendar.settings().frequency(MeetingKind.PARTY_LECTURE) is Frequency.QUARTERLY
    with pytest.raises(PermissionDenied):
        calendar.set_frequency(clerk, MeetingKind.PARTY_LECTURE, Frequency.MONTHLY)
    calendar.set_frequency(admin, MeetingKind.PARTY_LECTURE, Frequency.MONTHLY)
    assert calendar.settings().frequency(MeetingKind.PARTY_LECTURE) is Frequency.MONTHLY
    with pytest.raises(ValidationError, match="条例"):
        calendar.set_frequency(admin, MeetingKind.GENERAL_MEETING, Frequency.YEARLY)
    assert services.audit.verify().sound

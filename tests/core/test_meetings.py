import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from development_walk import WALK, people_for, record_and_pass

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import (
    ADMISSION,
    AgendaItem,
    MeetingFilter,
    MeetingInput,
    MeetingService,
    VoteInput,
    judge,
)
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage

D = dt.date
TODAY = D(2026, 11, 26)
MEETING_DAY = D(2025, 5, 10)


@pytest.fixture
def meetings(services: Services) -> MeetingService:
    return MeetingService(services.db, DevelopmentService(services.db, today=TODAY), TODAY)


@pytest.fixture
def full(add_member: Callable[..., int]) -> list[int]:
    names = "张三 李四 王五 赵六 钱七".split()
    return [add_member(name, 13 + 2 * i) for i, name in enumerate(names)]


def _candidate(services: Services, clerk: Actor, reviewer: Actor, branch_id: int, name: str,
               sequence: int, full: list[int]) -> int:
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


def _general_meeting(branch_id: int, present: list[int], absent: list[int],
                     agenda: tuple[AgendaItem, ...]) -> MeetingInput:
    return MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, MEETING_DAY, "14:30", "16:00", "支部会议室",
        "张三", "李四", present=tuple(present),
        absences=tuple((i, "出差") for i in absent), agenda=agenda,
        resolutions="同意接收",
    )


def test_admission_vote_for_two_candidates(
    services: Services, meetings: MeetingService, clerk: Actor, reviewer: Actor,
    branch_id: int, full: list[int],
) -> None:
    first = _candidate(services, clerk, reviewer, branch_id, "孙喆", 21, full)
    second = _candidate(services, clerk, reviewer, branch_id, "周堃", 23, full)
    agenda = (
        AgendaItem(
            "讨论接收预备党员", "与会党员充分讨论", "接收孙喆为预备党员",
            (
                VoteInput(entitled=5, present=4, yes=4, candidate_id=first, purpose=ADMISSION),
                VoteInput(entitled=5, present=4, yes=2, against=2, candidate_id=second,
                          purpose=ADMISSION),
            ),
        ),
    )
    meeting_id = meetings.record(clerk, _general_meeting(branch_id, full[:4], full[4:], agenda))
    development = DevelopmentService(services.db, today=TODAY)
    step15 = [r for r in development.records(first) if r.step == 15]
    assert len(step15) == 1 and step15[0].state == "pending"  # still needs its review
    assert step15[0].meeting_ref == f"会议记录第 {meeting_id} 号"
    assert step15[0].details["yes"] == 4
    assert not [r for r in development.records(second) if r.step == 15]
    detail = meetings.get(meeting_id)
    results = [result.passed for _index, result in detail.current.votes]
    assert results == [True, False]
    assert "未通过" in detail.current.votes[1][1].result_text


def test_meeting_without_quorum_passes_nothing(
    services: Services, meetings: MeetingService, clerk: Actor, reviewer: Actor,
    branch_id: int, full: list[int],
) -> None:
    candidate = _candidate(services, clerk, reviewer, branch_id, "孙喆", 21, full)
    agenda = (AgendaItem("讨论接收预备党员", votes=(
        VoteInput(entitled=5, present=3, yes=3, candidate_id=candidate, purpose=ADMISSION),
    )),)
    # the vote itself claims 3 of 5 present, but only 2 members signed in: no quorum
    meeting_id = meetings.record(clerk, _general_meeting(branch_id, full[:2], full[2:], agenda))
    detail = meetings.get(meeting_id)
    assert "不能作出决定" in detail.current.quorum_note
    assert not detail.current.votes[0][1].passed
    development = DevelopmentService(services.db, today=TODAY)
    assert not [r for r in development.records(candidate) if r.step == 15]


@pytest.mark.parametrize(
    ("entitled", "present", "yes", "passed"),
    [(10, 5, 5, False), (10, 6, 5, False), (10, 6, 6, True), (9, 5, 5, True), (0, 0, 0, False)],
)
def test_quorum_and_majority_at_exactly_half(
    entitled: int, present: int, yes: int, passed: bool
) -> None:
    assert judge(VoteInput(entitled=entitled, present=present, yes=yes)).passed is passed


def test_correction_is_a_new_version_and_the_old_stays(
    meetings: MeetingService, clerk: Actor, branch_id: int, full: list[int]
) -> None:
    data = _general_meeting(branch_id, full, [], (AgendaItem("学习党章"),))
    meeting_id = meetings.record(clerk, data)
    with pytest.raises(ValidationError, match="原因"):
        meetings.correct(clerk, meeting_id, data, " ")
    from dataclasses import replace

    fixed = replace(data, place="派出所会议室")
    assert meetings.correct(clerk, meeting_id, fixed, "地点记错") == 2
    detail = meetings.get(meeting_id)
    assert [v.data.place for v in detail.versions] == ["支部会议室", "派出所会议室"]
    assert detail.versions[1].correction_reason == "地点记错"


def test_bad_input_refused_in_chinese(
    services: Services, meetings: MeetingService, clerk: Actor, branch_id: int,
    full: list[int],
) -> None:
    no_reason = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, MEETING_DAY, "16:00", "15:00", "会议室", "张三",
        "李四", present=tuple(full[:4]), absences=((full[4], " "),),
        agenda=(AgendaItem("学习"),),
    )
    with pytest.raises(ValidationError) as refused:
        meetings.record(clerk, no_reason)
    assert "结束时间" in refused.value.errors["end_time"]
    assert "原因" in refused.value.errors["absences"]
    lecture = MeetingInput(MeetingKind.PARTY_LECTURE, branch_id, TODAY + dt.timedelta(1),
                           place="会议室", host="张三", recorder="李四",
                           present=tuple(full), agenda=(AgendaItem("党课"),))
    with pytest.raises(ValidationError) as refused:
        meetings.record(clerk, lecture)
    assert {"date", "speaker", "topic"} <= set(refused.value.errors)
    committee = MeetingInput(MeetingKind.COMMITTEE_MEETING, branch_id, MEETING_DAY,
                             place="会议室", host="张三", recorder="李四",
                             agenda=(AgendaItem("研究工作"),))
    with pytest.raises(ValidationError, match="没有在任的支部委员会"):
        meetings.record(clerk, committee)
    assert meetings.search(MeetingFilter()) == []


def test_search_and_attachments(
    meetings: MeetingService, clerk: Actor, branch_id: int, full: list[int], tmp_path: Path
) -> None:
    lecture = MeetingInput(MeetingKind.PARTY_LECTURE, branch_id, D(2026, 3, 12), "14:00",
                           "15:30", "会议室", "张三", "李四", speaker="张三",
                           topic="学习新修订的发展党员工作细则", present=tuple(full),
                           agenda=(AgendaItem("专题党课"),))
    meeting_id = meetings.record(clerk, lecture)
    meetings.record(clerk, _general_meeting(branch_id, full, [], (AgendaItem("学习党章"),)))
    found = meetings.search(MeetingFilter(text="细则"))
    assert [(m.id, m.kind, m.title) for m in found] == [
        (meeting_id, MeetingKind.PARTY_LECTURE, "学习新修订的发展党员工作细则")
    ]
    assert len(meetings.search(MeetingFilter(kind=MeetingKind.GENERAL_MEETING))) == 1
    assert len(meetings.search(MeetingFilter(start=D(2026, 1, 1)))) == 1
    scan = tmp_path / "签到表.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    attachment = meetings.attach(clerk, meeting_id, scan, "签到表")
    assert meetings.attachment_bytes(attachment) == scan.read_bytes()
    assert meetings.get(meeting_id).attachments[0].title == "签到表"
    held = meetings.held(branch_id, D(2026, 1, 1), D(2026, 12, 31))
    assert held == {("party_lecture", None): [D(2026, 3, 12)]}


def test_minutes_are_kept_as_written_when_the_roster_changes(
    services: Services, meetings: MeetingService, clerk: Actor, branch_id: int,
    full: list[int],
) -> None:
    from branchdesk.core.vocab import Status

    data = _general_meeting(branch_id, full[:4], full[4:], (AgendaItem("学习党章"),))
    meeting_id = meetings.record(clerk, data)
    services.members.change_status(clerk, full[4], Status.DECEASED, TODAY, "病故")
    detail = meetings.get(meeting_id)
    assert [a.name for a in detail.current.expected] == ["李四", "钱七", "王五", "张三", "赵六"]
    assert detail.current.names[full[4]] == "钱七"

"""Checking many files at once reads them in batches: the results are those of one at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from development_walk import WALK, people_for, record_and_pass

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import ADMISSION, AgendaItem, MeetingInput, MeetingService, VoteInput
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.precheck import FilePrecheckService, MeetingVote, loader, service
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage

D = dt.date
TODAY = D(2026, 11, 26)


def _walk(services: Services, clerk: Actor, reviewer: Actor, branch_id: int, name: str,
          sequence: int, sponsors: list[int], last: int) -> int:
    """An applicant walked through the program up to step ``last`` (each step reviewed)."""
    member = services.members.create(
        clerk,
        MemberInput(name=name, id_number=make_id_number("110105", D(2000, 1, 1), sequence),
                    branch_id=branch_id, stage=Stage.APPLICANT),
    )
    development = DevelopmentService(services.db, today=TODAY)
    seen_six = False
    for step, day, details in WALK:
        if step > last:
            break
        if step == 6 and seen_six:
            continue
        seen_six = seen_six or step == 6
        record_and_pass(development, clerk, reviewer, member, step, day, details,
                        people_for(step, sponsors))
    return member


@pytest.fixture
def files(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> list[int]:
    """Five files of one branch, unlike each other: sponsors full or not yet on the step's
    date, two candidates voted on in the same minutes, a returned and corrected record, a
    pending one, materials on file, and a file in another branch that is not checked."""
    full = [add_member(name, 13 + 2 * i) for i, name in enumerate("张三 李四 王五 赵六".split())]
    late = add_member("周八", 31, join_date=D(2024, 6, 1), full_member_date=D(2025, 6, 1))
    first = _walk(services, clerk, reviewer, branch_id, "孙喆", 21, full, 14)
    second = _walk(services, clerk, reviewer, branch_id, "钱堃", 23, [full[1], late], 14)
    third = _walk(services, clerk, reviewer, branch_id, "吴玥", 25, full, 9)
    fourth = _walk(services, clerk, reviewer, branch_id, "郑昇", 27, full, 1)
    development = DevelopmentService(services.db, today=TODAY)
    talk = development.record(clerk, fourth, StepInput(2, D(2024, 1, 20), content="谈话"))
    development.review(reviewer, talk, False, "谈话人未填写")
    development.correct(clerk, talk, StepInput(
        2, D(2024, 1, 20), content="谈话",
        details={"talker": "王书记", "talker_post": "支部书记", "place": "支部办公室",
                 "content": "了解入党动机"},
    ))
    services.materials.add_paper(clerk, second, "入党申请书", "入党申请书", "档案柜第 3 盒")
    services.materials.add_paper(clerk, third, "谈话记录", "谈话记录", "档案柜第 3 盒")

    votes = tuple(VoteInput(entitled=5, present=5, yes=5, candidate_id=c, purpose=ADMISSION)
                  for c in (first, second))
    data = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, D(2025, 5, 10), "14:30", "16:00", "支部会议室",
        "张三", "李四", present=(*full, late),
        agenda=(AgendaItem("讨论接收预备党员", "与会党员充分讨论", "同意接收", votes),),
    )
    MeetingService(services.db, development, TODAY).record(clerk, data)
    elsewhere = services.organisations.find_by_name("第二党支部")
    assert elsewhere is not None
    _walk(services, clerk, reviewer, elsewhere.id, "冯燚", 29, full, 3)
    return [first, second, third, fourth]


@pytest.mark.parametrize("chunk", [1000, 3, 1])
def test_a_branch_checked_at_once_equals_its_members_checked_one_by_one(
    services: Services, branch_id: int, files: list[int], chunk: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader, "CHUNK", chunk)
    monkeypatch.setattr(service, "CHUNK", chunk)
    precheck = FilePrecheckService(services.db, today=TODAY)
    together = precheck.check_branch(branch_id)
    in_order = list(dict.fromkeys(p.member_id for p in together))
    assert sorted(in_order) == sorted(files)  # every file has something to say
    one_by_one = [p for member in in_order for p in precheck.check_member(member)]
    assert together == one_by_one
    assert precheck.check_files("第一党支部") == together
    everywhere = precheck.check_files()
    assert everywhere[:len(together)] == together and len(everywhere) > len(together)
    # what makes the files differ reached the check
    messages = "\n".join(p.message for p in together)
    assert "入党介绍人周八在 2025年3月25日 为预备党员" in messages
    assert any(p.step == 15 and p.member_id == files[0] for p in together)


def test_the_facts_read_in_batches_equal_those_read_one_by_one(
    services: Services, files: list[int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[int, int, int]] = []

    def read_meeting(meeting_id: int, member_id: int, step: int) -> MeetingVote:
        asked.append((meeting_id, member_id, step))
        return MeetingVote(meeting_id, True, yes=member_id)

    with services.db.read() as s:
        single = [loader.load_file(s, member, read_meeting) for member in files]
        monkeypatch.setattr(loader, "CHUNK", 2)
        batched = loader.load_files(s, files, read_meeting)
    assert batched == single
    by_member = {f.member_id: f for f in batched}
    linked = [r.vote for f in batched for r in f.records if r.vote is not None]
    assert {v.yes for v in linked} == set(files[:2])  # each vote asked of its own member
    assert len({meeting for meeting, _m, _s in asked}) == 1  # both in the same minutes
    assert by_member[files[1]].materials == frozenset({"入党申请书"})
    corrected = [r for r in by_member[files[3]].records if r.step == 2]
    assert [(r.version, r.state) for r in corrected] == [(1, "superseded"), (2, "pending")]
    assert [len(r.reviews) for r in corrected] == [1, 0]

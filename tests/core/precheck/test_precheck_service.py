"""The 档案预审 service on a real database file: files walked through the program."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from development_walk import WALK, people_for, record_and_pass
from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import ADMISSION, AgendaItem, MeetingInput, MeetingService, VoteInput
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.precheck import FilePrecheckService, ProblemSeverity
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.storage.models import StepRecord

D = dt.date
TODAY = D(2026, 11, 26)
MEETING_DAY = D(2025, 5, 10)


@pytest.fixture
def full(add_member: Callable[..., int]) -> list[int]:
    names = "张三 李四 王五 赵六 钱七".split()
    return [add_member(name, 13 + 2 * i) for i, name in enumerate(names)]


def _candidate(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
               sponsors: list[int], sequence: int = 21, last: int = 14) -> int:
    """An applicant walked through the program up to step ``last`` (each step reviewed)."""
    member = services.members.create(
        clerk,
        MemberInput(name="孙喆", id_number=make_id_number("110105", D(2000, 1, 1), sequence),
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


def _admission_meeting(services: Services, clerk: Actor, branch_id: int, full: list[int],
                       candidate: int) -> int:
    vote = VoteInput(entitled=5, present=4, yes=4, candidate_id=candidate, purpose=ADMISSION)
    data = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, MEETING_DAY, "14:30", "16:00", "支部会议室",
        "张三", "李四", present=tuple(full[:4]), absences=((full[4], "出差"),),
        agenda=(AgendaItem("讨论接收预备党员", "与会党员充分讨论", "同意接收", (vote,)),),
    )
    meetings = MeetingService(services.db, DevelopmentService(services.db, today=TODAY), TODAY)
    return meetings.record(clerk, data)


def test_a_file_with_its_admission_minutes_and_an_edit_outside_the_program(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int, full: list[int],
) -> None:
    candidate = _candidate(services, clerk, reviewer, branch_id, full)
    meeting_id = _admission_meeting(services, clerk, branch_id, full, candidate)
    precheck = services.precheck
    problems = precheck.check_member(candidate)
    assert not [p for p in problems if p.is_error]
    (waiting,) = [p for p in problems if p.step == 15]
    assert waiting.severity is ProblemSeverity.WARNING and "待审核" in waiting.message
    assert {p.step for p in problems} <= {1, 2, 3, 6, 7, 8, 10, 11, 14, 15}  # materials
    assert all("档案中还没有" in p.message for p in problems if p.step != 15)

    development = DevelopmentService(services.db, today=TODAY)
    (step15,) = [r for r in development.records(candidate) if r.step == 15]
    development.review(reviewer, step15.id, True, "同意")
    (linked,) = [r for r in precheck.facts(candidate).records if r.step == 15]
    assert linked.vote is not None and linked.vote.found and linked.vote.meeting_id == meeting_id
    assert (linked.vote.entitled, linked.vote.present, linked.vote.yes) == (5, 4, 4)
    after = [p for p in precheck.check_member(candidate) if p.step == 15]
    assert [p.message for p in after] == ["本步已完成，档案中还没有「支部大会记录」：请上传扫描件或"
                                          "登记纸质原件的存放位置"]

    # the figures changed by a program other than BranchDesk: the minutes say otherwise
    with services.db.write("clerk", "数据库外部修改（测试）") as s:
        record = s.scalar(select(StepRecord).where(StepRecord.id == step15.id))
        assert record is not None
        details = json.loads(record.details)
        record.details = json.dumps(details | {"present": 5, "yes": 5}, ensure_ascii=False)
    (problem,) = [p for p in precheck.check_member(candidate) if p.step == 15 and p.is_error]
    assert problem.severity is ProblemSeverity.ERROR and problem.record_id == step15.id
    assert f"与会议记录第 {meeting_id} 号不一致" in problem.message
    assert "实到会有表决权人数本步为5、会议记录为4" in problem.message


def test_a_sponsor_who_was_still_probationary_on_the_step_date(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    # full now (so the program let them be named), but only from 2025-06-01: step 9 is earlier
    late = add_member("周八", 31, join_date=D(2024, 6, 1), full_member_date=D(2025, 6, 1))
    early = add_member("吴九", 33)
    candidate = _candidate(services, clerk, reviewer, branch_id, [early, late], last=10)
    errors = [p for p in services.precheck.check_member(candidate) if p.is_error]
    (problem,) = errors
    assert problem.step == 9 and problem.step_name == "确定入党介绍人"
    assert "入党介绍人周八在 2025年3月25日 为预备党员" in problem.message
    assert problem.rule == "《中国共产党发展党员工作细则》第十四条"


def test_branch_and_member_selection_and_bad_input(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int, full: list[int],
) -> None:
    candidate = _candidate(services, clerk, reviewer, branch_id, full, last=2)
    precheck = FilePrecheckService(services.db, today=TODAY)
    in_branch = precheck.check_branch(branch_id)
    assert in_branch and {p.member_id for p in in_branch} == {candidate}
    assert [p.step for p in in_branch] == sorted(p.step for p in in_branch)
    assert precheck.check_files("第一党支部") == in_branch
    assert precheck.check_files() == in_branch
    assert precheck.check_files("第二党支部") == []
    number = make_id_number("110105", D(2000, 1, 1), 21)
    assert precheck.check_files(id_number=number) == in_branch
    assert precheck.check_files("第一党支部", number) == in_branch

    with pytest.raises(NotFound, match="没有名为“第九党支部”的党支部。现有：第一党支部、第二"):
        precheck.check_files("第九党支部")
    with pytest.raises(ValidationError, match="公民身份号码有误"):
        precheck.check_files(id_number="12345")
    with pytest.raises(NotFound, match="没有公民身份号码为"):
        precheck.check_files(id_number=make_id_number("110105", D(1990, 1, 1), 99))
    without_file = make_id_number("110105", D(1980, 5, 1), 13)  # 张三, a full member
    with pytest.raises(ValidationError, match="张三.*没有发展党员档案"):
        precheck.check_files(id_number=without_file)
    with pytest.raises(ValidationError, match="不在第二党支部"):
        precheck.check_files("第二党支部", number)

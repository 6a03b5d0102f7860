import datetime as dt
from collections.abc import Callable

import pytest
from development_walk import WALK
from development_walk import people_for as _people
from development_walk import record_and_pass as _record_and_pass

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.materials import MATERIAL_CATEGORIES, MaterialService
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage

D = dt.date
TODAY = D(2026, 11, 26)

@pytest.fixture
def development(services: Services) -> DevelopmentService:
    return DevelopmentService(services.db, today=TODAY)


@pytest.fixture
def applicant(services: Services, clerk: Actor, branch_id: int) -> int:
    return services.members.create(
        clerk,
        MemberInput(
            name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
            branch_id=branch_id, stage=Stage.APPLICANT,
        ),
    )


def test_walk_through_all_25_steps(
    services: Services, development: DevelopmentService, clerk: Actor, reviewer: Actor,
    applicant: int, add_member: Callable[..., int],
) -> None:
    full = [add_member("张三", 13), add_member("李四", 15)]
    materials = MaterialService(services.db)
    for category in MATERIAL_CATEGORIES[:-1]:
        materials.add_paper(clerk, applicant, category, category, "档案柜第 1 盒")
    stages = {}
    for step, day, details in WALK:
        _record_and_pass(development, clerk, reviewer, applicant, step, day, details,
                         _people(step, full))
        stages[step] = services.members.get(applicant).data.stage
    assert stages[2] is Stage.APPLICANT and stages[3] is Stage.ACTIVIST
    assert stages[7] is Stage.ACTIVIST  # a 发展对象 only once step 8 is done
    assert stages[8] is Stage.CANDIDATE and stages[16] is Stage.CANDIDATE
    assert stages[17] is Stage.PROBATIONARY and stages[24] is Stage.FULL
    data = services.members.get(applicant).data
    assert data.join_date == D(2025, 5, 10)  # 入党时间: the branch meeting (step 15)
    assert data.full_member_date == D(2026, 5, 10)  # 转正时间: the end of the probation
    records = development.records(applicant)
    assert sorted({r.step for r in records}) == list(range(1, 26))
    assert all(r.state == "passed" for r in records)
    assert development.file_number(applicant) == "FZ2024-0001"
    assert services.audit.verify().sound


def test_next_step_waits_for_review(
    development: DevelopmentService, clerk: Actor, applicant: int
) -> None:
    development.record(clerk, applicant, StepInput(1, D(2026, 10, 8)))
    with pytest.raises(ValidationError, match="审核"):
        development.record(clerk, applicant, StepInput(2, D(2026, 10, 20)))


def test_early_candidate_refused_with_article_and_date(
    development: DevelopmentService, clerk: Actor, reviewer: Actor, applicant: int,
    add_member: Callable[..., int],
) -> None:
    full = [add_member("张三", 13)]
    for step, day, details in WALK[:7]:
        _record_and_pass(development, clerk, reviewer, applicant, step, day, details,
                         _people(step, full))
    with pytest.raises(ValidationError) as refused:
        development.record(clerk, applicant, StepInput(7, D(2025, 2, 28)))
    message = refused.value.errors["step"]
    assert "确定为发展对象须在确定为入党积极分子一年以后" in message
    assert "第十三条" in message and "2025年3月1日" in message


def test_returned_step_is_corrected_and_history_kept(
    development: DevelopmentService, clerk: Actor, reviewer: Actor, applicant: int
) -> None:
    first = development.record(clerk, applicant, StepInput(1, D(2026, 10, 8), "申请书"))
    with pytest.raises(ValidationError, match="更正"):
        development.review(reviewer, first, False, " ")
    development.review(reviewer, first, False, "申请日期与申请书不符，请核对")
    with pytest.raises(ValidationError, match="退回"):
        development.record(clerk, applicant, StepInput(1, D(2026, 10, 9)))
    second = development.correct(clerk, first, StepInput(1, D(2026, 10, 9), "申请书（更正）"))
    development.review(reviewer, second, True, "")
    versions = [(r.version, r.state, r.date) for r in development.records(applicant)]
    assert versions == [(1, "superseded", D(2026, 10, 8)), (2, "passed", D(2026, 10, 9))]


def test_nobody_reviews_their_own_record(
    services: Services, development: DevelopmentService, clerk: Actor, reviewer: Actor,
    applicant: int,
) -> None:
    record = development.record(clerk, applicant, StepInput(1, D(2026, 10, 8)))
    with pytest.raises(PermissionDenied):
        development.review(clerk, record, True, "")
    with pytest.raises(ValidationError, match="录入人"):
        development.enter_paper_review(clerk, record, True, "", "李录入", "组织委员", TODAY)
    development.enter_paper_review(clerk, record, True, "同意", "王书记", "支部书记", TODAY)
    (info,) = development.records(applicant)
    assert info.state == "passed" and info.reviews[0].on_paper


def test_late_approval_needs_a_reason(
    development: DevelopmentService, clerk: Actor, reviewer: Actor, applicant: int,
    add_member: Callable[..., int],
) -> None:
    full = [add_member("张三", 13), add_member("李四", 15)]
    for step, day, details in WALK[:17]:  # up to step 16
        _record_and_pass(development, clerk, reviewer, applicant, step, day, details,
                         _people(step, full))
    late = StepInput(17, D(2025, 9, 1))
    with pytest.raises(ValidationError, match="逾期"):
        development.record(clerk, applicant, late)
    record = development.record(
        clerk, applicant,
        StepInput(17, D(2025, 9, 1), exception_reason="党委会议因防汛推迟"),
    )
    assert development.records(applicant)[-1].exception_reason == "党委会议因防汛推迟"
    assert record


def test_due_items_for_the_todo_list(
    services: Services, development: DevelopmentService, clerk: Actor, applicant: int
) -> None:
    from branchdesk.core.development import DevelopmentDueProvider

    record = development.record(clerk, applicant, StepInput(1, D(2026, 10, 8)))
    development.enter_paper_review(clerk, record, True, "", "王书记", "支部书记", D(2026, 10, 9))
    items = list(DevelopmentDueProvider(services.db).due_items(TODAY))
    assert [(i.kind, i.name, i.overdue(TODAY)) for i in items] == [
        ("application_talk", "王堃", True)
    ]


def _walk_to(development: DevelopmentService, clerk: Actor, reviewer: Actor, member: int,
             full: list[int], last_step: int) -> None:
    for step, day, details in WALK:
        if step <= last_step:
            _record_and_pass(development, clerk, reviewer, member, step, day, details,
                             _people(step, full))


VOTES = {"entitled": 10, "present": 9, "yes": 9, "against": 0, "abstain": 0,
         "method": "无记名投票"}


def test_probation_extended_once_then_converted(
    services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    add_member: Callable[..., int],
) -> None:
    development = DevelopmentService(services.db, today=D(2027, 6, 30))
    full = [add_member("张三", 13), add_member("李四", 15)]
    _walk_to(development, clerk, reviewer, applicant, full, 22)
    extend = {"outcome": "延长预备期", "extension_months": 6, **VOTES}
    _record_and_pass(development, clerk, reviewer, applicant, 23, D(2026, 5, 12), extend, [])
    _record_and_pass(development, clerk, reviewer, applicant, 24, D(2026, 6, 1), {}, [])
    assert services.members.get(applicant).data.stage is Stage.PROBATIONARY
    with pytest.raises(ValidationError):  # not before the extended probation ends
        development.record(clerk, applicant, StepInput(
            23, D(2026, 11, 1), details={"outcome": "按期转正", **VOTES}))
    convert = {"outcome": "按期转正", **VOTES}
    _record_and_pass(development, clerk, reviewer, applicant, 23, D(2026, 11, 12), convert, [])
    _record_and_pass(development, clerk, reviewer, applicant, 24, D(2026, 12, 1), {}, [])
    data = services.members.get(applicant).data
    assert data.stage is Stage.FULL
    assert data.full_member_date == D(2026, 11, 10)  # one year and six months after joining


def test_probation_cancelled(
    services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    add_member: Callable[..., int],
) -> None:
    from branchdesk.core.vocab import Status

    development = DevelopmentService(services.db, today=TODAY)
    full = [add_member("张三", 13), add_member("李四", 15)]
    _walk_to(development, clerk, reviewer, applicant, full, 22)
    cancel = {"outcome": "取消预备党员资格", **VOTES}
    _record_and_pass(development, clerk, reviewer, applicant, 23, D(2026, 5, 12), cancel, [])
    assert services.members.get(applicant).status is Status.NORMAL  # until approved
    _record_and_pass(development, clerk, reviewer, applicant, 24, D(2026, 6, 1), {}, [])
    detail = services.members.get(applicant)
    assert detail.status is Status.EXPELLED
    assert any(e.to_value == "expelled" and "第 24 步" in e.reason for e in detail.events)

"""A 流动人员 becomes 发展对象 only after notices at work and at home, recorded and reviewed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from development_walk import WALK, people_for, record_and_pass

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage

D = dt.date
TODAY = D(2026, 11, 26)
WORK_NOTICE = {
    "approval_date": D(2026, 6, 1),
    "publicity_start": D(2026, 6, 2),
    "publicity_end": D(2026, 6, 8),  # Tue 2 – Mon 8 June: five working days
    "publicity_result": "无异议",
}
HOME_NOTICE = {"home_publicity_start": D(2026, 6, 2), "home_publicity_end": D(2026, 6, 8)}


@pytest.fixture
def candidate(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> tuple[DevelopmentService, int, list[int]]:
    """A 流动人员 whose steps 1–7 passed (2024–2025), waiting for step 8 in June 2026."""
    member = services.members.create(clerk, MemberInput(
        name="欧阳娜", id_number=make_id_number("110105", D(2000, 5, 4), 22),
        branch_id=branch_id, stage=Stage.APPLICANT, mobile=True,
        mobile_destination="上海市浦东新区",
    ))
    full = [add_member("张三", 13), add_member("李四", 15)]
    development = DevelopmentService(services.db, today=TODAY)
    for step, day, details in WALK:
        if step >= 8:
            break
        record_and_pass(development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))
    return development, member, full


def test_one_notice_is_refused_for_a_mobile_person(
    candidate: tuple[DevelopmentService, int, list[int]], clerk: Actor,
) -> None:
    development, member, _ = candidate
    with pytest.raises(ValidationError) as refused:
        development.record(clerk, member, StepInput(8, D(2026, 6, 9), details=WORK_NOTICE))
    assert "居住地公示" in str(refused.value) and "两处公示均须记录" in str(refused.value)
    assert development.history(member).passed.keys() == set(range(1, 8))


def test_two_notices_make_a_candidate_once_reviewed_and_nothing_follows_inside_them(
    candidate: tuple[DevelopmentService, int, list[int]], services: Services, clerk: Actor,
    reviewer: Actor,
) -> None:
    development, member, full = candidate
    assert services.members.get(member).data.stage is Stage.ACTIVIST  # step 7 alone is not enough
    record_and_pass(development, clerk, reviewer, member, 8, D(2026, 6, 8),
                    WORK_NOTICE | HOME_NOTICE, [])
    assert services.members.get(member).data.stage is Stage.CANDIDATE
    with pytest.raises(ValidationError, match="公示期内不能进行后续步骤"):
        development.record(clerk, member, StepInput(9, D(2026, 6, 8),
                                                    people=people_for(9, full)))
    development.record(clerk, member, StepInput(9, D(2026, 6, 9), people=people_for(9, full)))

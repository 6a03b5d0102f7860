"""One applicant's valid way through the 25 steps, shared by the development tests."""

import datetime as dt
from typing import Any

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService, StepInput

D = dt.date

#: one applicant's way through the 25 steps: (step, date, details, people roles)
WALK: list[tuple[int, dt.date, dict[str, Any]]] = [
    (1, D(2024, 1, 10), {}),
    (
        2,
        D(2024, 1, 20),
        {
            "talker": "王书记",
            "talker_post": "支部书记",
            "place": "支部办公室",
            "content": "了解入党动机",
        },
    ),
    (3, D(2024, 3, 1), {"recommend_method": "党员推荐"}),
    (4, D(2024, 3, 5), {}),
    (5, D(2024, 3, 6), {}),
    (6, D(2024, 9, 1), {"period_start": D(2024, 3, 1), "period_end": D(2024, 8, 31)}),
    (6, D(2025, 3, 1), {"period_start": D(2024, 9, 1), "period_end": D(2025, 2, 28)}),
    (7, D(2025, 3, 5), {}),
    (
        8,
        D(2025, 3, 20),
        {
            "approval_date": D(2025, 3, 14),
            "publicity_start": D(2025, 3, 17),
            "publicity_end": D(2025, 3, 21),
        },
    ),
    (9, D(2025, 3, 25), {}),
    (10, D(2025, 4, 1), {"conclusion": "政治审查合格"}),
    (11, D(2025, 4, 10), {"start": D(2025, 4, 7), "end": D(2025, 4, 9), "hours": 24}),
    (12, D(2025, 4, 15), {}),
    (13, D(2025, 4, 20), {}),
    (14, D(2025, 4, 25), {}),
    (
        15,
        D(2025, 5, 10),
        {
            "entitled": 10,
            "present": 8,
            "yes": 8,
            "against": 0,
            "abstain": 0,
            "method": "无记名投票",
        },
    ),
    (16, D(2025, 5, 20), {"talker": "李委员", "talker_post": "党委委员"}),
    (17, D(2025, 6, 1), {}),
    (18, D(2025, 6, 5), {}),
    (19, D(2025, 6, 6), {}),
    (20, D(2025, 6, 10), {}),
    (21, D(2025, 11, 10), {"period_start": D(2025, 5, 10), "period_end": D(2025, 11, 9)}),
    (22, D(2026, 4, 20), {}),
    (
        23,
        D(2026, 5, 12),
        {
            "outcome": "按期转正",
            "entitled": 10,
            "present": 9,
            "yes": 9,
            "against": 0,
            "abstain": 0,
            "method": "无记名投票",
        },
    ),
    (24, D(2026, 6, 1), {}),
    (25, D(2026, 6, 10), {}),
]


def people_for(step: int, full_members: list[int]) -> list[tuple[int, str]]:
    if step == 5:
        return [(full_members[0], "民警")]
    if step == 9:
        return [(full_members[0], "民警"), (full_members[1], "科长")]
    return []


def record_and_pass(
    development: DevelopmentService,
    clerk: Actor,
    reviewer: Actor,
    member: int,
    step: int,
    day: dt.date,
    details: dict[str, Any],
    people: list[tuple[int, str]],
) -> int:
    record = development.record(
        clerk,
        member,
        StepInput(
            step,
            day,
            content=f"第 {step} 步",
            details=details,
            people=people,
            serial_number="2025000123" if step == 14 else "",
        ),
    )
    development.review(reviewer, record, True, "同意")
    return record

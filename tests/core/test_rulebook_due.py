"""What is due for a member on a date: each kind at its boundaries, by the rulebook in force."""

import datetime as dt

import pytest

from branchdesk.core.rulebook import CANCEL, EXTEND, ON_TIME, Due, StepHistory, due_actions

D = dt.date
T = "《中国共产党发展党员工作细则》"


def file(steps: dict[int, dt.date], **extra: object) -> StepHistory:
    return StepHistory(passed=steps, birth_date=D(1990, 1, 1), **extra)  # type: ignore[arg-type]


def upto(n: int, day: dt.date, **later: dt.date) -> dict[int, dt.date]:
    """Steps 1..n passed on ``day``, with ``s15=...`` style changes."""
    steps = {k: day for k in range(1, n + 1)}
    steps.update({int(key[1:]): value for key, value in later.items()})
    return steps


def of_kind(history: StepHistory, today: dt.date, kind: str) -> list[Due]:
    return [d for d in due_actions(history, today) if d.kind == kind]


def test_nothing_is_due_for_an_empty_or_finished_file() -> None:
    assert due_actions(StepHistory(), D(2026, 6, 1)) == []
    finished = file(upto(25, D(2024, 1, 1)), conversion_outcome=ON_TIME)
    assert due_actions(finished, D(2026, 6, 1)) == []


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(D(2026, 2, 1), False), (D(2026, 2, 28), False), (D(2026, 3, 1), True)],
)
def test_application_talk_one_month_after_31_january(today: dt.date, overdue: bool) -> None:
    history = file({1: D(2026, 1, 31)})
    rule_text = "党组织应当在收到入党申请书后一个月内派人同入党申请人谈话"
    tail = "期限为 2026年2月28日，已逾期" if overdue else "请于 2026年2月28日 前完成"
    assert due_actions(history, today) == [
        Due(
            "application_talk",
            D(2026, 2, 28),
            overdue,
            T + "第七条",
            f"{rule_text}（{T}第七条），{tail}",
            2,
        )
    ]


def test_no_talk_due_once_it_passed_or_for_an_imported_later_file() -> None:
    assert (
        of_kind(file({1: D(2026, 1, 31), 2: D(2026, 2, 5)}), D(2026, 3, 5), "application_talk")
        == []
    )
    imported = file({1: D(2020, 1, 1), 24: D(2022, 1, 1)}, conversion_outcome=ON_TIME)
    assert due_actions(imported, D(2026, 3, 5)) == []


@pytest.mark.parametrize(
    ("today", "listed", "overdue"),
    [
        (D(2025, 8, 30), False, False),
        (D(2025, 8, 31), True, False),  # listed from 30 days before it is due
        (D(2025, 9, 30), True, False),
        (D(2025, 10, 1), True, True),
    ],
)
def test_activist_review_every_six_months(today: dt.date, listed: bool, overdue: bool) -> None:
    history = file(upto(5, D(2025, 3, 31)))
    items = of_kind(history, today, "activist_review")
    assert [(d.due, d.overdue) for d in items] == ([(D(2025, 9, 30), overdue)] if listed else [])
    if overdue:
        assert items[0].message == (
            f"党支部每半年对入党积极分子进行一次考察（{T}第十一条），"
            "自 2025年3月31日 起已超过6个月未考察（期限为 2025年9月30日），已逾期"
        )


def test_activist_review_counts_from_the_last_review_and_ends_with_the_stage() -> None:
    reviewed = file({**upto(5, D(2025, 3, 31)), 6: D(2025, 9, 15)})
    assert [d.due for d in of_kind(reviewed, D(2026, 3, 1), "activist_review")] == [D(2026, 3, 15)]
    candidate = file({**upto(6, D(2025, 3, 31)), 7: D(2026, 4, 1)})
    assert of_kind(candidate, D(2026, 12, 1), "activist_review") == []


@pytest.mark.parametrize(
    ("activist", "today", "eligible_from"),
    [
        (D(2025, 3, 2), D(2026, 3, 1), None),
        (D(2025, 3, 2), D(2026, 3, 2), D(2026, 3, 2)),
        (D(2024, 2, 29), D(2025, 2, 27), None),
        (D(2024, 2, 29), D(2025, 2, 28), D(2025, 2, 28)),
    ],
)
def test_candidate_eligible_after_exactly_one_year(
    activist: dt.date, today: dt.date, eligible_from: dt.date | None
) -> None:
    history = file({**upto(5, activist), 6: activist})
    items = of_kind(history, today, "candidate_eligible")
    assert [(d.due, d.overdue) for d in items] == (
        [(eligible_from, False)] if eligible_from else []
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 5, 10), []),  # the 2014 rulebook sets no limit
        # not retroactive: the month runs from 2026-05-11, not from the pre-review of 04-20
        (D(2026, 5, 11), [(D(2026, 6, 11), False)]),
        (D(2026, 6, 11), [(D(2026, 6, 11), False)]),
        (D(2026, 6, 12), [(D(2026, 6, 11), True)]),
    ],
)
def test_admission_meeting_due_under_the_2026_revision(
    today: dt.date, expected: list[tuple[dt.date, bool]]
) -> None:
    history = file(upto(14, D(2026, 4, 20)))
    items = of_kind(history, today, "admission_meeting_due")
    assert [(d.due, d.overdue) for d in items] == expected
    if items:
        assert items[0].rule == T + "第十九条"
    held = file({**upto(14, D(2026, 4, 20)), 15: D(2026, 5, 12)})
    assert of_kind(held, today, "admission_meeting_due") == []


@pytest.mark.parametrize(
    ("today", "listed"), [(D(2026, 4, 30), False), (D(2026, 5, 1), True), (D(2026, 8, 1), True)]
)
def test_admission_approval_overdue_after_three_months(today: dt.date, listed: bool) -> None:
    history = file(upto(16, D(2026, 1, 31)))
    items = of_kind(history, today, "approval_overdue")
    assert [(d.due, d.overdue, d.step) for d in items] == (
        [(D(2026, 4, 30), True, 17)] if listed else []
    )
    if listed:
        article = "第二十六条" if today < D(2026, 5, 11) else "第二十五条"
        assert items[0].message == (
            f"上级党委应当在支部大会通过后三个月内审批，特殊情况不得超过六个月（{T}{article}），"
            "期限为 2026年4月30日，已逾期，最迟不得超过 2026年7月31日"
        )


@pytest.mark.parametrize(
    ("today", "listed", "article"),
    [
        (D(2026, 2, 28), False, ""),
        (D(2026, 3, 1), True, "第三十四条"),
        (D(2026, 5, 11), True, "第三十三条"),
    ],
)
def test_conversion_approval_overdue(today: dt.date, listed: bool, article: str) -> None:
    history = file(upto(23, D(2025, 11, 30)), conversion_outcome=ON_TIME)
    items = of_kind(history, today, "approval_overdue")
    assert [(d.due, d.step, d.rule) for d in items] == (
        [(D(2026, 2, 28), 24, T + article)] if listed else []
    )


@pytest.mark.parametrize(
    ("approved", "today", "expected"),
    [
        (D(2026, 5, 31), D(2026, 6, 1), [(D(2026, 6, 30), False)]),
        (D(2026, 5, 31), D(2026, 7, 1), [(D(2026, 7, 1) - dt.timedelta(days=1), True)]),
        (D(2026, 3, 31), D(2026, 5, 10), []),  # 2014: no oath limit
        # not retroactive: the month runs from 2026-05-11, not from the approval of 03-31
        (D(2026, 3, 31), D(2026, 5, 11), [(D(2026, 6, 11), False)]),
        (D(2026, 3, 31), D(2026, 6, 12), [(D(2026, 6, 11), True)]),
    ],
)
def test_oath_due_under_the_2026_revision(
    approved: dt.date, today: dt.date, expected: list[tuple[dt.date, bool]]
) -> None:
    history = file(upto(19, approved))
    assert [(d.due, d.overdue) for d in of_kind(history, today, "oath_due")] == expected


@pytest.mark.parametrize(
    ("today", "kind", "overdue"),
    [
        (D(2026, 5, 1), None, False),
        (D(2026, 5, 2), "probation_ending", False),  # 30 days before the end
        (D(2026, 5, 31), "probation_ending", False),
        (D(2026, 6, 1), "probation_ended", False),
        (D(2026, 6, 2), "probation_ended", True),
    ],
)
def test_probation_ending_and_ended(today: dt.date, kind: str | None, overdue: bool) -> None:
    history = file(upto(21, D(2025, 6, 1)))
    items = [d for d in due_actions(history, today) if d.kind.startswith("probation")]
    assert [(d.kind, d.due, d.overdue) for d in items] == (
        [(kind, D(2026, 6, 1), overdue)] if kind else []
    )
    if kind == "probation_ended":
        assert items[0].message == (
            f"预备期已于 2026年6月1日 期满，党支部应当及时讨论其能否转为正式党员（{T}第三十一条）"
        )


def test_probation_reminders_follow_an_extension_and_stop_at_the_decision() -> None:
    extended = file(
        upto(24, D(2025, 6, 1), s23=D(2026, 6, 1), s24=D(2026, 6, 20)),
        conversion_outcome=EXTEND,
        extension_months=6,
    )
    assert [d.kind for d in due_actions(extended, D(2026, 11, 1))] == ["probation_ending"]
    assert [d.due for d in due_actions(extended, D(2026, 12, 5))] == [D(2026, 12, 1)]
    for outcome in (ON_TIME, CANCEL):
        decided = file(upto(23, D(2025, 6, 1), s23=D(2026, 6, 1)), conversion_outcome=outcome)
        assert [d.kind for d in due_actions(decided, D(2026, 6, 2))] == []


def test_due_items_come_in_date_order() -> None:
    history = file(upto(5, D(2026, 3, 20)))
    items = due_actions(history, D(2027, 3, 25))
    assert [(d.kind, d.due) for d in items] == [
        ("activist_review", D(2026, 9, 20)),
        ("candidate_eligible", D(2027, 3, 20)),
    ]


def test_no_probation_reminders_before_the_admission_is_approved() -> None:
    pending = file(upto(16, D(2025, 1, 31)))
    assert [d.kind for d in due_actions(pending, D(2026, 6, 1))] == ["approval_overdue"]

"""Rules of member development: both rulebooks, every rule at its boundaries."""

import dataclasses
import datetime as dt

import pytest

from branchdesk.core.rulebook import (
    CANCEL,
    EXTEND,
    ON_TIME,
    RULEBOOK_2014,
    RULEBOOK_2026,
    RULEBOOKS,
    Finding,
    PersonFacts,
    Severity,
    StepHistory,
    StepProposal,
    check_step,
    next_step,
    nth_birthday,
    passes,
    probation_end,
    quorum,
    rulebook_on,
    stage_after,
)
from branchdesk.core.rulebook.model import (
    DateOrder,
    Publicity,
    RequiredDetail,
    Tally,
    TrainingMinimum,
)
from branchdesk.core.rulebook.versions import MATERIALS, chinese_number
from branchdesk.core.vocab import Stage

D = dt.date
T = "《中国共产党发展党员工作细则》"
BIRTH = D(1990, 5, 1)
BEFORE = D(2026, 5, 10)  # the last day of the 2014 rulebook
REVISED = D(2026, 5, 11)  # the first day of the 2026 revision

#: a file moving through the steps in good order (all under the 2014 rulebook)
DATES = {
    1: D(2022, 1, 5),
    2: D(2022, 1, 20),
    3: D(2022, 3, 1),
    4: D(2022, 3, 10),
    5: D(2022, 3, 15),
    6: D(2022, 9, 1),
    7: D(2023, 3, 5),
    8: D(2023, 3, 20),
    9: D(2023, 4, 1),
    10: D(2023, 4, 10),
    11: D(2023, 4, 20),
    12: D(2023, 5, 1),
    13: D(2023, 5, 10),
    14: D(2023, 5, 15),
    15: D(2023, 6, 1),
    16: D(2023, 6, 10),
    17: D(2023, 6, 20),
    18: D(2023, 6, 25),
    19: D(2023, 7, 1),
    20: D(2023, 7, 1),
    21: D(2023, 12, 1),
    22: D(2024, 5, 20),
    23: D(2024, 6, 1),
    24: D(2024, 6, 20),
    25: D(2024, 7, 1),
}


def hist(upto: int, *, birth: dt.date | None = BIRTH, **changes: object) -> StepHistory:
    """A history in which steps 1..upto passed; ``s7=D(...)`` moves step 7's date."""
    passed = {n: DATES[n] for n in range(1, upto + 1)}
    extra: dict[str, object] = {}
    for key, value in changes.items():
        if key.startswith("s") and key[1:].isdigit():
            passed[int(key[1:])] = value  # type: ignore[assignment]
        else:
            extra[key] = value
    return StepHistory(passed=passed, birth_date=birth, **extra)  # type: ignore[arg-type]


def check(step: int, day: dt.date, history: StepHistory, **kw: object) -> list[Finding]:
    return check_step(StepProposal(step, day, **kw), history)  # type: ignore[arg-type]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def full(member_id: int, name: str = "", discipline: str = "无") -> PersonFacts:
    return PersonFacts(member_id, name or f"党员{member_id}", Stage.FULL, D(2000, 7, 1), discipline)


VOTE = dict(entitled=10, present=8, yes=7, against=1, abstain=0, method="无记名投票")
COMPLETE = {
    1: {},
    3: {"recommend_method": "党员推荐"},
    6: {"period_start": D(2022, 3, 1), "period_end": D(2022, 8, 31)},
    10: {"conclusion": "政治审查合格"},
    11: {"start": D(2023, 4, 17), "end": D(2023, 4, 19)},
    14: {"booklet_serial": "No.0012345"},
    15: VOTE,
    21: {"period_start": D(2023, 7, 1), "period_end": D(2023, 12, 31)},
    23: {**VOTE, "outcome": ON_TIME},
    25: {"materials": list(MATERIALS)},
}


# --- the rulebooks as data -------------------------------------------------------------------


def test_rulebook_in_force_switches_on_11_may_2026() -> None:
    assert rulebook_on(BEFORE) is RULEBOOK_2014
    assert rulebook_on(REVISED) is RULEBOOK_2026
    assert rulebook_on(D(2030, 1, 1)) is RULEBOOK_2026
    assert rulebook_on(D(2010, 1, 1)) is RULEBOOK_2014  # older files: the oldest rulebook


@pytest.mark.parametrize("book", RULEBOOKS, ids=lambda b: b.version)
def test_each_rulebook_holds_25_steps_in_five_stages(book) -> None:  # type: ignore[no-untyped-def]
    assert [s.number for s in book.steps] == list(range(1, 26))
    assert [s.stage for s in book.steps] == [1] * 2 + [2] * 4 + [3] * 5 + [4] * 7 + [5] * 7
    assert {s.number for s in book.steps if s.repeatable} == {6, 21}
    assert {s.number: s.sets_stage for s in book.steps if s.sets_stage} == {
        3: Stage.ACTIVIST,
        8: Stage.CANDIDATE,  # a 发展对象 once step 8 is done, not at step 7
        17: Stage.PROBATIONARY,
        24: Stage.FULL,
    }
    assert book.step(5).people and (book.step(5).people.min, book.step(5).people.max) == (1, 2)
    assert book.step(9).people and (book.step(9).people.min, book.step(9).people.max) == (2, 2)
    with pytest.raises(KeyError):
        book.step(26)


@pytest.mark.parametrize("book", RULEBOOKS, ids=lambda b: b.version)
def test_every_constraint_names_fields_the_step_has(book) -> None:  # type: ignore[no-untyped-def]
    for rule in book.steps:
        keys = [f.key for f in rule.fields]
        assert len(keys) == len(set(keys)), rule.number
        assert rule.article.endswith("条") and rule.article.startswith("《")
        for c in rule.constraints:
            named: list[str] = []
            if isinstance(c, DateOrder):
                named = [c.first, c.second]
            elif isinstance(c, Tally):
                named = [c.total, *c.parts]
            elif isinstance(c, TrainingMinimum):
                named = [c.start, c.end, c.hours]
            elif isinstance(c, Publicity):
                named = [c.start, c.end, c.not_before]
            elif isinstance(c, RequiredDetail):
                named = [c.key]
            assert set(named) <= set(keys), (book.version, rule.number, c)


def test_step_8_differs_between_versions() -> None:
    assert RULEBOOK_2014.step(8).name == "报上级党委备案"
    assert RULEBOOK_2026.step(8).name == "报上级党委同意并公示"
    assert RULEBOOK_2026.step(8).field("publicity_end").required


@pytest.mark.parametrize(
    ("step", "article_2014", "article_2026"),
    [
        (1, "第五条", "第五条"),
        (2, "第七条", "第七条"),
        (7, "第十三条", "第十三条"),
        (9, "第十四条", "第十四条"),
        (11, "第十八条", "第十七条"),
        (15, "第二十条", "第十九条"),
        (24, "第三十四条", "第三十三条"),
        (25, "第三十七条", "第三十六条"),
    ],
)
def test_articles_follow_each_texts_numbering(
    step: int, article_2014: str, article_2026: str
) -> None:
    assert RULEBOOK_2014.step(step).article == T + article_2014
    assert RULEBOOK_2026.step(step).article == T + article_2026


@pytest.mark.parametrize(
    ("n", "text"), [(5, "五"), (10, "十"), (13, "十三"), (20, "二十"), (42, "四十二")]
)
def test_chinese_article_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


# --- order: one review per step ----------------------------------------------------------------


def test_a_step_waits_for_the_previous_one_to_pass_review() -> None:
    findings = check(3, D(2022, 3, 1), hist(1), details=COMPLETE[3])
    assert [f.message for f in findings] == [
        "第3步「推荐和确定入党积极分子」须在第2步「党组织派人谈话」审核通过后才能记录（一步一审）"
    ]


def test_a_passed_step_is_not_recorded_twice() -> None:
    assert codes(check(4, D(2022, 4, 1), hist(4))) == ["order"]


def test_a_step_may_not_be_dated_before_the_previous_one() -> None:
    findings = check(4, D(2022, 2, 28), hist(3))
    assert findings[0].message == "日期不能早于第3步的日期（2022年3月1日）"
    assert check(4, D(2022, 3, 1), hist(3)) == []


def test_half_yearly_reviews_repeat_while_the_stage_lasts() -> None:
    assert check(6, D(2022, 3, 20), hist(5), details=COMPLETE[6]) == []
    assert check(6, D(2023, 1, 5), hist(6), details=COMPLETE[6]) == []
    after = check(6, D(2023, 4, 1), hist(7), details=COMPLETE[6])
    assert [f.message for f in after] == [
        "第7步「确定发展对象」已通过，第6步「培养教育考察」不能再记录"
    ]
    assert check(21, D(2024, 1, 5), hist(22), details=COMPLETE[21]) == []


def test_committee_talk_comes_before_approval() -> None:
    assert codes(check(17, D(2023, 6, 20), hist(15))) == ["order"]
    late_talk = hist(16, s16=D(2023, 6, 25))
    assert codes(check(17, D(2023, 6, 20), late_talk)) == ["date_order"]
    assert check(17, D(2023, 6, 25), late_talk) == []


# --- step 1: age ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "day", "earliest"),
    [
        (D(2008, 5, 11), D(2026, 5, 11), None),
        (D(2008, 5, 11), D(2026, 5, 10), D(2026, 5, 11)),
        (D(2008, 2, 29), D(2026, 2, 28), D(2026, 3, 1)),  # 29 February: 18 on 1 March
        (D(2008, 2, 29), D(2026, 3, 1), None),
        (D(2006, 2, 28), D(2024, 2, 28), None),
        (D(2006, 2, 28), D(2024, 2, 27), D(2024, 2, 28)),
    ],
)
def test_applicant_is_18_on_the_application_date(
    birth: dt.date, day: dt.date, earliest: dt.date | None
) -> None:
    findings = check(1, day, StepHistory(birth_date=birth))
    if earliest is None:
        assert findings == []
    else:
        article = T + "第五条"
        assert findings == [
            Finding(
                Severity.ERROR,
                f"递交入党申请时须年满十八岁（{article}），最早可于 {earliest.year}年"
                f"{earliest.month}月{earliest.day}日",
                article,
                earliest,
                "minimum_age",
            )
        ]


def test_no_birth_date_means_no_application() -> None:
    assert codes(check(1, D(2026, 1, 5), StepHistory())) == ["minimum_age"]


def test_nth_birthday() -> None:
    assert nth_birthday(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert nth_birthday(D(2008, 2, 29), 20) == D(2028, 2, 29)


# --- step 2: talk within one month ----------------------------------------------------------


@pytest.mark.parametrize(
    ("applied", "talk", "late"),
    [
        (D(2025, 1, 31), D(2025, 2, 28), False),  # one month after 31 January
        (D(2025, 1, 31), D(2025, 3, 1), True),
        (D(2024, 1, 31), D(2024, 2, 29), False),
        (D(2024, 1, 31), D(2024, 3, 1), True),
        (D(2026, 4, 30), D(2026, 5, 30), False),  # under the 2026 revision
        (D(2026, 4, 30), D(2026, 5, 31), True),
    ],
)
def test_talk_within_one_month_or_with_a_reason(
    applied: dt.date, talk: dt.date, late: bool
) -> None:
    findings = check(2, talk, hist(1, s1=applied))
    if not late:
        assert findings == []
        return
    due = applied.replace(day=1) + dt.timedelta(days=40)
    assert [f.severity for f in findings] == [Severity.NEEDS_REASON]
    assert findings[0].message.startswith(
        f"党组织应当在收到入党申请书后一个月内派人同入党申请人谈话（{T}第七条），期限为 "
        f"{due.year}年{due.month}月"
    )
    assert findings[0].message.endswith("，已逾期：须填写逾期原因")


def test_talk_message_exactly() -> None:
    findings = check(2, D(2025, 3, 1), hist(1, s1=D(2025, 1, 31)))
    assert findings[0].message == (
        "党组织应当在收到入党申请书后一个月内派人同入党申请人谈话"
        "（《中国共产党发展党员工作细则》第七条），期限为 2025年2月28日，已逾期：须填写逾期原因"
    )


# --- step 7: one year after step 3 ----------------------------------------------------------

CANDIDATE_CASES = [
    (D(2025, 3, 2), D(2026, 3, 1), D(2026, 3, 2)),
    (D(2025, 3, 2), D(2026, 3, 2), None),  # exactly one year
    (D(2024, 2, 29), D(2025, 2, 27), D(2025, 2, 28)),  # 29 February
    (D(2024, 2, 29), D(2025, 2, 28), None),
    (D(2025, 5, 31), D(2026, 5, 30), D(2026, 5, 31)),  # under the 2026 revision
    (D(2025, 5, 31), D(2026, 5, 31), None),
]


@pytest.mark.parametrize(("activist", "day", "earliest"), CANDIDATE_CASES)
def test_candidate_one_year_after_activist(
    activist: dt.date, day: dt.date, earliest: dt.date | None
) -> None:
    history = hist(6, s3=activist, s4=activist, s5=activist, s6=activist)
    findings = check(7, day, history)
    if earliest is None:
        assert findings == []
    else:
        assert [(f.code, f.earliest, f.article) for f in findings] == [
            ("minimum_wait", earliest, T + "第十三条")
        ]


def test_candidate_message_exactly_as_the_issue_gives_it() -> None:
    history = hist(6, s3=D(2025, 3, 2), s4=D(2025, 3, 2), s5=D(2025, 3, 2), s6=D(2025, 9, 1))
    (finding,) = check(7, D(2026, 2, 1), history)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "确定为发展对象须在确定为入党积极分子一年以后"
        "（《中国共产党发展党员工作细则》第十三条），最早可于 2026年3月2日"
    )


def test_appraisal_votes_cannot_exceed_those_taking_part() -> None:
    details = {"members_taking_part": 10, "member_excellent": 8, "member_fair": 3}
    (finding,) = check(7, D(2023, 3, 5), hist(6), details=details)
    assert finding.message == "党员评议优秀票、党员评议一般票合计11，超过「参加的党员人数」10"


# --- step 8: filing (2014) versus approval and 公示 (2026) ------------------------------------


def _publicity(start: dt.date, end: dt.date) -> dict[str, object]:
    return {
        "approval_date": start,
        "publicity_start": start,
        "publicity_end": end,
        "publicity_result": "无异议",
    }


def fake_calendar(provisional: bool = False):  # type: ignore[no-untyped-def]
    """Weekdays are working days, except 1 June 2026 (a pretend holiday)."""

    def count(start: dt.date, end: dt.date) -> tuple[int, bool]:
        days = [start + dt.timedelta(n) for n in range((end - start).days + 1)]
        return sum(1 for d in days if d.weekday() < 5 and d != D(2026, 6, 1)), provisional

    return count


def test_step_8_in_2014_is_a_filing_without_publicity() -> None:
    history = hist(7, s7=D(2026, 5, 4))
    assert check(8, BEFORE, history) == []
    refused = check(8, REVISED, history)
    assert {f.code for f in refused} == {"required"}
    assert {f.message for f in refused} == {
        "请填写「上级党委同意日期」",
        "请填写「公示开始日期」",
        "请填写「公示结束日期」",
        "请填写「公示结果」",
    }


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        (D(2026, 5, 18), D(2026, 5, 22), True),  # Monday–Friday: 5 working days
        (D(2026, 5, 18), D(2026, 5, 21), False),
        (D(2026, 5, 29), D(2026, 6, 4), False),  # 1 June is a holiday: 4 working days
        (D(2026, 5, 29), D(2026, 6, 5), True),
    ],
)
def test_publicity_of_five_working_days(start: dt.date, end: dt.date, ok: bool) -> None:
    history = hist(7, s7=D(2026, 5, 12))
    proposal = StepProposal(8, end, _publicity(start, end))
    findings = check_step(proposal, history, fake_calendar())
    if ok:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.code == "publicity"
        assert finding.article == T + "第十三条"
        assert finding.message.startswith(f"公示时间不少于五个工作日（{T}第十三条），公示期")
        assert finding.earliest == end + dt.timedelta(days=1)


def test_publicity_message_says_when_the_count_is_provisional() -> None:
    history = hist(7, s7=D(2026, 5, 12))
    short = StepProposal(8, D(2026, 5, 21), _publicity(D(2026, 5, 18), D(2026, 5, 21)))
    (finding,) = check_step(short, history, fake_calendar(provisional=True))
    assert finding.message == (
        f"公示时间不少于五个工作日（{T}第十三条），公示期2026年5月18日至2026年5月21日只有4个工作日"
        "（所涉年份的节假日安排尚未确认，工作日数为暂定），最早可于 2026年5月22日 结束公示"
    )
    enough = StepProposal(8, D(2026, 5, 22), _publicity(D(2026, 5, 18), D(2026, 5, 22)))
    (warning,) = check_step(enough, history, fake_calendar(provisional=True))
    assert warning.severity is Severity.WARNING and "暂定" in warning.message
    (fallback,) = check_step(enough, history, None)
    assert fallback.severity is Severity.WARNING and "按周一至周五计算" in fallback.message


def test_publicity_starts_after_the_approval() -> None:
    history = hist(7, s7=D(2026, 5, 12))
    details = {**_publicity(D(2026, 5, 18), D(2026, 5, 22)), "approval_date": D(2026, 5, 19)}
    findings = check_step(StepProposal(8, D(2026, 5, 22), details), history, fake_calendar())
    assert codes(findings) == ["field_date_order"]


# --- steps 5 and 9: contacts and sponsors -----------------------------------------------------


@pytest.mark.parametrize(("count", "ok"), [(0, False), (1, True), (2, True), (3, False)])
def test_one_or_two_contacts(count: int, ok: bool) -> None:
    people = tuple(full(i) for i in range(count))
    findings = check(5, D(2022, 3, 15), hist(4), people=people)
    assert (findings == []) is ok
    if not ok:
        assert findings[0].message == f"培养联系人须为1至2名（{T}第九条），现为{count}名"


def test_contact_must_be_a_full_member() -> None:
    probationer = PersonFacts(7, "李四", Stage.PROBATIONARY, D(2025, 7, 1))
    findings = check(5, D(2022, 3, 15), hist(4), people=(probationer,))
    assert [f.message for f in findings] == [f"培养联系人须为正式党员（{T}第九条）：李四为预备党员"]


@pytest.mark.parametrize("day", [BEFORE, REVISED], ids=["2014", "2026"])
@pytest.mark.parametrize(("count", "ok"), [(1, False), (2, True), (3, False)])
def test_exactly_two_sponsors(day: dt.date, count: int, ok: bool) -> None:
    history = hist(8, s8=D(2026, 5, 1))
    findings = check(9, day, history, people=tuple(full(i) for i in range(count)))
    assert (findings == []) is ok
    if not ok:
        assert findings[0].message == f"入党介绍人须为2名（{T}第十四条），现为{count}名"


@pytest.mark.parametrize(
    ("discipline", "in_2014", "in_2026"),
    [
        ("无", None, None),
        ("警告", None, Severity.WARNING),
        ("严重警告", None, Severity.WARNING),
        ("撤销党内职务", None, Severity.WARNING),
        ("留党察看", Severity.ERROR, Severity.ERROR),
    ],
)
def test_sponsor_discipline(
    discipline: str, in_2014: Severity | None, in_2026: Severity | None
) -> None:
    history = hist(8, s8=D(2026, 5, 1))
    sponsors = (full(1, "王五", discipline), full(2))
    for day, expected in ((BEFORE, in_2014), (REVISED, in_2026)):
        findings = check(9, day, history, people=sponsors)
        assert [f.severity for f in findings] == ([expected] if expected else [])
    if in_2026 is Severity.WARNING:
        (warning,) = check(9, REVISED, history, people=sponsors)
        assert warning.message == f"王五受{discipline}处分，作入党介绍人须慎重（{T}第十四条）"
    if in_2026 is Severity.ERROR:
        (refusal,) = check(9, REVISED, history, people=sponsors)
        assert refusal.message == (
            f"受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人（{T}第十四条）：王五"
        )


def test_same_sponsor_twice_is_refused() -> None:
    findings = check(9, D(2023, 4, 1), hist(8), people=(full(1), full(1)))
    assert codes(findings) == ["people_twice"]


# --- steps 10, 11, 14: political review, training, booklet ------------------------------------


def test_political_review_needs_a_conclusion() -> None:
    (finding,) = check(10, D(2023, 4, 10), hist(9))
    assert finding.message == (
        f"政治审查必须形成结论性材料，未经政治审查的不能发展入党（{T}第十六条、第十七条）：请填写「政治审查结论」"
    )
    assert check(10, D(2023, 4, 10), hist(9), details=COMPLETE[10]) == []


@pytest.mark.parametrize(
    ("days", "hours", "ok"),
    [(3, None, True), (2, None, False), (2, 24, True), (2, 23.5, False), (1, 24.0, True)],
)
def test_training_three_days_or_24_hours(days: int, hours: float | None, ok: bool) -> None:
    start = D(2023, 4, 17)
    details: dict[str, object] = {"start": start, "end": start + dt.timedelta(days=days - 1)}
    if hours is not None:
        details["hours"] = hours
    findings = check(11, D(2023, 4, 20), hist(10), details=details)
    assert (findings == []) is ok
    if not ok:  # shorter is allowed with a recorded reason (一般), never refused
        shown = f"{hours or 0:g}"
        assert findings[0].severity is Severity.NEEDS_REASON
        assert findings[0].message == (
            f"集中培训时间一般不少于三天或者不少于二十四个学时（{T}第十八条），"
            f"现为{days}天、{shown}学时：须填写培训时间不足的理由"
        )


def test_training_end_before_start() -> None:
    details = {"start": D(2023, 4, 19), "end": D(2023, 4, 17)}
    (finding,) = check(11, D(2023, 4, 20), hist(10), details=details)
    assert (
        finding.message
        == "「培训结束日期」（2023年4月17日）不能早于「培训开始日期」（2023年4月19日）"
    )


def test_booklet_serial_number_is_required() -> None:
    assert [f.message for f in check(14, D(2023, 5, 15), hist(13))] == ["请填写「入党志愿书编号」"]
    assert check(14, D(2023, 5, 15), hist(13), details=COMPLETE[14]) == []


# --- steps 15 and 23: quorum and majority -----------------------------------------------------


@pytest.mark.parametrize(
    ("entitled", "present", "ok"), [(10, 5, False), (10, 6, True), (9, 4, False), (9, 5, True)]
)
def test_quorum_at_exactly_half(entitled: int, present: int, ok: bool) -> None:
    assert quorum(entitled, present) is ok


@pytest.mark.parametrize(
    ("entitled", "yes", "ok"), [(10, 5, False), (10, 6, True), (9, 4, False), (9, 5, True)]
)
def test_majority_at_exactly_half(entitled: int, yes: int, ok: bool) -> None:
    assert passes(entitled, yes) is ok


def test_nobody_entitled_is_neither_quorum_nor_majority() -> None:
    assert not quorum(0, 0) and not passes(0, 0)


def _vote(**changes: object) -> dict[str, object]:
    return {**VOTE, **changes}


@pytest.mark.parametrize(
    ("day", "quorum_article", "majority_article"),
    [(BEFORE, "第二十条", "第二十一条"), (REVISED, "第十九条", "第二十条")],
    ids=["2014", "2026"],
)
def test_admission_meeting_quorum_and_majority(
    day: dt.date, quorum_article: str, majority_article: str
) -> None:
    history = hist(14, s13=D(2026, 5, 1), s14=D(2026, 5, 2))
    assert check(15, day, history, details=_vote(present=6, yes=6, against=0)) == []
    # written votes count for the majority but not for the quorum
    no_quorum_details = _vote(present=5, written_votes=1, yes=6, against=0)
    (no_quorum,) = check(15, day, history, details=no_quorum_details)
    assert no_quorum.message == (
        f"有表决权的到会人数必须超过应到会有表决权人数的半数（{T}{quorum_article}）："
        "应到10人，实到5人，至少须6人"
    )
    (no_majority,) = check(15, day, history, details=_vote(present=8, yes=5, against=3))
    assert no_majority.message == (
        "赞成人数须超过应到会有表决权的正式党员的半数，会前提交的书面意见计入票数"
        f"（{T}{majority_article}）：应到10人，赞成5票，至少须6票"
    )
    written = _vote(present=6, written_votes=2, yes=6, against=2)
    assert check(15, day, history, details=written) == []


def test_admission_vote_is_a_secret_ballot() -> None:
    (finding,) = check(15, D(2023, 6, 1), hist(14), details=_vote(method="举手"))
    assert finding.message == f"讨论接收预备党员须采取无记名投票方式表决（{T}第二十一条）"


def test_vote_counts_must_add_up() -> None:
    findings = check(15, D(2023, 6, 1), hist(14), details=_vote(present=11))
    assert "tally" in codes(findings)
    findings = check(15, D(2023, 6, 1), hist(14), details=_vote(present=6, yes=6, against=2))
    assert codes(findings) == ["vote_count"]


# --- 2026: admission meeting within a month of the pre-review, oath within a month ------------


@pytest.mark.parametrize(
    ("prereview", "meeting", "late"),
    [
        (D(2026, 5, 20), D(2026, 6, 20), False),
        (D(2026, 5, 20), D(2026, 6, 21), True),
        (D(2026, 4, 1), D(2026, 5, 10), False),  # the 2014 rulebook has no such limit
        (D(2026, 4, 1), D(2026, 6, 11), False),  # not retroactive: runs from 2026-05-11
        (D(2026, 4, 1), D(2026, 6, 12), True),
    ],
)
def test_admission_meeting_within_a_month_of_prereview(
    prereview: dt.date, meeting: dt.date, late: bool
) -> None:
    history = hist(14, s13=prereview, s14=prereview)
    findings = check(15, meeting, history, details=VOTE)
    assert [f.severity for f in findings] == ([Severity.NEEDS_REASON] if late else [])
    if late:
        assert findings[0].article == T + "第十九条"


@pytest.mark.parametrize(
    ("approved", "oath", "late"),
    [
        (D(2026, 5, 31), D(2026, 6, 30), False),
        (D(2026, 5, 31), D(2026, 7, 1), True),
        (D(2026, 1, 31), D(2026, 5, 10), False),
        (D(2026, 1, 31), D(2026, 6, 11), False),  # not retroactive: runs from 2026-05-11
        (D(2026, 1, 31), D(2026, 6, 12), True),
    ],
)
def test_oath_within_a_month_of_approval(approved: dt.date, oath: dt.date, late: bool) -> None:
    history = hist(19, s17=approved, s18=approved, s19=approved)
    findings = check(20, oath, history)
    if late:
        (finding,) = findings
        assert finding.severity is Severity.NEEDS_REASON
        due = "2026年6月30日" if approved.month == 5 else "2026年6月11日"
        assert finding.message == (
            f"预备党员应当在上级党委批准后一个月内进行入党宣誓（{T}第二十九条），"
            f"期限为 {due}，已逾期：须填写逾期原因"
        )
    else:
        assert findings == []


# --- steps 17 and 24: approval within 3 months, 6 with a reason --------------------------------

APPROVAL_CASES = [
    (D(2024, 3, 31), D(2024, 6, 30), None),
    (D(2024, 3, 31), D(2024, 7, 1), Severity.NEEDS_REASON),
    (D(2024, 3, 31), D(2024, 9, 30), Severity.NEEDS_REASON),
    (D(2024, 3, 31), D(2024, 10, 1), Severity.ERROR),
    (D(2025, 11, 30), D(2026, 2, 28), None),
    (D(2025, 11, 30), D(2026, 3, 1), Severity.NEEDS_REASON),
    (D(2025, 11, 30), D(2026, 5, 30), Severity.NEEDS_REASON),  # under the 2026 revision
    (D(2025, 11, 30), D(2026, 5, 31), Severity.ERROR),
]


@pytest.mark.parametrize(("meeting", "approval", "expected"), APPROVAL_CASES)
def test_admission_approval_within_3_months(
    meeting: dt.date, approval: dt.date, expected: Severity | None
) -> None:
    history = hist(16, s15=meeting, s16=meeting)
    findings = check(17, approval, history)
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected is Severity.ERROR:
        article = "第二十六条" if approval < REVISED else "第二十五条"
        assert findings[0].message == (
            "上级党委应当在支部大会通过后三个月内审批，特殊情况不得超过六个月"
            f"（{T}{article}），最迟为 {meeting.year + (meeting.month + 6 > 12)}年"
            f"{(meeting.month + 5) % 12 + 1}月30日，已超过期限"
        )


#: step 24 has no six-month cap: later than three months only needs a recorded reason
CONVERSION_APPROVAL_CASES = [
    (meeting, approval, Severity.NEEDS_REASON if expected else None)
    for meeting, approval, expected in APPROVAL_CASES
]


@pytest.mark.parametrize(("meeting", "approval", "expected"), CONVERSION_APPROVAL_CASES)
def test_conversion_approval_within_3_months(
    meeting: dt.date, approval: dt.date, expected: Severity | None
) -> None:
    history = hist(23, s23=meeting, conversion_outcome=ON_TIME)
    findings = check(24, approval, history)
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected:
        article = "第三十四条" if approval < REVISED else "第三十三条"
        assert findings[0].article == T + article


# --- step 23: probation, extension, cancellation --------------------------------------------


def test_probation_end() -> None:
    assert probation_end(D(2025, 6, 1)) == D(2026, 6, 1)
    assert probation_end(D(2024, 2, 29)) == D(2025, 2, 28)
    assert probation_end(D(2025, 6, 1), 6) == D(2026, 12, 1)
    assert probation_end(D(2025, 8, 31), 6) == D(2027, 2, 28)


@pytest.mark.parametrize(
    ("join", "day", "earliest"),
    [
        (D(2025, 6, 1), D(2026, 5, 31), D(2026, 6, 1)),
        (D(2025, 6, 1), D(2026, 6, 1), None),
        (D(2024, 2, 29), D(2025, 2, 27), D(2025, 2, 28)),
        (D(2024, 2, 29), D(2025, 2, 28), None),
    ],
)
def test_conversion_not_before_the_probation_ends(
    join: dt.date, day: dt.date, earliest: dt.date | None
) -> None:
    history = hist(22, **{f"s{n}": join for n in range(15, 23)})
    findings = check(23, day, history, details=COMPLETE[23])
    if earliest is None:
        assert findings == []
    else:
        (finding,) = findings
        article = "第三十二条" if day < REVISED else "第三十一条"
        assert finding.message == (
            f"讨论预备党员转正须在预备期满以后（{T}{article}），"
            f"最早可于 {earliest.year}年{earliest.month}月{earliest.day}日"
        )
        assert finding.earliest == earliest


def test_cancellation_may_come_during_the_probation() -> None:
    details = {**VOTE, "outcome": CANCEL}
    assert check(23, D(2024, 1, 10), hist(22, s22=D(2024, 1, 5)), details=details) == []


@pytest.mark.parametrize(
    ("months", "ok"), [(None, False), (5, False), (6, True), (12, True), (13, False)]
)
def test_extension_of_6_to_12_months(months: int | None, ok: bool) -> None:
    details: dict[str, object] = {**VOTE, "outcome": EXTEND}
    if months is not None:
        details["extension_months"] = months
    findings = check(23, D(2024, 6, 1), hist(22), details=details)
    assert (findings == []) is ok
    if not ok:
        assert findings[0].message == (
            f"延长预备期不能少于半年，最长不超过一年（{T}第三十二条）：请填写6至12个月"
        )


def test_extension_only_once_and_the_second_decision_after_it() -> None:
    extended = hist(
        24, s24=D(2024, 6, 20), conversion_outcome=EXTEND, extension_months=6
    )  # joined 2023-06-01, extended to 2024-12-01
    assert check(21, D(2024, 9, 1), extended, details=COMPLETE[21]) == []
    again = check(
        23, D(2024, 12, 1), extended, details={**VOTE, "outcome": EXTEND, "extension_months": 6}
    )
    assert [f.message for f in again] == [f"预备期只能延长一次（{T}第三十二条），已延长6个月"]
    early = check(23, D(2024, 11, 30), extended, details=COMPLETE[23])
    assert [f.earliest for f in early] == [D(2024, 12, 1)]
    assert check(23, D(2024, 12, 1), extended, details=COMPLETE[23]) == []
    assert codes(check(25, D(2024, 12, 1), extended, details=COMPLETE[25])) == ["order"]
    assert codes(check(25, D(2024, 12, 1), hist(24, conversion_outcome=ON_TIME))) == [
        "materials_statutory",
        "materials",
    ]


def test_second_decision_waits_for_the_extension_to_be_approved() -> None:
    pending = hist(23, conversion_outcome=EXTEND, extension_months=6)
    assert [f.message for f in check(23, D(2024, 12, 1), pending, details=COMPLETE[23])] == [
        "延长预备期须经上级党委批准（第24步）后，才能再次讨论转正"
    ]


def test_extension_months_only_with_an_extension() -> None:
    details = {**VOTE, "outcome": ON_TIME, "extension_months": 6}
    assert codes(check(23, D(2024, 6, 1), hist(22), details=details)) == ["extension_months"]


def test_after_the_final_decision_no_more_reviews_or_decisions() -> None:
    decided = hist(23, conversion_outcome=ON_TIME)
    assert codes(check(21, D(2024, 6, 5), decided, details=COMPLETE[21])) == ["order"]
    assert codes(check(23, D(2024, 6, 5), decided, details=COMPLETE[23])) == ["order"]
    assert check(24, D(2024, 6, 20), decided) == []
    assert codes(check(24, D(2024, 6, 21), hist(24, conversion_outcome=ON_TIME))) == ["order"]


def test_archive_waits_for_the_approval_of_the_latest_decision() -> None:
    redecided = hist(24, s24=D(2024, 6, 20), s23=D(2024, 12, 1), conversion_outcome=ON_TIME)
    assert codes(check(25, D(2024, 12, 5), redecided, details=COMPLETE[25])) == ["order"]


# --- step 25: the checklist ------------------------------------------------------------------


def test_archive_needs_every_material() -> None:
    history = hist(24, conversion_outcome=ON_TIME)
    assert check(25, D(2024, 7, 1), history, details=COMPLETE[25]) == []
    some = [m for m in MATERIALS if m not in ("自传", "转正材料")]
    (finding,) = check(25, D(2024, 7, 1), history, details={"materials": some})
    assert finding.severity is Severity.WARNING  # the local checklist, not the article
    assert finding.message == (
        "按本地常用做法（常用归档清单），还缺少：自传、转正材料；请核实是否需要补充归档"
    )


# --- fields -----------------------------------------------------------------------------------


def test_field_types_are_checked() -> None:
    details = {"recommend_method": "自荐", "due": -1, "meeting_date": "2022-03-01"}
    findings = check(3, D(2022, 3, 1), hist(2), details=details)
    assert [f.message for f in findings] == [
        "「推荐方式」须为党员推荐、群团组织推优之一",
        "「研究决定的会议日期」须为日期",
        "「应到人数」须为不小于0的整数",
    ]


def test_steps_without_people_refuse_people() -> None:
    assert codes(check(4, D(2022, 3, 10), hist(3), people=(full(1),))) == ["people"]


def test_unknown_step() -> None:
    assert codes(check(26, D(2024, 1, 1), hist(25))) == ["no_such_step"]


# --- a whole file, and the stage each step sets -------------------------------------------------


def test_a_whole_file_passes_in_good_order() -> None:
    passed: dict[int, dt.date] = {}
    people = {5: (full(1),), 9: (full(1), full(2))}
    for n in range(1, 26):
        history = StepHistory(
            passed=dict(passed), birth_date=BIRTH, conversion_outcome=ON_TIME if n > 23 else None
        )
        assert next_step(history, DATES[n]) == n
        proposal = StepProposal(n, DATES[n], COMPLETE.get(n, {}), people.get(n, ()))
        assert check_step(proposal, history) == [], n
        passed[n] = DATES[n]
    done = StepHistory(passed=passed, birth_date=BIRTH, conversion_outcome=ON_TIME)
    assert next_step(done, D(2024, 8, 1)) is None


def test_stage_after_each_step() -> None:
    assert stage_after(RULEBOOK_2026.step(3), None) is Stage.ACTIVIST
    assert stage_after(RULEBOOK_2026.step(17), None) is Stage.PROBATIONARY
    assert stage_after(RULEBOOK_2026.step(24), ON_TIME) is Stage.FULL
    assert stage_after(RULEBOOK_2026.step(24), EXTEND) is None
    assert stage_after(RULEBOOK_2026.step(24), CANCEL) is None
    assert stage_after(RULEBOOK_2026.step(12), None) is None


def test_findings_are_frozen() -> None:
    finding = Finding(Severity.ERROR, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "y"  # type: ignore[misc]

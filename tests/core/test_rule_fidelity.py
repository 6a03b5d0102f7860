"""The rules checked against the published texts (issue 12): each at its boundary, both books."""

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from branchdesk.core.development import history_of
from branchdesk.core.materials import MATERIAL_CATEGORIES
from branchdesk.core.rulebook import (
    MATERIALS,
    ON_TIME,
    RULEBOOK_2014,
    RULEBOOK_2026,
    RULEBOOKS,
    Finding,
    PersonFacts,
    Rulebook,
    Severity,
    StepHistory,
    StepProposal,
    check_step,
    due_actions,
    stage_after,
)
from branchdesk.core.rulebook.citations import DEVELOPMENT, SHARED, citation
from branchdesk.core.rulebook.model import Deadline
from branchdesk.core.rulebook.versions import MATERIAL_FORMED_AT, RECORD_SHEET
from branchdesk.core.vocab import Stage

D = dt.date
T = "《中国共产党发展党员工作细则》"
LOCAL_CHECKLIST = "本地常用做法（常用归档清单）"
NR, ERR = Severity.NEEDS_REASON, Severity.ERROR


def history(upto: int, day: dt.date, **extra: object) -> StepHistory:
    """Steps 1..upto passed on ``day`` (the checks compare a step with the one before it)."""
    passed = {n: day for n in range(1, upto + 1)}
    return StepHistory(passed=passed, birth_date=D(1990, 5, 1), **extra)  # type: ignore[arg-type]


def weekdays(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """A confirmed calendar without holidays: Monday–Friday are working days."""
    days = [start + dt.timedelta(n) for n in range((end - start).days + 1)]
    return sum(1 for d in days if d.weekday() < 5), False


def check(step: int, day: dt.date, past: StepHistory, **kw: object) -> list[Finding]:
    return check_step(StepProposal(step, day, **kw), past, weekdays)  # type: ignore[arg-type]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def sponsors() -> tuple[PersonFacts, ...]:
    return tuple(PersonFacts(n, f"党员{n}", Stage.FULL, D(2000, 7, 1)) for n in (1, 2))


# --- citations: every article from citations.py, 2014 numbered one ahead from 2026 §18 ----------


def _cited(book: Rulebook) -> set[str]:
    found = set()
    for rule in book.steps:
        found.add(rule.article)
        for c in rule.constraints:
            for name in ("article", "quorum_article", "majority_article", "secret_ballot_article"):
                text = getattr(c, name, "")
                if text:
                    found.add(text)
    return found


@pytest.mark.parametrize("book", RULEBOOKS, ids=lambda b: b.version)
def test_every_article_a_rulebook_cites_comes_from_the_citations_table(book: Rulebook) -> None:
    table = {c.text for c in DEVELOPMENT[book.version].values()} | {
        c.text for c in SHARED.values()
    }
    assert _cited(book) <= table


@pytest.mark.parametrize(
    ("book", "step", "article"),
    [
        (RULEBOOK_2014, 10, "第十六条、第十七条"),
        (RULEBOOK_2014, 11, "第十八条"),
        (RULEBOOK_2014, 16, "第二十四条"),
        (RULEBOOK_2014, 17, "第二十三条"),
        (RULEBOOK_2014, 25, "第三十七条"),
        (RULEBOOK_2026, 10, "第十六条"),
        (RULEBOOK_2026, 11, "第十七条"),
        (RULEBOOK_2026, 16, "第二十三条"),
        (RULEBOOK_2026, 17, "第二十二条"),
        (RULEBOOK_2026, 25, "第三十六条"),
    ],
    ids=lambda v: getattr(v, "version", str(v)),
)
def test_step_articles_follow_each_texts_numbering(book: Rulebook, step: int, article: str) -> None:
    assert book.step(step).article == T + article


@pytest.mark.parametrize(
    ("book", "article"), [(RULEBOOK_2014, "第二十六条"), (RULEBOOK_2026, "第二十五条")]
)
def test_the_three_month_approval_limit_cites_its_own_article(book: Rulebook, article: str) -> None:
    (limit,) = [c for c in book.step(17).constraints if isinstance(c, Deadline)]
    assert limit.article == T + article


def test_the_2014_text_is_in_force_from_its_issue_date() -> None:
    assert RULEBOOK_2014.in_force_from == D(2014, 5, 28)
    assert RULEBOOK_2026.in_force_from == D(2026, 5, 11)


# --- step 24: three months, and no six-month cap ------------------------------------------------

CONVERSION_APPROVAL = [
    (D(2024, 3, 31), D(2024, 6, 30), None),  # three months: the last day
    (D(2024, 3, 31), D(2024, 7, 1), NR),
    (D(2024, 3, 31), D(2024, 9, 30), NR),  # six months
    (D(2024, 3, 31), D(2024, 10, 1), NR),  # past six months: still only a reason, never refused
    (D(2024, 3, 31), D(2025, 3, 31), NR),
    (D(2026, 5, 31), D(2026, 8, 31), None),
    (D(2026, 5, 31), D(2026, 9, 1), NR),
    (D(2026, 5, 31), D(2026, 11, 30), NR),
    (D(2026, 5, 31), D(2026, 12, 1), NR),
]


@pytest.mark.parametrize(("meeting", "approval", "expected"), CONVERSION_APPROVAL)
def test_conversion_approval_later_than_three_months_needs_a_reason(
    meeting: dt.date, approval: dt.date, expected: Severity | None
) -> None:
    findings = check(24, approval, history(23, meeting, conversion_outcome=ON_TIME))
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected:
        (finding,) = findings
        article = "第三十四条" if approval < D(2026, 5, 11) else "第三十三条"
        assert finding.article == T + article
        assert "六个月" not in finding.message and "须填写逾期原因" in finding.message


@pytest.mark.parametrize(
    ("meeting", "approval", "expected", "article"),
    [
        (D(2024, 3, 31), D(2024, 9, 30), NR, "第二十六条"),
        (D(2024, 3, 31), D(2024, 10, 1), ERR, "第二十六条"),
        (D(2026, 5, 31), D(2026, 11, 30), NR, "第二十五条"),
        (D(2026, 5, 31), D(2026, 12, 1), ERR, "第二十五条"),
    ],
)
def test_admission_approval_keeps_its_six_month_cap(
    meeting: dt.date, approval: dt.date, expected: Severity, article: str
) -> None:
    (finding,) = check(17, approval, history(16, meeting))
    assert (finding.severity, finding.article) == (expected, T + article)


@pytest.mark.parametrize("meeting", [D(2024, 3, 31), D(2026, 5, 31)])
def test_the_overdue_conversion_approval_reminder_names_no_cap(meeting: dt.date) -> None:
    past = history(23, meeting, conversion_outcome=ON_TIME)
    (due,) = [d for d in due_actions(past, D(2027, 3, 1)) if d.step == 24]
    assert due.overdue and "六个月" not in due.message and "最迟" not in due.message


# --- 发展对象 only after step 8; nothing inside the 公示 ---------------------------------------


@pytest.mark.parametrize("book", RULEBOOKS, ids=lambda b: b.version)
def test_the_candidate_stage_comes_with_step_8_not_step_7(book: Rulebook) -> None:
    assert stage_after(book.step(7), None) is None
    assert stage_after(book.step(8), None) is Stage.CANDIDATE


def notice(**changes: object) -> dict[str, object]:
    """Step 8 (2026): approved on Friday 15 May, publicised Monday 18 to Friday 22 May 2026."""
    return {
        "approval_date": D(2026, 5, 15),
        "publicity_start": D(2026, 5, 18),
        "publicity_end": D(2026, 5, 22),
        "publicity_result": "无异议",
        **changes,
    }


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2026, 5, 21), ["publicity_not_over"]), (D(2026, 5, 22), []), (D(2026, 5, 25), [])],
)
def test_step_8_is_complete_only_when_the_notice_has_ended(
    day: dt.date, expected: list[str]
) -> None:
    findings = check(8, day, history(7, D(2026, 5, 12)), details=notice())
    assert codes(findings) == expected
    if expected:
        assert findings[0].article == T + "第十三条" and "2026年5月22日" in findings[0].message


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        ("无异议", []),
        ("有反映，经核实不影响发展", []),
        ("有反映，经核实影响发展", ["refused_choice"]),
    ],
)
def test_a_notice_that_found_a_bar_stops_the_candidate(result: str, expected: list[str]) -> None:
    details = notice(publicity_result=result)
    findings = check(8, D(2026, 5, 22), history(7, D(2026, 5, 12)), details=details)
    assert codes(findings) == expected
    if expected:
        assert findings[0].severity is ERR and findings[0].article == T + "第十三条"
        assert "不能确定为发展对象" in findings[0].message


@pytest.mark.parametrize(
    ("mobile", "home_start", "home_end", "day", "expected"),
    [
        (False, None, None, D(2026, 5, 22), []),
        (True, None, None, D(2026, 5, 22), ["publicity_mobile"]),
        (True, D(2026, 5, 18), D(2026, 5, 21), D(2026, 5, 22), ["publicity"]),  # 4 working days
        (True, D(2026, 5, 18), D(2026, 5, 22), D(2026, 5, 22), []),  # 5 working days
        (True, D(2026, 5, 19), D(2026, 5, 25), D(2026, 5, 22), ["publicity_not_over"]),
        (True, D(2026, 5, 19), D(2026, 5, 25), D(2026, 5, 25), []),
    ],
)
def test_a_mobile_person_is_publicised_at_work_and_at_home(
    mobile: bool,
    home_start: dt.date | None,
    home_end: dt.date | None,
    day: dt.date,
    expected: list[str],
) -> None:
    details = notice()
    if home_start and home_end:
        details |= {"home_publicity_start": home_start, "home_publicity_end": home_end}
    findings = check(8, day, history(7, D(2026, 5, 12), mobile=mobile), details=details)
    assert codes(findings) == expected
    assert all(f.article == T + "第十三条" for f in findings)
    if expected == ["publicity"]:
        assert findings[0].message.startswith(f"居住地公示时间不少于五个工作日（{T}第十三条）")


@pytest.mark.parametrize(
    ("step", "day", "expected"),
    [
        (9, D(2026, 5, 22), ["inside_publicity"]),  # the notice's last day
        (9, D(2026, 5, 23), []),
        (12, D(2026, 5, 22), ["inside_publicity"]),
        (12, D(2026, 5, 23), []),
    ],
)
def test_nothing_after_step_8_is_dated_inside_the_notice(
    step: int, day: dt.date, expected: list[str]
) -> None:
    past = history(step - 1, D(2026, 5, 20), publicity_end=D(2026, 5, 22))
    people = sponsors() if step == 9 else ()
    findings = check(step, day, past, people=people)
    assert codes(findings) == expected
    if expected:
        assert findings[0].article == T + "第十三条"
        assert "请将日期改为 2026年5月23日 或以后" in findings[0].message


def test_a_2014_filing_has_no_notice_to_wait_for() -> None:
    past = history(8, D(2025, 3, 20))
    assert check(9, D(2025, 3, 20), past, people=sponsors()) == []


def _record(step: int, day: dt.date, **details: object) -> SimpleNamespace:
    stored = json.dumps(details, default=str)
    return SimpleNamespace(step=step, occurrence=1, version=1, state="passed", date=day,
                           details=stored)


def test_history_holds_the_notice_end_the_training_end_and_the_mobile_flag() -> None:
    member = SimpleNamespace(birth_date=D(1990, 5, 1), mobile=True)
    records = [
        _record(8, D(2026, 5, 26), publicity_end=D(2026, 5, 22), home_publicity_end=D(2026, 5, 26)),
        _record(11, D(2026, 6, 10), start=D(2026, 6, 5), end=D(2026, 6, 8)),
    ]
    past = history_of(member, records)
    assert (past.publicity_end, past.training_end, past.mobile) == (
        D(2026, 5, 26), D(2026, 6, 8), True,
    )
    plain = history_of(SimpleNamespace(birth_date=None), [])
    assert (plain.publicity_end, plain.training_end, plain.mobile) == (None, None, False)


# --- training: shorter needs a reason, never refused -------------------------------------------


@pytest.mark.parametrize(
    ("day", "article"), [(D(2023, 4, 20), "第十八条"), (D(2026, 6, 20), "第十七条")]
)
@pytest.mark.parametrize(
    ("days", "hours", "expected"),
    [(3, None, None), (2, None, NR), (2, 24, None), (2, 23.5, NR), (1, 0, NR)],
)
def test_short_training_needs_a_reason(
    day: dt.date, article: str, days: int, hours: float | None, expected: Severity | None
) -> None:
    start = day - dt.timedelta(days=5)
    details: dict[str, object] = {"start": start, "end": start + dt.timedelta(days=days - 1)}
    if hours is not None:
        details["hours"] = hours
    findings = check(11, day, history(10, day - dt.timedelta(days=10)), details=details)
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected:
        assert findings[0].article == T + article and "理由" in findings[0].message


# --- step 10: the conclusion after the 函调/外调 replies -----------------------------------------


@pytest.mark.parametrize(
    ("base", "article"), [(D(2023, 4, 10), "第十六条、第十七条"), (D(2026, 6, 10), "第十六条")]
)
@pytest.mark.parametrize(
    ("review_offset", "record_offset", "ok"),
    [(-1, 5, False), (0, 5, True), (1, 5, True), (None, -1, False), (None, 0, True)],
)
def test_the_political_review_comes_after_the_replies(
    base: dt.date, article: str, review_offset: int | None, record_offset: int, ok: bool
) -> None:
    details: dict[str, object] = {"conclusion": "政治审查合格", "replies_date": base}
    if review_offset is not None:
        details["review_date"] = base + dt.timedelta(days=review_offset)
    day = base + dt.timedelta(days=record_offset)
    findings = check(10, day, history(9, base - dt.timedelta(days=20)), details=details)
    assert codes(findings) == ([] if ok else ["not_before_field"])
    if not ok:
        assert findings[0].article == T + article
        assert findings[0].message.startswith("政治审查结论须在函调、外调材料回复之后形成")


# --- step 12: not before the end of the concentrated training ----------------------------------


@pytest.mark.parametrize(
    ("end", "article"), [(D(2023, 4, 19), "第十八条"), (D(2026, 6, 19), "第十七条")]
)
@pytest.mark.parametrize(("offset", "ok"), [(-1, False), (0, True), (1, True)])
def test_the_committee_review_waits_for_the_training_to_end(
    end: dt.date, article: str, offset: int, ok: bool
) -> None:
    past = history(11, end - dt.timedelta(days=5), training_end=end)
    findings = check(12, end + dt.timedelta(days=offset), past)
    assert codes(findings) == ([] if ok else ["not_before_history"])
    if not ok:
        assert findings[0].article == T + article and "集中培训" in findings[0].message


# --- limits the 2026 text introduced do not run backwards ---------------------------------------

NOT_RETROACTIVE = [
    (D(2026, 4, 1), D(2026, 5, 10), None),  # the 2014 book has no such limit
    (D(2026, 4, 1), D(2026, 6, 11), None),  # runs from 2026-05-11
    (D(2026, 4, 1), D(2026, 6, 12), NR),
    (D(2026, 5, 11), D(2026, 6, 11), None),
    (D(2026, 5, 11), D(2026, 6, 12), NR),
    (D(2026, 5, 20), D(2026, 6, 20), None),  # a later start: from its own date
    (D(2026, 5, 20), D(2026, 6, 21), NR),
]


@pytest.mark.parametrize(("start", "day", "expected"), NOT_RETROACTIVE)
def test_the_admission_meeting_month_is_not_retroactive(
    start: dt.date, day: dt.date, expected: Severity | None
) -> None:
    vote = dict(entitled=10, present=8, yes=7, against=1, abstain=0, method="无记名投票")
    findings = check(15, day, history(14, start), details=vote)
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected:
        assert findings[0].article == T + "第十九条"


@pytest.mark.parametrize(("start", "day", "expected"), NOT_RETROACTIVE)
def test_the_oath_month_is_not_retroactive(
    start: dt.date, day: dt.date, expected: Severity | None
) -> None:
    findings = check(20, day, history(19, start))
    assert [f.severity for f in findings] == ([expected] if expected else [])
    if expected:
        assert findings[0].article == T + "第二十九条"


@pytest.mark.parametrize(
    ("step", "kind", "upto"), [(15, "admission_meeting_due", 14), (20, "oath_due", 19)]
)
@pytest.mark.parametrize(
    ("today", "overdue"), [(D(2026, 6, 11), False), (D(2026, 6, 12), True)]
)
def test_the_reminders_run_from_the_revision_too(
    step: int, kind: str, upto: int, today: dt.date, overdue: bool
) -> None:
    (due,) = [d for d in due_actions(history(upto, D(2026, 4, 1)), today) if d.kind == kind]
    assert (due.step, due.due, due.overdue) == (step, D(2026, 6, 11), overdue)


# --- step 25: the article's items are required, the local checklist only warns -----------------


@pytest.mark.parametrize(
    ("book", "count"), [(RULEBOOK_2014, 5), (RULEBOOK_2026, 6)], ids=["2014", "2026"]
)
def test_the_statutory_archive_items_are_data(book: Rulebook, count: int) -> None:
    items = book.archive_items
    assert len(items) == count
    assert ("政治审查材料", "政审材料") in items
    assert ("培养教育考察材料", "入党积极分子培养考察登记表") in items
    assert ((RECORD_SHEET, RECORD_SHEET) in items) is (book is RULEBOOK_2026)
    assert {category for _, category in items} <= set(MATERIALS) & set(MATERIAL_CATEGORIES)


def test_every_material_says_by_which_step_it_is_formed() -> None:
    assert set(MATERIAL_FORMED_AT) == set(MATERIALS)
    assert all(1 <= step <= 25 for step in MATERIAL_FORMED_AT.values())
    assert MATERIAL_FORMED_AT["政审材料"] == 10 and MATERIAL_FORMED_AT["转正材料"] == 24


@pytest.mark.parametrize(
    ("day", "missing", "severity", "cited", "named"),
    [
        (D(2024, 7, 1), None, None, "", ""),
        (D(2024, 7, 1), "政审材料", ERR, T + "第三十七条", "政治审查材料（政审材料）"),
        (D(2024, 7, 1), "入党积极分子培养考察登记表", ERR, T + "第三十七条", "培养教育考察材料"),
        (D(2024, 7, 1), RECORD_SHEET, Severity.WARNING, LOCAL_CHECKLIST, RECORD_SHEET),
        (D(2024, 7, 1), "自传", Severity.WARNING, LOCAL_CHECKLIST, "自传"),
        (D(2026, 7, 1), None, None, "", ""),
        (D(2026, 7, 1), RECORD_SHEET, ERR, T + "第三十六条", RECORD_SHEET),
        (D(2026, 7, 1), "转正申请书", ERR, T + "第三十六条", "转正申请书"),
        (D(2026, 7, 1), "转正材料", Severity.WARNING, LOCAL_CHECKLIST, "转正材料"),
    ],
)
def test_archive_items_of_the_article_are_required(
    day: dt.date, missing: str | None, severity: Severity | None, cited: str, named: str
) -> None:
    past = history(24, day - dt.timedelta(days=10), conversion_outcome=ON_TIME)
    materials = [m for m in MATERIALS if m != missing]
    findings = check(25, day, past, details={"materials": materials})
    assert [(f.severity, f.article) for f in findings] == (
        [(severity, cited)] if severity else []
    )
    if severity:
        assert named in findings[0].message
        if severity is Severity.WARNING:
            assert "第三十" not in findings[0].message  # local practice, never cited as §36/§37


def test_the_local_checklist_is_cited_as_local_practice() -> None:
    assert citation("archive_checklist") == LOCAL_CHECKLIST

"""The 档案预审's checks, pure, each at its boundary (the day before / on / after), in both
rulebooks (2014 before 2026-05-11, 2026 from then) where the rule applies."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

import pytest

from branchdesk.core.dates import add_months, add_years
from branchdesk.core.precheck import (
    FileFacts,
    FileProblem,
    MeetingVote,
    PersonOnDate,
    ProblemSeverity,
    ReviewFact,
    StepFact,
    check_file,
)
from branchdesk.core.precheck.checks import (
    check_age,
    check_extension,
    check_order,
    check_people,
    check_political_review,
    check_probation,
    check_reviews,
    check_training,
    check_waits,
)
from branchdesk.core.precheck.found import Found
from branchdesk.core.precheck.material_check import check_materials
from branchdesk.core.precheck.replay import replay
from branchdesk.core.precheck.votes import check_votes
from branchdesk.core.rulebook import CANCEL, EXTEND, ON_TIME, SECRET_BALLOT, probation_end
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.vocab import Stage

ERROR, WARNING = ProblemSeverity.ERROR, ProblemSeverity.WARNING
#: a day under each rulebook
DAYS = {"2014": dt.date(2025, 3, 10), "2026": dt.date(2026, 8, 10)}
BOTH = pytest.mark.parametrize("version", ["2014", "2026"])
ONE_DAY = dt.timedelta(days=1)

_ids = itertools.count(1)


def rec(
    step: int, day: dt.date, details: dict[str, object] | None = None, *, state: str = "passed",
    imported: bool = False, people: Iterable[PersonOnDate] = (), reason: str = "",
    reviews: tuple[ReviewFact, ...] | None = None, vote: MeetingVote | None = None,
) -> StepFact:
    """A record of ``step`` on ``day``, reviewed and passed unless said otherwise."""
    if reviews is None:
        reviews = (ReviewFact(True, day),) if state == "passed" else ()
    return StepFact(
        next(_ids), step, 1, 1, state, day, details or {}, tuple(people), reviews, reason,
        imported, day, vote=vote,
    )


def file(*records: StepFact, birth: dt.date = dt.date(1995, 5, 1),
         materials: Iterable[str] = ()) -> FileFacts:
    return FileFacts(1, "110105199505010011", "张三", "第一党支部", birth, records,
                     frozenset(materials))


def found(items: list[Found]) -> list[tuple[int, ProblemSeverity, str]]:
    return [(f.step, f.severity, f.rule) for f in items]


# --- 政审 and its 函调 replies; its age at step 15 ------------------------------------------


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(-1, False), (0, False), (1, True)])
def test_a_political_review_may_not_conclude_before_its_replies(
    version: str, offset: int, problem: bool
) -> None:
    day = DAYS[version]
    review = rec(10, day, {"review_date": day, "replies_date": day + offset * ONE_DAY})
    result = check_political_review(file(review))
    expected = [(10, ERROR, citation("political_review", version))] if problem else []
    assert found(result) == expected
    if problem:
        assert "早于函调、外调材料回复日期" in result[0].message
        assert result[0].record is review


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(0, False), (1, True)])
def test_a_political_review_older_than_a_year_at_the_admission_meeting(
    version: str, offset: int, problem: bool
) -> None:
    day = DAYS[version]
    meeting = add_years(day, 1) + offset * ONE_DAY
    facts = file(rec(10, day, {"review_date": day}), rec(15, meeting))
    expected = [(15, WARNING, citation("political_review_valid"))] if problem else []
    assert found(check_political_review(facts)) == expected


# --- training before the committee's review -----------------------------------------------


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False), (1, False)])
def test_training_ends_before_the_committee_reviews(
    version: str, offset: int, problem: bool
) -> None:
    end = DAYS[version]
    facts = file(
        rec(11, end, {"start": end - 2 * ONE_DAY, "end": end}),
        rec(12, end + offset * ONE_DAY),
    )
    expected = [(12, ERROR, citation("training", version))] if problem else []
    assert found(check_training(facts)) == expected


# --- order, waits, age --------------------------------------------------------------------


@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False)])
def test_no_step_is_dated_before_the_one_it_follows(offset: int, problem: bool) -> None:
    day = DAYS["2026"]
    facts = file(rec(1, day), rec(2, day + offset * ONE_DAY))
    assert found(check_order(facts)) == (
        [(2, ERROR, citation("step_review"))] if problem else []
    )


def test_a_recorded_step_needs_the_one_before_it_unless_below_imported_history() -> None:
    day = DAYS["2026"]
    gap = file(rec(1, day), rec(3, day + 30 * ONE_DAY))
    (problem,) = check_order(gap)
    assert problem.step == 3 and "第2步" in problem.message
    imported = file(rec(1, day, imported=True), rec(3, day + 30 * ONE_DAY, imported=True),
                    rec(4, day + 40 * ONE_DAY))
    assert check_order(imported) == []
    waiting = file(rec(1, day), rec(2, day, state="pending"), rec(3, day))
    assert check_order(waiting) == []  # the waiting review is check_reviews' to report


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False), (1, False)])
def test_a_candidate_after_a_year_as_activist(version: str, offset: int, problem: bool) -> None:
    activist = add_months(DAYS[version], -12)
    chosen = add_months(activist, 12) + offset * ONE_DAY
    facts = file(rec(3, activist), rec(7, chosen, imported=True))  # imported history too
    assert found(check_waits(facts)) == (
        [(7, ERROR, citation("candidate", version))] if problem else []
    )


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False)])
def test_eighteen_on_the_application_date(version: str, offset: int, problem: bool) -> None:
    applied = DAYS[version]
    birth = add_years(applied, -18) - offset * ONE_DAY  # 18th birthday: applied + offset
    result = check_age(file(rec(1, applied, imported=True), birth=birth))
    assert found(result) == ([(1, ERROR, citation("age", version))] if problem else [])


# --- votes --------------------------------------------------------------------------------


def _vote(entitled: int, present: int, written: int, yes: int, against: int,
          abstain: int) -> dict[str, object]:
    return {"entitled": entitled, "present": present, "written_votes": written, "yes": yes,
            "against": against, "abstain": abstain, "method": SECRET_BALLOT}


@BOTH
@pytest.mark.parametrize("step", [15, 23])
@pytest.mark.parametrize(
    ("figures", "problems"),
    [
        ((10, 8, 0, 8, 0, 0), []),
        ((10, 6, 0, 6, 0, 0), []),  # 6 of 10: more than half
        ((10, 8, 0, 7, 0, 0), ["少于"]),  # a ballot not counted
        ((10, 8, 0, 8, 1, 0), ["多于"]),
        ((10, 5, 1, 6, 0, 0), ["未超过半数：会议不能"]),  # 5 of 10 present: no quorum
        ((10, 6, 0, 5, 1, 0), ["赞成5票，未超过半数"]),  # 5 of 10 yes: not passed
        ((10, 6, 0, 4, 1, 1), ["赞成4票，未超过半数"]),
        ((10, 9, 2, 9, 2, 0), ["多于应到会"]),  # 11 voters, 10 entitled
    ],
)
def test_the_counts_of_a_vote_add_up_and_carry_it(
    version: str, step: int, figures: tuple[int, ...], problems: list[str]
) -> None:
    details = _vote(*figures) | ({"outcome": ON_TIME} if step == 23 else {})
    result = check_votes(file(rec(step, DAYS[version], details)))
    assert len(result) == len(problems)
    for problem, fragment in zip(result, problems, strict=True):
        assert fragment in problem.message and problem.severity is ERROR
    keys = {"admission_quorum", "admission_majority"} if step == 15 else {
        "conversion_quorum", "conversion_majority"}
    assert {f.rule for f in result} <= {citation(k, version) for k in keys}


def test_imported_history_without_figures_is_not_counted() -> None:
    assert check_votes(file(rec(15, DAYS["2026"], imported=True))) == []


@pytest.mark.parametrize(
    ("vote", "problem"),
    [
        (MeetingVote(7, True, DAYS["2026"], 10, 6, 0, 6, 0, 0, SECRET_BALLOT), None),
        (MeetingVote(7, True, DAYS["2026"], 10, 7, 0, 7, 0, 0, SECRET_BALLOT), "不一致"),
        (MeetingVote(7, True, DAYS["2026"] + ONE_DAY, 10, 6, 0, 6, 0, 0, SECRET_BALLOT),
         "会议日期"),
        (MeetingVote(7, False), "不存在或其中没有"),
        (MeetingVote(7, True, DAYS["2026"], 10, 6, 0, 6, 0, 0, SECRET_BALLOT, False),
         "到会人数未达规定"),
    ],
)
def test_the_step_agrees_with_the_minutes_it_links(vote: MeetingVote, problem: str | None) -> None:
    record = rec(15, DAYS["2026"], _vote(10, 6, 0, 6, 0, 0), vote=vote)
    messages = [f.message for f in check_votes(file(record))]
    if problem is None:
        assert messages == []
    else:
        (message,) = messages
        assert problem in message and "会议记录第 7 号" in message


# --- contacts and sponsors ----------------------------------------------------------------


@BOTH
@pytest.mark.parametrize(
    ("person", "severity"),
    [
        (PersonOnDate(5, "李四", Stage.FULL), None),
        (PersonOnDate(5, "李四", None), None),  # unknown: not accused
        (PersonOnDate(5, "李四", Stage.PROBATIONARY), ERROR),
        (PersonOnDate(5, "李四", Stage.FULL, "留党察看", True), ERROR),
        (PersonOnDate(5, "李四", Stage.FULL, "留党察看", False), WARNING),
    ],
)
def test_sponsors_are_full_members_not_under_probation_of_membership(
    version: str, person: PersonOnDate, severity: ProblemSeverity | None
) -> None:
    other = PersonOnDate(6, "王五", Stage.FULL)
    result = check_people(file(rec(9, DAYS[version], people=(person, other))))
    if severity is None:
        assert result == []
    else:
        assert found(result) == [(9, severity, citation("sponsors", version))]
        assert "李四" in result[0].message


def test_contacts_are_full_members_on_the_record_date() -> None:
    contact = PersonOnDate(5, "李四", Stage.PROBATIONARY)
    (problem,) = check_people(file(rec(5, DAYS["2026"], people=(contact,))))
    assert problem.rule == citation("contacts", "2026") and "预备党员" in problem.message


# --- probation and its extension ----------------------------------------------------------


@BOTH
@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False)])
def test_conversion_is_discussed_once_the_probation_has_ended(
    version: str, offset: int, problem: bool
) -> None:
    decided = DAYS[version]
    joined = add_months(decided, -12)
    day = probation_end(joined) + offset * ONE_DAY
    facts = file(rec(15, joined), rec(23, day, {"outcome": ON_TIME}))
    assert found(check_probation(facts)) == (
        [(23, ERROR, citation("probation", version))] if problem else []
    )
    cancelled = file(rec(15, joined), rec(23, day - 100 * ONE_DAY, {"outcome": CANCEL}))
    assert check_probation(cancelled) == []  # a cancellation may come at any time


@pytest.mark.parametrize(("offset", "problem"), [(-1, True), (0, False)])
def test_a_second_decision_waits_for_the_extended_probation(offset: int, problem: bool) -> None:
    joined = dt.date(2025, 1, 6)
    first = probation_end(joined)
    second = probation_end(joined, 6) + offset * ONE_DAY
    facts = file(
        rec(15, joined),
        rec(23, first, {"outcome": EXTEND, "extension_months": 6}),
        rec(24, first + 20 * ONE_DAY),
        rec(23, second, {"outcome": ON_TIME}),
    )
    result = check_probation(facts)
    assert len(result) == (1 if problem else 0)
    if problem:
        assert "含延长的6个月" in result[0].message


@BOTH
@pytest.mark.parametrize(("months", "problem"), [(5, True), (6, False), (12, False), (13, True)])
def test_an_extension_lasts_six_to_twelve_months(version: str, months: int, problem: bool) -> None:
    facts = file(rec(23, DAYS[version], {"outcome": EXTEND, "extension_months": months}))
    assert found(check_extension(facts)) == (
        [(23, ERROR, citation("probation", version))] if problem else []
    )


def test_a_probation_is_extended_only_once() -> None:
    day = DAYS["2026"]
    facts = file(
        rec(23, day, {"outcome": EXTEND, "extension_months": 6}),
        rec(23, add_months(day, 7), {"outcome": EXTEND, "extension_months": 6}),
    )
    (problem,) = check_extension(facts)
    assert "只能延长一次" in problem.message


# --- reviews (一步一审) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([("passed", 1), ("pending", 2)], [(2, WARNING)]),
        ([("passed", 1), ("returned", 2)], [(2, WARNING)]),
        ([("pending", 1), ("passed", 2)], [(1, ERROR)]),
        ([("returned", 1), ("pending", 2)], [(1, ERROR), (2, WARNING)]),
        ([("passed", 1), ("passed", 2)], []),
    ],
)
def test_every_record_is_reviewed_before_the_next(
    records: list[tuple[str, int]], expected: list[tuple[int, ProblemSeverity]]
) -> None:
    day = DAYS["2026"]
    facts = file(*(rec(step, day, state=state) for state, step in records))
    result = check_reviews(facts)
    assert [(f.step, f.severity) for f in result] == expected
    assert all(f.rule == citation("step_review") for f in result)


def test_a_passed_record_without_a_passing_review_is_an_error() -> None:
    returned_only = (ReviewFact(False, DAYS["2026"]),)
    (problem,) = check_reviews(file(rec(1, DAYS["2026"], reviews=returned_only)))
    assert problem.severity is ERROR and "没有审核通过" in problem.message


# --- materials ----------------------------------------------------------------------------


def _through(last: int, day: dt.date, **extra: dict[str, object]) -> list[StepFact]:
    return [rec(step, day, extra.get(str(step))) for step in range(1, last + 1)]


#: every material of the checklist but the 转正申请书
WITHOUT_CONVERSION_APPLICATION = (
    "入党申请书", "谈话记录", "推荐材料", "入党积极分子培养考察登记表", "思想汇报", "自传",
    "发展对象公示材料", "政审材料", "集中培训结业证书", "入党志愿书", "支部大会记录",
    "上级党委谈话记录", "审批意见", "入党宣誓记录", "预备党员教育考察登记表", "转正材料",
    "发展党员全程纪实表",
)


@BOTH
def test_a_statutory_material_missing_once_archiving_is_due_is_an_error(version: str) -> None:
    day = DAYS[version]
    records = _through(24, day, **{"23": {"outcome": ON_TIME}})
    due = check_materials(file(*records, materials=WITHOUT_CONVERSION_APPLICATION), day)
    assert found(due) == [(22, ERROR, citation("archive", version))]
    assert "转正申请书" in due[0].message
    before = check_materials(file(*records[:23], materials=WITHOUT_CONVERSION_APPLICATION), day)
    assert found(before) == [(22, WARNING, citation("archive_checklist"))]


def test_a_material_of_a_step_not_reached_is_not_yet_formed() -> None:
    day = DAYS["2026"]
    others = WITHOUT_CONVERSION_APPLICATION
    assert check_materials(file(*_through(21, day), materials=others), day) == []
    imported = [rec(s, day, imported=s == 22) for s in range(1, 23)]
    assert check_materials(file(*imported, materials=others), day) == []


# --- the rulebook replayed ----------------------------------------------------------------


@BOTH
@pytest.mark.parametrize(
    ("reason", "imported", "expected"),
    [("", False, ERROR), ("谈话人出差", False, WARNING), ("", True, None)],
)
def test_a_late_talk_is_an_error_without_a_reason_and_a_warning_with_one(
    version: str, reason: str, imported: bool, expected: ProblemSeverity | None
) -> None:
    applied = add_months(DAYS[version], -2)
    application = rec(1, applied)  # records are replayed in the order they were entered
    talk = rec(2, add_months(applied, 1) + ONE_DAY, reason=reason, imported=imported)
    result = replay(file(application, talk))
    if expected is None:
        assert result == []
    else:
        assert found(result) == [(2, expected, citation("application_talk", version))]
        assert ("已说明原因：谈话人出差" in result[0].message) == bool(reason)
    on_time = rec(2, add_months(applied, 1))
    assert replay(file(application, on_time)) == []


def test_check_file_names_the_member_and_orders_by_step() -> None:
    day = DAYS["2026"]
    application, talk = rec(1, day, imported=True), rec(2, day, state="pending")
    review = rec(10, day, {"review_date": day, "replies_date": day + ONE_DAY}, imported=True)
    facts = file(application, talk, review)
    problems = check_file(facts, day)
    assert [(p.step, p.severity) for p in problems] == [(2, ERROR), (10, ERROR)]
    first: FileProblem = problems[0]
    assert (first.name, first.branch, first.id_number, first.step_name) == (
        "张三", "第一党支部", "110105199505010011", "党组织派人谈话")
    assert first.record_id == facts.records[1].record_id
    assert first.as_json()["severity"] == "error"
    assert set(first.as_json()) == {"id_number", "name", "branch", "step", "severity", "rule",
                                    "message"}


def test_a_file_taken_over_from_the_roster_is_clean_when_its_dates_agree() -> None:
    """The roster import writes milestones only (steps 1, 3, 7–8, 15 and 17, 23–24): the
    steps between them and their papers are in the old paper file, not missing."""
    applied, activist = dt.date(2019, 3, 1), dt.date(2019, 9, 1)
    candidate, joined = dt.date(2020, 10, 1), dt.date(2021, 6, 1)
    full = probation_end(joined)
    milestones = [(1, applied), (3, activist), (7, candidate), (8, candidate), (15, joined),
                  (17, joined), (23, full), (24, full)]
    records = [
        rec(step, day, {"outcome": ON_TIME} if step == 23 else {}, imported=True)
        for step, day in milestones
    ]
    assert check_file(file(*records), DAYS["2026"]) == []
    early = [rec(7, add_months(activist, 11), imported=True) if r.step == 7 else r
             for r in records]
    assert [(p.step, p.severity) for p in check_file(file(*early), DAYS["2026"])] == [(7, ERROR)]


def test_a_second_conversion_decision_awaiting_review_is_not_out_of_order() -> None:
    joined = dt.date(2025, 1, 6)
    first = probation_end(joined)
    facts = file(
        rec(15, joined),
        rec(23, first, {"outcome": EXTEND, "extension_months": 6}),
        rec(24, first + 20 * ONE_DAY),
        rec(23, probation_end(joined, 6), {"outcome": ON_TIME}, state="pending"),
    )
    assert [(f.step, f.severity) for f in check_reviews(facts)] == [(23, WARNING)]

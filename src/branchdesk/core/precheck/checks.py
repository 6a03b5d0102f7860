"""The 档案预审 of one development file: every problem, pure, over a FileFacts value.

The rulebook's own checks are replayed record by record (replay.py); what only the whole
file shows is checked here: the order and dates of all steps, waits, age, the political
review against its 函调 replies, training before the committee's review, sponsors and contacts
on the record's date, probation and its extension, reviews (一步一审), votes (votes.py) and
materials (material_check.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from branchdesk.core.dates import add_months, add_years, age_on, fmt
from branchdesk.core.precheck.facts import PENDING, RETURNED, FileFacts, StepFact
from branchdesk.core.precheck.found import Found, error, warning
from branchdesk.core.precheck.material_check import check_materials
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.precheck.replay import replay
from branchdesk.core.precheck.votes import check_votes
from branchdesk.core.rulebook import (
    CANCEL,
    EXTEND,
    WorkingDaysFn,
    nth_birthday,
    probation_end,
    rulebook_on,
)
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.rulebook.model import MinimumAge, MinimumWait, PeopleDiscipline
from branchdesk.core.vocab import Stage

POLITICAL_REVIEW, TRAINING, COMMITTEE_REVIEW, ADMISSION, CONVERSION = 10, 11, 12, 15, 23
REFUSED_DISCIPLINE = "留党察看"


def _version(day: dt.date) -> str:
    return rulebook_on(day).version


def _step_name(step: int, day: dt.date) -> str:
    return f"第{step}步「{rulebook_on(day).step(step).name}」"


def _date_detail(r: StepFact, key: str) -> dt.date | None:
    value = r.details.get(key)
    return value if isinstance(value, dt.date) else None


# --- order and waits ---------------------------------------------------------------------------


def check_order(facts: FileFacts) -> list[Found]:
    """Every recorded step follows a passed previous step, and no step is dated before it."""
    current, passed = facts.current_records(), facts.passed_records()
    recorded = {r.step for r in current}
    passed_steps = {r.step for r in passed}
    imported_top = max((r.step for r in passed if r.imported), default=0)
    rule = citation("step_review")
    found: list[Found] = []
    for step in sorted(recorded - {1}):
        previous = step - 1
        if previous in recorded or previous < imported_top:
            continue  # reviewed or awaiting review (check_reviews), or below imported history
        first = min((r for r in current if r.step == step), key=lambda r: r.record_id)
        if first.imported:
            continue
        found.append(error(
            step, rule,
            f"已记录{_step_name(step, first.date)}，但{_step_name(previous, first.date)}"
            f"没有记录：请补录第{previous}步并审核通过（一步一审）",
            first,
        ))
    earlier: StepFact | None = None
    for step in sorted(passed_steps):
        record = facts.first_passed(step)
        assert record is not None
        if earlier is not None and record.date < earlier.date:
            found.append(error(
                step, rule,
                f"本步日期（{fmt(record.date)}）早于{_step_name(earlier.step, earlier.date)}的日期"
                f"（{fmt(earlier.date)}）：各步须依次进行，请核对两步的日期",
                record,
            ))
        earlier = record
    return found


def check_waits(facts: FileFacts) -> list[Found]:
    """The minimum waits of the rulebook (a year as 积极分子), imported history included."""
    found: list[Found] = []
    for step in sorted({r.step for r in facts.passed_records()}):
        record = facts.first_passed(step)
        assert record is not None
        for c in rulebook_on(record.date).step(step).constraints:
            if not isinstance(c, MinimumWait):
                continue
            since = facts.first_passed(c.after_step)
            if since is None:
                continue
            earliest = add_months(since.date, c.months)
            if record.date < earliest:
                found.append(error(
                    step, c.article,
                    f"{c.rule_text}：第{c.after_step}步为 {fmt(since.date)}，本步为 "
                    f"{fmt(record.date)}，不满{c.months}个月，最早可于 {fmt(earliest)}",
                    record,
                ))
    return found


def check_age(facts: FileFacts) -> list[Found]:
    """The applicant was old enough on the day of the written application."""
    record = facts.first_passed(1) or next(
        (r for r in facts.current_records() if r.step == 1), None
    )
    if record is None:
        return []
    found: list[Found] = []
    for c in rulebook_on(record.date).step(1).constraints:
        if not isinstance(c, MinimumAge):
            continue
        if facts.birth_date is None:
            found.append(error(
                1, c.article, "缺少出生日期，无法核对递交申请时的年龄：请填写公民身份号码", record
            ))
        elif age_on(facts.birth_date, record.date) < c.years:
            earliest = nth_birthday(facts.birth_date, c.years)
            found.append(error(
                1, c.article,
                f"递交入党申请书（{fmt(record.date)}）时未满{c.years}周岁（出生日期 "
                f"{fmt(facts.birth_date)}，{fmt(earliest)} 满{c.years}周岁）：请核对申请日期"
                "和公民身份号码",
                record,
            ))
    return found


# --- the political review and training -----------------------------------------------------------


def check_political_review(facts: FileFacts) -> list[Found]:
    """The conclusion follows its 函调/外调 replies, and is at most a year old at step 15."""
    found: list[Found] = []
    reviews = [r for r in facts.current_records() if r.step == POLITICAL_REVIEW]
    for r in reviews:
        concluded = _date_detail(r, "review_date") or r.date
        replies = _date_detail(r, "replies_date")
        if replies is not None and concluded < replies:
            found.append(error(
                POLITICAL_REVIEW, citation("political_review", _version(r.date)),
                f"政治审查结论日期（{fmt(concluded)}）早于函调、外调材料回复日期"
                f"（{fmt(replies)}）：政审结论须在收齐函调、外调材料后作出，请核对日期，"
                "必要时重新形成政审结论",
                r,
            ))
    latest = facts.last_passed(POLITICAL_REVIEW)
    admission = facts.first_passed(ADMISSION)
    if latest is not None and admission is not None and not admission.imported:
        concluded = _date_detail(latest, "review_date") or latest.date
        if admission.date > add_years(concluded, 1):
            found.append(warning(
                ADMISSION, citation("political_review_valid"),
                f"支部大会讨论接收预备党员（{fmt(admission.date)}）时，政治审查结论"
                f"（{fmt(concluded)}）已超过一年：请核实是否进行了补充政治审查",
                admission,
            ))
    return found


def check_training(facts: FileFacts) -> list[Found]:
    """Concentrated training ended before the branch committee's review (step 12)."""
    training = facts.last_passed(TRAINING)
    if training is None:
        return []
    end = _date_detail(training, "end")
    review = next((r for r in facts.current_records() if r.step == COMMITTEE_REVIEW), None)
    if end is None or review is None or review.date >= end:
        return []
    return [error(
        COMMITTEE_REVIEW, citation("training", _version(training.date)),
        f"支部委员会审查（{fmt(review.date)}）早于集中培训结束（{fmt(end)}）：发展对象须经"
        "集中培训后才能审查，请核对日期",
        review,
    )]


# --- people ------------------------------------------------------------------------------------


def check_people(facts: FileFacts) -> list[Found]:
    """Contacts and sponsors were full members on the record's date, not under 留党察看."""
    found: list[Found] = []
    for r in facts.current_records():
        rule = rulebook_on(r.date).step(r.step)
        if rule.people is None or not r.people:
            continue
        label = rule.people.label
        refused = {
            sanction: c.article
            for c in rule.constraints
            if isinstance(c, PeopleDiscipline)
            for sanction in c.refused
        }
        for person in r.people:
            if rule.people.must_be_full_member and person.stage not in (None, Stage.FULL):
                assert person.stage is not None
                found.append(error(
                    r.step, rule.article,
                    f"{label}{person.name}在 {fmt(r.date)} 为{person.stage.label}，"
                    f"{label}须为正式党员：请更换{label}",
                    r,
                ))
            if person.discipline not in refused:
                continue
            article = refused[person.discipline]
            if person.discipline_dated:
                found.append(error(
                    r.step, article,
                    f"{label}{person.name}在 {fmt(r.date)} 受{person.discipline}处分，"
                    f"不能作{label}：请更换{label}",
                    r,
                ))
            else:
                found.append(warning(
                    r.step, article,
                    f"{label}{person.name}现受{person.discipline}处分：请核实确定{label}时"
                    f"（{fmt(r.date)}）是否已受此处分，如是须更换{label}",
                    r,
                ))
    return found


# --- probation ---------------------------------------------------------------------------------


def _decisions(facts: FileFacts) -> list[StepFact]:
    return [r for r in facts.passed_records() if r.step == CONVERSION]


def check_probation(facts: FileFacts) -> list[Found]:
    """The branch decided on conversion only once the probation (and its extension) ended."""
    joined = facts.first_passed(ADMISSION)
    if joined is None:
        return []
    found: list[Found] = []
    extension = 0
    for r in _decisions(facts):
        outcome = r.details.get("outcome")
        if outcome != CANCEL:
            end = probation_end(joined.date, extension)
            if r.date < end:
                extended = f"（含延长的{extension}个月）" if extension else ""
                found.append(error(
                    CONVERSION, citation("probation", _version(r.date)),
                    f"讨论转正（{fmt(r.date)}）时预备期尚未期满：预备期自 {fmt(joined.date)} "
                    f"起，至 {fmt(end)} 期满{extended}，请核对日期",
                    r,
                ))
        if outcome == EXTEND:
            months = r.details.get("extension_months")
            extension += months if isinstance(months, int) else 0
    return found


def check_extension(facts: FileFacts) -> list[Found]:
    """A probation is extended at most once, by six months to a year."""
    found: list[Found] = []
    extended = 0
    for r in _decisions(facts):
        if r.details.get("outcome") != EXTEND:
            continue
        rule = citation("probation", _version(r.date))
        extended += 1
        if extended > 1:
            found.append(error(
                CONVERSION, rule, "预备期只能延长一次：本记录再次延长预备期，请核对", r
            ))
        months = r.details.get("extension_months")
        if not (isinstance(months, int) and 6 <= months <= 12):
            shown = f"{months}个月" if isinstance(months, int) else "未填写"
            found.append(error(
                CONVERSION, rule,
                f"延长预备期不能少于半年、最长不超过一年，现为{shown}：请填写6至12个月", r
            ))
    return found


# --- reviews -----------------------------------------------------------------------------------


def check_reviews(facts: FileFacts) -> list[Found]:
    """Every record is reviewed (一步一审): one waiting or returned is an error once a later
    step was recorded, a warning while it is the file's latest."""
    rule = citation("step_review")
    current = facts.current_records()
    found: list[Found] = []
    for r in current:
        # steps entered after this record (a second conversion decision comes after the
        # approval of the extension: that earlier step 24 is not "later")
        later = sorted({x.step for x in current if x.step > r.step and x.record_id > r.record_id})
        if r.state in (PENDING, RETURNED):
            what = "尚未审核" if r.state == PENDING else "已被退回、尚未更正"
            if later:
                found.append(error(
                    r.step, rule,
                    f"本步记录{what}，却已记录了第{later[0]}步：请先完成本步的"
                    + ("审核" if r.state == PENDING else "更正和审核") + "（一步一审）",
                    r,
                ))
            elif r.state == PENDING:
                found.append(warning(r.step, rule, "本步记录待审核：请审核人审核", r))
            else:
                found.append(warning(
                    r.step, rule, "本步记录已被退回：请按审核意见更正后重新提交审核", r
                ))
        elif r.passed and not any(review.passed for review in r.reviews):
            found.append(error(
                r.step, rule, "本步记录标为已通过，但没有审核通过的审核记录：请补录审核", r
            ))
    return found


FileCheck = Callable[[FileFacts], list[Found]]
#: the checks that need only the file
FILE_CHECKS: tuple[FileCheck, ...] = (
    check_order,
    check_waits,
    check_age,
    check_political_review,
    check_training,
    check_people,
    check_votes,
    check_probation,
    check_extension,
    check_reviews,
)


def check_file(
    facts: FileFacts, today: dt.date, working_days: WorkingDaysFn | None = None
) -> list[FileProblem]:
    """Every problem of one development file, by step (errors first within a step)."""
    found = replay(facts, working_days)
    for check in FILE_CHECKS:
        found += check(facts)
    found += check_materials(facts, today)
    problems = list(dict.fromkeys(f.problem(facts, today) for f in found))
    order = {ProblemSeverity.ERROR: 0, ProblemSeverity.WARNING: 1}
    return sorted(
        problems, key=lambda p: (p.step, order[p.severity], p.record_id or 0, p.message)
    )

"""Pure checks of a proposed step against a member's file, and what is due on a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from branchdesk.core.dates import add_months, age_on, fmt
from branchdesk.core.rulebook.citations import chinese_number
from branchdesk.core.rulebook.model import (
    DISCIPLINES,
    EXTEND,
    ON_TIME,
    SHOW_OF_HANDS,
    BranchVote,
    Constraint,
    DateOrder,
    Deadline,
    Extension,
    FieldKind,
    FieldSpec,
    MaterialsComplete,
    MinimumAge,
    MinimumWait,
    NotBeforeField,
    NotBeforeHistory,
    PeopleDiscipline,
    PeriodicReview,
    ProbationOver,
    Publicity,
    RefusedChoice,
    RequiredDetail,
    Rulebook,
    StatutoryMaterials,
    StepRule,
    Tally,
    TrainingMinimum,
)
from branchdesk.core.rulebook.versions import rulebook_on
from branchdesk.core.vocab import Stage

#: counts working days from the first date to the second, both included; True = provisional
WorkingDaysFn = Callable[[dt.date, dt.date], tuple[int, bool]]

PROBATION_MONTHS = 12  # 党章第七条: the probation is one year
REMIND_DAYS_BEFORE = 30  # half-yearly reviews are listed from a month before they are due


class Severity(StrEnum):
    """How a finding weighs: refused, allowed only with a recorded reason, or a warning."""

    ERROR = "error"
    NEEDS_REASON = "needs_reason"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One result of a check, with the Chinese message for the clerk and the article it cites."""

    severity: Severity
    message: str
    article: str = ""
    earliest: dt.date | None = None
    code: str = ""  # a stable name of the rule, e.g. "minimum_wait", for programs and tests


@dataclass(frozen=True)
class PersonFacts:
    """What the checks need to know of a person named in a step (a contact or a sponsor)."""

    member_id: int
    name: str
    stage: Stage
    join_date: dt.date | None = None
    discipline: str = "无"  # one of DISCIPLINES


@dataclass(frozen=True)
class StepHistory:
    """What a member's development file already holds, as far as the rules need it.

    ``passed`` maps a step number to the date of its latest record that passed review (for the
    repeatable steps 6 and 21, the latest review; for steps 23 and 24, the latest decision and
    approval). ``review_dates`` holds all passed records of the repeatable steps.
    ``conversion_outcome`` is the outcome of the latest passed step 23 and
    ``extension_months`` the probation's extension decided there (0 when none).
    ``imported_on`` maps a step whose record was imported as history (roster import) to
    the day it came into BranchDesk: a time limit that had run out before then is history,
    not something to remind of. ``publicity_end`` is the end of step 8's 公示 (the later of
    the notices), ``training_end`` the end of step 11's concentrated training, and ``mobile``
    says the person is a 流动人员 (publicised at the work/study place and at home).
    """

    passed: Mapping[int, dt.date] = field(default_factory=dict)
    birth_date: dt.date | None = None
    review_dates: Mapping[int, tuple[dt.date, ...]] = field(default_factory=dict)
    conversion_outcome: str | None = None
    extension_months: int = 0
    imported_on: Mapping[int, dt.date] = field(default_factory=dict)
    publicity_end: dt.date | None = None
    training_end: dt.date | None = None
    mobile: bool = False


@dataclass(frozen=True)
class StepProposal:
    """A step the clerk wants to record: its number, date, structured fields and people."""

    step: int
    date: dt.date
    details: Mapping[str, object] = field(default_factory=dict)
    people: tuple[PersonFacts, ...] = ()


@dataclass(frozen=True)
class Due:
    """Something due for a member on a date, for the 待办 list and ``branchdesk reminders``."""

    kind: str
    due: dt.date
    overdue: bool
    rule: str  # the article
    message: str
    step: int = 0  # the step that settles it


# --- small pure helpers ----------------------------------------------------------------------


def probation_end(join_date: dt.date, extension_months: int = 0) -> dt.date:
    """The day the probation ends (转正时间): one year after step 15, plus any extension."""
    return add_months(join_date, PROBATION_MONTHS + extension_months)


def quorum(entitled: int, present: int) -> bool:
    """Voting members present are more than half of those entitled to vote (细则: needed to
    discuss an admission or a conversion)."""
    return entitled > 0 and 2 * present > entitled


def meeting_quorum(entitled: int, present: int) -> bool:
    """Half or more present (半数以上: 以上 includes the number) — enough to hold a 支部党员大会
    or a 支委会 (支部工作条例第十一、十二条)."""
    return entitled > 0 and 2 * present >= entitled


def passes(entitled: int, yes: int) -> bool:
    """YES votes (written ones included) are more than half of those entitled to vote."""
    return entitled > 0 and 2 * yes > entitled


def nth_birthday(birth: dt.date, years: int) -> dt.date:
    """The first day on which a person is ``years`` old (1 March for 29 February births)."""
    day = add_months(birth, 12 * years)
    if age_on(birth, day) < years:
        day += dt.timedelta(days=1)
    return day


def weekdays_only(start: dt.date, end: dt.date) -> tuple[int, bool]:
    """Monday–Friday between two dates, both included; always provisional (no holidays)."""
    count = sum(1 for n in range((end - start).days + 1) if (start + dt.timedelta(n)).weekday() < 5)
    return count, True


def conversion_step(book: Rulebook) -> int:
    """The number of the step that decides on the probation (the one with an Extension)."""
    known = _CONVERSION_STEPS.get(id(book))
    if known is not None and known[0] is book:
        return known[1]
    for rule in book.steps:
        if any(isinstance(c, Extension) for c in rule.constraints):
            _CONVERSION_STEPS[id(book)] = (book, rule.number)
            return rule.number
    raise LookupError("rulebook without a conversion step")


#: conversion_step per rulebook (asked once per member by the due list: thousands of times)
_CONVERSION_STEPS: dict[int, tuple[Rulebook, int]] = {}


def stage_after(rule: StepRule, conversion_outcome: str | None) -> Stage | None:
    """The 人员类别 a passed step sets; approving a conversion sets 正式党员 only when on time."""
    if rule.sets_stage is Stage.FULL and conversion_outcome != ON_TIME:
        return None
    return rule.sets_stage


# --- the order of steps ----------------------------------------------------------------------


def _finally_passed(number: int, history: StepHistory, conv: int) -> bool:
    if number not in history.passed:
        return False
    return not (number == conv and history.conversion_outcome == EXTEND)


def _order_findings(rule: StepRule, book: Rulebook, history: StepHistory) -> list[Finding]:
    """Whether the step may be recorded now, regardless of its date."""
    n, passed = rule.number, history.passed
    conv = conversion_step(book)
    label = f"第{n}步「{rule.name}」"

    def refuse(message: str) -> list[Finding]:
        return [Finding(Severity.ERROR, message, "", None, "order")]

    if n > 1 and n - 1 not in passed:
        prev = book.step(n - 1)
        return refuse(f"{label}须在第{n - 1}步「{prev.name}」审核通过后才能记录（一步一审）")
    if rule.repeatable:
        until = rule.repeatable_until
        if until is not None and _finally_passed(until, history, conv):
            ended = book.step(until)
            return refuse(f"第{until}步「{ended.name}」已通过，{label}不能再记录")
        return []
    if n == conv and n in passed:
        if history.conversion_outcome != EXTEND:
            return refuse(f"{label}已作出决定并通过审核，不能重复记录")
        approved = passed.get(n + 1)
        if approved is None or approved < passed[n]:
            return refuse(f"延长预备期须经上级党委批准（第{n + 1}步）后，才能再次讨论转正")
        return []
    if n == conv + 1:
        if n in passed and passed[n] >= passed[n - 1]:
            return refuse(f"{label}已通过审核，不能重复记录")
        return []
    if n in passed:
        return refuse(f"{label}已通过审核，不能重复记录；如需更正，请修改原记录")
    if n == conv + 2:
        if history.conversion_outcome == EXTEND:
            return refuse(
                f"预备期已延长，须在延长期满后再次讨论转正（第{conv}步），才能{rule.name}"
            )
        decided = passed.get(conv)
        if decided is not None and passed[n - 1] < decided:
            approval = book.step(conv + 1)
            return refuse(
                f"第{conv}步的决定须经第{conv + 1}步「{approval.name}」审核通过，才能{rule.name}"
            )
    return []


def _date_order_findings(
    rule: StepRule, proposal: StepProposal, history: StepHistory
) -> list[Finding]:
    n, passed = rule.number, history.passed
    earlier = [(n - 1, passed.get(n - 1))]
    if rule.number in passed and not rule.repeatable:  # a second decision after an extension
        earlier.append((n + 1, passed.get(n + 1)))
    for number, day in earlier:
        if day is not None and proposal.date < day:
            return [
                Finding(
                    Severity.ERROR,
                    f"日期不能早于第{number}步的日期（{fmt(day)}）",
                    "",
                    day,
                    "date_order",
                )
            ]
    return []


# --- fields and people -----------------------------------------------------------------------


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return not value
    return False


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _field_problem(spec: FieldSpec, value: object) -> str | None:
    kind = spec.kind
    if kind in (FieldKind.TEXT, FieldKind.MULTILINE):
        return None if isinstance(value, str) else "须为文字"
    if kind is FieldKind.INT:
        return None if _is_count(value) else "须为不小于0的整数"
    if kind is FieldKind.HOURS:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        return None if ok else "须为不小于0的数"
    if kind is FieldKind.DATE:
        return None if isinstance(value, dt.date) else "须为日期"
    if kind is FieldKind.CHOICE:
        return None if value in spec.choices else f"须为{'、'.join(spec.choices)}之一"
    if kind is FieldKind.CHECKLIST:
        if isinstance(value, list | tuple | set | frozenset) and all(
            item in spec.choices for item in value
        ):
            return None
        return "含有清单以外的项目"
    return None  # pragma: no cover - every kind is handled above


def _field_findings(rule: StepRule, details: Mapping[str, object]) -> list[Finding]:
    findings = []
    # these constraints explain a missing field themselves, with their article
    own_messages = {
        c.key
        for c in rule.constraints
        if isinstance(c, RequiredDetail | MaterialsComplete | StatutoryMaterials)
    }
    for spec in rule.fields:
        value = details.get(spec.key)
        if _empty(value):
            if spec.required and spec.key not in own_messages:
                findings.append(
                    Finding(
                        Severity.ERROR, f"请填写「{spec.label}」", rule.article, None, "required"
                    )
                )
            continue
        problem = _field_problem(spec, value)
        if problem:
            findings.append(
                Finding(Severity.ERROR, f"「{spec.label}」{problem}", "", None, "field_type")
            )
    return findings


def _people_findings(rule: StepRule, people: Sequence[PersonFacts]) -> list[Finding]:
    spec = rule.people
    if spec is None:
        if people:
            return [Finding(Severity.ERROR, f"「{rule.name}」不登记人员", "", None, "people")]
        return []
    findings = []
    count = len(people)
    if not spec.min <= count <= spec.max:
        wanted = f"{spec.min}名" if spec.min == spec.max else f"{spec.min}至{spec.max}名"
        findings.append(
            Finding(
                Severity.ERROR,
                f"{spec.label}须为{wanted}（{rule.article}），现为{count}名",
                rule.article,
                None,
                "people_count",
            )
        )
    ids = [p.member_id for p in people]
    if len(set(ids)) != len(ids):
        findings.append(
            Finding(Severity.ERROR, f"同一人不能重复登记为{spec.label}", "", None, "people_twice")
        )
    if spec.must_be_full_member:
        for person in people:
            if person.stage is not Stage.FULL:
                findings.append(
                    Finding(
                        Severity.ERROR,
                        f"{spec.label}须为正式党员（{rule.article}）："
                        f"{person.name}为{person.stage.label}",
                        rule.article,
                        None,
                        "people_full_member",
                    )
                )
    return findings


# --- constraints -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    rule: StepRule
    proposal: StepProposal
    history: StepHistory
    working_days: WorkingDaysFn | None

    def value(self, key: str) -> object:
        value = self.proposal.details.get(key)
        return None if _empty(value) else value

    def date_value(self, key: str) -> dt.date | None:
        value = self.value(key)
        return value if isinstance(value, dt.date) else None

    def count(self, key: str) -> int | None:
        value = self.value(key)
        return value if _is_count(value) else None  # type: ignore[return-value]

    def label(self, key: str) -> str:
        return self.rule.field(key).label


def _minimum_age(c: MinimumAge, ctx: _Context) -> list[Finding]:
    birth = ctx.history.birth_date
    if birth is None:
        return [
            Finding(
                Severity.ERROR,
                f"缺少出生日期，无法核对年龄（{c.article}）：请先填写公民身份号码",
                c.article,
                None,
                "minimum_age",
            )
        ]
    if age_on(birth, ctx.proposal.date) >= c.years:
        return []
    earliest = nth_birthday(birth, c.years)
    return [
        Finding(
            Severity.ERROR,
            f"递交入党申请时须年满{chinese_number(c.years)}岁（{c.article}），"
            f"最早可于 {fmt(earliest)}",
            c.article,
            earliest,
            "minimum_age",
        )
    ]


def _deadline(c: Deadline, ctx: _Context) -> list[Finding]:
    since = ctx.history.passed.get(c.after_step)
    if since is None:
        return []
    since = c.runs_from(since)  # a limit the revision introduced does not run backwards
    due = add_months(since, c.months)
    if ctx.proposal.date <= due:
        return []
    if c.hard_months is not None:
        limit = add_months(since, c.hard_months)
        if ctx.proposal.date > limit:
            return [
                Finding(
                    Severity.ERROR,
                    f"{c.rule_text}（{c.article}），最迟为 {fmt(limit)}，已超过期限",
                    c.article,
                    None,
                    "deadline_exceeded",
                )
            ]
    return [
        Finding(
            Severity.NEEDS_REASON,
            f"{c.rule_text}（{c.article}），期限为 {fmt(due)}，已逾期：须填写逾期原因",
            c.article,
            None,
            "deadline_late",
        )
    ]


def _minimum_wait(c: MinimumWait, ctx: _Context) -> list[Finding]:
    since = ctx.history.passed.get(c.after_step)
    if since is None:
        return []
    earliest = add_months(since, c.months)
    if ctx.proposal.date >= earliest:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}），最早可于 {fmt(earliest)}",
            c.article,
            earliest,
            "minimum_wait",
        )
    ]


def _people_discipline(c: PeopleDiscipline, ctx: _Context) -> list[Finding]:
    label = ctx.rule.people.label if ctx.rule.people else "人员"
    findings = []
    for person in ctx.proposal.people:
        if person.discipline not in DISCIPLINES:
            findings.append(
                Finding(
                    Severity.ERROR,
                    f"{person.name}的党纪处分「{person.discipline}」无法识别",
                    "",
                    None,
                    "discipline_unknown",
                )
            )
        elif person.discipline in c.refused:
            findings.append(
                Finding(
                    Severity.ERROR,
                    f"受{person.discipline}处分、尚未恢复党员权利的党员不能作{label}"
                    f"（{c.article}）：{person.name}",
                    c.article,
                    None,
                    "discipline_refused",
                )
            )
        elif person.discipline in c.warned:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"{person.name}受{person.discipline}处分，作{label}须慎重（{c.article}）",
                    c.article,
                    None,
                    "discipline_warned",
                )
            )
    return findings


def _required_detail(c: RequiredDetail, ctx: _Context) -> list[Finding]:
    if ctx.value(c.key) is not None:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}）：请填写「{ctx.label(c.key)}」",
            c.article,
            None,
            "required_detail",
        )
    ]


def _date_order(c: DateOrder, ctx: _Context) -> list[Finding]:
    first, second = ctx.date_value(c.first), ctx.date_value(c.second)
    if first is None or second is None or first <= second:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"「{ctx.label(c.second)}」（{fmt(second)}）不能早于「{ctx.label(c.first)}」"
            f"（{fmt(first)}）",
            "",
            first,
            "field_date_order",
        )
    ]


def _tally(c: Tally, ctx: _Context) -> list[Finding]:
    total = ctx.count(c.total)
    parts = [(key, ctx.count(key)) for key in c.parts]
    given = [(key, n) for key, n in parts if n is not None]
    if total is None or not given:
        return []
    summed = sum(n for _, n in given)
    if summed <= total:
        return []
    names = "、".join(ctx.label(key) for key, _ in given)
    return [
        Finding(
            Severity.ERROR,
            f"{names}合计{summed}，超过「{ctx.label(c.total)}」{total}",
            "",
            None,
            "tally",
        )
    ]


def _training(c: TrainingMinimum, ctx: _Context) -> list[Finding]:
    start, end = ctx.date_value(c.start), ctx.date_value(c.end)
    if start is None or end is None or end < start:
        return []
    days = (end - start).days + 1
    hours_value = ctx.value(c.hours)
    hours = hours_value if isinstance(hours_value, int | float) else 0
    if days >= c.min_days or hours >= c.min_hours:
        return []
    shown = f"{hours:g}"
    return [
        Finding(
            Severity.NEEDS_REASON,
            f"集中培训时间一般不少于{chinese_number(c.min_days)}天或者不少于"
            f"{chinese_number(c.min_hours)}个学时（{c.article}），现为{days}天、{shown}学时："
            "须填写培训时间不足的理由",
            c.article,
            start + dt.timedelta(days=c.min_days - 1),
            "training",
        )
    ]


def _publicity(c: Publicity, ctx: _Context) -> list[Finding]:
    start, end = ctx.date_value(c.start), ctx.date_value(c.end)
    if c.mobile_only and ctx.history.mobile and (start is None or end is None):
        wanted = "、".join(f"「{ctx.label(k)}」" for k in (c.start, c.end))
        return [
            Finding(
                Severity.ERROR,
                f"流动人员须在工作（学习）单位和居住地分别公示，两处公示均须记录（{c.article}）："
                f"请填写{wanted}",
                c.article,
                None,
                "publicity_mobile",
            )
        ]
    if start is None or end is None or end < start:
        return []
    findings = []
    if ctx.proposal.date < end:
        findings.append(
            Finding(
                Severity.ERROR,
                f"{c.label}期满后才能确定为发展对象（{c.article}）：{c.label}至 {fmt(end)} 结束，"
                f"本步日期不能早于该日，请改为 {fmt(end)} 或以后",
                c.article,
                end,
                "publicity_not_over",
            )
        )
    return findings + _publicity_length(c, ctx, start, end)


def _publicity_length(
    c: Publicity, ctx: _Context, start: dt.date, end: dt.date
) -> list[Finding]:
    count_fn = ctx.working_days or weekdays_only
    basis = "" if ctx.working_days else "未提供节假日日历，按周一至周五计算，"
    count, provisional = count_fn(start, end)
    note = f"（{basis}所涉年份的节假日安排尚未确认，工作日数为暂定）" if provisional else ""
    period = f"{fmt(start)}至{fmt(end)}"
    if count >= c.min_working_days:
        if not provisional:
            return []
        return [
            Finding(
                Severity.WARNING,
                f"{c.label}期{period}计{count}个工作日{note}",
                c.article,
                None,
                "publicity_provisional",
            )
        ]
    earliest = _earliest_end(start, c.min_working_days, count_fn)
    tail = f"，最早可于 {fmt(earliest)} 结束{c.label}" if earliest else ""
    return [
        Finding(
            Severity.ERROR,
            f"{c.label}时间不少于{chinese_number(c.min_working_days)}个工作日（{c.article}），"
            f"{c.label}期{period}只有{count}个工作日{note}{tail}",
            c.article,
            earliest,
            "publicity",
        )
    ]


def _earliest_end(start: dt.date, needed: int, count_fn: WorkingDaysFn) -> dt.date | None:
    for offset in range(needed - 1, 90):
        day = start + dt.timedelta(days=offset)
        if count_fn(start, day)[0] >= needed:
            return day
    return None


def _branch_vote(c: BranchVote, ctx: _Context) -> list[Finding]:
    entitled, present, yes = ctx.count("entitled"), ctx.count("present"), ctx.count("yes")
    if entitled is None or present is None or yes is None:
        return []
    written = ctx.count("written_votes") or 0
    against, abstain = ctx.count("against") or 0, ctx.count("abstain") or 0
    findings = []

    def error(message: str, article: str, code: str) -> None:
        findings.append(Finding(Severity.ERROR, message, article, None, code))

    if present + written > entitled:
        error(
            f"实到人数与会前提交书面意见人数合计{present + written}，"
            f"超过应到会有表决权人数{entitled}",
            "",
            "vote_count",
        )
    if yes + against + abstain > present + written:
        error(
            f"赞成、反对、弃权票合计{yes + against + abstain}，"
            f"超过实到人数与书面意见人数之和{present + written}",
            "",
            "vote_count",
        )
    needed = entitled // 2 + 1
    if not quorum(entitled, present):
        error(
            f"有表决权的到会人数必须超过应到会有表决权人数的半数（{c.quorum_article}）："
            f"应到{entitled}人，实到{present}人，至少须{needed}人",
            c.quorum_article,
            "quorum",
        )
    if not passes(entitled, yes):
        error(
            f"赞成人数须超过应到会有表决权的正式党员的半数，会前提交的书面意见计入票数"
            f"（{c.majority_article}）：应到{entitled}人，赞成{yes}票，至少须{needed}票",
            c.majority_article,
            "majority",
        )
    if c.secret_ballot and ctx.value("method") == SHOW_OF_HANDS:
        error(
            f"讨论接收预备党员须采取无记名投票方式表决（{c.secret_ballot_article}）",
            c.secret_ballot_article,
            "secret_ballot",
        )
    return findings


def _probation_over(c: ProbationOver, ctx: _Context) -> list[Finding]:
    if ctx.value("outcome") in c.exempt_outcomes:
        return []
    join = ctx.history.passed.get(c.join_step)
    if join is None:
        return []
    end = probation_end(join, ctx.history.extension_months)
    if ctx.proposal.date >= end:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}），最早可于 {fmt(end)}",
            c.article,
            end,
            "probation_over",
        )
    ]


def _extension(c: Extension, ctx: _Context) -> list[Finding]:
    outcome = ctx.value("outcome")
    months = ctx.value("extension_months")
    if outcome != c.outcome:
        if months not in (None, 0):
            return [
                Finding(
                    Severity.ERROR,
                    f"只有{c.outcome}时才填写「{ctx.label('extension_months')}」",
                    "",
                    None,
                    "extension_months",
                )
            ]
        return []
    if ctx.history.extension_months:
        return [
            Finding(
                Severity.ERROR,
                f"预备期只能延长一次（{c.article}），已延长{ctx.history.extension_months}个月",
                c.article,
                None,
                "extension_once",
            )
        ]
    if not (_is_count(months) and c.min_months <= months <= c.max_months):  # type: ignore[operator]
        return [
            Finding(
                Severity.ERROR,
                f"延长预备期不能少于半年，最长不超过一年（{c.article}）："
                f"请填写{c.min_months}至{c.max_months}个月",
                c.article,
                None,
                "extension_months",
            )
        ]
    return []


def _present_materials(key: str, ctx: _Context) -> set[str]:
    value = ctx.value(key)
    return set(value) if isinstance(value, list | tuple | set | frozenset) else set()


def _statutory_materials(c: StatutoryMaterials, ctx: _Context) -> list[Finding]:
    present = _present_materials(c.key, ctx)
    missing = [
        name if name == category else f"{name}（{category}）"
        for name, category in c.items
        if category not in present
    ]
    if not missing:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"归档材料缺少规定必须归档的材料（{c.article}）：{'、'.join(missing)}，"
            "请补齐并登记后再归档",
            c.article,
            None,
            "materials_statutory",
        )
    ]


def _materials(c: MaterialsComplete, ctx: _Context) -> list[Finding]:
    """The local checklist: what the statutory list does not already report is a warning."""
    present = _present_materials(c.key, ctx)
    statutory = {
        category
        for other in ctx.rule.constraints
        if isinstance(other, StatutoryMaterials)
        for _, category in other.items
    }
    missing = [name for name in c.materials if name not in present and name not in statutory]
    if not missing:
        return []
    return [
        Finding(
            Severity.WARNING,
            f"按{c.article}，还缺少：{'、'.join(missing)}；请核实是否需要补充归档",
            c.article,
            None,
            "materials",
        )
    ]


def _refused_choice(c: RefusedChoice, ctx: _Context) -> list[Finding]:
    value = ctx.value(c.key)
    if value not in c.refused:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}）：「{ctx.label(c.key)}」为「{value}」，"
            "不能记录本步；请按核实结论终止或暂缓发展",
            c.article,
            None,
            "refused_choice",
        )
    ]


def _not_before_field(c: NotBeforeField, ctx: _Context) -> list[Finding]:
    earlier = ctx.date_value(c.earlier)
    later = ctx.date_value(c.later) or ctx.proposal.date
    if earlier is None or later >= earlier:
        return []
    named = ctx.label(c.later) if ctx.date_value(c.later) else "本步日期"
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}）：{named}（{fmt(later)}）早于"
            f"「{ctx.label(c.earlier)}」（{fmt(earlier)}），请核对并更正日期",
            c.article,
            earlier,
            "not_before_field",
        )
    ]


def _not_before_history(c: NotBeforeHistory, ctx: _Context) -> list[Finding]:
    day = getattr(ctx.history, c.attribute)
    if day is None or ctx.proposal.date >= day:
        return []
    return [
        Finding(
            Severity.ERROR,
            f"{c.rule_text}（{c.article}）：{c.label}为 {fmt(day)}，本步日期不能早于该日，"
            f"请改为 {fmt(day)} 或以后",
            c.article,
            day,
            "not_before_history",
        )
    ]


def _inside_publicity(
    book: Rulebook, rule: StepRule, proposal: StepProposal, history: StepHistory
) -> list[Finding]:
    """No step after the 公示's step may be dated inside the notice period (its last day too)."""
    end = history.publicity_end
    if end is None or proposal.date > end:
        return []
    for earlier in book.steps[: rule.number - 1]:
        for c in earlier.constraints:
            if isinstance(c, Publicity):
                after = end + dt.timedelta(days=1)
                return [
                    Finding(
                        Severity.ERROR,
                        f"第{earlier.number}步「{earlier.name}」的公示至 {fmt(end)} 结束，"
                        f"公示期内不能进行后续步骤（{c.article}）："
                        f"请将日期改为 {fmt(after)} 或以后",
                        c.article,
                        after,
                        "inside_publicity",
                    )
                ]
    return []


def _constraint_findings(c: Constraint, ctx: _Context) -> list[Finding]:
    if isinstance(c, MinimumAge):
        return _minimum_age(c, ctx)
    if isinstance(c, Deadline):
        return _deadline(c, ctx)
    if isinstance(c, MinimumWait):
        return _minimum_wait(c, ctx)
    if isinstance(c, PeopleDiscipline):
        return _people_discipline(c, ctx)
    if isinstance(c, RequiredDetail):
        return _required_detail(c, ctx)
    if isinstance(c, DateOrder):
        return _date_order(c, ctx)
    if isinstance(c, Tally):
        return _tally(c, ctx)
    if isinstance(c, TrainingMinimum):
        return _training(c, ctx)
    if isinstance(c, Publicity):
        return _publicity(c, ctx)
    if isinstance(c, BranchVote):
        return _branch_vote(c, ctx)
    if isinstance(c, ProbationOver):
        return _probation_over(c, ctx)
    if isinstance(c, Extension):
        return _extension(c, ctx)
    if isinstance(c, MaterialsComplete):
        return _materials(c, ctx)
    if isinstance(c, StatutoryMaterials):
        return _statutory_materials(c, ctx)
    if isinstance(c, RefusedChoice):
        return _refused_choice(c, ctx)
    if isinstance(c, NotBeforeField):
        return _not_before_field(c, ctx)
    if isinstance(c, NotBeforeHistory):
        return _not_before_history(c, ctx)
    if isinstance(c, PeriodicReview):
        return []  # a reminder only (see due_actions)
    raise TypeError(f"unknown constraint {c!r}")  # pragma: no cover


# --- the public checks -----------------------------------------------------------------------


def check_step(
    proposal: StepProposal,
    history: StepHistory,
    working_days: WorkingDaysFn | None = None,
) -> list[Finding]:
    """Every finding on a proposed step, by the rulebook in force on the step's date.

    No ERROR means the step may be recorded; a NEEDS_REASON finding means only with a reason.
    ``working_days`` counts the working days of a 公示 (``None``: Monday–Friday, provisional).
    """
    book = rulebook_on(proposal.date)
    try:
        rule = book.step(proposal.step)
    except KeyError:
        return [Finding(Severity.ERROR, f"没有第{proposal.step}步", "", None, "no_such_step")]
    findings = _order_findings(rule, book, history)
    if not findings:
        findings += _date_order_findings(rule, proposal, history)
    findings += _field_findings(rule, proposal.details)
    findings += _people_findings(rule, proposal.people)
    findings += _inside_publicity(book, rule, proposal, history)
    ctx = _Context(rule, proposal, history, working_days)
    for constraint in rule.constraints:
        findings += _constraint_findings(constraint, ctx)
    return findings


def next_step(history: StepHistory, day: dt.date) -> int | None:
    """The step to record next by the rulebook in force on ``day`` (None when the file is done)."""
    book = rulebook_on(day)
    open_steps = [rule for rule in book.steps if not _order_findings(rule, book, history)]
    # an imported file has gaps below its last milestone: the next step comes after it
    highest = max(history.passed, default=0)
    for rule in open_steps:
        if not rule.repeatable and rule.number > highest:
            return rule.number
    for rule in open_steps:
        if not rule.repeatable:
            return rule.number
    return open_steps[0].number if open_steps else None


def due_actions(history: StepHistory, today: dt.date) -> list[Due]:
    """What is due or overdue for a member on ``today``, by the rulebook in force that day."""
    book = rulebook_on(today)
    conv = conversion_step(book)
    passed = history.passed
    highest = max(passed, default=0)
    items: list[Due] = []
    for rule, c in _due_constraints(book):
        # a file whose later steps passed (say, imported) owes nothing for an earlier step
        beyond = rule.number < conv and highest > rule.number
        if isinstance(c, Deadline):
            if not beyond:
                items += _due_deadline(rule, c, history, today)
        elif isinstance(c, MinimumWait):
            if not beyond and rule.number not in passed:
                items += _due_wait(rule, c, history, today)
        elif isinstance(c, PeriodicReview):
            items += _due_review(rule, c, history, today, conv)
        elif isinstance(c, ProbationOver):
            items += _due_probation(rule, c, history, today, conv)
    return sorted(items, key=lambda item: (item.due, item.step))


def _due_constraints(book: Rulebook) -> list[tuple[StepRule, Any]]:
    """The constraints of a rulebook that can make something due, with their steps (found
    once per rulebook: the due list asks for every member)."""
    known = _DUE_CONSTRAINTS.get(id(book))
    if known is not None and known[0] is book:
        return known[1]
    found: list[tuple[StepRule, Any]] = [
        (rule, c)
        for rule in book.steps
        for c in rule.constraints
        if isinstance(c, Deadline | PeriodicReview | ProbationOver)
        or (isinstance(c, MinimumWait) and c.due_kind)
    ]
    _DUE_CONSTRAINTS[id(book)] = (book, found)
    return found


_DUE_CONSTRAINTS: dict[int, tuple[Rulebook, list[tuple[StepRule, Any]]]] = {}


def _due_deadline(rule: StepRule, c: Deadline, history: StepHistory, today: dt.date) -> list[Due]:
    since = history.passed.get(c.after_step)
    if since is None:
        return []
    done = history.passed.get(rule.number)
    if done is not None and done >= since:
        return []
    due = add_months(c.runs_from(since), c.months)  # no retroactive deadlines
    imported = history.imported_on.get(c.after_step)
    if imported is not None and due < imported:
        return []  # the limit ran out before the file came in: not the branch's to remind of
    overdue = today > due
    if not overdue and not c.remind_early:
        return []
    if overdue:
        message = f"{c.rule_text}（{c.article}），期限为 {fmt(due)}，已逾期"
        if c.hard_months is not None:
            message += f"，最迟不得超过 {fmt(add_months(since, c.hard_months))}"
    else:
        message = f"{c.rule_text}（{c.article}），请于 {fmt(due)} 前完成"
    return [Due(c.due_kind, due, overdue, c.article, message, rule.number)]


def _due_wait(rule: StepRule, c: MinimumWait, history: StepHistory, today: dt.date) -> list[Due]:
    since = history.passed.get(c.after_step)
    if since is None:
        return []
    earliest = add_months(since, c.months)
    if today < earliest:
        return []
    message = f"{c.rule_text}（{c.article}），自 {fmt(earliest)} 起可以{rule.name}"
    return [Due(c.due_kind, earliest, False, c.article, message, rule.number)]


def _due_review(
    rule: StepRule, c: PeriodicReview, history: StepHistory, today: dt.date, conv: int
) -> list[Due]:
    since = history.passed.get(c.since_step)
    if since is None or _finally_passed(c.until_step, history, conv):
        return []
    last = max(
        [since, *history.review_dates.get(rule.number, ())]
        + ([history.passed[rule.number]] if rule.number in history.passed else [])
    )
    due = add_months(last, c.months)
    if today < due - dt.timedelta(days=REMIND_DAYS_BEFORE):
        return []
    overdue = today > due
    if overdue:
        message = (
            f"{c.rule_text}（{c.article}），自 {fmt(last)} 起已超过{c.months}个月未考察"
            f"（期限为 {fmt(due)}），已逾期"
        )
    else:
        message = f"{c.rule_text}（{c.article}），请于 {fmt(due)} 前完成"
    return [Due(c.due_kind, due, overdue, c.article, message, rule.number)]


def _due_probation(
    rule: StepRule, c: ProbationOver, history: StepHistory, today: dt.date, conv: int
) -> list[Due]:
    join = history.passed.get(c.join_step)
    if join is None or c.approval_step not in history.passed:
        return []
    if _finally_passed(conv, history, conv):
        return []
    end = probation_end(join, history.extension_months)
    if today >= end:
        message = f"预备期已于 {fmt(end)} 期满，党支部应当及时讨论其能否转为正式党员（{c.article}）"
        return [Due(c.ended_kind, end, today > end, c.article, message, rule.number)]
    if (end - today).days <= c.ending_notice_days:
        message = f"预备期将于 {fmt(end)} 期满，请准备讨论其能否转为正式党员（{c.article}）"
        return [Due(c.ending_kind, end, False, c.article, message, rule.number)]
    return []

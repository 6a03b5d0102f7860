"""The shape of a rulebook of member development: steps, their fields, people and constraints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.core.vocab import DISCIPLINES, Stage

__all__ = ["DISCIPLINES"]  # sanctions a Party member may be under (党纪处分), re-exported
#: outcomes of the general meeting on a probationary member (step 23)
ON_TIME = "按期转正"
EXTEND = "延长预备期"
CANCEL = "取消预备党员资格"
CONVERSION_OUTCOMES = (ON_TIME, EXTEND, CANCEL)
#: how a general meeting voted
SHOW_OF_HANDS = "举手"
SECRET_BALLOT = "无记名投票"
VOTE_METHODS = (SHOW_OF_HANDS, SECRET_BALLOT)


class FieldKind(StrEnum):
    """How a structured field of a step record is entered and validated."""

    TEXT = "text"  # one line
    MULTILINE = "multiline"  # a paragraph (opinions, content)
    INT = "int"  # a count ≥ 0
    DATE = "date"
    CHOICE = "choice"  # one of FieldSpec.choices
    CHECKLIST = "checklist"  # any subset of FieldSpec.choices
    HOURS = "hours"  # a number of class hours ≥ 0, fractions allowed


@dataclass(frozen=True)
class FieldSpec:
    """One structured field of a step record, as the record sheet (纪实表) has it."""

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class PeopleSpec:
    """People a step names (contacts, sponsors): how many, and whether they must be full members."""

    role: str
    label: str
    min: int
    max: int
    must_be_full_member: bool = True


# --- constraints: each is data; core.rulebook.checks knows how to apply each kind -------------


@dataclass(frozen=True)
class MinimumAge:
    """The person must be at least ``years`` old on the step's date."""

    years: int
    article: str


@dataclass(frozen=True)
class Deadline:
    """The step is due within ``months`` of step ``after_step``.

    Later than that needs a recorded reason; later than ``hard_months`` (when set) is refused.
    ``due_kind`` names the reminder in the list of what is due; ``remind_early`` lists it from
    the day it becomes due rather than only once it is overdue. A limit a revision introduced
    runs from ``not_before`` (the revision's first day) when its start event came earlier:
    no retroactive deadlines.
    """

    after_step: int
    months: int
    rule_text: str
    article: str
    due_kind: str
    remind_early: bool = True
    hard_months: int | None = None
    not_before: dt.date | None = None

    def runs_from(self, since: dt.date) -> dt.date:
        """The day the limit starts: the start event, or ``not_before`` if that is later."""
        return max(since, self.not_before) if self.not_before is not None else since


@dataclass(frozen=True)
class MinimumWait:
    """The step may not come before ``months`` after step ``after_step`` (inclusive)."""

    after_step: int
    months: int
    rule_text: str
    article: str
    due_kind: str = ""


@dataclass(frozen=True)
class PeriodicReview:
    """While the stage lasts, a review is due every ``months`` (from ``since_step`` or the last)."""

    since_step: int
    until_step: int
    months: int
    rule_text: str
    article: str
    due_kind: str


@dataclass(frozen=True)
class PeopleDiscipline:
    """The people named may not be under ``refused`` sanctions; ``warned`` ones get a warning."""

    refused: tuple[str, ...]
    warned: tuple[str, ...]
    article: str


@dataclass(frozen=True)
class RequiredDetail:
    """A field without which the step is refused, with the article that requires it."""

    key: str
    rule_text: str
    article: str


@dataclass(frozen=True)
class DateOrder:
    """Field ``first`` must not be later than field ``second`` (a period's start and end)."""

    first: str
    second: str


@dataclass(frozen=True)
class Tally:
    """The sum of the ``parts`` fields may not exceed the ``total`` field (votes ≤ voters)."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class TrainingMinimum:
    """Concentrated training lasts at least ``min_days`` days or ``min_hours`` class hours."""

    start: str
    end: str
    hours: str
    min_days: int
    min_hours: int
    article: str


@dataclass(frozen=True)
class Publicity:
    """A public notice from field ``start`` to ``end`` of at least ``min_working_days``.

    The step is complete only when the notice has ended: its date may not be before ``end``,
    and no later step may be dated on or before the end (StepHistory.publicity_end). A notice
    with ``mobile_only`` is required only for a 流动人员 (a second notice at the home place).
    """

    start: str
    end: str
    not_before: str  # the field the notice may not start before (the approval's date)
    min_working_days: int
    article: str
    mobile_only: bool = False
    label: str = "公示"  # how the message names the notice: 公示, 居住地公示


@dataclass(frozen=True)
class RefusedChoice:
    """A choice field whose value in ``refused`` stops the step (e.g. a 公示 that found a bar)."""

    key: str
    refused: tuple[str, ...]
    rule_text: str
    article: str


@dataclass(frozen=True)
class NotBeforeField:
    """The date in field ``later`` (the step's own date when empty) may not be before the
    date in field ``earlier`` (e.g. a political review before its 函调 replies)."""

    earlier: str
    later: str
    rule_text: str
    article: str


@dataclass(frozen=True)
class NotBeforeHistory:
    """The step may not be dated before a date the file already holds: ``attribute`` of
    StepHistory (e.g. ``training_end``, the end of step 11's concentrated training)."""

    attribute: str
    label: str  # what that date is, in the clerk's words
    rule_text: str
    article: str


@dataclass(frozen=True)
class BranchVote:
    """A general meeting's vote: quorum of those present and majority of YES votes.

    Both are counted against the members entitled to vote; written votes handed in before the
    meeting count as votes. ``secret_ballot`` requires the method 无记名投票.
    """

    quorum_article: str
    majority_article: str
    secret_ballot: bool = False
    secret_ballot_article: str = ""


@dataclass(frozen=True)
class ProbationOver:
    """The branch may decide on conversion only once the probation has ended.

    A cancellation (``exempt_outcomes``) may be decided at any time during the probation.
    ``ending_kind`` and ``ended_kind`` name the reminders around the probation's end.
    """

    join_step: int  # the probation runs from this step's date
    approval_step: int  # reminders start once this step (the approval) has passed
    rule_text: str
    article: str
    exempt_outcomes: tuple[str, ...]
    ending_kind: str
    ended_kind: str
    ending_notice_days: int = 30


@dataclass(frozen=True)
class Extension:
    """A probation may be extended once, by ``min_months`` to ``max_months``."""

    outcome: str  # the outcome that means an extension
    min_months: int
    max_months: int
    article: str


@dataclass(frozen=True)
class MaterialsComplete:
    """The local checklist of archived materials: a missing one is a warning (local practice)."""

    key: str
    materials: tuple[str, ...]
    article: str


@dataclass(frozen=True)
class StatutoryMaterials:
    """The items the article lists for the archive: a missing one is refused.

    ``items`` pairs each item as the article names it with our material category.
    """

    key: str
    items: tuple[tuple[str, str], ...]
    article: str


Constraint = (
    MinimumAge
    | Deadline
    | MinimumWait
    | PeriodicReview
    | PeopleDiscipline
    | RequiredDetail
    | DateOrder
    | Tally
    | TrainingMinimum
    | Publicity
    | BranchVote
    | ProbationOver
    | Extension
    | MaterialsComplete
    | StatutoryMaterials
    | RefusedChoice
    | NotBeforeField
    | NotBeforeHistory
)


@dataclass(frozen=True)
class StepRule:
    """One of the 25 steps: where it stands, who decides, its article, fields and constraints."""

    number: int
    stage: int  # 1–5
    stage_name: str
    name: str
    decided_by: str
    article: str
    fields: tuple[FieldSpec, ...] = ()
    people: PeopleSpec | None = None
    repeatable: bool = False
    #: a repeatable step may be recorded again until this step has passed
    repeatable_until: int | None = None
    sets_stage: Stage | None = None
    constraints: tuple[Constraint, ...] = ()

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)


@dataclass(frozen=True)
class Rulebook:
    """One version of the regulations as data: the 25 steps in force from a date."""

    version: str
    title: str
    in_force_from: dt.date
    steps: tuple[StepRule, ...]

    def __post_init__(self) -> None:
        numbers = [rule.number for rule in self.steps]
        assert numbers == list(range(1, len(numbers) + 1)), numbers

    def step(self, number: int) -> StepRule:
        if not 1 <= number <= len(self.steps):
            raise KeyError(number)
        return self.steps[number - 1]

    @property
    def last_step(self) -> int:
        return len(self.steps)

    @property
    def archive_items(self) -> tuple[tuple[str, str], ...]:
        """The archive's statutory items: (the article's name, our material category)."""
        for rule in self.steps:
            for c in rule.constraints:
                if isinstance(c, StatutoryMaterials):
                    return c.items
        return ()

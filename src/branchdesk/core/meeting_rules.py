"""Which meetings a branch must hold, and which are held, due or missing, period by period.

Pure rules: no Qt, no storage. The meetings service passes in the facts (does the branch
have a committee, its groups, the dates meetings were held) and gets back the year grid
of the calendar and the due items of the 待办 list.

Frequencies follow 《中国共产党支部工作条例（试行）》 (2018): 第十一条 党员大会, 第十二条
支部委员会会议, 第十三条 党小组会, 第十五条 党课, 第十六条 主题党日 (monthly also by
《中国共产党党员教育管理工作条例》第十六条), 第十七条 组织生活会, 第十八条 民主评议党员. Only
the 党课's quarterly frequency is local practice, which the administrator may change.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from branchdesk.core.dates import fmt
from branchdesk.core.errors import ValidationError
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.vocab import Labelled, _register


class MeetingKind(Labelled):
    """The type of a meeting record (会议类型)."""

    GENERAL_MEETING = "general_meeting"
    COMMITTEE_MEETING = "committee_meeting"
    GROUP_MEETING = "group_meeting"
    PARTY_LECTURE = "party_lecture"
    THEME_DAY = "theme_day"
    LIFE_MEETING = "life_meeting"
    MEMBER_APPRAISAL = "member_appraisal"
    OTHER = "other"


class Frequency(Labelled):
    """How often a required meeting must be held: at least once per such period."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


_register(
    MeetingKind,
    {
        "general_meeting": "支部党员大会",
        "committee_meeting": "支部委员会会议",
        "group_meeting": "党小组会",
        "party_lecture": "党课",
        "theme_day": "主题党日",
        "life_meeting": "组织生活会",
        "member_appraisal": "民主评议党员",
        "other": "其他",
    },
)
_register(Frequency, {"monthly": "每月", "quarterly": "每季度", "yearly": "每年"})

#: "this month / this quarter / this year", as a due cell and a due item say it
CURRENT_PERIOD_WORDS: Mapping[Frequency, str] = MappingProxyType(
    {Frequency.MONTHLY: "本月", Frequency.QUARTERLY: "本季度", Frequency.YEARLY: "本年"}
)

#: the minimum frequency of each required kind (``OTHER`` is never required)
DEFAULT_FREQUENCIES: Mapping[MeetingKind, Frequency] = MappingProxyType(
    {
        MeetingKind.GENERAL_MEETING: Frequency.QUARTERLY,
        MeetingKind.COMMITTEE_MEETING: Frequency.MONTHLY,
        MeetingKind.GROUP_MEETING: Frequency.MONTHLY,
        MeetingKind.PARTY_LECTURE: Frequency.QUARTERLY,
        MeetingKind.THEME_DAY: Frequency.MONTHLY,
        MeetingKind.LIFE_MEETING: Frequency.YEARLY,
        MeetingKind.MEMBER_APPRAISAL: Frequency.YEARLY,
    }
)

#: the kinds whose frequency local practice may change in the settings: only the 党课's
#: (the 主题党日 is monthly by 支部工作条例第十六条 and 党员教育管理工作条例第十六条)
CONFIGURABLE_KINDS: frozenset[MeetingKind] = frozenset({MeetingKind.PARTY_LECTURE})
#: kinds an older version let the administrator change: a stored entry is kept but ignored
FORMERLY_CONFIGURABLE: frozenset[MeetingKind] = frozenset({MeetingKind.THEME_DAY})

#: the article each required kind comes from, as a message to the clerk cites it
RULES: Mapping[MeetingKind, str] = MappingProxyType(
    {
        MeetingKind.GENERAL_MEETING: (
            f"{citation('general_meeting')}：党支部党员大会一般每季度召开1次"
        ),
        MeetingKind.COMMITTEE_MEETING: (
            f"{citation('committee_meeting')}：党支部委员会会议一般每月召开1次"
        ),
        MeetingKind.GROUP_MEETING: f"{citation('group_meeting')}：党小组会一般每月召开1次",
        MeetingKind.PARTY_LECTURE: (
            f"{citation('party_lecture')}：党员领导干部应当定期为基层党员讲党课，"
            "党委（党组）书记每年至少讲1次党课；党支部党课的频次依据"
            f"{citation('party_lecture_quarterly')}"
        ),
        MeetingKind.THEME_DAY: (
            f"{citation('theme_day')}、{citation('theme_day_education')}："
            "党支部每月相对固定1天开展主题党日"
        ),
        MeetingKind.LIFE_MEETING: (
            f"{citation('life_meeting')}：党支部每年至少召开1次组织生活会，一般安排在第四季度"
        ),
        MeetingKind.MEMBER_APPRAISAL: (
            f"{citation('member_appraisal')}：党支部一般每年开展1次民主评议党员"
        ),
    }
)

#: the verb a message uses for holding each kind (a lecture or a theme day is not "召开")
_VERBS: Mapping[MeetingKind, str] = MappingProxyType(
    {
        MeetingKind.PARTY_LECTURE: "开展",
        MeetingKind.THEME_DAY: "开展",
        MeetingKind.MEMBER_APPRAISAL: "开展",
    }
)

SETTING_PREFIX = "meeting_frequency."


def setting_key(kind: MeetingKind) -> str:
    """The settings key a kind's frequency is stored under: ``meeting_frequency.party_lecture``."""
    return f"{SETTING_PREFIX}{kind.value}"


def rule_for(kind: MeetingKind, frequency: Frequency) -> str:
    """The rule a due item cites; a locally changed frequency is named beside the article."""
    base = RULES[kind]
    if frequency == DEFAULT_FREQUENCIES[kind]:
        return base
    return f"{base}；本单位设置：{kind.label}{frequency.label}至少1次"


@dataclass(frozen=True)
class MeetingSettings:
    """The frequencies the calendar checks; only ``CONFIGURABLE_KINDS`` may differ from
    the defaults. Missing kinds take their default."""

    frequencies: Mapping[MeetingKind, Frequency] = field(
        default_factory=lambda: DEFAULT_FREQUENCIES
    )

    def __post_init__(self) -> None:
        complete = dict(DEFAULT_FREQUENCIES)
        errors: dict[str, str] = {}
        for kind, frequency in self.frequencies.items():
            kind, frequency = MeetingKind(kind), Frequency(frequency)
            if kind not in DEFAULT_FREQUENCIES:
                errors[setting_key(kind)] = f"“{kind.label}”不是必须召开的会议，不能设置频次"
            elif kind not in CONFIGURABLE_KINDS and frequency != DEFAULT_FREQUENCIES[kind]:
                errors[setting_key(kind)] = (
                    f"{kind.label}的频次由条例规定（{DEFAULT_FREQUENCIES[kind].label}），不能修改"
                )
            else:
                complete[kind] = frequency
        if errors:
            raise ValidationError(errors)
        object.__setattr__(self, "frequencies", MappingProxyType(complete))

    def frequency(self, kind: MeetingKind) -> Frequency:
        """How often ``kind`` must be held."""
        return self.frequencies[kind]

    def with_frequency(self, kind: MeetingKind, frequency: Frequency) -> MeetingSettings:
        """A copy with one kind's frequency changed (raises ValidationError if not allowed)."""
        return MeetingSettings({**self.frequencies, kind: frequency})

    @classmethod
    def from_settings(cls, mapping: Mapping[str, str]) -> MeetingSettings:
        """Read the ``meeting_frequency.*`` entries of the key/value settings; other keys
        are ignored, and so is an entry an older version stored for a kind that is no longer
        a setting (the 主题党日 is monthly by regulation); a bad entry raises ValidationError
        naming its key."""
        frequencies: dict[MeetingKind, Frequency] = {}
        errors: dict[str, str] = {}
        for key, value in mapping.items():
            if not key.startswith(SETTING_PREFIX):
                continue
            code = key.removeprefix(SETTING_PREFIX)
            try:
                kind = MeetingKind(code)
            except ValueError:
                errors[key] = f"设置“{key}”：没有“{code}”这种会议类型"
                continue
            if kind in FORMERLY_CONFIGURABLE:
                continue
            try:
                frequencies[kind] = Frequency(value)
            except ValueError:
                errors[key] = f"{kind.label}的频次“{value}”无效，应为每月、每季度或每年"
        if errors:
            raise ValidationError(errors)
        return cls(frequencies)

    def to_settings(self) -> dict[str, str]:
        """The configurable frequencies as key/value strings for the settings table."""
        return {
            setting_key(kind): self.frequencies[kind].value
            for kind in MeetingKind
            if kind in CONFIGURABLE_KINDS
        }


# --- periods ---------------------------------------------------------------------------

_QUARTER_NAMES = ("一", "二", "三", "四")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month, quarter or year, first and last day included."""

    start: dt.date
    end: dt.date
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def first_month(self) -> int:
        """The month the period starts in (1–12)."""
        return self.start.month

    @property
    def months(self) -> int:
        """How many months the period spans: 1, 3 or 12 (a grid cell's column span)."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def short_label(self) -> str:
        """The label inside its year, for a column header: 3月, 第一季度, 全年."""
        if self.months == 1:
            return f"{self.start.month}月"
        if self.months == 3:
            return f"第{_QUARTER_NAMES[(self.start.month - 1) // 3]}季度"
        return "全年"


def period_of(day: dt.date, frequency: Frequency) -> Period:
    """The month, quarter or year ``day`` falls in: 2026年3月, 2026年第一季度, 2026年."""
    year = day.year
    if frequency == Frequency.MONTHLY:
        last = calendar.monthrange(year, day.month)[1]
        return Period(
            dt.date(year, day.month, 1), dt.date(year, day.month, last), f"{year}年{day.month}月"
        )
    if frequency == Frequency.QUARTERLY:
        index = (day.month - 1) // 3
        first, final = 3 * index + 1, 3 * index + 3
        return Period(
            dt.date(year, first, 1),
            dt.date(year, final, calendar.monthrange(year, final)[1]),
            f"{year}年第{_QUARTER_NAMES[index]}季度",
        )
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")


def previous_period(period: Period, frequency: Frequency) -> Period:
    """The period of the same frequency just before ``period``."""
    return period_of(period.start - dt.timedelta(days=1), frequency)


def periods_in_year(year: int, frequency: Frequency) -> list[Period]:
    """The year's 12 months, 4 quarters or the year itself, in order."""
    firsts = {Frequency.MONTHLY: range(1, 13), Frequency.QUARTERLY: (1, 4, 7, 10)}
    return [period_of(dt.date(year, month, 1), frequency) for month in firsts.get(frequency, (1,))]


# --- which meetings a branch must hold -----------------------------------------------------


class Group(NamedTuple):
    """A 党小组 of the branch: its organisation id and name."""

    id: int
    name: str


@dataclass(frozen=True)
class Requirement:
    """One meeting a branch (or one of its groups) must hold at least once per period."""

    kind: MeetingKind
    frequency: Frequency
    group: Group | None = None

    @property
    def label(self) -> str:
        """The calendar row's label: 支部党员大会, 党小组会（第一党小组）."""
        if self.group is None:
            return self.kind.label
        return f"{self.kind.label}（{self.group.name}）"

    @property
    def key(self) -> tuple[str, int | None]:
        """The key of this requirement's dates in the ``held`` mapping."""
        return (self.kind.value, None if self.group is None else self.group.id)

    @property
    def rule(self) -> str:
        """The article (and local setting) this requirement comes from."""
        return rule_for(self.kind, self.frequency)


def requirements(
    settings: MeetingSettings, has_committee: bool, groups: Sequence[tuple[int, str]]
) -> list[Requirement]:
    """The meetings a branch must hold: the committee meeting only where the branch has a
    current committee, one group-meeting row per group, every other kind always."""
    result: list[Requirement] = []
    for kind, frequency in ((k, settings.frequency(k)) for k in DEFAULT_FREQUENCIES):
        if kind == MeetingKind.COMMITTEE_MEETING and not has_committee:
            continue
        if kind == MeetingKind.GROUP_MEETING:
            result.extend(Requirement(kind, frequency, Group(*g)) for g in groups)
            continue
        result.append(Requirement(kind, frequency))
    return result


#: dates meetings were held, by ``(kind code, group id or None)``; every date given counts
HeldDates = Mapping[tuple[str, int | None], Sequence[dt.date]]


# --- the year grid ------------------------------------------------------------------------


class CellState(Enum):
    """What the calendar shows for one required meeting in one period."""

    HELD = "held"  # at least one held in the period
    MISSING = "missing"  # the period ended without one
    DUE = "due"  # the current period, not held yet: due on its last day
    NOT_YET = "not_yet"  # a period that has not started
    NOT_REQUIRED = "not_required"  # ended before the branch had to hold it (``since``)


@dataclass(frozen=True)
class Cell:
    """One period of one calendar row: its state, the dates held and the text shown."""

    period: Period
    state: CellState
    dates: tuple[dt.date, ...]
    text: str

    @property
    def count(self) -> int:
        """How many meetings were held in the period."""
        return len(self.dates)

    @property
    def due(self) -> dt.date:
        """The last day a meeting of the period may be held."""
        return self.period.end


@dataclass(frozen=True)
class GridRow:
    """A calendar row: one required kind (or one group's meetings) across the year."""

    requirement: Requirement
    cells: tuple[Cell, ...]

    @property
    def label(self) -> str:
        """The row's label: 支部委员会会议, 党小组会（第二党小组）."""
        return self.requirement.label

    def cell_for_month(self, month: int) -> Cell:
        """The cell whose period covers ``month`` (1–12) of the grid's year."""
        for cell in self.cells:
            if cell.period.first_month <= month < cell.period.first_month + cell.period.months:
                return cell
        raise ValueError(month)


@dataclass(frozen=True)
class YearGrid:
    """The calendar of a branch's required meetings for one year, as seen on ``today``."""

    year: int
    today: dt.date
    rows: tuple[GridRow, ...]

    def missing(self) -> list[tuple[GridRow, Cell]]:
        """Every period that ended without its required meeting, row by row."""
        return [(row, c) for row in self.rows for c in row.cells if c.state == CellState.MISSING]


def _normalised(
    held: HeldDates,
) -> dict[tuple[str, int | None], list[dt.date]]:
    return {(str(kind), group): sorted(dates) for (kind, group), dates in held.items()}


def _cell(
    period: Period,
    frequency: Frequency,
    dates: Sequence[dt.date],
    today: dt.date,
    since: dt.date | None,
) -> Cell:
    inside = tuple(d for d in dates if d in period)
    if inside:
        return Cell(period, CellState.HELD, inside, f"已开 {len(inside)} 次")
    if since is not None and period.end < since:
        return Cell(period, CellState.NOT_REQUIRED, (), "无需")
    if period.end < today:
        return Cell(period, CellState.MISSING, (), "缺")
    if period.start <= today:
        return Cell(period, CellState.DUE, (), f"{CURRENT_PERIOD_WORDS[frequency]}应开")
    return Cell(period, CellState.NOT_YET, (), "未到")


def year_grid(
    year: int,
    today: dt.date,
    settings: MeetingSettings,
    has_committee: bool,
    groups: Sequence[tuple[int, str]],
    held: HeldDates,
    *,
    since: dt.date | None = None,
) -> YearGrid:
    """The year's calendar: a row per required kind (per group for group meetings) and a
    cell per month, quarter or year of its frequency.

    ``held[(kind, group_id or None)]`` are the dates meetings of that kind were held by the
    branch (or by that group); every date given counts. ``since`` is the first day the
    branch had to hold meetings (its founding): periods that ended before it are not required.
    """
    dates = _normalised(held)
    rows = tuple(
        GridRow(
            req,
            tuple(
                _cell(p, req.frequency, dates.get(req.key, ()), today, since)
                for p in periods_in_year(year, req.frequency)
            ),
        )
        for req in requirements(settings, has_committee, groups)
    )
    return YearGrid(year, today, rows)


# --- due items -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingDue:
    """A required meeting not held in its period: due on the period's last day, overdue after."""

    kind: MeetingKind
    group: Group | None
    due: dt.date
    overdue: bool
    rule: str
    message: str
    period: Period


def due_meetings(
    today: dt.date,
    settings: MeetingSettings,
    has_committee: bool,
    groups: Sequence[tuple[int, str]],
    held: HeldDates,
    *,
    since: dt.date | None = None,
) -> list[MeetingDue]:
    """What the 待办 list shows for a branch's meetings on ``today``, by due date.

    How far back: the current period (due, not yet overdue) and the one immediately before
    it (overdue) of each requirement's frequency — last month for a monthly meeting, last
    quarter for a quarterly one, last year for a yearly one. Older gaps stay visible in the
    year grid but no longer crowd the to-do list. Arguments as for ``year_grid``.
    """
    dates = _normalised(held)
    items: list[MeetingDue] = []
    for req in requirements(settings, has_committee, groups):
        held_dates = dates.get(req.key, ())
        verb = _VERBS.get(req.kind, "召开")
        current = period_of(today, req.frequency)
        previous = previous_period(current, req.frequency)
        for period in (previous, current):
            if since is not None and period.end < since:
                continue
            if any(d in period for d in held_dates):
                continue
            if period is current:
                message = (
                    f"{CURRENT_PERIOD_WORDS[req.frequency]}应{verb}{req.label}："
                    f"{period.label}尚未{verb}，请于{fmt(period.end)}前{verb}"
                )
            else:
                message = (
                    f"{period.label}未{verb}{req.label}"
                    f"（应{req.frequency.label}至少{verb}1次），已逾期"
                )
            items.append(
                MeetingDue(
                    req.kind, req.group, period.end, period.end < today, req.rule, message, period
                )
            )
    return sorted(items, key=lambda i: i.due)

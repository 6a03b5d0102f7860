"""Working days on China's holiday calendar (放假 and 调休), for 公示 periods and other limits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from branchdesk.core.holidays_cn import SHIPPED_YEARS, ShippedYear

ONE_DAY = dt.timedelta(days=1)
ADMIN_SOURCE = "管理员录入"


@dataclass(frozen=True)
class YearArrangement:
    """One year's 放假安排: rest days, make-up working days, and whether it is provisional."""

    year: int
    holidays: frozenset[dt.date]
    makeup_workdays: frozenset[dt.date]
    provisional: bool = False
    source: str = ""
    notes: Mapping[dt.date, str] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        for day in self.holidays | self.makeup_workdays | set(self.notes):
            if day.year != self.year:
                raise ValueError(f"{day.isoformat()} 不属于 {self.year} 年")
        both = self.holidays & self.makeup_workdays
        if both:
            days = "、".join(sorted(d.isoformat() for d in both))
            raise ValueError(f"{days} 不能既是放假日又是调休上班日")
        object.__setattr__(self, "notes", MappingProxyType(dict(self.notes)))

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` (in this year) is a working day under this arrangement."""
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


@dataclass(frozen=True)
class DayOverride:
    """The administrator's entry for one date (any year): a working day or a rest day, and why."""

    day: dt.date
    is_working_day: bool
    note: str = ""


@dataclass(frozen=True)
class YearStatus:
    """The administrator's mark on a year: complete (the official notice is entered) or not."""

    year: int
    complete: bool


@dataclass(frozen=True)
class WorkingDays:
    """A count of working days; provisional when a year it spans has no confirmed arrangement."""

    count: int
    provisional: bool
    missing_years: tuple[int, ...]


@dataclass(frozen=True)
class WorkingDayDate:
    """A date found by counting working days; provisional as for ``WorkingDays``."""

    day: dt.date
    provisional: bool
    missing_years: tuple[int, ...]


class HolidayCalendar:
    """Working days by year: known years follow their arrangement, others Mon–Fri, provisional."""

    def __init__(self, years: Iterable[YearArrangement] = ()) -> None:
        self._years: dict[int, YearArrangement] = {}
        for arrangement in years:
            if arrangement.year in self._years:
                raise ValueError(f"{arrangement.year} 年的放假安排重复")
            self._years[arrangement.year] = arrangement

    def known_years(self) -> tuple[int, ...]:
        """Years with an arrangement (confirmed or provisional), ascending."""
        return tuple(sorted(self._years))

    def arrangement(self, year: int) -> YearArrangement | None:
        """The year's arrangement, or None when the year is unknown."""
        return self._years.get(year)

    def is_known(self, year: int) -> bool:
        """Whether any arrangement exists for the year."""
        return year in self._years

    def is_provisional(self, year: int) -> bool:
        """Whether results in the year are provisional: unknown year or provisional data."""
        arrangement = self._years.get(year)
        return arrangement is None or arrangement.provisional

    def is_working_day(self, day: dt.date) -> tuple[bool, bool]:
        """(working day?, provisional?) for one date; an unknown year counts Mon–Fri."""
        arrangement = self._years.get(day.year)
        if arrangement is None:
            return day.weekday() < 5, True
        return arrangement.is_working_day(day), arrangement.provisional

    def note(self, day: dt.date) -> str:
        """What the calendar says about the date (e.g. 国庆节, 春节调休上班), or ''."""
        arrangement = self._years.get(day.year)
        return arrangement.notes.get(day, "") if arrangement else ""

    def count_working_days(self, start: dt.date, end: dt.date) -> WorkingDays:
        """Working days from ``start`` to ``end``, both included."""
        if end < start:
            raise ValueError("结束日期不能早于开始日期")
        count = sum(1 for day in _days(start, end) if self.is_working_day(day)[0])
        return WorkingDays(count, *self._provisional_years(start.year, end.year))

    def add_working_days(self, start: dt.date, n: int) -> WorkingDayDate:
        """The date of the n-th working day counted from ``start`` (included), n ≥ 1."""
        if n < 1:
            raise ValueError("工作日天数须至少为 1")
        day, seen = start, 0
        while True:
            if self.is_working_day(day)[0]:
                seen += 1
                if seen == n:
                    return WorkingDayDate(day, *self._provisional_years(start.year, day.year))
            day += ONE_DAY

    def _provisional_years(self, first: int, last: int) -> tuple[bool, tuple[int, ...]]:
        missing = tuple(y for y in range(first, last + 1) if self.is_provisional(y))
        return bool(missing), missing


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def from_shipped(shipped: ShippedYear) -> YearArrangement:
    """A shipped year's periods and make-up days as an arrangement."""
    notes: dict[dt.date, str] = {}
    holidays: set[dt.date] = set()
    for name, first, last in shipped.rest:
        for day in _days(first, last):
            holidays.add(day)
            notes[day] = name
    makeup = set()
    for name, day in shipped.work:
        makeup.add(day)
        notes[day] = name
    return YearArrangement(
        shipped.year,
        frozenset(holidays),
        frozenset(makeup),
        provisional=shipped.provisional,
        source=shipped.source,
        notes=notes,
    )


def shipped_arrangements() -> tuple[YearArrangement, ...]:
    """The arrangements that ship with BranchDesk (2025–2027; 2027 provisional)."""
    return tuple(from_shipped(year) for year in SHIPPED_YEARS)


def shipped_calendar() -> HolidayCalendar:
    """The calendar of shipped data alone, without the administrator's entries."""
    return HolidayCalendar(shipped_arrangements())


def merge(
    shipped: Iterable[YearArrangement],
    overrides: Iterable[DayOverride],
    statuses: Iterable[YearStatus] = (),
) -> HolidayCalendar:
    """Shipped arrangements with the administrator's day entries and year marks applied.

    An override replaces what the shipped data says about its date (a later override for
    the same date wins). A year that only the administrator has entered is known but
    provisional until a ``YearStatus`` marks it complete; a status sets any year's
    provisional flag to ``not complete``.
    """
    base = {a.year: a for a in shipped}
    by_year: dict[int, dict[dt.date, DayOverride]] = {}
    for override in overrides:
        by_year.setdefault(override.day.year, {})[override.day] = override
    complete = {status.year: status.complete for status in statuses}
    merged = []
    for year in sorted(set(base) | set(by_year) | set(complete)):
        shipped_year = base.get(year)
        holidays = set(shipped_year.holidays) if shipped_year else set()
        makeup = set(shipped_year.makeup_workdays) if shipped_year else set()
        notes = dict(shipped_year.notes) if shipped_year else {}
        entered = by_year.get(year, {})
        for day, override in entered.items():
            holidays.discard(day)
            makeup.discard(day)
            (makeup if override.is_working_day else holidays).add(day)
            if override.note:
                notes[day] = override.note
            else:
                notes.pop(day, None)
        provisional = shipped_year.provisional if shipped_year else True
        if year in complete:
            provisional = not complete[year]
        source = shipped_year.source if shipped_year else ADMIN_SOURCE
        if shipped_year and entered:
            source = f"{source}；{ADMIN_SOURCE} {len(entered)} 天"
        merged.append(
            YearArrangement(
                year,
                frozenset(holidays),
                frozenset(makeup),
                provisional=provisional,
                source=source,
                notes=notes,
            )
        )
    return HolidayCalendar(merged)

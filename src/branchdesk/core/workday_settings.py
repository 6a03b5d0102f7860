"""The administrator's working-day calendar: shipped arrangements plus stored corrections."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.vocab import Role
from branchdesk.core.workdays import (
    DayOverride,
    HolidayCalendar,
    YearStatus,
    merge,
    shipped_arrangements,
)
from branchdesk.storage.database import Database
from branchdesk.storage.models import CalendarDay, CalendarYear


class WorkdaySettings:
    """Reads and edits the calendar that 公示 periods are counted on."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def calendar(self) -> HolidayCalendar:
        """China's shipped holiday arrangements merged with the administrator's entries."""
        with self.db.read() as s:
            overrides = [
                DayOverride(d.day, d.is_working_day, d.note)
                for d in s.scalars(select(CalendarDay).order_by(CalendarDay.day))
            ]
            statuses = [
                YearStatus(y.year, y.complete)
                for y in s.scalars(select(CalendarYear).order_by(CalendarYear.year))
            ]
        return merge(shipped_arrangements(), overrides, statuses)

    def set_day(self, actor: Actor, day: dt.date, is_working_day: bool, note: str) -> None:
        """Enter a day of the State Council's notice: a holiday (放假) or a make-up day (上班)."""
        actor.require(Role.ADMIN)
        if not note.strip():
            raise ValidationError({"note": "请填写说明，如“春节”或“春节调休上班”"})
        with self.db.write(actor.username, f"工作日历 {day:%Y-%m-%d}") as s:
            entry = s.get(CalendarDay, day)
            if entry is None:
                s.add(CalendarDay(day=day, is_working_day=is_working_day, note=note.strip()))
            else:
                entry.is_working_day, entry.note = is_working_day, note.strip()

    def set_year_complete(self, actor: Actor, year: int, complete: bool) -> None:
        """Mark a year's arrangement as fully entered (its results stop being provisional)."""
        actor.require(Role.ADMIN)
        summary = f"{year}年放假安排" + ("已录入完整" if complete else "标为未完整")
        with self.db.write(actor.username, summary) as s:
            entry = s.get(CalendarYear, year)
            if entry is None:
                s.add(CalendarYear(year=year, complete=complete))
            else:
                entry.complete = complete

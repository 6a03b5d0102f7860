"""Calendar arithmetic for the rules: whole years and months clamped to the month's end."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus calendar months; 31 January + 1 month is 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in completed years on a date."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def fmt(day: dt.date | None) -> str:
    """A date as the clerk reads it: 2026年3月2日."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""

import datetime as dt

import pytest

from branchdesk.core.holidays_cn import SHIPPED_YEARS
from branchdesk.core.workdays import (
    DayOverride,
    HolidayCalendar,
    WorkingDayDate,
    WorkingDays,
    YearArrangement,
    YearStatus,
    merge,
    shipped_arrangements,
    shipped_calendar,
)

D = dt.date
CAL = shipped_calendar()


def days_of(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year + 1, 1, 1) - first).days)]


def test_national_day_week_2025() -> None:
    for day in range(1, 9):
        assert CAL.is_working_day(D(2025, 10, day)) == (False, False)
    assert CAL.note(D(2025, 10, 6)) == "国庆节、中秋节"
    # Sunday 28 September and Saturday 11 October are make-up working days (调休上班).
    assert CAL.is_working_day(D(2025, 9, 28)) == (True, False)
    assert CAL.is_working_day(D(2025, 10, 11)) == (True, False)
    assert CAL.note(D(2025, 10, 11)) == "国庆节、中秋节调休上班"
    assert CAL.is_working_day(D(2025, 10, 9)) == (True, False)
    assert CAL.is_working_day(D(2025, 10, 12)) == (False, False)  # an ordinary Sunday
    # Sun 28 Sep .. Sat 11 Oct: 28, 29, 30 Sep and 9, 10, 11 Oct.
    assert CAL.count_working_days(D(2025, 9, 28), D(2025, 10, 11)) == WorkingDays(6, False, ())


def test_spring_festival_2026() -> None:
    for day in range(15, 24):
        assert CAL.is_working_day(D(2026, 2, day)) == (False, False)
    assert CAL.is_working_day(D(2026, 2, 14)) == (True, False)  # Saturday, 调休上班
    assert CAL.is_working_day(D(2026, 2, 28)) == (True, False)  # Saturday, 调休上班
    assert CAL.is_working_day(D(2026, 2, 24)) == (True, False)
    assert CAL.count_working_days(D(2026, 2, 1), D(2026, 2, 28)).count == 20 - 6 + 2


def test_five_working_day_notice_across_national_day() -> None:
    # 公示 from Monday 29 Sep 2025: 29, 30 Sep, then 9, 10 Oct and the make-up Saturday 11 Oct.
    end = CAL.add_working_days(D(2025, 9, 29), 5)
    assert end == WorkingDayDate(D(2025, 10, 11), False, ())
    assert CAL.count_working_days(D(2025, 9, 29), end.day).count == 5
    # A notice posted on the eve of the holiday runs past it.
    assert CAL.add_working_days(D(2025, 9, 30), 5).day == D(2025, 10, 13)


def test_weekend_make_up_day_counts() -> None:
    # Sat 14 Feb 2026 is a working day; Sun 15 Feb starts the holiday.
    assert CAL.count_working_days(D(2026, 2, 14), D(2026, 2, 15)) == WorkingDays(1, False, ())
    assert CAL.add_working_days(D(2026, 2, 14), 1).day == D(2026, 2, 14)
    # An ordinary weekend counts nothing.
    assert CAL.count_working_days(D(2026, 3, 7), D(2026, 3, 8)).count == 0


def test_add_working_days_boundaries() -> None:
    # Start on a working day: it is day 1.
    assert CAL.add_working_days(D(2026, 3, 2), 1).day == D(2026, 3, 2)
    assert CAL.add_working_days(D(2026, 3, 2), 5).day == D(2026, 3, 6)
    assert CAL.add_working_days(D(2026, 3, 2), 6).day == D(2026, 3, 9)
    # Start on a rest day: the first working day after it is day 1.
    assert CAL.add_working_days(D(2026, 3, 7), 1).day == D(2026, 3, 9)
    assert CAL.add_working_days(D(2026, 2, 15), 1).day == D(2026, 2, 24)
    # Across New Year 2026 (1–3 Jan off, Sunday 4 Jan worked).
    assert CAL.add_working_days(D(2025, 12, 31), 2).day == D(2026, 1, 4)
    # Single-day count.
    assert CAL.count_working_days(D(2026, 3, 2), D(2026, 3, 2)).count == 1
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2026, 3, 2), 0)
    with pytest.raises(ValueError):
        CAL.count_working_days(D(2026, 3, 3), D(2026, 3, 2))


def test_count_and_add_agree() -> None:
    start = D(2025, 9, 1)
    for n in range(1, 60):
        end = CAL.add_working_days(start, n).day
        assert CAL.is_working_day(end)[0]
        assert CAL.count_working_days(start, end).count == n


def test_unknown_year_is_mon_to_fri_and_provisional() -> None:
    assert not CAL.is_known(2031)
    assert CAL.is_working_day(D(2031, 1, 1)) == (True, True)  # a Wednesday, holiday unknown
    assert CAL.is_working_day(D(2031, 1, 4)) == (False, True)  # Saturday
    result = CAL.count_working_days(D(2031, 1, 1), D(2031, 1, 7))
    assert result == WorkingDays(5, True, (2031,))
    end = CAL.add_working_days(D(2030, 12, 30), 5)
    assert end == WorkingDayDate(D(2031, 1, 3), True, (2030, 2031))


def test_2027_is_shipped_but_provisional() -> None:
    assert CAL.is_known(2027) and CAL.is_provisional(2027)
    assert CAL.is_working_day(D(2027, 10, 1)) == (False, True)
    assert CAL.is_working_day(D(2027, 10, 6)) == (True, True)
    result = CAL.count_working_days(D(2026, 12, 28), D(2027, 1, 8))
    assert result == WorkingDays(9, True, (2027,))
    assert CAL.count_working_days(D(2026, 12, 1), D(2026, 12, 31)).provisional is False


def test_2027_statutory_days() -> None:
    y2027 = CAL.arrangement(2027)
    assert y2027 is not None and y2027.makeup_workdays == frozenset()
    statutory = {
        D(2027, 1, 1),  # 元旦
        D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8),  # 除夕 .. 初三
        D(2027, 4, 5),  # 清明
        D(2027, 5, 1), D(2027, 5, 2),  # 劳动节
        D(2027, 6, 9),  # 端午
        D(2027, 9, 15),  # 中秋
        D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),  # 国庆节
    }  # fmt: skip
    assert statutory <= y2027.holidays
    substitutes = y2027.holidays - statutory
    weekend_statutory = [d for d in statutory if d.weekday() >= 5]
    assert len(substitutes) == len(weekend_statutory) == 6
    assert all(d.weekday() < 5 for d in substitutes)


def test_override_makes_year_known_when_marked_complete() -> None:
    overrides = [
        DayOverride(D(2031, 1, 1), False, "元旦"),
        DayOverride(D(2031, 1, 4), True, "调休上班"),
    ]
    draft = merge(shipped_arrangements(), overrides)
    assert draft.is_known(2031) and draft.is_provisional(2031)
    assert draft.is_working_day(D(2031, 1, 1)) == (False, True)
    assert draft.count_working_days(D(2031, 1, 1), D(2031, 1, 7)).missing_years == (2031,)

    done = merge(shipped_arrangements(), overrides, [YearStatus(2031, True)])
    assert done.is_working_day(D(2031, 1, 1)) == (False, False)
    assert done.is_working_day(D(2031, 1, 4)) == (True, False)
    assert done.note(D(2031, 1, 4)) == "调休上班"
    assert done.count_working_days(D(2031, 1, 1), D(2031, 1, 7)) == WorkingDays(5, False, ())
    # Shipped years are untouched by another year's entries.
    assert done.is_working_day(D(2025, 10, 11)) == (True, False)


def test_override_corrects_provisional_2027() -> None:
    overrides = [
        DayOverride(D(2027, 2, 10), True, "春节调休上班"),  # a weekday the guess had off
        DayOverride(D(2027, 2, 20), True, "春节调休上班"),  # a Saturday
        DayOverride(D(2027, 2, 11), False, "春节"),
    ]
    cal = merge(shipped_arrangements(), overrides, [YearStatus(2027, True)])
    assert cal.is_working_day(D(2027, 2, 10)) == (True, False)
    assert cal.is_working_day(D(2027, 2, 11)) == (False, False)
    assert cal.is_working_day(D(2027, 2, 20)) == (True, False)
    assert cal.is_working_day(D(2027, 10, 1)) == (False, False)
    arrangement = cal.arrangement(2027)
    assert arrangement is not None and "管理员录入 3 天" in arrangement.source
    # Later entries for a date win; an empty note drops the shipped name.
    again = merge(
        shipped_arrangements(),
        [DayOverride(D(2025, 10, 8), True, "x"), DayOverride(D(2025, 10, 8), True)],
    )
    assert again.is_working_day(D(2025, 10, 8)) == (True, False)
    assert again.note(D(2025, 10, 8)) == ""


def test_year_marked_incomplete_is_provisional() -> None:
    cal = merge(shipped_arrangements(), [], [YearStatus(2026, False)])
    assert cal.is_working_day(D(2026, 10, 1)) == (False, True)
    assert merge(shipped_arrangements(), []).is_provisional(2026) is False


def test_inconsistent_data_refused() -> None:
    with pytest.raises(ValueError):
        HolidayCalendar(shipped_arrangements() + shipped_arrangements()[:1])
    with pytest.raises(ValueError):
        YearArrangement(2030, frozenset({D(2030, 1, 1)}), frozenset({D(2030, 1, 1)}))
    with pytest.raises(ValueError):
        YearArrangement(2030, frozenset({D(2031, 1, 1)}), frozenset())


def test_shipped_years_and_sources() -> None:
    assert CAL.known_years() == (2025, 2026, 2027)
    assert [y.provisional for y in SHIPPED_YEARS] == [False, False, True]
    for shipped in SHIPPED_YEARS:
        assert shipped.source
        for _name, day in shipped.work:
            assert day.weekday() >= 5


@pytest.mark.parametrize("year", [2025, 2026])
def test_shipped_data_matches_chinesecalendar(year: int) -> None:
    chinese_calendar = pytest.importorskip("chinese_calendar")
    mismatched = [
        day
        for day in days_of(year)
        if CAL.is_working_day(day) != (chinese_calendar.is_workday(day), False)
    ]
    assert mismatched == []


def test_2027_festival_dates_match_solar_terms() -> None:
    chinese_calendar = pytest.importorskip("chinese_calendar")
    terms = dict(chinese_calendar.get_solar_terms(D(2027, 4, 1), D(2027, 4, 10)))
    qingming = next(day for day, name in terms.items() if name == "清明")
    assert CAL.note(qingming) == "清明节"

"""Shipped data: the State Council's holiday arrangements (放假调休) for 2025–2027."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

D = dt.date


@dataclass(frozen=True)
class ShippedYear:
    """One year's arrangement as published: rest periods and make-up working days (调休上班)."""

    year: int
    source: str
    provisional: bool
    # (name, first day, last day), both ends inclusive; weekends inside a period included.
    rest: tuple[tuple[str, dt.date, dt.date], ...]
    # (name, day): a Saturday or Sunday that is a working day (调休上班).
    work: tuple[tuple[str, dt.date], ...]


# Source: 《国务院办公厅关于2025年部分节假日安排的通知》(2024年11月12日), the first year under
# the revised 《全国年节及纪念日放假办法》 (13 statutory days, 除夕 a holiday). Checked day by
# day against the chinesecalendar package (1.11.0) in tests/core/test_workdays.py.
Y2025 = ShippedYear(
    year=2025,
    source="国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）",
    provisional=False,
    rest=(
        ("元旦", D(2025, 1, 1), D(2025, 1, 1)),
        ("春节", D(2025, 1, 28), D(2025, 2, 4)),
        ("清明节", D(2025, 4, 4), D(2025, 4, 6)),
        ("劳动节", D(2025, 5, 1), D(2025, 5, 5)),
        ("端午节", D(2025, 5, 31), D(2025, 6, 2)),
        ("国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8)),
    ),
    work=(
        ("春节调休上班", D(2025, 1, 26)),
        ("春节调休上班", D(2025, 2, 8)),
        ("劳动节调休上班", D(2025, 4, 27)),
        ("国庆节、中秋节调休上班", D(2025, 9, 28)),
        ("国庆节、中秋节调休上班", D(2025, 10, 11)),
    ),
)

# Source: 《国务院办公厅关于2026年部分节假日安排的通知》(2025年11月4日). Checked day by day
# against the chinesecalendar package (1.11.0) in tests/core/test_workdays.py.
Y2026 = ShippedYear(
    year=2026,
    source="国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    provisional=False,
    rest=(
        ("元旦", D(2026, 1, 1), D(2026, 1, 3)),
        ("春节", D(2026, 2, 15), D(2026, 2, 23)),
        ("清明节", D(2026, 4, 4), D(2026, 4, 6)),
        ("劳动节", D(2026, 5, 1), D(2026, 5, 5)),
        ("端午节", D(2026, 6, 19), D(2026, 6, 21)),
        ("中秋节", D(2026, 9, 25), D(2026, 9, 27)),
        ("国庆节", D(2026, 10, 1), D(2026, 10, 7)),
    ),
    work=(
        ("元旦调休上班", D(2026, 1, 4)),
        ("春节调休上班", D(2026, 2, 14)),
        ("春节调休上班", D(2026, 2, 28)),
        ("劳动节调休上班", D(2026, 5, 9)),
        ("国庆节调休上班", D(2026, 9, 20)),
        ("国庆节调休上班", D(2026, 10, 10)),
    ),
)

# Source: NOT an official notice — the 2027 arrangement had not been found when this was
# written, so the year is PROVISIONAL until the administrator enters the notice and marks
# the year complete. Computed from 《全国年节及纪念日放假办法》(2024年修订): 元旦 1 day; 春节
# 4 days from 除夕; 清明节, 端午节, 中秋节 1 day each; 劳动节 2 days; 国庆节 3 days. Lunar
# dates from lunar-python 1.4.8 (除夕 = 2027-02-05, 端午 = 06-09, 中秋 = 09-15); 清明 by
# solar term (2027-04-05, also chinesecalendar's get_solar_terms). Statutory days that fall
# on a Saturday or Sunday get a weekday off instead (the 办法's 补假 rule), placed on the
# first weekdays after the festival as the notices do. No 调休 make-up working days:
# those only the State Council decides.
Y2027 = ShippedYear(
    year=2027,
    source="按《全国年节及纪念日放假办法》推算（暂定：2027年国务院放假通知尚未录入，无调休）",
    provisional=True,
    rest=(
        ("元旦", D(2027, 1, 1), D(2027, 1, 1)),
        ("春节", D(2027, 2, 5), D(2027, 2, 8)),
        ("春节补假", D(2027, 2, 9), D(2027, 2, 10)),
        ("清明节", D(2027, 4, 5), D(2027, 4, 5)),
        ("劳动节", D(2027, 5, 1), D(2027, 5, 2)),
        ("劳动节补假", D(2027, 5, 3), D(2027, 5, 4)),
        ("端午节", D(2027, 6, 9), D(2027, 6, 9)),
        ("中秋节", D(2027, 9, 15), D(2027, 9, 15)),
        ("国庆节", D(2027, 10, 1), D(2027, 10, 3)),
        ("国庆节补假", D(2027, 10, 4), D(2027, 10, 5)),
    ),
    work=(),
)

SHIPPED_YEARS: tuple[ShippedYear, ...] = (Y2025, Y2026, Y2027)

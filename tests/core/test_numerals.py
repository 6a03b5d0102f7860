"""Capital numerals (大写) on transfer letters, and the letters' numbers."""

from __future__ import annotations

import pytest

from branchdesk.core.numerals import (
    capital_days,
    capital_dues,
    capital_month,
    capital_number,
    capital_year,
    letter_number,
)

#: written out by hand, not computed: what a clerk writes on the letter
MONTHS = {
    1: "壹", 2: "贰", 3: "叁", 4: "肆", 5: "伍", 6: "陆",
    7: "柒", 8: "捌", 9: "玖", 10: "壹拾", 11: "壹拾壹", 12: "壹拾贰",
}
_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def _expected_days(days: int) -> str:
    """Tens and units spelled from the capital digits, 壹 kept before 拾 (10 → 壹拾)."""
    tens, units = divmod(days, 10)
    return (f"{_DIGITS[tens]}拾" if tens else "") + (_DIGITS[units] if units else "") + "天"


@pytest.mark.parametrize(("month", "expected"), sorted(MONTHS.items()))
def test_every_month_in_capitals(month: int, expected: str) -> None:
    assert capital_month(month) == expected
    assert capital_dues(2026, month) == f"贰零贰陆年{expected}月"


@pytest.mark.parametrize("days", range(1, 91))
def test_every_validity_from_1_to_90_days(days: int) -> None:
    assert capital_days(days) == _expected_days(days)


@pytest.mark.parametrize(
    ("days", "expected"),
    [(1, "壹天"), (9, "玖天"), (10, "壹拾天"), (11, "壹拾壹天"), (20, "贰拾天"),
     (30, "叁拾天"), (45, "肆拾伍天"), (60, "陆拾天"), (90, "玖拾天")],
)
def test_validity_as_written_on_real_letters(days: int, expected: str) -> None:
    assert capital_days(days) == expected


@pytest.mark.parametrize(
    ("days", "expected"), [(91, "玖拾壹天"), (120, "壹佰贰拾天"), (365, "叁佰陆拾伍天")]
)
def test_a_validity_longer_than_90_days_prints_where_the_administrator_allows_it(
    days: int, expected: str
) -> None:
    assert capital_days(days) == expected


@pytest.mark.parametrize("days", [0, 366, -1, 1000])
def test_a_validity_outside_1_to_365_days_is_refused_in_chinese(days: int) -> None:
    with pytest.raises(ValueError, match="有效期应为1至365天") as refused:
        capital_days(days)
    assert f"现为{days}天" in str(refused.value)


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_1_to_12_is_refused(month: int) -> None:
    with pytest.raises(ValueError, match="月份应为1至12"):
        capital_dues(2026, month)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2026, "贰零贰陆"), (2030, "贰零叁零"), (1999, "壹玖玖玖"), (2100, "贰壹零零")],
)
def test_a_year_is_written_digit_by_digit(year: int, expected: str) -> None:
    assert capital_year(year) == expected


def test_the_dues_month_of_the_issue_example() -> None:
    assert capital_dues(2026, 12) == "贰零贰陆年壹拾贰月"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "零"), (12, "壹拾贰"), (30, "叁拾"), (100, "壹佰"), (105, "壹佰零伍"),
     (110, "壹佰壹拾"), (1000, "壹仟"), (1001, "壹仟零壹"), (1010, "壹仟零壹拾"),
     (2026, "贰仟零贰拾陆"), (9999, "玖仟玖佰玖拾玖")],
)
def test_capital_numbers_keep_the_one_before_ten_and_read_zeros_once(
    number: int, expected: str
) -> None:
    assert capital_number(number) == expected


@pytest.mark.parametrize("number", [-1, 10000])
def test_capital_numbers_outside_the_table_are_refused(number: int) -> None:
    with pytest.raises(ValueError, match="大写数字只能写0至9999"):
        capital_number(number)


@pytest.mark.parametrize(
    ("year", "serial", "expected"),
    [(2026, 12, "（2026）组字第 012 号"), (2026, 1, "（2026）组字第 001 号"),
     (2027, 999, "（2027）组字第 999 号"), (2026, 1000, "（2026）组字第 1000 号"),
     (2026, 12345, "（2026）组字第 12345 号")],
)
def test_letter_numbers_have_three_digits_and_more_when_needed(
    year: int, serial: int, expected: str
) -> None:
    assert letter_number(year, serial) == expected


def test_a_letter_number_may_use_another_word() -> None:
    assert letter_number(2026, 7, word="转") == "（2026）转字第 007 号"


@pytest.mark.parametrize("serial", [0, -3])
def test_a_serial_below_1_is_refused(serial: int) -> None:
    with pytest.raises(ValueError, match="序号应从1开始"):
        letter_number(2026, serial)

"""Capital numerals (大写) and letter numbers for organisation transfer letters.

The introduction letter (党员组织关系介绍信) writes the month the dues are paid
through and the validity in days in capital numerals as well, so that nobody can
alter them ("党费交至的年、月以及介绍信的有效期均要采用大写的数字表示，以免涂改").

Conventions, chosen once and used everywhere:

- Numbers follow the financial convention for amounts (《支付结算办法》, the same
  as on an invoice): a 1 before 拾 is written, so 10 → 壹拾, 12 → 壹拾贰, 30 → 叁拾.
  A bare 拾贰 is exactly what can be turned into 壹拾贰 or 贰拾贰 by adding one
  character in front; 壹拾贰 cannot.
- A month is a number like any other: 12 → 壹拾贰, 10 → 壹拾, 1 → 壹 (the example of
  the transfer issue: 贰零贰陆年壹拾贰月). The 零 prefix of a cheque's date line
  (零壹月, 零壹拾月) is not used: it belongs to handwritten bank bills, while our
  capital month is printed inside a fixed phrase beside the Arabic one.
- A year is written digit by digit: 2026 → 贰零贰陆.

A small table is used instead of the cn2an library: the letter needs 0–9999 and
nothing else (no decimals, no parsing), the table is twenty lines that the tests
check value by value, and no dependency is added for it.
"""

from __future__ import annotations

#: the capital digits 0–9
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
#: the units of a four-digit group, from the thousands down
_UNITS = ("仟", "佰", "拾", "")

#: the longest validity any letter may have: the most the administrator may allow
#: (``transfer.max_validity_days``), and the most a letter read from elsewhere may carry
MAX_VALIDITY_DAYS = 365
#: the administrator's maximum unless changed (common local practice: 90 days)
DEFAULT_MAX_VALIDITY_DAYS = 90
#: the validity of a new letter unless the clerk changes it (common local practice)
DEFAULT_VALIDITY_DAYS = 30


def capital_number(n: int) -> str:
    """``n`` (0–9999) in capital numerals, financial style: 12 → 壹拾贰, 105 → 壹佰零伍."""
    if not 0 <= n <= 9999:
        raise ValueError(f"大写数字只能写0至9999，不能写{n}。")
    if n == 0:
        return CAPITAL_DIGITS[0]
    out: list[str] = []
    pending_zero = False
    for digit, unit in zip(f"{n:04d}", _UNITS, strict=True):
        if digit == "0":
            pending_zero = bool(out)  # a zero inside the number is read once: 壹仟零伍
            continue
        if pending_zero:
            out.append(CAPITAL_DIGITS[0])
            pending_zero = False
        out.append(CAPITAL_DIGITS[int(digit)] + unit)
    return "".join(out)


def capital_year(year: int) -> str:
    """A year digit by digit, as a letter writes it: 2026 → 贰零贰陆."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"年份应为四位数，现为{year}。")
    return "".join(CAPITAL_DIGITS[int(digit)] for digit in str(year))


def capital_month(month: int) -> str:
    """A month 1–12 in capital numerals: 1 → 壹, 10 → 壹拾, 12 → 壹拾贰."""
    if not 1 <= month <= 12:
        raise ValueError(f"月份应为1至12，现为{month}。")
    return capital_number(month)


def capital_dues(year: int, month: int) -> str:
    """The month dues are paid through, in capitals: (2026, 12) → 贰零贰陆年壹拾贰月."""
    return f"{capital_year(year)}年{capital_month(month)}月"


def capital_days(days: int) -> str:
    """A letter's validity in capitals, 1–365 days: 30 → 叁拾天."""
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValueError(
            f"介绍信有效期应为1至{MAX_VALIDITY_DAYS}天，现为{days}天，请改为{MAX_VALIDITY_DAYS}天以内。"
        )
    return f"{capital_number(days)}天"


def letter_number(year: int, serial: int, word: str = "组") -> str:
    """A letter's number: (2026, 12) → （2026）组字第 012 号; three digits, more when needed."""
    if serial < 1:
        raise ValueError(f"介绍信序号应从1开始，现为{serial}。")
    if not 1000 <= year <= 9999:
        raise ValueError(f"年份应为四位数，现为{year}。")
    if not word.strip():
        raise ValueError("介绍信字号不能为空（如“组”）。")
    return f"（{year}）{word.strip()}字第 {serial:03d} 号"

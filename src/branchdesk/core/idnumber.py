"""Chinese resident ID numbers (GB 11643-1999): checksum, birth date and gender."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


class IdNumberError(ValueError):
    """An invalid ID number; the message says what is wrong, in Chinese."""


@dataclass(frozen=True)
class IdNumber:
    """A valid 18-character ID number with the facts it encodes."""

    value: str
    birth_date: dt.date
    gender: str  # "男" or "女"
    region: str


def check_char(first17: str) -> str:
    """Return the check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalise(raw: str) -> str:
    """Strip spaces, turn full-width digits into ASCII and ``x`` into ``X``."""
    table = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
    table.update({ord("ｘ"): ord("X"), ord("Ｘ"): ord("X"), ord("x"): ord("X")})
    return "".join(raw.split()).translate(table)


def parse_id_number(raw: str, today: dt.date | None = None) -> IdNumber:
    """Validate an ID number and return it normalised; raise IdNumberError otherwise."""
    value = normalise(raw)
    if not value:
        raise IdNumberError("请填写公民身份号码")
    if len(value) != 18:
        raise IdNumberError(f"公民身份号码应为 18 位，现在是 {len(value)} 位")
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise IdNumberError("公民身份号码前 17 位应为数字，最后一位为数字或 X")
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise IdNumberError(f"公民身份号码中的出生日期 {value[6:14]} 不是有效日期") from None
    if birth.year < 1900 or (today is not None and birth > today):
        raise IdNumberError(f"公民身份号码中的出生日期 {birth:%Y-%m-%d} 不合理")
    expected = check_char(value[:17])
    if value[17] != expected:
        raise IdNumberError("公民身份号码校验位不正确，请核对号码是否抄错")
    gender = "男" if int(value[16]) % 2 == 1 else "女"
    return IdNumber(value, birth, gender, value[:6])


def make_id_number(region: str, birth: dt.date, sequence: int) -> str:
    """Build a valid ID number (used by the demo data and tests)."""
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)

"""Phone numbers: Chinese mobile and landline numbers."""

from __future__ import annotations

import re

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
SHORT_LOCAL = re.compile(r"^\d{7,8}$")


class PhoneError(ValueError):
    """An invalid phone number; the message says what is wrong, in Chinese."""


def normalise_phone(raw: str) -> str:
    """Validate a phone number and return it without spaces; empty stays empty."""
    table = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
    table[ord("－")] = ord("-")
    value = "".join(raw.split()).translate(table)
    if value.startswith("+86"):
        value = value[3:]
    if not value:
        return ""
    if MOBILE.match(value) or LANDLINE.match(value) or SHORT_LOCAL.match(value):
        return value
    if value.isdigit() and value.startswith("1"):
        raise PhoneError(f"手机号码应为 11 位，以 1 开头，现在是 {len(value)} 位")
    raise PhoneError("电话号码格式不正确：手机号 11 位，座机如 0571-87654321")

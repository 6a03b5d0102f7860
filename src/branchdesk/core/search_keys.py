"""Search keys of a member stored with the record: pinyin initials, full pinyin, ID number."""

from __future__ import annotations

from itertools import islice, product
from typing import Any

from pypinyin import Style, pinyin

MAX_READINGS = 8


def _keep_as_is(chars: str) -> Any:
    """Characters without pinyin (letters, ·) stay as they are, one item each."""
    return list(chars)


def _readings(name: str, style: Style) -> list[str]:
    parts = pinyin(name, style=style, heteronym=True, errors=_keep_as_is)
    combos = islice(product(*[p if p else [""] for p in parts]), MAX_READINGS)
    seen: list[str] = []
    for combo in combos:
        text = "".join(combo).lower()
        if text not in seen:
            seen.append(text)
    return seen


def name_initials(name: str) -> list[str]:
    """All readings of a name's pinyin initials (polyphonic characters give several)."""
    return _readings(name, Style.FIRST_LETTER)


def name_sort_key(name: str) -> str:
    """The most common full pinyin of a name, for sorting in pinyin order."""
    parts = pinyin(name, style=Style.NORMAL, errors=_keep_as_is)
    return " ".join(p[0] for p in parts).lower() + " " + name


def member_search_key(name: str, id_number: str) -> str:
    """The stored lower-case text that roster search matches fragments against."""
    full = _readings(name, Style.NORMAL)
    return "|".join([name, *name_initials(name), *full, id_number.lower()]).lower()


def normalise_query(query: str) -> str:
    """Normalise a search box's text the same way (trim, lower case, no spaces)."""
    return "".join(query.split()).lower()

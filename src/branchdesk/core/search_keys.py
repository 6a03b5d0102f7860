"""Search keys stored with a member: pinyin initials, full pinyin and a pinyin sort key."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice, product
from typing import Any

MAX_READINGS = 8

#: surnames whose reading as a surname differs from the character's commonest reading
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao",
    "查": "zha", "盖": "ge", "尉": "yu", "乐": "yue", "缪": "miao", "种": "chong",
    "覃": "qin", "翟": "zhai", "召": "shao", "黑": "he", "宿": "su", "折": "she",
    "秘": "bi", "句": "gou", "隗": "wei", "重": "chong", "藏": "zang", "厍": "she",
    "员": "yun", "繁": "po", "纪": "ji", "柏": "bai", "长": "chang", "参": "shen",
}


@dataclass(frozen=True)
class SearchColumns:
    """The stored search columns of a name."""

    search_key: str  # name | all initials | all full readings, lower case
    pinyin_initials: str  # all readings of the initials, "|"-separated
    sort_key: str  # surname-aware full pinyin, then the name itself


def _keep_as_is(chars: str) -> Any:
    """Characters without pinyin (letters, ·) stay as they are, one item each."""
    return list(chars)


@cache
def _pinyin() -> Any:
    # imported on first use: pypinyin's dictionaries take a quarter of a second to load,
    # which the start of the program need not pay
    import pypinyin

    return pypinyin


def _parts(name: str, full: bool) -> list[list[str]]:
    pypinyin = _pinyin()
    style = pypinyin.Style.NORMAL if full else pypinyin.Style.FIRST_LETTER
    parts: list[list[str]] = pypinyin.pinyin(
        name, style=style, heteronym=True, errors=_keep_as_is
    )
    surname = SURNAME_READINGS.get(name[:1])
    if surname and parts:
        reading = surname if full else surname[0]
        parts[0] = [reading, *[p for p in parts[0] if p != reading]]
    return [p if p else [""] for p in parts]


def _readings(name: str, full: bool) -> list[str]:
    seen: list[str] = []
    for combo in islice(product(*_parts(name, full)), MAX_READINGS):
        text = "".join(combo).lower()
        if text not in seen:
            seen.append(text)
    return seen


def name_initials(name: str) -> list[str]:
    """All readings of a name's pinyin initials, the surname reading first."""
    return _readings(name, full=False)


def name_sort_key(name: str) -> str:
    """Full pinyin of a name (surname reading for 单, 曾 …), for sorting in pinyin order."""
    return " ".join(p[0] for p in _parts(name, full=True)).lower() + " " + name


def search_columns(name: str) -> SearchColumns:
    """The stored columns that roster search and sorting use for this name."""
    initials = name_initials(name)
    key = "|".join([name, *initials, *_readings(name, full=True)]).lower()
    return SearchColumns(key, "|".join(initials), name_sort_key(name))


def normalise_query(query: str) -> str:
    """Normalise a search box's text the same way (trim, lower case, no spaces)."""
    return "".join(query.split()).lower()

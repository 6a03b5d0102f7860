"""Whether two ways of writing a person's name or login name denote the same person."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

#: the middle dots of names such as 阿依古丽·买买提, written in several ways
_DOTS = str.maketrans({"・": "·", "•": "·", "‧": "·", "∙": "·", "．": "·"})


def person_key(text: str) -> str:
    """A name reduced to what identifies the person: width, case and spaces do not count.

    NFKC turns full-width letters, digits and the ideographic space into their ordinary
    forms; every kind of whitespace is dropped (``李 录入`` and ``李　录入`` are ``李录入``);
    case is folded (``Clerk`` is ``clerk``).
    """
    normal = unicodedata.normalize("NFKC", text).translate(_DOTS).casefold()
    return "".join(ch for ch in normal if not ch.isspace())


def same_person(name: str, known: Iterable[str]) -> bool:
    """Whether ``name`` is one of ``known`` (login names, display names) of one person."""
    key = person_key(name)
    return bool(key) and any(key == person_key(other) for other in known if other)

"""Redacted audit values: a short fingerprint of a secret column instead of the secret."""

from __future__ import annotations

import hashlib
import re
from typing import Any

_FINGERPRINT = re.compile(r"指纹 ([0-9a-f]{16})")


def fingerprint(value: Any) -> str:
    """The first 16 hex digits of the SHA-256 of a stored secret (the secret is not kept)."""
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:16]


def redacted(value: Any) -> str | None:
    """The audit trail's form of a redacted column's value: ``已修改（指纹 …）``."""
    if value is None:
        return None
    return f"已修改（指纹 {fingerprint(value)}）"


def fingerprint_in(audited: Any) -> str | None:
    """The fingerprint an audited redacted value names; ``None`` for the old form."""
    if not isinstance(audited, str):
        return None
    found = _FINGERPRINT.search(audited)
    return found.group(1) if found else None

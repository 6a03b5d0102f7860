"""The administrator's setting of a letter's longest validity (介绍信最长有效期), local practice.

Letters are valid 30 days by default and at most 90 in common local practice; some regions
allow longer across provinces, so the maximum is a setting (``transfer.max_validity_days``,
1–365 days) and is cited as local practice, never as an article.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.numerals import DEFAULT_MAX_VALIDITY_DAYS, MAX_VALIDITY_DAYS
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.vocab import Role
from branchdesk.storage.database import Database
from branchdesk.storage.models import Setting

SETTING_KEY = "transfer.max_validity_days"
#: what the settings page and every message call it
SETTING_LABEL = "介绍信最长有效期"
#: where the administrator changes it
SETTING_PLACE = "设置 → 工作日历与期限"


def parse_max_validity(stored: str | None) -> int:
    """The maximum a stored value means; a missing or unreadable one is the default (90)."""
    try:
        days = int((stored or "").strip())
    except ValueError:
        return DEFAULT_MAX_VALIDITY_DAYS
    return days if 1 <= days <= MAX_VALIDITY_DAYS else DEFAULT_MAX_VALIDITY_DAYS


def max_validity_error(days: int) -> str:
    """What is wrong with a maximum the administrator enters ('' when nothing)."""
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        return f"{SETTING_LABEL}应为 1 至 {MAX_VALIDITY_DAYS} 天，现为 {days} 天"
    return ""


def validity_error(days: int, maximum: int) -> str:
    """What is wrong with a letter's validity under the setting ``maximum`` ('' when nothing)."""
    if days < 1:
        return f"有效期至少 1 天，现为 {days} 天"
    if days > maximum:
        return (
            f"有效期不能超过 {maximum} 天（{SETTING_LABEL}，{citation('letter_validity')}），"
            f"现为 {days} 天；请改为 {maximum} 天以内，或请管理员在“{SETTING_PLACE}”中修改"
            f"“{SETTING_LABEL}”"
        )
    return ""


def read_max_validity(s: Session) -> int:
    """The longest validity a new letter may have, as the administrator set it."""
    entry = s.get(Setting, SETTING_KEY)
    return parse_max_validity(entry.value if entry is not None else None)


class TransferSettings:
    """Reads and changes the longest validity a new introduction letter may have."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def max_validity_days(self) -> int:
        """The administrator's maximum (90 unless changed)."""
        with self.db.read() as s:
            return read_max_validity(s)

    def set_max_validity_days(self, actor: Actor, days: int) -> None:
        """The administrator sets the maximum (1–365 days); letters already issued keep theirs."""
        actor.require(Role.ADMIN)
        error = max_validity_error(days)
        if error:
            raise ValidationError({"max_validity_days": error})
        with self.db.write(actor.username, f"{SETTING_LABEL}改为 {days} 天") as s:
            entry = s.get(Setting, SETTING_KEY)
            if entry is None:
                s.add(Setting(key=SETTING_KEY, value=str(days)))
            elif entry.value != str(days):
                entry.value = str(days)

"""Administrator-only services refuse a clerk or a reviewer in core, not only in the GUI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.errors import PermissionDenied
from branchdesk.core.meeting_rules import Frequency, MeetingKind
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.storage.models import AuditEntry


def _clerk_id(services: Services) -> int:
    return next(a.id for a in services.accounts.list_accounts() if a.username == "clerk")


def _voided(services: Services, add_member: Callable[..., int]) -> int:
    member = add_member("张三", 13)
    services.members.void(Actor("admin", Role.ADMIN, "王管理"), member, "重复录入")
    return member


#: each administrator-only write, called on behalf of ``actor``
ADMIN_ONLY: dict[str, Callable[[Services, Actor, Callable[[], int]], object]] = {
    "create account": lambda sv, who, _: sv.accounts.create(
        who, "zhao", "long-enough", "赵某", Role.ADMIN),
    "reset password": lambda sv, who, _: sv.accounts.reset_password(
        who, _clerk_id(sv), "long-enough"),
    "change role": lambda sv, who, _: sv.accounts.update(
        who, _clerk_id(sv), "李录入", Role.ADMIN, True),
    # (``member`` gives the record to restore: voided by the administrator beforehand)
    "restore voided member": lambda sv, who, member: sv.members.restore(who, member(), "误作废"),
    "meeting frequency": lambda sv, who, _: sv.meeting_calendar.set_frequency(
        who, MeetingKind.PARTY_LECTURE, Frequency.MONTHLY),
    "workday calendar": lambda sv, who, _: sv.workdays.set_day(
        who, dt.date(2027, 1, 1), False, "元旦"),
    "calendar year complete": lambda sv, who, _: sv.workdays.set_year_complete(who, 2027, True),
}


def _audit_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize("action", list(ADMIN_ONLY))
@pytest.mark.parametrize("role", [Role.CLERK, Role.REVIEWER])
def test_only_an_administrator_may(
    services: Services, add_member: Callable[..., int], action: str, role: Role,
) -> None:
    call = ADMIN_ONLY[action]
    someone = Actor("clerk" if role is Role.CLERK else "reviewer", role, "某人")
    voided = _voided(services, add_member)
    before = _audit_count(services)
    with pytest.raises(PermissionDenied, match="需要管理员权限"):
        call(services, someone, lambda: voided)
    assert _audit_count(services) == before  # nothing written
    call(services, Actor("admin", Role.ADMIN, "王管理"), lambda: voided)
    assert _audit_count(services) > before

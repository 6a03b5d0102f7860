"""Passwords have at least 8 characters: new accounts, resets, own changes, the first admin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from branchdesk.core.accounts import AccountService
from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.storage.migrate import create_database

SEVEN, EIGHT = "abcdefg", "abcdefgh"
MESSAGE = "密码至少需要 8 个字符"


def _clerk_id(services: Services) -> int:
    return next(a.id for a in services.accounts.list_accounts() if a.username == "clerk")


SETTERS: dict[str, Callable[[Services, Actor, str], object]] = {
    "create": lambda sv, admin, pw: sv.accounts.create(admin, "newbie", pw, "新人", Role.CLERK),
    "reset": lambda sv, admin, pw: sv.accounts.reset_password(admin, _clerk_id(sv), pw),
    "own": lambda sv, admin, pw: sv.accounts.change_own_password(admin, "secret-pw", pw),
}


@pytest.mark.parametrize("how", list(SETTERS))
def test_seven_characters_are_refused_eight_accepted(
    services: Services, admin: Actor, how: str,
) -> None:
    with pytest.raises(ValidationError) as refused:
        SETTERS[how](services, admin, SEVEN)
    assert refused.value.errors == {"password": MESSAGE}
    SETTERS[how](services, admin, EIGHT)
    user = {"create": "newbie", "reset": "clerk", "own": "admin"}[how]
    assert services.accounts.login(user, EIGHT).username == user


def test_the_first_administrator_needs_eight_characters(
    tmp_path: Path, fast_hasher: PasswordHasher,
) -> None:
    db = create_database(tmp_path / "new.sqlite")
    accounts = AccountService(db, fast_hasher)
    with pytest.raises(ValidationError, match=MESSAGE):
        accounts.create_first_admin("admin", SEVEN)
    assert not accounts.has_accounts()
    accounts.create_first_admin("admin", "八个汉字的密码啊")  # characters, not bytes
    assert accounts.login("admin", "八个汉字的密码啊").role is Role.ADMIN
    db.dispose()

"""Shared fixtures: each test gets a fresh database file with a small organisation."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from argon2 import PasswordHasher

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage.migrate import create_database

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test out of the real user's data folder."""
    monkeypatch.setenv("BRANCHDESK_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def fast_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def services(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    """Services on a new database: accounts admin/clerk/reviewer (password "secret-pw"),
    committee 中共测试委员会 with branches 第一党支部 (group 第一党小组) and 第二党支部."""
    db = create_database(tmp_path / "test.sqlite")
    sv = Services.build(db, tmp_path / "backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "王管理")
    admin = Actor("admin", Role.ADMIN, "王管理")
    sv.accounts.create(admin, "clerk", "secret-pw", "李录入", Role.CLERK)
    sv.accounts.create(admin, "reviewer", "secret-pw", "赵审核", Role.REVIEWER)
    committee = sv.organisations.create(admin, OrgKind.COMMITTEE, "中共测试委员会", None)
    first = sv.organisations.create(admin, OrgKind.BRANCH, "第一党支部", committee)
    sv.organisations.create(admin, OrgKind.GROUP, "第一党小组", first)
    sv.organisations.create(admin, OrgKind.BRANCH, "第二党支部", committee)
    yield sv
    db.dispose()


@pytest.fixture
def admin() -> Actor:
    return Actor("admin", Role.ADMIN, "王管理")


@pytest.fixture
def clerk() -> Actor:
    return Actor("clerk", Role.CLERK, "李录入")


@pytest.fixture
def reviewer() -> Actor:
    return Actor("reviewer", Role.REVIEWER, "赵审核")


@pytest.fixture
def branch_id(services: Services) -> int:
    node = services.organisations.find_by_name("第一党支部")
    assert node is not None
    return node.id


@pytest.fixture
def add_member(services: Services, clerk: Actor, branch_id: int) -> Callable[..., int]:
    """Create a full member: ``add_member("张三", sequence=13, **overrides)``."""

    def factory(name: str, sequence: int = 13, **overrides: object) -> int:
        fields: dict[str, object] = {
            "name": name,
            "id_number": make_id_number("110105", dt.date(1980, 5, 1), sequence),
            "branch_id": branch_id,
            "stage": Stage.FULL,
            "join_date": dt.date(2005, 7, 1),
            "full_member_date": dt.date(2006, 7, 1),
        }
        fields.update(overrides)
        return services.members.create(clerk, MemberInput(**fields))  # type: ignore[arg-type]

    return factory

"""Row versions on a real file: two program instances, and the upgrade that adds them."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import DbState, create_database, inspect_file, open_database
from branchdesk.storage.models import AuditEntry, Base, Member, User
from branchdesk.storage.row_versions import ROW_VERSION, Versioned

VERSIONED = sorted(
    m.class_.__tablename__ for m in Base.registry.mappers if issubclass(m.class_, Versioned)
)


def test_a_copy_loaded_by_one_instance_cannot_overwrite_a_later_save_by_another(
    services: Services, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    assert services.db.path is not None
    first, second = Database.open_sqlite(services.db.path), Database.open_sqlite(services.db.path)
    try:
        with first.read() as s:  # instance 1 loads the record into its dialog
            copy = s.get(Member, member_id)
            assert copy is not None and copy.row_version == 1
            s.expunge(copy)
        with second.write("admin") as s:  # instance 2 saves a change
            member = s.get(Member, member_id)
            assert member is not None
            member.phone = "13800000001"
        with first.read() as s:
            entries_before = s.scalar(select(func.count()).select_from(AuditEntry))

        with pytest.raises(StaleDataError):
            with first.write("clerk") as s:  # instance 1 saves its old copy
                s.add(copy)
                copy.phone = "13900000002"
                copy.job = "教师"

        with first.read() as s:
            member = s.get(Member, member_id)
            assert member is not None
            assert (member.phone, member.job, member.row_version) == ("13800000001", "", 2)
            assert s.scalar(select(func.count()).select_from(AuditEntry)) == entries_before
    finally:
        first.dispose()
        second.dispose()


def test_the_version_counts_facts_and_is_never_audited(
    services: Services, add_member: Callable[..., int], clerk: Actor
) -> None:
    member_id = add_member("张三")
    services.accounts.login("clerk", "secret-pw")  # last_login: bookkeeping, not an edit
    with services.db.write("clerk") as s:
        member = s.get(Member, member_id)
        assert member is not None
        member.job = "教师"
    with services.db.read() as s:
        assert s.scalar(select(Member.row_version).where(Member.id == member_id)) == 2
        assert s.scalar(select(User.row_version).where(User.username == "clerk")) == 1
        changes = s.scalars(select(AuditEntry.changes)).all()
    assert all(ROW_VERSION not in c for c in changes)


def _at_0005(path: Path) -> None:
    """Turn a database file back into what revision 0005 wrote: no row_version columns."""
    con = sqlite3.connect(path)
    for table in VERSIONED:
        con.execute(f'ALTER TABLE "{table}" DROP COLUMN row_version')
    con.execute("UPDATE alembic_version SET version_num = '0005'")
    con.commit()
    con.close()


def _columns(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def test_upgrade_from_0005_gives_every_row_version_1_and_verify_stays_sound(
    services: Services, tmp_path: Path, add_member: Callable[..., int], clerk: Actor,
    branch_id: int,
) -> None:
    from alembic import command

    from branchdesk.storage import migrate

    member_id = add_member("张三")
    services.resume.add(clerk, member_id, "2000.09", "2004.07", "某大学学习", "")
    detail = services.members.get(member_id)
    from dataclasses import replace

    services.members.update(clerk, member_id, replace(detail.data, job="教师"),
                            detail.row_version)
    assert services.audit.verify().sound
    path = services.db.path
    assert path is not None
    services.db.dispose()
    _at_0005(path)

    # the same tables as a database made by the migrations up to 0005
    real = tmp_path / "real-0005.sqlite"
    reference = Database.open_sqlite(real)
    config = migrate._alembic_config()
    with reference.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    reference.dispose()
    for table in VERSIONED:
        assert _columns(path, table) == _columns(real, table)
    assert inspect_file(path).state is DbState.OUTDATED

    db = open_database(path, tmp_path / "backups")
    try:
        upgraded = Services.build(db, tmp_path / "backups")
        with db.read() as s:
            for table in VERSIONED:
                rows = s.connection().exec_driver_sql(
                    f'SELECT DISTINCT row_version FROM "{table}"'
                ).all()
                assert rows in ([], [(1,)]), table
            assert s.scalar(select(func.count()).select_from(Member)) == 1
        assert upgraded.audit.verify().sound, upgraded.audit.verify().problems
        # and editing works on the upgraded file, version 1 → 2
        loaded = upgraded.members.get(member_id)
        assert loaded.row_version == 1 and loaded.data.job == "教师"
        upgraded.members.update(clerk, member_id, replace(loaded.data, job="工程师"), 1)
        assert upgraded.members.get(member_id).row_version == 2
    finally:
        db.dispose()
    assert inspect_file(path).state is DbState.CURRENT


def test_new_database_has_the_column_on_exactly_the_versioned_tables(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    create_database(path).dispose()
    assert VERSIONED == sorted([
        "committee_posts", "meetings", "members", "organisations", "resume_entries",
        "step_records", "transfers", "users",
    ])
    for table in Base.metadata.tables:
        assert (ROW_VERSION in _columns(path, table)) == (table in VERSIONED), table

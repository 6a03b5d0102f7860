"""A schema upgrade is all or nothing: killed or failing at any statement, the file stays as
it was, says so, and opens cleanly afterwards; repeated failures keep one backup copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from branchdesk.storage import migrate
from branchdesk.storage.audit import PendingEntry, append_entries
from branchdesk.storage.backup import list_backups
from branchdesk.storage.database import APPLICATION_ID, Database
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.migrate import DatabaseOpenError, DbState, inspect_file, open_database

OLD = "0004"
KILLED = 77


def _build_old(path: Path) -> None:
    """A database at revision 0004 with three organisations and their audit entries."""
    from alembic import command

    db = Database.open_sqlite(path)
    config = migrate._alembic_config()
    with db.engine.connect() as connection, migrate.schema_transaction(connection):
        config.attributes["connection"] = connection
        command.upgrade(config, OLD)
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    stamp = "2026-11-20 09:00:00.000000"
    with db.engine.begin() as connection:
        entries = []
        for number, (kind, name, parent) in enumerate(
            [("committee", "中共老版本委员会", None), ("branch", "第一党支部", 1),
             ("branch", "第二党支部", 1)], start=1,
        ):
            connection.exec_driver_sql(
                "INSERT INTO organisations (id, kind, name, parent_id, sort_order, address, "
                "phone, postcode, dissolved, created_at) VALUES (?, ?, ?, ?, ?, '', '', '', 0, ?)",
                (number, kind, name, parent, number, stamp),
            )
            values = {"id": number, "kind": kind, "name": name, "parent_id": parent,
                      "sort_order": number, "address": "", "phone": "", "postcode": "",
                      "dissolved": False, "created_at": "2026-11-20 09:00:00"}
            entries.append(PendingEntry(
                "create", "organisations", str(number), None,
                {k: [None, v] for k, v in values.items()},
            ))
        append_entries(connection, "admin", entries)
    db.dispose()


@pytest.fixture(scope="module")
def old_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("old") / "old.sqlite"
    _build_old(path)
    assert inspect_file(path) == migrate.DbInspection(DbState.OUTDATED, OLD)
    return path


def _schema_and_rows(path: Path) -> tuple[list[tuple[str, str]], list[tuple[object, ...]], str]:
    con = sqlite3.connect(path)
    try:
        schema = con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        rows = con.execute("SELECT id, name FROM organisations ORDER BY id").fetchall()
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    return schema, rows, check


def _count_statements(path: Path, backups: Path) -> int:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(Engine, "before_cursor_execute", count)
    try:
        open_database(path, backups).dispose()
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert any(s.startswith("ALTER TABLE") for s in seen)
    return len(seen)


def _open_and_die_at(path: Path, backups: Path, k: int) -> int:
    """Fork a process that runs the real start-up open and dies (os._exit) at statement k."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        code = 1
        try:
            seen = 0

            def die(*_args: object) -> None:
                nonlocal seen
                seen += 1
                if seen == k:
                    os._exit(KILLED)

            event.listen(Engine, "before_cursor_execute", die)
            open_database(path, backups).dispose()
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked process")
def test_killed_at_every_statement_the_file_stays_at_the_old_revision(
    old_file: Path, tmp_path: Path
) -> None:
    before = _schema_and_rows(old_file)
    probe = tmp_path / "probe.sqlite"
    shutil.copy(old_file, probe)
    statements = _count_statements(probe, tmp_path / "probe-backups")
    assert inspect_file(probe).state is DbState.CURRENT
    for k in range(1, statements + 1):
        path = tmp_path / f"kill{k}.sqlite"
        shutil.copy(old_file, path)
        assert _open_and_die_at(path, tmp_path / "backups", k) == KILLED, k
        assert inspect_file(path) == migrate.DbInspection(DbState.OUTDATED, OLD), k
        assert _schema_and_rows(path) == before, k
        db = open_database(path, tmp_path / "backups")  # and it upgrades cleanly afterwards
        try:
            with db.read() as session:
                assert verify_database(session).sound, k
        finally:
            db.dispose()
        assert inspect_file(path).state is DbState.CURRENT, k


@pytest.fixture
def failing_at_alter() -> Iterator[list[int]]:
    """Make the next upgrades fail with an exception in the middle of migration 0005, after
    its first ALTER TABLE (of members) ran."""
    failures: list[int] = []

    def fail(*args: object) -> None:
        if str(args[2]).startswith("ALTER TABLE transfers") and failures:
            failures.pop()
            raise RuntimeError("a migration failed")

    event.listen(Engine, "before_cursor_execute", fail)
    yield failures
    event.remove(Engine, "before_cursor_execute", fail)


def test_failed_upgrade_leaves_the_file_as_it_was_and_says_so(
    old_file: Path, tmp_path: Path, failing_at_alter: list[int]
) -> None:
    path = tmp_path / "branch.sqlite"
    shutil.copy(old_file, path)
    before = _schema_and_rows(path)
    backups = tmp_path / "backups"
    failing_at_alter.extend([1, 1, 1])
    for _ in range(3):  # three failing starts
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(path, backups)
        assert "升级数据库失败" in str(caught.value)
        assert "文件未做任何改动；升级前的备份：" in str(caught.value)
        assert inspect_file(path) == migrate.DbInspection(DbState.OUTDATED, OLD)
        assert _schema_and_rows(path) == before
    # one before-upgrade copy, not three, and the message names it
    (backup,) = list_backups(path, backups)
    assert backup.reason == f"before-upgrade-{OLD}"
    assert str(backup.path) in str(caught.value)
    assert _schema_and_rows(backup.path)[1] == before[1]

    # the file changes (a new audit entry): the next failing start takes a new copy
    db = Database.open_sqlite(path)
    with db.engine.begin() as connection:
        append_entries(connection, "admin", [PendingEntry("login", "users", "1", None, {})])
    db.dispose()
    failing_at_alter.append(1)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path, backups)
    assert len(list_backups(path, backups)) == 2
    (of_this_state,) = {b.path for b in list_backups(path, backups)} - {backup.path}
    assert str(of_this_state) in str(caught.value)

    # a damaged copy is not reused either
    of_this_state.write_bytes(of_this_state.read_bytes()[:4096])
    failing_at_alter.append(1)
    with pytest.raises(DatabaseOpenError):
        open_database(path, backups)
    assert len(list_backups(path, backups)) == 3

    open_database(path, backups).dispose()  # nothing failing: it upgrades
    assert inspect_file(path).state is DbState.CURRENT
    assert len(list_backups(path, backups)) == 3  # the copy of this very state was reused


def test_batch_migration_that_copies_a_table_works_inside_the_transaction(
    tmp_path: Path,
) -> None:
    """Alembic's batch mode recreates a table (copy, drop, rename) that other tables refer
    to; with foreign keys checked at the end it commits, and rolls back on a dangling one."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    path = tmp_path / "batch.sqlite"
    migrate.create_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO organisations (id, kind, name, sort_order, address, phone, postcode, "
        "dissolved, created_at) VALUES (1, 'committee', '中共委员会', 1, '', '', '', 0, "
        "'2026-11-20 09:00:00.000000')"
    )
    con.execute(
        "INSERT INTO organisations (id, kind, name, parent_id, sort_order, address, phone, "
        "postcode, dissolved, created_at) VALUES (2, 'branch', '第一党支部', 1, 1, '', '', '', "
        "0, '2026-11-20 09:00:00.000000')"
    )
    con.commit()
    con.close()
    db = Database.open_sqlite(path)
    try:
        with db.engine.connect() as connection, migrate.schema_transaction(connection):
            ops = Operations(MigrationContext.configure(connection))
            with ops.batch_alter_table("organisations", recreate="always") as batch:
                batch.alter_column("address", existing_type=None, server_default="")
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT id, parent_id FROM organisations").all()
            assert [tuple(r) for r in rows] == [(1, None), (2, 1)]
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

        # a schema change leaving a dangling reference is rolled back as a whole
        with pytest.raises(RuntimeError, match="foreign key"), db.engine.connect() as connection:
            with migrate.schema_transaction(connection):
                connection.exec_driver_sql("UPDATE organisations SET parent_id = 99 WHERE id = 2")
                connection.exec_driver_sql("ALTER TABLE organisations ADD COLUMN extra TEXT")
        with db.engine.connect() as connection:
            columns = [r[1] for r in connection.exec_driver_sql("PRAGMA table_info(organisations)")]
            assert "extra" not in columns
            parent = connection.exec_driver_sql("SELECT parent_id FROM organisations WHERE id=2")
            assert parent.scalar() == 1
    finally:
        db.dispose()

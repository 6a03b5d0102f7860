import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from branchdesk.storage.backup import list_backups
from branchdesk.storage.database import APPLICATION_ID
from branchdesk.storage.migrate import (
    DatabaseOpenError,
    DbState,
    create_database,
    head_revision,
    inspect_file,
    open_database,
)
from branchdesk.storage.models import Base


def test_empty_to_head_creates_every_table(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite", tmp_path / "backups")
    tables = set(inspect(db.engine).get_table_names())
    db.dispose()
    assert set(Base.metadata.tables) <= tables
    assert inspect_file(tmp_path / "new.sqlite").revision == head_revision()


def test_schema_revision_constant_is_the_alembic_head() -> None:
    from branchdesk.storage.migrate import SCHEMA_REVISION

    assert head_revision() == SCHEMA_REVISION


def test_schema_matches_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = create_database(tmp_path / "new.sqlite")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == []


def test_wal_foreign_keys_and_application_id(tmp_path: Path) -> None:
    db = create_database(tmp_path / "new.sqlite")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    db.dispose()


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    (tmp_path / "x.sqlite").write_bytes(b"")
    with pytest.raises(DatabaseOpenError, match="已存在"):
        create_database(tmp_path / "x.sqlite")


def test_newer_schema_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    create_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    assert inspect_file(path).state is DbState.NEWER
    with pytest.raises(DatabaseOpenError, match="更新版本"):
        open_database(path, tmp_path / "backups")
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_corrupt_and_foreign_files_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is a spreadsheet, not a database" * 10)
    with pytest.raises(DatabaseOpenError, match="已损坏或不是数据库文件"):
        open_database(junk, tmp_path / "b")
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseOpenError, match="不是支部台账"):
        open_database(other, tmp_path / "b")


def test_outdated_database_is_backed_up_before_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    create_database(path).dispose()
    from branchdesk.storage import migrate

    real = migrate.inspect_file

    def pretend_outdated(p: Path, passphrase: str | None = None) -> migrate.DbInspection:
        found = real(p, passphrase)
        return migrate.DbInspection(DbState.OUTDATED, "0000_old") if p == path else found

    monkeypatch.setattr(migrate, "inspect_file", pretend_outdated)
    open_database(path, tmp_path / "backups").dispose()
    backups = list_backups(path, tmp_path / "backups")
    assert [b.reason for b in backups] == ["before-upgrade-0000_old"]


def test_upgrade_from_0001_keeps_data_and_backs_up_first(tmp_path: Path) -> None:
    from alembic import command

    from branchdesk.core.actor import SYSTEM
    from branchdesk.core.services import Services
    from branchdesk.core.vocab import OrgKind
    from branchdesk.storage import migrate
    from branchdesk.storage.audit import PendingEntry, append_entries
    from branchdesk.storage.database import Database

    path = tmp_path / "old.sqlite"
    old = Database.open_sqlite(path)
    config = migrate._alembic_config()
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    # written as version 0001 wrote it (today's models have columns 0001 does not)
    columns = {"id": 1, "kind": OrgKind.COMMITTEE.value, "name": "中共旧版委员会",
               "parent_id": None, "sort_order": 1, "address": "", "phone": "", "postcode": "",
               "dissolved": False, "created_at": "2026-01-05 09:00:00"}
    with old.write(SYSTEM.username) as s:
        s.connection().exec_driver_sql(
            f"INSERT INTO organisations ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})", tuple(columns.values()),
        )
        append_entries(s.connection(), SYSTEM.username, [PendingEntry(
            "create", "organisations", "1", None,
            {key: [None, value] for key, value in columns.items()}, "新建党委 中共旧版委员会",
        )])
    old.dispose()
    assert inspect_file(path).state is DbState.OUTDATED

    db = open_database(path, tmp_path / "backups")
    try:
        services = Services.build(db, tmp_path / "backups")
        assert [n.name for n in services.organisations.all_nodes()] == ["中共旧版委员会"]
        assert services.audit.verify().sound
    finally:
        db.dispose()
    assert inspect_file(path).state is DbState.CURRENT
    (backup,) = list_backups(path, tmp_path / "backups")
    assert backup.reason == "before-upgrade-0001"
    assert inspect_file(backup.path).revision == "0001"

"""Opening a database file: recognising it, backing it up and upgrading it with Alembic."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from branchdesk.storage.backup import backup_database
from branchdesk.storage.database import APPLICATION_ID, Database

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SQLITE_HEADER = b"SQLite format 3\x00"
#: the schema revision this version writes (the Alembic head; a test keeps them equal).
#: Known, it spares loading Alembic at every start when the file is already up to date.
SCHEMA_REVISION = "0005"


class DatabaseOpenError(Exception):
    """A database file that cannot be opened; the message says why, in Chinese."""


class DbState(Enum):
    """What a file on disk is, as far as BranchDesk is concerned."""

    MISSING = "missing"
    EMPTY = "empty"
    CURRENT = "current"
    OUTDATED = "outdated"
    NEWER = "newer"
    FOREIGN = "foreign"
    CORRUPT = "corrupt"


@dataclass(frozen=True)
class DbInspection:
    """The state of a database file and its schema revision."""

    state: DbState
    revision: str | None = None
    detail: str = ""


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("branchdesk.storage") / "migrations"))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def inspect_file(path: Path) -> DbInspection:
    """Look at a file without changing it: is it ours, and which schema revision?"""
    path = Path(path)
    if not path.exists():
        return DbInspection(DbState.MISSING)
    if path.stat().st_size == 0:
        return DbInspection(DbState.EMPTY)
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return DbInspection(DbState.CORRUPT, detail="不是 SQLite 数据库文件")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return DbInspection(DbState.CORRUPT, detail=str(exc))
    if not tables:
        return DbInspection(DbState.EMPTY)
    if revision is None or app_id != APPLICATION_ID:
        return DbInspection(DbState.FOREIGN)
    if revision == SCHEMA_REVISION:
        return DbInspection(DbState.CURRENT, revision)
    known = {rev.revision for rev in script_directory().walk_revisions()}
    if revision not in known:
        return DbInspection(DbState.NEWER, revision)
    if revision != head_revision():
        return DbInspection(DbState.OUTDATED, revision)
    return DbInspection(DbState.CURRENT, revision)


def _upgrade(db: Database) -> None:
    from alembic import command

    config = _alembic_config()
    with as_file(files("branchdesk.storage") / "migrations") as location:
        config.set_main_option("script_location", str(location))
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


def explain(inspection: DbInspection, path: Path) -> str:
    """A Chinese message telling the clerk why a file cannot be opened and what to do."""
    if inspection.state is DbState.NEWER:
        return (
            f"数据库文件“{path}”由更新版本的支部台账（BranchDesk）写入"
            f"（数据库版本 {inspection.revision}），本程序无法打开。"
            "请安装最新版本后再打开。文件未做任何改动。"
        )
    if inspection.state is DbState.FOREIGN:
        return (
            f"文件“{path}”不是支部台账（BranchDesk）的数据库。"
            "请选择正确的数据库文件。文件未做任何改动。"
        )
    if inspection.state is DbState.CORRUPT:
        return (
            f"文件“{path}”已损坏或不是数据库文件（{inspection.detail}）。"
            "请从备份恢复，或选择其他文件。文件未做任何改动。"
        )
    return f"无法打开数据库文件“{path}”。"


def open_database(path: Path, backup_dir: Path, *, create: bool = True) -> Database:
    """Open (or create) a database file, backing it up and upgrading it when needed."""
    path = Path(path)
    inspection = inspect_file(path)
    if inspection.state in (DbState.NEWER, DbState.FOREIGN, DbState.CORRUPT):
        raise DatabaseOpenError(explain(inspection, path))
    if inspection.state is DbState.MISSING and not create:
        raise DatabaseOpenError(f"数据库文件“{path}”不存在。")
    if inspection.state is DbState.OUTDATED:
        backup_database(path, backup_dir, reason=f"before-upgrade-{inspection.revision}")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open_sqlite(path)
    if inspection.state is not DbState.CURRENT:
        try:
            _upgrade(db)
        except Exception:
            db.dispose()
            raise
    return db


def create_database(path: Path) -> Database:
    """Create a new, empty database file at the head revision; refuse an existing file."""
    path = Path(path)
    if path.exists():
        raise DatabaseOpenError(f"文件“{path}”已存在，不会覆盖。请指定一个新的文件名。")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open_sqlite(path)
    _upgrade(db)
    return db

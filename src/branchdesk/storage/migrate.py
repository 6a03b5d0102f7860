"""Opening a database file: recognising it, backing it up and upgrading it with Alembic."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from branchdesk.storage import cipher, places
from branchdesk.storage.backup import backup_database
from branchdesk.storage.database import APPLICATION_ID, Database
from branchdesk.storage.errors import BranchDeskError
from branchdesk.storage.upgrade_backup import before_upgrade_backup

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger("branchdesk")

SQLITE_HEADER = b"SQLite format 3\x00"
#: the schema revision this version writes (the Alembic head; a test keeps them equal).
#: Known, it spares loading Alembic at every start when the file is already up to date.
SCHEMA_REVISION = "0006"


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
    INCOMPLETE = "incomplete"
    UNREADABLE = "unreadable"
    #: SQLCipher-encrypted: opened only with its passphrase (storage/cipher.py)
    ENCRYPTED = "encrypted"
    FOLDER = "folder"


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


def inspect_file(path: Path, passphrase: str | None = None) -> DbInspection:
    """Look at a file without changing it: is it ours, and which schema revision?

    An encrypted file is ENCRYPTED without ``passphrase``; with a wrong one WrongPassphrase."""
    path = Path(path)
    if not path.exists():
        return DbInspection(DbState.MISSING)
    if path.is_dir():
        return DbInspection(DbState.FOLDER)
    if path.stat().st_size == 0:
        return DbInspection(DbState.EMPTY)
    try:
        with path.open("rb") as fh:
            encrypted = fh.read(16) != SQLITE_HEADER
    except OSError as exc:
        return DbInspection(DbState.UNREADABLE, detail=exc.strerror or str(exc))
    if encrypted and not cipher.looks_encrypted(path):
        return DbInspection(DbState.CORRUPT, detail="不是 SQLite 数据库文件")
    if encrypted and passphrase is None:
        return DbInspection(DbState.ENCRYPTED)
    try:
        conn = (
            cipher.connect(path, passphrase or "", readonly=True) if encrypted
            else sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        )
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
    except (sqlite3.DatabaseError, cipher.DriverError) as exc:
        if places.cannot_open(exc):  # type: ignore[arg-type]  # the place (permissions, a read-only folder), not the file
            return DbInspection(DbState.UNREADABLE, detail=str(exc))
        return DbInspection(DbState.CORRUPT, detail=str(exc))
    if not tables:
        return DbInspection(DbState.EMPTY)
    if revision is None or app_id != APPLICATION_ID:
        return DbInspection(DbState.FOREIGN)
    if revision == SCHEMA_REVISION:
        return _complete(tables, revision)
    known = {rev.revision for rev in script_directory().walk_revisions()}
    if revision not in known:
        return DbInspection(DbState.NEWER, revision)
    if revision != head_revision():
        return DbInspection(DbState.OUTDATED, revision)
    return _complete(tables, revision)


def _complete(tables: set[str], revision: str) -> DbInspection:
    """CURRENT, or INCOMPLETE naming the tables of this version that the file lacks."""
    from branchdesk.storage.models import Base

    missing = sorted(set(Base.metadata.tables) - tables)
    if missing:
        return DbInspection(DbState.INCOMPLETE, revision, "、".join(missing))
    return DbInspection(DbState.CURRENT, revision)


def _upgrade(db: Database) -> None:
    """Upgrade to the head in ONE transaction with the version bump: all or nothing.

    The engine's connections emit their own BEGIN, so SQLite's DDL is transactional. Batch
    migrations copy tables, which foreign keys checked row by row would refuse mid-way, and
    ``PRAGMA foreign_keys`` cannot change inside a transaction: they are off for the upgrade
    and checked as a whole before it commits."""
    from alembic import command

    config = _alembic_config()
    with as_file(files("branchdesk.storage") / "migrations") as location:
        config.set_main_option("script_location", str(location))
        with db.engine.connect() as connection, schema_transaction(connection):
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


@contextmanager
def schema_transaction(connection: Connection) -> Iterator[None]:
    """One transaction for schema changes, foreign keys checked once at its end (SQLite)."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _raw_pragma(connection, "PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            yield
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"foreign key check failed after upgrade: {tuple(broken)}")
    finally:
        if sqlite and not connection.invalidated:
            _raw_pragma(connection, "PRAGMA foreign_keys=ON")


def _raw_pragma(connection: Connection, pragma: str) -> None:
    """Run a PRAGMA outside any transaction (SQLAlchemy would begin one first)."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(pragma)
    finally:
        cursor.close()


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
    if inspection.state is DbState.EMPTY:
        return (
            f"文件“{path}”是空的（没有任何数据表），不是支部台账的数据库。"
            "请选择正确的数据库文件；要新建数据库，请指定一个尚不存在的文件名。文件未做任何改动。"
        )
    if inspection.state is DbState.INCOMPLETE:
        return (
            f"数据库不完整，缺少表 {inspection.detail}，请从备份恢复（文件“{path}”）。"
            "文件未做任何改动。"
        )
    if inspection.state is DbState.FOLDER:
        return f"{places.folder_message(path)}。文件夹未做任何改动。"
    if inspection.state is DbState.ENCRYPTED:
        if not cipher.available():
            return cipher.UNAVAILABLE
        return f"数据库文件“{path}”已加密，需要输入密码才能打开。文件未做任何改动。"
    if inspection.state is DbState.UNREADABLE:
        return (
            f"无法读取文件“{path}”：没有读取权限，或所在文件夹不允许写入（{inspection.detail}）。"
            "请把数据库复制到可以写入的文件夹后再打开。文件未做任何改动。"
        )
    return f"无法打开数据库文件“{path}”。"


def open_database(
    path: Path, backup_dir: Path, *, create: bool = True, passphrase: str | None = None
) -> Database:
    """Open (or create) a database file, backing it up and upgrading it when needed.

    Only a MISSING file is created; an existing file that is not a BranchDesk database (an
    empty one included) is refused untouched, and so is a place BranchDesk cannot write."""
    path = Path(path)
    problem = places.place_problem(path)
    if problem is not None and (path.exists() or create):
        raise DatabaseOpenError(f"{problem}。文件未做任何改动。")
    inspection = inspect_file(path, passphrase)
    if inspection.state is DbState.MISSING:
        if not create:
            raise DatabaseOpenError(f"数据库文件“{path}”不存在。")
        return _create_new(path, passphrase)
    if inspection.state is DbState.ENCRYPTED:  # the caller asks for the passphrase
        cipher.dbapi()
        raise cipher.PassphraseRequired(explain(inspection, path))
    if inspection.state not in (DbState.CURRENT, DbState.OUTDATED):
        raise DatabaseOpenError(explain(inspection, path))
    key = passphrase if cipher.looks_encrypted(path) else None  # a plain file needs none
    if inspection.state is DbState.CURRENT:
        return Database.open_sqlite(path, key)
    assert inspection.revision is not None
    try:
        backup = (
            before_upgrade_backup(path, backup_dir, inspection.revision) if key is None
            else backup_database(  # encrypted with the same key
                path, backup_dir, reason=f"before-upgrade-{inspection.revision}", passphrase=key
            )
        )
    except BranchDeskError as exc:  # the backup says why (disk full: how much is needed)
        full = "（磁盘已满）" if exc.__cause__ and places.is_disk_full(exc.__cause__) else ""
        raise DatabaseOpenError(
            f"升级数据库前未能备份{full}，数据库没有升级，文件未做任何改动。{exc}"
        ) from exc
    except (OSError, sqlite3.Error) as exc:
        log.exception("backup before upgrading %s failed", path)
        reason = places.describe_write_failure(
            exc, backup_dir, places.size_on_disk(path), "升级前的备份"
        )
        raise DatabaseOpenError(
            f"升级数据库前备份失败：{reason}。数据库没有升级，文件未做任何改动。"
        ) from exc
    db = Database.open_sqlite(path, key)
    try:
        _upgrade(db)
    except Exception as exc:
        db.dispose()
        log.exception("upgrading %s from %s failed", path, inspection.revision)
        # a batch migration copies a table: about the file's size again
        reason = places.describe_write_failure(exc, path, places.size_on_disk(path), "升级")
        raise DatabaseOpenError(
            f"升级数据库失败：{reason}。文件未做任何改动；升级前的备份：{backup}"
        ) from exc
    return db


def _create_new(path: Path, passphrase: str | None = None) -> Database:
    """Build a new database beside ``path`` and move it into place only when complete, so
    an interrupted first start never leaves an empty file that would then be refused."""
    building = path.with_name(f"{path.name}.{os.getpid()}.new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_builds(path)
        db = Database.open_sqlite(building, passphrase)
        try:
            _upgrade(db)
        finally:
            db.dispose()  # the last connection folds the write-ahead log into the file
        if any(part.exists() for part in _companions(building)):
            raise OSError(f"write-ahead log of {building} left after closing")
        _move_into_place(building, path)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        log.exception("creating %s failed", path)
        for part in (building, *_companions(building)):
            part.unlink(missing_ok=True)
        reason = places.describe_write_failure(exc, path.parent, 1024 * 1024, "新建数据库")
        raise DatabaseOpenError(f"无法新建数据库“{path}”：{reason}。") from exc
    return Database.open_sqlite(path, passphrase)


def _move_into_place(building: Path, path: Path) -> None:
    """Give the finished file its name, unless another program created one meanwhile (two
    instances at the very first start): then that one is kept and ours discarded."""
    try:
        os.link(building, path)  # fails when the name exists: never replaces a database
    except FileExistsError:
        log.info("%s was created by another program meanwhile; it is used", path)
    except OSError:  # a file system without hard links
        if path.exists():
            log.info("%s was created by another program meanwhile; it is used", path)
        else:
            os.replace(building, path)
            return
    building.unlink()


def _remove_stale_builds(path: Path) -> None:
    """Remove what a first start killed while building left (older than an hour)."""
    import time

    for stale in path.parent.glob(f"{path.name}.*.new*"):
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
        except OSError:
            pass


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def create_database(path: Path, passphrase: str | None = None) -> Database:
    """Create a new, empty database file at the head revision; refuse an existing file.

    With ``passphrase`` the file is encrypted from its first page (SQLCipher)."""
    path = Path(path)
    if path.exists():
        raise DatabaseOpenError(f"文件“{path}”已存在，不会覆盖。请指定一个新的文件名。")
    if passphrase is not None:
        cipher.dbapi()
        cipher.check_new_passphrase(passphrase)
    return _create_new(path, passphrase)

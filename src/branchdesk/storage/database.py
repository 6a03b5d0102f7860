"""The database connection: engine, SQLite pragmas and audited units of work."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from branchdesk.storage import cipher, places
from branchdesk.storage.audit import install_audit_hooks
from branchdesk.storage.errors import DatabaseBusyError, DatabaseWriteError
from branchdesk.storage.private_files import make_private

if TYPE_CHECKING:
    from branchdesk.storage.anchors import AnchorBook

#: SQLite ``application_id`` of BranchDesk files ("BDsk")
APPLICATION_ID = 0x4244736B
#: how long SQLite itself waits for another program's write lock, per attempt
BUSY_TIMEOUT_MS = 5000
#: attempts of a write (each waiting up to BUSY_TIMEOUT_MS) before "数据库正被其他程序使用"
WRITE_ATTEMPTS = 3
#: execution option naming the kind of BEGIN a connection's transactions start with
BEGIN_MODE = "branchdesk_sqlite_begin"


class AuditedSession(Session):
    """A session whose flushes write the audit trail and refuse deletions."""


install_audit_hooks(AuditedSession)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # the driver never begins or commits on its own: _sqlite_begin emits every BEGIN, so a
    # schema upgrade's ALTER TABLEs are inside the transaction too (SQLAlchemy's pysqlite recipe)
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # every commit reaches the disk before the screen says 已保存 (a power cut keeps it)
    cursor.execute("PRAGMA synchronous=FULL")
    # a county committee's 100,000 members make a 150 MB file: keep the hot pages in memory
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_MODE, "")
    connection.exec_driver_sql(f"BEGIN {mode}".rstrip())


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked": another connection holds the write lock."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return code in (5, 6) or "database is locked" in str(orig)


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).resolve()}"


def make_engine(url: str, passphrase: str | None = None) -> Engine:
    """Create an engine; SQLite connections get foreign keys, WAL and a busy timeout."""
    # an encrypted file is opened through SQLCipher (storage/cipher.py)
    cipher_options = cipher.engine_options(url, passphrase) if passphrase else {}
    # errors must not carry members' ID numbers or phones into logs and crash reports
    engine = create_engine(url, hide_parameters=True, **cipher_options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """One open BranchDesk database: hands out audited sessions, one per unit of work."""

    def __init__(
        self, engine: Engine, path: Path | None = None, passphrase: str | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        #: the key of an encrypted file (its backups are encrypted with it); None: plain
        self.passphrase = passphrase
        #: called after every successful commit of :meth:`write` (e.g. to record anchors)
        self.after_write: list[Callable[[], None]] = []
        #: where this database's audit anchors are kept (storage/anchor_setup.py), if wired
        self.anchor_book: AnchorBook | None = None
        self._sessions = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)
        # writes start with BEGIN IMMEDIATE: the write lock is taken before the first read,
        # so what a write reads to decide (the audit chain head, the next id, a failed-login
        # count) cannot change under it
        self._write_sessions = sessionmaker(
            engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"}),
            class_=AuditedSession,
            expire_on_commit=False,
        )

    @classmethod
    def open_sqlite(cls, path: Path, passphrase: str | None = None) -> Database:
        engine = make_engine(sqlite_url(path), passphrase)
        # the file (new or not) and its -wal are its owner's only, before any record is written
        event.listen(engine, "connect", lambda *_: make_private(Path(path)))
        return cls(engine, Path(path), passphrase)

    @contextmanager
    def write(self, actor: str, summary: str = "") -> Iterator[Session]:
        """One transaction by ``actor``: committed on success, rolled back on any error.

        It holds the write lock from its start; when another program keeps the lock through
        every attempt it raises :class:`DatabaseBusyError` before anything was done."""
        session = self._locked_session()
        session.info["actor"] = actor
        session.info["summary"] = summary
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            self._raise_if_unwritable(exc)
            raise
        finally:
            session.close()
        for callback in list(self.after_write):
            callback()

    def _locked_session(self) -> Session:
        """A write session that already holds the write lock (bounded waits and retries)."""
        for attempt in range(WRITE_ATTEMPTS):
            session = self._write_sessions()
            try:
                session.connection()  # BEGIN IMMEDIATE
                return session
            except OperationalError as exc:
                session.close()
                if not is_busy(exc):
                    self._raise_if_unwritable(exc)
                    raise
                time.sleep(0.1 * (attempt + 1))
        raise DatabaseBusyError()

    def _raise_if_unwritable(self, exc: BaseException) -> None:
        """A full disk or a read-only place as such, never as an unexpected error."""
        if not isinstance(exc, DBAPIError | sqlite3.Error):  # the database's own errors only
            return
        place = self.path or Path(".")
        if places.is_disk_full(exc):
            reason = places.disk_full_message(
                place.parent, places.MB + places.size_on_disk(place) // 100, "保存"
            )
        elif places.is_read_only(exc):
            reason = places.no_write_message(place)
        else:
            return
        raise DatabaseWriteError(f"{reason}。刚才的修改没有保存，已保存的数据不受影响。") from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (deferred: no lock taken); anything it would write is rolled
        back. A read kept out past the busy timeout (another program holding the file
        exclusively) raises :class:`DatabaseBusyError`."""
        session = self._sessions()
        try:
            yield session
        except OperationalError as exc:
            if is_busy(exc):
                raise DatabaseBusyError() from exc
            raise
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

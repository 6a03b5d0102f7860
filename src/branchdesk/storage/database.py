"""The database connection: engine, SQLite pragmas and audited units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from branchdesk.storage.audit import install_audit_hooks

#: SQLite ``application_id`` of BranchDesk files ("BDsk")
APPLICATION_ID = 0x4244736B


class AuditedSession(Session):
    """A session whose flushes write the audit trail and refuse deletions."""


install_audit_hooks(AuditedSession)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    # a county committee's 100,000 members make a 150 MB file: keep the hot pages in memory
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.close()


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).resolve()}"


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite connections get foreign keys, WAL and a busy timeout."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """One open BranchDesk database: hands out audited sessions, one per unit of work."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)

    @classmethod
    def open_sqlite(cls, path: Path) -> Database:
        return cls(make_engine(sqlite_url(path)), Path(path))

    @contextmanager
    def write(self, actor: str, summary: str = "") -> Iterator[Session]:
        """One transaction by ``actor``: committed on success, rolled back on any error."""
        session = self._sessions()
        session.info["actor"] = actor
        session.info["summary"] = summary
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; anything it would write is rolled back."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

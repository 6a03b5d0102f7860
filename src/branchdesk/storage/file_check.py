"""SQLite's quick check of a database or backup file, before anything copies it on."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from branchdesk.storage.backup_errors import BackupError, DamagedDatabaseError

if TYPE_CHECKING:
    from branchdesk.storage.database import Database

log = logging.getLogger("branchdesk")

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_CANTOPEN = 14


def read_only_uri(path: Path) -> str:
    """The URI that opens a SQLite file read-only."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def quick_check_problem(path: Path) -> str | None:
    """``None`` when ``PRAGMA quick_check`` says ok, else what is wrong, in Chinese.

    Raises BackupError when the file cannot be read at all (busy, no permission):
    that is not damage, and the clerk must not be told to restore a backup."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            raise BackupError("数据库正被其他程序使用，请稍后再试。") from exc
        if code == SQLITE_CANTOPEN:
            raise BackupError(f"无法读取文件“{path}”：文件不存在或没有读取权限。") from exc
        log.warning("quick_check of %s failed: %s", path, exc)
        return "无法读取文件内容"
    except sqlite3.DatabaseError as exc:
        log.warning("quick_check of %s failed: %s", path, exc)
        return "文件结构已损坏" if "malformed" in str(exc) else "不是有效的数据库文件"
    if rows == ["ok"]:
        return None
    log.warning("quick_check of %s: %s", path, "; ".join(rows[:10]))
    return f"SQLite 快速检查发现 {len(rows)} 处问题"


def require_sound_database(path: Path, refused: str) -> None:
    """Refuse (DamagedDatabaseError) to ``refused`` (备份, 导出…) a damaged database."""
    problem = quick_check_problem(path)
    if problem is not None:
        raise DamagedDatabaseError(
            f"数据库文件已损坏（{problem}），不能{refused}。"
            "请先用 branchdesk verify 检查，或从备份恢复。"
        )


def require_sound_backup(path: Path) -> None:
    """Refuse a damaged backup before a restore touches the current database."""
    problem = quick_check_problem(path)
    if problem is not None:
        raise DamagedDatabaseError(
            f"备份文件“{Path(path).name}”已损坏（{problem}），不能用来恢复。"
            "当前数据库未做任何改动。请选择其他备份。"
        )


def require_sound_open_database(db: Database, refused: str) -> None:
    """Refuse to ``refused`` (打印, 导出) from an open database that fails ``quick_check``.

    Read through the database's own engine, so an encrypted file is checked too: a page a
    failing disk spoiled must not be printed or exported as if it were the record."""
    try:
        with db.read() as session:
            rows = [str(row[0]) for row in session.execute(text("PRAGMA quick_check"))]
    except DatabaseError as exc:  # SQLite gave up reading the file ("malformed")
        log.warning("quick_check of %s failed: %s", db.path, exc.orig)
        rows = ["malformed"]
    if rows == ["ok"]:
        return
    log.warning("quick_check of %s: %s", db.path, "; ".join(rows[:10]))
    problem = (
        "文件结构已损坏" if rows == ["malformed"] else f"数据库快速检查发现 {len(rows)} 处问题"
    )
    raise DamagedDatabaseError(
        f"数据库文件已损坏（{problem}），不能{refused}。"
        "请先用 branchdesk verify 检查，或从备份恢复。"
    )

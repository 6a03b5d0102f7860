"""Where a database lives: a folder, write permission, free space — each told in Chinese."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

MB = 1024 * 1024
#: SQLite result codes (the primary code is the low byte of an extended one)
SQLITE_READONLY = 8
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14


def _sqlite_code(exc: BaseException) -> int | None:
    orig = getattr(exc, "orig", exc)  # SQLAlchemy wraps the driver's error
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_disk_full(exc: BaseException) -> bool:
    """True for "no space left on device" from the OS or SQLite."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, OSError):
        return orig.errno in (errno.ENOSPC, errno.EDQUOT)
    return _sqlite_code(exc) == SQLITE_FULL or "disk is full" in str(orig)


def is_read_only(exc: BaseException) -> bool:
    """True for a missing write permission or a read-only medium, from the OS or SQLite."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, OSError):
        return orig.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
    return _sqlite_code(exc) == SQLITE_READONLY or "readonly database" in str(orig)


def size_on_disk(path: Path) -> int:
    """Bytes of a database file with its write-ahead log (0 for a missing file)."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            pass
    return total


def _mb(nbytes: int) -> int:
    return max(1, -(-nbytes // MB))


def disk_full_message(folder: Path, needed_bytes: int, what: str) -> str:
    """磁盘已满：{what}需要约 N MB …, with what the disk has left where it can be read."""
    try:
        free = f"，只剩约 {shutil.disk_usage(folder).free // MB} MB"
    except OSError:
        free = ""
    return (
        f"磁盘已满：{what}需要约 {_mb(needed_bytes)} MB 空间，“{folder}”所在的磁盘{free}。"
        "请清理磁盘（或换一个有空间的位置）后再试"
    )


def no_write_message(place: Path) -> str:
    """没有写入权限 for a file or folder, with what the clerk can do about it."""
    return (
        f"没有写入权限：无法写入“{place}”。请把数据库复制到可以写入的文件夹（如“文档”）"
        "后再打开，或请电脑管理员开放写入权限"
    )


def describe_write_failure(exc: BaseException, place: Path, needed_bytes: int, what: str) -> str:
    """A Chinese reason for a failed write to ``place``; a generic one for unknown errors."""
    if is_disk_full(exc):
        return disk_full_message(place if place.is_dir() else place.parent, needed_bytes, what)
    if is_read_only(exc):
        return no_write_message(place)
    if "database is locked" in str(getattr(exc, "orig", exc)):
        return "数据库正被其他程序使用，请稍后再试"
    return "详细信息已写入日志"


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def folder_message(path: Path) -> str:
    """A folder given where a database file was expected."""
    return f"“{path}”是一个文件夹，不是数据库文件。请选择文件夹里的数据库文件（.sqlite）"


def place_problem(path: Path) -> str | None:
    """Why a database cannot be kept at ``path`` (a folder, no read or write permission),
    or None. A missing file needs a folder it can be created in."""
    path = Path(path)
    if path.is_dir():
        return folder_message(path)
    if path.exists():
        if not os.access(path, os.R_OK):
            return f"没有读取权限：无法读取“{path}”。请电脑管理员开放读取权限"
        if not os.access(path, os.W_OK):
            return no_write_message(path)
        folder = path.parent
    else:
        folder = _existing_ancestor(path.parent)
        if not folder.is_dir():
            return f"“{folder}”不是文件夹，无法在其中保存数据库。请选择其他位置"
    # SQLite keeps its write-ahead log beside the file: the folder must be writable too
    if not os.access(folder, os.W_OK | os.X_OK):
        return no_write_message(folder)
    return None


def cannot_open(exc: sqlite3.Error) -> bool:
    """True for SQLite errors about the place (cannot open, read only), not the content."""
    return _sqlite_code(exc) in (SQLITE_CANTOPEN, SQLITE_READONLY) or is_read_only(exc)

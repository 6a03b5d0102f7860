"""A checked copy of a SQLite database that replaces its target only when complete.

The copy is written to a temporary ``.part`` file next to the target, flushed to disk,
checked (``PRAGMA quick_check`` and the audit chain head of the source) and only then
renamed over the target in one step. On any failure the target is left as it was, the
temporary file is removed and a BackupError says what happened, in Chinese."""

from __future__ import annotations

import contextlib
import errno
import math
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from branchdesk.storage.backup_errors import BackupError
from branchdesk.storage.chain_head import ChainHead, read_chain_head
from branchdesk.storage.file_check import quick_check_problem, read_only_uri
from branchdesk.storage.private_files import COMPANIONS, create_private
from branchdesk.storage.stale_parts import new_part_path, release, remove_stale_parts

MB = 1024 * 1024
SQLITE_READONLY = 8
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PERM = 3
DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
NO_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


@dataclass(frozen=True)
class CopyJob:
    """What a copy is for, in the words of its messages: 备份 / 恢复, and what was kept."""

    verb: str
    kept: str


def backup_job(target_existed: bool) -> CopyJob:
    """Messages of a backup: the previous backup of that name, if any, is untouched."""
    return CopyJob("备份", "原有备份未受影响" if target_existed else "没有留下不完整的文件")


RESTORE_JOB = CopyJob("恢复", "当前数据库未受影响")


class _CheckFailed(Exception):
    """The written copy is not what the source held."""


def _snapshot_copy(source: Path, part: Path) -> ChainHead | None:
    """Copy ``source`` into ``part`` from one read snapshot; return the head it had."""
    src = sqlite3.connect(read_only_uri(source), uri=True, isolation_level=None)
    try:
        src.execute("BEGIN")  # the head and the pages copied come from one snapshot
        head = _head_or_none(src)
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return head


def _head_or_none(conn: sqlite3.Connection) -> ChainHead | None:
    try:
        return read_chain_head(conn)
    except sqlite3.OperationalError:  # a file from before the audit trail
        return None


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:  # some file systems cannot sync a folder
            raise
    finally:
        os.close(fd)


def _check_copy(part: Path, expected: ChainHead | None) -> None:
    problem = quick_check_problem(part)
    if problem is not None:
        raise _CheckFailed(problem)
    conn = sqlite3.connect(read_only_uri(part), uri=True)
    try:
        head = _head_or_none(conn)
    finally:
        conn.close()
    if head != expected:
        raise _CheckFailed("审计记录链头与原数据库不一致")


def _remove_part(part: Path) -> None:
    for each in (part, *(Path(f"{part}{suffix}") for suffix in COMPANIONS)):
        with contextlib.suppress(OSError):
            each.unlink()
    release(part)


def _size_of(database: Path) -> int:
    total = 0
    for each in (database, Path(f"{database}-wal")):
        with contextlib.suppress(OSError):
            total += each.stat().st_size
    return total


def _disk_full_message(job: CopyJob, source: Path, folder: Path) -> str:
    needed = _size_of(source)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    missing = needed - free if needed > free else needed
    megabytes = max(1, math.ceil(missing / MB))
    return (
        f"磁盘空间不足，{job.verb}未完成，{job.kept}。还需要约 {megabytes} MB 空间。"
        "请清理磁盘或换一个位置后重试。"
    )


def _permission_message(job: CopyJob, folder: Path) -> str:
    return (
        f"没有写入权限：不能在“{os.path.abspath(folder)}”中写入文件，{job.verb}未完成，{job.kept}。"
        "请换一个位置，或请管理员开放该文件夹的写入权限。"
    )


def _os_error_message(job: CopyJob, exc: OSError, source: Path, folder: Path) -> str:
    if exc.errno in DISK_FULL_ERRNOS:
        return _disk_full_message(job, source, folder)
    if exc.errno in NO_PERMISSION_ERRNOS:
        return _permission_message(job, folder)
    if exc.errno == errno.EISDIR:
        return f"目标“{exc.filename or folder}”是一个文件夹，{job.verb}未完成，{job.kept}。"
    return (
        f"写入文件时出错（系统错误代码 {exc.errno}），{job.verb}未完成，{job.kept}。"
        "请检查磁盘后重试。"
    )


def _sqlite_error_message(
    job: CopyJob, exc: sqlite3.Error, source: Path, folder: Path
) -> str:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == SQLITE_FULL:
        return _disk_full_message(job, source, folder)
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return _permission_message(job, folder)
    return (
        f"复制数据库时出错（SQLite 错误代码 {code}），{job.verb}未完成，{job.kept}。"
        "请检查磁盘后重试。"
    )


def write_checked_copy(source: Path, target: Path, job: CopyJob) -> ChainHead | None:
    """Copy the database ``source`` to ``target`` atomically; return the chain head copied.

    ``target`` (if it exists) is replaced only by a complete, checked copy; on failure
    it is untouched, nothing else is left behind, and BackupError explains why."""
    source, target = Path(source), Path(target)
    folder = target.parent
    remove_stale_parts(folder, target.name)
    part = new_part_path(target)
    try:
        create_private(part)
        head = _snapshot_copy(source, part)
        _fsync_file(part)
        fsync_folder(folder)
        _check_copy(part, head)
        os.replace(part, target)
        release(part)
        fsync_folder(folder)
    except _CheckFailed as exc:
        _remove_part(part)
        raise BackupError(
            f"写出的副本检查未通过（{exc}），{job.verb}未完成，{job.kept}。"
            "请重试；如果再次出现，请检查磁盘。"
        ) from exc
    except OSError as exc:
        _remove_part(part)
        raise BackupError(_os_error_message(job, exc, source, folder)) from exc
    except sqlite3.Error as exc:
        _remove_part(part)
        raise BackupError(_sqlite_error_message(job, exc, source, folder)) from exc
    except BaseException:
        _remove_part(part)
        raise
    return head

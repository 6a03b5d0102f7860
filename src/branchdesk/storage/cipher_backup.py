"""Backups of an encrypted database: checked copies encrypted with the database's own key.

The same rules as :mod:`branchdesk.storage.atomic_copy` — a ``.part`` file beside the
target, flushed, checked (``quick_check`` and the audit chain head), renamed into place —
but every connection goes through SQLCipher with the passphrase, so no plain page of an
encrypted database is ever written to disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Any

from branchdesk.storage import cipher
from branchdesk.storage.atomic_copy import RESTORE_JOB, CopyJob, fsync_folder
from branchdesk.storage.backup_errors import BackupError, DamagedDatabaseError
from branchdesk.storage.chain_head import ChainHead, read_chain_head
from branchdesk.storage.private_files import COMPANIONS, create_private
from branchdesk.storage.stale_parts import new_part_path, release, remove_stale_parts


def _head(connection: Any) -> ChainHead | None:
    try:
        return read_chain_head(connection)
    except cipher.DriverError:  # a file from before the audit trail
        return None


def _snapshot(source: Path, part: Path, passphrase: str) -> ChainHead | None:
    src = cipher.connect(source, passphrase, readonly=True)
    try:
        src.isolation_level = None
        src.execute("BEGIN")  # the head and the pages copied come from one snapshot
        head = _head(src)
        dst = cipher.connect(part, passphrase, check=False, salt_from=source)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return head


def _refuse_if_damaged(source: Path, passphrase: str) -> None:
    """Raise DamagedDatabaseError when the source itself fails ``quick_check``.

    Checked only when the copy failed its check: every page SQLCipher reads for the copy is
    already authenticated (HMAC), and a second full decryption would double a backup's
    time on a county-scale file."""
    conn = cipher.connect(source, passphrase, readonly=True)
    try:
        damage = cipher.is_sound(conn)
    finally:
        conn.close()
    if damage is not None:
        raise DamagedDatabaseError(
            f"数据库文件已损坏（{damage}），不能备份。请先用 branchdesk verify 检查，或从备份恢复。"
        )


def _check(part: Path, passphrase: str, expected: ChainHead | None) -> str | None:
    if not cipher.looks_encrypted(part):
        return "副本没有加密"
    conn = cipher.connect(part, passphrase, readonly=True)
    try:
        damage = cipher.is_sound(conn)
        head = _head(conn)
    finally:
        conn.close()
    if damage is not None:
        return damage
    return None if head == expected else "审计记录链头与原数据库不一致"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(part: Path) -> None:
    for each in (part, *(Path(f"{part}{suffix}") for suffix in COMPANIONS)):
        with contextlib.suppress(OSError):
            each.unlink()
    release(part)


def write_encrypted_copy(
    source: Path, target: Path, job: CopyJob, passphrase: str
) -> ChainHead | None:
    """Copy the encrypted database ``source`` to ``target`` (same key), atomically.

    ``target`` is replaced only by a complete copy that opens with the key, passes
    ``quick_check`` and holds the source's chain head; otherwise BackupError."""
    source, target = Path(source), Path(target)
    folder = target.parent
    remove_stale_parts(folder, target.name)
    part = new_part_path(target)
    try:
        create_private(part)  # empty: SQLCipher writes a new database into it
        head = _snapshot(source, part, passphrase)
        _fsync(part)
        problem = _check(part, passphrase, head)
        if problem is not None:
            _refuse_if_damaged(source, passphrase)
            raise BackupError(
                f"写出的副本检查未通过（{problem}），{job.verb}未完成，{job.kept}。"
                "请重试；如果再次出现，请检查磁盘。"
            )
        os.replace(part, target)
        release(part)
        fsync_folder(folder)
    except OSError as exc:
        _remove(part)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise BackupError(f"磁盘空间不足，{job.verb}未完成，{job.kept}。") from exc
        raise BackupError(
            f"写入文件时出错（系统错误代码 {exc.errno}），{job.verb}未完成，{job.kept}。"
        ) from exc
    except cipher.DriverError as exc:
        _remove(part)
        _refuse_if_damaged(source, passphrase)  # a page that fails its HMAC: say so
        raise BackupError(
            f"复制加密的数据库时出错（SQLite 错误代码 {getattr(exc, 'sqlite_errorcode', 0)}），"
            f"{job.verb}未完成，{job.kept}。请检查磁盘后重试。"
        ) from exc
    except BaseException:
        _remove(part)
        raise
    return head


def _fold_encrypted_wal(path: Path, passphrase: str) -> None:
    """Fold the -wal of the closed encrypted database into it before it is replaced."""
    if not any(Path(f"{path}{suffix}").exists() for suffix in COMPANIONS):
        return
    busy = BackupError(
        "数据库正被其他程序使用（例如另一个支部台账窗口），恢复未完成，当前数据库未受影响。"
        "请关闭其他窗口后重试。"
    )
    try:
        conn = cipher.connect(path, passphrase)
        try:
            conn.execute("PRAGMA busy_timeout = 2000")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except cipher.DriverError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise busy from exc
        raise BackupError(
            "无法读取当前数据库的日志文件，恢复未完成，当前数据库未受影响。"
            "请先用 branchdesk verify 检查当前数据库。"
        ) from exc
    if mode == "wal":
        raise busy


def require_restorable(backup: Path, passphrase: str) -> None:
    """Refuse, before anything is touched, a backup an encrypted database cannot be restored
    from: a plain one (the data would silently lose its encryption), one under another key
    (WrongPassphrase), a damaged one."""
    backup = Path(backup)
    if not cipher.looks_encrypted(backup):
        raise BackupError(
            f"备份“{backup.name}”没有加密，而当前数据库已加密：恢复后数据将不再加密。"
            "请选择加密后的备份；确需使用这份备份，请先用 branchdesk decrypt 解密当前数据库。"
            "当前数据库未做任何改动。"
        )
    conn = cipher.connect(backup, passphrase, readonly=True)
    try:
        damage = cipher.is_sound(conn)
    finally:
        conn.close()
    if damage is not None:
        raise DamagedDatabaseError(
            f"备份文件“{backup.name}”已损坏（{damage}），不能用来恢复。"
            "当前数据库未做任何改动。请选择其他备份。"
        )


def restore_encrypted(backup: Path, path: Path, passphrase: str) -> ChainHead | None:
    """Replace the encrypted database at ``path`` (engine closed) with a checked copy of the
    encrypted ``backup`` (same key); returns the backup's chain head."""
    require_restorable(backup, passphrase)
    _fold_encrypted_wal(Path(path), passphrase)
    return write_encrypted_copy(Path(backup), Path(path), RESTORE_JOB, passphrase)

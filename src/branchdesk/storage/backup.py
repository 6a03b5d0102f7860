"""Backups with SQLite's online backup API: daily automatic copies, manual copies, restore.

Every copy goes through :mod:`branchdesk.storage.atomic_copy`: written beside its final
name, checked, then renamed into place, so an existing backup (or, for a restore, the
current database) is never lost to a kill, a full disk or a damaged source."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from branchdesk.storage.anchors import BACKUP
from branchdesk.storage.atomic_copy import RESTORE_JOB, backup_job, write_checked_copy
from branchdesk.storage.backup_errors import BackupError
from branchdesk.storage.chain_head import ChainHead
from branchdesk.storage.file_check import require_sound_backup, require_sound_database
from branchdesk.storage.private_files import COMPANIONS, make_private, make_private_dir
from branchdesk.storage.stale_parts import new_part_path, release, remove_stale_parts

if TYPE_CHECKING:
    from branchdesk.storage.anchors import AnchorBook

log = logging.getLogger("branchdesk")

KEEP_DAILY = 30
SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk and when it was taken."""

    path: Path
    taken_at: dt.datetime
    reason: str


def _new_backup_name(path: Path, backup_dir: Path, reason: str, now: dt.datetime) -> Path:
    stem = f"{Path(path).stem}-{now:%Y%m%d-%H%M%S}-{reason}"
    target = backup_dir / f"{stem}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"{stem}-{counter}{SUFFIX}"
    return target


def _prepare_folder(folder: Path, private: bool) -> None:
    try:
        if private:
            make_private_dir(folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"无法建立文件夹“{folder}”（没有写入权限或磁盘已满），备份未完成。"
            "请换一个位置后重试。"
        ) from exc


def backup_database(
    path: Path,
    backup_dir: Path,
    reason: str = "manual",
    target: Path | None = None,
    now: dt.datetime | None = None,
    passphrase: str | None = None,
    anchors: AnchorBook | None = None,
) -> Path:
    """Write a checked copy of ``path``; into ``backup_dir`` unless ``target`` is given.

    ``anchors``, the database's anchor book, records the copy's chain head (never raises).

    The copy of an encrypted database (``passphrase``) is encrypted with the same key.

    A damaged database is refused (DamagedDatabaseError); an existing ``target`` is
    replaced only by a complete, checked copy (BackupError otherwise)."""
    path = Path(path)
    now = now or dt.datetime.now()
    if target is None:
        _prepare_folder(backup_dir, private=True)
        target = _new_backup_name(path, backup_dir, reason, now)
    else:
        target = Path(target)
        if target.resolve() == path.resolve():
            raise BackupError("不能把备份写到正在使用的数据库文件上，请换一个文件名。")
        _prepare_folder(target.parent, private=False)
    if passphrase is not None:  # checked and copied through SQLCipher: never a plain page
        from branchdesk.storage.cipher_backup import write_encrypted_copy

        head = write_encrypted_copy(path, target, backup_job(target.exists()), passphrase)
    else:
        require_sound_database(path, "备份")
        head = write_checked_copy(path, target, backup_job(target.exists()))
    log.info("backup of %s written to %s (chain head %s)", path, target, head)
    if anchors is not None:
        anchors.record(head, BACKUP)
    return target


def list_backups(path: Path, backup_dir: Path) -> list[BackupFile]:
    """The backups of ``path`` in ``backup_dir``, newest first."""
    stem = Path(path).stem
    found = []
    if not backup_dir.is_dir():
        return []
    for candidate in backup_dir.glob(f"{stem}-*{SUFFIX}"):
        parts = candidate.name[len(stem) + 1 : -len(SUFFIX)].split("-", 2)
        if len(parts) < 3:
            continue
        try:
            taken = dt.datetime.strptime(parts[0] + parts[1], "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(candidate, taken, parts[2]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def auto_backup(
    path: Path,
    backup_dir: Path,
    now: dt.datetime | None = None,
    passphrase: str | None = None,
    anchors: AnchorBook | None = None,
) -> Path | None:
    """On the first start of a day, back up ``path`` and keep the last 30 daily backups.

    Old daily backups are removed only after the new one is complete and checked."""
    now = now or dt.datetime.now()
    daily = [b for b in list_backups(path, backup_dir) if b.reason.startswith("daily")]
    if any(b.taken_at.date() == now.date() for b in daily):
        return None
    created = backup_database(
        path, backup_dir, reason="daily", now=now, passphrase=passphrase, anchors=anchors
    )
    daily = [b for b in list_backups(path, backup_dir) if b.reason.startswith("daily")]
    for old in daily[KEEP_DAILY:]:
        try:
            old.path.unlink(missing_ok=True)
        except OSError as exc:  # kept one more day; the next start tries again
            log.warning("could not remove the old daily backup %s: %s", old.path, exc)
    return created


def clean_up_unfinished(path: Path, backup_dir: Path) -> list[Path]:
    """Remove ``.part`` files an interrupted backup or restore left (at start-up)."""
    path = Path(path)
    removed = remove_stale_parts(path.parent, path.name)
    if backup_dir.is_dir():
        removed += remove_stale_parts(backup_dir)
    return removed


def keep_damaged_copy(path: Path, backup_dir: Path, now: dt.datetime | None = None) -> Path:
    """Keep the bytes of a damaged database (and its -wal) in ``backup_dir`` before a
    restore replaces it: SQLite cannot copy it page by page, so copy the files."""
    path = Path(path)
    _prepare_folder(backup_dir, private=True)
    target = _new_backup_name(path, backup_dir, "before-restore-damaged", now or dt.datetime.now())
    for suffix in ("", "-wal"):
        source = Path(f"{path}{suffix}")
        if not source.exists():
            continue
        final = Path(f"{target}{suffix}")
        part = new_part_path(final)
        try:
            shutil.copyfile(source, part)
            make_private(part)
            part.replace(final)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise BackupError(
                f"无法保存当前（已损坏的）数据库的副本（系统错误代码 {exc.errno}），"
                "恢复未进行，当前数据库未受影响。请检查磁盘空间后重试。"
            ) from exc
        finally:
            release(part)
    return target


def _fold_wal(path: Path, damaged: bool) -> None:
    """Fold the -wal of the closed database into it, so no old WAL meets the new file."""
    if not any(Path(f"{path}{suffix}").exists() for suffix in COMPANIONS):
        return
    busy = BackupError(
        "数据库正被其他程序使用（例如另一个支部台账窗口），恢复未完成，当前数据库未受影响。"
        "请关闭其他窗口后重试。"
    )
    try:
        conn = sqlite3.connect(path, timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise busy from exc
        mode = "damaged"
    except sqlite3.DatabaseError:
        mode = "damaged"
    if mode == "wal":
        raise busy
    if mode == "damaged":
        if not damaged:
            raise BackupError(
                "无法读取当前数据库的日志文件，恢复未完成，当前数据库未受影响。"
                "请先用 branchdesk verify 检查当前数据库。"
            )
        for suffix in COMPANIONS:  # its bytes (with the -wal) were kept before
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def restore_into(backup: Path, path: Path, damaged: bool = False) -> ChainHead | None:
    """Replace the database at ``path`` (engine closed) with a checked copy of ``backup``.

    A damaged backup is refused before anything is touched; the current file is replaced
    only by a complete, checked copy. Returns the backup's audit chain head."""
    backup, path = Path(backup), Path(path)
    require_sound_backup(backup)
    _fold_wal(path, damaged)
    head = write_checked_copy(backup, path, RESTORE_JOB)
    make_private(path)
    log.info("restored %s from %s (chain head %s)", path, backup, head)
    return head

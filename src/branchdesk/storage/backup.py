"""Backups with SQLite's online backup API: daily automatic copies, manual copies, restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

KEEP_DAILY = 30
SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupFile:
    """A backup on disk and when it was taken."""

    path: Path
    taken_at: dt.datetime
    reason: str


def _copy_online(source: Path, target: Path) -> None:
    """Copy a (possibly live, WAL-mode) database consistently with SQLite's backup API."""
    src = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def backup_database(
    path: Path,
    backup_dir: Path,
    reason: str = "manual",
    target: Path | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write a consistent copy of ``path``; into ``backup_dir`` unless ``target`` is given."""
    now = now or dt.datetime.now()
    if target is None:
        backup_dir.mkdir(parents=True, exist_ok=True)
        target = backup_dir / f"{Path(path).stem}-{now:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"
        counter = 1
        while target.exists():
            counter += 1
            target = (
                backup_dir / f"{Path(path).stem}-{now:%Y%m%d-%H%M%S}-{reason}-{counter}{SUFFIX}"
            )
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
    partial = target.with_name(target.name + ".part")
    _copy_online(Path(path), partial)
    partial.replace(target)
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


def auto_backup(path: Path, backup_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """On the first start of a day, back up ``path`` and keep the last 30 daily backups."""
    now = now or dt.datetime.now()
    daily = [b for b in list_backups(path, backup_dir) if b.reason.startswith("daily")]
    if any(b.taken_at.date() == now.date() for b in daily):
        return None
    created = backup_database(path, backup_dir, reason="daily", now=now)
    daily = [b for b in list_backups(path, backup_dir) if b.reason.startswith("daily")]
    for old in daily[KEEP_DAILY:]:
        old.path.unlink(missing_ok=True)
    return created


def restore_into(backup: Path, path: Path) -> None:
    """Overwrite the database at ``path`` with the content of ``backup`` (engine closed)."""
    src = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()

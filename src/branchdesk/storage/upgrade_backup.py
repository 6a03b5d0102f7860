"""The copy taken before a schema upgrade: reused while the file has not changed since."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from branchdesk.storage.backup import backup_database, list_backups
from branchdesk.storage.chain_head import ChainHead, read_chain_head

log = logging.getLogger("branchdesk")


def _state(path: Path) -> tuple[str | None, ChainHead | None, bool]:
    """(schema revision, audit chain head, sound) of a file, read without changing it."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        sound = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (row[0] if row else None), read_chain_head(conn), sound
    finally:
        conn.close()


def _reusable(candidate: Path, revision: str, head: ChainHead | None) -> bool:
    try:
        found_revision, found_head, sound = _state(candidate)
    except sqlite3.Error:
        return False
    return sound and found_revision == revision and found_head == head


def before_upgrade_backup(path: Path, backup_dir: Path, revision: str) -> Path:
    """The before-upgrade copy of ``path`` (at ``revision``): an existing sound copy of the
    same file state (same revision, same audit chain head) if there is one, else a new one.

    So a clerk whose upgrade keeps failing does not fill the backup folder with copies."""
    reason = f"before-upgrade-{revision}"
    _, head, _ = _state(path)
    for backup in list_backups(path, backup_dir):
        if backup.reason != reason and not backup.reason.startswith(reason + "-"):
            continue
        if _reusable(backup.path, revision, head):
            log.info("reusing the before-upgrade copy %s", backup.path)
            return backup.path
    return backup_database(path, backup_dir, reason=reason)

"""Backing up and restoring the open database, with who may do it: restore is admin-only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.vocab import Role
from branchdesk.storage.audit import PendingEntry, append_entries
from branchdesk.storage.backup import backup_database, keep_damaged_copy, restore_into
from branchdesk.storage.backup_errors import BackupError, DamagedDatabaseError
from branchdesk.storage.chain_head import ChainHead
from branchdesk.storage.cipher_backup import require_restorable, restore_encrypted
from branchdesk.storage.database import Database
from branchdesk.storage.file_check import require_sound_backup
from branchdesk.storage.migrate import DatabaseOpenError, DbState, explain, inspect_file

log = logging.getLogger("branchdesk")

RESTORE_ACTION = "restore"
DATABASE_TABLE = "database"


def _head_text(head: ChainHead | None) -> str:
    return head.describe() if head else "没有审计记录"


class BackupService:
    """Backups of the open database (any account) and restore (administrators only)."""

    def __init__(self, db: Database, backup_dir: Path) -> None:
        self.db = db
        self.backup_dir = backup_dir

    def _path(self) -> Path:
        if self.db.path is None:
            raise BackupError("当前数据库不是文件，不能备份或恢复。")
        return self.db.path

    def back_up(self, actor: Actor, target: Path | None = None) -> Path:
        """A checked copy into the backup folder, or to ``target``; the path written."""
        written = backup_database(
            self._path(), self.backup_dir, target=target, passphrase=self.db.passphrase,
            anchors=self.db.anchor_book,
        )
        log.info("%s backed up the database to %s", actor.username, written)
        return written

    def check_restorable(self, actor: Actor, backup: Path) -> None:
        """Refuse, before anything is touched, a restore this actor or file cannot do."""
        actor.require(Role.ADMIN)
        backup = Path(backup)
        if backup.resolve() == self._path().resolve():
            raise BackupError("所选文件就是正在使用的数据库，请选择一份备份。")
        inspection = inspect_file(backup, self.db.passphrase)
        if inspection.state not in (DbState.CURRENT, DbState.OUTDATED):
            raise DatabaseOpenError(explain(inspection, backup))
        if self.db.passphrase is not None:  # encrypted: only from an encrypted backup
            require_restorable(backup, self.db.passphrase)
        else:
            require_sound_backup(backup)

    def restore(self, actor: Actor, backup: Path, reopen: Callable[[], Database]) -> Database:
        """Replace the database with ``backup`` and record it in the audit trail.

        The current database is saved to the backup folder first and its engine closed;
        ``reopen`` opens (and upgrades) the restored file, which is returned."""
        self.check_restorable(actor, backup)
        backup, path = Path(backup), self._path()
        damaged = False
        try:
            safety = backup_database(
                path, self.backup_dir, reason="before-restore", passphrase=self.db.passphrase,
                anchors=self.db.anchor_book,
            )
        except DamagedDatabaseError:
            safety = keep_damaged_copy(path, self.backup_dir)
            damaged = True
        log.info("%s restores %s from %s (current database saved as %s)",
                 actor.username, path, backup, safety)
        self.db.dispose()
        head = (
            restore_into(backup, path, damaged) if self.db.passphrase is None
            else restore_encrypted(backup, path, self.db.passphrase)
        )
        db = reopen()
        summary = (
            f"从备份“{backup.name}”恢复（备份中{_head_text(head)}）；"
            f"恢复前的数据库已另存为“{safety.name}”"
        )
        with db.write(actor.username, summary) as session:
            append_entries(
                session.connection(), actor.username,
                [PendingEntry(RESTORE_ACTION, DATABASE_TABLE, path.name, None, {}, summary)],
            )
        return db

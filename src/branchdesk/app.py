"""Composition root: logging, opening the database, and the GUI's start-up sequence."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from branchdesk import __version__
from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.log_redaction import RedactingFilter
from branchdesk.paths import AppPaths
from branchdesk.storage.anchor_setup import attach_anchor_book
from branchdesk.storage.anchors import RESTORE
from branchdesk.storage.backup import auto_backup, clean_up_unfinished
from branchdesk.storage.backup_errors import BackupError
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import open_database
from branchdesk.storage.private_files import make_private

log = logging.getLogger("branchdesk")


def setup_logging(paths: AppPaths) -> Path:
    """Log to a rotating file in the user's log folder; return the file's path."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = paths.log_dir / "branchdesk.log"
    if not any(getattr(h, "baseFilename", None) == str(log_file) for h in log.handlers):
        handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())  # no ID numbers, phones or SQL values in the log
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log_file


def open_services(db_path: Path, paths: AppPaths, passphrase: str | None = None) -> Services:
    """Open (creating or upgrading) a database, take the daily backup, wire the services.

    ``passphrase`` opens an encrypted file (its daily backup is encrypted with it)."""
    return _open_in(db_path, paths.backup_dir_for(db_path), paths, passphrase)


def _open_in(
    db_path: Path, backup_dir: Path, paths: AppPaths, passphrase: str | None = None
) -> Services:
    clean_up_unfinished(db_path, backup_dir)
    db = open_database(db_path, backup_dir, passphrase=passphrase)
    make_private(db_path)
    attach_anchor_book(db, paths.data_dir)  # before the daily backup, which it anchors
    notice = _daily_backup(db, backup_dir)
    services = Services.build(db, backup_dir)
    if notice:
        services.startup_notices.append(notice)
    return services


def _daily_backup(db: Database, backup_dir: Path) -> str | None:
    """Take the day's backup; what to tell the clerk when it could not be taken."""
    db_path = db.path
    assert db_path is not None
    try:
        created = auto_backup(
            db_path, backup_dir, passphrase=db.passphrase, anchors=db.anchor_book
        )
    except BackupError as exc:  # the program still starts; the older backups are all kept
        log.warning("daily backup of %s not taken: %s", db_path, exc)
        reason = str(exc)
    except OSError:
        log.exception("daily backup of %s failed", db_path)
        reason = "详细信息已写入日志。"
    else:
        if created:
            log.info("daily backup written to %s", created)
        return None
    return (
        f"今天的自动备份没有完成：{reason}\n程序照常打开，已保存的数据不受影响。"
        f"请清理备份文件夹“{backup_dir}”所在的磁盘，或在“数据”页把数据库备份到其他位置。"
    )


def restore_database(
    services: Services, backup: Path, paths: AppPaths, actor: Actor
) -> Services:
    """Replace the open database with a backup (admin only; the current one saved first)."""
    path = services.db.path
    assert path is not None
    backup_dir = services.backup_dir
    db = services.backups.restore(
        actor, backup,
        lambda: open_database(path, backup_dir, create=False, passphrase=services.db.passphrase),
    )
    attach_anchor_book(db, paths.data_dir, RESTORE)  # anchors before it no longer apply
    _daily_backup(db, backup_dir)
    return Services.build(db, backup_dir)


def run_gui(db_path: Path | None, paths: AppPaths) -> int:
    """Start the GUI: open the database, set up or log in, show the main window."""
    log_file = setup_logging(paths)
    from branchdesk.gui.launcher import Launcher

    log.info("BranchDesk %s starting (Python %s)", __version__, sys.version.split()[0])
    launcher = Launcher(paths, log_file, open_services, restore_database)
    return launcher.run(Path(db_path) if db_path else paths.default_database)


__all__ = ["Database", "open_services", "restore_database", "run_gui", "setup_logging"]

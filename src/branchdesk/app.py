"""Composition root: logging, opening the database, and the GUI's start-up sequence."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from branchdesk import __version__
from branchdesk.core.services import Services
from branchdesk.paths import AppPaths
from branchdesk.storage.backup import auto_backup, backup_database, restore_into
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import (
    DatabaseOpenError,
    DbState,
    explain,
    inspect_file,
    open_database,
)

log = logging.getLogger("branchdesk")


def setup_logging(paths: AppPaths) -> Path:
    """Log to a rotating file in the user's log folder; return the file's path."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = paths.log_dir / "branchdesk.log"
    if not any(getattr(h, "baseFilename", None) == str(log_file) for h in log.handlers):
        handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log_file


def open_services(db_path: Path, paths: AppPaths) -> Services:
    """Open (creating or upgrading) a database, take the daily backup, wire the services."""
    return _open_in(db_path, paths.backup_dir_for(db_path))


def _open_in(db_path: Path, backup_dir: Path) -> Services:
    db = open_database(db_path, backup_dir)
    try:
        created = auto_backup(db_path, backup_dir)
    except OSError:
        log.exception("daily backup of %s failed", db_path)
    else:
        if created:
            log.info("daily backup written to %s", created)
    return Services.build(db, backup_dir)


def restore_database(services: Services, backup: Path, paths: AppPaths) -> Services:
    """Replace the open database with a backup (backing the current one up first)."""
    db = services.db
    path = db.path
    assert path is not None
    inspection = inspect_file(backup)
    if inspection.state not in (DbState.CURRENT, DbState.OUTDATED):
        raise DatabaseOpenError(explain(inspection, backup))
    safety = backup_database(path, services.backup_dir, reason="before-restore")
    log.info("restoring %s from %s (current database saved as %s)", path, backup, safety)
    db.dispose()
    restore_into(backup, path)
    return _open_in(path, services.backup_dir)


def run_gui(db_path: Path | None, paths: AppPaths) -> int:
    """Start the GUI: open the database, set up or log in, show the main window."""
    log_file = setup_logging(paths)
    from branchdesk.gui.launcher import Launcher

    log.info("BranchDesk %s starting (Python %s)", __version__, sys.version.split()[0])
    launcher = Launcher(paths, log_file, open_services, restore_database)
    return launcher.run(Path(db_path) if db_path else paths.default_database)


__all__ = ["Database", "open_services", "restore_database", "run_gui", "setup_logging"]

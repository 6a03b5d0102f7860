"""Errors of backups, restores and file checks, each with a Chinese message for the clerk."""

from __future__ import annotations

from branchdesk.storage.errors import BranchDeskError


class BackupError(BranchDeskError):
    """A backup or restore that was not done; the message says why and what was kept."""


class DamagedDatabaseError(BackupError):
    """A database or backup file that fails SQLite's quick check: it is not copied on."""

"""Files only their owner may read: the database and its backups on a shared office PC."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
#: SQLite's companion files of a database, which hold its recent changes
COMPANIONS = ("-wal", "-shm", "-journal")


def create_private(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only; fail if it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


def make_private(path: Path) -> None:
    """Restrict an existing database file (and its -wal/-shm files) to its owner (POSIX)."""
    if os.name != "posix":
        return  # Windows: the user's profile folders are already private to the user
    for each in (Path(path), *(Path(f"{path}{suffix}") for suffix in COMPANIONS)):
        with contextlib.suppress(OSError):  # missing, or not ours to change
            if each.stat().st_mode & 0o777 != PRIVATE_MODE:
                each.chmod(PRIVATE_MODE)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed; a folder we create is the owner's only."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)

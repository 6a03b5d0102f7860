"""Permissions of the documents we write: what the user's umask gives a newly created file."""

from __future__ import annotations

import os
import threading
from pathlib import Path

_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read from /proc where available, else set and restored)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def default_file_mode() -> int:
    """The mode an ordinary new file gets (0o644 under the usual umask 022)."""
    return 0o666 & ~current_umask()


def give_default_mode(path: Path | str) -> None:
    """Give a file written through a private temporary file the user's default permissions.

    ``tempfile.mkstemp`` creates files readable by their owner only (0600); a printed form or
    an exported spreadsheet on a shared office PC should get what any other document gets.
    """
    if os.name == "posix":
        os.chmod(path, default_file_mode())

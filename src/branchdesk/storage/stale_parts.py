"""Temporary ``.part`` files of backups and restores, and the clean-up of those left behind."""

from __future__ import annotations

import logging
import os
import re
import secrets
from pathlib import Path

log = logging.getLogger("branchdesk")

#: ``NAME.PID-TOKEN.part``; ``NAME.part`` is what versions before 0.11 left behind
PART_NAME = re.compile(r"^(?P<base>.+?)(?:\.(?P<pid>\d+)-[0-9a-f]{8})?\.part$")

_ours: set[Path] = set()


def new_part_path(target: Path) -> Path:
    """A fresh temporary name next to ``target``, marked with this process's id."""
    part = target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    _ours.add(part)
    return part


def release(part: Path) -> None:
    """Forget a temporary file once it was renamed into place or removed."""
    _ours.discard(part)


def _writer_alive(pid: int) -> bool:
    if os.name != "posix":
        return False  # Windows refuses to remove a file another process has open
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_parts(folder: Path, base_prefix: str = "") -> list[Path]:
    """Remove ``.part`` files in ``folder`` (names starting ``base_prefix``) no running
    backup is writing; log each. Returns the files removed."""
    removed: list[Path] = []
    try:
        candidates = list(Path(folder).iterdir())
    except OSError:
        return removed
    for candidate in candidates:
        match = PART_NAME.match(candidate.name)
        if match is None or not match["base"].startswith(base_prefix) or candidate in _ours:
            continue
        if match["pid"] and _writer_alive(int(match["pid"])):
            continue
        try:
            candidate.unlink()
        except OSError as exc:
            log.warning("could not remove the unfinished file %s: %s", candidate, exc)
            continue
        log.info("removed the unfinished file %s left by an interrupted backup or restore",
                 candidate)
        removed.append(candidate)
    return removed

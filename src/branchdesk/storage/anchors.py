"""Anchor books: append-only text files, outside the database, of the audit chain's head."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from branchdesk.storage.chain_head import ChainHead

log = logging.getLogger("branchdesk")

#: why an anchor was written
WRITE, BACKUP, PRINT, OPEN, RESTORE = "写入", "备份", "打印", "打开", "恢复"
HEADER = "# 支部台账审计锚点：时间\t审计记录条号\t校验值（SHA-256）\t原因。只追加，请勿修改。\n"


@dataclass(frozen=True)
class Anchor:
    """One line of an anchor book: at this time the chain had this entry with this hash."""

    at: str
    entry_id: int
    hash: str
    reason: str
    source: Path
    line: int

    def where(self) -> str:
        """When and where it was written, as a clerk reads it."""
        return f"{self.at} {self.reason}时记下的锚点（{self.source} 第 {self.line} 行）"


def anchor_file_name(database: Path, database_id: str) -> str:
    """``<db stem>-<database id>.txt``: one book per database, copies of it kept apart."""
    return f"{Path(database).stem}-{database_id}.txt"


def format_anchor(head: ChainHead, reason: str, now: dt.datetime | None = None) -> str:
    """One line of a book: local time, entry number, hash, reason (tab-separated)."""
    moment = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    return f"{moment}\t{head.entry_id}\t{head.hash}\t{reason}\n"


@dataclass
class AnchorFile:
    """What a book holds: the anchors that apply, those before a restore, damaged lines."""

    anchors: list[Anchor]
    before_restore: int
    damaged: list[int]


def read_anchors(path: Path) -> AnchorFile:
    """The anchors of a book; a 恢复 line (a backup restored) sets the earlier ones aside."""
    anchors: list[Anchor] = []
    damaged: list[int] = []
    before_restore = 0
    with open(path, encoding="utf-8", errors="replace") as book:
        for number, line in enumerate(book, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            try:
                at, entry, digest, reason = parts
                entry_id = int(entry)
            except ValueError:
                damaged.append(number)
                continue
            if len(digest) != 64 or entry_id < 1:
                damaged.append(number)
                continue
            if reason == RESTORE:
                before_restore += len(anchors)
                anchors = []
            anchors.append(Anchor(at, entry_id, digest.lower(), reason, Path(path), number))
    return AnchorFile(anchors, before_restore, damaged)


def _last_line(path: Path) -> str:
    """The last line of a (possibly long) file, read from its end."""
    with open(path, "rb") as book:
        book.seek(0, os.SEEK_END)
        size = book.tell()
        book.seek(max(0, size - 512))
        tail = book.read().decode("utf-8", errors="replace")
    lines = tail.rstrip("\n").split("\n")
    return lines[-1] if lines else ""


class AnchorBook:
    """The anchor files of one database: in the data folder and, if set, in a second folder."""

    def __init__(
        self, database: Path, folder: Path, database_id: str, second_folder: Path | None = None
    ) -> None:
        self.database = Path(database)
        self.folder = Path(folder)
        self.database_id = database_id
        self.second_folder = second_folder
        self._last: ChainHead | None = None

    @property
    def file_name(self) -> str:
        return anchor_file_name(self.database, self.database_id)

    @property
    def files(self) -> list[Path]:
        """Where this database's anchors are kept, the data folder's first."""
        folders = [self.folder] + ([self.second_folder] if self.second_folder else [])
        return [folder / self.file_name for folder in folders]

    def record(self, head: ChainHead | None, reason: str) -> None:
        """Append the head to every book; a failure is logged, never raised (saves go on)."""
        if head is None:
            return
        if reason == WRITE and head == self._last:
            return
        line = format_anchor(head, reason)
        for path in self.files:
            try:
                _append(path, line, head, reason)
            except OSError as exc:
                log.warning("anchor not written to %s: %s", path, exc)
        self._last = head


def _append(path: Path, line: str, head: ChainHead, reason: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    if not new and reason in (WRITE, OPEN) and f"\t{head.hash}\t" in _last_line(path):
        return  # the same head written already (e.g. at the last start)
    with open(path, "a", encoding="utf-8", newline="\n") as book:
        if new:
            book.write(HEADER)
        book.write(line)
        book.flush()
        os.fsync(book.fileno())

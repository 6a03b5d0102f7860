"""Wiring of a database's anchor book: its id, second folder, and anchors on write/backup/print."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select, text

from branchdesk.storage.anchors import (
    OPEN,
    PRINT,
    WRITE,
    Anchor,
    AnchorBook,
    read_anchors,
)
from branchdesk.storage.chain_head import ChainHead, read_chain_head
from branchdesk.storage.database import Database
from branchdesk.storage.models import Setting

log = logging.getLogger("branchdesk")

SECOND_FOLDER_KEY = "anchors.second_folder"
DATABASE_ID = "database_id"
FIRST_ENTRY_HASH = "SELECT hash FROM audit_log WHERE id = 1"
ANCHOR_FOLDER = "anchors"

def anchor_folder(data_dir: Path) -> Path:
    """The folder of the anchor books in the data folder."""
    return Path(data_dir) / ANCHOR_FOLDER


def _settings_of_file(path: Path) -> dict[str, str]:
    """The anchor settings of a database file, read without opening it for writing."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            rows = connection.execute(
                "SELECT key, value FROM settings WHERE key = ?", (SECOND_FOLDER_KEY,)
            ).fetchall()
            first = connection.execute(FIRST_ENTRY_HASH).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return {}
    found = {str(key): str(value) for key, value in rows}
    if first:
        found[DATABASE_ID] = database_id_from(str(first[0]))
    return found


def book_of_file(path: Path, data_dir: Path) -> AnchorBook | None:
    """The anchor book of a database file (``None`` while it has no audit entry yet)."""
    settings = _settings_of_file(path)
    database_id = settings.get(DATABASE_ID)
    if not database_id:
        return None
    second = settings.get(SECOND_FOLDER_KEY) or None
    return AnchorBook(path, anchor_folder(data_dir), database_id, Path(second) if second else None)


def head_of(db: Database) -> ChainHead | None:
    """The chain head of an open database."""
    raw = db.engine.raw_connection()
    try:
        return read_chain_head(raw)
    finally:
        raw.close()


def database_id_from(first_entry_hash: str) -> str:
    """A database's id: the first 16 hex digits of its first audit entry's hash.

    Fixed once the first record is written and needs no write of its own (opening a file
    to read it changes nothing); rewriting the trail from its start changes it, and verify
    then names the anchor book left behind."""
    return first_entry_hash[:16]


def database_id_of(db: Database) -> str | None:
    """The id of an open database (``None`` while it has no audit entry yet)."""
    with db.read() as s:
        first = s.execute(text(FIRST_ENTRY_HASH)).scalar()
    return database_id_from(str(first)) if first else None


def attach_anchor_book(db: Database, data_dir: Path, reason: str = OPEN) -> AnchorBook | None:
    """Anchor the database's head now and after every write.

    A database with no audit entry yet gets its book at its first write. Never stops the
    program: a book that cannot be set up is logged and the program goes on."""
    if db.path is None:
        return None
    try:
        book = _open_book(db, data_dir)
        if book is not None:
            book.record(head_of(db), reason)
    except Exception:  # an anchor must never stop the program from opening
        log.exception("anchor book of %s not set up", db.path)
        return None

    def after_write() -> None:
        try:
            if db.anchor_book is None:
                _open_book(db, data_dir)
            if db.anchor_book is not None:
                db.anchor_book.record(head_of(db), WRITE)
        except Exception:  # a save that committed stays saved
            log.exception("anchor after a write to %s not written", db.path)

    db.after_write.append(after_write)
    return book


def _open_book(db: Database, data_dir: Path) -> AnchorBook | None:
    assert db.path is not None
    database_id = database_id_of(db)
    if database_id is None:
        return None
    book = AnchorBook(db.path, anchor_folder(data_dir), database_id, second_folder_of(db))
    db.anchor_book = book
    return book


def note_print(db: Database) -> ChainHead | None:
    """The head a printed document shows as its 校验码, anchored as printed (never raises)."""
    try:
        head = head_of(db)
    except Exception:
        log.exception("chain head for printing not read")
        return None
    if db.anchor_book is not None:
        db.anchor_book.record(head, PRINT)
    return head


def set_second_folder(db: Database, actor: str, folder: Path | None) -> AnchorBook | None:
    """Keep (or stop keeping) a copy of the anchor book in a second folder (USB stick, share).

    The folder must exist and be writable; the current head is anchored there at once."""
    value = str(Path(folder).resolve()) if folder else ""
    if folder is not None:
        probe = Path(folder) / ".branchdesk-anchor-probe"
        probe.write_text("", encoding="utf-8")  # OSError: the caller says what is wrong
        probe.unlink()
    with db.write(actor, "审计锚点的第二个文件夹") as s:
        setting = s.get(Setting, SECOND_FOLDER_KEY)
        if setting is None:
            s.add(Setting(key=SECOND_FOLDER_KEY, value=value))
        else:
            setting.value = value
    book = db.anchor_book
    if book is not None:
        book.second_folder = Path(value) if value else None
        first, *second = book.files
        if second and first.exists() and not second[0].exists():
            shutil.copyfile(first, second[0])  # the history so far goes along
        book.record(head_of(db), OPEN)
    return book


def second_folder_of(db: Database) -> Path | None:
    """The second anchor folder set for a database, if any."""
    with db.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == SECOND_FOLDER_KEY))
    return Path(value) if value else None


def known_anchor_files(db: Database, data_dir: Path) -> list[Path]:
    """The anchor books verify reads by default: the data folder's and the second folder's."""
    if db.path is None:
        return []
    database_id = database_id_of(db)
    if not database_id:
        return []
    book = AnchorBook(db.path, anchor_folder(data_dir), str(database_id), second_folder_of(db))
    return [path for path in book.files if path.exists()]


def anchors_of(db: Database) -> list[Anchor]:
    """The anchors in the books of an open database (for the GUI's 校验数据库)."""
    book = db.anchor_book
    found: list[Anchor] = []
    for path in book.files if book else []:
        try:
            found.extend(read_anchors(path).anchors)
        except OSError as exc:
            log.warning("anchor book %s not read: %s", path, exc)
    return found

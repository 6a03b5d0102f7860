"""The demo database encrypted and decrypted back: sound, the same history, the same rows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from branchdesk.core.demo import build_demo
from branchdesk.storage import cipher
from branchdesk.storage.cipher_convert import decrypt_database, encrypt_database
from branchdesk.storage.database import Database
from branchdesk.storage.integrity import verify_database

PASSPHRASE = "demo-passphrase-2026"


def _rows(connection: object) -> dict[str, list[tuple[object, ...]]]:
    with closing(connection) as conn:  # type: ignore[type-var]
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                for t in tables}


def _verify(path: Path, passphrase: str | None) -> bool:
    db = Database.open_sqlite(path, passphrase=passphrase)
    try:
        with db.read() as session:
            return verify_database(session).sound
    finally:
        db.dispose()


def test_the_demo_database_survives_encryption_and_decryption(tmp_path: Path) -> None:
    path = build_demo(tmp_path / "demo.sqlite", today=dt.date(2026, 11, 26)).path
    before = _rows(sqlite3.connect(path))
    names = [row[0] for row in sqlite3.connect(path).execute("SELECT name FROM members")]
    assert len(names) > 50

    done = encrypt_database(path, PASSPHRASE, tmp_path / "backups")
    data = path.read_bytes()
    assert cipher.looks_encrypted(path)
    assert [n for n in names if n.encode() in data] == []
    assert _rows(cipher.connect(path, PASSPHRASE)) == before
    assert _verify(path, PASSPHRASE)

    back = decrypt_database(path, PASSPHRASE, tmp_path / "backups")
    assert back.head == done.head is not None
    assert _rows(sqlite3.connect(path)) == before
    assert _verify(path, None)

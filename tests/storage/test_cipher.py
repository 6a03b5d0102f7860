"""Encrypted database files: nothing readable on disk, the passphrase required, backups too."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage import cipher
from branchdesk.storage.backup import backup_database
from branchdesk.storage.chain_head import read_chain_head
from branchdesk.storage.cipher_convert import decrypt_database, encrypt_database
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import (
    DatabaseOpenError,
    DbState,
    create_database,
    inspect_file,
    open_database,
)
from branchdesk.storage.models import Member

PASSPHRASE = "红旗渠-1960-太行"
ADMIN = Actor("admin", Role.ADMIN, "王管理")
NAME = "欧阳娜娜"
ID_NUMBER = make_id_number("410581", dt.date(1988, 3, 9), 27)
ADDRESS = "林州市任村镇盘阳村七组"
SECRETS = [NAME.encode(), ID_NUMBER.encode(), ADDRESS.encode(), "第一党支部".encode()]


def _populate(db: Database, backup_dir: Path, hasher: PasswordHasher) -> int:
    services = Services.build(db, backup_dir, hasher=hasher)
    services.accounts.create_first_admin("admin", "secret-pw", "王管理")
    committee = services.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
    branch = services.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
    return services.members.create(ADMIN, MemberInput(
        name=NAME, id_number=ID_NUMBER, branch_id=branch, stage=Stage.FULL,
        join_date=dt.date(2010, 7, 1), full_member_date=dt.date(2011, 7, 1), address=ADDRESS,
    ))


def _leaks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [s for s in SECRETS if s in data]


@pytest.fixture
def encrypted(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Path]:
    """An encrypted database (closed) with one member, 欧阳娜娜, and her address."""
    path = tmp_path / "encrypted.sqlite"
    db = create_database(path, passphrase=PASSPHRASE)
    try:
        _populate(db, tmp_path / "backups", fast_hasher)
    finally:
        db.dispose()
    yield path


def test_an_encrypted_file_and_its_wal_hold_no_readable_record(
    tmp_path: Path, fast_hasher: PasswordHasher
) -> None:
    path = tmp_path / "encrypted.sqlite"
    db = create_database(path, passphrase=PASSPHRASE)
    try:
        _populate(db, tmp_path / "backups", fast_hasher)
        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the writes sit in the WAL for now
        assert _leaks(wal) == []
        assert _leaks(path) == []
    finally:
        db.dispose()
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert _leaks(path) == []
    assert cipher.looks_encrypted(path)
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite cannot read a page of it
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_the_same_records_in_a_plain_file_are_readable(
    tmp_path: Path, fast_hasher: PasswordHasher
) -> None:
    """The control for the test above: the search for the bytes does find plain records."""
    path = tmp_path / "plain.sqlite"
    db = create_database(path)
    try:
        _populate(db, tmp_path / "backups", fast_hasher)
    finally:
        db.dispose()
    assert _leaks(path) == SECRETS


def test_the_right_passphrase_opens_it_and_a_wrong_one_is_refused_in_chinese(
    encrypted: Path, tmp_path: Path
) -> None:
    assert inspect_file(encrypted).state is DbState.ENCRYPTED
    assert inspect_file(encrypted, passphrase=PASSPHRASE).state is DbState.CURRENT
    before = encrypted.read_bytes()
    with pytest.raises(cipher.WrongPassphrase, match="^密码不正确，无法打开加密的数据库。$"):
        open_database(encrypted, tmp_path / "backups", passphrase="红旗渠-1960-太行 ")
    with pytest.raises(cipher.PassphraseRequired, match="已加密"):
        open_database(encrypted, tmp_path / "backups")
    assert encrypted.read_bytes() == before
    db = open_database(encrypted, tmp_path / "backups", passphrase=PASSPHRASE)
    try:
        with db.read() as s:
            assert s.scalars(select(Member.name)).all() == [NAME]
    finally:
        db.dispose()


def test_without_the_driver_plain_files_work_and_encrypted_ones_are_explained(
    encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "_DBAPI", None)
    plain = create_database(tmp_path / "plain.sqlite")
    plain.dispose()
    db = open_database(tmp_path / "plain.sqlite", tmp_path / "backups", create=False)
    db.dispose()
    with pytest.raises(cipher.CipherUnavailable, match="不能打开加密的数据库"):
        open_database(encrypted, tmp_path / "backups", passphrase=PASSPHRASE)
    with pytest.raises(cipher.CipherUnavailable, match="不能打开加密的数据库"):
        create_database(tmp_path / "new.sqlite", passphrase=PASSPHRASE)
    assert not (tmp_path / "new.sqlite").exists()


def test_random_or_text_files_are_still_corrupt_not_encrypted(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_bytes("这是一份文字材料，不是数据库。".encode() * 400)
    zeroed = tmp_path / "zeroed.sqlite"
    zeroed.write_bytes(b"\0" * 8192)
    for each in (text, zeroed):
        assert inspect_file(each).state is DbState.CORRUPT
        with pytest.raises(DatabaseOpenError, match="已损坏或不是数据库文件"):
            open_database(each, tmp_path / "backups", passphrase=PASSPHRASE)


def test_backups_of_an_encrypted_database_are_encrypted_with_its_key(
    encrypted: Path, tmp_path: Path
) -> None:
    db = open_database(encrypted, tmp_path / "backups", passphrase=PASSPHRASE)
    try:
        with db.engine.connect() as connection:
            head = read_chain_head(connection.connection)
        written = backup_database(encrypted, tmp_path / "backups", passphrase=PASSPHRASE)
    finally:
        db.dispose()
    assert cipher.looks_encrypted(written) and _leaks(written) == []
    with pytest.raises(cipher.WrongPassphrase):
        cipher.connect(written, "another-passphrase")
    copy = cipher.connect(written, PASSPHRASE, readonly=True)
    try:
        assert read_chain_head(copy) == head
        assert copy.execute("SELECT name FROM members").fetchall() == [(NAME,)]
    finally:
        copy.close()


def test_encrypting_and_decrypting_keep_every_row_and_the_chain(
    tmp_path: Path, fast_hasher: PasswordHasher
) -> None:
    path = tmp_path / "branch.sqlite"
    db = create_database(path)
    try:
        _populate(db, tmp_path / "backups", fast_hasher)
    finally:
        db.dispose()
    plain_rows = _dump(sqlite3.connect(path))

    done = encrypt_database(path, PASSPHRASE, tmp_path / "backups")
    assert _leaks(path) == [] and cipher.looks_encrypted(path)
    assert _leaks(done.backup) == SECRETS  # the verified backup taken before, as it was
    assert _dump(cipher.connect(path, PASSPHRASE)) == plain_rows

    back = decrypt_database(path, PASSPHRASE, tmp_path / "backups")
    assert back.head == done.head and back.rows == done.rows
    assert cipher.looks_encrypted(back.backup)  # the copy taken before decrypting stays locked
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert _dump(sqlite3.connect(path)) == plain_rows
    assert inspect_file(path).state is DbState.CURRENT


def test_a_wrong_passphrase_or_a_short_one_changes_nothing(
    encrypted: Path, tmp_path: Path
) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(cipher.WrongPassphrase):
        decrypt_database(encrypted, "not-the-passphrase", tmp_path / "backups")
    assert encrypted.read_bytes() == before
    plain = tmp_path / "plain.sqlite"
    create_database(plain).dispose()
    with pytest.raises(cipher.CipherError, match="至少需要 8 个字符"):
        encrypt_database(plain, "short", tmp_path / "backups")
    assert plain.read_bytes().startswith(b"SQLite format 3")


def test_a_database_open_in_another_program_is_not_converted(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    create_database(path).dispose()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(path)!r})\n"
         "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT count(*) FROM members')\n"
         "print('open', flush=True); sys.stdin.readline()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(cipher.CipherError, match="正被其他程序使用"):
            encrypt_database(path, PASSPHRASE, tmp_path / "backups")
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def _dump(connection: object) -> dict[str, list[tuple[object, ...]]]:
    conn = connection
    try:
        tables = [r[0] for r in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall()]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()  # type: ignore[attr-defined]
                for t in tables}
    finally:
        conn.close()  # type: ignore[attr-defined]


def test_members_count_through_the_encrypted_engine(encrypted: Path) -> None:
    db = Database.open_sqlite(encrypted, passphrase=PASSPHRASE)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Member)) == 1
    finally:
        db.dispose()

"""Backing up and restoring an encrypted database: the copies stay encrypted, the key kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage import cipher
from branchdesk.storage.backup import backup_database
from branchdesk.storage.backup_errors import BackupError, DamagedDatabaseError
from branchdesk.storage.migrate import create_database, open_database

PASSPHRASE = "encrypted-branch-2026"
ADMIN = Actor("admin", Role.ADMIN, "王管理")


@pytest.fixture
def services(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    db = create_database(tmp_path / "branch.sqlite", passphrase=PASSPHRASE)
    sv = Services.build(db, tmp_path / "backups", hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "王管理")
    committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
    sv.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
    yield sv
    sv.db.dispose()


def _add(services: Services, name: str, sequence: int) -> int:
    branch = services.organisations.find_by_name("第一党支部")
    assert branch is not None
    return services.members.create(ADMIN, MemberInput(
        name=name, id_number=make_id_number("410581", dt.date(1988, 3, 9), sequence),
        branch_id=branch.id, stage=Stage.FULL, join_date=dt.date(2010, 7, 1),
        full_member_date=dt.date(2011, 7, 1),
    ))


def test_a_restore_brings_back_the_encrypted_backup_and_keeps_the_file_encrypted(
    services: Services,
) -> None:
    _add(services, "欧阳娜娜", 27)
    backup = services.backups.back_up(ADMIN)
    assert cipher.looks_encrypted(backup) and "欧阳娜娜".encode() not in backup.read_bytes()
    later = _add(services, "司马青", 35)
    path, backup_dir = services.db.path, services.backup_dir
    assert path is not None

    db = services.backups.restore(
        ADMIN, backup, lambda: open_database(path, backup_dir, passphrase=PASSPHRASE)
    )
    services.db = db
    restored = Services.build(db, backup_dir)
    assert cipher.looks_encrypted(path)
    assert [r.name for r in restored.members.rows(list(range(1, later + 1))).values()] == [
        "欧阳娜娜"
    ]
    assert restored.audit.verify().sound
    saved = [b for b in backup_dir.iterdir() if "before-restore" in b.name]
    assert len(saved) == 1 and cipher.looks_encrypted(saved[0])


def test_a_plain_backup_is_not_restored_into_an_encrypted_database(
    services: Services, tmp_path: Path, fast_hasher: PasswordHasher
) -> None:
    plain = tmp_path / "plain.sqlite"
    create_database(plain).dispose()
    path = services.db.path
    assert path is not None
    before = path.read_bytes()
    with pytest.raises(BackupError, match="没有加密，而当前数据库已加密"):
        services.backups.restore(ADMIN, plain, lambda: services.db)
    other_key = tmp_path / "other.sqlite"
    create_database(other_key, passphrase="some-other-passphrase").dispose()
    with pytest.raises(cipher.WrongPassphrase):
        services.backups.check_restorable(ADMIN, other_key)
    assert path.read_bytes() == before


def test_a_damaged_encrypted_database_is_not_backed_up(
    services: Services, tmp_path: Path
) -> None:
    _add(services, "欧阳娜娜", 27)
    path = services.db.path
    assert path is not None
    services.db.dispose()
    with path.open("r+b") as fh:  # one byte of the second page: its HMAC no longer matches
        fh.seek(4096 + 2000)
        byte = fh.read(1)
        fh.seek(4096 + 2000)
        fh.write(bytes([byte[0] ^ 0x40]))
    target = tmp_path / "copy.sqlite"
    with pytest.raises(DamagedDatabaseError, match="数据库文件已损坏"):
        backup_database(path, tmp_path / "backups", target=target, passphrase=PASSPHRASE)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]

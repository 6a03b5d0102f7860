"""Encrypting a plain database file in place, or decrypting it, after a verified backup.

The file is held exclusively for the whole conversion; a verified backup is written first;
the converted copy is written next to the original with ``sqlcipher_export``, checked
(``quick_check``, the audit chain head and every table's row count) and only then moved
over the original in one atomic rename. On any failure the original stays as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.storage import cipher
from branchdesk.storage.backup import SUFFIX
from branchdesk.storage.chain_head import ChainHead
from branchdesk.storage.private_files import create_private, make_private_dir

BUSY = (
    "数据库正被其他程序使用（例如打开着的支部台账窗口）。请先关闭使用它的程序，再重试。"
    "文件未做任何改动。"
)


@dataclass(frozen=True)
class Conversion:
    """What an encryption or decryption did: the backup taken and the history kept."""

    path: Path
    backup: Path
    head: ChainHead | None
    tables: int
    rows: int


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync on Windows
        return
    _fsync(folder)


def _is_plain(path: Path) -> bool:
    with Path(path).open("rb") as fh:
        return fh.read(16) == cipher.SQLITE_HEADER


def _hold(path: Path, passphrase: str | None) -> Any:
    """A connection holding ``path`` exclusively until it is closed (rollback journal)."""
    module = cipher.dbapi()
    if passphrase is None:
        work = module.connect(Path(path).resolve().as_uri(), uri=True, isolation_level=None)
        work.execute("PRAGMA cipher_log_level = NONE")
    else:
        work = cipher.connect(path, passphrase)
        work.isolation_level = None
    try:
        work.execute("PRAGMA busy_timeout = 2000")
        # leaving WAL needs every other connection closed: this is what proves we are alone
        work.execute("PRAGMA journal_mode = DELETE")
        work.execute("PRAGMA locking_mode = EXCLUSIVE")
        work.execute("BEGIN EXCLUSIVE")
        work.execute("COMMIT")
    except module.OperationalError as exc:
        work.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise cipher.CipherError(BUSY) from None
        raise
    return work


def _open_copy(path: Path, passphrase: str | None) -> Any:
    if passphrase is None:
        module = cipher.dbapi()
        connection = module.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        connection.execute("PRAGMA cipher_log_level = NONE")
        return connection
    return cipher.connect(path, passphrase, readonly=True)


def _verify_copy(
    copy: Path, passphrase: str | None, expected: tuple[ChainHead | None, dict[str, int]],
    what: str,
) -> None:
    connection = _open_copy(copy, passphrase)
    try:
        damage = cipher.is_sound(connection)
        found = cipher.fingerprint(connection)
    finally:
        connection.close()
    if damage is not None:
        raise cipher.CipherError(f"{what}校验未通过（{damage}），已放弃。原文件未做任何改动。")
    if found != expected:
        raise cipher.CipherError(
            f"{what}与原数据库不一致（审计记录或记录条数不同），已放弃。原文件未做任何改动。"
        )


def _backup_path(path: Path, backup_dir: Path, reason: str) -> Path:
    now = dt.datetime.now()
    target = backup_dir / f"{path.stem}-{now:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"{path.stem}-{now:%Y%m%d-%H%M%S}-{reason}-{counter}{SUFFIX}"
    return target


def _verified_backup(
    work: Any, path: Path, backup_dir: Path, reason: str, passphrase: str | None,
    expected: tuple[ChainHead | None, dict[str, int]],
) -> Path:
    """Back the held file up (same key as the original) and check the copy."""
    make_private_dir(backup_dir)  # like every backup folder: its owner's only
    target = _backup_path(path, backup_dir, reason)
    partial = target.with_name(target.name + ".part")
    try:
        create_private(partial)  # empty; readable by its owner only
        if passphrase is None:
            dst = cipher.dbapi().connect(str(partial))
        else:
            dst = cipher.connect(partial, passphrase, check=False, salt_from=path)
        try:
            work.backup(dst)
        finally:
            dst.close()
        _verify_copy(partial, passphrase, expected, "备份")
        _fsync(partial)
        partial.replace(target)
        _fsync_folder(backup_dir)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _export(work: Any, target: Path, new_passphrase: str | None) -> None:
    key = "" if new_passphrase is None else new_passphrase
    quoted = "'" + str(target).replace("'", "''") + "'"
    work.execute(f"ATTACH DATABASE {quoted} AS converted KEY {cipher._quote(key)}")
    try:
        work.execute("SELECT sqlcipher_export('converted')")
        for pragma in ("application_id", "user_version"):
            value = int(work.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            work.execute(f"PRAGMA converted.{pragma} = {value}")
    finally:
        work.execute("DETACH DATABASE converted")


def _convert(
    path: Path, old: str | None, new: str | None, backup_dir: Path, reason: str
) -> Conversion:
    path = Path(path)
    work = _hold(path, old)
    converted: Path | None = None
    try:
        expected = cipher.fingerprint(work)
        backup = _verified_backup(work, path, backup_dir, reason, old, expected)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        converted = Path(name)
        _export(work, converted, new)
        _verify_copy(converted, new, expected, "转换后的文件")
        if new is not None and (_is_plain(converted) or not cipher.looks_encrypted(converted)):
            raise cipher.CipherError("转换后的文件没有被加密，已放弃。原文件未做任何改动。")
        _fsync(converted)
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        work.close()
        work = None
        os.replace(converted, path)
        converted = None
        _fsync_folder(path.parent)
    finally:
        if work is not None:
            with suppress(Exception):
                work.execute("PRAGMA journal_mode = WAL")
            work.close()
        if converted is not None:
            converted.unlink(missing_ok=True)
    head, counts = expected
    return Conversion(path, backup, head, len(counts), sum(counts.values()))


def encrypt_database(path: Path, passphrase: str, backup_dir: Path) -> Conversion:
    """Encrypt the plain database at ``path`` with ``passphrase`` (a verified backup first)."""
    cipher.check_new_passphrase(passphrase)
    cipher.dbapi()
    if not _is_plain(path):
        raise cipher.CipherError(f"文件“{path}”不是未加密的数据库（可能已经加密），未做任何改动。")
    return _convert(path, None, passphrase, backup_dir, "before-encrypt")


def decrypt_database(path: Path, passphrase: str, backup_dir: Path) -> Conversion:
    """Decrypt the encrypted database at ``path`` (an encrypted, verified backup first)."""
    cipher.dbapi()
    if _is_plain(path):
        raise cipher.CipherError(f"文件“{path}”没有加密，无需解密，未做任何改动。")
    return _convert(path, passphrase, None, backup_dir, "before-decrypt")

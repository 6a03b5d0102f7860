"""Encrypted database files (SQLCipher): recognising them and opening them with a passphrase.

SQLCipher 4 encrypts every page with AES-256 and authenticates it with HMAC-SHA512; the page
key comes from the passphrase through SQLCipher's own KDF (PBKDF2-HMAC-SHA512, 256,000
iterations, a random salt per file). The driver, ``sqlcipher3``, is optional: where its
wheel is missing plain databases work as before and an encrypted one is refused in Chinese.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import ModuleType
from typing import Any

from branchdesk.storage.chain_head import ChainHead, read_chain_head
from branchdesk.storage.errors import BranchDeskError

SQLITE_HEADER = b"SQLite format 3\x00"
#: smallest SQLite/SQLCipher page: an encrypted file is a whole number of pages
MIN_PAGE = 512
WRONG_PASSPHRASE = "密码不正确，无法打开加密的数据库。"
UNAVAILABLE = (
    "此数据库文件已加密，但本机安装的支部台账不能打开加密的数据库（缺少加密组件）。"
    "请在装有加密支持的电脑上用 branchdesk decrypt 解密后再拷来，"
    "或安装带加密支持的版本。文件未做任何改动。"
)
#: a passphrase shorter than this is refused when a file is encrypted
MIN_PASSPHRASE = 8


class CipherError(BranchDeskError):
    """An encrypted database that cannot be opened or converted; the message is Chinese."""


class CipherUnavailable(CipherError):
    """This installation has no SQLCipher driver."""


class WrongPassphrase(CipherError):
    """The passphrase does not open the file."""


class PassphraseRequired(CipherError):
    """The file is encrypted and no passphrase was given."""


try:  # a static import, so that PyInstaller bundles the driver where it is installed
    import sqlcipher3.dbapi2 as _driver
except ImportError:  # no wheel for this machine (loongarch64): plain databases only
    _driver = None

_DBAPI: ModuleType | None = _driver


def available() -> bool:
    """Whether this installation can open encrypted databases."""
    return _DBAPI is not None


def dbapi() -> ModuleType:
    """The SQLCipher DB-API module; :class:`CipherUnavailable` where it is not installed."""
    if _DBAPI is None:
        raise CipherUnavailable(UNAVAILABLE)
    return _DBAPI


#: the driver's base exception (a class no code raises where the driver is missing)
DriverError: type[Exception] = _DBAPI.Error if _DBAPI is not None else CipherError


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect a file (at least 8 characters)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise CipherError(f"密码太短：至少需要 {MIN_PASSPHRASE} 个字符。")
    if passphrase != passphrase.strip():
        raise CipherError("密码的开头或结尾不能是空格。")


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like an SQLCipher file: whole pages of random-looking bytes.

    SQLCipher writes no header at all (the first 16 bytes are the salt), so a file is taken
    for encrypted when it is not plain SQLite, is a whole number of pages and its first page
    is as varied as ciphertext — text, zeroed or damaged SQLite files are not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size < MIN_PAGE * 2 or size % MIN_PAGE:
            return False
        with path.open("rb") as fh:
            first = fh.read(1024)
    except OSError:
        return False
    if first.startswith(SQLITE_HEADER):
        return False
    # 1024 random bytes show about 251 of the 256 byte values and about 4 zero bytes
    return len(set(first)) >= 200 and first.count(0) < 24


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


#: SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512 over the file's 16-byte salt
KDF_ITERATIONS, KEY_BYTES, SALT_BYTES = 256_000, 32, 16
#: (passphrase, salt) pairs whose derived key SQLCipher refused although the passphrase
#: opened the file (another KDF setting): those are keyed with the passphrase itself
_PASSPHRASE_ONLY: set[tuple[str, bytes]] = set()


@functools.lru_cache(maxsize=32)
def _derived_key(passphrase: str, salt: bytes) -> str | None:
    """SQLCipher's raw-key form ``x'<key><salt>'`` of ``passphrase`` for a file's salt.

    It is exactly the key SQLCipher's own KDF derives, computed once per file and process:
    every further connection (the pool's, a backup's, a check's) then skips the 256,000
    iterations. None where ``cryptography`` is missing (SQLCipher derives it each time)."""
    try:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
    except ImportError:
        return None
    key = PBKDF2HMAC(
        algorithm=hashes.SHA512(), length=KEY_BYTES, salt=salt, iterations=KDF_ITERATIONS
    ).derive(passphrase.encode("utf-8"))
    return f"x'{key.hex()}{salt.hex()}'"


def _salt_of(path: Path) -> bytes | None:
    """The salt of an existing encrypted file (its first 16 bytes); None for a new file."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(SALT_BYTES)
    except OSError:
        return None
    return head if len(head) == SALT_BYTES and head != SQLITE_HEADER else None


def apply_key(
    connection: Any, passphrase: str, salt: bytes | None = None, *, derived: bool = True
) -> None:
    """Key a fresh SQLCipher connection (before it reads anything); quiet SQLCipher's log.

    With the file's ``salt`` the key SQLCipher would derive is given directly."""
    if "\x00" in passphrase:
        raise CipherError("密码中不能含有空字符。")
    connection.execute("PRAGMA cipher_log_level = NONE")
    raw = None
    if derived and salt is not None and (passphrase, salt) not in _PASSPHRASE_ONLY:
        raw = _derived_key(passphrase, salt)
    connection.execute(f'PRAGMA key = "{raw}"' if raw else f"PRAGMA key = {_quote(passphrase)}")


def _check(connection: Any) -> None:
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()


def connect(
    path: Path, passphrase: str, *, readonly: bool = False, check: bool = True,
    salt_from: Path | None = None,
) -> Any:
    """An SQLCipher connection to ``path`` keyed with ``passphrase``.

    With ``check`` the key is tried at once: :class:`WrongPassphrase` if it does not open
    the file (SQLCipher's HMAC on page 1 fails). ``salt_from``: a new file (a backup) takes
    the salt, and so the derived key, of that file."""
    module = dbapi()
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if readonly else "")
    salt = _salt_of(salt_from or path)

    def opened(derived: bool) -> Any:
        connection = module.connect(uri, uri=True, check_same_thread=False)
        try:
            apply_key(connection, passphrase, salt, derived=derived)
            if check:
                _check(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    try:
        return opened(derived=True)
    except module.DatabaseError as exc:
        if "not a database" not in str(exc) and "encrypted" not in str(exc):
            raise
    if salt is None or _derived_key(passphrase, salt) is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    try:  # SQLCipher's own derivation, in case this file was made with other KDF settings
        connection = opened(derived=False)
    except module.DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongPassphrase(WRONG_PASSPHRASE) from None
        raise
    _PASSPHRASE_ONLY.add((passphrase, salt))
    return connection


def engine_options(url: str, passphrase: str) -> dict[str, Any]:
    """Keyword arguments for ``create_engine(url)`` that open its file through SQLCipher."""
    from sqlalchemy.engine import make_url

    module = dbapi()
    resolved = Path(make_url(url).database or "").resolve()

    def creator() -> Any:
        return connect(resolved, passphrase, check=False)

    return {"module": module, "creator": creator}


def is_sound(connection: Any) -> str | None:
    """``None`` when ``quick_check`` finds the file sound, else what it found."""
    try:
        rows = [r[0] for r in connection.execute("PRAGMA quick_check").fetchall()]
    except dbapi().DatabaseError as exc:  # a page whose HMAC fails cannot even be read
        return "文件结构已损坏" if "malformed" in str(exc) else "有页面未通过校验，已损坏或被改动"
    return None if rows == ["ok"] else "；".join(str(r) for r in rows[:3])


def fingerprint(connection: Any) -> tuple[ChainHead | None, dict[str, int]]:
    """The audit chain head and the row count of every table: what a faithful copy keeps."""
    tables = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        ).fetchall()
    ]
    counts = {t: int(connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
              for t in tables}
    head = read_chain_head(connection) if "audit_log" in tables else None
    return head, counts

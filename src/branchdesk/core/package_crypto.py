"""Encrypted transfer packages: AES-256-GCM under a key derived from a passphrase by Argon2id.

A package exported from an encrypted database is encrypted as a whole; the passphrase is
agreed with the receiving branch (by phone, never in the same e-mail). Layout::

    MAGIC (8) | Argon2id memory KiB, time, lanes (3 × 4, big-endian) | salt (16) | nonce (12)
    | AES-256-GCM ciphertext of the ordinary package, with its 16-byte tag

The header is authenticated as associated data: a changed byte anywhere, or a wrong
passphrase, fails the tag and the package is refused before the reader sees it.
"""

from __future__ import annotations

import os
import struct

from argon2.low_level import Type, hash_secret_raw

from branchdesk.core.package_format import PackageError

MAGIC = b"BDZJ-GCM"
_PARAMS = struct.Struct(">III")
SALT_BYTES, NONCE_BYTES, KEY_BYTES, TAG_BYTES = 16, 12, 32, 16
HEADER_BYTES = len(MAGIC) + _PARAMS.size + SALT_BYTES + NONCE_BYTES
#: Argon2id as for the accounts' passwords: 64 MiB, 3 passes, 4 lanes
MEMORY_KIB, TIME_COST, LANES = 64 * 1024, 3, 4
#: a header asking for more than this is not ours (it would only tie the computer up)
MAX_MEMORY_KIB, MAX_TIME_COST, MAX_LANES = 1024 * 1024, 20, 16
MIN_PASSPHRASE = 8

NEEDS_PASSPHRASE = "这个转接包已加密：请输入转出党组织告知的转接包密码。未导入任何内容。"
WRONG_OR_ALTERED = (
    "转接包密码不正确，或转接包已损坏、被改动，无法解密。未导入任何内容。"
    "请核对密码；如果密码无误，请向转出党组织索取新的转接包。"
)
UNAVAILABLE = (
    "这个转接包已加密，但本机安装的支部台账缺少解密组件（cryptography），无法打开。"
    "未导入任何内容。"
)


class PackagePassphraseRequired(PackageError):
    """An encrypted package was opened without a passphrase."""


class PackagePassphraseError(PackageError):
    """A wrong passphrase, or an encrypted package that was damaged or altered."""


def is_encrypted_package(data: bytes) -> bool:
    """Whether ``data`` is an encrypted transfer package."""
    return data[: len(MAGIC)] == MAGIC


def _aead(key: bytes):  # type: ignore[no-untyped-def]
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        raise PackageError(UNAVAILABLE) from None
    return AESGCM(key)


def _derive(passphrase: str, salt: bytes, memory: int, time_cost: int, lanes: int) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory,
        parallelism=lanes, hash_len=KEY_BYTES, type=Type.ID,
    )


def check_package_passphrase(passphrase: str) -> None:
    """Refuse a package passphrase shorter than 8 characters."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise PackageError(f"转接包密码太短：至少需要 {MIN_PASSPHRASE} 个字符。")


def encrypt_package(data: bytes, passphrase: str) -> bytes:
    """The encrypted form of the package ``data`` (a fresh salt and nonce every time)."""
    check_package_passphrase(passphrase)
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = MAGIC + _PARAMS.pack(MEMORY_KIB, TIME_COST, LANES) + salt + nonce
    key = _derive(passphrase, salt, MEMORY_KIB, TIME_COST, LANES)
    return header + _aead(key).encrypt(nonce, data, header)


def decrypt_package(data: bytes, passphrase: str | None) -> bytes:
    """The ordinary package inside an encrypted one; ``data`` itself if it is not encrypted.

    Raises :class:`PackagePassphraseRequired` without a passphrase and
    :class:`PackagePassphraseError` when the tag fails (wrong passphrase or altered file)."""
    if not is_encrypted_package(data):
        return data
    if not passphrase:
        raise PackagePassphraseRequired(NEEDS_PASSPHRASE)
    if len(data) < HEADER_BYTES + TAG_BYTES:
        raise PackagePassphraseError(WRONG_OR_ALTERED)
    memory, time_cost, lanes = _PARAMS.unpack_from(data, len(MAGIC))
    if not (8 * lanes <= memory <= MAX_MEMORY_KIB and 1 <= time_cost <= MAX_TIME_COST
            and 1 <= lanes <= MAX_LANES):
        raise PackagePassphraseError(WRONG_OR_ALTERED)
    salt_at = len(MAGIC) + _PARAMS.size
    salt = data[salt_at : salt_at + SALT_BYTES]
    nonce = data[salt_at + SALT_BYTES : HEADER_BYTES]
    aead = _aead(_derive(passphrase, salt, memory, time_cost, lanes))
    from cryptography.exceptions import InvalidTag

    try:
        return bytes(aead.decrypt(nonce, data[HEADER_BYTES:], data[:HEADER_BYTES]))
    except InvalidTag:
        raise PackagePassphraseError(WRONG_OR_ALTERED) from None

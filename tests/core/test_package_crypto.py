"""Encrypted transfer packages: opened with the passphrase, refused without it or when altered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from branchdesk.core import package_crypto
from branchdesk.core.actor import Actor
from branchdesk.core.package_crypto import (
    PackagePassphraseError,
    PackagePassphraseRequired,
    decrypt_package,
    encrypt_package,
    is_encrypted_package,
)
from branchdesk.core.package_format import PackageError, read_package
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput

PASSPHRASE = "延安-宝塔山-1935"
NAME = "欧阳娜娜"


def _package(services: Services, clerk: Actor, add_member: Callable[..., int]) -> bytes:
    member = add_member(NAME, 27, address="林州市任村镇盘阳村七组")
    transfer = services.transfers.issue(clerk, member, OutgoingInput(
        to_organisation="中共接收委员会接收党支部", reason="工作调动", dues_year=2026,
        dues_month=11, issue_date=dt.date(2026, 11, 20),
    ))
    data, _name = services.packages.export(clerk, transfer)
    return data


def test_an_encrypted_package_opens_with_its_passphrase_only(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    plain = _package(services, clerk, add_member)
    sealed = encrypt_package(plain, PASSPHRASE)
    assert is_encrypted_package(sealed) and not is_encrypted_package(plain)
    assert NAME.encode() not in sealed and "林州市".encode() not in sealed
    assert encrypt_package(plain, PASSPHRASE) != sealed  # a fresh salt and nonce each time

    with pytest.raises(PackageError):  # the ordinary reader refuses it as it is
        read_package(sealed)
    with pytest.raises(PackagePassphraseRequired, match="已加密：请输入转出党组织告知的转接包密码"):
        decrypt_package(sealed, None)
    with pytest.raises(PackagePassphraseError, match="转接包密码不正确"):
        decrypt_package(sealed, "延安-宝塔山-1936")
    opened = decrypt_package(sealed, PASSPHRASE)
    assert opened == plain
    assert services.packages.preview(opened).name == NAME
    assert decrypt_package(plain, None) == plain  # an ordinary package passes through


@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at 8 MiB and one pass (the header carries them): the same checks, faster."""
    monkeypatch.setattr(package_crypto, "MEMORY_KIB", 8 * 1024)
    monkeypatch.setattr(package_crypto, "TIME_COST", 1)


@pytest.mark.usefixtures("cheap_kdf")
@pytest.mark.parametrize("where", ["magic-params", "salt", "nonce", "body", "tag"])
def test_a_changed_byte_anywhere_is_refused(
    services: Services, clerk: Actor, add_member: Callable[..., int], where: str
) -> None:
    sealed = bytearray(encrypt_package(_package(services, clerk, add_member), PASSPHRASE))
    salt_at = len(package_crypto.MAGIC) + 12
    at = {
        "magic-params": len(package_crypto.MAGIC) + 11,  # the lanes count of Argon2id
        "salt": salt_at + 3,
        "nonce": salt_at + 16 + 5,
        "body": package_crypto.HEADER_BYTES + 100,
        "tag": len(sealed) - 1,
    }[where]
    sealed[at] ^= 0x01
    with pytest.raises(PackagePassphraseError, match="被改动"):
        decrypt_package(bytes(sealed), PASSPHRASE)


@pytest.mark.usefixtures("cheap_kdf")
def test_a_truncated_package_or_a_short_passphrase_is_refused(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    plain = _package(services, clerk, add_member)
    with pytest.raises(PackageError, match="至少需要 8 个字符"):
        encrypt_package(plain, "1234567")
    sealed = encrypt_package(plain, PASSPHRASE)
    with pytest.raises(PackagePassphraseError):
        decrypt_package(sealed[: package_crypto.HEADER_BYTES + 10], PASSPHRASE)

"""Start-up steps of an encrypted database: asking for its passphrase, encrypting at first run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from branchdesk import APP_TITLE
from branchdesk.core.services import Services
from branchdesk.gui.passphrase_dialog import ask_to_open, offer_encryption
from branchdesk.paths import AppPaths
from branchdesk.storage import cipher

log = logging.getLogger("branchdesk")

#: ``open_services(path, paths)``; with ``passphrase=`` for an encrypted file
OpenServices = Callable[..., Services]

ENCRYPTED_DONE = (
    "数据库文件已加密。以后每次启动都需要输入这个密码。\n\n"
    "请牢记密码：密码丢失后，任何人（包括软件开发者）都无法恢复数据。"
)


def open_maybe_encrypted(
    path: Path, paths: AppPaths, open_services: OpenServices, parent: QWidget | None = None
) -> Services | None:
    """Open ``path``; an encrypted file asks for its passphrase first (None: cancelled).

    Raises :class:`~branchdesk.storage.cipher.CipherUnavailable` where this installation
    has no SQLCipher driver."""
    if not cipher.looks_encrypted(path):
        return open_services(path, paths)
    cipher.dbapi()
    return ask_to_open(path, lambda passphrase: open_services(path, paths, passphrase=passphrase),
                       parent)


def offer_encryption_at_first_run(
    services: Services, path: Path, paths: AppPaths, open_services: OpenServices,
    parent: QWidget | None = None,
) -> Services:
    """After the first administrator is created, offer to encrypt the new database file.

    Returns the services to go on with: on the encrypted file, or the same ones when the
    clerk declines, the driver is missing, or the encryption fails (the file stays plain)."""
    if not cipher.available() or services.db.passphrase is not None:
        return services
    passphrase = offer_encryption(parent)
    if passphrase is None:
        return services
    from branchdesk.storage.cipher_convert import encrypt_database

    services.db.dispose()
    try:
        encrypt_database(path, passphrase, services.backup_dir)
    except (cipher.CipherError, OSError) as exc:
        log.warning("encrypting %s at first run failed: %s", path, exc)
        reason = str(exc) if isinstance(exc, cipher.CipherError) else (
            f"写入文件时出错（系统错误代码 {exc.errno}），原文件未做任何改动。"
        )
        QMessageBox.warning(parent, APP_TITLE, f"数据库文件未加密：{reason}")
        return open_services(path, paths)
    QMessageBox.information(parent, APP_TITLE, ENCRYPTED_DONE)
    return open_services(path, paths, passphrase=passphrase)

"""Package passphrases in the GUI: sealing an encrypted database's packages, opening them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from branchdesk.core.package_crypto import (
    PackagePassphraseError,
    decrypt_package,
    encrypt_package,
    is_encrypted_package,
)
from branchdesk.core.services import Services
from branchdesk.gui.passphrase_dialog import PassphraseDialog

SEAL_TEXT = (
    "当前数据库已加密，转接包也将加密。请设置转接包密码，"
    "并通过电话等其他途径告知接收党组织——不要和转接包放在一起发送。"
)
OPEN_TEXT = "这个转接包已加密。请输入转出党组织告知的转接包密码。"


def seal_for_export(parent: QWidget | None, services: Services, data: bytes) -> bytes | None:
    """The package as it is saved: encrypted when the database is (None: cancelled)."""
    if services.db.passphrase is None:
        return data
    dialog = PassphraseDialog(SEAL_TEXT, new=True, ok_text="加密并保存", parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return encrypt_package(data, dialog.passphrase)


def open_sealed(parent: QWidget | None, data: bytes) -> bytes | None:
    """The ordinary package inside ``data``, asking for its passphrase (None: cancelled).

    A wrong passphrase or an altered file is said in the dialog, which asks again."""
    if not is_encrypted_package(data):
        return data
    dialog = PassphraseDialog(OPEN_TEXT, ok_text="打开", parent=parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return decrypt_package(data, dialog.passphrase)
        except PackagePassphraseError as exc:
            dialog.field.clear()
            dialog.show_error(str(exc))
    return None

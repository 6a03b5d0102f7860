"""Two member dialogs on the same record: the second save is refused and nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.member_dialog import MemberDialog
from branchdesk.storage.migrate import open_database


@pytest.fixture
def other(services: Services, tmp_path: Path) -> Iterator[Services]:
    """A second program instance on the same database file."""
    assert services.db.path is not None
    db = open_database(services.db.path, tmp_path / "backups")
    yield Services.build(db, tmp_path / "backups")
    db.dispose()


def _open(qtbot, dialog: MemberDialog) -> MemberDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_second_member_dialog_is_refused_and_keeps_the_clerks_input(
    qtbot, services: Services, other: Services, clerk: Actor, admin: Actor, add_member
) -> None:
    member_id = add_member("张三")
    mine = _open(qtbot, MemberDialog(services, clerk, member_id))
    theirs = _open(qtbot, MemberDialog(other, admin, member_id))

    theirs.ui.phone.clear()
    type_text(qtbot, theirs.ui.phone, "13800000001")
    qtbot.keyClick(theirs.ui.phone, Qt.Key.Key_Return)
    assert theirs.result() == QDialog.DialogCode.Accepted

    mine.activateWindow()
    qtbot.waitActive(mine)
    mine.ui.job.clear()
    type_text(qtbot, mine.ui.job, "人民教师")
    shown: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    driver = on_next_modal(read_and_close)
    qtbot.keyClick(mine.ui.job, Qt.Key.Key_Return)
    assert isinstance(driver.check(), QMessageBox)

    (message,) = shown
    assert message.startswith("该记录已于 ")
    assert "被 王管理（admin）修改，您的修改未保存。请关闭后重新打开，再做修改。" in message
    # the dialog stays open with what the clerk typed, to copy it
    assert mine.isVisible() and mine.result() != QDialog.DialogCode.Accepted
    assert mine.ui.job.text() == "人民教师"
    assert "您的修改未保存" in mine.errors.message("")
    saved = services.members.get(member_id).data
    assert (saved.phone, saved.job) == ("13800000001", "")

    # closed and opened again, the same edit saves
    mine.reject()
    again = _open(qtbot, MemberDialog(services, clerk, member_id))
    again.ui.job.clear()
    type_text(qtbot, again.ui.job, "人民教师")
    qtbot.keyClick(again.ui.job, Qt.Key.Key_Return)
    assert again.result() == QDialog.DialogCode.Accepted
    saved = other.members.get(member_id).data
    assert (saved.phone, saved.job) == ("13800000001", "人民教师")


def test_organisation_dialog_on_an_outdated_copy_is_refused(
    qtbot, services: Services, other: Services, clerk: Actor, admin: Actor, branch_id: int
) -> None:
    from branchdesk.gui.org_dialogs import OrganisationDialog

    node = services.organisations.get(branch_id)
    other.organisations.update(admin, branch_id, "第一党支部", "新华路 1 号",
                               expected_version=other.organisations.get(branch_id).row_version)
    dialog = OrganisationDialog(services, clerk, node=node)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    dialog.ui.phone.setText("010-12345678")
    shown: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    driver = on_next_modal(read_and_close)
    dialog.accept()
    driver.check()
    assert "被 王管理（admin）修改，您的修改未保存" in shown[0]
    assert dialog.isVisible() and dialog.ui.phone.text() == "010-12345678"
    saved = services.organisations.get(branch_id)
    assert (saved.address, saved.phone) == ("新华路 1 号", "")


def test_the_organisation_page_opens_the_record_as_saved_now(
    qtbot, services: Services, other: Services, clerk: Actor, admin: Actor, branch_id: int
) -> None:
    """“Close and open again” works: the page's tree was loaded before the other change."""
    from PySide6.QtWidgets import QDialogButtonBox

    from branchdesk.gui.org_dialogs import OrganisationDialog
    from branchdesk.gui.org_page import OrganisationPage

    page = OrganisationPage(services, clerk)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.select(branch_id)
    other.organisations.update(admin, branch_id, "第一党支部", "新华路 1 号",
                               expected_version=other.organisations.get(branch_id).row_version)
    seen: list[str] = []

    def edit(dialog: OrganisationDialog) -> None:
        seen.append(dialog.ui.address.text())
        dialog.ui.phone.setText("010-12345678")
        ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    driver = on_next_modal(edit)
    page.edit_organisation()
    driver.check()
    assert seen == ["新华路 1 号"]
    saved = other.organisations.get(branch_id)
    assert (saved.address, saved.phone) == ("新华路 1 号", "010-12345678")

"""Transfer packages through the 组织关系转接 page: export, preview, import, refusal;
发展材料转递; the year's 转接登记簿."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.package_format import read_package, write_package
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import OrgKind, Role, Stage, Status
from branchdesk.gui import package_dialogs
from branchdesk.gui.common import combo_set_data
from branchdesk.gui.package_dialogs import HandoverDialog, PackageImportDialog
from branchdesk.gui.transfers_page import TransfersPage
from branchdesk.storage.migrate import create_database

TODAY = dt.date(2026, 11, 26)
THEIR_ADMIN = Actor("admin", Role.ADMIN, "钱管理")


@pytest.fixture
def receiver(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    db = create_database(tmp_path / "receiver.sqlite")
    sv = Services.build(db, tmp_path / "receiver-backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "钱管理")
    committee = sv.organisations.create(THEIR_ADMIN, OrgKind.COMMITTEE, "中共接收委员会", None)
    sv.organisations.create(THEIR_ADMIN, OrgKind.BRANCH, "接收党支部", committee)
    yield sv
    db.dispose()


def _page(qtbot, services: Services, actor: Actor) -> TransfersPage:  # type: ignore[no-untyped-def]
    page = TransfersPage(services, actor, TODAY)
    qtbot.addWidget(page)
    page.resize(1250, 600)
    page.show()
    return page


def _click(qtbot, button: QPushButton | None) -> None:  # type: ignore[no-untyped-def]
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _ok(qtbot, buttons: QDialogButtonBox) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Ok))


def _close_box(seen: dict[str, str]) -> Callable[[QMessageBox], None]:
    def close(box: QMessageBox) -> None:
        seen["text"] = box.text()
        box.accept()
    return close


def _export_through_the_page(
    qtbot, services: Services, clerk: Actor, member: int, target: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> str:
    services.transfers.issue(clerk, member, OutgoingInput(
        "中共接收委员会接收党支部", "工作调动", 2026, 11, TODAY))
    page = _page(qtbot, services, clerk)
    page.table.selectRow(0)
    assert page.export_button.isEnabled()
    monkeypatch.setattr(package_dialogs.QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target.with_suffix("")), ""))
    seen: dict[str, str] = {}
    driver = on_next_modal(_close_box(seen))
    _click(qtbot, page.export_button)
    driver.check()
    assert target.exists()  # the .bdzj suffix was added
    assert "校验码" in seen["text"] and str(target) in seen["text"]
    return seen["text"]


def test_export_then_import_in_another_installation(
    qtbot, services: Services, receiver: Services, clerk: Actor,  # type: ignore[no-untyped-def]
    add_member: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = add_member("张三", 13, phone="13800000000")
    package = tmp_path / "张三.bdzj"
    exported = _export_through_the_page(qtbot, services, clerk, member, package, monkeypatch)

    page = _page(qtbot, receiver, THEIR_ADMIN)
    monkeypatch.setattr(package_dialogs.QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(package), ""))
    seen: dict[str, str] = {}

    def preview_and_import(dialog: PackageImportDialog) -> None:
        summary = dialog.ui.summary.text()
        assert "张三" in summary and "（2026）组字第 001 号" in summary
        assert dialog.preview.checksum_text in exported  # the same 校验码 on both sides
        assert "将新建张三的党员记录" in dialog.ui.situation.text()
        _ok(qtbot, dialog.ui.buttons)
        seen["branch"] = dialog.errors.message("branch_id")
        combo_set_data(dialog.ui.branch_id, receiver.organisations.branches()[0].id)
        _ok(qtbot, dialog.ui.buttons)
        assert not dialog.isVisible(), dialog.errors.messages()

    driver = on_next_modal(preview_and_import)
    _click(qtbot, page.import_button)
    driver.check()
    assert seen["branch"] == "请选择编入的党支部"
    chosen = page.selected()
    assert chosen is not None and chosen.state_label == "已转入"
    assert chosen.member_id is not None
    detail = receiver.members.get(chosen.member_id)
    assert (detail.data.name, detail.data.phone, detail.status) == (
        "张三", "13800000000", Status.NORMAL)

    # the same package a second time is refused in the preview: the import button is off
    def refused(dialog: PackageImportDialog) -> None:
        assert "不能导入" in dialog.ui.situation.text()
        ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.reject()

    driver = on_next_modal(refused)
    _click(qtbot, page.import_button)
    driver.check()


def test_a_tampered_package_is_refused_with_a_message(
    qtbot, services: Services, receiver: Services, clerk: Actor,  # type: ignore[no-untyped-def]
    add_member: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = add_member("张三", 13)
    package = tmp_path / "张三.bdzj"
    _export_through_the_page(qtbot, services, clerk, member, package, monkeypatch)
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0xFF  # one flipped byte, as a bad USB stick would do
    package.write_bytes(bytes(data))
    page = _page(qtbot, receiver, THEIR_ADMIN)
    monkeypatch.setattr(package_dialogs.QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(package), ""))
    seen: dict[str, str] = {}
    driver = on_next_modal(_close_box(seen))
    _click(qtbot, page.import_button)
    driver.check()
    assert "未导入任何内容" in seen["text"] and "Traceback" not in seen["text"]
    assert page.model.rowCount() == 0
    assert receiver.transfers.search() == []


def test_a_forged_event_kind_is_refused_before_the_member_dialog_sees_it(
    qtbot, services: Services, receiver: Services, clerk: Actor,  # type: ignore[no-untyped-def]
    add_member: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A package rewritten with an event kind that does not exist and its hashes recomputed:
    it once imported and then broke the member dialog and the booklet; now it is refused."""
    member = add_member("张三", 13)
    package = tmp_path / "张三.bdzj"
    _export_through_the_page(qtbot, services, clerk, member, package, monkeypatch)
    contents = read_package(package.read_bytes())
    payload = dict(contents.payload)
    payload["events"] = [{**contents.payload["events"][0], "kind": "xyz"}]
    manifest = {k: v for k, v in contents.manifest.items() if k not in ("format", "files")}
    package.write_bytes(write_package(manifest, payload, contents.blobs)[0])
    page = _page(qtbot, receiver, THEIR_ADMIN)
    monkeypatch.setattr(package_dialogs.QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(package), ""))
    seen: dict[str, str] = {}
    driver = on_next_modal(_close_box(seen))
    _click(qtbot, page.import_button)
    driver.check()
    assert "转接包内容不合规：第 1 条事件的类别“xyz”不存在，未导入。" in seen["text"]
    assert page.model.rowCount() == 0 and receiver.transfers.search() == []


def test_hand_over_an_activists_file(
    qtbot, services: Services, clerk: Actor, branch_id: int,  # type: ignore[no-untyped-def]
) -> None:
    services.members.create(clerk, MemberInput(
        name="赵敏", id_number=make_id_number("110105", dt.date(2001, 3, 3), 22),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    page = _page(qtbot, services, clerk)

    def hand_over(dialog: HandoverDialog) -> None:
        type_text(qtbot, dialog.ui.search, "zm")
        dialog.refresh_people()
        assert dialog.ui.member.count() == 2 and "赵敏" in dialog.ui.member.currentText()
        _ok(qtbot, dialog.ui.buttons)
        assert set(dialog.errors.messages()) == {"to_organisation", "reason"}
        type_text(qtbot, dialog.ui.to_organisation, "中共某大学委员会某学院党支部")
        dialog.ui.reason.setCurrentText("升学")
        _ok(qtbot, dialog.ui.buttons)
        assert not dialog.isVisible(), dialog.errors.messages()

    driver = on_next_modal(hand_over)
    _click(qtbot, page.handover_button)
    driver.check()
    chosen = page.selected()
    assert chosen is not None and chosen.kind_label == "发展材料转递"
    row = page.model.row_of(chosen.id)
    assert page.model.index(row, 1).data() == "发展材料转递"
    assert not page.print_button.isEnabled()  # no 介绍信 for a handover
    assert page.export_button.isEnabled() and page.receipt_button.isEnabled()


def test_print_the_years_register(
    qtbot, services: Services, clerk: Actor,  # type: ignore[no-untyped-def]
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    services.transfers.issue(clerk, add_member("张三", 13), OutgoingInput(
        "中共接收委员会接收党支部", "工作调动", 2026, 11, TODAY))
    page = _page(qtbot, services, clerk)
    _click(qtbot, page.register_button)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert preview.suggested_name == "党员组织关系转接登记簿-2026.pdf"
    pdf = tmp_path / "register.pdf"
    pdf.write_bytes(preview.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "党员组织关系转接登记簿" in text and "张三" in text
    preview.reject()


def test_print_our_receipt_for_a_received_letter(
    qtbot, services: Services, clerk: Actor, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from branchdesk.core.transfers import IncomingInput

    services.incoming.receive(clerk, IncomingInput(
        "中共丙单位党委", "（2026）组字第 031 号", dt.date(2026, 11, 1), "赵六",
        make_id_number("110105", dt.date(1985, 1, 1), 19), Stage.FULL))
    page = _page(qtbot, services, clerk)
    page.table.selectRow(0)
    assert page.print_button.isEnabled() and page.print_button.text() == "打印回执(&P)…"
    _click(qtbot, page.print_button)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(preview.pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "赵六" in text and "特此回复" in text and "李录入" in text
    preview.reject()

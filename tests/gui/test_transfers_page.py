"""The 组织关系转接 area: issue, print, receipt, void; register, place, receipt sent back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import insert

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage, Status
from branchdesk.gui.common import combo_data, combo_set_data
from branchdesk.gui.transfer_dialogs import (
    PlaceDialog,
    TransferInDialog,
    TransferOutDialog,
    TransferReceiptDialog,
    VoidDialog,
)
from branchdesk.gui.transfers_page import STATE_COLUMN, TransferListModel, TransfersPage
from branchdesk.storage.models import Transfer

TODAY = dt.date(2026, 11, 26)
FIRST = "（2026）组字第 001 号"


def _page(qtbot, services: Services, actor: Actor) -> TransfersPage:  # type: ignore[no-untyped-def]
    page = TransfersPage(services, actor, TODAY)
    qtbot.addWidget(page)
    page.resize(1250, 600)
    page.show()
    return page


def _ok(qtbot, buttons: QDialogButtonBox) -> None:  # type: ignore[no-untyped-def]
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _save(qtbot, dialog, buttons: QDialogButtonBox) -> None:  # type: ignore[no-untyped-def]
    """Click the dialog's OK button; it must close (else the driver fails and closes it)."""
    _ok(qtbot, buttons)
    assert not dialog.isVisible(), dialog.errors.messages()


def _cells(page: TransfersPage, row: int) -> list[str]:
    model = page.model
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def _select(page: TransfersPage, number_or_name: str) -> None:
    for row in range(page.model.rowCount()):
        if number_or_name in _cells(page, row):
            page.table.selectRow(row)
            return
    raise AssertionError(f"{number_or_name} not in the list")


def _issue(services: Services, clerk: Actor, member_id: int, day: dt.date = TODAY) -> int:
    return services.transfers.issue(
        clerk, member_id, OutgoingInput("中共某某县委组织部", "工作调动", day.year, day.month, day)
    )


def test_issue_a_letter_through_the_dialog(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", phone="13800138000")
    page = _page(qtbot, services, clerk)
    assert page.count_label.text() == "共 0 件"
    seen: dict[str, object] = {}

    def fill(dialog: TransferOutDialog) -> None:
        ui = dialog.ui
        assert (ui.dues_year.value(), ui.dues_month.value()) == (2026, 11)
        assert ui.validity_days.value() == 30
        assert "最长 90 天" in ui.validity_days.toolTip()  # the administrator's default maximum
        _ok(qtbot, ui.buttons)  # nothing chosen: messages beside the fields, nothing saved
        seen["member"] = dialog.errors.message("member")
        assert dialog.isVisible()
        assert dialog.pick(member)
        _ok(qtbot, ui.buttons)
        seen["to"] = dialog.errors.message("to_organisation")
        seen["reason"] = dialog.errors.message("reason")
        type_text(qtbot, ui.to_organisation, "中共某某县委组织部")
        ui.reason.setCurrentText("工作调动")
        ui.dues_year.setValue(2028)  # more than 12 months ahead
        _ok(qtbot, ui.buttons)
        seen["dues"] = dialog.errors.message("dues")
        ui.dues_year.setValue(2026)
        ui.dues_month.setValue(10)
        ui.validity_days.setValue(60)
        type_text(qtbot, ui.contact, "王干事")
        _save(qtbot, dialog, ui.buttons)

    driver = on_next_modal(fill)
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen == {"member": "请选择要转出的党员", "to": "请填写转往的党组织",
                    "reason": "请填写转出原因，如“工作调动”",
                    "dues": "党费最多预交 12 个月，交至月份不能晚于 2027年11月"}
    assert page.count_label.text() == "共 1 件"
    cells = _cells(page, 0)
    assert cells[:5] == ["转出", FIRST, "张三", "第一党支部", "中共某某县委组织部"]
    assert cells[5:] == ["2026-11-26", "2027-01-25", "转出中"]
    letter = services.transfers.find(FIRST)
    assert (letter.dues_month, letter.validity_days, letter.contact) == (10, 60, "王干事")
    assert letter.member_phone == "13800138000"
    assert page.preview is not None and page.preview.isVisible()
    assert page.preview.pdf.startswith(b"%PDF") and page.preview.page_count() == 1
    page.preview.reject()
    assert page.print_button.isEnabled() and page.receipt_button.isEnabled()
    assert not page.place_button.isEnabled()
    preview = page.print_selected()
    assert preview is not None
    assert preview.suggested_name == "组织关系介绍信-张三-（2026）组字第001号.pdf"
    preview.reject()


def test_record_the_receipt_then_the_member_is_transferred_out(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三")
    _issue(services, clerk, member, TODAY - dt.timedelta(days=5))
    page = _page(qtbot, services, clerk)
    _select(page, FIRST)
    changed: list[bool] = []
    page.transfers_changed.connect(lambda: changed.append(True))
    seen: dict[str, str] = {}

    def fill(dialog: TransferReceiptDialog) -> None:
        ui = dialog.ui
        assert ui.receipt_organisation.text() == "中共某某县委组织部"
        _ok(qtbot, ui.buttons)
        seen["handler"] = dialog.errors.message("receipt_handler")
        type_text(qtbot, ui.receipt_handler, "刘经办")
        type_text(qtbot, ui.receipt_phone, "0571-12345678")
        _save(qtbot, dialog, ui.buttons)

    driver = on_next_modal(fill)
    qtbot.mouseClick(page.receipt_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen == {"handler": "请填写经办人"}
    assert _cells(page, 0)[-1] == "已转出"
    assert changed == [True]
    assert services.members.get(member).status is Status.TRANSFERRED_OUT
    assert not page.receipt_button.isEnabled() and not page.void_button.isEnabled()
    assert page.print_button.isEnabled()  # the file keeps the letter


def test_void_a_letter_with_a_reason(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    _issue(services, clerk, add_member("张三"))
    _issue(services, clerk, add_member("李四", 15))
    page = _page(qtbot, services, clerk)
    _select(page, "李四")
    seen: dict[str, str] = {}

    def fill(dialog: VoidDialog) -> None:
        _ok(qtbot, dialog.buttons)
        seen["reason"] = dialog.errors.message("void_reason")
        type_text(qtbot, dialog.reason, "转往党组织填写有误")
        _save(qtbot, dialog, dialog.buttons)

    driver = on_next_modal(fill)
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen == {"reason": "请填写作废原因"}
    states = {_cells(page, r)[2]: _cells(page, r)[-1] for r in range(page.model.rowCount())}
    assert states == {"张三": "转出中", "李四": "作废"}
    voided = services.transfers.find("（2026）组字第 002 号")
    assert voided.void_reason == "转往党组织填写有误"
    combo_set_data(page.state_combo, "voided")
    assert page.count_label.text() == "共 1 件" and _cells(page, 0)[2] == "李四"
    tip = page.model.index(0, STATE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "作废原因：转往党组织填写有误"


def test_register_a_new_member_coming_in_and_place_them(
    qtbot, services: Services, clerk: Actor, branch_id: int
) -> None:
    page = _page(qtbot, services, clerk)
    id_number = make_id_number("330106", dt.date(1990, 3, 8), 21)
    seen: dict[str, str] = {}

    def register(dialog: TransferInDialog) -> None:
        ui = dialog.ui
        type_text(qtbot, ui.id_number, "123")
        _ok(qtbot, ui.buttons)
        seen.update(dialog.errors.messages())
        type_text(qtbot, ui.from_organisation, "中共某某市委组织部")
        type_text(qtbot, ui.letter_number, "（2026）组字第 088 号")
        type_text(qtbot, ui.name, "陈新")
        ui.id_number.setText(id_number)
        combo_set_data(ui.stage, Stage.FULL.value)
        ui.dues_month.setValue(10)  # 党费交到 2026年10月, as the letter says
        _save(qtbot, dialog, ui.buttons)

    driver = on_next_modal(register)
    qtbot.mouseClick(page.incoming_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert set(seen) == {"from_organisation", "letter_number", "name", "id_number"}
    cells = _cells(page, 0)
    assert cells[:3] == ["转入", "（2026）组字第 088 号", "陈新"]
    assert cells[3:5] == ["中共某某市委组织部", "（待编入）"]
    assert cells[-1] == "待编入，回执未寄回"
    assert page.place_button.isEnabled() and not page.receipt_button.isEnabled()

    def place(dialog: PlaceDialog) -> None:
        _ok(qtbot, dialog.buttons)
        seen["branch"] = dialog.errors.message("branch_id")
        combo_set_data(dialog.branch, branch_id)
        assert dialog.group.count() == 2  # 不编入党小组, 第一党小组
        dialog.group.setCurrentIndex(1)
        dialog.join_date.set_value(dt.date(2015, 6, 30))
        dialog.full_member_date.set_value(dt.date(2016, 6, 30))
        _save(qtbot, dialog, dialog.buttons)

    driver = on_next_modal(place)
    qtbot.mouseClick(page.place_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen["branch"] == "请选择党支部"
    assert _cells(page, 0)[4:] == ["第一党支部", "2026-11-26", "", "已转入，回执未寄回"]
    transfer = services.transfers.search(direction="in")[0]
    assert transfer.member_id is not None
    member = services.members.get(transfer.member_id)
    assert member.data.name == "陈新" and member.status is Status.NORMAL
    assert member.data.join_date == dt.date(2015, 6, 30)
    assert member.data.dues_paid_through == dt.date(2026, 10, 1)

    def sent(dialog) -> None:  # type: ignore[no-untyped-def]
        _save(qtbot, dialog, dialog.buttons)

    driver = on_next_modal(sent)
    qtbot.mouseClick(page.sent_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert _cells(page, 0)[-1] == "已转入"
    assert not page.sent_button.isEnabled()


def test_a_returning_member_is_placed_without_new_dates(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int], branch_id: int
) -> None:
    member = add_member("张三")
    first = _issue(services, clerk, member, dt.date(2026, 1, 5))
    services.transfers.record_receipt(clerk, first, dt.date(2026, 1, 20), "外单位", "刘经办")
    id_number = services.members.get(member).data.id_number
    services.incoming.receive(clerk, IncomingInput("外单位党委", "（2026）外字第 3 号",
                                                   dt.date(2026, 11, 20), "张三", id_number))
    page = _page(qtbot, services, clerk)
    combo_set_data(page.direction_combo, "in")
    _select(page, "张三")

    def place(dialog: PlaceDialog) -> None:
        assert not dialog.join_date.isVisibleTo(dialog)
        combo_set_data(dialog.branch, branch_id)
        _save(qtbot, dialog, dialog.buttons)

    driver = on_next_modal(place)
    qtbot.mouseClick(page.place_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert services.members.get(member).status is Status.NORMAL
    assert _cells(page, 0)[-1] == "已转入，回执未寄回"


def test_overdue_letters_are_red_and_can_be_filtered(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    _issue(services, clerk, add_member("张三"), dt.date(2026, 9, 1))
    _issue(services, clerk, add_member("李四", 15))
    page = _page(qtbot, services, clerk)
    assert page.count_label.text() == "共 2 件，其中 1 件逾期未收到回执"
    combo_set_data(page.state_combo, "overdue")
    assert page.count_label.text() == "共 1 件，其中 1 件逾期未收到回执"
    index = page.model.index(0, STATE_COLUMN)
    assert index.data() == "转出中（逾期）"
    brush = index.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#c00000"
    combo_set_data(page.state_combo, None)
    page.search_edit.setText("李四")
    page.refresh()
    assert page.count_label.text() == "共 1 件"
    assert page.model.index(0, STATE_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is None
    page.search_edit.setText("组字第002")
    page.refresh()
    assert _cells(page, 0)[2] == "李四"


def test_reviewer_sees_the_list_without_the_clerk_buttons(
    qtbot, services: Services, clerk: Actor, reviewer: Actor, add_member: Callable[..., int]
) -> None:
    _issue(services, clerk, add_member("张三"))
    page = _page(qtbot, services, reviewer)
    assert page.count_label.text() == "共 1 件"
    assert all(not b.isVisible() for b in page.write_buttons)
    assert page.print_button.isVisible() and page.print_button.isEnabled()
    assert page.issue_letter() is None


@pytest.mark.parametrize("rows", [0, 3])
def test_transfer_list_model_passes_qtmodeltester(
    qtmodeltester, services: Services, clerk: Actor, add_member: Callable[..., int], rows: int
) -> None:
    for n in range(rows):
        _issue(services, clerk, add_member("张李王"[n] + "三", 13 + 2 * n))
    model = TransferListModel(services.transfer_list, TODAY, page_size=2)
    model.set_query()
    assert model.rowCount() == rows and model.rowCount(model.index(0, 0)) == 0
    assert not model.index(0, 0).isValid() or model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert model.data(QModelIndex()) is None
    qtmodeltester.check(model)


def _bulk_incoming(services: Services, count: int) -> None:
    """``count`` letters received, not yet placed, one a day back from TODAY (no audit)."""
    rows = []
    for n in range(count):
        day = TODAY - dt.timedelta(days=n)
        rows.append({
            "direction": "in", "state": "received", "member_id": None,
            "person_name": f"转入{n:03d}", "letter_number": f"（{day.year}）外字第 {n:03d} 号",
            "year": day.year, "from_organisation": "中共外单位委员会", "to_organisation": "",
            "dues_year": day.year, "dues_month": day.month, "issue_date": day,
            "arrival_date": day, "person_stage": "full", "created_by": "clerk",
        })
    with services.db.engine.begin() as connection:
        connection.execute(insert(Transfer), rows)


def test_a_long_list_reads_only_the_rows_on_screen(
    qtbot, services: Services, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bulk_incoming(services, 500)
    calls: list[int] = []
    real_rows = services.transfer_list.rows

    def counting_rows(ids: list[int]):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return real_rows(ids)

    monkeypatch.setattr(services.transfer_list, "rows", counting_rows)
    page = _page(qtbot, services, clerk)
    page.grab()  # paint the rows on screen
    assert page.count_label.text() == "共 500 件" and page.model.rowCount() == 500
    assert calls == [200] and page.model.cached == 200  # one page, not 500 rows
    assert _cells(page, 0)[:3] == ["转入", "（2026）外字第 000 号", "转入000"]
    page.table.scrollToBottom()
    page.grab()
    assert calls == [200, 100] and page.model.cached == 300
    assert _cells(page, 499)[2] == "转入499"
    wanted = page.model.transfer_id(450)
    assert wanted is not None
    page.select(wanted)
    assert page.selected_id() == wanted and page.place_button.isEnabled()
    page.refresh()  # read again: the selection stays, only the pages shown are read
    assert page.selected_id() == wanted
    assert page.model.cached <= 400
    page.search_edit.setText("外字第499")
    page.refresh()
    assert page.count_label.text() == "共 1 件" and _cells(page, 0)[2] == "转入499"


def test_year_filter(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    _issue(services, clerk, add_member("张三"), dt.date(2025, 6, 1))
    _issue(services, clerk, add_member("李四", 15))
    page = _page(qtbot, services, clerk)
    years = [page.year_combo.itemText(i) for i in range(page.year_combo.count())]
    assert years == ["全部年度", "2026 年", "2025 年"]
    assert combo_set_data(page.year_combo, 2025)
    assert page.count_label.text() == "共 1 件，其中 1 件逾期未收到回执"
    assert _cells(page, 0)[2] == "张三"
    page.reload()  # a change elsewhere keeps the year chosen
    assert combo_data(page.year_combo) == 2025 and page.count_label.text().startswith("共 1 件")


def test_the_picker_finds_members_by_name_fragment_initials_and_id(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int], branch_id: int
) -> None:
    zhang = add_member("张三")
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    other = add_member("张思远", 15, branch_id=second.id)
    add_member("李四", 17)
    add_member("张小四", 19, stage=Stage.APPLICANT, join_date=None, full_member_date=None)
    dialog = TransferOutDialog(services, clerk, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui

    def listed() -> list[str]:
        return [ui.member.item(r).text() for r in range(ui.member.count())]

    assert len(listed()) == 3  # a small branch: everybody who may be transferred, by name
    type_text(qtbot, ui.member_search, "三")  # a name fragment, as a Chinese input method types
    qtbot.waitUntil(lambda: len(listed()) == 1)
    assert listed()[0].startswith("张三（第一党支部，身份证号末四位 ")
    assert dialog.member_id() is None  # listed, not yet chosen
    ui.member_search.clear()
    type_text(qtbot, ui.member_search, "zs")  # pinyin initials
    qtbot.waitUntil(lambda: len(listed()) == 2)
    assert [t.split("，")[0] for t in listed()] == ["张三（第一党支部", "张思远（第二党支部"]
    qtbot.keyClick(ui.member_search, Qt.Key.Key_Down)  # ↓ goes to the list, first match
    assert dialog.member_id() == zhang and ui.member.hasFocus()
    assert ui.member_hint.text().startswith("已选：张三（第一党支部")
    number = services.members.get(other).data.id_number
    dialog.search_members(number[-6:])  # an ID-number fragment; 张三 no longer listed
    assert dialog.member_id() is None and len(listed()) == 1
    assert dialog.pick(other) and dialog.member_id() == other
    dialog.search_members("nobody")
    assert listed() == [] and ui.member_hint.text().startswith("没有找到")
    dialog.search_members("")
    assert len(listed()) == 3


def test_the_picker_lists_at_most_fifty(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    for n in range(52):
        add_member("王" + "一二三四五六七八九十"[n % 10] + "明" * (1 + n // 10), 11 + 2 * n)
    dialog = TransferOutDialog(services, clerk, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.ui.member.count() == 50
    assert dialog.ui.member_hint.text().startswith("只显示前 50 名")
    assert dialog.search_members("wyming") == 0 and dialog.search_members("wym") == 6


def test_the_dialog_opened_for_a_member_has_them_chosen_with_their_dues(
    qtbot, services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三")
    add_member("张三丰", 15)
    dialog = TransferOutDialog(services, clerk, member, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.member_id() == member
    assert dialog.ui.member_search.text() == "张三"
    assert (dialog.ui.dues_year.value(), dialog.ui.dues_month.value()) == (2026, 11)
    # the member record's 党费交至 month, when recorded, fills the dues fields (still editable)
    data = services.members.get(member).data
    services.members.update(clerk, member, replace(data, dues_paid_through=dt.date(2026, 8, 1)))
    again = TransferOutDialog(services, clerk, member, TODAY)
    qtbot.addWidget(again)
    assert (again.ui.dues_year.value(), again.ui.dues_month.value()) == (2026, 8)
    assert again.ui.dues_month.isEnabled()
    again.ui.dues_month.setValue(9)
    again.search_members("张")  # listing again keeps the choice and the edited month
    assert again.member_id() == member and again.ui.dues_month.value() == 9
    gone = add_member("李四", 17)
    services.members.change_status(clerk, gone, Status.SUSPENDED, TODAY, "停止党籍")
    refused = TransferOutDialog(services, clerk, gone, TODAY)
    qtbot.addWidget(refused)
    assert refused.member_id() is None
    assert refused.errors.message("member").startswith("此党员不能开具介绍信")

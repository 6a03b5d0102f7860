from __future__ import annotations

import datetime as dt

import pytest
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.vocab import EventKind, Stage, Status
from branchdesk.gui.member_dialog import MemberDialog
from branchdesk.gui.member_event_dialog import MemberEventDialog
from branchdesk.storage.roster import RosterFilter


def _open(qtbot, dialog: MemberDialog) -> MemberDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def _all_ids(services: Services) -> list[int]:
    return services.members.search_ids(RosterFilter())


def test_add_a_full_member_through_the_dialog(qtbot, services, clerk, branch_id) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk, default_branch_id=branch_id))
    type_text(qtbot, dialog.ui.name, "张三")
    qtbot.keyClicks(dialog.ui.id_number, make_id_number("110105", dt.date(1980, 5, 1), 13))
    qtbot.keyClicks(dialog.ui.phone, "13812345678")
    assert dialog.ui.stage.currentText() == "正式党员"
    dialog.ui.join_date.set_value(dt.date(2005, 7, 1))
    dialog.ui.full_member_date.set_value(dt.date(2006, 7, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.member_id is not None
    detail = services.members.get(dialog.member_id)
    assert detail.data.name == "张三"
    assert detail.data.gender == "男"
    assert detail.data.birth_date == dt.date(1980, 5, 1)
    assert detail.data.phone == "13812345678"
    assert detail.data.branch_id == branch_id
    assert detail.data.stage is Stage.FULL


def test_ctrl_s_saves_an_applicant(qtbot, services, clerk, branch_id) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk, default_branch_id=branch_id))
    type_text(qtbot, dialog.ui.name, "李四")
    qtbot.keyClicks(dialog.ui.id_number, make_id_number("330102", dt.date(2000, 1, 2), 24))
    dialog.ui.stage.setCurrentIndex(dialog.ui.stage.findText("入党申请人"))
    assert not dialog.ui.join_date.isEnabled()
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.errors.messages() == {}
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.members.get(dialog.member_id).data.stage is Stage.APPLICANT


def test_invalid_id_number_is_refused_inline(qtbot, services, clerk, branch_id) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk, default_branch_id=branch_id))
    type_text(qtbot, dialog.ui.name, "王五")
    good = make_id_number("110105", dt.date(1980, 5, 1), 13)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(dialog.ui.id_number, bad)
    dialog.ui.join_date.set_value(dt.date(2005, 7, 1))
    dialog.ui.full_member_date.set_value(dt.date(2006, 7, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "校验位不正确" in dialog.errors.message("id_number")
    assert dialog.ui.err_id_number.isVisible()
    assert dialog.ui.gender.text() == ""
    assert _all_ids(services) == []


def test_birth_date_and_gender_come_from_the_id_number(qtbot, services, clerk) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk))
    qtbot.keyClicks(dialog.ui.id_number, make_id_number("110105", dt.date(1990, 3, 15), 22))
    assert dialog.ui.gender.text() == "女"
    assert dialog.ui.birth_date.text() == "1990年3月15日"
    assert dialog.ui.gender.isReadOnly() and dialog.ui.birth_date.isReadOnly()
    dialog.ui.id_number.clear()
    assert dialog.ui.gender.text() == ""


def test_missing_fields_keep_the_dialog_open(qtbot, services, clerk) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk))
    dialog.ui.branch_id.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    messages = dialog.errors.messages()
    assert messages["name"] == "请填写姓名"
    assert messages["branch_id"] == "请选择所在党支部"
    assert messages["join_date"] == "正式党员须填写加入党组织日期"
    assert dialog.isVisible()
    assert _all_ids(services) == []


def test_stage_change_through_the_dialog_records_an_event(
    qtbot, services, clerk, add_member
) -> None:
    member_id = add_member("赵六", stage=Stage.APPLICANT, join_date=None, full_member_date=None)
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    assert not dialog.ui.stage.isEnabled()
    dialog.ui.tabs.setCurrentIndex(1)

    def fill(event_dialog: MemberEventDialog) -> None:
        assert isinstance(event_dialog, MemberEventDialog)
        assert event_dialog.ui.value.currentText() == "入党积极分子"
        type_text(qtbot, event_dialog.ui.reason, "支部委员会研究确定")
        ok = event_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    driver = on_next_modal(fill)
    qtbot.mouseClick(dialog.ui.changeStageButton, Qt.MouseButton.LeftButton)
    driver.check()

    detail = services.members.get(member_id)
    assert detail.data.stage is Stage.ACTIVIST
    assert [e.reason for e in detail.events][-1] == "支部委员会研究确定"
    assert dialog.ui.stage.currentText() == "入党积极分子"
    texts = [dialog.ui.events.item(r, 2).text() for r in range(dialog.ui.events.rowCount())]
    assert "入党申请人 → 入党积极分子" in texts
    assert dialog.modified


def test_event_without_reason_is_refused_in_the_small_dialog(
    qtbot, services, clerk, add_member
) -> None:
    member_id = add_member("钱七")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    seen: dict[str, str] = {}

    def fill(event_dialog: MemberEventDialog) -> None:
        event_dialog.ui.value.setCurrentIndex(event_dialog.ui.value.findText("去世"))
        ok = event_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen.update(event_dialog.errors.messages())
        assert event_dialog.isVisible()
        type_text(qtbot, event_dialog.ui.reason, "病故")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    driver = on_next_modal(fill)
    qtbot.mouseClick(dialog.ui.changeStatusButton, Qt.MouseButton.LeftButton)
    driver.check()
    assert seen == {"reason": "请填写变更原因"}
    assert services.members.get(member_id).status is Status.DECEASED
    assert dialog.ui.status.text() == "去世"


def test_void_then_restore_by_the_administrator(
    qtbot, services, clerk, admin, add_member
) -> None:
    member_id = add_member("孙八")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))

    def give_reason(text: str):
        def fill(event_dialog: MemberEventDialog) -> None:
            type_text(qtbot, event_dialog.ui.reason, text)
            ok = event_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return fill

    driver = on_next_modal(give_reason("重复录入"))
    qtbot.mouseClick(dialog.ui.voidButton, Qt.MouseButton.LeftButton)
    driver.check()
    assert services.members.get(member_id).voided
    assert not dialog.isVisible()  # the clerk no longer sees the voided record
    assert dialog.modified

    admin_dialog = _open(qtbot, MemberDialog(services, admin, member_id))
    assert "已作废" in admin_dialog.ui.banner.text()
    assert not admin_dialog.save_button.isVisible()
    admin_dialog.ui.tabs.setCurrentIndex(1)
    driver = on_next_modal(give_reason("误作废"))
    qtbot.mouseClick(admin_dialog.ui.restoreButton, Qt.MouseButton.LeftButton)
    driver.check()
    assert not services.members.get(member_id).voided
    assert admin_dialog.save_button.isVisible()


def test_reviewer_opens_the_record_read_only(qtbot, services, reviewer: Actor, add_member) -> None:
    member_id = add_member("周九")
    dialog = _open(qtbot, MemberDialog(services, reviewer, member_id))
    assert dialog.ui.name.isReadOnly()
    assert not dialog.ui.branch_id.isEnabled()
    assert not dialog.save_button.isVisible()
    assert not dialog.ui.changeStageButton.isVisible()
    assert "只读" in dialog.windowTitle()


def test_edit_keeps_changes_and_group_follows_branch(
    qtbot, services, clerk, add_member, branch_id
) -> None:
    member_id = add_member("吴十")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    assert dialog.ui.group_id.findText("第一党小组") >= 0
    second = services.organisations.find_by_name("第二党支部")
    assert second is not None
    dialog.ui.branch_id.setCurrentIndex(dialog.ui.branch_id.findData(second.id))
    assert dialog.ui.group_id.findText("第一党小组") < 0
    dialog.ui.job.clear()
    type_text(qtbot, dialog.ui.job, "民警")
    qtbot.keyClick(dialog.ui.job, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    data = services.members.get(member_id).data
    assert (data.job, data.branch_id) == ("民警", second.id)


@pytest.mark.parametrize("phone", ["12345", "1381234567"])
def test_bad_phone_is_shown_beside_the_field(qtbot, services, clerk, add_member, phone) -> None:
    member_id = add_member("郑一")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    qtbot.keyClicks(dialog.ui.phone, phone)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.message("phone")
    assert services.members.get(member_id).data.phone == ""


def test_discipline_and_resume_through_the_dialog(qtbot, services, clerk, add_member) -> None:
    from branchdesk.core.members import ResumeService
    from branchdesk.gui.resume_dialog import ResumeLineDialog

    member_id = add_member("赵六")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    dialog.ui.discipline.setCurrentIndex(dialog.ui.discipline.findText("警告"))
    type_text(qtbot, dialog.ui.organisations_joined, "中国共产主义青年团")
    dialog.ui.tabs.setCurrentWidget(dialog.ui.resumeTab)

    def fill(line_dialog: ResumeLineDialog) -> None:
        assert isinstance(line_dialog, ResumeLineDialog)
        qtbot.mouseClick(
            line_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
            Qt.MouseButton.LeftButton,
        )
        assert "起始年月" in line_dialog.errors.message("start")  # refused, still open
        qtbot.keyClicks(line_dialog.ui.start, "2015.09")
        qtbot.keyClicks(line_dialog.ui.end, "2018.07")
        type_text(qtbot, line_dialog.ui.what, "示例县第一中学学生")
        qtbot.mouseClick(
            line_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
            Qt.MouseButton.LeftButton,
        )

    driver = on_next_modal(fill)
    qtbot.mouseClick(dialog.ui.addResumeButton, Qt.MouseButton.LeftButton)
    driver.check()
    assert dialog.ui.resume.rowCount() == 1
    assert dialog.ui.resume.item(0, 0).text() == "2015.09—2018.07"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    data = services.members.get(member_id).data
    assert (data.discipline, data.organisations_joined) == ("警告", "中国共产主义青年团")
    (line,) = ResumeService(services.db).lines(member_id)
    assert line.what == "示例县第一中学学生"


def test_dues_month_typed_in_the_field_is_saved(qtbot, services, clerk, add_member) -> None:
    member_id = add_member("钱七")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    field = dialog.ui.dues_paid_through
    assert field.isEnabled() and field.text() == "未填"
    qtbot.waitUntil(dialog.ui.name.hasFocus)  # once the window is active
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert field.hasFocus()  # 党费交至(&U)
    qtbot.keyClicks(field, "2026")  # the year, then the cursor moves on to the month
    qtbot.keyClicks(field, "9")
    assert field.text() == "2026年9月"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.members.get(member_id).data.dues_paid_through == dt.date(2026, 9, 1)
    again = _open(qtbot, MemberDialog(services, clerk, member_id))
    assert again.ui.dues_paid_through.text() == "2026年9月"
    again.ui.dues_paid_through.setFocus()
    qtbot.keyClick(again.ui.dues_paid_through, Qt.Key.Key_Delete)
    assert again.ui.dues_paid_through.text() == "未填"
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert services.members.get(member_id).data.dues_paid_through is None


def test_dues_month_too_far_ahead_is_refused_beside_the_field(
    qtbot, services, clerk, add_member
) -> None:
    member_id = add_member("孙八")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    dialog.ui.dues_paid_through.setFocus()
    qtbot.keyClicks(dialog.ui.dues_paid_through, "202812")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.errors.message("dues_paid_through") == (
        "党费最多预交 12 个月，交至月份不能晚于 2027年11月，请核对"
    )
    assert dialog.ui.err_dues_paid_through.isVisible()
    assert services.members.get(member_id).data.dues_paid_through is None


def test_dues_month_only_for_probationary_and_full_members(qtbot, services, clerk) -> None:
    dialog = _open(qtbot, MemberDialog(services, clerk))
    field = dialog.ui.dues_paid_through
    assert field.isEnabled()  # a new record starts as 正式党员
    dialog.ui.full_member_date.setFocus()
    qtbot.waitUntil(dialog.ui.full_member_date.hasFocus)  # once the window is active
    dialog.focusNextChild()  # the tab order runs 转为正式党员日期, 党费交至, 是否失联
    assert field.hasFocus()
    dialog.focusNextChild()
    assert dialog.ui.lost_contact.hasFocus()
    field.set_value(dt.date(2026, 10, 1))
    dialog.ui.stage.setCurrentIndex(dialog.ui.stage.findText("入党积极分子"))
    assert not field.isEnabled() and field.value() is None
    dialog.ui.stage.setCurrentIndex(dialog.ui.stage.findText("预备党员"))
    assert field.isEnabled()


def test_a_reviewer_sees_the_dues_month_read_only(qtbot, services, reviewer, add_member) -> None:
    member_id = add_member("周九", dues_paid_through=dt.date(2026, 10, 1))
    dialog = _open(qtbot, MemberDialog(services, reviewer, member_id))
    assert dialog.ui.dues_paid_through.text() == "2026年10月"
    assert not dialog.ui.dues_paid_through.isEnabled()


def test_a_transferred_out_member_opens_read_only_with_the_reason(
    qtbot, services: Services, clerk: Actor, add_member
) -> None:
    from branchdesk.core.transfers import OutgoingInput

    member_id = add_member("张三", 13)
    letter = services.transfers.issue(clerk, member_id, OutgoingInput(
        "中共乙单位党委第一党支部", "工作调动", 2026, 10, dt.date(2026, 11, 2)))
    services.transfers.record_receipt(clerk, letter, dt.date(2026, 11, 10), "乙单位", "刘红")
    dialog = _open(qtbot, MemberDialog(services, clerk, member_id))
    assert dialog.read_only and not dialog.save_button.isVisible()
    assert "已转出，档案保留、只读" in dialog.ui.banner.text()
    assert dialog.ui.name.isReadOnly()
    assert not dialog.ui.changeStatusButton.isVisible()
    assert not dialog.ui.addResumeButton.isVisible()


def test_the_status_dialog_does_not_offer_transferred_out(
    qtbot, services: Services, clerk: Actor, add_member
) -> None:
    member_id = add_member("张三", 13)
    dialog = MemberEventDialog(services, clerk, services.members.get(member_id), EventKind.STATUS)
    qtbot.addWidget(dialog)
    offered = [dialog.ui.value.itemText(i) for i in range(dialog.ui.value.count())]
    assert "已转出" not in offered and "停止党籍" in offered

"""The development file through the GUI: record, review, refuse, return and correct, materials."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from development_walk import WALK, people_for, record_and_pass
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QSpinBox

from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui import development_file
from branchdesk.gui.development_file import DevelopmentFileDialog
from branchdesk.gui.step_dialogs import StepRecordDialog, StepReviewDialog

TODAY = dt.date(2026, 11, 26)
D = dt.date


@pytest.fixture
def applicant(services: Services, clerk: Actor, branch_id: int) -> int:
    return services.members.create(
        clerk,
        MemberInput(name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
                    branch_id=branch_id, stage=Stage.APPLICANT),
    )


@pytest.fixture
def full_members(add_member: Callable[..., int]) -> list[int]:
    return [add_member("张三", 13), add_member("李四", 15)]


def _file(qtbot: Any, services: Services, actor: Actor, member: int) -> DevelopmentFileDialog:
    dialog = DevelopmentFileDialog(services, actor, member, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _walk(services: Services, clerk: Actor, reviewer: Actor, member: int, upto: int,
          full: list[int]) -> None:
    """Record and pass the WALK's steps up to ``upto`` (the first review of step 6 only)."""
    seen = set()
    for step, day, details in WALK:
        if step > upto or step in seen and step == 6:
            continue
        seen.add(step)
        record_and_pass(services.development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))


def _ok(dialog: StepRecordDialog | StepReviewDialog) -> QPushButton:
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_record_and_review_the_first_steps(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int
) -> None:
    clerks_file = _file(qtbot, services, clerk, applicant)
    assert clerks_file.selected_step() == 1
    assert clerks_file.step_state_text(1) == "可办理"
    assert clerks_file.step_state_text(2) == "未开始"
    assert clerks_file.record_button.isEnabled() and not clerks_file.review_button.isVisible()
    clerks_file.select_step(2)
    assert not clerks_file.record_button.isEnabled()  # one step after another (一步一审)
    clerks_file.select_step(1)

    def record_application(dialog: StepRecordDialog) -> None:
        assert "第 1 步 递交入党申请书" in dialog.ui.heading.text()
        assert "2026年版" in dialog.ui.rulebook.text()
        dialog.ui.date.setDate(QDate(2026, 11, 1))
        type_text(qtbot, dialog.ui.content, "本人向党支部递交入党申请书")
        type_text(qtbot, dialog.editors["receiving_org"].widget, "第一党支部")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    driver = on_next_modal(record_application)
    qtbot.mouseClick(clerks_file.record_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert clerks_file.step_state_text(1) == "待审核"
    assert not clerks_file.record_button.isEnabled()
    assert not clerks_file.review_button.isVisible()
    [record] = services.development.records(applicant)
    assert record.details == {"receiving_org": "第一党支部"} and record.date == D(2026, 11, 1)
    assert "FZ" in clerks_file.header.text()

    reviewers_file = _file(qtbot, services, reviewer, applicant)
    assert reviewers_file.selected_step() == 1
    assert reviewers_file.review_button.isEnabled()
    assert not reviewers_file.record_button.isVisible()

    def approve(dialog: StepReviewDialog) -> None:
        assert not dialog.ui.reviewer_name.isVisibleTo(dialog)  # signed as the logged-in 审核人
        type_text(qtbot, dialog.ui.opinion, "符合规定")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    driver = on_next_modal(approve)
    qtbot.mouseClick(reviewers_file.review_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert reviewers_file.step_state_text(1) == "已完成"
    assert reviewers_file.step_state_text(2) == "可办理"
    assert reviewers_file.state_of(2).detail == "期限 2026年12月1日"
    assert "审核通过" in reviewers_file.details.toPlainText()

    clerks_file.reload()
    assert clerks_file.selected_step() == 1
    clerks_file.select_step(2)
    assert clerks_file.record_button.isEnabled()

    def record_talk(dialog: StepRecordDialog) -> None:
        dialog.ui.date.setDate(QDate(2026, 11, 20))
        type_text(qtbot, dialog.editors["talker"].widget, "王书记")
        type_text(qtbot, dialog.editors["talker_post"].widget, "支部书记")
        type_text(qtbot, dialog.editors["content"].widget, "了解入党动机")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    driver = on_next_modal(record_talk)
    clerks_file.activateWindow()
    qtbot.waitUntil(clerks_file.isActiveWindow)
    qtbot.keyClick(clerks_file, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: driver.seen is not None)  # a shortcut clicks a button animated
    driver.check()
    assert clerks_file.step_state_text(2) == "待审核"
    talk = services.development.records(applicant)[-1]
    assert talk.details == {
        "talker": "王书记", "talker_post": "支部书记", "content": "了解入党动机",
    }


def test_an_early_step_is_refused_with_its_article(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    full_members: list[int],
) -> None:
    _walk(services, clerk, reviewer, applicant, 6, full_members)
    dialog = StepRecordDialog(services, clerk, applicant, 7)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.date.setDate(QDate(2025, 2, 1))
    assert "2014年版" in dialog.ui.rulebook.text()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    message = dialog.errors.message("")
    assert "第十三条" in message and "最早可于 2025年3月1日" in message
    assert dialog.ui.err_general.isVisible() and dialog.isVisible()
    assert [r.step for r in services.development.records(applicant)].count(7) == 0

    dialog.ui.date.setDate(QDate(2025, 3, 1))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.record_id is not None and not dialog.isVisible()


def test_a_late_step_needs_a_reason(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int
) -> None:
    record_and_pass(services.development, clerk, reviewer, applicant, 1, D(2026, 6, 1), {}, [])
    dialog = StepRecordDialog(services, clerk, applicant, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.reasonBox.isVisible()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.ui.reasonBox.isVisible()
    assert "第七条" in dialog.ui.reasonHint.text() and "已逾期" in dialog.ui.reasonHint.text()
    assert dialog.errors.message("exception_reason")
    assert services.development.records(applicant)[-1].step == 1
    type_text(qtbot, dialog.ui.exception_reason, "申请人外出培训")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services.development.records(applicant)[-1].exception_reason == "申请人外出培训"


def test_check_shows_findings_without_saving(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    full_members: list[int],
) -> None:
    _walk(services, clerk, reviewer, applicant, 14, full_members)
    dialog = StepRecordDialog(services, clerk, applicant, 15)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.date.setDate(QDate(2025, 5, 10))
    for key, value in (("entitled", 10), ("present", 5), ("yes", 5)):
        spin = dialog.editors[key].widget
        assert isinstance(spin, QSpinBox) and spin.specialValueText() == "未填"
        spin.setValue(value)
    qtbot.mouseClick(dialog.ui.checkButton, Qt.MouseButton.LeftButton)
    text = dialog.ui.findings.text()
    assert "至少须6人" in text and "请填写「表决方式」" in text
    assert [r.step for r in services.development.records(applicant)].count(15) == 0


def test_sponsors_are_picked_from_full_members_of_the_branch(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    full_members: list[int], add_member: Callable[..., int],
) -> None:
    add_member("赵六", 17, stage=Stage.ACTIVIST, join_date=None, full_member_date=None)
    _walk(services, clerk, reviewer, applicant, 8, full_members)
    dialog = StepRecordDialog(services, clerk, applicant, 9)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.date.setDate(QDate(2025, 3, 25))
    names = [dialog.ui.personCombo.itemText(i) for i in range(dialog.ui.personCombo.count())]
    assert sorted(names) == ["张三", "李四"]
    assert "入党介绍人（2 名" in dialog.ui.peopleBox.title()
    dialog.ui.personCombo.setCurrentIndex(0)
    type_text(qtbot, dialog.ui.personPost, "科长")
    qtbot.mouseClick(dialog.ui.addPerson, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert "入党介绍人须为2名" in dialog.errors.message("")
    dialog.ui.personCombo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.ui.addPerson, Qt.MouseButton.LeftButton)
    assert not dialog.ui.addPerson.isEnabled()  # at the maximum
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    record = services.development.records(applicant)[-1]
    posts = {p.name: p.post for p in record.people}
    assert set(posts) == {"张三", "李四"} and posts[names[0]] == "科长"


def test_returned_step_is_corrected_and_history_kept(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int
) -> None:
    record_and_pass(services.development, clerk, reviewer, applicant, 1, D(2026, 10, 8), {}, [])
    first = services.development.record(
        clerk, applicant,
        StepInput(2, D(2026, 10, 20), details={"talker": "王书记", "place": "会议室"}),
    )
    services.development.review(reviewer, first, False, "谈话地点应为支部办公室")
    window = _file(qtbot, services, clerk, applicant)
    assert window.selected_step() == 2 and window.step_state_text(2) == "已退回"
    assert window.correct_button.isEnabled() and not window.record_button.isEnabled()

    def correct(dialog: StepRecordDialog) -> None:
        assert dialog.windowTitle().startswith("更正第 2 步")
        assert "谈话地点应为支部办公室" in dialog.ui.findings.text()
        place = dialog.editors["place"].widget
        assert place.text() == "会议室"  # type: ignore[attr-defined]
        place.clear()  # type: ignore[attr-defined]
        type_text(qtbot, place, "支部办公室")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    driver = on_next_modal(correct)
    qtbot.mouseClick(window.correct_button, Qt.MouseButton.LeftButton)
    driver.check()
    versions = [r for r in services.development.records(applicant) if r.step == 2]
    assert [(r.version, r.state) for r in versions] == [(1, "superseded"), (2, "pending")]
    assert versions[1].details["place"] == "支部办公室"
    assert window.step_state_text(2) == "待审核"
    text = window.details.toPlainText()
    assert "已更正" in text and "退回" in text and "谈话地点应为支部办公室" in text


def test_paper_review_naming_the_recorder_is_refused(
    qtbot: Any, services: Services, clerk: Actor, applicant: int
) -> None:
    services.development.record(clerk, applicant, StepInput(1, D(2026, 10, 8)))
    window = _file(qtbot, services, clerk, applicant)
    assert window.paper_button.isEnabled()
    dialog = window.review_dialog(on_paper=True)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.reviewer_name.isVisible()
    type_text(qtbot, dialog.ui.reviewer_name, "李录入")
    type_text(qtbot, dialog.ui.reviewer_post, "组织委员")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.errors.message("reviewer_name") == "审核人不能是这条记录的录入人"
    assert services.development.records(applicant)[0].state == "pending"

    dialog.ui.reviewer_name.clear()
    type_text(qtbot, dialog.ui.reviewer_name, "王书记")
    dialog.ui.returned.setChecked(True)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.errors.message("opinion") == "退回时请写明需要更正的内容"
    dialog.ui.passed.setChecked(True)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    window.reload()
    assert window.step_state_text(1) == "已完成"
    assert "【纸质审核】" in window.details.toPlainText()


def test_materials_added_and_opened(
    qtbot: Any, services: Services, clerk: Actor, applicant: int, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.development.record(clerk, applicant, StepInput(1, D(2026, 10, 8)))
    window = _file(qtbot, services, clerk, applicant)
    scan = tmp_path / "申请书.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)

    dialog = window.material_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.link.isChecked() and "第 1 步" in dialog.link.text()
    dialog.path.setText(str(scan))
    dialog.category.setCurrentIndex(dialog.category.findData("入党申请书"))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(  # type: ignore[union-attr]
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.errors.message("title") == "请填写材料名称"
    type_text(qtbot, dialog.title, "入党申请书")
    dialog.submit()
    assert not dialog.isVisible()

    paper = window.material_dialog()
    qtbot.addWidget(paper)
    paper.show()
    paper.paper.setChecked(True)
    assert paper.place.isVisible() and not paper.path.isEnabled()
    type_text(qtbot, paper.title, "谈话记录")
    paper.category.setCurrentIndex(paper.category.findData("谈话记录"))
    paper.submit()
    assert "存放位置" in paper.errors.message("reference")
    type_text(qtbot, paper.place, "档案柜第3盒")
    paper.submit()
    assert not paper.isVisible()

    window.reload()
    assert window.material_list.topLevelItemCount() == 2
    assert "扫描件" in window.details.toPlainText()
    opened: list[QUrl] = []
    monkeypatch.setattr(development_file.QDesktopServices, "openUrl", opened.append)
    window.material_list.setCurrentItem(window.material_list.topLevelItem(0))
    assert window.open_button.isEnabled()
    written = window.open_material()
    assert written is not None and written.read_bytes() == scan.read_bytes()
    assert opened and opened[0].toLocalFile() == str(written)
    window.material_list.setCurrentItem(window.material_list.topLevelItem(1))
    assert not window.open_button.isEnabled()  # a paper original has nothing to open


def test_booklet_previewed_printed_and_saved(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from branchdesk.gui import pdf_preview

    record_and_pass(services.development, clerk, reviewer, applicant, 1, D(2026, 10, 8), {}, [])
    window = _file(qtbot, services, clerk, applicant)
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    preview = window.preview
    assert preview.isVisible() and preview.page_count() > 2
    assert "王堃" in preview.windowTitle()

    opened: list[QUrl] = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url)
                        or True)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.opened is not None and opened[0].toLocalFile() == str(preview.opened)
    assert preview.opened.read_bytes().startswith(b"%PDF")

    monkeypatch.setattr(pdf_preview, "show_info", lambda *_args: None)
    saved = preview.save_to(tmp_path / "纪实表")
    assert saved == tmp_path / "纪实表.pdf" and saved.read_bytes() == preview.pdf


def test_a_warning_is_shown_before_saving(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, applicant: int,
    full_members: list[int],
) -> None:
    from branchdesk.storage.models import Member

    with services.db.write("admin", "测试：党纪处分") as s:
        sponsor = s.get(Member, full_members[0])
        assert sponsor is not None
        sponsor.discipline = "警告"
    _walk(services, clerk, reviewer, applicant, 8, full_members)
    dialog = StepRecordDialog(services, clerk, applicant, 9)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.date.setDate(QDate(2026, 6, 1))
    for index in range(2):
        dialog.ui.personCombo.setCurrentIndex(index)
        qtbot.mouseClick(dialog.ui.addPerson, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert "张三受警告处分" in dialog.ui.findings.text() and "第十四条" in dialog.ui.findings.text()
    assert dialog.isVisible() and [r.step for r in services.development.records(applicant)][-1] == 8
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)  # confirmed: saved
    assert not dialog.isVisible()
    assert services.development.records(applicant)[-1].step == 9

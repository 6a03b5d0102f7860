"""One applicant taken through all 25 steps in the GUI: recorded by the clerk, reviewed by
the 审核人, with a refused early step, a returned and corrected step and a self-review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from development_walk import WALK, people_for
from dialog_driver import on_next_modal, type_text
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.materials import MATERIAL_CATEGORIES
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.gui.development_file import DevelopmentFileDialog
from branchdesk.gui.step_dialogs import StepRecordDialog, StepReviewDialog

TODAY = dt.date(2026, 11, 26)


def _ok(dialog: StepRecordDialog | StepReviewDialog) -> QPushButton:
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _fill(qtbot: Any, dialog: StepRecordDialog, day: dt.date, details: dict[str, Any],
          people: list[tuple[int, str]]) -> None:
    dialog.ui.date.setDate(_qdate(day))
    for key, value in details.items():
        if key in dialog.editors:
            dialog.editors[key].set_value(value.isoformat() if isinstance(value, dt.date)
                                          else value)
    if dialog.step == 14:
        qtbot.keyClicks(dialog.ui.serial_number, "2025000123")
    for member_id, _post in people:
        dialog.ui.personCombo.setCurrentIndex(dialog.ui.personCombo.findData(member_id))
        qtbot.mouseClick(dialog.ui.addPerson, Qt.MouseButton.LeftButton)


def test_one_applicant_through_all_25_steps(
    qtbot: Any, services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    applicant = services.members.create(
        clerk,
        MemberInput(name="王堃", id_number=make_id_number("110105", dt.date(2000, 2, 29), 11),
                    branch_id=branch_id, stage=Stage.APPLICANT),
    )
    full = [add_member("张三", 13), add_member("李四", 15)]
    for category in MATERIAL_CATEGORIES[:-1]:
        services.materials.add_paper(clerk, applicant, category, category, "档案柜第 1 盒")
    clerks = DevelopmentFileDialog(services, clerk, applicant, TODAY)
    reviewers = DevelopmentFileDialog(services, reviewer, applicant, TODAY)
    for window in (clerks, reviewers):
        qtbot.addWidget(window)
        window.show()

    def record(step: int, day: dt.date, details: dict[str, Any]) -> None:
        clerks.reload()
        clerks.select_step(step)
        assert clerks.record_button.isEnabled(), f"step {step}: {clerks.step_state_text(step)}"
        driver = on_next_modal(
            lambda dialog: (
                _fill(qtbot, dialog, day, details, people_for(step, full)),
                qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton),
            )
        )
        qtbot.mouseClick(clerks.record_button, Qt.MouseButton.LeftButton)
        driver.check()
        clerks.reload()
        clerks.select_step(step)
        assert clerks.step_state_text(step) == "待审核", f"step {step} was not saved"

    def review(step: int, passed: bool, opinion: str) -> None:
        reviewers.reload()
        reviewers.select_step(step)

        def decide(dialog: StepReviewDialog) -> None:
            (dialog.ui.passed if passed else dialog.ui.returned).setChecked(True)
            type_text(qtbot, dialog.ui.opinion, opinion)
            qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

        driver = on_next_modal(decide)
        qtbot.mouseClick(reviewers.review_button, Qt.MouseButton.LeftButton)
        driver.check()

    for step, day, details in WALK:
        if step == 7:
            # refused: less than a year after the activist was determined (§13)
            def too_early(dialog: StepRecordDialog) -> None:
                _fill(qtbot, dialog, dt.date(2025, 2, 27), {}, [])
                qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
                message = "".join(dialog.errors.messages().values())
                assert "第十三条" in message and "2025年3月1日" in message
                dialog.reject()

            clerks.reload()
            clerks.select_step(7)
            driver = on_next_modal(too_early)
            qtbot.mouseClick(clerks.record_button, Qt.MouseButton.LeftButton)
            driver.check()
        record(step, day, details)
        if step == 1:
            # nobody reviews their own record: a paper review naming the recorder is refused
            def self_review(dialog: StepReviewDialog) -> None:
                type_text(qtbot, dialog.ui.reviewer_name, "李录入")
                type_text(qtbot, dialog.ui.reviewer_post, "组织委员")
                qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
                assert "录入人" in dialog.errors.messages()["reviewer_name"]
                dialog.reject()

            driver = on_next_modal(self_review)
            qtbot.mouseClick(clerks.paper_button, Qt.MouseButton.LeftButton)
            driver.check()
        if step == 10:
            review(10, False, "政审材料缺直系亲属情况，请补充")
            clerks.reload()
            clerks.select_step(10)
            assert clerks.step_state_text(10) == "已退回"

            def correct(dialog: StepRecordDialog) -> None:
                dialog.editors["conclusion"].set_value("政治审查合格（已补充直系亲属情况）")
                qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

            driver = on_next_modal(correct)
            qtbot.mouseClick(clerks.correct_button, Qt.MouseButton.LeftButton)
            driver.check()
        review(step, True, "同意")

    clerks.reload()
    assert [clerks.step_state_text(n) for n in range(1, 26)] == ["已完成"] * 25
    member = services.members.get(applicant).data
    assert member.stage is Stage.FULL
    assert (member.join_date, member.full_member_date) == (dt.date(2025, 5, 10),
                                                           dt.date(2026, 5, 10))
    versions = [r.state for r in services.development.records(applicant) if r.step == 10]
    assert versions == ["superseded", "passed"]

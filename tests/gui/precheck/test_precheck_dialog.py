"""档案预审 through the GUI: the real check on a test database, grouped, opened, printed."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from development_walk import WALK, people_for, record_and_pass
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Stage
from branchdesk.gui.development_file import DevelopmentFileDialog
from branchdesk.gui.development_page import DevelopmentPage
from branchdesk.gui.precheck import precheck_dialog
from branchdesk.gui.precheck.precheck_dialog import PrecheckDialog, PrecheckScope
from branchdesk.gui.precheck.problem_model import CATEGORY_COLUMN, ERROR_COLOUR, STEP_COLUMN

TODAY = dt.date(2026, 11, 26)
D = dt.date


class Files:
    """王堃 (all steps to 24, no materials: errors and warnings), 刘燚 (step 1, no
    materials: warnings only) in 第一党支部; 陈玥 (step 1, materials on file) in 第二党支部."""

    def __init__(self, services: Services, clerk: Actor, reviewer: Actor, first: int,
                 second: int, full: list[int]) -> None:
        def applicant(name: str, born: dt.date, sequence: int, branch: int) -> int:
            return services.members.create(clerk, MemberInput(
                name=name, id_number=make_id_number("110105", born, sequence),
                branch_id=branch, stage=Stage.APPLICANT,
            ))

        def first_step(member: int) -> int:
            record = services.development.record(clerk, member, StepInput(1, D(2026, 10, 1)))
            services.development.review(reviewer, record, True, "同意")
            return record

        self.wang = applicant("王堃", D(2000, 2, 29), 11, first)
        done: set[int] = set()
        for step, day, details in WALK:
            if step in done or step == 25:
                continue
            done.add(step)
            record_and_pass(services.development, clerk, reviewer, self.wang, step, day,
                            details, people_for(step, full))
        self.liu = applicant("刘燚", D(2001, 3, 1), 21, first)
        first_step(self.liu)
        self.chen = applicant("陈玥", D(2002, 4, 2), 31, second)
        record = first_step(self.chen)
        for category in ("入党申请书", "发展党员全程纪实表"):
            services.materials.add_paper(clerk, self.chen, category, category, "档案柜第 1 盒",
                                         record)


@pytest.fixture
def files(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
          add_member: Callable[..., int]) -> Files:
    second = services.organisations.find_by_name("第二党支部", OrgKind.BRANCH)
    assert second is not None
    full = [add_member("张三", 13), add_member("李四", 15)]
    return Files(services, clerk, reviewer, branch_id, second.id, full)


def _dialog(qtbot: Any, services: Services, actor: Actor, scope: PrecheckScope,
            **options: Any) -> PrecheckDialog:
    dialog = PrecheckDialog(services, actor, scope, TODAY, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _children(dialog: PrecheckDialog, row: int) -> list[QModelIndex]:
    model = dialog.model
    parent = model.index(row, 0)
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def _texts(widget: QWidget) -> list[str]:
    """Every button's and label's text in ``widget`` (what a clerk reads)."""
    found = [b.text() for b in widget.findChildren(QAbstractButton)]
    return found + [label.text() for label in widget.findChildren(QLabel)]


def _mnemonics(widget: QWidget) -> list[str]:
    texts = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget)]
    texts += [label.text() for label in widget.findChildren(QLabel)
              if label.buddy() and label.isVisibleTo(widget)]
    return [m.upper() for t in texts for m in re.findall(r"&(\w)", t)]


def test_the_branch_check_lists_the_problems_by_member(
    qtbot: Any, qtmodeltester: Any, services: Services, clerk: Actor, branch_id: int,
    files: Files,
) -> None:
    expected = services.precheck.check_branch(branch_id)
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("第一党支部", branch_ids=(branch_id,)))
    qtmodeltester.check(dialog.model)
    model = dialog.model
    # a row per member with problems, in the check's order; the clean file is not listed
    names = [m.name for m in model.members]
    assert sorted(names) == ["刘燚", "王堃"] and names == list(dict.fromkeys(
        p.name for p in expected))
    for row, member in enumerate(model.members):
        mine = [p for p in expected if p.member_id == member.member_id]
        assert [model.problem_at(i) for i in _children(dialog, row)] == mine
        errors = sum(p.is_error for p in mine)
        heading = model.index(row, STEP_COLUMN).data()
        assert heading.startswith(f"{member.name}　公民身份号码 {mine[0].id_number}　")
        assert heading.endswith(
            "、".join(([f"错误 {errors} 项"] if errors else [])
                     + [f"提醒 {len(mine) - errors} 项"]))
        assert dialog.ui.problems.isFirstColumnSpanned(row, QModelIndex())
    wang_row = names.index("王堃")
    wang = [model.problem_at(i) for i in _children(dialog, wang_row)]
    liu = [model.problem_at(i) for i in _children(dialog, names.index("刘燚"))]
    assert any(p is not None and p.is_error for p in wang)
    assert liu and all(p is not None and not p.is_error for p in liu)
    # the columns: 步骤, 类别, 问题, 依据; an error's 类别 in red, a warning's not
    first_error = next(i for i in _children(dialog, wang_row) if model.problem_at(i).is_error)
    problem = model.problem_at(first_error)
    assert problem is not None
    cells = [model.index(first_error.row(), c, first_error.parent()).data() for c in range(4)]
    assert cells == [f"第 {problem.step} 步 {problem.step_name}", "错误", problem.message,
                     problem.rule]
    category = model.index(first_error.row(), CATEGORY_COLUMN, first_error.parent())
    brush = category.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == ERROR_COLOUR
    warning = _children(dialog, names.index("刘燚"))[0]
    plain = model.index(warning.row(), CATEGORY_COLUMN, warning.parent())
    assert plain.data() == "提醒" and plain.data(Qt.ItemDataRole.ForegroundRole) is None
    errors = sum(p.is_error for p in expected)
    assert dialog.ui.summary.text() == (
        f"共 2 人的档案有问题：<span style='color:#c00000'><b>错误 {errors} 项、"
        f"提醒 {len(expected) - errors} 项</b></span>。"
    )
    assert "预审日期：2026年11月26日" in dialog.ui.heading.text()
    # the selected problem is shown in full under the list
    dialog.ui.problems.setCurrentIndex(first_error)
    assert problem.message in dialog.ui.detail.text()
    assert problem.rule in dialog.ui.detail.text()


def test_a_clean_file_says_no_problem_and_esc_closes(
    qtbot: Any, services: Services, clerk: Actor, files: Files,
) -> None:
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("陈玥", member_id=files.chen))
    assert dialog.model.rowCount() == 0
    assert dialog.ui.summary.text() == "<b>未发现问题。</b>"
    assert dialog.ui.print_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_double_click_opens_the_members_file_at_the_step(
    qtbot: Any, services: Services, clerk: Actor, branch_id: int, files: Files,
) -> None:
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("第一党支部", branch_ids=(branch_id,)))
    row = [m.name for m in dialog.model.members].index("王堃")
    index = next(i for i in _children(dialog, row)
                 if (p := dialog.model.problem_at(i)) is not None and p.step > 2)
    problem = dialog.model.problem_at(index)
    assert problem is not None
    tree = dialog.ui.problems
    tree.scrollTo(index)
    centre = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    opened = dialog.file_dialog
    assert isinstance(opened, DevelopmentFileDialog) and opened.isVisible()
    assert opened.member_id == files.wang and opened.selected_step() == problem.step
    assert opened.parent() is dialog  # over the list, which stays open behind it
    opened.reject()
    assert dialog.isVisible()
    # Enter on a member's row opens the file as a whole
    tree.setCurrentIndex(dialog.model.index(row, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert dialog.file_dialog is not opened and dialog.file_dialog.member_id == files.wang
    dialog.file_dialog.reject()


def test_the_file_has_a_precheck_button_that_checks_only_that_member(
    qtbot: Any, services: Services, clerk: Actor, files: Files,
) -> None:
    file = DevelopmentFileDialog(services, clerk, files.wang, TODAY)
    qtbot.addWidget(file)
    file.show()
    file.select_step(1)
    qtbot.mouseClick(file.precheck_button, Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in file.findChildren(PrecheckDialog) if d.isVisible()]
    assert dialog.isModal()
    assert {m.name for m in dialog.model.members} == {"王堃"}
    assert dialog.problems == services.precheck.check_member(files.wang)
    assert "王堃（公民身份号码 " in dialog.ui.heading.text()
    index = next(i for i in _children(dialog, 0)
                 if (p := dialog.model.problem_at(i)) is not None and p.step > 2)
    problem = dialog.model.problem_at(index)
    assert problem is not None
    dialog.ui.problems.setCurrentIndex(index)
    qtbot.keyClick(dialog.ui.problems, Qt.Key.Key_Return)
    # the list closes and the file shows the problem's step
    assert not dialog.isVisible() and file.isVisible()
    assert file.selected_step() == problem.step
    assert "档案预审(&Y)…" in _texts(file)
    assert len(_mnemonics(file)) == len(set(_mnemonics(file)))


def test_the_development_page_checks_the_chosen_branch(
    qtbot: Any, services: Services, clerk: Actor, files: Files,
) -> None:
    page = DevelopmentPage(services, clerk, TODAY)
    qtbot.addWidget(page)
    page.show()
    assert len(_mnemonics(page)) == len(set(_mnemonics(page)))
    assert page.select_branch("第二党支部")
    qtbot.mouseClick(page.precheck_button, Qt.MouseButton.LeftButton)
    dialog = page.precheck_dialog
    assert dialog.isVisible() and dialog.scope.label == "第二党支部"
    assert dialog.ui.summary.text() == "<b>未发现问题。</b>"  # only 陈玥, whose file is sound
    dialog.reject()
    page.org_combo.setCurrentIndex(0)  # 全部组织
    qtbot.mouseClick(page.precheck_button, Qt.MouseButton.LeftButton)
    dialog = page.precheck_dialog
    assert dialog.scope.label == "全部党支部"
    assert {m.name for m in dialog.model.members} == {"王堃", "刘燚"}
    # several branches checked: each member's heading names the branch
    assert "　第一党支部　" in dialog.model.index(0, 0).data()
    dialog.reject()


def test_the_dialog_speaks_chinese_with_distinct_shortcuts(
    qtbot: Any, services: Services, clerk: Actor, branch_id: int, files: Files,
) -> None:
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("第一党支部", branch_ids=(branch_id,)))
    texts = _texts(dialog) + [dialog.windowTitle()]
    texts += [str(dialog.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    for text in texts:
        plain = re.sub(r"<[^>]+>|&\w+;|&\w|#[0-9a-f]{6}|\d{17}[\dX]", "", text)
        assert not re.search(r"[A-Za-z]{2,}", plain), text
    assert sorted(_mnemonics(dialog)) == ["L", "P", "R"]
    assert dialog.ui.print_button.text() == "打印预审意见(&P)…"
    assert dialog.ui.close_button.text() == "关闭"


def test_a_check_that_fails_says_why_and_prints_nothing(
    qtbot: Any, services: Services, clerk: Actor, monkeypatch: pytest.MonkeyPatch,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(precheck_dialog, "show_error", lambda _p, exc: told.append(str(exc)))
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("已撤销", branch_ids=(99999,)))
    assert told == ["党支部不存在"]
    assert "检查未能完成" in dialog.ui.summary.text()
    assert not dialog.ui.print_button.isEnabled() and dialog.print_opinion() is None
    assert dialog.ui.recheck_button.isEnabled()


def test_the_printed_opinion(
    qtbot: Any, services: Services, clerk: Actor, branch_id: int, files: Files,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("第一党支部", branch_ids=(branch_id,)))
    qtbot.mouseClick(dialog.ui.print_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview
    assert preview is not None and preview.isVisible()
    assert preview.suggested_name == "发展党员档案预审意见-第一党支部-20261126.pdf"
    target = tmp_path / "预审意见.pdf"
    target.write_bytes(preview.pdf)
    preview.reject()
    raw = subprocess.run(["pdftotext", "-raw", str(target), "-"], capture_output=True,
                         text=True, check=True).stdout
    text = re.sub(r"\s+", "", raw)
    assert "发展党员档案预审意见中共测试委员会第一党支部预审日期：2026年11月26日" in text
    problems: list[FileProblem] = dialog.problems
    errors = sum(p.severity is ProblemSeverity.ERROR for p in problems)
    assert f"共2人的档案有问题：错误{errors}项、提醒{len(problems) - errors}项。" in text
    for problem in problems:
        assert re.sub(r"\s+", "", problem.message) in text
    assert "预审人（组织员）：日期：年月日" in text and "党委（盖章）" in text
    assert re.search(r"校验码[0-9A-Z]{4}-", text)  # printed from the database: stamped
    pages = subprocess.run(["pdftoppm", "-png", "-r", "40", str(target), str(tmp_path / "p")],
                           check=True)
    assert pages.returncode == 0 and len(list(tmp_path.glob("p*.png"))) == raw.count("\f")


def test_a_file_changed_from_the_list_is_checked_again_when_it_closes(
    qtbot: Any, services: Services, clerk: Actor, branch_id: int, files: Files,
) -> None:
    dialog = _dialog(qtbot, services, clerk, PrecheckScope("第一党支部", branch_ids=(branch_id,)))
    changed: list[bool] = []
    dialog.files_changed.connect(lambda: changed.append(True))
    row = [m.name for m in dialog.model.members].index("刘燚")
    before = [dialog.model.problem_at(i) for i in _children(dialog, row)]
    missing = next(p for p in before if p is not None and "「入党申请书」" in p.message)
    index = next(i for i in _children(dialog, row) if dialog.model.problem_at(i) is missing)
    dialog.open_problem(index)
    opened = dialog.file_dialog
    assert opened is not None and opened.selected_step() == 1
    # the clerk registers the paper application in the file that opened
    record = opened.state_of(1).records[-1].id
    services.materials.add_paper(clerk, files.liu, "入党申请书", "入党申请书", "档案柜第 2 盒",
                                 record)
    opened._done()  # what the file does after any change: reload, tell who listens
    assert changed == [True]
    opened.reject()
    row = [m.name for m in dialog.model.members].index("刘燚")
    after = [dialog.model.problem_at(i) for i in _children(dialog, row)]
    assert len(after) == len(before) - 1
    assert not any(p is not None and "「入党申请书」" in p.message for p in after)

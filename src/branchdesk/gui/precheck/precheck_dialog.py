"""档案预审: a whole-file check's problems by member; open a problem's step, print the opinion."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QHeaderView, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.precheck.problems import FileProblem
from branchdesk.core.services import Services
from branchdesk.gui.common import show_error
from branchdesk.gui.forms.ui_precheck_dialog import Ui_PrecheckDialog
from branchdesk.gui.precheck.check_job import PrecheckJob
from branchdesk.gui.precheck.problem_model import (
    CATEGORY_COLUMN,
    MESSAGE_COLUMN,
    RULE_COLUMN,
    STEP_COLUMN,
    ProblemTreeModel,
)
from branchdesk.gui.signals import emit
from branchdesk.gui.wait_cursor import wait_cursor
from branchdesk.reports.precheck.opinion_data import counts_text, date_text, step_text

if TYPE_CHECKING:
    from branchdesk.gui.development_file import DevelopmentFileDialog
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

#: opens a member's file at a step (None: the file as a whole)
OpenStep = Callable[[int, int | None], None]
TITLE = "档案预审"
ERROR_COLOUR = "#c00000"


@dataclass(frozen=True)
class PrecheckScope:
    """What a 档案预审 covers: one member's file, or the files of some branches."""

    label: str  # shown and printed: 第一党支部, or 第一党支部　张三（公民身份号码 …）
    member_id: int | None = None
    branch_ids: tuple[int, ...] = ()

    @property
    def several_branches(self) -> bool:
        """Whether the check covers more than one branch (each member's is then named)."""
        return len(self.branch_ids) > 1

    def run(self, services: Services) -> list[FileProblem]:
        """The check's problems, now."""
        check = services.precheck
        if self.member_id is not None:
            return check.check_member(self.member_id)
        return [p for branch in self.branch_ids for p in check.check_branch(branch)]


class PrecheckDialog(QDialog):
    """The problems the whole-file check finds, grouped by member; 打印预审意见 prints them."""

    #: emitted when a file opened from the list was changed
    files_changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, scope: PrecheckScope,
        today: dt.date | None = None, parent: QWidget | None = None,
        open_step: OpenStep | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.scope = services, actor, scope
        self._today = today
        self._open_step = open_step
        self.problems: list[FileProblem] = []
        self.checked_on = self.today()
        self.file_dialog: DevelopmentFileDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self._changed = False
        self._running = False
        self.ui = Ui_PrecheckDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{TITLE} — {scope.label}")
        self.model = ProblemTreeModel(self)
        tree = self.ui.problems
        tree.setModel(self.model)
        tree.setExpandsOnDoubleClick(False)
        header = tree.header()
        header.setStretchLastSection(False)
        em = tree.fontMetrics().horizontalAdvance("中")
        for column, chars in ((STEP_COLUMN, 13), (CATEGORY_COLUMN, 3), (RULE_COLUMN, 13)):
            header.resizeSection(column, em * chars + 24)
        header.setSectionResizeMode(MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RULE_COLUMN, QHeaderView.ResizeMode.Interactive)
        tree.activated.connect(self.open_problem)
        tree.selectionModel().currentChanged.connect(lambda current, _old: self._show(current))
        self.ui.print_button.clicked.connect(lambda _checked=False: self.print_opinion())
        self.ui.recheck_button.clicked.connect(lambda _checked=False: self.run_check())
        self.ui.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_opinion)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.run_check)
        self._fit_to_screen(900, 580)
        self.run_check()
        tree.setFocus()

    def today(self) -> dt.date:
        return self._today or self.services.development.today()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Open at ``width`` × ``height``, smaller on a small (or scaled-up) screen."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - 24)
            height = min(height, room.height() - 48)  # the title bar
        self.resize(width, height)

    # the check ------------------------------------------------------------------------------

    def run_check(self) -> bool:
        """Check the files again and show what is found; False (with a message) if it failed."""
        if self._running:  # F5 while the check runs
            return False
        self._running = True
        self.ui.recheck_button.setEnabled(False)
        self.ui.print_button.setEnabled(False)  # only what a finished check found is printed
        self.ui.summary.setText("正在检查，请稍候……")
        job = PrecheckJob(lambda: self.scope.run(self.services), self)
        try:
            with wait_cursor():
                problems = job.run_and_wait()
        except BranchDeskError as exc:
            self.model.set_problems([])
            self.problems = []
            self.ui.summary.setText("检查未能完成，请按提示处理后点“重新预审”。")
            self.ui.detail.clear()
            show_error(self, exc)
            return False
        finally:
            job.deleteLater()
            self._running = False
            self.ui.recheck_button.setEnabled(True)
        self.show_problems(problems, self.today())
        self.ui.print_button.setEnabled(True)
        return True

    def show_problems(self, problems: Sequence[FileProblem], checked_on: dt.date) -> None:
        """Show ``problems`` found on ``checked_on``: the tree, expanded, and the summary."""
        self.problems = list(problems)
        self.checked_on = checked_on
        tree = self.ui.problems
        self.model.set_problems(self.problems, self.scope.several_branches)
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            tree.setFirstColumnSpanned(row, root, True)
        tree.expandAll()
        if self.model.rowCount():
            tree.setCurrentIndex(self.model.index(0, 0, self.model.index(0, 0)))
        self.ui.heading.setText(
            f"预审范围：<b>{html.escape(self.scope.label)}</b>"
            f"&nbsp;&nbsp;&nbsp;&nbsp;预审日期：{date_text(checked_on)}"
        )
        self.ui.summary.setText(self.summary_html())
        self._show(tree.currentIndex())

    def summary_html(self) -> str:
        """The summary line: how many files have problems, 错误 (in red) and 提醒."""
        if not self.problems:
            return "<b>未发现问题。</b>"
        errors, warnings = self.model.errors, self.model.warnings
        counts = html.escape(counts_text(errors, warnings))
        if errors:
            counts = f"<span style='color:{ERROR_COLOUR}'><b>{counts}</b></span>"
        people = len(self.model.members)
        return f"共 {people} 人的档案有问题：{counts}。"

    def _show(self, index: QModelIndex) -> None:
        """The selected problem in full under the list (the list's cells may be cut short)."""
        problem = self.model.problem_at(index)
        member = self.model.member_at(index)
        if problem is None:
            self.ui.detail.setText(
                html.escape(member.heading(True)) if member is not None
                else "没有需要纠正或提醒的问题。"
            )
            return
        category = html.escape(problem.severity.label)
        if problem.is_error:
            category = f"<span style='color:{ERROR_COLOUR}'><b>{category}</b></span>"
        step = html.escape(step_text(problem.step, problem.step_name))
        self.ui.detail.setText(
            f"<b>{html.escape(problem.name)}</b>&nbsp;&nbsp;{step}&nbsp;&nbsp;{category}"
            f"<br>{html.escape(problem.message)}"
            f"<br><span style='color:#555'>依据：{html.escape(problem.rule)}</span>"
        )

    # opening a problem's step -----------------------------------------------------------------

    def open_problem(self, index: QModelIndex) -> None:
        """Open the row's member's file at the problem's step (a member row: the file)."""
        member = self.model.member_at(index)
        if member is None:
            return
        problem = self.model.problem_at(index)
        step = problem.step if problem is not None and problem.step > 0 else None
        if self._open_step is not None:
            self._open_step(member.member_id, step)
        else:
            self.open_file(member.member_id, step)

    def open_file(self, member_id: int, step: int | None) -> DevelopmentFileDialog | None:
        """The member's development file over this list, at ``step``; checked again after."""
        from branchdesk.gui.development_file import DevelopmentFileDialog

        try:
            dialog = DevelopmentFileDialog(
                self.services, self.actor, member_id, self._today, self
            )
        except Exception as exc:  # noqa: BLE001 - any failure is shown, never a traceback
            show_error(self, exc)
            return None
        if step is not None:
            dialog.select_step(step)
        dialog.changed.connect(self._file_changed)
        dialog.finished.connect(lambda _result: self._file_closed())
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _file_changed(self) -> None:
        self._changed = True
        emit(self.files_changed)

    def _file_closed(self) -> None:
        if self._changed:
            self._changed = False
            self.run_check()

    # printing ---------------------------------------------------------------------------------

    def print_opinion(self) -> PdfPreviewDialog | None:
        """The 预审意见 of what is shown: a PDF to preview and print, or save."""
        from branchdesk.gui.pdf_preview import PdfPreviewDialog
        from branchdesk.reports.precheck.opinion_service import opinion_pdf

        if not self.ui.print_button.isEnabled():  # Ctrl+P before a check has finished
            return None
        try:
            with wait_cursor():
                pdf = opinion_pdf(self.services, self.problems, self.scope.label,
                                  self.checked_on, self.scope.several_branches)
        except BranchDeskError as exc:
            show_error(self, exc)
            return None
        name = self.scope.label.split("（")[0].replace("　", "-")
        preview = PdfPreviewDialog(
            pdf, f"发展党员档案预审意见 — {self.scope.label}",
            f"发展党员档案预审意见-{name}-{self.checked_on:%Y%m%d}.pdf", self,
        )
        self.preview = preview
        preview.open()
        return preview

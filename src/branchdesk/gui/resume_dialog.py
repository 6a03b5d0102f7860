"""The dialog for one line of a member's 本人简历."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, EditConflict
from branchdesk.core.members import ResumeLine, ResumeService
from branchdesk.gui.common import FieldErrors, setup_dialog_buttons, show_error
from branchdesk.gui.forms.ui_resume_line_dialog import Ui_ResumeLineDialog


class ResumeLineDialog(QDialog):
    """Adds a résumé line, or corrects or strikes out an existing one."""

    def __init__(
        self, resume: ResumeService, actor: Actor, member_id: int,
        line: ResumeLine | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.resume, self.actor, self.member_id, self.line = resume, actor, member_id, line
        self.ui = Ui_ResumeLineDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "保存")
        self.errors = FieldErrors.from_form(self.ui, ("start", "what"))
        self.errors.clear()
        if line is None:
            self.setWindowTitle("添加简历")
            self.ui.struck_out.hide()
        else:
            self.setWindowTitle("修改简历")
            self.ui.start.setText(line.start)
            self.ui.end.setText(line.end)
            self.ui.what.setText(line.what)
            self.ui.witness.setText(line.witness)
            self.ui.struck_out.setChecked(line.struck_out)
        self.ui.start.setFocus()

    def accept(self) -> None:
        ui = self.ui
        try:
            if self.line is None:
                self.resume.add(
                    self.actor, self.member_id, ui.start.text(), ui.end.text(), ui.what.text(),
                    ui.witness.text(),
                )
            else:
                self.resume.update(
                    self.actor, self.line.id, ui.start.text(), ui.end.text(), ui.what.text(),
                    ui.witness.text(), ui.struck_out.isChecked(),
                    expected_version=self.line.row_version,
                )
        except BranchDeskError as exc:  # a ValidationError shows beside its fields
            self.errors.show_exception(exc)
            if isinstance(exc, EditConflict):  # saved by someone else meanwhile: stay open
                show_error(self, exc)
            return
        super().accept()

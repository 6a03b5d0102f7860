"""First start on an empty database: create the administrator, then the committee and branches."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from branchdesk.core.accounts import MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT, USERNAME
from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, ValidationError
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.gui.common import FieldErrors
from branchdesk.gui.forms.ui_first_run_dialog import Ui_FirstRunDialog

ADMIN_FIELDS = ("username", "display_name", "password", "password2")
ORG_FIELDS = ("committee", "branches")
MAX_ORG_NAME = 100


class FirstRunDialog(QDialog):
    """Two steps: the administrator account, then the organisation; ``actor`` afterwards.

    A database made by ``branchdesk init`` already has its organisation: then only the
    administrator is asked for."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.errors = FieldErrors.from_form(self.ui, ADMIN_FIELDS + ORG_FIELDS)
        self.ui.password.setPlaceholderText(f"至少 {MIN_PASSWORD_LENGTH} 个字符")
        self.has_organisation = bool(services.organisations.tree())
        self.ui.nextButton.clicked.connect(self.next_step)
        self.ui.backButton.clicked.connect(self.previous_step)
        self.ui.cancelButton.clicked.connect(self.reject)
        self._show_page(0)

    # navigation --------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        self.ui.pages.setCurrentIndex(index)
        self.ui.backButton.setVisible(index > 0)
        if index == 0 and self.has_organisation:
            self.ui.stepTitle.setText("<b>创建管理员账户</b>（党委和党支部已建立）")
            self.ui.nextButton.setText("完成(&F)")
            self.ui.username.setFocus()
        elif index == 0:
            self.ui.stepTitle.setText("<b>第 1 步（共 2 步）：创建管理员账户</b>")
            self.ui.nextButton.setText("下一步(&N)")
            self.ui.username.setFocus()
            self.ui.username.selectAll()
        else:
            self.ui.stepTitle.setText("<b>第 2 步（共 2 步）：党委和党支部</b>")
            self.ui.nextButton.setText("完成(&F)")
            self.ui.committee.setFocus()

    def next_step(self) -> None:
        if self.ui.pages.currentIndex() == 0:
            errors = self._admin_errors()
            self.errors.show(errors)
            if not errors and self.has_organisation:
                if self._create_admin():
                    self.accept()
            elif not errors:
                self._show_page(1)
            return
        self.finish()

    def previous_step(self) -> None:
        self.errors.clear()
        self._show_page(0)

    # validation --------------------------------------------------------------------

    def _admin_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not USERNAME.match(self.ui.username.text().strip()):
            errors["username"] = "用户名为 2–30 位英文字母、数字或 _ . -"
        if len(self.ui.display_name.text().strip()) > 50:
            errors["display_name"] = "姓名不超过 50 个字"
        password = self.ui.password.text()
        if len(password) < MIN_PASSWORD_LENGTH:
            errors["password"] = PASSWORD_TOO_SHORT
        elif password != self.ui.password2.text():
            errors["password2"] = "两次输入的密码不一致"
        return errors

    def branch_names(self) -> list[str]:
        names = [line.strip() for line in self.ui.branches.toPlainText().splitlines()]
        return [n for n in names if n]

    def _org_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        committee = self.ui.committee.text().strip()
        if not committee:
            errors["committee"] = "请填写党委名称"
        elif len(committee) > MAX_ORG_NAME:
            errors["committee"] = f"党委名称不超过 {MAX_ORG_NAME} 个字"
        names = self.branch_names()
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if not names:
            errors["branches"] = "请至少填写一个党支部（每行一个）"
        elif duplicates:
            errors["branches"] = "党支部名称重复：" + "、".join(duplicates)
        elif any(len(n) > MAX_ORG_NAME for n in names):
            errors["branches"] = f"党支部名称不超过 {MAX_ORG_NAME} 个字"
        return errors

    # creating ----------------------------------------------------------------------

    def _create_admin(self) -> bool:
        """Create the administrator once and log in; False (errors shown) on failure."""
        if self.actor is not None:
            return True
        accounts = self.services.accounts
        username, password = self.ui.username.text().strip(), self.ui.password.text()
        try:
            accounts.create_first_admin(username, password, self.ui.display_name.text())
            self.actor = accounts.login(username, password)
        except ValidationError as exc:
            self._show_page(0)
            self.errors.show(exc.errors)
            return False
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return False
        return True

    def finish(self) -> None:
        errors = self._org_errors()
        if errors:
            self.errors.show(errors)
            return
        self.errors.clear()
        if not self._create_admin():
            return
        assert self.actor is not None
        orgs = self.services.organisations
        try:
            committee = orgs.find_by_name(self.ui.committee.text(), OrgKind.COMMITTEE)
            committee_id = committee.id if committee else orgs.create(
                self.actor, OrgKind.COMMITTEE, self.ui.committee.text(), None
            )
            for name in self.branch_names():
                if orgs.find_by_name(name, OrgKind.BRANCH) is None:
                    orgs.create(self.actor, OrgKind.BRANCH, name, committee_id)
        except ValidationError as exc:
            self.errors.show({"committee" if "parent" not in exc.errors else "": str(exc)})
            return
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        self.accept()

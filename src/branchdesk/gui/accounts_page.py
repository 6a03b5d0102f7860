"""The accounts page: the administrator manages local accounts; everyone changes their password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.accounts import AccountInfo
from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.account_dialogs import AccountDialog, PasswordDialog
from branchdesk.gui.common import format_local
from branchdesk.gui.signals import emit
from branchdesk.storage.models import utcnow

COLUMNS = ("用户名", "姓名", "角色", "启用", "锁定至", "最近登录")


class AccountsPage(QWidget):
    """Lists accounts with 新增账户…, 修改…, 重置密码… (administrator only) and 修改我的密码…."""

    #: emitted after an account was created or changed
    changed = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.accounts: list[AccountInfo] = []
        layout = QVBoxLayout(self)
        self.own_password_button = QPushButton("修改我的密码…")
        self.own_password_button.clicked.connect(self.change_own_password)
        self.table: QTableWidget | None = None
        self.status = QLabel()
        self.status.setStyleSheet("color: #1f6b2a;")
        if not actor.is_admin:
            notice = QLabel(
                f"仅管理员可管理账户。您的账户是“{actor.username}”（{actor.role.label}），"
                "可以修改自己的密码。"
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
            row = QHBoxLayout()
            row.addWidget(self.own_password_button)
            row.addStretch()
            layout.addLayout(row)
            layout.addWidget(self.status)
            layout.addStretch()
            return
        intro = QLabel(
            "密码连续输错 5 次的账户锁定 10 分钟；重置密码同时解除锁定。账户不能删除，可以停用。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemActivated.connect(lambda *_: self.edit_account())
        table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.table = table
        layout.addWidget(table)
        self.add_button = QPushButton("新增账户…")
        self.edit_button = QPushButton("修改…")
        self.reset_button = QPushButton("重置密码…")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.reset_button.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.own_password_button)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self.table is None:
            return
        current = self.selected_account()
        select_id = select_id if select_id is not None else (current.id if current else None)
        self.accounts = self.services.accounts.list_accounts()
        now = utcnow()
        table = self.table
        table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            locked = account.locked_until if account.locked_until and account.locked_until > now \
                else None
            cells = (
                account.username, account.display_name, account.role.label,
                "是" if account.active else "否（已停用）", format_local(locked),
                format_local(account.last_login) or "从未登录",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                table.setItem(row, column, item)
            if account.id == select_id:
                table.setCurrentCell(row, 0)
        if table.currentRow() < 0 and self.accounts:
            table.setCurrentCell(0, 0)
        self._update_buttons()

    def selected_account(self) -> AccountInfo | None:
        if self.table is None:
            return None
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def select_username(self, username: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.username == username and self.table is not None:
                self.table.setCurrentCell(row, 0)

    def _update_buttons(self) -> None:
        selected = self.selected_account() is not None
        self.edit_button.setEnabled(selected)
        self.reset_button.setEnabled(selected)

    def add_account(self) -> None:
        dialog = AccountDialog(self.services, self.actor, parent=self)
        if dialog.exec():
            self.reload(dialog.account_id)
            emit(self.changed)

    def edit_account(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        # as saved now (another program may have changed it since the list was loaded)
        fresh = {a.id: a for a in self.services.accounts.list_accounts()}
        account = fresh.get(account.id, account)
        if AccountDialog(self.services, self.actor, account, parent=self).exec():
            self.reload(account.id)
            emit(self.changed)

    def reset_password(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        if PasswordDialog(self.services, self.actor, account, parent=self).exec():
            self.reload(account.id)
            emit(self.changed)
            self.status.setText(f"已为“{account.username}”设置新密码。")

    def change_own_password(self) -> None:
        if PasswordDialog(self.services, self.actor, parent=self).exec():
            self.status.setText("您的密码已修改，下次登录请使用新密码。")

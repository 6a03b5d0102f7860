"""设置 → 工作日历与期限: the administrator's longest validity of a new introduction letter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, ValidationError
from branchdesk.core.numerals import DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.services import Services
from branchdesk.core.transfer_settings import SETTING_LABEL
from branchdesk.gui.common import ERROR_STYLE, show_error


class TransferSettingsBox(QGroupBox):
    """The longest validity (1–365 days) the issue form allows; only an administrator edits."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("组织关系转接", parent)
        self.services, self.actor = services, actor
        self.max_validity = QSpinBox()
        self.max_validity.setRange(1, MAX_VALIDITY_DAYS)
        self.max_validity.setSuffix(" 天")
        self.max_validity.setToolTip(
            f"新开介绍信的有效期不能超过此天数（1 至 {MAX_VALIDITY_DAYS} 天）"
        )
        label = QLabel(f"{SETTING_LABEL}(&M)：")
        label.setBuddy(self.max_validity)
        self.save_button = QPushButton("保存有效期(&V)")
        self.save_button.setAutoDefault(False)
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.max_validity)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        note = QLabel(
            f"新开介绍信的有效期默认 {DEFAULT_VALIDITY_DAYS} 天，最长不超过此处的天数；"
            "跨省转接允许更长期限的地区可由管理员调大。已开具的介绍信不受影响。"
            f"依据：{citation('letter_validity')}。"
        )
        note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(note)
        editable = actor.is_admin
        self.max_validity.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.max_validity.valueChanged.connect(lambda _v: self.status.clear())
        self.refresh()

    def refresh(self) -> None:
        """Show the stored maximum."""
        self.max_validity.setValue(self.services.transfers.max_validity_days())
        self.status.clear()
        self.error.hide()

    def save(self) -> bool:
        """Store the maximum entered; a refusal is shown beside the field."""
        days = self.max_validity.value()
        try:
            self.services.transfers.settings.set_max_validity_days(self.actor, days)
        except ValidationError as exc:
            self.error.setText("；".join(exc.errors.values()))
            self.error.show()
            return False
        except BranchDeskError as exc:
            show_error(self, exc)
            return False
        self.error.hide()
        self.status.setText(f"已保存：新开介绍信的有效期最长 {days} 天")
        return True

"""Small helpers shared by the dialogs: error boxes, inline field errors, dates, combos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from branchdesk.core.errors import BranchDeskError, ValidationError

ERROR_STYLE = "color: #c00000;"
EMPTY_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "yyyy-MM-dd"

BUTTON_TEXTS = {
    QDialogButtonBox.StandardButton.Ok: "确定",
    QDialogButtonBox.StandardButton.Cancel: "取消",
    QDialogButtonBox.StandardButton.Save: "保存",
    QDialogButtonBox.StandardButton.Close: "关闭",
    QDialogButtonBox.StandardButton.Yes: "是",
    QDialogButtonBox.StandardButton.No: "否",
    QDialogButtonBox.StandardButton.Apply: "应用",
    QDialogButtonBox.StandardButton.Reset: "重置",
}


# messages ------------------------------------------------------------------------------


def error_text(exc_or_message: BaseException | str) -> str:
    """The Chinese text to show a clerk for an error or a message."""
    if isinstance(exc_or_message, str):
        return exc_or_message
    if isinstance(exc_or_message, ValidationError):
        return "\n".join(exc_or_message.errors.values())
    if isinstance(exc_or_message, BranchDeskError):
        return str(exc_or_message)
    return f"操作未能完成：{exc_or_message}"


def show_error(parent: QWidget | None, exc_or_message: BaseException | str) -> None:
    """Show an error (a BranchDesk error's Chinese message, or a text) in a message box."""
    box = QMessageBox(QMessageBox.Icon.Warning, "无法完成操作", error_text(exc_or_message),
                      QMessageBox.StandardButton.Ok, parent)
    localise_buttons(box)
    box.exec()


def show_info(parent: QWidget | None, message: str, title: str = "提示") -> None:
    """Show an informative message box with a Chinese 确定 button."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message,
                      QMessageBox.StandardButton.Ok, parent)
    localise_buttons(box)
    box.exec()


def confirm(parent: QWidget | None, question: str, title: str = "请确认") -> bool:
    """Ask a yes/no question; True when the clerk answers 是."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    localise_buttons(box)
    return box.exec() == QMessageBox.StandardButton.Yes


def localise_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give a button box's standard buttons Chinese texts whatever translator is loaded."""
    for standard, text in BUTTON_TEXTS.items():
        if isinstance(box, QMessageBox):
            button = box.button(QMessageBox.StandardButton(standard.value))
        else:
            button = box.button(standard)
        if button is not None:
            button.setText(text)


def setup_dialog_buttons(dialog: QDialog, buttons: QDialogButtonBox, ok_text: str = "保存") -> None:
    """Chinese OK/Cancel buttons, OK renamed to ``ok_text`` and default, wired to the dialog."""
    localise_buttons(buttons)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)


# inline field errors -----------------------------------------------------------------


class FieldErrors:
    """Shows a ValidationError's messages in red labels beside the fields they name."""

    def __init__(
        self, labels: Mapping[str, QLabel], general: QLabel,
        widgets: Mapping[str, QWidget] | None = None,
    ) -> None:
        self.labels = dict(labels)
        self.general = general
        self.widgets = dict(widgets or {})
        for label in [*self.labels.values(), general]:
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
        self.clear()

    @classmethod
    def from_form(cls, form: object, fields: Iterable[str], general: str = "err_general") -> (
        FieldErrors
    ):
        """Use the form's ``err_<field>`` labels beside its ``<field>`` widgets."""
        labels: dict[str, QLabel] = {}
        widgets: dict[str, QWidget] = {}
        for name in fields:
            labels[name] = getattr(form, f"err_{name}")
            widget = getattr(form, name, None)
            if isinstance(widget, QWidget):
                widgets[name] = widget
        return cls(labels, getattr(form, general), widgets)

    def clear(self) -> None:
        for label in [*self.labels.values(), self.general]:
            label.clear()
            label.hide()

    def show(self, errors: Mapping[str, str]) -> None:
        """Show each message beside its field; others go to the general label."""
        self.clear()
        rest = []
        for name, message in errors.items():
            label = self.labels.get(name)
            if label is None:
                rest.append(message)
                continue
            label.setText(message)
            label.show()
        if rest:
            self.general.setText("\n".join(rest))
            self.general.show()
        for name in errors:
            widget = self.widgets.get(name)
            if widget is not None and widget.isEnabled() and widget.isVisibleTo(widget.window()):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def set_message(self, name: str, message: str) -> None:
        """Show (or with '' hide) the message beside one field, leaving the others."""
        label = self.labels.get(name, self.general)
        label.setText(message)
        label.setVisible(bool(message))

    def show_exception(self, exc: BaseException) -> None:
        """Show a ValidationError per field, any other error in the general label."""
        if isinstance(exc, ValidationError):
            self.show(exc.errors)
        else:
            self.show({"": error_text(exc)})

    def message(self, name: str) -> str:
        """The message shown beside a field ('' when none)."""
        label = self.labels.get(name, self.general)
        return label.text() if not label.isHidden() else ""

    def messages(self) -> dict[str, str]:
        shown = {n: lbl.text() for n, lbl in self.labels.items() if not lbl.isHidden()}
        if not self.general.isHidden():
            shown[""] = self.general.text()
        return shown


# dates ------------------------------------------------------------------------------


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def today_qdate() -> QDate:
    return QDate.currentDate()


def prepare_date_edit(edit: QDateEdit, day: dt.date | None = None) -> None:
    """A required date field: ISO format, calendar popup, a value (today by default)."""
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(1900, 1, 2))
    edit.setDate(to_qdate(day) if day else today_qdate())


def date_value(edit: QDateEdit) -> dt.date | None:
    """The date of a date field; None for an OptionalDateEdit showing 未填."""
    if isinstance(edit, OptionalDateEdit):
        return edit.value()
    return from_qdate(edit.date())


class OptionalDateEdit(QDateEdit):
    """A date field that may be empty: it shows 未填 until a date is picked; Delete clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText("未填")
        self.setDate(EMPTY_DATE)
        self.setToolTip("点击右侧箭头选择日期，或直接输入；按 Delete 清空为“未填”")
        calendar = self.calendarWidget()
        if calendar is not None:
            calendar.installEventFilter(self)

    def value(self) -> dt.date | None:
        return None if self.date() == EMPTY_DATE else from_qdate(self.date())

    def set_value(self, day: dt.date | None) -> None:
        self.setDate(to_qdate(day) if day else EMPTY_DATE)

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def clear_value(self) -> None:
        self.setDate(EMPTY_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Delete:
            self.clear_value()
            return
        if self.is_empty() and event.text().isdigit():
            # start from today's date rather than 1900 when the clerk starts typing
            self.setDate(today_qdate())
            self.setSelectedSection(QDateEdit.Section.YearSection)
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        calendar = self.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and self.is_empty():
            today = today_qdate()
            calendar.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


# combos ------------------------------------------------------------------------------


def fill_combo(
    combo: QComboBox, items: Iterable[tuple[str, Any]], blank: str | None = None
) -> None:
    """Replace a combo's items by (text, data) pairs; ``blank`` adds a first item with None."""
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.blockSignals(False)


def combo_set_data(combo: QComboBox, data: Any) -> bool:
    """Select the item carrying ``data``; False (and no change) when there is none."""
    for index in range(combo.count()):
        if combo.itemData(index) == data:
            combo.setCurrentIndex(index)
            return True
    return False


def combo_data(combo: QComboBox) -> Any:
    """The data of the selected item (None when nothing is selected)."""
    return combo.currentData() if combo.currentIndex() >= 0 else None


# times ------------------------------------------------------------------------------


def local_time(utc_naive: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC) in the computer's local time zone, still naive."""
    return utc_naive.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def format_local(utc_naive: dt.datetime | None, seconds: bool = False) -> str:
    """A stored time (naive UTC) as local time text, '' for None."""
    if utc_naive is None:
        return ""
    return local_time(utc_naive).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")

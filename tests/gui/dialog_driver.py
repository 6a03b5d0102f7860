"""Test helper: act on the next modal dialog that a click opens (its exec() blocks the test)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

#: drivers still polling: PySide keeps a timer's bound method only until its first call, so a
#: driver nobody holds would stop polling when the modal dialog opens later (after a worker)
_POLLING: set[ModalDriver] = set()


class ModalDriver:
    """Runs a handler on the next modal dialog; ``check()`` re-raises what failed inside it."""

    def __init__(self, handler: Callable[[Any], None], timeout_ms: int = 5000) -> None:
        self.handler = handler
        self.remaining = timeout_ms // 20
        self.error: BaseException | None = None
        self.seen: QWidget | None = None
        # "next": a dialog open already (a modal import dialog running a worker, whose event
        # loop lets this poll run meanwhile) is not the one the click opens
        self.already = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()]
        _POLLING.add(self)
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or any(dialog is w and w.isVisible() for w in self.already):
            self.remaining -= 1
            if self.remaining > 0:
                QTimer.singleShot(20, self._poll)
            else:
                _POLLING.discard(self)
            return
        _POLLING.discard(self)
        self.seen = dialog
        try:
            self.handler(dialog)
        except BaseException as exc:  # re-raised by check() in the test
            self.error = exc
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    def check(self) -> QWidget:
        if self.error is not None:
            raise self.error
        assert self.seen is not None, "no modal dialog opened"
        return self.seen


def on_next_modal(handler: Callable[[Any], None]) -> ModalDriver:
    """Arrange for ``handler(dialog)`` to run when the next modal dialog is open."""
    return ModalDriver(handler)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` as a clerk would: ASCII with key clicks, Chinese through the input method.

    QTest cannot click keys for non-ASCII characters; a Chinese input method delivers them as
    a committed QInputMethodEvent, which is what this sends.
    """
    from PySide6.QtGui import QInputMethodEvent

    chunk = ""
    for char in text:
        if char.isascii():
            chunk += char
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
    if chunk:
        qtbot.keyClicks(widget, chunk)

"""A roster import step (reading, checking or writing) run on a worker thread, with progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QThread, Signal

from branchdesk.core.member_file_limits import ImportMonitor
from branchdesk.gui.signals import emit


class ImportJob(QThread):
    """Runs ``work(monitor)`` off the UI thread; ``progressed`` carries its reports."""

    #: text, done, total (0: unknown) — delivered on the UI thread
    progressed = Signal(str, int, int)

    def __init__(self, work: Callable[[ImportMonitor], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.monitor = ImportMonitor(report=self._report)
        self.result: Any = None
        self.error: BaseException | None = None

    def _report(self, text: str, done: int, total: int) -> None:
        emit(self.progressed, text, done, total)

    def run(self) -> None:
        try:
            self.result = self.work(self.monitor)
        except BaseException as exc:  # handed to the UI thread, which shows or re-raises it
            self.error = exc

    def cancel(self) -> None:
        """Ask the work to stop at its next check (nothing is written then)."""
        self.monitor.cancel()

    def run_and_wait(self) -> Any:
        """Start, keep the UI responsive until the work is done, then its result (or raise)."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        loop.exec()  # ``finished`` comes queued from the worker, even when it is quick
        self.wait()
        if self.error is not None:
            raise self.error
        return self.result

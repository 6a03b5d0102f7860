"""The 档案预审 run on a worker thread: a county's few hundred files take a few seconds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, QThread

from branchdesk.core.precheck.problems import FileProblem


class PrecheckJob(QThread):
    """Runs ``check()`` off the UI thread; :meth:`run_and_wait` keeps the windows painted."""

    def __init__(
        self, check: Callable[[], list[FileProblem]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.result: list[FileProblem] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.check()
        except BaseException as exc:  # handed to the UI thread, which shows or re-raises it
            self.error = exc

    def run_and_wait(self) -> list[FileProblem]:
        """Start, process events until the check is done, then its problems (or raise)."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        loop.exec()  # ``finished`` comes queued from the worker, even when it is quick
        self.wait()
        if self.error is not None:
            raise self.error
        return self.result

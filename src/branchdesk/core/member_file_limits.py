"""How much a roster import may read (rows, columns, characters, bytes), its refusals and stop."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from branchdesk.core.errors import BranchDeskError

#: data rows of a sheet at most: twice a county committee's 100,000 members
MAX_ROWS = 200_000
#: columns with values at most (a roster has 17; Excel's sheets have 16,384)
MAX_COLUMNS = 256
#: characters in one cell at most (an address or a note is far shorter)
MAX_CELL_CHARS = 5_000
#: characters of all cells together at most (a 100,000-member roster has about 15 million)
MAX_TOTAL_CHARS = 50_000_000
#: distinct texts of a workbook's shared-string table at most (openpyxl keeps them all)
MAX_SHARED_STRINGS = 1_000_000
#: a workbook's parts unpacked, together and one by one, at most (bytes)
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: a workbook part unpacked to more than this many times its packed size is a zip bomb
MAX_RATIO = 200
#: the ratio is judged only for parts larger than this (small parts compress oddly)
RATIO_FROM_BYTES = 1024 * 1024
#: parts in a workbook package at most (a real one has tens)
MAX_PARTS = 10_000
#: a file on disk at most (bytes): a 200,000-row .xlsx is about 15 MB, a .csv about 60 MB
MAX_FILE_BYTES = 512 * 1024 * 1024
#: XML elements that a reader keeps in memory (outside the rows it clears) at most
MAX_KEPT_ELEMENTS = 200_000
#: XML elements inside one row at most
MAX_ROW_ELEMENTS = 100_000
#: worksheet row elements at most (Excel's own limit)
MAX_SHEET_ROWS = 1_048_576


def _count(number: int) -> str:
    return f"{number:,}"


class ImportFileError(BranchDeskError):
    """The file cannot be read as a roster at all (the message says why, in Chinese)."""


class ImportTooLarge(ImportFileError):
    """A roster file larger than an import may read: nothing was imported (message in Chinese)."""


class ImportCancelled(BranchDeskError):
    """The clerk cancelled the import: nothing was imported."""

    def __init__(self) -> None:
        super().__init__("已取消导入，没有导入任何记录。")


def too_large(what: str, limit: str, row: int | None = None, name: str = "") -> ImportTooLarge:
    """The refusal of a file over one limit, at row ``row`` when the limit is a row's."""
    where = f"第 {_count(row)} 行" if row is not None else (f"“{name}”" if name else "文件")
    return ImportTooLarge(
        f"文件过大：{where}超过了{what}的上限（最多 {limit}），请分成几个文件导入。"
    )


def too_many_rows(row: int) -> ImportTooLarge:
    return too_large("行数", f"{_count(MAX_ROWS)} 行", row)


def too_many_columns(row: int) -> ImportTooLarge:
    return too_large("列数", f"{_count(MAX_COLUMNS)} 列", row)


def cell_too_long(row: int | None, name: str = "") -> ImportTooLarge:
    return too_large("每格字数", f"{_count(MAX_CELL_CHARS)} 字", row, name)


def too_many_chars(row: int | None, name: str = "") -> ImportTooLarge:
    return too_large("全部文字", f"{_count(MAX_TOTAL_CHARS)} 字", row, name)


class TextBudget:
    """Counts the characters of the cells read and refuses a cell or a file over the limits."""

    def __init__(self) -> None:
        self.total = 0

    def cell(self, chars: int, row: int | None, name: str = "") -> None:
        """Count one cell's characters (refused when the cell or the running total is over)."""
        if chars > MAX_CELL_CHARS:
            raise cell_too_long(row, name)
        self.total += chars
        if self.total > MAX_TOTAL_CHARS:
            raise too_many_chars(row, name)


@dataclass
class ImportMonitor:
    """A long import's progress reports and the clerk's request to stop (Qt-free, thread-safe).

    ``report(text, done, total)`` is called from the reading thread; ``total`` 0 means unknown."""

    report: Callable[[str, int, int], None] | None = None

    def __post_init__(self) -> None:
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop at its next check."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise ImportCancelled when the clerk asked to stop."""
        if self._stop.is_set():
            raise ImportCancelled()

    def progress(self, text: str, done: int = 0, total: int = 0) -> None:
        """Report where the import stands, then stop here when asked to."""
        if self.report is not None:
            self.report(text, done, total)
        self.check()


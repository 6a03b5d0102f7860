"""Reading a roster file (.xlsx or .csv) into its header row and data rows, or a clear refusal."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.core.member_file_csv import csv_rows
from branchdesk.core.member_file_limits import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ImportCancelled,
    ImportFileError,
    ImportMonitor,
    ImportTooLarge,
    TextBudget,
    too_large,
    too_many_rows,
)
from branchdesk.core.member_file_xlsx import BrokenPackage, check_package
from branchdesk.core.member_sheet import BY_KEY, column_for

__all__ = ["ImportFileError", "ImportTooLarge", "RawTable", "read_table"]

#: the header row is looked for among a sheet's first rows (title rows may come first)
HEADER_SEARCH_ROWS = 20
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt")
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
#: rows read between two looks at the clerk's 取消 button
CHECK_EVERY = 1_000
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class RawTable:
    """A sheet's header row (as written) and its non-blank data rows (Excel row number, values)."""

    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def read_table(path: Path, monitor: ImportMonitor | None = None) -> RawTable:
    """The roster table of an .xlsx or .csv file; ImportFileError when it cannot be read.

    The file is read as a stream within the limits of member_file_limits (ImportTooLarge
    at the first one passed); ``monitor`` gets progress and may cancel (ImportCancelled)."""
    path = Path(path)
    monitor = monitor or ImportMonitor()
    if not path.exists():
        raise ImportFileError(f"找不到文件“{path}”")
    if path.is_dir():
        raise ImportFileError(f"“{path}”是文件夹，请选择 Excel（.xlsx）或 CSV 文件")
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        raise ImportFileError(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise too_large("文件大小", f"{MAX_FILE_BYTES // 2**20} MB", name=path.name)
    suffix = path.suffix.lower()
    if head.startswith(CFB_MAGIC):
        if _contains(path, ENCRYPTED_MARK):
            raise ImportFileError(
                f"“{path.name}”设有打开密码：请在 Excel 或 WPS 中打开并取消密码、保存后再导入"
            )
        raise ImportFileError(
            f"“{path.name}”是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
        )
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and head.startswith(b"PK")):
        return _find_table(_xlsx_rows(path, monitor), path.name)
    if suffix in CSV_SUFFIXES:
        return _find_table([csv_rows(path, monitor)], path.name)
    raise ImportFileError(
        f"“{path.name}”不是 Excel（.xlsx）或 CSV 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
    )


def _contains(path: Path, mark: bytes) -> bool:
    """Whether the file holds ``mark``, read a chunk at a time."""
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(READ_CHUNK):
            if mark in tail + chunk:
                return True
            tail = chunk[-len(mark):]
    return False


def _broken(name: str) -> ImportFileError:
    return ImportFileError(f"“{name}”不是有效的 Excel（.xlsx）文件，可能已损坏")


def _xlsx_rows(path: Path, monitor: ImportMonitor) -> list[list[tuple[int, tuple[Any, ...]]]]:
    """Each sheet's non-blank rows, numbered as Excel numbers them (the package checked first)."""
    from openpyxl import load_workbook

    name = path.name
    try:
        check_package(path, monitor)
    except BrokenPackage:
        raise _broken(name) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise _broken(name) from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise _broken(name) from exc
    budget = TextBudget()
    try:
        sheets = []
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):  # a chart sheet
                continue
            sheets.append(_sheet_rows(sheet, budget, monitor))
        return sheets
    except (ImportFileError, ImportCancelled):
        raise
    except Exception as exc:
        raise ImportFileError(f"“{name}”的内容无法读取，文件可能已损坏") from exc
    finally:
        book.close()


def _sheet_rows(
    sheet: Any, budget: TextBudget, monitor: ImportMonitor
) -> list[tuple[int, tuple[Any, ...]]]:
    """A sheet's non-blank rows within the limits (rows past MAX_ROWS are never parsed)."""
    # a sheet may claim all 16,384 columns (WPS, stray formatting): rows are padded to the
    # claimed width, so read no further than any roster goes (the package check refused
    # values further right)
    width = min(sheet.max_column or MAX_COLUMNS, MAX_COLUMNS)
    total = min(sheet.max_row or 0, MAX_ROWS)
    rows = []
    for number, values in enumerate(
        sheet.iter_rows(values_only=True, max_col=width, max_row=MAX_ROWS + 1), start=1
    ):
        if number % CHECK_EVERY == 0:
            monitor.progress(f"正在读取第 {number:,} 行……", number, total)
        if not any(v is not None and v != "" for v in values):
            continue
        if number > MAX_ROWS and any(_text(v) for v in values):
            raise too_many_rows(number)
        for value in values:
            if isinstance(value, str):
                budget.cell(len(value), number)
        rows.append((number, tuple(values)))
    return rows


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _header_at(rows: Sequence[tuple[int, tuple[Any, ...]]]) -> int | None:
    """The index of the first row with at least two of our headers, among the first rows."""
    for index, (_number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {column_for(_text(v)) for v in values} - {None}
        if len(keys) >= 2:
            return index
    return None


def _find_table(sheets: list[list[tuple[int, tuple[Any, ...]]]], name: str) -> RawTable:
    for rows in sheets:
        at = _header_at(rows)
        if at is None:
            continue
        number, header_values = rows[at]
        headers = list(_trimmed(_text(v) for v in header_values))
        body = []
        for row_number, values in rows[at + 1:]:
            if any(_text(v) for v in values):
                body.append((row_number, tuple(values)))
        return RawTable(tuple(headers), number, tuple(body))
    wanted = "、".join(f"“{BY_KEY[k].header}”" for k in ("name", "id_number", "stage"))
    raise ImportFileError(
        f"在“{name}”中没有找到表头：第一行（或标题下的一行）应是列名，如 {wanted} 等"
    )


def _trimmed(values: Iterator[str]) -> list[str]:
    out = list(values)
    while out and not out[-1]:
        out.pop()
    return out

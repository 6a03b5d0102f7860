"""Reading a roster file (.xlsx or .csv) into its header row and data rows, or a clear refusal."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.core.errors import BranchDeskError
from branchdesk.core.member_sheet import BY_KEY, column_for

#: the header row is looked for among a sheet's first rows (title rows may come first)
HEADER_SEARCH_ROWS = 20
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt")
#: columns read of a sheet, and data rows at most (a county's roster is far below either)
MAX_COLUMNS = 256
MAX_ROWS = 200_000
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


class ImportFileError(BranchDeskError):
    """The file cannot be read as a roster at all (the message says why, in Chinese)."""


@dataclass(frozen=True)
class RawTable:
    """A sheet's header row (as written) and its non-blank data rows (Excel row number, values)."""

    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def read_table(path: Path) -> RawTable:
    """The roster table of an .xlsx or .csv file; ImportFileError when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"找不到文件“{path}”")
    if path.is_dir():
        raise ImportFileError(f"“{path}”是文件夹，请选择 Excel（.xlsx）或 CSV 文件")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if data.startswith(CFB_MAGIC):
        if ENCRYPTED_MARK in data:
            raise ImportFileError(
                f"“{path.name}”设有打开密码：请在 Excel 或 WPS 中打开并取消密码、保存后再导入"
            )
        raise ImportFileError(
            f"“{path.name}”是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
        )
    if suffix in XLSX_SUFFIXES or (suffix not in CSV_SUFFIXES and data.startswith(b"PK")):
        return _find_table(_xlsx_rows(data, path.name), path.name)
    if suffix in CSV_SUFFIXES:
        return _find_table(_csv_rows(data, path.name), path.name)
    raise ImportFileError(
        f"“{path.name}”不是 Excel（.xlsx）或 CSV 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
    )


def _xlsx_rows(data: bytes, name: str) -> list[list[tuple[int, tuple[Any, ...]]]]:
    """Each sheet's rows, numbered as Excel numbers them."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError) as exc:
        raise ImportFileError(f"“{name}”不是有效的 Excel（.xlsx）文件，可能已损坏") from exc
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise ImportFileError(f"“{name}”不是有效的 Excel（.xlsx）文件，可能已损坏") from exc
    try:
        sheets = []
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):  # a chart sheet
                continue
            # a sheet may claim all 16,384 columns (WPS, stray formatting): rows are padded
            # to the claimed width, so read no further than any roster goes
            width = min(sheet.max_column or MAX_COLUMNS, MAX_COLUMNS)
            rows = []
            for number, values in enumerate(
                sheet.iter_rows(values_only=True, max_col=width), start=1
            ):
                if any(v is not None and v != "" for v in values):
                    rows.append((number, tuple(values)))
                    if len(rows) > MAX_ROWS:
                        raise ImportFileError(
                            f"“{name}”的一张工作表超过 {MAX_ROWS:,} 行，请分成几个文件导入"
                        )
            sheets.append(rows)
        return sheets
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"“{name}”的内容无法读取，文件可能已损坏") from exc
    finally:
        book.close()


def decode_text(data: bytes, name: str) -> str:
    """CSV text: UTF-8 (with or without BOM) first, UTF-16 by its BOM, else GB18030 (GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(f"无法识别“{name}”的文字编码：请在 Excel 或 WPS 中另存为 .xlsx 后再导入")


def _csv_rows(data: bytes, name: str) -> list[list[tuple[int, tuple[Any, ...]]]]:
    text = decode_text(data, name)
    if "\x00" in text:
        raise ImportFileError(f"“{name}”不是文本格式的 CSV 文件")
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;，", key=first.count) if first else ","
    try:
        rows = [
            (number, tuple(values))
            for number, values in enumerate(
                csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
            )
        ]
    except csv.Error as exc:
        raise ImportFileError(f"“{name}”不是有效的 CSV 文件：{exc}") from None
    return [rows]


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

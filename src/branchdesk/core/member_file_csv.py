"""Reading a roster .csv as a stream: the encoding from the first bytes, rows within the limits."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from branchdesk.core.member_file_limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TOTAL_CHARS,
    ImportFileError,
    ImportMonitor,
    cell_too_long,
    too_large,
    too_many_chars,
    too_many_columns,
    too_many_rows,
)

#: the encoding is told from this many first bytes (a header row is far shorter)
ENCODING_PREFIX = 1024 * 1024
#: characters of one line at most: every column at its longest
MAX_LINE_CHARS = MAX_COLUMNS * (MAX_CELL_CHARS + 3)
REPORT_EVERY = 2_000
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class _Undecodable(Exception):
    """A byte sequence the chosen encoding cannot read, further into the file."""


def unknown_encoding(name: str) -> ImportFileError:
    return ImportFileError(
        f"无法识别“{name}”的文字编码：请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
    )


def detect_encoding(prefix: bytes, name: str) -> str:
    """UTF-16 by its BOM, else UTF-8 (with or without BOM), else GB18030 (GBK), from a prefix."""
    candidates = ["utf-8-sig", "gb18030"]
    if prefix.startswith(UTF16_BOMS):
        candidates.insert(0, "utf-16")
    for encoding in candidates:
        try:  # the prefix may end inside a character: not final
            codecs.getincrementaldecoder(encoding)().decode(prefix, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise unknown_encoding(name)


def csv_rows(path: Path, monitor: ImportMonitor) -> list[tuple[int, tuple[Any, ...]]]:
    """The records of a CSV file numbered from 1, read as a stream within the limits."""
    name = path.name
    try:
        with path.open("rb") as stream:
            prefix = stream.read(ENCODING_PREFIX)
    except OSError as exc:
        raise ImportFileError(f"无法读取文件“{name}”：{exc.strerror or exc}") from None
    encoding = detect_encoding(prefix, name)
    # a first pass keeps nothing: a file past a limit is refused before its rows take memory
    try:
        _read(path, encoding, monitor, keep=False)
    except _Undecodable:
        if encoding != "utf-8-sig":
            raise unknown_encoding(name) from None
        encoding = "gb18030"  # UTF-8 at first but not further on: GBK with ASCII first rows
        try:
            _read(path, encoding, monitor, keep=False)
        except _Undecodable:
            raise unknown_encoding(name) from None
    try:
        return _read(path, encoding, monitor, keep=True)
    except _Undecodable:  # the file changed between the passes
        raise unknown_encoding(name) from None


def _read(
    path: Path, encoding: str, monitor: ImportMonitor, keep: bool
) -> list[tuple[int, tuple[Any, ...]]]:
    """The records within the limits (``keep`` False: only checked, none returned)."""
    name = path.name
    text = "正在读取第 {:,} 行……" if keep else "正在检查第 {:,} 行……"
    size = max(path.stat().st_size, 1)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    number = 0
    chars = 0
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as stream:

        def lines() -> Iterator[str]:
            nonlocal chars
            while True:
                try:
                    line = stream.readline(MAX_LINE_CHARS + 1)
                except UnicodeDecodeError:
                    raise _Undecodable() from None
                if not line:
                    return
                if len(line) > MAX_LINE_CHARS:
                    raise too_large("每行字数", f"{MAX_LINE_CHARS:,} 字", number + 1)
                chars += len(line)
                if chars > MAX_TOTAL_CHARS:
                    raise too_many_chars(number + 1)
                if "\x00" in line:
                    raise ImportFileError(f"“{name}”不是文本格式的 CSV 文件")
                yield line

        source = lines()
        first = next(source, "")
        delimiter = max(",\t;，", key=first.count) if first else ","
        reader = csv.reader(_chain(first, source), delimiter=delimiter)
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "field limit" in str(exc):
                    raise cell_too_long(number + 1) from None
                raise ImportFileError(
                    f"“{name}”不是有效的 CSV 文件（第 {number + 1} 行无法读取，可能引号不成对），"
                    "请在 Excel 或 WPS 中另存为 .xlsx 后再导入"
                ) from None
            number += 1
            if number % REPORT_EVERY == 0:
                monitor.progress(text.format(number), raw.tell(), size)
            cells = _checked(values, number)
            if keep:
                rows.append((number, cells))
    monitor.check()
    return rows


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _checked(values: list[str], number: int) -> tuple[str, ...]:
    """A record's cells within the limits (trailing empty cells dropped)."""
    width = len(values)
    while width and not values[width - 1]:
        width -= 1
    if not width:
        return ()
    if number > MAX_ROWS:
        raise too_many_rows(number)
    if width > MAX_COLUMNS:
        raise too_many_columns(number)
    for value in values[:width]:
        if len(value) > MAX_CELL_CHARS:
            raise cell_too_long(number)
    return tuple(values[:width])

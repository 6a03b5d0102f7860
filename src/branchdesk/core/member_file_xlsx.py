"""Checking an .xlsx package before openpyxl opens it: unpacked sizes, XML elements, rows, text.

openpyxl (even read-only) keeps the whole shared-string table, every element it does not
clear and every text node it parses in memory, so a small file can unpack to gigabytes.
Every XML part is streamed here through expat first, in constant memory, and refused at
the first limit it passes; only a package that passes is handed to openpyxl."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from xml.parsers import expat

from branchdesk.core.member_file_limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_KEPT_ELEMENTS,
    MAX_PARTS,
    MAX_RATIO,
    MAX_ROW_ELEMENTS,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    MAX_SHEET_ROWS,
    MAX_TOTAL_CHARS,
    MAX_UNPACKED_BYTES,
    RATIO_FROM_BYTES,
    ImportMonitor,
    ImportTooLarge,
    cell_too_long,
    too_large,
    too_many_chars,
    too_many_columns,
    too_many_rows,
)

CHUNK = 256 * 1024
#: Excel's widest sheet: a row with more cells than this is not a spreadsheet
EXCEL_COLUMNS = 16_384
#: the end of a zip's central directory: signature, entries, directory size
_EOCD = b"PK\x05\x06"
#: the central directory of a real workbook is a few kilobytes
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
_COLUMN = re.compile(r"[A-Za-z]+")
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")


class BrokenPackage(Exception):
    """The package is not a readable zip (the caller says 不是有效的 Excel 文件)."""


def check_package(path: Path, monitor: ImportMonitor) -> None:
    """Refuse (ImportTooLarge) an .xlsx whose parts would unpack or parse beyond the limits."""
    name = path.name
    _check_directory(path, name)
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BrokenPackage(str(exc)) from exc
    with book:
        parts = book.infolist()
        if len(parts) > MAX_PARTS:
            raise too_large("文件中的部件数", f"{MAX_PARTS:,} 个", name=name)
        total = 0
        for part in parts:
            total += part.file_size
            if total > MAX_UNPACKED_BYTES:
                raise too_large("解压后的大小", f"{MAX_UNPACKED_BYTES // 2**20} MB", name=name)
            if part.file_size > RATIO_FROM_BYTES and (
                part.file_size > MAX_RATIO * max(part.compress_size, 1)
            ):
                ratio = part.file_size // max(part.compress_size, 1)
                raise ImportTooLarge(
                    f"文件过大：“{name}”中的“{part.filename}”解压后是压缩时的 {ratio:,} 倍，"
                    f"超过了 {MAX_RATIO} 倍的上限，不是正常的 Excel 文件"
                    "（可能是恶意构造的压缩包），没有导入。"
                    "请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。"
                )
        # the shared strings first: a sheet's cell is blank when its string is
        roots = {p.filename: _root(book, p) for p in parts if not p.is_dir()}
        xml_parts = sorted((p for p in parts if roots.get(p.filename) is not None),
                           key=lambda p: roots[p.filename] != "sst")
        done, size = 0, sum(p.file_size for p in xml_parts) or 1
        blank = bytearray()
        for part in xml_parts:
            scan = _scan(book, part, _PartScan(name, blank), monitor, done, size)
            if scan.mode == "strings" and not blank:
                blank = scan.blank
            done += part.file_size


def _check_directory(path: Path, name: str) -> None:
    """Refuse a zip whose central directory alone would fill memory (before zipfile reads it)."""
    try:
        with path.open("rb") as stream:
            stream.seek(0, 2)
            length = stream.tell()
            stream.seek(max(0, length - 65_536 - 22))
            tail = stream.read()
    except OSError as exc:
        raise BrokenPackage(str(exc)) from exc
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) < at + 22:
        return  # zipfile says why it is not a zip
    entries, directory = struct.unpack("<HI", tail[at + 10:at + 16])
    if entries > MAX_PARTS or directory > MAX_DIRECTORY_BYTES:
        raise too_large("文件中的部件数", f"{MAX_PARTS:,} 个", name=name)


def _root(book: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    """The local name of an XML part's root element ("" when not found early); None: not XML."""
    try:
        with book.open(part) as stream:
            head = stream.read(4096)
    except Exception:  # a damaged part: openpyxl reports it if it reads it
        return None
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    found = _ROOT.search(head)
    return found.group(1).decode("ascii") if found else ""


class _Stop(Exception):
    """Raised inside expat's callbacks to stop at the first limit passed."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class _PartScan:
    """Counts one XML part's elements, rows, cells and text runs as expat streams it."""

    def __init__(self, name: str, blank_strings: bytearray) -> None:
        self.name = name
        self.blank_strings = blank_strings
        self.mode = ""  # "sheet", "strings" or "" (any other part), from the root element
        self.depth = 0
        self.kept = 0  # elements a reader keeps (all but the insides of rows / strings)
        self.run = 0  # characters since the last tag
        # sheet
        self.rows = 0
        self.row = 0
        self.in_row = False
        self.row_elements = 0
        self.cells = 0
        self.column = 0
        self.in_value = False
        self.shared = False
        self.index = ""
        self.cell_has_value = False
        self.row_has_value = False
        self.max_column = 0
        # shared strings
        self.strings = 0
        self.in_string = False
        self.string_chars = 0
        self.string_total = 0
        self.blank = bytearray()  # per shared string: 1 when it is only spaces

    def fail(self, error: Exception) -> None:
        raise _Stop(error)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag[tag.find(":") + 1:]
        self.run = 0
        self.depth += 1
        if self.depth == 1:
            self.mode = {"worksheet": "sheet", "dialogsheet": "sheet", "sst": "strings"}.get(
                local, ""
            )
        if self.mode == "sheet":
            self._sheet_start(local, attrs)
        elif self.mode == "strings":
            self._strings_start(local)
        else:
            self._keep()

    def _keep(self) -> None:
        self.kept += 1
        if self.kept > MAX_KEPT_ELEMENTS:
            self.fail(too_large("XML 元素数", f"{MAX_KEPT_ELEMENTS:,} 个", name=self.name))

    def _sheet_start(self, local: str, attrs: dict[str, str]) -> None:
        if self.in_row:
            self.row_elements += 1
            if self.row_elements > MAX_ROW_ELEMENTS:
                self.fail(too_many_columns(self.row))
            if local == "c":
                self.cells += 1
                if self.cells > EXCEL_COLUMNS:
                    self.fail(too_many_columns(self.row))
                self.column = _column(attrs.get("r"), self.column + 1)
                self.cell_has_value = False
                self.shared, self.index = attrs.get("t") == "s", ""
            elif local in ("v", "t", "is"):
                self.in_value = local != "is"
            return
        if local == "row":
            self.rows += 1
            if self.rows > MAX_SHEET_ROWS:
                self.fail(too_many_rows(self.row + 1))
            self.row = _number(attrs.get("r"), self.row + 1)
            self.in_row, self.row_elements, self.cells, self.column = True, 0, 0, 0
            self.row_has_value, self.max_column = False, 0
            return  # openpyxl keeps the (cleared) row elements: MAX_SHEET_ROWS bounds them
        self._keep()

    def _strings_start(self, local: str) -> None:
        if self.in_string:
            self.row_elements += 1
            if self.row_elements > MAX_ROW_ELEMENTS:
                self.fail(cell_too_long(None, self.name))
            return
        if local == "si":
            self.strings += 1
            if self.strings > MAX_SHARED_STRINGS:
                self.fail(too_large("不同文字的个数", f"{MAX_SHARED_STRINGS:,} 个", name=self.name))
            self.in_string, self.row_elements, self.string_chars = True, 0, 0
            self.blank.append(1)
            return  # kept (cleared) by openpyxl: MAX_SHARED_STRINGS bounds them
        self._keep()

    def end(self, tag: str) -> None:
        local = tag[tag.find(":") + 1:]
        self.run = 0
        self.depth -= 1
        if self.mode == "sheet" and self.in_row:
            if local in ("v", "t"):
                self.in_value = False
            elif local == "c" and self.shared:
                at = _number(self.index.strip(), -1)
                self.cell_has_value = 0 <= at < len(self.blank_strings) and (
                    not self.blank_strings[at]
                )
            if local == "c" and self.cell_has_value:
                self.row_has_value = True
                self.max_column = max(self.max_column, self.column)
            elif local == "row":
                self.in_row = False
                if self.row_has_value and self.row > MAX_ROWS:
                    self.fail(too_many_rows(self.row))
                if self.max_column > MAX_COLUMNS:
                    self.fail(too_many_columns(self.row))
        elif self.mode == "strings" and local == "si":
            self.in_string = False

    def text(self, data: str) -> None:
        self.run += len(data)
        if self.run > MAX_CELL_CHARS:
            row = self.row if self.mode == "sheet" and self.row else None
            self.fail(cell_too_long(row, self.name))
        if self.mode == "sheet":
            if self.in_value and self.shared:
                self.index = (self.index + data)[:20]
            elif self.in_value and not data.isspace():
                self.cell_has_value = True
        elif self.mode == "strings" and self.in_string:
            self.string_chars += len(data)
            self.string_total += len(data)
            if not data.isspace():
                self.blank[-1] = 0
            if self.string_chars > MAX_CELL_CHARS:
                self.fail(cell_too_long(None, self.name))
            if self.string_total > MAX_TOTAL_CHARS:
                self.fail(too_many_chars(None, self.name))

    def refuse_declarations(self, *_args: object) -> None:
        self.fail(ImportTooLarge(f"“{self.name}”含有 XML 声明（DOCTYPE），不是正常的 Excel 文件"))


def _scan(book: zipfile.ZipFile, part: zipfile.ZipInfo, scan: _PartScan,
          monitor: ImportMonitor, done: int, size: int) -> _PartScan:
    """Stream one part through expat with the limits; refusals carry the file's name."""
    parser = expat.ParserCreate()  # prefixes stay in the names ("x:row"): cheaper than URIs
    parser.buffer_text = False
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.StartDoctypeDeclHandler = scan.refuse_declarations
    parser.EntityDeclHandler = scan.refuse_declarations
    read = 0
    try:
        with book.open(part) as stream:
            for chunk in _chunks(stream):
                read += len(chunk)
                monitor.progress("正在检查文件……", done + read, size)
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop as stop:
        raise stop.error from None
    except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        pass  # not well-formed or not readable: openpyxl says so if it reads the part
    return scan


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return
        yield chunk


def _number(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def _column(reference: str | None, default: int) -> int:
    """The column number of a cell reference such as "AB12" (``default`` when there is none)."""
    if not reference:
        return default
    letters = _COLUMN.match(reference)
    if letters is None:
        return default
    number = 0
    for letter in letters.group().upper()[:4]:
        number = number * 26 + ord(letter) - 64
    return number

"""Hostile roster files (small on disk, huge unpacked) are refused in bounded memory and time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from branchdesk.core.actor import Actor
from branchdesk.core.member_file_limits import (
    MAX_CELL_CHARS,
    MAX_ROWS,
    ImportCancelled,
    ImportMonitor,
)
from branchdesk.core.member_import import ImportFileError
from branchdesk.core.services import Services

HEADERS = ["姓名", "公民身份号码", "人员类别", "所在党支部"]
#: the most memory a refused import may take (the former 2.1 GB and 3.2 GB are the bugs)
MEMORY_CAP_MB = 200
#: generous: the refusals take seconds; the former runs took minutes
TIMEOUT_S = 120
ROWS_REFUSAL = (f"文件过大：第 {MAX_ROWS + 1:,} 行超过了行数的上限（最多 {MAX_ROWS:,} 行），"
                "请分成几个文件导入。")

SHARED_STRINGS_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                       b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
#: reads the file as the importer does, in a fresh process, and prints the outcome, the time
#: and the process's peak memory
RUNNER = """
import resource, sys, time
from pathlib import Path
from branchdesk.core.member_import import MemberImporter
from branchdesk.storage.migrate import create_database
db = create_database(Path(sys.argv[2]))
start = time.perf_counter()
try:
    preview = MemberImporter(db).preview(Path(sys.argv[1]))
    print("READ", len(preview.rows))
except Exception as exc:
    print(type(exc).__name__ + "：" + str(exc))
print(round(time.perf_counter() - start, 2))
try:  # this process's own peak (ru_maxrss after fork and exec may include the parent's)
    status = Path("/proc/self/status").read_text()
    print(int(status.split("VmHWM:")[1].split()[0]) // 1024)
except (OSError, IndexError):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
print(db.engine.connect().exec_driver_sql("SELECT count(*) FROM members").scalar())
"""


def run_import(path: Path, tmp_path: Path) -> tuple[str, float, int]:
    """The outcome of previewing ``path`` in a subprocess: message, seconds, peak MB."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(path), str(tmp_path / "measure.sqlite")],
        capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    assert done.returncode == 0, done.stderr
    outcome, seconds, peak, members = done.stdout.strip().splitlines()[-4:]
    print(f"{path.name}: {seconds} s, {peak} MB, {outcome[:80]}")
    assert members == "0"
    return outcome, float(seconds), int(peak)


def package(tmp_path: Path, name: str, parts: dict[str, Callable[[], Iterator[bytes]]],
            level: int = 6) -> Path:
    """A real openpyxl workbook (the roster headers, one row) with ``parts`` replaced by
    streams written chunk by chunk (never whole in memory)."""
    base = tmp_path / "base.xlsx"
    book = Workbook()
    book.active.append(HEADERS)
    book.active.append(["张三", "110105198005010136", "正式党员", "第一党支部"])
    book.save(base)
    target = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(
        target, "w", zipfile.ZIP_DEFLATED, compresslevel=level
    ) as out:
        for info in source.infolist():
            if info.filename == "[Content_Types].xml" and "xl/sharedStrings.xml" in parts:
                types = source.read(info).replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")
                out.writestr(info.filename, types)
            elif info.filename not in parts:
                out.writestr(info.filename, source.read(info))
        for part, chunks in parts.items():
            with out.open(part, "w", force_zip64=True) as stream:
                for chunk in chunks():
                    stream.write(chunk)
    return target


def shared_strings(count: int, text: Callable[[int], str], per_chunk: int = 50_000
                   ) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main">')
        for start in range(0, count, per_chunk):
            yield "".join(f"<si><t>{text(i)}</t></si>"
                          for i in range(start, min(count, start + per_chunk))).encode()
        yield b"</sst>"
    return chunks


def sheet(rows: Callable[[], Iterator[str]]) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
               b'<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>')
        batch: list[str] = []
        for row in rows():
            batch.append(row)
            if len(batch) >= 20_000:
                yield "".join(batch).encode()
                batch = []
        yield "".join(batch).encode()
        yield b"</sheetData></worksheet>"
    return chunks


#: the shared strings of the header row and of one member's row (indexes 4 to 7)
NAMES = shared_strings(8, lambda i: (HEADERS + ["张三", "110105198005010136", "正式党员",
                                                "第一党支部"])[i])


# xlsx -----------------------------------------------------------------------------------


def test_shared_strings_unpacking_to_a_gigabyte_are_refused_before_openpyxl(
    tmp_path: Path,
) -> None:
    chunk = b"<si><t>" + b"a" * 4000 + b"</t></si>"

    def gigabyte() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        for _ in range(2**30 // (len(chunk) * 256)):
            yield chunk * 256
        yield b"</sst>"

    bomb = package(tmp_path, "1GB.xlsx", {"xl/sharedStrings.xml": gigabyte}, level=9)
    assert bomb.stat().st_size < 2 * 2**20
    outcome, _seconds, peak = run_import(bomb, tmp_path)
    assert outcome.startswith("ImportTooLarge：文件过大：“1GB.xlsx”")
    assert "没有导入" in outcome or "请分成几个文件导入" in outcome
    assert peak < MEMORY_CAP_MB


def test_twenty_million_shared_strings_are_refused_in_seconds(tmp_path: Path) -> None:
    def many() -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        for _ in range(20_000_000 // 100_000):
            yield b"<si><t>x</t></si>" * 100_000
        yield b"</sst>"

    bomb = package(tmp_path, "20M.xlsx", {"xl/sharedStrings.xml": many}, level=9)
    assert bomb.stat().st_size < 2 * 2**20
    outcome, _seconds, peak = run_import(bomb, tmp_path)
    assert outcome.startswith("ImportTooLarge：文件过大：")
    assert peak < MEMORY_CAP_MB


def test_more_distinct_texts_than_a_roster_has_are_refused(tmp_path: Path) -> None:
    parts = {"xl/sharedStrings.xml": shared_strings(1_000_001, lambda i: f"{i:x}")}
    path = package(tmp_path, "texts.xlsx", parts)
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome == ("ImportTooLarge：文件过大：“texts.xlsx”超过了不同文字的个数的上限"
                       "（最多 1,000,000 个），请分成几个文件导入。")
    assert peak < MEMORY_CAP_MB


def test_a_million_rows_are_refused_at_the_first_row_past_the_limit(tmp_path: Path) -> None:
    def rows() -> Iterator[str]:
        for n in range(2, 1_000_002):
            yield f'<row r="{n}"><c r="A{n}" t="s"><v>4</v></c></row>'

    path = package(tmp_path, "rows.xlsx", {"xl/sharedStrings.xml": NAMES,
                                           "xl/worksheets/sheet1.xml": sheet(rows)})
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome == "ImportTooLarge：" + ROWS_REFUSAL
    assert peak < MEMORY_CAP_MB


def test_blank_rows_past_the_limit_are_not_counted(services: Services, tmp_path: Path) -> None:
    def rows() -> Iterator[str]:
        yield '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c>' \
              '<c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c></row>'
        for n in range(3, MAX_ROWS + 50):
            yield f'<row r="{n}"><c r="A{n}" s="1"/></row>'

    path = package(tmp_path, "blank.xlsx", {"xl/sharedStrings.xml": NAMES,
                                            "xl/worksheets/sheet1.xml": sheet(rows)})
    preview = services.member_import.preview(path)
    assert [(r.row, r.name) for r in preview.rows] == [(2, "张三")]


def test_one_cell_of_three_hundred_thousand_characters_is_refused(tmp_path: Path) -> None:
    def rows() -> Iterator[str]:
        yield '<row r="2"><c r="A2" t="inlineStr"><is><t>'
        yield "名" * 300_000
        yield "</t></is></c></row>"

    path = package(tmp_path, "cell.xlsx", {"xl/worksheets/sheet1.xml": sheet(rows)})
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome == (f"ImportTooLarge：文件过大：第 2 行超过了每格字数的上限（最多 "
                       f"{MAX_CELL_CHARS:,} 字），请分成几个文件导入。")
    assert peak < MEMORY_CAP_MB


def test_a_row_of_more_cells_than_excel_has_is_refused(tmp_path: Path) -> None:
    def rows() -> Iterator[str]:
        yield '<row r="2">' + "<c><v>1</v></c>" * 65_000 + "</row>"

    path = package(tmp_path, "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet(rows)})
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome == ("ImportTooLarge：文件过大：第 2 行超过了列数的上限（最多 256 列），"
                       "请分成几个文件导入。")
    assert peak < MEMORY_CAP_MB


def test_all_cells_together_past_fifty_million_characters_are_refused(
    services: Services, tmp_path: Path
) -> None:
    long_text = "党" * MAX_CELL_CHARS
    strings = shared_strings(9, lambda i: (HEADERS + ["张三", "110105198005010136",
                                                      "正式党员", "第一党支部", long_text])[i])

    def rows() -> Iterator[str]:
        for n in range(2, 10_010):
            yield f'<row r="{n}"><c r="A{n}" t="s"><v>4</v></c><c r="E{n}" t="s"><v>8</v></c></row>'

    path = package(tmp_path, "text.xlsx", {"xl/sharedStrings.xml": strings,
                                           "xl/worksheets/sheet1.xml": sheet(rows)})
    with pytest.raises(ImportFileError) as refused:
        services.member_import.preview(path)
    # the header row and 9,996 rows of 5,002 characters come to 49,999,009
    assert str(refused.value) == (
        "文件过大：第 9,997 行超过了全部文字的上限（最多 50,000,000 字），请分成几个文件导入。"
    )


# csv ------------------------------------------------------------------------------------


def test_a_million_row_csv_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADERS) + "\n")
        for start in range(0, 1_000_000, 50_000):
            out.write("".join(f"张{n},11010519800501{n % 10000:04d},正式党员,第一党支部\n"
                              for n in range(start, start + 50_000)))
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome == "ImportTooLarge：" + ROWS_REFUSAL
    assert peak < MEMORY_CAP_MB


def test_a_csv_line_without_end_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "line.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADERS) + "\n")
        for _ in range(100):
            out.write("a" * 1_000_000)
    outcome, _seconds, peak = run_import(path, tmp_path)
    assert outcome.startswith("ImportTooLarge：文件过大：第 2 行超过了每行字数的上限")
    assert peak < MEMORY_CAP_MB


def test_a_csv_cell_past_the_limit_names_its_row(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    path.write_text(",".join(HEADERS) + "\n张三,1,正式党员,第一党支部\n李四,2,正式党员,"
                    + "支" * (MAX_CELL_CHARS + 1) + "\n", encoding="gbk")
    with pytest.raises(ImportFileError) as refused:
        services.member_import.preview(path)
    assert str(refused.value) == (
        f"文件过大：第 3 行超过了每格字数的上限（最多 {MAX_CELL_CHARS:,} 字），请分成几个文件导入。"
    )


def test_an_unclosed_quote_is_refused_in_chinese(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(",".join(HEADERS) + '\n"张三,1,正式党员,第一党支部\n' + "李四,2\n" * 30_000,
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        services.member_import.preview(path)
    assert str(refused.value).startswith("文件过大：第 2 行超过了每格字数的上限")


# cancelling -----------------------------------------------------------------------------


def test_cancelling_while_writing_rolls_the_whole_import_back(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    from tests.core.test_member_import import counts, full_member, idn, workbook

    names = [f"张{a}{b}" for a in "甲乙丙" for b in "一二三四五六七八九十"]
    path = workbook(tmp_path / "名册.xlsx", [full_member(name, idn(1980, 2 * n + 1))
                                             for n, name in enumerate(names)])
    seen: list[str] = []
    monitor = ImportMonitor(report=lambda text, _done, _total: seen.append(text))
    preview = services.member_import.preview(path, monitor=monitor)
    assert len(preview.valid_rows) == 30 and any(t.startswith("正在检查") for t in seen)
    before = counts(services)

    def cancel_while_writing(text: str, _done: int, _total: int) -> None:
        if text.startswith("正在写入"):
            stopping.cancel()

    stopping = ImportMonitor(report=cancel_while_writing)
    with pytest.raises(ImportCancelled) as cancelled:
        services.member_import.import_preview(clerk, preview, monitor=stopping)
    assert str(cancelled.value) == "已取消导入，没有导入任何记录。"
    assert counts(services) == before
    assert services.member_import.import_preview(clerk, preview).imported == 30


def test_cancelling_while_reading_stops_at_the_next_check(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "名册.csv"
    path.write_text(",".join(HEADERS) + "\n" + "张三,1,正式党员,第一党支部\n" * 10_000,
                    encoding="utf-8")
    reports: list[int] = []

    def cancel_at_once(_text: str, done: int, _total: int) -> None:
        reports.append(done)
        monitor.cancel()

    monitor = ImportMonitor(report=cancel_at_once)
    with pytest.raises(ImportCancelled):
        services.member_import.preview(path, monitor=monitor)
    assert len(reports) == 1

"""No roster file, however broken, makes the import fail other than with a clear refusal."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.member_import import ImportFileError, ImportPreview
from branchdesk.core.member_sheet import COLUMNS
from branchdesk.core.services import Services
from branchdesk.storage.models import AuditEntry, Member

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER_TEXTS = [name for c in COLUMNS for name in (c.header, *c.aliases)] + ["序号", "", "问题"]

cell = st.one_of(
    st.none(),
    st.text(max_size=25),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(["正式党员", "预备党员", "第一党支部", "2005-07-01", "110105198005010136",
                     "２００５年７月１日", "20051301", "男", "汉族"]),
)
header = st.one_of(st.sampled_from(HEADER_TEXTS), st.text(max_size=12))


def counts(services: Services) -> tuple[int, int]:
    with services.db.read() as s:
        return (s.scalar(select(func.count()).select_from(Member)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def preview_or_refusal(services: Services, path: Path) -> ImportPreview | None:
    """The preview, or None when refused with ImportFileError (anything else fails the test)."""
    try:
        preview = services.member_import.preview(path)
    except ImportFileError as exc:
        assert str(exc)
        return None
    for row in preview.rows:
        assert all(p.row == row.row and p.column and p.message for p in row.problems)
    return preview


def import_changes_nothing_when_rejected(
    services: Services, clerk: Actor, preview: ImportPreview
) -> None:
    before = counts(services)
    if preview.invalid_rows:
        try:
            services.member_import.import_preview(clerk, preview)
        except ValidationError:
            pass
        else:  # pragma: no cover - a bug
            raise AssertionError("an import with invalid rows went through")
        assert counts(services) == before


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".xlsx", ".csv", ".txt", ".xls"]))
def test_random_bytes(services: Services, tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    preview_or_refusal(services, path)


@SETTINGS
@given(headers=st.lists(header, min_size=1, max_size=10),
       rows=st.lists(st.lists(cell, max_size=12), max_size=6),
       title=st.booleans())
def test_random_cells_under_random_headers(
    services: Services, clerk: Actor, tmp_path: Path, headers: list[str],
    rows: list[list[Any]], title: bool,
) -> None:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append(["党员名册"])
    sheet.append([_storable(h) for h in headers])
    for row in rows:
        sheet.append([_storable(v) for v in row])
    path = tmp_path / "cells.xlsx"
    book.save(path)
    preview = preview_or_refusal(services, path)
    if preview is not None:
        import_changes_nothing_when_rejected(services, clerk, preview)
        services.member_import.write_report(preview, tmp_path / "report.xlsx")


@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=4, max_size=9), min_size=1, max_size=6))
def test_random_cells_under_the_real_headers(
    services: Services, clerk: Actor, tmp_path: Path, rows: list[list[Any]]
) -> None:
    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "人员类别", "所在党支部", "申请入党日期",
                        "确定入党积极分子日期", "确定发展对象日期", "入党时间", "转正时间"])
    for row in rows:
        book.active.append([_storable(v) for v in row])
    path = tmp_path / "cells.xlsx"
    book.save(path)
    preview = preview_or_refusal(services, path)
    assert preview is not None
    import_changes_nothing_when_rejected(services, clerk, preview)


@SETTINGS
@given(lines=st.lists(st.lists(st.text(max_size=15), max_size=8), max_size=6),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       delimiter=st.sampled_from([",", "\t", ";"]))
def test_random_csv_text(
    services: Services, tmp_path: Path, lines: list[list[str]], encoding: str, delimiter: str
) -> None:
    text = "\n".join(delimiter.join(line) for line in [["姓名", "身份证号"], *lines])
    path = tmp_path / "random.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    preview = preview_or_refusal(services, path)
    if preview is not None:  # control characters a CSV may hold cannot go into a workbook
        services.member_import.write_report(preview, tmp_path / "report.xlsx")


@SETTINGS
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1,
                      max_size=8),
       member=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                               "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml"]))
def test_a_damaged_workbook(
    services: Services, tmp_path: Path, flips: list[tuple[int, int]], member: str
) -> None:
    """A good workbook with a part of it garbled (inside the zip, so it still opens as one)."""
    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "人员类别", "所在党支部"])
    book.active.append(["张三", "110105198005010136", "正式党员", "第一党支部"])
    raw = io.BytesIO()
    book.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = bytearray(source.read(info.filename))
            if info.filename == member and data:
                for at, value in flips:
                    data[at % len(data)] = value
            target.writestr(info.filename, bytes(data))
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(damaged.getvalue())
    preview_or_refusal(services, path)


def _storable(value: Any) -> Any:
    """openpyxl refuses control characters in cells; a real file cannot hold them either."""
    if isinstance(value, str):
        return "".join(c for c in value if c.isprintable() or c in "\t\n")
    return value

"""Writing roster workbooks: the export, the import template and the rejected-rows report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from branchdesk.core.member_import_write import MILESTONE_STEPS
from branchdesk.core.member_sheet import BY_KEY, COLUMNS, DATE_FORMS, Column, stage_choices
from branchdesk.core.vocab import Stage
from branchdesk.storage.database import Database
from branchdesk.storage.file_check import require_sound_open_database
from branchdesk.storage.models import Member, Organisation, StepRecord

if TYPE_CHECKING:
    from branchdesk.core.member_import import ImportPreview

SHEET_TITLE = "党员名册"
PROBLEM_HEADER = "问题"
DATE_FORMAT = "yyyy-mm-dd"
CHUNK = 5000
EXAMPLE = {
    "name": "张三", "gender": "男", "ethnicity": "汉族", "id_number": "110105198005010136",
    "birth_date": dt.date(1980, 5, 1), "education": "大学本科", "stage": "正式党员",
    "branch": "第一党支部", "applied": dt.date(2003, 3, 5), "activist": dt.date(2003, 9, 1),
    "candidate": dt.date(2004, 9, 10), "join_date": dt.date(2005, 7, 1),
    "full_member_date": dt.date(2006, 7, 1), "job": "民警", "phone": "13800138000",
    "address": "某某市某某路 1 号", "note": "",
}


def _workbook(columns: Sequence[Column], rows: Sequence[Sequence[Any]], extra_header: str = "",
              lists: bool = False) -> Any:
    """A workbook with the roster sheet: formatted header, widths, text IDs, real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    headers = [c.header for c in columns] + ([extra_header] if extra_header else [])
    sheet.append(headers)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9E1F2")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        append_row(sheet, row)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width + 2
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if column.is_date:
                cell.number_format = DATE_FORMAT
            elif column.key in ("id_number", "phone"):
                cell.number_format = "@"
    if extra_header:
        sheet.column_dimensions[get_column_letter(len(headers))].width = 60
    sheet.freeze_panes = "B2"
    if lists:
        for key, choices in (("stage", stage_choices().replace("、", ",")), ("gender", "男,女")):
            letter = get_column_letter(1 + [c.key for c in columns].index(key))
            check = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
            check.error = f"请从列表中选择{BY_KEY[key].header}"
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}10000")
        for key in ("id_number", "phone"):
            letter = get_column_letter(1 + [c.key for c in columns].index(key))
            for row_number in range(2, 1001):
                sheet[f"{letter}{row_number}"].number_format = "@"
    return book


def write_template(target: Path) -> None:
    """The import template: the header row, and a sheet on how to fill it in with an example."""
    from openpyxl.styles import Font

    book = _workbook(COLUMNS, [], lists=True)
    notes = book.create_sheet("填写说明")
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["B"].width = 80
    notes.append(["列名", "说明"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        also = f"（也可写作：{'、'.join(column.aliases)}）" if column.aliases else ""
        notes.append([column.header, column.note + also])
    notes.append([])
    for line in (
        f"日期可写作 {DATE_FORMS}，或用 Excel 的日期格式。",
        "表头可以在任意列、任意顺序；不认识的列不导入。第一行之前可以有标题行。",
        "公民身份号码请设为“文本”格式，否则 Excel 会把后几位变成 0。",
        "申请入党、确定入党积极分子、确定发展对象、接收预备党员、转为正式党员的日期"
        "作为发展档案的历史记录导入（标明“导入的历史记录”），程序据此提醒下一步待办。",
        "有任何一行不符合要求时不导入任何记录；程序列出每一处问题（第几行、哪一列、原因）。",
    ):
        notes.append(["", line])
    notes.append([])
    notes.append(["示例（一名正式党员）"])
    notes.cell(notes.max_row, 1).font = Font(bold=True)
    for column in COLUMNS:
        value = EXAMPLE.get(column.key, "")
        notes.append([column.header, value.isoformat() if isinstance(value, dt.date) else value])
    _save(book, target)


def write_rejected(preview: ImportPreview, target: Path) -> None:
    """The rejected rows as they were in the file, with a 问题 column saying what to fix."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "未导入的行"
    headers = [h for h in preview.columns if h] + [PROBLEM_HEADER, "原行号"]
    append_row(sheet, headers)
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="F8CBAD")
    for row in preview.invalid_rows:
        problems = "；".join(f"[{p.column}] {p.message}" for p in row.problems)
        cells = [row.cells.get(h, "") for h in headers[:-2]] + [problems, row.row]
        append_row(sheet, cells)
    for cell in sheet[1][: len(headers) - 2]:
        sheet.column_dimensions[cell.column_letter].width = 14
        for (data,) in sheet.iter_rows(min_row=2, min_col=cell.column, max_col=cell.column):
            data.number_format = "@"
    sheet.column_dimensions[sheet.cell(1, len(headers) - 1).column_letter].width = 80
    sheet.freeze_panes = "B2"
    _save(book, target)


class MemberExporter:
    """Writes roster members to a workbook with the import's columns, re-importable as it is."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def export(self, target: Path, member_ids: Sequence[int] | None = None) -> int:
        """Write the members (None: all not voided, in name order); return the rows written.

        A damaged database is refused first (DamagedDatabaseError): nothing is written."""
        require_sound_open_database(self.db, "导出")
        rows = self.rows(member_ids)
        _save(_workbook(COLUMNS, rows), target)
        return len(rows)

    def rows(self, member_ids: Sequence[int] | None = None) -> list[list[Any]]:
        """The export's rows in COLUMNS order (dates as dates)."""
        with self.db.read() as s:
            query = (
                select(Member, Organisation.name)
                .join(Organisation, Organisation.id == Member.branch_id)
                .order_by(Member.sort_key, Member.id)
            )
            if member_ids is None:
                members = list(s.execute(query.where(Member.voided.is_(False))))
            else:
                wanted = list(dict.fromkeys(member_ids))
                members = []
                for start in range(0, len(wanted), CHUNK):
                    chunk = wanted[start:start + CHUNK]
                    members += list(s.execute(query.where(Member.id.in_(chunk))))
                order = {member_id: i for i, member_id in enumerate(wanted)}
                members.sort(key=lambda row: order[row[0].id])
            steps = _milestone_dates(s, [m.id for m, _ in members])
            return [_row(m, branch, steps.get(m.id, {})) for m, branch in members]


def _milestone_dates(s: Any, ids: list[int]) -> dict[int, dict[int, dt.date]]:
    """Passed steps 1, 3, 7 and 8 by member: the application, activist and candidate dates
    (a 发展对象 from step 8 on: step 7's date is the candidate date once step 8 passed)."""
    out: dict[int, dict[int, dt.date]] = {}
    steps = [n for k in ("applied", "activist", "candidate") for n in MILESTONE_STEPS[k]]
    for start in range(0, len(ids), CHUNK):
        for member_id, step, day in s.execute(
            select(StepRecord.member_id, StepRecord.step, StepRecord.date).where(
                StepRecord.member_id.in_(ids[start:start + CHUNK]),
                StepRecord.step.in_(steps), StepRecord.state == "passed",
            )
        ):
            known = out.setdefault(member_id, {})
            known[step] = max(known.get(step, day), day)
    return out


def _row(m: Member, branch: str, steps: dict[int, dt.date]) -> list[Any]:
    values: dict[str, Any] = {
        "name": m.name, "gender": m.gender, "ethnicity": m.ethnicity, "id_number": m.id_number,
        "birth_date": m.birth_date, "education": m.education, "stage": Stage(m.stage).label,
        "branch": branch, "applied": steps.get(1), "activist": steps.get(3),
        "candidate": steps.get(7) if 8 in steps else None, "join_date": m.join_date,
        "full_member_date": m.full_member_date, "job": m.job, "phone": m.phone,
        "address": m.address, "note": m.note,
    }
    return [values[c.key] for c in COLUMNS]


def cell_value(value: Any) -> Any:
    """A value a workbook can hold: control characters (from a CSV, say) are dropped."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


#: what makes a spreadsheet program read a cell's text as a formula (OWASP, CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    """Whether a spreadsheet program would take this text for a formula if typed."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def append_row(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row; a text that looks like a formula is stored as text, never as a formula.

    openpyxl writes a string starting with "=" as a live formula: such cells get the text
    type back, and all formula-like texts Excel's quote prefix (shown as typed, kept as
    text when the clerk edits the cell)."""
    cleaned = [cell_value(v) for v in values]
    sheet.append(cleaned)
    row = sheet.max_row
    for column, value in enumerate(cleaned, start=1):
        if formula_like(value):
            cell = sheet.cell(row, column)
            cell.value = value
            cell.data_type = "s"
            cell.quotePrefix = True


def _save(book: Any, target: Path) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)

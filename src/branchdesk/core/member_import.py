"""Importing a roster spreadsheet: a checked preview of every row, then one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.member_file import ImportFileError, read_table
from branchdesk.core.member_file_limits import ImportMonitor
from branchdesk.core.member_import_check import (
    BranchRef,
    CheckContext,
    Existing,
    ParsedMember,
    RowChecker,
    branch_key,
)
from branchdesk.core.member_import_write import write_rows
from branchdesk.core.member_sheet import BY_KEY, cell_text, id_key, match_headers
from branchdesk.core.members import _to_input
from branchdesk.core.vocab import OrgKind, Role, Status
from branchdesk.storage.bulk import no_cyclic_gc
from branchdesk.storage.database import Database
from branchdesk.storage.models import Member, Organisation, StepRecord

__all__ = [
    "ImportFileError",
    "ImportPreview",
    "ImportProblem",
    "ImportResult",
    "ImportRow",
    "MemberImporter",
]

QUERY_CHUNK = 5000
#: rows checked between two progress reports (and looks at the clerk's 取消 button)
CHECK_EVERY = 500
#: problems listed in the message of a refused import before "…"
LISTED_PROBLEMS = 10


@dataclass(frozen=True)
class ImportProblem:
    """What is wrong with a cell: the row as Excel numbers it, the column as headed, the reason."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.row} 行 [{self.column}] {self.message}"


@dataclass(frozen=True)
class ImportRow:
    """A data row of the file: its cells as shown (header → text), problems, who it is."""

    row: int
    cells: dict[str, str]
    problems: tuple[ImportProblem, ...]
    name: str
    id_number: str
    #: what a valid row will write (None for an invalid one)
    parsed: ParsedMember | None = field(default=None, compare=False, repr=False)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def updates(self) -> bool:
        """The row updates a member already in the database (import with update)."""
        return self.parsed is not None and self.parsed.existing_id is not None


@dataclass(frozen=True)
class ImportPreview:
    """A checked file: its headers in order, every row with its problems, and the source."""

    columns: tuple[str, ...]
    rows: tuple[ImportRow, ...]
    source: Path
    branch: str | None = None
    update: bool = False

    @property
    def valid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.valid)

    @property
    def invalid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if not r.valid)

    @property
    def problems(self) -> tuple[ImportProblem, ...]:
        return tuple(p for r in self.rows for p in r.problems)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: members added, members updated, rows skipped, their ids."""

    imported: int
    updated: int
    skipped: int
    member_ids: tuple[int, ...]


def refusal(problems: Sequence[ImportProblem], rows: int) -> str:
    """The message of an import refused because rows are invalid (nothing was written)."""
    listed = "；".join(str(p) for p in problems[:LISTED_PROBLEMS])
    more = f"；等共 {len(problems)} 处" if len(problems) > LISTED_PROBLEMS else ""
    return f"有 {rows} 行不符合要求，没有导入任何记录：{listed}{more}"


class MemberImporter:
    """Reads a roster file, checks every row, and imports the valid ones in one transaction."""

    def __init__(self, db: Database, today: dt.date | None = None) -> None:
        self.db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # preview ------------------------------------------------------------------------

    def preview(
        self, path: Path, branch: str | None = None, update: bool = False,
        monitor: ImportMonitor | None = None,
    ) -> ImportPreview:
        """Read and check a file (nothing is written); ImportFileError when it is unreadable.

        The file is read within the limits of member_file_limits (ImportTooLarge past one);
        ``monitor`` is told the progress and may stop the reading (ImportCancelled).

        ``branch`` is the 党支部 of rows that name none. Without ``update`` an ID number
        already registered is a problem of its row; with it, the row updates that member:
        its non-empty 姓名, 民族, 学历, 工作岗位, 联系电话, 家庭住址, 备注 and 所在党支部 (the
        党小组 is cleared on a move) replace the record's, empty cells keep them. The 人员类别
        and the milestone dates are not changed by an import (they follow the development
        file's steps): a row whose stage or dates differ from the record is refused, and so
        is a changed row of a transferred-out (read-only) member or of a voided record."""
        path = Path(path)
        monitor = monitor or ImportMonitor()
        table = read_table(path, monitor)
        found, doubled = match_headers(table.headers)
        if doubled:
            raise ImportFileError(f"“{path.name}”的表头有重复的列：" + "；".join(doubled))
        branch = (branch or "").strip() or None
        missing = [k for k in ("name", "id_number", "stage") if k not in found]
        if "branch" not in found and branch is None:
            missing.append("branch")
        if missing:
            names = "、".join(f"“{BY_KEY[k].header}”" for k in missing)
            hint = "（或在导入时指定党支部）" if "branch" in missing else ""
            raise ImportFileError(f"“{path.name}”缺少必填的列：{names}{hint}")
        headers = table.headers
        ids = set()
        id_at = found["id_number"]
        for _number, values in table.rows:
            if id_at < len(values):
                ids.add(id_key(cell_text(values[id_at])))
        with self.db.read() as s:
            ctx = CheckContext(
                self.today(), _branches(s), _existing(s, ids, update), branch, update
            )
        checker = RowChecker(ctx)
        total = len(table.rows)
        rows = []
        with no_cyclic_gc():
            for index, (number, values) in enumerate(table.rows):
                if index % CHECK_EVERY == 0:
                    monitor.progress(f"正在检查第 {number:,} 行……", index, total)
                rows.append(self._row(checker, number, values, headers, found))
        monitor.check()
        return ImportPreview(tuple(headers), tuple(_mark_doubles(rows, headers, found)), path,
                             branch, update)

    def _row(
        self, checker: RowChecker, number: int, values: tuple[Any, ...], headers: Sequence[str],
        found: dict[str, int],
    ) -> ImportRow:
        cells = {
            header: cell_text(values[i]) if i < len(values) else ""
            for i, header in enumerate(headers) if header
        }
        by_key = {key: values[i] if i < len(values) else None for key, i in found.items()}
        try:
            problems, parsed = checker.check(by_key)
        except Exception as exc:  # a bug must not hide the rest of the file
            problems, parsed = [("name", f"这一行无法检查（{type(exc).__name__}），请核对")], None
        problems.sort(key=lambda p: found.get(p[0], len(headers)))  # left to right
        return ImportRow(
            number,
            cells,
            tuple(ImportProblem(number, _header(k, headers, found), m) for k, m in problems),
            parsed.data.name if parsed else cells.get(_header("name", headers, found), ""),
            parsed.data.id_number if parsed else cells.get(_header("id_number", headers, found),
                                                           ""),
            parsed,
        )

    # import -------------------------------------------------------------------------

    def import_preview(
        self, actor: Actor, preview: ImportPreview, skip_invalid: bool = False,
        monitor: ImportMonitor | None = None,
    ) -> ImportResult:
        """Write the preview's valid rows in one transaction (all or nothing by default).

        The rows are checked again against the database inside the transaction; a
        ``monitor`` that cancels (ImportCancelled) before the commit rolls it all back."""
        monitor = monitor or ImportMonitor()
        actor.require(Role.ADMIN, Role.CLERK)
        invalid = preview.invalid_rows
        if invalid and not skip_invalid:
            raise ValidationError({"file": refusal(preview.problems, len(invalid))})
        summary = f"导入党员名册 {preview.source.name}"
        with self.db.write(actor.username, summary) as s:
            stale = self._recheck(s, preview)
            if stale and not skip_invalid:
                raise ValidationError({"file": refusal(stale, len({p.row for p in stale}))})
            stale_rows = {p.row for p in stale}
            rows = [r for r in preview.valid_rows if r.row not in stale_rows]
            monitor.progress(f"正在写入 {len(rows):,} 行……")
            with no_cyclic_gc():
                ids = write_rows(s, actor, rows, preview.source.name, self.today(),
                                 monitor.check)
            monitor.progress("正在保存……")
        updated = sum(1 for r in rows if r.updates)
        return ImportResult(
            len(rows) - updated, updated, len(preview.rows) - len(rows), tuple(ids)
        )

    def _recheck(self, s: Session, preview: ImportPreview) -> list[ImportProblem]:
        """Problems the database has now with rows that were valid when previewed."""
        rows = preview.valid_rows
        branches = {b.id: b for refs in _branches(s).values() for b in refs}
        existing = _existing(s, {id_key(r.id_number) for r in rows}, preview.update)
        problems = []
        for r in rows:
            assert r.parsed is not None
            data = r.parsed.data
            branch = branches.get(data.branch_id or 0)
            if branch is None or branch.dissolved:
                problems.append(ImportProblem(r.row, "所在党支部", "该党支部已撤销或不存在"))
            now = existing.get(id_key(data.id_number))
            expected = r.parsed.existing_id
            if (now.id if now and not now.voided else None) != expected or (
                now is not None and now.voided
            ):
                problems.append(ImportProblem(
                    r.row, "公民身份号码", "导入前此公民身份号码的登记情况已有变化，请重新检查文件"
                ))
        return problems

    # report -------------------------------------------------------------------------

    def write_report(self, preview: ImportPreview, target: Path) -> None:
        """The rejected rows with a 问题 column, to fix in Excel and import again."""
        from branchdesk.core.member_export import write_rejected

        write_rejected(preview, target)


def _branches(s: Session) -> dict[str, tuple[BranchRef, ...]]:
    out: dict[str, list[BranchRef]] = {}
    for org_id, name, dissolved in s.execute(
        select(Organisation.id, Organisation.name, Organisation.dissolved).where(
            Organisation.kind == OrgKind.BRANCH.value
        )
    ):
        out.setdefault(branch_key(name), []).append(BranchRef(org_id, name, dissolved))
    return {k: tuple(v) for k, v in out.items()}


def _existing(s: Session, ids: Iterable[str], with_steps: bool) -> dict[str, Existing]:
    """Members already registered with these ID numbers (one query per 5,000 numbers)."""
    wanted = sorted(i for i in ids if i)
    found: dict[str, Existing] = {}
    for start in range(0, len(wanted), QUERY_CHUNK):
        chunk = wanted[start:start + QUERY_CHUNK]
        members = list(s.scalars(select(Member).where(Member.id_number.in_(chunk))))
        steps: dict[int, dict[int, dt.date]] = {}
        if with_steps and members:
            for member_id, step, day in s.execute(
                select(StepRecord.member_id, StepRecord.step, StepRecord.date).where(
                    StepRecord.member_id.in_([m.id for m in members]),
                    StepRecord.state == "passed",
                )
            ):
                steps.setdefault(member_id, {})[step] = day
        for m in members:
            found[m.id_number] = Existing(
                m.id, _to_input(m), Status(m.status), m.voided, m.branch.name,
                steps.get(m.id, {}),
            )
    return found


def _header(key: str, headers: Sequence[str], found: dict[str, int]) -> str:
    """The column as headed in the file (the standard header when the file lacks it)."""
    index = found.get(key)
    return headers[index] if index is not None else BY_KEY[key].header


def _mark_doubles(
    rows: list[ImportRow], headers: Sequence[str], found: dict[str, int]
) -> list[ImportRow]:
    """Rows whose ID number another row of the file also has: both are refused."""
    seen: dict[str, list[int]] = {}
    for index, r in enumerate(rows):
        key = id_key(r.parsed.data.id_number if r.parsed else r.id_number)
        if key:
            seen.setdefault(key, []).append(index)
    column = _header("id_number", headers, found)
    out = list(rows)
    for indexes in seen.values():
        if len(indexes) < 2:
            continue
        numbers = [rows[i].row for i in indexes]
        for i in indexes:
            others = "、".join(str(n) for n in numbers if n != rows[i].row)
            problem = ImportProblem(
                rows[i].row, column, f"与第 {others} 行的公民身份号码相同，同一人只能有一行"
            )
            r = out[i]
            out[i] = ImportRow(r.row, r.cells, (*r.problems, problem), r.name, r.id_number, None)
    return out

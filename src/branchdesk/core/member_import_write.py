"""Writing checked roster rows: members, their imported step history and development files."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.member_import_check import ParsedMember
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.member_sheet import BY_KEY
from branchdesk.core.members import MemberService
from branchdesk.core.rulebook import ON_TIME, rulebook_on
from branchdesk.core.search_keys import SearchColumns, search_columns
from branchdesk.core.vocab import EventKind, Status
from branchdesk.storage.bulk import insert_audited, next_id
from branchdesk.storage.models import (
    Base,
    DevelopmentFile,
    Member,
    MemberEvent,
    StepRecord,
    StepReview,
    utcnow,
)

if TYPE_CHECKING:
    from branchdesk.core.member_import import ImportRow

PASSED = "passed"
#: the steps a milestone date becomes: the application (1), the activist decision (3), the
#: candidate (7 decided, 8 filed or approved and publicised: the person is a 发展对象 from
#: step 8), the admission (15, the join date, and 17, the approval that makes a
#: probationary member) and the conversion (23 decided 按期转正, 24 approved)
MILESTONE_STEPS: dict[str, tuple[int, ...]] = {
    "applied": (1,),
    "activist": (3,),
    "candidate": (7, 8),
    "join_date": (15, 17),
    "full_member_date": (23, 24),
}
#: step 23's record: the branch meeting decided 按期转正 (the conversion date is its outcome)
CONVERSION_DETAILS = json.dumps({"outcome": ON_TIME}, ensure_ascii=False, sort_keys=True)
FILE_NUMBER = re.compile(r"^FZ(\d{4})-(\d+)$")


def write_rows(
    s: Session, actor: Actor, rows: Sequence[ImportRow], source: str, today: dt.date,
    check: Callable[[], None] = lambda: None,
) -> list[int]:
    """Add or update each row's member inside the caller's transaction; their ids in order.

    New members, their stage events, imported step records with their reviews (by the
    importing clerk, as history) and their development files are inserted in bulk (audited
    as the flush hook would); updates of existing members go through the ORM. ``check`` is
    called between tables and may raise to stop (the caller's transaction rolls back)."""
    updates = {r.parsed.existing_id: r.parsed for r in rows if r.parsed and r.parsed.existing_id}
    if updates:
        for member in s.scalars(select(Member).where(Member.id.in_(list(updates)))):
            MemberService._apply(member, updates[member.id].data)
        s.flush()
    fresh = [r.parsed for r in rows if r.parsed and r.parsed.existing_id is None]
    writer = _Writer(s, actor, source, today)
    new_ids = iter(writer.add(fresh))
    writer.flush(check)
    out = []
    for r in rows:
        assert r.parsed is not None
        out.append(r.parsed.existing_id or next(new_ids))
    return out


class _Writer:
    """Collects the rows of new members and their history, then inserts them table by table."""

    def __init__(self, s: Session, actor: Actor, source: str, today: dt.date) -> None:
        self.s, self.actor, self.today = s, actor, today
        self.reason = f"导入党员名册（{source}）"
        self.clerk = actor.display_name or actor.username
        self.now = utcnow()
        self.numbers = _FileNumbers(s)
        self.tables: dict[type[Base], list[dict[str, Any]]] = {
            Member: [], MemberEvent: [], StepRecord: [], StepReview: [], DevelopmentFile: [],
        }
        self.ids = {model: next_id(s, model) for model in self.tables}

    def _row(self, model: type[Base], **values: Any) -> dict[str, Any]:
        values["id"] = self.ids[model]
        self.ids[model] += 1
        self.tables[model].append(values)
        return values

    def add(self, members: Sequence[ParsedMember]) -> list[int]:
        ids = []
        for parsed in members:
            member_id = self._row(Member, **self._member(parsed))["id"]
            ids.append(member_id)
            self._row(
                MemberEvent, member_id=member_id, kind=EventKind.STAGE.value, date=self.today,
                from_value="", to_value=parsed.data.stage.value, reason=self.reason,
                recorded_by=self.actor.username, recorded_at=self.now,
            )
            if parsed.milestones:
                self._history(member_id, parsed)
                first = min(parsed.milestones.values())
                year = parsed.milestones.get("applied", first).year
                self._row(DevelopmentFile, member_id=member_id,
                          file_number=self.numbers.next(year), opened_at=self.now)
        return ids

    def _member(self, parsed: ParsedMember) -> dict[str, Any]:
        """The new member's row: the record's fields as MemberService._apply sets them."""
        data = parsed.data
        values = {f.name: getattr(data, f.name) for f in fields(MemberInput) if f.name != "stage"}
        keys = _search_columns(data.name)
        values.update(
            stage=data.stage.value, status=Status.NORMAL.value, voided=False, void_reason="",
            search_key=keys.search_key, pinyin_initials=keys.pinyin_initials,
            sort_key=keys.sort_key, created_at=self.now,
            join_month=data.join_date.month if data.join_date else None, row_version=1,
        )
        return values

    def _history(self, member_id: int, parsed: ParsedMember) -> None:
        """Milestone dates as passed step records marked imported: history from the paper
        files, each reviewed by the importing clerk as history (一步一审 holds for them too)."""
        for key, day in sorted(parsed.milestones.items(), key=lambda item: item[1]):
            for step in MILESTONE_STEPS[key]:
                record = self._row(
                    StepRecord, member_id=member_id, step=step, occurrence=1, version=1,
                    state=PASSED, date=day,
                    content=f"导入的历史记录：{BY_KEY[key].header} {day.isoformat()}"
                            f"（{self.clerk}据原台账导入）",
                    details=CONVERSION_DETAILS if step == 23 else "{}",
                    meeting_ref="", serial_number="", exception_reason="",
                    rulebook=rulebook_on(day).version, imported=True,
                    recorded_by=self.actor.username, recorded_at=self.now, row_version=1,
                )
                self._row(
                    StepReview, record_id=record["id"], outcome=PASSED,
                    opinion="导入的历史记录，已据原台账核对", reviewer_name=self.clerk,
                    reviewer_post="", review_date=self.today, on_paper=False,
                    reviewer_username=self.actor.username, entered_by=self.actor.username,
                    entered_at=self.now,
                )

    def flush(self, check: Callable[[], None]) -> None:
        for model, rows in self.tables.items():
            check()
            insert_audited(self.s, model, rows)


@lru_cache(maxsize=4096)
def _search_columns(name: str) -> SearchColumns:
    """The search columns of a name (pinyin is the costly part; names repeat in a roster)."""
    return search_columns(name)


class _FileNumbers:
    """Development file numbers FZ<year>-NNNN, continuing each year's highest number."""

    def __init__(self, s: Session) -> None:
        self.last: dict[int, int] = {}
        for number in s.scalars(select(DevelopmentFile.file_number)):
            match = FILE_NUMBER.match(number)
            if match:
                year, serial = int(match.group(1)), int(match.group(2))
                self.last[year] = max(self.last.get(year, 0), serial)

    def next(self, year: int) -> str:
        self.last[year] = self.last.get(year, 0) + 1
        return f"FZ{year}-{self.last[year]:04d}"

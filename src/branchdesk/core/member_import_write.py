"""Writing checked roster rows: members, their imported step history and development files."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.member_import_check import ParsedMember
from branchdesk.core.member_sheet import BY_KEY
from branchdesk.core.members import MemberService
from branchdesk.core.rulebook import ON_TIME, rulebook_on
from branchdesk.core.vocab import EventKind, Status
from branchdesk.storage.models import (
    DevelopmentFile,
    Member,
    MemberEvent,
    StepRecord,
    StepReview,
)

if TYPE_CHECKING:
    from branchdesk.core.member_import import ImportRow

PASSED = "passed"
#: the steps a milestone date becomes: the application (1), the activist (3) and candidate (7)
#: decisions, the admission (15, the join date, and 17, the approval that makes a
#: probationary member) and the conversion (23 decided 按期转正, 24 approved)
MILESTONE_STEPS: dict[str, tuple[int, ...]] = {
    "applied": (1,),
    "activist": (3,),
    "candidate": (7,),
    "join_date": (15, 17),
    "full_member_date": (23, 24),
}
REVIEW_OPINION = "导入的历史记录，由导入人按原台账核对"
FILE_NUMBER = re.compile(r"^FZ(\d{4})-(\d+)$")


def write_rows(
    s: Session, actor: Actor, rows: Sequence[ImportRow], source: str, today: dt.date
) -> list[int]:
    """Add or update each row's member inside the caller's transaction; their ids in order."""
    reason = f"导入党员名册（{source}）"
    new: list[tuple[Member, ParsedMember]] = []
    ids: list[int | None] = []
    updates = {r.parsed.existing_id: r.parsed for r in rows if r.parsed and r.parsed.existing_id}
    current = {
        m.id: m for m in s.scalars(select(Member).where(Member.id.in_(list(updates))))
    } if updates else {}
    for r in rows:
        parsed = r.parsed
        assert parsed is not None
        if parsed.existing_id is not None:
            MemberService._apply(current[parsed.existing_id], parsed.data)
            ids.append(parsed.existing_id)
            continue
        member = Member(stage=parsed.data.stage.value, status=Status.NORMAL.value)
        MemberService._apply(member, parsed.data)
        s.add(member)
        new.append((member, parsed))
        ids.append(None)
    s.flush()
    numbers = _FileNumbers(s)
    for member, parsed in new:
        s.add(MemberEvent(
            member_id=member.id, kind=EventKind.STAGE.value, date=today, from_value="",
            to_value=parsed.data.stage.value, reason=reason, recorded_by=actor.username,
        ))
        if parsed.milestones:
            _history(s, actor, member.id, parsed, today)
            first = min(parsed.milestones.values())
            year = parsed.milestones.get("applied", first).year
            s.add(DevelopmentFile(member_id=member.id, file_number=numbers.next(year)))
    s.flush()
    fresh = iter(m.id for m, _ in new)
    return [i if i is not None else next(fresh) for i in ids]


def _history(
    s: Session, actor: Actor, member_id: int, parsed: ParsedMember, today: dt.date
) -> None:
    """The milestone dates as passed, imported step records, reviewed by the importing clerk."""
    reviewer = actor.display_name or actor.username
    for key, day in parsed.milestones.items():
        for step in MILESTONE_STEPS[key]:
            details = {"outcome": ON_TIME} if step == 23 else {}
            record = StepRecord(
                member_id=member_id, step=step, occurrence=1, version=1, state=PASSED,
                date=day, content=f"导入的历史记录：{BY_KEY[key].header} {day.isoformat()}",
                details=json.dumps(details, ensure_ascii=False, sort_keys=True),
                rulebook=rulebook_on(day).version, imported=True, recorded_by=actor.username,
            )
            record.reviews.append(StepReview(
                outcome=PASSED, opinion=REVIEW_OPINION, reviewer_name=reviewer,
                reviewer_post="导入人", review_date=max(today, day), on_paper=False,
                reviewer_username=actor.username, entered_by=actor.username,
            ))
            s.add(record)


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

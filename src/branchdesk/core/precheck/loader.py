"""Reads one member's development file from the database into a FileFacts value."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from branchdesk.core.errors import NotFound
from branchdesk.core.precheck.facts import (
    FileFacts,
    MeetingVote,
    PersonOnDate,
    ReviewFact,
    StepFact,
)
from branchdesk.core.rulebook import FieldKind, rulebook_on
from branchdesk.core.vocab import EventKind, Stage
from branchdesk.storage.models import (
    Material,
    Member,
    MemberEvent,
    Organisation,
    StepPerson,
    StepRecord,
)

#: how a record names the minutes that filled it (MeetingService._fill_steps)
MEETING_REF = re.compile(r"会议记录第\s*(\d+)\s*号")
#: the purpose of a meeting's vote that fills a step (core.meetings.PURPOSE_STEPS)
PURPOSES = {15: "admission", 23: "conversion"}

#: reads the vote on a member in the minutes: (meeting id, member id, step) → the vote
MeetingReader = Callable[[int, int, int], MeetingVote]


def decode_details(step: int, day: dt.date, raw: str | None) -> dict[str, object]:
    """A record's details with the rulebook's date fields as dates (stored as ISO text)."""
    details: dict[str, Any] = json.loads(raw or "{}")
    try:
        rule = rulebook_on(day).step(step)
    except KeyError:
        return details
    for spec in rule.fields:
        value = details.get(spec.key)
        if spec.kind is FieldKind.DATE and isinstance(value, str):
            try:
                details[spec.key] = dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return details


def stage_on(member: Member, events: list[MemberEvent], day: dt.date) -> Stage | None:
    """A person's 人员类别 on ``day`` from their dates and dated stage changes (None: unknown)."""
    if member.full_member_date is not None and member.full_member_date <= day:
        return Stage.FULL
    if member.join_date is not None and member.join_date <= day:
        return Stage.PROBATIONARY
    earlier = [e for e in events if e.kind == EventKind.STAGE.value and e.date <= day]
    if earlier:
        latest = max(earlier, key=lambda e: (e.date, e.id))
        try:
            return Stage(latest.to_value)
        except ValueError:
            return None
    return None


def _person(s: Session, p: StepPerson, day: dt.date) -> PersonOnDate:
    if p.person_id is None:
        return PersonOnDate(None, p.name, None)
    member = s.get(Member, p.person_id)
    if member is None:
        return PersonOnDate(p.person_id, p.name, None)
    events = s.info.setdefault("precheck_events", {})  # one query per person per read
    if member.id not in events:
        events[member.id] = list(
            s.scalars(select(MemberEvent).where(MemberEvent.member_id == member.id))
        )
    # the roster keeps the current sanction only, without its date
    stage = stage_on(member, events[member.id], day)
    return PersonOnDate(member.id, p.name, stage, member.discipline, False)


def _vote(record: StepRecord, read_meeting: MeetingReader | None) -> MeetingVote | None:
    if read_meeting is None or record.step not in PURPOSES:
        return None
    match = MEETING_REF.search(record.meeting_ref or "")
    if match is None:
        return None
    return read_meeting(int(match.group(1)), record.member_id, record.step)


def _record(s: Session, r: StepRecord, read_meeting: MeetingReader | None) -> StepFact:
    return StepFact(
        record_id=r.id,
        step=r.step,
        occurrence=r.occurrence,
        version=r.version,
        state=r.state,
        date=r.date,
        details=decode_details(r.step, r.date, r.details),
        people=tuple(_person(s, p, r.date) for p in r.people),
        reviews=tuple(ReviewFact(v.outcome == "passed", v.review_date) for v in r.reviews),
        exception_reason=r.exception_reason or "",
        imported=bool(r.imported),
        recorded_on=r.recorded_at.date() if r.recorded_at else None,
        meeting_ref=r.meeting_ref or "",
        serial_number=r.serial_number or "",
        vote=_vote(r, read_meeting),
    )


def load_file(
    s: Session, member_id: int, read_meeting: MeetingReader | None = None
) -> FileFacts:
    """The member's development file as the 档案预审 reads it."""
    member = s.get(Member, member_id)
    if member is None or member.voided:
        raise NotFound(f"党员记录 {member_id} 不存在或已作废")
    branch = s.get(Organisation, member.branch_id)
    records = s.scalars(
        select(StepRecord)
        .where(StepRecord.member_id == member_id)
        .order_by(StepRecord.id)
        .options(selectinload(StepRecord.people), selectinload(StepRecord.reviews))
    )
    categories = s.scalars(
        select(Material.category).where(Material.member_id == member_id).distinct()
    )
    return FileFacts(
        member_id=member.id,
        id_number=member.id_number,
        name=member.name,
        branch=branch.name if branch is not None else "",
        birth_date=member.birth_date,
        records=tuple(_record(s, r, read_meeting) for r in records),
        materials=frozenset(categories),
        mobile=bool(member.mobile),
    )


def meeting_vote_from(detail: Any, member_id: int, step: int) -> MeetingVote:
    """The vote on ``member_id`` for ``step`` in a meeting's current version (MeetingDetail)."""
    view = detail.current
    purpose = PURPOSES[step]
    for _index, result in view.votes:
        vote = result.vote
        if vote.candidate_id == member_id and vote.purpose == purpose:
            return MeetingVote(
                detail.id, True, view.data.date, vote.entitled, vote.present, vote.written,
                vote.yes, vote.against, vote.abstain, vote.method, not view.quorum_note,
            )
    return MeetingVote(detail.id, False)

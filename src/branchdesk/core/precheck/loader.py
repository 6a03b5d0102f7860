"""Reads members' development files from the database into FileFacts values, in batches."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    StepReview,
)

#: how a record names the minutes that filled it (MeetingService._fill_steps)
MEETING_REF = re.compile(r"会议记录第\s*(\d+)\s*号")
#: the purpose of a meeting's vote that fills a step (core.meetings.PURPOSE_STEPS)
PURPOSES = {15: "admission", 23: "conversion"}
#: members (and people named) per batch of queries: well inside SQLite's parameter limit
CHUNK = 1000

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


class PersonDates(NamedTuple):
    """What a person's stage on a day is read from: the roster's dates and sanction."""

    id: int
    join_date: dt.date | None
    full_member_date: dt.date | None
    discipline: str


class StageChange(NamedTuple):
    """A dated change of a person's 人员类别 (a MemberEvent of kind stage)."""

    date: dt.date
    id: int
    to_value: str


def stage_on(person: PersonDates, changes: Sequence[StageChange], day: dt.date) -> Stage | None:
    """A person's 人员类别 on ``day`` from their dates and dated stage changes (None: unknown)."""
    if person.full_member_date is not None and person.full_member_date <= day:
        return Stage.FULL
    if person.join_date is not None and person.join_date <= day:
        return Stage.PROBATIONARY
    earlier = [c for c in changes if c.date <= day]
    if earlier:
        latest = max(earlier, key=lambda c: (c.date, c.id))
        try:
            return Stage(latest.to_value)
        except ValueError:
            return None
    return None


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """``ids`` (duplicates dropped) in lists short enough for one ``IN``."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


class _Batch:
    """The rows of a batch of files, read with a few queries per chunk of members."""

    def __init__(self, s: Session, member_ids: Sequence[int]) -> None:
        self.members: dict[int, Any] = {}
        self.records: dict[int, list[Any]] = {}
        self.people: dict[int, list[Any]] = {}
        self.reviews: dict[int, list[Any]] = {}
        self.materials: dict[int, set[str]] = {}
        for chunk in _chunks(member_ids):
            self._read_chunk(s, chunk)
        self.branches: dict[int, str] = {}
        for chunk in _chunks(m.branch_id for m in self.members.values()):
            for branch_id, name in s.execute(
                select(Organisation.id, Organisation.name).where(Organisation.id.in_(chunk))
            ):
                self.branches[branch_id] = name
        self.persons: dict[int, PersonDates] = {}
        self.changes: dict[int, list[StageChange]] = {}
        named = (p.person_id for rows in self.people.values() for p in rows)
        for chunk in _chunks(i for i in named if i is not None):
            self._read_persons(s, chunk)

    def _read_chunk(self, s: Session, chunk: list[int]) -> None:
        for m in s.execute(
            select(Member.id, Member.id_number, Member.name, Member.branch_id,
                   Member.birth_date, Member.mobile, Member.voided)
            .where(Member.id.in_(chunk))
        ):
            self.members[m.id] = m
        for r in s.execute(
            select(StepRecord.id, StepRecord.member_id, StepRecord.step, StepRecord.occurrence,
                   StepRecord.version, StepRecord.state, StepRecord.date, StepRecord.details,
                   StepRecord.exception_reason, StepRecord.imported, StepRecord.recorded_at,
                   StepRecord.meeting_ref, StepRecord.serial_number)
            .where(StepRecord.member_id.in_(chunk))
            .order_by(StepRecord.id)
        ):
            self.records.setdefault(r.member_id, []).append(r)
        for p in s.execute(
            select(StepPerson.record_id, StepPerson.person_id, StepPerson.name)
            .join(StepRecord, StepRecord.id == StepPerson.record_id)
            .where(StepRecord.member_id.in_(chunk))
            .order_by(StepPerson.id)
        ):
            self.people.setdefault(p.record_id, []).append(p)
        for v in s.execute(
            select(StepReview.record_id, StepReview.outcome, StepReview.review_date)
            .join(StepRecord, StepRecord.id == StepReview.record_id)
            .where(StepRecord.member_id.in_(chunk))
            .order_by(StepReview.id)
        ):
            self.reviews.setdefault(v.record_id, []).append(v)
        for member_id, category in s.execute(
            select(Material.member_id, Material.category)
            .where(Material.member_id.in_(chunk))
            .distinct()
        ):
            self.materials.setdefault(member_id, set()).add(category)

    def _read_persons(self, s: Session, chunk: list[int]) -> None:
        for row in s.execute(
            select(Member.id, Member.join_date, Member.full_member_date, Member.discipline)
            .where(Member.id.in_(chunk))
        ):
            self.persons[row.id] = PersonDates(*row)
        for member_id, day, event_id, to_value in s.execute(
            select(MemberEvent.member_id, MemberEvent.date, MemberEvent.id, MemberEvent.to_value)
            .where(MemberEvent.member_id.in_(chunk), MemberEvent.kind == EventKind.STAGE.value)
        ):
            self.changes.setdefault(member_id, []).append(StageChange(day, event_id, to_value))

    def person(self, p: Any, day: dt.date) -> PersonOnDate:
        if p.person_id is None:
            return PersonOnDate(None, p.name, None)
        person = self.persons.get(p.person_id)
        if person is None:
            return PersonOnDate(p.person_id, p.name, None)
        # the roster keeps the current sanction only, without its date
        stage = stage_on(person, self.changes.get(person.id, ()), day)
        return PersonOnDate(person.id, p.name, stage, person.discipline, False)

    def record(self, r: Any, read_meeting: MeetingReader | None) -> StepFact:
        return StepFact(
            record_id=r.id,
            step=r.step,
            occurrence=r.occurrence,
            version=r.version,
            state=r.state,
            date=r.date,
            details=decode_details(r.step, r.date, r.details),
            people=tuple(self.person(p, r.date) for p in self.people.get(r.id, ())),
            reviews=tuple(
                ReviewFact(v.outcome == "passed", v.review_date)
                for v in self.reviews.get(r.id, ())
            ),
            exception_reason=r.exception_reason or "",
            imported=bool(r.imported),
            recorded_on=r.recorded_at.date() if r.recorded_at else None,
            meeting_ref=r.meeting_ref or "",
            serial_number=r.serial_number or "",
            vote=_vote(r.step, r.member_id, r.meeting_ref, read_meeting),
        )

    def file(self, member_id: int, read_meeting: MeetingReader | None) -> FileFacts:
        member = self.members.get(member_id)
        if member is None or member.voided:
            raise NotFound(f"党员记录 {member_id} 不存在或已作废")
        return FileFacts(
            member_id=member.id,
            id_number=member.id_number,
            name=member.name,
            branch=self.branches.get(member.branch_id, ""),
            birth_date=member.birth_date,
            records=tuple(self.record(r, read_meeting) for r in self.records.get(member_id, ())),
            materials=frozenset(self.materials.get(member_id, ())),
            mobile=bool(member.mobile),
        )


def _vote(
    step: int, member_id: int, meeting_ref: str | None, read_meeting: MeetingReader | None
) -> MeetingVote | None:
    if read_meeting is None or step not in PURPOSES:
        return None
    match = MEETING_REF.search(meeting_ref or "")
    if match is None:
        return None
    return read_meeting(int(match.group(1)), member_id, step)


def load_files(
    s: Session, member_ids: Sequence[int], read_meeting: MeetingReader | None = None
) -> list[FileFacts]:
    """The development files of ``member_ids``, in that order, as the 档案预审 reads them: a
    few queries for each :data:`CHUNK` of members, not several per member. A member not found
    or voided is refused (:class:`NotFound`)."""
    batch = _Batch(s, member_ids)
    return [batch.file(member_id, read_meeting) for member_id in member_ids]


def load_file(
    s: Session, member_id: int, read_meeting: MeetingReader | None = None
) -> FileFacts:
    """The member's development file as the 档案预审 reads it."""
    return load_files(s, [member_id], read_meeting)[0]


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

"""Development files (一人一册): recording each step, reviewing it, and what follows from it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.edit_conflict import guarded_write
from branchdesk.core.errors import NotFound, PermissionDenied, ValidationError
from branchdesk.core.person_names import same_person
from branchdesk.core.rulebook import (
    CANCEL,
    EXTEND,
    Finding,
    PersonFacts,
    Severity,
    StepHistory,
    StepProposal,
    check_step,
    probation_end,
    rulebook_on,
    stage_after,
)
from branchdesk.core.todo import DueItem
from branchdesk.core.vocab import EventKind, Role, Stage, Status
from branchdesk.core.workdays import HolidayCalendar, shipped_calendar
from branchdesk.storage.database import Database
from branchdesk.storage.models import (
    DevelopmentFile,
    Material,
    Member,
    MemberEvent,
    Organisation,
    StepPerson,
    StepRecord,
    StepReview,
)

PASSED, RETURNED = "passed", "returned"
PENDING, SUPERSEDED = "pending", "superseded"
RECORDERS = (Role.ADMIN, Role.CLERK)


@dataclass(frozen=True)
class StepInput:
    """What the clerk enters for a step: date, content, structured fields, people, reason."""

    step: int
    date: dt.date
    content: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)
    people: Sequence[tuple[int, str]] = ()  # (member id, post) of contacts or sponsors
    meeting_ref: str = ""
    serial_number: str = ""
    exception_reason: str = ""


@dataclass(frozen=True)
class ReviewInfo:
    """A review of a record."""

    outcome: str
    opinion: str
    reviewer_name: str
    reviewer_post: str
    review_date: dt.date
    on_paper: bool
    reviewer_username: str | None


@dataclass(frozen=True)
class PersonInfo:
    """A person named in a record (contact, sponsor)."""

    role: str
    member_id: int | None
    name: str
    join_date: dt.date | None
    post: str


@dataclass(frozen=True)
class RecordInfo:
    """One version of a step's record, with its people and reviews."""

    id: int
    step: int
    occurrence: int
    version: int
    state: str
    date: dt.date
    content: str
    details: dict[str, Any]
    meeting_ref: str
    serial_number: str
    exception_reason: str
    rulebook: str
    imported: bool
    recorded_by: str
    recorded_at: dt.datetime
    people: tuple[PersonInfo, ...]
    reviews: tuple[ReviewInfo, ...]
    recorded_by_name: str = ""  # the recorder's name as the account shows it


def _display_names(s: Session) -> dict[str, str]:
    from branchdesk.storage.models import User

    return {u: n or u for u, n in s.execute(select(User.username, User.display_name))}


def _record_info(r: StepRecord, names: Mapping[str, str] | None = None) -> RecordInfo:
    return RecordInfo(
        r.id, r.step, r.occurrence, r.version, r.state, r.date, r.content,
        json.loads(r.details or "{}"), r.meeting_ref, r.serial_number, r.exception_reason,
        r.rulebook, r.imported, r.recorded_by, r.recorded_at,
        tuple(PersonInfo(p.role, p.person_id, p.name, p.join_date, p.post) for p in r.people),
        tuple(
            ReviewInfo(
                v.outcome, v.opinion, v.reviewer_name, v.reviewer_post, v.review_date,
                v.on_paper, v.reviewer_username,
            )
            for v in r.reviews
        ),
        (names or {}).get(r.recorded_by, r.recorded_by),
    )


class RecordFacts(Protocol):
    """What the rulebook needs of a stored record (an ORM object or a plain row)."""

    @property
    def step(self) -> int: ...
    @property
    def occurrence(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def state(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def details(self) -> str: ...


def history_of(
    member: Any, records: Iterable[RecordFacts], ordered: bool = False
) -> StepHistory:
    """The rulebook's view of a file: which steps passed when, the half-yearly reviews.

    ``member`` needs a ``birth_date`` (and ``mobile``, else not a 流动人员); ``ordered`` says
    the records come by step, occurrence and version already (as the due list reads them)."""
    passed: dict[int, dt.date] = {}
    publicity_end: dt.date | None = None
    training_end: dt.date | None = None
    review_dates: dict[int, list[dt.date]] = {}
    imported_on: dict[int, dt.date] = {}
    outcome: str | None = None
    extension = 0
    if not ordered:
        records = sorted(records, key=lambda r: (r.step, r.occurrence, r.version))
    for r in records:
        if r.state != PASSED:
            continue
        step, day = r.step, r.date
        earlier = passed.get(step)
        if earlier is None:
            passed[step] = day
            review_dates[step] = [day]
        else:
            if day > earlier:
                passed[step] = day
            review_dates[step].append(day)
        if getattr(r, "imported", False):
            recorded = getattr(r, "recorded_at", None)
            if isinstance(recorded, dt.datetime):
                imported_on[step] = recorded.date()
        if step == 23:
            details = json.loads(r.details or "{}")
            outcome = str(details.get("outcome") or "") or None
            if outcome == EXTEND:
                extension = int(details.get("extension_months") or 0)
        elif step == 8:
            ends = _dates_in(r.details, ("publicity_end", "home_publicity_end"))
            publicity_end = max(ends, default=None)
        elif step == 11:
            training_end = max(_dates_in(r.details, ("end",)), default=None)
    return StepHistory(
        passed=passed,
        birth_date=member.birth_date,
        review_dates={k: tuple(sorted(v)) for k, v in review_dates.items()},
        conversion_outcome=outcome,
        extension_months=extension,
        imported_on=imported_on,
        publicity_end=publicity_end,
        training_end=training_end,
        mobile=bool(getattr(member, "mobile", False)),
    )


def _dates_in(details: str | None, keys: tuple[str, ...]) -> list[dt.date]:
    """The dates stored under ``keys`` in a record's details (ISO text; bad ones skipped)."""
    stored = json.loads(details or "{}")
    found = []
    for key in keys:
        value = stored.get(key)
        if isinstance(value, str):
            try:
                found.append(dt.date.fromisoformat(value))
            except ValueError:
                continue
    return found


def _raise_for(findings: list[Finding], reason: str) -> list[Finding]:
    """Refuse on errors, and on exceptions without a reason; return the warnings."""
    errors = [f.message for f in findings if f.severity is Severity.ERROR]
    if not reason.strip():
        errors += [f.message for f in findings if f.severity is Severity.NEEDS_REASON]
    if errors:
        raise ValidationError({"step": "；".join(dict.fromkeys(errors))})
    return [f for f in findings if f.severity is Severity.WARNING]


class DevelopmentService:
    """Records steps, reviews them (一步一审) and keeps the member's stage and dates in line."""

    def __init__(
        self, db: Database, calendar: Callable[[], HolidayCalendar] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.db = db
        #: the working-day calendar (shipped holidays plus the administrator's entries)
        self.calendar = calendar or shipped_calendar
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _working_days(self, start: dt.date, end: dt.date) -> tuple[int, bool]:
        counted = self.calendar().count_working_days(start, end)
        return counted.count, counted.provisional

    # reading ------------------------------------------------------------------------

    def records(self, member_id: int) -> list[RecordInfo]:
        """Every version of every record of the file, in step order (history included)."""
        with self.db.read() as s:
            rows = s.scalars(
                select(StepRecord)
                .where(StepRecord.member_id == member_id)
                .order_by(StepRecord.step, StepRecord.occurrence, StepRecord.version)
            )
            names = _display_names(s)
            return [_record_info(r, names) for r in rows]

    def history(self, member_id: int) -> StepHistory:
        with self.db.read() as s:
            member = self._member(s, member_id)
            return history_of(member, self._records(s, member_id))

    def file_number(self, member_id: int) -> str | None:
        with self.db.read() as s:
            return s.scalar(
                select(DevelopmentFile.file_number).where(DevelopmentFile.member_id == member_id)
            )

    def check(self, member_id: int, data: StepInput) -> list[Finding]:
        """What the rules say about recording ``data`` now (nothing is written)."""
        with self.db.read() as s:
            member = self._member(s, member_id)
            return self._findings(s, member, data)

    # writing ------------------------------------------------------------------------

    def record(self, actor: Actor, member_id: int, data: StepInput) -> int:
        """Record a step (pending review); refused with the article when a rule says no."""
        actor.require(*RECORDERS)
        rule = rulebook_on(data.date).step(data.step)
        with guarded_write(self.db, actor.username, f"记录第 {data.step} 步 {rule.name}") as s:
            return self.record_in(s, actor, member_id, data)

    def record_in(self, s: Session, actor: Actor, member_id: int, data: StepInput) -> int:
        """Record a step inside the caller's transaction (a meeting's vote fills step 15/23)."""
        actor.require(*RECORDERS)
        rule = rulebook_on(data.date).step(data.step)
        member = self._member(s, member_id)
        self._check_member(member)
        records = self._records(s, member_id)
        waiting = [r for r in records if r.step == data.step and r.state in (PENDING, RETURNED)]
        if waiting:
            state = "待审核" if waiting[0].state == PENDING else "已退回，请更正后重新提交"
            raise ValidationError(
                {"step": f"{member.name}第 {data.step} 步“{rule.name}”的记录{state}"}
            )
        _raise_for(self._findings(s, member, data), data.exception_reason)
        if data.step == 1:
            self._open_file(s, member, data.date.year)
        occurrence = 1 + max((r.occurrence for r in records if r.step == data.step), default=0)
        record = self._new_record(s, actor, member_id, data, occurrence, version=1)
        return record.id

    def correct(self, actor: Actor, record_id: int, data: StepInput) -> int:
        """A corrected version of a returned record; the returned version stays in the history."""
        actor.require(*RECORDERS)
        with guarded_write(self.db, actor.username, f"更正第 {data.step} 步记录") as s:
            old = s.get(StepRecord, record_id)
            if old is None:
                raise NotFound("步骤记录不存在")
            if old.state != RETURNED:
                raise ValidationError({"step": "只有被退回的记录才能更正"})
            if data.step != old.step:
                raise ValidationError({"step": "更正时不能改变步骤"})
            member = self._member(s, old.member_id)
            others = [r for r in self._records(s, old.member_id) if r.id != old.id]
            findings = check_step(
                self._proposal(s, old.member_id, data),
                history_of(member, others),
                self._working_days,
            )
            _raise_for(findings, data.exception_reason)
            old.state = SUPERSEDED
            record = self._new_record(
                s, actor, old.member_id, data, old.occurrence, version=old.version + 1
            )
            return record.id

    def review(self, actor: Actor, record_id: int, passed: bool, opinion: str) -> None:
        """A 审核人 signs a record off in BranchDesk: passed, or returned with an opinion."""
        actor.require(Role.REVIEWER)
        self._review(
            actor, record_id, passed, opinion, actor.display_name or actor.username, "审核人",
            self.today(), on_paper=False,
        )

    def enter_paper_review(
        self, actor: Actor, record_id: int, passed: bool, opinion: str, reviewer_name: str,
        reviewer_post: str, review_date: dt.date,
    ) -> None:
        """The clerk enters a review done on paper (reviewer, post, date), marked as such."""
        actor.require(*RECORDERS)
        errors = {}
        if not reviewer_name.strip():
            errors["reviewer_name"] = "请填写审核人姓名"
        if not reviewer_post.strip():
            errors["reviewer_post"] = "请填写审核人职务"
        if errors:
            raise ValidationError(errors)
        self._review(
            actor, record_id, passed, opinion, reviewer_name.strip(), reviewer_post.strip(),
            review_date, on_paper=True,
        )

    # internals ----------------------------------------------------------------------

    def _review(
        self, actor: Actor, record_id: int, passed: bool, opinion: str, reviewer_name: str,
        reviewer_post: str, review_date: dt.date, on_paper: bool,
    ) -> None:
        with guarded_write(self.db, actor.username, "审核通过" if passed else "审核退回") as s:
            record = s.get(StepRecord, record_id)
            if record is None:
                raise NotFound("步骤记录不存在")
            if record.state != PENDING:
                raise ValidationError({"review": "这条记录不在待审核状态"})
            if not on_paper and same_person(actor.username, [record.recorded_by]):
                raise PermissionDenied("不能审核自己录入的记录（一步一审）")
            if on_paper and same_person(reviewer_name, self._names_of(s, record.recorded_by)):
                raise ValidationError({"reviewer_name": "审核人不能是这条记录的录入人"})
            errors = {}
            if not passed and not opinion.strip():
                errors["opinion"] = "退回时请写明需要更正的内容"
            if review_date < record.date:
                errors["review_date"] = f"审核日期不能早于记录日期（{fmt(record.date)}）"
            if review_date > self.today():
                errors["review_date"] = "审核日期不能晚于今天"
            if errors:
                raise ValidationError(errors)
            s.add(
                StepReview(
                    record_id=record.id, outcome=PASSED if passed else RETURNED,
                    opinion=opinion.strip(), reviewer_name=reviewer_name,
                    reviewer_post=reviewer_post, review_date=review_date, on_paper=on_paper,
                    reviewer_username=None if on_paper else actor.username,
                    entered_by=actor.username,
                )
            )
            record.state = PASSED if passed else RETURNED
            if passed:
                s.flush()
                self._apply_effects(s, actor, record)

    def _names_of(self, s: Session, username: str) -> set[str]:
        from branchdesk.storage.models import User

        user = s.scalar(select(User).where(func.lower(User.username) == username.lower()))
        return {username} | ({user.display_name} if user and user.display_name else set())

    def _apply_effects(self, s: Session, actor: Actor, record: StepRecord) -> None:
        """A passed step changes the 人员类别 and dates it stands for."""
        member = self._member(s, record.member_id)
        history = history_of(member, self._records(s, member.id))
        rule = rulebook_on(record.date).step(record.step)
        details = json.loads(record.details or "{}")
        reason = f"第 {rule.number} 步“{rule.name}”审核通过"
        stage = stage_after(rule, history.conversion_outcome)
        if rule.number == 24 and history.conversion_outcome == CANCEL:
            self._event(s, actor, member, EventKind.STATUS, record.date, Status.EXPELLED, reason)
            member.status = Status.EXPELLED.value
            return
        if rule.number == 23 and details.get("outcome") == CANCEL:
            return  # takes effect when the higher committee approves it (step 24)
        if stage is None or member.stage == stage.value:
            return
        self._event(s, actor, member, EventKind.STAGE, record.date, stage, reason)
        member.stage = stage.value
        if stage is Stage.PROBATIONARY:
            member.join_date = history.passed.get(15, record.date)
        elif stage is Stage.FULL and member.join_date is not None:
            member.full_member_date = probation_end(member.join_date, history.extension_months)

    def _event(
        self, s: Session, actor: Actor, member: Member, kind: EventKind, day: dt.date,
        value: Stage | Status, reason: str,
    ) -> None:
        before = member.stage if kind is EventKind.STAGE else member.status
        s.add(
            MemberEvent(
                member_id=member.id, kind=kind.value, date=day, from_value=before,
                to_value=value.value, reason=reason, recorded_by=actor.username,
            )
        )

    def _member(self, s: Session, member_id: int) -> Member:
        member = s.get(Member, member_id)
        if member is None or member.voided:
            raise NotFound(f"党员记录 {member_id} 不存在或已作废")
        return member

    def _check_member(self, member: Member) -> None:
        if member.status != Status.NORMAL.value:
            raise ValidationError(
                {"step": f"{member.name}的党籍状态为{Status(member.status).label}，不能继续记录"}
            )

    def _records(self, s: Session, member_id: int) -> list[StepRecord]:
        return list(s.scalars(select(StepRecord).where(StepRecord.member_id == member_id)))

    def _findings(self, s: Session, member: Member, data: StepInput) -> list[Finding]:
        errors = {}
        if data.date > self.today():
            errors["date"] = f"日期不能晚于今天（{fmt(self.today())}）"
        if data.step == 1 and member.stage != Stage.APPLICANT.value:
            errors["step"] = f"{member.name}已是{Stage(member.stage).label}，不能再记录入党申请"
        if errors:
            raise ValidationError(errors)
        history = history_of(member, self._records(s, member.id))
        return check_step(self._proposal(s, member.id, data), history, self._working_days)

    def _proposal(self, s: Session, member_id: int, data: StepInput) -> StepProposal:
        """The rulebook's view of an entry: step 14's serial and step 25's materials filled in."""
        details = dict(data.details)
        if data.step == 14 and data.serial_number:
            details.setdefault("booklet_serial", data.serial_number)
        if data.step == 25 and "materials" not in details:
            details["materials"] = self._material_categories(s, member_id)
        return StepProposal(data.step, data.date, details, self._people(s, data.people))

    def _material_categories(self, s: Session, member_id: int) -> list[str]:
        return list(
            s.scalars(
                select(Material.category).where(Material.member_id == member_id).distinct()
            )
        )

    def _people(self, s: Session, people: Sequence[tuple[int, str]]) -> tuple[PersonFacts, ...]:
        facts = []
        for person_id, _post in people:
            person = s.get(Member, person_id)
            if person is None or person.voided:
                raise NotFound(f"党员记录 {person_id} 不存在")
            facts.append(
                PersonFacts(
                    person.id, person.name, Stage(person.stage), person.join_date,
                    person.discipline,
                )
            )
        return tuple(facts)

    def _open_file(self, s: Session, member: Member, year: int) -> None:
        """Open the member's file, numbered by the year of the application: FZ2024-0001."""
        if s.scalar(select(DevelopmentFile.id).where(DevelopmentFile.member_id == member.id)):
            return
        count = s.scalar(
            select(func.count()).select_from(DevelopmentFile).where(
                DevelopmentFile.file_number.like(f"FZ{year}-%")
            )
        ) or 0
        number = f"FZ{year}-{count + 1:04d}"
        s.add(DevelopmentFile(member_id=member.id, file_number=number))

    def _new_record(
        self, s: Session, actor: Actor, member_id: int, data: StepInput, occurrence: int,
        version: int,
    ) -> StepRecord:
        rule = rulebook_on(data.date).step(data.step)
        if rule.people is not None:
            count = len(data.people)
            if not rule.people.min <= count <= rule.people.max:
                wanted = (
                    f"{rule.people.min} 名" if rule.people.min == rule.people.max
                    else f"{rule.people.min}–{rule.people.max} 名"
                )
                raise ValidationError(
                    {"people": f"{rule.people.label}须为 {wanted}（{rule.article}）"}
                )
        record = StepRecord(
            member_id=member_id, step=data.step, occurrence=occurrence, version=version,
            state=PENDING, date=data.date, content=data.content.strip(),
            details=json.dumps(dict(data.details), ensure_ascii=False, sort_keys=True,
                               default=str),
            meeting_ref=data.meeting_ref.strip(), serial_number=data.serial_number.strip(),
            exception_reason=data.exception_reason.strip(),
            rulebook=rulebook_on(data.date).version, recorded_by=actor.username,
        )
        s.add(record)
        s.flush()
        for person_id, post in data.people:
            person = s.get(Member, person_id)
            assert person is not None
            s.add(
                StepPerson(
                    record_id=record.id, role=rule.people.role if rule.people else "",
                    person_id=person.id, name=person.name, join_date=person.join_date,
                    post=post.strip() or person.job,
                )
            )
        return record


class DevelopmentDueProvider:
    """待办 of the development files: talks, reviews, eligibility, approvals, probations."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        from branchdesk.core.rulebook import due_actions

        in_development = (
            Stage.APPLICANT.value, Stage.ACTIVIST.value, Stage.CANDIDATE.value,
            Stage.PROBATIONARY.value,
        )
        with self.db.read() as s:
            connection = s.connection()  # Core rows: a county has thousands of open files
            members = {
                row.id: row
                for row in connection.execute(
                    select(
                        Member.id, Member.name, Member.id_number, Member.birth_date,
                        Member.mobile, Organisation.name.label("branch"),
                    )
                    .join(Organisation, Organisation.id == Member.branch_id)
                    .where(
                        Member.id.in_(select(StepRecord.member_id).distinct()),
                        Member.stage.in_(in_development),
                        Member.status == Status.NORMAL.value,
                        Member.voided.is_(False),
                    )
                )
            }
            records: dict[int, list[Any]] = {}
            if members:
                # only passed records count, read in the order history_of needs them
                for r in connection.execute(
                    select(
                        StepRecord.member_id, StepRecord.step, StepRecord.occurrence,
                        StepRecord.version, StepRecord.state, StepRecord.date,
                        StepRecord.details, StepRecord.imported, StepRecord.recorded_at,
                    )
                    .join(Member, Member.id == StepRecord.member_id)
                    .where(
                        StepRecord.state == PASSED,
                        Member.stage.in_(in_development),
                        Member.status == Status.NORMAL.value,
                        Member.voided.is_(False),
                    )
                    .order_by(
                        StepRecord.member_id, StepRecord.step, StepRecord.occurrence,
                        StepRecord.version,
                    )
                ):
                    records.setdefault(r.member_id, []).append(r)
            histories = [
                (m, m.branch, history_of(m, records.get(m.id, []), ordered=True))
                for m in members.values()
            ]
            for member, branch, history in histories:
                for due in due_actions(history, today):
                    yield DueItem(
                        due.kind, f"{member.name}：{due.message}", due.due, branch, "",
                        member.id, member.name, member.id_number,
                        actionable=due.overdue or due.due >= today, rule=due.rule,
                    )

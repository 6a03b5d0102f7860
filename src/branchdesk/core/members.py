"""The member roster: records, stage and status events, voiding, search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_years, fmt
from branchdesk.core.edit_conflict import guarded_write, refuse_if_changed
from branchdesk.core.errors import NotFound, PermissionDenied, ValidationError
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.search_keys import normalise_query, search_columns
from branchdesk.core.vocab import EventKind, OrgKind, Role, Stage, Status
from branchdesk.storage import roster
from branchdesk.storage.database import Database
from branchdesk.storage.models import Member, MemberEvent, Organisation, ResumeEntry

EDITORS = (Role.ADMIN, Role.CLERK)


@dataclass(frozen=True)
class EventInfo:
    """A dated event on a member's record."""

    id: int
    kind: EventKind
    date: dt.date
    from_value: str
    to_value: str
    reason: str
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class MemberDetail:
    """A member record with its stage, status and events, for the editing dialog."""

    id: int
    data: MemberInput
    status: Status
    branch_name: str
    group_name: str
    voided: bool
    void_reason: str
    events: tuple[EventInfo, ...]
    #: the version loaded; a save passes it back so that it cannot overwrite a newer one
    row_version: int = 1


TRANSFERRED_OUT_READ_ONLY = (
    "{name}的组织关系已转出，档案保留、只读；转回本单位时请在“组织关系转接”中登记转入或导入转接包"
)


def refuse_if_transferred_out(member: Member) -> None:
    """A transferred-out member's file is kept read-only (it comes back only by a transfer)."""
    if member.status == Status.TRANSFERRED_OUT.value:
        raise ValidationError({"status": TRANSFERRED_OUT_READ_ONLY.format(name=member.name)})


def _to_input(m: Member) -> MemberInput:
    return MemberInput(
        name=m.name,
        id_number=m.id_number,
        branch_id=m.branch_id,
        stage=Stage(m.stage),
        gender=m.gender,
        birth_date=m.birth_date,
        ethnicity=m.ethnicity,
        native_place=m.native_place,
        education=m.education,
        group_id=m.group_id,
        join_date=m.join_date,
        full_member_date=m.full_member_date,
        job=m.job,
        phone=m.phone,
        address=m.address,
        lost_contact=m.lost_contact,
        lost_contact_date=m.lost_contact_date,
        mobile=m.mobile,
        mobile_destination=m.mobile_destination,
        note=m.note,
        discipline=m.discipline,
        organisations_joined=m.organisations_joined,
        dues_paid_through=m.dues_paid_through,
    )


class MemberService:
    """Creates and edits member records; stage and status change only through events."""

    def __init__(self, db: Database, today: dt.date | None = None) -> None:
        self.db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # reading ------------------------------------------------------------------------

    def get(self, member_id: int, actor: Actor | None = None) -> MemberDetail:
        with self.db.read() as s:
            m = s.get(Member, member_id)
            if m is None or (m.voided and actor is not None and not actor.is_admin):
                raise NotFound(f"党员记录 {member_id} 不存在")
            return MemberDetail(
                m.id,
                _to_input(m),
                Status(m.status),
                m.branch.name,
                m.group.name if m.group else "",
                m.voided,
                m.void_reason,
                tuple(
                    EventInfo(
                        e.id,
                        EventKind(e.kind),
                        e.date,
                        e.from_value,
                        e.to_value,
                        e.reason,
                        e.recorded_by,
                        e.recorded_at,
                    )
                    for e in m.events
                ),
                m.row_version,
            )

    def search_ids(
        self,
        flt: roster.RosterFilter,
        sort_key: str = "name",
        descending: bool = False,
        actor: Actor | None = None,
    ) -> list[int]:
        """Ids matching a filter; only an administrator sees voided records."""
        if flt.include_voided and actor is not None and not actor.is_admin:
            raise PermissionDenied("只有管理员可以查看已作废的记录")
        text = normalise_query(flt.text)
        if text != flt.text:
            flt = roster.RosterFilter(
                flt.branch_ids, flt.group_id, flt.stage, flt.status, text, flt.include_voided
            )
        with self.db.read() as s:
            return roster.matching_ids(s, flt, sort_key, descending)

    def rows(self, ids: list[int]) -> dict[int, roster.RosterRow]:
        with self.db.read() as s:
            return roster.fetch_rows(s, ids)

    def full_members_of(self, branch_id: int) -> list[tuple[int, str]]:
        """Full members in normal standing of a branch (for pickers such as committee posts)."""
        with self.db.read() as s:
            rows = s.execute(
                select(Member.id, Member.name)
                .where(
                    Member.branch_id == branch_id,
                    Member.stage == Stage.FULL.value,
                    Member.status == Status.NORMAL.value,
                    Member.voided.is_(False),
                )
                .order_by(Member.sort_key)
            )
            return [(i, n) for i, n in rows]

    # writing ------------------------------------------------------------------------

    def _check_orgs(self, s: Session, data: MemberInput) -> dict[str, str]:
        errors = {}
        branch = s.get(Organisation, data.branch_id) if data.branch_id else None
        if data.branch_id is not None and (branch is None or branch.kind != OrgKind.BRANCH):
            errors["branch_id"] = "所选组织不是党支部"
        elif branch is not None and branch.dissolved:
            errors["branch_id"] = f"“{branch.name}”已撤销，请选择其他党支部"
        if data.group_id is not None:
            group = s.get(Organisation, data.group_id)
            if group is None or group.kind != OrgKind.GROUP or group.parent_id != data.branch_id:
                errors["group_id"] = "所选党小组不属于所选党支部"
        return errors

    def _check_unique(self, s: Session, id_number: str, member_id: int | None) -> dict[str, str]:
        other = s.scalar(select(Member).where(Member.id_number == id_number))
        if other is not None and other.id != member_id:
            where = "（已作废的记录）" if other.voided else f"（{other.branch.name}）"
            return {"id_number": f"此公民身份号码已登记为 {other.name}{where}，不能重复登记"}
        return {}

    def validate(self, data: MemberInput, member_id: int | None = None) -> MemberInput:
        """Validate against the rules and the database; raise ValidationError or return it."""
        cleaned, errors = validate_member(data, self.today())
        with self.db.read() as s:
            errors.update(
                {k: v for k, v in self._check_orgs(s, cleaned).items() if k not in errors}
            )
            if "id_number" not in errors:
                errors.update(self._check_unique(s, cleaned.id_number, member_id))
        if errors:
            raise ValidationError(errors)
        return cleaned

    @staticmethod
    def _apply(m: Member, data: MemberInput) -> None:
        for f in fields(MemberInput):
            if f.name == "stage":
                continue
            setattr(m, f.name, getattr(data, f.name))
        keys = search_columns(data.name)
        m.search_key, m.pinyin_initials, m.sort_key = (
            keys.search_key, keys.pinyin_initials, keys.sort_key,
        )

    def create(self, actor: Actor, data: MemberInput, reason: str = "登记党员信息") -> int:
        """Add a member; the initial stage is recorded as an event with ``reason``."""
        actor.require(*EDITORS)
        cleaned = self.validate(data)
        with self.db.write(actor.username, f"新增党员 {cleaned.name}") as s:
            errors = self._check_orgs(s, cleaned) | self._check_unique(s, cleaned.id_number, None)
            if errors:
                raise ValidationError(errors)
            member = Member(stage=cleaned.stage.value, status=Status.NORMAL.value)
            self._apply(member, cleaned)
            s.add(member)
            s.flush()
            s.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.STAGE.value,
                    date=self.today(),
                    from_value="",
                    to_value=cleaned.stage.value,
                    reason=reason,
                    recorded_by=actor.username,
                )
            )
            return member.id

    def update(
        self, actor: Actor, member_id: int, data: MemberInput,
        expected_version: int | None = None,
    ) -> None:
        """Save edited fields; stage and status are not changed here (see change_stage).

        ``expected_version`` is the row_version the dialog loaded: if someone saved the
        record since, the save is refused (EditConflict) instead of overwriting theirs."""
        actor.require(*EDITORS)
        with self.db.read() as s:
            current = s.get(Member, member_id)
            if current is None or current.voided:
                raise NotFound(f"党员记录 {member_id} 不存在或已作废")
            stage = Stage(current.stage)
        cleaned = self.validate(_with_stage(data, stage), member_id)
        with guarded_write(self.db, actor.username, f"修改党员信息 {cleaned.name}") as s:
            member = s.get(Member, member_id)
            assert member is not None
            refuse_if_changed(s, member, expected_version)
            refuse_if_transferred_out(member)
            self._apply(member, cleaned)

    def change_stage(
        self, actor: Actor, member_id: int, stage: Stage, date: dt.date, reason: str,
        expected_version: int | None = None,
    ) -> None:
        """Record a change of 人员类别 with its date and reason."""
        actor.require(*EDITORS)
        with guarded_write(self.db, actor.username, f"人员类别变更为{stage.label}") as s:
            member = self._editable(s, member_id)
            refuse_if_changed(s, member, expected_version)
            refuse_if_transferred_out(member)
            errors = self._event_errors(s, member, date, reason)
            if member.stage == stage.value:
                errors["stage"] = f"{member.name}已是{stage.label}"
            join, full = member.join_date, member.full_member_date
            if stage is Stage.PROBATIONARY:
                join, full = join or date, None
            elif stage is Stage.FULL:
                join = join or date
                full = full or date
                if join and full < add_years(join, 1):
                    errors.setdefault(
                        "date",
                        f"预备期为一年（{citation('constitution_probation')}），最早可于 "
                        f"{fmt(add_years(join, 1))} 转为正式党员",
                    )
            else:
                join, full = None, None
            if errors:
                raise ValidationError(errors)
            s.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.STAGE.value,
                    date=date,
                    from_value=member.stage,
                    to_value=stage.value,
                    reason=reason.strip(),
                    recorded_by=actor.username,
                )
            )
            member.stage = stage.value
            member.join_date, member.full_member_date = join, full
            if join is None:
                member.dues_paid_through = None  # only 预备/正式党员 pay dues

    def change_status(
        self, actor: Actor, member_id: int, status: Status, date: dt.date, reason: str,
        expected_version: int | None = None,
    ) -> None:
        """Record a change of 党籍状态 with its date and reason."""
        actor.require(*EDITORS)
        if status is Status.TRANSFERRED_OUT:
            raise ValidationError({"status": (
                "转出须在“组织关系转接”中开具介绍信（在培养中的人员办理发展材料转递），"
                "收到回执后自动变为“已转出”，以免有人未经转接就离开名册")})
        with guarded_write(self.db, actor.username, f"党籍状态变更为{status.label}") as s:
            member = self._editable(s, member_id)
            refuse_if_changed(s, member, expected_version)
            refuse_if_transferred_out(member)
            errors = self._event_errors(s, member, date, reason)
            if member.status == status.value:
                errors["status"] = f"{member.name}的党籍状态已是{status.label}"
            if errors:
                raise ValidationError(errors)
            s.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.STATUS.value,
                    date=date,
                    from_value=member.status,
                    to_value=status.value,
                    reason=reason.strip(),
                    recorded_by=actor.username,
                )
            )
            member.status = status.value

    def void(
        self, actor: Actor, member_id: int, reason: str, expected_version: int | None = None
    ) -> None:
        """Mark a record entered by mistake as void; it stays visible to the administrator."""
        actor.require(*EDITORS)
        if not reason.strip():
            raise ValidationError({"reason": "请填写作废原因"})
        with guarded_write(self.db, actor.username, "作废党员记录") as s:
            member = self._editable(s, member_id)
            refuse_if_changed(s, member, expected_version)
            member.voided = True
            member.void_reason = reason.strip()
            s.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.VOID.value,
                    date=self.today(),
                    reason=reason.strip(),
                    recorded_by=actor.username,
                )
            )

    def restore(self, actor: Actor, member_id: int, reason: str) -> None:
        """Undo a void (administrator only)."""
        actor.require(Role.ADMIN)
        if not reason.strip():
            raise ValidationError({"reason": "请填写撤销作废的原因"})
        with guarded_write(self.db, actor.username, "撤销作废") as s:
            member = s.get(Member, member_id)
            if member is None or not member.voided:
                raise NotFound("该记录未作废")
            clash = s.scalar(
                select(Member.id).where(
                    Member.id_number == member.id_number, Member.id != member.id
                )
            )
            if clash is not None:
                raise ValidationError({"reason": "已有相同公民身份号码的记录，不能撤销作废"})
            member.voided = False
            s.add(
                MemberEvent(
                    member_id=member.id,
                    kind=EventKind.RESTORE.value,
                    date=self.today(),
                    reason=reason.strip(),
                    recorded_by=actor.username,
                )
            )

    def _editable(self, s: Session, member_id: int) -> Member:
        member = s.get(Member, member_id)
        if member is None or member.voided:
            raise NotFound(f"党员记录 {member_id} 不存在或已作废")
        return member

    def _event_errors(
        self, s: Session, member: Member, date: dt.date, reason: str
    ) -> dict[str, str]:
        errors = {}
        if not reason.strip():
            errors["reason"] = "请填写变更原因"
        if date > self.today():
            errors["date"] = f"变更日期不能晚于今天（{fmt(self.today())}）"
        if date < member.birth_date:
            errors["date"] = "变更日期不能早于出生日期"
        return errors


def _with_stage(data: MemberInput, stage: Stage) -> MemberInput:
    from dataclasses import replace

    return replace(data, stage=stage)


@dataclass(frozen=True)
class ResumeLine:
    """A line of a member's 本人简历 (struck-out lines are kept but not printed)."""

    id: int
    start: str
    end: str
    what: str
    witness: str
    struck_out: bool = False
    #: the version loaded; a save passes it back so that it cannot overwrite a newer one
    row_version: int = 1


def _check_resume(start: str, what: str) -> None:
    errors = {}
    if not start.strip():
        errors["start"] = "请填写起始年月，如“2018.09”"
    if not what.strip():
        errors["what"] = "请填写在何地、何单位学习或工作，任何职"
    if errors:
        raise ValidationError(errors)


class ResumeService:
    """The 本人简历 of a member: lines added and corrected, never deleted."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lines(self, member_id: int, include_struck_out: bool = False) -> list[ResumeLine]:
        with self.db.read() as s:
            rows = s.scalars(
                select(ResumeEntry)
                .where(ResumeEntry.member_id == member_id)
                .order_by(ResumeEntry.sort_order, ResumeEntry.id)
            )
            return [
                ResumeLine(r.id, r.start, r.end, r.what, r.witness, r.struck_out, r.row_version)
                for r in rows
                if include_struck_out or not r.struck_out
            ]

    def add(
        self, actor: Actor, member_id: int, start: str, end: str, what: str, witness: str
    ) -> int:
        actor.require(*EDITORS)
        _check_resume(start, what)
        with self.db.write(actor.username, "添加简历") as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFound(f"党员记录 {member_id} 不存在")
            refuse_if_transferred_out(member)
            count = len(self.lines(member_id, include_struck_out=True))
            entry = ResumeEntry(
                member_id=member_id, start=start.strip(), end=end.strip(), what=what.strip(),
                witness=witness.strip(), sort_order=count + 1,
            )
            s.add(entry)
            s.flush()
            return entry.id

    def update(
        self, actor: Actor, line_id: int, start: str, end: str, what: str, witness: str,
        struck_out: bool = False, expected_version: int | None = None,
    ) -> None:
        """Correct a line; refused (EditConflict) if it changed since ``expected_version``."""
        actor.require(*EDITORS)
        _check_resume(start, what)
        with guarded_write(self.db, actor.username, "修改简历") as s:
            entry = s.get(ResumeEntry, line_id)
            if entry is None:
                raise NotFound("简历条目不存在")
            refuse_if_changed(s, entry, expected_version)
            owner = s.get(Member, entry.member_id)
            assert owner is not None
            refuse_if_transferred_out(owner)
            entry.start, entry.end, entry.what = start.strip(), end.strip(), what.strip()
            entry.witness, entry.struck_out = witness.strip(), struck_out

"""The 档案预审 on the open database: one member's file, a branch's files, or all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from branchdesk.core.development import DevelopmentService
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.idnumber import IdNumberError, parse_id_number
from branchdesk.core.meetings import MeetingDetail, MeetingService
from branchdesk.core.precheck.checks import check_file
from branchdesk.core.precheck.facts import FileFacts, MeetingVote
from branchdesk.core.precheck.loader import CHUNK, load_files, meeting_vote_from
from branchdesk.core.precheck.problems import FileProblem
from branchdesk.core.vocab import OrgKind, Status
from branchdesk.core.workdays import HolidayCalendar, shipped_calendar
from branchdesk.storage.database import Database
from branchdesk.storage.models import DevelopmentFile, Member, Organisation, StepRecord


class FilePrecheckService:
    """Checks development files as an inspector would (档案预审); reads, never writes."""

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

    def check_member(self, member_id: int) -> list[FileProblem]:
        """Every problem of one member's development file, by step."""
        return self._check([member_id])

    def check_branch(self, branch_id: int) -> list[FileProblem]:
        """Every problem of the development files of a branch (its 党小组 included), member by
        member in roster order, each by step."""
        with self.db.read() as s:
            branch = s.get(Organisation, branch_id)
            if branch is None:
                raise NotFound("党支部不存在")
            ids = self._members_with_files(s, [branch_id])
        return self._check(ids)

    def check_files(
        self, branch_name: str | None = None, id_number: str | None = None
    ) -> list[FileProblem]:
        """The files of a branch named ``branch_name``, of the member with ``id_number``, or
        (neither given) of every branch; a name or number not found is refused in Chinese."""
        with self.db.read() as s:
            branch_ids = self._branch_ids(s, branch_name)
            if id_number is not None:
                ids = [self._member_by_number(s, id_number, branch_ids, branch_name)]
            else:
                ids = self._members_with_files(s, branch_ids)
        return self._check(ids)

    # internals ----------------------------------------------------------------------------

    def facts(self, member_id: int) -> FileFacts:
        """The member's file as the checks read it (records, people, minutes, materials)."""
        (facts,) = next(self._batches([member_id]))
        return facts

    def _batches(self, member_ids: list[int]) -> Iterator[list[FileFacts]]:
        """The files of ``member_ids`` in order, :data:`CHUNK` at a time, each chunk read in
        one short read with a few queries (the minutes a record links read once each)."""
        meetings = MeetingService(self.db, DevelopmentService(self.db, self.calendar, self._today))
        read: dict[int, MeetingDetail | None] = {}

        def read_meeting(meeting_id: int, member_id: int, step: int) -> MeetingVote:
            if meeting_id not in read:
                try:
                    read[meeting_id] = meetings.get(meeting_id)
                except NotFound:
                    read[meeting_id] = None
            detail = read[meeting_id]
            if detail is None:
                return MeetingVote(meeting_id, False)
            return meeting_vote_from(detail, member_id, step)

        for start in range(0, len(member_ids), CHUNK):
            with self.db.read() as s:
                batch = load_files(s, member_ids[start:start + CHUNK], read_meeting)
            yield batch

    def _check(self, member_ids: list[int]) -> list[FileProblem]:
        calendar = self.calendar()

        def working_days(start: dt.date, end: dt.date) -> tuple[int, bool]:
            counted = calendar.count_working_days(start, end)
            return counted.count, counted.provisional

        problems: list[FileProblem] = []
        today = self.today()
        for batch in self._batches(member_ids):
            for facts in batch:
                problems += check_file(facts, today, working_days)
        return problems

    def _branch_ids(self, s: Session, branch_name: str | None) -> list[int] | None:
        """The ids of the branch named ``branch_name`` (None: every branch)."""
        if branch_name is None:
            return None
        name = branch_name.strip()
        found = s.scalar(
            select(Organisation.id).where(
                Organisation.name == name, Organisation.kind == OrgKind.BRANCH.value
            )
        )
        if found is None:
            known = "、".join(
                s.scalars(
                    select(Organisation.name)
                    .where(Organisation.kind == OrgKind.BRANCH.value)
                    .order_by(Organisation.sort_order, Organisation.id)
                )
            )
            raise NotFound(f"没有名为“{name}”的党支部。现有：{known or '（无）'}")
        return [found]

    def _members_with_files(self, s: Session, branch_ids: list[int] | None) -> list[int]:
        """Members with a development file (or step records), not voided or transferred out,
        in roster order; only those of ``branch_ids`` and their groups when given."""
        query = select(Member.id).where(
            Member.voided.is_(False),
            Member.status != Status.TRANSFERRED_OUT.value,
            or_(
                Member.id.in_(select(DevelopmentFile.member_id)),
                Member.id.in_(select(StepRecord.member_id)),
            ),
        )
        if branch_ids is not None:
            groups = select(Organisation.id).where(Organisation.parent_id.in_(branch_ids))
            query = query.where(
                or_(Member.branch_id.in_(branch_ids), Member.group_id.in_(groups))
            )
        return list(s.scalars(query.order_by(Member.branch_id, Member.sort_key, Member.id)))

    def _member_by_number(
        self, s: Session, raw: str, branch_ids: list[int] | None, branch_name: str | None
    ) -> int:
        try:
            number = parse_id_number(raw).value
        except IdNumberError as exc:
            raise ValidationError({"member": f"公民身份号码有误：{exc}"}) from None
        member = s.scalar(
            select(Member).where(Member.id_number == number, Member.voided.is_(False))
        )
        if member is None:
            raise NotFound(f"数据库中没有公民身份号码为 {number} 的人员")
        if branch_ids is not None and member.id not in self._members_with_files(s, branch_ids):
            if member.branch_id not in branch_ids:
                raise ValidationError(
                    {"member": f"{member.name}（{number}）不在{branch_name}"}
                )
        if member.id not in self._members_with_files(s, None):
            raise ValidationError({"member": f"{member.name}（{number}）没有发展党员档案"})
        return member.id

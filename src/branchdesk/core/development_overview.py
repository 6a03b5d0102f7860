"""The state of many development files at once, for the 发展党员 list (read a page at a time)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from branchdesk.core.development import PENDING, RETURNED, history_of
from branchdesk.core.rulebook import Due, due_actions, next_step, rulebook_on
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage, Status
from branchdesk.storage.models import Member, Organisation, StepRecord
from branchdesk.storage.roster import RosterFilter

IN_DEVELOPMENT = (Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY)


@dataclass(frozen=True)
class DevelopmentRow:
    """One member in development: where the file stands and what comes next."""

    id: int
    name: str
    stage: Stage
    branch: str
    last_step: int | None
    last_date: dt.date | None
    next_step: int | None
    next_name: str
    due: Due | None
    pending: int
    returned: int


class DevelopmentOverview:
    """Reads the members in development and the state of their files, a page at a time."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def ids_by_stage(self, branch_ids: tuple[int, ...] | None) -> dict[Stage, list[int]]:
        """Members in development in normal standing, per stage, in name order."""
        return {
            stage: self.services.members.search_ids(
                RosterFilter(branch_ids, stage=stage.value, status=Status.NORMAL.value)
            )
            for stage in IN_DEVELOPMENT
        }

    def waiting(self) -> dict[str, dict[int, int]]:
        """Per state (pending, returned): member id → number of records in that state."""
        found: dict[str, dict[int, int]] = {PENDING: {}, RETURNED: {}}
        with self.services.db.read() as s:
            rows = s.execute(
                select(StepRecord.member_id, StepRecord.state, func.count())
                .where(StepRecord.state.in_((PENDING, RETURNED)))
                .group_by(StepRecord.member_id, StepRecord.state)
            )
            for member_id, state, count in rows:
                found[state][member_id] = count
        return found

    def rows(
        self, ids: list[int], today: dt.date, waiting: dict[str, dict[int, int]]
    ) -> dict[int, DevelopmentRow]:
        """The rows of ``ids``: two queries for the page, the rules computed in memory."""
        if not ids:
            return {}
        book = rulebook_on(today)
        with self.services.db.read() as s:
            members = list(
                s.execute(
                    select(Member, Organisation.name)
                    .join(Organisation, Organisation.id == Member.branch_id)
                    .where(Member.id.in_(ids))
                )
            )
            records: dict[int, list[StepRecord]] = {}
            for record in s.scalars(select(StepRecord).where(StepRecord.member_id.in_(ids))):
                records.setdefault(record.member_id, []).append(record)
            result = {}
            for member, branch in members:
                history = history_of(member, records.get(member.id, []))
                upcoming = next_step(history, today)
                dues = sorted(
                    due_actions(history, today) if history.passed else [],
                    key=lambda d: (not d.overdue, d.due),
                )
                last = max(history.passed, default=None)
                result[member.id] = DevelopmentRow(
                    member.id, member.name, Stage(member.stage), branch, last,
                    history.passed.get(last) if last else None, upcoming,
                    book.step(upcoming).name if upcoming else "", dues[0] if dues else None,
                    waiting[PENDING].get(member.id, 0), waiting[RETURNED].get(member.id, 0),
                )
        return result

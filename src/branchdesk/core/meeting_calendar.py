"""What meetings each branch still owes: the year grid, the 待办 items, the frequencies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import or_, select

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_months
from branchdesk.core.meeting_rules import (
    SETTING_PREFIX,
    Frequency,
    MeetingKind,
    MeetingSettings,
    YearGrid,
    due_meetings,
    year_grid,
)
from branchdesk.core.meetings import MeetingService
from branchdesk.core.todo import DueItem
from branchdesk.core.vocab import OrgKind, Role
from branchdesk.storage.database import Database
from branchdesk.storage.models import (
    CommitteePost,
    CommitteeTerm,
    Meeting,
    Organisation,
    Setting,
)


class MeetingCalendar:
    """Reads the meeting frequencies (settings) and builds a branch's year grid."""

    def __init__(self, db: Database, meetings: MeetingService) -> None:
        self.db = db
        self.meetings = meetings

    def settings(self) -> MeetingSettings:
        with self.db.read() as s:
            rows = s.execute(
                select(Setting.key, Setting.value).where(Setting.key.startswith(SETTING_PREFIX))
            )
            return MeetingSettings.from_settings({k: v for k, v in rows})

    def set_frequency(self, actor: Actor, kind: MeetingKind, frequency: Frequency) -> None:
        """The administrator sets a local rule, e.g. 党课 every month instead of quarterly."""
        actor.require(Role.ADMIN)
        settings = self.settings().with_frequency(kind, frequency)  # refuses a fixed kind
        with self.db.write(actor.username, f"{kind.label}频次改为{frequency.label}") as s:
            for key, value in settings.to_settings().items():
                entry = s.get(Setting, key)
                if entry is None:
                    s.add(Setting(key=key, value=value))
                elif entry.value != value:
                    entry.value = value

    def _branch(self, branch_id: int) -> tuple[str, list[tuple[int, str]]]:
        with self.db.read() as s:
            branch = s.get(Organisation, branch_id)
            if branch is None or branch.kind != OrgKind.BRANCH.value:
                from branchdesk.core.errors import NotFound

                raise NotFound("请选择一个党支部")
            groups = [
                (g.id, g.name)
                for g in s.scalars(
                    select(Organisation)
                    .where(
                        Organisation.parent_id == branch_id,
                        Organisation.kind == OrgKind.GROUP.value,
                        Organisation.dissolved.is_(False),
                    )
                    .order_by(Organisation.sort_order, Organisation.id)
                )
            ]
            return branch.name, groups

    def grid(self, branch_id: int, year: int, today: dt.date) -> YearGrid:
        """The year's calendar of required meetings: held, missing, due, not yet due."""
        _name, groups = self._branch(branch_id)
        held = self.meetings.held(branch_id, dt.date(year, 1, 1), dt.date(year, 12, 31))
        has_committee = self.meetings.has_committee(branch_id, min(today, dt.date(year, 12, 31)))
        return year_grid(year, today, self.settings(), has_committee, groups, held)


class MeetingDueProvider:
    """待办: required meetings not yet held this period (due) or missed last period (overdue)."""

    def __init__(self, calendar: MeetingCalendar) -> None:
        self.calendar = calendar

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        settings = self.calendar.settings()
        start = add_months(dt.date(today.year, 1, 1), -12)
        # a handful of queries for all branches at once: a county has hundreds of them
        with self.calendar.db.read() as s:
            orgs = s.execute(
                select(Organisation.id, Organisation.name, Organisation.kind,
                       Organisation.parent_id)
                .where(Organisation.dissolved.is_(False))
                .order_by(Organisation.sort_order, Organisation.id)
            ).all()
            meetings = s.execute(
                select(Meeting.kind, Meeting.organisation_id, Meeting.date).where(
                    Meeting.date >= start, Meeting.date <= today
                )
            ).all()
            with_committee = set(
                s.scalars(
                    select(CommitteeTerm.organisation_id)
                    .join(CommitteePost, CommitteePost.term_id == CommitteeTerm.id)
                    .where(
                        CommitteeTerm.start_date <= today, CommitteeTerm.end_date >= today,
                        CommitteePost.start_date <= today,
                        or_(CommitteePost.end_date.is_(None), CommitteePost.end_date >= today),
                    )
                    .distinct()
                )
            )
        branches = [(i, n) for i, n, kind, _p in orgs if kind == OrgKind.BRANCH.value]
        groups: dict[int, list[tuple[int, str]]] = {}
        group_branch: dict[int, int] = {}
        for i, n, kind, parent in orgs:
            if kind == OrgKind.GROUP.value and parent is not None:
                groups.setdefault(parent, []).append((i, n))
                group_branch[i] = parent
        held: dict[int, dict[tuple[str, int | None], list[dt.date]]] = {}
        for kind, org_id, day in meetings:
            branch_id = group_branch.get(org_id, org_id)
            key = (kind, org_id if org_id in group_branch else None)
            held.setdefault(branch_id, {}).setdefault(key, []).append(day)
        for branch_id, branch in branches:
            for due in due_meetings(
                today, settings, branch_id in with_committee, groups.get(branch_id, []),
                held.get(branch_id, {}),
            ):
                yield DueItem(
                    "meeting_due", f"{branch}：{due.message}", due.due, branch,
                    due.period.label, rule=due.rule,
                )

"""The home page's figures: members by stage, political birthdays, committee terms due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from branchdesk.core.dates import add_years
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.todo import DueItem
from branchdesk.core.vocab import Stage
from branchdesk.storage import roster
from branchdesk.storage.database import Database
from branchdesk.storage.models import CommitteeTerm, Organisation

TERM_WARNING_DAYS = 90


@dataclass(frozen=True)
class Birthday:
    """A member's political birthday (anniversary of the join date) this month."""

    member_id: int
    name: str
    join_date: dt.date
    branch: str
    years: int
    id_number: str = ""


class SummaryService:
    """Counts and lists for the home page, for the whole tree or some branches."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def stage_counts(self, branch_ids: list[int] | None = None) -> dict[Stage, int]:
        with self.db.read() as s:
            counts = roster.stage_counts(s, branch_ids)
        return {stage: counts.get(stage.value, 0) for stage in Stage}

    def birthdays(self, today: dt.date, branch_ids: list[int] | None = None) -> list[Birthday]:
        with self.db.read() as s:
            rows = roster.join_anniversaries(s, today.month, branch_ids)
        return [
            Birthday(i, name, join, branch, today.year - join.year, number)
            for i, name, join, branch, number in rows
            if join.year < today.year
        ]


class PoliticalBirthdayProvider:
    """待办: members whose political birthday falls in this month."""

    def __init__(self, summary: SummaryService) -> None:
        self.summary = summary

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        for b in self.summary.birthdays(today):
            day = add_years(b.join_date, b.years)
            yield DueItem(
                "political_birthday",
                f"{b.name} 政治生日（入党 {b.years} 周年）",
                day,
                b.branch,
                f"入党时间 {b.join_date:%Y-%m-%d}",
                b.member_id,
                b.name,
                b.id_number,
                actionable=False,
            )


class CommitteeTermProvider:
    """待办: committee terms ending within 90 days (换届提醒)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        horizon = today + dt.timedelta(days=TERM_WARNING_DAYS)
        with self.db.read() as s:
            rows = s.execute(
                select(Organisation.id, Organisation.name, CommitteeTerm.end_date)
                .join(CommitteeTerm, CommitteeTerm.organisation_id == Organisation.id)
                .where(Organisation.dissolved.is_(False))
            ).all()
        latest: dict[int, tuple[str, dt.date]] = {}
        for org_id, name, end in rows:
            if org_id not in latest or end > latest[org_id][1]:
                latest[org_id] = (name, end)
        for name, end in latest.values():
            if end <= horizon:
                yield DueItem(
                    "committee_term_ending",
                    f"{name}委员会任期将于 {end:%Y-%m-%d} 届满，请按期换届",
                    end,
                    name,
                    "任期届满应按期换届",
                    rule=citation("constitution_term"),
                )

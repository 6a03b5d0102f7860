"""The transfer list at county scale: matching ids in one query, rows fetched by page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, select

from branchdesk.core.search_keys import normalise_query
from branchdesk.core.transfers import ISSUED, OUT, TransferInfo, _info
from branchdesk.core.vocab import Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.fast_read import fetch_all
from branchdesk.storage.models import Member, Organisation, Transfer
from branchdesk.storage.roster import text_condition

#: members a letter may be issued for: 正式 and 预备 党员 in normal standing
TRANSFERABLE_STAGES = (Stage.PROBATIONARY.value, Stage.FULL.value)
PICKER_LIMIT = 50
FETCH_CHUNK = 500


@dataclass(frozen=True)
class TransferMatches:
    """The ids found by a search, newest first, and how many of them are 逾期."""

    ids: list[int]
    overdue: int


@dataclass(frozen=True)
class MemberChoice:
    """A member the letter may be issued for, as the picker shows them."""

    id: int
    name: str
    branch: str
    id_number: str

    @property
    def label(self) -> str:
        tail = f"，身份证号末四位 {self.id_number[-4:]}" if self.id_number else ""
        return f"{self.name}（{self.branch}{tail}）"


def _overdue(today: dt.date) -> ColumnElement[bool]:
    """Issued, no receipt, and the validity (issue date + days) passed before ``today``."""
    return and_(
        Transfer.direction == OUT,
        Transfer.state == ISSUED,
        func.julianday(Transfer.issue_date) + Transfer.validity_days
        < func.julianday(today.isoformat()),
    )


class TransferList:
    """Transfers by direction, state, year and text: ids first, then a page of rows."""

    def __init__(self, db: Database, today: dt.date | None = None) -> None:
        self.db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _conditions(
        self, direction: str | None, state: str | None, text: str, overdue_only: bool,
        year: int | None, today: dt.date | None = None,
    ) -> list[Any]:
        conditions: list[Any] = []
        if direction is not None:
            conditions.append(Transfer.direction == direction)
        if state is not None:
            conditions.append(Transfer.state == state)
        if year is not None:
            conditions.append(Transfer.year == year)
        if overdue_only:
            conditions.append(_overdue(today or self.today()))
        wanted = "".join(text.split())
        if wanted:
            # as TransferService.search: either name, the number without spaces, either
            # organisation; the member's name is looked up only for the transfers that have one
            names = select(Member.id).where(Member.name.contains(wanted, autoescape=True))
            conditions.append(
                Transfer.person_name.contains(wanted, autoescape=True)
                | func.replace(Transfer.letter_number, " ", "").contains(
                    wanted, autoescape=True
                )
                | Transfer.from_organisation.contains(wanted, autoescape=True)
                | Transfer.to_organisation.contains(wanted, autoescape=True)
                | Transfer.member_id.in_(names)
            )
        return conditions

    def _ordered(
        self, extra: Any, direction: str | None, state: str | None, text: str,
        overdue_only: bool, year: int | None, today: dt.date | None = None,
    ) -> Any:
        columns = [Transfer.id] if extra is None else [Transfer.id, extra]
        return (
            select(*columns)
            .where(*self._conditions(direction, state, text, overdue_only, year, today))
            .order_by(Transfer.issue_date.desc(), Transfer.id.desc())
        )

    def search(
        self, direction: str | None = None, state: str | None = None, text: str = "",
        overdue_only: bool = False, year: int | None = None, today: dt.date | None = None,
    ) -> TransferMatches:
        """The matching ids, newest first, and the number of 逾期 among them (on ``today``,
        by default the service's today): one query."""
        day = today or self.today()
        flag = case((_overdue(day), 1), else_=0)
        query = self._ordered(flag, direction, state, text, overdue_only, year, day)
        with self.db.read() as s:
            found = fetch_all(s.connection(), query)
        return TransferMatches([row[0] for row in found], sum(row[1] for row in found))

    def search_ids(
        self, direction: str | None = None, state: str | None = None, text: str = "",
        overdue_only: bool = False, year: int | None = None,
    ) -> list[int]:
        """Ids of the matching transfers, newest first (issue or arrival date), in one query:
        by direction (out/in), state, 逾期 only, year, and a text found in the person's or
        member's name, the letter number (spaces ignored) or either organisation."""
        query = self._ordered(None, direction, state, text, overdue_only, year)
        with self.db.read() as s:
            return [row[0] for row in fetch_all(s.connection(), query)]

    def rows(self, ids: Sequence[int]) -> dict[int, TransferInfo]:
        """The transfers with these ids (any order), one query per 500 ids."""
        query = (
            select(Transfer, Member.name)
            .outerjoin(Member, Member.id == Transfer.member_id)
            .where(Transfer.id.in_(bindparam("ids", expanding=True)))
        )
        found: dict[int, TransferInfo] = {}
        with self.db.read() as s:
            for start in range(0, len(ids), FETCH_CHUNK):
                chunk = list(ids[start : start + FETCH_CHUNK])
                for transfer, name in s.execute(query, {"ids": chunk}):
                    found[transfer.id] = _info(transfer, name or "")
        return found

    def years(self) -> list[int]:
        """The years that have transfers, latest first (for a year filter)."""
        with self.db.read() as s:
            return list(
                s.scalars(select(Transfer.year).distinct().order_by(Transfer.year.desc()))
            )

    # the letter's member picker ------------------------------------------------------

    def transferable(
        self, text: str, limit: int = PICKER_LIMIT, stages: Sequence[str] = TRANSFERABLE_STAGES
    ) -> list[MemberChoice]:
        """Up to ``limit`` members a letter may be issued for (正式/预备, or the ``stages``
        given; normal standing, not voided) matching a name fragment, pinyin initials or an
        ID-number fragment as the roster search matches them, in name order; the first
        ``limit`` of them for an empty text."""
        query = self._choices(stages).order_by(Member.sort_key, Member.id).limit(limit)
        wanted = normalise_query(text)
        if wanted:
            query = query.where(Member.id.in_(select(Member.id).where(text_condition(wanted))))
        with self.db.read() as s:
            return [MemberChoice(*row) for row in s.connection().execute(query)]

    def choice(
        self, member_id: int, stages: Sequence[str] = TRANSFERABLE_STAGES
    ) -> MemberChoice | None:
        """The member as the picker shows them, if they are in normal standing and of one
        of the ``stages`` (by default: a letter may be issued for them)."""
        query = self._choices(stages).where(Member.id == member_id)
        with self.db.read() as s:
            row = s.connection().execute(query).first()
        return MemberChoice(*row) if row is not None else None

    @staticmethod
    def _choices(stages: Sequence[str]) -> Any:
        return (
            select(Member.id, Member.name, Organisation.name, Member.id_number)
            .join(Organisation, Organisation.id == Member.branch_id)
            .where(
                # as the roster: "not among the few voided" lets the planner use a better index
                Member.id.not_in(select(Member.id).where(Member.voided == True)),  # noqa: E712
                # SQLite's likely(): most members are in normal standing and 正式/预备, so the
                # planner walks the name-order index and stops at the limit (0.2 ms at 100,000
                # members) instead of reading them all by status and sorting (47 ms)
                func.likely(Member.status == Status.NORMAL.value),
                func.likely(Member.stage.in_([str(stage) for stage in stages])),
            )
        )

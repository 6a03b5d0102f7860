"""The minutes list at county scale: matching ids in one query, rows fetched by page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, or_, select

from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import MeetingFilter, MeetingRow
from branchdesk.core.search_keys import normalise_query
from branchdesk.storage.database import Database
from branchdesk.storage.fast_read import fetch_all
from branchdesk.storage.models import Meeting, Organisation

FETCH_CHUNK = 500


def _fetch_ids(connection: Connection, query: Any) -> list[int]:
    """The first column of every row, read as the transfer list reads its ids."""
    return [row[0] for row in fetch_all(connection, query)]


class MeetingList:
    """Meetings by text, type, branches and dates: ids first, then a page of rows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @staticmethod
    def _ids_query(flt: MeetingFilter) -> Any:
        # as MeetingService.search, without its join: organisation_id is a non-null foreign
        # key, so the join never drops a meeting, and the branch filter becomes two id lists
        # the (organisation_id, date) index answers
        query = select(Meeting.id).order_by(Meeting.date.desc(), Meeting.id.desc())
        if flt.kind is not None:
            query = query.where(Meeting.kind == flt.kind.value)
        if flt.start is not None:
            query = query.where(Meeting.date >= flt.start)
        if flt.end is not None:
            query = query.where(Meeting.date <= flt.end)
        if flt.branch_ids is not None:
            groups = select(Organisation.id).where(Organisation.parent_id.in_(flt.branch_ids))
            query = query.where(
                or_(
                    Meeting.organisation_id.in_(flt.branch_ids),
                    Meeting.organisation_id.in_(groups),
                )
            )
        text = normalise_query(flt.text)
        if text:
            query = query.where(Meeting.search_text.contains(text, autoescape=True))
        return query

    def search_ids(self, flt: MeetingFilter | None = None) -> list[int]:
        """Ids of the meetings matching the filter, newest first (date, then id), in one
        query: the same meetings in the same order as ``MeetingService.search``."""
        query = self._ids_query(flt or MeetingFilter())
        with self.db.read() as s:
            return _fetch_ids(s.connection(), query)

    def rows(self, ids: Sequence[int]) -> dict[int, MeetingRow]:
        """The meetings with these ids (any order) as the list shows them, one query per
        500 ids; an id no longer in the database is left out."""
        query = (
            select(Meeting.id, Meeting.kind, Meeting.date, Organisation.name, Meeting.title,
                   Meeting.current_version)
            .join(Organisation, Organisation.id == Meeting.organisation_id)
            .where(Meeting.id.in_(bindparam("ids", expanding=True)))
        )
        found: dict[int, MeetingRow] = {}
        with self.db.read() as s:
            connection = s.connection()
            for start in range(0, len(ids), FETCH_CHUNK):
                chunk = list(ids[start : start + FETCH_CHUNK])
                for id_, kind, date, org, title, version in connection.execute(
                    query, {"ids": chunk}
                ):
                    found[id_] = MeetingRow(id_, MeetingKind(kind), date, org, title, version)
        return found

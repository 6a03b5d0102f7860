"""Roster queries: the ids matching a filter in sort order, and rows fetched by id."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    String,
    bindparam,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from branchdesk.storage.models import Member, Organisation

STAGE_ORDER = ("applicant", "activist", "candidate", "probationary", "full")
STATUS_ORDER = ("normal", "suspended", "transferred_out", "expelled", "deceased")
FETCH_CHUNK = 500


@dataclass(frozen=True)
class RosterFilter:
    """What the roster shows: organisations, stage, status, search text, voided records."""

    branch_ids: tuple[int, ...] | None = None
    group_id: int | None = None
    stage: str | None = None
    status: str | None = None
    text: str = ""
    include_voided: bool = False


@dataclass(frozen=True)
class RosterRow:
    """One roster line."""

    id: int
    name: str
    gender: str
    ethnicity: str
    birth_date: dt.date
    id_number: str
    stage: str
    status: str
    branch: str
    group: str
    join_date: dt.date | None
    full_member_date: dt.date | None
    job: str
    phone: str
    voided: bool


SORT_COLUMNS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "stage",
    "status",
    "branch",
    "group",
    "join_date",
    "full_member_date",
    "job",
    "phone",
)


def _sort_expression(key: str) -> Any:
    if key == "name":
        return Member.sort_key
    if key == "stage":
        return case({code: i for i, code in enumerate(STAGE_ORDER)}, value=Member.stage)
    if key == "status":
        return case({code: i for i, code in enumerate(STATUS_ORDER)}, value=Member.status)
    if key == "branch":
        return Member.branch_id
    if key == "group":
        return func.coalesce(Member.group_id, 0)
    return getattr(Member, key)


def _apply_filter(query: Select[tuple[int]], flt: RosterFilter) -> Select[tuple[int]]:
    if flt.branch_ids is not None:
        query = query.where(Member.branch_id.in_(flt.branch_ids))
    if flt.group_id is not None:
        query = query.where(Member.group_id == flt.group_id)
    if flt.stage:
        query = query.where(Member.stage == flt.stage)
    if flt.status:
        query = query.where(Member.status == flt.status)
    if not flt.include_voided:
        # "not among the few voided ids" rather than "voided is false": with the latter, a
        # planner without statistics walks the low-selectivity voided index row by row
        # (3-25x slower at 100,000 members) instead of the sort-key or branch index
        query = query.where(Member.id.not_in(select(Member.id).where(Member.voided == True)))  # noqa: E712 (`= 1` seeks the index, `IS 1` scans it)
    if flt.text:
        # a scan of one narrow index in a subquery, then only the matches are looked up
        query = query.where(Member.id.in_(select(Member.id).where(text_condition(flt.text))))
    return query


class SubstringOf(ColumnElement[bool]):
    """``column`` contains ``text`` (no LIKE wildcards in it): SQLite's ``instr``, faster
    than LIKE on the long ID numbers; ``LIKE`` on other databases."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [
        ("column", InternalTraversal.dp_clauseelement),
        ("text", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, text: str) -> None:
        self.column = column
        self.text = literal(text, String())


@compiles(SubstringOf)
def _substring_default(element: SubstringOf, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.contains(element.text), **kw)


@compiles(SubstringOf, "sqlite")
def _substring_sqlite(element: SubstringOf, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(func.instr(element.column, element.text) > 0, **kw)


ID_FRAGMENT = re.compile(r"^[0-9]+[xX]?$")
INITIALS_ONLY = re.compile(r"^[b-df-hj-np-tv-z]+$")


def text_condition(text: str) -> ColumnElement[bool]:
    """Match normalised search text against the narrowest stored text that can contain it.

    Digits (and a final X) occur only in the ID number, uncased non-ASCII text (Chinese
    characters) only in the name; letters without a vowel can only be initials (the short
    ``pinyin_initials``); other pinyin is looked up in the search key, which holds the name,
    all initials and all full readings.
    """
    if ID_FRAGMENT.match(text):
        return SubstringOf(Member.id_number, text.upper())
    if not any(char.isascii() for char in text) and text.lower() == text.upper():
        return Member.name.contains(text, autoescape=True)
    if INITIALS_ONLY.match(text):
        return Member.pinyin_initials.contains(text, autoescape=True)
    return Member.search_key.contains(text, autoescape=True)


def matching_ids(
    session: Session, flt: RosterFilter, sort_key: str = "name", descending: bool = False
) -> list[int]:
    """The ids of the members that match, in display order."""
    order = _sort_expression(sort_key)
    query = _apply_filter(select(Member.id), flt)
    if sort_key == "name":
        query = query.order_by(order.desc() if descending else order)
    else:
        query = query.order_by(order.desc() if descending else order, Member.sort_key, Member.id)
    # Core execution: ORM row processing costs ~20% more on a 100,000-id result
    ids: list[int] = list(session.connection().execute(query).scalars().all())  # type: ignore[arg-type]
    return ids


@cache
def _rows_statement() -> Any:
    """The row query, built once: building it costs more than running it for a page."""
    group = aliased(Organisation)
    return (
        select(
            Member.id,
            Member.name,
            Member.gender,
            Member.ethnicity,
            Member.birth_date,
            Member.id_number,
            Member.stage,
            Member.status,
            Organisation.name,
            func.coalesce(group.name, ""),
            Member.join_date,
            Member.full_member_date,
            Member.job,
            Member.phone,
            Member.voided,
        )
        .join(Organisation, Member.branch_id == Organisation.id)
        .outerjoin(group, Member.group_id == group.id)
        .where(Member.id.in_(bindparam("ids", expanding=True)))
    )


def fetch_rows(session: Session, ids: Sequence[int]) -> dict[int, RosterRow]:
    """Roster rows for the given ids (any order), fetched in chunks."""
    rows: dict[int, RosterRow] = {}
    connection = session.connection()
    for start in range(0, len(ids), FETCH_CHUNK):
        chunk = list(ids[start : start + FETCH_CHUNK])
        # Core execution: no ORM row overhead
        for values in connection.execute(_rows_statement(), {"ids": chunk}):
            rows[values[0]] = RosterRow(*values)
    return rows


def stage_counts(session: Session, branch_ids: Sequence[int] | None) -> dict[str, int]:
    """Members by stage (in normal standing, not voided) within the given branches."""
    query = (
        select(Member.stage, func.count())
        .where(Member.voided.is_(False), Member.status == "normal")
        .group_by(Member.stage)
    )
    if branch_ids is not None:
        query = query.where(Member.branch_id.in_(branch_ids))
    return {stage: count for stage, count in session.execute(query)}


def join_anniversaries(
    session: Session, month: int, branch_ids: Sequence[int] | None
) -> list[tuple[int, str, dt.date, str, str]]:
    """Members whose join date falls in ``month`` (id, name, join date, branch, ID number)."""
    query = (
        select(Member.id, Member.name, Member.join_date, Organisation.name, Member.id_number)
        .join(Organisation, Member.branch_id == Organisation.id)
        .where(
            Member.join_month == month,
            Member.stage.in_(("probationary", "full")),
            Member.status == "normal",
            Member.voided.is_(False),
        )
        .order_by(func.extract("day", Member.join_date), Member.sort_key)
    )
    if branch_ids is not None:
        query = query.where(Member.branch_id.in_(branch_ids))
    rows = session.connection().execute(query).all()  # Core: no ORM row overhead
    return [(i, n, d, b, number) for i, n, d, b, number in rows if d is not None]

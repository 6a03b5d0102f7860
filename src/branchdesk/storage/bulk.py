"""Inserting many new rows at once, with the audit entries the ORM flush hook would write."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from branchdesk.storage.audit import REDACTED, PendingEntry, append_entries, json_value
from branchdesk.storage.models import Base

#: rows per INSERT statement (executemany)
CHUNK = 5000


def next_id(s: Session, model: type[Base]) -> int:
    """The id the next row of ``model`` gets (ids are given explicitly to bulk rows)."""
    pk = inspect(model).primary_key[0]
    return int(s.execute(select(func.max(pk))).scalar() or 0) + 1


def column_keys(model: type[Base]) -> list[str]:
    return [attr.key for attr in inspect(model).column_attrs]


def _database_value(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite dialect stores it (dates as ISO text)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _is_temporal(model: type[Base], key: str) -> bool:
    python_type = getattr(model.__table__.c[key].type, "python_type", None)  # type: ignore[attr-defined]
    return python_type in (dt.date, dt.datetime)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: building a million small lists would otherwise
    set it off again and again over a growing heap (none of them form cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def insert_audited(s: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (every column given, the id included) in the caller's transaction and
    append their ``create`` audit entries exactly as the storage layer's flush hook does.

    One executemany of plain tuples instead of an ORM object per row: an import of 10,000
    members writes some 150,000 rows."""
    if not rows:
        return
    with no_cyclic_gc():
        _insert(s, model, rows)


def _insert(s: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    keys = column_keys(model)
    assert set(rows[0]) == set(keys), (model.__tablename__, set(keys) ^ set(rows[0]))
    table = model.__table__
    names = ", ".join(f'"{table.c[k].name}"' for k in keys)  # type: ignore[attr-defined]
    sql = f'INSERT INTO "{model.__tablename__}" ({names}) VALUES ({", ".join("?" * len(keys))})'
    dates = [i for i, k in enumerate(keys) if _is_temporal(model, k)]
    fetch = itemgetter(*keys)
    stored: list[tuple[Any, ...]] = []
    shown: list[list[Any]] = []  # the values as the audit trail writes them
    converted: dict[dt.date, tuple[str, str]] = {}
    for row in rows:
        values = list(fetch(row))
        as_json = values
        if dates:
            as_json = list(values)
            for i in dates:
                day = values[i]
                if day is not None:
                    forms = converted.get(day)
                    if forms is None:  # a bulk insert repeats its timestamp on every row
                        forms = converted[day] = (json_value(day), _database_value(day))
                    as_json[i], values[i] = forms
        stored.append(tuple(values))
        shown.append(as_json)
    connection = s.connection()
    for start in range(0, len(stored), CHUNK):
        connection.exec_driver_sql(sql, stored[start:start + CHUNK])
    if model.__audit__:
        append_entries(connection, str(s.info.get("actor", "system")),
                       _entries(s, model, keys, rows, shown))


def _entries(
    s: Session, model: type[Base], keys: list[str], rows: Sequence[dict[str, Any]],
    shown: list[list[Any]],
) -> list[PendingEntry]:
    audited = [(i, k) for i, k in enumerate(keys) if k not in model.__audit_ignore__]
    redacted = model.__audit_redact__
    pk = [column.key or "" for column in inspect(model).primary_key]
    summary = str(s.info.get("summary", ""))
    is_member = model.__tablename__ == "members"
    entries = []
    for row, values in zip(rows, shown, strict=True):
        changes = {k: [None, REDACTED if k in redacted else values[i]] for i, k in audited}
        member_id = row["id"] if is_member else row.get("member_id")
        entries.append(PendingEntry(
            "create", model.__tablename__, ",".join(str(row[k]) for k in pk),
            member_id if isinstance(member_id, int) else None, changes, summary,
        ))
    return entries

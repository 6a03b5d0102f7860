"""Refusing a save based on an outdated copy of a record, saying who changed it and when."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from branchdesk.core.errors import EditConflict
from branchdesk.storage.database import Database
from branchdesk.storage.models import AuditEntry, Base, User
from branchdesk.storage.row_versions import UPDATING, Versioned

#: where the services remember the record a save is about (for a StaleDataError)
_GUARDED = "edit_conflict.guarded"
_STALE_TABLE = re.compile(r"on table '([^']+)'")


def local_time(at_utc: dt.datetime) -> str:
    """A stored (naive UTC) time as the clerk's clock shows it: 2026年12月3日 14:05."""
    local = at_utc.replace(tzinfo=dt.UTC).astimezone()
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _person(s: Session, username: str) -> str:
    display = s.scalar(select(User.display_name).where(User.username == username))
    if display and display.strip() and display.strip() != username:
        return f"{display.strip()}（{username}）"
    return f"{username} "


def _not_counted(table_name: str) -> frozenset[str]:
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == table_name and issubclass(mapper.class_, Versioned):
            return mapper.class_.__version_ignore__
    return frozenset()


def _last_change(s: Session, table_name: str, record_id: str) -> AuditEntry | None:
    """The record's last audit entry that changed a fact (not a login's bookkeeping)."""
    not_counted = _not_counted(table_name)
    entries = s.scalars(
        select(AuditEntry)
        .where(AuditEntry.table_name == table_name, AuditEntry.record_id == record_id,
               AuditEntry.changes != "{}")
        .order_by(AuditEntry.id.desc())
    )
    for entry in entries:
        if set(json.loads(entry.changes)) - not_counted:
            return entry
    return None


def conflict_message(s: Session, table_name: str, record_id: str) -> str:
    """The refusal, naming who last changed the record and when (from the audit trail)."""
    last = _last_change(s, table_name, record_id)
    if last is None:
        who_when = "已被他人修改"
    else:
        who_when = f"已于 {local_time(last.at)} 被 {_person(s, last.actor)}修改"
    return f"该记录{who_when}，您的修改未保存。请关闭后重新打开，再做修改。"


def _identity(record: Base) -> tuple[str, str]:
    key = inspect(type(record)).primary_key_from_instance(record)
    return record.__tablename__, ",".join(str(part) for part in key)


def refuse_if_changed(s: Session, record: Versioned, expected_version: int | None) -> None:
    """Raise EditConflict when ``record`` is no longer the version the dialog loaded.

    ``expected_version`` None means the caller did not load the record for editing (a
    script, an import): the ORM's own check still guards the UPDATE."""
    assert isinstance(record, Base)
    s.info[_GUARDED] = _identity(record)
    if expected_version is not None and record.row_version != expected_version:
        raise EditConflict(conflict_message(s, *_identity(record)))


@contextmanager
def guarded_write(db: Database, actor: str, summary: str = "") -> Iterator[Session]:
    """``db.write`` whose UPDATE of a record changed meanwhile (the ORM found no row of the
    loaded version) is refused as an EditConflict, never an unexpected error."""
    info: dict[str, object] = {}
    try:
        with db.write(actor, summary) as s:
            info = s.info
            info[_GUARDED] = None
            info[UPDATING] = []
            yield s
    except StaleDataError as exc:
        with db.read() as s:
            message = conflict_message(s, *_stale_record(info, str(exc)))
        raise EditConflict(message) from exc


def _stale_record(info: dict[str, object], error: str) -> tuple[str, str]:
    """The record the ORM found changed: the guarded one, else the first updated row of the
    table the error names."""
    guarded = info.get(_GUARDED)
    if isinstance(guarded, tuple):
        return guarded
    found = _STALE_TABLE.search(error)
    table = found.group(1) if found else ""
    updating = info.get(UPDATING)
    for name, record_id in updating if isinstance(updating, list) else []:
        if name == table:
            return name, record_id
    return table, ""

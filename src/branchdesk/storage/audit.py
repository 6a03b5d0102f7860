"""The tamper-evident audit trail: every change is recorded and chained by SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from branchdesk.storage.models import AuditEntry, Base, utcnow
from branchdesk.storage.redaction import redacted

GENESIS_HASH = "0" * 64
REDACTED = "（已修改，不显示）"


class RecordDeletionError(RuntimeError):
    """Raised when code tries to delete a record: BranchDesk never deletes records."""


def json_value(value: Any) -> Any:
    """Return the JSON form in which a column value is written to the audit trail."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def entry_hash(
    entry_id: int,
    at: dt.datetime,
    actor: str,
    action: str,
    table_name: str,
    record_id: str,
    member_id: int | None,
    summary: str,
    changes: str,
    prev_hash: str,
) -> str:
    """Return the SHA-256 of one audit entry's content and the previous entry's hash."""
    payload = json.dumps(
        [
            entry_id,
            at.isoformat(sep=" "),
            actor,
            action,
            table_name,
            record_id,
            member_id,
            summary,
            changes,
            prev_hash,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingEntry:
    """An audit entry about to be appended to the chain."""

    action: str
    table_name: str
    record_id: str
    member_id: int | None
    changes: dict[str, list[Any]]
    summary: str = ""


def append_entries(connection: Connection, actor: str, entries: list[PendingEntry]) -> None:
    """Append entries to the chain inside the caller's transaction."""
    if not entries:
        return
    last = connection.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    next_id, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    at = utcnow()
    # stored as SQLAlchemy's SQLite DateTime stores it; one executemany of plain tuples
    stored_at = at.strftime("%Y-%m-%d %H:%M:%S.%f")
    rows = []
    for pending in entries:
        changes = json.dumps(pending.changes, ensure_ascii=False, sort_keys=True)
        digest = entry_hash(
            next_id,
            at,
            actor,
            pending.action,
            pending.table_name,
            pending.record_id,
            pending.member_id,
            pending.summary,
            changes,
            prev_hash,
        )
        rows.append((
            next_id, stored_at, actor, pending.action, pending.table_name, pending.record_id,
            pending.member_id, pending.summary, changes, prev_hash, digest,
        ))
        next_id, prev_hash = next_id + 1, digest
    connection.exec_driver_sql(_INSERT_ENTRY, rows)


_INSERT_ENTRY = (
    'INSERT INTO audit_log (id, "at", actor, action, table_name, record_id, member_id, summary,'
    " changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _member_id_of(obj: Base) -> int | None:
    if obj.__tablename__ == "members":
        return getattr(obj, "id", None)
    value = getattr(obj, "member_id", None)
    return value if isinstance(value, int) else None


def _record_id_of(obj: Base) -> str:
    identity = inspect(type(obj)).primary_key_from_instance(obj)
    return ",".join(str(part) for part in identity)


def _column_keys(obj: Base) -> Iterator[str]:
    for column_attr in inspect(type(obj)).column_attrs:
        if column_attr.key not in obj.__audit_ignore__:
            yield column_attr.key


def _creation_changes(obj: Base) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for key in _column_keys(obj):
        value = json_value(getattr(obj, key))
        changes[key] = [None, redacted(value) if key in obj.__audit_redact__ else value]
    return changes


def _update_changes(obj: Base) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for key in _column_keys(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        before = json_value(history.deleted[0]) if history.deleted else None
        after = json_value(history.added[0]) if history.added else None
        if before == after:
            continue
        if key in obj.__audit_redact__:  # a fingerprint, so verify can check the value
            before, after = redacted(before), redacted(after)
        changes[key] = [before, after]
    return changes


def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    for obj in session.deleted:
        raise RecordDeletionError(f"记录不可删除：{obj!r}")


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    entries: list[PendingEntry] = []
    summary = str(session.info.get("summary", ""))
    for obj in session.new:
        if isinstance(obj, Base) and obj.__audit__:
            entries.append(
                PendingEntry(
                    "create",
                    obj.__tablename__,
                    _record_id_of(obj),
                    _member_id_of(obj),
                    _creation_changes(obj),
                    summary,
                )
            )
    for obj in session.dirty:
        if isinstance(obj, Base) and obj.__audit__:
            changes = _update_changes(obj)
            if changes:
                entries.append(
                    PendingEntry(
                        "update",
                        obj.__tablename__,
                        _record_id_of(obj),
                        _member_id_of(obj),
                        changes,
                        summary,
                    )
                )
    append_entries(session.connection(), str(session.info.get("actor", "system")), entries)


def install_audit_hooks(session_class: type[Session]) -> None:
    """Make every flush of sessions of this class write its changes to the audit trail."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)

"""Table by table, every row the audit trail says exists exists with its audited values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import String, cast, inspect, literal, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from branchdesk.storage.audit import json_value
from branchdesk.storage.models import Base
from branchdesk.storage.redaction import fingerprint, fingerprint_in

#: the tables as a clerk knows them, for messages
TABLE_NAMES = {
    "organisations": "组织",
    "committee_terms": "委员会届次",
    "committee_posts": "委员任职",
    "members": "党员",
    "member_events": "党员变更事件",
    "users": "账户",
    "settings": "设置",
    "resume_entries": "本人简历",
    "development_files": "发展档案",
    "step_records": "发展步骤记录",
    "step_people": "发展步骤相关人员",
    "step_reviews": "发展步骤审核",
    "materials": "发展材料",
    "calendar_days": "工作日日历",
    "calendar_years": "工作日日历年份",
    "meetings": "会议",
    "meeting_versions": "会议记录",
    "meeting_attachments": "会议附件",
    "transfers": "组织关系转接",
}

_KEY = "bd_replay_key"


def table_label(table_name: str) -> str:
    """``党员（members）``: the clerk's name of a table with its name in the file."""
    label = TABLE_NAMES.get(table_name)
    return f"{label}（{table_name}）" if label else table_name


def audited_models() -> dict[str, type[Base]]:
    """The tables whose every change goes to the audit trail, by table name."""
    return {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if mapper.class_.__audit__
    }


def _record_key(model: type[Base]) -> ColumnElement[str]:
    """SQL for the audit trail's ``record_id`` of a row: its primary key as text."""
    parts = [cast(column, String) for column in inspect(model).primary_key]
    key: ColumnElement[str] = parts[0]
    for part in parts[1:]:
        key = key.concat(literal(",")).concat(part)
    return key


def _audited_states(session: Session, table_name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each record the trail names, in ``record_id`` order, with its replayed values.

    Reads the trail through its (table_name, record_id) index: one record in memory at a time."""
    rows = session.execute(
        text(
            "SELECT record_id, changes FROM audit_log WHERE table_name = :t"
            " ORDER BY record_id, id"
        ),
        {"t": table_name},
    )
    current: str | None = None
    state: dict[str, Any] = {}
    for record_id, changes in rows:
        if record_id != current:
            if current is not None:
                yield current, state
            current, state = record_id, {}
        for key, (_before, after) in json.loads(changes or "{}").items():
            state[key] = after
    if current is not None:
        yield current, state


def _stored_rows(
    session: Session, model: type[Base]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each row of the table in ``record_id`` order, with its values as the trail writes them."""
    mapper = inspect(model)
    attrs = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
    key = _record_key(model)
    query = select(key.label(_KEY), *(column.label(name) for name, column in attrs)).order_by(key)
    for row in session.execute(query).mappings():
        yield str(row[_KEY]), {name: row[name] for name, _column in attrs}


def _mismatch(model: type[Base], state: dict[str, Any], row: dict[str, Any]) -> str | None:
    """The first column whose stored value differs from the audited one, described."""
    for key, audited in state.items():
        if key not in row or key in model.__audit_ignore__:
            continue
        actual = row[key]
        if actual == audited and key not in model.__audit_redact__:
            continue  # the common case, without converting dates
        actual = json_value(actual)
        if key in model.__audit_redact__:
            expected = fingerprint_in(audited)
            if expected is not None and (actual is None or fingerprint(actual) != expected):
                return f"字段 {key}（不显示内容）与审计记录的指纹不符"
            continue
        if actual != audited:
            return f"字段 {key} 与审计记录不符：审计为 {audited!r}，实际为 {actual!r}"
    return None


class ReplayCheck:
    """Merges one table, ordered by record, with its replayed trail: finds every difference."""

    def __init__(self, session: Session, limit: int = 20) -> None:
        self.session = session
        self.limit = limit
        self.records_checked = 0
        self.problems: list[str] = []

    def run(self) -> list[str]:
        for table_name, model in audited_models().items():
            self._check_table(table_name, model)
            if len(self.problems) >= self.limit:
                break
        return self.problems

    def _note(self, problem: str) -> bool:
        self.problems.append(problem)
        return len(self.problems) < self.limit

    def _check_table(self, table_name: str, model: type[Base]) -> None:
        label = table_label(table_name)
        audited = _audited_states(self.session, table_name)
        stored = _stored_rows(self.session, model)
        expected = next(audited, None)
        found = next(stored, None)
        while expected is not None or found is not None:
            if found is None or (expected is not None and expected[0] < found[0]):
                assert expected is not None
                if not self._note(
                    f"表 {label}的记录 {expected[0]} 已不存在：审计记录表明它曾被写入，"
                    "而记录从不删除（在 BranchDesk 之外被删除）"
                ):
                    return
                expected = next(audited, None)
            elif expected is None or found[0] < expected[0]:
                self.records_checked += 1
                if not self._note(
                    f"表 {label}的记录 {found[0]} 没有审计记录（未经 BranchDesk 写入）"
                ):
                    return
                found = next(stored, None)
            else:
                self.records_checked += 1
                problem = _mismatch(model, expected[1], found[1])
                if problem and not self._note(
                    f"表 {label}的记录 {found[0]} {problem}（在 BranchDesk 之外被改动）"
                ):
                    return
                expected, found = next(audited, None), next(stored, None)

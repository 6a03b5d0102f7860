"""Checks of a database's integrity: SQLite's own check, the audit chain and its replay."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from branchdesk.storage.audit import GENESIS_HASH, REDACTED, entry_hash, json_value
from branchdesk.storage.models import AuditEntry, Base


@dataclass
class IntegrityReport:
    """The outcome of ``verify``: counts checked and the first problem found, if any."""

    entries_checked: int = 0
    records_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def _audited_models() -> dict[str, type[Base]]:
    return {
        mapper.class_.__tablename__: mapper.class_
        for mapper in Base.registry.mappers
        if mapper.class_.__audit__
    }


def check_sqlite(session: Session) -> list[str]:
    """Run SQLite's integrity and foreign-key checks; return problems in Chinese."""
    problems = []
    result = [row[0] for row in session.execute(text("PRAGMA integrity_check")).all()]
    if result != ["ok"]:
        problems.append("数据库文件结构损坏：" + "；".join(result[:5]))
    fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if fk:
        problems.append(f"数据库中有 {len(fk)} 处引用了不存在的记录（首处：表 {fk[0][0]}）")
    return problems


def verify_database(
    session: Session, progress: Callable[[str], None] | None = None
) -> IntegrityReport:
    """Verify the audit chain and that every audited row matches the trail's replay."""
    report = IntegrityReport()
    report.problems.extend(check_sqlite(session))
    if report.problems:
        return report
    if progress:
        progress("校验审计链…")
    expected: dict[tuple[str, str], dict[str, Any]] = {}
    prev_hash = GENESIS_HASH
    previous_id = 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        report.entries_checked += 1
        if entry.id != previous_id + 1:
            report.problems.append(
                f"审计记录不连续：第 {previous_id} 条之后是第 {entry.id} 条（有记录被删除）"
            )
            return report
        digest = entry_hash(
            entry.id,
            entry.at,
            entry.actor,
            entry.action,
            entry.table_name,
            entry.record_id,
            entry.member_id,
            entry.summary,
            entry.changes,
            prev_hash,
        )
        if entry.prev_hash != prev_hash or entry.hash != digest:
            report.problems.append(
                f"审计记录第 {entry.id} 条（{entry.at:%Y-%m-%d %H:%M}，{entry.actor}）"
                "已被改动，校验值不符"
            )
            return report
        prev_hash, previous_id = entry.hash, entry.id
        state = expected.setdefault((entry.table_name, entry.record_id), {})
        for key, (_before, after) in json.loads(entry.changes).items():
            state[key] = after
    if progress:
        progress("核对数据与审计记录…")
    for table_name, model in _audited_models().items():
        mapper = inspect(model)
        keys = [attr.key for attr in mapper.column_attrs]
        for obj in session.execute(select(model)).scalars():
            report.records_checked += 1
            identity = ",".join(str(part) for part in mapper.primary_key_from_instance(obj))
            found = expected.get((table_name, identity))
            if found is None:
                report.problems.append(
                    f"表 {table_name} 的记录 {identity} 没有审计记录（未经 BranchDesk 写入）"
                )
                return report
            state = found
            for key in keys:
                if key not in state or state[key] == REDACTED:
                    continue
                actual = json_value(getattr(obj, key))
                if actual != state[key]:
                    report.problems.append(
                        f"表 {table_name} 的记录 {identity} 字段 {key} 与审计记录不符："
                        f"审计为 {state[key]!r}，实际为 {actual!r}（在 BranchDesk 之外被改动）"
                    )
                    return report
    return report

"""Reading the audit trail (filter by member, user, date) and verifying the database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from branchdesk.core.member_rules import FIELD_LABELS
from branchdesk.core.vocab import EventKind, Labelled, OrgKind, Role, Stage, Status
from branchdesk.storage.anchor_setup import anchors_of
from branchdesk.storage.database import Database
from branchdesk.storage.integrity import IntegrityReport, verify_database
from branchdesk.storage.models import AuditEntry, Member

ACTION_LABELS = {
    "create": "新建",
    "update": "修改",
    "login": "登录",
    "login_failed": "登录失败",
    "account_locked": "账户锁定",
    "restore": "从备份恢复",
}
TABLE_LABELS = {
    "members": "党员",
    "member_events": "党员变更事件",
    "organisations": "组织",
    "committee_terms": "委员会届次",
    "committee_posts": "委员任职",
    "users": "账户",
    "settings": "设置",
    "database": "数据库",
}
EXTRA_LABELS = {
    "kind": "类型",
    "date": "日期",
    "from_value": "原值",
    "to_value": "新值",
    "reason": "原因",
    "recorded_by": "记录人",
    "recorded_at": "记录时间",
    "member_id": "党员",
    "username": "用户名",
    "display_name": "姓名",
    "role": "角色",
    "password_hash": "密码",
    "failed_attempts": "连续输错密码次数",
    "locked_until": "锁定至",
    "last_login": "上次登录",
    "active": "启用",
    "parent_id": "上级组织",
    "sort_order": "排序",
    "dissolved": "已撤销",
    "post": "职务",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "term_id": "届次",
    "created_at": "创建时间",
    "organisation_id": "组织",
    "id": "编号",
    "key": "键",
    "value": "值",
    "postcode": "邮编",
}


@dataclass(frozen=True)
class AuditFilter:
    """Which entries the viewer shows."""

    member_id: int | None = None
    actor: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    """An audit entry as the viewer shows it (time in UTC as stored)."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: str
    member_name: str
    summary: str
    changes: list[tuple[str, Any, Any]]


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key) or EXTRA_LABELS.get(key, key)


CODED_FIELDS: dict[str, tuple[type[Labelled], ...]] = {
    "stage": (Stage,),
    "status": (Status,),
    "role": (Role,),
    "kind": (OrgKind, EventKind),
    "from_value": (Stage, Status),
    "to_value": (Stage, Status),
}


def value_label(key: str, value: Any) -> Any:
    """A stored value as the clerk reads it: 正式党员 for ``full``, 是/否 for booleans."""
    if isinstance(value, bool):
        return "是" if value else "否"
    for vocabulary in CODED_FIELDS.get(key, ()):
        if value in {item.value for item in vocabulary}:
            return vocabulary(value).label
    return value


class AuditService:
    """Lists audit entries and runs the integrity check."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self, flt: AuditFilter, limit: int = 5000) -> list[AuditRow]:
        query = (
            select(AuditEntry, Member.name)
            .outerjoin(Member, Member.id == AuditEntry.member_id)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        )
        if flt.member_id is not None:
            query = query.where(AuditEntry.member_id == flt.member_id)
        if flt.actor:
            query = query.where(AuditEntry.actor == flt.actor)
        if flt.start:
            query = query.where(AuditEntry.at >= dt.datetime.combine(flt.start, dt.time()))
        if flt.end:
            end = dt.datetime.combine(flt.end + dt.timedelta(days=1), dt.time())
            query = query.where(AuditEntry.at < end)
        with self.db.read() as s:
            return [
                AuditRow(
                    e.id,
                    e.at,
                    e.actor,
                    ACTION_LABELS.get(e.action, e.action),
                    TABLE_LABELS.get(e.table_name, e.table_name),
                    e.record_id,
                    name or "",
                    e.summary,
                    [
                        (field_label(k), value_label(k, v[0]), value_label(k, v[1]))
                        for k, v in json.loads(e.changes).items()
                    ],
                )
                for e, name in s.execute(query)
            ]

    def actors(self) -> list[str]:
        with self.db.read() as s:
            return list(s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))

    def count(self) -> int:
        with self.db.read() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry)) or 0

    def verify(self) -> IntegrityReport:
        """Verify the database, and its chain against the anchor books kept outside it."""
        anchors = anchors_of(self.db)
        with self.db.read() as s:
            return verify_database(s, anchors=anchors)

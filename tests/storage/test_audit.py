import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import select

from branchdesk.core.services import Services
from branchdesk.storage.audit import RecordDeletionError
from branchdesk.storage.models import AuditEntry, Member


def _sql(services: Services, statement: str) -> None:
    services.db.dispose()
    con = sqlite3.connect(services.db.path)  # type: ignore[arg-type]
    con.execute(statement)
    con.commit()
    con.close()


def test_every_change_is_audited_with_before_and_after(
    services: Services, add_member: Callable[..., int], clerk: object
) -> None:
    from dataclasses import replace

    member_id = add_member("张三", 13)
    data = services.members.get(member_id).data
    services.members.update(clerk, member_id, replace(data, phone="13900000000"))  # type: ignore[arg-type]
    with services.db.read() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.member_id == member_id)
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None
        assert entry.actor == "clerk" and entry.action == "update"
        assert '"phone": ["", "13900000000"]' in entry.changes


def test_sound_database_verifies(services: Services, add_member: Callable[..., int]) -> None:
    add_member("张三", 13)
    report = services.audit.verify()
    assert report.sound and report.entries_checked > 5


def test_edited_audit_entry_is_detected(services: Services, add_member: Callable[..., int]) -> None:
    add_member("张三", 13)
    _sql(services, "UPDATE audit_log SET actor='someone' WHERE id=3")
    report = services.audit.verify()
    assert not report.sound and "第 3 条" in report.problems[0]


def test_deleted_audit_entry_is_detected(services: Services) -> None:
    _sql(services, "DELETE FROM audit_log WHERE id=2")
    assert "不连续" in services.audit.verify().problems[0]


def test_member_row_edited_with_plain_sqlite_is_detected(
    services: Services, add_member: Callable[..., int]
) -> None:
    add_member("张三", 13)
    _sql(services, "UPDATE members SET name='李四'")
    problem = services.audit.verify().problems[0]
    assert "members" in problem and "name" in problem and "李四" in problem


def test_records_are_never_deleted(services: Services, add_member: Callable[..., int]) -> None:
    member_id = add_member("张三", 13)
    with pytest.raises(RecordDeletionError):
        with services.db.write("clerk") as s:
            s.delete(s.get(Member, member_id))
    assert services.members.get(member_id).data.name == "张三"


def test_failed_write_leaves_nothing(services: Services, add_member: Callable[..., int]) -> None:
    before = services.audit.count()
    with pytest.raises(RuntimeError):
        with services.db.write("clerk") as s:
            s.add(
                Member(
                    name="半截",
                    gender="男",
                    id_number="X",
                    birth_date=None,
                    stage="full",
                    branch_id=1,
                )
            )
            raise RuntimeError("crash halfway")
    assert services.audit.count() == before

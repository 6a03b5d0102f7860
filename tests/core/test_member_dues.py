"""党费交至 on the member record: stored as a month, checked, audited, cleared with the stage."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.audit_log import AuditFilter
from branchdesk.core.demo import build_demo
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.storage.database import Database
from branchdesk.storage.models import Member

TODAY = dt.date(2026, 11, 26)


def _set_dues(services: Services, clerk: Actor, member_id: int, day: dt.date | None) -> None:
    data = services.members.get(member_id).data
    services.members.update(clerk, member_id, replace(data, dues_paid_through=day))


def _dues_error(services: Services, clerk: Actor, member_id: int, day: dt.date) -> str:
    data = replace(services.members.get(member_id).data, dues_paid_through=day)
    with pytest.raises(ValidationError) as caught:
        services.members.update(clerk, member_id, data)
    return caught.value.errors["dues_paid_through"]


def test_a_new_record_has_no_dues_month(
    services: Services, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    assert services.members.get(member_id).data.dues_paid_through is None


def test_stored_as_the_first_of_the_month_and_read_back(
    services: Services, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三", dues_paid_through=dt.date(2026, 10, 17))
    detail = services.members.get(member_id)
    assert detail.data.dues_paid_through == dt.date(2026, 10, 1)


def test_edited_and_cleared_through_update(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    _set_dues(services, clerk, member_id, dt.date(2026, 9, 30))
    assert services.members.get(member_id).data.dues_paid_through == dt.date(2026, 9, 1)
    _set_dues(services, clerk, member_id, None)
    assert services.members.get(member_id).data.dues_paid_through is None


def test_a_probationary_member_pays_from_the_month_of_joining(
    services: Services, add_member: Callable[..., int]
) -> None:
    member_id = add_member(
        "李四", 15, stage=Stage.PROBATIONARY, join_date=dt.date(2026, 6, 20),
        full_member_date=None, dues_paid_through=dt.date(2026, 6, 1),
    )
    assert services.members.get(member_id).data.dues_paid_through == dt.date(2026, 6, 1)


def test_not_before_the_month_of_joining(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")  # joined 2005-07-01
    message = _dues_error(services, clerk, member_id, dt.date(2005, 6, 30))
    assert message == "党费交至月份不能早于入党的月份（2005年7月），请核对"


def test_at_most_twelve_months_ahead(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    _set_dues(services, clerk, member_id, dt.date(2027, 11, 30))
    assert services.members.get(member_id).data.dues_paid_through == dt.date(2027, 11, 1)
    message = _dues_error(services, clerk, member_id, dt.date(2027, 12, 1))
    assert message == "党费最多预交 12 个月，交至月份不能晚于 2027年11月，请核对"


@pytest.mark.parametrize("stage", [Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE])
def test_refused_for_those_not_yet_members(stage: Stage) -> None:
    data = MemberInput(
        name="王五",
        id_number=make_id_number("110105", dt.date(2000, 1, 2), 24),
        branch_id=1,
        stage=stage,
        dues_paid_through=dt.date(2026, 10, 1),
    )
    _, errors = validate_member(data, TODAY)
    message = f"{stage.label}尚未入党，不交纳党费，不应填写党费交至月份"
    assert errors == {"dues_paid_through": message}
    _, errors = validate_member(replace(data, dues_paid_through=None), TODAY)
    assert errors == {}


def test_the_audit_trail_shows_before_and_after(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三", dues_paid_through=dt.date(2026, 8, 1))
    _set_dues(services, clerk, member_id, dt.date(2026, 10, 9))
    latest = services.audit.entries(AuditFilter(member_id=member_id))[0]
    assert latest.actor == "clerk" and latest.action == "修改"
    assert latest.changes == [("党费交至", "2026-08-01", "2026-10-01")]
    assert services.audit.verify().sound


def test_leaving_membership_clears_the_dues_month(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member(
        "李四", 15, stage=Stage.PROBATIONARY, join_date=dt.date(2026, 6, 20),
        full_member_date=None, dues_paid_through=dt.date(2026, 10, 1),
    )
    services.members.change_stage(clerk, member_id, Stage.CANDIDATE, TODAY, "录入错误，更正")
    data = services.members.get(member_id).data
    assert data.join_date is None and data.dues_paid_through is None
    _, errors = validate_member(data, TODAY)
    assert errors == {}


def test_the_demo_members_have_realistic_dues_months(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path, today=TODAY)
    db = Database.open_sqlite(path)
    try:
        with db.read() as s:
            rows = s.execute(
                select(Member.stage, Member.status, Member.dues_paid_through, Member.join_date)
                .where(Member.voided.is_(False))
            ).all()
    finally:
        db.dispose()
    this_month = TODAY.replace(day=1)
    behind: Counter[int] = Counter()
    for stage, status, dues, join in rows:
        if stage not in (Stage.PROBATIONARY.value, Stage.FULL.value):
            assert dues is None
            continue
        if dues is None:
            continue
        assert dues.day == 1 and dues >= join.replace(day=1)
        if status == "normal":
            behind[(this_month.year - dues.year) * 12 + this_month.month - dues.month] += 1
    paying = sum(behind.values())
    assert behind[1] > paying * 0.6  # most paid through last month
    assert sum(n for months, n in behind.items() if months >= 2) >= 3  # a few behind
    assert all(months >= -12 for months in behind)

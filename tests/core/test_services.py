import datetime as dt
from collections.abc import Callable

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import LoginError, NotFound, PermissionDenied, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage, Status
from branchdesk.storage.roster import RosterFilter

TODAY = dt.date(2026, 11, 26)


def test_login_and_lockout_after_five_wrong_passwords(services: Services) -> None:
    assert services.accounts.login("clerk", "secret-pw").role is Role.CLERK
    now = dt.datetime(2026, 11, 26, 9, 0)
    for attempt in range(1, 5):
        with pytest.raises(LoginError, match=f"再错 {5 - attempt} 次"):
            services.accounts.login("clerk", "wrong", now=now)
    with pytest.raises(LoginError, match="已锁定"):
        services.accounts.login("clerk", "wrong", now=now)
    with pytest.raises(LoginError, match="分钟后再试"):
        services.accounts.login("clerk", "secret-pw", now=now + dt.timedelta(minutes=9))
    later = now + dt.timedelta(minutes=10, seconds=1)
    assert services.accounts.login("clerk", "secret-pw", now=later)


def test_admin_reset_lifts_lock(services: Services, admin: Actor) -> None:
    now = dt.datetime(2026, 11, 26, 9, 0)
    for _ in range(5):
        with pytest.raises(LoginError):
            services.accounts.login("clerk", "wrong", now=now)
    clerk_id = next(a.id for a in services.accounts.list_accounts() if a.username == "clerk")
    services.accounts.reset_password(admin, clerk_id, "newpass8")
    assert services.accounts.login("clerk", "newpass8", now=now).username == "clerk"


def test_only_admin_manages_accounts(services: Services, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied, match="管理员"):
        services.accounts.create(clerk, "x1", "secret-pw", "", Role.CLERK)


def test_passwords_are_hashed_with_argon2(services: Services) -> None:
    from sqlalchemy import select

    from branchdesk.storage.models import User

    with services.db.read() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert all(h.startswith("$argon2id$") and "secret-pw" not in h for h in hashes)


def test_create_member_and_find_by_pinyin_and_id_fragment(
    services: Services, add_member: Callable[..., int]
) -> None:
    zhang = add_member("张三", 13)
    add_member("李四", 15)
    assert services.members.search_ids(RosterFilter(text="zs")) == [zhang]
    assert services.members.search_ids(RosterFilter(text="张")) == [zhang]
    number = make_id_number("110105", dt.date(1980, 5, 1), 13)
    assert services.members.search_ids(RosterFilter(text=number[-6:])) == [zhang]


def test_duplicate_id_number_refused(services: Services, add_member: Callable[..., int]) -> None:
    add_member("张三", 13)
    with pytest.raises(ValidationError, match="已登记为 张三"):
        add_member("张叁", 13)


def test_reviewer_cannot_edit(services: Services, reviewer: Actor, branch_id: int) -> None:
    data = MemberInput(
        name="王五",
        id_number=make_id_number("110105", dt.date(1990, 1, 1), 11),
        branch_id=branch_id,
        stage=Stage.APPLICANT,
    )
    with pytest.raises(PermissionDenied):
        services.members.create(reviewer, data)


def test_stage_change_is_an_event_with_date_and_reason(
    services: Services, clerk: Actor, branch_id: int
) -> None:
    member_id = services.members.create(
        clerk,
        MemberInput(
            name="赵六",
            id_number=make_id_number("110105", dt.date(1990, 1, 1), 11),
            branch_id=branch_id,
            stage=Stage.CANDIDATE,
        ),
    )
    with pytest.raises(ValidationError, match="原因"):
        services.members.change_stage(clerk, member_id, Stage.PROBATIONARY, TODAY, " ")
    services.members.change_stage(
        clerk, member_id, Stage.PROBATIONARY, dt.date(2025, 12, 1), "支部大会通过"
    )
    detail = services.members.get(member_id)
    assert detail.data.stage is Stage.PROBATIONARY
    assert detail.data.join_date == dt.date(2025, 12, 1)
    with pytest.raises(ValidationError, match="2026年12月1日"):
        services.members.change_stage(clerk, member_id, Stage.FULL, TODAY, "按期转正")
    last = next(e for e in detail.events if e.to_value == "probationary")
    assert (last.from_value, last.to_value, last.reason) == (
        "candidate",
        "probationary",
        "支部大会通过",
    )


def test_update_does_not_change_stage(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三", 13)
    data = services.members.get(member_id).data
    from dataclasses import replace

    services.members.update(clerk, member_id, replace(data, stage=Stage.APPLICANT, job="民警"))
    detail = services.members.get(member_id)
    assert detail.data.stage is Stage.FULL and detail.data.job == "民警"


def test_void_keeps_record_visible_to_admin_only(
    services: Services, clerk: Actor, admin: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三", 13)
    services.members.void(clerk, member_id, "重复录入")
    assert services.members.search_ids(RosterFilter()) == []
    assert services.members.search_ids(RosterFilter(include_voided=True), actor=admin) == [
        member_id
    ]
    with pytest.raises(PermissionDenied):
        services.members.search_ids(RosterFilter(include_voided=True), actor=clerk)
    with pytest.raises(NotFound):
        services.members.get(member_id, actor=clerk)
    assert services.members.get(member_id, actor=admin).voided


def test_status_change(services: Services, clerk: Actor, add_member: Callable[..., int]) -> None:
    member_id = add_member("张三", 13)
    services.members.change_status(clerk, member_id, Status.DECEASED, dt.date(2026, 3, 1), "病故")
    assert services.members.get(member_id).status is Status.DECEASED
    assert services.members.search_ids(RosterFilter(status="deceased")) == [member_id]


def test_organisation_tree_rules(services: Services, clerk: Actor, branch_id: int) -> None:
    with pytest.raises(ValidationError, match="党小组的上级应为党支部"):
        services.organisations.create(clerk, OrgKind.GROUP, "错误小组", None)
    roots = services.organisations.tree()
    assert [r.name for r in roots] == ["中共测试委员会"]
    assert [c.name for c in roots[0].children] == ["第一党支部", "第二党支部"]
    assert [g.name for g in services.organisations.groups_of(branch_id)] == ["第一党小组"]


def test_cannot_dissolve_branch_with_members(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int]
) -> None:
    add_member("张三", 13)
    with pytest.raises(ValidationError, match="还有党员"):
        services.organisations.set_dissolved(clerk, branch_id, True)


def test_committee_term_and_posts(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int]
) -> None:
    secretary = add_member("张三", 13)
    with pytest.raises(ValidationError, match="3 至 5 年"):
        services.organisations.add_term(clerk, branch_id, dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    term = services.organisations.add_term(
        clerk, branch_id, dt.date(2024, 1, 10), dt.date(2027, 1, 9)
    )
    services.organisations.add_post(clerk, term, secretary, "书记", dt.date(2024, 1, 10))
    with pytest.raises(ValidationError, match="已有在任书记"):
        services.organisations.add_post(clerk, term, secretary, "书记", dt.date(2024, 1, 10))
    current = services.organisations.current_term(branch_id, TODAY)
    assert current is not None and current.posts[0].member_name == "张三"
    items = services.todo.items(TODAY)
    assert any(i.kind == "committee_term_ending" and i.branch == "第一党支部" for i in items)


def test_political_birthdays_this_month(services: Services, add_member: Callable[..., int]) -> None:
    add_member("张三", 13, join_date=dt.date(2005, 11, 3), full_member_date=dt.date(2006, 11, 3))
    add_member("李四", 15)
    items = [i for i in services.todo.items(TODAY) if i.kind == "political_birthday"]
    assert [(i.name, i.due) for i in items] == [("张三", dt.date(2026, 11, 3))]
    assert not items[0].overdue(TODAY)  # a reminder, not a task
    counts = services.summary.stage_counts()
    assert counts[Stage.FULL] == 2 and counts[Stage.APPLICANT] == 0


def test_audit_viewer_shows_labels_not_codes(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    from branchdesk.core.audit_log import AuditFilter

    member_id = add_member("张三", 13)
    services.members.change_status(clerk, member_id, Status.SUSPENDED, TODAY, "停止党籍")
    latest = services.audit.entries(AuditFilter(member_id=member_id))[0]
    assert latest.actor == "clerk" and latest.member_name == "张三"
    assert ("党籍状态", "正常", "停止党籍") in latest.changes

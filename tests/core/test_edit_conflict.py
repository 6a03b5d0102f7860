"""Two clerks editing the same record: the second save is refused, naming who changed it."""

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.edit_conflict import guarded_write, local_time
from branchdesk.core.errors import EditConflict
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import AuditEntry, Member

TODAY = dt.date(2026, 11, 26)
REFUSAL = re.compile(
    r"^该记录已于 (\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d) 被 (.+?)修改，您的修改未保存。"
    r"请关闭后重新打开，再做修改。$"
)


@pytest.fixture
def other(services: Services, tmp_path: Path) -> Iterator[Services]:
    """A second program instance on the same database file."""
    assert services.db.path is not None
    db = open_database(services.db.path, tmp_path / "backups")
    yield Services.build(db, tmp_path / "backups", today=TODAY)
    db.dispose()


def _last_change_at(services: Services, table: str, record_id: int) -> str:
    with services.db.read() as s:
        at = s.scalars(
            select(AuditEntry.at)
            .where(AuditEntry.table_name == table, AuditEntry.record_id == str(record_id))
            .order_by(AuditEntry.id.desc())
        ).first()
    assert at is not None
    return local_time(at)


def test_second_member_save_is_refused_with_who_and_when(
    services: Services, other: Services, clerk: Actor, admin: Actor,
    add_member: Callable[..., int],
) -> None:
    member_id = add_member("张三")
    mine = services.members.get(member_id)  # this clerk's dialog
    theirs = other.members.get(member_id)  # the administrator's, in another instance
    other.members.update(
        admin, member_id, replace(theirs.data, phone="13800000001"), theirs.row_version
    )

    with pytest.raises(EditConflict) as refused:
        services.members.update(
            clerk, member_id, replace(mine.data, job="教师"), mine.row_version
        )
    found = REFUSAL.match(str(refused.value))
    assert found, str(refused.value)
    assert found.group(2) == "王管理（admin）"
    assert found.group(1) == _last_change_at(services, "members", member_id)
    now = dt.datetime.now()
    assert found.group(1) in (f"{now.year}年{now.month}月{now.day}日 {now:%H:%M}",
                              f"{now.year}年{now.month}月{now.day}日 "
                              f"{now - dt.timedelta(minutes=1):%H:%M}")
    kept = services.members.get(member_id)
    assert (kept.data.phone, kept.data.job) == ("13800000001", "")

    # reopened, the same edit saves
    services.members.update(clerk, member_id, replace(kept.data, job="教师"), kept.row_version)
    saved = other.members.get(member_id)
    assert (saved.data.phone, saved.data.job) == ("13800000001", "教师")
    assert services.audit.verify().sound


def test_stage_change_meanwhile_makes_an_open_member_dialog_stale(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    loaded = services.members.get(member_id)
    from branchdesk.core.vocab import Status

    services.members.change_status(clerk, member_id, Status.SUSPENDED, TODAY, "停止党籍")
    with pytest.raises(EditConflict, match="李录入（clerk）修改"):
        services.members.update(clerk, member_id, replace(loaded.data, job="x"),
                                loaded.row_version)


def test_organisation_resume_account_and_meeting_saves_are_guarded(
    services: Services, other: Services, clerk: Actor, admin: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    loaded = services.organisations.get(branch_id)
    other.organisations.update(admin, branch_id, "第一党支部", "新地址",
                               expected_version=loaded.row_version)
    with pytest.raises(EditConflict, match="王管理（admin）修改"):
        services.organisations.update(clerk, branch_id, "第一党支部", "", "010-1",
                                      expected_version=loaded.row_version)
    assert services.organisations.get(branch_id).address == "新地址"

    member_id = add_member("张三")
    line_id = services.resume.add(clerk, member_id, "2000.09", "2004.07", "某大学学习", "")
    (line,) = services.resume.lines(member_id)
    other.resume.update(admin, line_id, "2000.09", "2004.07", "某大学学习（本科）", "",
                        expected_version=line.row_version)
    with pytest.raises(EditConflict, match="王管理（admin）修改"):
        services.resume.update(clerk, line_id, "2000.09", "2004.06", "某大学学习", "",
                               expected_version=line.row_version)
    assert services.resume.lines(member_id)[0].what == "某大学学习（本科）"

    account = next(a for a in services.accounts.list_accounts() if a.username == "clerk")
    other.accounts.update(admin, account.id, "李录入员", Role.CLERK, True,
                          expected_version=account.row_version)
    with pytest.raises(EditConflict, match="王管理（admin）修改"):
        services.accounts.update(admin, account.id, "李录入", Role.REVIEWER, True,
                                 expected_version=account.row_version)


def test_a_login_does_not_make_an_open_account_dialog_stale(
    services: Services, admin: Actor
) -> None:
    account = next(a for a in services.accounts.list_accounts() if a.username == "clerk")
    services.accounts.login("clerk", "secret-pw")
    services.accounts.update(admin, account.id, "李录入员", Role.CLERK, True,
                             expected_version=account.row_version)
    assert next(
        a for a in services.accounts.list_accounts() if a.username == "clerk"
    ).display_name == "李录入员"


def test_meeting_correction_on_an_outdated_copy_is_refused(
    services: Services, other: Services, clerk: Actor, admin: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    from branchdesk.core.meeting_rules import MeetingKind
    from branchdesk.core.meetings import AgendaItem, MeetingInput

    present = [add_member(name, 13 + 2 * i) for i, name in enumerate("张三 李四 王五".split())]
    data = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, dt.date(2025, 5, 10), "14:30", "16:00",
        "支部会议室", "张三", "李四", present=tuple(present), agenda=(AgendaItem("学习党章"),),
    )
    meeting_id = services.meetings.record(clerk, data)
    loaded = services.meetings.get(meeting_id)
    other.meetings.correct(admin, meeting_id, replace(data, place="党员活动室"), "地点记错",
                           expected_version=loaded.row_version)
    with pytest.raises(EditConflict, match="王管理（admin）修改"):
        services.meetings.correct(clerk, meeting_id, replace(data, host="王五"), "主持人记错",
                                  expected_version=loaded.row_version)
    detail = services.meetings.get(meeting_id)
    assert [v.data.place for v in detail.versions] == ["支部会议室", "党员活动室"]


def test_the_orms_own_check_is_refused_with_the_same_message(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    """A row changed between reading and writing (no version given): StaleDataError from
    the ORM becomes the same refusal, never an unexpected error, and nothing is written."""
    member_id = add_member("张三")
    refusal = r"^该记录已于 .* 被 李录入（clerk）修改，您的修改未保存"
    with pytest.raises(EditConflict, match=refusal):
        with guarded_write(services.db, "admin", "修改党员信息") as s:
            member = s.get(Member, member_id)
            assert member is not None
            s.connection().exec_driver_sql(
                "UPDATE members SET row_version = row_version + 1 WHERE id = ?", (member_id,)
            )
            member.job = "覆盖"
    assert services.members.get(member_id).data.job == ""
    assert services.audit.verify().sound


def test_every_save_bumps_the_version_only_for_facts(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member_id = add_member("张三")
    first = services.members.get(member_id)
    services.members.update(clerk, member_id, first.data, first.row_version)  # nothing changed
    assert services.members.get(member_id).row_version == first.row_version
    services.members.update(clerk, member_id, replace(first.data, job="教师"),
                            first.row_version)
    assert services.members.get(member_id).row_version == first.row_version + 1
    with services.db.read() as s:
        changes = s.scalars(
            select(AuditEntry.changes).where(AuditEntry.table_name == "members")
        ).all()
    assert not any("row_version" in c for c in changes)


def test_a_stage_change_from_an_outdated_dialog_is_refused(
    services: Services, other: Services, clerk: Actor, admin: Actor,
    add_member: Callable[..., int],
) -> None:
    """Else the dialog would take the new version and its Save would undo the other edit."""
    from branchdesk.core.vocab import Stage, Status

    member_id = add_member("张三", stage=Stage.APPLICANT, join_date=None, full_member_date=None)
    loaded = services.members.get(member_id)
    theirs = other.members.get(member_id)
    other.members.update(admin, member_id, replace(theirs.data, phone="13800000001"),
                         theirs.row_version)
    for change in (
        lambda: services.members.change_stage(
            clerk, member_id, Stage.ACTIVIST, TODAY, "确定为积极分子", loaded.row_version),
        lambda: services.members.change_status(
            clerk, member_id, Status.SUSPENDED, TODAY, "停止党籍", loaded.row_version),
        lambda: services.members.void(clerk, member_id, "录入错误", loaded.row_version),
    ):
        with pytest.raises(EditConflict, match="王管理（admin）修改"):
            change()
    now = services.members.get(member_id)
    assert (now.data.stage, now.status, now.voided) == (Stage.APPLICANT, Status.NORMAL, False)
    assert len(now.events) == len(loaded.events)

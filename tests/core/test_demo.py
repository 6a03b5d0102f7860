"""The sample database: realistic, consistent, fully audited, never overwriting a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from branchdesk.core.dates import age_on
from branchdesk.core.demo import (
    BRANCH_ONE,
    BRANCH_STATION,
    BRANCH_TWO,
    COMMITTEE_NAME,
    DemoSummary,
    build_demo,
)
from branchdesk.core.idnumber import parse_id_number
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.migrate import DatabaseOpenError
from branchdesk.storage.models import Member
from branchdesk.storage.roster import RosterFilter

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module", params=[TODAY, dt.date(2028, 2, 29)], ids=str)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[DemoSummary, Services]]:
    today: dt.date = request.param
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    summary = build_demo(path, today=today)
    db = Database.open_sqlite(path)
    yield summary, Services.build(db, path.parent / "backups", today=today)
    db.dispose()


def _members(services: Services) -> list[Member]:
    with services.db.read() as s:
        members = list(s.scalars(select(Member)))
        s.expunge_all()
    return members


def _today(services: Services) -> dt.date:
    return services.members.today()


def test_committee_and_three_branches(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    (root,) = services.organisations.tree()
    assert root.kind is OrgKind.COMMITTEE and root.name == COMMITTEE_NAME
    assert root.address and root.phone and root.postcode
    assert [b.name for b in services.organisations.branches()] == [
        BRANCH_ONE, BRANCH_TWO, BRANCH_STATION,
    ]
    assert set(summary.branches) == {BRANCH_ONE, BRANCH_TWO, BRANCH_STATION}
    for name in (BRANCH_ONE, BRANCH_TWO):
        branch = services.organisations.find_by_name(name, OrgKind.BRANCH)
        assert branch is not None
        assert len(services.organisations.groups_of(branch.id)) >= 2


def test_about_eighty_members_in_every_stage_and_several_statuses(
    demo: tuple[DemoSummary, Services],
) -> None:
    summary, services = demo
    members = _members(services)
    assert 75 <= len(members) <= 90
    assert summary.members == sum(1 for m in members if not m.voided)
    assert {m.stage for m in members} == {s.value for s in Stage}
    statuses = {m.status for m in members}
    assert {Status.NORMAL, Status.SUSPENDED, Status.EXPELLED, Status.DECEASED} <= statuses
    assert sum(m.status == Status.NORMAL for m in members) > 0.8 * len(members)
    assert any(m.lost_contact for m in members)
    assert any(m.mobile and m.mobile_destination for m in members)
    assert "demo" in summary.describe() and "reviewer" in summary.describe()


def test_status_changes_and_the_void_are_recorded_events(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    members = _members(services)
    for m in members:
        detail = services.members.get(m.id)
        if m.status != Status.NORMAL:
            (event,) = [e for e in detail.events if e.kind == "status"]
            assert event.to_value == m.status and event.reason
            assert event.date <= _today(services)
    (voided,) = [m for m in members if m.voided]
    assert voided.void_reason
    visible = services.members.search_ids(RosterFilter())
    assert voided.id not in visible and len(visible) == len(members) - 1


def test_rare_characters_and_polyphonic_surnames(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    names = "".join(m.name for m in _members(services))
    for char in "喆堃昇玥燚":
        assert char in names
    assert any(m.name.startswith(("单", "曾")) for m in _members(services))
    # pinyin initials of a rare-character name find it
    zhang_zhe = next(m for m in _members(services) if m.name == "张喆")
    assert zhang_zhe.id in services.members.search_ids(RosterFilter(text="zz"))


def test_id_numbers_valid_distinct_and_of_plausible_ages(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    today = _today(services)
    members = _members(services)
    assert len({m.id_number for m in members}) == len(members)
    for m in members:
        parsed = parse_id_number(m.id_number, today)
        assert parsed.birth_date == m.birth_date and parsed.gender == m.gender
        assert 18 <= age_on(m.birth_date, today) <= 70
    regions = {m.id_number[:6] for m in members}
    assert len(regions) > 1 and "330127" in regions


def test_every_record_passes_the_rules_as_of_today(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    for m in _members(services):
        detail = services.members.get(m.id)
        _, errors = validate_member(detail.data, today)
        assert errors == {}, (m.name, errors)
        assert isinstance(detail.data, MemberInput)


def test_political_birthdays_this_month(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    assert len(services.summary.birthdays(_today(services))) >= 2


def test_committees_with_terms_and_posts(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    orgs = services.organisations
    (committee,) = orgs.tree()
    assert orgs.current_term(committee.id, today) is not None
    ends = []
    for name in (BRANCH_ONE, BRANCH_TWO):
        branch = orgs.find_by_name(name, OrgKind.BRANCH)
        assert branch is not None
        full = dict(services.members.full_members_of(branch.id))
        assert len(full) >= 7
        term = orgs.current_term(branch.id, today)
        assert term is not None
        posts = {p.post for p in term.posts}
        assert {"书记", "宣传委员", "纪检委员"} <= posts
        assert posts & {"副书记", "组织委员"}
        assert all(p.member_id in full for p in term.posts)
        ends.append(term.end_date)
    assert any(today < end <= today + dt.timedelta(days=90) for end in ends)
    kinds = {item.kind for item in services.todo.items(today)}
    assert "committee_term_ending" in kinds


def test_station_branch_is_small_without_a_committee(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    station = services.organisations.find_by_name(BRANCH_STATION, OrgKind.BRANCH)
    assert station is not None
    full = [
        m for m in _members(services)
        if m.branch_id == station.id and m.stage == Stage.FULL and not m.voided
    ]
    assert 3 <= len(full) < 7
    assert services.organisations.terms(station.id) == []


def test_accounts_log_in_with_the_demo_password(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    assert summary.password == "demo"
    roles = {}
    for username in ("admin", "clerk", "reviewer"):
        roles[username] = services.accounts.login(username, "demo").role.label
    assert roles == {"admin": "管理员", "clerk": "录入员", "reviewer": "审核人"}


def test_the_audit_trail_is_complete(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    with services.db.read() as s:
        report = verify_database(s)
    assert report.sound, report.problems
    assert report.records_checked > 80


def test_an_existing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseOpenError):
        build_demo(path, today=TODAY)
    assert path.read_bytes() == b""


def test_a_second_build_on_the_same_path_is_refused(demo: tuple[DemoSummary, Services]) -> None:
    summary, _ = demo
    before = summary.path.stat().st_size
    with pytest.raises(DatabaseOpenError):
        build_demo(summary.path, today=TODAY)
    assert summary.path.stat().st_size == before

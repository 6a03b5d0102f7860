"""The sample database: realistic, consistent, fully audited, never overwriting a file."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from branchdesk.core.dates import add_months, age_on
from branchdesk.core.demo import (
    BRANCH_ONE,
    BRANCH_STATION,
    BRANCH_TWO,
    COMMITTEE_NAME,
    GAPS,
    DemoSummary,
    build_demo,
)
from branchdesk.core.demo_package import write_sample_package
from branchdesk.core.development import RecordInfo
from branchdesk.core.idnumber import parse_id_number
from branchdesk.core.materials import sniff_media_type
from branchdesk.core.meeting_rules import CellState, Frequency, MeetingKind, period_of
from branchdesk.core.meetings import MeetingDetail, MeetingFilter
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.rulebook import MATERIALS, StepHistory, next_step, probation_end, rulebook_on
from branchdesk.core.services import Services
from branchdesk.core.todo import DueItem
from branchdesk.core.transfers import TransferInfo
from branchdesk.core.vocab import OrgKind, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.integrity import verify_database
from branchdesk.storage.migrate import DatabaseOpenError
from branchdesk.storage.models import Member, Transfer
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
        BRANCH_ONE,
        BRANCH_TWO,
        BRANCH_STATION,
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
    assert 80 <= len(members) <= 100
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
        m
        for m in _members(services)
        if m.branch_id == station.id and m.stage == Stage.FULL and not m.voided
    ]
    assert 3 <= len(full) < 7
    assert services.organisations.terms(station.id) == []


def test_accounts_log_in_with_the_demo_password(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    assert summary.password == "demo2026"
    roles = {}
    for username in ("admin", "clerk", "reviewer"):
        roles[username] = services.accounts.login(username, "demo2026").role.label
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


# --- the development files -------------------------------------------------------------------


def _files(services: Services) -> list[tuple[Member, StepHistory, list[RecordInfo]]]:
    """Every member with a development file or in development, with history and records."""
    found = []
    for m in _members(services):
        if m.voided:
            continue
        records = services.development.records(m.id)
        if records or m.stage != Stage.FULL:
            found.append((m, services.development.history(m.id), records))
    return found


def _stage_of(history: StepHistory) -> Stage:
    """The 人员类别 the passed steps stand for (steps 3, 8, 17 and 24 set it)."""
    stage = Stage.APPLICANT
    for step, reached in (
        (3, Stage.ACTIVIST),
        (8, Stage.CANDIDATE),
        (17, Stage.PROBATIONARY),
        (24, Stage.FULL),
    ):
        if step in history.passed:
            stage = reached
    return stage


def test_someone_stands_before_every_one_of_the_25_steps(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    today = _today(services)
    next_steps = {next_step(history, today) for _, history, _ in _files(services)}
    assert set(range(1, 26)) <= next_steps
    assert None in next_steps  # and some files are complete


def test_stage_and_dates_follow_from_the_steps(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    files = _files(services)
    in_development = {Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY}
    assert {Stage(m.stage) for m, _, _ in files} >= in_development | {Stage.FULL}
    for m, history, _ in files:
        assert Stage(m.stage) is _stage_of(history), m.name
        if 17 in history.passed:
            assert m.join_date == history.passed[15]
        if 24 in history.passed:
            assert m.full_member_date == probation_end(history.passed[15])
    # full members without a file joined before BranchDesk: their dates are on the record
    filed = {m.id for m, _, _ in files}
    old = [m for m in _members(services) if m.stage == Stage.FULL and m.id not in filed]
    assert old and all(m.join_date and m.full_member_date for m in old if not m.voided)


def test_records_are_dated_reviewed_and_recorded_as_a_branch_would(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    today = _today(services)
    for m, _, records in _files(services):
        assert records or m.stage == Stage.APPLICANT
        for r in records:
            assert r.recorded_by == "clerk" and r.date <= today
            assert r.rulebook == rulebook_on(r.date).version
            for review in r.reviews:
                assert r.date <= review.review_date <= today
                if not review.on_paper:
                    assert review.reviewer_username == "reviewer"
                    assert review.reviewer_name == "郑国平"


def test_pending_returned_paper_reviewed_and_late_records(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    records = [r for _, _, rs in _files(services) for r in rs]
    pending = [r for r in records if r.state == "pending"]
    assert len(pending) >= 2 and all(not r.reviews for r in pending)
    (returned,) = [r for r in records if r.state == "returned"]
    assert returned.reviews[-1].outcome == "returned" and returned.reviews[-1].opinion
    (paper,) = [v for r in records for v in r.reviews if v.on_paper]
    secretaries = {
        p.member_name
        for branch in services.organisations.branches()
        for term in services.organisations.terms(branch.id)
        for p in term.posts
        if p.post == "书记"
    }
    assert paper.reviewer_name in secretaries and paper.reviewer_post == "支部书记"
    (late,) = [r for r in records if r.exception_reason]
    assert late.step == 17
    member = next(m for m, _, rs in _files(services) if late in rs)
    history = services.development.history(member.id)
    assert add_months(history.passed[15], 3) < late.date <= add_months(history.passed[15], 6)


def test_due_items_of_the_development_files(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    items = services.todo.items(today)
    kinds = {item.kind for item in items}
    assert {
        "application_talk",
        "activist_review",
        "candidate_eligible",
        "probation_ending",
        "probation_ended",
    } <= kinds

    def some(kind: str, when: Callable[[DueItem], bool]) -> bool:
        return any(when(i) for i in items if i.kind == kind)

    assert some("activist_review", lambda i: i.overdue(today))
    assert some("probation_ended", lambda i: i.due < today)
    assert some("probation_ending", lambda i: today <= i.due <= today + dt.timedelta(days=30))
    assert some("application_talk", lambda i: i.overdue(today))
    assert some("application_talk", lambda i: not i.overdue(today))


def test_complete_files_with_materials_and_scans(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    complete = [(m, records) for m, history, records in _files(services) if 25 in history.passed]
    assert len(complete) >= 3
    for m, records in complete:
        assert m.stage == Stage.FULL
        assert {r.step for r in records if r.state == "passed"} == set(range(1, 26))
        materials = services.materials.of_member(m.id)
        assert set(MATERIALS) <= {x.category for x in materials}
        (archive,) = [r for r in records if r.step == 25]
        assert archive.details["materials"] == list(MATERIALS)
        scans = [x for x in materials if x.is_scan]
        assert scans
        for scan in scans:
            sniffed = sniff_media_type(services.materials.content(scan.id))
            assert sniffed is not None and sniffed[0] == scan.media_type
    assert summary.files == sum(1 for _, _, records in _files(services) if records)
    assert summary.pending >= 2 and summary.returned == 1 and summary.scans > 10
    assert "发展党员档案" in summary.describe()


def test_the_same_database_every_time(demo: tuple[DemoSummary, Services], tmp_path: Path) -> None:
    summary, services = demo
    if _today(services) != TODAY:
        pytest.skip("one rebuild is enough")
    again = tmp_path / "again.sqlite"
    build_demo(again, today=TODAY)
    db = Database.open_sqlite(again)
    try:
        second = Services.build(db, tmp_path / "backups", today=TODAY)
        ours = [(m.name, m.id_number, m.stage) for m in _members(services)]
        theirs = [(m.name, m.id_number, m.stage) for m in _members(second)]
        assert ours == theirs
        assert [_history_dates(services, m.id) for m in _members(services)] == [
            _history_dates(second, m.id) for m in _members(second)
        ]
        assert _minutes_digest(services) == _minutes_digest(second)
        assert _transfer_digest(services) == _transfer_digest(second)
    finally:
        db.dispose()


def _history_dates(services: Services, member_id: int) -> list[tuple[int, dt.date, str]]:
    return [(r.step, r.date, r.state) for r in services.development.records(member_id)]


def _minutes_digest(services: Services) -> list[tuple[object, ...]]:
    rows = services.meetings.search(MeetingFilter())
    return [
        (
            r.kind,
            r.date,
            r.organisation,
            r.title,
            r.version,
            services.meetings.get(r.id).current.data.absences,
        )
        for r in rows
    ]


# --- the meeting minutes ---------------------------------------------------------------------


def _minutes(services: Services, **criteria: object) -> list[MeetingDetail]:
    rows = services.meetings.search(MeetingFilter(**criteria))  # type: ignore[arg-type]
    return [services.meetings.get(r.id) for r in rows]


def test_each_branch_calendar_shows_held_meetings_and_gaps(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    today = _today(services)
    for branch in services.organisations.branches():
        grid = services.meeting_calendar.grid(branch.id, today.year, today)
        states = [cell.state for row in grid.rows for cell in row.cells]
        assert CellState.HELD in states, branch.name
        assert grid.missing(), branch.name
    # each deliberate gap shows as 缺 in its period, in the grid of that period's year
    for gap in GAPS:
        gapped = services.organisations.find_by_name(gap.branch, OrgKind.BRANCH)
        assert gapped is not None
        missed = add_months(today.replace(day=1), -gap.months_back)
        grid = services.meeting_calendar.grid(gapped.id, missed.year, today)
        rows = [row for row in grid.rows if row.requirement.kind is gap.kind]
        row = rows[gap.group_index or 0]
        assert row.cell_for_month(missed.month).state is CellState.MISSING, gap


def test_a_year_of_every_required_meeting(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    year_ago = add_months(today, -12)
    for branch in services.organisations.branches():
        held = services.meetings.held(branch.id, year_ago, today)
        kinds = {kind for kind, _group in held}
        required = {k.value for k in MeetingKind} - {MeetingKind.OTHER.value}
        if branch.name == BRANCH_STATION:  # no committee, no groups
            required -= {MeetingKind.COMMITTEE_MEETING.value, MeetingKind.GROUP_MEETING.value}
        assert kinds == required, branch.name
        assert len(held[(MeetingKind.THEME_DAY.value, None)]) >= 10
        for group in services.organisations.groups_of(branch.id):
            assert len(held[(MeetingKind.GROUP_MEETING.value, group.id)]) >= 10


def test_minutes_read_like_real_ones(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    calendar = services.development.calendar()
    minutes = _minutes(services, start=add_months(today, -12))
    assert len(minutes) > 100
    lectures_by_secretary = set()
    for detail in minutes:
        data = detail.current.data
        assert data.date <= today and calendar.is_working_day(data.date)[0]
        assert data.place and data.host and data.recorder and data.start_time < data.end_time
        assert data.agenda and all(item.title and item.discussion for item in data.agenda)
        assert data.resolutions
        expected = {a.member_id for a in detail.current.expected}
        assert set(data.present) | {i for i, _ in data.absences} == expected
        assert all(reason for _, reason in data.absences)
        assert data.host not in {detail.current.names[i] for i, _ in data.absences}
        assert detail.current.quorum_note == ""
        if detail.kind is MeetingKind.COMMITTEE_MEETING:
            assert len(data.absences) <= 1
        elif not any(item.votes for item in data.agenda):
            assert 1 <= len(data.absences) <= 3
        if detail.kind is MeetingKind.PARTY_LECTURE:
            assert data.speaker and data.topic
            if data.speaker == data.host:
                lectures_by_secretary.add(detail.branch)
    assert lectures_by_secretary == {b.name for b in services.organisations.branches()}
    reasons = {reason for d in minutes for _, reason in d.current.data.absences}
    assert {"出差", "病假", "值班备勤"} <= reasons


def test_admission_and_conversion_votes_have_their_minutes(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    general = _minutes(services, kind=MeetingKind.GENERAL_MEETING)
    checked = 0
    for m, _, records in _files(services):
        for record in records:
            if record.step not in (15, 23):
                continue
            (meeting,) = [
                d
                for d in general
                if d.branch_id == m.branch_id and d.current.data.date == record.date
            ]
            (result,) = [r for _, r in meeting.current.votes if m.name in r.vote.subject]
            vote, details = result.vote, record.details
            assert (vote.entitled, vote.present, vote.yes, vote.against, vote.abstain) == (
                details["entitled"],
                details["present"],
                details["yes"],
                details["against"],
                details["abstain"],
            )
            assert vote.method == details["method"] and result.passed
            # the attendance the minutes list is the attendance the vote counted
            voters = [a for a in meeting.current.expected if a.can_vote]
            came = [a for a in voters if a.member_id in meeting.current.data.present]
            assert (len(voters), len(came)) == (vote.entitled, vote.present)
            checked += 1
    assert checked >= 10


def test_meetings_due_are_on_the_todo_list(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    due = [item for item in services.todo.items(today) if item.kind == "meeting_due"]
    assert due and all(item.branch for item in due)
    overdue = [item for item in due if item.overdue(today)]
    last_month = period_of(add_months(today.replace(day=1), -1), Frequency.MONTHLY)
    assert any(item.detail == last_month.label for item in overdue)
    assert any(BRANCH_ONE in item.title and "支部委员会会议" in item.title for item in overdue)


def test_a_corrected_meeting_and_a_sign_in_sheet(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    minutes = _minutes(services)
    (corrected,) = [d for d in minutes if len(d.versions) > 1]
    first, second = corrected.versions
    assert len(corrected.versions) == 2 and second.correction_reason and not first.correction_reason
    assert first.data != second.data and corrected.current is second
    (attached,) = [d for d in minutes if d.attachments]
    (sheet,) = attached.attachments
    assert sheet.title == "签到表" and sheet.media_type == "image/png"
    assert sniff_media_type(services.meetings.attachment_bytes(sheet.id)) is not None
    assert summary.meetings == len(minutes) and summary.corrected == 1
    assert "会议记录" in summary.describe()


# --- the organisation transfers --------------------------------------------------------------


def _transfer_rows(services: Services) -> list[Transfer]:
    with services.db.read() as s:
        rows = list(s.scalars(select(Transfer).order_by(Transfer.id)))
        s.expunge_all()
    return rows


def _transfers(services: Services) -> list[TransferInfo]:
    """The transfers of members on the roster (an incoming letter not yet placed has none)."""
    return [
        services.transfers.get(row.id)
        for row in _transfer_rows(services)
        if row.member_id is not None
    ]


def _transfer_digest(services: Services) -> list[tuple[object, ...]]:
    return [
        (
            r.direction,
            r.state,
            r.letter_number,
            r.issue_date,
            r.arrival_date,
            r.person_name,
            r.from_organisation,
            r.to_organisation,
            r.receipt_date,
            r.receipt_sent_date,
        )
        for r in _transfer_rows(services)
    ]


def test_transfers_in_every_state(demo: tuple[DemoSummary, Services]) -> None:
    summary, services = demo
    today = _today(services)
    rows = _transfer_rows(services)
    infos = _transfers(services)
    (unplaced,) = [r for r in rows if r.member_id is None]
    assert unplaced.direction == "in" and unplaced.state == "received"
    labels = Counter(t.state_label for t in infos) + Counter({"待编入": 1})
    assert labels == Counter({"转出中": 3, "已转出": 2, "作废": 1, "待编入": 1, "已转入": 2})
    assert summary.transfers == dict(labels) and "组织关系转接" in summary.describe()
    for r in rows:
        assert r.issue_date <= today
        for day in (r.receipt_date, r.arrival_date, r.receipt_sent_date):
            assert day is None or r.issue_date <= day <= today
    branches = {b.name for b in services.organisations.branches()}
    for t in infos:
        if t.direction == "out":
            assert t.from_organisation in branches and t.to_organisation.startswith("中共")
            assert t.reason in {"工作调动", "交流任职"} and t.contact
            assert (t.dues_year, t.dues_month) <= (t.issue_date.year, t.issue_date.month)
        else:
            assert t.from_organisation.startswith("中共") and t.to_organisation in branches


def test_letters_out_awaiting_overdue_closed_and_voided(
    demo: tuple[DemoSummary, Services],
) -> None:
    summary, services = demo
    today = _today(services)
    out = [t for t in _transfers(services) if t.direction == "out" and t.is_letter]
    issued = [t for t in out if t.state_label == "转出中"]
    (waiting,) = [t for t in issued if t.valid_until >= today]
    (overdue,) = [t for t in issued if t.valid_until < today]
    items = services.todo.items(today)
    (late,) = [i for i in items if i.kind == "transfer_receipt_overdue"]
    assert late.member_id == overdue.member_id and overdue.letter_number in late.title
    assert summary.overdue_letters == 1
    for t in issued:  # 转出中: still the branch's responsibility, in good standing
        assert services.members.get(t.member_id or 0).data.branch_id is not None
        (member,) = [m for m in _members(services) if m.id == t.member_id]
        assert member.status == Status.NORMAL
    # the voided letter keeps its number; the letter was issued again to the right place
    (voided,) = [t for t in out if t.state_label == "作废"]
    assert voided.void_reason and voided.member_id == waiting.member_id
    assert services.transfers.find(voided.letter_number).state_label == "作废"
    assert voided.to_organisation != waiting.to_organisation
    # closed by the receipt: the member 已转出, the file kept with the letter
    closed = [t for t in out if t.state_label == "已转出"]
    assert len(closed) == 2
    for t in closed:
        assert t.receipt_date and t.receipt_organisation and t.receipt_handler
    members = {m.id: m for m in _members(services)}
    (gone,) = [t for t in closed if members[t.member_id or 0].status == Status.TRANSFERRED_OUT]
    assert not members[gone.member_id or 0].voided
    events = [e for e in services.members.get(gone.member_id or 0).events if e.kind == "status"]
    assert events[-1].to_value == Status.TRANSFERRED_OUT and gone.letter_number in events[-1].reason


def test_an_activists_file_is_handed_over(demo: tuple[DemoSummary, Services]) -> None:
    _summary, services = demo
    (handover,) = [t for t in _transfers(services) if not t.is_letter]
    assert handover.kind_label == "发展材料转递" and handover.state_label == "转出中"
    assert handover.letter_number == "" and handover.reason == "工作调动"
    member = services.members.get(handover.member_id or 0)
    assert member.data.stage is Stage.ACTIVIST and member.status == Status.NORMAL
    records = services.development.records(handover.member_id or 0)
    assert records and max(r.date for r in records) < handover.issue_date


def test_letters_are_numbered_per_year_in_date_order(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    out = [t for t in _transfers(services) if t.direction == "out" and t.is_letter]
    by_year: dict[int, list[TransferInfo]] = {}
    for t in out:
        by_year.setdefault(t.issue_date.year, []).append(t)
    for year, letters in by_year.items():
        numbers = []
        for t in letters:
            found = re.fullmatch(r"（(\d{4})）组字第 (\d{3}) 号", t.letter_number)
            assert found and int(found[1]) == year, t.letter_number
            numbers.append(int(found[2]))
        assert numbers == list(range(1, len(letters) + 1)), year
        assert [t.issue_date for t in letters] == sorted(t.issue_date for t in letters)
    assert len({t.letter_number for t in out}) == len(out)


def test_transferred_members_are_ordinary_members(demo: tuple[DemoSummary, Services]) -> None:
    _, services = demo
    today = _today(services)
    moved = {t.member_id for t in _transfers(services) if t.is_letter}
    holders = {
        p.member_name
        for org in [*services.organisations.tree(), *services.organisations.branches()]
        for term in services.organisations.terms(org.id)
        for p in term.posts
    }
    named = {
        person.member_id
        for _, _, records in _files(services)
        for r in records
        for person in r.people
    }
    for m in _members(services):
        if m.id in moved:
            assert m.stage in (Stage.FULL, Stage.PROBATIONARY) and m.name not in holders
            assert m.id not in named and not services.development.records(m.id)
    assert len(services.summary.birthdays(today)) >= 2


def test_members_in_placed_returning_and_awaiting_a_branch(
    demo: tuple[DemoSummary, Services],
) -> None:
    _, services = demo
    today = _today(services)
    rows = _transfer_rows(services)
    items = services.todo.items(today)
    # registered a few days ago, not yet placed: on the to-do list
    (unplaced,) = [r for r in rows if r.state == "received"]
    assert unplaced.arrival_date and today - unplaced.arrival_date <= dt.timedelta(days=7)
    parse_id_number(unplaced.person_id_number, today)
    (waiting,) = [i for i in items if i.kind == "incoming_unplaced"]
    assert waiting.name == unplaced.person_name and waiting.member_id is None
    assert unplaced.person_id_number not in {m.id_number for m in _members(services)}
    # placed, the receipt sent back in time: nothing left to do
    placed = [r for r in rows if r.state == "placed"]
    assert len(placed) == 2 and all(r.receipt_sent_date for r in placed)
    assert not [i for i in items if i.kind == "transfer_receipt_to_send"]
    members = {m.id: m for m in _members(services)}
    returning = [r for r in placed if len(services.transfers.of_member(r.member_id or 0)) > 1]
    (back,) = returning
    (new,) = [r for r in placed if r is not back]
    # the returning member left years ago and got the old file back in the old branch
    left, came = services.transfers.of_member(back.member_id or 0)
    assert (left.direction, left.state_label, came.state_label) == ("out", "已转出", "已转入")
    assert left.from_organisation == came.to_organisation
    assert left.to_organisation == came.from_organisation
    member = members[back.member_id or 0]
    assert member.status == Status.NORMAL and member.group_id is not None
    statuses = [e.to_value for e in services.members.get(member.id).events if e.kind == "status"]
    assert statuses == [Status.TRANSFERRED_OUT, Status.NORMAL]
    # the new member was created from the letter and completed by the clerk
    newcomer = members[new.member_id or 0]
    assert newcomer.id_number == new.person_id_number and newcomer.status == Status.NORMAL
    assert newcomer.stage == Stage.FULL and newcomer.join_date and newcomer.group_id
    assert newcomer.job and newcomer.phone


def test_a_sample_package_to_import_lies_beside_the_database(
    demo: tuple[DemoSummary, Services],
) -> None:
    summary, services = demo
    today = _today(services)
    assert summary.sample_package is not None
    assert summary.sample_package.parent == summary.path.parent
    assert "导入转接包" in summary.describe() and str(summary.sample_package) in summary.describe()
    data = summary.sample_package.read_bytes()
    preview = services.packages.preview(data)
    assert preview.refusal == "" and preview.stage is Stage.ACTIVIST
    assert (preview.records, preview.reviews, preview.materials) == (6, 6, 1)
    assert preview.kind == "materials" and preview.from_organisation.startswith("邻县")
    # a second demo in the same folder keeps the file there (never overwritten)
    assert write_sample_package(summary.path.parent, today) is None

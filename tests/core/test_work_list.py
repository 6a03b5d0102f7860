"""The monthly work list (每月党建工作提示单) from a real database: kinds, grouping, months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.todo import KIND_LABELS, TodoBoard
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage
from branchdesk.core.work_list import (
    MonthError,
    MonthlyWorkList,
    WorkItem,
    WorkList,
    month_bounds,
    parse_month,
)

D = dt.date
TODAY = D(2026, 11, 26)
COMMITTEE, FIRST, SECOND = "中共测试委员会", "第一党支部", "第二党支部"


def _applicant(services: Services, clerk: Actor, reviewer: Actor, branch_id: int, name: str,
               sequence: int, applied: dt.date) -> int:
    member = services.members.create(clerk, MemberInput(
        name=name, id_number=make_id_number("110105", D(2000, 3, 1), sequence),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    record = services.development.record(clerk, member, StepInput(1, applied))
    services.development.review(reviewer, record, True, "同意")
    return member


def _letter(day: dt.date) -> OutgoingInput:
    return OutgoingInput(
        to_organisation="中共示例市公安局治安支队党支部", reason="工作调动",
        dues_year=2026, dues_month=10, issue_date=day, contact="王管理",
    )


@pytest.fixture
def seeded(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
           add_member: Callable[..., int]) -> Services:
    """Something of every kind: talks, meetings (none held), letters, terms, birthdays."""
    second = services.organisations.find_by_name(SECOND)
    committee = services.organisations.find_by_name(COMMITTEE)
    assert second is not None and committee is not None
    _applicant(services, clerk, reviewer, branch_id, "周国磊", 21, D(2026, 10, 1))  # talk 11-01
    _applicant(services, clerk, reviewer, second.id, "崔芳丽", 23, D(2026, 11, 20))  # talk 12-20
    add_member("李四", sequence=11, join_date=D(2005, 11, 10), full_member_date=D(2006, 11, 10))
    add_member("王五", sequence=13, branch_id=second.id, join_date=D(2010, 12, 3),
               full_member_date=D(2011, 12, 3))
    gone = add_member("吕平", sequence=15)
    services.transfers.issue(clerk, gone, _letter(D(2026, 10, 1)))  # lapsed 10-31
    going = add_member("范强", sequence=17, branch_id=second.id)
    services.transfers.issue(clerk, going, _letter(D(2026, 11, 20)))  # lapses 12-20
    services.incoming.receive(clerk, IncomingInput(
        "中共甲县公安局机关党支部", "（2026）组字第 045 号", D(2026, 11, 10), "唐林浩",
        make_id_number("110105", D(1990, 1, 1), 31), Stage.FULL,
    ))
    services.organisations.add_term(clerk, branch_id, D(2024, 1, 20), D(2027, 1, 19))
    services.organisations.add_term(clerk, committee.id, D(2021, 11, 1), D(2026, 10, 31))
    return services


def _rows(work: WorkList) -> list[tuple[str, str, dt.date, bool, bool, str]]:
    return [
        (section.name, group.kind, item.due, item.overdue, item.ahead, item.title)
        for section, group, item in work.items()
    ]


def _of(work: WorkList, section: str, kind: str) -> list[WorkItem]:
    return [i for s, g, i in work.items() if s.name == section and g.kind == kind]


def test_the_current_month_by_branch_and_kind(seeded: Services) -> None:
    work = seeded.work_list.build(2026, 11)
    assert (work.label, work.committee, work.generated, work.overdue_date) == (
        "2026年11月", COMMITTEE, TODAY, TODAY)
    assert [s.name for s in work.sections] == [COMMITTEE, FIRST, SECOND]
    # kinds in the fixed order of KIND_LABELS, with their labels as headings
    order = list(KIND_LABELS)
    for section in work.sections:
        kinds = [g.kind for g in section.groups]
        assert kinds == sorted(kinds, key=order.index)
        assert all(g.label == KIND_LABELS[g.kind] for g in section.groups)
        for group in section.groups:
            assert [i.due for i in group.items] == sorted(i.due for i in group.items)

    committee = {g.kind: g.items for g in work.sections[0].groups}
    assert set(committee) == {"committee_term_ending", "incoming_unplaced"}
    (term,) = committee["committee_term_ending"]
    assert term.due == D(2026, 10, 31) and term.overdue
    assert term.rule.startswith("《中国共产党章程》")
    (unplaced,) = committee["incoming_unplaced"]
    assert "唐林浩" in unplaced.title and unplaced.overdue

    (talk,) = _of(work, FIRST, "application_talk")
    assert talk.due == D(2026, 11, 1) and talk.overdue and talk.name == "周国磊"
    assert talk.rule == "《中国共产党发展党员工作细则》第七条"
    assert talk.rule not in talk.title and talk.title.startswith("周国磊：")
    assert not _of(work, SECOND, "application_talk")  # due 12-20: next month's

    (letter,) = _of(work, FIRST, "transfer_receipt_overdue")
    assert letter.due == D(2026, 10, 31) and letter.overdue and "吕平" in letter.title
    assert not _of(work, SECOND, "transfer_receipt_overdue")  # valid until 12-20

    (notice,) = _of(work, FIRST, "committee_term_ending")
    assert notice.due == D(2027, 1, 19) and notice.ahead and not notice.overdue

    (birthday,) = _of(work, FIRST, "political_birthday")
    assert birthday.due == D(2026, 11, 10) and not birthday.overdue and birthday.rule == ""
    assert not _of(work, SECOND, "political_birthday")  # 王五 joined in December

    for branch in (FIRST, SECOND):  # no meeting held: October's missed, November's due
        meetings = _of(work, branch, "meeting_due")
        missed = [m for m in meetings if m.due == D(2026, 10, 31)]
        due = [m for m in meetings if m.due == D(2026, 11, 30)]
        assert missed and all(m.overdue for m in missed)
        assert due and not any(m.overdue for m in due)
        assert all(not m.title.startswith(branch) for m in meetings)  # the heading says it
        assert all(m.rule for m in meetings)
    assert any("党小组" in m.title for m in _of(work, FIRST, "meeting_due"))
    assert work.count == len(list(work.items()))
    assert work.overdue_count == sum(i.overdue for _s, _g, i in work.items())


def test_a_future_month_is_what_will_fall_due_then(seeded: Services) -> None:
    work = seeded.work_list.build(2026, 12)
    assert work.overdue_date == D(2026, 12, 1)
    (talk,) = _of(work, SECOND, "application_talk")
    assert talk.due == D(2026, 12, 20) and not talk.overdue
    assert "请于" in talk.title  # worded on the list date (12-01), not as overdue
    (old_talk,) = _of(work, FIRST, "application_talk")
    assert old_talk.overdue  # still open: carried into December as overdue
    (letter,) = _of(work, SECOND, "transfer_receipt_overdue")  # lapses within the month
    assert letter.due == D(2026, 12, 20) and not letter.overdue
    (birthday,) = _of(work, SECOND, "political_birthday")
    assert birthday.due == D(2026, 12, 3) and "王五" in birthday.title
    assert not _of(work, FIRST, "political_birthday")
    meetings = _of(work, FIRST, "meeting_due")
    assert {D(2026, 11, 30), D(2026, 12, 31)} <= {m.due for m in meetings}
    assert all(m.due <= D(2026, 12, 31) for m in meetings)
    assert all(m.overdue == (m.due < D(2026, 12, 1)) for m in meetings)
    yearly = [m.due for m in meetings if "组织生活会" in m.title]
    assert yearly == [D(2025, 12, 31), D(2026, 12, 31)]  # last year's missed, this year's due

    later = seeded.work_list.build(2027, 3)
    (term,) = _of(later, FIRST, "committee_term_ending")  # ended in January: carried over
    assert term.due == D(2027, 1, 19) and term.overdue and not term.ahead
    assert not _of(later, FIRST, "political_birthday")


def test_a_past_month_is_what_is_still_open_from_it(seeded: Services) -> None:
    work = seeded.work_list.build(2026, 9)
    assert work.overdue_date == D(2026, 10, 1)
    rows = _rows(work)
    assert all(due <= D(2026, 9, 30) or ahead for _s, _k, due, _o, ahead, _t in rows)
    # the talk (due 11-01) and the letters (issued in October and November) were not due yet
    kinds = {kind for _s, kind, *_rest in rows}
    assert not kinds & {"application_talk", "transfer_receipt_overdue", "incoming_unplaced"}
    meetings = _of(work, FIRST, "meeting_due")
    assert meetings and all(m.overdue and m.due <= D(2026, 9, 30) for m in meetings)
    assert any("2026年9月" in m.title for m in meetings)
    (term,) = _of(work, COMMITTEE, "committee_term_ending")
    assert term.ahead and not term.overdue  # ended 10-31: within 90 days of September


def test_scope_keeps_only_the_named_organisations(seeded: Services) -> None:
    work = seeded.work_list.build(2026, 11, names={SECOND})
    assert [s.name for s in work.sections] == [SECOND]


def test_an_empty_database_gives_an_empty_list(services: Services) -> None:
    empty = MonthlyWorkList(TodoBoard([]), services.organisations, TODAY)
    work = empty.build(2026, 11)
    assert work.sections == () and work.count == 0 and work.committee == COMMITTEE


def test_month_text_and_bounds() -> None:
    assert parse_month("2026-11") == (2026, 11)
    assert parse_month("2026-1") == (2026, 1)
    assert parse_month("2026年3月") == (2026, 3)
    for bad in ("2026-13", "2026-00", "11-2026", "202611", "", "1800-01"):
        with pytest.raises(MonthError):
            parse_month(bad)
    assert month_bounds(2028, 2) == (D(2028, 2, 1), D(2028, 2, 29))
    assert MonthlyWorkList.dates(2026, 11, TODAY) == (TODAY, TODAY)
    assert MonthlyWorkList.dates(2027, 1, TODAY) == (D(2027, 1, 1), D(2027, 1, 1))
    assert MonthlyWorkList.dates(2026, 2, TODAY) == (D(2026, 2, 28), D(2026, 3, 1))

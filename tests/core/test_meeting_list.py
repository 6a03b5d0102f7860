"""The minutes list by ids and pages: the same meetings, in the same order, as the search."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import insert

from branchdesk.core.actor import Actor
from branchdesk.core.meeting_list import MeetingList
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingFilter, MeetingInput, MeetingRow
from branchdesk.core.search_keys import normalise_query
from branchdesk.core.services import Services
from branchdesk.storage.models import Meeting

D = dt.date
KINDS = (MeetingKind.GENERAL_MEETING, MeetingKind.COMMITTEE_MEETING, MeetingKind.THEME_DAY,
         MeetingKind.PARTY_LECTURE, MeetingKind.OTHER)
TITLES = ("学习党章", "党费使用计划", "重温入党誓词", "100%完成_任务", "专题党课")


@pytest.fixture
def orgs(services: Services) -> dict[str, int]:
    found = {}
    for name in ("第一党支部", "第一党小组", "第二党支部"):
        node = services.organisations.find_by_name(name)
        assert node is not None
        found[name] = node.id
    return found


@pytest.fixture
def recorded(
    services: Services, clerk: Actor, orgs: dict[str, int], add_member: Callable[..., int]
) -> dict[str, int]:
    """Meetings of several kinds, organisations, dates (some on the same day) and texts:
    three recorded and one corrected through the service, sixty inserted directly."""
    full = [add_member(name, 13 + 2 * i) for i, name in enumerate("张三 李四 王五".split())]
    branch = orgs["第一党支部"]

    def data(kind: MeetingKind, day: dt.date, title: str, place: str) -> MeetingInput:
        return MeetingInput(kind, branch, day, "14:30", "16:00", place, "张三", "李四",
                            present=tuple(full), agenda=(AgendaItem(title, "充分讨论"),))

    ids = {
        "lecture": services.meetings.record(
            clerk, data(MeetingKind.THEME_DAY, D(2026, 3, 5), "学习党章", "派出所会议室")),
        "general": services.meetings.record(
            clerk, data(MeetingKind.GENERAL_MEETING, D(2026, 3, 5), "党费使用计划", "会议室")),
    }
    services.meetings.correct(
        clerk, ids["general"],
        data(MeetingKind.GENERAL_MEETING, D(2026, 3, 5), "党费使用计划", "新会议室"), "地点记错",
    )
    rows: list[dict[str, Any]] = []
    organisations = itertools.cycle(orgs.values())
    for n in range(60):
        title = TITLES[n % len(TITLES)]
        rows.append({
            "kind": KINDS[n % len(KINDS)].value, "organisation_id": next(organisations),
            "date": D(2024, 1, 1) + dt.timedelta(days=(n * 37) % 900), "title": title,
            "current_version": 1 + n % 2, "created_by": "clerk",
            "search_text": normalise_query(f"会议室{n} {title} 主持人张三"),
        })
    with services.db.engine.begin() as connection:
        connection.execute(insert(Meeting), rows)
    return ids


FILTERS = [
    MeetingFilter(),
    MeetingFilter(text="党章"),
    MeetingFilter(text=" 派出所 "),
    MeetingFilter(text="100%"),
    MeetingFilter(text="_任"),
    MeetingFilter(text="%"),
    MeetingFilter(text="会议室1"),
    MeetingFilter(text="nobody"),
    MeetingFilter(kind=MeetingKind.THEME_DAY),
    MeetingFilter(kind=MeetingKind.GROUP_MEETING),
    MeetingFilter(start=D(2025, 1, 1)),
    MeetingFilter(end=D(2024, 12, 31)),
    MeetingFilter(start=D(2024, 6, 1), end=D(2025, 6, 1), kind=MeetingKind.OTHER),
    MeetingFilter(start=D(2026, 3, 5), end=D(2026, 3, 5)),
    MeetingFilter(branch_ids=()),
]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_search_ids_agree_with_the_search(
    services: Services, recorded: dict[str, int], flt: MeetingFilter
) -> None:
    expected = [row.id for row in services.meetings.search(flt)]
    assert services.meeting_list.search_ids(flt) == expected


def test_branch_filter_takes_in_the_branch_groups(
    services: Services, recorded: dict[str, int], orgs: dict[str, int]
) -> None:
    listing = services.meeting_list
    first, group, second = orgs["第一党支部"], orgs["第一党小组"], orgs["第二党支部"]
    for branches in ((first,), (second,), (group,), (first, second)):
        flt = MeetingFilter(branch_ids=branches)
        assert listing.search_ids(flt) == [r.id for r in services.meetings.search(flt)]
    in_first = set(listing.search_ids(MeetingFilter(branch_ids=(first,))))
    assert set(listing.search_ids(MeetingFilter(branch_ids=(group,)))) < in_first
    assert in_first.isdisjoint(listing.search_ids(MeetingFilter(branch_ids=(second,))))
    everything = MeetingFilter(text="会议室", kind=MeetingKind.COMMITTEE_MEETING,
                               branch_ids=(first,), start=D(2024, 3, 1), end=D(2026, 1, 1))
    assert listing.search_ids(everything) == [r.id for r in services.meetings.search(everything)]
    assert listing.search_ids(everything)


def test_order_is_newest_first_and_the_later_recorded_first_on_one_day(
    services: Services, recorded: dict[str, int]
) -> None:
    ids = services.meeting_list.search_ids()
    assert len(ids) == 62
    rows = services.meeting_list.rows(ids)
    keys = [(rows[i].date, i) for i in ids]
    assert keys == sorted(keys, reverse=True)
    day = D(2026, 3, 5)
    same_day = services.meeting_list.search_ids(MeetingFilter(start=day, end=day))
    assert same_day == [recorded["general"], recorded["lecture"]]


def test_rows_are_the_rows_of_the_search(services: Services, recorded: dict[str, int]) -> None:
    listing = services.meeting_list
    expected = {row.id: row for row in services.meetings.search(MeetingFilter())}
    ids = listing.search_ids()
    assert listing.rows(ids) == expected
    assert listing.rows(list(reversed(ids[:7]))) == {i: expected[i] for i in ids[:7]}
    general = listing.rows([recorded["general"]])[recorded["general"]]
    assert general == MeetingRow(recorded["general"], MeetingKind.GENERAL_MEETING,
                                 D(2026, 3, 5), "第一党支部", "党费使用计划", 2)
    assert listing.rows([]) == {} and listing.rows([10**9]) == {}


def test_rows_read_more_than_one_chunk(services: Services, orgs: dict[str, int]) -> None:
    rows = [{"kind": "other", "organisation_id": orgs["第二党支部"], "title": f"会{n}",
             "date": D(2025, 1, 1) + dt.timedelta(days=n % 300), "current_version": 1,
             "created_by": "clerk", "search_text": f"会{n}"} for n in range(1203)]
    with services.db.engine.begin() as connection:
        connection.execute(insert(Meeting), rows)
    listing = MeetingList(services.db)
    ids = listing.search_ids()
    assert len(ids) == 1203 and ids == [r.id for r in services.meetings.search(MeetingFilter())]
    found = listing.rows(ids)
    assert list(found) != [] and set(found) == set(ids)
    assert {row.organisation for row in found.values()} == {"第二党支部"}

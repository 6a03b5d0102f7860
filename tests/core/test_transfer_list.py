"""The transfer list at county scale: ids by filter and text in one query, rows by id."""

import datetime as dt
from collections.abc import Callable

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfer_list import TransferList
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage, Status

D = dt.date
TODAY = D(2026, 11, 26)


def _letter(day: dt.date, to: str = "中共某某县委组织部") -> OutgoingInput:
    return OutgoingInput(to, "工作调动", day.year, day.month, day)


@pytest.fixture
def letters(services: Services, clerk: Actor, add_member: Callable[..., int]) -> dict[str, int]:
    """Letters out in every state, one coming in; 逾期 exactly when valid_until < TODAY."""
    ids = {}
    people = ("张三", "李四", "王五", "赵六", "钱七")
    member = {name: add_member(name, 13 + 2 * n) for n, name in enumerate(people)}
    ids["张三"] = services.transfers.issue(clerk, member["张三"], _letter(D(2026, 9, 1)))
    # valid for 30 days: until 11-26 (not 逾期 today) and until 11-25 (逾期)
    ids["李四"] = services.transfers.issue(clerk, member["李四"], _letter(D(2026, 10, 27)))
    ids["王五"] = services.transfers.issue(clerk, member["王五"], _letter(D(2026, 10, 26)))
    ids["赵六"] = services.transfers.issue(
        clerk, member["赵六"], _letter(D(2025, 12, 1), "中共外县委员会组织部")
    )
    services.transfers.record_receipt(clerk, ids["赵六"], D(2025, 12, 20), "外县", "刘经办")
    ids["钱七"] = services.transfers.issue(clerk, member["钱七"], _letter(D(2026, 11, 20)))
    services.transfers.void(clerk, ids["钱七"], "写错")
    ids["陈新"] = services.incoming.receive(
        clerk,
        IncomingInput("中共某某市委组织部", "（2026）外字第 7 号", D(2026, 11, 21), "陈新",
                      make_id_number("330106", D(1990, 3, 8), 21)),
    )
    return ids


def _names(listing: TransferList, ids: list[int]) -> list[str]:
    rows = listing.rows(ids)
    return [rows[i].member_name for i in ids]


def test_newest_first_as_the_old_search(services: Services, letters: dict[str, int]) -> None:
    listing = services.transfer_list
    ids = listing.search_ids()
    assert _names(listing, ids) == ["陈新", "钱七", "李四", "王五", "张三", "赵六"]
    assert ids == [t.id for t in services.transfers.search()]
    for text in ("", "张", "组字第002", "（2026）组字第 002 号", "某某市委", "外县委员会", "陈新",
                 "nobody"):
        expected = [t.id for t in services.transfers.search(text=text)]
        assert listing.search_ids(text=text) == expected, text


def test_filters(services: Services, letters: dict[str, int]) -> None:
    listing = services.transfer_list
    assert _names(listing, listing.search_ids("in")) == ["陈新"]
    assert _names(listing, listing.search_ids("out", "issued")) == ["李四", "王五", "张三"]
    assert _names(listing, listing.search_ids(state="voided")) == ["钱七"]
    assert _names(listing, listing.search_ids(state="received")) == ["陈新"]
    assert _names(listing, listing.search_ids(year=2025)) == ["赵六"]
    assert len(listing.search_ids(year=2026)) == 5
    assert listing.search_ids(year=2024) == []
    assert _names(listing, listing.search_ids("out", year=2026, text="李")) == ["李四"]


def test_overdue_only_follows_the_validity_to_the_day(
    services: Services, letters: dict[str, int]
) -> None:
    listing = services.transfer_list
    assert _names(listing, listing.search_ids(overdue_only=True)) == ["王五", "张三"]
    assert listing.search_ids(state="closed", overdue_only=True) == []
    rows = listing.rows(listing.search_ids())
    assert {r.member_name for r in rows.values() if r.overdue_on(TODAY)} == {"王五", "张三"}
    found = listing.search()
    assert (found.ids, found.overdue) == (listing.search_ids(), 2)
    assert listing.search(text="王").overdue == 1
    tomorrow = TransferList(services.db, TODAY + dt.timedelta(days=1))
    assert _names(tomorrow, tomorrow.search_ids(overdue_only=True)) == ["李四", "王五", "张三"]
    later = listing.search(overdue_only=True, today=TODAY + dt.timedelta(days=1))
    assert (len(later.ids), later.overdue) == (3, 3)


def test_text_search(services: Services, letters: dict[str, int]) -> None:
    listing = services.transfer_list
    assert _names(listing, listing.search_ids(text="组字第002")) == ["李四"]
    assert _names(listing, listing.search_ids(text="组字第 002 号")) == ["李四"]
    assert _names(listing, listing.search_ids(text=" （2026）组字第 002 号")) == ["李四"]
    assert _names(listing, listing.search_ids(text="外字第7号")) == ["陈新"]
    assert _names(listing, listing.search_ids(text="陈")) == ["陈新"]  # the person on the letter
    assert _names(listing, listing.search_ids(text="赵六")) == ["赵六"]  # the member's name
    assert _names(listing, listing.search_ids(text="外县委员会")) == ["赵六"]  # to
    assert _names(listing, listing.search_ids(text="某某市委")) == ["陈新"]  # from
    assert len(listing.search_ids(text="第一党支部")) == 5  # from, for every letter out
    assert listing.search_ids(text="%") == []  # a wildcard is a plain character
    assert listing.search_ids(text="_") == []


def test_rows_for_a_page_of_ids(services: Services, letters: dict[str, int]) -> None:
    listing = services.transfer_list
    wanted = [letters["赵六"], letters["陈新"], 999_999]
    rows = listing.rows(wanted)
    assert set(rows) == {letters["赵六"], letters["陈新"]}
    assert rows[letters["赵六"]] == services.transfers.get(letters["赵六"])
    assert rows[letters["陈新"]].member_name == "陈新" and rows[letters["陈新"]].member_id is None
    assert listing.rows([]) == {}
    assert listing.years() == [2026, 2025]


def test_members_a_letter_may_be_issued_for(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    zhang = add_member("张三", 13)
    zhao = add_member("张思远", 15, stage=Stage.PROBATIONARY, full_member_date=None,
                      join_date=D(2026, 6, 1))
    add_member("张小四", 17, stage=Stage.APPLICANT, join_date=None, full_member_date=None)
    gone = add_member("张五", 19)
    services.members.change_status(clerk, gone, Status.SUSPENDED, D(2026, 10, 1), "停止党籍")
    void = add_member("张六", 21)
    services.members.void(clerk, void, "重复录入")
    listing = services.transfer_list
    assert [c.id for c in listing.transferable("张")] == [zhang, zhao]
    assert [c.name for c in listing.transferable("zs")] == ["张三", "张思远"]
    assert [c.name for c in listing.transferable("三")] == ["张三"]
    assert [c.name for c in listing.transferable("Zhang San")] == ["张三"]
    number = services.members.get(zhao).data.id_number
    found = listing.transferable(number[-8:])
    assert [c.id for c in found] == [zhao]
    assert found[0].label == f"张思远（第一党支部，身份证号末四位 {number[-4:]}）"
    assert len(listing.transferable("")) == 2
    assert len(listing.transferable("z", limit=1)) == 1
    choice = listing.choice(zhang)
    assert choice is not None and (choice.name, choice.branch) == ("张三", "第一党支部")
    assert listing.choice(gone) is None and listing.choice(void) is None
    applicants = listing.transferable("zx", stages=(Stage.APPLICANT,))  # e.g. materials
    assert [c.name for c in applicants] == ["张小四"]
    assert listing.choice(applicants[0].id) is None
    assert listing.choice(applicants[0].id, stages=(Stage.APPLICANT,)) == applicants[0]

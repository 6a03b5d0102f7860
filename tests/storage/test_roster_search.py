"""Roster search routes a fragment to the name, the ID number or the pinyin search key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.storage.roster import RosterFilter


def _find(services: Services, text: str, **kw: object) -> set[int]:
    return set(services.members.search_ids(RosterFilter(text=text, **kw)))  # type: ignore[arg-type]


def test_chinese_pinyin_and_id_fragments(
    services: Services, add_member: Callable[..., int]
) -> None:
    xu = add_member("徐玥", sequence=13)
    shan = add_member("单雪梅", sequence=24)
    aygul = add_member("阿依古丽·买买提", sequence=35)
    assert _find(services, "玥") == {xu}
    assert _find(services, "丽·买") == {aygul}
    assert _find(services, "x") >= {xu, shan}  # 徐 and 雪 start with x
    assert _find(services, "sxm") == {shan} == _find(services, "dxm")  # 单 is shan or dan
    assert _find(services, "xuyue") == {xu}
    assert _find(services, "徐x") == set()
    assert _find(services, "19800501") == {xu, shan, aygul}


def test_id_number_fragment_with_x_in_either_case(
    services: Services, add_member: Callable[..., int]
) -> None:
    for sequence in range(1, 60):
        number = make_id_number("110105", dt.date(1949, 12, 31), sequence)
        if number.endswith("X"):
            break
    member = add_member("赵四", id_number=number, birth_date=None)
    other = add_member("钱五", sequence=13)
    assert _find(services, number[-5:].lower()) == {member}
    assert _find(services, number[-5:]) == {member}
    assert _find(services, "110105") == {member, other}


def test_voided_records_and_filters_combine_with_search(
    services: Services, add_member: Callable[..., int], admin: Actor, clerk: Actor,
    branch_id: int,
) -> None:
    kept = add_member("张三", sequence=13)
    voided = add_member("张珊", sequence=24)
    services.members.void(clerk, voided, "录入错误")
    assert _find(services, "zs") == {kept}
    assert set(
        services.members.search_ids(RosterFilter(text="zs", include_voided=True), actor=admin)
    ) == {kept, voided}
    assert _find(services, "zs", branch_ids=(branch_id,)) == {kept}
    assert _find(services, "zs", branch_ids=(branch_id + 1000,)) == set()
    assert _find(services, "张", stage="full") == {kept}
    assert _find(services, "100%") == set()  # wildcards are matched literally

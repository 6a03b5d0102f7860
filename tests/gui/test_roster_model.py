"""The roster model: model invariants, lazy fetching by page, SQL sorting, voided rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from branchdesk.core.actor import Actor
from branchdesk.core.search_keys import name_sort_key
from branchdesk.core.services import Services
from branchdesk.gui.roster_model import COLUMNS, NAME_COLUMN, RosterModel
from branchdesk.storage.roster import RosterFilter

NAMES = ["张三", "李四", "王五", "阿明", "赵六"]


def _names(model: RosterModel) -> list[object]:
    return [model.data(model.index(r, NAME_COLUMN)) for r in range(model.rowCount())]


@pytest.fixture
def members(add_member: Callable[..., int]) -> dict[str, int]:
    return {name: add_member(name, sequence=10 + i) for i, name in enumerate(NAMES)}


def test_model_passes_qtmodeltester(qtmodeltester, services: Services, admin: Actor,
                                    members: dict[str, int]) -> None:
    model = RosterModel(services, admin)
    qtmodeltester.check(model)
    assert model.rowCount() == len(NAMES)
    assert model.columnCount() == 13
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(13)]
    assert headers[:5] == ["姓名", "性别", "民族", "出生日期", "公民身份号码"]
    assert headers[-1] == "联系电话"


def test_cells_show_chinese_labels(qtbot, services: Services, admin: Actor,
                                   members: dict[str, int]) -> None:
    model = RosterModel(services, admin)
    row = model.row_of(members["张三"])
    assert row is not None
    cells = [model.data(model.index(row, c)) for c in range(len(COLUMNS))]
    assert cells[0] == "张三"
    assert cells[5] == "正式党员"
    assert cells[6] == "正常"
    assert cells[7] == "第一党支部"
    assert cells[9] == "2005-07-01"
    assert model.member_id(row) == members["张三"]
    assert model.member_id(len(NAMES)) is None


def test_rows_are_fetched_lazily_in_pages(services: Services, admin: Actor,
                                          add_member: Callable[..., int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    names = [surname + "明" for surname in "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔"]
    for i, name in enumerate(names):
        add_member(name, sequence=100 + i)
    in_order = sorted(names, key=name_sort_key)
    calls: list[int] = []
    real_rows = services.members.rows

    def counting_rows(ids: list[int]):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return real_rows(ids)

    monkeypatch.setattr(services.members, "rows", counting_rows)
    model = RosterModel(services, admin, page_size=10, cache_pages=2)
    assert model.rowCount() == 25
    assert calls == []  # nothing read before a row is shown

    assert model.data(model.index(3, NAME_COLUMN)) == in_order[3]
    assert calls == [10]  # the page holding row 3, not all 25
    for row in range(10):
        model.data(model.index(row, NAME_COLUMN))
    assert calls == [10]  # the same page comes from the cache

    assert model.data(model.index(24, NAME_COLUMN)) == in_order[24]
    assert calls == [10, 5]
    model.data(model.index(12, NAME_COLUMN))
    assert calls == [10, 5, 10]
    # the cache holds 2 pages (20 rows): the 5 least recently used rows (0–4) were dropped
    model.data(model.index(9, NAME_COLUMN))
    assert calls == [10, 5, 10]
    model.data(model.index(0, NAME_COLUMN))
    assert calls == [10, 5, 10, 5]


def test_sort_by_name_follows_pinyin(qtbot, services: Services, admin: Actor,
                                     members: dict[str, int]) -> None:
    model = RosterModel(services, admin)
    model.sort(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["阿明", "李四", "王五", "张三", "赵六"]
    model.sort(NAME_COLUMN, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["赵六", "张三", "王五", "李四", "阿明"]


def test_sort_by_other_column_requeries(services: Services, admin: Actor,
                                        add_member: Callable[..., int]) -> None:
    import datetime as dt

    add_member("张三", sequence=11, join_date=dt.date(2010, 7, 1),
               full_member_date=dt.date(2011, 7, 1))
    add_member("李四", sequence=12, join_date=dt.date(2001, 7, 1),
               full_member_date=dt.date(2002, 7, 1))
    model = RosterModel(services, admin)
    join_column = [c[0] for c in COLUMNS].index("加入党组织日期")
    model.sort(join_column, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["李四", "张三"]
    model.sort(join_column, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["张三", "李四"]


def test_voided_hidden_unless_included(services: Services, admin: Actor, clerk: Actor,
                                       members: dict[str, int]) -> None:
    services.members.void(clerk, members["王五"], "重复录入")
    model = RosterModel(services, admin)
    assert "王五" not in _names(model)
    assert model.rowCount() == len(NAMES) - 1

    model.set_filter(RosterFilter(include_voided=True))
    assert "王五（已作废）" in _names(model)
    row = model.row_of(members["王五"])
    assert row is not None
    index = model.index(row, 1)
    font = model.data(index, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    normal = model.index(model.row_of(members["张三"]) or 0, 1)
    assert model.data(normal, Qt.ItemDataRole.FontRole) is None


def test_filter_text_and_count_signal(qtbot, services: Services, admin: Actor,
                                      members: dict[str, int]) -> None:
    model = RosterModel(services, admin)
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.set_filter(RosterFilter(text="zs"))
    assert blocker.args == [1]
    assert _names(model) == ["张三"]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None

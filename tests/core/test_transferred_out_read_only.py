"""A transferred-out file is read-only, 已转出 comes only from a transfer, dues carry over."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage, Status

D = dt.date


def _transferred_out(services: Services, clerk: Actor, member: int) -> None:
    letter = services.transfers.issue(clerk, member, OutgoingInput(
        "中共乙单位党委第一党支部", "工作调动", 2026, 10, D(2026, 11, 2)))
    services.transfers.record_receipt(clerk, letter, D(2026, 11, 10), "乙单位党支部", "刘红")


def test_a_transferred_out_file_is_read_only(
    services: Services, clerk: Actor, add_member: Callable[..., int], tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    line = services.resume.add(clerk, member, "2000.09", "2004.07", "某大学学生", "")
    _transferred_out(services, clerk, member)
    data = services.members.get(member).data
    before = services.audit.count()
    with pytest.raises(ValidationError, match="已转出，档案保留、只读"):
        services.members.update(clerk, member, replace(data, phone="13900000000"))
    with pytest.raises(ValidationError, match="只读"):
        services.members.change_stage(clerk, member, Stage.PROBATIONARY, D(2026, 11, 20), "误")
    with pytest.raises(ValidationError, match="只读"):
        services.members.change_status(clerk, member, Status.NORMAL, D(2026, 11, 20), "回来了")
    with pytest.raises(ValidationError, match="只读"):
        services.resume.add(clerk, member, "2004.07", "", "某单位", "")
    with pytest.raises(ValidationError, match="只读"):
        services.resume.update(clerk, line, "2000.09", "2004.07", "改动", "")
    with pytest.raises(ValidationError, match="只读"):
        services.materials.add_paper(clerk, member, "政审材料", "政审材料", "第 1 盒")
    assert services.audit.count() == before
    assert services.members.get(member).data.phone == data.phone


def test_transferred_out_is_set_only_by_a_transfer(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    with pytest.raises(ValidationError, match="组织关系转接"):
        services.members.change_status(
            clerk, member, Status.TRANSFERRED_OUT, D(2026, 11, 20), "调走了")
    assert services.members.get(member).status is Status.NORMAL


def test_the_letters_dues_month_goes_to_the_record_when_placed(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int]
) -> None:
    arrived = services.incoming.receive(clerk, IncomingInput(
        "中共丙单位党委", "（2026）组字第 031 号", D(2026, 11, 1), "赵六",
        make_id_number("110105", D(1985, 1, 1), 19), Stage.FULL, dues_year=2026, dues_month=10))
    new = services.incoming.place(clerk, arrived, branch_id, join_date=D(2010, 7, 1),
                                  full_member_date=D(2011, 7, 1))
    assert services.members.get(new).data.dues_paid_through == D(2026, 10, 1)

    member = add_member("张三", 13)
    _transferred_out(services, clerk, member)
    back = services.incoming.receive(clerk, IncomingInput(
        "乙单位党支部", "（2026）组字第 077 号", D(2026, 11, 20), "张三",
        make_id_number("110105", D(1980, 5, 1), 13), Stage.FULL, dues_year=2026, dues_month=11))
    assert services.incoming.place(clerk, back, branch_id) == member
    detail = services.members.get(member)
    assert detail.status is Status.NORMAL and detail.data.dues_paid_through == D(2026, 11, 1)

import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import Stage, Status
from branchdesk.storage.roster import RosterFilter

D = dt.date
TODAY = D(2026, 11, 26)


ISSUED_ON = D(2026, 11, 2)


def _letter(day: dt.date = ISSUED_ON, **overrides: object) -> OutgoingInput:
    fields: dict[str, object] = dict(
        to_organisation="中共示例市公安局治安支队党支部", reason="工作调动",
        dues_year=2026, dues_month=11, issue_date=day, contact="王管理",
    )
    fields.update(overrides)
    return OutgoingInput(**fields)  # type: ignore[arg-type]


def test_letters_numbered_per_year_and_voided_numbers_kept(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    names = "张三 李四 王五".split()
    first, second, third = (add_member(n, 13 + 2 * i) for i, n in enumerate(names))
    one = services.transfers.issue(clerk, first, _letter())
    two = services.transfers.issue(clerk, second, _letter())
    assert services.transfers.get(one).letter_number == "（2026）组字第 001 号"
    assert services.transfers.get(two).letter_number == "（2026）组字第 002 号"
    with pytest.raises(ValidationError, match="作废原因"):
        services.transfers.void(clerk, two, " ")
    services.transfers.void(clerk, two, "转往单位写错")
    assert services.transfers.get(two).state_label == "作废"
    three = services.transfers.issue(clerk, third, _letter())
    assert services.transfers.get(three).letter_number == "（2026）组字第 003 号"  # never reused
    assert services.transfers.find("（2026）组字第002号").id == two


def test_member_is_transferring_until_the_receipt(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    transfer = services.transfers.issue(clerk, member, _letter())
    assert services.transfers.get(transfer).state_label == "转出中"
    assert services.members.get(member).status is Status.NORMAL  # still ours (无空挡)
    with pytest.raises(ValidationError, match="尚未收到回执"):
        services.transfers.issue(clerk, member, _letter())
    overdue = [i for i in services.todo.items(TODAY) if i.kind == "transfer_receipt_overdue"]
    assert overdue == []  # valid for 30 days, until 2 December
    later = D(2026, 12, 3)
    late = [i for i in services.todo.items(later) if i.kind == "transfer_receipt_overdue"]
    assert [(i.name, i.due, i.overdue(later)) for i in late] == [("张三", D(2026, 12, 2), True)]
    with pytest.raises(ValidationError) as refused:
        services.transfers.record_receipt(clerk, transfer, D(2026, 11, 1), "", "")
    assert {"receipt_organisation", "receipt_handler", "receipt_date"} <= set(refused.value.errors)
    services.transfers.record_receipt(clerk, transfer, D(2026, 11, 20), "治安支队党支部", "刘红")
    detail = services.members.get(member)
    assert detail.status is Status.TRANSFERRED_OUT
    assert any("（2026）组字第 001 号" in e.reason for e in detail.events)
    assert services.members.search_ids(RosterFilter(status="transferred_out")) == [member]
    assert services.audit.verify().sound


def test_bad_letters_refused(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    with pytest.raises(ValidationError) as refused:
        services.transfers.issue(clerk, member, _letter(
            to_organisation=" ", reason="", validity_days=91, dues_year=2027, dues_month=12,
        ))
    assert {"to_organisation", "reason", "validity_days", "dues"} <= set(refused.value.errors)
    applicant = add_member("李四", 15, stage=Stage.APPLICANT, join_date=None,
                           full_member_date=None)
    with pytest.raises(ValidationError, match="不是党员"):
        services.transfers.issue(clerk, applicant, _letter())


def test_letter_printed_from_the_database(
    services: Services, clerk: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    from branchdesk.reports.transfer_print import save_letter

    member = add_member("张喆", 13)
    services.transfers.issue(clerk, member, _letter(validity_days=30))
    pdf = tmp_path / "letter.pdf"
    save_letter(services, "（2026）组字第 001 号", pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    squeezed = "".join(text.split())
    for word in ("张喆", "存根", "回执", "贰零贰陆年壹拾壹月", "叁拾天", "中共测试委员会"):
        assert word in squeezed, word


def test_incoming_new_member_placed_and_receipt_reminders(
    services: Services, clerk: Actor, branch_id: int
) -> None:
    from branchdesk.core.idnumber import make_id_number
    from branchdesk.core.transfers import IncomingInput

    number = make_id_number("330127", D(1990, 3, 4), 21)
    data = IncomingInput("中共甲县公安局机关党支部", "（2026）组字第 045 号", D(2026, 10, 20),
                         "陈玥", number, Stage.FULL)
    transfer = services.incoming.receive(clerk, data)
    waiting = services.transfers.get(transfer)
    assert (waiting.state_label, waiting.member_id, waiting.member_name) == ("待编入", None, "陈玥")
    with pytest.raises(ValidationError, match="已登记"):
        services.incoming.receive(clerk, data)
    kinds = {i.kind for i in services.todo.items(TODAY)}
    assert {"incoming_unplaced", "transfer_receipt_to_send"} <= kinds
    with pytest.raises(ValidationError):  # a full member needs the dates the letter lacks
        services.incoming.place(clerk, transfer, branch_id)
    member = services.incoming.place(clerk, transfer, branch_id, join_date=D(2012, 7, 1),
                                     full_member_date=D(2013, 7, 1))
    assert services.members.get(member).data.name == "陈玥"
    assert services.transfers.get(transfer).state_label == "已转入"
    services.incoming.receipt_sent(clerk, transfer, D(2026, 11, 1))
    kinds = {i.kind for i in services.todo.items(TODAY)}
    assert not {"incoming_unplaced", "transfer_receipt_to_send"} & kinds
    bad = IncomingInput("某党支部", "1号", D(2026, 10, 20), "", "123")
    with pytest.raises(ValidationError) as refused:
        services.incoming.receive(clerk, bad)
    assert {"id_number", "name"} <= set(refused.value.errors)


def test_returning_member_gets_the_old_file_back(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int]
) -> None:
    from branchdesk.core.idnumber import make_id_number
    from branchdesk.core.transfers import IncomingInput

    member = add_member("张三", 13)
    out = services.transfers.issue(clerk, member, _letter())
    services.transfers.record_receipt(clerk, out, D(2026, 11, 10), "乙单位党支部", "刘红")
    number = make_id_number("110105", D(1980, 5, 1), 13)
    back = services.incoming.receive(clerk, IncomingInput(
        "乙单位党支部", "（2026）组字第 007 号", D(2026, 11, 20), "张三", number, Stage.FULL))
    assert services.incoming.place(clerk, back, branch_id) == member  # the same file
    detail = services.members.get(member)
    assert detail.status is Status.NORMAL
    assert any("组织关系转回" in e.reason for e in detail.events)
    already = IncomingInput("丙单位", "（2026）组字第 008 号", D(2026, 11, 21), "张三", number)
    with pytest.raises(ValidationError, match="已在本单位"):
        services.incoming.receive(clerk, already)
    assert services.audit.verify().sound

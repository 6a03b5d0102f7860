"""A transferred member is never lost: on a real database file, reopened, through every state."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfers import IncomingInput, OutgoingInput
from branchdesk.core.vocab import Stage, Status
from branchdesk.storage.audit import RecordDeletionError
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import Transfer
from branchdesk.storage.roster import RosterFilter

D = dt.date
TODAY = D(2026, 11, 26)


def _letter(day: dt.date) -> OutgoingInput:
    return OutgoingInput("中共乙单位党委第一党支部", "工作调动", day.year, day.month, day)


def _reopened(services: Services, tmp_path: Path, hasher: PasswordHasher) -> Services:
    path = Path(services.db.engine.url.database or "")
    services.db.dispose()
    db = open_database(path, tmp_path / "backups", create=False)
    return Services.build(db, tmp_path / "backups", today=TODAY, hasher=hasher)


def test_every_member_is_in_a_branch_or_out_with_the_letter_and_receipt(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int],
    tmp_path: Path, fast_hasher: PasswordHasher,
) -> None:
    closed = add_member("张三", 13)
    waiting = add_member("李四", 15)
    voided = add_member("王五", 17)
    out = services.transfers.issue(clerk, closed, _letter(D(2026, 10, 8)))
    services.transfers.record_receipt(clerk, out, D(2026, 10, 20), "乙单位党支部", "刘红")
    services.transfers.issue(clerk, waiting, _letter(D(2026, 9, 1)))  # validity long passed
    mistake = services.transfers.issue(clerk, voided, _letter(D(2026, 11, 2)))
    services.transfers.void(clerk, mistake, "转往单位写错")
    arrived = services.incoming.receive(clerk, IncomingInput(
        "中共丙单位党委", "（2026）组字第 031 号", D(2026, 11, 1), "赵六",
        make_id_number("110105", D(1985, 1, 1), 19), Stage.FULL))

    services = _reopened(services, tmp_path, fast_hasher)
    # the member who left: still on file, 已转出, with the letter and the receipt
    left = services.members.get(closed)
    assert left.status is Status.TRANSFERRED_OUT and left.data.name == "张三"
    assert any("组织关系转往" in e.reason and e.date == D(2026, 10, 20) for e in left.events)
    (letter,) = services.transfers.of_member(closed)
    assert (letter.state_label, letter.receipt_handler) == ("已转出", "刘红")
    found = services.members.search_ids(RosterFilter(status=Status.TRANSFERRED_OUT.value))
    assert closed in found
    # the member whose receipt has not come back: still ours, 转出中, and flagged
    assert services.members.get(waiting).status is Status.NORMAL
    assert services.transfers.of_member(waiting)[0].state_label == "转出中"
    kinds = {(i.kind, i.name) for i in services.todo.items(TODAY)}
    assert ("transfer_receipt_overdue", "李四") in kinds
    # a voided letter changes nothing about the member; its number stays taken
    assert services.members.get(voided).status is Status.NORMAL
    assert services.transfers.get(mistake).letter_number == "（2026）组字第 003 号"
    # the person who arrived but is not yet placed is on the due list until placed
    assert ("incoming_unplaced", "赵六") in kinds
    assert services.transfers.get(arrived).state_label == "待编入"
    # nothing of it can be deleted, and the trail vouches for every row
    with pytest.raises(RecordDeletionError):
        with services.db.write("clerk") as s:
            row = s.get(Transfer, out)
            assert row is not None
            s.delete(row)
    assert len(services.transfers.search()) == 4
    assert services.audit.verify().sound
    services.db.dispose()

"""Transfers against the published texts (issue 12): each reminder cites what its source says,
the receipt reads 特此回复, and the letter's longest validity is an administrator setting."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from branchdesk.core.actor import Actor
from branchdesk.core.audit_log import AuditFilter
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.transfer_settings import SETTING_KEY, parse_max_validity
from branchdesk.core.transfers import (
    HandoverInput,
    IncomingInput,
    IncomingProvider,
    OutgoingInput,
    TransferReceiptProvider,
)
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.reports.transfer_print import save_letter
from branchdesk.reports.transfer_receipt import IncomingReceipt, render_incoming_receipt
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import Setting

D = dt.date
TODAY = D(2026, 11, 26)
RESPONSIBILITY = "《中国共产党党员教育管理工作条例》第二十五条"
LETTER_FORM = "《党员组织关系介绍信》填写说明（组通字〔2006〕45号）"
ISSUED = D(2026, 10, 1)


def _letter(days: int = 30, issue: dt.date = ISSUED) -> OutgoingInput:
    return OutgoingInput("中共某某县委组织部", "工作调动", 2026, 10, issue, validity_days=days)


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return "".join(out.split())


# --- what each reminder cites ------------------------------------------------------------------


def test_an_outgoing_letter_past_its_validity_cites_the_senders_responsibility(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    services.transfers.issue(clerk, member, _letter(30))
    provider = TransferReceiptProvider(services.db)
    valid_until = ISSUED + dt.timedelta(days=30)
    assert list(provider.due_items(valid_until)) == []  # the last valid day
    [item] = provider.due_items(valid_until + dt.timedelta(days=1))
    assert item.kind == "transfer_receipt_overdue" and item.rule == RESPONSIBILITY
    assert "接收前仍由本党组织负责管理" in item.title


def test_an_incoming_letter_cites_the_form_for_the_receipt_and_article_25_for_placing(
    services: Services, clerk: Actor, branch_id: int
) -> None:
    arrived = D(2026, 10, 20)
    number = make_id_number("330127", D(1990, 3, 4), 21)
    services.incoming.receive(clerk, IncomingInput(
        "中共甲县公安局机关党支部", "（2026）组字第 045 号", arrived, "陈玥", number, Stage.FULL))
    provider = IncomingProvider(services.db)
    before = {i.kind: i for i in provider.due_items(arrived + dt.timedelta(days=20))}
    assert set(before) == {"incoming_unplaced"}
    assert before["incoming_unplaced"].rule == RESPONSIBILITY
    items = {i.kind: i for i in provider.due_items(arrived + dt.timedelta(days=21))}
    receipt = items["transfer_receipt_to_send"]
    assert receipt.rule == LETTER_FORM and "第二十五条" not in receipt.rule
    assert receipt.due == D(2026, 11, 20)  # within one month of arrival
    assert "须在收到后一个月内寄回" in receipt.title


def test_a_development_file_handed_over_cites_article_12_of_the_rulebook(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    applicant = add_member("李四", 15, stage=Stage.APPLICANT, join_date=None,
                           full_member_date=None)
    services.transfers.hand_over(clerk, applicant, HandoverInput("乙党支部", "工作调动", ISSUED))
    [item] = TransferReceiptProvider(services.db).due_items(TODAY)
    assert item.kind == "handover_unconfirmed"
    assert item.rule == "《中国共产党发展党员工作细则》第十二条"


# --- the receipt's wording ---------------------------------------------------------------------


def test_the_printed_letter_and_our_receipt_read_te_ci_hui_fu(
    services: Services, clerk: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    member = add_member("王晓燕", 13)
    services.transfers.issue(clerk, member, _letter(30))
    letter = tmp_path / "letter.pdf"
    save_letter(services, "（2026）组字第 001 号", letter)
    text = _pdf_text(letter)
    assert "王晓燕同志的党员组织关系已转达我处，特此回复。" in text
    assert "特此回执" not in text
    assert "党员被接收前，仍由原所在党组织负责管理" in text
    for materials, sentence in (
        (False, "陈堃同志的党员组织关系已转达我处，特此回复。"),
        (True, "陈堃同志的入党培养教育考察材料已转达我处，特此回复。"),
    ):
        path = tmp_path / f"receipt-{materials}.pdf"
        render_incoming_receipt(
            IncomingReceipt("（2026）组字第 045 号", "陈堃", "中共甲县委员会", "中共测试委员会",
                            materials=materials),
            path,
        )
        printed = _pdf_text(path)
        assert sentence in printed and "特此回执" not in printed


# --- the letter's longest validity: an administrator setting --------------------------------


def test_the_default_maximum_is_90_days_with_a_message_naming_the_setting(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    assert services.transfers.max_validity_days() == 90
    with pytest.raises(ValidationError) as refused:
        services.transfers.issue(clerk, member, _letter(91))
    message = refused.value.errors["validity_days"]
    assert "有效期不能超过 90 天" in message and "现为 91 天" in message
    assert "介绍信最长有效期" in message and "设置 → 工作日历与期限" in message
    assert "本地常用做法" in message
    assert services.transfers.search(direction="out") == []  # nothing was issued
    with pytest.raises(ValidationError, match="至少 1 天"):
        services.transfers.issue(clerk, member, _letter(0))
    transfer = services.transfers.issue(clerk, member, _letter(90))
    assert services.transfers.get(transfer).validity_days == 90


def test_the_administrator_allows_longer_letters_and_they_print_in_capitals(
    services: Services, admin: Actor, clerk: Actor, add_member: Callable[..., int],
    tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    services.transfers.settings.set_max_validity_days(admin, 120)
    assert services.transfers.max_validity_days() == 120
    with pytest.raises(ValidationError, match="不能超过 120 天"):
        services.transfers.issue(clerk, member, _letter(121))
    services.transfers.issue(clerk, member, _letter(120))
    pdf = tmp_path / "letter.pdf"
    save_letter(services, "（2026）组字第 001 号", pdf)
    assert "壹佰贰拾天" in _pdf_text(pdf)
    [entry] = [e for e in services.audit.entries(AuditFilter(actor="admin"))
               if e.summary == "介绍信最长有效期改为 120 天"]
    assert entry.record_id == SETTING_KEY
    # lowering the maximum leaves the letter already issued as it was
    services.transfers.settings.set_max_validity_days(admin, 60)
    [issued] = services.transfers.search(direction="out")
    assert issued.validity_days == 120


@pytest.mark.parametrize(("days", "accepted"), [(0, False), (1, True), (365, True), (366, False)])
def test_the_maximum_is_between_1_and_365_days(
    services: Services, admin: Actor, days: int, accepted: bool
) -> None:
    if accepted:
        services.transfers.settings.set_max_validity_days(admin, days)
        assert services.transfers.max_validity_days() == days
    else:
        with pytest.raises(ValidationError) as refused:
            services.transfers.settings.set_max_validity_days(admin, days)
        assert "介绍信最长有效期应为 1 至 365 天" in refused.value.errors["max_validity_days"]
        assert services.transfers.max_validity_days() == 90


def test_only_an_administrator_sets_the_maximum(services: Services, clerk: Actor) -> None:
    with pytest.raises(PermissionDenied):
        services.transfers.settings.set_max_validity_days(clerk, 120)
    assert services.transfers.max_validity_days() == 90


@pytest.mark.parametrize(("stored", "read"), [("120", 120), ("abc", 90), ("0", 90),
                                              ("400", 90), ("", 90), (None, 90)])
def test_an_unreadable_stored_maximum_falls_back_to_90(stored: str | None, read: int) -> None:
    assert parse_max_validity(stored) == read


def test_a_damaged_stored_maximum_does_not_stop_a_letter(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    with services.db.write("admin", "手工改坏的设置") as s:
        s.add(Setting(key=SETTING_KEY, value="九十"))
    assert services.transfers.max_validity_days() == 90
    services.transfers.issue(clerk, add_member("张三", 13), _letter(90))


# --- a letter from a region that allows longer is still read ---------------------------------


@pytest.fixture
def receiver(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    db = create_database(tmp_path / "receiver.sqlite")
    sv = Services.build(db, tmp_path / "receiver-backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "钱管理")
    boss = Actor("admin", Role.ADMIN, "钱管理")
    committee = sv.organisations.create(boss, OrgKind.COMMITTEE, "中共接收委员会", None)
    sv.organisations.create(boss, OrgKind.BRANCH, "接收党支部", committee)
    yield sv
    db.dispose()


def test_a_package_with_a_200_day_letter_is_imported_where_the_maximum_is_90(
    services: Services, receiver: Services, admin: Actor, clerk: Actor,
    add_member: Callable[..., int],
) -> None:
    member = add_member("张三", 13)
    services.transfers.settings.set_max_validity_days(admin, 365)
    transfer = services.transfers.issue(clerk, member, _letter(200, D(2026, 11, 20)))
    data, _name = services.packages.export(clerk, transfer)
    assert receiver.transfers.max_validity_days() == 90
    assert receiver.packages.preview(data).refusal == ""
    branch = receiver.organisations.find_by_name("接收党支部")
    assert branch is not None
    receiver.packages.import_package(Actor("admin", Role.ADMIN, "钱管理"), data, branch.id,
                                     D(2026, 11, 24))
    [incoming] = receiver.transfers.search(direction="in")
    assert incoming.validity_days == 200

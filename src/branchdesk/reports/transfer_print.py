"""Prints transfers from the database: an outgoing letter, the year's transfer register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from branchdesk.core.dates import age_on, fmt
from branchdesk.core.errors import NotFound
from branchdesk.core.members import MemberDetail
from branchdesk.core.services import Services
from branchdesk.core.transfers import (
    CLOSED,
    ISSUED,
    MATERIALS,
    OUT,
    RECEIVED,
    VOIDED,
    TransferInfo,
)
from branchdesk.core.vocab import EventKind, OrgKind, Stage
from branchdesk.reports.check_code import with_check_code
from branchdesk.reports.transfer_letter import render_transfer_letter
from branchdesk.reports.transfer_letter_data import TransferLetter
from branchdesk.reports.transfer_receipt import IncomingReceipt
from branchdesk.reports.transfer_register import render_transfer_register
from branchdesk.reports.transfer_register_data import (
    INCOMING,
    OUTGOING,
    RegisterRow,
    TransferRegister,
)


def transfer_letter(services: Services, transfer: TransferInfo) -> TransferLetter:
    """The letter as printed: the member's details, the transfer, the issuing committee's."""
    if transfer.member_id is None:
        raise NotFound("这是转入的介绍信，本单位不打印")
    member = services.members.get(transfer.member_id).data
    committee = (
        services.organisations.get(transfer.issuing_committee_id)
        if transfer.issuing_committee_id is not None else None
    )
    return TransferLetter(
        number=transfer.letter_number, name=member.name, gender=member.gender,
        age=age_on(member.birth_date, transfer.issue_date) if member.birth_date else 0,
        ethnicity=member.ethnicity,
        membership="正式" if member.stage is Stage.FULL else "预备",
        id_number=member.id_number, from_organisation=transfer.from_organisation,
        to_organisation=transfer.to_organisation, dues_year=transfer.dues_year,
        dues_month=transfer.dues_month, validity_days=transfer.validity_days,
        issue_date=transfer.issue_date, issuing_committee=committee.name if committee else "",
        member_phone=transfer.member_phone,
        committee_address=committee.address if committee else "",
        committee_phone=committee.phone if committee else "",
        committee_postcode=committee.postcode if committee else "",
        contact=transfer.contact, voided=transfer.state == VOIDED,
        void_reason=transfer.void_reason,
    )


@with_check_code
def save_letter(services: Services, number: str, target: Path | BinaryIO) -> None:
    """Print the letter with this number (as printed on it) to a PDF."""
    render_transfer_letter(transfer_letter(services, services.transfers.find(number)), target)


# --- the year's transfer register (转接登记簿) ------------------------------------------


def _stage_on(detail: MemberDetail, day: dt.date) -> str:
    """The member's stage (人员类别) on ``day``: the current one, undone by the changes
    after ``day`` (the record's creation, from no stage, is not a change)."""
    later = sorted(
        (
            e for e in detail.events
            if e.kind is EventKind.STAGE and e.date > day and e.from_value
        ),
        key=lambda e: (e.date, e.id),
    )
    return later[0].from_value if later else detail.data.stage.value


def _standing(stage: str, materials: bool) -> str:
    """正式 / 预备 for a member; a person in development by their stage (发展对象 …)."""
    if stage == Stage.FULL.value and not materials:
        return "正式"
    if stage == Stage.PROBATIONARY.value and not materials:
        return "预备"
    try:
        return Stage(stage).label
    except ValueError:
        return stage


def _register_date(info: TransferInfo) -> dt.date:
    """The day a transfer belongs to: issued (out) or arrived (in)."""
    if info.direction == OUT:
        return info.issue_date
    return info.arrival_date or info.issue_date


def _register_row(
    info: TransferInfo, stage: str, today: dt.date, materials: bool
) -> RegisterRow:
    """One transfer as the register prints it."""
    outgoing = info.direction == OUT
    overdue_days = (today - info.valid_until).days if info.overdue_on(today) else 0
    if not outgoing:
        receipt = f"{fmt(info.receipt_sent_date)}\n已寄回" if info.receipt_sent_date else "未寄回"
    elif info.state == CLOSED:
        handler = f"经办人 {info.receipt_handler}" if info.receipt_handler else ""
        receipt = "\n".join(part for part in (fmt(info.receipt_date), handler) if part)
    else:
        receipt = ("未确认接收" if materials else "未收到") if info.state == ISSUED else ""
    dues = f"{info.dues_year}年{info.dues_month}月" if info.dues_year and info.dues_month else ""
    return RegisterRow(
        direction=OUTGOING if outgoing else INCOMING,
        state=info.state,
        date=fmt(_register_date(info)),
        name=info.member_name,
        standing=_standing(stage, materials),
        letter_number=info.letter_number,
        from_organisation=info.from_organisation,
        to_organisation=info.to_organisation or ("" if outgoing else "（尚未编入党支部）"),
        dues=dues,
        validity=str(info.validity_days) if outgoing and not materials else "",
        receipt=receipt,
        status=info.state_label,
        remark=info.reason,
        void_reason=info.void_reason if info.state == VOIDED else "",
        overdue_days=overdue_days,
        materials=materials,
    )


def transfer_register(
    services: Services, year: int, today: dt.date | None = None
) -> TransferRegister:
    """The year's transfers, in and out, in date order (issued out, arrived in).

    Letters are 逾期 as of ``today`` (the print date; the services' today by default).
    """
    today = today or services.transfers.today()
    infos = [i for i in services.transfers.search() if _register_date(i).year == year]
    infos.sort(key=lambda i: (_register_date(i), i.id))
    members: dict[int, MemberDetail] = {}
    rows = []
    for info in infos:
        materials = info.kind == MATERIALS
        stage = info.person_stage
        if not stage and info.member_id is not None:
            if info.member_id not in members:
                members[info.member_id] = services.members.get(info.member_id)
            stage = _stage_on(members[info.member_id], _register_date(info))
        rows.append(_register_row(info, stage, today, materials))
    committee = next(
        (n.name for n in services.organisations.all_nodes() if n.kind is OrgKind.COMMITTEE), ""
    )
    return TransferRegister(committee, year, tuple(rows), fmt(today))


@with_check_code
def save_transfer_register(
    services: Services, year: int, target: Path | BinaryIO, today: dt.date | None = None
) -> None:
    """Print the year's transfer register (党员组织关系转接登记簿) to a PDF."""
    render_transfer_register(transfer_register(services, year, today), target)


def incoming_receipt(
    services: Services, transfer: TransferInfo, handler: str = ""
) -> IncomingReceipt:
    """Our receipt for a received letter: sealed by the committee above the branch the
    person was placed in (or the first committee while not yet placed)."""
    if transfer.direction == OUT:
        raise NotFound("这是转出的介绍信；回执由接收党组织填写寄回")
    nodes = {n.id: n for n in services.organisations.all_nodes()}
    committee = next((n for n in nodes.values() if n.kind is OrgKind.COMMITTEE), None)
    branch_name = ""
    if transfer.member_id is not None and transfer.state != RECEIVED:
        branch_id = services.members.get(transfer.member_id).data.branch_id
        node = nodes.get(branch_id) if branch_id is not None else None
        branch_name = node.name if node else ""
        while node is not None and node.kind is not OrgKind.COMMITTEE:
            node = nodes.get(node.parent_id) if node.parent_id is not None else None
        committee = node or committee
    return IncomingReceipt(
        letter_number=transfer.letter_number, name=transfer.member_name,
        sending_organisation=transfer.from_organisation,
        receiving_committee=committee.name if committee else "",
        receiving_branch=branch_name, handler=handler,
        phone=committee.phone if committee else "", date=transfer.receipt_sent_date,
        materials=transfer.kind == MATERIALS,
    )

"""Prints an outgoing transfer's introduction letter from the database."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from branchdesk.core.dates import age_on
from branchdesk.core.errors import NotFound
from branchdesk.core.services import Services
from branchdesk.core.transfers import VOIDED, TransferInfo
from branchdesk.core.vocab import Stage
from branchdesk.reports.transfer_letter import render_transfer_letter
from branchdesk.reports.transfer_letter_data import TransferLetter


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


def save_letter(services: Services, number: str, target: Path | BinaryIO) -> None:
    """Print the letter with this number (as printed on it) to a PDF."""
    render_transfer_letter(transfer_letter(services, services.transfers.find(number)), target)

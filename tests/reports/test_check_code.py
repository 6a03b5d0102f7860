"""Every printed page shows the audit chain's 校验码, and printing anchors it outside the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.reports.booklet_service import save_booklet
from branchdesk.reports.minutes_service import save_minutes_book
from branchdesk.reports.transfer_print import save_letter, save_transfer_register
from branchdesk.reports.work_list_service import save_work_list
from branchdesk.storage.anchor_setup import attach_anchor_book, head_of
from branchdesk.storage.anchors import read_anchors


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_printed_pages_show_the_code_and_printing_is_anchored(
    services: Services, add_member: Callable[..., int], clerk: Actor, tmp_path: Path,
    branch_id: int,
) -> None:
    book = attach_anchor_book(services.db, tmp_path / "data")
    assert book is not None
    member = add_member("张三", 13)
    transfer_id = services.transfers.issue(clerk, add_member("李四", 15), OutgoingInput(
        to_organisation="中共接收委员会接收党支部", reason="工作调动", dues_year=2026,
        dues_month=11, issue_date=dt.date(2026, 11, 20),
    ))
    head = head_of(services.db)
    assert head is not None
    outputs = {
        "booklet": lambda target: save_booklet(services, member, target),
        "work list": lambda target: save_work_list(services, 2026, 11, target),
        "register": lambda target: save_transfer_register(services, 2026, target),
        "minutes book": lambda target: save_minutes_book(services, branch_id, 2026, target),
        "letter": lambda target: save_letter(
            services, services.transfers.get(transfer_id).letter_number, target
        ),
    }
    for name, write in outputs.items():
        pdf = tmp_path / f"{name}.pdf"
        write(pdf)
        pages = _pages(pdf)
        assert pages, name
        assert all(f"校验码 {head.code}" in page for page in pages), name
    reasons = [a.reason for a in read_anchors(book.files[0]).anchors]
    assert reasons.count("打印") == len(outputs)
    assert read_anchors(book.files[0]).anchors[-1].hash == head.hash

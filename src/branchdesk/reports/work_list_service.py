"""Prints a month's work list (每月党建工作提示单) from the database."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import BinaryIO

from branchdesk.core.services import Services
from branchdesk.reports.check_code import with_check_code
from branchdesk.reports.work_list import render_work_list, work_list_bytes
from branchdesk.reports.work_list_data import PrintableWorkList, printable


def work_list_data(
    services: Services, year: int, month: int, names: Collection[str] | None = None,
    scope: str = "",
) -> PrintableWorkList:
    """The month's list as printed; ``names`` and ``scope`` limit it to part of the tree."""
    return printable(services.work_list.build(year, month, names=names), scope)


@with_check_code
def save_work_list(
    services: Services, year: int, month: int, target: Path | BinaryIO,
    names: Collection[str] | None = None, scope: str = "",
) -> None:
    """Print the month's list to a PDF file (or an open binary stream)."""
    render_work_list(work_list_data(services, year, month, names, scope), target)


@with_check_code
def work_list_pdf(
    services: Services, year: int, month: int, names: Collection[str] | None = None,
    scope: str = "",
) -> bytes:
    """The month's list as PDF bytes (for the preview dialog)."""
    return work_list_bytes(work_list_data(services, year, month, names, scope))

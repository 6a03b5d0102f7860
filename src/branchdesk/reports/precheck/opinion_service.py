"""Prints a 档案预审意见 from the database: the committee, the scope, the check's problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from branchdesk.core.precheck.problems import FileProblem
from branchdesk.core.services import Services
from branchdesk.reports.check_code import with_check_code
from branchdesk.reports.precheck.opinion import opinion_bytes, render_opinion
from branchdesk.reports.precheck.opinion_data import PrintableOpinion, printable


def committee_name(services: Services) -> str:
    """The name of the committee at the root of the tree ("" before there is one)."""
    roots = services.organisations.tree()
    return roots[0].name if roots else ""


def member_scope(services: Services, member_id: int) -> str:
    """What one file's opinion is about: ``第一党支部　张三（公民身份号码 …）``."""
    detail = services.members.get(member_id)
    return f"{detail.branch_name}　{detail.data.name}（公民身份号码 {detail.data.id_number}）"


def opinion_data(
    services: Services, problems: Sequence[FileProblem], scope: str, checked_on: dt.date,
    name_branches: bool = False,
) -> PrintableOpinion:
    """The opinion as printed today for ``problems`` found on ``checked_on`` in ``scope``
    (``name_branches``: the scope has several branches; each member's is named)."""
    return printable(
        problems, committee_name(services), scope, checked_on, services.development.today(),
        name_branches,
    )


@with_check_code
def save_opinion(
    services: Services, problems: Sequence[FileProblem], scope: str, checked_on: dt.date,
    target: Path | BinaryIO, name_branches: bool = False,
) -> None:
    """Print the opinion to a PDF file (or an open binary stream)."""
    render_opinion(opinion_data(services, problems, scope, checked_on, name_branches), target)


@with_check_code
def opinion_pdf(
    services: Services, problems: Sequence[FileProblem], scope: str, checked_on: dt.date,
    name_branches: bool = False,
) -> bytes:
    """The opinion as PDF bytes (for the preview dialog)."""
    return opinion_bytes(opinion_data(services, problems, scope, checked_on, name_branches))

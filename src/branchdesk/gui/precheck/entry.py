"""Where 档案预审 starts: on one member's file, or on the branches chosen in 发展党员."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.gui.precheck.precheck_dialog import PrecheckDialog, PrecheckScope
from branchdesk.gui.roster_page import INDENT, OrgScope
from branchdesk.reports.precheck.opinion_service import member_scope

if TYPE_CHECKING:
    from branchdesk.gui.development_file import DevelopmentFileDialog

ALL_BRANCHES = "全部党支部"


def member_precheck(file_dialog: DevelopmentFileDialog) -> PrecheckDialog:
    """Check the file shown; a problem opened selects its step in the file and closes the list."""
    services = file_dialog.services
    scope = PrecheckScope(member_scope(services, file_dialog.member_id),
                          member_id=file_dialog.member_id)

    def open_step(_member_id: int, step: int | None) -> None:
        if step is not None:
            file_dialog.select_step(step)
        dialog.accept()

    button = file_dialog.precheck_button
    button.setEnabled(False)  # not twice while the check runs
    try:
        dialog = PrecheckDialog(
            services, file_dialog.actor, scope, file_dialog.today(), file_dialog, open_step
        )
    finally:
        button.setEnabled(True)
    dialog.open()
    return dialog


def branch_scope(services: Services, chosen: OrgScope) -> PrecheckScope:
    """The branches an organisation filter's choice covers (a 党小组: its whole branch)."""
    if chosen.branch_ids is None:
        branches = tuple(node.id for node in services.organisations.branches())
        return PrecheckScope(ALL_BRANCHES, branch_ids=branches)
    if chosen.group_id is not None and chosen.branch_id is not None:
        label = services.organisations.get(chosen.branch_id).name
    else:
        label = chosen.label.replace(INDENT, "").strip()
    return PrecheckScope(label, branch_ids=chosen.branch_ids)


def branch_precheck(
    services: Services, actor: Actor, chosen: OrgScope, today: dt.date | None,
    parent: QWidget | None,
) -> PrecheckDialog:
    """Check the files of the chosen branches; a problem opened shows its file over the list."""
    dialog = PrecheckDialog(services, actor, branch_scope(services, chosen), today, parent)
    dialog.open()
    return dialog

"""Dialogs of the organisation page: an organisation, a committee term, a post, leaving a post."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_years, fmt
from branchdesk.core.errors import BranchDeskError, EditConflict
from branchdesk.core.organisations import OrgNode, PostInfo, TermInfo
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.services import Services
from branchdesk.core.vocab import ALLOWED_PARENTS, COMMITTEE_POSTS, OrgKind
from branchdesk.gui.common import (
    FieldErrors,
    combo_data,
    combo_set_data,
    fill_combo,
    from_qdate,
    prepare_date_edit,
    setup_dialog_buttons,
    show_error,
    to_qdate,
)
from branchdesk.gui.forms.ui_end_post_dialog import Ui_EndPostDialog
from branchdesk.gui.forms.ui_organisation_dialog import Ui_OrganisationDialog
from branchdesk.gui.forms.ui_post_dialog import Ui_PostDialog
from branchdesk.gui.forms.ui_term_dialog import Ui_TermDialog

DEFAULT_TERM_YEARS = 3
NAME_EXAMPLES = {
    OrgKind.COMMITTEE: "如：中共××县公安局委员会",
    OrgKind.GENERAL_BRANCH: "如：机关党总支",
    OrgKind.BRANCH: "如：机关第一党支部",
    OrgKind.GROUP: "如：第一党小组",
}


def kinds_under(parent_kind: OrgKind | None) -> list[OrgKind]:
    """The kinds of organisation that may hang under ``parent_kind`` (None: the top level)."""
    return [kind for kind in OrgKind if parent_kind in ALLOWED_PARENTS[kind]]


class OrganisationDialog(QDialog):
    """Creates an organisation under ``parent_node`` or edits ``node``; ``org_id`` afterwards."""

    def __init__(
        self, services: Services, actor: Actor, parent_node: OrgNode | None = None,
        node: OrgNode | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.parent_node, self.node = services, actor, parent_node, node
        self.org_id: int | None = node.id if node else None
        self.ui = Ui_OrganisationDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons)
        self.errors = FieldErrors(
            {"name": self.ui.err_name, "parent": self.ui.err_kind, "kind": self.ui.err_kind,
             "address": self.ui.err_address, "phone": self.ui.err_phone,
             "postcode": self.ui.err_postcode},
            self.ui.err_general, {"name": self.ui.name},
        )
        self.ui.heading.hide()
        self.ui.kind.currentIndexChanged.connect(self._kind_changed)
        if node is None:
            parent_kind = parent_node.kind if parent_node else None
            fill_combo(self.ui.kind, [(k.label, k) for k in kinds_under(parent_kind)])
            self.ui.parent_name.setText(parent_node.name if parent_node else "（无，顶层党委）")
            self.setWindowTitle("新增组织")
        else:
            fill_combo(self.ui.kind, [(node.kind.label, node.kind)])
            self.ui.kind.setEnabled(False)
            self.ui.parent_name.setText(parent_node.name if parent_node else "（无，顶层党委）")
            self.ui.name.setText(node.name)
            self.ui.address.setText(node.address)
            self.ui.phone.setText(node.phone)
            self.ui.postcode.setText(node.postcode)
            self.setWindowTitle(f"修改组织 — {node.name}")
        self._kind_changed()
        self.ui.name.setFocus()

    def _kind_changed(self) -> None:
        kind = combo_data(self.ui.kind)
        if kind is not None:
            self.ui.name.setPlaceholderText(NAME_EXAMPLES[OrgKind(kind)])

    def accept(self) -> None:
        orgs, ui = self.services.organisations, self.ui
        try:
            if self.node is None:
                parent_id = self.parent_node.id if self.parent_node else None
                self.org_id = orgs.create(
                    self.actor, OrgKind(combo_data(ui.kind)), ui.name.text(), parent_id,
                    ui.address.text(), ui.phone.text(), ui.postcode.text(),
                )
            else:
                orgs.update(
                    self.actor, self.node.id, ui.name.text(), ui.address.text(),
                    ui.phone.text(), ui.postcode.text(), expected_version=self.node.row_version,
                )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            if isinstance(exc, EditConflict):  # saved by someone else meanwhile: stay open
                show_error(self, exc)
            return
        super().accept()


class TermDialog(QDialog):
    """Adds a committee term (election date, end of term, note) to an organisation."""

    def __init__(
        self, services: Services, actor: Actor, org: OrgNode, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.org = services, actor, org
        self.term_id: int | None = None
        self.ui = Ui_TermDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons)
        self.errors = FieldErrors.from_form(self.ui, ("start_date", "end_date", "note"))
        self.setWindowTitle(f"新增委员会届次 — {org.name}")
        self.ui.heading.setText(
            f"{org.name}委员会的新一届。委员会每届任期 3 至 5 年"
            f"（{citation('constitution_term')}）。"
        )
        today = services.members.today()
        prepare_date_edit(self.ui.start_date, today)
        prepare_date_edit(self.ui.end_date, add_years(today, DEFAULT_TERM_YEARS))
        self._end_follows_start = True
        self.ui.start_date.dateChanged.connect(self._start_changed)
        self.ui.end_date.dateChanged.connect(self._end_edited)
        self.ui.start_date.setFocus()

    def _start_changed(self) -> None:
        if self._end_follows_start:
            end = add_years(from_qdate(self.ui.start_date.date()), DEFAULT_TERM_YEARS)
            self.ui.end_date.blockSignals(True)
            self.ui.end_date.setDate(to_qdate(end))
            self.ui.end_date.blockSignals(False)

    def _end_edited(self) -> None:
        self._end_follows_start = False

    def accept(self) -> None:
        try:
            self.term_id = self.services.organisations.add_term(
                self.actor, self.org.id, from_qdate(self.ui.start_date.date()),
                from_qdate(self.ui.end_date.date()), self.ui.note.text(),
            )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()


class PostDialog(QDialog):
    """Records that a full member holds a post in a committee term."""

    def __init__(
        self, services: Services, actor: Actor, term: TermInfo, members: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.term = services, actor, term
        self.post_id: int | None = None
        self.ui = Ui_PostDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons)
        self.errors = FieldErrors.from_form(self.ui, ("member", "post", "start_date", "end_date"))
        self.setWindowTitle("新增任职")
        self.ui.heading.setText(
            f"届次 {fmt(term.start_date)}—{fmt(term.end_date)}。只有正式党员可以担任委员。"
        )
        blank = "（请选择党员）" if members else "（本组织没有正式党员）"
        fill_combo(self.ui.member, [(name, i) for i, name in members], blank=blank)
        self.ui.member.setEditable(True)
        self.ui.member.setInsertPolicy(self.ui.member.InsertPolicy.NoInsert)
        completer = self.ui.member.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        taken = {p.post for p in term.posts if p.end_date is None}
        fill_combo(self.ui.post, [(p, p) for p in COMMITTEE_POSTS])
        first_free = next((p for p in COMMITTEE_POSTS if p not in taken), "委员")
        combo_set_data(self.ui.post, first_free)
        today = services.members.today()
        start = min(max(term.start_date, today), term.end_date) if today > term.start_date \
            else term.start_date
        prepare_date_edit(self.ui.start_date, start)
        self.ui.end_date.set_value(None)
        self.ui.member.setFocus()

    def selected_member(self) -> int | None:
        """The chosen member's id (the typed name must match an entry)."""
        index = self.ui.member.findText(self.ui.member.currentText())
        return self.ui.member.itemData(index) if index >= 0 else None

    def accept(self) -> None:
        member_id = self.selected_member()
        if member_id is None:
            self.errors.show({"member": "请从列表中选择担任职务的党员"})
            return
        try:
            self.post_id = self.services.organisations.add_post(
                self.actor, self.term.id, member_id, str(combo_data(self.ui.post)),
                from_qdate(self.ui.start_date.date()), self.ui.end_date.value(),
            )
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()


class EndPostDialog(QDialog):
    """Records the date a committee member left a post."""

    def __init__(
        self, services: Services, actor: Actor, post: PostInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.post = services, actor, post
        self.ui = Ui_EndPostDialog()
        self.ui.setupUi(self)
        setup_dialog_buttons(self, self.ui.buttons, "离任")
        self.errors = FieldErrors.from_form(self.ui, ("end_date",))
        self.setWindowTitle(f"委员离任 — {post.member_name}")
        self.ui.heading.setText(
            f"{post.member_name}（{post.post}，{fmt(post.start_date)}任职）离任的日期："
        )
        prepare_date_edit(self.ui.end_date, max(services.members.today(), post.start_date))
        self.ui.end_date.setFocus()

    @property
    def end_date(self) -> dt.date:
        return from_qdate(self.ui.end_date.date())

    def accept(self) -> None:
        try:
            self.services.organisations.end_post(self.actor, self.post.id, self.end_date)
        except BranchDeskError as exc:
            self.errors.show_exception(exc)
            return
        super().accept()

"""The organisation page: the editable tree, and the committee terms and posts of a selection."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.organisations import OrgNode, PostInfo, TermInfo
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.gui.common import confirm, show_error
from branchdesk.gui.org_dialogs import (
    EndPostDialog,
    OrganisationDialog,
    PostDialog,
    TermDialog,
    kinds_under,
)
from branchdesk.gui.signals import emit

ID_ROLE = Qt.ItemDataRole.UserRole
GREY = QBrush(QColor("#8a8a8a"))


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class OrganisationPage(QWidget):
    """Edits the tree 党委 → 党总支 → 党支部 → 党小组 and the committees; read-only for 审核人."""

    #: emitted after anything in the organisation tree or the committees was written
    changed = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self.nodes: dict[int, OrgNode] = {}
        self.terms: list[TermInfo] = []
        self._build()
        self.reload()

    # layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        editable = self.actor.can_edit_records
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["组织", "类型"])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemActivated.connect(lambda *_: self.edit_organisation())

        self.add_button = QPushButton("新增下级…")
        self.edit_button = QPushButton("修改…")
        self.dissolve_button = QPushButton("撤销")
        self.add_button.clicked.connect(self.add_organisation)
        self.edit_button.clicked.connect(self.edit_organisation)
        self.dissolve_button.clicked.connect(self.toggle_dissolved)
        tree_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.dissolve_button):
            tree_buttons.addWidget(button)
            button.setVisible(editable)
        tree_buttons.addStretch()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        if not editable:
            notice = QLabel(f"{self.actor.role.label}只能查看组织和委员会。")
            notice.setStyleSheet("color: #555;")
            left_layout.addWidget(notice)
        left_layout.addWidget(self.tree)
        left_layout.addLayout(tree_buttons)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.committee_box = QGroupBox("委员会")
        self.terms_table = _table(["选举日期", "届满日期", "状态", "说明"], 3)
        self.terms_table.currentCellChanged.connect(lambda *_: self._show_posts())
        self.posts_table = _table(["职务", "姓名", "任职日期", "离任日期"], 1)
        self.posts_table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.add_term_button = QPushButton("新增届次…")
        self.add_post_button = QPushButton("新增任职…")
        self.end_post_button = QPushButton("离任…")
        self.add_term_button.clicked.connect(self.add_term)
        self.add_post_button.clicked.connect(self.add_post)
        self.end_post_button.clicked.connect(self.end_post)
        self.committee_hint = QLabel()
        self.committee_hint.setWordWrap(True)
        self.committee_hint.setStyleSheet("color: #555;")
        term_buttons = QHBoxLayout()
        term_buttons.addWidget(self.add_term_button)
        term_buttons.addStretch()
        post_buttons = QHBoxLayout()
        post_buttons.addWidget(self.add_post_button)
        post_buttons.addWidget(self.end_post_button)
        post_buttons.addStretch()
        for button in (self.add_term_button, self.add_post_button, self.end_post_button):
            button.setVisible(editable)
        box_layout = QVBoxLayout(self.committee_box)
        box_layout.addWidget(self.committee_hint)
        box_layout.addWidget(QLabel("届次："))
        box_layout.addWidget(self.terms_table, 2)
        box_layout.addLayout(term_buttons)
        self.posts_label = QLabel("本届委员：")
        box_layout.addWidget(self.posts_label)
        box_layout.addWidget(self.posts_table, 3)
        box_layout.addLayout(post_buttons)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.committee_box, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # reading --------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Rebuild the tree from the database, keeping (or moving) the selection."""
        if select_id is None:
            select_id = self.selected_id()
        roots = self.services.organisations.tree()
        self.nodes = {n.id: n for root in roots for n in root.walk()}
        self.tree.blockSignals(True)
        self.tree.clear()
        for root in roots:
            self.tree.addTopLevelItem(self._item(root))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        item = self._find_item(select_id) if select_id else self.tree.topLevelItem(0)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._selection_changed()

    def _item(self, node: OrgNode) -> QTreeWidgetItem:
        name = f"{node.name}（已撤销）" if node.dissolved else node.name
        item = QTreeWidgetItem([name, node.kind.label])
        item.setData(0, ID_ROLE, node.id)
        if node.dissolved:
            for column in (0, 1):
                item.setForeground(column, GREY)
        for child in node.children:
            item.addChild(self._item(child))
        return item

    def _find_item(self, org_id: int) -> QTreeWidgetItem | None:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            if item.data(0, ID_ROLE) == org_id:
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def select(self, org_id: int) -> None:
        item = self._find_item(org_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def selected_node(self) -> OrgNode | None:
        org_id = self.selected_id()
        return self.nodes.get(org_id) if org_id is not None else None

    def selected_term(self) -> TermInfo | None:
        row = self.terms_table.currentRow()
        return self.terms[row] if 0 <= row < len(self.terms) else None

    def selected_post(self) -> PostInfo | None:
        term = self.selected_term()
        row = self.posts_table.currentRow()
        if term is None or not 0 <= row < self.posts_table.rowCount():
            return None
        cell = self.posts_table.item(row, 0)
        post_id = cell.data(ID_ROLE) if cell is not None else None
        return next((p for p in term.posts if p.id == post_id), None)

    def _selection_changed(self, *_: object) -> None:
        node = self.selected_node()
        if node is None:
            self.details.setText("还没有组织。请点“新增下级…”先建立党委。")
            self.terms = []
        else:
            parts = [f"<b>{node.name}</b>　{node.kind.label}"]
            if node.dissolved:
                parts.append("<span style='color:#8a1c1c'>已撤销</span>")
            contact = [f"地址：{node.address}" if node.address else "",
                       f"电话：{node.phone}" if node.phone else "",
                       f"邮编：{node.postcode}" if node.postcode else ""]
            text = "　".join(parts)
            if any(contact):
                text += "<br>" + "　".join(c for c in contact if c)
            self.details.setText(text)
            self.terms = (
                self.services.organisations.terms(node.id)
                if node.kind is not OrgKind.GROUP else []
            )
        self._fill_terms()
        self._update_buttons()

    def _fill_terms(self) -> None:
        node = self.selected_node()
        has_committee = node is not None and node.kind is not OrgKind.GROUP
        self.committee_box.setEnabled(has_committee)
        if node is None:
            self.committee_hint.setText("")
        elif node.kind is OrgKind.GROUP:
            self.committee_hint.setText("党小组不设委员会。")
        elif node.kind is OrgKind.BRANCH:
            self.committee_hint.setText(
                "正式党员 7 人以上的党支部设立支部委员会；不足 7 人的由支部党员大会行使职权。"
                "每届任期 3 至 5 年。"
            )
        else:
            self.committee_hint.setText(
                f"{node.kind.label}委员会的届次和委员。每届任期 3 至 5 年。"
            )
        today = self.services.members.today()
        self.terms_table.blockSignals(True)
        self.terms_table.setRowCount(len(self.terms))
        current_row = 0
        for row, term in enumerate(self.terms):
            if term.start_date > today:
                state = "未开始"
            elif term.end_date < today:
                state = "已届满"
            else:
                state = "现任"
                current_row = row
            cells = (fmt(term.start_date), fmt(term.end_date), state, term.note)
            for column, text in enumerate(cells):
                self.terms_table.setItem(row, column, QTableWidgetItem(text))
        self.terms_table.blockSignals(False)
        if self.terms:
            self.terms_table.setCurrentCell(current_row, 0)
        self._show_posts()

    def _show_posts(self) -> None:
        term = self.selected_term()
        posts = list(term.posts) if term else []
        self.posts_label.setText(
            f"{fmt(term.start_date)}—{fmt(term.end_date)} 这一届的委员：" if term else "本届委员："
        )
        self.posts_table.blockSignals(True)
        self.posts_table.setRowCount(len(posts))
        for row, post in enumerate(posts):
            cells = (post.post, post.member_name, fmt(post.start_date),
                     fmt(post.end_date) if post.end_date else "在任")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, post.id)
                if post.end_date is not None:
                    item.setForeground(GREY)
                self.posts_table.setItem(row, column, item)
        self.posts_table.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        node = self.selected_node()
        parent_kind = node.kind if node else None
        self.add_button.setEnabled(
            (node is None or not node.dissolved) and bool(kinds_under(parent_kind))
        )
        self.edit_button.setEnabled(node is not None)
        self.dissolve_button.setEnabled(node is not None)
        self.dissolve_button.setText("恢复" if node is not None and node.dissolved else "撤销")
        has_committee = node is not None and node.kind is not OrgKind.GROUP
        self.add_term_button.setEnabled(has_committee and not (node and node.dissolved))
        term = self.selected_term()
        self.add_post_button.setEnabled(term is not None)
        post = self.selected_post()
        self.end_post_button.setEnabled(post is not None and post.end_date is None)

    # writing --------------------------------------------------------------------------

    def _done(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        emit(self.changed)

    def add_organisation(self) -> None:
        node = self.selected_node()
        dialog = OrganisationDialog(self.services, self.actor, parent_node=node, parent=self)
        if dialog.exec():
            self._done(dialog.org_id)

    def edit_organisation(self) -> None:
        node = self.selected_node()
        if node is None or not self.actor.can_edit_records:
            return
        parent_node = self.nodes.get(node.parent_id) if node.parent_id else None
        # as saved now (another program may have changed it since the tree was loaded)
        node = self.services.organisations.get(node.id)
        dialog = OrganisationDialog(self.services, self.actor, parent_node, node, parent=self)
        if dialog.exec():
            self._done(node.id)

    def toggle_dissolved(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        dissolve = not node.dissolved
        question = (
            f"撤销“{node.name}”？撤销后它不再出现在选择列表中，记录仍然保留，可以恢复。"
            if dissolve else f"恢复“{node.name}”？"
        )
        if not confirm(self, question):
            return
        try:
            self.services.organisations.set_dissolved(self.actor, node.id, dissolve)
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        self._done(node.id)

    def _branch_members(self, node: OrgNode) -> list[tuple[int, str]]:
        """Full members who may hold a post in ``node``'s committee (its branches' members)."""
        branches = [n for n in node.walk() if n.kind is OrgKind.BRANCH]
        members: list[tuple[int, str]] = []
        for branch in branches:
            suffix = f"（{branch.name}）" if len(branches) > 1 else ""
            members.extend(
                (i, name + suffix) for i, name in self.services.members.full_members_of(branch.id)
            )
        return members

    def add_term(self) -> None:
        node = self.selected_node()
        if node is None:
            return
        dialog = TermDialog(self.services, self.actor, node, parent=self)
        if dialog.exec():
            self._done(node.id)
            for row, term in enumerate(self.terms):
                if term.id == dialog.term_id:
                    self.terms_table.setCurrentCell(row, 0)

    def add_post(self) -> None:
        node, term = self.selected_node(), self.selected_term()
        if node is None or term is None:
            return
        dialog = PostDialog(self.services, self.actor, term, self._branch_members(node), self)
        if dialog.exec():
            self._reload_keeping_term(node.id, term.id)

    def end_post(self) -> None:
        node, term, post = self.selected_node(), self.selected_term(), self.selected_post()
        if node is None or term is None or post is None:
            return
        dialog = EndPostDialog(self.services, self.actor, post, parent=self)
        if dialog.exec():
            self._reload_keeping_term(node.id, term.id)

    def _reload_keeping_term(self, org_id: int, term_id: int) -> None:
        self._done(org_id)
        for row, term in enumerate(self.terms):
            if term.id == term_id:
                self.terms_table.setCurrentCell(row, 0)

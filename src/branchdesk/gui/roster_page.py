"""The 花名册 page: filters, a search box with pinyin initials, the roster table, editing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.member_import import ImportResult
from branchdesk.core.organisations import OrgNode
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Stage, Status
from branchdesk.gui.common import show_error
from branchdesk.gui.roster_model import COLUMNS, NAME_COLUMN, RosterModel
from branchdesk.gui.signals import emit
from branchdesk.storage.roster import RosterFilter

SEARCH_DELAY_MS = 150
INDENT = "　　"
#: column widths in characters of the table font (about)
COLUMN_CHARS = (9, 3, 5, 7, 13, 7, 5, 11, 7, 9, 10, 10, 9)


@dataclass(frozen=True)
class OrgScope:
    """One choice of the organisation filter: the branches (and group) it covers."""

    label: str
    branch_ids: tuple[int, ...] | None
    group_id: int | None = None
    branch_id: int | None = None  # the branch a new member goes to by default
    org_id: int | None = None  # the organisation chosen (None: all)


def _branches_under(node: OrgNode) -> tuple[int, ...]:
    return tuple(n.id for n in node.walk() if n.kind is OrgKind.BRANCH)


def organisation_scopes(roots: list[OrgNode]) -> list[OrgScope]:
    """The organisation filter's choices: everything, then the tree indented by level."""
    scopes = [OrgScope("全部组织", None)]

    def add(node: OrgNode, depth: int) -> None:
        text = INDENT * depth + node.name + ("（已撤销）" if node.dissolved else "")
        if node.kind is OrgKind.GROUP:
            parent = node.parent_id
            scopes.append(OrgScope(text, (parent,) if parent else (), node.id, parent, node.id))
        elif node.kind is OrgKind.BRANCH:
            scopes.append(OrgScope(text, (node.id,), None, node.id, node.id))
        else:
            scopes.append(OrgScope(text, _branches_under(node), org_id=node.id))
        for child in node.children:
            add(child, depth + 1)

    for root in roots:
        add(root, 0)
    return scopes


class RosterPage(QWidget):
    """花名册: find members by organisation, stage, status and text; open one to edit."""

    #: emitted after a member was added or changed through the dialog
    members_changed = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self._scopes: list[OrgScope] = []

        self.org_combo = QComboBox()
        self.org_combo.setToolTip("按组织筛选：选党委看全部，选党总支看其下各支部，也可选支部或党小组")
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage_combo = QComboBox()
        self.stage_combo.addItem("全部", None)
        for stage in Stage:
            self.stage_combo.addItem(stage.label, stage.value)
        self.status_combo = QComboBox()
        self.status_combo.addItem("全部", None)
        for status in Status:
            self.status_combo.addItem(status.label, status.value)
        self.voided_check = QCheckBox("显示已作废")
        self.voided_check.setToolTip("显示录入错误而作废的记录（仅管理员）")
        self.voided_check.setVisible(actor.is_admin)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("姓名、拼音首字母或身份证号")
        self.search_edit.setToolTip(
            "输入姓名的一部分、拼音首字母（如 zs 找张三）或身份证号的一部分（Ctrl+F）"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(150)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)

        self.model = RosterModel(services, actor, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, chars in enumerate(COLUMN_CHARS[: len(COLUMNS)]):
            header_width = self.fontMetrics().horizontalAdvance(COLUMNS[column][0]) + 30
            self.table.setColumnWidth(column, max(chars * char + 12, header_width))
        header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.add_button = QPushButton("新增党员")
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.add_button.setToolTip("新增党员记录（Ctrl+N）")
        self.add_button.setVisible(actor.can_edit_records)
        self.import_button = QPushButton("导入…(&I)")
        self.import_button.setToolTip(
            "从 Excel（.xlsx）或 CSV 文件导入党员名册：先逐行检查，再导入"
        )
        self.import_button.setVisible(actor.can_edit_records)
        self.export_button = QPushButton("导出…(&E)")
        self.export_button.setToolTip("把花名册（当前筛选的人员或全部）导出为 Excel 文件")
        self.open_button = QPushButton("查看/编辑")
        self.open_button.setToolTip("查看或编辑所选党员（回车或双击）")

        filters = QHBoxLayout()
        for caption, widget in (
            ("组织(&O)：", self.org_combo), ("人员类别(&L)：", self.stage_combo),
            ("党籍状态(&Z)：", self.status_combo),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.voided_check)
        filters.addSpacing(12)
        search_label = QLabel("查找(&S)：")
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        hint = QLabel("点击列标题排序；回车或双击打开所选党员")
        hint.setStyleSheet("color: #666;")
        buttons.addWidget(hint)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

        self.find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._open_index)
        self.org_combo.currentIndexChanged.connect(self.apply_filter)
        self.stage_combo.currentIndexChanged.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.voided_check.toggled.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._search_now)
        self.add_button.clicked.connect(self.add_member)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(lambda _checked=False: self.import_members())
        self.export_button.clicked.connect(self.export_members)

        self.reload_organisations()
        # the model was loaded with the controls' initial filter (everything, by name)
        self._show_count(self.model.rowCount())
        self._update_buttons()

    # filters ---------------------------------------------------------------------------

    def reload_organisations(self) -> None:
        """Rebuild the organisation filter from the tree, keeping the choice where possible."""
        current = self.current_scope()
        self._scopes = organisation_scopes(self.services.organisations.tree())
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for index, scope in enumerate(self._scopes):
            self.org_combo.addItem(scope.label, index)
        selected = 0
        if current is not None:
            for index, scope in enumerate(self._scopes):
                if scope.org_id == current.org_id:
                    selected = index
                    break
        self.org_combo.setCurrentIndex(selected)
        self.org_combo.blockSignals(False)

    def current_scope(self) -> OrgScope | None:
        index = self.org_combo.currentIndex()
        return self._scopes[index] if 0 <= index < len(self._scopes) else None

    def select_organisation(self, org_id: int | None) -> bool:
        """Choose an organisation (None: all) in the filter; False when it is not there."""
        for index, scope in enumerate(self._scopes):
            if scope.org_id == org_id:
                self.org_combo.setCurrentIndex(index)
                return True
        return False

    def roster_filter(self) -> RosterFilter:
        """The filter the controls describe."""
        scope = self.current_scope()
        return RosterFilter(
            branch_ids=scope.branch_ids if scope else None,
            group_id=scope.group_id if scope else None,
            stage=self.stage_combo.currentData(),
            status=self.status_combo.currentData(),
            text=self.search_edit.text(),
            include_voided=self.actor.is_admin and self.voided_check.isChecked(),
        )

    def apply_filter(self) -> None:
        """Re-query the roster with the filters as they stand now."""
        self._search_timer.stop()
        selected = self.selected_member_id()
        self.model.set_filter(self.roster_filter())
        if selected is not None:
            self.select_member(selected)

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self.apply_filter()
        if self.model.rowCount() and self.selected_member_id() is None:
            self.table.selectRow(0)
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def refresh(self) -> None:
        """Re-read organisations and members (after changes made elsewhere)."""
        self.reload_organisations()
        self.apply_filter()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(f"共 {count} 人")

    # selection and editing --------------------------------------------------------------

    def selected_member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_id(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row is None:
            return False
        index = self.model.index(row, NAME_COLUMN)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_member_id() is not None)

    def _open_index(self, index: QModelIndex) -> None:
        member_id = self.model.member_id(index.row())
        if member_id is not None:
            self.open_member(member_id)

    def open_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.open_member(member_id)

    def default_branch_id(self) -> int | None:
        scope = self.current_scope()
        if scope and scope.branch_id is not None:
            return scope.branch_id
        if scope and scope.branch_ids and len(scope.branch_ids) == 1:
            return scope.branch_ids[0]
        return None

    def add_member(self) -> None:
        """Open the member dialog for a new record in the selected branch."""
        if self.actor.can_edit_records:
            self._run_dialog(None, self.default_branch_id())

    def open_member(self, member_id: int) -> None:
        """Open the member dialog on one record; refresh the table after a change."""
        self._run_dialog(member_id, None)

    def _run_dialog(self, member_id: int | None, default_branch_id: int | None) -> None:
        from branchdesk.gui.member_dialog import MemberDialog

        try:
            dialog = MemberDialog(
                self.services, self.actor, member_id, default_branch_id=default_branch_id,
                parent=self,
            )
        except BranchDeskError as exc:
            show_error(self, exc)
            self.apply_filter()
            return
        changed: list[int] = []
        dialog.member_changed.connect(changed.append)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if changed or accepted:
            self.apply_filter()
            target = changed[-1] if changed else member_id
            if target is not None:
                self.select_member(target)
            emit(self.members_changed)

    # import and export -------------------------------------------------------------------

    def import_members(self, source: Path | None = None) -> ImportResult | None:
        """Open the import dialog; after an import show the roster again with the new members."""
        if not self.actor.can_edit_records:
            return None
        from branchdesk.gui.member_import_dialog import import_members

        result = import_members(self, self.services, self.actor, source)
        if result is not None:
            self.apply_filter()
            if result.member_ids:
                self.select_member(result.member_ids[0])
            emit(self.members_changed)
        return result

    def filtered_member_ids(self) -> list[int]:
        """The members the roster shows now, in its order."""
        model = self.model
        return [i for row in range(model.rowCount()) if (i := model.member_id(row)) is not None]

    def export_members(self) -> Path | None:
        """Export the roster (the current filter or everyone, as the clerk chooses) to .xlsx."""
        from branchdesk.gui.member_import_dialog import ask_export_scope, export_roster

        self.apply_filter()  # the filter as typed, and members changed elsewhere
        ids: list[int] | None = self.filtered_member_ids()
        flt = self.model.roster_filter
        if flt != RosterFilter(text=flt.text) or flt.text.strip():
            total = len(self.services.members.search_ids(RosterFilter()))
            chosen = ask_export_scope(self, len(ids or ()), total)
            if chosen is None:
                return None
            if not chosen:
                ids = None
        else:
            ids = None
        return export_roster(self, self.services, ids)

"""The 组织关系转接 area: every transfer in and out, with its state, and the clerk's actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from branchdesk.core.services import Services
from branchdesk.core.transfer_list import TransferList
from branchdesk.core.transfers import (
    CLOSED,
    IN,
    ISSUED,
    OUT,
    PLACED,
    RECEIVED,
    RECORDERS,
    VOIDED,
    TransferInfo,
)
from branchdesk.gui.common import combo_data, combo_set_data, fill_combo, show_error
from branchdesk.gui.package_dialogs import HandoverDialog, export_package, import_package
from branchdesk.gui.signals import emit
from branchdesk.gui.table_model import PagedIdTableModel
from branchdesk.gui.transfer_dialogs import (
    PlaceDialog,
    ReceiptSentDialog,
    TransferInDialog,
    TransferOutDialog,
    TransferReceiptDialog,
    VoidDialog,
)

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("方向", "介绍信编号", "姓名", "转出党组织", "转往党组织", "开具/收到日期", "有效期至",
           "状态")
(DIRECTION_COLUMN, NUMBER_COLUMN, NAME_COLUMN, FROM_COLUMN, TO_COLUMN, DATE_COLUMN,
 UNTIL_COLUMN, STATE_COLUMN) = range(len(COLUMNS))
TRANSFER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = "overdue"  # a filter, not a stored state: issued, validity passed, no receipt
STATE_FILTERS = (
    ("转出中", ISSUED), ("逾期（未收到回执）", OVERDUE), ("已转出", CLOSED), ("作废", VOIDED),
    ("待编入", RECEIVED), ("已转入", PLACED),
)
OVERDUE_COLOUR = QColor("#c00000")
PAGE_SIZE = 200
CACHE_PAGES = 10


def state_text(transfer: TransferInfo, today: dt.date) -> str:
    """The 状态 column: the state, 逾期 for a letter past its validity without a receipt, and
    for an incoming letter whether our receipt has gone back."""
    text = transfer.state_label
    if transfer.overdue_on(today):
        text += "（逾期）"
    elif transfer.direction == IN and transfer.receipt_sent_date is None:
        text += "，回执未寄回"
    return text


class TransferListModel(PagedIdTableModel):
    """Transfers found by the filters, newest first: ids in SQL order, rows read by page."""

    def __init__(
        self, transfer_list: TransferList, today: dt.date, parent: QObject | None = None,
        page_size: int = PAGE_SIZE, cache_pages: int = CACHE_PAGES,
    ) -> None:
        super().__init__(COLUMNS, parent, page_size=page_size, cache_pages=cache_pages)
        self.transfer_list = transfer_list
        self.today = today
        self._query: dict[str, Any] = {}
        self.overdue = 0  # how many of the transfers found are 逾期

    def set_query(
        self, direction: str | None = None, state: str | None = None, text: str = "",
        overdue_only: bool = False, year: int | None = None,
    ) -> None:
        """Show the transfers matching these filters (see TransferList.search_ids)."""
        self._query = {"direction": direction, "state": state, "text": text,
                       "overdue_only": overdue_only, "year": year}
        self.refresh()

    def refresh(self) -> None:
        """Run the query again and forget the rows read (after a change or a new day)."""
        found = self.transfer_list.search(**self._query, today=self.today)
        self.overdue = found.overdue
        self.reset_ids(found.ids)

    def fetch_rows(self, ids: list[int]) -> dict[int, TransferInfo]:
        return self.transfer_list.rows(ids)

    def transfer_id(self, row: int) -> int | None:
        return self.id_at(row)

    def transfer(self, row: int) -> TransferInfo | None:
        """The transfer shown in ``row``, reading its page when it is not cached."""
        found: TransferInfo | None = self.fetched_row(row)
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == TRANSFER_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.transfer(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE_COLUMN:
            if row.overdue_on(self.today):
                return QBrush(OVERDUE_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _text(self, row: TransferInfo, column: int) -> str | None:
        outgoing = row.direction == OUT
        day = row.issue_date if outgoing else (row.arrival_date or row.issue_date)
        return {
            DIRECTION_COLUMN: "转出" if outgoing else "转入",
            NUMBER_COLUMN: row.letter_number or row.kind_label,
            NAME_COLUMN: row.member_name,
            FROM_COLUMN: row.from_organisation,
            TO_COLUMN: row.to_organisation or ("" if outgoing else "（待编入）"),
            DATE_COLUMN: f"{day:%Y-%m-%d}",
            UNTIL_COLUMN: f"{row.valid_until:%Y-%m-%d}" if outgoing else "",
            STATE_COLUMN: state_text(row, self.today),
        }.get(column)

    def _tooltip(self, row: TransferInfo, column: int) -> str | None:
        if column == STATE_COLUMN:
            if row.state == VOIDED:
                return f"作废原因：{row.void_reason}"
            if row.state == CLOSED and row.receipt_date is not None:
                return (f"回执：{row.receipt_date:%Y-%m-%d} {row.receipt_organisation}，"
                        f"经办人 {row.receipt_handler}")
            if row.overdue_on(self.today):
                return "介绍信已过有效期，尚未收到回执，请联系接收党组织"
            if row.direction == IN and row.receipt_sent_date is not None:
                return f"回执已于 {row.receipt_sent_date:%Y-%m-%d} 寄回"
        if column in (FROM_COLUMN, TO_COLUMN, NUMBER_COLUMN):
            return self._text(row, column)
        if column == NAME_COLUMN and row.reason:
            return f"转出原因：{row.reason}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


class TransfersPage(QWidget):
    """组织关系转接: letters out and in, tracked until the receipt ("无空挡")."""

    #: emitted after a change: a member's status or branch may have changed
    transfers_changed = Signal()

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self._today = today
        self._stale = True
        self.dialog: QDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.may_write = actor.role in RECORDERS

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("姓名、介绍信编号、党组织……")
        self.search_edit.setClearButtonEnabled(True)
        self.direction_combo = QComboBox()
        fill_combo(self.direction_combo, (("转出", OUT), ("转入", IN)), blank="转出和转入")
        self.state_combo = QComboBox()
        fill_combo(self.state_combo, STATE_FILTERS, blank="全部状态")
        self.year_combo = QComboBox()
        self.year_combo.setToolTip("转出按开具年度，转入按收到年度")
        fill_combo(self.year_combo, (), blank="全部年度")
        self.count_label = QLabel()

        self.issue_button = self._button("开具介绍信(&N)…", "Ctrl+N",
                                         "为一名正式或预备党员开具组织关系介绍信")
        self.print_button = self._button("打印介绍信(&P)…", "Ctrl+P",
                                         "预览并打印选中的介绍信（存根、介绍信、回执）")
        self.receipt_button = self._button("登记回执(&R)…", None,
                                           "接收党组织寄回回执后登记，党员转为“已转出”")
        self.void_button = self._button("作废(&V)…", None, "作废开错的介绍信；编号保留")
        self.incoming_button = self._button("登记转入(&I)…", "Ctrl+I",
                                            "登记收到的组织关系介绍信")
        self.place_button = self._button("编入党支部(&B)…", None,
                                         "把转入的党员编入党支部和党小组")
        self.sent_button = self._button("回执已寄回(&S)…", None,
                                        "登记本单位的回执已寄回转出党组织")
        self.handover_button = self._button(
            "发展材料转递(&M)…", None,
            "入党申请人、积极分子或发展对象岗位变动时，将其发展档案转交现单位党组织")
        self.export_button = self._button(
            "导出转接包(&E)…", "Ctrl+E",
            "把选中转出人员的党员信息和发展档案（含审核、材料）导出为一个文件，交接收单位导入")
        self.import_button = self._button(
            "导入转接包(&O)…", "Ctrl+O", "导入转出单位 BranchDesk 导出的转接包（.bdzj）")
        self.register_button = self._button(
            "打印登记簿(&L)…", None, "预览并打印所选年度（未选时为今年）的党员组织关系转接登记簿")
        self.write_buttons = (self.issue_button, self.receipt_button, self.void_button,
                              self.incoming_button, self.place_button, self.sent_button,
                              self.handover_button, self.export_button, self.import_button)
        for button in self.write_buttons:
            button.setVisible(self.may_write)

        self.model = TransferListModel(services.transfer_list, self.today(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("中")
        for column, chars in ((DIRECTION_COLUMN, 3), (NUMBER_COLUMN, 12), (NAME_COLUMN, 5),
                              (FROM_COLUMN, 10), (DATE_COLUMN, 7), (UNTIL_COLUMN, 6),
                              (STATE_COLUMN, 9)):
            header.resizeSection(column, em * chars + 16)
        header.setSectionResizeMode(TO_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

        filters = QHBoxLayout()
        for text, widget in (("搜索(&F)：", self.search_edit), ("方向(&D)：", self.direction_combo),
                             ("状态(&T)：", self.state_combo), ("年度(&Y)：", self.year_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.search_edit else 0)
        outgoing = QHBoxLayout()
        outgoing.addWidget(QLabel("转出："))
        for button in (self.issue_button, self.handover_button, self.print_button,
                       self.receipt_button, self.void_button, self.export_button):
            outgoing.addWidget(button)
        outgoing.addStretch(1)
        incoming = QHBoxLayout()
        incoming.addWidget(QLabel("转入："))
        for button in (self.incoming_button, self.import_button, self.place_button,
                       self.sent_button):
            incoming.addWidget(button)
        incoming.addStretch(1)
        incoming.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(outgoing)
        layout.addLayout(incoming)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        hint = QLabel("收到回执前，转出的党员仍由本支部负责（转出中）；有效期已过仍未收到回执的"
                      "显示为红色“逾期”。转出的党员档案永久保留。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        order: list[QWidget] = [self.search_edit, self.direction_combo, self.state_combo,
                                self.year_combo,
                                self.issue_button, self.handover_button, self.print_button,
                                self.receipt_button, self.void_button, self.export_button,
                                self.incoming_button, self.import_button, self.place_button,
                                self.sent_button, self.register_button, self.table]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        for combo in (self.direction_combo, self.state_combo, self.year_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.issue_button.clicked.connect(lambda: self.issue_letter())
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.receipt_button.clicked.connect(lambda: self.record_receipt())
        self.void_button.clicked.connect(lambda: self.void_selected())
        self.incoming_button.clicked.connect(lambda: self.register_incoming())
        self.place_button.clicked.connect(lambda: self.place_selected())
        self.sent_button.clicked.connect(lambda: self.receipt_sent())
        self.handover_button.clicked.connect(lambda: self.hand_over())
        self.export_button.clicked.connect(lambda: self.export_selected())
        self.import_button.clicked.connect(lambda: self.import_package())
        self.register_button.clicked.connect(lambda: self.print_register())
        self.table.activated.connect(lambda _index: self.print_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def _button(self, text: str, shortcut: str | None, tip: str) -> QPushButton:
        button = QPushButton(text)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            tip += f"（{shortcut}）"
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def today(self) -> dt.date:
        return self._today or self.services.transfers.today()

    # reading -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._stale:
            self.reload()
        super().showEvent(event)

    def invalidate(self) -> None:
        """Data changed elsewhere: read again now if on screen, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def reload(self) -> None:
        """The years that have transfers again, then the list (keeping the filters)."""
        year = combo_data(self.year_combo)
        years = self.services.transfer_list.years()
        fill_combo(self.year_combo, ((f"{y} 年", y) for y in years), blank="全部年度")
        combo_set_data(self.year_combo, year if year in years else None)
        self.refresh()

    def refresh(self) -> None:
        """Read the transfers again with the filters as they are; keep the selection."""
        self._stale = False
        self._search_timer.stop()
        selected = self.selected_id()
        state = combo_data(self.state_combo)
        self.model.today = self.today()
        self.model.set_query(
            combo_data(self.direction_combo), None if state == OVERDUE else state,
            self.search_edit.text(), overdue_only=state == OVERDUE,
            year=combo_data(self.year_combo),
        )
        found, overdue = self.model.rowCount(), self.model.overdue
        self.count_label.setText(
            f"共 {found} 件" + (f"，其中 {overdue} 件逾期未收到回执" if overdue else "")
        )
        if found:
            row = self.model.row_of(selected) if selected is not None else -1
            self.table.selectRow(max(row, 0))
        self._update_buttons()

    def selected(self) -> TransferInfo | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.transfer(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.transfer_id(rows[0].row()) if rows else None

    def select(self, transfer_id: int) -> None:
        row = self.model.row_of(transfer_id)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        out = chosen is not None and chosen.direction == OUT
        incoming = chosen is not None and chosen.direction == IN
        letter = out and chosen is not None and chosen.is_letter
        self.print_button.setEnabled(letter or incoming)
        self.print_button.setText("打印回执(&P)…" if incoming else "打印介绍信(&P)…")
        self.print_button.setToolTip(
            "预览并打印本单位寄回转出党组织的回执（Ctrl+P）" if incoming
            else "预览并打印选中的介绍信（存根、介绍信、回执）（Ctrl+P）"
        )
        self.export_button.setEnabled(
            out and chosen is not None and chosen.state in (ISSUED, CLOSED)
        )
        self.receipt_button.setEnabled(out and chosen is not None and chosen.state == ISSUED)
        self.void_button.setEnabled(out and chosen is not None and chosen.state == ISSUED)
        self.place_button.setEnabled(
            incoming and chosen is not None and chosen.state == RECEIVED
        )
        self.sent_button.setEnabled(
            incoming and chosen is not None and chosen.receipt_sent_date is None
        )

    # actions -----------------------------------------------------------------------------

    def _run(self, dialog: QDialog) -> int | None:
        """Show a dialog (modal); after a save, read again, select the transfer, tell others."""
        self.dialog = dialog
        if not dialog.exec():
            return None
        saved = getattr(dialog, "saved_id", None)
        self._changed(saved)
        return saved

    def _changed(self, transfer_id: int | None) -> None:
        self.reload()
        if transfer_id is not None:
            self.select(transfer_id)
        emit(self.transfers_changed)

    def issue_dialog(self, member_id: int | None = None) -> TransferOutDialog:
        return TransferOutDialog(self.services, self.actor, member_id, self._today, self)

    def issue_letter(self, member_id: int | None = None) -> int | None:
        """开具介绍信: the dialog, then the letter to print."""
        if not self.may_write:
            return None
        transfer_id = self._run(self.issue_dialog(member_id))
        if transfer_id is not None:
            self.print_transfer(self.services.transfers.get(transfer_id))
        return transfer_id

    def print_selected(self) -> PdfPreviewDialog | None:
        chosen = self.selected()
        if chosen is not None and chosen.direction == IN:
            return self.print_receipt(chosen)
        if chosen is None or chosen.direction != OUT or not chosen.is_letter:
            return None
        return self.print_transfer(chosen)

    def print_receipt(self, transfer: TransferInfo) -> PdfPreviewDialog | None:
        """Our 回执 for a received letter, to seal and send back."""

        def render(target: BinaryIO) -> None:
            from branchdesk.reports.transfer_print import incoming_receipt
            from branchdesk.reports.transfer_receipt import render_incoming_receipt

            receipt = incoming_receipt(self.services, transfer, self.actor.display_name)
            render_incoming_receipt(receipt, target)

        name = transfer.member_name
        return self._show_pdf(render, f"回执 — {name}", f"回执-{name}.pdf")

    def _show_pdf(
        self, render: Callable[[BinaryIO], None], title: str, file_name: str
    ) -> PdfPreviewDialog | None:
        """Make a PDF and offer it (preview and print, or save); a Chinese message on failure.

        The report modules are imported by ``render`` on first use: reportlab need not slow
        the program's start.
        """
        try:
            from branchdesk.reports.check_code import stamped

            buffer = BytesIO()
            with stamped(self.services.db):  # the footer's 校验码, anchored as printed
                render(buffer)
        except (BranchDeskError, ImportError) as exc:
            show_error(self, exc)
            return None
        from branchdesk.gui.pdf_preview import PdfPreviewDialog

        preview = PdfPreviewDialog(buffer.getvalue(), title, file_name, self)
        self.preview = preview
        preview.open()
        return preview

    def print_transfer(self, transfer: TransferInfo) -> PdfPreviewDialog | None:
        """The letter (存根, 介绍信, 回执) as a PDF to look at, print or save."""

        def render(target: BinaryIO) -> None:
            from branchdesk.reports.transfer_letter import render_transfer_letter
            from branchdesk.reports.transfer_print import transfer_letter

            render_transfer_letter(transfer_letter(self.services, transfer), target)

        number = "".join(transfer.letter_number.split())
        name = transfer.member_name
        return self._show_pdf(
            render, f"组织关系介绍信 — {name} {number}", f"组织关系介绍信-{name}-{number}.pdf"
        )

    def record_receipt(self) -> int | None:
        """登记回执 for the selected letter."""
        chosen = self.selected()
        if chosen is None or chosen.direction != OUT or chosen.state != ISSUED:
            return None
        return self._run(
            TransferReceiptDialog(self.services, self.actor, chosen, self._today, self)
        )

    def void_selected(self) -> int | None:
        """作废 the selected letter, with a reason."""
        chosen = self.selected()
        if chosen is None or chosen.direction != OUT or chosen.state != ISSUED:
            return None
        return self._run(VoidDialog(self.services, self.actor, chosen, self))

    def register_incoming(self) -> int | None:
        """登记转入: a letter that arrived."""
        if not self.may_write:
            return None
        return self._run(TransferInDialog(self.services, self.actor, self._today, self))

    def place_selected(self) -> int | None:
        """编入党支部 the selected incoming person."""
        chosen = self.selected()
        if chosen is None or chosen.direction != IN or chosen.state != RECEIVED:
            return None
        dialog = PlaceDialog(self.services, self.actor, chosen, self)
        self.dialog = dialog
        if not dialog.exec():
            return None
        self._changed(chosen.id)
        return dialog.saved_id

    def receipt_sent(self) -> int | None:
        """回执已寄回 for the selected incoming letter."""
        chosen = self.selected()
        if chosen is None or chosen.direction != IN or chosen.receipt_sent_date is not None:
            return None
        return self._run(ReceiptSentDialog(self.services, self.actor, chosen, self._today, self))

    def hand_over(self, member_id: int | None = None) -> int | None:
        """发展材料转递 for someone in development who moves."""
        if not self.may_write:
            return None
        return self._run(
            HandoverDialog(self.services, self.actor, member_id, self._today, self)
        )

    def export_selected(self, target: Path | None = None) -> Path | None:
        """导出转接包 of the selected outgoing transfer (asks where unless ``target``)."""
        chosen = self.selected()
        if chosen is None or chosen.direction != OUT or chosen.state not in (ISSUED, CLOSED):
            return None
        saved = export_package(self, self.services, self.actor, chosen, target)
        if saved is not None:
            self._changed(chosen.id)
        return saved

    def import_package(self, source: Path | None = None) -> int | None:
        """导入转接包: pick the file, check it, show what it holds, place the member."""
        if not self.may_write:
            return None
        dialog = import_package(self, self.services, self.actor, source, self._today)
        if dialog is None:
            return None
        self.dialog = dialog
        if not dialog.exec() or dialog.saved_id is None:
            return None
        transfers = self.services.transfers.of_member(dialog.saved_id)
        self._changed(transfers[-1].id if transfers else None)
        return dialog.saved_id

    def print_register(self) -> PdfPreviewDialog | None:
        """The year's 转接登记簿 (the year chosen in the filter, else this year)."""
        year = combo_data(self.year_combo) or self.today().year

        def render(target: BinaryIO) -> None:
            from branchdesk.reports.transfer_print import save_transfer_register

            save_transfer_register(self.services, year, target, self.today())

        return self._show_pdf(
            render, f"党员组织关系转接登记簿 — {year} 年", f"党员组织关系转接登记簿-{year}.pdf"
        )

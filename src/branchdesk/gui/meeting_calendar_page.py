"""应开会议: a branch's year grid of required meetings — held, missing, due, not yet due."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.meeting_rules import (
    CONFIGURABLE_KINDS,
    Cell,
    CellState,
    Frequency,
    GridRow,
    MeetingKind,
    YearGrid,
)
from branchdesk.core.services import Services
from branchdesk.gui.common import combo_data, combo_set_data, fill_combo, show_error

if TYPE_CHECKING:
    from branchdesk.gui.pdf_preview import PdfPreviewDialog

AnyIndex = QModelIndex | QPersistentModelIndex
#: background and text colour of each state: colour AND text, never colour alone
STATE_COLOURS: dict[CellState, tuple[str, str]] = {
    CellState.HELD: ("#d7f0d2", "#1b5e20"),
    CellState.MISSING: ("#f8d0cc", "#a40000"),
    CellState.DUE: ("#ffe9b3", "#7a4f00"),
    CellState.NOT_YET: ("#eeeeee", "#666666"),
    CellState.NOT_REQUIRED: ("#ffffff", "#888888"),
}
STATE_WORDS = {
    CellState.HELD: "已开", CellState.MISSING: "缺（期内未开）", CellState.DUE: "本期应开",
    CellState.NOT_YET: "未到", CellState.NOT_REQUIRED: "无需",
}
MONTHS = tuple(f"{m}月" for m in range(1, 13))
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_tooltip(row: GridRow, cell: Cell) -> str:
    """What hovering over a cell says: the period, the dates held or the due date, the rule."""
    lines = [f"{row.label}　{cell.period.label}"]
    if cell.dates:
        lines.append("召开日期：" + "、".join(fmt(d) for d in cell.dates))
    elif cell.state is CellState.MISSING:
        lines.append(f"期内未召开（应于 {fmt(cell.due)} 前召开）")
    elif cell.state is CellState.DUE:
        lines.append(f"尚未召开，请于 {fmt(cell.due)} 前召开")
    lines.append(row.requirement.rule)
    return "\n".join(lines)


class YearGridModel(QAbstractTableModel):
    """A row per required meeting, a column per month; a cell's text sits in the first month
    of its period (the view spans quarters over 3 columns and a year over 12)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: YearGrid | None = None

    def set_grid(self, grid: YearGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rows(self) -> tuple[GridRow, ...]:
        return self.grid.rows if self.grid is not None else ()

    def cell(self, row: int, column: int) -> Cell | None:
        rows = self.rows()
        if not 0 <= row < len(rows) or not 0 <= column < 12:
            return None
        return rows[row].cell_for_month(column + 1)

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, first column, columns) of every cell wider than a month."""
        return [
            (r, cell.period.first_month - 1, cell.period.months)
            for r, row in enumerate(self.rows()) for cell in row.cells if cell.period.months > 1
        ]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 12

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < 12:
                return MONTHS[section]
            rows = self.rows()
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(rows):
                row = rows[section]
                return f"{row.label}（{row.requirement.frequency.label}）"
        if (role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical
                and 0 <= section < len(self.rows())):
            return self.rows()[section].requirement.rule
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        first = index.column() + 1 == cell.period.first_month
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text if first else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(self.rows()[index.row()], cell)
        if role == CELL_ROLE:
            return cell.state.value
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def grid_html(grid: YearGrid, branch: str) -> str:
    """The year grid as an HTML table for printing (colour and text in every cell)."""
    head = "".join(f'<th width="7%">{m}</th>' for m in MONTHS)
    body = []
    for row in grid.rows:
        cells = []
        for cell in row.cells:
            background, colour = STATE_COLOURS[cell.state]
            dates = "<br>".join(f"{d:%m-%d}" for d in cell.dates)
            cells.append(
                f'<td colspan="{cell.period.months}" align="center" bgcolor="{background}"'
                f' style="color:{colour}">{escape(cell.text)}'
                + (f'<br><span style="font-size:7pt">{dates}</span>' if dates else "")
                + "</td>"
            )
        body.append(
            f"<tr><th align=\"left\">{escape(row.label)}<br><span style=\"font-size:7pt\">"
            f"{row.requirement.frequency.label}</span></th>{''.join(cells)}</tr>"
        )
    legend = "　".join(
        f'<span style="background:{STATE_COLOURS[s][0]}; color:{STATE_COLOURS[s][1]}">'
        f"&nbsp;{w}&nbsp;</span>" for s, w in STATE_WORDS.items()
    )
    # each required kind's rule once (group meetings of several groups share theirs)
    sources = "<br>".join(escape(rule) for rule in dict.fromkeys(r.requirement.rule
                                                                  for r in grid.rows))
    return (
        f'<h2 align="center">{escape(branch)} {grid.year}年 应开会议情况</h2>'
        f'<p align="center">截至 {fmt(grid.today)}　{legend}</p>'
        '<table border="1" cellspacing="0" cellpadding="4" width="100%"'
        ' style="border-collapse: collapse; font-size:9pt">'
        f'<tr><th width="16%">会议</th>{head}</tr>{"".join(body)}</table>'
        f'<p style="font-size:8pt">依据：<br>{sources}<br>党课频次可由管理员在本页设置。</p>'
    )


def grid_pdf(grid: YearGrid, branch: str) -> bytes:
    """The year grid on an A4 landscape page, as PDF bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"{branch} {grid.year}年 应开会议情况")
    writer.setCreator("支部台账")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                    QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    )
    writer.setResolution(300)
    document = QTextDocument()
    document.setDefaultFont(QFont("sans-serif", 10))
    document.setHtml(grid_html(grid, branch))
    document.print_(writer)  # lays the document out on the writer's pages at its resolution
    buffer.close()
    return bytes(data.data())


class MeetingCalendarPage(QWidget):
    """A branch's required meetings for a year at a glance; printable; frequencies for admins."""

    def __init__(
        self, services: Services, actor: Actor, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor = services, actor
        self._today = today
        self.preview: PdfPreviewDialog | None = None
        self.branch_combo = QComboBox()
        self.branch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(self.today().year)
        self.year_spin.setSuffix(" 年")
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setToolTip("预览并打印这张应开会议表（A4 横向）")
        self.print_button.setAutoDefault(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = YearGridModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        legend = QHBoxLayout()
        legend.addWidget(QLabel("图例："))
        for state, word in STATE_WORDS.items():
            background, colour = STATE_COLOURS[state]
            label = QLabel(f" {word} ")
            label.setStyleSheet(
                f"background: {background}; color: {colour}; border: 1px solid #bbb; padding: 2px;"
            )
            legend.addWidget(label)
        legend.addStretch(1)
        legend.addWidget(QLabel("鼠标停在格子上可看召开日期。"))

        top = QHBoxLayout()
        for text, widget in (("党支部(&B)：", self.branch_combo), ("年度(&Y)：", self.year_spin)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        self.frequency_combos: dict[MeetingKind, QComboBox] = {}
        for kind in sorted(CONFIGURABLE_KINDS, key=lambda k: list(MeetingKind).index(k)):
            combo = QComboBox()
            fill_combo(combo, ((f.label, f.value) for f in Frequency))
            combo.setToolTip(f"本单位{kind.label}至少多久开展一次（管理员可改）")
            label = QLabel(f"{kind.label}频次：")
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
            combo.setEnabled(actor.is_admin)
            self.frequency_combos[kind] = combo
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend)
        QWidget.setTabOrder(self.branch_combo, self.year_spin)
        previous: QWidget = self.year_spin
        for combo in self.frequency_combos.values():
            QWidget.setTabOrder(previous, combo)
            previous = combo
        QWidget.setTabOrder(previous, self.print_button)
        QWidget.setTabOrder(self.print_button, self.table)

        self.reload_branches()
        self._show_frequencies()
        self.branch_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        for kind, combo in self.frequency_combos.items():
            combo.currentIndexChanged.connect(
                lambda _i, kind=kind: self.set_frequency(kind)  # type: ignore[misc]
            )
        self.print_button.clicked.connect(self.print_grid)
        self.refresh()

    def today(self) -> dt.date:
        return self._today or self.services.meetings.today()

    def reload_branches(self) -> None:
        chosen = combo_data(self.branch_combo)
        fill_combo(self.branch_combo,
                   ((b.name, b.id) for b in self.services.organisations.branches()))
        if chosen is not None:
            combo_set_data(self.branch_combo, chosen)

    def select_branch(self, branch_id: int) -> bool:
        return combo_set_data(self.branch_combo, branch_id)

    def _show_frequencies(self) -> None:
        settings = self.services.meeting_calendar.settings()
        for kind, combo in self.frequency_combos.items():
            combo.blockSignals(True)
            combo_set_data(combo, settings.frequency(kind).value)
            combo.blockSignals(False)

    def set_frequency(self, kind: MeetingKind, frequency: Frequency | None = None) -> None:
        """The administrator changes a local frequency; the grid follows."""
        combo = self.frequency_combos[kind]
        if frequency is not None:
            combo.blockSignals(True)
            combo_set_data(combo, frequency.value)
            combo.blockSignals(False)
        chosen = Frequency(combo_data(combo))
        try:
            self.services.meeting_calendar.set_frequency(self.actor, kind, chosen)
        except BranchDeskError as exc:
            show_error(self, exc)
            self._show_frequencies()
            return
        self.refresh()

    def refresh(self) -> None:
        """Read the grid of the chosen branch and year again."""
        branch_id = combo_data(self.branch_combo)
        if branch_id is None:
            self.model.set_grid(None)
            self.summary.setText("还没有党支部：请先在“设置 → 组织机构”中建立。")
            self.print_button.setEnabled(False)
            return
        try:
            grid = self.services.meeting_calendar.grid(
                branch_id, self.year_spin.value(), self.today()
            )
        except BranchDeskError as exc:
            show_error(self, exc)
            return
        self.model.set_grid(grid)
        self.table.clearSpans()
        for row, column, columns in self.model.spans():
            self.table.setSpan(row, column, 1, columns)
        self.table.verticalHeader().setMinimumWidth(
            self.fontMetrics().horizontalAdvance("党小组会（第一党小组）（每季度）") + 16
        )
        self.print_button.setEnabled(True)
        missing = grid.missing()
        due = [(r, c) for r in grid.rows for c in r.cells if c.state is CellState.DUE]
        parts = [f"{grid.year}年：缺 {len(missing)} 次"]
        if due:
            parts.append("本期尚未召开：" + "、".join(r.label for r, _c in due))
        self.summary.setText("；".join(parts) + "。")
        self.summary.setStyleSheet("color: #a40000;" if missing else "")

    def print_grid(self) -> PdfPreviewDialog | None:
        """Preview the grid as an A4 page, from which it is printed or saved."""
        grid = self.model.grid
        if grid is None:
            return None
        from branchdesk.gui.pdf_preview import PdfPreviewDialog

        branch = self.branch_combo.currentText()
        preview = PdfPreviewDialog(
            grid_pdf(grid, branch), f"应开会议情况 — {branch} {grid.year}年",
            f"应开会议情况-{branch}-{grid.year}.pdf", self,
        )
        self.preview = preview
        preview.open()
        return preview

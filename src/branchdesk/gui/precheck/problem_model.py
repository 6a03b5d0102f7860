"""The 档案预审 problems as a tree: a row per member with counts, a child row per problem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.reports.precheck.opinion_data import (
    group_by_member,
    member_heading,
    step_text,
)

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("步骤", "类别", "问题", "依据")
STEP_COLUMN, CATEGORY_COLUMN, MESSAGE_COLUMN, RULE_COLUMN = range(len(COLUMNS))
ERROR_COLOUR = QColor("#c00000")
ERROR_BACKGROUND = QColor("#fdeeee")
MEMBER_BACKGROUND = QColor("#f0f0f0")
#: the internal id of a member row; a problem row's is its member row's number + 1
_TOP = 0
_ROOT = QModelIndex()  # the invisible root's index, as a default argument


@dataclass(frozen=True)
class MemberProblems:
    """One member's file and its problems, as a top-level row."""

    member_id: int
    name: str
    id_number: str
    branch: str
    problems: tuple[FileProblem, ...]

    @property
    def errors(self) -> int:
        """Number of 错误."""
        return sum(p.severity is ProblemSeverity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        """Number of 提醒."""
        return len(self.problems) - self.errors

    def heading(self, with_branch: bool) -> str:
        """``张三　公民身份号码 …　第一党支部　错误 1 项、提醒 2 项``."""
        return member_heading(
            self.name, self.id_number, self.branch if with_branch else "", self.errors,
            self.warnings,
        )


class ProblemTreeModel(QAbstractItemModel):
    """Members (top level, with their counts) and their problems (步骤, 类别, 问题, 依据)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[MemberProblems] = []
        self._with_branch = False
        self._bold = QFont()
        self._bold.setBold(True)

    # filling ------------------------------------------------------------------------------

    def set_problems(self, problems: Sequence[FileProblem], name_branches: bool = False) -> None:
        """Show ``problems``, grouped by member in the order they first appear; each
        member's branch is named when ``name_branches`` or they come from several."""
        self.beginResetModel()
        self._members = [
            MemberProblems(g[0].member_id, g[0].name, g[0].id_number, g[0].branch, tuple(g))
            for g in group_by_member(problems)
        ]
        self._with_branch = name_branches or len({m.branch for m in self._members}) > 1
        self.endResetModel()

    @property
    def members(self) -> list[MemberProblems]:
        """The members shown, in order."""
        return list(self._members)

    @property
    def errors(self) -> int:
        """Number of 错误 shown."""
        return sum(m.errors for m in self._members)

    @property
    def warnings(self) -> int:
        """Number of 提醒 shown."""
        return sum(m.warnings for m in self._members)

    def member_at(self, index: AnyIndex) -> MemberProblems | None:
        """The member of a row (a member row or one of its problems)."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._members[row] if 0 <= row < len(self._members) else None

    def problem_at(self, index: AnyIndex) -> FileProblem | None:
        """The problem of a problem row; None for a member row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        member = self.member_at(index)
        if member is None or not 0 <= index.row() < len(member.problems):
            return None
        return member.problems[index.row()]

    # the model ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._members)
        if parent.internalId() != _TOP or parent.column() != 0:
            return 0
        return len(self._members[parent.row()].problems)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        problem = self.problem_at(index)
        if problem is None:
            member = self.member_at(index)
            return None if member is None else self._member_data(member, index.column(), role)
        return self._problem_data(problem, index.column(), role)

    def _member_data(self, member: MemberProblems, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == STEP_COLUMN:
            return member.heading(self._with_branch)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MEMBER_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.heading(True)}\n双击打开此人的发展党员档案"
        return None

    def _problem_data(self, problem: FileProblem, column: int, role: int) -> object:
        error = problem.severity is ProblemSeverity.ERROR
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STEP_COLUMN:
                return step_text(problem.step, problem.step_name)
            if column == CATEGORY_COLUMN:
                return problem.severity.label
            if column == MESSAGE_COLUMN:
                return problem.message
            if column == RULE_COLUMN:
                return problem.rule
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem.severity.label}：{problem.message}\n依据：{problem.rule}"
        if role == Qt.ItemDataRole.ForegroundRole and error and column == CATEGORY_COLUMN:
            return QBrush(ERROR_COLOUR)
        if role == Qt.ItemDataRole.FontRole and error and column == CATEGORY_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CATEGORY_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

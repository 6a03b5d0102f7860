"""What the monthly work list (每月党建工作提示单) prints, ready to lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchdesk.core.work_list import WorkItem, WorkList

OVERDUE, AHEAD = "逾期", "提前提醒"


def date_text(day: dt.date) -> str:
    """A date as the record sheets write it: 2026年11月26日."""
    return f"{day.year}年{day.month}月{day.day}日"


def citation(rule: str) -> str:
    """The article a rule comes from, without its explanation: 《…》第十二条."""
    return rule.split("：", 1)[0].strip()


@dataclass(frozen=True)
class PrintRow:
    """One item as a row: 到期日, 事项, 依据 and its status (逾期 / 提前提醒 / nothing)."""

    due: str
    title: str
    rule: str
    status: str = ""

    @property
    def overdue(self) -> bool:
        """Printed in red."""
        return self.status == OVERDUE


@dataclass(frozen=True)
class PrintGroup:
    """A kind's heading and its rows."""

    label: str
    rows: tuple[PrintRow, ...]


@dataclass(frozen=True)
class PrintSection:
    """An organisation's items, by kind."""

    name: str
    groups: tuple[PrintGroup, ...]

    @property
    def count(self) -> int:
        """Number of rows."""
        return sum(len(g.rows) for g in self.groups)

    @property
    def overdue_count(self) -> int:
        """Number of overdue rows."""
        return sum(r.overdue for g in self.groups for r in g.rows)

    @property
    def heading(self) -> str:
        """机关第一党支部（13 项，其中逾期 2 项）."""
        overdue = f"，其中逾期 {self.overdue_count} 项" if self.overdue_count else ""
        return f"{self.name}（{self.count} 项{overdue}）"


@dataclass(frozen=True)
class PrintableWorkList:
    """The list as printed: committee, month, print date, what 逾期 means, the sections."""

    committee: str
    month: str  # 2026年11月
    printed_on: str  # 2026年11月26日
    overdue_date: str  # 2026年11月26日: items due before it and still open are 逾期
    sections: tuple[PrintSection, ...]
    scope: str = ""  # one 党支部 or 党总支 when not the whole committee

    @property
    def count(self) -> int:
        """Number of rows."""
        return sum(s.count for s in self.sections)

    @property
    def overdue_count(self) -> int:
        """Number of overdue rows."""
        return sum(s.overdue_count for s in self.sections)

    @property
    def summary(self) -> str:
        """本月事项 28 项，其中逾期 9 项。 with what 逾期 and 提前提醒 mean."""
        overdue = f"，其中逾期 {self.overdue_count} 项" if self.overdue_count else ""
        return (
            f"共 {self.count} 项{overdue}。"
            f"“逾期”为到期日在 {self.overdue_date} 以前而尚未办理的事项；"
            f"“{AHEAD}”为下月以后到期、本月应着手准备的事项。"
        )


def _row(item: WorkItem) -> PrintRow:
    status = OVERDUE if item.overdue else AHEAD if item.ahead else ""
    return PrintRow(date_text(item.due), item.title, citation(item.rule), status)


def printable(work: WorkList, scope: str = "") -> PrintableWorkList:
    """The core's work list as text to print."""
    return PrintableWorkList(
        committee=work.committee,
        month=work.label,
        printed_on=date_text(work.generated),
        overdue_date=date_text(work.overdue_date),
        sections=tuple(
            PrintSection(
                section.name,
                tuple(PrintGroup(g.label, tuple(_row(i) for i in g.items)) for g in section.groups),
            )
            for section in work.sections
        ),
        scope=scope,
    )

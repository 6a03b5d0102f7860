"""The monthly work list (每月党建工作提示单): a month's due and overdue items by branch and kind.

What "the list for a month" holds, exactly (``MonthlyWorkList.build``):

* The items come from the 待办 board (``TodoBoard``), computed from the data as it is
  today, on the *list date* — today for the current month, the month's first day for a
  future month, the month's last day for a past month — and on the month's last day;
  an item listed on both days is taken as worded on the list date, an item that only
  comes up later in the month (say, an approval that passes its three months on the
  20th) as worded on the last day.
* Kept are the items due on or before the month's last day — everything overdue by the
  month's start and everything falling due within the month — plus two advance notices
  the 待办 list gives ahead of their date, so that the work can be prepared: committee
  terms ending within 90 days (换届提醒) and probations ending within 30 days (预备期将满)
  of the month's last day. Political birthdays are those of the members who joined the
  Party in that month (anniversaries of this year).
* 逾期 (overdue): an actionable item due before the *overdue date*: today for the current
  month, the month's first day for a future month (carried into the month unless done
  first), the first day after the month for a past month (everything still open from it).
  A political birthday or a step that merely became possible is never overdue.
* A past month is the month as it stands now: what was due then and is still open (a step
  recorded since has dropped out), and every required meeting that month missed.
* Sections follow the organisation tree (党委 first, then 党总支 and 党支部 in their order);
  items about the committee itself (its term, people transferred in and not yet placed)
  stand under the committee; an item naming no organisation of the tree (a letter's
  organisation renamed since) has a section of its own at the end. Within a section the
  kinds come in the order of ``KIND_LABELS``, the items by due date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from branchdesk.core.organisations import OrganisationService, OrgNode
from branchdesk.core.todo import KIND_LABELS, DueItem, TodoBoard
from branchdesk.core.vocab import OrgKind

#: kinds listed before their date when the 待办 list already gives notice of them
ADVANCE_NOTICE_KINDS = frozenset({"committee_term_ending", "probation_ending"})
#: the 待办 list's name for the same event as the list date saw it (a probation that will
#: have ended by the month's end is still 预备期将满 on the list date)
_SAME_EVENT = {"probation_ended": "probation_ending"}
#: items of people transferred in and not yet placed name this instead of a branch
UNPLACED = "（待编入）"
FIRST_YEAR, LAST_YEAR = 1949, 2200
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


class MonthError(ValueError):
    """A month that cannot be read (the message is for the clerk)."""


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-11"`` (or 2026/11, 2026年11月) as (year, month); MonthError otherwise."""
    match = _MONTH.match(text)
    if match is None:
        raise MonthError(f"月份“{text}”格式不对，应为 YYYY-MM，如 2026-11")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise MonthError(f"月份“{text}”不存在：月份应在 1 到 12 之间")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise MonthError(f"月份“{text}”的年份不合理，请写四位数年份，如 2026")
    return year, month


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class WorkItem:
    """One line of the list: when, what, by which rule, and whether it is overdue."""

    kind: str
    due: dt.date
    title: str  # as the 待办 list words it, without the section's name and the rule
    rule: str  # the article it comes from ("" for a political birthday)
    overdue: bool
    ahead: bool = False  # an advance notice of something due after the month
    detail: str = ""
    member_id: int | None = None
    name: str | None = None
    id_number: str | None = None


@dataclass(frozen=True)
class KindGroup:
    """A section's items of one kind, under the kind's heading."""

    kind: str
    label: str
    items: tuple[WorkItem, ...]


@dataclass(frozen=True)
class BranchSection:
    """The items of one organisation (党委, 党总支 or 党支部), grouped by kind."""

    name: str
    org_id: int | None
    level: OrgKind | None  # None: a name that is not in the organisation tree
    groups: tuple[KindGroup, ...]

    @property
    def count(self) -> int:
        """Number of items in the section."""
        return sum(len(g.items) for g in self.groups)

    @property
    def overdue_count(self) -> int:
        """Number of overdue items in the section."""
        return sum(item.overdue for g in self.groups for item in g.items)


@dataclass(frozen=True)
class WorkList:
    """A month's work list: its sections, the date it was made and its overdue date."""

    year: int
    month: int
    committee: str
    generated: dt.date  # the day the list was made (today)
    overdue_date: dt.date  # items due before this day and still open are 逾期
    sections: tuple[BranchSection, ...]

    @property
    def first_day(self) -> dt.date:
        """The month's first day."""
        return month_bounds(self.year, self.month)[0]

    @property
    def last_day(self) -> dt.date:
        """The month's last day."""
        return month_bounds(self.year, self.month)[1]

    @property
    def label(self) -> str:
        """The month as printed: 2026年11月."""
        return f"{self.year}年{self.month}月"

    @property
    def count(self) -> int:
        """Number of items in the list."""
        return sum(s.count for s in self.sections)

    @property
    def overdue_count(self) -> int:
        """Number of overdue items in the list."""
        return sum(s.overdue_count for s in self.sections)

    def items(self) -> Iterable[tuple[BranchSection, KindGroup, WorkItem]]:
        """Every item with its section and kind group, in list order."""
        for section in self.sections:
            for group in section.groups:
                for item in group.items:
                    yield section, group, item


def _key(item: DueItem) -> tuple[object, ...]:
    """What identifies an item's event across two dates (its wording may differ)."""
    kind = _SAME_EVENT.get(item.kind, item.kind)
    if item.member_id is not None:
        return kind, item.member_id, item.branch, item.due
    return kind, item.branch, item.due, item.title


def _clean_title(title: str, section: str, rule: str) -> str:
    """The title without a leading "<section>：" and the rule in brackets (own columns)."""
    prefix = f"{section}："
    if title.startswith(prefix):
        title = title[len(prefix):]
    if rule:
        title = title.replace(f"（{rule}）", "")
    return title


class MonthlyWorkList:
    """Builds the 每月党建工作提示单 of a month from the 待办 board."""

    def __init__(
        self, board: TodoBoard, organisations: OrganisationService, today: dt.date | None = None
    ) -> None:
        self.board = board
        self.organisations = organisations
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @staticmethod
    def dates(year: int, month: int, today: dt.date) -> tuple[dt.date, dt.date]:
        """The month's list date (items as worded then) and overdue date (see the module)."""
        first, last = month_bounds(year, month)
        if today < first:
            return first, first
        if today > last:
            return last, last + dt.timedelta(days=1)
        return today, today

    def build(
        self, year: int, month: int, *, today: dt.date | None = None,
        names: Collection[str] | None = None,
    ) -> WorkList:
        """The list for a month; ``names`` keeps only these organisations' sections."""
        today = today or self.today()
        first, last = month_bounds(year, month)
        list_date, overdue_date = self.dates(year, month, today)
        chosen: dict[tuple[object, ...], DueItem] = {}
        for day in dict.fromkeys((list_date, last)):
            for item in self.board.items(day):
                if item.due > last and item.kind not in ADVANCE_NOTICE_KINDS:
                    continue
                chosen.setdefault(_key(item), item)
        roots = self.organisations.tree()
        return WorkList(
            year, month, "、".join(r.name for r in roots), today, overdue_date,
            self._sections(roots, chosen.values(), last, overdue_date, names),
        )

    def _sections(
        self, roots: list[OrgNode], items: Iterable[DueItem], last: dt.date,
        overdue_date: dt.date, names: Collection[str] | None,
    ) -> tuple[BranchSection, ...]:
        nodes = [n for root in roots for n in root.walk() if n.kind is not OrgKind.GROUP]
        known: dict[str, tuple[int, OrgKind]] = {}
        for node in nodes:
            known.setdefault(node.name, (node.id, node.kind))
        committee = roots[0].name if roots else ""
        by_section: dict[str, list[WorkItem]] = {}
        for item in items:
            section = committee if item.branch == UNPLACED and committee else item.branch
            if names is not None and section not in names:
                continue
            by_section.setdefault(section, []).append(
                WorkItem(
                    item.kind, item.due, _clean_title(item.title, section, item.rule),
                    item.rule, item.actionable and item.due < overdue_date, item.due > last,
                    item.detail, item.member_id, item.name, item.id_number,
                )
            )
        order = list(dict.fromkeys(n.name for n in nodes))
        order += sorted(name for name in by_section if name not in known)
        kinds = {kind: index for index, kind in enumerate(KIND_LABELS)}
        sections = []
        for name in order:
            found = by_section.get(name)
            if not found:
                continue
            grouped: dict[str, list[WorkItem]] = {}
            for work in sorted(found, key=lambda w: (kinds.get(w.kind, len(kinds)), w.kind,
                                                       w.due, w.title)):
                grouped.setdefault(work.kind, []).append(work)
            org_id, level = known.get(name, (None, None))
            sections.append(BranchSection(
                name, org_id, level,
                tuple(KindGroup(k, KIND_LABELS.get(k, k), tuple(v)) for k, v in grouped.items()),
            ))
        return tuple(sections)

"""The 待办 list: one place to which every capability adds the items it has due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

#: the kinds of due items and their labels in the 待办 list (each capability adds its own)
KIND_LABELS = {
    "application_talk": "入党谈话",
    "activist_review": "积极分子考察",
    "candidate_eligible": "可定发展对象",
    "admission_meeting_due": "接收预备党员",
    "approval_overdue": "审批超期",
    "oath_due": "入党宣誓",
    "probation_ending": "预备期将满",
    "probation_ended": "预备期已满",
    "meeting_due": "应开会议",
    "transfer_receipt_overdue": "回执逾期",
    "handover_unconfirmed": "材料未确认",
    "transfer_receipt_to_send": "寄回回执",
    "incoming_unplaced": "转入待编",
    "committee_term_ending": "换届提醒",
    "political_birthday": "政治生日",
}


@dataclass(frozen=True)
class DueItem:
    """Something due on a date; a task (``actionable``) is overdue once that date passed,
    a reminder such as a political birthday never is."""

    kind: str
    title: str
    due: dt.date
    branch: str
    detail: str = ""
    member_id: int | None = None
    name: str | None = None
    id_number: str | None = None
    actionable: bool = True
    rule: str = ""  # the article the item comes from

    def as_json(self, today: dt.date) -> dict[str, object]:
        """The item as ``branchdesk reminders --json`` prints it."""
        return {
            "kind": self.kind,
            "branch": self.branch,
            "id_number": self.id_number,
            "name": self.name,
            "due": self.due.isoformat(),
            "overdue": self.overdue(today),
            "rule": self.rule,
            "message": self.title,
        }

    def overdue(self, today: dt.date) -> bool:
        return self.actionable and self.due < today


class DueItemProvider(Protocol):
    """A capability that knows what of its own is due on a date."""

    def due_items(self, today: dt.date) -> Iterable[DueItem]: ...


class TodoBoard:
    """Collects the due items of every provider it was composed with, in date order."""

    def __init__(self, providers: Sequence[DueItemProvider]) -> None:
        self.providers = list(providers)

    def items(self, today: dt.date) -> list[DueItem]:
        items = [item for p in self.providers for item in p.due_items(today)]
        return sorted(items, key=lambda i: (i.due, i.branch, i.kind, i.title))

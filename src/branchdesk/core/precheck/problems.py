"""What the 档案预审 finds in a development file: one problem, its step, rule and weight."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ProblemSeverity(StrEnum):
    """How a problem weighs: an error sends the file back, a warning asks for a look."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The word the clerk reads: 错误 or 提醒."""
        return "错误" if self is ProblemSeverity.ERROR else "提醒"


@dataclass(frozen=True)
class FileProblem:
    """One problem of a member's development file, as the 组织员 would write it down."""

    member_id: int
    id_number: str
    name: str
    branch: str  # the branch's name
    step: int  # 1–25; 0 for the file as a whole
    step_name: str  # "" when step == 0
    severity: ProblemSeverity
    rule: str  # a citation from core/rulebook/citations.py, or 本地常用做法（…）
    message: str  # what is wrong and what to fix, in Chinese
    record_id: int | None = None  # the step record to open, when one is concerned

    @property
    def is_error(self) -> bool:
        return self.severity is ProblemSeverity.ERROR

    def as_json(self) -> dict[str, object]:
        """The problem as ``branchdesk check files --json`` prints it."""
        return {
            "id_number": self.id_number,
            "name": self.name,
            "branch": self.branch,
            "step": self.step,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }

"""A problem as a check finds it, before it is named with the member and the step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchdesk.core.precheck.facts import FileFacts, StepFact
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.rulebook import rulebook_on


@dataclass(frozen=True)
class Found:
    """What one check found: the step, weight, rule, message and the record concerned."""

    step: int
    severity: ProblemSeverity
    rule: str
    message: str
    record: StepFact | None = None

    def problem(self, facts: FileFacts, today: dt.date) -> FileProblem:
        """The problem as the clerk reads it, named by the rulebook of the record's date."""
        name = ""
        if self.step:
            day = self.record.date if self.record is not None else today
            name = rulebook_on(day).step(self.step).name
        return FileProblem(
            facts.member_id, facts.id_number, facts.name, facts.branch, self.step, name,
            self.severity, self.rule, self.message,
            self.record.record_id if self.record is not None else None,
        )


def error(step: int, rule: str, message: str, record: StepFact | None = None) -> Found:
    return Found(step, ProblemSeverity.ERROR, rule, message, record)


def warning(step: int, rule: str, message: str, record: StepFact | None = None) -> Found:
    return Found(step, ProblemSeverity.WARNING, rule, message, record)

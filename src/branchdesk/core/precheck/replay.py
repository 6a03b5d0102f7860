"""Each passed record replayed through the rulebook, against the file as it stood before it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from branchdesk.core.development import history_of
from branchdesk.core.precheck.facts import FileFacts, StepFact
from branchdesk.core.precheck.found import Found
from branchdesk.core.precheck.problems import ProblemSeverity
from branchdesk.core.rulebook import (
    PersonFacts,
    Severity,
    StepProposal,
    WorkingDaysFn,
    check_step,
    rulebook_on,
)
from branchdesk.core.vocab import Stage

#: findings the file-level checks make themselves (for imported records too, without
#: repeating them), or that say nothing about the file (a provisional holiday calendar)
REDONE_BY_FILE_CHECKS = frozenset(
    {
        "order",  # order and dates of all steps: checks.order
        "date_order",
        "minimum_age",  # checks.age
        "minimum_wait",  # checks.waits
        "probation_over",  # checks.probation
        "extension_once",  # checks.extension
        "extension_months",
        "people_full_member",  # checks.people: the person's stage on the record's date
        "discipline_refused",
        "not_before_field",  # checks.political_review (政审 before its 函调 replies)
        "not_before_history",  # checks.training (training before step 12)
        "materials",  # material_check: the whole file's materials, not only at step 25
        "materials_statutory",
        "publicity_provisional",
    }
)
#: the vote figures of steps 15 and 23 are checked by votes.check_votes
VOTE_CODES = frozenset({"vote_count", "quorum", "majority", "tally"})
VOTE_STEPS = (15, 23)


@dataclass(frozen=True)
class _Member:
    """What history_of needs of the member."""

    birth_date: dt.date | None
    mobile: bool


@dataclass(frozen=True)
class _Row:
    """A record as history_of reads it (details as stored: JSON with ISO dates)."""

    step: int
    occurrence: int
    version: int
    state: str
    date: dt.date
    details: str
    imported: bool
    recorded_at: dt.datetime | None


def _row(r: StepFact) -> _Row:
    recorded = (
        dt.datetime.combine(r.recorded_on, dt.time()) if r.recorded_on is not None else None
    )
    details = json.dumps(dict(r.details), ensure_ascii=False, sort_keys=True, default=str)
    return _Row(r.step, r.occurrence, r.version, r.state, r.date, details, r.imported, recorded)


def _proposal(facts: FileFacts, r: StepFact) -> StepProposal:
    details = dict(r.details)
    if r.step == 14 and r.serial_number:
        details.setdefault("booklet_serial", r.serial_number)
    if r.step == 25 and "materials" not in details:
        details["materials"] = sorted(facts.materials)
    people = tuple(
        PersonFacts(p.member_id or 0, p.name, p.stage or Stage.FULL, None, p.discipline)
        for p in r.people
    )
    return StepProposal(r.step, r.date, details, people)


def _wanted(code: str, step: int) -> bool:
    if code in REDONE_BY_FILE_CHECKS:
        return False
    return not (step in VOTE_STEPS and code in VOTE_CODES)


def replay(facts: FileFacts, working_days: WorkingDaysFn | None = None) -> list[Found]:
    """What the rulebook says of each passed record that was entered in BranchDesk.

    An ERROR is an error; an exception (NEEDS_REASON) is an error without a recorded reason
    and a warning with one; a WARNING is a warning. Imported history is not replayed: the
    rules it would break are those of the program's entry, not of the file (the file-level
    checks look at its dates).
    """
    found: list[Found] = []
    member = _Member(facts.birth_date, facts.mobile)
    before: list[_Row] = []  # the records entered before this one, as history_of reads them
    for record in facts.passed_records():
        if not record.imported:
            history = history_of(member, before)
            for finding in check_step(_proposal(facts, record), history, working_days):
                if not _wanted(finding.code, record.step):
                    continue
                severity = ProblemSeverity.ERROR
                message = finding.message
                if finding.severity is Severity.WARNING:
                    severity = ProblemSeverity.WARNING
                elif finding.severity is Severity.NEEDS_REASON:
                    if record.exception_reason.strip():
                        severity = ProblemSeverity.WARNING
                        message = (
                            f"{message.split('：须填写')[0]}；已说明原因："
                            f"{record.exception_reason.strip()}"
                        )
                rule = finding.article or rulebook_on(record.date).step(record.step).article
                found.append(Found(record.step, severity, rule, message, record))
        before.append(_row(record))
    return found

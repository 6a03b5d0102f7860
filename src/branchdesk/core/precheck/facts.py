"""Everything the 档案预审 needs to know of one development file, as plain values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from branchdesk.core.vocab import Stage

PASSED, RETURNED, PENDING, SUPERSEDED = "passed", "returned", "pending", "superseded"


@dataclass(frozen=True)
class ReviewFact:
    """One review of a record: passed or returned, on which day."""

    passed: bool
    date: dt.date


@dataclass(frozen=True)
class PersonOnDate:
    """A person named in a record (contact, sponsor) as they stood on the record's date.

    ``stage`` is the 人员类别 on that date (None when unknown). ``discipline`` is the sanction
    the person is under; ``discipline_dated`` says whether it is known to have been in force on
    the record's date (the roster keeps only the current one, without a date).
    """

    member_id: int | None
    name: str
    stage: Stage | None
    discipline: str = "无"
    discipline_dated: bool = False


@dataclass(frozen=True)
class MeetingVote:
    """The vote on this member in the minutes a record links (会议记录第 N 号).

    ``found`` is False when the minutes do not exist or hold no such vote.
    """

    meeting_id: int
    found: bool
    date: dt.date | None = None
    entitled: int = 0
    present: int = 0
    written: int = 0
    yes: int = 0
    against: int = 0
    abstain: int = 0
    method: str = ""
    meeting_quorum: bool = True  # enough members came to hold the meeting at all


@dataclass(frozen=True)
class StepFact:
    """One version of a step record, with its fields decoded (dates as dates)."""

    record_id: int
    step: int
    occurrence: int
    version: int
    state: str  # passed / pending / returned / superseded
    date: dt.date
    details: Mapping[str, object] = field(default_factory=dict)
    people: tuple[PersonOnDate, ...] = ()
    reviews: tuple[ReviewFact, ...] = ()
    exception_reason: str = ""
    imported: bool = False
    recorded_on: dt.date | None = None
    meeting_ref: str = ""
    serial_number: str = ""
    vote: MeetingVote | None = None

    @property
    def passed(self) -> bool:
        return self.state == PASSED

    @property
    def current(self) -> bool:
        """Not replaced by a corrected version."""
        return self.state != SUPERSEDED


@dataclass(frozen=True)
class FileFacts:
    """One member's development file: who they are, every record, the materials on file."""

    member_id: int
    id_number: str
    name: str
    branch: str
    birth_date: dt.date | None
    records: tuple[StepFact, ...] = ()
    materials: frozenset[str] = frozenset()  # the categories of the materials on file
    mobile: bool = False

    def current_records(self) -> list[StepFact]:
        """The records as they stand (corrected versions replace returned ones), in the order
        they were entered."""
        return list(self._current)

    def passed_records(self) -> list[StepFact]:
        return list(self._passed)

    @cached_property
    def _current(self) -> tuple[StepFact, ...]:
        # worked out once: the checks ask for it dozens of times per file
        return tuple(sorted((r for r in self.records if r.current), key=lambda r: r.record_id))

    @cached_property
    def _passed(self) -> tuple[StepFact, ...]:
        return tuple(r for r in self._current if r.passed)

    def first_passed(self, step: int) -> StepFact | None:
        """The first passed record of ``step`` (for the repeatable steps, the earliest)."""
        found = [r for r in self.passed_records() if r.step == step]
        return min(found, key=lambda r: (r.date, r.record_id)) if found else None

    def last_passed(self, step: int) -> StepFact | None:
        found = [r for r in self.passed_records() if r.step == step]
        return max(found, key=lambda r: (r.date, r.record_id)) if found else None

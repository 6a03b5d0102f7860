"""档案预审: a whole-file check of development files, as inspectors and 组织员 do it."""

from branchdesk.core.precheck.checks import check_file
from branchdesk.core.precheck.facts import (
    FileFacts,
    MeetingVote,
    PersonOnDate,
    ReviewFact,
    StepFact,
)
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.precheck.service import FilePrecheckService

__all__ = [
    "FileFacts",
    "FilePrecheckService",
    "FileProblem",
    "MeetingVote",
    "PersonOnDate",
    "ProblemSeverity",
    "ReviewFact",
    "StepFact",
    "check_file",
]

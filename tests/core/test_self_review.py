"""一步一审 on paper: the reviewer named on a paper review is compared as a person, not a string."""

import datetime as dt
from typing import NamedTuple

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role, Stage

D = dt.date
TODAY = D(2026, 11, 26)


class Pending(NamedTuple):
    development: DevelopmentService
    member: int
    record: int


@pytest.fixture
def pending(services: Services, clerk: Actor, branch_id: int) -> Pending:
    """Step 1 of 王堃 recorded by the account clerk (display name 李录入), not yet reviewed."""
    development = DevelopmentService(services.db, today=TODAY)
    member = services.members.create(clerk, MemberInput(
        name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    record = development.record(clerk, member, StepInput(1, D(2026, 10, 8)))
    return Pending(development, member, record)


@pytest.mark.parametrize(
    "reviewer_name",
    [
        # spaces, tabs, full-width spaces
        "李录入", " 李录入 ", "李 录入", "李　录入", "李\t录入", "李录入\u3000",
        # the login name, in any case and width
        "clerk", "CLERK", "Clerk", " clerk", "ｃｌｅｒｋ", "ＣＬＥＲＫ",
    ],
)
def test_the_recorder_cannot_be_named_as_paper_reviewer(
    pending: Pending, clerk: Actor, reviewer_name: str,
) -> None:
    with pytest.raises(ValidationError, match="审核人不能是这条记录的录入人"):
        pending.development.enter_paper_review(
            clerk, pending.record, True, "", reviewer_name, "组织委员", TODAY
        )
    (info,) = pending.development.records(pending.member)
    assert info.state == "pending" and not info.reviews


@pytest.mark.parametrize(
    "reviewer_name",
    ["李录", "李录入二", "李入录", "clerk2", "clerks", "王书记", "admin"],
)
def test_another_person_may_be_named(pending: Pending, clerk: Actor, reviewer_name: str) -> None:
    pending.development.enter_paper_review(
        clerk, pending.record, True, "同意", reviewer_name, "支部书记", TODAY
    )
    (info,) = pending.development.records(pending.member)
    assert info.state == "passed" and info.reviews[0].reviewer_name == reviewer_name


def test_an_account_whose_login_differs_only_in_case_cannot_review_online(
    services: Services, pending: Pending, admin: Actor,
) -> None:
    """Log-in names are unique regardless of case: ``Clerk`` is the recorder ``clerk``."""
    with pytest.raises(PermissionDenied, match="不能审核自己录入的记录"):
        pending.development.review(Actor("Clerk", Role.REVIEWER, "李"), pending.record, True, "")
    pending.development.review(Actor("reviewer", Role.REVIEWER, "赵审核"), pending.record, True, "")
    (info,) = pending.development.records(pending.member)
    assert info.state == "passed"

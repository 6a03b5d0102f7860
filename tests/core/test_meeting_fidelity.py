"""Meeting rules against the published texts (issue 12): quorum words, 党课, 主题党日.

半数以上 (支部工作条例第十一、十二条) includes exactly half for holding a 支部党员大会 or a 支委会;
an admission or a conversion needs MORE than half present (细则); a decision always needs YES
votes of more than half of those entitled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from development_walk import WALK, people_for, record_and_pass
from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentService
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import (
    CONFIGURABLE_KINDS,
    RULES,
    Frequency,
    MeetingKind,
    MeetingSettings,
    due_meetings,
)
from branchdesk.core.meetings import (
    ADMISSION,
    CONVERSION,
    AgendaItem,
    MeetingInput,
    VoteInput,
    attendance_text,
    judge,
)
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.rulebook import quorum
from branchdesk.core.rulebook.checks import meeting_quorum
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage
from branchdesk.storage.models import Setting

D = dt.date
TODAY = D(2026, 11, 26)
MEETING_DAY = D(2025, 5, 10)
BRANCH_WORK = "《中国共产党支部工作条例（试行）》"
RULES_TITLE = "《中国共产党发展党员工作细则》"

# --- the two quorum functions at their boundary ------------------------------------------------


@pytest.mark.parametrize(
    ("entitled", "present", "held", "admission"),
    [
        (6, 2, False, False),
        (6, 3, True, False),  # exactly half: the meeting is held, an admission is not voted
        (6, 4, True, True),
        (7, 3, False, False),
        (7, 4, True, True),
        (1, 1, True, True),
        (0, 0, False, False),
    ],
)
def test_half_holds_a_meeting_but_an_admission_needs_more(
    entitled: int, present: int, held: bool, admission: bool
) -> None:
    assert meeting_quorum(entitled, present) is held
    assert quorum(entitled, present) is admission


# --- judging votes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entitled", "present", "written", "yes", "quorate", "passed"),
    [
        (6, 3, 0, 3, True, False),  # half present holds the vote; yes = half does not pass
        (6, 3, 1, 4, True, True),  # a written vote counts: yes 4 of 6 passes
        (6, 2, 2, 4, False, False),  # fewer than half present: nothing passes
        (7, 3, 1, 4, False, False),
        (7, 4, 0, 4, True, True),
        (7, 4, 0, 3, True, False),
    ],
)
def test_an_ordinary_vote_needs_half_present_and_more_than_half_yes(
    entitled: int, present: int, written: int, yes: int, quorate: bool, passed: bool
) -> None:
    result = judge(VoteInput(subject="通过年度学习计划", entitled=entitled, present=present,
                             written=written, yes=yes), True, TODAY)
    assert (result.quorum, result.passed) == (quorate, passed)
    if quorate:
        assert result.quorum_text.endswith("半数以上到会，符合规定")
    else:
        assert result.quorum_text.endswith("不足半数，不能表决")
    if quorate and not passed:
        assert "赞成票未超过应到会有表决权的正式党员半数，未通过" in result.result_text


@pytest.mark.parametrize(
    ("purpose", "on", "article"),
    [
        (ADMISSION, D(2026, 5, 10), "第二十条"),  # the 2014 rulebook, the day before 2026's
        (ADMISSION, D(2026, 5, 11), "第十九条"),
        (CONVERSION, D(2026, 5, 10), "第三十三条"),
        (CONVERSION, D(2026, 5, 11), "第十九条、第二十条"),
    ],
)
def test_admission_and_conversion_at_exactly_half_are_refused_citing_the_rulebook(
    purpose: str, on: dt.date, article: str
) -> None:
    half = judge(VoteInput(entitled=6, present=3, yes=3, candidate_id=1, purpose=purpose),
                 True, on)
    assert not half.quorum and not half.passed
    assert "实到 3 人，未超过半数，不能表决" in half.quorum_text
    assert f"{RULES_TITLE}{article}" in half.quorum_text
    assert half.result_text == "到会人数未达规定，表决无效，未通过"
    more = judge(VoteInput(entitled=6, present=4, yes=4, candidate_id=1, purpose=purpose),
                 True, on)
    assert more.quorum and more.passed
    assert more.quorum_text.endswith("实到 4 人，超过半数，符合规定")
    tie = judge(VoteInput(entitled=6, present=4, yes=3, against=1, candidate_id=1,
                          purpose=purpose), True, on)
    assert tie.quorum and not tie.passed  # yes = half of those entitled is not a majority


def test_a_vote_of_a_meeting_without_its_quorum_is_void_whatever_its_own_counts() -> None:
    result = judge(VoteInput(subject="表决", entitled=6, present=4, yes=4), False, TODAY)
    assert not result.quorum and not result.passed
    assert "本次会议到会人数不足半数，不能表决" in result.quorum_text


@pytest.mark.parametrize(
    ("kind", "entitled", "present", "words", "article"),
    [
        (MeetingKind.GENERAL_MEETING, 6, 3, "半数以上到会，符合规定", "第十一条"),
        (MeetingKind.GENERAL_MEETING, 6, 2, "不足半数", "第十一条"),
        (MeetingKind.GENERAL_MEETING, 7, 3, "不足半数", "第十一条"),
        (MeetingKind.GENERAL_MEETING, 7, 4, "半数以上到会，符合规定", "第十一条"),
        (MeetingKind.COMMITTEE_MEETING, 4, 2, "半数以上到会，符合规定", "第十二条"),
        (MeetingKind.COMMITTEE_MEETING, 5, 2, "不足半数", "第十二条"),
    ],
)
def test_the_editor_says_whether_the_meeting_may_be_held(
    kind: MeetingKind, entitled: int, present: int, words: str, article: str
) -> None:
    text = attendance_text(kind, entitled, present)
    assert words in text and f"{BRANCH_WORK}{article}" in text
    who = "有表决权的正式党员" if kind is MeetingKind.GENERAL_MEETING else "支部委员"
    assert f"应到{who} {entitled} 人，实到 {present} 人" in text
    # only a general meeting at exactly half is warned that it cannot admit or convert
    warned = "超过半数到会，本次不能表决" in text
    assert warned is (kind is MeetingKind.GENERAL_MEETING and 2 * present == entitled)


# --- recorded meetings ------------------------------------------------------------------------


@pytest.fixture
def six(add_member: Callable[..., int]) -> list[int]:
    names = "张三 李四 王五 赵六 钱七 孙八".split()
    return [add_member(name, 13 + 2 * i) for i, name in enumerate(names)]


def _general(branch_id: int, members: list[int], present: int,
             agenda: tuple[AgendaItem, ...]) -> MeetingInput:
    return MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, MEETING_DAY, "14:30", "16:00", "支部会议室",
        "张三", "李四", present=tuple(members[:present]),
        absences=tuple((i, "出差") for i in members[present:]), agenda=agenda,
    )


def _candidate(services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
               full: list[int]) -> int:
    member = services.members.create(
        clerk,
        MemberInput(name="孙喆", id_number=make_id_number("110105", D(2000, 1, 1), 21),
                    branch_id=branch_id, stage=Stage.APPLICANT),
    )
    development = DevelopmentService(services.db, today=TODAY)
    seen_six = False
    for step, day, details in WALK:
        if step >= 15:
            break
        if step == 6 and seen_six:
            continue
        seen_six = seen_six or step == 6
        record_and_pass(development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))
    return member


def test_a_general_meeting_of_exactly_half_decides_but_cannot_admit(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int, six: list[int]
) -> None:
    candidate = _candidate(services, clerk, reviewer, branch_id, six)
    agenda = (
        AgendaItem("年度学习计划", votes=(
            VoteInput(subject="通过年度学习计划", entitled=6, present=3, written=1, yes=4),
        )),
        AgendaItem("讨论接收预备党员", votes=(
            VoteInput(entitled=6, present=3, written=1, yes=4, candidate_id=candidate,
                      purpose=ADMISSION),
        )),
    )
    meeting_id = services.meetings.record(clerk, _general(branch_id, six, 3, agenda))
    detail = services.meetings.get(meeting_id)
    assert detail.current.quorum_note == ""  # a valid meeting
    plan, admission = (result for _index, result in detail.current.votes)
    assert plan.passed and plan.quorum_text.endswith("半数以上到会，符合规定")
    assert not admission.passed and "未超过半数，不能表决" in admission.quorum_text
    assert f"{RULES_TITLE}第二十条" in admission.quorum_text  # 2025: the 2014 rulebook
    development = DevelopmentService(services.db, today=TODAY)
    assert not [r for r in development.records(candidate) if r.step == 15]


def test_a_general_meeting_of_four_in_six_admits(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int, six: list[int]
) -> None:
    candidate = _candidate(services, clerk, reviewer, branch_id, six)
    agenda = (AgendaItem("讨论接收预备党员", votes=(
        VoteInput(entitled=6, present=4, yes=4, candidate_id=candidate, purpose=ADMISSION),
    )),)
    meeting_id = services.meetings.record(clerk, _general(branch_id, six, 4, agenda))
    [(_index, result)] = services.meetings.get(meeting_id).current.votes
    assert result.passed
    development = DevelopmentService(services.db, today=TODAY)
    assert [r.step for r in development.records(candidate) if r.step == 15] == [15]


def test_fewer_than_half_present_decides_nothing_citing_article_eleven(
    services: Services, clerk: Actor, branch_id: int, six: list[int]
) -> None:
    agenda = (AgendaItem("年度学习计划", votes=(
        VoteInput(subject="通过年度学习计划", entitled=6, present=3, yes=3),
    )),)
    meeting_id = services.meetings.record(clerk, _general(branch_id, six, 2, agenda))
    current = services.meetings.get(meeting_id).current
    assert "不足应到人数的半数，本次会议不能作出决定" in current.quorum_note
    assert f"{BRANCH_WORK}第十一条" in current.quorum_note
    assert not current.votes[0][1].passed


@pytest.mark.parametrize(("present", "held"), [(1, False), (2, True)])
def test_a_committee_of_four_is_held_with_two(
    services: Services, admin: Actor, clerk: Actor, branch_id: int, six: list[int],
    present: int, held: bool,
) -> None:
    term = services.organisations.add_term(admin, branch_id, D(2024, 1, 1), D(2027, 1, 1))
    for member, post in zip(six[:4], ("书记", "副书记", "组织委员", "宣传委员"), strict=True):
        services.organisations.add_post(admin, term, member, post, D(2024, 1, 1))
    expected = [a.member_id for a in services.meetings.expected_attendees(
        MeetingKind.COMMITTEE_MEETING, branch_id, MEETING_DAY)]
    assert sorted(expected) == sorted(six[:4])
    data = MeetingInput(
        MeetingKind.COMMITTEE_MEETING, branch_id, MEETING_DAY, "09:00", "10:00", "支部办公室",
        "张三", "李四", present=tuple(expected[:present]),
        absences=tuple((i, "出差") for i in expected[present:]),
        agenda=(AgendaItem("研究工作", votes=(
            VoteInput(subject="同意工作安排", entitled=4, present=present, yes=present),
        )),),
    )
    current = services.meetings.get(services.meetings.record(clerk, data)).current
    assert (current.quorum_note == "") is held
    if not held:
        assert f"{BRANCH_WORK}第十二条" in current.quorum_note
    # yes = half (2 of 4) is still not a decision
    assert not current.votes[0][1].passed


# --- 党课: the 党委（党组）书记, not the branch secretary ---------------------------------


def test_the_party_lecture_rule_names_the_committee_secretary() -> None:
    rule = RULES[MeetingKind.PARTY_LECTURE]
    assert rule.startswith(f"{BRANCH_WORK}第十五条")
    assert "党委（党组）书记每年至少讲1次党课" in rule
    assert "党支部书记" not in rule
    assert "本地常用做法（党课每季度1次" in rule  # the quarterly frequency is local practice
    items = due_meetings(D(2026, 4, 1), MeetingSettings(), False, [], {})
    lecture = [i for i in items if i.kind is MeetingKind.PARTY_LECTURE]
    assert lecture and all(i.rule == rule for i in lecture)


_SECRETARY_LECTURES = re.compile(r"党支部书记[^。；\n]{0,20}讲[^。；\n]{0,10}党课")
_ROOT = Path(__file__).resolve().parents[2]


def test_no_text_says_the_branch_secretary_must_lecture_once_a_year() -> None:
    offenders = [
        str(path.relative_to(_ROOT))
        for folder in ("src", "ui")
        for path in sorted((_ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".ui"}
        and _SECRETARY_LECTURES.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# --- 主题党日: monthly by regulation, not a setting ---------------------------------------------


def test_the_theme_day_is_monthly_and_cites_both_regulations() -> None:
    assert CONFIGURABLE_KINDS == frozenset({MeetingKind.PARTY_LECTURE})
    rule = RULES[MeetingKind.THEME_DAY]
    assert f"{BRANCH_WORK}第十六条" in rule
    assert "《中国共产党党员教育管理工作条例》第十六条" in rule
    with pytest.raises(ValidationError) as refused:
        MeetingSettings().with_frequency(MeetingKind.THEME_DAY, Frequency.QUARTERLY)
    assert "主题党日的频次由条例规定（每月），不能修改" in refused.value.errors[
        "meeting_frequency.theme_day"]
    assert "meeting_frequency.theme_day" not in MeetingSettings().to_settings()


def test_a_stored_theme_day_frequency_of_an_older_version_is_ignored(
    services: Services, admin: Actor, branch_id: int
) -> None:
    with services.db.write("admin", "旧版本的设置") as s:
        s.add(Setting(key="meeting_frequency.theme_day", value="quarterly"))
    settings = services.meeting_calendar.settings()
    assert settings.frequency(MeetingKind.THEME_DAY) is Frequency.MONTHLY
    grid = services.meeting_calendar.grid(branch_id, 2026, TODAY)
    theme = next(r for r in grid.rows if r.requirement.kind is MeetingKind.THEME_DAY)
    assert len(theme.cells) == 12 and theme.cells[0].period.label == "2026年1月"
    # changing the 党课 still works, and the old row is kept, not deleted
    services.meeting_calendar.set_frequency(admin, MeetingKind.PARTY_LECTURE, Frequency.MONTHLY)
    assert services.meeting_calendar.settings().frequency(MeetingKind.PARTY_LECTURE) is (
        Frequency.MONTHLY
    )
    with services.db.read() as s:
        kept = s.scalar(select(Setting.value).where(Setting.key == "meeting_frequency.theme_day"))
    assert kept == "quarterly"
    with pytest.raises(ValidationError, match="不能修改"):
        services.meeting_calendar.set_frequency(admin, MeetingKind.THEME_DAY, Frequency.YEARLY)

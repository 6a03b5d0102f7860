import datetime as dt

import pytest

from branchdesk.core.errors import ValidationError
from branchdesk.core.meeting_rules import (
    DEFAULT_FREQUENCIES,
    CellState,
    Frequency,
    Group,
    HeldDates,
    MeetingKind,
    MeetingSettings,
    Period,
    due_meetings,
    period_of,
    periods_in_year,
    requirements,
    year_grid,
)

D = dt.date
M, Q, Y = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY
GROUPS = [(11, "第一党小组"), (12, "第二党小组")]
DEFAULT = MeetingSettings()


def test_labels() -> None:
    assert MeetingKind.GROUP_MEETING.label == "党小组会"
    assert MeetingKind.MEMBER_APPRAISAL.label == "民主评议党员"
    assert MeetingKind.OTHER.label == "其他"
    assert Frequency.QUARTERLY.label == "每季度"
    assert MeetingKind.from_label("主题党日") is MeetingKind.THEME_DAY
    assert MeetingKind.OTHER not in DEFAULT_FREQUENCIES


@pytest.mark.parametrize(
    ("day", "frequency", "start", "end", "label"),
    [
        (D(2026, 1, 31), M, D(2026, 1, 1), D(2026, 1, 31), "2026年1月"),
        (D(2026, 2, 1), M, D(2026, 2, 1), D(2026, 2, 28), "2026年2月"),
        (D(2028, 2, 29), M, D(2028, 2, 1), D(2028, 2, 29), "2028年2月"),
        (D(2028, 2, 1), M, D(2028, 2, 1), D(2028, 2, 29), "2028年2月"),
        (D(2026, 3, 31), Q, D(2026, 1, 1), D(2026, 3, 31), "2026年第一季度"),
        (D(2026, 4, 1), Q, D(2026, 4, 1), D(2026, 6, 30), "2026年第二季度"),
        (D(2026, 12, 31), Q, D(2026, 10, 1), D(2026, 12, 31), "2026年第四季度"),
        (D(2026, 12, 31), Y, D(2026, 1, 1), D(2026, 12, 31), "2026年"),
        (D(2027, 1, 1), Y, D(2027, 1, 1), D(2027, 12, 31), "2027年"),
    ],
)
def test_period_of(
    day: dt.date, frequency: Frequency, start: dt.date, end: dt.date, label: str
) -> None:
    assert period_of(day, frequency) == Period(start, end, label)


@pytest.mark.parametrize(
    ("frequency", "count", "shorts"),
    [(M, 12, ["1月", "12月"]), (Q, 4, ["第一季度", "第四季度"]), (Y, 1, ["全年", "全年"])],
)
def test_periods_in_year(frequency: Frequency, count: int, shorts: list[str]) -> None:
    periods = periods_in_year(2028, frequency)
    assert len(periods) == count
    assert [periods[0].short_label, periods[-1].short_label] == shorts
    assert periods[0].start == D(2028, 1, 1) and periods[-1].end == D(2028, 12, 31)
    # contiguous, no gap and no overlap
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start - before.end == dt.timedelta(days=1)
    assert sum(p.months for p in periods) == 12


def test_requirements_depend_on_committee_and_groups() -> None:
    without = [r.label for r in requirements(DEFAULT, False, [])]
    assert "支部委员会会议" not in without and "党小组会" not in " ".join(without)
    assert without == ["支部党员大会", "党课", "主题党日", "组织生活会", "民主评议党员"]
    full = requirements(DEFAULT, True, GROUPS)
    assert [r.label for r in full][:4] == [
        "支部党员大会",
        "支部委员会会议",
        "党小组会（第一党小组）",
        "党小组会（第二党小组）",
    ]
    assert full[2].group == Group(11, "第一党小组") and full[2].key == ("group_meeting", 11)


def test_year_grid_without_committee_two_groups() -> None:
    today = D(2026, 5, 15)
    held: HeldDates = {
        ("general_meeting", None): [D(2026, 3, 31), D(2026, 2, 10), D(2025, 12, 30)],
        ("group_meeting", 11): [D(2026, 1, 5), D(2026, 5, 2)],
        ("group_meeting", 12): [D(2026, 1, 31)],
        # a committee meeting recorded although the branch has no committee: no row
        ("committee_meeting", None): [D(2026, 1, 8)],
        ("life_meeting", None): [D(2026, 12, 20)],
    }
    grid = year_grid(2026, today, DEFAULT, False, GROUPS, held)
    labels = [row.label for row in grid.rows]
    assert "支部委员会会议" not in labels
    assert labels == [
        "支部党员大会",
        "党小组会（第一党小组）",
        "党小组会（第二党小组）",
        "党课",
        "主题党日",
        "组织生活会",
        "民主评议党员",
    ]
    general, group1, group2, lecture, theme, life, appraisal = grid.rows

    assert [c.state for c in general.cells] == [
        CellState.HELD,
        CellState.DUE,
        CellState.NOT_YET,
        CellState.NOT_YET,
    ]
    q1 = general.cells[0]
    assert q1.dates == (D(2026, 2, 10), D(2026, 3, 31)) and q1.count == 2
    assert q1.text == "已开 2 次"
    assert general.cells[1].text == "本季度应开" and general.cells[1].due == D(2026, 6, 30)
    assert general.cells[2].text == "未到"

    assert [c.text for c in group1.cells[:6]] == [
        "已开 1 次",
        "缺",
        "缺",
        "缺",
        "已开 1 次",
        "未到",
    ]
    assert [c.text for c in group2.cells[:6]] == ["已开 1 次", "缺", "缺", "缺", "本月应开", "未到"]
    assert theme.cell_for_month(4).state == CellState.MISSING
    assert lecture.cell_for_month(2).text == "缺"  # Q1 ended without a lecture
    assert lecture.cell_for_month(6) is lecture.cells[1]
    # a yearly meeting is due all year and counts even when held later in the year
    assert [c.text for c in life.cells] == ["已开 1 次"]
    assert [c.text for c in appraisal.cells] == ["本年应开"]
    assert len(grid.missing()) == 3 + 3 + 1 + 4


@pytest.mark.parametrize(
    ("today", "state", "text"),
    [
        (D(2026, 3, 31), CellState.DUE, "本月应开"),  # last day of the month: still due
        (D(2026, 4, 1), CellState.MISSING, "缺"),  # the day after: missing
        (D(2026, 3, 1), CellState.DUE, "本月应开"),
        (D(2026, 2, 28), CellState.NOT_YET, "未到"),
    ],
)
def test_month_cell_due_on_last_day_missing_the_day_after(
    today: dt.date, state: CellState, text: str
) -> None:
    grid = year_grid(2026, today, DEFAULT, True, [], {})
    march = grid.rows[1].cell_for_month(3)
    assert grid.rows[1].label == "支部委员会会议"
    assert (march.state, march.text) == (state, text)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2026, 12, 31), CellState.DUE),
        (D(2027, 1, 1), CellState.MISSING),
    ],
)
def test_quarter_and_year_cells_at_year_end(today: dt.date, state: CellState) -> None:
    grid = year_grid(2026, today, DEFAULT, False, [], {})
    general = grid.rows[0]
    appraisal = grid.rows[-1]
    assert general.cells[3].state == state
    assert appraisal.cells[0].state == state


def test_held_meeting_counts_only_in_its_own_period() -> None:
    held: HeldDates = {("general_meeting", None): [D(2026, 4, 1)]}
    grid = year_grid(2026, D(2026, 4, 2), DEFAULT, False, [], held)
    q1, q2 = grid.rows[0].cells[:2]
    assert (q1.state, q2.state) == (CellState.MISSING, CellState.HELD)


def test_enum_keys_in_held_are_accepted() -> None:
    held: HeldDates = {(MeetingKind.THEME_DAY, None): [D(2026, 1, 20)]}
    grid = year_grid(2026, D(2026, 1, 25), DEFAULT, False, [], held)
    theme = next(r for r in grid.rows if r.requirement.kind == MeetingKind.THEME_DAY)
    assert theme.cells[0].state == CellState.HELD


def test_since_exempts_periods_before_the_branch_existed() -> None:
    grid = year_grid(2026, D(2026, 5, 15), DEFAULT, True, [], {}, since=D(2026, 3, 10))
    committee = grid.rows[1]
    assert [c.text for c in committee.cells[:5]] == ["无需", "无需", "缺", "缺", "本月应开"]
    assert grid.rows[0].cells[0].state == CellState.MISSING  # Q1 overlaps the founding


def test_past_and_future_years() -> None:
    past = year_grid(2025, D(2026, 5, 15), DEFAULT, True, [], {})
    assert {c.state for row in past.rows for c in row.cells} == {CellState.MISSING}
    future = year_grid(2027, D(2026, 5, 15), DEFAULT, True, [], {})
    assert {c.state for row in future.rows for c in row.cells} == {CellState.NOT_YET}


def _due(
    today: dt.date,
    held: HeldDates,
    *,
    has_committee: bool = True,
    groups: list[tuple[int, str]] | None = None,
    settings: MeetingSettings = DEFAULT,
) -> dict[tuple[str, str], tuple[dt.date, bool]]:
    items = due_meetings(today, settings, has_committee, groups or [], held)
    return {(i.kind.value, i.period.label): (i.due, i.overdue) for i in items}


HELD_TO_JANUARY: HeldDates = {
    ("general_meeting", None): [D(2025, 12, 1), D(2026, 1, 10)],
    ("committee_meeting", None): [D(2025, 12, 1), D(2026, 1, 10)],
    ("party_lecture", None): [D(2025, 12, 1), D(2026, 1, 20)],
    ("theme_day", None): [D(2025, 12, 1), D(2026, 1, 10)],
    ("life_meeting", None): [D(2025, 12, 1)],
    ("member_appraisal", None): [D(2025, 12, 1)],
}


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # 31 Jan: January's monthly meetings were held, nothing due in January
        (
            D(2026, 1, 31),
            {
                ("life_meeting", "2026年"): (D(2026, 12, 31), False),
                ("member_appraisal", "2026年"): (D(2026, 12, 31), False),
            },
        ),
        # 1 Feb: February is due (28 Feb), January was held
        (
            D(2026, 2, 1),
            {
                ("committee_meeting", "2026年2月"): (D(2026, 2, 28), False),
                ("theme_day", "2026年2月"): (D(2026, 2, 28), False),
                ("life_meeting", "2026年"): (D(2026, 12, 31), False),
                ("member_appraisal", "2026年"): (D(2026, 12, 31), False),
            },
        ),
        # 31 Mar: March due today, not yet overdue; February was missed
        (
            D(2026, 3, 31),
            {
                ("committee_meeting", "2026年2月"): (D(2026, 2, 28), True),
                ("theme_day", "2026年2月"): (D(2026, 2, 28), True),
                ("committee_meeting", "2026年3月"): (D(2026, 3, 31), False),
                ("theme_day", "2026年3月"): (D(2026, 3, 31), False),
                ("life_meeting", "2026年"): (D(2026, 12, 31), False),
                ("member_appraisal", "2026年"): (D(2026, 12, 31), False),
            },
        ),
        # 1 Apr: March missed (overdue); Q2 and April due
        (
            D(2026, 4, 1),
            {
                ("committee_meeting", "2026年3月"): (D(2026, 3, 31), True),
                ("theme_day", "2026年3月"): (D(2026, 3, 31), True),
                ("committee_meeting", "2026年4月"): (D(2026, 4, 30), False),
                ("theme_day", "2026年4月"): (D(2026, 4, 30), False),
                ("general_meeting", "2026年第二季度"): (D(2026, 6, 30), False),
                ("party_lecture", "2026年第二季度"): (D(2026, 6, 30), False),
                ("life_meeting", "2026年"): (D(2026, 12, 31), False),
                ("member_appraisal", "2026年"): (D(2026, 12, 31), False),
            },
        ),
        # 1 Jan 2027: the whole of 2026 yearly meetings are overdue; only one period back
        (
            D(2027, 1, 1),
            {
                ("committee_meeting", "2026年12月"): (D(2026, 12, 31), True),
                ("theme_day", "2026年12月"): (D(2026, 12, 31), True),
                ("committee_meeting", "2027年1月"): (D(2027, 1, 31), False),
                ("theme_day", "2027年1月"): (D(2027, 1, 31), False),
                ("general_meeting", "2026年第四季度"): (D(2026, 12, 31), True),
                ("party_lecture", "2026年第四季度"): (D(2026, 12, 31), True),
                ("general_meeting", "2027年第一季度"): (D(2027, 3, 31), False),
                ("party_lecture", "2027年第一季度"): (D(2027, 3, 31), False),
                ("life_meeting", "2026年"): (D(2026, 12, 31), True),
                ("member_appraisal", "2026年"): (D(2026, 12, 31), True),
                ("life_meeting", "2027年"): (D(2027, 12, 31), False),
                ("member_appraisal", "2027年"): (D(2027, 12, 31), False),
            },
        ),
    ],
)
def test_due_meetings_across_period_ends(
    today: dt.date, expected: dict[tuple[str, str], tuple[dt.date, bool]]
) -> None:
    assert _due(today, HELD_TO_JANUARY) == expected


def test_due_in_leap_february() -> None:
    held: HeldDates = {("theme_day", None): [D(2028, 1, 31)]}
    items = due_meetings(D(2028, 2, 29), DEFAULT, False, [], held)
    theme = [i for i in items if i.kind == MeetingKind.THEME_DAY]
    assert [(i.due, i.overdue) for i in theme] == [(D(2028, 2, 29), False)]
    assert theme[0].message == "本月应开展主题党日：2028年2月尚未开展，请于2028年2月29日前开展"
    assert "第十六条" in theme[0].rule


def test_group_meetings_are_due_per_group_with_messages() -> None:
    held: HeldDates = {
        ("group_meeting", 11): [D(2026, 2, 3), D(2026, 3, 3)],
        ("group_meeting", 12): [],
    }
    items = due_meetings(D(2026, 3, 5), DEFAULT, False, GROUPS, held)
    groups = [i for i in items if i.kind == MeetingKind.GROUP_MEETING]
    assert [(i.group, i.period.label, i.overdue) for i in groups] == [
        (Group(12, "第二党小组"), "2026年2月", True),
        (Group(12, "第二党小组"), "2026年3月", False),
    ]
    overdue = groups[0]
    assert overdue.message == ("2026年2月未召开党小组会（第二党小组）（应每月至少召开1次），已逾期")
    assert overdue.due == D(2026, 2, 28)
    assert "第十三条" in overdue.rule
    # sorted by due date
    assert [i.due for i in items] == sorted(i.due for i in items)


def test_no_committee_no_committee_items() -> None:
    items = due_meetings(D(2026, 4, 1), DEFAULT, False, [], {})
    assert MeetingKind.COMMITTEE_MEETING not in {i.kind for i in items}


def test_since_suppresses_periods_before_founding() -> None:
    items = due_meetings(D(2026, 4, 1), DEFAULT, True, [], {}, since=D(2026, 4, 1))
    assert all(not i.overdue for i in items)
    assert {i.period.label for i in items} >= {"2026年4月", "2026年第二季度", "2026年"}


def test_settings_round_trip_with_monthly_lecture() -> None:
    settings = MeetingSettings().with_frequency(MeetingKind.PARTY_LECTURE, Frequency.MONTHLY)
    stored = settings.to_settings()
    assert stored == {"meeting_frequency.party_lecture": "monthly"}
    back = MeetingSettings.from_settings({**stored, "committee_term_years": "3"})
    assert back == settings
    assert back.frequency(MeetingKind.PARTY_LECTURE) == Frequency.MONTHLY
    assert back.frequency(MeetingKind.GENERAL_MEETING) == Frequency.QUARTERLY

    grid = year_grid(2026, D(2026, 2, 10), back, False, [], {})
    lecture = next(r for r in grid.rows if r.requirement.kind == MeetingKind.PARTY_LECTURE)
    assert len(lecture.cells) == 12 and lecture.cells[1].text == "本月应开"
    assert "本单位设置：党课每月至少1次" in lecture.requirement.rule
    items = due_meetings(D(2026, 2, 10), back, False, [], {})
    lecture_items = [i for i in items if i.kind == MeetingKind.PARTY_LECTURE]
    assert [(i.period.label, i.overdue) for i in lecture_items] == [
        ("2026年1月", True),
        ("2026年2月", False),
    ]


def test_empty_settings_are_the_defaults() -> None:
    assert MeetingSettings.from_settings({}) == MeetingSettings()
    assert dict(MeetingSettings().frequencies) == dict(DEFAULT_FREQUENCIES)


@pytest.mark.parametrize(
    ("stored", "key", "words"),
    [
        ({"meeting_frequency.party_lecture": "weekly"}, "meeting_frequency.party_lecture", "无效"),
        ({"meeting_frequency.banquet": "monthly"}, "meeting_frequency.banquet", "没有"),
        (
            {"meeting_frequency.committee_meeting": "yearly"},
            "meeting_frequency.committee_meeting",
            "不能修改",
        ),
        ({"meeting_frequency.other": "monthly"}, "meeting_frequency.other", "不是必须"),
    ],
)
def test_bad_settings_are_rejected_with_a_message(
    stored: dict[str, str], key: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        MeetingSettings.from_settings(stored)
    assert key in caught.value.errors and words in caught.value.errors[key]

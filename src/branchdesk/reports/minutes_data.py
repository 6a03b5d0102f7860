"""What a printed meeting record (会议记录) and a year's minutes book hold, ready to lay out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VoteLine:
    """A vote on an agenda item, with the quorum and majority as the regulations state them."""

    subject: str  # e.g. "接收张三为预备党员"
    method: str  # 举手 / 无记名投票
    entitled: int  # members entitled to vote (正式党员)
    present: int  # of them present
    written: int  # written votes handed in before the meeting
    yes: int
    against: int
    abstain: int
    quorum_text: str  # e.g. "应到有表决权的正式党员 10 人，实到 8 人，超过半数，符合规定"
    result_text: str  # e.g. "赞成 8 票，超过应到会有表决权的正式党员半数，通过"
    passed: bool


@dataclass(frozen=True)
class AgendaBlock:
    """One agenda item (议题): what was discussed, resolved and, if so, voted."""

    title: str
    discussion: str
    resolution: str
    votes: tuple[VoteLine, ...] = ()


@dataclass(frozen=True)
class MinutesData:
    """One meeting record (会议记录) as printed; an empty value prints as 无."""

    number: str  # the record's number within the book, e.g. "2026-07"
    kind: str  # 支部党员大会, 支部委员会会议, 党小组会, 党课, 主题党日 …
    organisation: str  # the branch (or group) that met
    title: str  # the topic line shown in the contents
    date: str  # e.g. "2026年3月12日"
    time: str  # e.g. "14:30—16:00"
    place: str
    host: str  # 主持人
    recorder: str  # 记录人
    speaker: str  # 授课人 (党课)
    topic: str  # 党课题目 / 主题
    expected: str  # 应到: "12 人"
    present: str  # 实到: "10 人：张三、李四……"
    absent: str  # 缺席人员及原因: "王五（病假）、赵六（出差）"
    guests: str  # 列席
    agenda: tuple[AgendaBlock, ...]
    discussion: str  # 讨论情况 (overall)
    resolutions: str  # 决议
    attachments: tuple[str, ...] = ()  # e.g. "签到表照片（扫描件，SHA-256 1a2b…）"
    version_note: str = ""  # e.g. "第 2 版（更正）：更正了实到人数；原记录第 1 版保留"
    quorum_note: str = ""  # e.g. a meeting that fails the quorum and so could pass nothing


@dataclass(frozen=True)
class MinutesBook:
    """A branch's minutes of one year: cover, contents, every meeting in date order."""

    organisation: str
    committee: str
    year: int
    meetings: tuple[MinutesData, ...]
    printed_on: str = ""

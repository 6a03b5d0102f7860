"""Meeting records built by hand for the minutes tests: a branch's year in four meetings."""

from __future__ import annotations

from dataclasses import replace

from branchdesk.reports.minutes_data import AgendaBlock, MinutesBook, MinutesData, VoteLine

BRANCH = "中共示例县公安局机关第一党支部"
COMMITTEE = "中共示例县公安局委员会"
SECRETARY = "王堃"
RECORDER = "刘玥"
PASSED = "李明"
FAILED = "赵昇"
LECTURER = "陈燚"
LECTURE_TOPIC = "学习贯彻《中国共产党支部工作条例（试行）》"

_QUORUM = "应到会有表决权的正式党员 10 人，实到 8 人，超过半数，符合规定"


def admission_vote(name: str, yes: int, against: int, abstain: int) -> VoteLine:
    """A secret ballot on admitting ``name`` as a probationary member (10 entitled, 8 there)."""
    passed = yes * 2 > 10
    verdict = "超过" if passed else "未超过"
    return VoteLine(
        subject=f"接收{name}为预备党员",
        method="无记名投票",
        entitled=10,
        present=8,
        written=1,
        yes=yes,
        against=against,
        abstain=abstain,
        quorum_text=_QUORUM,
        result_text=(
            f"赞成 {yes} 票，{verdict}应到会有表决权的正式党员半数，"
            + ("通过" if passed else "未通过")
        ),
        passed=passed,
    )


def general_meeting(discussion_repeats: int = 1) -> MinutesData:
    """支部党员大会 of 12 March: the admission of two candidates, one passes, one fails."""
    votes = (admission_vote(PASSED, 7, 1, 0), admission_vote(FAILED, 4, 3, 1))
    return MinutesData(
        number="2026-03",
        kind="支部党员大会",
        organisation=BRANCH,
        title=f"讨论接收{PASSED}、{FAILED}为预备党员",
        date="2026年3月12日",
        time="14:30—16:10",
        place="局机关三楼会议室",
        host=SECRETARY,
        recorder=RECORDER,
        speaker="",
        topic="",
        expected="12 人（其中有表决权的正式党员 10 人）",
        present=f"10 人：{SECRETARY}、{RECORDER}、张伟、孙丽、周强、吴敏、郑军、冯雪、"
        "褚红、卫东（预备党员）",
        absent="蒋平（病假）、沈涛（外出培训）",
        guests=f"{PASSED}、{FAILED}（发展对象），入党介绍人何勇、吕娜",
        agenda=(
            AgendaBlock(
                title=f"讨论接收{PASSED}、{FAILED}为预备党员",
                discussion=(
                    f"发展对象{PASSED}、{FAILED}分别汇报了对党的认识、入党动机和本人履历；"
                    "入党介绍人介绍了发展对象的情况；支部委员会报告了政治审查和集中培训情况。"
                    "与会党员进行了充分讨论，认为李明同志理想信念坚定，工作积极主动，"
                    "群众基础好；对赵昇同志，部分党员认为其联系群众不够，还需继续培养考察。"
                ) * discussion_repeats,
                resolution=f"同意接收{PASSED}为预备党员，报上级党委审批；"
                f"{FAILED}未获通过，继续作为发展对象培养考察。",
                votes=votes,
            ),
        ),
        discussion="与会党员一致表示要严格标准、严格程序，保证发展党员质量。",
        resolutions=f"接收{PASSED}为中共预备党员，报{COMMITTEE}审批。",
        attachments=("签到表（扫描件，SHA-256 1a2b3c4d）", "表决票统计表（扫描件）"),
    )


def lecture() -> MinutesData:
    """党课 of 25 April given by 陈燚."""
    return MinutesData(
        number="2026-05",
        kind="党课",
        organisation=BRANCH,
        title=LECTURE_TOPIC,
        date="2026年4月25日",
        time="9:00—10:30",
        place="局机关党员活动室",
        host=SECRETARY,
        recorder=RECORDER,
        speaker=f"{LECTURER}（党支部书记）",
        topic=LECTURE_TOPIC,
        expected="12 人",
        present="11 人",
        absent="沈涛（出差）",
        guests="",
        agenda=(
            AgendaBlock(
                title="党课：" + LECTURE_TOPIC,
                discussion="授课人结合本支部实际，讲解了支部的基本任务和组织生活制度。",
                resolution="",
            ),
        ),
        discussion="党员交流了学习体会。",
        resolutions="",
    )


def committee_meeting() -> MinutesData:
    """支部委员会会议 of 6 May: the month's work, no vote."""
    return MinutesData(
        number="2026-06",
        kind="支部委员会会议",
        organisation=BRANCH,
        title="研究五月份党建工作安排",
        date="2026年5月6日",
        time="16:00—17:00",
        place="书记办公室",
        host=SECRETARY,
        recorder=RECORDER,
        speaker="",
        topic="",
        expected="5 人",
        present=f"5 人：{SECRETARY}、{RECORDER}、张伟、孙丽、周强",
        absent="",
        guests="",
        agenda=(
            AgendaBlock(
                title="研究五月份主题党日活动安排",
                discussion="委员们讨论了主题党日的时间、地点和内容。",
                resolution="5月20日组织党员到县革命纪念馆开展主题党日活动。",
            ),
            AgendaBlock(
                title="研究党费收缴情况",
                discussion="组织委员通报了一至四月党费收缴情况。",
                resolution="按时收缴，五月底前向上级党委报送。",
            ),
        ),
        discussion="",
        resolutions="",
    )


def corrected(data: MinutesData) -> MinutesData:
    """``data`` as its second, corrected version."""
    return replace(
        data,
        present=f"5 人：{SECRETARY}、{RECORDER}、张伟、孙丽、周强",
        version_note="第 2 版（更正）：更正了实到人员名单；原记录第 1 版保留",
    )


def sample_book(general_repeats: int = 1) -> MinutesBook:
    """The branch's minutes of 2026: four meetings in date order."""
    return MinutesBook(
        organisation=BRANCH,
        committee=COMMITTEE,
        year=2026,
        meetings=(
            general_meeting(general_repeats),
            lecture(),
            corrected(committee_meeting()),
            replace(committee_meeting(), number="2026-08", date="2026年6月3日",
                    title="研究六月份党建工作安排"),
        ),
        printed_on="2026年11月26日",
    )

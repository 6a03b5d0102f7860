"""The rulebooks as data: the 2014 细则 and its 2026 revision, and which is in force on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchdesk.core.rulebook.model import (
    CANCEL,
    CONVERSION_OUTCOMES,
    EXTEND,
    VOTE_METHODS,
    BranchVote,
    Constraint,
    DateOrder,
    Deadline,
    Extension,
    FieldKind,
    FieldSpec,
    MaterialsComplete,
    MinimumAge,
    MinimumWait,
    PeopleDiscipline,
    PeopleSpec,
    PeriodicReview,
    ProbationOver,
    Publicity,
    RequiredDetail,
    Rulebook,
    StepRule,
    Tally,
    TrainingMinimum,
)
from branchdesk.core.vocab import Stage

TITLE = "《中国共产党发展党员工作细则》"
CONSTITUTION = "《中国共产党章程》"

STAGE_NAMES = {
    1: "申请入党",
    2: "入党积极分子的确定和培养教育",
    3: "发展对象的确定和考察",
    4: "预备党员的接收",
    5: "预备党员的教育考察和转正",
}

#: the materials of a development file (§36 of 2026, §37 of 2014, and common local checklists)
MATERIALS = (
    "入党申请书",
    "谈话记录",
    "推荐材料",
    "入党积极分子培养考察登记表",
    "思想汇报",
    "自传",
    "发展对象公示材料",
    "政审材料",
    "集中培训结业证书",
    "入党志愿书",
    "支部大会记录",
    "上级党委谈话记录",
    "审批意见",
    "入党宣誓记录",
    "预备党员教育考察登记表",
    "转正申请书",
    "转正材料",
)

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1–99 in Chinese numerals as articles are numbered: 十三, 二十, 四十二."""
    if not 1 <= n <= 99:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


def article(n: int, title: str = TITLE) -> str:
    """The citation of article ``n``: 《中国共产党发展党员工作细则》第十三条."""
    return f"{title}第{chinese_number(n)}条"


@dataclass(frozen=True)
class _Articles:
    """Article numbers of one version of the 细则, by the rule they carry."""

    age: int
    talk: int
    activist: int
    contacts: int
    review: int
    candidate: int
    sponsors: int
    political: int
    training: int
    prereview: int
    booklet: int
    quorum: int
    majority: int
    approver: int
    committee_talk: int
    approval: int
    probation: int
    conversion_quorum: int
    conversion_majority: int
    conversion_approval: int
    archive: int


# Numbers of the 2014 text (中办发〔2014〕33号) checked against published copies of it:
# §5 age, §7 talk, §8 activists, §11 half-yearly review, §13 candidates, §14 sponsors,
# §16 political review, §17 training, §19 pre-review (and issue of the 入党志愿书),
# §20 quorum, §21 majority and secret ballot, §32 probation and extension, §33 conversion
# procedure ("对到会人数、赞成人数等要求与讨论接收预备党员的支部大会相同"),
# §34 approval of conversion, §37 archiving.
# From §18 on, the 2014 numbers run one ahead of the 2026 ones that domain.md gives.
# UNCERTAIN: the approver (§22), the committee's talk (§23) and the 3-month approval limit
# (§25) are cited as domain.md numbers them; in the 2014 text they are probably §23, §24
# and §26, but that was not verified.
ARTICLES_2014 = _Articles(
    age=5,
    talk=7,
    activist=8,
    contacts=9,
    review=11,
    candidate=13,
    sponsors=14,
    political=16,
    training=17,
    prereview=19,
    booklet=19,
    quorum=20,
    majority=21,
    approver=22,
    committee_talk=23,
    approval=25,
    probation=32,
    conversion_quorum=33,
    conversion_majority=33,
    conversion_approval=34,
    archive=37,
)

# Numbers of the 2026 revision as domain.md gives them. UNCERTAIN: domain.md cites no article
# for the pre-review (steps 12–13); §18 is inferred from the one-article shift against 2014.
ARTICLES_2026 = _Articles(
    age=5,
    talk=7,
    activist=8,
    contacts=9,
    review=11,
    candidate=13,
    sponsors=14,
    political=16,
    training=17,
    prereview=18,
    booklet=42,
    quorum=19,
    majority=20,
    approver=22,
    committee_talk=23,
    approval=25,
    probation=31,
    conversion_quorum=19,
    conversion_majority=20,
    conversion_approval=33,
    archive=36,
)
OATH_2026 = 29


def _f(key: str, label: str, kind: FieldKind = FieldKind.TEXT, **extra: object) -> FieldSpec:
    return FieldSpec(key, label, kind, **extra)  # type: ignore[arg-type]


_M = FieldKind.MULTILINE
_I = FieldKind.INT
_D = FieldKind.DATE


def _half_yearly_fields() -> tuple[FieldSpec, ...]:
    return (
        _f("period_start", "考察期自", _D, required=True),
        _f("period_end", "考察期至", _D, required=True),
        _f("study", "政治理论学习情况", _M),
        _f("activities", "参加党内活动情况", _M),
        _f("work", "完成分配工作情况", _M),
        _f("talks", "谈心谈话情况", _M),
        _f("contact_opinion", "培养联系人意见", _M),
        _f("group_opinion", "党小组意见", _M),
        _f("branch_opinion", "党支部意见", _M),
    )


def _vote_fields() -> tuple[FieldSpec, ...]:
    return (
        _f("entitled", "应到会有表决权的正式党员人数", _I, required=True),
        _f("present", "实到会有表决权的正式党员人数", _I, required=True),
        _f("written_votes", "会前提交书面意见人数", _I),
        _f("yes", "赞成票", _I, required=True),
        _f("against", "反对票", _I),
        _f("abstain", "弃权票", _I),
        _f("method", "表决方式", FieldKind.CHOICE, choices=VOTE_METHODS, required=True),
        _f("resolution", "支部大会决议", _M),
    )


def _approval_fields() -> tuple[FieldSpec, ...]:
    return (
        _f("sent_on", "报批日期", _D),
        _f("committee_meeting_date", "党委会议日期", _D),
        _f("members_present", "到会党委委员人数", _I),
        _f("vote", "表决情况", FieldKind.TEXT),
        _f("opinion", "审批意见", _M),
        _f("committee", "审批党委", FieldKind.TEXT),
        _f("signer", "党委书记签名", FieldKind.TEXT),
    )


def _appraisal_fields() -> tuple[FieldSpec, ...]:
    votes = (("excellent", "优秀"), ("fair", "一般"), ("poor", "差"), ("abstain", "弃权"))
    return (
        _f("appraisal_date", "征求意见日期", _D),
        _f("members_taking_part", "参加的党员人数", _I),
        *(_f(f"member_{key}", f"党员评议{label}票", _I) for key, label in votes),
        _f("non_members_taking_part", "参加的群众人数", _I),
        *(_f(f"nonmember_{key}", f"群众评议{label}票", _I) for key, label in votes),
        _f("contact_opinion", "培养联系人意见", _M),
        _f("group_opinion", "党小组意见", _M),
        _f("meeting_date", "支部委员会会议日期", _D),
        _f("due", "应到人数", _I),
        _f("present", "实到人数", _I),
        _f("result", "会议结果", FieldKind.TEXT),
    )


def _steps(a: _Articles, revised_2026: bool) -> tuple[StepRule, ...]:
    def art(n: int) -> str:
        return article(n)

    def step(
        number: int,
        stage: int,
        name: str,
        decided_by: str,
        cite: str,
        fields: tuple[FieldSpec, ...] = (),
        constraints: tuple[Constraint, ...] = (),
        **extra: object,
    ) -> StepRule:
        return StepRule(
            number,
            stage,
            STAGE_NAMES[stage],
            name,
            decided_by,
            cite,
            fields,
            constraints=constraints,
            **extra,  # type: ignore[arg-type]
        )

    vote_tally = (Tally("entitled", ("present",)),)
    if revised_2026:
        step8 = step(
            8,
            3,
            "报上级党委同意并公示",
            "上级党委",
            art(a.candidate),
            (
                _f("approval_date", "上级党委同意日期", _D, required=True),
                _f("committee", "上级党委", FieldKind.TEXT),
                _f("approval_opinion", "上级党委意见", _M),
                _f("publicity_start", "公示开始日期", _D, required=True),
                _f("publicity_end", "公示结束日期", _D, required=True),
                _f("feedback", "公示反馈及核实情况", _M),
            ),
            (
                DateOrder("approval_date", "publicity_start"),
                DateOrder("publicity_start", "publicity_end"),
                Publicity("publicity_start", "publicity_end", "approval_date", 5, art(a.candidate)),
            ),
        )
        admission_deadline: tuple[Constraint, ...] = (
            Deadline(
                13,
                1,
                "基层党委预审合格后，党支部应当在一个月内召开支部大会讨论接收预备党员",
                art(a.quorum),
                "admission_meeting_due",
            ),
        )
        oath_deadline: tuple[Constraint, ...] = (
            Deadline(
                17,
                1,
                "预备党员应当在上级党委批准后一个月内进行入党宣誓",
                art(OATH_2026),
                "oath_due",
            ),
        )
        oath_article = art(OATH_2026)
        warned: tuple[str, ...] = ("警告", "严重警告", "撤销党内职务")
    else:
        step8 = step(
            8,
            3,
            "报上级党委备案",
            "上级党委",
            art(a.candidate),
            (
                _f("filed_on", "报送备案日期", _D),
                _f("committee", "上级党委", FieldKind.TEXT),
                _f("opinion", "上级党委意见", _M),
            ),
        )
        admission_deadline = ()
        oath_deadline = ()
        # the 2014 text's article on the oath was not verified: cite the Party Constitution
        oath_article = article(6, CONSTITUTION)
        warned = ()

    return (
        step(
            1,
            1,
            "递交入党申请书",
            "入党申请人",
            art(a.age),
            (
                _f("receiving_org", "接收申请的党组织"),
                _f("summary", "申请书主要内容", _M),
            ),
            (MinimumAge(18, art(a.age)),),
        ),
        step(
            2,
            1,
            "党组织派人谈话",
            "党组织",
            art(a.talk),
            (
                _f("talker", "谈话人"),
                _f("talker_post", "谈话人职务"),
                _f("place", "谈话地点"),
                _f("content", "谈话主要内容", _M),
            ),
            (
                Deadline(
                    1,
                    1,
                    "党组织应当在收到入党申请书后一个月内派人同入党申请人谈话",
                    art(a.talk),
                    "application_talk",
                ),
            ),
        ),
        step(
            3,
            2,
            "推荐和确定入党积极分子",
            "支部委员会（不设支部委员会的由支部大会）",
            art(a.activist),
            (
                _f(
                    "recommend_method",
                    "推荐方式",
                    FieldKind.CHOICE,
                    choices=("党员推荐", "群团组织推优"),
                    required=True,
                ),
                _f("recommenders", "推荐党员人数", _I),
                _f("recommend_share", "占支部党员比例"),
                _f("recommending_org", "推优的群团组织"),
                _f("meeting_date", "研究决定的会议日期", _D),
                _f("due", "应到人数", _I),
                _f("present", "实到人数", _I),
                _f("result", "会议结果"),
                _f("publicity_start", "公示开始日期", _D),
                _f("publicity_end", "公示结束日期", _D),
                _f("feedback", "公示反馈及核实情况", _M),
                _f("secretary", "支部书记签名"),
            ),
            (Tally("due", ("present",)), DateOrder("publicity_start", "publicity_end")),
            sets_stage=Stage.ACTIVIST,
        ),
        step(
            4,
            2,
            "上级党委备案",
            "上级党委",
            art(a.activist),
            (
                _f("filed_on", "报送备案日期", _D),
                _f("committee", "上级党委"),
                _f("opinion", "上级党委意见", _M),
                _f("signer", "党委书记签名"),
            ),
        ),
        step(
            5,
            2,
            "指定培养联系人",
            "党支部",
            art(a.contacts),
            people=PeopleSpec("contact", "培养联系人", 1, 2, True),
        ),
        step(
            6,
            2,
            "培养教育考察",
            "党支部",
            art(a.review),
            _half_yearly_fields(),
            (
                DateOrder("period_start", "period_end"),
                PeriodicReview(
                    3,
                    7,
                    6,
                    "党支部每半年对入党积极分子进行一次考察",
                    art(a.review),
                    "activist_review",
                ),
            ),
            repeatable=True,
            repeatable_until=7,
        ),
        step(
            7,
            3,
            "确定发展对象",
            "支部委员会（不设支部委员会的由支部大会）",
            art(a.candidate),
            _appraisal_fields(),
            (
                MinimumWait(
                    3,
                    12,
                    "确定为发展对象须在确定为入党积极分子一年以后",
                    art(a.candidate),
                    "candidate_eligible",
                ),
                Tally(
                    "members_taking_part",
                    ("member_excellent", "member_fair", "member_poor", "member_abstain"),
                ),
                Tally(
                    "non_members_taking_part",
                    (
                        "nonmember_excellent",
                        "nonmember_fair",
                        "nonmember_poor",
                        "nonmember_abstain",
                    ),
                ),
                Tally("due", ("present",)),
            ),
            sets_stage=Stage.CANDIDATE,
        ),
        step8,
        step(
            9,
            3,
            "确定入党介绍人",
            "党支部",
            art(a.sponsors),
            people=PeopleSpec("sponsor", "入党介绍人", 2, 2, True),
            constraints=(PeopleDiscipline(("留党察看",), warned, art(a.sponsors)),),
        ),
        step(
            10,
            3,
            "进行政治审查",
            "党组织",
            art(a.political),
            (
                _f("reviewer", "审查人"),
                _f("review_date", "审查日期", _D),
                _f("method", "审查方式"),
                _f("attitude", "对党的理论和路线、方针、政策的态度", _M),
                _f("political_history", "政治历史和在重大政治斗争中的表现", _M),
                _f("law_abiding", "遵纪守法和遵守社会公德情况", _M),
                _f("relatives", "直系亲属和主要社会关系的政治情况", _M),
                _f("other", "其他需要说明的情况", _M),
                _f("conclusion", "政治审查结论", _M, required=True),
                _f("reviewing_org", "审查单位"),
                _f("signer", "负责人签名"),
            ),
            (
                RequiredDetail(
                    "conclusion",
                    "政治审查必须形成结论性材料，未经政治审查的不能发展入党",
                    art(a.political),
                ),
            ),
        ),
        step(
            11,
            3,
            "开展集中培训",
            "基层党委或县级党委组织部门",
            art(a.training),
            (
                _f("start", "培训开始日期", _D, required=True),
                _f("end", "培训结束日期", _D, required=True),
                _f("hours", "培训学时", FieldKind.HOURS),
                _f("certificate_no", "结业证书编号"),
                _f("organiser", "培训单位"),
            ),
            (
                DateOrder("start", "end"),
                TrainingMinimum("start", "end", "hours", 3, 24, art(a.training)),
            ),
        ),
        step(
            12,
            4,
            "支部委员会审查",
            "支部委员会",
            art(a.prereview),
            (
                _f("meeting_date", "支部委员会会议日期", _D),
                _f("opinion", "审查意见", _M),
                _f("result", "审查结果"),
            ),
        ),
        step(
            13,
            4,
            "上级党委预审",
            "基层党委",
            art(a.prereview),
            (
                _f("sent_on", "报送预审日期", _D),
                _f("discipline_opinion", "执纪执法等部门意见", _M),
                _f("opinion", "预审意见", _M),
                _f("committee", "预审党委"),
                _f("signer", "党委书记签名"),
            ),
        ),
        step(
            14,
            4,
            "填写入党志愿书",
            "发展对象",
            art(a.booklet),
            (_f("booklet_serial", "入党志愿书编号", required=True),),
        ),
        step(
            15,
            4,
            "支部大会讨论接收预备党员",
            "支部大会",
            art(a.quorum),
            _vote_fields(),
            (
                *admission_deadline,
                *vote_tally,
                BranchVote(art(a.quorum), art(a.majority), True, art(a.majority)),
            ),
        ),
        step(
            16,
            4,
            "上级党委派人谈话",
            "上级党委（党委委员或组织员）",
            art(a.committee_talk),
            (
                _f("talker", "谈话人"),
                _f("talker_post", "谈话人职务"),
                _f("place", "谈话地点"),
                _f("opinion", "谈话情况和意见", _M),
            ),
        ),
        step(
            17,
            4,
            "上级党委审批",
            "上级党委",
            art(a.approver),
            _approval_fields(),
            (
                Deadline(
                    15,
                    3,
                    "上级党委应当在支部大会通过后三个月内审批，特殊情况不得超过六个月",
                    art(a.approval),
                    "approval_overdue",
                    remind_early=False,
                    hard_months=6,
                ),
            ),
            sets_stage=Stage.PROBATIONARY,
        ),
        step(
            18,
            4,
            "再上一级党委组织部门备案",
            "上级党委",
            art(a.approval),
            (
                _f("filed_with", "备案的组织部门"),
                _f("filed_on", "备案日期", _D),
            ),
        ),
        step(
            19,
            5,
            "编入党支部和党小组",
            "党支部",
            article(8, CONSTITUTION),
            (_f("branch", "编入的党支部"), _f("group", "编入的党小组")),
        ),
        step(
            20,
            5,
            "入党宣誓",
            "党支部（基层党委）",
            oath_article,
            (_f("place", "宣誓地点"), _f("led_by", "领誓人")),
            oath_deadline,
        ),
        step(
            21,
            5,
            "继续教育考察",
            "党支部",
            article(7, CONSTITUTION),
            _half_yearly_fields(),
            (DateOrder("period_start", "period_end"),),
            repeatable=True,
            repeatable_until=23,
        ),
        step(
            22,
            5,
            "提出转正申请",
            "预备党员",
            art(a.probation),
            (_f("summary", "转正申请主要内容", _M),),
        ),
        step(
            23,
            5,
            "支部大会讨论转正",
            "支部大会",
            art(a.probation),
            (
                _f(
                    "outcome",
                    "表决结果",
                    FieldKind.CHOICE,
                    choices=CONVERSION_OUTCOMES,
                    required=True,
                ),
                _f("extension_months", "延长预备期（月）", _I),
                _f("group_opinion", "党小组意见", _M),
                _f("public_opinion", "党员和群众意见", _M),
                _f("committee_review", "支部委员会审查意见", _M),
                *_vote_fields(),
            ),
            (
                ProbationOver(
                    15,
                    17,
                    "讨论预备党员转正须在预备期满以后",
                    art(a.probation),
                    (CANCEL,),
                    "probation_ending",
                    "probation_ended",
                ),
                Extension(EXTEND, 6, 12, art(a.probation)),
                *vote_tally,
                BranchVote(art(a.conversion_quorum), art(a.conversion_majority)),
            ),
        ),
        step(
            24,
            5,
            "上级党委审批转正",
            "上级党委",
            art(a.conversion_approval),
            _approval_fields(),
            (
                Deadline(
                    23,
                    3,
                    "上级党委应当在支部大会讨论转正后三个月内审批，特殊情况不得超过六个月",
                    art(a.conversion_approval),
                    "approval_overdue",
                    remind_early=False,
                    hard_months=6,
                ),
            ),
            sets_stage=Stage.FULL,
        ),
        step(
            25,
            5,
            "材料归档",
            "党支部",
            art(a.archive),
            (
                _f("receiving_org", "接收单位"),
                _f("receiver", "接收人签名"),
                _f("received_on", "接收日期", _D),
                _f("materials", "归档材料", FieldKind.CHECKLIST, choices=MATERIALS, required=True),
            ),
            (MaterialsComplete("materials", MATERIALS, art(a.archive)),),
        ),
    )


RULEBOOK_2014 = Rulebook(
    version="2014",
    title=TITLE,
    # 中办发〔2014〕33号, issued by the General Office on 10 June 2014
    in_force_from=dt.date(2014, 6, 10),
    steps=_steps(ARTICLES_2014, revised_2026=False),
)

RULEBOOK_2026 = Rulebook(
    version="2026",
    title=TITLE,
    in_force_from=dt.date(2026, 5, 11),
    steps=_steps(ARTICLES_2026, revised_2026=True),
)

#: every rulebook, oldest first; a future revision is one more entry here
RULEBOOKS: tuple[Rulebook, ...] = (RULEBOOK_2014, RULEBOOK_2026)


def rulebook_on(day: dt.date) -> Rulebook:
    """The rulebook in force on ``day`` (the oldest one for days before it)."""
    chosen = RULEBOOKS[0]
    for book in RULEBOOKS:
        if book.in_force_from <= day:
            chosen = book
    return chosen

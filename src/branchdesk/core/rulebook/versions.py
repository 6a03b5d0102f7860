"""The rulebooks as data: the 2014 细则 and its 2026 revision, and which is in force on a date."""

from __future__ import annotations

import datetime as dt

from branchdesk.core.rulebook.citations import DEVELOPMENT_RULES, chinese_number, citation
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
    NotBeforeField,
    NotBeforeHistory,
    PeopleDiscipline,
    PeopleSpec,
    PeriodicReview,
    ProbationOver,
    Publicity,
    RefusedChoice,
    RequiredDetail,
    Rulebook,
    StatutoryMaterials,
    StepRule,
    Tally,
    TrainingMinimum,
)
from branchdesk.core.vocab import Stage

__all__ = ["chinese_number"]  # re-exported from citations for the modules that import it here

TITLE = DEVELOPMENT_RULES
#: the 2026 revision's first day (issued and in force 2026-05-11, §44)
REVISION_2026 = dt.date(2026, 5, 11)

STAGE_NAMES = {
    1: "申请入党",
    2: "入党积极分子的确定和培养教育",
    3: "发展对象的确定和考察",
    4: "预备党员的接收",
    5: "预备党员的教育考察和转正",
}

#: the record sheet (发展党员全程纪实表), kept permanently in the member's file
RECORD_SHEET = "发展党员全程纪实表"

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
    RECORD_SHEET,
)

#: the step by which each material is formed: before that step passed it is "尚未形成", not "缺"
MATERIAL_FORMED_AT: dict[str, int] = {
    "入党申请书": 1,
    "谈话记录": 2,
    "推荐材料": 3,
    "入党积极分子培养考察登记表": 6,
    "思想汇报": 6,
    "自传": 7,
    "发展对象公示材料": 8,
    "政审材料": 10,
    "集中培训结业证书": 11,
    "入党志愿书": 14,
    "支部大会记录": 15,
    "上级党委谈话记录": 16,
    "审批意见": 17,
    "入党宣誓记录": 20,
    "预备党员教育考察登记表": 21,
    "转正申请书": 22,
    "转正材料": 24,
    RECORD_SHEET: 1,
}

#: how a 2026 公示 ended (step 8); the last one bars the person from becoming 发展对象
PUBLICITY_BARS = "有反映，经核实影响发展"
PUBLICITY_RESULTS = ("无异议", "有反映，经核实不影响发展", PUBLICITY_BARS)

#: what the archive article lists (2014 §37): (the article's name, our material category)
ARCHIVE_ITEMS_2014: tuple[tuple[str, str], ...] = (
    ("入党志愿书", "入党志愿书"),
    ("入党申请书", "入党申请书"),
    ("政治审查材料", "政审材料"),
    ("转正申请书", "转正申请书"),
    ("培养教育考察材料", "入党积极分子培养考察登记表"),
)
# 2026 §36 lists six items: the five of 2014 and, UNCERTAIN, the record sheet (inferred from
# domain.md §2, "the record sheet is kept permanently"; the sixth item was not verified).
ARCHIVE_ITEMS_2026: tuple[tuple[str, str], ...] = (
    *ARCHIVE_ITEMS_2014,
    (RECORD_SHEET, RECORD_SHEET),
)

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


def _steps(version: str, revised_2026: bool) -> tuple[StepRule, ...]:
    def art(key: str) -> str:
        """Every article comes from citations.py, for this rulebook version."""
        return citation(key, version)

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
            art("candidate"),
            (
                _f("approval_date", "上级党委同意日期", _D, required=True),
                _f("committee", "上级党委", FieldKind.TEXT),
                _f("approval_opinion", "上级党委意见", _M),
                _f("publicity_start", "公示开始日期", _D, required=True),
                _f("publicity_end", "公示结束日期", _D, required=True),
                # a 流动人员 is publicised at the work/study place and at the home place
                _f("home_publicity_start", "居住地公示开始日期（流动人员）", _D),
                _f("home_publicity_end", "居住地公示结束日期（流动人员）", _D),
                _f(
                    "publicity_result",
                    "公示结果",
                    FieldKind.CHOICE,
                    choices=PUBLICITY_RESULTS,
                    required=True,
                ),
                _f("feedback", "公示反馈及核实情况", _M),
            ),
            (
                DateOrder("approval_date", "publicity_start"),
                DateOrder("publicity_start", "publicity_end"),
                DateOrder("approval_date", "home_publicity_start"),
                DateOrder("home_publicity_start", "home_publicity_end"),
                Publicity("publicity_start", "publicity_end", "approval_date", 5, art("candidate")),
                Publicity(
                    "home_publicity_start",
                    "home_publicity_end",
                    "approval_date",
                    5,
                    art("candidate"),
                    mobile_only=True,
                    label="居住地公示",
                ),
                RefusedChoice(
                    "publicity_result",
                    (PUBLICITY_BARS,),
                    "公示期间有反映、经核实影响发展的，不能确定为发展对象",
                    art("candidate"),
                ),
            ),
            sets_stage=Stage.CANDIDATE,
        )
        admission_deadline: tuple[Constraint, ...] = (
            Deadline(
                13,
                1,
                "基层党委预审合格后，党支部应当在一个月内召开支部大会讨论接收预备党员",
                art("admission_meeting_limit"),
                "admission_meeting_due",
                not_before=REVISION_2026,
            ),
        )
        oath_deadline: tuple[Constraint, ...] = (
            Deadline(
                17,
                1,
                "预备党员应当在上级党委批准后一个月内进行入党宣誓",
                art("oath_limit"),
                "oath_due",
                not_before=REVISION_2026,
            ),
        )
        oath_article = art("oath_limit")
        warned: tuple[str, ...] = ("警告", "严重警告", "撤销党内职务")
    else:
        step8 = step(
            8,
            3,
            "报上级党委备案",
            "上级党委",
            art("candidate"),
            (
                _f("filed_on", "报送备案日期", _D),
                _f("committee", "上级党委", FieldKind.TEXT),
                _f("opinion", "上级党委意见", _M),
            ),
            sets_stage=Stage.CANDIDATE,
        )
        admission_deadline = ()
        oath_deadline = ()
        # the 2014 text's article on the oath was not verified: cite the Party Constitution
        oath_article = citation("constitution_oath")
        warned = ()

    return (
        step(
            1,
            1,
            "递交入党申请书",
            "入党申请人",
            art("age"),
            (
                _f("receiving_org", "接收申请的党组织"),
                _f("summary", "申请书主要内容", _M),
            ),
            (MinimumAge(18, art("age")),),
        ),
        step(
            2,
            1,
            "党组织派人谈话",
            "党组织",
            art("application_talk"),
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
                    art("application_talk"),
                    "application_talk",
                ),
            ),
        ),
        step(
            3,
            2,
            "推荐和确定入党积极分子",
            "支部委员会（不设支部委员会的由支部大会）",
            art("activist"),
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
            art("activist"),
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
            art("contacts"),
            people=PeopleSpec("contact", "培养联系人", 1, 2, True),
        ),
        step(
            6,
            2,
            "培养教育考察",
            "党支部",
            art("half_yearly_review"),
            _half_yearly_fields(),
            (
                DateOrder("period_start", "period_end"),
                PeriodicReview(
                    3,
                    7,
                    6,
                    "党支部每半年对入党积极分子进行一次考察",
                    art("half_yearly_review"),
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
            art("candidate"),
            _appraisal_fields(),
            (
                MinimumWait(
                    3,
                    12,
                    "确定为发展对象须在确定为入党积极分子一年以后",
                    art("candidate"),
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
        ),
        step8,
        step(
            9,
            3,
            "确定入党介绍人",
            "党支部",
            art("sponsors"),
            people=PeopleSpec("sponsor", "入党介绍人", 2, 2, True),
            constraints=(PeopleDiscipline(("留党察看",), warned, art("sponsors")),),
        ),
        step(
            10,
            3,
            "进行政治审查",
            "党组织",
            art("political_review"),
            (
                _f("reviewer", "审查人"),
                _f("review_date", "审查日期", _D),
                _f("method", "审查方式"),
                _f("replies_date", "函调、外调材料回复日期", _D),
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
                    art("political_review"),
                ),
                NotBeforeField(
                    "replies_date",
                    "review_date",
                    "政治审查结论须在函调、外调材料回复之后形成",
                    art("political_review"),
                ),
            ),
        ),
        step(
            11,
            3,
            "开展集中培训",
            "基层党委或县级党委组织部门",
            art("training"),
            (
                _f("start", "培训开始日期", _D, required=True),
                _f("end", "培训结束日期", _D, required=True),
                _f("hours", "培训学时", FieldKind.HOURS),
                _f("certificate_no", "结业证书编号"),
                _f("organiser", "培训单位"),
            ),
            (
                DateOrder("start", "end"),
                TrainingMinimum("start", "end", "hours", 3, 24, art("training")),
            ),
        ),
        step(
            12,
            4,
            "支部委员会审查",
            "支部委员会",
            art("prereview"),
            (
                _f("meeting_date", "支部委员会会议日期", _D),
                _f("opinion", "审查意见", _M),
                _f("result", "审查结果"),
            ),
            (
                NotBeforeHistory(
                    "training_end",
                    "集中培训结束日期",
                    "支部委员会审查须在发展对象集中培训结束之后进行",
                    art("training"),
                ),
            ),
        ),
        step(
            13,
            4,
            "上级党委预审",
            "基层党委",
            art("prereview"),
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
            art("booklet"),
            (_f("booklet_serial", "入党志愿书编号", required=True),),
        ),
        step(
            15,
            4,
            "支部大会讨论接收预备党员",
            "支部大会",
            art("admission_quorum"),
            _vote_fields(),
            (
                *admission_deadline,
                *vote_tally,
                BranchVote(
                    art("admission_quorum"),
                    art("admission_majority"),
                    True,
                    art("admission_majority"),
                ),
            ),
        ),
        step(
            16,
            4,
            "上级党委派人谈话",
            "上级党委（党委委员或组织员）",
            art("committee_talk"),
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
            art("approver"),
            _approval_fields(),
            (
                Deadline(
                    15,
                    3,
                    "上级党委应当在支部大会通过后三个月内审批，特殊情况不得超过六个月",
                    art("approval_limit"),
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
            art("approval_limit"),
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
            citation("constitution_cells"),
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
            citation("constitution_probation"),
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
            art("probation"),
            (_f("summary", "转正申请主要内容", _M),),
        ),
        step(
            23,
            5,
            "支部大会讨论转正",
            "支部大会",
            art("probation"),
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
                    art("probation"),
                    (CANCEL,),
                    "probation_ending",
                    "probation_ended",
                ),
                Extension(EXTEND, 6, 12, art("probation")),
                *vote_tally,
                BranchVote(art("conversion_quorum"), art("conversion_majority")),
            ),
        ),
        step(
            24,
            5,
            "上级党委审批转正",
            "上级党委",
            art("conversion_approval"),
            _approval_fields(),
            (
                # no six-month cap here (unlike step 17): later only needs a recorded reason
                Deadline(
                    23,
                    3,
                    "上级党委应当在支部大会讨论转正后三个月内审批",
                    art("conversion_approval"),
                    "approval_overdue",
                    remind_early=False,
                ),
            ),
            sets_stage=Stage.FULL,
        ),
        step(
            25,
            5,
            "材料归档",
            "党支部",
            art("archive"),
            (
                _f("receiving_org", "接收单位"),
                _f("receiver", "接收人签名"),
                _f("received_on", "接收日期", _D),
                _f("materials", "归档材料", FieldKind.CHECKLIST, choices=MATERIALS, required=True),
            ),
            (
                StatutoryMaterials(
                    "materials", ARCHIVE_ITEMS_2026 if revised_2026 else ARCHIVE_ITEMS_2014,
                    art("archive"),
                ),
                MaterialsComplete("materials", MATERIALS, citation("archive_checklist")),
            ),
        ),
    )


RULEBOOK_2014 = Rulebook(
    version="2014",
    title=TITLE,
    # 中办发〔2014〕33号, issued on 28 May 2014 (domain.md §2)
    in_force_from=dt.date(2014, 5, 28),
    steps=_steps("2014", revised_2026=False),
)

RULEBOOK_2026 = Rulebook(
    version="2026",
    title=TITLE,
    in_force_from=REVISION_2026,
    steps=_steps("2026", revised_2026=True),
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

"""A realistic booklet built by hand: 张喆 taken through the 25 steps (tests and benchmarks)."""

from __future__ import annotations

from dataclasses import replace

from branchdesk.reports.booklet_data import (
    BookletData,
    ChecklistLine,
    Labelled,
    MaterialLine,
    PersonLine,
    RecordBlock,
    ResumeRow,
    ReviewLine,
    StageSection,
    StepSection,
)

NAME = "张喆"
ID_NUMBER = "11010519981231005X"
BRANCH = "中共示例县公安局机关第一党支部"
COMMITTEE = "中共示例县公安局委员会"

#: (number, name, article) of the 25 steps, by stage
STAGES: tuple[tuple[str, tuple[tuple[int, str, str], ...]], ...] = (
    ("一、申请入党", ((1, "递交入党申请书", "第五条"), (2, "党组织派人谈话", "第七条"))),
    ("二、入党积极分子的确定和教育培养", (
        (3, "推荐和确定入党积极分子", "第八条"),
        (4, "上级党委备案", "第十条"),
        (5, "指定培养联系人", "第九条"),
        (6, "培养教育考察", "第十一条"),
    )),
    ("三、发展对象的确定和考察", (
        (7, "确定发展对象", "第十三条"),
        (8, "报上级党委同意并公示", "第十三条"),
        (9, "确定入党介绍人", "第十四条"),
        (10, "进行政治审查", "第十六条"),
        (11, "开展集中培训", "第十七条"),
    )),
    ("四、预备党员的接收", (
        (12, "支部委员会审查", "第十八条"),
        (13, "上级党委预审", "第十八条"),
        (14, "填写入党志愿书", "第四十二条"),
        (15, "支部大会讨论", "第十九条、第二十条"),
        (16, "上级党委派人谈话", "第二十三条"),
        (17, "上级党委审批", "第二十二条、第二十五条"),
        (18, "再上一级党委组织部门备案", "第二十六条"),
    )),
    ("五、预备党员的教育考察和转正", (
        (19, "编入党支部和党小组", "第二十七条"),
        (20, "入党宣誓", "第二十九条"),
        (21, "继续教育考察", "第三十条"),
        (22, "提出转正申请", "第三十一条"),
        (23, "支部大会讨论", "第三十一条"),
        (24, "上级党委审批", "第三十三条"),
        (25, "材料归档", "第三十六条"),
    )),
)

SECRETARY = ("李建国", "党支部书记")
CLERK_REVIEW = ReviewLine("李建国", "党支部书记", "", "通过", "材料齐全，程序规范，同意。", False)


AGREED = "材料齐全，程序规范，同意。"


def _review(date: str, opinion: str = AGREED, on_paper: bool = False) -> ReviewLine:
    return replace(CLERK_REVIEW, date=date, opinion=opinion, on_paper=on_paper)


def _f(*pairs: tuple[str, str]) -> tuple[Labelled, ...]:
    return tuple(Labelled(label, value) for label, value in pairs)


def _scan(title: str, file_name: str, digest: str) -> MaterialLine:
    return MaterialLine(title, "扫描件", f"{file_name}（SHA-256 {digest}…）")


def _paper(title: str, where: str = "党支部档案柜第 3 格") -> MaterialLine:
    return MaterialLine(title, "纸质原件", where)


def _half_year(number: int, start: str, end: str, reviewed: str, on_paper: bool) -> RecordBlock:
    return RecordBlock(
        title=f"第 {number} 次半年考察（{start}—{end}）",
        date=reviewed,
        fields=_f(
            ("考察期", f"{start}至{end}"),
            ("学习情况", "认真学习党章和习近平新时代中国特色社会主义思想，按时提交思想汇报 2 篇，"
                         "能联系本职工作谈体会，理论学习笔记记录完整。"),
            ("参加党的活动", "列席支部党员大会 3 次，参加主题党日活动 5 次、志愿服务 2 次。"),
            ("完成任务", "圆满完成党组织交给的社区治安宣传任务，工作积极主动。"),
            ("谈心谈话", "培养联系人与其谈心谈话 2 次，了解思想动态。"),
            ("培养联系人意见", "政治立场坚定，入党动机端正，建议继续培养。"),
            ("党小组意见", "同意培养联系人意见。"),
            ("党支部意见", "考察合格，继续培养。"),
        ),
        people=(PersonLine("培养联系人", "王堃", "2009年7月1日", "治安大队副大队长"),),
        materials=(_scan(f"第 {number} 次半年考察登记表", f"kaocha-{number}.pdf", "3f9a1c07"),),
        reviews=(_review(reviewed, "考察记录真实完整，同意。", on_paper=on_paper),),
    )


def _records(number: int) -> tuple[RecordBlock, ...]:
    """The records of step ``number`` of 张喆's file."""
    if number == 1:
        return (RecordBlock(
            "递交入党申请书", "2023年3月6日",
            _f(("递交日期", "2023年3月6日"), ("接收申请的党组织", BRANCH), ("申请书页数", "4 页")),
            materials=(_scan("入党申请书", "shenqingshu.pdf", "9b41e0d2"),),
            reviews=(_review("2023年3月8日"),),
        ),)
    if number == 2:
        return (RecordBlock(
            "党组织派人谈话", "2023年3月28日",
            _f(
                ("谈话人及职务", "刘玥　党支部组织委员"), ("谈话日期", "2023年3月28日"),
                ("谈话地点", "局机关二楼党员活动室"),
                ("谈话主要内容", "了解申请人的入党动机、家庭情况和工作表现；介绍党的基本知识和"
                 "入党的基本条件、程序；指出其在理论学习上的不足，要求其系统学习党章，"
                 "定期向党组织汇报思想。申请人表示将以党员标准严格要求自己。" * 2),
            ),
            people=(PersonLine("谈话人", "刘玥", "2012年6月28日", "党支部组织委员"),),
            materials=(_paper("谈话记录"),),
            reviews=(_review("2023年3月30日"),),
        ),)
    if number == 3:
        fields = _f(
            ("推荐方式", "党员推荐"),
            ("推荐情况", "党员推荐 18 人，占支部党员总数 25 人的 72%"),
            ("群团组织推优", "无"),
            ("决定会议", "支部委员会　2023年9月12日　应到 5 人，实到 5 人"),
            ("会议结果", "同意确定为入党积极分子"),
            ("公示", "2023年9月13日至2023年9月19日，未收到反映"),
        )
        wrong = RecordBlock(
            "推荐和确定入党积极分子", "2023年9月12日",
            # 81 for 18: returned by the reviewer, corrected in the next version
            fields[:1] + _f(("推荐情况", "党员推荐 81 人，占支部党员总数 25 人的 324%"))
            + fields[2:],
            materials=(_scan("党员推荐票统计表", "tuijian.pdf", "0c77d5e1"),),
            reviews=(ReviewLine("赵昇", "党委组织员", "2023年9月14日", "退回",
                                "推荐人数与推荐票统计表不符，请核对后更正。", False),),
            superseded=True,
        )
        right = replace(
            wrong, fields=fields, superseded=False,
            reviews=(
                ReviewLine("赵昇", "党委组织员", "2023年9月15日", "通过", "已更正，同意。", False),
            ),
        )
        return (wrong, right)
    if number == 4:
        return (RecordBlock(
            "上级党委备案", "2023年9月20日",
            _f(("报送日期", "2023年9月20日"), ("上级党委", COMMITTEE), ("上级党委意见", "同意备案"),
               ("党委书记签字", "陈燚　2023年9月22日")),
            reviews=(_review("2023年9月22日"),),
        ),)
    if number == 5:
        return (RecordBlock(
            "指定培养联系人", "2023年9月25日",
            _f(("指定日期", "2023年9月25日")),
            people=(
                PersonLine("培养联系人", "王堃", "2009年7月1日", "治安大队副大队长"),
                PersonLine("培养联系人", "刘玥", "2012年6月28日", "党支部组织委员"),
            ),
            reviews=(_review("2023年9月26日"),),
        ),)
    if number == 6:
        return (
            _half_year(1, "2023年9月12日", "2024年3月11日", "2024年3月15日", on_paper=True),
            _half_year(2, "2024年3月12日", "2024年9月11日", "2024年9月13日", on_paper=False),
        )
    if number == 7:
        return (RecordBlock(
            "确定发展对象", "2024年9月26日",
            _f(
                ("听取意见", "2024年9月20日，党员 20 人、群众 12 人参加民主测评"),
                ("测评结果", "优秀 26 票，一般 6 票，差 0 票，弃权 0 票"),
                ("培养联系人意见", "同意列为发展对象"), ("党小组意见", "同意"),
                ("决定会议", "支部委员会　2024年9月26日　应到 5 人，实到 5 人，同意 5 人"),
            ),
            reviews=(_review("2024年9月27日"),),
        ),)
    if number == 8:
        return (RecordBlock(
            "报上级党委同意并公示", "2024年10月10日",
            _f(("报送日期", "2024年10月10日"), ("上级党委意见", "同意列为发展对象"),
               ("公示", "2024年10月14日至2024年10月18日（5 个工作日），未收到反映")),
            reviews=(_review("2024年10月21日"),),
        ),)
    if number == 9:
        return (RecordBlock(
            "确定入党介绍人", "2024年10月22日",
            _f(("确定日期", "2024年10月22日")),
            people=(
                PersonLine("入党介绍人", "王堃", "2009年7月1日", "治安大队副大队长"),
                PersonLine("入党介绍人", "刘玥", "2012年6月28日", "党支部组织委员"),
            ),
            reviews=(_review("2024年10月23日"),),
        ),)
    if number == 10:
        return (RecordBlock(
            "进行政治审查", "2024年11月15日",
            _f(
                ("审查人", "刘玥、赵昇"),
                ("审查时间和方式", "2024年10月25日至11月15日，函调、谈话"),
                ("对党的理论和路线方针政策的态度", "拥护"), ("政治历史", "清楚"),
                ("遵纪守法", "遵纪守法，无违法违纪记录"),
                ("直系亲属和主要社会关系政治情况", "父亲张建华，中共党员，退休教师；"
                 "母亲李秀兰，群众，务农；均无违法犯罪记录"),
                ("其他情况", ""),
                ("结论", "政治审查合格"), ("审查单位", COMMITTEE),
            ),
            materials=(_paper("政治审查综合材料", "局党委组织科"),),
            reviews=(_review("2024年11月18日"),),
        ),)
    if number == 11:
        return (RecordBlock(
            "开展集中培训", "2024年11月20日",
            _f(("培训时间", "2024年11月18日至2024年11月20日"), ("学时", "24 学时"),
               ("结业证书", "示公党校〔2024〕第 037 号")),
            materials=(_scan("集中培训结业证书", "jieye.jpg", "77aa01be"),),
            reviews=(_review("2024年11月21日"),),
        ),)
    if number == 12:
        return (RecordBlock(
            "支部委员会审查", "2024年11月28日",
            _f(("审查日期", "2024年11月28日"), ("审查结果", "条件成熟，同意提交上级党委预审")),
            reviews=(_review("2024年11月29日"),),
        ),)
    if number == 13:
        return (RecordBlock(
            "上级党委预审", "2024年12月10日",
            _f(("报送日期", "2024年12月2日"), ("纪检监察机关意见", "无违纪违法问题"),
               ("预审意见", "同意发放入党志愿书"), ("签字", "陈燚　2024年12月10日")),
            reviews=(_review("2024年12月11日"),),
        ),)
    if number == 14:
        return (RecordBlock(
            "填写入党志愿书", "2024年12月16日",
            _f(("志愿书编号", "110105202400371"), ("填写日期", "2024年12月16日")),
            materials=(_paper("入党志愿书（编号 110105202400371）", "本人填写，党支部保管"),),
            reviews=(_review("2024年12月17日"),),
        ),)
    if number == 15:
        return (RecordBlock(
            "支部大会讨论", "2024年12月26日",
            _f(("会议日期", "2024年12月26日"), ("应到", "25 人（有表决权 25 人）"),
               ("实到", "22 人"), ("书面意见", "2 人"),
               ("表决结果", "赞成 23 票，反对 0 票，弃权 1 票"),
               ("决议", "同意接收张喆同志为中共预备党员")),
            materials=(_paper("支部大会记录"),),
            reviews=(_review("2024年12月27日"),),
        ),)
    if number == 16:
        return (RecordBlock(
            "上级党委派人谈话", "2025年1月8日",
            _f(("谈话人及职务", "赵昇　党委组织员"),
               ("谈话日期和地点", "2025年1月8日　局党委会议室"),
               ("谈话意见", "入党动机端正，对党的认识较深刻，同意提交党委审批")),
            people=(PersonLine("谈话人", "赵昇", "2005年6月30日", "党委组织员"),),
            reviews=(_review("2025年1月9日"),),
        ),)
    if number == 17:
        return (RecordBlock(
            "上级党委审批", "2025年4月15日",
            _f(("党委会日期", "2025年4月15日"), ("到会委员", "7 人"),
               ("表决", "同意 7 票"),
               ("审批意见", "同意接收为中共预备党员，预备期自2024年12月26日起"),
               ("签字", "陈燚　2025年4月15日")),
            exception_reason="党委因春节及集中整治任务推迟召开会议，超过三个月，未超过六个月。",
            reviews=(_review("2025年4月16日"),),
        ),)
    if number == 18:
        return (RecordBlock(
            "再上一级党委组织部门备案", "2025年4月25日",
            _f(("备案日期", "2025年4月25日"), ("备案单位", "中共示例县委组织部")),
            reviews=(_review("2025年4月28日"),),
        ),)
    if number == 19:
        return (RecordBlock(
            "编入党支部和党小组", "2025年4月28日",
            _f(("党支部", BRANCH), ("党小组", "第二党小组")),
            reviews=(_review("2025年4月29日"),),
        ),)
    if number == 20:
        return (RecordBlock(
            "入党宣誓", "2025年5月6日",
            _f(("宣誓日期", "2025年5月6日"), ("领誓人", "李建国"), ("地点", "县革命历史纪念馆")),
            reviews=(_review("2025年5月7日"),),
        ),)
    if number == 21:
        return (
            _half_year(1, "2024年12月26日", "2025年6月25日", "2025年6月30日", on_paper=False),
            _half_year(2, "2025年6月26日", "2025年12月25日", "2025年12月26日", on_paper=True),
        )
    if number == 22:
        return (RecordBlock(
            "提出转正申请", "2025年12月1日",
            _f(("申请日期", "2025年12月1日")),
            materials=(_scan("转正申请书", "zhuanzheng.pdf", "5d2e8c90"),),
            reviews=(_review("2025年12月2日"),),
        ),)
    if number == 23:
        return (RecordBlock(
            "支部大会讨论", "2025年12月29日",
            _f(("党小组意见", "同意按期转正"), ("党员和群众意见", "一致认为符合转正条件"),
               ("支部委员会审查", "2025年12月22日，同意提交支部大会"),
               ("会议日期", "2025年12月29日"), ("应到", "25 人"), ("实到", "23 人"),
               ("表决结果", "赞成 23 票，反对 0 票，弃权 0 票"), ("决议", "按期转正"),
               ("公示", "2025年12月30日至2026年1月6日，未收到反映")),
            reviews=(_review("2025年12月30日"),),
        ),)
    if number == 24:
        return (RecordBlock(
            "上级党委审批", "2026年2月10日",
            _f(("报送日期", "2026年1月8日"),
               ("审批意见", "同意按期转为中共正式党员，党龄自2025年12月26日算起"),
               ("签字", "陈燚　2026年2月10日")),
            reviews=(_review("2026年2月11日"),),
        ),)
    return (RecordBlock(
        "材料归档", "2026年2月20日",
        _f(("接收单位", "中共示例县公安局委员会组织科"), ("接收人签字", "孙玥　2026年2月20日")),
        reviews=(_review("2026年2月20日"),),
    ),)


CHECKLIST = (
    "入党申请书", "谈话记录", "推荐材料（党员推荐、群团组织推优）",
    "入党积极分子培养考察登记表（含半年考察及思想汇报）", "自传", "发展对象公示材料", "政审材料",
    "集中培训结业证书", "入党志愿书", "支部大会记录", "上级党委谈话记录", "审批意见",
    "入党宣誓记录", "预备党员教育考察登记表", "转正申请书", "转正材料",
)


#: the archive article's items (2026 §36) and the material each is filed as
STATUTORY = {
    "入党志愿书": "入党志愿书", "入党申请书": "入党申请书", "政审材料": "政治审查材料",
    "转正申请书": "转正申请书",
    "入党积极分子培养考察登记表（含半年考察及思想汇报）": "培养教育考察材料",
    "发展党员全程纪实表": "发展党员全程纪实表",
}


def sample_booklet(through: int = 25, name: str = NAME, id_number: str = ID_NUMBER) -> BookletData:
    """张喆's booklet with the records of steps 1..``through`` (later steps are empty)."""
    stages = tuple(
        StageSection(title, tuple(
            StepSection(number, step_name, article, _records(number) if number <= through else ())
            for number, step_name, article in steps
        ))
        for title, steps in STAGES
    )
    return BookletData(
        file_number="FZ-2023-0017",
        name=name,
        branch=BRANCH,
        committee=COMMITTEE,
        basic=_f(
            ("姓名", name), ("性别", "男"), ("民族", "汉族"), ("出生日期", "1998年12月31日"),
            ("籍贯", "河北省保定市"), ("学历", "大学本科"),
            ("单位职务或职业", "示例县公安局治安管理大队民警"),
            ("居民身份证号码", id_number),
            ("家庭住址", "北京市朝阳区示例街道幸福里小区 12 号楼 3 单元 502 室"),
        ),
        resume=(
            ResumeRow("2011年9月", "2014年7月", "保定市第一中学初中部学习", "周敏"),
            ResumeRow("2014年9月", "2017年7月", "保定市第一中学高中部学习，任班长", "周敏"),
            ResumeRow("2017年9月", "2021年7月", "中国人民公安大学治安学院治安学专业学习", "吴磊"),
            ResumeRow("2021年8月", "", "示例县公安局治安管理大队民警", "王堃"),
        ),
        organisations_joined="2013年5月加入中国共产主义青年团",
        stages=stages,
        checklist=tuple(
            ChecklistLine(m, present=m != "自传", note="" if m != "自传" else "待补交",
                          statutory=STATUTORY.get(m, ""))
            for m in (*STATUTORY, *(m for m in CHECKLIST if m not in STATUTORY))
        ),
        archive_article="《中国共产党发展党员工作细则》第三十六条",
        remarks=(
            "第 3 步推荐记录经审核退回后已更正，原记录留存。第 17 步审批超过三个月，已记录理由。"
        ),
        printed_on="2026年11月26日",
        rulebook="《中国共产党发展党员工作细则》（2014年；2026年5月11日起适用2026年修订本）",
    )

"""Every citation the program can show or print, in one place: source, article, what it says.

A message, reminder or printed page that names a rule takes its citation from here, so a
reviewer can read all of them in one table (``citation_table``) against the published texts.
The development rules (《中国共产党发展党员工作细则》) have one table per rulebook version; the
other sources (党章, 支部工作条例, 党员教育管理工作条例, the national letter form's filling
instructions) and local practice (本地常用做法) are shared by both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

DEVELOPMENT_RULES = "《中国共产党发展党员工作细则》"
CONSTITUTION = "《中国共产党章程》"
BRANCH_WORK = "《中国共产党支部工作条例（试行）》"
MEMBER_EDUCATION = "《中国共产党党员教育管理工作条例》"
LETTER_FORM = "《党员组织关系介绍信》填写说明（组通字〔2006〕45号）"
LOCAL_PRACTICE = "本地常用做法"

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


def article(n: int, title: str = DEVELOPMENT_RULES) -> str:
    """The citation of article ``n``: 《中国共产党发展党员工作细则》第十三条."""
    return f"{title}第{chinese_number(n)}条"


def articles(numbers: tuple[int, ...], title: str = DEVELOPMENT_RULES) -> str:
    """Several articles of one text: 《…》第十六条、第十七条."""
    return title + "、".join(f"第{chinese_number(n)}条" for n in numbers)


@dataclass(frozen=True)
class Citation:
    """One rule as the program cites it: the text it shows and what the rule says."""

    key: str  # a stable name, e.g. "approval_limit"
    text: str  # what a message prints: 《…》第二十五条, or 本地常用做法（…）
    says: str  # what the program cites it for, in the clerk's words

    @property
    def local(self) -> bool:
        """Whether this is local practice (a setting), not a central rule."""
        return self.text.startswith(LOCAL_PRACTICE)


def _table(*rows: tuple[str, str, str]) -> Mapping[str, Citation]:
    table = {key: Citation(key, text, says) for key, text, says in rows}
    assert len(table) == len(rows), "a key is used twice"
    return MappingProxyType(table)


def _development(
    *,
    political: tuple[int, ...],
    training: int,
    prereview: int,
    quorum: int,
    majority: int,
    approver: int,
    committee_talk: int,
    approval: int,
    probation: int,
    conversion_meeting: tuple[int, ...],
    conversion_approval: int,
    archive: int,
    booklet: int,
    admission_meeting_limit: int | None,
    oath_limit: int | None,
) -> Mapping[str, Citation]:
    rows = [
        ("age", article(5), "年满十八岁可以申请入党"),
        ("application_talk", article(7), "收到入党申请书后一个月内派人谈话"),
        ("activist", article(8), "推荐和确定入党积极分子"),
        ("activist_materials", article(12), "入党积极分子工作、学习单位变动时转交培养教育材料"),
        ("contacts", article(9), "指定一至两名正式党员作培养联系人"),
        ("half_yearly_review", article(11), "党支部每半年对入党积极分子进行一次考察"),
        ("candidate", article(13), "培养教育一年以上确定为发展对象，报上级党委"),
        ("sponsors", article(14), "两名正式党员作入党介绍人"),
        ("political_review", articles(political), "政治审查，形成结论性材料"),
        ("training", article(training), "集中培训一般不少于三天或二十四个学时"),
        ("prereview", article(prereview), "支部委员会审查和基层党委预审"),
        ("booklet", article(booklet), "入党志愿书由省级党委组织部门统一印制"),
        ("admission_quorum", article(quorum), "讨论接收预备党员须有表决权的正式党员超过半数到会"),
        (
            "admission_majority",
            article(majority),
            "赞成人数超过应到会有表决权的正式党员的半数；无记名投票",
        ),
        ("approver", article(approver), "审批预备党员由党委进行"),
        ("committee_talk", article(committee_talk), "上级党委审批前派人谈话"),
        (
            "approval_limit",
            article(approval),
            "上级党委在支部大会通过后三个月内审批，特殊情况不超过六个月",
        ),
        ("probation", article(probation), "预备期一年；延长预备期不少于半年、不超过一年，只能一次"),
        (
            "conversion_quorum",
            articles(conversion_meeting),
            "讨论转正的到会人数要求与接收预备党员相同",
        ),
        (
            "conversion_majority",
            articles(conversion_meeting[-1:]),
            "讨论转正的赞成人数要求与接收预备党员相同",
        ),
        ("conversion_approval", article(conversion_approval), "上级党委在三个月内审批转正"),
        ("archive", article(archive), "转正后入党材料归入本人档案"),
    ]
    if admission_meeting_limit is not None:
        rows.append(
            ("admission_meeting_limit", article(admission_meeting_limit),
             "预审合格后一个月内召开支部大会讨论接收预备党员")
        )
    if oath_limit is not None:
        rows.append(("oath_limit", article(oath_limit), "上级党委批准后一个月内进行入党宣誓"))
    return _table(*rows)


# The 2014 text (中办发〔2014〕33号, issued 2014-05-28) runs one ahead of the 2026 text from
# 2026 §18 to §36 (domain.md §2). Checked: §19 支委会审查+预审, §20 quorum, §21 ballot and
# majority, §32 probation, §33 conversion meeting, §34 conversion approval, §37 archive.
# Most likely (the extra 2014 article sits between §14 and §18): political review §16–§17,
# training §18.
DEVELOPMENT_2014 = _development(
    political=(16, 17),
    training=18,
    prereview=19,
    quorum=20,
    majority=21,
    approver=23,
    committee_talk=24,
    approval=26,
    probation=32,
    conversion_meeting=(33,),
    conversion_approval=34,
    archive=37,
    booklet=19,
    admission_meeting_limit=None,
    oath_limit=None,
)

# The 2026 revision (revised 2026-04-02, issued 2026-05-11). §18 for the pre-review is inferred
# from the one-article shift against the 2014 text's §19.
DEVELOPMENT_2026 = _development(
    political=(16,),
    training=17,
    prereview=18,
    quorum=19,
    majority=20,
    approver=22,
    committee_talk=23,
    approval=25,
    probation=31,
    conversion_meeting=(19, 20),
    conversion_approval=33,
    archive=36,
    booklet=42,
    admission_meeting_limit=19,
    oath_limit=29,
)

#: the development rules, by rulebook version
DEVELOPMENT: Mapping[str, Mapping[str, Citation]] = MappingProxyType(
    {"2014": DEVELOPMENT_2014, "2026": DEVELOPMENT_2026}
)

#: the sources shared by both rulebooks
SHARED = _table(
    ("constitution_age", article(1, CONSTITUTION), "年满十八岁的可以申请加入中国共产党"),
    ("constitution_oath", article(6, CONSTITUTION), "预备党员必须面向党旗进行入党宣誓"),
    (
        "constitution_probation",
        article(7, CONSTITUTION),
        "预备期为一年；党组织对预备党员认真教育和考察",
    ),
    ("constitution_cells", article(8, CONSTITUTION), "每个党员都必须编入党的一个支部、小组"),
    ("constitution_term", article(31, CONSTITUTION), "党的基层委员会每届任期三年至五年"),
    (
        "general_meeting",
        article(11, BRANCH_WORK),
        "党支部党员大会一般每季度召开1次；半数以上党员到会方可召开",
    ),
    (
        "committee_meeting",
        article(12, BRANCH_WORK),
        "党支部委员会会议一般每月召开1次；半数以上委员到会方可召开",
    ),
    ("group_meeting", article(13, BRANCH_WORK), "党小组会一般每月召开1次"),
    (
        "party_lecture",
        article(15, BRANCH_WORK),
        "党员领导干部定期讲党课，党委（党组）书记每年至少讲1次党课",
    ),
    ("theme_day", article(16, BRANCH_WORK), "党支部每月相对固定1天开展主题党日"),
    ("theme_day_education", article(16, MEMBER_EDUCATION), "党支部每月相对固定1天开展主题党日"),
    (
        "life_meeting",
        article(17, BRANCH_WORK),
        "党支部每年至少召开1次组织生活会，一般安排在第四季度",
    ),
    ("member_appraisal", article(18, BRANCH_WORK), "党支部一般每年开展1次民主评议党员"),
    (
        "transfer_responsibility",
        article(25, MEMBER_EDUCATION),
        "党员组织关系转出后、被接收前，由转出党组织负责管理",
    ),
    ("receipt_within_month", LETTER_FORM, "接收党组织在收到介绍信后一个月内寄回回执"),
    (
        "party_lecture_quarterly",
        f"{LOCAL_PRACTICE}（党课每季度1次，可在设置中修改）",
        "党课每季度1次",
    ),
    (
        "letter_validity",
        f"{LOCAL_PRACTICE}（介绍信有效期一般30天，最长天数由管理员设置）",
        "介绍信有效期",
    ),
    ("archive_checklist", f"{LOCAL_PRACTICE}（常用归档清单）", "发展党员档案的常用归档清单"),
    ("political_review_valid", f"{LOCAL_PRACTICE}（政治审查结论一般一年内有效）",
     "支部大会讨论时政审结论已超过一年的，应当重新审查或补充审查"),
    ("step_review", f"{LOCAL_PRACTICE}（一人一册、一事一记、一步一审）",
     "每一步审核通过后才能进行下一步"),
)


def citation(key: str, version: str | None = None) -> str:
    """The text of a citation: a development rule of ``version`` or a shared one."""
    if version is not None and key in DEVELOPMENT[version]:
        return DEVELOPMENT[version][key].text
    return SHARED[key].text


def citation_table(version: str) -> list[tuple[str, str, str]]:
    """Every citation the program uses under rulebook ``version``: (key, text, what it says)."""
    rows = [*DEVELOPMENT[version].values(), *SHARED.values()]
    return [(c.key, c.text, c.says) for c in rows]

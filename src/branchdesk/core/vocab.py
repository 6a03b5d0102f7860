"""The domain's vocabulary: codes stored in the database and their Chinese labels."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A stored code with a Chinese label."""

    label: str

    def __new__(cls, code: str, label: str) -> Labelled:
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_label(cls, label: str) -> Labelled:
        for item in cls:
            if item.label == label:
                return item
        raise ValueError(label)


class Stage(Labelled):
    """人员类别: where a person stands on the way to full membership."""

    APPLICANT = "applicant", "入党申请人"
    ACTIVIST = "activist", "入党积极分子"
    CANDIDATE = "candidate", "发展对象"
    PROBATIONARY = "probationary", "预备党员"
    FULL = "full", "正式党员"


class Status(Labelled):
    """党籍状态 of a member."""

    NORMAL = "normal", "正常"
    SUSPENDED = "suspended", "停止党籍"
    TRANSFERRED_OUT = "transferred_out", "已转出"
    EXPELLED = "expelled", "出党"
    DECEASED = "deceased", "去世"


class Role(Labelled):
    """The role of a local account."""

    ADMIN = "admin", "管理员"
    CLERK = "clerk", "录入员"
    REVIEWER = "reviewer", "审核人"


class OrgKind(Labelled):
    """The level of an organisation in the tree."""

    COMMITTEE = "committee", "党委"
    GENERAL_BRANCH = "general_branch", "党总支"
    BRANCH = "branch", "党支部"
    GROUP = "group", "党小组"


class EventKind(Labelled):
    """Kinds of dated events on a member's record."""

    STAGE = "stage", "人员类别变更"
    STATUS = "status", "党籍状态变更"
    VOID = "void", "作废"
    RESTORE = "restore", "撤销作废"


#: the parent kinds each organisation kind may hang under
ALLOWED_PARENTS: dict[OrgKind, tuple[OrgKind | None, ...]] = {
    OrgKind.COMMITTEE: (None, OrgKind.COMMITTEE),
    OrgKind.GENERAL_BRANCH: (OrgKind.COMMITTEE,),
    OrgKind.BRANCH: (OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH),
    OrgKind.GROUP: (OrgKind.BRANCH,),
}

COMMITTEE_POSTS = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "委员")

ETHNICITIES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 "
    "哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 "
    "柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 "
    "塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 "
    "鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
).split()

EDUCATION_LEVELS = (
    "研究生（博士）", "研究生（硕士）", "大学本科", "大学专科", "中等专科", "高中", "初中及以下",
)

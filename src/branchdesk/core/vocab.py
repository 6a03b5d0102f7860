"""The domain's vocabulary: codes stored in the database and their Chinese labels."""

from __future__ import annotations

from enum import StrEnum

_LABELS: dict[str, str] = {}


class Labelled(StrEnum):
    """A code stored in the database, with its Chinese label (registered below)."""

    @property
    def label(self) -> str:
        return _LABELS[f"{type(self).__name__}.{self.value}"]

    @classmethod
    def from_label(cls, label: str) -> Labelled:
        for item in cls:
            if item.label == label:
                return item
        raise ValueError(label)


def _register(enum: type[Labelled], labels: dict[str, str]) -> None:
    assert set(labels) == {item.value for item in enum}, enum
    for code, label in labels.items():
        _LABELS[f"{enum.__name__}.{code}"] = label


class Stage(Labelled):
    """人员类别: where a person stands on the way to full membership."""

    APPLICANT = "applicant"
    ACTIVIST = "activist"
    CANDIDATE = "candidate"
    PROBATIONARY = "probationary"
    FULL = "full"


class Status(Labelled):
    """党籍状态 of a member."""

    NORMAL = "normal"
    SUSPENDED = "suspended"
    TRANSFERRED_OUT = "transferred_out"
    EXPELLED = "expelled"
    DECEASED = "deceased"


class Role(Labelled):
    """The role of a local account."""

    ADMIN = "admin"
    CLERK = "clerk"
    REVIEWER = "reviewer"


class OrgKind(Labelled):
    """The level of an organisation in the tree."""

    COMMITTEE = "committee"
    GENERAL_BRANCH = "general_branch"
    BRANCH = "branch"
    GROUP = "group"


class EventKind(Labelled):
    """Kinds of dated events on a member's record."""

    STAGE = "stage"
    STATUS = "status"
    VOID = "void"
    RESTORE = "restore"


_register(
    Stage,
    {
        "applicant": "入党申请人",
        "activist": "入党积极分子",
        "candidate": "发展对象",
        "probationary": "预备党员",
        "full": "正式党员",
    },
)
_register(
    Status,
    {
        "normal": "正常",
        "suspended": "停止党籍",
        "transferred_out": "已转出",
        "expelled": "出党",
        "deceased": "去世",
    },
)
_register(Role, {"admin": "管理员", "clerk": "录入员", "reviewer": "审核人"})
_register(
    OrgKind,
    {"committee": "党委", "general_branch": "党总支", "branch": "党支部", "group": "党小组"},
)
_register(
    EventKind,
    {"stage": "人员类别变更", "status": "党籍状态变更", "void": "作废", "restore": "撤销作废"},
)

#: the parent kinds each organisation kind may hang under
ALLOWED_PARENTS: dict[OrgKind, tuple[OrgKind | None, ...]] = {
    OrgKind.COMMITTEE: (None, OrgKind.COMMITTEE),
    OrgKind.GENERAL_BRANCH: (OrgKind.COMMITTEE,),
    OrgKind.BRANCH: (OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH),
    OrgKind.GROUP: (OrgKind.BRANCH,),
}

COMMITTEE_POSTS = (
    "书记",
    "副书记",
    "组织委员",
    "宣传委员",
    "纪检委员",
    "青年委员",
    "统战委员",
    "委员",
)

ETHNICITIES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 "
    "哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 "
    "柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 "
    "塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 "
    "鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
).split()

EDUCATION_LEVELS = (
    "研究生（博士）",
    "研究生（硕士）",
    "大学本科",
    "大学专科",
    "中等专科",
    "高中",
    "初中及以下",
)

#: current Party discipline of a member (党纪处分), which sponsors' eligibility depends on
DISCIPLINES = ("无", "警告", "严重警告", "撤销党内职务", "留党察看")

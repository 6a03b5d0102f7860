"""What a member's development booklet (发展党员全程纪实表) holds, ready to be laid out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Labelled:
    """One field of a form: a label and its value ("" is printed as 无)."""

    label: str
    value: str


@dataclass(frozen=True)
class ResumeRow:
    """A line of the 本人简历: from–to, where and what, 证明人."""

    start: str
    end: str
    what: str
    witness: str


@dataclass(frozen=True)
class PersonLine:
    """A person involved in a step: contact, sponsor, talker (name, join date, post)."""

    role: str
    name: str
    join_date: str
    post: str


@dataclass(frozen=True)
class MaterialLine:
    """A material of a step: a stored scan (file name, SHA-256) or a paper original."""

    title: str
    kind: str  # "扫描件" or "纸质原件"
    reference: str  # file name and short SHA-256, or where the paper original is kept


@dataclass(frozen=True)
class ReviewLine:
    """The review of a record: reviewer and post, date, passed or returned, opinion."""

    reviewer: str
    post: str
    date: str
    outcome: str  # "通过" or "退回"
    opinion: str
    on_paper: bool  # a review done on paper and entered by the clerk


@dataclass(frozen=True)
class RecordBlock:
    """One record (一事一记) of a step, with its structured fields and what goes with it."""

    title: str  # e.g. "第 1 次半年考察（2025年3月1日—2025年8月31日）" or the step's name
    date: str
    fields: tuple[Labelled, ...]
    people: tuple[PersonLine, ...] = ()
    materials: tuple[MaterialLine, ...] = ()
    reviews: tuple[ReviewLine, ...] = ()
    exception_reason: str = ""  # reason recorded for proceeding under an allowed exception
    superseded: bool = False  # an earlier version kept in the history after a correction


@dataclass(frozen=True)
class StepSection:
    """One of the 25 steps: number, name, the article, and its records (none yet: 无)."""

    number: int
    name: str
    article: str
    records: tuple[RecordBlock, ...]


@dataclass(frozen=True)
class StageSection:
    """One of the 5 stages with its steps."""

    title: str  # e.g. "一、申请入党"
    steps: tuple[StepSection, ...]


@dataclass(frozen=True)
class ChecklistLine:
    """A material of the archive checklist: in the file, missing, or not yet formed.

    ``statutory`` names the item as the archive article lists it (入党志愿书, 政治审查材料 …);
    an empty ``statutory`` is an item of the longer local checklist (常用归档清单). A material
    formed by a step the file has not reached is ``formed=False`` (尚未形成), never missing.
    """

    material: str
    present: bool
    note: str = ""
    statutory: str = ""
    formed: bool = True

    @property
    def missing(self) -> bool:
        """Due and not in the file (缺)."""
        return self.formed and not self.present


@dataclass(frozen=True)
class BookletData:
    """Everything printed in one member's booklet (一人一册)."""

    file_number: str
    name: str
    branch: str
    committee: str
    #: 姓名, 性别, 民族, 出生日期, 籍贯, 学历, 单位职务或职业, 居民身份证号码, 家庭住址 …
    basic: tuple[Labelled, ...]
    resume: tuple[ResumeRow, ...]
    organisations_joined: str  # parties and organisations joined (e.g. 共青团)
    stages: tuple[StageSection, ...]
    checklist: tuple[ChecklistLine, ...]
    #: the article the statutory items come from: 《…》第三十六条 (2014: 第三十七条)
    archive_article: str = ""
    remarks: str = ""
    printed_on: str = ""  # e.g. "2026年11月26日"
    rulebook: str = ""  # the rulebook(s) the file was checked against
    signatures: tuple[str, ...] = field(default=("党支部书记",))

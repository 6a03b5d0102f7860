"""Assembles a member's development booklet from the database and prints it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, BinaryIO

from branchdesk.core.dates import fmt
from branchdesk.core.development import PASSED, RETURNED, SUPERSEDED, RecordInfo
from branchdesk.core.materials import MaterialInfo
from branchdesk.core.rulebook import (
    MATERIALS,
    RULEBOOKS,
    FieldKind,
    FieldSpec,
    Rulebook,
    rulebook_on,
)
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.rulebook.versions import MATERIAL_FORMED_AT
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.reports.booklet import render_booklet, render_booklets
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
from branchdesk.reports.check_code import with_check_code

STAGE_NUMERALS = "一二三四五"
ROLE_LABELS = {"contact": "培养联系人", "sponsor": "入党介绍人"}
STATE_NOTES = {RETURNED: "（已退回）", SUPERSEDED: "（已更正，保留原记录）"}


def _text(value: Any, spec: FieldSpec | None) -> str:
    """A stored field value as printed: dates as 2026年3月2日, lists joined, empty as ''."""
    if value is None or value == "" or value == []:
        return ""
    if spec is not None and spec.kind is FieldKind.DATE:
        try:
            return fmt(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _spec_in_any_version(step: int, key: str) -> FieldSpec | None:
    for book in reversed(RULEBOOKS):
        for spec in book.step(step).fields:
            if spec.key == key:
                return spec
    return None


def _fields(record: RecordInfo, book: Rulebook) -> tuple[Labelled, ...]:
    rule = book.step(record.step)
    known = {spec.key for spec in rule.fields}
    lines = [Labelled("日期", fmt(record.date))]
    if record.content:
        lines.append(Labelled("情况", record.content))
    lines += [
        Labelled(spec.label, _text(record.details.get(spec.key), spec)) for spec in rule.fields
    ]
    lines += [  # fields of another version of the rulebook (e.g. entered under 2026 rules)
        Labelled(spec.label if spec else key, _text(value, spec))
        for key, value in record.details.items()
        if key not in known
        for spec in [_spec_in_any_version(record.step, key)]
    ]
    if record.meeting_ref:
        lines.append(Labelled("会议", record.meeting_ref))
    if record.serial_number:
        lines.append(Labelled("入党志愿书编号", record.serial_number))
    return tuple(lines)


def _block(record: RecordInfo, materials: list[MaterialInfo], repeatable: bool) -> RecordBlock:
    book = rulebook_on(record.date)
    rule = book.step(record.step)
    title = rule.name
    if repeatable:
        title = f"第 {record.occurrence} 次{rule.name}"
    if record.version > 1:
        title += f"（第 {record.version} 版）"
    title += STATE_NOTES.get(record.state, "")
    if record.imported:
        title += "（导入的历史记录）"
    return RecordBlock(
        title=title,
        date=fmt(record.date),
        fields=_fields(record, book),
        people=tuple(
            PersonLine(ROLE_LABELS.get(p.role, p.role), p.name, fmt(p.join_date), p.post)
            for p in record.people
        ),
        materials=tuple(
            MaterialLine(
                f"{m.category}：{m.title}",
                "扫描件" if m.is_scan else "纸质原件",
                f"{m.file_name}（SHA-256 {m.sha256[:12]}…）" if m.sha256 else m.paper_reference,
            )
            for m in materials
            if m.record_id == record.id
        ),
        reviews=tuple(
            ReviewLine(
                v.reviewer_name, v.reviewer_post, fmt(v.review_date),
                "通过" if v.outcome == PASSED else "退回", v.opinion, v.on_paper,
            )
            for v in record.reviews
        ),
        exception_reason=record.exception_reason,
        superseded=record.state == SUPERSEDED,
    )


def _archive_book(records: list[RecordInfo], today: dt.date) -> Rulebook:
    """The rulebook whose archive article applies: the one in force on the archiving day
    (step 25), or today for a file not archived yet."""
    archived = [r.date for r in records if r.step == 25 and r.state == PASSED]
    return rulebook_on(max(archived, default=today))


def _checklist(
    records: list[RecordInfo], materials: list[MaterialInfo], book: Rulebook
) -> tuple[ChecklistLine, ...]:
    """The archive article's items first, then the rest of the local checklist; a material
    formed by a step the file has not passed yet is 尚未形成."""
    present = {m.category for m in materials}
    reached = max((r.step for r in records if r.state == PASSED), default=0)
    statutory = {category: name for name, category in book.archive_items}
    order = [*statutory, *(m for m in MATERIALS if m not in statutory)]
    return tuple(
        ChecklistLine(
            material, material in present,
            "；".join(m.title for m in materials if m.category == material and m.title != material),
            statutory=statutory.get(material, ""),
            formed=reached >= MATERIAL_FORMED_AT.get(material, 1),
        )
        for material in order
    )


def booklet_data(services: Services, member_id: int, today: dt.date | None = None) -> BookletData:
    """Everything the booklet prints for one member, read from the database."""
    today = today or dt.date.today()
    detail = services.members.get(member_id)
    data = detail.data
    records = services.development.records(member_id)
    materials = services.materials.of_member(member_id)
    book = rulebook_on(today)
    stages: list[StageSection] = []
    for number in range(1, 6):
        steps = []
        for rule in (r for r in book.steps if r.stage == number):
            blocks = tuple(
                _block(record, materials, rule.repeatable)
                for record in records
                if record.step == rule.number
            )
            mine = [r for r in records if r.step == rule.number]
            # a step is named and cited as the rulebook in force when it was done had it
            applied = rulebook_on(mine[-1].date).step(rule.number) if mine else rule
            steps.append(StepSection(rule.number, applied.name, applied.article, blocks))
        stage_name = book.step(steps[0].number).stage_name
        title = f"{STAGE_NUMERALS[number - 1]}、{stage_name}"
        stages.append(StageSection(title, tuple(steps)))
    unlinked = [m for m in materials if m.record_id is None]
    archive_book = _archive_book(records, today)
    checklist = _checklist(records, materials, archive_book)
    orgs = services.organisations
    committee = next(
        (n.name for n in orgs.all_nodes() if n.kind is OrgKind.COMMITTEE), ""
    )
    versions = sorted({r.rulebook for r in records if r.rulebook})
    remarks = "；".join(
        f"另附{m.category}：{m.title}" for m in unlinked if m.category not in MATERIALS
    )
    return BookletData(
        file_number=services.development.file_number(member_id) or "（未建档）",
        name=data.name,
        branch=detail.branch_name,
        committee=committee,
        basic=(
            Labelled("姓名", data.name),
            Labelled("性别", data.gender),
            Labelled("民族", data.ethnicity),
            Labelled("出生日期", fmt(data.birth_date)),
            Labelled("籍贯", data.native_place),
            Labelled("学历", data.education),
            Labelled("单位职务或职业", data.job),
            Labelled("居民身份证号码", data.id_number),
            Labelled("家庭住址", data.address),
            Labelled("人员类别", data.stage.label),
            Labelled("所在党支部", detail.branch_name),
            Labelled("加入党组织日期", fmt(data.join_date)),
            Labelled("转为正式党员日期", fmt(data.full_member_date)),
        ),
        resume=tuple(
            ResumeRow(r.start, r.end, r.what, r.witness)
            for r in services.resume.lines(member_id)
        ),
        organisations_joined=data.organisations_joined,
        stages=tuple(stages),
        checklist=checklist,
        archive_article=citation("archive", archive_book.version),
        remarks=remarks,
        printed_on=fmt(today),
        rulebook="、".join(f"《中国共产党发展党员工作细则》（{v}）" for v in versions),
    )


@with_check_code
def save_booklet(
    services: Services, member_id: int, target: Path | BinaryIO, today: dt.date | None = None
) -> None:
    """Print one member's booklet to a PDF file."""
    render_booklet(booklet_data(services, member_id, today), target)


@with_check_code
def print_booklets(
    services: Services, member_ids: list[int], target: Path | BinaryIO,
    today: dt.date | None = None,
) -> None:
    """Print several members' booklets into one PDF."""
    render_booklets([booklet_data(services, m, today) for m in member_ids], target)

"""Checking one roster row: cells to a member record, by the member rules and the database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from branchdesk.core.dates import fmt
from branchdesk.core.member_rules import MINIMUM_AGE, MemberInput, validate_member
from branchdesk.core.member_sheet import (
    BY_KEY,
    MILESTONES,
    DateError,
    cell_text,
    clean_text,
    fold,
    id_key,
    parse_date,
    parse_education,
    parse_ethnicity,
    parse_gender,
    parse_stage,
    stage_choices,
)
from branchdesk.core.rulebook import nth_birthday, rulebook_on
from branchdesk.core.vocab import Stage, Status

#: an ID number that went through Excel as a number and came out as 1.10105E+17
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
#: member_rules' field names → the sheet's column keys
FIELD_COLUMNS = {
    "name": "name", "id_number": "id_number", "gender": "gender", "birth_date": "birth_date",
    "ethnicity": "ethnicity", "education": "education", "join_date": "join_date",
    "full_member_date": "full_member_date", "phone": "phone", "job": "job",
    "address": "address", "note": "note",
}
#: the step a milestone date stands for, whose passed record it becomes
MILESTONE_STEP = {"applied": 1, "activist": 3, "candidate": 7, "join_date": 15,
                  "full_member_date": 24}
#: the milestone a stage is defined by (its date is required for that stage)
STAGE_MILESTONE = {
    Stage.ACTIVIST: "activist", Stage.CANDIDATE: "candidate",
    Stage.PROBATIONARY: "join_date", Stage.FULL: "full_member_date",
}
STAGE_ORDER = (Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY, Stage.FULL)
#: fields an update takes from a non-empty cell (stage and milestones come from the file)
UPDATABLE = ("name", "ethnicity", "education", "job", "phone", "address", "note")


@dataclass(frozen=True)
class BranchRef:
    """A 党支部 of the database, as a row names it."""

    id: int
    name: str
    dissolved: bool


@dataclass(frozen=True)
class Existing:
    """A member already in the database with the row's ID number."""

    id: int
    data: MemberInput
    status: Status
    voided: bool
    branch_name: str
    steps: dict[int, dt.date] = field(default_factory=dict)  # passed step → date


@dataclass(frozen=True)
class CheckContext:
    """What a row is checked against: today, the branches by name, existing ID numbers."""

    today: dt.date
    branches: dict[str, tuple[BranchRef, ...]]
    existing: dict[str, Existing]
    default_branch: str | None = None
    update: bool = False


@dataclass(frozen=True)
class ParsedMember:
    """A valid row, ready to be written: the record, its milestone dates, the member it updates."""

    data: MemberInput
    milestones: dict[str, dt.date]
    existing_id: int | None = None


def branch_key(name: str) -> str:
    return fold(name)


class RowChecker:
    """Checks rows against the rules and a CheckContext; collects (column key, message) pairs."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx

    def check(self, values: dict[str, Any]) -> tuple[list[tuple[str, str]], ParsedMember | None]:
        problems: dict[str, str] = {}
        text = {key: clean_text(cell_text(v)) for key, v in values.items()}
        id_text = self._id_text(values.get("id_number"), problems)
        stage = self._stage(text.get("stage", ""), problems)
        branch = self._branch(text.get("branch", ""), problems)
        gender = self._choice(text, "gender", parse_gender, "性别应为“男”或“女”", problems)
        dates = self._dates(values, problems)
        data = MemberInput(
            name=text.get("name", ""),
            id_number=id_text,
            branch_id=branch.id if branch else 0,
            stage=stage or _stage_of(dates),
            gender=gender or "",
            birth_date=dates.get("birth_date"),
            ethnicity=parse_ethnicity(text.get("ethnicity", "")) or "汉族",
            education=parse_education(text.get("education", "")),
            join_date=dates.get("join_date"),
            full_member_date=dates.get("full_member_date"),
            job=text.get("job", ""),
            phone=text.get("phone", ""),
            address=text.get("address", ""),
            note=text.get("note", ""),
        )
        existing = self.ctx.existing.get(id_key(id_text)) if "id_number" not in problems else None
        if existing is not None and self.ctx.update and not existing.voided:
            data = _merged(existing, data, text, branch)
        cleaned, errors = validate_member(data, self.ctx.today)
        for key, message in errors.items():
            column = FIELD_COLUMNS.get(key)
            if column is not None and column not in problems:
                problems[column] = message
        birth = cleaned.birth_date if "id_number" not in errors else None
        milestones = {k: d for k, d in dates.items() if k in MILESTONES}
        self._milestones(milestones, birth, problems)
        if stage is not None:
            self._stage_dates(stage, milestones, problems)
        existing_id = None
        if existing is not None:
            existing_id = self._existing(existing, cleaned, stage, milestones, problems)
        if problems:
            return list(problems.items()), None
        return [], ParsedMember(cleaned, milestones, existing_id)

    # cells ----------------------------------------------------------------------------

    def _id_text(self, value: Any, problems: dict[str, str]) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            digits = len(str(int(value))) if value == value and abs(value) < 1e30 else 0
            if digits >= 15:
                problems["id_number"] = (
                    "公民身份号码被 Excel 存成了数字，后几位已经丢失：请把这一列设为“文本”格式，"
                    "重新填写号码"
                )
                return ""
        text = clean_text(cell_text(value))
        if _SCIENTIFIC.match(text):
            problems["id_number"] = (
                f"公民身份号码被 Excel 存成了数字（显示为 {text}），后几位已经丢失：请把这一列设为"
                "“文本”格式，重新填写号码"
            )
        return text

    def _stage(self, text: str, problems: dict[str, str]) -> Stage | None:
        if not text:
            problems["stage"] = f"请填写人员类别：{stage_choices()}"
            return None
        stage = parse_stage(text)
        if stage is None:
            problems["stage"] = f"人员类别“{text}”不对，应为{stage_choices()}之一"
        return stage

    def _branch(self, text: str, problems: dict[str, str]) -> BranchRef | None:
        name = text or (self.ctx.default_branch or "")
        if not name:
            problems["branch"] = "请填写所在党支部"
            return None
        found = self.ctx.branches.get(branch_key(name), ())
        live = [b for b in found if not b.dissolved]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            problems["branch"] = f"有 {len(live)} 个党支部名为“{name}”，无法确定是哪一个"
        elif found:
            problems["branch"] = f"“{name}”已撤销，请填写现有的党支部"
        else:
            names = sorted({b.name for refs in self.ctx.branches.values() for b in refs
                            if not b.dissolved})
            shown = "、".join(names[:8]) + ("等" if len(names) > 8 else "")
            problems["branch"] = (
                f"没有名为“{name}”的党支部，请填写现有党支部的全称（{shown}）" if names
                else f"没有名为“{name}”的党支部：请先在“组织机构”中建立党支部"
            )
        return None

    @staticmethod
    def _choice(text: dict[str, str], key: str, parse: Any, message: str,
                problems: dict[str, str]) -> str | None:
        value = text.get(key, "")
        if not value:
            return None
        parsed: str | None = parse(value)
        if parsed is None:
            problems[key] = f"{message}，现在是“{value}”"
        return parsed

    def _dates(self, values: dict[str, Any], problems: dict[str, str]) -> dict[str, dt.date]:
        dates: dict[str, dt.date] = {}
        for key, value in values.items():
            if not BY_KEY[key].is_date:
                continue
            try:
                day = parse_date(value)
            except DateError as exc:
                problems[key] = str(exc)
                continue
            if day is None:
                continue
            if day > self.ctx.today:
                problems[key] = f"{BY_KEY[key].header}不能晚于今天（{fmt(self.ctx.today)}），请核对"
            elif day.year < 1900:
                problems[key] = f"{BY_KEY[key].header}“{fmt(day)}”不合理，请核对"
            else:
                dates[key] = day
        return dates

    # rules across cells ---------------------------------------------------------------

    def _milestones(
        self, milestones: dict[str, dt.date], birth: dt.date | None, problems: dict[str, str]
    ) -> None:
        applied = milestones.get("applied")
        if applied is not None and birth is not None:
            adult = nth_birthday(birth, MINIMUM_AGE)
            if applied < adult:
                article = rulebook_on(applied).step(1).article
                problems.setdefault(
                    "applied",
                    f"申请入党时须年满 {MINIMUM_AGE} 岁（{article}），此人 {fmt(adult)} 才满 "
                    f"{MINIMUM_AGE} 岁，请核对申请入党日期",
                )
        given = [(k, milestones[k]) for k in MILESTONES if k in milestones]
        for (before, day_before), (after, day_after) in zip(given, given[1:], strict=False):
            if day_after < day_before:
                problems.setdefault(
                    after,
                    f"{BY_KEY[after].header}（{fmt(day_after)}）不能早于"
                    f"{BY_KEY[before].header}（{fmt(day_before)}），请核对",
                )

    def _stage_dates(
        self, stage: Stage, milestones: dict[str, dt.date], problems: dict[str, str]
    ) -> None:
        needed = STAGE_MILESTONE.get(stage)
        if needed in ("activist", "candidate") and needed not in milestones:
            problems.setdefault(
                needed,
                f"{stage.label}须填写{BY_KEY[needed].header}（程序据此提醒培养考察等待办）",
            )
        rank = STAGE_ORDER.index(stage)
        for later_stage in STAGE_ORDER[rank + 1:]:
            key = STAGE_MILESTONE[later_stage]
            if key in milestones and key in ("activist", "candidate"):
                problems.setdefault(
                    key,
                    f"人员类别为{stage.label}，不应填写{BY_KEY[key].header}："
                    f"请核对人员类别（已确定的应为{later_stage.label}）或删去该日期",
                )

    def _existing(
        self, existing: Existing, cleaned: MemberInput, stage: Stage | None,
        milestones: dict[str, dt.date], problems: dict[str, str],
    ) -> int | None:
        where = "（已作废的记录）" if existing.voided else f"（{existing.branch_name}）"
        if existing.voided or not self.ctx.update:
            hint = "" if existing.voided else (
                "；如要用本表更新此人的信息，请勾选“更新已登记的人员”（命令行 --update）"
            )
            problems.setdefault(
                "id_number",
                f"此公民身份号码已登记为 {existing.data.name}{where}，不能重复登记{hint}",
            )
            return None
        changed = any(
            getattr(cleaned, f) != getattr(existing.data, f) for f in (*UPDATABLE, "branch_id")
        )
        if existing.status is Status.TRANSFERRED_OUT and changed:
            problems.setdefault(
                "id_number",
                f"{existing.data.name}的组织关系已转出，档案只读，导入不能修改",
            )
            return None
        if stage is not None and stage is not existing.data.stage:
            problems.setdefault(
                "stage",
                f"库中{existing.data.name}为{existing.data.stage.label}：人员类别随发展步骤变化，"
                "请在发展档案中办理，导入不能修改",
            )
        recorded = {
            "join_date": existing.data.join_date,
            "full_member_date": existing.data.full_member_date,
            **{k: existing.steps.get(MILESTONE_STEP[k]) for k in ("applied", "activist",
                                                               "candidate")},
        }
        for key, day in milestones.items():
            known = recorded.get(key)
            if known is not None and known != day:
                problems.setdefault(
                    key,
                    f"库中{BY_KEY[key].header}为 {fmt(known)}：入党各阶段的日期以发展档案为准，"
                    "导入不能修改，请核对",
                )
        return existing.id


def _stage_of(dates: dict[str, dt.date]) -> Stage:
    """The stage the dates agree with (used only when the stage cell is wrong)."""
    if "full_member_date" in dates:
        return Stage.FULL
    if "join_date" in dates:
        return Stage.PROBATIONARY
    return Stage.APPLICANT


def _merged(
    existing: Existing, data: MemberInput, text: dict[str, str], branch: BranchRef | None
) -> MemberInput:
    """The existing record with the row's non-empty updatable cells (and branch) applied."""
    changes: dict[str, Any] = {key: getattr(data, key) for key in UPDATABLE if text.get(key)}
    merged = replace(existing.data, **changes)
    if branch is not None and branch.id != existing.data.branch_id:
        merged = replace(merged, branch_id=branch.id, group_id=None)
    return replace(
        merged,
        gender=data.gender or merged.gender,
        birth_date=data.birth_date or merged.birth_date,
        join_date=data.join_date or merged.join_date,
        full_member_date=data.full_member_date or merged.full_member_date,
    )

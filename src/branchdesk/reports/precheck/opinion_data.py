"""What the 档案预审意见 prints, ready to lay out: problems grouped by member."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity


def date_text(day: dt.date) -> str:
    """A date as the record sheets write it: 2026年11月26日."""
    return f"{day.year}年{day.month}月{day.day}日"


def step_text(step: int, step_name: str) -> str:
    """The 步骤 column: ``第 15 步 政治审查``; the file as a whole shows only its name."""
    if step <= 0:
        return step_name or "整个档案"
    return f"第 {step} 步 {step_name}".rstrip()


def counts_text(errors: int, warnings: int) -> str:
    """``错误 2 项、提醒 1 项`` (a kind with none is left out), or ``未发现问题``."""
    parts = [f"错误 {errors} 项"] if errors else []
    if warnings:
        parts.append(f"提醒 {warnings} 项")
    return "、".join(parts) or "未发现问题"


def member_heading(name: str, id_number: str, branch: str, errors: int, warnings: int) -> str:
    """A member's line over their problems: name, 公民身份号码, branch (if given), counts."""
    parts = [name, f"公民身份号码 {id_number}"]
    if branch:
        parts.append(branch)
    parts.append(counts_text(errors, warnings))
    return "　".join(parts)


@dataclass(frozen=True)
class OpinionRow:
    """One problem as a row: 步骤, 问题, 依据, 类别 (错误 / 提醒)."""

    step: str
    message: str
    rule: str
    category: str
    error: bool


@dataclass(frozen=True)
class OpinionMember:
    """A member's file and its problems."""

    name: str
    id_number: str
    branch: str
    rows: tuple[OpinionRow, ...]

    @property
    def errors(self) -> int:
        """Number of 错误."""
        return sum(row.error for row in self.rows)

    @property
    def warnings(self) -> int:
        """Number of 提醒."""
        return len(self.rows) - self.errors

    def heading(self, with_branch: bool) -> str:
        """``张三　公民身份号码 110…　第一党支部　错误 1 项、提醒 2 项``."""
        return member_heading(
            self.name, self.id_number, self.branch if with_branch else "", self.errors,
            self.warnings,
        )


@dataclass(frozen=True)
class PrintableOpinion:
    """The opinion as printed: committee, what was checked, when, and the problems by member."""

    committee: str
    scope: str  # 机关第一党支部, or 机关第一党支部　张三（公民身份号码 …） for one file
    checked_on: str  # 2026年11月26日
    printed_on: str
    members: tuple[OpinionMember, ...]
    #: name each member's branch (the check covered several branches)
    name_branches: bool = False

    @property
    def errors(self) -> int:
        """Number of 错误 in all files."""
        return sum(m.errors for m in self.members)

    @property
    def warnings(self) -> int:
        """Number of 提醒 in all files."""
        return sum(m.warnings for m in self.members)

    @property
    def several_branches(self) -> bool:
        """Whether each member's heading names the branch: the check covered several, or
        the members listed come from more than one."""
        return self.name_branches or len({m.branch for m in self.members}) > 1

    @property
    def summary(self) -> str:
        """``共 3 人的档案有问题：错误 2 项、提醒 4 项。`` or ``未发现问题。``"""
        if not self.members:
            return "未发现问题。"
        return (
            f"共 {len(self.members)} 人的档案有问题："
            f"{counts_text(self.errors, self.warnings)}。"
        )


def _row(problem: FileProblem) -> OpinionRow:
    error = problem.severity is ProblemSeverity.ERROR
    return OpinionRow(
        step_text(problem.step, problem.step_name), problem.message, problem.rule,
        problem.severity.label, error,
    )


def group_by_member(problems: Iterable[FileProblem]) -> list[list[FileProblem]]:
    """The problems grouped by member, members in the order they first appear."""
    groups: dict[int, list[FileProblem]] = {}
    for problem in problems:
        groups.setdefault(problem.member_id, []).append(problem)
    return list(groups.values())


def printable(
    problems: Iterable[FileProblem], committee: str, scope: str, checked_on: dt.date,
    printed_on: dt.date | None = None, name_branches: bool = False,
) -> PrintableOpinion:
    """The check's problems as text to print."""
    members = tuple(
        OpinionMember(
            group[0].name, group[0].id_number, group[0].branch, tuple(_row(p) for p in group)
        )
        for group in group_by_member(problems)
    )
    return PrintableOpinion(
        committee=committee, scope=scope, checked_on=date_text(checked_on),
        printed_on=date_text(printed_on or checked_on), members=members,
        name_branches=name_branches,
    )

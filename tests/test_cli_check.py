"""``branchdesk check files`` end to end on the demo database: exactly its deliberate problems."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from branchdesk.core.demo import BRANCH_ONE, BRANCH_STATION, BRANCH_TWO, build_demo
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.rulebook import rulebook_on
from branchdesk.core.rulebook.citations import citation
from branchdesk.storage.database import Database
from branchdesk.storage.models import Member, StepRecord

KEYS = {"id_number", "name", "branch", "step", "severity", "rule", "message"}


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=180,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The demo database as ``branchdesk demo`` makes it today, and a home folder."""
    folder = tmp_path_factory.mktemp("check")
    path = folder / "demo.sqlite"
    build_demo(path, today=dt.date.today())
    yield path, folder / "home"


@pytest.fixture(scope="module")
def checked(demo: tuple[Path, Path]) -> subprocess.CompletedProcess[str]:
    """``branchdesk check files --json`` on the whole demo database."""
    path, home = demo
    return run("check", "files", "--db", path, "--json", home=home)


def _records(path: Path) -> list[tuple[Member, StepRecord]]:
    db = Database.open_sqlite(path)
    try:
        with db.read() as s:
            rows = [
                (member, record)
                for member, record in s.execute(
                    select(Member, StepRecord).join(StepRecord, StepRecord.member_id == Member.id)
                )
            ]
            s.expunge_all()
        return rows
    finally:
        db.dispose()


def test_the_demo_has_exactly_its_three_deliberate_errors(
    demo: tuple[Path, Path], checked: subprocess.CompletedProcess[str]
) -> None:
    path, _home = demo
    result = checked
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)
    assert problems and all(set(p) == KEYS for p in problems)
    errors = sorted((p for p in problems if p["severity"] == "error"), key=lambda p: p["step"])
    assert [(p["branch"], p["step"], p["rule"]) for p in errors] == [
        (BRANCH_STATION, 10, _rule(path, errors[0]["id_number"], 10, "political_review")),
        (BRANCH_TWO, 15, _rule(path, errors[1]["id_number"], 15, "admission_majority")),
        (BRANCH_ONE, 22, citation("archive", rulebook_on(dt.date.today()).version)),
    ]
    political, vote, material = (p["message"] for p in errors)
    assert "早于函调、外调材料回复日期" in political
    assert "少于实到会有表决权" in vote and "票数对不上" in vote
    assert "缺少规定必须归档的「转正申请书」" in material
    assert len({p["id_number"] for p in errors}) == 3

    # what the database holds for them: the reason each is a problem
    rows = _records(path)
    by_number = {m.id_number: m for m, _ in rows}
    assert {by_number[p["id_number"]].name for p in errors} == {p["name"] for p in errors}
    (review,) = [r for m, r in rows if m.id_number == errors[0]["id_number"] and r.step == 10]
    details = json.loads(review.details)
    assert review.imported and details["replies_date"] > details["review_date"]
    (admission,) = [r for m, r in rows if m.id_number == errors[1]["id_number"] and r.step == 15]
    votes = json.loads(admission.details)
    assert votes["yes"] + votes["against"] + votes["abstain"] < votes["present"]

    # the warnings are those a branch at work has: waiting and returned records, and the
    # late approval with its recorded reason
    warnings = [p for p in problems if p["severity"] == "warning"]
    open_records = [r for _, r in rows if r.state in ("pending", "returned")]
    late = [r for _, r in rows if r.exception_reason and r.state == "passed"]
    assert len(warnings) == len(open_records) + len(late)
    for p in warnings:
        assert any(text in p["message"] for text in ("待审核", "已被退回", "已说明原因")), p


def _rule(path: Path, id_number: str, step: int, key: str) -> str:
    """The citation ``key`` in the rulebook in force on the member's record of ``step``."""
    (day,) = [r.date for m, r in _records(path) if m.id_number == id_number and r.step == step]
    return citation(key, rulebook_on(day).version)


def test_text_output_grouped_by_member(demo: tuple[Path, Path]) -> None:
    path, home = demo
    result = run("check", "files", "--db", path, "--branch", BRANCH_STATION, home=home)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    (error,) = [line for line in lines if "【错误】" in line]
    assert error.startswith("  【错误】第10步「进行政治审查」：政治审查结论日期")
    assert error.endswith("（依据：《中国共产党发展党员工作细则》第十六条）")
    headings = [line for line in lines if line and not line.startswith(" ")][:-1]
    assert headings and all(line.startswith(f"{BRANCH_STATION}  ") for line in headings)
    above = max(i for i, line in enumerate(lines[: lines.index(error)]) if line in headings)
    assert all(line.startswith("  【") for line in lines[above + 1: lines.index(error)])
    assert lines[-1].startswith("共 ") and "错误 1 个" in lines[-1]
    assert BRANCH_ONE not in result.stdout and BRANCH_TWO not in result.stdout


def test_a_clean_file_exits_zero_and_bad_input_two(
    demo: tuple[Path, Path], checked: subprocess.CompletedProcess[str]
) -> None:
    path, home = demo
    rows = _records(path)
    flagged = json.loads(checked.stdout)
    troubled = {p["id_number"] for p in flagged}
    clean = next(m for m, r in rows if r.step == 25 and m.id_number not in troubled)
    result = run("check", "files", "--db", path, "--member", clean.id_number, "--json",
                 home=home)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    text = run("check", "files", "--db", path, "--member", clean.id_number, home=home)
    assert (text.returncode, text.stdout.strip()) == (0, "未发现问题。")

    unknown = run("check", "files", "--db", path, "--branch", "第九党支部", home=home)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert "没有名为“第九党支部”的党支部" in unknown.stderr and BRANCH_ONE in unknown.stderr
    number = make_id_number("110105", dt.date(1990, 1, 1), 11)
    nobody = run("check", "files", "--db", path, "--member", number, home=home)
    assert nobody.returncode == 2 and f"没有公民身份号码为 {number} 的人员" in nobody.stderr
    wrong = run("check", "files", "--db", path, "--member", "12345", home=home)
    assert wrong.returncode == 2 and "公民身份号码有误" in wrong.stderr

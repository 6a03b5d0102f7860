"""``branchdesk print reminders``: the demo database's monthly work list, end to end."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

from branchdesk.core.services import Services
from branchdesk.storage.migrate import open_database


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=180,
    )


def _text(path: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", raw)


def test_print_reminders_for_a_month(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "demo.sqlite"
    assert run("demo", db, home=home).returncode == 0
    today = dt.date.today()
    month = f"{today.year}-{today.month:02d}"
    out = tmp_path / "提示单.pdf"
    result = run("print", "reminders", "--month", month, "--db", db, "-o", out, home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已输出：{out}"
    text = _text(out)
    assert "每月党建工作提示单" in text and f"{today.year}年{today.month}月" in text

    database = open_database(db, tmp_path / "backups", create=False)
    try:
        work = Services.build(database, tmp_path / "backups").work_list.build(
            today.year, today.month)
    finally:
        database.dispose()
    assert work.count > 10 and work.overdue_count > 0  # the demo has something of most kinds
    for section, group, item in work.items():
        assert section.name in text and group.label in text
        assert re.sub(r"\s+", "", item.title) in text, item.title
    assert "逾期" in text


def test_a_bad_month_is_refused_in_chinese(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "demo.sqlite"
    assert run("init", db, "--committee", "中共测试委员会", "--branch", "第一党支部",
               home=home).returncode == 0
    out = tmp_path / "x.pdf"
    bad = run("print", "reminders", "--month", "2026-13", "--db", db, "-o", out, home=home)
    assert bad.returncode == 2  # as minutes-book for a bad year
    assert "月份“2026-13”不存在" in bad.stderr and not out.exists()
    odd = run("print", "reminders", "--month", "十一月", "--db", db, "-o", out, home=home)
    assert odd.returncode == 2 and "YYYY-MM" in odd.stderr
    missing = run("print", "reminders", "--db", db, "-o", out, home=home)
    assert missing.returncode == 2 and "缺少参数" in missing.stderr

    # a new database: no member, but the branch owes its meetings
    new = run("print", "reminders", "--month", "2026-11", "--db", db, "-o", out, home=home)
    assert new.returncode == 0, new.stderr
    text = _text(out)
    assert "第一党支部" in text and "应开会议" in text and "第1页共1页" in text


def test_help_lists_the_command() -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    shown = subprocess.run([sys.executable, "-m", "branchdesk", "print", "--help"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert "reminders" in shown.stdout and "每月党建工作提示单" in shown.stdout

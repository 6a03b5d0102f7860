"""``branchdesk print transfer-register``: the demo database's register, end to end."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

LABELS = {"issued": "转出中", "closed": "已转出", "voided": "作废", "received": "待编入",
          "placed": "已转入"}


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


def test_print_transfer_register(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "demo.sqlite"
    assert run("demo", db, home=home).returncode == 0
    con = sqlite3.connect(db)
    when = "coalesce(t.arrival_date, t.issue_date)"  # arrived (in) or issued (out)
    (latest,) = con.execute(f"SELECT max({when}) FROM transfers t").fetchone()
    year = dt.date.fromisoformat(latest).year
    rows = con.execute(
        "SELECT coalesce(m.name, t.person_name), t.state FROM transfers t "
        f"LEFT JOIN members m ON m.id = t.member_id WHERE strftime('%Y', {when}) = ?",
        (str(year),),
    ).fetchall()
    con.close()
    names = [name for name, _state in rows]
    labels = {LABELS[state] for _name, state in rows}
    assert names  # the demo has transfers dated back from today
    out = tmp_path / "转接登记簿.pdf"
    result = run("print", "transfer-register", "--year", str(year), "--db", db, "-o", out,
                 home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"已输出：{out}"
    text = _text(out)
    assert "党员组织关系转接登记簿" in text and f"年度：{year}年" in text
    for name in names:
        assert name in text, name
    for label in labels:
        assert label in text, label
    assert "本年度转出" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    assert all(" yes yes " in row for row in fonts.stdout.splitlines()[2:])

    bad = run("print", "transfer-register", "--year", "26", "--db", db, "-o", out, home=home)
    assert bad.returncode == 2 and "年度“26”不合理" in bad.stderr
    missing = run("print", "transfer-register", "--year", str(year), "--db",
                  tmp_path / "none.sqlite", "-o", out, home=home)
    assert missing.returncode == 1 and "不存在" in missing.stderr
    no_year = run("print", "transfer-register", "--db", db, "-o", out, home=home)
    assert no_year.returncode == 2 and "缺少参数" in no_year.stderr

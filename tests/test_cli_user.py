"""The command line's writes are attributed to a named account (``--user``, password checked
with the program's lockout) or to the OS user recorded as such — never to "system"."""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from branchdesk.cli import main
from branchdesk.core.idnumber import make_id_number

PASSWORD = "chief-pass-1"
OS_ACTOR = "os:alice（操作系统用户）"


def run(*args: str | Path, home: Path,
        password: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real ``branchdesk`` in a process of its own, run by the OS user alice."""
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8",
               LOGNAME="alice", USER="alice", USERNAME="alice")
    env.pop("BRANCHDESK_PASSWORD", None)
    if password is not None:
        env["BRANCHDESK_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
    )


def _init(db: Path, home: Path, *extra: str, password: str | None = None) -> Any:
    return run("init", db, "--committee", "中共某某委员会", "--branch", "第一党支部", *extra,
               home=home, password=password)


def _roster(path: Path, names: list[str]) -> Path:
    book = Workbook()
    book.active.append(["姓名", "公民身份号码", "人员类别", "所在党支部", "入党时间", "转正时间"])
    for number, name in enumerate(names):
        book.active.append([name, make_id_number("110105", dt.date(1980, 5, 1), 13 + 2 * number),
                            "正式党员", "第一党支部", "2005-07-01", "2006-07-01"])
    book.save(path)
    return path


def _actors(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as con:
        return {actor for (actor,) in con.execute(
            "SELECT actor FROM audit_log WHERE table_name = ?", (table,))}


def _member_count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM members").fetchone()[0])


def test_without_user_the_os_user_is_recorded(tmp_path: Path) -> None:
    home, db = tmp_path / "home", tmp_path / "branch.sqlite"
    made = _init(db, home)
    assert made.returncode == 0, made.stderr
    assert OS_ACTOR in made.stdout and "首次启动时将创建管理员账户" in made.stdout
    assert _actors(db, "organisations") == {OS_ACTOR}
    imported = run("import", "members", _roster(tmp_path / "名册.xlsx", ["张三"]), "--db", db,
                   home=home)
    assert imported.returncode == 0, imported.stderr
    assert _actors(db, "members") == {OS_ACTOR}


def test_with_user_init_creates_the_administrator_and_writes_are_theirs(tmp_path: Path) -> None:
    home, db = tmp_path / "home", tmp_path / "branch.sqlite"
    made = _init(db, home, "--user", "chief", password=PASSWORD)
    assert made.returncode == 0, made.stderr
    assert "管理员账户：chief" in made.stdout
    assert _actors(db, "organisations") == {"chief"}
    with sqlite3.connect(db) as con:
        assert list(con.execute("SELECT username, role FROM users")) == [("chief", "admin")]
    roster = _roster(tmp_path / "名册.xlsx", ["张三", "李四"])
    done = run("import", "members", roster, "--db", db, "--user", "CHIEF", home=home,
               password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert _member_count(db) == 2 and _actors(db, "members") == {"chief"}
    with sqlite3.connect(db) as con:
        assert "system" not in {a for (a,) in con.execute(
            "SELECT actor FROM audit_log WHERE table_name IN ('members', 'member_events')")}


# --- in process: the terminal prompt and the lockout ---------------------------------------


class _Terminal:
    """A stand-in stdin that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def chief_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "branch.sqlite"
    monkeypatch.setenv("BRANCHDESK_PASSWORD", PASSWORD)
    assert main(["init", str(db), "--committee", "中共某某委员会", "--branch", "第一党支部",
                 "--user", "chief"]) == 0
    monkeypatch.delenv("BRANCHDESK_PASSWORD")
    return db


def test_a_short_first_password_creates_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "new.sqlite"
    monkeypatch.setenv("BRANCHDESK_PASSWORD", "1234567")
    assert main(["init", str(db), "--committee", "中共某某委员会", "--branch", "第一党支部",
                 "--user", "chief"]) == 1
    assert "密码至少需要 8 个字符" in capsys.readouterr().err
    assert not db.exists()  # checked before the file is created


def test_no_terminal_and_no_password_variable_is_refused(
    chief_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    roster = _roster(tmp_path / "名册.xlsx", ["张三"])
    assert main(["import", "members", str(roster), "--db", str(chief_db), "--user", "chief"]) == 1
    err = capsys.readouterr().err
    assert "BRANCHDESK_PASSWORD" in err and "没有终端" in err
    assert _member_count(chief_db) == 0


def test_help_explains_user_and_the_password_variable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in (["init"], ["import", "members"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        shown = capsys.readouterr().out
        assert "--user" in shown and "BRANCHDESK_PASSWORD" in shown and "操作系统用户" in shown


def test_the_password_is_asked_on_the_terminal(
    chief_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return PASSWORD

    monkeypatch.setattr("branchdesk.cli_user.getpass.getpass", typed)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    roster = _roster(tmp_path / "名册.xlsx", ["张三"])
    assert main(["import", "members", str(roster), "--db", str(chief_db), "--user", "chief"]) == 0
    assert asked == ["账户“chief”的密码："]
    assert _actors(chief_db, "members") == {"chief"}


def test_five_wrong_passwords_lock_the_account_as_in_the_program(
    chief_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roster = str(_roster(tmp_path / "名册.xlsx", ["张三"]))
    command = ["import", "members", roster, "--db", str(chief_db), "--user", "chief"]
    monkeypatch.setenv("BRANCHDESK_PASSWORD", "wrong-password")
    for _ in range(5):
        assert main(command) == 1
    assert "账户已锁定" in capsys.readouterr().err
    monkeypatch.setenv("BRANCHDESK_PASSWORD", PASSWORD)
    assert main(command) == 1
    assert "账户已锁定" in capsys.readouterr().err
    assert _member_count(chief_db) == 0

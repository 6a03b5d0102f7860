import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def test_version_and_help(home: Path) -> None:
    from branchdesk import __version__

    assert run("--version", home=home).stdout.strip() == f"branchdesk {__version__}"
    result = run("--help", home=home)
    assert result.returncode == 0
    for word in ("init", "demo", "backup", "verify", "子命令", "--db"):
        assert word in result.stdout


def test_init_backup_verify(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "branch.sqlite"
    result = run(
        "init",
        db,
        "--committee",
        "中共某某委员会",
        "--branch",
        "第一党支部",
        "--branch",
        "第二党支部",
        home=home,
    )
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    names = [r[0] for r in con.execute("SELECT name FROM organisations ORDER BY id")]
    con.close()
    assert names == ["中共某某委员会", "第一党支部", "第二党支部"]

    again = run("init", db, "--committee", "X", "--branch", "Y", home=home)
    assert again.returncode == 1 and "已存在" in again.stderr and "Traceback" not in again.stderr

    out = tmp_path / "copy.sqlite"
    backup = run("backup", "--db", db, "-o", out, home=home)
    assert backup.returncode == 0 and out.exists()
    default_backup = run("backup", "--db", db, home=home)
    assert default_backup.returncode == 0 and str(home) in default_backup.stdout

    verify = run("verify", "--db", db, home=home)
    assert verify.returncode == 0 and "数据库完好" in verify.stdout

    con = sqlite3.connect(db)
    con.execute("UPDATE organisations SET name='改过的名称' WHERE id=2")
    con.commit()
    con.close()
    broken = run("verify", "--db", db, home=home)
    assert broken.returncode == 1
    assert "organisations" in broken.stdout and "改过的名称" in broken.stdout


def test_newer_database_refused_without_traceback(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "branch.sqlite"
    assert run("init", db, "--committee", "C", "--branch", "B", home=home).returncode == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    result = run("verify", "--db", db, home=home)
    assert result.returncode == 1
    assert "更新版本" in result.stderr and "Traceback" not in result.stderr


def test_missing_database_message(tmp_path: Path, home: Path) -> None:
    result = run("backup", "--db", tmp_path / "nope.sqlite", home=home)
    assert result.returncode == 1 and "不存在" in result.stderr


def test_demo_database(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "demo.sqlite"
    result = run("demo", db, home=home)
    assert result.returncode == 0, result.stderr
    for word in ("admin", "clerk", "reviewer", "demo2026"):
        assert word in result.stdout
    assert run("verify", "--db", db, home=home).returncode == 0
    refused = run("demo", db, home=home)
    assert refused.returncode == 1 and "已存在" in refused.stderr


def test_wrong_arguments_get_chinese_messages(home: Path) -> None:
    result = run("bogus", home=home)
    assert result.returncode == 2
    assert "无效的选项" in result.stderr and "branchdesk --help" in result.stderr
    missing = run("init", "x.sqlite", home=home)
    assert missing.returncode == 2 and "缺少参数" in missing.stderr


def test_reminders_json(tmp_path: Path, home: Path) -> None:
    import json

    db = tmp_path / "demo.sqlite"
    assert run("demo", db, home=home).returncode == 0
    result = run("reminders", "--db", db, "--on", "2026-11-26", "--json", home=home)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items and all(
        set(i) == {"kind", "branch", "id_number", "name", "due", "overdue", "rule", "message"}
        for i in items
    )
    kinds = {i["kind"] for i in items}
    assert "political_birthday" in kinds
    bad = run("reminders", "--db", db, "--on", "2026-13-01", home=home)
    assert bad.returncode == 2 and "格式不对" in bad.stderr


def test_print_booklet(tmp_path: Path, home: Path) -> None:
    import sqlite3

    db = tmp_path / "demo.sqlite"
    assert run("demo", db, home=home).returncode == 0
    con = sqlite3.connect(db)
    number = con.execute(
        "SELECT m.id_number FROM members m JOIN step_records r ON r.member_id = m.id "
        "GROUP BY m.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    con.close()
    out = tmp_path / "booklet.pdf"
    result = run("print", "booklet", "--member", number, "--db", db, "-o", out, home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    wrong = run("print", "booklet", "--member", "11010519491231002X", "--db", db, "-o", out,
                home=home)
    assert wrong.returncode == 1 and "没有公民身份号码" in wrong.stderr
    invalid = run("print", "booklet", "--member", "123", "--db", db, "-o", out, home=home)
    assert invalid.returncode == 2 and "18 位" in invalid.stderr


def test_print_minutes_book(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert run("demo", db, home=home).returncode == 0
    out = tmp_path / "book.pdf"
    result = run("print", "minutes-book", "--branch", "机关第一党支部", "--year", "2026",
                 "--db", db, "-o", out, home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    wrong = run("print", "minutes-book", "--branch", "不存在的支部", "--year", "2026",
                "--db", db, "-o", out, home=home)
    assert wrong.returncode == 1 and "没有名为" in wrong.stderr and "机关第一党支部" in wrong.stderr


def test_print_letter(tmp_path: Path, home: Path) -> None:
    import datetime as dt

    from branchdesk.core.actor import Actor
    from branchdesk.core.idnumber import make_id_number
    from branchdesk.core.member_rules import MemberInput
    from branchdesk.core.services import Services
    from branchdesk.core.transfers import OutgoingInput
    from branchdesk.core.vocab import OrgKind, Role, Stage
    from branchdesk.storage.migrate import open_database

    db = tmp_path / "branch.sqlite"
    assert run("init", db, "--committee", "中共某委员会", "--branch", "第一党支部",
               home=home).returncode == 0
    services = Services.build(open_database(db, tmp_path / "b"), tmp_path / "b")
    actor = Actor("clerk", Role.CLERK)
    branch = services.organisations.find_by_name("第一党支部", OrgKind.BRANCH)
    assert branch is not None
    member = services.members.create(actor, MemberInput(
        name="张三", id_number=make_id_number("110105", dt.date(1980, 5, 1), 13),
        branch_id=branch.id, stage=Stage.FULL, join_date=dt.date(2005, 7, 1),
        full_member_date=dt.date(2006, 7, 1)))
    today = dt.date.today()
    services.transfers.issue(actor, member, OutgoingInput(
        "中共另一党支部", "工作调动", today.year, today.month, today))
    services.db.dispose()
    out = tmp_path / "letter.pdf"
    number = f"（{today.year}）组字第 001 号"
    result = run("print", "letter", "--number", number, "--db", db, "-o", out, home=home)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    missing = run("print", "letter", "--number", "（2020）组字第 999 号", "--db", db, "-o", out,
                  home=home)
    assert missing.returncode == 1 and "没有编号为" in missing.stderr

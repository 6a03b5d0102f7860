"""Two programs on one database file: writes take the lock first, wait for each other, and
a lock held too long is told in Chinese — never an unexpected error, never a lost write."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from branchdesk.cli import main
from branchdesk.core.actor import SYSTEM, Actor
from branchdesk.core.errors import BranchDeskError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role
from branchdesk.storage import database
from branchdesk.storage.errors import DatabaseBusyError
from branchdesk.storage.migrate import open_database

BUSY = "数据库正被其他程序使用，请稍后再试。"
DIGITS = str.maketrans("0123456789", "零一二三四五六七八九")


def name(prefix: str, n: int) -> str:
    """A valid person's name with a number in it: 导入一二."""
    return prefix + str(n).translate(DIGITS)

SAVER = """
import datetime as dt, sys, time
from pathlib import Path
from branchdesk.core.actor import Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import Role, Stage
from branchdesk.storage.migrate import open_database

db_path, stop = Path(sys.argv[1]), Path(sys.argv[2])
services = Services.build(open_database(db_path, db_path.parent / "b", create=False),
                          db_path.parent / "b")
clerk = Actor("clerk", Role.CLERK, "李录入")
branch = services.organisations.find_by_name("第一党支部").id
saved = 0
digits = str.maketrans("0123456789", "零一二三四五六七八九")
while not stop.exists() or saved < 5:
    saved += 1
    services.members.create(clerk, MemberInput(
        name="保存" + str(saved).translate(digits),
        id_number=make_id_number("110105", dt.date(1970, 1, 2), saved),
        branch_id=branch, stage=Stage.FULL, join_date=dt.date(1995, 7, 1),
        full_member_date=dt.date(1996, 7, 1)))
    print(saved, flush=True)
print("saved", saved, flush=True)
"""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite"
    assert main(["init", str(path), "--committee", "中共某某委员会", "--branch", "第一党支部"]) == 0
    return path


def _roster(path: Path, rows: int) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "公民身份号码", "人员类别", "所在党支部", "入党时间", "转正时间"])
    for n in range(1, rows + 1):
        number = make_id_number("110105", dt.date(1980, 5, 1) + dt.timedelta(days=n // 400),
                               n % 400 + 1)
        sheet.append([name("导入", n), number, "正式党员", "第一党支部", "2005-07-01",
                      "2006-07-01"])
    book.save(path)
    return path


def test_cli_import_while_another_process_saves_members(db_path: Path, tmp_path: Path) -> None:
    roster = _roster(tmp_path / "roster.xlsx", 150)
    stop = tmp_path / "stop"
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(db_path), str(stop)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert saver.stdout is not None
        saver.stdout.readline()  # the saver is saving
        imported = subprocess.run(
            [sys.executable, "-m", "branchdesk", "import", "members", str(roster),
             "--db", str(db_path)],
            capture_output=True, text=True, timeout=120,
        )
    finally:
        stop.touch()
        out, err = saver.communicate(timeout=120)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "UNIQUE" not in imported.stderr + err
    assert saver.returncode == 0, err
    saved = int(out.strip().splitlines()[-1].split()[-1])
    with sqlite3.connect(db_path) as con:
        names = {row[0] for row in con.execute("SELECT name FROM members")}
    assert names == ({name("导入", n) for n in range(1, 151)}
                     | {name("保存", n) for n in range(1, saved + 1)})
    verify = subprocess.run([sys.executable, "-m", "branchdesk", "verify", "--db", str(db_path)],
                            capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_a_second_instance_on_the_same_file_works_and_sees_the_first(
    db_path: Path, tmp_path: Path
) -> None:
    """Decided: safe. WAL lets two programs share a file; each write is one locked
    transaction, and the other sees it on its next read (a refresh)."""
    admin = Actor("admin", Role.ADMIN, "王管理")
    first = Services.build(open_database(db_path, tmp_path / "b"), tmp_path / "b")
    second = Services.build(open_database(db_path, tmp_path / "b"), tmp_path / "b")
    try:
        committee = first.organisations.find_by_name("中共某某委员会")
        assert committee is not None
        with second.db.read():  # the second has a page open on the old state
            pass
        first.organisations.create(admin, OrgKind.BRANCH, "第二党支部", committee.id)
        assert second.organisations.find_by_name("第二党支部") is not None
        second.organisations.create(admin, OrgKind.BRANCH, "第三党支部", committee.id)
        assert first.organisations.find_by_name("第三党支部") is not None
        assert first.audit.verify().sound and second.audit.verify().sound
    finally:
        first.db.dispose()
        second.db.dispose()


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)


def _hold_write_lock(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    """Another program in the middle of a long write."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE organisations SET address = '长时间写入' WHERE id = 1")
    return other


def test_a_write_that_meets_a_held_lock_says_busy_and_changes_nothing(
    db_path: Path, tmp_path: Path, short_wait: None
) -> None:
    services = Services.build(open_database(db_path, tmp_path / "b"), tmp_path / "b")
    try:
        committee = services.organisations.find_by_name("中共某某委员会")
        assert committee is not None
        other = _hold_write_lock(db_path)
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as caught:
            services.organisations.create(SYSTEM, OrgKind.BRANCH, "第二党支部", committee.id)
        assert str(caught.value) == BUSY
        assert isinstance(caught.value, BranchDeskError)  # shown as a message, never a crash
        assert time.monotonic() - started < 5  # bounded: a few waits, then the message
        other.rollback()
        assert services.organisations.find_by_name("第二党支部") is None

        # a lock released while the write waits: the write goes through
        other = _hold_write_lock(db_path, check_same_thread=False)
        threading.Timer(0.15, other.rollback).start()
        services.organisations.create(SYSTEM, OrgKind.BRANCH, "第二党支部", committee.id)
        assert services.organisations.find_by_name("第二党支部") is not None
        other.close()
        assert services.audit.verify().sound
    finally:
        services.db.dispose()


def test_cli_says_busy_in_chinese(
    db_path: Path, tmp_path: Path, short_wait: None, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = _roster(tmp_path / "roster.xlsx", 3)
    other = _hold_write_lock(db_path)
    try:
        capsys.readouterr()
        code = main(["import", "members", str(roster), "--db", str(db_path)])
        err = capsys.readouterr().err
    finally:
        other.rollback()
        other.close()
    assert code == 1
    assert err.strip() == f"错误：{BUSY}"
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM members").fetchone()[0] == 0


def test_callbacks_run_after_each_committed_write_only(db_path: Path, tmp_path: Path) -> None:
    services = Services.build(open_database(db_path, tmp_path / "b"), tmp_path / "b")
    calls: list[int] = []
    services.db.after_write.append(lambda: calls.append(1))
    try:
        committee = services.organisations.find_by_name("中共某某委员会")
        assert committee is not None
        services.organisations.create(SYSTEM, OrgKind.BRANCH, "第二党支部", committee.id)
        assert calls == [1]
        with pytest.raises(RuntimeError), services.db.write("admin", "失败的写入"):
            raise RuntimeError("refused: rolled back, no callback")
        assert calls == [1]
        with services.db.read():
            pass
        assert calls == [1]
    finally:
        services.db.dispose()


def test_a_read_kept_out_by_an_exclusive_lock_says_busy(
    db_path: Path, tmp_path: Path, short_wait: None
) -> None:
    services = Services.build(open_database(db_path, tmp_path / "b"), tmp_path / "b")
    services.db.engine.dispose()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE organisations SET address = '独占' WHERE id = 1")
    other.execute("COMMIT")  # the exclusive lock stays until the connection closes
    try:
        with pytest.raises(DatabaseBusyError, match=BUSY):
            services.organisations.find_by_name("中共某某委员会")
    finally:
        other.close()
    assert services.organisations.find_by_name("中共某某委员会") is not None
    services.db.dispose()

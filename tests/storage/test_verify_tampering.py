"""`branchdesk verify` finds rows taken away, altered scans, rewritten trails and accounts."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from development_walk import WALK, people_for, record_and_pass

from branchdesk.cli import main
from branchdesk.core.actor import Actor
from branchdesk.core.errors import LoginError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingInput
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.paths import AppPaths
from branchdesk.storage.anchor_setup import attach_anchor_book
from branchdesk.storage.anchors import read_anchors
from branchdesk.storage.audit import GENESIS_HASH, entry_hash
from branchdesk.storage.migrate import create_database

D = dt.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PASSWORD = "secret-password"
ADMIN = Actor("admin", Role.ADMIN, "王管理")
CLERK = Actor("clerk", Role.CLERK, "李录入")
REVIEWER = Actor("reviewer", Role.REVIEWER, "赵审核")
HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _open(path: Path) -> Services:
    from branchdesk.storage.database import Database

    return Services.build(Database.open_sqlite(path), path.parent / "backups",
                          today=D(2026, 11, 26), hasher=HASHER)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a walked applicant (reviews, people, events), a scan, a resume line
    and a meeting with its sign-in sheet: built once, copied for each test."""
    folder = tmp_path_factory.mktemp("built")
    path = folder / "branch.sqlite"
    sv = Services.build(create_database(path), folder / "backups", today=D(2026, 11, 26),
                        hasher=HASHER)
    try:
        sv.accounts.create_first_admin("admin", PASSWORD, "王管理")
        sv.accounts.create(ADMIN, "clerk", PASSWORD, "李录入", Role.CLERK)
        sv.accounts.create(ADMIN, "reviewer", PASSWORD, "赵审核", Role.REVIEWER)
        committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
        branch = sv.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
        full = [
            sv.members.create(CLERK, MemberInput(
                name=name, id_number=make_id_number("110105", D(1980, 5, 1), seq),
                branch_id=branch, stage=Stage.FULL, join_date=D(2005, 7, 1),
                full_member_date=D(2006, 7, 1),
            ))
            for name, seq in (("张三", 13), ("李四", 15))
        ]
        member = sv.members.create(CLERK, MemberInput(
            name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
            branch_id=branch, stage=Stage.APPLICANT,
        ))
        for step, day, details in WALK[:6]:
            record_and_pass(sv.development, CLERK, REVIEWER, member, step, day, details,
                            people_for(step, full))
        scan = folder / "申请书.png"
        scan.write_bytes(PNG)
        sv.materials.add_scan(CLERK, member, scan, "入党申请书", "入党申请书")
        sv.resume.add(CLERK, member, "2018.09", "2022.06", "某大学学生", "张老师")
        meeting = sv.meetings.record(CLERK, MeetingInput(
            MeetingKind.PARTY_LECTURE, branch, D(2026, 3, 12), "14:00", "15:30", "会议室",
            "张三", "李四", speaker="张三", topic="专题党课", present=tuple(full),
            agenda=(AgendaItem("专题党课"),),
        ))
        sheet = folder / "签到表.png"
        sheet.write_bytes(PNG + b"sheet")
        sv.meetings.attach(CLERK, meeting, sheet, "签到表")
    finally:
        sv.db.dispose()
    return path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "branch.sqlite"
    shutil.copyfile(built, copy)
    return copy


@pytest.fixture
def anchored(db: Path) -> Iterator[Services]:
    """Services on the copy with its anchor book in the data folder (as the program wires it)."""
    sv = _open(db)
    attach_anchor_book(sv.db, AppPaths.default().data_dir)
    yield sv
    sv.db.dispose()


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def _verify(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["verify", "--db", str(path), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


def _rechain(path: Path, start: int) -> None:
    """Recompute every hash from entry ``start`` on, as a forger with the file would."""
    con = sqlite3.connect(path)
    found = con.execute("SELECT hash FROM audit_log WHERE id = ?", (start - 1,)).fetchone()
    prev = found[0] if found else GENESIS_HASH
    rows = con.execute(
        'SELECT id, "at", actor, action, table_name, record_id, member_id, summary, changes '
        "FROM audit_log WHERE id >= ? ORDER BY id", (start,)
    ).fetchall()
    for entry_id, at, actor, action, table, record, member, summary, changes in rows:
        digest = entry_hash(entry_id, dt.datetime.fromisoformat(at), actor, action, table,
                            record, member, summary, changes, prev)
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                    (prev, digest, entry_id))
        prev = digest
    con.commit()
    con.close()


def _last_id(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT max(id) FROM audit_log").fetchone()[0])
    finally:
        con.close()


def test_untouched_database_is_sound(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(db, capsys)
    assert code == 0, out
    assert "数据库完好" in out and "没有缺失" in out and "扫描件 2 个" in out


@pytest.mark.parametrize(
    ("table", "label"),
    [
        ("step_reviews", "发展步骤审核"),
        ("member_events", "党员变更事件"),
        ("resume_entries", "本人简历"),
        ("materials", "发展材料"),
        ("step_people", "发展步骤相关人员"),
        ("meeting_attachments", "会议附件"),
    ],
)
def test_deleted_row_is_found(
    db: Path, capsys: pytest.CaptureFixture[str], table: str, label: str
) -> None:
    _sql(db, f"DELETE FROM {table} WHERE id = (SELECT max(id) FROM {table})")
    code, out = _verify(db, capsys)
    assert code == 1
    assert f"表 {label}（{table}）的记录" in out and "已不存在" in out


def test_altered_scan_bytes_are_found(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE material_blobs SET data = ? WHERE length(data) = 72", (PNG[:-1] + b"!",))
    con.commit()
    con.close()
    code, out = _verify(db, capsys)
    assert code == 1
    assert "扫描件 “入党申请书” 内容已被改动" in out


def test_erased_new_member_with_its_trailing_entries_is_found(
    anchored: Services, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _last_id(db)
    branch = anchored.organisations.find_by_name("第一党支部")
    assert branch is not None
    anchored.members.create(CLERK, MemberInput(
        name="赵六", id_number=make_id_number("110105", D(1990, 1, 1), 17),
        branch_id=branch.id, stage=Stage.APPLICANT,
    ))
    anchored.db.dispose()
    con = sqlite3.connect(db)
    for table, record in con.execute(
        "SELECT table_name, record_id FROM audit_log WHERE id > ? ORDER BY id DESC", (before,)
    ).fetchall():
        con.execute(f"DELETE FROM {table} WHERE id = ?", (int(record),))
    con.execute("DELETE FROM audit_log WHERE id > ?", (before,))
    con.commit()
    con.close()
    code, out = _verify(db, capsys)
    assert code == 1
    assert "审计记录已被截断或改写" in out and "写入时记下的锚点" in out
    assert f"数据库中却只有 {before} 条" in out


def test_deleted_trailing_login_entries_are_found(
    anchored: Services, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _last_id(db)
    anchored.accounts.login("admin", PASSWORD)
    anchored.accounts.login("clerk", PASSWORD)
    anchored.db.dispose()
    _sql(db, f"DELETE FROM audit_log WHERE id > {before}",
         "UPDATE users SET last_login = NULL")
    code, out = _verify(db, capsys)
    assert code == 1 and "审计记录已被截断或改写" in out


def test_swapped_entries_with_a_recomputed_chain_are_found(
    anchored: Services, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anchored.resume.add(CLERK, 1, "1998.09", "2002.07", "某大学学生", "")
    anchored.resume.add(CLERK, 2, "1999.09", "2003.07", "某学院学生", "")
    anchored.db.dispose()
    last = _last_id(db)
    columns = "actor, action, table_name, record_id, member_id, summary, changes"
    con = sqlite3.connect(db)
    first = con.execute(f"SELECT {columns} FROM audit_log WHERE id = ?", (last - 1,)).fetchone()
    second = con.execute(f"SELECT {columns} FROM audit_log WHERE id = ?", (last,)).fetchone()
    assert first[2] == second[2] == "resume_entries" and first[3] != second[3]
    setter = "UPDATE audit_log SET actor=?, action=?, table_name=?, record_id=?, member_id=?," \
             " summary=?, changes=? WHERE id = ?"
    con.execute(setter, (*second, last - 1))
    con.execute(setter, (*first, last))
    con.commit()
    con.close()
    _rechain(db, last - 1)
    code, out = _verify(db, capsys)
    assert code == 1
    assert "审计记录已被截断或改写" in out and f"记录第 {last - 1} 条的校验值" in out
    assert "此后另有 1 个锚点与审计记录不符" in out  # the anchor after the second save


def test_changed_name_with_a_rewritten_trail_is_found(
    anchored: Services, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anchored.db.dispose()  # the anchor of opening it is in the book
    con = sqlite3.connect(db)
    entry_id, changes = con.execute(
        "SELECT id, changes FROM audit_log WHERE table_name='members' AND record_id='3'"
        " AND action='create'"
    ).fetchone()
    rewritten = json.loads(changes)
    rewritten["name"] = [None, "王五"]
    con.execute("UPDATE audit_log SET changes = ? WHERE id = ?",
                (json.dumps(rewritten, ensure_ascii=False, sort_keys=True), entry_id))
    con.execute("UPDATE members SET name = '王五' WHERE id = 3")
    con.commit()
    con.close()
    _rechain(db, entry_id)
    code, out = _verify(db, capsys)
    assert code == 1 and "审计记录已被截断或改写" in out
    # without the anchor book, the forgery is consistent: that is what anchors are for
    shutil.rmtree(AppPaths.default().data_dir / "anchors")
    assert _verify(db, capsys)[0] == 0


def test_replaced_password_hash_is_found(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forged = PasswordHasher().hash("attacker-password")
    _sql(db, f"UPDATE users SET password_hash = '{forged}' WHERE username = 'reviewer'")
    code, out = _verify(db, capsys)
    assert code == 1
    assert "账户（users）的记录 3 字段 password_hash（不显示内容）与审计记录的指纹不符" in out
    con = sqlite3.connect(db)
    trail = " ".join(r[0] for r in con.execute("SELECT changes FROM audit_log"))
    con.close()
    assert forged not in trail and "$argon2" not in trail  # only a fingerprint is kept


def test_cleared_lockout_is_found(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sv = _open(db)
    for _ in range(5):
        with pytest.raises(LoginError):
            sv.accounts.login("clerk", "wrong-password")
    sv.db.dispose()
    con = sqlite3.connect(db)
    changes = con.execute(
        "SELECT changes FROM audit_log WHERE table_name='users' AND record_id='2'"
        " AND changes LIKE '%locked_until%' ORDER BY id DESC"
    ).fetchone()[0]
    con.close()
    locked = json.loads(changes)["locked_until"]  # the lockout is an audited change
    assert locked[0] is None and locked[1] > "2026"
    _sql(db, "UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE id = 2")
    code, out = _verify(db, capsys)
    assert code == 1 and "字段 locked_until 与审计记录不符" in out


def test_an_older_trail_without_account_fingerprints_still_verifies(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Older versions wrote （已修改，不显示） and no lockout keys: such a database is sound,
    and what its trail does record is still checked both ways."""
    _sql(db, "UPDATE users SET failed_attempts = 3, last_login = '2026-01-01 08:00:00.000000'")
    con = sqlite3.connect(db)
    for entry_id, changes in con.execute(
        "SELECT id, changes FROM audit_log WHERE table_name='users'"
    ).fetchall():
        old = {k: v for k, v in json.loads(changes).items()
               if k not in ("failed_attempts", "locked_until", "last_login")}
        if "password_hash" in old:
            old["password_hash"] = [None, "（已修改，不显示）"]
        con.execute("UPDATE audit_log SET changes = ? WHERE id = ?",
                    (json.dumps(old, ensure_ascii=False, sort_keys=True), entry_id))
    con.commit()
    con.close()
    _rechain(db, 1)
    code, out = _verify(db, capsys)
    assert code == 0, out
    _sql(db, "DELETE FROM step_people WHERE id = (SELECT max(id) FROM step_people)")
    code, out = _verify(db, capsys)
    assert code == 1 and "发展步骤相关人员（step_people）的记录" in out


def test_damaged_page_is_reported_in_chinese(db: Path, tmp_path: Path) -> None:
    size = db.stat().st_size
    with open(db, "r+b") as file:
        file.seek(size // 2)
        file.write(b"\xff" * 3000)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk", "verify", "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "损坏" in output and "Traceback" not in output and "意外" not in output


def test_anchors_are_written_on_write_backup_and_kept_in_a_second_folder(
    anchored: Services, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    anchored.db.dispose()
    assert main(["anchors", "--db", str(db), "--second-folder", str(stick)]) == 0
    shown = capsys.readouterr().out
    assert "校验码" in shown and str(stick) in shown
    sv = _open(db)
    attach_anchor_book(sv.db, AppPaths.default().data_dir)
    sv.resume.add(CLERK, 1, "1998.09", "2002.07", "某大学学生", "")
    sv.db.dispose()
    assert main(["backup", "--db", str(db)]) == 0
    books = sorted((AppPaths.default().data_dir / "anchors").glob("branch-*.txt"))
    copies = sorted(stick.glob("branch-*.txt"))
    assert len(books) == 1 and [c.name for c in copies] == [books[0].name]
    reasons = [a.reason for a in read_anchors(books[0]).anchors]
    assert reasons[-2:] == ["写入", "备份"]
    assert [a.reason for a in read_anchors(copies[0]).anchors][-2:] == ["写入", "备份"]
    # a forger who rewrites the data folder's book is still caught by the stick's copy
    capsys.readouterr()
    books[0].unlink()
    _sql(db, f"DELETE FROM audit_log WHERE id = {_last_id(db)}",
         "DELETE FROM resume_entries WHERE id = (SELECT max(id) FROM resume_entries)")
    code, out = _verify(db, capsys)
    assert code == 1 and str(stick) in out and "审计记录已被截断或改写" in out


def test_an_anchor_file_given_on_the_command_line_is_checked(
    anchored: Services, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anchored.resume.add(CLERK, 1, "1998.09", "2002.07", "某大学学生", "")
    anchored.db.dispose()
    kept = tmp_path / "kept.txt"
    book = next((AppPaths.default().data_dir / "anchors").glob("branch-*.txt"))
    shutil.move(book, kept)
    _sql(db, f"DELETE FROM audit_log WHERE id = {_last_id(db)}",
         "DELETE FROM resume_entries WHERE id = (SELECT max(id) FROM resume_entries)")
    assert _verify(db, capsys)[0] == 0  # the default book is gone
    code, out = _verify(db, capsys, "--anchors", str(kept))
    assert code == 1 and str(kept) in out


def test_a_rewritten_database_id_points_to_the_book_left_behind(
    anchored: Services, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A forger who rewrites the trail from its first entry changes the database's id (the
    first entry's hash) and so hides the book from the default check; verify names the book
    left behind, and checking it finds the forgery."""
    anchored.db.dispose()
    con = sqlite3.connect(db)
    summary = con.execute("SELECT summary FROM audit_log WHERE id = 1").fetchone()[0]
    con.execute("UPDATE audit_log SET summary = ? WHERE id = 1", (summary + "（改）",))
    con.commit()
    con.close()
    _rechain(db, 1)
    code, out = _verify(db, capsys)
    book = next((AppPaths.default().data_dir / "anchors").glob("branch-*.txt"))
    assert code == 0 and f"--anchors {book}" in out
    code, out = _verify(db, capsys, "--anchors", str(book))
    assert code == 1 and "审计记录已被截断或改写" in out

"""Logins from several programs at once: the lockout counts every guess, and a login while
another program writes never fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from argon2 import PasswordHasher

from branchdesk.core.accounts import MAX_FAILED_ATTEMPTS, AccountService
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import create_database

#: cheaper than the real hasher (m=64 MiB, t=3) but still a few milliseconds a check, so
#: guesses overlap; the checks run with the parameters stored in the hash
HASHER = PasswordHasher(time_cost=2, memory_cost=16384, parallelism=1)

GUESSER = """
import sys, time
from pathlib import Path
from argon2 import PasswordHasher
from branchdesk.core.accounts import AccountService
from branchdesk.core.errors import LoginError
from branchdesk.storage.database import Database

db = Database.open_sqlite(Path(sys.argv[1]))
accounts = AccountService(db, PasswordHasher(time_cost=2, memory_cost=16384, parallelism=1))
go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
for attempt in range(int(sys.argv[3])):
    try:
        accounts.login(sys.argv[4], sys.argv[5])
        print("OK", flush=True)
    except LoginError as exc:
        print(exc, flush=True)
"""


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite"
    db = create_database(path)
    AccountService(db, HASHER).create_first_admin("admin", "correct-horse-1", "王管理")
    db.dispose()
    return path


def _run_all(path: Path, tmp_path: Path, runs: list[tuple[int, str, str]]) -> list[str]:
    go = tmp_path / "go"
    processes = [
        subprocess.Popen([sys.executable, "-c", GUESSER, str(path), str(go), str(times), user,
                          password], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for times, user, password in runs
    ]
    for process in processes:  # all started and waiting at the line
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    go.touch()
    lines = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        lines.extend(out.splitlines())
    return lines


def _audit_actions(path: Path) -> list[str]:
    db = Database.open_sqlite(path)
    try:
        with db.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT action FROM audit_log ORDER BY id").all()
            return [row[0] for row in rows]
    finally:
        db.dispose()


def test_ten_programs_guessing_in_parallel_get_five_checks(tmp_path: Path) -> None:
    path = _database(tmp_path)
    answers = _run_all(path, tmp_path, [(1, "admin", f"guess-{n}") for n in range(10)])
    assert len(answers) == 10
    checked = [a for a in answers if "再错" in a or "已锁定 10 分钟" in a]
    refused = [a for a in answers if "请管理员重置密码" in a]
    assert len(checked) == MAX_FAILED_ATTEMPTS, answers
    assert len(refused) == 10 - MAX_FAILED_ATTEMPTS, answers
    actions = _audit_actions(path)
    assert actions.count("login_failed") == MAX_FAILED_ATTEMPTS - 1
    assert actions.count("account_locked") == 1


def test_logins_while_another_program_writes_all_succeed(tmp_path: Path) -> None:
    path = _database(tmp_path)
    answers = _run_all(path, tmp_path, [(15, "admin", "correct-horse-1")] * 3)
    assert answers == ["OK"] * 45
    db = Database.open_sqlite(path)
    try:
        from branchdesk.core.services import Services

        assert Services.build(db, tmp_path / "b").audit.verify().sound
    finally:
        db.dispose()
    assert _audit_actions(path).count("login") == 45

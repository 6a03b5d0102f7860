"""Benchmark the cost of durable commits: saving records one transaction each, with SQLite's
``synchronous=NORMAL`` against ``FULL`` (what BranchDesk uses), in WAL mode.

Usage: python benchmarks/bench_durability.py [--saves 200] [--dir DIR]

In one run, on temporary databases in DIR (default: the system's temporary folder — put it
on the disk you care about, a tmpfs does not sync), medians over ``--saves`` saves after one
warm-up save:

  - bare sqlite3: one INSERT of a member-sized row, one transaction each (the library's
    limit for a durable save);
  - BranchDesk: one ``services.members.create`` (validation, the write lock, the row, its
    history event and the chained audit entries), one transaction each;

each with ``synchronous=NORMAL`` and with ``synchronous=FULL``, and the ratios printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import event
from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.core.actor import SYSTEM, Actor
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage.migrate import create_database

MODES = ("NORMAL", "FULL")
CLERK = Actor("clerk", Role.CLERK, "李录入")


def _id_numbers() -> itertools.count[int]:
    return itertools.count(1)


def bare_save_ms(folder: Path, mode: str, saves: int) -> float:
    """One INSERT per transaction with the bare sqlite3 module, WAL, the given sync mode."""
    path = folder / f"bare-{mode}.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={mode}")
    con.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, id_number TEXT, "
                "branch_id INTEGER, stage TEXT, join_date TEXT, note TEXT)")
    numbers = _id_numbers()

    def save() -> None:
        n = next(numbers)
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO members (name, id_number, branch_id, stage, join_date, note) "
                    "VALUES (?, ?, 1, 'full', '2005-07-01', '')", (f"党员{n}", f"{n:018d}"))
        con.execute("COMMIT")

    try:
        return median_ms(save, saves)
    finally:
        con.close()


def branchdesk_save_ms(folder: Path, mode: str, saves: int) -> float:
    """One ``members.create`` per transaction, the engine's commits in the given sync mode."""
    db = create_database(folder / f"branchdesk-{mode}.sqlite")

    def sync_mode(dbapi_connection: Any, _record: Any) -> None:  # after BranchDesk's pragmas
        dbapi_connection.execute(f"PRAGMA synchronous={mode}")

    event.listen(db.engine, "connect", sync_mode)
    db.engine.dispose()  # every connection from here on gets the mode
    services = Services.build(db, folder / "backups")
    committee = services.organisations.create(SYSTEM, OrgKind.COMMITTEE, "中共某某委员会", None)
    branch = services.organisations.create(SYSTEM, OrgKind.BRANCH, "第一党支部", committee)
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == MODES.index(mode) + 1
    numbers = _id_numbers()

    def save() -> None:
        n = next(numbers)
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=n // 400)
        services.members.create(CLERK, MemberInput(
            name="党员" + "甲乙丙丁戊己庚辛壬癸"[n % 10], branch_id=branch,
            id_number=make_id_number("110105", birth, n % 400 + 1), stage=Stage.FULL,
            join_date=dt.date(2005, 7, 1), full_member_date=dt.date(2006, 7, 1),
        ))

    try:
        return median_ms(save, saves)
    finally:
        db.dispose()


def run(folder: Path, saves: int) -> None:
    print(f"saving one record per transaction, WAL, median of {saves} saves, in {folder}")
    print(f"{'':<34}{'NORMAL ms':>10}{'FULL ms':>10}{'FULL/NORMAL':>13}")
    results = {}
    for label, measure in (("bare sqlite3 INSERT", bare_save_ms),
                           ("BranchDesk members.create", branchdesk_save_ms)):
        normal, full = (measure(folder, mode, saves) for mode in MODES)
        results[label] = (normal, full)
        print(f"{label:<34}{normal:>10.2f}{full:>10.2f}{full / normal:>12.1f}×")
    (bare_n, bare_f), (ours_n, ours_f) = results.values()
    print(f"{'BranchDesk / bare':<34}{ours_n / bare_n:>9.1f}×{ours_f / bare_f:>9.1f}×")
    print(f"cost of FULL per save: {ours_f - ours_n:+.2f} ms (BranchDesk), "
          f"{bare_f - bare_n:+.2f} ms (bare)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="逐条保存：synchronous=NORMAL 与 FULL 的代价")
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None, help="放临时数据库的文件夹")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        run(Path(scratch), args.saves)
    return 0


if __name__ == "__main__":
    sys.exit(main())

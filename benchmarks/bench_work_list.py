"""Benchmark the 待办 reminders and the monthly work list (每月党建工作提示单) at county scale.

Usage: python benchmarks/bench_work_list.py [DB.sqlite] [--members 100000] [--repeats 7]
       [--on YYYY-MM-DD] [--no-files] [--keep]

Works on a temporary database: a copy of DB (from benchmarks/generate.py) when given, else
one generated here with ``--members`` members. generate.py writes members only, so unless
``--no-files`` every person in development gets a development file bulk-inserted here, as
far as their stage (passed step records: an applicant's application, an activist's steps
1–6 with half-yearly reviews, a candidate's 1–11, a probationary member's 1–20 dated from
the join date), and every branch a committee term (some ending soon). Then, for one date
(default today), medians after one warm-up (time.perf_counter):

  - each provider's ``due_items`` alone, and ``TodoBoard.items`` (the 待办 list, as
    ``branchdesk reminders`` and the home page read it);
  - ``MonthlyWorkList.build`` for the date's month, the month before and the month after
    (the board read on the list date and on the month's last day, then grouped);
  - the month's list printed (``work_list_bytes``), with its page count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.core.dates import add_months
from branchdesk.core.services import Services
from branchdesk.core.todo import DueItem, DueItemProvider
from branchdesk.core.vocab import OrgKind, Stage, Status
from branchdesk.reports.work_list import work_list_bytes
from branchdesk.reports.work_list_data import printable
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import CommitteeTerm, Member, Organisation, StepRecord

INSERT_CHUNK = 5000


def _steps(rng: random.Random, stage: str, join: dt.date | None, today: dt.date
           ) -> list[tuple[int, int, dt.date]]:
    """(step, occurrence, date) of the passed records of a file as far as ``stage``."""
    def ago(low: int, high: int) -> dt.date:
        return today - dt.timedelta(days=rng.randint(low, high))

    if stage == Stage.APPLICANT.value:
        applied = ago(5, 70)
        steps = [(1, 1, applied)]
        if rng.random() < 0.5:
            steps.append((2, 1, applied + dt.timedelta(days=rng.randint(5, 28))))
        return steps
    if stage == Stage.ACTIVIST.value:
        decided = ago(20, 700)
        steps = [(1, 1, decided - dt.timedelta(days=90)), (2, 1, decided - dt.timedelta(days=70)),
                 (3, 1, decided), (4, 1, decided + dt.timedelta(days=5)),
                 (5, 1, decided + dt.timedelta(days=6))]
        review, occurrence = add_months(decided, 6), 1
        while review < today - dt.timedelta(days=rng.randint(0, 120)):
            steps.append((6, occurrence, review))
            review, occurrence = add_months(review, 6), occurrence + 1
        return steps
    if stage == Stage.CANDIDATE.value:
        chosen = ago(20, 300)
        start = chosen - dt.timedelta(days=500)
        return [(n, 1, start + dt.timedelta(days=40 * (n - 1))) for n in range(1, 7)] + [
            (n, 1, chosen + dt.timedelta(days=4 * (n - 7))) for n in range(7, 12)]
    # probationary: joined (step 15) on the join date
    joined = join or ago(30, 360)
    start = joined - dt.timedelta(days=800)
    steps = [(n, 1, start + dt.timedelta(days=55 * (n - 1))) for n in range(1, 15)]
    steps += [(15, 1, joined), (16, 1, joined + dt.timedelta(days=10))]
    if rng.random() < 0.9:
        approved = add_months(joined, rng.randint(1, 3))
        if approved < today:
            steps += [(17, 1, approved), (18, 1, approved + dt.timedelta(days=3)),
                      (19, 1, approved + dt.timedelta(days=4))]
            if rng.random() < 0.9:
                steps.append((20, 1, approved + dt.timedelta(days=rng.randint(5, 25))))
    return [s for s in steps if s[2] <= today]


def add_development_files(services: Services, today: dt.date, seed: int = 1) -> tuple[int, int]:
    """Bulk-insert passed step records for everyone in development, and committee terms."""
    rng = random.Random(seed)
    developing = (Stage.APPLICANT.value, Stage.ACTIVIST.value, Stage.CANDIDATE.value,
                  Stage.PROBATIONARY.value)
    with services.db.write("bench", "development files") as s:
        people = s.execute(
            select(Member.id, Member.stage, Member.join_date).where(
                Member.stage.in_(developing), Member.status == Status.NORMAL.value,
                Member.voided.is_(False),
            )
        ).all()
        now = dt.datetime.now()
        rows: list[dict[str, Any]] = []
        for member_id, stage, join in people:
            for step, occurrence, day in _steps(rng, stage, join, today):
                rows.append({
                    "member_id": member_id, "step": step, "occurrence": occurrence,
                    "version": 1, "state": "passed", "date": day, "content": "",
                    "details": "{}", "meeting_ref": "", "serial_number": "",
                    "exception_reason": "", "rulebook": "", "imported": True,
                    "recorded_by": "bench", "recorded_at": now,
                })
        for chunk in range(0, len(rows), INSERT_CHUNK):
            s.execute(insert(StepRecord), rows[chunk:chunk + INSERT_CHUNK])
        branches = s.scalars(
            select(Organisation.id).where(Organisation.kind == OrgKind.BRANCH.value)
        ).all()
        terms = []
        for branch in branches:
            start = today - dt.timedelta(days=rng.randint(0, 3 * 365 + 60))
            terms.append({"organisation_id": branch, "start_date": start,
                          "end_date": start + dt.timedelta(days=3 * 365 - 1), "note": ""})
        s.execute(insert(CommitteeTerm), terms)
    return len(people), len(rows)


def _read(provider: DueItemProvider, today: dt.date) -> list[DueItem]:
    return list(provider.due_items(today))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, help="a database from generate.py")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--on", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--no-files", action="store_true",
                        help="do not add development files and committee terms")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="bench-work-list-"))
    path = workdir / "bench.sqlite"
    if args.db:
        shutil.copyfile(args.db, path)
    else:
        generate = Path(__file__).with_name("generate.py")
        subprocess.run([sys.executable, str(generate), str(path), "--members",
                        str(args.members)], check=True)
    db = open_database(path, workdir / "backups", create=False)
    try:
        today: dt.date = args.on
        services = Services.build(db, workdir / "backups", today=today)
        if not args.no_files:
            started = time.perf_counter()
            people, records = add_development_files(services, today)
            print(f"development files: {people} people, {records} step records, "
                  f"committee terms for every branch ({time.perf_counter() - started:.1f} s)")
        repeats = args.repeats
        print(f"date: {today:%Y-%m-%d}, medians of {repeats} after a warm-up")
        for provider in services.todo.providers:
            count = len(list(provider.due_items(today)))
            ms = median_ms(partial(_read, provider, today), repeats)
            print(f"  {type(provider).__name__:<26} {count:>6} items {ms:9.1f} ms")
        items = services.todo.items(today)
        ms = median_ms(lambda: services.todo.items(today), repeats)
        print(f"  {'TodoBoard.items (待办)':<26} {len(items):>6} items {ms:9.1f} ms")
        for label, months in (("month before", -1), ("this month", 0), ("month after", 1)):
            day = add_months(today.replace(day=1), months)
            work = services.work_list.build(day.year, day.month)
            ms = median_ms(partial(services.work_list.build, day.year, day.month), repeats)
            print(f"  MonthlyWorkList {day:%Y-%m} ({label:<12}) {work.count:>6} items "
                  f"({work.overdue_count} overdue) in {len(work.sections)} sections {ms:9.1f} ms")
        work = services.work_list.build(today.year, today.month)
        data = printable(work)
        started = time.perf_counter()
        pdf = work_list_bytes(data)
        seconds = time.perf_counter() - started
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        print(f"  the month's list printed: {len(pdf) / 1e6:.1f} MB, about {pages} pages, "
              f"{seconds:.1f} s (once)")
    finally:
        db.dispose()
        if args.keep:
            print(f"kept: {path}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the 档案预审 at county scale: the check of every file against a bare sqlite3 read of
its rows, and the printed 预审意见 against a bare reportlab page.

Usage: python benchmarks/bench_precheck.py [DB.sqlite] [--members 20000] [--branches 200]
       [--opinion-members 300] [--repeats 5] [--keep]

Works on a temporary database: a copy of DB (from benchmarks/generate.py) when given, else
one generated here with ``--members`` members (a quarter of them in development). Every
person in development gets a development file bulk-inserted here, as far as their stage
(the passed records of bench_work_list.py, not imported: each with the step's fields, one
passed review, the 培养联系人 or 入党介绍人 — two full members of the branch — where the step
names people, and most of the materials formed so far). Then, medians after one warm-up
(time.perf_counter), each beside its bare-library limit in the same run:

  - a bare ``sqlite3`` read of the same rows (the files' members, all their step records,
    people, reviews and material categories), against ``check_files()`` (the check of every
    file, as ``branchdesk check files`` and the 档案预审 window run it) and ``check_branch()``
    of the largest branch: ms in all, ms a file, × bare;
  - a bare one-page reportlab PDF in the same embedded font (bench_booklet.py's
    ``bare_page``), against the 预审意见 for ``--opinion-members`` members with ten
    problems each: ms, pages, ms a page, × bare page.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_booklet import bare_page  # benchmarks/ (this folder is on sys.path)
from bench_work_list import _steps
from sqlalchemy import func, insert, select
from timing import median_ms

from branchdesk.core.dates import add_months
from branchdesk.core.precheck.problems import FileProblem, ProblemSeverity
from branchdesk.core.rulebook import rulebook_on
from branchdesk.core.rulebook.versions import MATERIAL_FORMED_AT
from branchdesk.core.services import Services
from branchdesk.core.vocab import Stage, Status
from branchdesk.reports.fonts import default_fonts
from branchdesk.reports.precheck.opinion import opinion_bytes
from branchdesk.reports.precheck.opinion_data import printable
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import (
    DevelopmentFile,
    Material,
    Member,
    StepPerson,
    StepRecord,
    StepReview,
)

INSERT_CHUNK = 5000
SAMPLE = FileProblem(
    member_id=0, id_number="110105200002290110", name="王堃", branch="机关第一党支部", step=10,
    step_name="进行政治审查", severity=ProblemSeverity.ERROR,
    rule="《中国共产党发展党员工作细则》第十五条",
    message="政审结论的日期（2025年3月1日）早于函调回复的日期（2025年3月10日）：应在收到全部"
            "函调回复后作出政审结论",
)
#: the members whose files are checked, as FilePrecheckService._members_with_files finds them
FILES = (
    "SELECT id FROM members WHERE voided = 0 AND status != 'transferred_out' AND ("
    "id IN (SELECT member_id FROM development_files) OR id IN (SELECT member_id FROM step_records))"
)


#: every row the check reads of the files of a JSON list of member ids: the members, their
#: step records, the people named, the reviews, the material categories
BARE_READS = (
    "SELECT * FROM members WHERE id IN (SELECT value FROM json_each(?))",
    "SELECT * FROM step_records WHERE member_id IN (SELECT value FROM json_each(?)) ORDER BY id",
    "SELECT p.* FROM step_people p JOIN step_records r ON r.id = p.record_id "
    "WHERE r.member_id IN (SELECT value FROM json_each(?)) ORDER BY p.id",
    "SELECT v.* FROM step_reviews v JOIN step_records r ON r.id = v.record_id "
    "WHERE r.member_id IN (SELECT value FROM json_each(?)) ORDER BY v.id",
    "SELECT DISTINCT member_id, category FROM materials "
    "WHERE member_id IN (SELECT value FROM json_each(?))",
)


def bare_read(raw: sqlite3.Connection, where: str = "") -> int:
    """The files' member ids in roster order, then every row of those files (rows read)."""
    ids = [i for (i,) in raw.execute(f"{FILES} {where} ORDER BY branch_id, sort_key, id")]
    listed = json.dumps(ids)
    return len(ids) + sum(len(raw.execute(sql, (listed,)).fetchall()) for sql in BARE_READS)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _details(step: int, day: dt.date, rng: random.Random) -> dict[str, Any]:
    """The step's fields as a clerk fills them (dates stored as ISO text)."""
    if step == 2:
        return {"talker": "王书记", "talker_post": "支部书记", "place": "支部办公室",
                "content": "了解入党动机"}
    if step == 3:
        return {"recommend_method": "党员推荐"}
    if step in (6, 21):
        return {"period_start": _iso(add_months(day, -6)),
                "period_end": _iso(day - dt.timedelta(days=1))}
    if step == 8:
        return {"approval_date": _iso(day - dt.timedelta(days=6)),
                "publicity_start": _iso(day - dt.timedelta(days=3)),
                "publicity_end": _iso(day + dt.timedelta(days=1))}
    if step == 10:
        return {"conclusion": "政治审查合格"}
    if step == 11:
        return {"start": _iso(day - dt.timedelta(days=3)), "end": _iso(day - dt.timedelta(days=1)),
                "hours": 24}
    if step in (15, 23):
        entitled = rng.randint(8, 40)
        present = entitled - rng.randint(0, 3)
        vote = {"entitled": entitled, "present": present, "yes": present, "against": 0,
                "abstain": 0, "method": "无记名投票"}
        return vote | ({"outcome": "按期转正"} if step == 23 else {})
    if step == 16:
        return {"talker": "李委员", "talker_post": "党委委员"}
    return {}


def add_files(path: Path, today: dt.date, seed: int = 1) -> dict[str, int]:
    """Bulk-insert a development file (records, people, reviews, materials) for everyone in
    development; returns the counts of rows written."""
    rng = random.Random(seed)
    developing = (Stage.APPLICANT.value, Stage.ACTIVIST.value, Stage.CANDIDATE.value,
                  Stage.PROBATIONARY.value)
    db = open_database(path, path.parent / "backups", create=False)
    counts = {"files": 0, "records": 0, "people": 0, "reviews": 0, "materials": 0}
    try:
        with db.engine.begin() as connection:
            people = connection.execute(
                select(Member.id, Member.stage, Member.join_date, Member.branch_id).where(
                    Member.stage.in_(developing), Member.status == Status.NORMAL.value,
                    Member.voided.is_(False),
                )
            ).all()
            full: dict[int, list[tuple[int, str, dt.date | None]]] = {}
            for member_id, name, join, branch in connection.execute(
                select(Member.id, Member.name, Member.join_date, Member.branch_id).where(
                    Member.stage == Stage.FULL.value, Member.status == Status.NORMAL.value,
                )
            ):
                full.setdefault(branch, []).append((member_id, name, join))
            next_id = (connection.scalar(select(func.max(StepRecord.id))) or 0) + 1
            now = dt.datetime.now()
            files, records, persons, reviews, materials = [], [], [], [], []
            for member_id, stage, join, branch in people:
                files.append({"member_id": member_id, "file_number": f"FZ{member_id:08d}",
                              "opened_at": now})
                highest = 0
                for step, occurrence, day in _steps(rng, stage, join, today):
                    records.append({
                        "id": next_id, "member_id": member_id, "step": step,
                        "occurrence": occurrence, "version": 1, "state": "passed",
                        "date": day, "content": f"第 {step} 步",
                        "details": json.dumps(_details(step, day, rng), ensure_ascii=False),
                        "meeting_ref": "", "serial_number": "2025000123" if step == 14 else "",
                        "exception_reason": "", "rulebook": rulebook_on(day).version,
                        "imported": False, "recorded_by": "bench", "recorded_at": now,
                    })
                    reviews.append({
                        "record_id": next_id, "outcome": "passed", "opinion": "同意",
                        "reviewer_name": "审核员", "review_date": day, "on_paper": False,
                        "reviewer_username": "admin", "entered_by": "admin", "entered_at": now,
                    })
                    rule = rulebook_on(day).step(step)
                    if rule.people is not None and len(full.get(branch, ())) >= 2:
                        for person, name, joined in rng.sample(full[branch], 2):
                            persons.append({"record_id": next_id, "role": rule.people.role,
                                            "person_id": person, "name": name,
                                            "join_date": joined, "post": "民警"})
                    highest = max(highest, step)
                    next_id += 1
                for category, formed_at in MATERIAL_FORMED_AT.items():
                    if formed_at <= highest and rng.random() < 0.8:
                        materials.append({
                            "member_id": member_id, "category": category, "title": category,
                            "paper_reference": "档案室 3 号柜", "added_by": "admin",
                            "added_at": now,
                        })
            for model, rows, key in ((DevelopmentFile, files, "files"),
                                     (StepRecord, records, "records"),
                                     (StepPerson, persons, "people"),
                                     (StepReview, reviews, "reviews"),
                                     (Material, materials, "materials")):
                for start in range(0, len(rows), INSERT_CHUNK):
                    connection.execute(insert(model), rows[start:start + INSERT_CHUNK])
                counts[key] = len(rows)
    finally:
        db.dispose()
    return counts


def bench_check(path: Path, today: dt.date, repeats: int) -> None:
    """check_files() and check_branch() against a bare sqlite3 read of the same rows."""
    raw = sqlite3.connect(str(path))
    files = len(raw.execute(FILES).fetchall())
    branch, in_branch = raw.execute(
        f"SELECT branch_id, count(*) FROM members WHERE id IN ({FILES}) "
        "GROUP BY branch_id ORDER BY count(*) DESC, branch_id LIMIT 1"
    ).fetchone()
    of_branch = f"AND branch_id = {int(branch)}"
    db = open_database(path, path.parent / "backups", create=False)
    try:
        precheck = Services.build(db, path.parent / "backups", today=today).precheck
        rows = bare_read(raw)
        bare_all = median_ms(lambda: bare_read(raw), repeats)
        bare_branch = median_ms(lambda: bare_read(raw, of_branch), repeats)
        found = precheck.check_files()
        all_ms = median_ms(precheck.check_files, repeats)
        branch_found = precheck.check_branch(branch)
        branch_ms = median_ms(lambda: precheck.check_branch(branch), repeats)
    finally:
        db.dispose()
        raw.close()
    print(f"档案预审 of {files:,} files ({rows:,} rows), medians of {repeats} after a warm-up")
    print(f"  {'case':<46}{'ms':>9}{'ms a file':>11}{'× bare':>9}")
    for label, ms, count, limit in (
        ("bare sqlite3 read of every file's rows", bare_all, files, bare_all),
        (f"check_files(): every file, {len(found):,} problems", all_ms, files, bare_all),
        (f"bare sqlite3 read, largest branch ({in_branch} files)", bare_branch, in_branch,
         bare_branch),
        (f"check_branch(): that branch, {len(branch_found):,} problems", branch_ms, in_branch,
         bare_branch),
    ):
        print(f"  {label:<46}{ms:>9.1f}{ms / count:>11.2f}{ms / limit:>9.1f}")


def bench_opinion(members: int, repeats: int) -> None:
    """The 预审意见 for ``members`` members, ten problems each, against a bare page."""
    default_fonts()  # registered once in a running program
    problems = [
        dataclasses.replace(SAMPLE, member_id=member, step=step)
        for member in range(members) for step in range(1, 11)
    ]
    opinion = printable(problems, "中共演示委员会", "全部党支部", dt.date(2026, 11, 26))
    pdf = opinion_bytes(opinion)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    bare_ms = median_ms(bare_page, repeats)
    ms = median_ms(lambda: opinion_bytes(opinion), repeats)
    print(f"预审意见 for {members} members, {len(problems):,} problems: {pages} pages, "
          f"{len(pdf) // 1024} kB")
    print(f"  {'case':<46}{'ms':>9}{'ms a page':>11}{'× bare':>9}")
    print(f"  {'bare one-page PDF, same font':<46}{bare_ms:>9.1f}{bare_ms:>11.1f}{1:>9.1f}")
    print(f"  {'opinion_bytes()':<46}{ms:>9.0f}{ms / pages:>11.1f}{ms / bare_ms:>9.0f}")
    print(f"  a page of the opinion: {ms / pages / bare_ms:.1f} × the bare page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="档案预审的检查与预审意见打印的基准测试")
    parser.add_argument("db", type=Path, nargs="?",
                        help="benchmarks/generate.py 生成的数据库（复制后使用）")
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--opinion-members", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="保留临时数据库")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.exists():
        parser.error(f"{args.db} 不存在")
    work = Path(tempfile.mkdtemp(prefix="branchdesk-precheck-"))
    path = work / "precheck.sqlite"
    today = dt.date.today()
    try:
        if args.db is not None:
            shutil.copyfile(args.db, path)
        else:
            from generate import generate

            generate(path, args.members, args.branches)
        started = time.perf_counter()
        counts = add_files(path, today)
        print(", ".join(f"{n:,} {what}" for what, n in counts.items())
              + f" inserted in {time.perf_counter() - started:.1f} s")
        bench_check(path, today, args.repeats)
        bench_opinion(args.opinion_members, args.repeats)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the 组织关系转接 list and the letter's member picker at county scale.

Usage: python benchmarks/bench_transfer_list.py [DB.sqlite] [--transfers 100000]
       [--members 100000] [--repeats 15] [--keep]

Works on a temporary database: a copy of DB (from benchmarks/generate.py) when given, else
one generated here with ``--members`` members. ``--transfers`` transfers are bulk-inserted
into it (80% letters out over ten years, numbered per year: mostly closed by the receipt,
some 转出中 and 逾期, a few voided; 20% letters in, most placed). Then, medians after one
warm-up (time.perf_counter):

  - a bare sqlite3 query of the same ids, for scale;
  - one list refresh as the page does it: ``TransferList.search`` (ids and 逾期 count) plus
    the first page of 200 rows, for the unfiltered list, texts and filters;
  - the old way, ``TransferService.search`` (every transfer as TransferInfo);
  - the picker: ``TransferList.transferable(text)`` (at most 50) against the old
    ``TransferService.transferable_members()`` (everybody).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from timing import median_ms  # benchmarks/timing.py (this folder is on sys.path)

from branchdesk.core.numerals import letter_number
from branchdesk.core.services import Services
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import Member, Organisation, Transfer

#: rows the transfer list model fetches at once when the table first paints
FIRST_PAGE = 200
ORGS = ("中共某某县委组织部", "中共示例市教育局委员会", "中共某某镇委员会",
        "中共某某街道工作委员会", "中共某某大学委员会", "中共某某区委组织部", "中共某某公司委员会")
REASONS = ("工作调动", "升学", "毕业", "退休", "迁居", "参军")
INSERT_CHUNK = 5000
#: every row has every column (one executemany); each kind fills in its own
BLANK: dict[str, Any] = {
    "member_id": None, "person_name": "", "person_stage": "", "issuing_committee_id": None,
    "serial": 0, "reason": "", "void_reason": "", "receipt_date": None,
    "receipt_organisation": "", "receipt_handler": "", "arrival_date": None,
    "receipt_sent_date": None,
}


def _transfer_rows(
    rng: random.Random, count: int, today: dt.date, members: list[tuple[int, str, str]],
    committee: int,
) -> list[dict[str, Any]]:
    """Transfers spread over ten years, oldest first, letters out numbered per year."""
    start = today - dt.timedelta(days=3650)
    days = sorted(start + dt.timedelta(days=rng.randrange(3650)) for _ in range(count))
    serials: dict[int, int] = {}
    rows = []
    for day in days:
        member_id, name, branch = rng.choice(members)
        base: dict[str, Any] = BLANK | {
            "year": day.year, "dues_year": day.year, "dues_month": day.month,
            "validity_days": 30, "issue_date": day, "created_by": "admin",
        }
        if rng.random() < 0.8:
            serials[day.year] = serial = serials.get(day.year, 0) + 1
            recent = (today - day).days < 120
            roll = rng.random()
            state = ("voided" if roll < 0.02 else "issued" if recent and roll < 0.6
                     else "closed")
            rows.append(base | {
                "direction": "out", "member_id": member_id, "state": state,
                "letter_number": letter_number(day.year, serial),
                "issuing_committee_id": committee, "serial": serial,
                "from_organisation": branch, "to_organisation": rng.choice(ORGS),
                "reason": rng.choice(REASONS),
                "void_reason": "转往党组织填写有误" if state == "voided" else "",
                "receipt_date": day + dt.timedelta(days=12) if state == "closed" else None,
                "receipt_organisation": "接收党组织" if state == "closed" else "",
                "receipt_handler": "刘经办" if state == "closed" else "",
            })
        else:
            placed = (today - day).days > 30 or rng.random() < 0.5
            rows.append(base | {
                "direction": "in", "member_id": member_id if placed else None,
                "person_name": name, "state": "placed" if placed else "received",
                "letter_number": f"（{day.year}）外字第 {rng.randrange(1, 400):03d} 号",
                "from_organisation": rng.choice(ORGS),
                "to_organisation": branch if placed else "", "arrival_date": day,
                "receipt_sent_date": day + dt.timedelta(days=9) if placed else None,
                "person_stage": "full",
            })
    return rows


def prepare(source: Path | None, members: int, transfers: int, work: Path) -> Path:
    """A temporary database with members and ``transfers`` transfers."""
    path = work / "transfers.sqlite"
    if source is not None:
        shutil.copyfile(source, path)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from generate import generate

        generate(path, members, 200)
    started = time.perf_counter()
    db = open_database(path, work / "backups")  # an older file is brought up to date
    try:
        with db.engine.begin() as connection:
            people = [
                (i, n, b) for i, n, b in connection.execute(
                    select(Member.id, Member.name, Organisation.name)
                    .join(Organisation, Organisation.id == Member.branch_id)
                    .where(Member.stage.in_(("full", "probationary")))
                )
            ]
            committee = connection.execute(
                select(Organisation.id).where(Organisation.kind == "committee")
            ).scalar_one()
            rows = _transfer_rows(random.Random(5), transfers, dt.date.today(), people, committee)
            for start in range(0, len(rows), INSERT_CHUNK):
                connection.execute(insert(Transfer), rows[start : start + INSERT_CHUNK])
    finally:
        db.dispose()
    print(f"{transfers:,} transfers inserted in {time.perf_counter() - started:.1f} s")
    return path


def bench(path: Path, repeats: int) -> None:
    raw = sqlite3.connect(str(path))
    db = Database.open_sqlite(path)
    services = Services.build(db, path.parent / "backups")
    listing = services.transfer_list
    counts = dict(raw.execute("SELECT direction, count(*) FROM transfers GROUP BY direction"))
    # the 778th newest letter and the 4,322nd three-character name (or the last, in a small run)
    outgoing = counts.get("out", 0)
    number = raw.execute(
        "SELECT letter_number FROM transfers WHERE direction = 'out' ORDER BY id DESC LIMIT 1 "
        "OFFSET ?", (min(777, max(outgoing - 1, 0)),)
    ).fetchone()[0]
    fragment = "".join(number.split())[:-2]  # （2026）组字第12 — a few letters of one year
    three = raw.execute("SELECT count(*) FROM members WHERE length(name) = 3").fetchone()[0]
    name = raw.execute("SELECT name FROM members WHERE length(name) = 3 LIMIT 1 OFFSET ?",
                       (min(4321, max(three - 1, 0)),))
    surname = name.fetchone()[0][0]
    print(f"database: {path} ({counts.get('out', 0):,} out, {counts.get('in', 0):,} in), "
          f"median of {repeats} runs\n")

    bare_sql = "SELECT id FROM transfers ORDER BY issue_date DESC, id DESC"
    print(f"{'list refresh (ids + first 200 rows)':<44}{'matches':>8}{'ms':>9}")
    cases: list[tuple[str, dict[str, Any]]] = [
        ("unfiltered", {}),
        (f"text: surname “{surname}”", {"text": surname}),
        (f"text: number “{fragment}”", {"text": fragment}),
        ("text: organisation “教育局”", {"text": "教育局"}),
        ("逾期 only", {"overdue_only": True}),
        ("out, 转出中", {"direction": "out", "state": "issued"}),
        (f"year {dt.date.today().year - 3}", {"year": dt.date.today().year - 3}),
        ("text “nobody” (no match)", {"text": "nobody"}),
    ]
    bare = median_ms(lambda: raw.execute(bare_sql).fetchall(), repeats)
    print(f"{'bare sqlite3: all ids, newest first':<44}{sum(counts.values()):>8}{bare:>9.1f}")
    for label, kwargs in cases:
        def refresh(kwargs: dict[str, Any] = kwargs) -> int:
            found = listing.search(**kwargs)
            listing.rows(found.ids[:FIRST_PAGE])
            return len(found.ids)

        def ids_only(kwargs: dict[str, Any] = kwargs) -> list[int]:
            return listing.search_ids(**kwargs)

        matches = refresh()
        ms = median_ms(refresh, repeats)
        print(f"{label:<44}{matches:>8}{ms:>9.1f}   (search_ids alone "
              f"{median_ms(ids_only, repeats):.1f})")
    old_repeats = max(3, repeats // 5)
    for label, text in (("old: TransferService.search(), all", ""),
                        (f"old: TransferService.search(“{surname}”)", surname)):
        found = len(services.transfers.search(text=text))
        ms = median_ms(lambda text=text: services.transfers.search(text=text), old_repeats)
        print(f"{label:<44}{found:>8}{ms:>9.1f}")

    id_number = raw.execute(
        "SELECT id_number FROM members WHERE stage = 'full' ORDER BY id"
        " LIMIT 1 OFFSET min(999, (SELECT count(*) - 1 FROM members WHERE stage = 'full'))"
    ).fetchone()[0]
    print(f"\n{'member picker (at most 50)':<44}{'shown':>8}{'ms':>9}")
    for label, text in (("empty (first 50 by name)", ""), (f"surname “{surname}”", surname),
                        ("pinyin initials “zs”", "zs"),
                        (f"ID fragment “{id_number[6:14]}”", id_number[6:14])):
        shown = len(listing.transferable(text))
        ms = median_ms(lambda text=text: listing.transferable(text), repeats)
        print(f"{label:<44}{shown:>8}{ms:>9.1f}")
    everybody = len(services.transfers.transferable_members())
    ms = median_ms(services.transfers.transferable_members, old_repeats)
    print(f"{'old: transferable_members(), everybody':<44}{everybody:>8}{ms:>9.1f}")
    raw.close()
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="组织关系转接列表与选人框的基准测试")
    parser.add_argument(
        "db", type=Path, nargs="?", help="benchmarks/generate.py 生成的数据库（复制后使用）"
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--transfers", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="保留临时数据库")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.exists():
        parser.error(f"{args.db} 不存在")
    work = Path(tempfile.mkdtemp(prefix="branchdesk-transfers-"))
    try:
        bench(prepare(args.db, args.members, args.transfers, work), args.repeats)
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

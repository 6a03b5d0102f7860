"""Benchmark importing a roster workbook of 10,000 valid rows (goal: under 10 seconds).

Usage: python benchmarks/bench_import.py [--rows 10000] [--branches 50] [--existing 0]
       [--keep DIR]

Builds a temporary database (a committee and ``--branches`` branches through the services,
and ``--existing`` members already registered, bulk-inserted as benchmarks/generate.py does)
and a workbook of ``--rows`` valid rows in a clerk's messy style: stages in the usual mix,
milestone dates as Excel dates and as text in every accepted form, headers under aliases
and in a shuffled order below a title row. Then it times, once each (an import writes):

  - reading and checking the file: ``services.member_import.preview``;
  - writing it in one transaction: ``services.member_import.import_preview``;

and prints both and their sum, which is what ``branchdesk import members`` takes (wall time,
and this process's CPU time, which other programs on the machine do not inflate), then
checks that every row was imported and that ``branchdesk verify`` finds the database sound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import REGIONS, _name, generate  # noqa: E402

from branchdesk.core.actor import Actor  # noqa: E402
from branchdesk.core.dates import add_years  # noqa: E402
from branchdesk.core.idnumber import make_id_number  # noqa: E402
from branchdesk.core.services import Services  # noqa: E402
from branchdesk.core.vocab import OrgKind, Role  # noqa: E402
from branchdesk.storage.integrity import verify_database  # noqa: E402
from branchdesk.storage.migrate import create_database, open_database  # noqa: E402

TODAY = dt.date.today()
HEADERS = ("姓 名", "性别", "民族", "身份证号", "学历", "人员类别", "所在党支部",
           "申请入党日期", "确定入党积极分子日期", "确定发展对象日期", "入党时间", "转正时间",
           "职务", "手机", "备注")
STAGES = (("正式党员", 70), ("预备党员", 8), ("发展对象", 6), ("入党积极分子", 9),
          ("入党申请人", 7))


def _text(day: dt.date, rng: random.Random) -> Any:
    """A date in one of the forms clerks type (or a real Excel date)."""
    form = rng.randrange(6)
    if form == 0:
        return day
    if form == 1:
        return day.isoformat()
    if form == 2:
        return f"{day.year}/{day.month}/{day.day}"
    if form == 3:
        return f"{day.year}.{day.month}.{day.day}"
    if form == 4:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day:%Y%m%d}"


def _row(rng: random.Random, used: set[str], branches: list[str]) -> list[Any]:
    name, gender = _name(rng)
    stage = rng.choices([s for s, _ in STAGES], [w for _, w in STAGES])[0]
    age = rng.randrange(26, 70) if stage == "正式党员" else rng.randrange(22, 40)
    birth = add_years(TODAY, -age) - dt.timedelta(days=rng.randrange(1, 360))
    while True:
        base = rng.randrange(0, 499)
        sequence = base * 2 + 1 if gender == "男" else base * 2 + 2
        number = make_id_number(rng.choice(REGIONS), birth, sequence)
        if number not in used:
            used.add(number)
            break
    dates: list[dt.date | None] = [None] * 5
    if stage == "正式党员":
        join = add_years(birth, 22) + dt.timedelta(days=rng.randrange(0, 365 * (age - 24)))
        dates = [join - dt.timedelta(days=900), join - dt.timedelta(days=700),
                 join - dt.timedelta(days=200), join, add_years(join, 1)]
    elif stage == "预备党员":
        join = TODAY - dt.timedelta(days=rng.randrange(10, 360))
        dates = [join - dt.timedelta(days=800), join - dt.timedelta(days=600),
                 join - dt.timedelta(days=150), join, None]
    elif stage == "发展对象":
        candidate = TODAY - dt.timedelta(days=rng.randrange(10, 300))
        dates = [candidate - dt.timedelta(days=600), candidate - dt.timedelta(days=400),
                 candidate, None, None]
    elif stage == "入党积极分子":
        activist = TODAY - dt.timedelta(days=rng.randrange(10, 700))
        dates = [activist - dt.timedelta(days=90), activist, None, None, None]
    else:
        dates = [TODAY - dt.timedelta(days=rng.randrange(1, 400)), None, None, None, None]
    return [
        name, gender, "汉族" if rng.random() < 0.95 else "回族", number,
        rng.choice(("大学本科", "本科", "大专", "研究生（硕士）", "高中")), stage,
        rng.choice(branches),
        *[_text(d, rng) if d else None for d in dates],
        rng.choice(("民警", "辅警", "科员")),
        "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9)), "",
    ]


def write_workbook(path: Path, rows: int, branches: list[str], seed: int = 7) -> None:
    rng = random.Random(seed)
    book = Workbook()  # shared strings and a dimension, as Excel and WPS write a workbook
    sheet = book.active
    sheet.title = "花名册"
    order = list(range(len(HEADERS)))
    rng.shuffle(order)
    sheet.append(["某某党委党员花名册（导入测试）"])
    sheet.append([HEADERS[i] for i in order])
    used: set[str] = set()
    for _ in range(rows):
        row = _row(rng, used, branches)
        sheet.append([row[i] for i in order])
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--existing", type=int, default=0,
                        help="members already in the database (bulk-inserted)")
    parser.add_argument("--keep", type=Path, help="keep the database and workbook in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path, sheet_path = folder / "import.sqlite", folder / "名册.xlsx"
    for stale in (db_path, sheet_path):
        stale.unlink(missing_ok=True)
    if args.existing:
        generate(db_path, args.existing, args.branches)
        db = open_database(db_path, folder / "backups", create=False)
    else:
        db = create_database(db_path)
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    services = Services.build(db, folder / "backups", hasher=hasher)
    actor = Actor("admin", Role.ADMIN, "管理员")
    if not args.existing:
        services.accounts.create_first_admin("admin", "bench-2026", "管理员")
        committee = services.organisations.create(actor, OrgKind.COMMITTEE, "中共示例委员会", None)
        for n in range(args.branches):
            services.organisations.create(actor, OrgKind.BRANCH, f"第{n + 1}党支部", committee)
    branches = [b.name for b in services.organisations.branches()]
    started = time.perf_counter()
    write_workbook(sheet_path, args.rows, branches)
    print(f"workbook of {args.rows:,} rows written in {time.perf_counter() - started:.1f} s "
          f"({sheet_path.stat().st_size / 1e6:.1f} MB)")

    started, cpu = time.perf_counter(), time.process_time()
    preview = services.member_import.preview(sheet_path)
    checked, checked_cpu = time.perf_counter() - started, time.process_time() - cpu
    if preview.invalid_rows:
        for problem in preview.problems[:10]:
            print(problem)
        print(f"{len(preview.invalid_rows)} rows invalid: the generator is wrong")
        return 1
    started, cpu = time.perf_counter(), time.process_time()
    result = services.member_import.import_preview(actor, preview)
    written, written_cpu = time.perf_counter() - started, time.process_time() - cpu
    print("                          wall      CPU (this process)")
    print(f"read and check (preview): {checked:6.2f} s  {checked_cpu:6.2f} s")
    print(f"write (one transaction):  {written:6.2f} s  {written_cpu:6.2f} s")
    total, total_cpu = checked + written, checked_cpu + written_cpu
    print(f"total:                    {total:6.2f} s  {total_cpu:6.2f} s  (goal: under 10 s)")
    assert result.imported == args.rows, result
    with db.read() as session:
        report = verify_database(session)
    print("verify:", "sound" if report.sound else report.problems[0])
    db.dispose()
    return 0 if report.sound else 1


if __name__ == "__main__":
    sys.exit(main())

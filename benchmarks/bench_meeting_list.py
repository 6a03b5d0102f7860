"""Benchmark the 会议记录 list at county scale: ids in one query and a page of rows, against
reading every meeting as a row.

Usage: python benchmarks/bench_meeting_list.py [DB.sqlite] [--meetings 110000]
       [--members 100000] [--repeats 15] [--keep]

Works on a temporary database: a copy of DB (from benchmarks/generate.py) when given, else
one generated here with ``--members`` members. ``--meetings`` meetings of the last year are
bulk-inserted into it, spread over the branches and their groups by kind (主题党日 and
党小组会 most, then 支委会, 党课, 支部党员大会, 组织生活会 and others), each with a title and
a search text of about 150 characters as recording a meeting stores it (place, host,
recorder, topic, agenda, discussion). The list reads neither versions nor attendance, so
none are written. Then, medians after one warm-up (time.perf_counter):

  - a bare sqlite3 query of all ids, newest first, for scale;
  - one list refresh as the page does it: ``MeetingList.search_ids`` plus the first page of
    200 rows, unfiltered, for texts, a type, a branch and a date range;
  - the old way, ``MeetingService.search`` (every matching meeting as a MeetingRow),
    unfiltered and for the same texts.
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

from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import MeetingFilter
from branchdesk.core.search_keys import normalise_query
from branchdesk.core.services import Services
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import open_database
from branchdesk.storage.models import Meeting, Organisation

#: rows the meeting list model fetches at once when the table first paints
FIRST_PAGE = 200
INSERT_CHUNK = 5000
#: (kind, weight) for a branch's own meetings; a group's are all 党小组会
BRANCH_KINDS = (
    (MeetingKind.THEME_DAY, 12), (MeetingKind.COMMITTEE_MEETING, 12),
    (MeetingKind.PARTY_LECTURE, 4), (MeetingKind.GENERAL_MEETING, 4),
    (MeetingKind.LIFE_MEETING, 1), (MeetingKind.MEMBER_APPRAISAL, 1), (MeetingKind.OTHER, 2),
)
TOPICS = (
    "学习党章", "学习习近平新时代中国特色社会主义思想", "党费收缴使用情况通报", "重温入党誓词",
    "发展党员工作推进", "讨论接收预备党员", "预备党员转正", "民主评议党员", "专题组织生活会",
    "安全生产专题学习", "防汛工作部署", "乡村振兴工作交流", "志愿服务活动安排", "党风廉政建设",
    "学习新修订的纪律处分条例", "开展谈心谈话", "年度工作总结", "党员积分管理", "主题教育",
)
PLACES = ("支部会议室", "党员活动室", "村委会议室", "社区服务中心", "派出所会议室", "学校会议室",
          "红色教育基地", "车间会议室")
PHRASES = (
    "大家结合自身工作谈了体会", "会议要求全体党员认真学习", "与会党员逐一发言", "对照检查找差距",
    "形成决议如下", "支部书记作总结讲话", "会议传达了上级党委文件精神", "讨论了下一步工作安排",
    "对存在的问题提出整改措施", "按时足额交纳党费", "发挥先锋模范作用", "加强理论学习",
)
NAMES = "张伟 王芳 李娜 刘洋 陈静 杨勇 赵磊 黄敏 周涛 吴霞 徐斌 孙丽".split()


def _meeting_rows(
    rng: random.Random, count: int, today: dt.date, branches: list[int], groups: list[int]
) -> list[dict[str, Any]]:
    """Meetings of the year before ``today``, oldest first, as recording stores them."""
    kinds = [kind for kind, _w in BRANCH_KINDS]
    weights = [w for _k, w in BRANCH_KINDS]
    days = sorted(today - dt.timedelta(days=rng.randrange(365)) for _ in range(count))
    rows = []
    for day in days:
        if groups and rng.random() < 0.3:
            kind, organisation = MeetingKind.GROUP_MEETING, rng.choice(groups)
        else:
            kind = rng.choices(kinds, weights)[0]
            organisation = rng.choice(branches)
        topic = rng.choice(TOPICS)
        title = f"{topic}（{day.month}月）" if kind is MeetingKind.THEME_DAY else topic
        texts = [rng.choice(PLACES), *rng.sample(NAMES, 2), topic, title,
                 *rng.sample(PHRASES, 5)]
        rows.append({
            "kind": kind.value, "organisation_id": organisation, "date": day, "title": title,
            "current_version": 2 if rng.random() < 0.03 else 1, "created_by": "admin",
            "search_text": normalise_query(" ".join(texts)),
        })
    return rows


def prepare(source: Path | None, members: int, meetings: int, work: Path) -> Path:
    """A temporary database with members, branches, groups and ``meetings`` meetings."""
    path = work / "meetings.sqlite"
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
            orgs = connection.execute(select(Organisation.id, Organisation.kind)).all()
            branches = [i for i, kind in orgs if kind == "branch"]
            groups = [i for i, kind in orgs if kind == "group"]
            rows = _meeting_rows(random.Random(7), meetings, dt.date.today(), branches, groups)
            for start in range(0, len(rows), INSERT_CHUNK):
                connection.execute(insert(Meeting), rows[start : start + INSERT_CHUNK])
    finally:
        db.dispose()
    print(f"{meetings:,} meetings inserted in {time.perf_counter() - started:.1f} s")
    return path


def bench(path: Path, repeats: int) -> None:
    raw = sqlite3.connect(str(path))
    db = Database.open_sqlite(path)
    services = Services.build(db, path.parent / "backups")
    listing = services.meeting_list
    total = raw.execute("SELECT count(*) FROM meetings").fetchone()[0]
    branch = raw.execute(
        "SELECT id, name FROM organisations WHERE kind = 'branch' ORDER BY id LIMIT 1 OFFSET 77"
    ).fetchone()
    last_quarter = dt.date.today() - dt.timedelta(days=91)
    print(f"database: {path} ({total:,} meetings), median of {repeats} runs\n")

    bare_sql = "SELECT id FROM meetings ORDER BY date DESC, id DESC"
    print(f"{'list refresh (ids + first 200 rows)':<44}{'matches':>8}{'ms':>9}")
    texts = (("text “党费”", "党费"), ("text “派出所会议室”", "派出所会议室"),
             ("text “纪律处分条例”", "纪律处分条例"), ("text “nobody” (no match)", "nobody"))
    cases: list[tuple[str, MeetingFilter]] = [
        ("unfiltered", MeetingFilter()),
        *[(label, MeetingFilter(text=text)) for label, text in texts],
        ("type 支部党员大会", MeetingFilter(kind=MeetingKind.GENERAL_MEETING)),
        (f"branch {branch[1]} (with its groups)", MeetingFilter(branch_ids=(branch[0],))),
        ("last 91 days", MeetingFilter(start=last_quarter)),
    ]
    bare = median_ms(lambda: raw.execute(bare_sql).fetchall(), repeats)
    print(f"{'bare sqlite3: all ids, newest first':<44}{total:>8}{bare:>9.1f}")
    for label, flt in cases:
        def refresh(flt: MeetingFilter = flt) -> int:
            ids = listing.search_ids(flt)
            listing.rows(ids[:FIRST_PAGE])
            return len(ids)

        def ids_only(flt: MeetingFilter = flt) -> list[int]:
            return listing.search_ids(flt)

        matches = refresh()
        ms = median_ms(refresh, repeats)
        print(f"{label:<44}{matches:>8}{ms:>9.1f}   (search_ids alone "
              f"{median_ms(ids_only, repeats):.1f})")
    old_repeats = max(3, repeats // 5)
    for label, flt in (("old: MeetingService.search(), all", MeetingFilter()),
                       *[(f"old: search({label[5:]})", MeetingFilter(text=text))
                         for label, text in texts[:2]]):
        found = len(services.meetings.search(flt))
        ms = median_ms(lambda flt=flt: services.meetings.search(flt), old_repeats)
        print(f"{label:<44}{found:>8}{ms:>9.1f}")
    raw.close()
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="会议记录列表的基准测试")
    parser.add_argument(
        "db", type=Path, nargs="?", help="benchmarks/generate.py 生成的数据库（复制后使用）"
    )
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=110_000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="保留临时数据库")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.exists():
        parser.error(f"{args.db} 不存在")
    work = Path(tempfile.mkdtemp(prefix="branchdesk-meetings-"))
    try:
        bench(prepare(args.db, args.members, args.meetings, work), args.repeats)
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate a large BranchDesk database (default 100,000 members) for the benchmarks.

Usage: python benchmarks/generate.py OUT.sqlite [--members 100000] [--branches 200]

The organisation tree and the account go through the services; the members are
bulk-inserted in one transaction with SQLAlchemy Core, and their audit entries are
appended in bulk exactly as the ORM hook would write them, so ``branchdesk verify``
stays sound on the result. The account is ``admin`` with password ``bench``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import insert, select

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_months, add_years
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.search_keys import SearchColumns, search_columns
from branchdesk.core.services import Services
from branchdesk.core.vocab import EDUCATION_LEVELS, OrgKind, Role
from branchdesk.storage.audit import PendingEntry, append_entries, json_value
from branchdesk.storage.migrate import DatabaseOpenError, create_database
from branchdesk.storage.models import Member, utcnow

PASSWORD = "bench-2026"
COMMITTEE = "中共示例市公安局委员会"
#: real county-level region codes (Zhejiang, Beijing, Jiangsu, Sichuan, Hubei)
REGIONS = (
    "330127", "330122", "330182", "330183", "330102", "330106", "330108", "330110",
    "110105", "110108", "320106", "320102", "510107", "510104", "420106", "420102",
)
#: the hundred commonest surnames, weighted roughly by frequency, and a few rare ones
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤单"
)
SURNAME_WEIGHTS = [max(1.0, 100 - 1.2 * i) for i in range(len(SURNAMES))]
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
MALE_CHARS = "伟强军平刚杰涛明超勇斌鹏辉华建国志东磊峰林波海俊文宇浩凯晨睿昊博轩振庆立新荣喆堃昇燚"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩晶丹萍红怡欣佳婧璐瑶梦莉琴洁玥"
PLACES = (
    "城关 城南 城北 江东 江西 湖滨 新安 青溪 石林 汾口 威坪 姜家 临岐 文昌 界首 大墅 枫树岭 "
    "梓桐 浪川 富文"
).split()
UNITS = ("派出所", "交警中队", "刑侦中队", "治安中队", "特警中队", "巡警中队", "看守所",
         "社区警务室", "边防检查站", "经侦中队")
JOBS = ("民警", "民警", "民警", "辅警", "辅警", "科员", "社区民警", "警务技术人员", "所长",
        "教导员", "副所长", "中队长", "退休民警")
STAGES = (("full", 75), ("probationary", 5), ("candidate", 5), ("activist", 8), ("applicant", 7))
STATUSES = (("normal", 970), ("suspended", 8), ("transferred_out", 12), ("expelled", 3),
            ("deceased", 7))
MEMBER_COLUMNS = [column.key for column in Member.__table__.columns]
AUDIT_IGNORED = Member.__audit_ignore__
INSERT_CHUNK = 5000


def _name(rng: random.Random) -> tuple[str, str]:
    """A plausible name and its gender."""
    male = rng.random() < 0.6
    surname = (
        rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.005
        else rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
    )
    chars = MALE_CHARS if male else FEMALE_CHARS
    given = "".join(rng.choice(chars) for _ in range(1 if rng.random() < 0.3 else 2))
    return surname + given, "男" if male else "女"


@cache
def _name_keys(name: str) -> SearchColumns:
    """The stored search columns of a name (pinyin is costly; names repeat)."""
    return search_columns(name)


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(0, max(1, (end - start).days + 1)))


def _member_rows(
    rng: random.Random, count: int, first_id: int, today: dt.date,
    branches: list[tuple[int, list[int]]],
) -> Iterator[dict[str, Any]]:
    """Member rows with valid, distinct ID numbers and consistent dates."""
    used_ids: set[str] = set()
    stage_names = [name for name, _ in STAGES]
    stage_weights = [weight for _, weight in STAGES]
    status_names = [name for name, _ in STATUSES]
    status_weights = [weight for _, weight in STATUSES]
    created = utcnow()
    for offset in range(count):
        name, gender = _name(rng)
        stage = rng.choices(stage_names, stage_weights)[0]
        if stage == "full":
            age = rng.randrange(24, 71)
        elif stage == "probationary":
            age = rng.randrange(20, 41)
        else:
            age = rng.randrange(18, 36)
        birth = add_years(today, -age) - dt.timedelta(days=rng.randrange(1, 360))
        while True:
            base = rng.randrange(0, 499)
            sequence = base * 2 + 1 if gender == "男" else base * 2 + 2
            id_number = make_id_number(rng.choice(REGIONS), birth, sequence)
            if id_number not in used_ids:
                used_ids.add(id_number)
                break
        join = full = None
        if stage == "full":
            join = _day_between(rng, add_years(birth, 19), add_years(today, -1) - dt.timedelta(1))
            full = add_years(join, 1)
        elif stage == "probationary":
            join = today - dt.timedelta(days=rng.randrange(1, 360))
        status = rng.choices(status_names, status_weights)[0] if full else "normal"
        branch_id, group_ids = rng.choice(branches)
        is_member = join is not None
        lost = is_member and rng.random() < 0.01
        mobile = is_member and rng.random() < 0.03
        keys = _name_keys(name)
        yield {
            "id": first_id + offset,
            "name": name,
            "gender": gender,
            "ethnicity": "汉族" if rng.random() < 0.95 else rng.choice(("回族", "畲族", "满族")),
            "id_number": id_number,
            "birth_date": birth,
            "native_place": "",
            "education": rng.choice(EDUCATION_LEVELS),
            "stage": stage,
            "status": status,
            "branch_id": branch_id,
            "group_id": rng.choice(group_ids) if is_member and group_ids else None,
            "join_date": join,
            "join_month": join.month if join else None,
            "full_member_date": full,
            "job": "退休民警" if age >= 62 else rng.choice(JOBS[:-1]),
            "phone": "1" + rng.choice("3589") + "".join(str(rng.randrange(10)) for _ in range(9)),
            "address": f"示例市{rng.choice(PLACES)}路{rng.randrange(1, 500)}号",
            "lost_contact": lost,
            "lost_contact_date": _day_between(rng, full or join or today, today) if lost else None,
            "mobile": mobile,
            "mobile_destination": "浙江省杭州市（务工）" if mobile else "",
            "note": "",
            "discipline": "无",
            "organisations_joined": "",
            "dues_paid_through": (
                max(add_months(today.replace(day=1), -rng.randrange(1, 4)), join.replace(day=1))
                if join else None
            ),
            "voided": False,
            "void_reason": "",
            "search_key": keys.search_key,
            "pinyin_initials": keys.pinyin_initials,
            "sort_key": keys.sort_key,
            "created_at": created,
        }


def _audit_entry(row: dict[str, Any]) -> PendingEntry:
    """The entry the ORM hook writes when a member is created."""
    changes = {
        key: [None, json_value(row[key])] for key in MEMBER_COLUMNS if key not in AUDIT_IGNORED
    }
    return PendingEntry(
        "create", "members", str(row["id"]), row["id"], changes, f"新增党员 {row['name']}"
    )


def _organisations(services: Services, actor: Actor, count: int) -> list[tuple[int, list[int]]]:
    """The committee and ``count`` branches with 2–3 groups each, through the services."""
    orgs = services.organisations
    committee = orgs.create(
        actor, OrgKind.COMMITTEE, COMMITTEE, None, address="示例市人民路 1 号",
        phone="0571-88888110", postcode="310000",
    )
    branches = []
    names = [f"{place}{unit}党支部" for unit in UNITS for place in PLACES]
    for index in range(count):
        name = names[index] if index < len(names) else f"第{index + 1}党支部"
        branch = orgs.create(actor, OrgKind.BRANCH, name, committee)
        groups = [
            orgs.create(actor, OrgKind.GROUP, f"第{n}党小组", branch)
            for n in "一二三"[: 2 + index % 2]
        ]
        branches.append((branch, groups))
    return branches


def generate(path: Path, members: int, branch_count: int, seed: int = 1) -> None:
    """Create the database at ``path`` (refusing an existing file)."""
    today = dt.date.today()
    rng = random.Random(seed)
    db = create_database(path)
    try:
        hasher = PasswordHasher()
        services = Services.build(db, path.parent / "backups", today=today, hasher=hasher)
        services.accounts.create_first_admin("admin", PASSWORD, "基准测试管理员")
        actor = Actor("admin", Role.ADMIN, "基准测试管理员")
        started = time.perf_counter()
        branches = _organisations(services, actor, branch_count)
        print(f"organisations: {len(branches)} branches in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        with db.engine.begin() as connection:
            last = connection.execute(select(Member.id).order_by(Member.id.desc()).limit(1))
            first_id = (last.scalar() or 0) + 1
            rows = list(_member_rows(rng, members, first_id, today, branches))
            print(f"rows built in {time.perf_counter() - started:.1f} s")
            for start in range(0, len(rows), INSERT_CHUNK):
                connection.execute(insert(Member), rows[start : start + INSERT_CHUNK])
            append_entries(connection, actor.username, [_audit_entry(row) for row in rows])
        print(f"members: {members} inserted and audited in {time.perf_counter() - started:.1f} s")
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成用于基准测试的大型数据库")
    parser.add_argument("out", type=Path, help="新数据库文件（不覆盖已有文件）")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        generate(args.out, args.members, args.branches, args.seed)
    except DatabaseOpenError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"done: {args.out} in {time.perf_counter() - started:.1f} s (admin / {PASSWORD})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

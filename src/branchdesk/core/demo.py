"""A realistic sample database, built entirely through the services (so it is fully audited).

Besides the roster it holds the development files (一人一册) of everyone in development: each
walked step by step through ``DevelopmentService`` — recorded by the clerk, reviewed by the
reviewer — with materials attached, so that someone stands before every one of the 25 steps.
And a year of meeting minutes (三会一课 and the other required meetings) through
``MeetingService``, with a few required meetings left out so that the calendar shows gaps.
And organisation transfers in every state through ``TransferService`` and
``IncomingTransfers``: letters out awaiting their receipt (one overdue), closed by the
receipt, voided; members in, placed (one returning to the old file) or not yet placed; an
activist's file handed over (发展材料转递), awaiting confirmation.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import struct
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_months, add_years, fmt
from branchdesk.core.demo_package import write_sample_package
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingInput, VoteInput
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.members import MemberService
from branchdesk.core.rulebook import MATERIALS, ON_TIME, SECRET_BALLOT, probation_end, rulebook_on
from branchdesk.core.services import Services
from branchdesk.core.transfers import (
    CLOSED,
    ISSUED,
    LETTER,
    PLACED,
    RECEIVED,
    VOIDED,
    HandoverInput,
    IncomingInput,
    OutgoingInput,
)
from branchdesk.core.vocab import EDUCATION_LEVELS, OrgKind, Role, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import (
    DevelopmentFile,
    Material,
    Meeting,
    MeetingAttachment,
    Member,
    Organisation,
    StepRecord,
    Transfer,
)
from branchdesk.storage.roster import RosterFilter

DEMO_PASSWORD = "demo2026"
SEED = 20260511
#: the 党费交至 months of the members (their own generator: the rest of the demo is unchanged)
DUES_SEED = SEED + 6
COMMITTEE_NAME = "中共示例县公安局委员会"
BRANCH_ONE = "机关第一党支部"
BRANCH_TWO = "机关第二党支部"
BRANCH_STATION = "城关派出所党支部"
CLERK_NAME = "林晓燕"
REVIEWER_NAME = "郑国平"

#: real region codes: the county most members come from, and a few elsewhere
HOME_COUNTY = "330127"  # 浙江省杭州市淳安县
OTHER_REGIONS = ("330102", "330106", "110105", "320106", "510107", "420106")

SURNAMES = (
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 "
    "曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 "
    "范 金 石 廖 贾 夏 方 邹 孟 熊 秦 邱 江 尹 薛 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 "
    "钱 严 戴 孔 汤 单 欧阳"
).split()
MALE_CHARS = "伟强军平刚杰涛明超勇斌鹏辉华建国志东磊峰林波海俊文宇浩凯晨睿昊博轩振庆立新荣"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩晶丹萍红怡欣佳婧璐瑶梦莉琴洁"

#: names that show rare characters (喆 堃 昇 玥 燚), polyphonic surnames (单 曾) and a
#: minority name with the middle dot; each is (name, gender, ethnicity, region)
SPECIAL_PEOPLE = (
    ("张喆", "男", "汉族", HOME_COUNTY),
    ("张帅", "男", "汉族", HOME_COUNTY),
    ("王堃", "男", "汉族", HOME_COUNTY),
    ("李昇", "男", "汉族", "330102"),
    ("陈玥", "女", "汉族", HOME_COUNTY),
    ("刘燚", "男", "汉族", HOME_COUNTY),
    ("单雪梅", "女", "汉族", HOME_COUNTY),
    ("曾喆宇", "男", "汉族", HOME_COUNTY),
    ("欧阳玥", "女", "汉族", "420106"),
    ("蓝晓燕", "女", "畲族", HOME_COUNTY),
    ("阿依古丽·买买提", "女", "维吾尔族", "650102"),
)

ADDRESSES = ("城关镇人民路", "城关镇新安东路", "城关镇环湖北路", "城关镇青溪大道", "城南街道建设路")
MOBILE_DESTINATIONS = (
    "浙江省杭州市西湖区（借调市公安局）",
    "广东省深圳市南山区（随配偶工作）",
    "上海市浦东新区（脱产进修）",
)


@dataclass
class DemoSummary:
    """What the sample database holds, for the CLI to print."""

    path: Path
    branches: dict[str, int] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    voided: int = 0
    files: int = 0
    records: int = 0
    pending: int = 0
    returned: int = 0
    scans: int = 0
    meetings: int = 0
    corrected: int = 0
    meeting_attachments: int = 0
    #: transfers by state label (转出中, 已转出, 作废, 待编入, 已转入) and how many are overdue
    transfers: dict[str, int] = field(default_factory=dict)
    overdue_letters: int = 0
    #: handovers of development files (发展材料转递) among the transfers
    handovers: int = 0
    #: the sample transfer package written beside the database (None if one was there)
    sample_package: Path | None = None
    accounts: tuple[tuple[str, str], ...] = ()
    password: str = DEMO_PASSWORD

    @property
    def members(self) -> int:
        """Records on the roster (voided ones not counted)."""
        return sum(self.branches.values())

    def describe(self) -> str:
        """A short Chinese description: counts, accounts and the password."""
        lines = [f"党员及入党申请人等共 {self.members} 人（另有作废记录 {self.voided} 条）"]
        lines += [f"  {name}：{count} 人" for name, count in self.branches.items()]
        lines.append("  人员类别：" + "，".join(f"{k} {v}" for k, v in self.stages.items()))
        lines.append("  党籍状态：" + "，".join(f"{k} {v}" for k, v in self.statuses.items()))
        lines.append(
            f"发展党员档案 {self.files} 份：步骤记录 {self.records} 条，"
            f"其中待审核 {self.pending} 条、退回待更正 {self.returned} 条；"
            f"材料扫描件 {self.scans} 份"
        )
        lines.append(
            f"  其中 {len(FLAWS)} 份档案故意留有问题（政审早于函调回复、表决票数对不上、"
            "缺少材料），可用“档案预审”或 branchdesk check files 查出"
        )
        lines.append(
            f"会议记录 {self.meetings} 份（近一年三会一课等，另有几次应开未开的会议）："
            f"其中更正过的 {self.corrected} 份、附签到表的 {self.meeting_attachments} 份"
        )
        if self.transfers:
            lines.append(
                f"组织关系转接 {sum(self.transfers.values())} 件："
                + "，".join(f"{k} {v}" for k, v in self.transfers.items())
                + f"（其中超过有效期未收到回执的介绍信 {self.overdue_letters} 封，"
                f"发展材料转递 {self.handovers} 件）"
            )
        if self.sample_package is not None:
            lines.append(
                f"转接包示例（邻县转来的入党积极分子档案，可在“组织关系转接”页用“导入转接包”导入）："
                f"{self.sample_package}"
            )
        lines.append("账户（密码均为 " + self.password + "）：")
        lines += [f"  {user}（{role}）" for user, role in self.accounts]
        return "\n".join(lines)


@dataclass
class _Plan:
    """One full member of long standing to enter: job and the special circumstances."""

    job: str
    veteran: bool = False
    retired: bool = False
    birthday_this_month: bool = False
    lost_contact: bool = False
    mobile: bool = False
    status: Status | None = None


class _People:
    """Deterministic names, ID numbers, dates and phones for the sample members."""

    def __init__(self, today: dt.date) -> None:
        self.rng = random.Random(SEED)
        self.today = today
        self.used_names: set[str] = set()
        self.used_ids: set[str] = set()
        self.special = list(SPECIAL_PEOPLE)
        self.used_names.update(person[0] for person in SPECIAL_PEOPLE)

    def identity(self) -> tuple[str, str, str, str]:
        """A fresh (name, gender, ethnicity, region)."""
        if self.special:
            return self.special.pop(0)
        rng = self.rng
        while True:
            gender = rng.choice("男男女")
            chars = MALE_CHARS if gender == "男" else FEMALE_CHARS
            given = "".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 2))))
            name = rng.choice(SURNAMES) + given
            if name not in self.used_names:
                self.used_names.add(name)
                region = HOME_COUNTY if rng.random() < 0.85 else rng.choice(OTHER_REGIONS)
                return name, gender, "汉族", region

    def id_number(self, region: str, birth: dt.date, gender: str) -> str:
        """A valid, unused ID number whose sequence digit matches the gender."""
        while True:
            base = self.rng.randrange(0, 499)
            sequence = base * 2 + 1 if gender == "男" else base * 2 + 2
            value = make_id_number(region, birth, sequence)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def birth(self, age: int) -> dt.date:
        """A birth date of someone who is ``age`` today."""
        latest = add_years(self.today, -age)
        return latest - dt.timedelta(days=self.rng.randrange(1, 360))

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        """A day in [start, end]."""
        return start + dt.timedelta(days=self.rng.randrange(0, max(1, (end - start).days + 1)))

    def phone(self) -> str:
        """A mobile number."""
        return self.rng.choice(("139", "138", "137", "158", "159", "188", "135")) + "".join(
            str(self.rng.randrange(10)) for _ in range(8)
        )

    def address(self) -> str:
        """A home address in the county town."""
        return f"示例县{self.rng.choice(ADDRESSES)}{self.rng.randrange(1, 300)}号"


def _branch_plans(kind: str) -> list[_Plan]:
    """The full members of long standing of one branch, leaders (veterans) first.

    They joined before BranchDesk was used: their records carry the dates, not a file.
    """
    if kind == "office_one":
        leaders = ["局长", "政委", "政治处主任", "办公室主任", "科长", "科长", "副科长"]
        jobs = ["民警", "民警", "民警", "科员", "科员", "警务技术人员", "民警", "副科长"]
        jobs += ["民警", "民警", "科员", "民警"]
        return [
            *(_Plan(job, veteran=True) for job in leaders),
            *(_Plan(job) for job in jobs),
            _Plan("民警", birthday_this_month=True),
            _Plan("科员", birthday_this_month=True),
            _Plan("民警", mobile=True),
            _Plan("民警", lost_contact=True),
            _Plan("退休民警", retired=True),
            _Plan("退休民警", retired=True, status=Status.DECEASED),
            _Plan("民警", status=Status.EXPELLED),
        ]
    if kind == "office_two":
        leaders = ["指挥中心主任", "警务保障室主任", "科长", "副主任", "科长"]
        jobs = ["民警", "民警", "科员", "警务技术人员", "民警", "民警", "科员", "民警"]
        jobs += ["民警", "民警", "科员", "民警"]
        return [
            *(_Plan(job, veteran=True) for job in leaders),
            *(_Plan(job) for job in jobs),
            _Plan("民警", birthday_this_month=True),
            _Plan("民警", mobile=True),
            _Plan("退休民警", retired=True),
            _Plan("民警", lost_contact=True, status=Status.SUSPENDED),
            _Plan("民警", status=Status.TRANSFERRED_OUT),
        ]
    return [
        _Plan("所长", veteran=True),
        _Plan("教导员", veteran=True),
        _Plan("副所长"),
        _Plan("社区民警", birthday_this_month=True),
        _Plan("社区民警", mobile=True),
    ]


STATUS_REASONS = {
    Status.SUSPENDED: "失去联系满六个月，经支部党员大会讨论、报上级党委批准，停止党籍",
    Status.EXPELLED: "严重违反党的纪律，经县纪委常委会议研究，给予开除党籍处分",
    Status.DECEASED: "因病医治无效去世",
}


@dataclass(frozen=True)
class _Anchor:
    """Where a file stands in time: ``step`` took place ``months`` and ``days`` before today."""

    step: int
    months: int = 0
    days: int = 0

    def date(self, today: dt.date) -> dt.date:
        return add_months(today, -self.months) - dt.timedelta(days=self.days)


@dataclass(frozen=True)
class _Track:
    """One member in development: how far the file has come and what is special about it.

    ``passed`` is the last step that passed review (0: none). ``pending`` or ``returned``
    adds a record of the next step that awaits review or was returned for correction.
    Without an ``anchor`` the file's last record is a few days old.
    """

    job: str
    passed: int
    anchor: _Anchor | None = None
    pending: bool = False
    returned: bool = False
    late_approval: bool = False  # step 17 between 3 and 6 months after step 15, with a reason
    paper_review_step: int = 0  # this step was reviewed on paper by the branch secretary
    second_review: bool = False  # two half-yearly reviews under step 6 (an activist > 1 year)
    flaw: str = ""  # a deliberate problem for the 档案预审 to find (FLAWS)

    @property
    def last_step(self) -> int:
        """The last step that has a record (the open one included)."""
        return self.passed + (1 if self.pending or self.returned else 0)


#: how the files of each branch stand: together, someone before every one of the 25 steps
TRACKS: dict[str, tuple[_Track, ...]] = {
    "office_one": (
        _Track("科员", 0, _Anchor(0, days=1)),  # registered yesterday, application not recorded
        _Track("辅警", 0, pending=True),  # application recorded, awaiting review
        _Track("民警", 1),  # the talk is due within a month
        _Track("辅警", 3),
        _Track("民警", 6, _Anchor(3, months=12, days=25), second_review=True),  # eligible
        _Track("民警", 8),
        _Track("科员", 11),
        _Track("民警", 14, paper_review_step=12),  # the branch meeting is due
        _Track("民警", 17, late_approval=True),
        _Track("民警", 22, _Anchor(15, months=12, days=20)),  # probation ended, no decision
        _Track("科员", 24),
        _Track("民警", 25),
        _Track("科员", 25),
    ),
    "office_two": (
        _Track("辅警", 1, _Anchor(1, days=45)),  # the talk is overdue
        _Track("民警", 2),
        _Track("民警", 4),
        _Track("辅警", 5, _Anchor(3, months=7, days=15)),  # the half-yearly review is overdue
        _Track("民警", 7),
        _Track("辅警", 9, returned=True),  # political review returned for correction
        _Track("民警", 12),
        _Track("民警", 15),
        _Track("民警", 18),
        _Track("辅警", 20),
        _Track("民警", 23, pending=True),  # conversion approval awaiting review
        _Track("民警", 25),
    ),
    "station": (
        _Track("辅警", 2),
        _Track("辅警", 5),
        _Track("民警", 6),  # an activist of some months: not yet eligible
        _Track("辅警", 10),
        _Track("民警", 13),
        _Track("民警", 16, pending=True),  # admission approval awaiting review
        _Track("辅警", 19),  # the oath is due
        _Track("民警", 21, _Anchor(15, months=12, days=-15)),  # probation ends in 15 days
        _Track("社区民警", 25),
    ),
}


#: the deliberate problems of three files, for the 档案预审 (branchdesk check files) to find
POLITICAL_BEFORE_REPLY = "political_before_reply"  # 政审结论 dated before its 函调 reply
VOTES_DO_NOT_ADD_UP = "votes_do_not_add_up"  # admission vote: fewer votes than voters
MISSING_MATERIAL = "missing_material"  # the 转正申请书 of a converted member not on file
FLAWS = (POLITICAL_BEFORE_REPLY, VOTES_DO_NOT_ADD_UP, MISSING_MATERIAL)
#: the material the MISSING_MATERIAL file lacks
MISSING_CATEGORY = "转正申请书"
#: the files with a deliberate problem, by branch (walked with their own random numbers, so
#: that the other files stay as they were)
FLAWED_TRACKS: dict[str, tuple[_Track, ...]] = {
    "office_one": (_Track("科员", 24, flaw=MISSING_MATERIAL),),
    "office_two": (_Track("民警", 18, flaw=VOTES_DO_NOT_ADD_UP),),  # a large branch
    "station": (_Track("辅警", 13, flaw=POLITICAL_BEFORE_REPLY),),
}
FLAWS_SEED = SEED + 7


def _schedule(track: _Track, rng: random.Random) -> list[tuple[int, int]]:
    """The file's records as (step, days after the application), within every time limit.

    Gaps are in days and kept safely inside the limits counted in calendar months (a month
    is at least 28 days, three at least 89, a year at most 366), with room for moving each
    date to the next working day (at most 8 days, over a golden week), so that the walk stays
    valid wherever it is placed in the calendar.
    """
    last = track.last_step
    events: list[tuple[int, int]] = []
    day = 0
    when: dict[int, int] = {}

    def at(step: int, offset: int) -> None:
        nonlocal day
        day = offset
        when[step] = offset
        if step <= last:
            events.append((step, offset))

    def after(step: int, low: int, high: int) -> None:
        at(step, day + rng.randint(low, high))

    gaps = {2: (7, 18), 3: (30, 75), 4: (5, 15), 5: (1, 7), 8: (30, 45), 9: (3, 10)}
    gaps |= {10: (7, 20), 11: (10, 25), 12: (5, 12), 13: (7, 15), 14: (3, 7), 15: (5, 12)}
    gaps |= {16: (10, 25), 17: (10, 25), 18: (3, 8), 19: (1, 3), 20: (1, 7), 24: (10, 40)}
    gaps |= {25: (5, 20)}
    at(1, 0)
    for step in range(2, 26):
        if step > last:
            break
        if step == 6:
            at(6, when[3] + rng.randint(183, 188))  # the first half-yearly review
            if track.second_review or last >= 7:
                at(6, when[3] + rng.randint(366, 372))
        elif step == 7:
            at(7, max(when[3] + 380, day + 2) + rng.randint(0, 10))
        elif step == 17 and track.late_approval:
            at(17, when[15] + rng.randint(110, 150))  # after 3 months, within 6
        elif step == 21:
            at(21, when[15] + rng.randint(183, 190))
        elif step == 22:
            at(22, when[15] + rng.randint(330, 345))
        elif step == 23:
            at(23, when[15] + rng.randint(375, 390))  # once the probation has ended
        else:
            after(step, *gaps[step])
    return events


def _place(
    track: _Track, events: list[tuple[int, int]], today: dt.date, rng: random.Random
) -> tuple[dt.date, list[tuple[int, dt.date]]]:
    """Put a schedule in the calendar: the application date and each record's date."""
    if not events or (track.anchor is not None and track.anchor.step == 0):
        registered = (track.anchor or _Anchor(0, days=2)).date(today)
        return registered, []
    if track.anchor is not None:
        offset = next(off for step, off in events if step == track.anchor.step)
        start = track.anchor.date(today) - dt.timedelta(days=offset)
    else:
        # a pending record is days old, a returned one about a week; others up to 3 weeks
        low, high = (1, 4) if track.pending else (6, 12) if track.returned else (3, 20)
        slack = rng.randint(low, high)
        start = today - dt.timedelta(days=slack + events[-1][1])
    return start, [(step, start + dt.timedelta(days=off)) for step, off in events]


# --- scans: small generated page images, so that a new user has something to open -----------

_PAPER = bytes((250, 249, 244))
_INK = bytes((52, 56, 72))
_RED = bytes((205, 40, 40))
SCAN_WIDTH, SCAN_HEIGHT = 360, 510  # an A4 page at about 43 dpi


def _scan_rows(rng: random.Random, seal: bool) -> list[bytearray]:
    """An RGB raster that looks like a scanned handwritten page: title, lines, signature."""
    width, height = SCAN_WIDTH, SCAN_HEIGHT
    rows = [bytearray(_PAPER * width) for _ in range(height)]

    def bar(x0: int, y0: int, x1: int, y1: int, colour: bytes) -> None:
        for y in range(y0, y1):
            rows[y][x0 * 3 : x1 * 3] = colour * (x1 - x0)

    bar(130, 42, 230, 54, _INK)  # the title
    margin, y = 38, 84
    while y < height - 130:
        indent = 26 if rng.random() < 0.2 else 0
        end = width - margin if rng.random() < 0.8 else margin + rng.randint(80, 250)
        x = margin + indent
        while x < end:  # a line of handwriting: words of a few characters
            word = min(end, x + rng.randint(18, 60))
            bar(x, y + rng.randint(0, 1), word, y + 5, _INK)
            x = word + rng.randint(5, 9)
        y += rng.choice((15, 16, 16, 17))
    bar(220, height - 96, 320, height - 91, _INK)  # signature
    bar(236, height - 76, 320, height - 72, _INK)  # date
    if seal:  # the branch's round red seal over the date
        cx, cy, outer, inner = width - 86, height - 84, 34, 30
        for y in range(cy - outer, cy + outer + 1):
            for x in range(cx - outer, cx + outer + 1):
                d2 = (x - cx) ** 2 + (y - cy) ** 2
                if inner * inner <= d2 <= outer * outer or (d2 <= 36 and abs(x - cx) < 6):
                    rows[y][x * 3 : x * 3 + 3] = _RED
    return rows


def scan_png(rng: random.Random, seal: bool = False) -> bytes:
    """A small valid PNG of a scanned page."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = _scan_rows(rng, seal)
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", SCAN_WIDTH, SCAN_HEIGHT, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def scan_pdf(rng: random.Random, seal: bool = True) -> bytes:
    """A small valid one-page A4 PDF holding a scanned page as an image (no text layer)."""
    rows = _scan_rows(rng, seal)
    image = zlib.compress(b"".join(bytes(row) for row in rows), 9)
    content = b"q 595 0 0 842 0 0 cm /Scan Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Scan 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (SCAN_WIDTH, SCAN_HEIGHT, len(image))
        + image
        + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


#: the materials attached with each step's record: (category, "png" / "pdf" scan or "paper")
STEP_MATERIALS: dict[int, tuple[tuple[str, str], ...]] = {
    1: (("入党申请书", "png"), ("发展党员全程纪实表", "paper")),
    2: (("谈话记录", "paper"),),
    3: (("推荐材料", "paper"),),
    6: (("入党积极分子培养考察登记表", "paper"), ("思想汇报", "paper")),
    7: (("自传", "paper"),),
    8: (("发展对象公示材料", "paper"),),
    10: (("政审材料", "paper"),),
    11: (("集中培训结业证书", "paper"),),
    14: (("入党志愿书", "paper"),),
    15: (("支部大会记录", "pdf"),),
    16: (("上级党委谈话记录", "paper"),),
    17: (("审批意见", "paper"),),
    20: (("入党宣誓记录", "paper"),),
    21: (("预备党员教育考察登记表", "paper"),),
    22: (("转正申请书", "png"),),
    23: (("转正材料", "paper"),),
}
REVIEW_OPINIONS = (
    "同意。",
    "材料齐全，程序规范，同意。",
    "符合《中国共产党发展党员工作细则》规定，同意。",
    "经核对原始材料，记录属实，同意。",
)
RETURN_OPINION = (
    "政治审查材料缺少直系亲属和主要社会关系的政治情况，函调材料未附，请补充后重新提交。"
)
def late_approval_reason(day: dt.date) -> str:
    """Why step 17 on ``day`` came after three months, as a clerk writes it (the message that
    asks for it cites the article in force on ``day``)."""
    return "党委换届，新一届党委会议推迟至本月召开，经县委组织部同意延期审批"


@dataclass
class _File:
    """A development file being walked: the member, where they are, and who took part."""

    member_id: int
    name: str
    branch_id: int
    branch: str
    group: tuple[int, str] | None
    box: int
    when: dict[int, dt.date] = field(default_factory=dict)
    contacts: list[int] = field(default_factory=list)
    flaw: str = ""  # the deliberate problem of the file, if any (FLAWS)


class _DemoBuilder:
    """Enters the sample organisation, accounts and members through the services."""

    def __init__(self, services: Services, today: dt.date, scratch: Path) -> None:
        self.sv = services
        self.today = today
        self.people = _People(today)
        self.admin = Actor("admin", Role.ADMIN, "系统管理员")
        self.clerk = Actor("clerk", Role.CLERK, CLERK_NAME)
        self.reviewer = Actor("reviewer", Role.REVIEWER, REVIEWER_NAME)
        #: branch id -> [(member id, full member date)] of full members in good standing
        self.electable: dict[int, list[tuple[int, dt.date]]] = {}
        #: branch id -> full member dates of those with the right to vote (status normal)
        self.voters: dict[int, list[dt.date]] = {}
        #: members already given a post
        self.holders: set[int] = set()
        #: member id -> (name, job) of the long-standing members
        self.known: dict[int, tuple[str, str]] = {}
        #: organisation id -> post -> name of the holder in the current term
        self.posts: dict[int, dict[str, str]] = {}
        #: a temporary folder for the generated scans before they are stored
        self.scratch = scratch
        self.calendar = services.development.calendar()
        self.committee_id = 0
        self._services_on: dict[dt.date, DevelopmentService] = {}
        #: branch id -> voters in good standing who are away (lost contact, or 流动党员)
        self.away: dict[int, int] = {}
        #: branch id -> members in development whose files end as full members (step 24)
        self.converted: dict[int, int] = {}
        #: (branch id, day) -> (entitled, present) of a branch meeting that voted
        self._attendance_on: dict[tuple[int, dt.date], tuple[int, int]] = {}
        #: members named in a development file (contacts, sponsors): they stay in the branch
        self.involved: set[int] = set()
        #: (member id, receipt day) of the long-standing member whose transfer out is closed
        self.leaving: tuple[int, dt.date] | None = None
        self.dues_rng = random.Random(DUES_SEED)

    def accounts(self) -> None:
        accounts = self.sv.accounts
        accounts.create_first_admin("admin", DEMO_PASSWORD, "系统管理员")
        accounts.create(self.admin, "clerk", DEMO_PASSWORD, CLERK_NAME, Role.CLERK)
        accounts.create(self.admin, "reviewer", DEMO_PASSWORD, REVIEWER_NAME, Role.REVIEWER)

    def organisations(self) -> tuple[int, dict[str, int], dict[str, list[int]]]:
        orgs = self.sv.organisations
        committee = orgs.create(
            self.admin,
            OrgKind.COMMITTEE,
            COMMITTEE_NAME,
            None,
            address="示例县城关镇人民路 88 号",
            phone="0571-64812110",
            postcode="311700",
        )
        branches = {
            name: orgs.create(self.admin, OrgKind.BRANCH, name, committee)
            for name in (BRANCH_ONE, BRANCH_TWO, BRANCH_STATION)
        }
        groups = {
            BRANCH_ONE: ["政治处党小组", "办公室党小组"],
            BRANCH_TWO: ["指挥中心党小组", "警务保障党小组"],
        }
        group_ids = {
            branch: [orgs.create(self.admin, OrgKind.GROUP, g, branches[branch]) for g in names]
            for branch, names in groups.items()
        }
        group_ids[BRANCH_STATION] = []
        return committee, branches, group_ids

    # the roster of long standing ----------------------------------------------------------

    def _dates(self, plan: _Plan, birth: dt.date) -> tuple[dt.date, dt.date]:
        """Join date and full-member date consistent with the age."""
        p, today = self.people, self.today
        earliest = add_years(birth, 21)
        latest = add_years(today, -6 if plan.veteran else -2)
        latest = min(latest, add_years(birth, 32 if plan.veteran or plan.retired else 40))
        join = p.day_between(earliest, max(earliest, latest))
        if plan.birthday_this_month:
            year = min(join.year, today.year - 2)
            join = dt.date(year, today.month, p.rng.randrange(1, 29))
            if join < earliest:
                join = dt.date(earliest.year + 1, today.month, join.day)
        return join, add_years(join, 1)

    def _age(self, plan: _Plan) -> int:
        rng = self.people.rng
        if plan.retired:
            return rng.randrange(62, 71)
        if plan.veteran:
            return rng.randrange(42, 56)
        return rng.randrange(27, 58)

    def _education(self, job: str, retired: bool = False) -> str:
        rng = self.people.rng
        if retired or job == "辅警":
            return rng.choice(EDUCATION_LEVELS[3:6])
        return rng.choice(EDUCATION_LEVELS[:4] + EDUCATION_LEVELS[2:4] * 3)

    def _dues(self, join: dt.date, stopped: dt.date | None = None) -> dt.date:
        """党费交至 as a branch's book has it: most paid through last month, a few some months
        behind, this month or ahead; one who stopped paying (lost contact, left) by ``stopped``
        is paid through that month or up to two months before it. Never before joining."""
        rng = self.dues_rng
        if stopped is not None:
            month = add_months(stopped.replace(day=1), -rng.randint(0, 2))
        else:
            roll = rng.random()
            if roll < 0.12:
                behind = rng.randint(2, 5)
            elif roll < 0.2:
                behind = 0
            elif roll < 0.24:
                behind = -rng.randint(2, 11)  # paid ahead, as some retired members do
            else:
                behind = 1
            month = add_months(self.today.replace(day=1), -behind)
        return max(month, join.replace(day=1))

    def member(self, plan: _Plan, branch_id: int, group_ids: list[int], index: int) -> int:
        """A full member who joined before BranchDesk: dates on the record, no file."""
        p = self.people
        name, gender, ethnicity, region = p.identity()
        birth = p.birth(self._age(plan))
        join, full = self._dates(plan, birth)
        lost_date = None
        if plan.lost_contact:
            lost_date = p.day_between(
                max(full, add_years(self.today, -3)), add_years(self.today, -1)
            )
            if plan.status is None:
                lost_date = self.today - dt.timedelta(days=p.rng.randrange(60, 150))
        data = MemberInput(
            name=name,
            id_number=p.id_number(region, birth, gender),
            branch_id=branch_id,
            stage=Stage.FULL,
            ethnicity=ethnicity,
            native_place="浙江淳安" if region == HOME_COUNTY else "",
            education=self._education(plan.job, plan.retired),
            group_id=group_ids[index % len(group_ids)] if group_ids else None,
            join_date=join,
            full_member_date=full,
            job=plan.job,
            phone=p.phone(),
            address=p.address(),
            lost_contact=plan.lost_contact,
            lost_contact_date=lost_date,
            mobile=plan.mobile,
            mobile_destination=p.rng.choice(MOBILE_DESTINATIONS) if plan.mobile else "",
        )
        stopped = lost_date  # paying dues stops with the contact, or on leaving
        when = left = self.today
        if plan.status is not None:  # drawn before create, which draws nothing: same demo
            start = max(lost_date or full, add_years(self.today, -2))
            when = p.day_between(
                min(start + dt.timedelta(days=200), self.today), self.today - dt.timedelta(days=5)
            )
            left = when - dt.timedelta(days=10)  # about when a letter out would be issued
            stopped = min(stopped or left, left)
        dues = self._dues(join, stopped)
        if plan.status is Status.TRANSFERRED_OUT:  # paid through the month its letter gives
            dues = left.replace(day=1)
        data = replace(data, dues_paid_through=dues)
        member_id = self.sv.members.create(self.clerk, data, "录入原有党员台账")
        self.known[member_id] = (name, plan.job)
        if plan.status is not None:
            if plan.status is Status.TRANSFERRED_OUT:  # a real letter and receipt, later
                self.leaving = (member_id, min(when, self.today))
                return member_id
            self.sv.members.change_status(
                self.clerk,
                member_id,
                plan.status,
                min(when, self.today),
                STATUS_REASONS[plan.status],
            )
            return member_id
        self.voters.setdefault(branch_id, []).append(full)
        if plan.lost_contact or plan.mobile:
            self.away[branch_id] = self.away.get(branch_id, 0) + 1
        if not (plan.lost_contact or plan.mobile or plan.retired):
            self.electable.setdefault(branch_id, []).append((member_id, full))
        return member_id

    def voided_record(self, branch_id: int) -> None:
        """A record entered by mistake and voided: it stays visible to the administrator."""
        p = self.people
        name, gender, ethnicity, region = p.identity()
        birth = p.birth(31)
        data = MemberInput(
            name=name,
            id_number=p.id_number(region, birth, gender),
            branch_id=branch_id,
            stage=Stage.APPLICANT,
            ethnicity=ethnicity,
            job="辅警",
            phone=p.phone(),
        )
        member_id = self.sv.members.create(self.clerk, data, "录入入党申请人")
        self.sv.members.void(
            self.clerk, member_id, "误录：此人系县交警大队人员，不属本支部，已通知其所在支部登记"
        )

    def term(
        self,
        org_id: int,
        start: dt.date,
        years: int,
        posts: list[str],
        pool: list[int],
        note: str,
    ) -> None:
        end = add_years(start, years)
        term_id = self.sv.organisations.add_term(self.admin, org_id, start, end, note)
        if len(pool) < len(posts):
            raise RuntimeError("示例数据中可任职的正式党员不足")
        for post, member_id in zip(posts, pool, strict=False):
            self.sv.organisations.add_post(self.admin, term_id, member_id, post, start)
            self.holders.add(member_id)
            self.posts.setdefault(org_id, {}).setdefault(post, self.known[member_id][0])

    def eligible(self, branch_id: int, before: dt.date) -> list[int]:
        """Full members in good standing, without a post yet, who were full before a term."""
        return [
            m
            for m, full in self.electable.get(branch_id, [])
            if full <= before and m not in self.holders
        ]

    # development files ----------------------------------------------------------------------

    def leader(self, branch_id: int, post: str) -> tuple[str, str]:
        """(name, post) of a branch's 书记 or 组织委员; a branch without a committee: 教导员."""
        holders = self.posts.get(branch_id, {})
        if post in holders:
            return holders[post], f"支部{post}"
        if holders:
            return holders["书记"], "支部书记"
        head = next((name for name, job in self.known.values() if job == "教导员"), "")
        return head, "教导员（支部书记）"

    def committee_person(self, post: str) -> str:
        return self.posts[self.committee_id][post]

    def _dev(self, day: dt.date) -> DevelopmentService:
        """The development service as it was on ``day`` (records and reviews of that day)."""
        if day not in self._services_on:
            self._services_on[day] = DevelopmentService(
                self.sv.db, self.sv.development.calendar, today=day
            )
        return self._services_on[day]

    def _voters(self, branch_id: int, day: dt.date) -> tuple[int, int]:
        """Full members entitled to vote on ``day``, and how many of them came."""
        entitled = max(1, sum(1 for full in self.voters.get(branch_id, []) if full <= day))
        present = entitled - self.people.rng.randint(0, entitled // 4)
        return entitled, present

    def _vote(self, branch_id: int, day: dt.date) -> dict[str, Any]:
        """The figures of a branch meeting's vote (steps 15 and 23).

        They match the minutes the demo records for the meeting: those entitled are the
        branch's full members in good standing as the roster finally stands (the minutes
        list them as 应到), the absent are those away plus perhaps one on duty.
        """
        rng = self.people.rng
        if (branch_id, day) not in self._attendance_on:  # one meeting, one attendance
            entitled = len(self.voters.get(branch_id, [])) + self.converted.get(branch_id, 0)
            absent = min(self.away.get(branch_id, 0) + rng.randint(0, 1), (entitled - 1) // 2)
            self._attendance_on[(branch_id, day)] = (entitled, entitled - absent)
        entitled, present = self._attendance_on[(branch_id, day)]
        abstain = 1 if 2 * (present - 1) > entitled and rng.random() < 0.3 else 0
        return {
            "entitled": entitled,
            "present": present,
            "written_votes": 0,
            "yes": present - abstain,
            "against": 0,
            "abstain": abstain,
            "method": SECRET_BALLOT,
        }

    def _full_members_by(self, branch_id: int, day: dt.date, exclude: list[int]) -> list[int]:
        return [
            m for m, full in self.electable.get(branch_id, []) if full <= day and m not in exclude
        ]

    def plan_files(
        self, branches: dict[str, int]
    ) -> list[tuple[dt.date, _Track, str, list[tuple[int, dt.date]]]]:
        """Every track placed in the calendar, oldest application first."""
        rng = self.people.rng
        placed = []
        for kind, branch in (
            ("office_one", BRANCH_ONE),
            ("office_two", BRANCH_TWO),
            ("station", BRANCH_STATION),
        ):
            for track in TRACKS[kind]:
                start, dates = _place(track, _schedule(track, rng), self.today, rng)
                dates = self._on_working_days(dates)
                placed.append((dates[0][1] if dates else start, track, branch, dates))
        placed.sort(key=lambda item: item[0])
        return placed

    def _working_day(self, day: dt.date) -> dt.date:
        """``day``, or the next working day when it falls on a weekend or a holiday."""
        while not self.calendar.is_working_day(day)[0]:
            day += dt.timedelta(days=1)
        return day

    def _on_working_days(self, dates: list[tuple[int, dt.date]]) -> list[tuple[int, dt.date]]:
        """Move each record to a working day, unless that would take it past today."""
        moved = []
        for step, day in dates:
            working = self._working_day(day)
            moved.append((step, working if working <= self.today else day))
        return moved

    def open_file(
        self,
        start: dt.date,
        track: _Track,
        branch_id: int,
        branch: str,
        groups: list[tuple[int, str]],
        box: int,
    ) -> _File:
        """Register the applicant on the day the application came in."""
        p = self.people
        name, gender, ethnicity, region = p.identity()
        birth = start - dt.timedelta(days=p.rng.randint(6800, 11500))  # 18.6 to 31 years old
        data = MemberInput(
            name=name,
            id_number=p.id_number(region, birth, gender),
            branch_id=branch_id,
            stage=Stage.APPLICANT,
            ethnicity=ethnicity,
            native_place="浙江淳安" if region == HOME_COUNTY else "",
            education=self._education(track.job),
            job=track.job,
            phone=p.phone(),
            address=p.address(),
            organisations_joined="中国共产主义青年团" if start.year - birth.year < 28 else "",
        )
        member_id = MemberService(self.sv.db, start).create(self.clerk, data, "登记入党申请人")
        self._resume(member_id, birth, branch, track.job, start)
        group = groups[member_id % len(groups)] if groups else None
        return _File(member_id, name, branch_id, branch, group, box)

    def file_dues(self, f: _File) -> None:
        """One who joined through a development file pays dues from the month of joining."""
        detail = self.sv.members.get(f.member_id)
        data = detail.data
        joined = data.stage in (Stage.PROBATIONARY, Stage.FULL)
        if not joined or data.join_date is None or detail.status is not Status.NORMAL:
            return
        dues = self._dues(data.join_date)
        self.sv.members.update(self.clerk, f.member_id, replace(data, dues_paid_through=dues))

    def _resume(
        self, member_id: int, birth: dt.date, branch: str, job: str, applied: dt.date
    ) -> None:
        """A plausible 本人简历: secondary school, police college, then the current post."""
        witnesses = ("陈建国", "王丽华", "李志强", "张秀英", "刘卫东", "周敏")
        school = birth.year + 15
        unit = "城关派出所" if "派出所" in branch else "机关"
        lines = [
            (f"{school}.09", f"{school + 3}.07", "浙江省淳安县第一中学学生"),
            (f"{school + 3}.09", f"{school + 6}.07", "浙江警官职业学院学生"),
            (f"{school + 6}.08", "", f"示例县公安局{unit}{job}"),
        ]
        lines = [line for line in lines if int(line[0][:4]) < applied.year]
        if lines:  # the last line runs until now
            lines[-1] = (lines[-1][0], "", lines[-1][2])
        for index, (start, end, what) in enumerate(lines):
            witness = witnesses[(member_id + index) % len(witnesses)]
            self.sv.resume.add(self.clerk, member_id, start, end, what, witness)

    def walk(self, track: _Track, f: _File, dates: list[tuple[int, dt.date]]) -> None:
        """Record, attach and review each step of the file in turn, as the branch did."""
        rng = self.people.rng
        for index, (step, day) in enumerate(dates):
            last = index == len(dates) - 1
            first_time = step not in f.when
            data = self._step(track, f, step, day)
            if track.flaw == POLITICAL_BEFORE_REPLY and step == 10:
                rid = self._taken_over(f, data)  # the rulebook would refuse it: see there
            else:
                rid = self._dev(day).record(self.clerk, f.member_id, data)
            if first_time:
                self._attach(f, step, rid)
            following = self.today if last else dates[index + 1][1]
            review_day = min(
                self._working_day(day + dt.timedelta(days=rng.randint(0, 3))),
                following,
                self.today,
            )
            if last and track.pending:
                return
            if last and track.returned:
                self._dev(review_day).review(self.reviewer, rid, False, RETURN_OPINION)
                return
            if step == track.paper_review_step:
                secretary, post = self.leader(f.branch_id, "书记")
                self.sv.development.enter_paper_review(
                    self.clerk,
                    rid,
                    True,
                    "经审核，同意。（审核意见签署于纸质纪实表，由组织委员据实录入）",
                    secretary,
                    post,
                    review_day,
                )
            else:
                self._dev(review_day).review(self.reviewer, rid, True, rng.choice(REVIEW_OPINIONS))
            f.when[step] = day
            if step == 19 and f.group is not None:
                detail = self.sv.members.get(f.member_id)
                self.sv.members.update(
                    self.clerk, f.member_id, replace(detail.data, group_id=f.group[0])
                )

    def _taken_over(self, f: _File, data: StepInput) -> int:
        """A record taken over as imported history (as the roster import writes them), awaiting
        review: the rulebook refuses a political review dated before its 函调 reply, so a
        file with one can only have come from the paper archive."""
        rule = rulebook_on(data.date).step(data.step)
        with self.sv.db.write(self.clerk.username, f"补录历史记录 第 {data.step} 步") as s:
            record = StepRecord(
                member_id=f.member_id, step=data.step, occurrence=1, version=1,
                state="pending", date=data.date, content=data.content,
                details=json.dumps(dict(data.details), ensure_ascii=False, sort_keys=True,
                                   default=str),
                meeting_ref=data.meeting_ref, serial_number=data.serial_number,
                rulebook=rulebook_on(data.date).version, imported=True,
                recorded_by=self.clerk.username,
                recorded_at=dt.datetime.combine(data.date, dt.time(9)),
            )
            s.add(record)
            s.flush()
            assert rule.people is None
            return record.id

    def flawed_files(
        self, branches: dict[str, int], groups: dict[str, list[tuple[int, str]]],
        boxes: dict[str, int],
    ) -> None:
        """The files with a deliberate problem (FLAWED_TRACKS), walked after the others with
        random numbers of their own, so that the other files stay as they were."""
        kept = self.people.rng
        self.people.rng = rng = random.Random(FLAWS_SEED)
        try:
            placed = []
            for kind, branch in (
                ("office_one", BRANCH_ONE),
                ("office_two", BRANCH_TWO),
                ("station", BRANCH_STATION),
            ):
                for track in FLAWED_TRACKS[kind]:
                    _start, dates = _place(track, _schedule(track, rng), self.today, rng)
                    placed.append((track, branch, self._on_working_days(dates)))
            for track, branch, dates in sorted(placed, key=lambda item: item[2][0][1]):
                f = self.open_file(
                    dates[0][1], track, branches[branch], branch, groups[branch], boxes[branch]
                )
                f.flaw = track.flaw
                self.walk(track, f, dates)
                self.file_dues(f)
        finally:
            self.people.rng = kept

    def _attach(self, f: _File, step: int, record_id: int) -> None:
        rng = self.people.rng
        for category, kind in STEP_MATERIALS.get(step, ()):
            if category == MISSING_CATEGORY and f.flaw == MISSING_MATERIAL:
                continue  # the deliberate problem: never handed in
            title = f"{f.name}{category}"
            if kind == "paper":
                place = f"{f.branch}党员发展档案柜第 {f.box} 盒"
                self.sv.materials.add_paper(
                    self.clerk, f.member_id, category, title, place, record_id
                )
                continue
            data = scan_png(rng) if kind == "png" else scan_pdf(rng)
            source = self.scratch / f"{category}-{f.name}.{kind}"
            source.write_bytes(data)
            self.sv.materials.add_scan(
                self.clerk, f.member_id, source, category, title + "（扫描件）", record_id
            )

    def _step(self, track: _Track, f: _File, step: int, day: dt.date) -> StepInput:
        """The record of one step, with the structured fields of the record sheet (纪实表)."""
        rng = self.people.rng
        name, branch, when = f.name, f.branch, f.when
        secretary = self.leader(f.branch_id, "书记")[0]
        organiser, organiser_post = self.leader(f.branch_id, "组织委员")
        committee_secretary = self.committee_person("书记")
        committee_size = len(self.posts.get(f.branch_id, {}))
        people: list[tuple[int, str]] = []
        details: dict[str, Any] = {}
        content, meeting, serial, reason = "", "", "", ""
        if step == 1:
            content = f"{name}向{branch}递交入党申请书，表达了加入中国共产党的愿望。"
            details = {
                "receiving_org": branch,
                "summary": "对党的认识、入党动机、本人经历和今后的努力方向",
            }
        elif step == 2:
            content = f"党支部收到入党申请书后，由{organiser}同{name}谈话。"
            details = {
                "talker": organiser,
                "talker_post": organiser_post,
                "place": "支部活动室",
                "content": "了解入党动机和对党的认识，介绍党的基本知识和入党程序，"
                "勉励其端正入党动机、在工作中发挥表率作用",
            }
        elif step == 3:
            entitled, _ = self._voters(f.branch_id, day)
            due = committee_size or entitled
            details = {
                "meeting_date": day,
                "due": due,
                "present": due - (1 if due > 3 and rng.random() < 0.4 else 0),
                "result": "同意确定为入党积极分子",
                "secretary": secretary,
            }
            if track.job == "辅警" and rng.random() < 0.6:
                details |= {
                    "recommend_method": "群团组织推优",
                    "recommending_org": "共青团示例县公安局委员会",
                }
            else:
                count = rng.randint(min(3, entitled), entitled)
                details |= {
                    "recommend_method": "党员推荐",
                    "recommenders": count,
                    "recommend_share": f"{round(100 * count / entitled)}%",
                }
            content = f"经{details['recommend_method']}，支部委员会研究，确定{name}为入党积极分子。"
            meeting = f"{branch}支部委员会会议（{fmt(day)}）"
        elif step == 4:
            content = f"将确定{name}为入党积极分子的情况报{COMMITTEE_NAME}备案。"
            details = {
                "filed_on": day,
                "committee": COMMITTEE_NAME,
                "opinion": "同意备案",
                "signer": committee_secretary,
            }
        elif step == 5:
            pool = self._full_members_by(f.branch_id, day, [])
            f.contacts = rng.sample(pool, 2 if len(pool) > 2 and rng.random() < 0.6 else 1)
            people = [(m, self.known[m][1]) for m in f.contacts]
            self.involved.update(f.contacts)
            names = "、".join(self.known[m][0] for m in f.contacts)
            content = f"党支部指定{names}为{name}的培养联系人。"
        elif step in (6, 21):
            since = max(d for s, d in when.items() if s in ((3, 6) if step == 6 else (15, 21)))
            content = f"党支部对{name}进行半年一次的考察。"
            details = {
                "period_start": since,
                "period_end": day - dt.timedelta(days=1),
                "study": "认真学习党章和党的创新理论，按时提交思想汇报",
                "activities": "参加支部主题党日和党课学习",
                "work": "积极完成岗位工作和急难险重任务",
                "talks": "培养联系人每季度与其谈心一次",
                "contact_opinion": "表现良好，建议继续培养",
                "group_opinion": "同意",
                "branch_opinion": "考察合格",
            }
        elif step == 7:
            entitled, present = self._voters(f.branch_id, day)
            fair = rng.randint(0, min(2, present))
            public = rng.randint(8, 15)
            due = committee_size or entitled
            details = {
                "appraisal_date": day - dt.timedelta(days=7),
                "members_taking_part": present,
                "member_excellent": present - fair,
                "member_fair": fair,
                "non_members_taking_part": public,
                "nonmember_excellent": public - 1,
                "nonmember_fair": 1,
                "contact_opinion": "同意列为发展对象",
                "group_opinion": "同意",
                "meeting_date": day,
                "due": due,
                "present": due,
                "result": "同意确定为发展对象",
            }
            content = (
                f"经听取党小组、培养联系人、党员和群众意见，支部委员会研究，确定{name}为发展对象。"
            )
            meeting = f"{branch}支部委员会会议（{fmt(day)}）"
        elif step == 8:
            details = self._publicity(f, day)
            content = (
                f"报{COMMITTEE_NAME}同意后，对{name}进行公示。"
                if "publicity_start" in details
                else f"将{name}列为发展对象的情况报{COMMITTEE_NAME}备案。"
            )
        elif step == 9:
            others = self._full_members_by(f.branch_id, day, f.contacts)
            sponsors = f.contacts[:2] if len(f.contacts) == 2 else [f.contacts[0], others[0]]
            people = [(m, self.known[m][1]) for m in sponsors]
            self.involved.update(sponsors)
            names = "、".join(self.known[m][0] for m in sponsors)
            content = f"确定{names}为{name}的入党介绍人。"
        elif step == 10:
            content = f"党组织对{name}进行政治审查。"
            details = {
                "reviewer": organiser,
                "review_date": day,
                "method": "同本人谈话、查阅人事档案、函调直系亲属所在单位",
                "attitude": "拥护党的理论和路线、方针、政策，政治立场坚定",
                "political_history": "无政治历史问题",
                "law_abiding": "遵纪守法，遵守社会公德，无违法违纪记录",
                "other": "无",
                "conclusion": "政治审查合格",
                "reviewing_org": branch,
                "signer": secretary,
            }
            if not track.returned or track.passed >= 10:
                details["relatives"] = "父母及主要社会关系政治清白，无违法犯罪记录"
            if track.flaw == POLITICAL_BEFORE_REPLY:  # concluded before the reply came in
                details["replies_date"] = day + dt.timedelta(days=5)
                content += "（据县委组织部政审函件补录的历史记录）"
            else:  # the 函调 replies came in a few days before the conclusion
                details["replies_date"] = day - dt.timedelta(days=4)
        elif step == 11:
            start = day - dt.timedelta(days=rng.randint(3, 5))
            content = f"{name}参加发展对象集中培训，考核合格，取得结业证书。"
            details = {
                "start": start,
                "end": start + dt.timedelta(days=2),
                "hours": 24,
                "certificate_no": f"{day.year}FZ{rng.randint(1, 400):04d}",
                "organiser": "中共示例县委党校",
            }
        elif step == 12:
            content = f"支部委员会对{name}的条件、培养教育和政治审查情况进行审查。"
            details = {
                "meeting_date": day,
                "opinion": f"{name}符合发展条件，同意报{COMMITTEE_NAME}预审",
                "result": "同意",
            }
            meeting = f"{branch}支部委员会会议（{fmt(day)}）"
        elif step == 13:
            content = f"{COMMITTEE_NAME}对{name}进行预审。"
            details = {
                "sent_on": day - dt.timedelta(days=rng.randint(2, 5)),
                "discipline_opinion": "经县纪委监委派驻纪检组、县公安局督察大队核实，"
                "无违纪违法问题",
                "opinion": "预审合格，同意发放《中国共产党入党志愿书》",
                "committee": COMMITTEE_NAME,
                "signer": committee_secretary,
            }
        elif step == 14:
            serial = f"3301{day.year}{rng.randint(1, 9999):04d}"
            content = f"{name}在入党介绍人指导下如实填写《中国共产党入党志愿书》。"
            details = {"booklet_serial": serial}
        elif step == 15:
            details = self._vote(f.branch_id, day) | {
                "resolution": f"同意接收{name}为中共预备党员",
            }
            if track.flaw == VOTES_DO_NOT_ADD_UP:  # one present voter's ballot not counted
                details["yes"] -= 1
                assert 2 * details["yes"] > details["entitled"]
            content = f"支部大会讨论接收{name}为预备党员，以无记名投票方式表决通过。"
            meeting = f"{branch}党员大会（{fmt(day)}）"
        elif step == 16:
            talker = self.committee_person("委员")
            content = f"{COMMITTEE_NAME}委员{talker}同{name}谈话。"
            details = {
                "talker": talker,
                "talker_post": "党委委员",
                "place": "局党委会议室",
                "opinion": "入党动机端正，对党的认识较深刻，同意提交党委审批",
            }
        elif step in (17, 24):
            joined = when[15]
            since = when[15] if step == 17 else when[23]
            opinion = (
                f"同意接收{name}为中共预备党员，预备期自{fmt(joined)}起一年"
                if step == 17
                else f"同意{name}按期转为中共正式党员，党龄自{fmt(probation_end(joined))}算起"
            )
            present = rng.choice((5, 5, 4))
            content = f"{COMMITTEE_NAME}召开党委会议集体讨论，{opinion}。"
            details = {
                "sent_on": min(since + dt.timedelta(days=rng.randint(3, 8)), day),
                "committee_meeting_date": day,
                "members_present": present,
                "vote": f"{present}票同意",
                "opinion": opinion,
                "committee": COMMITTEE_NAME,
                "signer": committee_secretary,
            }
            if step == 17 and track.late_approval:
                reason = late_approval_reason(day)
            meeting = f"{COMMITTEE_NAME}会议（{fmt(day)}）"
        elif step == 18:
            content = f"将{name}入党的情况报中共示例县委组织部备案。"
            details = {"filed_with": "中共示例县委组织部", "filed_on": day}
        elif step == 19:
            content = f"将{name}编入{branch}" + (f"{f.group[1]}。" if f.group else "。")
            details = {"branch": branch} | ({"group": f.group[1]} if f.group else {})
        elif step == 20:
            content = f"{name}在党旗下进行入党宣誓，由{secretary}领誓。"
            details = {"place": "局党员活动室", "led_by": secretary}
        elif step == 22:
            content = f"{name}在预备期满前向党支部提出书面转正申请。"
            details = {"summary": "预备期内认真履行党员义务，接受组织考察，申请按期转为正式党员"}
        elif step == 23:
            details = self._vote(f.branch_id, day) | {
                "outcome": ON_TIME,
                "group_opinion": "同意按期转正",
                "public_opinion": "征求党员和群众意见，普遍认为其符合转正条件",
                "committee_review": "同意提交支部大会讨论",
                "resolution": f"同意{name}按期转为中共正式党员",
            }
            content = f"预备期满，支部大会讨论{name}的转正问题，表决同意按期转正。"
            meeting = f"{branch}党员大会（{fmt(day)}）"
        elif step == 25:
            attached = {m.category for m in self.sv.materials.of_member(f.member_id)}
            content = f"{name}入党材料整理齐全，移交人事档案部门归档。"
            details = {
                "receiving_org": "示例县公安局政治处（干部人事档案室）",
                "receiver": self.leader(f.branch_id, "组织委员")[0],
                "received_on": day,
                "materials": [m for m in MATERIALS if m in attached],
            }
        return StepInput(step, day, content, details, people, meeting, serial, reason)

    def _publicity(self, f: _File, day: dt.date) -> dict[str, Any]:
        """Step 8: filing (2014), or approval and five working days of 公示 (2026)."""
        if "publicity_start" not in {spec.key for spec in rulebook_on(day).step(8).fields}:
            return {"filed_on": day, "committee": COMMITTEE_NAME, "opinion": "同意备案"}
        start = day - dt.timedelta(days=8)
        while self.calendar.add_working_days(start, 5).day >= day:
            start -= dt.timedelta(days=1)
        approved = max(f.when[7], start - dt.timedelta(days=self.people.rng.randint(1, 3)))
        return {
            "approval_date": approved,
            "committee": COMMITTEE_NAME,
            "approval_opinion": f"同意将{f.name}列为发展对象",
            "publicity_start": start,
            "publicity_end": self.calendar.add_working_days(start, 5).day,
            "publicity_result": "无异议",
            "feedback": "公示期间未收到反映意见",
        }


# --- meeting minutes: a year of 三会一课 and the other required meetings -----------------------

#: reasons a member misses a meeting, as clerks write them
ABSENCE_REASONS = ("出差", "病假", "值班备勤", "外出培训", "事假", "执行专项任务")
LOST_CONTACT_ABSENCE = "失去联系"
MOBILE_ABSENCE = "外出流动，在流入地参加组织生活"

#: branch -> (meeting room, the place of its committee meetings)
PLACES = {
    BRANCH_ONE: ("局机关三楼党员活动室", "支部会议室"),
    BRANCH_TWO: ("指挥中心五楼会议室", "支部会议室"),
    BRANCH_STATION: ("派出所会议室", "派出所会议室"),
}

#: the 主题党日 of each month: (theme, place or "" for the branch's room, what was done, outcome)
THEME_DAYS: dict[int, tuple[str, str, str, str]] = {
    1: (
        "重温入党誓词，开展新春走访慰问",
        "",
        "全体党员在党旗下重温入党誓词，分组走访慰问辖区困难群众和退休老党员。",
        "走访慰问困难群众 6 户、老党员 3 名，收集意见建议 5 条，交相关部门办理。",
    ),
    2: (
        "学习《中国共产党纪律处分条例》",
        "",
        "观看警示教育片，逐章学习《中国共产党纪律处分条例》，党员结合岗位谈体会。",
        "每名党员撰写学习心得一篇，由党小组收齐交支部。",
    ),
    3: (
        "学雷锋志愿服务",
        "城关镇人民路社区党群服务中心",
        "党员志愿者在社区开展反诈宣传和便民服务，现场办理户籍咨询。",
        "发放反诈宣传资料 400 余份，现场答复群众咨询 60 余人次。",
    ),
    4: (
        "清明祭英烈",
        "示例县革命烈士陵园",
        "全体党员向革命烈士敬献花篮、默哀，讲解员介绍烈士事迹，青年党员代表发言。",
        "传承英烈精神，组织青年党员撰写祭英烈感言。",
    ),
    5: (
        "“五四”青年党员座谈",
        "",
        "青年党员和入党积极分子座谈，交流成长体会，老党员寄语。",
        "建立老党员与青年民警结对帮带 5 对。",
    ),
    6: (
        "“七一”前夕党性教育",
        "浙西南革命精神教育基地",
        "赴教育基地参观学习，重温入党誓词，开展现场教学。",
        "党员撰写党性分析材料，在七月党小组会上交流。",
    ),
    7: (
        "庆祝中国共产党成立纪念日",
        "",
        "举行“政治生日”仪式，为本月入党纪念日的党员送上政治生日贺卡，老党员讲述入党经历。",
        "表扬本年度优秀党员，号召全体党员立足岗位作贡献。",
    ),
    8: (
        "“八一”拥军和警营开放日",
        "县人民武装部",
        "走访慰问县人武部官兵，开展警营开放日活动，邀请群众参观警营。",
        "进一步密切警民关系、军警关系。",
    ),
    9: (
        "全民国防教育日宣传",
        "千岛湖广场",
        "党员在广场设点开展国防教育和国家安全宣传。",
        "发放宣传资料 300 余份。",
    ),
    10: (
        "学习党的创新理论专题研讨",
        "",
        "集中学习党的创新理论，围绕“对党忠诚、服务人民、执法公正、纪律严明”开展研讨。",
        "梳理研讨成果，形成支部学习简报一期。",
    ),
    11: (
        "“119”消防宣传进社区",
        "城关镇新安东路社区",
        "党员联合消防救援大队进社区开展消防安全检查和宣传。",
        "检查“九小场所”12 家，督促整改隐患 7 处。",
    ),
    12: (
        "国家宪法日宪法宣誓",
        "",
        "全体党员集中学习宪法，新任职民警进行宪法宣誓。",
        "开展宪法知识测试，全员合格。",
    ),
}

#: (title, discussion, resolution) of a 支委会's routine business
COMMITTEE_ITEMS = (
    (
        "传达学习局党委近期会议精神",
        "书记传达局党委会议精神和工作要求，委员们结合支部实际谈了贯彻意见。",
        "支部委员会按分工抓好落实，下次支委会通报进展。",
    ),
    (
        "研究本月主题党日活动方案",
        "组织委员提出本月主题党日活动方案，委员们对时间、地点和形式提出修改意见。",
        "同意活动方案，由组织委员负责组织实施，宣传委员做好报道。",
    ),
    (
        "通报上月党费收缴情况",
        "组织委员通报上月党费收缴情况，全体党员均按时足额交纳。",
        "继续按月收缴，按规定及时上缴局党委。",
    ),
    (
        "研究入党积极分子培养考察工作",
        "各培养联系人汇报入党积极分子近期思想和工作表现，委员们逐一分析。",
        "按期完成半年一次的考察，督促按时提交思想汇报。",
    ),
    (
        "分析党员队伍思想和纪律作风状况",
        "纪检委员通报队伍纪律作风情况，委员们逐一分析党员思想动态，"
        "认为队伍总体稳定，个别同志工作压力较大。",
        "由书记、组织委员分别与相关同志谈心谈话。",
    ),
    (
        "研究意识形态工作",
        "宣传委员汇报本季度意识形态工作情况和网络舆情应对情况。",
        "落实意识形态工作责任制，每季度专题研究一次。",
    ),
    (
        "研究党员教育培训安排",
        "组织委员提出下阶段党员学习安排，委员们建议结合业务开展案例教学。",
        "同意学习安排，列入下月党小组会学习内容。",
    ),
)

#: (title, discussion, resolution) of what a 党小组会 studies, in turn
GROUP_STUDIES = (
    ("学习《中国共产党章程》总纲", "党小组长领学党章总纲，党员结合岗位谈认识。"),
    ("学习《中国共产党纪律处分条例》", "集中学习条例有关章节，结合身边典型案例进行讨论。"),
    ("学习《公安机关人民警察纪律条令》", "逐条学习纪律条令，对照查找工作作风方面的不足。"),
    (
        "学习习近平总书记关于公安工作的重要论述",
        "党员轮流领读，围绕“绝对忠诚、绝对纯洁、绝对可靠”交流体会。",
    ),
    ("学习新时代“枫桥经验”", "结合辖区矛盾纠纷化解案例，讨论如何把矛盾化解在基层。"),
    ("学习《中国共产党党员权利保障条例》", "学习党员的权利和义务，讨论如何正确行使党员权利。"),
)

#: (topic, outline) of a 党课
LECTURE_TOPICS = (
    (
        "坚定理想信念，筑牢忠诚警魂",
        "从党的百年奋斗历程讲起，阐述理想信念是共产党人精神上的“钙”，结合公安英模事迹，"
        "要求党员做到对党绝对忠诚。",
    ),
    (
        "学党章、守党规，争做合格党员",
        "系统讲解党章关于党员义务和权利的规定，结合支部实际提出“四个合格”的具体要求。",
    ),
    (
        "新时代“枫桥经验”与基层社会治理",
        "讲解“枫桥经验”的形成发展，结合派出所矛盾纠纷化解的实践，提出做好群众工作的方法。",
    ),
    (
        "从党史中汲取奋进力量",
        "讲述党在各个历史时期的奋斗故事，引导党员学史明理、学史增信、学史崇德、学史力行。",
    ),
    (
        "严守纪律规矩，锻造过硬队伍",
        "通报近期公安队伍违纪违法典型案例，以案释纪、以案明法，要求党员筑牢拒腐防变的防线。",
    ),
    (
        "践行全心全意为人民服务的根本宗旨",
        "结合“我为群众办实事”活动，讲解如何在执法办案和服务群众中践行党的宗旨。",
    ),
)

#: (title, discussion, resolution) of a 支部党员大会's routine business
GENERAL_ITEMS = (
    (
        "学习贯彻上级党委决策部署",
        "书记领学局党委近期文件精神，党员结合本职工作进行讨论。",
        "全体党员结合岗位抓好贯彻落实，支部委员会做好督促检查。",
    ),
    (
        "通报支部本季度工作情况",
        "书记通报本季度“三会一课”、党员发展、党费收缴和结对共建等工作情况，"
        "党员对支部工作提出意见建议 4 条。",
        "对党员提出的意见建议逐条研究落实，下次党员大会通报。",
    ),
    (
        "研究支部下季度重点工作",
        "支部委员会提出下季度党建工作要点，与会党员进行讨论。",
        "原则通过下季度工作要点，由支部委员会按分工组织实施。",
    ),
)


@dataclass(frozen=True)
class _Gap:
    """A required meeting deliberately left out, so that the calendar shows a gap."""

    branch: str
    kind: MeetingKind
    months_back: int  # 1: last month; for a quarterly kind, the quarter that month is in
    group_index: int | None = None


#: the gaps, counted back from today's month: last month's always show as overdue to-dos
GAPS = (
    _Gap(BRANCH_ONE, MeetingKind.COMMITTEE_MEETING, 1),  # busy with a special campaign
    _Gap(BRANCH_ONE, MeetingKind.GROUP_MEETING, 6, group_index=1),
    _Gap(BRANCH_TWO, MeetingKind.GROUP_MEETING, 1, group_index=1),
    _Gap(BRANCH_TWO, MeetingKind.THEME_DAY, 9),
    _Gap(BRANCH_STATION, MeetingKind.THEME_DAY, 1),
    _Gap(BRANCH_STATION, MeetingKind.PARTY_LECTURE, 3),  # last quarter's lecture
)

MINUTES_SEED = SEED + 4


class MinutesWriter:
    """Records a year of minutes for every branch through ``MeetingService``.

    The 12 months before today (and this month so far) get each required meeting at its
    frequency, except the few ``GAPS``. The branch meetings that voted on admissions and
    conversions (steps 15 and 23 of the files, whenever they were) are recorded as the
    支部党员大会 they were, with the vote figures of the step records; such a meeting also
    serves as the quarter's general meeting. Entered once the roster is complete, because
    the minutes list as 应到 the members as the service finds them.
    """

    def __init__(
        self,
        builder: _DemoBuilder,
        branches: dict[str, int],
        groups: dict[str, list[tuple[int, str]]],
    ) -> None:
        self.b = builder
        self.sv = builder.sv
        self.today = builder.today
        self.branches = branches
        self.groups = groups
        self.rng = random.Random(MINUTES_SEED)
        self.first_month = add_months(self.today.replace(day=1), -12)
        with self.sv.db.read() as s:
            rows = s.execute(select(Member.id, Member.lost_contact, Member.mobile))
            self.away_reason = {
                member_id: LOST_CONTACT_ABSENCE if lost else MOBILE_ABSENCE
                for member_id, lost, mobile in rows
                if lost or mobile
            }
        self.recorded: list[tuple[str, MeetingKind, int, dt.date]] = []

    # the whole year -------------------------------------------------------------------------

    def write(self) -> None:
        """Plan every branch's meetings, record them in date order, then correct and attach."""
        planned: list[tuple[dt.date, int, MeetingInput]] = []
        for branch in (BRANCH_ONE, BRANCH_TWO, BRANCH_STATION):
            planned += [(m.date, index, m) for index, m in enumerate(self._plan(branch))]
        planned.sort(key=lambda item: (item[0], item[1], item[2].kind.value))
        ids: list[tuple[MeetingInput, int]] = []
        for _day, _index, data in planned:
            ids.append((data, self.sv.meetings.record(self.b.clerk, data)))
        self._correct_one(ids)
        self._attach_sign_in_sheet(ids)

    def _plan(self, branch: str) -> list[MeetingInput]:
        branch_id = self.branches[branch]
        step_meetings = self._step_meetings(branch, branch_id)
        quarters_with_vote = {_quarter(day) for day in step_meetings if day >= self.first_month}
        meetings: list[MeetingInput] = []
        for held, votes in sorted(step_meetings.items()):
            extra = _quarter(held) in quarters_with_vote and held >= self.first_month
            meetings.append(self._step_meeting(branch, branch_id, held, votes, extra))
            quarters_with_vote.discard(_quarter(held))  # the quarter's business once only
        lecture_number = 0
        for offset in range(12, -1, -1):
            month = add_months(self.today.replace(day=1), -offset)
            kinds = [
                MeetingKind.COMMITTEE_MEETING,
                MeetingKind.GROUP_MEETING,
                MeetingKind.THEME_DAY,
            ]
            if month.month % 3 == 0:
                kinds.append(MeetingKind.GENERAL_MEETING)
            if month.month % 3 == 2:
                kinds.append(MeetingKind.PARTY_LECTURE)
            if month.month == 12:  # the year's appraisal, then the life meeting
                kinds += [MeetingKind.MEMBER_APPRAISAL, MeetingKind.LIFE_MEETING]
            for kind in kinds:
                if kind is MeetingKind.GENERAL_MEETING and _quarter(month) in {
                    _quarter(d) for d in step_meetings
                }:
                    continue
                if kind is MeetingKind.GROUP_MEETING:
                    for index, (group_id, group) in enumerate(self.groups[branch]):
                        if self._skipped(branch, kind, offset, index):
                            continue
                        day = self._day(month, 9, 15)
                        if day is not None:
                            meetings.append(
                                self._group_meeting(branch, group_id, group, day, offset)
                            )
                    continue
                if self._skipped(branch, kind, offset):
                    continue
                low, high = _DAYS[kind]
                day = self._day(month, low, high)
                if day is None:
                    continue
                if kind is MeetingKind.COMMITTEE_MEETING:
                    if not self.sv.meetings.has_committee(branch_id, day):
                        continue
                    meetings.append(self._committee_meeting(branch, branch_id, day))
                elif kind is MeetingKind.THEME_DAY:
                    meetings.append(self._theme_day(branch, branch_id, day))
                elif kind is MeetingKind.GENERAL_MEETING:
                    meetings.append(self._general_meeting(branch, branch_id, day))
                elif kind is MeetingKind.PARTY_LECTURE:
                    meetings.append(self._lecture(branch, branch_id, day, lecture_number))
                    lecture_number += 1
                elif kind is MeetingKind.MEMBER_APPRAISAL:
                    meetings.append(self._appraisal(branch, branch_id, day))
                else:
                    meetings.append(self._life_meeting(branch, branch_id, day))
        return meetings

    def _skipped(
        self, branch: str, kind: MeetingKind, offset: int, group_index: int | None = None
    ) -> bool:
        """Whether this meeting is one of the deliberate gaps."""
        month = add_months(self.today.replace(day=1), -offset)
        for gap in GAPS:
            if gap.branch != branch or gap.kind is not kind or gap.group_index != group_index:
                continue
            missed = add_months(self.today.replace(day=1), -gap.months_back)
            if kind in (MeetingKind.GENERAL_MEETING, MeetingKind.PARTY_LECTURE):
                if _quarter(missed) == _quarter(month):
                    return True
            elif missed == month:
                return True
        return False

    def _day(self, month: dt.date, low: int, high: int) -> dt.date | None:
        """A working day of ``month`` from about day ``low`` to ``high``; None if after today."""
        day = self.b._working_day(month.replace(day=self.rng.randint(low, high)))
        if day.month != month.month or day > self.today:
            return None
        return day

    # who came -------------------------------------------------------------------------------

    def _attendance(
        self,
        kind: MeetingKind,
        organisation_id: int,
        day: dt.date,
        keep: tuple[str, ...],
        absent_voters: int | None = None,
    ) -> tuple[tuple[int, ...], tuple[tuple[int, str], ...]]:
        """(present, absences) from the members who should attend: those away are absent,
        and one or two more (never the host or the recorder) on duty, ill or travelling.

        With ``absent_voters`` (a vote's figures) exactly that many full members are absent.
        """
        expected = self.sv.meetings.expected_attendees(kind, organisation_id, day)
        absent: dict[int, str] = {
            a.member_id: self.away_reason[a.member_id]
            for a in expected
            if a.member_id in self.away_reason
        }
        others = [a for a in expected if a.member_id not in absent and a.name not in keep]
        if absent_voters is not None:
            voters = [a for a in expected if a.can_vote]
            wanted = min(absent_voters, len(voters) - len(voters) // 2 - 1)
            away_voters = [a for a in voters if a.member_id in absent]
            for a in away_voters[wanted:]:
                del absent[a.member_id]
            missing = wanted - min(wanted, len(away_voters))
            pool = [a for a in others if a.can_vote]
            for a in self.rng.sample(pool, min(missing, len(pool))):
                absent[a.member_id] = self.rng.choice(ABSENCE_REASONS)
        else:
            if kind is MeetingKind.COMMITTEE_MEETING:
                extra = 1 if len(expected) > 3 and self.rng.random() < 0.35 else 0
            else:
                extra = max(0, self.rng.randint(1, 3) - len(absent))
            for a in self.rng.sample(others, min(extra, max(0, len(others) - 2))):
                absent[a.member_id] = self.rng.choice(ABSENCE_REASONS)
        present = tuple(a.member_id for a in expected if a.member_id not in absent)
        absences = tuple(
            (a.member_id, absent[a.member_id]) for a in expected if a.member_id in absent
        )
        return present, absences

    def _officers(self, branch: str) -> tuple[str, str]:
        """(host, recorder) of the branch's meetings: the secretary and the 组织委员."""
        branch_id = self.branches[branch]
        posts = self.b.posts.get(branch_id, {})
        if "书记" in posts:
            return posts["书记"], posts.get("组织委员", posts.get("宣传委员", ""))
        secretary = self.b.leader(branch_id, "书记")[0]
        deputy = next(name for name, job in self.b.known.values() if job == "副所长")
        return secretary, deputy

    def _input(
        self,
        kind: MeetingKind,
        branch: str,
        organisation_id: int,
        day: dt.date,
        times: tuple[str, str],
        agenda: tuple[AgendaItem, ...],
        *,
        place: str = "",
        host: str = "",
        recorder: str = "",
        speaker: str = "",
        topic: str = "",
        guests: str = "",
        resolutions: str = "",
        absent_voters: int | None = None,
    ) -> MeetingInput:
        secretary, organiser = self._officers(branch)
        host, recorder = host or secretary, recorder or organiser
        present, absences = self._attendance(
            kind, organisation_id, day, (host, recorder, speaker), absent_voters
        )
        room, committee_room = PLACES[branch]
        if not place:
            place = committee_room if kind is MeetingKind.COMMITTEE_MEETING else room
        return MeetingInput(
            kind,
            organisation_id,
            day,
            times[0],
            times[1],
            place,
            host,
            recorder,
            speaker,
            topic,
            present,
            absences,
            guests,
            agenda,
            discussion="与会人员围绕议题逐项讨论，发言踊跃，意见一致。",
            resolutions=resolutions
            or "；".join(i.resolution.rstrip("。") for i in agenda if i.resolution) + "。",
        )

    # one meeting of each kind ---------------------------------------------------------------

    def _committee_meeting(self, branch: str, branch_id: int, day: dt.date) -> MeetingInput:
        picks = self.rng.sample(COMMITTEE_ITEMS, 3 if self.rng.random() < 0.4 else 2)
        agenda = tuple(AgendaItem(*item) for item in picks)
        return self._input(
            MeetingKind.COMMITTEE_MEETING, branch, branch_id, day, ("16:30", "17:40"), agenda
        )

    def _group_meeting(
        self, branch: str, group_id: int, group: str, day: dt.date, offset: int
    ) -> MeetingInput:
        expected = self.sv.meetings.expected_attendees(MeetingKind.GROUP_MEETING, group_id, day)
        leaders = [a.name for a in expected if a.can_vote and a.member_id not in self.away_reason]
        host, recorder = leaders[0], leaders[1] if len(leaders) > 1 else leaders[0]
        title, discussion = GROUP_STUDIES[(offset + group_id) % len(GROUP_STUDIES)]
        agenda = (
            AgendaItem(title, discussion, "每名党员结合学习内容查找不足，抓好整改。"),
            AgendaItem(
                "党员汇报思想和工作情况",
                "小组党员逐一汇报本月思想、学习和工作情况，相互提出意见建议。",
                "对照要求改进不足，下月会上交流落实情况。",
            ),
            AgendaItem("收缴本月党费", f"{host}收缴本月党费。", "本月党费已收齐，交支部组织委员。"),
        )
        return self._input(
            MeetingKind.GROUP_MEETING,
            branch,
            group_id,
            day,
            ("17:00", "18:00"),
            agenda,
            place=f"{group.removesuffix('党小组')}办公室",
            host=host,
            recorder=recorder,
        )

    def _theme_day(self, branch: str, branch_id: int, day: dt.date) -> MeetingInput:
        theme, place, done, outcome = THEME_DAYS[day.month]
        agenda = (AgendaItem(theme, done, outcome),)
        return self._input(
            MeetingKind.THEME_DAY,
            branch,
            branch_id,
            day,
            ("14:30", "17:00"),
            agenda,
            place=place,
        )

    def _general_meeting(self, branch: str, branch_id: int, day: dt.date) -> MeetingInput:
        agenda = tuple(AgendaItem(*item) for item in GENERAL_ITEMS)
        return self._input(
            MeetingKind.GENERAL_MEETING, branch, branch_id, day, ("15:00", "17:00"), agenda
        )

    def _lecture(self, branch: str, branch_id: int, day: dt.date, number: int) -> MeetingInput:
        """A 党课: the secretary gives the first and the one before 七一, others in turn."""
        secretary, _ = self._officers(branch)
        posts = self.b.posts.get(branch_id, {})
        others = [name for post, name in posts.items() if post != "书记"]
        if not others:  # the station: the 所长 lectures too
            others = [next(name for name, job in self.b.known.values() if job == "所长")]
        speaker = secretary if number == 0 or day.month in (5, 6) else others[number % len(others)]
        topic, outline = LECTURE_TOPICS[(number + branch_id) % len(LECTURE_TOPICS)]
        agenda = (
            AgendaItem(
                f"{speaker}同志讲授党课《{topic}》",
                outline + "党员结合工作实际进行交流。",
                "每名党员撰写学习心得体会，在下次党小组会上交流。",
            ),
        )
        return self._input(
            MeetingKind.PARTY_LECTURE,
            branch,
            branch_id,
            day,
            ("15:00", "16:30"),
            agenda,
            speaker=speaker,
            topic=topic,
        )

    def _appraisal(self, branch: str, branch_id: int, day: dt.date) -> MeetingInput:
        year = day.year
        data = self._input(
            MeetingKind.MEMBER_APPRAISAL,
            branch,
            branch_id,
            day,
            ("14:30", "17:30"),
            (
                AgendaItem(
                    f"{year}年度民主评议党员：学习动员和个人自评",
                    "书记作动员，党员对照党章规定的党员条件，逐一作个人总结和自我评价。",
                    "全体党员完成个人自评。",
                ),
                AgendaItem(
                    "党员互评和民主测评",
                    "党员逐一互评，开展民主测评，现场发放测评表，当场收回统计。",
                    "",
                ),
            ),
        )
        good = max(1, len(data.present) // 6)
        outcome = (
            f"经民主测评和支部委员会研究，评定优秀党员 {good} 名、合格党员 "
            f"{len(data.present) - good} 名，未评出不合格党员；因故未参加评议的党员另行补评。"
        )
        first, second = data.agenda
        return replace(
            data,
            agenda=(first, replace(second, resolution=outcome)),
            resolutions=f"{first.resolution.rstrip('。')}；{outcome}",
        )

    def _life_meeting(self, branch: str, branch_id: int, day: dt.date) -> MeetingInput:
        year = day.year
        guest = self.b.committee_person("委员")
        agenda = (
            AgendaItem(
                f"通报{year - 1}年度组织生活会整改落实情况",
                "书记通报上年度组织生活会查摆问题的整改情况，各项整改措施均已落实。",
                "整改情况在支部公开栏公示。",
            ),
            AgendaItem(
                "支部委员会对照检查",
                "书记代表支部委员会作对照检查，从政治建设、学习教育、作风纪律等方面查摆问题。",
                "支部委员会查摆问题 4 条，形成整改清单。",
            ),
            AgendaItem(
                "党员开展批评和自我批评",
                "党员逐一发言，先作自我批评，再相互批评，批评意见具体、诚恳。",
                "每名党员列出整改事项，明确整改时限，由支部委员会督促落实。",
            ),
        )
        return self._input(
            MeetingKind.LIFE_MEETING,
            branch,
            branch_id,
            day,
            ("14:30", "18:00"),
            agenda,
            guests=f"局党委委员{guest}到会指导",
            resolutions=f"{year}年度组织生活会查摆问题形成整改清单，整改情况在下季度党员大会上通报。",
        )

    # the branch meetings that voted on admissions and conversions --------------------------

    def _step_meetings(
        self, branch: str, branch_id: int
    ) -> dict[dt.date, list[tuple[str, int, dict[str, Any]]]]:
        """Per day: (name, step, details) of each step 15 or 23 record of the branch (its
        latest version), candidates in roster order."""
        latest: dict[tuple[int, int], tuple[str, dt.date, dict[str, Any]]] = {}
        for member in self._members_of(branch_id):
            for r in self.sv.development.records(member.id):
                if r.step in (15, 23):
                    latest[(member.id, r.step)] = (member.name, r.date, r.details)
        found: dict[dt.date, list[tuple[str, int, dict[str, Any]]]] = {}
        for (_member_id, step), (name, day, details) in sorted(latest.items()):
            found.setdefault(day, []).append((name, step, details))
        return found

    def _members_of(self, branch_id: int) -> list[Member]:
        with self.sv.db.read() as s:
            members = list(
                s.scalars(
                    select(Member).where(Member.branch_id == branch_id).order_by(Member.sort_key)
                )
            )
            s.expunge_all()
        return members

    def _step_meeting(
        self,
        branch: str,
        branch_id: int,
        day: dt.date,
        votes: list[tuple[str, int, dict[str, Any]]],
        quarter_business: bool,
    ) -> MeetingInput:
        """The 支部党员大会 of the step records: one agenda item and vote per candidate."""
        agenda = []
        for name, step, details in votes:
            vote = VoteInput(
                subject=f"接收{name}为预备党员" if step == 15 else f"{name}{details['outcome']}",
                method=details["method"],
                entitled=details["entitled"],
                present=details["present"],
                written=details["written_votes"],
                yes=details["yes"],
                against=details["against"],
                abstain=details["abstain"],
            )
            if step == 15:
                title = f"讨论接收{name}为预备党员"
                discussion = (
                    f"{name}汇报对党的认识、入党动机、本人履历和家庭主要成员情况；入党介绍人"
                    f"介绍其情况；支部委员会报告对其审查情况；与会党员充分讨论后，"
                    f"以{details['method']}方式表决。"
                )
            else:
                title = f"讨论预备党员{name}的转正问题"
                discussion = (
                    f"{name}汇报预备期表现；党小组和入党介绍人介绍其预备期情况；支部委员会报告"
                    f"审查意见；与会党员充分讨论后，以{details['method']}方式表决。"
                )
            agenda.append(AgendaItem(title, discussion, details["resolution"], (vote,)))
        if quarter_business:
            agenda += [AgendaItem(*item) for item in GENERAL_ITEMS[:2]]
        absent_voters = votes[0][2]["entitled"] - votes[0][2]["present"]
        return self._input(
            MeetingKind.GENERAL_MEETING,
            branch,
            branch_id,
            day,
            ("14:30", "17:00"),
            tuple(agenda),
            absent_voters=absent_voters,
            guests="入党积极分子代表" if any(step == 15 for _n, step, _d in votes) else "",
        )

    # a correction and a scan ----------------------------------------------------------------

    def _correct_one(self, ids: list[tuple[MeetingInput, int]]) -> None:
        """Correct a committee meeting of 机关第二党支部 a few months back (a second version)."""
        two = self.branches[BRANCH_TWO]
        candidates = [
            (data, meeting_id)
            for data, meeting_id in ids
            if data.organisation_id == two
            and data.kind is MeetingKind.COMMITTEE_MEETING
            and data.date <= self.today - dt.timedelta(days=60)
        ]
        data, meeting_id = candidates[-1]
        corrected = replace(
            data,
            end_time="18:10",
            discussion=data.discussion + "纪检委员补充发言：近期执法办案任务重，"
            "要注意劳逸结合，防止因疲劳发生执法过错。",
        )
        self.sv.meetings.correct(
            self.b.clerk,
            meeting_id,
            corrected,
            "原记录漏记纪检委员的补充发言，结束时间误记为 17:40，据会议签到表和记录本更正",
        )

    def _attach_sign_in_sheet(self, ids: list[tuple[MeetingInput, int]]) -> None:
        """Attach a scanned sign-in sheet to 机关第一党支部's last general meeting."""
        one = self.branches[BRANCH_ONE]
        data, meeting_id = [
            (data, meeting_id)
            for data, meeting_id in ids
            if data.organisation_id == one and data.kind is MeetingKind.GENERAL_MEETING
        ][-1]
        source = self.b.scratch / f"签到表-{data.date.isoformat()}.png"
        source.write_bytes(scan_png(self.rng))
        self.sv.meetings.attach(self.b.clerk, meeting_id, source, "签到表")


#: the days of the month each kind is usually held on (moved to the next working day)
_DAYS: dict[MeetingKind, tuple[int, int]] = {
    MeetingKind.COMMITTEE_MEETING: (3, 7),
    MeetingKind.THEME_DAY: (18, 23),
    MeetingKind.GENERAL_MEETING: (12, 18),
    MeetingKind.PARTY_LECTURE: (19, 24),
    MeetingKind.MEMBER_APPRAISAL: (8, 11),
    MeetingKind.LIFE_MEETING: (21, 24),
}


def _quarter(day: dt.date) -> tuple[int, int]:
    """(year, quarter) of a day."""
    return day.year, (day.month - 1) // 3


# --- organisation transfers: every state a clerk meets --------------------------------------

TRANSFERS_SEED = SEED + 5
#: where the letters go and come from (real-looking organisations of the region)
CITY_PUBLIC_ORDER = "中共示例市公安局治安支队党支部"
CITY_COMMITTEE = "中共示例市公安局机关委员会"
NEIGHBOUR_OFFICE = "中共邻县公安局机关党支部"
NEIGHBOUR_COMMITTEE = "中共邻县公安局委员会"
CITY_TRAFFIC = "中共示例市公安局交通警察支队党支部"
NEIGHBOUR_TRAFFIC = "中共邻县公安局交通警察大队党支部"
CITY_CYBER = "中共示例市公安局网络安全保卫支队党支部"
WRONG_ORGANISATION = "中共邻县公安局城关派出所党支部"
VOID_REASON = f"接收党组织名称填写有误（应为“{NEIGHBOUR_OFFICE}”），介绍信收回作废，已重新开具"
HANDLERS = ("周海燕", "陈立群", "吴建华", "徐晓东")


class TransferWriter:
    """Enters transfers in every state through the transfer services, dated back from today.

    Outgoing (issued in date order, so the numbers run 001, 002, ... per year): one awaiting
    its receipt within the validity, one overdue, one closed by its receipt (the member
    已转出), one voided and issued again; a member who left years ago and came back to the
    old file. Incoming: one placed with the receipt sent, one registered but not yet placed.
    """

    def __init__(self, builder: _DemoBuilder, branches: dict[str, int]) -> None:
        self.b = builder
        self.sv = builder.sv
        self.today = builder.today
        self.branches = branches
        self.rng = random.Random(TRANSFERS_SEED)

    def _back(self, day: dt.date) -> dt.date:
        """``day``, or the working day before it (never after today)."""
        day = min(day, self.today)
        while not self.b.calendar.is_working_day(day)[0]:
            day -= dt.timedelta(days=1)
        return day

    def _free(self, branch: str, full_by: dt.date) -> list[int]:
        """Full members in good standing who hold no post, are named in no development file,
        have no political birthday this month, and were full members by ``full_by``."""
        return [
            m
            for m, full in self.b.electable.get(self.branches[branch], [])
            if m not in self.b.holders
            and m not in self.b.involved
            and full <= full_by
            and full.month != self.today.month
        ]

    def _issue(self, member_id: int, to: str, reason: str, day: dt.date, dues_back: int = 0) -> int:
        dues = add_months(day.replace(day=1), -dues_back)
        data = OutgoingInput(
            to_organisation=to,
            reason=reason,
            dues_year=dues.year,
            dues_month=dues.month,
            issue_date=day,
            contact=CLERK_NAME,
        )
        return self.sv.transfers.issue(self.b.clerk, member_id, data)

    def _receipt(self, transfer_id: int, day: dt.date, organisation: str) -> None:
        handler = self.rng.choice(HANDLERS)
        phone = "0571-6" + "".join(str(self.rng.randrange(10)) for _ in range(7))
        self.sv.transfers.record_receipt(
            self.b.clerk, transfer_id, day, organisation, handler, phone
        )

    def outgoing(self) -> None:
        """The letters out, and the returning member's letter out and back in."""
        today = self.today
        old_letter = self._back(add_months(today, -30))
        one = self._free(BRANCH_ONE, old_letter)
        two = self._free(BRANCH_TWO, today)
        returning, reissued, overdue = one[0], one[1], two[0]
        letters: list[tuple[dt.date, int, Any]] = []

        def returning_out() -> None:
            tid = self._issue(returning, NEIGHBOUR_OFFICE, "交流任职", old_letter)
            self._receipt(tid, self._back(old_letter + dt.timedelta(days=9)), NEIGHBOUR_COMMITTEE)

        letters.append((old_letter, 0, returning_out))
        if self.b.leaving is not None:
            leaving, when = self.b.leaving
            receipt = self._back(when)
            issued = self._back(receipt - dt.timedelta(days=10))

            def closed() -> None:
                tid = self._issue(leaving, CITY_PUBLIC_ORDER, "工作调动", issued)
                self._receipt(tid, receipt, CITY_COMMITTEE)

            letters.append((issued, 1, closed))
        late = self._back(today - dt.timedelta(days=50))
        letters.append((late, 2, lambda: self._issue(overdue, CITY_TRAFFIC, "工作调动", late, 1)))
        recent = self._back(today - dt.timedelta(days=6))

        def voided_and_again() -> None:
            tid = self._issue(reissued, WRONG_ORGANISATION, "交流任职", recent)
            self.sv.transfers.void(self.b.clerk, tid, VOID_REASON)
            self._issue(reissued, NEIGHBOUR_OFFICE, "交流任职", recent)

        letters.append((recent, 3, voided_and_again))
        for _day, _order, enter in sorted(letters, key=lambda item: item[:2]):
            enter()
        self._come_back(returning)

    def _come_back(self, member_id: int) -> None:
        """The member who left for 邻县 came back: the old file, reactivated, same group."""
        detail = self.sv.members.get(member_id)
        arrived = self._back(add_months(self.today, -2))
        sent = self._back(arrived - dt.timedelta(days=4))
        tid = self.sv.incoming.receive(
            self.b.clerk,
            IncomingInput(
                from_organisation=NEIGHBOUR_OFFICE,
                letter_number=f"（{sent.year}）邻公组字第 {self.rng.randint(20, 60):03d} 号",
                arrival_date=arrived,
                name=detail.data.name,
                id_number=detail.data.id_number,
                stage=Stage.FULL,
                dues_year=sent.year,
                dues_month=sent.month,
            ),
        )
        branch_id = detail.data.branch_id
        assert branch_id is not None
        self.sv.incoming.place(self.b.clerk, tid, branch_id, detail.data.group_id)
        self.sv.incoming.receipt_sent(self.b.clerk, tid, self._back(arrived + dt.timedelta(days=3)))

    def handover(self) -> None:
        """An activist of 机关第二党支部 moved to a city unit a week ago: the file is handed
        over (发展材料转递), awaiting the receiving branch's confirmation."""
        day = self._back(self.today - dt.timedelta(days=7))
        two = self.branches[BRANCH_TWO]
        for member_id in self.sv.members.search_ids(
            RosterFilter(branch_ids=(two,), stage=Stage.ACTIVIST.value,
                         status=Status.NORMAL.value)
        ):
            records = self.sv.development.records(member_id)
            if records and max(r.date for r in records) < day and all(
                r.state == "passed" for r in records
            ):
                self.sv.transfers.hand_over(
                    self.b.clerk, member_id,
                    HandoverInput(CITY_CYBER, "工作调动", day, CLERK_NAME),
                )
                return

    def incoming(self, groups: dict[str, list[tuple[int, str]]]) -> None:
        """A new member placed with the receipt sent; one registered a few days ago, unplaced.

        Entered after the minutes: the step meetings' votes count the roster before them.
        """
        p = self.b.people
        arrived = self._back(self.today - dt.timedelta(days=24))
        name, gender, ethnicity, region = p.identity()
        birth = p.birth(34)
        join = self._back(add_years(self.today, -9) - dt.timedelta(days=40))
        sent = self._back(arrived - dt.timedelta(days=5))
        tid = self.sv.incoming.receive(
            self.b.clerk,
            IncomingInput(
                from_organisation=NEIGHBOUR_TRAFFIC,
                letter_number=f"（{sent.year}）组字第 {self.rng.randint(10, 40):03d} 号",
                arrival_date=arrived,
                name=name,
                id_number=p.id_number(region, birth, gender),
                stage=Stage.FULL,
                dues_year=sent.year,
                dues_month=sent.month,
            ),
        )
        two = self.branches[BRANCH_TWO]
        group_id = groups[BRANCH_TWO][0][0]
        member_id = self.sv.incoming.place(
            self.b.clerk, tid, two, group_id, join, add_years(join, 1)
        )
        detail = self.sv.members.get(member_id)
        self.sv.members.update(
            self.b.clerk,
            member_id,
            replace(
                detail.data,
                ethnicity=ethnicity,
                native_place="浙江淳安" if region == HOME_COUNTY else "",
                education=self.b._education("民警"),
                job="民警",
                phone=p.phone(),
                address=p.address(),
            ),
        )
        self.sv.incoming.receipt_sent(self.b.clerk, tid, self._back(arrived + dt.timedelta(days=5)))
        # a letter that came a few days ago: the member is 待编入
        name, gender, _ethnicity, region = p.identity()
        birth = p.birth(29)
        arrived = self._back(self.today - dt.timedelta(days=3))
        self.sv.incoming.receive(
            self.b.clerk,
            IncomingInput(
                from_organisation=CITY_CYBER,
                letter_number=f"（{arrived.year}）组字第 {self.rng.randint(40, 90):03d} 号",
                arrival_date=arrived,
                name=name,
                id_number=p.id_number(region, birth, gender),
                stage=Stage.FULL,
                dues_year=arrived.year,
                dues_month=arrived.month,
            ),
        )


def build_demo(path: Path, today: dt.date | None = None) -> DemoSummary:
    """Create the sample database at ``path``; refuse an existing file (DatabaseOpenError)."""
    today = today or dt.date.today()
    db = create_database(Path(path))
    try:
        with tempfile.TemporaryDirectory(prefix="branchdesk-demo-") as scratch:
            summary = _build(db, Path(path), today, Path(scratch))
    finally:
        db.dispose()
    summary.sample_package = write_sample_package(Path(path).parent, today)
    return summary


def _build(db: Database, path: Path, today: dt.date, scratch: Path) -> DemoSummary:
    """Enter everything through the services of ``db``."""
    services = Services.build(db, path.parent / "backups", today=today)
    builder = _DemoBuilder(services, today, scratch)
    builder.accounts()
    committee, branches, groups = builder.organisations()
    builder.committee_id = committee
    for kind, branch in (
        ("office_one", BRANCH_ONE),
        ("office_two", BRANCH_TWO),
        ("station", BRANCH_STATION),
    ):
        for index, plan in enumerate(_branch_plans(kind)):
            builder.member(plan, branches[branch], groups[branch], index)
    builder.voided_record(branches[BRANCH_STATION])

    # 党委: 局长 and 政委 of 机关第一党支部 lead it, with leaders of the other branches
    committee_start = add_years(today, -2) - dt.timedelta(days=75)
    one, two, station = (branches[b] for b in (BRANCH_ONE, BRANCH_TWO, BRANCH_STATION))
    committee_pool = (
        builder.eligible(one, committee_start)[:2]
        + builder.eligible(two, committee_start)[:1]
        + builder.eligible(station, committee_start)[:1]
        + builder.eligible(one, committee_start)[2:3]
    )
    builder.term(
        committee,
        committee_start,
        5,
        ["书记", "副书记", "委员", "委员", "委员"],
        committee_pool,
        "中共示例县公安局党员大会选举产生",
    )
    # 机关第一党支部: the term ends within 90 days (换届提醒); 机关第二党支部: mid-term
    one_start = add_years(today + dt.timedelta(days=45), -3)
    builder.term(
        one,
        one_start,
        3,
        ["书记", "副书记", "组织委员", "宣传委员", "纪检委员"],
        builder.eligible(one, one_start),
        "支部党员大会选举产生",
    )
    two_start = add_years(today, -1) - dt.timedelta(days=120)
    builder.term(
        two,
        two_start,
        3,
        ["书记", "组织委员", "宣传委员", "纪检委员"],
        builder.eligible(two, two_start),
        "支部党员大会选举产生",
    )

    # the development files, oldest application first (as the branches opened them)
    named_groups = {
        branch: list(zip(ids, names, strict=True))
        for branch, ids, names in (
            (BRANCH_ONE, groups[BRANCH_ONE], ["政治处党小组", "办公室党小组"]),
            (BRANCH_TWO, groups[BRANCH_TWO], ["指挥中心党小组", "警务保障党小组"]),
            (BRANCH_STATION, [], []),
        )
    }
    boxes = {BRANCH_ONE: 3, BRANCH_TWO: 5, BRANCH_STATION: 1}
    for kind, branch_id in (("office_one", one), ("office_two", two), ("station", station)):
        tracks = TRACKS[kind] + FLAWED_TRACKS[kind]
        builder.converted[branch_id] = sum(1 for t in tracks if t.passed >= 24)
    for start, track, branch, dates in builder.plan_files(branches):
        f = builder.open_file(
            start, track, branches[branch], branch, named_groups[branch], boxes[branch]
        )
        builder.walk(track, f, dates)
        builder.file_dues(f)
    builder.flawed_files(branches, named_groups, boxes)  # for the 档案预审 to find
    transfers = TransferWriter(builder, branches)
    transfers.outgoing()
    MinutesWriter(builder, branches, named_groups).write()
    transfers.incoming(named_groups)
    transfers.handover()
    return _summarise(services, path, today)


#: a transfer's state as the clerk reads it (as ``TransferInfo.state_label``)
TRANSFER_STATES = {
    ISSUED: "转出中",
    CLOSED: "已转出",
    VOIDED: "作废",
    RECEIVED: "待编入",
    PLACED: "已转入",
}


def _summarise(services: Services, path: Path, today: dt.date) -> DemoSummary:
    summary = DemoSummary(path=path)
    with services.db.read() as s:
        rows = s.execute(
            select(Organisation.name, Member.stage, Member.status, Member.voided)
            .join(Organisation, Member.branch_id == Organisation.id)
            .order_by(Member.branch_id)
        ).all()
        summary.files = s.scalar(select(func.count()).select_from(DevelopmentFile)) or 0
        states: Counter[str] = Counter()
        for state, count in s.execute(
            select(StepRecord.state, func.count()).group_by(StepRecord.state)
        ):
            states[state] = count
        summary.scans = s.scalar(select(func.count()).where(Material.sha256.is_not(None))) or 0
        summary.meetings = s.scalar(select(func.count()).select_from(Meeting)) or 0
        summary.corrected = s.scalar(select(func.count()).where(Meeting.current_version > 1)) or 0
        summary.meeting_attachments = (
            s.scalar(select(func.count(func.distinct(MeetingAttachment.meeting_id)))) or 0
        )
        counts: Counter[str] = Counter(
            TRANSFER_STATES[state] for state in s.scalars(select(Transfer.state))
        )
        summary.handovers = s.scalar(
            select(func.count()).where(Transfer.kind != LETTER)
        ) or 0
    summary.transfers = {
        label: counts[label] for label in TRANSFER_STATES.values() if counts[label]
    }
    summary.overdue_letters = sum(
        1 for item in services.todo.items(today) if item.kind == "transfer_receipt_overdue"
    )
    summary.records = sum(states.values())
    summary.pending, summary.returned = states["pending"], states["returned"]
    branches: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    stage_labels = {s.value: s.label for s in Stage}
    status_labels = {s.value: s.label for s in Status}
    for branch, stage, status, voided in rows:
        if voided:
            summary.voided += 1
            continue
        branches[branch] += 1
        stages[stage_labels[stage]] += 1
        statuses[status_labels[status]] += 1
    summary.branches = dict(branches)
    summary.stages = {s.label: stages[s.label] for s in Stage if stages[s.label]}
    summary.statuses = {s.label: statuses[s.label] for s in Status if statuses[s.label]}
    summary.accounts = (
        ("admin", Role.ADMIN.label),
        ("clerk", Role.CLERK.label),
        ("reviewer", Role.REVIEWER.label),
    )
    return summary

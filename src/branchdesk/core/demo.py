"""A realistic sample database, built entirely through the services (so it is fully audited)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_years
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.vocab import EDUCATION_LEVELS, OrgKind, Role, Stage, Status
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import Member, Organisation

DEMO_PASSWORD = "demo"
SEED = 20260511
COMMITTEE_NAME = "中共示例县公安局委员会"
BRANCH_ONE = "机关第一党支部"
BRANCH_TWO = "机关第二党支部"
BRANCH_STATION = "城关派出所党支部"

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
        lines.append("账户（密码均为 " + self.password + "）：")
        lines += [f"  {user}（{role}）" for user, role in self.accounts]
        return "\n".join(lines)


@dataclass
class _Plan:
    """One person to enter: stage, job and the special circumstances of the record."""

    stage: Stage
    job: str
    veteran: bool = False
    retired: bool = False
    birthday_this_month: bool = False
    probation_ending: bool = False
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
    """The people of one branch, leaders (veteran full members) first."""
    if kind == "office_one":
        leaders = ["局长", "政委", "政治处主任", "办公室主任", "科长", "科长", "副科长"]
        full_jobs = [
            "民警",
            "民警",
            "民警",
            "科员",
            "科员",
            "警务技术人员",
            "民警",
            "副科长",
            "民警",
            "民警",
            "科员",
            "民警",
        ]
        return [
            *(_Plan(Stage.FULL, job, veteran=True) for job in leaders),
            *(_Plan(Stage.FULL, job) for job in full_jobs),
            _Plan(Stage.FULL, "民警", birthday_this_month=True),
            _Plan(Stage.FULL, "科员", birthday_this_month=True),
            _Plan(Stage.FULL, "民警", mobile=True),
            _Plan(Stage.FULL, "民警", lost_contact=True),
            _Plan(Stage.FULL, "退休民警", retired=True),
            _Plan(Stage.FULL, "退休民警", retired=True, status=Status.DECEASED),
            _Plan(Stage.FULL, "民警", status=Status.EXPELLED),
            _Plan(Stage.PROBATIONARY, "民警", probation_ending=True),
            _Plan(Stage.PROBATIONARY, "科员"),
            _Plan(Stage.CANDIDATE, "民警"),
            _Plan(Stage.ACTIVIST, "辅警"),
            _Plan(Stage.ACTIVIST, "民警"),
            _Plan(Stage.APPLICANT, "辅警"),
            _Plan(Stage.APPLICANT, "科员"),
        ]
    if kind == "office_two":
        leaders = ["指挥中心主任", "警务保障室主任", "科长", "副主任", "科长"]
        full_jobs = [
            "民警",
            "民警",
            "科员",
            "警务技术人员",
            "民警",
            "民警",
            "科员",
            "民警",
            "民警",
            "民警",
            "科员",
            "民警",
        ]
        return [
            *(_Plan(Stage.FULL, job, veteran=True) for job in leaders),
            *(_Plan(Stage.FULL, job) for job in full_jobs),
            _Plan(Stage.FULL, "民警", birthday_this_month=True),
            _Plan(Stage.FULL, "民警", mobile=True),
            _Plan(Stage.FULL, "退休民警", retired=True),
            _Plan(Stage.FULL, "民警", lost_contact=True, status=Status.SUSPENDED),
            _Plan(Stage.FULL, "民警", status=Status.TRANSFERRED_OUT),
            _Plan(Stage.PROBATIONARY, "辅警"),
            _Plan(Stage.CANDIDATE, "民警"),
            _Plan(Stage.CANDIDATE, "辅警"),
            _Plan(Stage.ACTIVIST, "民警"),
            _Plan(Stage.APPLICANT, "辅警"),
            _Plan(Stage.APPLICANT, "民警"),
        ]
    return [
        _Plan(Stage.FULL, "所长", veteran=True),
        _Plan(Stage.FULL, "教导员", veteran=True),
        _Plan(Stage.FULL, "副所长"),
        _Plan(Stage.FULL, "社区民警", birthday_this_month=True),
        _Plan(Stage.FULL, "社区民警", mobile=True),
        _Plan(Stage.PROBATIONARY, "民警", probation_ending=True),
        _Plan(Stage.PROBATIONARY, "辅警"),
        _Plan(Stage.CANDIDATE, "民警"),
        _Plan(Stage.CANDIDATE, "辅警"),
        _Plan(Stage.ACTIVIST, "辅警"),
        _Plan(Stage.ACTIVIST, "辅警"),
        _Plan(Stage.ACTIVIST, "民警"),
        _Plan(Stage.APPLICANT, "辅警"),
        _Plan(Stage.APPLICANT, "辅警"),
        _Plan(Stage.APPLICANT, "民警"),
        _Plan(Stage.APPLICANT, "辅警"),
        _Plan(Stage.APPLICANT, "辅警"),
    ]


STATUS_REASONS = {
    Status.SUSPENDED: "失去联系满六个月，经支部党员大会讨论、报上级党委批准，停止党籍",
    Status.EXPELLED: "严重违反党的纪律，经县纪委常委会议研究，给予开除党籍处分",
    Status.DECEASED: "因病医治无效去世",
    Status.TRANSFERRED_OUT: "工作调动，组织关系转至中共示例市公安局机关委员会",
}


class _DemoBuilder:
    """Enters the sample organisation, accounts and members through the services."""

    def __init__(self, services: Services, today: dt.date) -> None:
        self.sv = services
        self.today = today
        self.people = _People(today)
        self.admin = Actor("admin", Role.ADMIN, "系统管理员")
        self.clerk = Actor("clerk", Role.CLERK, "林晓燕")
        #: branch id -> [(member id, full member date)] of full members in good standing
        self.electable: dict[int, list[tuple[int, dt.date]]] = {}
        #: members already given a post
        self.holders: set[int] = set()

    def accounts(self) -> None:
        accounts = self.sv.accounts
        accounts.create_first_admin("admin", DEMO_PASSWORD, "系统管理员")
        accounts.create(self.admin, "clerk", DEMO_PASSWORD, "林晓燕", Role.CLERK)
        accounts.create(self.admin, "reviewer", DEMO_PASSWORD, "郑国平", Role.REVIEWER)

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

    def _dates(self, plan: _Plan, birth: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """Join date and full-member date consistent with the stage and the age."""
        p, today = self.people, self.today
        if plan.stage is Stage.PROBATIONARY:
            if plan.probation_ending:
                join = add_years(today, -1) + dt.timedelta(days=p.rng.randrange(5, 25))
            else:
                join = today - dt.timedelta(days=p.rng.randrange(40, 300))
            return join, None
        if plan.stage is not Stage.FULL:
            return None, None
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
        if plan.stage is Stage.FULL:
            return rng.randrange(27, 58)
        if plan.stage is Stage.PROBATIONARY:
            return rng.randrange(23, 36)
        return rng.randrange(19, 34)

    def member(self, plan: _Plan, branch_id: int, group_ids: list[int], index: int) -> int:
        p = self.people
        name, gender, ethnicity, region = p.identity()
        birth = p.birth(self._age(plan))
        join, full = self._dates(plan, birth)
        is_member = plan.stage in (Stage.PROBATIONARY, Stage.FULL)
        lost_date = None
        if plan.lost_contact:
            assert full is not None
            lost_date = p.day_between(
                max(full, add_years(self.today, -3)), add_years(self.today, -1)
            )
            if plan.status is None:
                lost_date = self.today - dt.timedelta(days=p.rng.randrange(60, 150))
        education = (
            p.rng.choice(EDUCATION_LEVELS[3:6])
            if plan.retired or plan.job == "辅警"
            else p.rng.choice(EDUCATION_LEVELS[:4] + EDUCATION_LEVELS[2:4] * 3)
        )
        data = MemberInput(
            name=name,
            id_number=p.id_number(region, birth, gender),
            branch_id=branch_id,
            stage=plan.stage,
            ethnicity=ethnicity,
            native_place="浙江淳安" if region == HOME_COUNTY else "",
            education=education,
            group_id=group_ids[index % len(group_ids)] if is_member and group_ids else None,
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
        member_id = self.sv.members.create(self.clerk, data, "录入原有党员台账")
        if plan.status is not None:
            start = max(lost_date or full or self.today, add_years(self.today, -2))
            when = p.day_between(
                min(start + dt.timedelta(days=200), self.today), self.today - dt.timedelta(days=5)
            )
            self.sv.members.change_status(
                self.clerk,
                member_id,
                plan.status,
                min(when, self.today),
                STATUS_REASONS[plan.status],
            )
        elif plan.stage is Stage.FULL and not (plan.lost_contact or plan.mobile or plan.retired):
            assert full is not None
            self.electable.setdefault(branch_id, []).append((member_id, full))
        return member_id

    def convert_one(self, branch_id: int, group_id: int | None) -> None:
        """A probationary member whose year has passed is converted: a recorded stage event."""
        p = self.people
        name, gender, ethnicity, region = p.identity()
        birth = p.birth(p.rng.randrange(24, 34))
        join = add_years(self.today, -1) - dt.timedelta(days=p.rng.randrange(20, 60))
        data = MemberInput(
            name=name,
            id_number=p.id_number(region, birth, gender),
            branch_id=branch_id,
            stage=Stage.PROBATIONARY,
            ethnicity=ethnicity,
            education="大学本科",
            group_id=group_id,
            join_date=join,
            job="民警",
            phone=p.phone(),
            address=p.address(),
        )
        member_id = self.sv.members.create(self.clerk, data, "录入原有党员台账")
        self.sv.members.change_stage(
            self.clerk,
            member_id,
            Stage.FULL,
            add_years(join, 1),
            "预备期满，经支部党员大会讨论通过，报上级党委批准，按期转为正式党员",
        )

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

    def eligible(self, branch_id: int, before: dt.date) -> list[int]:
        """Full members in good standing, without a post yet, who were full before a term."""
        return [
            m
            for m, full in self.electable.get(branch_id, [])
            if full <= before and m not in self.holders
        ]


def build_demo(path: Path, today: dt.date | None = None) -> DemoSummary:
    """Create the sample database at ``path``; refuse an existing file (DatabaseOpenError)."""
    today = today or dt.date.today()
    db = create_database(Path(path))
    try:
        services = Services.build(db, Path(path).parent / "backups", today=today)
        builder = _DemoBuilder(services, today)
        builder.accounts()
        committee, branches, groups = builder.organisations()
        for kind, branch in (
            ("office_one", BRANCH_ONE),
            ("office_two", BRANCH_TWO),
            ("station", BRANCH_STATION),
        ):
            for index, plan in enumerate(_branch_plans(kind)):
                builder.member(plan, branches[branch], groups[branch], index)
        builder.convert_one(branches[BRANCH_TWO], groups[BRANCH_TWO][0])
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
        return _summarise(services, Path(path))
    finally:
        db.dispose()


def _summarise(services: Services, path: Path) -> DemoSummary:
    summary = DemoSummary(path=path)
    with services.db.read() as s:
        rows = s.execute(
            select(Organisation.name, Member.stage, Member.status, Member.voided)
            .join(Organisation, Member.branch_id == Organisation.id)
            .order_by(Member.branch_id)
        ).all()
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

"""A sample transfer package for the demo: an activist's file from a neighbouring county.

It is made the way a real one is: in a small database of the sending county's own
(built in a temporary folder and thrown away), the activist's development file is walked
through steps 1–6 with reviews and a scanned application, handed over (发展材料转递) and
exported. The demo user imports it in the 组织关系转接 area (导入转接包).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from argon2 import PasswordHasher

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.services import Services
from branchdesk.core.transfers import HandoverInput
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage.migrate import create_database

SENDING_COMMITTEE = "中共邻县公安局委员会"
SENDING_BRANCH = "邻县公安局治安大队党支部"
RECEIVING = "中共示例县公安局机关第一党支部"
APPLICANT = ("钟昊", "男", "330127", dt.date(1999, 8, 17))
CONTACT = ("韩立新", "男", "330127", dt.date(1983, 4, 2))
SECRETARY = ("沈红梅", "女", "330127", dt.date(1978, 11, 9))
SEED = 2026


def sample_package_name() -> str:
    """The file name the demo writes the sample package to."""
    return f"示例转接包-{APPLICANT[0]}.bdzj"


def write_sample_package(folder: Path, today: dt.date) -> Path | None:
    """Write the sample package into ``folder``; None when a file of that name exists."""
    target = Path(folder) / sample_package_name()
    if target.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="branchdesk-sample-") as scratch:
        db = create_database(Path(scratch) / "sending.sqlite")
        try:
            services = Services.build(
                db, Path(scratch) / "backups", today=today,
                hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
            )
            data = _package(services, today, Path(scratch))
        finally:
            db.dispose()
    target.write_bytes(data)
    return target


def _member(
    services: Services, clerk: Actor, branch: int, who: tuple[str, str, str, dt.date],
    sequence: int, stage: Stage, join: dt.date | None = None,
) -> int:
    name, gender, region, birth = who
    odd = sequence * 2 + (1 if gender == "男" else 2)
    return services.members.create(clerk, MemberInput(
        name=name, id_number=make_id_number(region, birth, odd), branch_id=branch, stage=stage,
        join_date=join, full_member_date=join.replace(year=join.year + 1) if join else None,
        job="民警" if stage is Stage.FULL else "辅警", phone="",
    ))


def _package(services: Services, today: dt.date, scratch: Path) -> bytes:
    admin = Actor("admin", Role.ADMIN, "沈红梅")
    services.accounts.create_first_admin("admin", "sample-only", "沈红梅")
    services.accounts.create(admin, "clerk", "sample-only", "陆晓", Role.CLERK)
    services.accounts.create(admin, "reviewer", "sample-only", "沈红梅", Role.REVIEWER)
    clerk = Actor("clerk", Role.CLERK, "陆晓")
    reviewer = Actor("reviewer", Role.REVIEWER, "沈红梅")
    committee = services.organisations.create(admin, OrgKind.COMMITTEE, SENDING_COMMITTEE, None)
    branch = services.organisations.create(admin, OrgKind.BRANCH, SENDING_BRANCH, committee)
    contact = _member(services, clerk, branch, CONTACT, 31, Stage.FULL, dt.date(2006, 6, 28))
    _member(services, clerk, branch, SECRETARY, 32, Stage.FULL, dt.date(2001, 6, 29))
    person = _member(services, clerk, branch, APPLICANT, 33, Stage.APPLICANT)

    calendar = services.development.calendar()

    def working(day: dt.date) -> dt.date:
        while not calendar.is_working_day(day)[0]:
            day += dt.timedelta(days=1)
        return day

    start = working(today - dt.timedelta(days=262))
    activist = working(start + dt.timedelta(days=52))
    review = working(activist + dt.timedelta(days=185))
    name = APPLICANT[0]
    steps = [
        StepInput(1, start, f"{name}向{SENDING_BRANCH}递交入党申请书。",
                  {"receiving_org": SENDING_BRANCH, "summary": "对党的认识、入党动机、本人经历"}),
        StepInput(2, working(start + dt.timedelta(days=12)),
                  f"党支部书记{SECRETARY[0]}同{name}谈话，了解入党动机。",
                  {"talker": SECRETARY[0], "talker_post": "支部书记", "place": "支部活动室",
                   "content": "了解入党动机和对党的认识，介绍入党程序"}),
        StepInput(3, activist, f"经党员推荐，支部委员会研究，确定{name}为入党积极分子。",
                  {"recommend_method": "党员推荐", "recommenders": 2, "recommend_share": "100%",
                   "meeting_date": activist, "due": 2, "present": 2,
                   "result": "同意确定为入党积极分子", "secretary": SECRETARY[0]},
                  meeting_ref=f"{SENDING_BRANCH}支部委员会会议（{fmt(activist)}）"),
        StepInput(4, working(activist + dt.timedelta(days=7)),
                  f"将确定{name}为入党积极分子的情况报{SENDING_COMMITTEE}备案。",
                  {"committee": SENDING_COMMITTEE, "opinion": "同意备案"}),
        StepInput(5, working(activist + dt.timedelta(days=9)),
                  f"指定{CONTACT[0]}为{name}的培养联系人。", people=[(contact, "民警")]),
        StepInput(6, review, f"对{name}进行半年培养教育考察。",
                  {"period_start": activist, "period_end": review - dt.timedelta(days=1),
                   "study": "按时参加理论学习", "contact_opinion": "表现良好，建议继续培养",
                   "branch_opinion": "同意继续培养"}),
    ]
    for step in steps:
        record = services.development.record(clerk, person, step)
        services.development.review(reviewer, record, True, "同意")
        if step.step == 1:
            from branchdesk.core.demo import scan_png  # the demo's scanned-page picture

            scan = scratch / "入党申请书.png"
            scan.write_bytes(scan_png(random.Random(SEED)))
            services.materials.add_scan(clerk, person, scan, "入党申请书", "入党申请书（扫描件）",
                                        record)
    services.resume.add(clerk, person, "2017.09", "2021.06", "浙江警官职业学院学生", "")
    unit = SENDING_BRANCH.removesuffix("党支部")
    services.resume.add(clerk, person, "2021.07", "", f"{unit}辅警", "")
    moved = min(working(review + dt.timedelta(days=5)), today)
    handover = services.transfers.hand_over(
        clerk, person, HandoverInput(RECEIVING, "工作调动", moved, "陆晓")
    )
    data, _name = services.packages.export(clerk, handover)
    return data

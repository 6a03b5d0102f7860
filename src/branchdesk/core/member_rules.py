"""Validation of a member record against the ID number and the order of its dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from branchdesk.core.dates import add_months, add_years, age_on, fmt
from branchdesk.core.idnumber import IdNumberError, parse_id_number
from branchdesk.core.phone import PhoneError, normalise_phone
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.vocab import DISCIPLINES, EDUCATION_LEVELS, ETHNICITIES, Stage

NAME_FORBIDDEN = re.compile(r"[0-9A-Za-z_@#$%^&*()+=<>?/\\|{}\[\]~`!,;:\"']")
MINIMUM_AGE = 18
#: 党费 may be paid this many months ahead of the current month
DUES_MONTHS_AHEAD = 12


@dataclass(frozen=True)
class MemberInput:
    """The fields of a member record as a form or an import provides them."""

    name: str
    id_number: str
    branch_id: int | None
    stage: Stage = Stage.FULL
    gender: str = ""
    birth_date: dt.date | None = None
    ethnicity: str = "汉族"
    native_place: str = ""
    education: str = ""
    group_id: int | None = None
    join_date: dt.date | None = None
    full_member_date: dt.date | None = None
    job: str = ""
    phone: str = ""
    address: str = ""
    lost_contact: bool = False
    lost_contact_date: dt.date | None = None
    mobile: bool = False
    mobile_destination: str = ""
    note: str = ""
    discipline: str = "无"
    organisations_joined: str = ""
    #: 党费交至: the first day of the month the Party dues are paid through (None: not known)
    dues_paid_through: dt.date | None = None


FIELD_LABELS = {
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "id_number": "公民身份号码",
    "birth_date": "出生日期",
    "native_place": "籍贯",
    "education": "学历",
    "stage": "人员类别",
    "status": "党籍状态",
    "branch_id": "所在党支部",
    "group_id": "所在党小组",
    "join_date": "加入党组织日期",
    "full_member_date": "转为正式党员日期",
    "job": "工作岗位",
    "phone": "联系电话",
    "address": "家庭住址",
    "lost_contact": "是否失联",
    "lost_contact_date": "失去联系日期",
    "mobile": "是否流动党员",
    "mobile_destination": "外出流向",
    "note": "备注",
    "discipline": "党纪处分",
    "organisations_joined": "参加过的党派和团体",
    "dues_paid_through": "党费交至",
    "voided": "已作废",
    "void_reason": "作废原因",
}


def validate_member(data: MemberInput, today: dt.date) -> tuple[MemberInput, dict[str, str]]:
    """Check a record; return it normalised and a message per wrong field (empty when valid)."""
    errors: dict[str, str] = {}
    name = "".join(data.name.split())
    if not name:
        errors["name"] = "请填写姓名"
    elif len(name) > 50:
        errors["name"] = "姓名不超过 50 个字"
    elif NAME_FORBIDDEN.search(name):
        errors["name"] = "姓名中不能有数字、字母或符号（少数民族姓名的间隔号“·”可以使用）"

    id_number = data.id_number
    birth, gender = data.birth_date, data.gender
    try:
        parsed = parse_id_number(data.id_number, today)
    except IdNumberError as exc:
        errors["id_number"] = str(exc)
    else:
        id_number = parsed.value
        if birth is not None and birth != parsed.birth_date:
            errors["birth_date"] = (
                f"出生日期与公民身份号码不符：号码中为 {fmt(parsed.birth_date)}，请核对"
            )
        if gender and gender != parsed.gender:
            errors["gender"] = f"性别与公民身份号码不符：号码第 17 位表示{parsed.gender}性，请核对"
        birth, gender = parsed.birth_date, parsed.gender

    if data.ethnicity not in ETHNICITIES:
        errors["ethnicity"] = "请从列表中选择民族，如“汉族”"
    if data.education and data.education not in EDUCATION_LEVELS:
        errors["education"] = "请从列表中选择学历"
    if data.branch_id is None:
        errors["branch_id"] = "请选择所在党支部"

    member_stage = data.stage
    for key, day in (
        ("join_date", data.join_date),
        ("full_member_date", data.full_member_date),
        ("lost_contact_date", data.lost_contact_date),
    ):
        if day is not None and day > today:
            errors[key] = f"{FIELD_LABELS[key]}不能晚于今天（{fmt(today)}）"
    if member_stage in (Stage.PROBATIONARY, Stage.FULL):
        if data.join_date is None:
            errors.setdefault("join_date", f"{member_stage.label}须填写加入党组织日期")
        elif birth is not None and age_on(birth, data.join_date) < MINIMUM_AGE:
            errors.setdefault(
                "join_date",
                f"加入党组织时须年满 {MINIMUM_AGE} 岁（{citation('constitution_age')}），"
                f"此人 {fmt(add_years(birth, MINIMUM_AGE))} 才满 {MINIMUM_AGE} 岁",
            )
    elif data.join_date is not None:
        errors.setdefault("join_date", f"{member_stage.label}尚未入党，不应填写加入党组织日期")
    if member_stage is Stage.FULL:
        if data.full_member_date is None:
            errors.setdefault("full_member_date", "正式党员须填写转为正式党员日期")
        elif data.join_date is not None and data.full_member_date < add_years(data.join_date, 1):
            errors.setdefault(
                "full_member_date",
                f"预备期为一年（{citation('constitution_probation')}），转为正式党员日期不能早于 "
                f"{fmt(add_years(data.join_date, 1))}",
            )
    elif data.full_member_date is not None:
        errors.setdefault("full_member_date", f"{member_stage.label}不应填写转为正式党员日期")

    dues = month_of(data.dues_paid_through)
    dues_error = _dues_error(dues, member_stage, data.join_date, today)
    if dues_error:
        errors["dues_paid_through"] = dues_error

    phone = data.phone
    try:
        phone = normalise_phone(data.phone)
    except PhoneError as exc:
        errors["phone"] = str(exc)

    if data.lost_contact and data.lost_contact_date is None:
        errors.setdefault("lost_contact_date", "失联党员须填写失去联系日期")
    if not data.lost_contact and data.lost_contact_date is not None:
        errors.setdefault("lost_contact_date", "未失联时不应填写失去联系日期")
    if data.discipline not in DISCIPLINES:
        errors["discipline"] = "请选择党纪处分：" + "、".join(DISCIPLINES)
    if data.mobile and not data.mobile_destination.strip():
        errors["mobile_destination"] = "流动党员须填写外出流向"

    cleaned = replace(
        data,
        name=name,
        id_number=id_number,
        gender=gender,
        birth_date=birth,
        phone=phone,
        native_place=data.native_place.strip(),
        job=data.job.strip(),
        address=data.address.strip(),
        mobile_destination=data.mobile_destination.strip() if data.mobile else "",
        note=data.note.strip(),
        organisations_joined=data.organisations_joined.strip(),
        dues_paid_through=dues,
    )
    return cleaned, errors


def month_of(day: dt.date | None) -> dt.date | None:
    """The first day of ``day``'s month (how a 党费交至 month is stored); None stays None."""
    return day.replace(day=1) if day is not None else None


def month_text(day: dt.date) -> str:
    """A month as the clerk writes it: 2026年10月."""
    return f"{day.year}年{day.month}月"


def _dues_error(
    dues: dt.date | None, stage: Stage, join_date: dt.date | None, today: dt.date
) -> str:
    """What is wrong with a 党费交至 month (already the first of the month), or ''."""
    if dues is None:
        return ""
    if stage not in (Stage.PROBATIONARY, Stage.FULL):
        return f"{stage.label}尚未入党，不交纳党费，不应填写党费交至月份"
    if join_date is not None and dues < join_date.replace(day=1):
        return f"党费交至月份不能早于入党的月份（{month_text(join_date)}），请核对"
    latest = add_months(today.replace(day=1), DUES_MONTHS_AHEAD)
    if dues > latest:
        return (
            f"党费最多预交 {DUES_MONTHS_AHEAD} 个月，交至月份不能晚于 {month_text(latest)}，请核对"
        )
    return ""

"""The roster spreadsheet's columns: headers and aliases, cell text, dates and choices (pure)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from branchdesk.core.vocab import EDUCATION_LEVELS, ETHNICITIES, Stage


@dataclass(frozen=True)
class Column:
    """A column of the roster sheet: its key, the header written, aliases, and its kind."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    is_date: bool = False
    width: int = 12
    note: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", ("党员姓名",), width=10, note="必填"),
    Column("gender", "性别", width=6, note="男或女；可不填（按身份证号）"),
    Column("ethnicity", "民族", width=8, note="如“汉族”；不填为汉族"),
    Column("id_number", "公民身份号码", ("身份证号", "身份证号码", "居民身份证号码", "身份证"),
           width=21, note="必填，18 位"),
    Column("birth_date", "出生日期", is_date=True, width=12, note="可不填（按身份证号）"),
    Column("education", "学历", width=14, note="如“大学本科”"),
    Column("stage", "人员类别", width=13,
           note="必填：入党申请人、入党积极分子、发展对象、预备党员、正式党员"),
    Column("branch", "所在党支部", ("党支部", "所在支部", "支部"), width=20,
           note="必填（或导入时指定）"),
    Column("applied", "申请入党日期", ("递交入党申请书日期", "入党申请日期"), is_date=True),
    Column("activist", "确定入党积极分子日期", ("确定积极分子日期",), is_date=True, width=14),
    Column("candidate", "确定发展对象日期", is_date=True, width=14),
    Column("join_date", "接收预备党员日期", ("入党时间", "加入党组织日期", "入党日期"),
           is_date=True, width=14, note="预备党员、正式党员必填"),
    Column("full_member_date", "转为正式党员日期", ("转正时间", "转正日期"), is_date=True,
           width=14, note="正式党员必填"),
    Column("job", "工作岗位", ("职务", "工作单位及职务"), width=16),
    Column("phone", "联系电话", ("手机", "手机号码", "电话"), width=14),
    Column("address", "家庭住址", ("住址",), width=24),
    Column("note", "备注", width=16),
)
BY_KEY = {c.key: c for c in COLUMNS}
#: milestone columns in the order their dates must follow
MILESTONES = ("applied", "activist", "candidate", "join_date", "full_member_date")
REQUIRED = ("name", "id_number", "stage", "branch")

_BRACKETED = re.compile(r"[(\[{<][^)\]}>]*[)\]}>]$")


def fold(text: str) -> str:
    """Text with full-width characters folded (ＡＢ１２ → AB12, （ → () and no spaces at all."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def header_key(text: str) -> str:
    """A header reduced for matching: folded, marks and a trailing (note) removed."""
    return _BRACKETED.sub("", fold(text).strip("*:")).strip("*")


_LOOKUP = {header_key(name): c.key for c in COLUMNS for name in (c.header, *c.aliases)}


def column_for(header: str) -> str | None:
    """The column key a header in the file stands for (None: not one of ours)."""
    return _LOOKUP.get(header_key(header)) if header else None


def match_headers(headers: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Column key → index of the headers found, and messages about doubled columns."""
    found: dict[str, int] = {}
    doubled: list[str] = []
    for index, header in enumerate(headers):
        key = column_for(header)
        if key is None:
            continue
        if key in found:
            first = headers[found[key]]
            doubled.append(f"“{first}”和“{header}”两列都是{BY_KEY[key].header}，请删去一列")
            continue
        found[key] = index
    return found, doubled


#: full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII; Chinese punctuation stays
_HALF_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B))}


def clean_text(value: str) -> str:
    """Cell text with full-width digits and letters folded and stray spaces trimmed."""
    return " ".join(value.translate(_HALF_WIDTH).split())


def cell_text(value: object) -> str:
    """A cell as the clerk sees it (dates as 2021-03-05, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def id_key(text: str) -> str:
    """An ID number as compared with the database and other rows (folded, upper-case X)."""
    return fold(text).upper()


class DateError(ValueError):
    """A cell that is not a date in one of the accepted forms (message in Chinese)."""


DATE_FORMS = "2021-03-05、2021/3/5、2021.3.5、2021年3月5日或 20210305"
_SEPARATED = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
#: a time after the date, as a CSV saved by Excel writes it ("2021/3/5 0:00"), is dropped
_TIME = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_ONLY = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
_YEAR_ONLY = re.compile(r"^\d{4}年?$")
#: Excel's day 0 (its serial numbers count from here, 1900 leap-year bug included)
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> dt.date | None:
    """A date from an Excel date, an Excel serial or text in DATE_FORMS; None when empty."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise DateError(f"不是日期，请写成 {DATE_FORMS}")
    if isinstance(value, int | float):
        if float(value).is_integer() and 19000101 <= value <= 29991231:
            return parse_date(str(int(value)))
        if 1900 <= value < 2101 and not float(value).is_integer():
            raise DateError(  # 2005.07 typed into a cell Excel took for a number
                f"“{value:g}”是 Excel 当作数字的年月（2005.10 也会变成 2005.1），请写到哪一天，"
                f"如 {int(value)}-07-01，并把这一列设为文本或日期格式"
            )
        if 1900 <= value < 2101:
            return parse_date(str(int(value)))
        if 1 <= value < 2958466:  # a date cell whose format was lost: Excel's day count
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise DateError(f"不是日期，请写成 {DATE_FORMS}")
    text = fold(_TIME.sub("", unicodedata.normalize("NFKC", str(value)).strip()))
    if not text:
        return None
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if _YEAR_ONLY.match(text):
        raise DateError(f"“{value}”只有年份，请写到哪一天，如 {text[:4]}-07-01")
    month_only = _MONTH_ONLY.match(text)
    if match is None and month_only is not None:
        year, month = month_only.groups()
        raise DateError(f"“{value}”只有年月，请写到哪一天，如 {year}-{int(month):02d}-01")
    if match is None:
        raise DateError(f"“{value}”不是日期，请写成 {DATE_FORMS}")
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"“{value}”不是有效的日期（没有这一天），请核对") from None


STAGE_ALIASES = {
    **{s.label: s for s in Stage},
    "申请人": Stage.APPLICANT,
    "积极分子": Stage.ACTIVIST,
    "预备": Stage.PROBATIONARY,
    "正式": Stage.FULL,
    "中共党员": Stage.FULL,
    "党员": Stage.FULL,
    "中共预备党员": Stage.PROBATIONARY,
}


def parse_stage(text: str) -> Stage | None:
    """The 人员类别 a cell names (None when it names none)."""
    return STAGE_ALIASES.get("".join(text.split()))


def stage_choices() -> str:
    return "、".join(s.label for s in Stage)


def parse_gender(text: str) -> str | None:
    """男 or 女 from 男/女/男性/女性; None when it is neither."""
    value = "".join(text.split()).removesuffix("性")
    return value if value in ("男", "女") else None


def parse_ethnicity(text: str) -> str:
    """An ethnicity from the list ("汉" becomes 汉族); the text as given when not on it."""
    value = "".join(text.split())
    if value not in ETHNICITIES and value + "族" in ETHNICITIES:
        return value + "族"
    return value


_EDUCATION_ALIASES = {
    "博士": "研究生（博士）",
    "博士研究生": "研究生（博士）",
    "硕士": "研究生（硕士）",
    "硕士研究生": "研究生（硕士）",
    "研究生": "研究生（硕士）",
    "本科": "大学本科",
    "大学": "大学本科",
    "大专": "大学专科",
    "专科": "大学专科",
    "中专": "中等专科",
    "中技": "中等专科",
    "高中": "高中",
    "职高": "高中",
    "初中": "初中及以下",
    "小学": "初中及以下",
}
_EDUCATION = {fold(level): level for level in EDUCATION_LEVELS}


def parse_education(text: str) -> str:
    """A 学历 from the list, by its name or a common short form; the text when not known."""
    key = fold(text)
    return _EDUCATION.get(key) or _EDUCATION_ALIASES.get(key) or text.strip()

"""The contents of a transfer package checked field by field before anything is imported.

A package's hashes show that nothing changed on the way; they do not show that what the
sending side wrote makes sense, since anyone can rewrite a package and recompute them. Every
value the importer will store is therefore checked here: its type, its length, dates that
exist and lie in range, codes that exist here (人员类别, 事件类别, steps of the rulebook, record
and review states), references that resolve, and 一步一审 (no record reviewed by its recorder).
The first problem found is reported in Chinese, naming where it is; nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from branchdesk.core.member_rules import FIELD_LABELS, MemberInput
from branchdesk.core.package_format import PackageError
from branchdesk.core.person_names import same_person
from branchdesk.core.rulebook import rulebook_on
from branchdesk.core.rulebook.versions import RULEBOOKS
from branchdesk.core.vocab import EventKind, Stage, Status

REFUSED = "转接包内容不合规：{}，未导入。请向转出党组织索取新的转接包。"
EARLIEST = dt.date(1900, 1, 1)
#: two installations' clocks may be a day apart
CLOCK_SLACK = dt.timedelta(days=1)
#: 党费交至 may lie ahead (core.transfers.MAX_DUES_AHEAD months; checked exactly on import)
DUES_AHEAD = dt.timedelta(days=13 * 31)
#: longest free text (opinions, content, notes) and structured details, in characters
MAX_TEXT = 20_000
MAX_DETAILS = 100_000
#: the most entries of each kind one member's file can sensibly have
MAX_EVENTS, MAX_RESUME, MAX_RECORDS, MAX_MATERIALS = 1000, 500, 500, 1000
MAX_REVIEWS, MAX_PEOPLE = 50, 10
RECORD_STATES = {"pending": "待审核", "passed": "已通过", "returned": "已退回",
                 "superseded": "已更正"}
REVIEW_OUTCOMES = {"passed": "通过", "returned": "退回"}
TRANSFER_KINDS = {"letter": "组织关系介绍信", "materials": "发展材料转递"}
PERSON_ROLES = {"contact": "培养联系人", "sponsor": "入党介绍人"}
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
#: which values a member event of each kind may carry before and after
_EVENT_VALUES: dict[str, set[str]] = {
    EventKind.STAGE.value: {"", *(s.value for s in Stage)},
    EventKind.STATUS.value: {"", *(s.value for s in Status)},
    EventKind.VOID.value: {""},
    EventKind.RESTORE.value: {""},
}


class _Refused(Exception):
    """One problem found in the package (its Chinese description)."""


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return text if len(text) <= 20 else text[:20] + "…"


class _Entry:
    """One object of the package (member, an event, a review…) and where it is, for messages."""

    def __init__(self, where: str, data: Any) -> None:
        if not isinstance(data, Mapping):
            raise _Refused(f"{where}格式不对")
        self.where, self.data = where, data

    def value(self, key: str, label: str, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise _Refused(f"{self.where}缺少{label}")
        return self.data[key]

    def text(self, key: str, label: str, limit: int, required: bool = False) -> str:
        value = self.value(key, label)
        if not isinstance(value, str):
            raise _Refused(f"{self.where}的{label}不是文字")
        if len(value) > limit:
            raise _Refused(f"{self.where}的{label}超过 {limit} 个字")
        if required and not value.strip():
            raise _Refused(f"{self.where}的{label}是空的")
        return value

    def optional_text(self, key: str, label: str, limit: int) -> str | None:
        if self.value(key, label) is None:
            return None
        return self.text(key, label, limit)

    def integer(self, key: str, label: str, low: int, high: int) -> int:
        value = self.value(key, label)
        if not isinstance(value, int) or isinstance(value, bool):
            raise _Refused(f"{self.where}的{label}不是整数")
        if not low <= value <= high:
            raise _Refused(f"{self.where}的{label}“{value}”超出范围（{low}–{high}）")
        return value

    def boolean(self, key: str, label: str) -> bool:
        value = self.value(key, label)
        if not isinstance(value, bool):
            raise _Refused(f"{self.where}的{label}格式不对")
        return value

    def choice(self, key: str, label: str, allowed: Mapping[str, str] | set[str]) -> str:
        value = self.value(key, label)
        if not isinstance(value, str) or value not in allowed:
            raise _Refused(f"{self.where}的{label}“{_shown(value)}”不存在")
        return value

    def date(self, key: str, label: str, latest: dt.date, optional: bool = False,
             earliest: dt.date = EARLIEST) -> dt.date | None:
        value = self.value(key, label, optional)
        if value is None and optional:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _Refused(f"{self.where}的{label}“{_shown(value)}”不是有效日期") from None
        if day < earliest:
            raise _Refused(f"{self.where}的{label}（{value}）早于 {earliest.isoformat()}")
        if day > latest:
            raise _Refused(f"{self.where}的{label}（{value}）晚于今天")
        return day

    def moment(self, key: str, label: str, latest: dt.datetime) -> dt.datetime:
        value = self.value(key, label)
        try:
            if not isinstance(value, str) or len(value) > 32:
                raise ValueError(value)
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                raise ValueError(value)
        except ValueError:
            raise _Refused(f"{self.where}的{label}“{_shown(value)}”不是有效时间") from None
        if not dt.datetime(EARLIEST.year, 1, 1) <= moment <= latest:
            raise _Refused(f"{self.where}的{label}（{value}）不在合理范围内")
        return moment


def _items(data: Any, where: str, limit: int) -> list[Any]:
    if not isinstance(data, list):
        raise _Refused(f"{where}格式不对")
    if len(data) > limit:
        raise _Refused(f"{where}超过 {limit} 条")
    return data


class PackageChecker:
    """Checks a verified package's manifest and payload; ``check`` raises PackageError."""

    def __init__(self, today: dt.date, now: dt.datetime | None = None) -> None:
        self.today = today + CLOCK_SLACK
        # timestamps (recorded at…) come from the sending computer's clock, in UTC
        wall = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.now = max(wall, dt.datetime.combine(today, dt.time.max)) + CLOCK_SLACK

    def check(self, manifest: Mapping[str, Any], payload: Mapping[str, Any],
              blobs: Mapping[str, bytes]) -> None:
        try:
            self._manifest(manifest)
            self._member(payload.get("member"))
            self._transfer(payload.get("transfer"))
            self._events(payload.get("events"))
            self._resume(payload.get("resume"))
            keys = self._development(payload.get("development"))
            self._materials(payload.get("materials"), keys, blobs)
        except _Refused as problem:
            raise PackageError(REFUSED.format(problem)) from None

    def _manifest(self, manifest: Mapping[str, Any]) -> None:
        entry = _Entry("清单", manifest)
        entry.text("exported_by", "导出人", 50)
        entry.moment("exported_at", "导出时间", self.now)
        if "app_version" in manifest:
            entry.text("app_version", "程序版本", 40)

    def _member(self, data: Any) -> None:
        entry = _Entry("党员信息", data)
        entry.choice("stage", FIELD_LABELS["stage"], {s.value for s in Stage})
        entry.text("name", FIELD_LABELS["name"], 50, required=True)
        entry.text("id_number", FIELD_LABELS["id_number"], 18, required=True)
        limits = {"name": 50, "gender": 2, "ethnicity": 20, "native_place": 50, "education": 20,
                  "job": 100, "phone": 40, "address": 200, "mobile_destination": 100,
                  "discipline": 20, "note": MAX_TEXT, "organisations_joined": MAX_TEXT}
        for f in fields(MemberInput):
            if f.name in ("branch_id", "group_id", "stage") or f.name not in entry.data:
                continue
            label = FIELD_LABELS.get(f.name, f.name)
            if f.name == "dues_paid_through":  # dues may be paid up to 12 months ahead
                entry.date(f.name, label, self.today + DUES_AHEAD, optional=True)
            elif f.name.endswith("_date"):
                entry.date(f.name, label, self.today, optional=True)
            elif f.name in ("lost_contact", "mobile"):
                entry.boolean(f.name, label)
            else:
                entry.text(f.name, label, limits.get(f.name, 200))

    def _transfer(self, data: Any) -> None:
        entry = _Entry("介绍信", data)
        kind = entry.choice("kind", "转接方式", TRANSFER_KINDS)
        entry.text("letter_number", "编号", 50)
        entry.text("from_organisation", "转出党组织", 200, required=True)
        entry.text("to_organisation", "接收党组织", 200)
        entry.text("reason", "转出原因", MAX_TEXT)
        # materials of someone not yet a member carry no dues (year and month 0)
        no_dues = kind == "materials" and entry.value("dues_year", "党费交至年份") == 0
        entry.integer("dues_year", "党费交至年份", 0 if no_dues else 1949, self.today.year + 1)
        entry.integer("dues_month", "党费交至月份", 0 if no_dues else 1, 0 if no_dues else 12)
        entry.integer("validity_days", "有效期天数", 1, 366)
        entry.date("issue_date", "开具日期", self.today)
        entry.text("member_phone", "党员联系电话", 40)
        entry.text("contact", "联系人", 50)

    def _events(self, data: Any) -> None:
        for number, item in enumerate(_items(data, "事件", MAX_EVENTS), 1):
            entry = _Entry(f"第 {number} 条事件", item)
            kind = entry.choice("kind", "类别", {k.value for k in EventKind})
            entry.date("date", "日期", self.today)
            for key, label in (("from_value", "原值"), ("to_value", "新值")):
                value = entry.text(key, label, 40)
                if value not in _EVENT_VALUES[kind]:
                    raise _Refused(f"{entry.where}的{label}“{_shown(value)}”不存在")
            entry.text("reason", "原因", MAX_TEXT)
            entry.text("recorded_by", "记录人", 50)
            entry.moment("recorded_at", "记录时间", self.now)

    def _resume(self, data: Any) -> None:
        for number, item in enumerate(_items(data, "简历", MAX_RESUME), 1):
            entry = _Entry(f"第 {number} 条简历", item)
            entry.text("start", "起始年月", 20, required=True)
            entry.text("end", "终止年月", 20)
            entry.text("what", "经历", MAX_TEXT, required=True)
            entry.text("witness", "证明人", 50)
            entry.integer("sort_order", "顺序", -1_000_000, 1_000_000)
            entry.boolean("struck_out", "已划去")

    def _development(self, data: Any) -> set[int]:
        development = _Entry("发展档案", data)
        if "file_number" in development.data:
            development.text("file_number", "档案编号", 40)
        keys: set[int] = set()
        steps: set[tuple[int, int, int]] = set()
        records = _items(development.value("records", "发展记录"), "发展记录", MAX_RECORDS)
        for number, item in enumerate(records, 1):
            entry = _Entry(f"第 {number} 条发展记录", item)
            key = entry.integer("key", "编号", 0, 2**62)
            if key in keys:
                raise _Refused(f"{entry.where}的编号与前面的记录重复")
            keys.add(key)
            day = entry.date("date", "日期", self.today)
            assert day is not None
            book = rulebook_on(day)
            step = entry.integer("step", "步骤", 1, book.last_step)
            entry.where = f"第 {number} 条发展记录（第 {step} 步）"
            occurrence = entry.integer("occurrence", "次数", 1, 100)
            version = entry.integer("version", "版本", 1, 100)
            if (step, occurrence, version) in steps:
                raise _Refused(f"{entry.where}与前面的记录重复")
            steps.add((step, occurrence, version))
            state = entry.choice("state", "状态", RECORD_STATES)
            entry.choice("rulebook", "所依细则版本", {b.version for b in RULEBOOKS} | {""})
            for key_name, label in (("content", "内容"), ("exception_reason", "例外原因")):
                entry.text(key_name, label, MAX_TEXT)
            details = entry.text("details", "详细内容", MAX_DETAILS)
            try:
                parsed = json.loads(details or "{}")
            except json.JSONDecodeError:
                parsed = None
            if not isinstance(parsed, dict):
                raise _Refused(f"{entry.where}的详细内容无法读出")
            entry.text("meeting_ref", "会议", 200)
            entry.text("serial_number", "编号", 50)
            imported = entry.boolean("imported", "导入标记")
            recorder = entry.text("recorded_by", "录入人", 50, required=True)
            entry.moment("recorded_at", "录入时间", self.now)
            role = book.step(step).people
            self._people(entry, role.role if role else None)
            # history taken over from paper files is checked against them by the clerk who
            # imports it (core.member_import_write): recorder and reviewer are the same there
            self._reviews(entry, day, state, "" if imported else recorder)
        return keys

    def _people(self, record: _Entry, role: str | None) -> None:
        people = _items(record.value("people", "人员"), f"{record.where}的人员", MAX_PEOPLE)
        if people and role is None:
            raise _Refused(f"{record.where}这一步不需要填写人员")
        for number, item in enumerate(people, 1):
            entry = _Entry(f"{record.where}的第 {number} 名人员", item)
            if entry.choice("role", "身份", PERSON_ROLES) != role:
                raise _Refused(f"{entry.where}的身份与这一步不符")
            entry.text("name", "姓名", 50, required=True)
            entry.date("join_date", "入党日期", self.today, optional=True)
            entry.text("post", "职务", 100)

    def _reviews(self, record: _Entry, day: dt.date, state: str, recorder: str) -> None:
        reviews = _items(record.value("reviews", "审核"), f"{record.where}的审核", MAX_REVIEWS)
        outcomes: list[str] = []
        for number, item in enumerate(reviews, 1):
            entry = _Entry(f"{record.where}的第 {number} 条审核", item)
            outcomes.append(entry.choice("outcome", "结论", REVIEW_OUTCOMES))
            entry.text("opinion", "意见", MAX_TEXT)
            name = entry.text("reviewer_name", "审核人", 50, required=True)
            entry.text("reviewer_post", "审核人职务", 100)
            entry.date("review_date", "审核日期", self.today, earliest=day)
            entry.boolean("on_paper", "纸质审核标记")
            login = entry.optional_text("reviewer_username", "审核账户", 50)
            entry.text("entered_by", "录入人", 50)
            entry.moment("entered_at", "录入时间", self.now)
            if recorder and (same_person(name, [recorder])
                             or (login and same_person(login, [recorder]))):
                raise _Refused(f"{entry.where}由录入人“{_shown(recorder)}”自己审核（一步一审）")
        last = outcomes[-1] if outcomes else None
        if state == "pending" and outcomes:
            raise _Refused(f"{record.where}待审核，却已有审核")
        wanted = {"passed": "passed", "returned": "returned", "superseded": "returned"}
        if state != "pending" and last != wanted[state]:
            raise _Refused(f"{record.where}的状态为“{RECORD_STATES[state]}”，与审核结论不符")

    def _materials(self, data: Any, keys: set[int], blobs: Mapping[str, bytes]) -> None:
        from branchdesk.core.materials import MATERIAL_CATEGORIES, MAX_SCAN_BYTES

        for number, item in enumerate(_items(data, "材料", MAX_MATERIALS), 1):
            entry = _Entry(f"第 {number} 份材料", item)
            entry.choice("category", "类别", set(MATERIAL_CATEGORIES))
            entry.text("title", "名称", 200, required=True)
            entry.text("file_name", "文件名", 255)
            entry.text("media_type", "文件类型", 50)
            size = entry.integer("size", "大小", 0, MAX_SCAN_BYTES)
            digest = entry.optional_text("sha256", "校验值", 64)
            if digest is not None:
                if not _HEX64.match(digest) or digest not in blobs:
                    raise _Refused(f"{entry.where}的扫描件不在转接包中")
                if len(blobs[digest]) != size:
                    raise _Refused(f"{entry.where}的大小与扫描件不符")
            entry.text("paper_reference", "存放位置", MAX_TEXT)
            entry.text("added_by", "添加人", 50)
            entry.moment("added_at", "添加时间", self.now)
            record_key = entry.value("record_key", "所属记录")
            if record_key is not None and (
                not isinstance(record_key, int) or isinstance(record_key, bool)
                or record_key not in keys
            ):
                raise _Refused(f"{entry.where}所属的发展记录不存在")

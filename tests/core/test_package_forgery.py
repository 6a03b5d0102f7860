"""Forged and malformed transfer packages: rewritten as a forger would (hashes recomputed),
each is refused with the reason in Chinese and nothing is imported; ZIP bombs are refused
before they are unpacked."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import re
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from argon2 import PasswordHasher
from development_walk import WALK, people_for, record_and_pass
from sqlalchemy import func, select

from branchdesk.core import package_format
from branchdesk.core.actor import Actor
from branchdesk.core.development import StepInput
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.package_format import (
    MANIFEST,
    PAYLOAD,
    PackageError,
    read_package,
    sha256,
    write_package,
)
from branchdesk.core.services import Services
from branchdesk.core.transfers import OutgoingInput
from branchdesk.core.vocab import OrgKind, Role, Stage
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import AuditEntry, Member, MemberEvent, StepRecord

D = dt.date
TODAY = D(2026, 11, 26)
ADMIN = Actor("admin", Role.ADMIN, "王管理")
CLERK = Actor("clerk", Role.CLERK, "李录入")
REVIEWER = Actor("reviewer", Role.REVIEWER, "赵审核")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _services(folder: Path) -> Services:
    db = create_database(folder / "db.sqlite")
    sv = Services.build(db, folder / "backups", today=TODAY,
                        hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    sv.accounts.create_first_admin("admin", "secret-pw", "王管理")
    return sv


class Sent(NamedTuple):
    data: bytes
    manifest: dict[str, Any]
    payload: dict[str, Any]
    blobs: dict[str, bytes]


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sent]:
    """王堃's package from the real exporter: a returned and corrected step 1, steps 2–20 with
    reviews, contacts (step 5) and sponsors (step 9), stage events, a scan and a résumé line."""
    folder = tmp_path_factory.mktemp("sender")
    sv = _services(folder)
    sv.accounts.create(ADMIN, "clerk", "secret-pw", "李录入", Role.CLERK)
    sv.accounts.create(ADMIN, "reviewer", "secret-pw", "赵审核", Role.REVIEWER)
    committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共测试委员会", None)
    branch = sv.organisations.create(ADMIN, OrgKind.BRANCH, "第一党支部", committee)
    full = [
        sv.members.create(CLERK, MemberInput(
            name=name, id_number=make_id_number("110105", D(1980, 5, 1), sequence),
            branch_id=branch, stage=Stage.FULL, join_date=D(2005, 7, 1),
            full_member_date=D(2006, 7, 1),
        ))
        for name, sequence in (("张三", 13), ("李四", 15))
    ]
    member = sv.members.create(CLERK, MemberInput(
        name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
        branch_id=branch, stage=Stage.APPLICANT, phone="13800000000",
    ))
    first = sv.development.record(CLERK, member, StepInput(1, WALK[0][1], "申请书"))
    sv.development.review(REVIEWER, first, False, "请附申请书原件")
    corrected = sv.development.correct(CLERK, first, StepInput(1, WALK[0][1], "申请书（附原件）"))
    sv.development.review(REVIEWER, corrected, True, "同意")
    for step, day, details in WALK[1:]:
        if step > 20:
            break
        record_and_pass(sv.development, CLERK, REVIEWER, member, step, day, details,
                        people_for(step, full))
    scan = folder / "申请书.png"
    scan.write_bytes(PNG)
    sv.materials.add_scan(CLERK, member, scan, "入党申请书", "入党申请书", corrected)
    sv.resume.add(CLERK, member, "2018.09", "2022.06", "某大学学生", "张老师")
    letter = sv.transfers.issue(CLERK, member, OutgoingInput(
        to_organisation="中共接收委员会接收党支部", reason="工作调动", dues_year=2026,
        dues_month=11, issue_date=D(2026, 11, 20),
    ))
    data, _ = sv.packages.export(CLERK, letter)
    sv.db.dispose()
    contents = read_package(data)
    assert len(contents.payload["events"]) >= 3
    yield Sent(data, contents.manifest, contents.payload, contents.blobs)


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    sv = _services(tmp_path_factory.mktemp("receiver"))
    committee = sv.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共接收委员会", None)
    sv.organisations.create(ADMIN, OrgKind.BRANCH, "接收党支部", committee)
    yield sv
    sv.db.dispose()


def forge(sent: Sent, change: Callable[[dict[str, Any], dict[str, Any]], None]) -> bytes:
    """The package rewritten as a forger would: edit manifest and record, recompute hashes."""
    manifest = copy.deepcopy(sent.manifest)
    payload = copy.deepcopy(sent.payload)
    change(manifest, payload)
    for key in ("format", "version", "files"):
        manifest.pop(key, None)
    data, _ = write_package(manifest, payload, sent.blobs)
    return data


def _set(path: str, value: Any) -> Callable[[dict[str, Any], dict[str, Any]], None]:
    """A change setting ``payload[path]`` (dotted, numbers index lists; ``manifest.`` prefix)."""

    def change(manifest: dict[str, Any], payload: dict[str, Any]) -> None:
        target: Any = payload
        parts = path.split(".")
        if parts[0] == "manifest":
            target, parts = manifest, parts[1:]
        for part in parts[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        last = parts[-1]
        if isinstance(target, list):
            target[int(last)] = value
        elif value is _DROP:
            del target[last]
        else:
            target[last] = value

    return change


_DROP = object()


def _self_reviewed(manifest: dict[str, Any], payload: dict[str, Any]) -> None:
    review = payload["development"]["records"][3]["reviews"][0]
    review["reviewer_name"], review["reviewer_username"] = " Clerk ", "clerk"


FORGERIES: list[tuple[str, Callable[[dict[str, Any], dict[str, Any]], None], str]] = [
    ("event-kind", _set("events.2.kind", "xyz"), "第 3 条事件的类别“xyz”不存在"),
    ("event-stage-value", _set("events.1.to_value", "god"), "第 2 条事件的新值“god”不存在"),
    ("event-date-unreal", _set("events.0.date", "2026-02-30"),
     "第 1 条事件的日期“2026-02-30”不是有效日期"),
    ("event-date-future", _set("events.0.date", "2031-01-01"),
     "第 1 条事件的日期（2031-01-01）晚于今天"),
    ("member-stage", _set("member.stage", "chairman"), "党员信息的人员类别“chairman”不存在"),
    ("member-name-type", _set("member.name", 12345), "党员信息的姓名不是文字"),
    ("member-note-length", _set("member.note", "长" * 20_001), "党员信息的备注超过 20000 个字"),
    ("member-birth-early", _set("member.birth_date", "1850-01-01"),
     "党员信息的出生日期（1850-01-01）早于 1900-01-01"),
    ("member-flag-type", _set("member.mobile", "yes"), "党员信息的是否流动党员格式不对"),
    ("step-unknown", _set("development.records.4.step", 99), "第 5 条发展记录的步骤“99”超出范围"),
    ("record-state", _set("development.records.4.state", "approved"),
     "第 5 条发展记录（第 4 步）的状态“approved”不存在"),
    ("record-details", _set("development.records.4.details", "[1, 2"), "详细内容无法读出"),
    ("passed-unreviewed", _set("development.records.4.reviews", []),
     "第 5 条发展记录（第 4 步）的状态为“已通过”，与审核结论不符"),
    ("self-reviewed", _self_reviewed, "由录入人“clerk”自己审核（一步一审）"),
    ("review-before-record", _set("development.records.4.reviews.0.review_date", "2020-01-01"),
     "审核日期（2020-01-01）早于"),
    ("review-outcome", _set("development.records.4.reviews.0.outcome", "ok"), "结论“ok”不存在"),
    ("person-role", _set("development.records.5.people.0.role", "sponsor"),
     "第 1 名人员的身份与这一步不符"),
    ("record-key-type", _set("development.records.0.key", "1"), "第 1 条发展记录的编号不是整数"),
    ("material-category", _set("materials.0.category", "机密"), "第 1 份材料的类别“机密”不存在"),
    ("material-record", _set("materials.0.record_key", 10**9), "第 1 份材料所属的发展记录不存在"),
    ("material-size", _set("materials.0.size", 1), "第 1 份材料的大小与扫描件不符"),
    ("letter-month", _set("transfer.dues_month", 13), "介绍信的党费交至月份“13”超出范围"),
    ("letter-kind", _set("transfer.kind", "express"), "介绍信的转接方式“express”不存在"),
    ("resume-missing", _set("resume.0.what", _DROP), "第 1 条简历缺少经历"),
    ("events-not-list", _set("events", {"kind": "stage"}), "事件格式不对"),
    ("exported-by", _set("manifest.exported_by", ["x"]), "清单的导出人不是文字"),
    ("exported-at", _set("manifest.exported_at", "yesterday"),
     "清单的导出时间“yesterday”不是有效时间"),
]


def _counts(services: Services) -> tuple[int, ...]:
    with services.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Member, MemberEvent, StepRecord, AuditEntry)
        )


@pytest.mark.parametrize(("change", "reason"), [(c, r) for _, c, r in FORGERIES],
                         ids=[name for name, _, _ in FORGERIES])
def test_a_forged_package_is_refused_with_the_reason(
    sent: Sent, receiver: Services,
    change: Callable[[dict[str, Any], dict[str, Any]], None], reason: str,
) -> None:
    forged = forge(sent, change)
    read_package(forged)  # the hashes hold: only the contents give it away
    before = _counts(receiver)
    with pytest.raises(PackageError) as refused:
        receiver.packages.preview(forged)
    message = str(refused.value)
    assert message.startswith("转接包内容不合规：") and reason in message, message
    assert "未导入" in message and not re.search("[A-Za-z]", message.replace(reason, ""))
    branch = receiver.organisations.find_by_name("接收党支部")
    assert branch is not None
    with pytest.raises(PackageError, match="转接包内容不合规"):
        receiver.packages.import_package(ADMIN, forged, branch.id, D(2026, 11, 24))
    assert _counts(receiver) == before


def test_the_exact_bogus_event_kind_message(sent: Sent, receiver: Services) -> None:
    with pytest.raises(PackageError) as refused:
        receiver.packages.preview(forge(sent, _set("events.2.kind", "xyz")))
    assert str(refused.value).startswith("转接包内容不合规：第 3 条事件的类别“xyz”不存在，未导入。")


def test_the_untouched_package_still_imports(
    sent: Sent, tmp_path: Path,
) -> None:
    """The checks refuse forgeries, not what BranchDesk itself exports (rewritten or not)."""
    target = _services(tmp_path)
    committee = target.organisations.create(ADMIN, OrgKind.COMMITTEE, "中共接收委员会", None)
    branch = target.organisations.create(ADMIN, OrgKind.BRANCH, "接收党支部", committee)
    again = forge(sent, lambda manifest, payload: None)
    member = target.packages.import_package(ADMIN, again, branch, D(2026, 11, 24))
    assert target.members.get(member).data.name == "王堃"
    assert target.audit.verify().sound
    target.db.dispose()


# --- ZIP bombs -----------------------------------------------------------------------------


def _bomb(sent: Sent, size: int) -> bytes:
    """A package whose one scan unpacks to ``size`` zero bytes, its hash recomputed."""
    chunk = bytes(1024 * 1024)
    hasher = hashlib.sha256()
    for _ in range(size // len(chunk)):
        hasher.update(chunk)
    digest = hasher.hexdigest()
    payload = copy.deepcopy(sent.payload)
    material = payload["materials"][0]
    material["sha256"], material["size"] = digest, size
    payload_bytes = json.dumps(payload, ensure_ascii=False).encode()
    manifest = {**copy.deepcopy(sent.manifest), "files": {
        PAYLOAD: sha256(payload_bytes), f"materials/{digest}": digest,
    }}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(PAYLOAD, payload_bytes)
        with archive.open(f"materials/{digest}", "w", force_zip64=True) as stream:
            for _ in range(size // len(chunk)):
                stream.write(chunk)
        archive.writestr("CHECKSUM", sha256(manifest_bytes) + "\n")
    return out.getvalue()


def _peak_while(action: Callable[[], object]) -> tuple[int, BaseException | None]:
    tracemalloc.start()
    error: BaseException | None = None
    try:
        action()
    except PackageError as exc:
        error = exc
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, error


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    sent: Sent, receiver: Services, tmp_path: Path,
) -> None:
    bomb = _bomb(sent, 256 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024  # under 1 MB on disk, 256 MB unpacked
    before = _counts(receiver)
    peak, error = _peak_while(lambda: receiver.packages.preview(bomb))
    assert error is not None and "解压后超过 50 MB" in str(error) and "未导入" in str(error)
    assert peak < 16 * 1024 * 1024, peak
    assert _counts(receiver) == before


def test_a_lying_size_cannot_get_past_the_count(
    sent: Sent, receiver: Services, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even when the declared sizes are believed, unpacking stops at the limit."""
    bomb = _bomb(sent, 64 * 1024 * 1024)
    monkeypatch.setattr(package_format, "_check_sizes", lambda archive: None)
    monkeypatch.setattr(package_format, "MAX_MATERIAL_BYTES", 4 * 1024 * 1024)
    peak, error = _peak_while(lambda: receiver.packages.preview(bomb))
    assert error is not None and "解压后超过 4 MB" in str(error)
    assert peak < 16 * 1024 * 1024, peak


def test_a_package_too_large_in_total_is_refused(
    sent: Sent, receiver: Services, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(package_format, "MAX_CONTENT_BYTES", 8 * 1024)
    with pytest.raises(PackageError, match="解压后总计超过"):
        receiver.packages.preview(sent.data)


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "大.bdzj"
    with big.open("wb") as out:
        out.truncate(package_format.MAX_PACKAGE_BYTES + 1)  # sparse: takes no disk space
    with pytest.raises(PackageError, match="不是 BranchDesk 转接包"):
        package_format.load_package_file(big)


def test_history_taken_over_from_paper_is_not_called_self_reviewed(
    sent: Sent, receiver: Services,
) -> None:
    """A spreadsheet import records old milestones as history checked by the importing clerk
    (recorder and reviewer the same, marked imported): such a file still transfers."""

    def as_imported_history(manifest: dict[str, Any], payload: dict[str, Any]) -> None:
        record = payload["development"]["records"][3]
        record["imported"] = True
        record["reviews"][0].update(reviewer_name="李录入", reviewer_username="clerk")

    preview = receiver.packages.preview(forge(sent, as_imported_history))
    assert preview.name == "王堃" and preview.refusal == ""


def test_dues_paid_ahead_are_not_a_date_in_the_future(sent: Sent, receiver: Services) -> None:
    """党费 may be paid up to 12 months ahead: such a 党费交至 is not “later than today”."""
    ahead = forge(sent, _set("member.dues_paid_through", "2027-10-01"))
    assert receiver.packages.preview(ahead).refusal == ""
    too_far = forge(sent, _set("member.dues_paid_through", "2030-01-01"))
    with pytest.raises(PackageError, match="党费交至（2030-01-01）晚于今天"):
        receiver.packages.preview(too_far)

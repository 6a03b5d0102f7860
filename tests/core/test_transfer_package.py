"""The transfer package round trip between two database files, and tampered packages."""

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from development_walk import WALK, people_for, record_and_pass
from sqlalchemy import func, select

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.package_format import PackageError, read_package
from branchdesk.core.services import Services
from branchdesk.core.transfers import HandoverInput, IncomingInput, OutgoingInput
from branchdesk.core.vocab import OrgKind, Role, Stage, Status
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import AuditEntry, Member, StepRecord

D = dt.date
TODAY = D(2026, 11, 26)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def receiver(tmp_path: Path, fast_hasher: PasswordHasher) -> Iterator[Services]:
    """Another installation: 中共接收委员会 with 接收党支部 (group 接收党小组)."""
    db = create_database(tmp_path / "receiver.sqlite")
    sv = Services.build(db, tmp_path / "receiver-backups", today=TODAY, hasher=fast_hasher)
    sv.accounts.create_first_admin("admin", "secret-pw", "钱管理")
    committee = sv.organisations.create(RECEIVER_ADMIN, OrgKind.COMMITTEE, "中共接收委员会", None)
    branch = sv.organisations.create(RECEIVER_ADMIN, OrgKind.BRANCH, "接收党支部", committee)
    sv.organisations.create(RECEIVER_ADMIN, OrgKind.GROUP, "接收党小组", branch)
    yield sv
    db.dispose()


RECEIVER_ADMIN = Actor("admin", Role.ADMIN, "钱管理")


def _branch(services: Services, name: str) -> int:
    node = services.organisations.find_by_name(name)
    assert node is not None
    return node.id


def _probationary(
    services: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> int:
    """王堃, walked through steps 1–20 with reviews, a stored scan and a paper material."""
    full = [add_member("张三", 13), add_member("李四", 15)]
    member = services.members.create(clerk, MemberInput(
        name="王堃", id_number=make_id_number("110105", D(2000, 2, 29), 11),
        branch_id=branch_id, stage=Stage.APPLICANT, phone="13800000000",
    ))
    for step, day, details in WALK:
        if step > 20:
            break
        record_and_pass(services.development, clerk, reviewer, member, step, day, details,
                        people_for(step, full))
    return member


def _add_materials(services: Services, clerk: Actor, member: int, tmp_path: Path) -> None:
    scan = tmp_path / "申请书.png"
    scan.write_bytes(PNG)
    record = services.development.records(member)[0].id
    services.materials.add_scan(clerk, member, scan, "入党申请书", "入党申请书", record)
    services.materials.add_paper(clerk, member, "政审材料", "政审材料", "档案柜第 2 盒")
    services.resume.add(clerk, member, "2018.09", "2022.06", "某大学学生", "张老师")


def _letter(services: Services, clerk: Actor, member: int) -> int:
    return services.transfers.issue(clerk, member, OutgoingInput(
        to_organisation="中共接收委员会接收党支部", reason="工作调动", dues_year=2026,
        dues_month=11, issue_date=D(2026, 11, 20),
    ))


def _count(services: Services, model: type) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_round_trip_carries_the_whole_file(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    member = _probationary(services, clerk, reviewer, branch_id, add_member)
    _add_materials(services, clerk, member, tmp_path)
    transfer = _letter(services, clerk, member)
    data, file_name = services.packages.export(clerk, transfer)
    assert file_name == "转接包-王堃-20261126.bdzj"
    checksum = read_package(data).checksum
    assert services.transfers.get(transfer).package_sha256 == checksum

    preview = receiver.packages.preview(data)
    assert (preview.name, preview.stage, preview.refusal) == ("王堃", Stage.PROBATIONARY, "")
    assert preview.letter_number == "（2026）组字第 001 号"
    assert preview.from_organisation == "第一党支部"
    sent_records = services.development.records(member)
    assert preview.records == len(sent_records) and preview.reviews == len(sent_records)
    assert (preview.materials, preview.resume_lines) == (2, 1)
    assert len(preview.checksum_text.split()) == 4
    assert preview.returning_member_id is None and preview.waiting_transfer_id is None

    target = _branch(receiver, "接收党支部")
    group = _branch(receiver, "接收党小组")
    new_id = receiver.packages.import_package(RECEIVER_ADMIN, data, target, D(2026, 11, 24), group)
    detail = receiver.members.get(new_id)
    assert detail.data.name == "王堃" and detail.data.stage is Stage.PROBATIONARY
    assert detail.data.join_date == services.members.get(member).data.join_date
    assert detail.data.phone == "13800000000" and detail.status is Status.NORMAL
    assert detail.group_name == "接收党小组"
    assert any("随转接包导入" in e.reason and "（2026）组字第 001 号" in e.reason
               for e in detail.events)
    got = receiver.development.records(new_id)
    assert [(r.step, r.occurrence, r.state, r.date) for r in got] == [
        (r.step, r.occurrence, r.state, r.date) for r in sent_records
    ]
    assert [p.name for r in got for p in r.people] == [
        p.name for r in sent_records for p in r.people
    ]
    assert all(r.reviews for r in got)
    assert receiver.development.file_number(new_id) == "FZ2024-0001"
    materials = receiver.materials.of_member(new_id)
    assert sorted(m.title for m in materials) == ["入党申请书", "政审材料"]
    scan = next(m for m in materials if m.is_scan)
    assert receiver.materials.content(scan.id) == PNG
    assert scan.record_id == got[0].id  # still attached to the step-1 record
    assert [line.what for line in receiver.resume.lines(new_id)] == ["某大学学生"]
    (incoming,) = receiver.transfers.search(direction="in")
    assert incoming.state_label == "已转入" and incoming.member_id == new_id
    assert incoming.to_organisation == "接收党支部" and incoming.package_sha256 == checksum
    # the due list of the new branch picks the file up: the probation is running
    assert receiver.development.history(new_id) is not None
    assert receiver.audit.verify().sound and services.audit.verify().sound

    # the same package again: the ID number is now active here
    again = receiver.packages.preview(data)
    assert "已在本单位登记为 王堃" in again.refusal
    with pytest.raises(ValidationError, match="不能重复转入"):
        receiver.packages.import_package(RECEIVER_ADMIN, data, target, D(2026, 11, 24))


def _rewritten(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each entry passed through ``change`` (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = change(name, source.read(name))
            if content is not None:
                target.writestr(name, content)
    return out.getvalue()


def _edit_payload(name: str, content: bytes) -> bytes:
    if name != "member.json":
        return content
    payload = json.loads(content)
    payload["member"]["join_date"] = "2020-01-01"  # an earlier join date, quietly
    return json.dumps(payload, ensure_ascii=False).encode()


def _edit_manifest_too(name: str, content: bytes) -> bytes:
    if name != "manifest.json":
        return _edit_payload(name, content)
    manifest = json.loads(content)
    manifest["files"]["member.json"] = "0" * 64
    return json.dumps(manifest).encode()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: _rewritten(d, _edit_payload), "党员档案与校验值不符"),
        (lambda d: _rewritten(d, _edit_manifest_too), "清单与校验码不符"),
        (lambda d: _rewritten(d, lambda n, c: b"\x00" + c if n.startswith("materials/") else c),
         "与校验值不符"),
        (lambda d: _rewritten(d, lambda n, c: None if n.startswith("materials/") else c),
         "缺少文件"),
        (lambda d: _rewritten(d, lambda n, c: c) + b"", None),  # rewritten intact: accepted
        (lambda d: d[: len(d) // 2], "不是 BranchDesk 转接包|已损坏"),
        (lambda d: b"PK\x03\x04 not really a zip", "不是 BranchDesk 转接包"),
        (lambda d: d.replace(b"member.json", b"member.jsoN", 1), "已损坏"),
    ],
    ids=["payload-edited", "manifest-edited", "scan-edited", "scan-removed", "intact",
         "truncated", "not-a-zip", "renamed-entry"],
)
def test_damaged_or_tampered_packages_are_refused_and_nothing_imported(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int], tmp_path: Path,
    damage: Callable[[bytes], bytes], message: str | None,
) -> None:
    member = _probationary(services, clerk, reviewer, branch_id, add_member)
    _add_materials(services, clerk, member, tmp_path)
    data, _ = services.packages.export(clerk, _letter(services, clerk, member))
    broken = damage(data)
    before = (_count(receiver, Member), _count(receiver, StepRecord), _count(receiver, AuditEntry))
    target = _branch(receiver, "接收党支部")
    if message is None:
        receiver.packages.import_package(RECEIVER_ADMIN, broken, target, D(2026, 11, 24))
        return
    with pytest.raises(PackageError, match=message) as error:
        receiver.packages.preview(broken)
    assert "Traceback" not in str(error.value)
    with pytest.raises(PackageError, match=message):
        receiver.packages.import_package(RECEIVER_ADMIN, broken, target, D(2026, 11, 24))
    after = (_count(receiver, Member), _count(receiver, StepRecord), _count(receiver, AuditEntry))
    assert after == before


def test_a_registered_letter_is_placed_by_the_package(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    member = _probationary(services, clerk, reviewer, branch_id, add_member)
    data, _ = services.packages.export(clerk, _letter(services, clerk, member))
    waiting = receiver.incoming.receive(RECEIVER_ADMIN, IncomingInput(
        "第一党支部", "（2026）组字第 001 号", D(2026, 11, 23), "王堃",
        make_id_number("110105", D(2000, 2, 29), 11), Stage.PROBATIONARY,
    ))
    assert receiver.packages.preview(data).waiting_transfer_id == waiting
    new_id = receiver.packages.import_package(
        RECEIVER_ADMIN, data, _branch(receiver, "接收党支部"), D(2026, 11, 24)
    )
    (incoming,) = receiver.transfers.search(direction="in")
    assert incoming.id == waiting and incoming.member_id == new_id
    assert incoming.state_label == "已转入"


def test_a_member_coming_back_gets_the_old_file_with_the_new_steps(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    member = _probationary(services, clerk, reviewer, branch_id, add_member)
    out = _letter(services, clerk, member)
    data, _ = services.packages.export(clerk, out)
    services.transfers.record_receipt(clerk, out, D(2026, 11, 25), "接收党支部", "钱管理")
    there = receiver.packages.import_package(
        RECEIVER_ADMIN, data, _branch(receiver, "接收党支部"), D(2026, 11, 24)
    )
    # at the other branch the half-yearly review (step 21) is recorded, then they come back
    step, day, details = next(w for w in WALK if w[0] == 21)
    receiver.accounts.create(RECEIVER_ADMIN, "shen", "secret-pw", "沈审核", Role.REVIEWER)
    record_and_pass(receiver.development, RECEIVER_ADMIN, Actor("shen", Role.REVIEWER, "沈审核"),
                    there, step, day, details, [])
    back = receiver.transfers.issue(RECEIVER_ADMIN, there, OutgoingInput(
        to_organisation="中共测试委员会第一党支部", reason="工作调回", dues_year=2026,
        dues_month=11, issue_date=D(2026, 11, 25),
    ))
    returned, _ = receiver.packages.export(RECEIVER_ADMIN, back)
    preview = services.packages.preview(returned)
    assert preview.returning_member_id == member and preview.refusal == ""
    before = len(services.development.records(member))
    assert services.packages.import_package(clerk, returned, branch_id, D(2026, 11, 26)) == member
    records = services.development.records(member)
    assert len(records) == before + 1 and records[-1].step == 21
    detail = services.members.get(member)
    assert detail.status is Status.NORMAL
    assert any("组织关系转回" in e.reason for e in detail.events)
    assert services.audit.verify().sound


def test_someone_in_development_is_handed_over_with_their_file(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int],
) -> None:
    full = [add_member("张三", 13), add_member("李四", 15)]
    activist = services.members.create(clerk, MemberInput(
        name="赵敏", id_number=make_id_number("110105", D(2001, 3, 3), 22),
        branch_id=branch_id, stage=Stage.APPLICANT,
    ))
    for step, day, details in WALK[:6]:  # up to the first half-yearly review
        record_and_pass(services.development, clerk, reviewer, activist, step, day, details,
                        people_for(step, full))
    with pytest.raises(ValidationError, match="不是党员，不开介绍信"):
        _letter(services, clerk, activist)
    handover = services.transfers.hand_over(clerk, activist, HandoverInput(
        "中共接收委员会接收党支部", "工作调动", D(2026, 11, 20)))
    info = services.transfers.get(handover)
    assert info.kind_label == "发展材料转递" and info.state_label == "转出中"
    with pytest.raises(ValidationError, match="不是在培养中"):
        services.transfers.hand_over(clerk, full[0], HandoverInput("某处", "调动", D(2026, 11, 20)))
    data, _ = services.packages.export(clerk, handover)
    new_id = receiver.packages.import_package(
        RECEIVER_ADMIN, data, _branch(receiver, "接收党支部"), D(2026, 11, 24)
    )
    assert receiver.members.get(new_id).data.stage is Stage.ACTIVIST
    assert len(receiver.development.records(new_id)) == 6
    (incoming,) = receiver.transfers.search(direction="in")
    assert incoming.kind_label == "发展材料转递"
    # an unconfirmed handover is a 待办 of its own kind, worded as such; gone once confirmed
    (waiting,) = [i for i in services.todo.items(D(2027, 2, 1))
                  if i.member_id == activist and i.kind.startswith(("handover", "transfer"))]
    assert waiting.kind == "handover_unconfirmed" and "发展材料" in waiting.title
    assert "细则》第十二条" in waiting.rule
    services.transfers.record_receipt(clerk, handover, D(2026, 11, 26), "接收党支部", "钱管理")
    assert services.members.get(activist).status is Status.TRANSFERRED_OUT
    assert [i for i in services.todo.items(D(2027, 2, 1)) if i.member_id == activist] == []
    # (已转出: the development reminders stop too — the file went with the person)


def test_voided_letters_have_no_package(
    services: Services, clerk: Actor, add_member: Callable[..., int]
) -> None:
    letter = _letter(services, clerk, add_member("张三", 13))
    services.transfers.void(clerk, letter, "写错")
    with pytest.raises(ValidationError, match="作废"):
        services.packages.export(clerk, letter)


def test_any_damaged_byte_is_refused_or_harmless(
    services: Services, receiver: Services, clerk: Actor, reviewer: Actor, branch_id: int,
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    """A flipped byte anywhere either makes the package refused with a PackageError or
    falls where it changes nothing (a ZIP header's timestamp): never another error."""
    import random

    member = _probationary(services, clerk, reviewer, branch_id, add_member)
    _add_materials(services, clerk, member, tmp_path)
    data, _ = services.packages.export(clerk, _letter(services, clerk, member))
    original = receiver.packages.preview(data)
    rng = random.Random(5)
    refused = 0
    for position in rng.sample(range(len(data)), 300):
        damaged = bytearray(data)
        damaged[position] ^= 1 << rng.randrange(8)
        try:
            preview = receiver.packages.preview(bytes(damaged))
        except PackageError as exc:
            assert "未导入" in str(exc) or "不是 BranchDesk 转接包" in str(exc)
            refused += 1
        else:
            assert preview == original
    assert refused > 250
    assert _count(receiver, Member) == 0

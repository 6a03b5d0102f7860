"""Transfer packages between BranchDesk installations: export a member's file, import it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import Date, DateTime, func, select
from sqlalchemy.orm import Session

import branchdesk
from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.member_rules import MemberInput, validate_member
from branchdesk.core.package_check import PackageChecker
from branchdesk.core.package_format import (
    SUFFIX,
    PackageContents,
    PackageError,
    read_package,
    short_checksum,
    write_package,
)
from branchdesk.core.search_keys import search_columns
from branchdesk.core.transfers import CLOSED, IN, ISSUED, OUT, PLACED, RECEIVED, RECORDERS
from branchdesk.core.vocab import EventKind, OrgKind, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.models import (
    Base,
    DevelopmentFile,
    Material,
    MaterialBlob,
    Member,
    MemberEvent,
    Organisation,
    ResumeEntry,
    StepPerson,
    StepRecord,
    StepReview,
    Transfer,
)

#: member fields not carried: where the member is placed is decided by the receiver
_PLACEMENT = {"branch_id", "group_id", "stage"}
_EVENT_FIELDS = ("kind", "date", "from_value", "to_value", "reason", "recorded_by", "recorded_at")
_RESUME_FIELDS = ("start", "end", "what", "witness", "sort_order", "struck_out")
_RECORD_FIELDS = (
    "step", "occurrence", "version", "state", "date", "content", "details", "meeting_ref",
    "serial_number", "exception_reason", "rulebook", "imported", "recorded_by", "recorded_at",
)
_PERSON_FIELDS = ("role", "name", "join_date", "post")
_REVIEW_FIELDS = (
    "outcome", "opinion", "reviewer_name", "reviewer_post", "review_date", "on_paper",
    "reviewer_username", "entered_by", "entered_at",
)
_MATERIAL_FIELDS = (
    "category", "title", "file_name", "media_type", "size", "sha256", "paper_reference",
    "added_by", "added_at",
)
_TRANSFER_FIELDS = (
    "kind", "letter_number", "from_organisation", "to_organisation", "reason", "dues_year",
    "dues_month", "validity_days", "issue_date", "member_phone", "contact",
)
INCOMPLETE = "转接包内容不完整（{}），未导入任何内容。请向转出党组织索取新的转接包。"


def _dump(row: Base, names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _load(model: type[Base], data: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """Column values from a package entry, typed by the model's columns."""
    if not isinstance(data, Mapping):
        raise TypeError("entry is not an object")
    columns = model.__table__.columns  # type: ignore[attr-defined]
    out: dict[str, Any] = {}
    for name in names:
        value = data[name]
        column_type = columns[name].type
        if value is not None and isinstance(column_type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, Date):
            value = dt.date.fromisoformat(value)
        elif value is not None and column_type.python_type in (int, bool, str):
            if not isinstance(value, column_type.python_type):
                raise TypeError(f"{name} has the wrong type")
        out[name] = value
    return out


def _member_input(data: Any, today: dt.date) -> MemberInput:
    """The package's member as a MemberInput (branch chosen later), typed and validated."""
    if not isinstance(data, Mapping):
        raise TypeError("member is not an object")
    values: dict[str, Any] = {"branch_id": None, "stage": Stage(data["stage"])}
    for f in fields(MemberInput):
        if f.name in _PLACEMENT or f.name not in data:
            continue
        value = data[f.name]
        if isinstance(value, str) and f.name.endswith(("_date", "_through")):
            value = dt.date.fromisoformat(value)
        values[f.name] = value
    return MemberInput(**values)


@dataclass(frozen=True)
class PackagePreview:
    """What a package holds and what importing it here would do, shown before importing."""

    checksum: str
    name: str
    gender: str
    id_number: str
    stage: Stage
    kind: str
    letter_number: str
    from_organisation: str
    to_organisation: str
    issue_date: dt.date | None
    exported_at: str
    exported_by: str
    records: int
    reviews: int
    materials: int
    events: int
    resume_lines: int
    #: why it cannot be imported here ("" when it can)
    refusal: str
    #: the member's earlier file here (a member coming back), or None
    returning_member_id: int | None
    #: a received letter already registered here for this person, placed by the import
    waiting_transfer_id: int | None

    @property
    def checksum_text(self) -> str:
        return short_checksum(self.checksum)

    @property
    def stage_label(self) -> str:
        return self.stage.label


class TransferPackages:
    """Exports an outgoing transfer's package; previews and imports a received one."""

    def __init__(self, db: Database, today: dt.date | None = None) -> None:
        self.db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # exporting ---------------------------------------------------------------------

    def export(self, actor: Actor, transfer_id: int) -> tuple[bytes, str]:
        """The package of an outgoing transfer and a file name for it; noted on the transfer."""
        actor.require(*RECORDERS)
        with self.db.write(actor.username, "导出转接包") as s:
            transfer = s.get(Transfer, transfer_id)
            if transfer is None or transfer.direction != OUT:
                raise NotFound("转出记录不存在")
            if transfer.state not in (ISSUED, CLOSED):
                raise ValidationError({"state": "作废的介绍信不能导出转接包"})
            assert transfer.member_id is not None
            member = s.get(Member, transfer.member_id)
            assert member is not None
            data, checksum = self._package(s, actor, transfer, member)
            transfer.package_sha256 = checksum
        day = self.today().strftime("%Y%m%d")
        return data, f"转接包-{member.name}-{day}{SUFFIX}"

    def _package(
        self, s: Session, actor: Actor, transfer: Transfer, member: Member
    ) -> tuple[bytes, str]:
        member_data = {
            f.name: getattr(member, f.name) for f in fields(MemberInput)
            if f.name not in _PLACEMENT and hasattr(member, f.name)
        }
        member_data = {
            k: v.isoformat() if isinstance(v, dt.date) else v for k, v in member_data.items()
        }
        member_data["stage"] = member.stage
        records = list(
            s.scalars(
                select(StepRecord).where(StepRecord.member_id == member.id)
                .order_by(StepRecord.id)
            )
        )
        materials = list(
            s.scalars(select(Material).where(Material.member_id == member.id)
                      .order_by(Material.id))
        )
        blobs: dict[str, bytes] = {}
        for material in materials:
            if material.sha256 and material.sha256 not in blobs:
                blob = s.get(MaterialBlob, material.sha256)
                if blob is not None:
                    blobs[material.sha256] = blob.data
        file_number = s.scalar(
            select(DevelopmentFile.file_number).where(DevelopmentFile.member_id == member.id)
        )
        payload = {
            "transfer": _dump(transfer, _TRANSFER_FIELDS),
            "member": member_data,
            "events": [_dump(e, _EVENT_FIELDS) for e in member.events],
            "resume": [
                _dump(r, _RESUME_FIELDS) for r in s.scalars(
                    select(ResumeEntry).where(ResumeEntry.member_id == member.id)
                    .order_by(ResumeEntry.sort_order, ResumeEntry.id)
                )
            ],
            "development": {
                "file_number": file_number or "",
                "records": [
                    {
                        "key": r.id, **_dump(r, _RECORD_FIELDS),
                        "people": [_dump(p, _PERSON_FIELDS) for p in r.people],
                        "reviews": [_dump(v, _REVIEW_FIELDS) for v in r.reviews],
                    }
                    for r in records
                ],
            },
            "materials": [
                {"record_key": m.record_id, **_dump(m, _MATERIAL_FIELDS)} for m in materials
            ],
        }
        manifest = {
            "app_version": branchdesk.__version__,
            "exported_at": dt.datetime.now().isoformat(timespec="seconds"),
            "exported_by": actor.username,
            "person": {"name": member.name, "id_number": member.id_number,
                       "stage": member.stage},
            "counts": {
                "records": len(records),
                "reviews": sum(len(r.reviews) for r in records),
                "materials": len(materials),
                "events": len(member.events),
                "resume": len(payload["resume"]),
            },
        }
        return write_package(manifest, payload, blobs)

    # importing ---------------------------------------------------------------------

    def preview(self, data: bytes) -> PackagePreview:
        """Verify a package and say what it holds and whether it can be imported here."""
        contents = self._read(data)
        try:
            member = _member_input(contents.payload["member"], self.today())
            transfer = contents.payload["transfer"]
            records = contents.payload["development"]["records"]
            issue_date = (
                dt.date.fromisoformat(transfer["issue_date"]) if transfer.get("issue_date")
                else None
            )
            counts = (
                len(records), sum(len(r["reviews"]) for r in records),
                len(contents.payload["materials"]), len(contents.payload["events"]),
                len(contents.payload["resume"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PackageError(INCOMPLETE.format(exc)) from None
        with self.db.read() as s:
            refusal, returning = self._local_situation(s, member)
            waiting = s.scalar(
                select(Transfer.id).where(
                    Transfer.direction == IN, Transfer.state == RECEIVED,
                    Transfer.person_id_number == member.id_number,
                )
            )
        return PackagePreview(
            contents.checksum, member.name, member.gender, member.id_number, member.stage,
            str(transfer.get("kind", "letter")), str(transfer.get("letter_number", "")),
            str(transfer.get("from_organisation", "")), str(transfer.get("to_organisation", "")),
            issue_date, str(contents.manifest.get("exported_at", "")),
            str(contents.manifest.get("exported_by", "")), *counts, refusal, returning, waiting,
        )

    def _read(self, data: bytes) -> PackageContents:
        """A package whose hashes hold and whose every field is valid here."""
        contents = read_package(data)
        PackageChecker(self.today()).check(contents.manifest, contents.payload, contents.blobs)
        return contents

    def _local_situation(self, s: Session, member: MemberInput) -> tuple[str, int | None]:
        """(why not, the returning member's id): refused when the ID number is active here."""
        existing = s.scalar(select(Member).where(Member.id_number == member.id_number))
        if existing is None:
            return "", None
        if existing.voided:
            return (
                f"本单位有一条已作废的同号记录（{existing.name}），请管理员核对后恢复或更正该记录，"
                "再导入转接包", None,
            )
        if existing.status == Status.TRANSFERRED_OUT.value:
            return "", existing.id
        return (
            f"公民身份号码 {member.id_number} 已在本单位登记为 {existing.name}"
            f"（{existing.branch.name}，{Status(existing.status).label}），组织关系不能重复转入",
            None,
        )

    def import_package(
        self, actor: Actor, data: bytes, branch_id: int, arrival_date: dt.date,
        group_id: int | None = None,
    ) -> int:
        """Import a verified package into a branch, all in one transaction; the member's id.

        A new member gets the record, events, résumé and development file with its reviews
        and materials; a member coming back gets their old file reactivated, with the steps
        recorded elsewhere in the meantime added. A registered incoming letter for the same
        ID number is placed; otherwise an incoming transfer is recorded from the package.
        """
        actor.require(*RECORDERS)
        contents = self._read(data)
        if arrival_date > self.today():
            raise ValidationError({"arrival_date": f"收到日期不能晚于今天（{fmt(self.today())}）"})
        try:
            member_in = _member_input(contents.payload["member"], self.today())
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError(INCOMPLETE.format(exc)) from None
        cleaned, errors = validate_member(
            replace(member_in, branch_id=branch_id, group_id=group_id), self.today()
        )
        if errors:
            problems = "；".join(errors.values())
            raise PackageError(
                f"转接包中的党员信息有误：{problems}。未导入任何内容，请与转出党组织核对。"
            )
        summary = f"导入转接包 {cleaned.name}（校验码 {short_checksum(contents.checksum)}）"
        with self.db.write(actor.username, summary) as s:
            refusal, returning = self._local_situation(s, cleaned)
            if refusal:
                raise ValidationError({"id_number": refusal})
            self._check_branch(s, branch_id, group_id)
            try:
                return self._import(s, actor, contents, cleaned, returning, arrival_date)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise PackageError(INCOMPLETE.format(exc)) from None

    @staticmethod
    def _check_branch(s: Session, branch_id: int, group_id: int | None) -> None:
        branch = s.get(Organisation, branch_id)
        if branch is None or branch.kind != OrgKind.BRANCH.value or branch.dissolved:
            raise ValidationError({"branch_id": "请选择接收的党支部"})
        if group_id is not None:
            group = s.get(Organisation, group_id)
            if group is None or group.parent_id != branch_id:
                raise ValidationError({"group_id": "所选党小组不属于所选党支部"})

    def _import(
        self, s: Session, actor: Actor, contents: PackageContents, data: MemberInput,
        returning: int | None, arrival: dt.date,
    ) -> int:
        payload = contents.payload
        letter = _load(Transfer, payload["transfer"], _TRANSFER_FIELDS)
        from_org = letter["from_organisation"]
        where = f"{from_org}，{letter['letter_number']}" if letter["letter_number"] else from_org
        if returning is None:
            member = Member(stage=data.stage.value, status=Status.NORMAL.value)
            s.add(member)
            old_status = ""
        else:
            existing = s.get(Member, returning)
            assert existing is not None
            member, old_status = existing, existing.status
        previous_stage = "" if returning is None else member.stage
        for f in fields(MemberInput):
            if f.name != "stage" and hasattr(member, f.name):
                setattr(member, f.name, getattr(data, f.name))
        keys = search_columns(data.name)
        member.search_key, member.pinyin_initials, member.sort_key = (
            keys.search_key, keys.pinyin_initials, keys.sort_key,
        )
        member.stage, member.status = data.stage.value, Status.NORMAL.value
        s.flush()
        if returning is None:
            for event in payload["events"]:
                s.add(MemberEvent(member_id=member.id, **_load(MemberEvent, event, _EVENT_FIELDS)))
        elif previous_stage != data.stage.value:
            s.add(MemberEvent(
                member_id=member.id, kind=EventKind.STAGE.value, date=arrival,
                from_value=previous_stage, to_value=data.stage.value,
                reason=f"随转接包转回（{where}）", recorded_by=actor.username,
            ))
        record_ids = self._import_development(s, member.id, payload, returning is not None)
        self._import_materials(s, actor, member.id, payload, contents.blobs, record_ids)
        self._import_resume(s, member.id, payload["resume"])
        file_number = str(payload["development"].get("file_number", ""))
        origin = f"，原发展档案编号 {file_number}" if file_number else ""
        s.add(MemberEvent(
            member_id=member.id, kind=EventKind.STATUS.value, date=arrival,
            from_value=old_status, to_value=Status.NORMAL.value,
            reason=f"组织关系{'转回' if returning else '转入'}（{where}），随转接包导入"
                   f"（校验码 {short_checksum(contents.checksum)}{origin}）",
            recorded_by=actor.username,
        ))
        self._place_transfer(s, actor, member, letter, arrival, contents.checksum)
        return member.id

    def _import_development(
        self, s: Session, member_id: int, payload: Mapping[str, Any], returning: bool,
    ) -> dict[int, int]:
        """Insert the package's step records (a returning member: only steps not here)."""
        here: set[tuple[int, int]] = set()
        if returning:
            here = {
                (step, occurrence) for step, occurrence in s.execute(
                    select(StepRecord.step, StepRecord.occurrence)
                    .where(StepRecord.member_id == member_id)
                )
            }
        ids: dict[int, int] = {}
        records = payload["development"]["records"]
        for entry in records:
            values = _load(StepRecord, entry, _RECORD_FIELDS)
            if (values["step"], values["occurrence"]) in here:
                continue
            record = StepRecord(member_id=member_id, **values)
            s.add(record)
            s.flush()
            ids[int(entry["key"])] = record.id
            for person in entry["people"]:
                s.add(StepPerson(record_id=record.id, person_id=None,
                                 **_load(StepPerson, person, _PERSON_FIELDS)))
            for review in entry["reviews"]:
                s.add(StepReview(record_id=record.id, **_load(StepReview, review, _REVIEW_FIELDS)))
        if ids and not s.scalar(
            select(DevelopmentFile.id).where(DevelopmentFile.member_id == member_id)
        ):
            first = min(
                (dt.date.fromisoformat(e["date"]) for e in records if e["step"] == 1),
                default=self.today(),
            )
            count = s.scalar(
                select(func.count()).select_from(DevelopmentFile)
                .where(DevelopmentFile.file_number.like(f"FZ{first.year}-%"))
            ) or 0
            s.add(DevelopmentFile(member_id=member_id,
                                  file_number=f"FZ{first.year}-{count + 1:04d}"))
        return ids

    @staticmethod
    def _import_materials(
        s: Session, actor: Actor, member_id: int, payload: Mapping[str, Any],
        blobs: Mapping[str, bytes], record_ids: Mapping[int, int],
    ) -> None:
        for entry in payload["materials"]:
            values = _load(Material, entry, _MATERIAL_FIELDS)
            digest = values["sha256"]
            if digest:
                if digest not in blobs:
                    raise KeyError(f"材料 {values['title']} 的扫描件")
                if s.get(MaterialBlob, digest) is None:
                    s.add(MaterialBlob(sha256=digest, data=blobs[digest]))
                    s.flush()  # the blob before the row that refers to it
            key = entry["record_key"]
            s.add(Material(
                member_id=member_id,
                record_id=record_ids.get(int(key)) if key is not None else None, **values,
            ))
        s.flush()

    @staticmethod
    def _import_resume(s: Session, member_id: int, lines: Any) -> None:
        here = {
            (r.start, r.end, r.what)
            for r in s.scalars(select(ResumeEntry).where(ResumeEntry.member_id == member_id))
        }
        for line in lines:
            values = _load(ResumeEntry, line, _RESUME_FIELDS)
            if (values["start"], values["end"], values["what"]) not in here:
                s.add(ResumeEntry(member_id=member_id, **values))

    @staticmethod
    def _place_transfer(
        s: Session, actor: Actor, member: Member, letter: Mapping[str, Any], arrival: dt.date,
        checksum: str,
    ) -> None:
        """Place the letter registered for this person, or record the transfer in."""
        transfer = s.scalar(
            select(Transfer).where(
                Transfer.direction == IN, Transfer.state == RECEIVED,
                Transfer.person_id_number == member.id_number,
            )
        )
        branch = s.get(Organisation, member.branch_id)
        branch_name = branch.name if branch else ""
        if transfer is None:
            transfer = Transfer(to_organisation=branch_name,
                direction=IN, kind=letter["kind"], letter_number=letter["letter_number"],
                year=arrival.year, from_organisation=letter["from_organisation"],
                dues_year=letter["dues_year"], dues_month=letter["dues_month"],
                validity_days=letter["validity_days"], issue_date=letter["issue_date"],
                reason=letter["reason"], arrival_date=arrival, person_name=member.name,
                person_id_number=member.id_number, person_stage=member.stage,
                created_by=actor.username,
            )
            s.add(transfer)
        transfer.member_id = member.id
        transfer.state = PLACED
        transfer.to_organisation = branch_name
        transfer.package_sha256 = checksum
        s.flush()

"""Outgoing organisation transfers: numbered letters, receipts, voiding ("无空挡")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.dates import add_months, fmt
from branchdesk.core.edit_conflict import guarded_write
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.idnumber import IdNumberError, parse_id_number
from branchdesk.core.member_rules import MemberInput
from branchdesk.core.numerals import DEFAULT_VALIDITY_DAYS, letter_number
from branchdesk.core.rulebook import rulebook_on
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.todo import DueItem
from branchdesk.core.transfer_settings import TransferSettings, validity_error
from branchdesk.core.vocab import EventKind, OrgKind, Role, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.models import Member, MemberEvent, Organisation, Transfer

RECORDERS = (Role.ADMIN, Role.CLERK)
OUT, IN = "out", "in"
ISSUED, CLOSED, VOIDED = "issued", "closed", "voided"
RECEIVED, PLACED = "received", "placed"
LETTER, MATERIALS = "letter", "materials"
IN_DEVELOPMENT = (Stage.APPLICANT.value, Stage.ACTIVIST.value, Stage.CANDIDATE.value)
RECEIPT_REMINDER = dt.timedelta(weeks=3)  # the receipt is due within a month of arrival
#: until the member is received, the sending organisation stays responsible (党员教育管理工作条例)
RESPONSIBILITY_RULE = citation("transfer_responsibility")
#: the receipt goes back within a month of receiving the member (the letter form's instructions)
RECEIPT_RULE = citation("receipt_within_month")


def materials_rule(on: dt.date) -> str:
    """An activist's (and, by the same practice, an applicant's or candidate's) materials
    follow them: the 细则's article in force on ``on``."""
    return citation("activist_materials", rulebook_on(on).version)


#: dues may be paid ahead, at most this many months (as on the member record)
MAX_DUES_AHEAD = 12


def dues_error(year: int, month: int, on: dt.date) -> str:
    """What is wrong with a letter's 党费交到 month as of ``on`` ('' when nothing)."""
    if not 1 <= month <= 12 or year < 1921:
        return "党费交至月份应为 1 至 12 月"
    latest = add_months(on.replace(day=1), MAX_DUES_AHEAD)
    if dt.date(year, month, 1) > latest:
        return (f"党费最多预交 {MAX_DUES_AHEAD} 个月，交至月份不能晚于 "
                f"{latest.year}年{latest.month}月")
    return ""


@dataclass(frozen=True)
class OutgoingInput:
    """What the clerk enters to issue an introduction letter."""

    to_organisation: str
    reason: str
    dues_year: int
    dues_month: int
    issue_date: dt.date
    validity_days: int = DEFAULT_VALIDITY_DAYS
    contact: str = ""
    member_phone: str = ""


@dataclass(frozen=True)
class HandoverInput:
    """What the clerk enters to hand over a development file (发展材料转递)."""

    to_organisation: str
    reason: str
    issue_date: dt.date
    contact: str = ""


@dataclass(frozen=True)
class TransferInfo:
    """A transfer as listed and printed."""

    id: int
    direction: str
    member_id: int | None
    member_name: str
    state: str
    letter_number: str
    from_organisation: str
    to_organisation: str
    reason: str
    dues_year: int
    dues_month: int
    validity_days: int
    issue_date: dt.date
    contact: str
    member_phone: str
    void_reason: str
    receipt_date: dt.date | None
    receipt_organisation: str
    receipt_handler: str
    issuing_committee_id: int | None = None
    arrival_date: dt.date | None = None
    receipt_sent_date: dt.date | None = None
    person_id_number: str = ""
    person_stage: str = ""
    kind: str = "letter"
    package_sha256: str = ""

    @property
    def is_letter(self) -> bool:
        """A 党员组织关系介绍信 (not a 发展材料转递 of someone in development)."""
        return self.kind == LETTER

    @property
    def kind_label(self) -> str:
        return "组织关系介绍信" if self.is_letter else "发展材料转递"

    @property
    def valid_until(self) -> dt.date:
        return self.issue_date + dt.timedelta(days=self.validity_days)

    def overdue_on(self, today: dt.date) -> bool:
        """Whether the letter is 逾期 on ``today``: issued, no receipt, validity passed."""
        return self.direction == OUT and self.state == ISSUED and self.valid_until < today

    @property
    def state_label(self) -> str:
        labels = {ISSUED: "转出中", CLOSED: "已转出", VOIDED: "作废", RECEIVED: "待编入",
                  PLACED: "已转入"}
        return labels.get(self.state, self.state)


def _info(t: Transfer, name: str) -> TransferInfo:
    return TransferInfo(
        t.id, t.direction, t.member_id, name or t.person_name, t.state, t.letter_number,
        t.from_organisation,
        t.to_organisation, t.reason, t.dues_year, t.dues_month, t.validity_days, t.issue_date,
        t.contact, t.member_phone, t.void_reason, t.receipt_date, t.receipt_organisation,
        t.receipt_handler, t.issuing_committee_id, t.arrival_date, t.receipt_sent_date,
        t.person_id_number, t.person_stage, t.kind, t.package_sha256,
    )


class TransferService:
    """Issues numbered letters per year and issuing committee; tracks them until the receipt."""

    def __init__(self, db: Database, today: dt.date | None = None) -> None:
        self.db = db
        self._today = today
        #: the administrator's longest validity of a new letter
        self.settings = TransferSettings(db)

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def max_validity_days(self) -> int:
        """The longest validity a new letter may have (the administrator's setting)."""
        return self.settings.max_validity_days()

    def _committee_of(self, s: Session, branch_id: int) -> Organisation:
        org = s.get(Organisation, branch_id)
        while org is not None and org.kind != OrgKind.COMMITTEE.value:
            org = s.get(Organisation, org.parent_id) if org.parent_id else None
        if org is None:
            raise ValidationError({"member": "该党员所在党支部没有上级党委，无法开具介绍信"})
        return org

    def issue(self, actor: Actor, member_id: int, data: OutgoingInput) -> int:
        """Issue an outgoing letter; the member is 转出中 until the receipt comes back."""
        actor.require(*RECORDERS)
        errors: dict[str, str] = {}
        if not data.to_organisation.strip():
            errors["to_organisation"] = "请填写转往的党组织"
        if not data.reason.strip():
            errors["reason"] = "请填写转出原因，如“工作调动”"
        validity = validity_error(data.validity_days, self.max_validity_days())
        if validity:
            errors["validity_days"] = validity
        dues = dues_error(data.dues_year, data.dues_month, data.issue_date)
        if dues:
            errors["dues"] = dues
        if data.issue_date > self.today():
            errors["issue_date"] = f"开具日期不能晚于今天（{fmt(self.today())}）"
        if errors:
            raise ValidationError(errors)
        summary = f"开具组织关系介绍信 {data.to_organisation}"
        with guarded_write(self.db, actor.username, summary) as s:
            member = s.get(Member, member_id)
            if member is None or member.voided:
                raise NotFound(f"党员记录 {member_id} 不存在")
            if member.status != Status.NORMAL.value:
                raise ValidationError(
                    {"member": f"{member.name}的党籍状态为{Status(member.status).label}，不能转出"}
                )
            if member.stage not in (Stage.PROBATIONARY.value, Stage.FULL.value):
                raise ValidationError(
                    {"member": f"{member.name}是{Stage(member.stage).label}，不是党员，不开介绍信"}
                )
            if s.scalar(
                select(Transfer.id).where(
                    Transfer.member_id == member_id, Transfer.direction == OUT,
                    Transfer.state == ISSUED,
                )
            ):
                raise ValidationError({"member": f"{member.name}已有一封尚未收到回执的介绍信"})
            committee = self._committee_of(s, member.branch_id)
            year = data.issue_date.year
            serial = 1 + (
                s.scalar(
                    select(func.max(Transfer.serial)).where(
                        Transfer.issuing_committee_id == committee.id, Transfer.year == year,
                        Transfer.direction == OUT,
                    )
                )
                or 0
            )
            transfer = Transfer(
                direction=OUT, member_id=member_id, state=ISSUED,
                letter_number=letter_number(year, serial), issuing_committee_id=committee.id,
                year=year, serial=serial, from_organisation=member.branch.name,
                to_organisation=data.to_organisation.strip(), reason=data.reason.strip(),
                dues_year=data.dues_year, dues_month=data.dues_month,
                validity_days=data.validity_days, issue_date=data.issue_date,
                contact=data.contact.strip(),
                member_phone=data.member_phone.strip() or member.phone,
                created_by=actor.username,
            )
            s.add(transfer)
            s.flush()
            return transfer.id

    def hand_over(self, actor: Actor, member_id: int, data: HandoverInput) -> int:
        """Hand over the development file of someone in development who moves (发展材料转递);
        tracked like a letter until the receiving organisation confirms it."""
        actor.require(*RECORDERS)
        errors: dict[str, str] = {}
        if not data.to_organisation.strip():
            errors["to_organisation"] = "请填写接收材料的党组织"
        if not data.reason.strip():
            errors["reason"] = "请填写转递原因，如“工作调动”"
        if data.issue_date > self.today():
            errors["issue_date"] = f"转递日期不能晚于今天（{fmt(self.today())}）"
        if errors:
            raise ValidationError(errors)
        with guarded_write(self.db, actor.username, f"发展材料转递 {data.to_organisation}") as s:
            member = s.get(Member, member_id)
            if member is None or member.voided:
                raise NotFound(f"党员记录 {member_id} 不存在")
            if member.status != Status.NORMAL.value or member.stage not in IN_DEVELOPMENT:
                raise ValidationError(
                    {"member": f"{member.name}不是在培养中的入党申请人、积极分子或发展对象，"
                               "党员请开具组织关系介绍信"}
                )
            if s.scalar(select(Transfer.id).where(
                Transfer.member_id == member_id, Transfer.direction == OUT,
                Transfer.state == ISSUED,
            )):
                raise ValidationError({"member": f"{member.name}的材料已在转递中，尚未确认接收"})
            committee = self._committee_of(s, member.branch_id)
            transfer = Transfer(
                direction=OUT, kind=MATERIALS, member_id=member_id, state=ISSUED,
                letter_number="", issuing_committee_id=committee.id,
                year=data.issue_date.year, serial=0, from_organisation=member.branch.name,
                to_organisation=data.to_organisation.strip(), reason=data.reason.strip(),
                dues_year=0, dues_month=0, validity_days=DEFAULT_VALIDITY_DAYS,
                issue_date=data.issue_date, contact=data.contact.strip(),
                member_phone=member.phone, person_name=member.name,
                person_id_number=member.id_number, person_stage=member.stage,
                created_by=actor.username,
            )
            s.add(transfer)
            s.flush()
            return transfer.id

    def void(self, actor: Actor, transfer_id: int, reason: str) -> None:
        """A letter issued by mistake is voided; it keeps its number, marked 作废."""
        actor.require(*RECORDERS)
        if not reason.strip():
            raise ValidationError({"void_reason": "请填写作废原因"})
        with guarded_write(self.db, actor.username, "介绍信作废") as s:
            transfer = self._open_letter(s, transfer_id)
            transfer.state, transfer.void_reason = VOIDED, reason.strip()

    def record_receipt(
        self, actor: Actor, transfer_id: int, receipt_date: dt.date, organisation: str,
        handler: str, phone: str = "",
    ) -> None:
        """The receipt came back: the member is 已转出; the file stays, read-only."""
        actor.require(*RECORDERS)
        errors = {}
        if not organisation.strip():
            errors["receipt_organisation"] = "请填写接收党组织"
        if not handler.strip():
            errors["receipt_handler"] = "请填写经办人"
        if receipt_date > self.today():
            errors["receipt_date"] = "回执日期不能晚于今天"
        with guarded_write(self.db, actor.username, "登记介绍信回执") as s:
            transfer = self._open_letter(s, transfer_id)
            if receipt_date < transfer.issue_date:
                errors["receipt_date"] = f"回执日期不能早于开具日期（{fmt(transfer.issue_date)}）"
            if errors:
                raise ValidationError(errors)
            transfer.state = CLOSED
            transfer.receipt_date = receipt_date
            transfer.receipt_organisation = organisation.strip()
            transfer.receipt_handler = handler.strip()
            transfer.receipt_phone = phone.strip()
            member = s.get(Member, transfer.member_id)
            assert member is not None
            s.add(
                MemberEvent(
                    member_id=member.id, kind=EventKind.STATUS.value, date=receipt_date,
                    from_value=member.status, to_value=Status.TRANSFERRED_OUT.value,
                    reason=(
                        f"组织关系转往{transfer.to_organisation}（{transfer.letter_number}）"
                        if transfer.kind == LETTER
                        else f"发展材料转递至{transfer.to_organisation}，已确认接收"
                    ),
                    recorded_by=actor.username,
                )
            )
            member.status = Status.TRANSFERRED_OUT.value

    def _open_letter(self, s: Session, transfer_id: int) -> Transfer:
        transfer = s.get(Transfer, transfer_id)
        if transfer is None or transfer.direction != OUT:
            raise NotFound("介绍信不存在")
        if transfer.state != ISSUED:
            state = "已收到回执" if transfer.state == CLOSED else "已作废"
            what = f"介绍信 {transfer.letter_number}" if transfer.kind == LETTER else "材料转递"
            raise ValidationError({"state": f"{what}{state}"})
        return transfer

    def get(self, transfer_id: int) -> TransferInfo:
        with self.db.read() as s:
            transfer = s.get(Transfer, transfer_id)
            if transfer is None:
                raise NotFound("介绍信不存在")
            member = (
                s.get(Member, transfer.member_id) if transfer.member_id is not None else None
            )
            return _info(transfer, member.name if member else "")

    def find(self, number: str) -> TransferInfo:
        """A letter by its number, as printed: （2026）组字第 012 号 (spaces optional)."""
        wanted = "".join(number.split())
        with self.db.read() as s:
            row = s.execute(
                select(Transfer, Member.name).join(Member, Member.id == Transfer.member_id)
                .where(
                    Transfer.direction == OUT, Transfer.kind == LETTER,
                    func.replace(Transfer.letter_number, " ", "") == wanted,
                )
            ).first()
            if wanted and row is not None:
                return _info(row[0], row[1])
        raise NotFound(f"没有编号为“{number}”的介绍信")

    def search(
        self, direction: str | None = None, state: str | None = None, text: str = ""
    ) -> list[TransferInfo]:
        """All transfers, newest first, in one query: by direction (out/in), state, and a
        text found in the name, letter number or either organisation."""
        query = select(Transfer, Member.name).outerjoin(Member, Member.id == Transfer.member_id)
        if direction is not None:
            query = query.where(Transfer.direction == direction)
        if state is not None:
            query = query.where(Transfer.state == state)
        wanted = "".join(text.split())
        if wanted:
            pattern = f"%{wanted}%"
            query = query.where(
                Member.name.like(pattern) | Transfer.person_name.like(pattern)
                | func.replace(Transfer.letter_number, " ", "").like(pattern)
                | Transfer.from_organisation.like(pattern)
                | Transfer.to_organisation.like(pattern)
            )
        query = query.order_by(Transfer.issue_date.desc(), Transfer.id.desc())
        with self.db.read() as s:
            return [_info(t, name or "") for t, name in s.execute(query)]

    def transferable_members(self, text: str = "") -> list[tuple[int, str, str]]:
        """(id, name, branch) of members of normal standing (正式/预备) a letter may be
        issued for, by name, in one query."""
        query = (
            select(Member.id, Member.name, Organisation.name)
            .join(Organisation, Organisation.id == Member.branch_id)
            .where(
                Member.voided.is_(False), Member.status == Status.NORMAL.value,
                Member.stage.in_((Stage.PROBATIONARY.value, Stage.FULL.value)),
            )
            .order_by(Organisation.name, Member.name)
        )
        if text.strip():
            query = query.where(Member.name.like(f"%{text.strip()}%"))
        with self.db.read() as s:
            return [(mid, name, branch) for mid, name, branch in s.execute(query)]

    def of_member(self, member_id: int) -> list[TransferInfo]:
        with self.db.read() as s:
            member = s.get(Member, member_id)
            rows = s.scalars(
                select(Transfer).where(Transfer.member_id == member_id).order_by(Transfer.id)
            )
            return [_info(t, member.name if member else "") for t in rows]


@dataclass(frozen=True)
class IncomingInput:
    """A received introduction letter, as the clerk registers it."""

    from_organisation: str
    letter_number: str
    arrival_date: dt.date
    name: str
    id_number: str
    stage: Stage = Stage.FULL
    dues_year: int = 0
    dues_month: int = 0


class IncomingTransfers:
    """Received letters: matched by ID number, placed in a branch, receipt sent back."""

    def __init__(self, db: Database, members: Any, today: dt.date | None = None) -> None:
        self.db = db
        self.members = members  # MemberService: a new member is created through it
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def receive(self, actor: Actor, data: IncomingInput) -> int:
        """Register a letter that arrived; the person is 待编入 until placed in a branch."""
        actor.require(*RECORDERS)
        errors: dict[str, str] = {}
        try:
            number = parse_id_number(data.id_number, self.today()).value
        except IdNumberError as exc:
            errors["id_number"] = str(exc)
            number = data.id_number
        for key, value, label in (
            ("from_organisation", data.from_organisation, "转出党组织"),
            ("letter_number", data.letter_number, "介绍信编号"),
            ("name", data.name, "姓名"),
        ):
            if not value.strip():
                errors[key] = f"请填写{label}"
        if data.arrival_date > self.today():
            errors["arrival_date"] = f"收到日期不能晚于今天（{fmt(self.today())}）"
        if data.stage not in (Stage.PROBATIONARY, Stage.FULL):
            errors["stage"] = "转入的须是正式党员或预备党员"
        if data.dues_year or data.dues_month:  # 0/0: not on the letter
            dues = dues_error(data.dues_year, data.dues_month, data.arrival_date)
            if dues:
                errors["dues"] = dues
        if errors:
            raise ValidationError(errors)
        with guarded_write(self.db, actor.username, f"登记转入 {data.name.strip()}") as s:
            existing = s.scalar(select(Member).where(Member.id_number == number))
            if existing is not None and not existing.voided:
                if existing.status == Status.NORMAL.value:
                    raise ValidationError(
                        {"id_number": f"{existing.name}（{existing.branch.name}）的组织关系"
                                      "已在本单位，不能重复转入"}
                    )
                if existing.status != Status.TRANSFERRED_OUT.value:
                    raise ValidationError(
                        {"id_number": f"{existing.name}的党籍状态为"
                                      f"{Status(existing.status).label}，不能转入，请核对"}
                    )
            if s.scalar(
                select(Transfer.id).where(
                    Transfer.direction == IN, Transfer.state == RECEIVED,
                    Transfer.person_id_number == number,
                )
            ):
                raise ValidationError({"id_number": "此人的介绍信已登记，尚未编入党支部"})
            transfer = Transfer(
                direction=IN, member_id=existing.id if existing else None, state=RECEIVED,
                letter_number=data.letter_number.strip(), year=data.arrival_date.year,
                from_organisation=data.from_organisation.strip(), to_organisation="",
                dues_year=data.dues_year, dues_month=data.dues_month,
                issue_date=data.arrival_date, arrival_date=data.arrival_date,
                person_name=data.name.strip(), person_id_number=number,
                person_stage=data.stage.value, created_by=actor.username,
            )
            s.add(transfer)
            s.flush()
            return transfer.id

    def place(
        self, actor: Actor, transfer_id: int, branch_id: int, group_id: int | None = None,
        join_date: dt.date | None = None, full_member_date: dt.date | None = None,
    ) -> int:
        """Place the person in a branch: a returning member gets their old file back,
        reactivated; a new one is created from the letter (with the dates the clerk adds)."""
        actor.require(*RECORDERS)
        with self.db.read() as s:
            transfer = s.get(Transfer, transfer_id)
            if transfer is None or transfer.direction != IN:
                raise NotFound("转入记录不存在")
            if transfer.state != RECEIVED:
                raise ValidationError({"state": "此人已编入党支部"})
            returning = transfer.member_id
            name, number = transfer.person_name, transfer.person_id_number
            from_org = transfer.from_organisation
            stage = Stage(transfer.person_stage)
            branch = s.get(Organisation, branch_id)
            to_org = branch.name if branch else ""
            # the letter's 党费交到 month carries over to the member record
            dues = (
                dt.date(transfer.dues_year, transfer.dues_month, 1)
                if transfer.dues_year and 1 <= transfer.dues_month <= 12 else None
            )
        if returning is None:
            member_id = self.members.create(
                actor,
                MemberInput(
                    name=name, id_number=number, branch_id=branch_id, stage=stage,
                    group_id=group_id, join_date=join_date, full_member_date=full_member_date,
                    dues_paid_through=dues,
                ),
                reason=f"组织关系转入（{from_org}）",
            )
        else:
            member_id = returning
        with guarded_write(self.db, actor.username, f"编入党支部 {name}") as s:
            transfer_row = s.get(Transfer, transfer_id)
            assert transfer_row is not None
            if returning is not None:
                member = s.get(Member, returning)
                assert member is not None
                org = s.get(Organisation, branch_id)
                if org is None or org.kind != OrgKind.BRANCH.value:
                    raise ValidationError({"branch_id": "请选择党支部"})
                s.add(
                    MemberEvent(
                        member_id=member.id, kind=EventKind.STATUS.value,
                        date=transfer_row.arrival_date or self.today(),
                        from_value=member.status, to_value=Status.NORMAL.value,
                        reason=f"组织关系转回（{transfer_row.from_organisation}，"
                               f"{transfer_row.letter_number}）",
                        recorded_by=actor.username,
                    )
                )
                member.status = Status.NORMAL.value
                member.branch_id, member.group_id = branch_id, group_id
                if dues is not None:
                    member.dues_paid_through = dues
            transfer_row.member_id = member_id
            transfer_row.state = PLACED
            transfer_row.to_organisation = to_org
        return member_id

    def receipt_sent(self, actor: Actor, transfer_id: int, day: dt.date) -> None:
        """Our receipt (回执) went back to the sending organisation."""
        actor.require(*RECORDERS)
        with guarded_write(self.db, actor.username, "回执已寄回") as s:
            transfer = s.get(Transfer, transfer_id)
            if transfer is None or transfer.direction != IN:
                raise NotFound("转入记录不存在")
            if day > self.today() or (transfer.arrival_date and day < transfer.arrival_date):
                raise ValidationError({"receipt_sent_date": "寄回日期应在收到日期和今天之间"})
            transfer.receipt_sent_date = day


class IncomingProvider:
    """待办: receipts not sent three weeks after arrival; people not yet placed in a branch."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        with self.db.read() as s:
            rows = s.execute(
                select(
                    Transfer.person_name, Transfer.person_id_number, Transfer.member_id,
                    Transfer.state, Transfer.arrival_date, Transfer.receipt_sent_date,
                    Transfer.from_organisation, Transfer.to_organisation, Transfer.kind,
                ).where(Transfer.direction == IN)
            ).all()
        for name, number, member_id, state, arrived, sent, from_org, to_org, kind in rows:
            if arrived is None:
                continue
            if state == RECEIVED:
                yield DueItem(
                    "incoming_unplaced",
                    f"{name}的组织关系已于 {fmt(arrived)} 转入（{from_org}），尚未编入党支部"
                    "（接收前仍由原党组织负责管理，请及时编入）",
                    arrived, to_org or "（待编入）", "", member_id, name, number,
                    rule=RESPONSIBILITY_RULE,
                )
            if sent is None and arrived + RECEIPT_REMINDER <= today:
                due = add_months(arrived, 1)
                what = "组织关系介绍信回执" if kind == LETTER else "发展材料接收回执"
                yield DueItem(
                    "transfer_receipt_to_send",
                    f"{name}的{what}尚未寄回{from_org}（须在收到后一个月内寄回）",
                    due, to_org or "（待编入）", "", member_id, name, number,
                    rule=RECEIPT_RULE if kind == LETTER else materials_rule(arrived),
                )


class TransferReceiptProvider:
    """待办: letters whose validity passed without a receipt (transfer_receipt_overdue), and
    development files handed over 30 days ago and not confirmed (handover_unconfirmed)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def due_items(self, today: dt.date) -> Iterable[DueItem]:
        with self.db.read() as s:
            rows = s.execute(
                select(
                    Transfer.member_id, Transfer.letter_number, Transfer.issue_date,
                    Transfer.validity_days, Transfer.from_organisation, Transfer.to_organisation,
                    Member.name, Member.id_number, Transfer.kind,
                )
                .join(Member, Member.id == Transfer.member_id)
                .where(Transfer.direction == OUT, Transfer.state == ISSUED)
            ).all()
        for member_id, number, issued, days, from_org, to_org, name, id_number, kind in rows:
            until = issued + dt.timedelta(days=days)
            if until >= today:
                continue
            if kind == LETTER:
                title = (f"{name}的组织关系介绍信 {number} 已过有效期（{fmt(until)}），"
                         "尚未收到回执，请联系接收党组织（接收前仍由本党组织负责管理）")
            else:
                title = (f"{name}的发展材料于 {fmt(issued)} 转递{to_org}，"
                         f"{days} 天未确认接收，请联系接收党组织")
            yield DueItem(
                "transfer_receipt_overdue" if kind == LETTER else "handover_unconfirmed", title,
                until, from_org, to_org, member_id, name, id_number,
                rule=RESPONSIBILITY_RULE if kind == LETTER else materials_rule(issued),
            )

"""SQLAlchemy typed ORM models of the BranchDesk database."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from branchdesk.storage.row_versions import ROW_VERSION, Versioned

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Return the current time, timezone-naive UTC, as stored in the database."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base; ``__audit__`` marks tables whose changes go to the audit trail."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __audit__: ClassVar[bool] = True
    #: columns whose values are never written to the audit trail (only "changed")
    __audit_redact__: ClassVar[frozenset[str]] = frozenset()
    #: columns whose changes are not audited at all (bookkeeping)
    __audit_ignore__: ClassVar[frozenset[str]] = frozenset()


class Organisation(Versioned, Base):
    """A node of the organisation tree: 党委, 党总支, 党支部 or 党小组."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    dissolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    parent: Mapped[Organisation | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Organisation]] = relationship(
        back_populates="parent", order_by="Organisation.sort_order, Organisation.id"
    )


class CommitteeTerm(Base):
    """One elected term of an organisation's committee (支部委员会, 党委 …)."""

    __tablename__ = "committee_terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    posts: Mapped[list[CommitteePost]] = relationship(
        back_populates="term", order_by="CommitteePost.sort_order, CommitteePost.id"
    )


class CommitteePost(Versioned, Base):
    """A member holding a post (书记, 组织委员 …) in a committee term."""

    __tablename__ = "committee_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("committee_terms.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    post: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    term: Mapped[CommitteeTerm] = relationship(back_populates="posts")
    member: Mapped[Member] = relationship()


class Member(Versioned, Base):
    """A person on the roster: applicant, activist, candidate, probationary or full member."""

    __tablename__ = "members"
    __table_args__ = (
        Index("ix_members_branch_stage", "branch_id", "stage"),
        Index("ix_members_search_key_id", "search_key", "id"),
        Index("ix_members_pinyin_initials_id", "pinyin_initials", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(2))
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    birth_date: Mapped[dt.date] = mapped_column(Date)
    native_place: Mapped[str] = mapped_column(String(50), default="")
    education: Mapped[str] = mapped_column(String(20), default="")
    stage: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(20), default="normal", index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    join_date: Mapped[dt.date | None] = mapped_column(Date)
    #: month of the join date, kept with it: the month's political birthdays by index
    join_month: Mapped[int | None] = mapped_column(Integer, index=True)
    full_member_date: Mapped[dt.date | None] = mapped_column(Date)
    job: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    lost_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    mobile: Mapped[bool] = mapped_column(Boolean, default=False)
    mobile_destination: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    #: current Party discipline (无/警告/严重警告/撤销党内职务/留党察看): sponsors' eligibility
    discipline: Mapped[str] = mapped_column(String(20), default="无", server_default="无")
    #: parties and organisations joined (e.g. 中国共产主义青年团), for the booklet
    organisations_joined: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: Party dues paid through this month (the first day of it); the letter's 党费交到
    dues_paid_through: Mapped[dt.date | None] = mapped_column(Date)
    voided: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    #: lower-case search text: name, pinyin initials and full pinyin (all readings)
    search_key: Mapped[str] = mapped_column(String(400), default="")
    #: pinyin initials of the name, all readings ("zs", "sx|dx|cx"), for the commonest search
    pinyin_initials: Mapped[str] = mapped_column(String(100), default="")
    #: pinyin of the name, for sorting by name in pinyin order
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __audit_ignore__ = frozenset(
        {"search_key", "pinyin_initials", "sort_key", "join_month", ROW_VERSION}
    )

    @validates("join_date")
    def _keep_join_month(self, _key: str, value: dt.date | None) -> dt.date | None:
        self.join_month = value.month if value else None
        return value

    branch: Mapped[Organisation] = relationship(foreign_keys=[branch_id])
    group: Mapped[Organisation | None] = relationship(foreign_keys=[group_id])
    events: Mapped[list[MemberEvent]] = relationship(
        back_populates="member", order_by="MemberEvent.date, MemberEvent.id"
    )


class MemberEvent(Base):
    """A dated change of a member's stage, status or record (人员类别、党籍状态变化、作废)."""

    __tablename__ = "member_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    from_value: Mapped[str] = mapped_column(String(40), default="")
    to_value: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    member: Mapped[Member] = relationship(back_populates="events")


class User(Versioned, Base):
    """A local account with a role: 管理员, 录入员 or 审核人."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    #: audited as a fingerprint; failed attempts, lockouts and logins are audited changes
    __audit_redact__ = frozenset({"password_hash"})
    __audit_ignore__ = frozenset({ROW_VERSION})
    #: a login or a lockout does not make an administrator's open account dialog outdated
    __version_ignore__ = frozenset({"failed_attempts", "locked_until", "last_login"})


class Setting(Base):
    """A key/value setting of this database (committee address, local rules …)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """One entry of the tamper-evident audit trail; ``hash`` chains it to the previous entry."""

    __tablename__ = "audit_log"
    __audit__ = False
    __table_args__ = (Index("ix_audit_log_table_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(50), index=True)
    action: Mapped[str] = mapped_column(String(20))
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[str] = mapped_column(String(50))
    member_id: Mapped[int | None] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ResumeEntry(Versioned, Base):
    """A line of a member's 本人简历: from–to, where and what, 证明人."""

    __tablename__ = "resume_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    start: Mapped[str] = mapped_column(String(20))
    end: Mapped[str] = mapped_column(String(20), default="")
    what: Mapped[str] = mapped_column(Text)
    witness: Mapped[str] = mapped_column(String(50), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    #: a line entered by mistake is struck out, never deleted
    struck_out: Mapped[bool] = mapped_column(Boolean, default=False)


class DevelopmentFile(Base):
    """A member's development file (一人一册), opened with the application."""

    __tablename__ = "development_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), unique=True)
    file_number: Mapped[str] = mapped_column(String(40), unique=True)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StepRecord(Versioned, Base):
    """One version of the record of a step (一事一记); a correction adds a version."""

    __tablename__ = "step_records"
    __table_args__ = (Index("ix_step_records_member_step", "member_id", "step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    step: Mapped[int] = mapped_column(Integer)
    #: the n-th record of a repeatable step (half-yearly reviews); 1 otherwise
    occurrence: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: pending (awaiting review), passed, returned, superseded (corrected by a later version)
    state: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")
    #: the step's structured fields (the record sheet's items), as JSON
    details: Mapped[str] = mapped_column(Text, default="{}")
    meeting_ref: Mapped[str] = mapped_column(String(200), default="")
    serial_number: Mapped[str] = mapped_column(String(50), default="")
    exception_reason: Mapped[str] = mapped_column(Text, default="")
    rulebook: Mapped[str] = mapped_column(String(20), default="")
    #: imported history (marked as such), not recorded step by step in BranchDesk
    imported: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    people: Mapped[list[StepPerson]] = relationship(order_by="StepPerson.id")
    reviews: Mapped[list[StepReview]] = relationship(order_by="StepReview.id")


class StepPerson(Base):
    """A person involved in a step record: 培养联系人, 入党介绍人 …"""

    __tablename__ = "step_people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("step_records.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    name: Mapped[str] = mapped_column(String(50))
    join_date: Mapped[dt.date | None] = mapped_column(Date)
    post: Mapped[str] = mapped_column(String(100), default="")


class StepReview(Base):
    """The review of a step record (一步一审): in BranchDesk, or on paper and entered."""

    __tablename__ = "step_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("step_records.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    opinion: Mapped[str] = mapped_column(Text, default="")
    reviewer_name: Mapped[str] = mapped_column(String(50))
    reviewer_post: Mapped[str] = mapped_column(String(100), default="")
    review_date: Mapped[dt.date] = mapped_column(Date)
    on_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the reviewing account when signed off in BranchDesk
    reviewer_username: Mapped[str | None] = mapped_column(String(50))
    entered_by: Mapped[str] = mapped_column(String(50))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Material(Base):
    """A material of a development file: a stored scan (by SHA-256) or a paper original."""

    __tablename__ = "materials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("step_records.id"), index=True)
    category: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(50), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str | None] = mapped_column(ForeignKey("material_blobs.sha256"))
    paper_reference: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str] = mapped_column(String(50))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MaterialBlob(Base):
    """The bytes of a scan, stored once by SHA-256 inside the database (so backups hold them)."""

    __tablename__ = "material_blobs"
    __audit__ = False  # content-addressed: the audited materials row names the hash

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CalendarDay(Base):
    """An administrator's entry in the working-day calendar: a holiday or a make-up day."""

    __tablename__ = "calendar_days"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_working_day: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(100), default="")


class CalendarYear(Base):
    """A year whose holiday arrangement the administrator has entered completely."""

    __tablename__ = "calendar_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class Meeting(Versioned, Base):
    """A meeting of a branch, its committee or a group; its record has one or more versions."""

    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_org_date", "organisation_id", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    #: the branch that met (or the group, for a 党小组会)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    #: lower-case text of the current version, for searching the minutes
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __audit_ignore__ = frozenset({"search_text", ROW_VERSION})

    versions: Mapped[list[MeetingVersion]] = relationship(order_by="MeetingVersion.version")


class MeetingVersion(Base):
    """The record of a meeting as written; a correction adds a version, the old one stays."""

    __tablename__ = "meeting_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5), default="")
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(50), default="")
    recorder: Mapped[str] = mapped_column(String(50), default="")
    speaker: Mapped[str] = mapped_column(String(50), default="")
    topic: Mapped[str] = mapped_column(String(200), default="")
    #: attendance, agenda items, discussion, resolutions and votes, as JSON
    content: Mapped[str] = mapped_column(Text, default="{}")
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class MeetingAttachment(Base):
    """A scan attached to a meeting (sign-in sheet, photos), stored by SHA-256."""

    __tablename__ = "meeting_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    media_type: Mapped[str] = mapped_column(String(50), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(ForeignKey("material_blobs.sha256"))
    added_by: Mapped[str] = mapped_column(String(50))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Transfer(Versioned, Base):
    """An organisation transfer (组织关系转接), outgoing or incoming, with its letter."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_year_serial", "issuing_committee_id", "year", "serial"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # "out" or "in"
    #: "letter" (党员组织关系介绍信) or "materials" (发展材料转递, for people in development)
    kind: Mapped[str] = mapped_column(String(20), default="letter", server_default="letter")
    #: the member; for an incoming letter not yet placed in a branch, None until placed
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    #: incoming: the person as the letter names them (matched to a member when placed)
    person_name: Mapped[str] = mapped_column(String(50), default="")
    person_id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    person_stage: Mapped[str] = mapped_column(String(20), default="")
    #: issued (out, awaiting the receipt), closed (receipt back), voided; received/placed (in)
    state: Mapped[str] = mapped_column(String(20), index=True)
    letter_number: Mapped[str] = mapped_column(String(50), index=True)
    issuing_committee_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer, default=0)
    from_organisation: Mapped[str] = mapped_column(String(200))
    to_organisation: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    dues_year: Mapped[int] = mapped_column(Integer)
    dues_month: Mapped[int] = mapped_column(Integer)
    validity_days: Mapped[int] = mapped_column(Integer, default=30)
    issue_date: Mapped[dt.date] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(String(50), default="")
    member_phone: Mapped[str] = mapped_column(String(40), default="")
    void_reason: Mapped[str] = mapped_column(Text, default="")
    receipt_date: Mapped[dt.date | None] = mapped_column(Date)
    receipt_organisation: Mapped[str] = mapped_column(String(200), default="")
    receipt_handler: Mapped[str] = mapped_column(String(50), default="")
    receipt_phone: Mapped[str] = mapped_column(String(40), default="")
    #: incoming: the day the letter arrived, the day our receipt went back
    arrival_date: Mapped[dt.date | None] = mapped_column(Date)
    receipt_sent_date: Mapped[dt.date | None] = mapped_column(Date)
    #: SHA-256 of the last transfer package exported for (out) or imported from (in) it
    package_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

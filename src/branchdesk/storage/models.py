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
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

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


class Organisation(Base):
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


class CommitteePost(Base):
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


class Member(Base):
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
    voided: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    #: lower-case search text: name, pinyin initials and full pinyin (all readings)
    search_key: Mapped[str] = mapped_column(String(400), default="")
    #: pinyin initials of the name, all readings ("zs", "sx|dx|cx"), for the commonest search
    pinyin_initials: Mapped[str] = mapped_column(String(100), default="")
    #: pinyin of the name, for sorting by name in pinyin order
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __audit_ignore__ = frozenset({"search_key", "pinyin_initials", "sort_key", "join_month"})

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


class User(Base):
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

    __audit_redact__ = frozenset({"password_hash"})
    __audit_ignore__ = frozenset({"failed_attempts", "locked_until", "last_login"})


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

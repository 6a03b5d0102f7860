"""The log file holds no ID numbers, phone numbers or SQL parameter lists."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from branchdesk.app import log, setup_logging
from branchdesk.core.idnumber import make_id_number
from branchdesk.log_redaction import redact
from branchdesk.paths import AppPaths
from branchdesk.storage.migrate import create_database
from branchdesk.storage.models import Member

ID_NUMBER = make_id_number("110105", dt.date(1990, 3, 7), 21)
PHONE = "13912345678"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The program's own log set-up, writing into a temporary folder."""
    before = list(log.handlers)
    path = setup_logging(AppPaths.default())
    yield path
    for handler in log.handlers:
        if handler not in before:
            handler.close()
            log.removeHandler(handler)


def _member(branch_id: int, name: str) -> Member:
    return Member(
        name=name, gender="男", id_number=ID_NUMBER, birth_date=dt.date(1990, 3, 7),
        stage="full", branch_id=branch_id, phone=PHONE, search_key=name,
        pinyin_initials="", sort_key=name,
    )


def _duplicate_member_error(session: Session) -> IntegrityError:
    """A real failure whose statement carries a member's ID number and phone."""
    from branchdesk.storage.models import Organisation

    branch = Organisation(kind="branch", name="第一党支部", parent_id=None)
    session.add(branch)
    session.flush()
    session.add(_member(branch.id, "张三"))
    session.flush()
    session.add(_member(branch.id, "张三"))
    with pytest.raises(IntegrityError) as caught:
        session.flush()
    session.rollback()
    return caught.value


def test_a_logged_database_failure_names_no_id_number_or_phone(
    tmp_path: Path, log_file: Path,
) -> None:
    db = create_database(tmp_path / "db.sqlite")
    try:
        with db.read() as session:
            error = _duplicate_member_error(session)
        try:
            raise error
        except IntegrityError:
            log.exception("saving member %s (phone %s) failed", ID_NUMBER, PHONE)
    finally:
        db.dispose()
    for handler in log.handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "UNIQUE constraint failed: members.id_number" in text  # the failure is still there
    assert ID_NUMBER not in text and PHONE not in text
    assert "[身份证号已隐去]" in text and "[手机号已隐去]" in text


def test_sqlalchemy_parameter_lists_are_dropped(tmp_path: Path, log_file: Path) -> None:
    """Whatever engine raised it, the error's ``[parameters: …]`` line does not reach the log."""
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    from branchdesk.storage.models import Base

    Base.metadata.create_all(engine)
    with Session(engine) as session:
        error = _duplicate_member_error(session)
    engine.dispose()
    assert "[parameters:" in str(error) and ID_NUMBER in str(error)  # as SQLAlchemy words it
    try:
        raise error
    except IntegrityError:
        logging.getLogger("branchdesk.storage").exception("insert failed")
    for handler in log.handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "insert failed" in text and "[parameters: 已隐去]" in text
    assert ID_NUMBER not in text and PHONE not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"id {ID_NUMBER} ok", "id [身份证号已隐去] ok"),
        ("id 11010519900307002X.", "id [身份证号已隐去]."),
        ("phone 13912345678", "phone [手机号已隐去]"),
        ("phone +86 13912345678", "phone [手机号已隐去]"),
        ("a 12-digit 139123456789 and 17-digit 12345678901234567", None),
        ("hash 0a11010519900307002100ff", None),
        ("landline 010-62345678, count 12345", None),
        ("[SQL: INSERT …]\n[parameters: ('张三', '110105…')]\n(Background…)",
         "[SQL: INSERT …]\n[parameters: 已隐去]\n(Background…)"),
    ],
)
def test_what_is_masked(text: str, expected: str | None) -> None:
    assert redact(text) == (text if expected is None else expected)

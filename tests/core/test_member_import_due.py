"""After an import the rules work on the imported history: what each stage has due next."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from branchdesk.core.actor import Actor
from branchdesk.core.development import DevelopmentDueProvider
from branchdesk.core.idnumber import make_id_number
from branchdesk.core.rulebook import due_actions, next_step
from branchdesk.core.services import Services
from branchdesk.storage.integrity import verify_database

TODAY = dt.date(2026, 11, 26)  # conftest's TODAY
HEADERS = ("姓名", "公民身份号码", "人员类别", "所在党支部", "申请入党日期",
           "确定入党积极分子日期", "确定发展对象日期", "接收预备党员日期", "转为正式党员日期")


def import_one(services: Services, clerk: Actor, tmp_path: Path, stage: str,
               *dates: str | None) -> int:
    book = Workbook()
    book.active.append(list(HEADERS))
    number = make_id_number("330127", dt.date(1995, 3, 8), 21)
    book.active.append(["周明", number, stage, "第一党支部", *dates])
    book.save(tmp_path / "one.xlsx")
    preview = services.member_import.preview(tmp_path / "one.xlsx")
    assert preview.problems == ()
    return services.member_import.import_preview(clerk, preview).member_ids[0]


def due_for(services: Services, member_id: int, today: dt.date = TODAY) -> list[tuple[Any, ...]]:
    return [(i.kind, i.due, i.overdue(today))
            for i in DevelopmentDueProvider(services.db).due_items(today)
            if i.member_id == member_id]


def test_an_applicant_is_due_the_talk(services: Services, clerk: Actor, tmp_path: Path) -> None:
    member = import_one(services, clerk, tmp_path, "入党申请人", "2026-11-10")
    assert due_for(services, member) == [("application_talk", dt.date(2026, 12, 10), False)]
    assert next_step(services.development.history(member), TODAY) == 2


def test_an_activist_without_a_review_shows_one_due(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "入党积极分子", "2026-01-05", "2026-05-01")
    # the application's talk is not asked for: the file is past it
    assert due_for(services, member) == [("activist_review", dt.date(2026, 11, 1), True)]
    # and the development page's 下一步 is after the last milestone, not the gap before it
    assert next_step(services.development.history(member), TODAY) == 4


def test_an_activist_of_a_year_is_also_eligible_as_candidate(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "入党积极分子", None, "2025-11-20")
    assert due_for(services, member) == [
        ("activist_review", dt.date(2026, 5, 20), True),
        ("candidate_eligible", dt.date(2026, 11, 20), False),
    ]


def test_a_candidate_owes_nothing_of_the_activist_stage(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "发展对象", "2024-03-01", "2024-09-01",
                        "2025-10-08")
    assert due_for(services, member) == []
    # a 发展对象 has passed step 8 (filing or approval and 公示): the sponsors come next
    assert next_step(services.development.history(member), TODAY) == 9


def test_a_probationary_member_shows_when_the_probation_ends(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "预备党员", None, None, None, "2025-12-10")
    due = due_for(services, member)
    assert ("probation_ending", dt.date(2026, 12, 10), False) in due
    # the oath (within a month of approval) was due long before the import: history, not a
    # reminder; nothing of the earlier stages is asked for either
    assert due == [("probation_ending", dt.date(2026, 12, 10), False)]
    later = due_for(services, member, dt.date(2026, 12, 11))
    assert ("probation_ended", dt.date(2026, 12, 10), True) in later


def test_a_full_members_completed_history_raises_nothing(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "正式党员", "2016-03-01", "2016-09-01",
                        "2017-09-10", "2018-07-01", "2019-07-01")
    assert due_for(services, member) == []
    history = services.development.history(member)
    assert history.conversion_outcome == "按期转正"
    assert due_actions(history, TODAY) == []
    assert services.todo.items(TODAY) == [i for i in services.todo.items(TODAY)
                                          if i.member_id != member]


def test_someone_without_milestone_dates_gets_no_development_file(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    member = import_one(services, clerk, tmp_path, "入党申请人")
    assert services.development.records(member) == []
    assert services.development.file_number(member) is None
    assert due_for(services, member) == []


def test_file_numbers_continue_the_years_numbering(
    services: Services, clerk: Actor, tmp_path: Path, add_member: Any
) -> None:
    from branchdesk.core.development import StepInput
    from branchdesk.core.vocab import Stage

    applicant = add_member("钱七", sequence=17, stage=Stage.APPLICANT, join_date=None,
                           full_member_date=None)
    services.development.record(clerk, applicant, StepInput(1, dt.date(2026, 3, 1)))
    assert services.development.file_number(applicant) == "FZ2026-0001"
    member = import_one(services, clerk, tmp_path, "入党申请人", "2026-11-10")
    assert services.development.file_number(member) == "FZ2026-0002"


@pytest.mark.skipif(sys.platform == "win32", reason="os._exit mid-transaction, POSIX paths")
def test_a_process_killed_mid_import_leaves_the_database_as_it_was(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    book.active.append(list(HEADERS))
    for n in range(300):
        number = make_id_number("330127", dt.date(1970 + n // 100, 1, 1), 1 + 2 * (n % 100))
        book.active.append([f"周{'明亮刚强'[n % 4]}", number, "正式党员", "第一党支部", None,
                            None, None, "2005-07-01", "2006-07-01"])
    book.save(tmp_path / "big.xlsx")
    db_path = services.db.path
    assert db_path is not None
    script = textwrap.dedent(f"""
        import os, datetime as dt
        from pathlib import Path
        from branchdesk.core import member_import_write
        from branchdesk.core.actor import Actor
        from branchdesk.core.services import Services
        from branchdesk.core.vocab import Role
        from branchdesk.storage.database import Database
        from branchdesk.storage.models import StepRecord

        real = member_import_write.insert_audited
        def insert(s, model, rows):
            if model is StepRecord:
                s.flush()
                os._exit(9)   # killed: members and events are written, nothing committed
            real(s, model, rows)
        member_import_write.insert_audited = insert
        db = Database.open_sqlite(Path({str(db_path)!r}))
        sv = Services.build(db, Path({str(tmp_path / 'b')!r}), today=dt.date(2026, 11, 26))
        preview = sv.member_import.preview(Path({str(tmp_path / 'big.xlsx')!r}))
        assert not preview.problems
        sv.member_import.import_preview(Actor("clerk", Role.CLERK, "李录入"), preview)
    """)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 9, done.stderr
    with services.db.read() as s:
        assert verify_database(s).sound
    from branchdesk.storage.roster import RosterFilter

    assert services.members.search_ids(RosterFilter()) == []


def test_a_recent_approval_imported_still_asks_for_the_oath(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    """A time limit still running when the file came in is reminded of as usual."""
    member = import_one(services, clerk, tmp_path, "预备党员", None, None, None, "2026-11-16")
    assert ("oath_due", dt.date(2026, 12, 16), False) in due_for(services, member)


def test_imported_history_is_reviewed_by_the_importing_clerk(
    services: Services, clerk: Actor, tmp_path: Path
) -> None:
    """一步一审 holds for imported history too: each record has its review, as history."""
    member = import_one(services, clerk, tmp_path, "预备党员", "2024-01-05", "2024-05-01",
                        "2025-05-06", "2025-12-10")
    records = services.development.records(member)
    assert [r.step for r in records] == [1, 3, 7, 8, 15, 17]  # a 发展对象 from step 8 on
    for record in records:
        assert record.imported and record.state == "passed"
        (review,) = record.reviews
        assert review.outcome == "passed" and review.reviewer_name == clerk.display_name
        assert "导入的历史记录" in review.opinion
    assert services.audit.verify().sound

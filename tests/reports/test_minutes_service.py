import datetime as dt
import subprocess
from collections.abc import Callable
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.meetings import AgendaItem, MeetingInput, VoteInput
from branchdesk.core.services import Services
from branchdesk.reports.minutes_service import minutes_book, minutes_book_pdf, minutes_pdf


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_meeting_and_book_printed_from_the_database(
    services: Services, clerk: Actor, branch_id: int, add_member: Callable[..., int],
    tmp_path: Path,
) -> None:
    members = [add_member(n, 13 + 2 * i) for i, n in enumerate("张喆 李四 王堃".split())]
    general = MeetingInput(
        MeetingKind.GENERAL_MEETING, branch_id, dt.date(2026, 3, 12), "14:30", "16:00",
        "支部会议室", "张喆", "李四", present=tuple(members[:2]),
        absences=((members[2], "出差"),),
        agenda=(AgendaItem("研究年度工作要点", "大家踊跃发言", "通过年度工作要点",
                           (VoteInput(subject="年度工作要点", entitled=3, present=2, yes=2),)),),
    )
    first = services.meetings.record(clerk, general)
    lecture = MeetingInput(
        MeetingKind.PARTY_LECTURE, branch_id, dt.date(2026, 1, 20), "09:00", "10:30",
        "支部会议室", "张喆", "李四", speaker="张喆", topic="学习党章", present=tuple(members),
        agenda=(AgendaItem("专题党课"),),
    )
    services.meetings.record(clerk, lecture)
    text = _text(minutes_pdf(services, first), tmp_path)
    for word in ("支部党员大会", "研究年度工作要点", "王堃（出差）", "赞成2票", "通过"):
        assert word in text, word
    book = minutes_book(services, branch_id, 2026)
    assert [m.kind for m in book.meetings] == ["党课", "支部党员大会"]  # date order
    assert [m.number for m in book.meetings] == ["2026-01", "2026-02"]
    book_text = _text(minutes_book_pdf(services, branch_id, 2026), tmp_path)
    assert "2026年度会议记录" in book_text and "学习党章" in book_text

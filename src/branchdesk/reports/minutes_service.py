"""Assembles meeting records from the database and prints them (one meeting, a year's book)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import BinaryIO

from branchdesk.core.dates import fmt
from branchdesk.core.errors import NotFound
from branchdesk.core.meetings import MeetingDetail, MeetingFilter, vote_subjects
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.reports.check_code import with_check_code
from branchdesk.reports.minutes import render_minutes, render_minutes_book
from branchdesk.reports.minutes_data import AgendaBlock, MinutesBook, MinutesData, VoteLine


def _time(start: str, end: str) -> str:
    if start and end:
        return f"{start}—{end}"
    return start or end


def minutes_data(services: Services, detail: MeetingDetail, number: str = "") -> MinutesData:
    """One meeting's current record as printed; corrections are noted."""
    current = detail.current
    data, names = current.data, current.names
    present = [names.get(i, "") for i in data.present]
    absent = [f"{names.get(i, '')}（{reason}）" for i, reason in data.absences]
    results: dict[int, tuple[VoteLine, ...]] = dict.fromkeys(range(len(data.agenda)), ())
    by_item: dict[int, list[VoteLine]] = {}
    for index, result in current.votes:
        vote = result.vote
        subject = vote_subjects([vote], names)[0]
        by_item.setdefault(index, []).append(
            VoteLine(
                subject, vote.method, vote.entitled, vote.present, vote.written, vote.yes,
                vote.against, vote.abstain, result.quorum_text, result.result_text,
                result.passed,
            )
        )
    results.update({k: tuple(v) for k, v in by_item.items()})
    version_note = ""
    if len(detail.versions) > 1:
        version_note = (
            f"第 {current.version} 版（更正）：{current.correction_reason}；"
            f"原记录（第 1 至 {current.version - 1} 版）保留在支部台账中"
        )
    return MinutesData(
        number=number,
        kind=detail.kind.label,
        organisation=detail.organisation,
        title=services.meetings.title_of(data),
        date=fmt(data.date),
        time=_time(data.start_time, data.end_time),
        place=data.place,
        host=data.host,
        recorder=data.recorder,
        speaker=data.speaker,
        topic=data.topic,
        expected=f"{len(current.expected)} 人",
        present=f"{len(present)} 人" + (f"：{'、'.join(present)}" if present else ""),
        absent="、".join(absent),
        guests=data.guests,
        agenda=tuple(
            AgendaBlock(item.title, item.discussion, item.resolution, results[index])
            for index, item in enumerate(data.agenda)
        ),
        discussion=data.discussion,
        resolutions=data.resolutions,
        attachments=tuple(
            f"{a.title}（扫描件 {a.file_name}，SHA-256 {a.sha256[:12]}…）"
            for a in detail.attachments
        ),
        version_note=version_note,
        quorum_note=current.quorum_note,
    )


@with_check_code
def minutes_pdf(services: Services, meeting_id: int) -> bytes:
    """One meeting's 会议记录 as a PDF."""
    buffer = io.BytesIO()
    render_minutes(minutes_data(services, services.meetings.get(meeting_id)), buffer)
    return buffer.getvalue()


def minutes_book(
    services: Services, branch_id: int, year: int, today: dt.date | None = None
) -> MinutesBook:
    """A branch's meetings of one year (its groups' included), in date order, numbered."""
    branch = services.organisations.get(branch_id)
    if branch.kind is not OrgKind.BRANCH:
        raise NotFound("请选择一个党支部")
    rows = services.meetings.search(
        MeetingFilter(branch_ids=(branch_id,), start=dt.date(year, 1, 1),
                      end=dt.date(year, 12, 31))
    )
    rows.sort(key=lambda r: (r.date, r.id))
    meetings = tuple(
        minutes_data(services, services.meetings.get(r.id), f"{year}-{n:02d}")
        for n, r in enumerate(rows, 1)
    )
    committee = next(
        (n.name for n in services.organisations.all_nodes() if n.kind is OrgKind.COMMITTEE), ""
    )
    return MinutesBook(branch.name, committee, year, meetings, fmt(today or dt.date.today()))


@with_check_code
def minutes_book_pdf(services: Services, branch_id: int, year: int) -> bytes:
    """The year's minutes book of a branch as a PDF."""
    buffer = io.BytesIO()
    render_minutes_book(minutes_book(services, branch_id, year), buffer)
    return buffer.getvalue()


@with_check_code
def save_minutes_book(
    services: Services, branch_id: int, year: int, target: Path | BinaryIO
) -> None:
    render_minutes_book(minutes_book(services, branch_id, year), target)


"""Meeting minutes (三会一课): recording, correcting as new versions, votes, search."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.dates import fmt
from branchdesk.core.development import DevelopmentService, StepInput
from branchdesk.core.edit_conflict import guarded_write, refuse_if_changed
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.materials import MAX_SCAN_BYTES, sniff_media_type
from branchdesk.core.meeting_rules import MeetingKind
from branchdesk.core.rulebook import SECRET_BALLOT, VOTE_METHODS, passes, quorum, rulebook_on
from branchdesk.core.rulebook.checks import meeting_quorum
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.search_keys import normalise_query
from branchdesk.core.vocab import OrgKind, Role, Stage, Status
from branchdesk.storage.database import Database
from branchdesk.storage.models import (
    CommitteePost,
    CommitteeTerm,
    MaterialBlob,
    Meeting,
    MeetingAttachment,
    MeetingVersion,
    Member,
    Organisation,
)

RECORDERS = (Role.ADMIN, Role.CLERK)
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
ADMISSION, CONVERSION = "admission", "conversion"
PURPOSE_STEPS = {ADMISSION: 15, CONVERSION: 23}
PURPOSE_LABELS = {ADMISSION: "接收预备党员", CONVERSION: "预备党员转正"}
RULE = "《中国共产党支部工作条例（试行）》"


@dataclass(frozen=True)
class VoteInput:
    """A vote on an agenda item; for an admission or conversion, one vote per candidate."""

    subject: str = ""
    method: str = SECRET_BALLOT
    entitled: int = 0  # full members entitled to vote
    present: int = 0  # of them present
    written: int = 0  # written votes handed in before the meeting (counted in yes/against/…)
    yes: int = 0
    against: int = 0
    abstain: int = 0
    candidate_id: int | None = None
    purpose: str = ""  # "", "admission" (step 15) or "conversion" (step 23)
    outcome: str = ""  # for a conversion: 按期转正 / 延长预备期 / 取消预备党员资格
    extension_months: int = 0


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item (议题) with its discussion, resolution and votes."""

    title: str
    discussion: str = ""
    resolution: str = ""
    votes: tuple[VoteInput, ...] = ()


@dataclass(frozen=True)
class MeetingInput:
    """A meeting record as the editor provides it."""

    kind: MeetingKind
    organisation_id: int  # the branch, or the group for a 党小组会
    date: dt.date
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    host: str = ""
    recorder: str = ""
    speaker: str = ""
    topic: str = ""
    present: tuple[int, ...] = ()
    absences: tuple[tuple[int, str], ...] = ()  # (member id, reason) of each absent member
    guests: str = ""
    agenda: tuple[AgendaItem, ...] = ()
    discussion: str = ""
    resolutions: str = ""


@dataclass(frozen=True)
class Attendee:
    """A member who should attend (应到) a meeting; ``can_vote`` for full members."""

    member_id: int
    name: str
    stage: Stage
    can_vote: bool


@dataclass(frozen=True)
class VoteResult:
    """A vote with its quorum and majority worked out as the regulations state them."""

    vote: VoteInput
    quorum: bool
    passed: bool
    quorum_text: str
    result_text: str


@dataclass(frozen=True)
class MeetingVersionView:
    """One version of a meeting's record."""

    version: int
    data: MeetingInput
    expected: tuple[Attendee, ...]
    names: Mapping[int, str]
    correction_reason: str
    recorded_by: str
    recorded_at: dt.datetime
    votes: tuple[tuple[int, VoteResult], ...]  # (agenda index, result)
    quorum_note: str


@dataclass(frozen=True)
class AttachmentInfo:
    """A scan attached to a meeting."""

    id: int
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MeetingDetail:
    """A meeting with every version of its record (the last is current)."""

    id: int
    kind: MeetingKind
    organisation_id: int
    organisation: str
    branch_id: int
    branch: str
    versions: tuple[MeetingVersionView, ...]
    attachments: tuple[AttachmentInfo, ...] = ()
    #: the version loaded; a correction passes it back so that it cannot overwrite a newer one
    row_version: int = 1

    @property
    def current(self) -> MeetingVersionView:
        return self.versions[-1]


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings a search lists."""

    text: str = ""
    kind: MeetingKind | None = None
    branch_ids: tuple[int, ...] | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class MeetingRow:
    """A meeting in the list."""

    id: int
    kind: MeetingKind
    date: dt.date
    organisation: str
    title: str
    version: int


@dataclass
class _Check:
    errors: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, message: str) -> None:
        self.errors.setdefault(key, message)


def judge(vote: VoteInput, meeting_ok: bool = True, on: dt.date | None = None) -> VoteResult:
    """A vote's quorum and majority as the regulations state them.

    An admission or a conversion (细则) needs MORE than half of the full members entitled to
    vote present; any other vote of a meeting needs half or more (半数以上, 支部工作条例第十一、
    十二条). Every decision needs YES votes (written ones included) of more than half of those
    entitled. ``meeting_ok``: the meeting itself was validly held; ``on``: its date, which
    chooses the rulebook an admission's or a conversion's quorum is cited from."""
    strict = vote.purpose in PURPOSE_STEPS
    counts_ok = (quorum if strict else meeting_quorum)(vote.entitled, vote.present)
    has_quorum = counts_ok and meeting_ok
    passed = has_quorum and passes(vote.entitled, vote.yes)
    half = vote.entitled / 2
    if strict:
        key = "admission_quorum" if vote.purpose == ADMISSION else "conversion_quorum"
        cite = citation(key, rulebook_on(on or dt.date.today()).version)
        enough = "超过半数"
        short = (f"未超过半数，不能表决（{PURPOSE_LABELS[vote.purpose]}须有表决权的正式党员"
                 f"超过半数到会，{cite}）")
    else:
        enough, short = "半数以上到会", "不足半数，不能表决"
    if has_quorum:
        tail = f"{enough}，符合规定"
    elif counts_ok:
        tail = f"{enough}，但本次会议到会人数不足半数，不能表决"
    else:
        tail = short
    quorum_text = f"应到有表决权的正式党员 {vote.entitled} 人，实到 {vote.present} 人，{tail}"
    written = f"（含会前书面意见 {vote.written} 票）" if vote.written else ""
    if not has_quorum:
        result = "到会人数未达规定，表决无效，未通过"
    else:
        result = (
            f"赞成 {vote.yes} 票{written}、反对 {vote.against} 票、弃权 {vote.abstain} 票；"
            + ("赞成票超过应到会有表决权的正式党员半数，通过" if vote.yes > half
               else "赞成票未超过应到会有表决权的正式党员半数，未通过")
        )
    return VoteResult(vote, has_quorum, passed, quorum_text, result)


#: the meetings whose holding needs half or more present, and who counts (支部工作条例)
QUORUM_WHO = {MeetingKind.GENERAL_MEETING: "有表决权的正式党员",
              MeetingKind.COMMITTEE_MEETING: "支部委员"}


def attendance_counts(
    kind: MeetingKind, expected: Sequence[Attendee], present: set[int]
) -> tuple[int, int] | None:
    """(entitled, present) that a meeting's quorum counts: the voting members of a 支部党员大会,
    the committee at a 支委会; None for a kind held without a quorum."""
    if kind is MeetingKind.GENERAL_MEETING:
        voters = [a for a in expected if a.can_vote]
        return len(voters), sum(1 for a in voters if a.member_id in present)
    if kind is MeetingKind.COMMITTEE_MEETING:
        return len(expected), sum(1 for a in expected if a.member_id in present)
    return None


def attendance_text(kind: MeetingKind, entitled: int, present: int) -> str:
    """What the minutes editor says of a 支部党员大会's or 支委会's attendance: held with half or
    more present (以上 includes the number); an admission or a conversion needs more."""
    who, cite = QUORUM_WHO[kind], citation(kind.value)
    counts = f"应到{who} {entitled} 人，实到 {present} 人"
    if not meeting_quorum(entitled, present):
        return (f"注意：{counts}，不足半数——本次会议不能作出决定，所有表决均无效"
                f"（{cite}：半数以上到会方可召开）。")
    text = f"{counts}，半数以上到会，符合规定（{cite}）。"
    if kind is MeetingKind.GENERAL_MEETING and not quorum(entitled, present):
        text += ("注意：讨论接收预备党员和预备党员转正须有表决权的正式党员超过半数到会，"
                 "本次不能表决。")
    return text


def _content(data: MeetingInput) -> dict[str, Any]:
    return {
        "present": list(data.present),
        "absences": [list(a) for a in data.absences],
        "guests": data.guests,
        "agenda": [asdict(item) for item in data.agenda],
        "discussion": data.discussion,
        "resolutions": data.resolutions,
    }


def _input_from(m: Meeting, v: MeetingVersion) -> MeetingInput:
    c = json.loads(v.content or "{}")
    agenda = tuple(
        AgendaItem(
            a["title"], a.get("discussion", ""), a.get("resolution", ""),
            tuple(VoteInput(**vote) for vote in a.get("votes", [])),
        )
        for a in c.get("agenda", [])
    )
    return MeetingInput(
        MeetingKind(m.kind), m.organisation_id, v.date, v.start_time, v.end_time, v.place,
        v.host, v.recorder, v.speaker, v.topic, tuple(c.get("present", [])),
        tuple((int(i), str(r)) for i, r in c.get("absences", [])), c.get("guests", ""),
        agenda, c.get("discussion", ""), c.get("resolutions", ""),
    )


class MeetingService:
    """Records meetings (每次一记), keeps corrections as versions, links votes to the files."""

    def __init__(
        self, db: Database, development: DevelopmentService, today: dt.date | None = None
    ) -> None:
        self.db = db
        self.development = development
        self._today = today

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # who attends ------------------------------------------------------------------------

    def branch_of(self, s: Session, organisation_id: int) -> Organisation:
        org = s.get(Organisation, organisation_id)
        if org is None:
            raise NotFound(f"组织 {organisation_id} 不存在")
        if org.kind == OrgKind.GROUP.value:
            parent = s.get(Organisation, org.parent_id) if org.parent_id else None
            if parent is None:
                raise NotFound("党小组没有所属党支部")
            return parent
        return org

    def expected_attendees(
        self, kind: MeetingKind, organisation_id: int, day: dt.date
    ) -> list[Attendee]:
        """Who should attend (应到): the committee, the group, or the branch's members."""
        with self.db.read() as s:
            return self._expected(s, kind, organisation_id, day)

    def _expected(
        self, s: Session, kind: MeetingKind, organisation_id: int, day: dt.date
    ) -> list[Attendee]:
        members: Iterable[Member]
        if kind is MeetingKind.COMMITTEE_MEETING:
            members = s.scalars(
                select(Member)
                .join(CommitteePost, CommitteePost.member_id == Member.id)
                .join(CommitteeTerm, CommitteeTerm.id == CommitteePost.term_id)
                .where(
                    CommitteeTerm.organisation_id == organisation_id,
                    CommitteeTerm.start_date <= day, CommitteeTerm.end_date >= day,
                    CommitteePost.start_date <= day,
                    or_(CommitteePost.end_date.is_(None), CommitteePost.end_date >= day),
                )
                .distinct()
                .order_by(Member.sort_key)
            )
        else:
            column = Member.group_id if kind is MeetingKind.GROUP_MEETING else Member.branch_id
            members = s.scalars(
                select(Member)
                .where(
                    column == organisation_id,
                    Member.stage.in_((Stage.PROBATIONARY.value, Stage.FULL.value)),
                    Member.status == Status.NORMAL.value,
                    Member.voided.is_(False),
                )
                .order_by(Member.sort_key)
            )
        return [
            Attendee(m.id, m.name, Stage(m.stage), m.stage == Stage.FULL.value) for m in members
        ]

    def has_committee(self, branch_id: int, day: dt.date) -> bool:
        with self.db.read() as s:
            return bool(self._expected(s, MeetingKind.COMMITTEE_MEETING, branch_id, day))

    # checking -----------------------------------------------------------------------------

    def _check(self, s: Session, data: MeetingInput) -> tuple[list[Attendee], _Check]:
        check = _Check()
        org = s.get(Organisation, data.organisation_id)
        if org is None:
            raise NotFound(f"组织 {data.organisation_id} 不存在")
        wants_group = data.kind is MeetingKind.GROUP_MEETING
        if wants_group and org.kind != OrgKind.GROUP.value:
            check.add("organisation_id", "党小组会请选择党小组")
        if not wants_group and org.kind != OrgKind.BRANCH.value:
            check.add("organisation_id", f"{data.kind.label}请选择党支部")
        if data.date > self.today():
            check.add("date", f"会议日期不能晚于今天（{fmt(self.today())}）")
        for key, value in (("start_time", data.start_time), ("end_time", data.end_time)):
            if value and not TIME.match(value):
                check.add(key, "时间请写成 24 小时制的“时:分”，如 14:30")
        if data.start_time and data.end_time and data.end_time <= data.start_time:
            check.add("end_time", "结束时间应晚于开始时间")
        for key, value, label in (("place", data.place, "地点"), ("host", data.host, "主持人"),
                                  ("recorder", data.recorder, "记录人")):
            if not value.strip():
                check.add(key, f"请填写{label}")
        if data.kind is MeetingKind.PARTY_LECTURE:
            if not data.speaker.strip():
                check.add("speaker", "党课请填写授课人")
            if not data.topic.strip():
                check.add("topic", "党课请填写题目")
        expected = self._expected(s, data.kind, data.organisation_id, data.date)
        if data.kind is MeetingKind.COMMITTEE_MEETING and not expected:
            check.add("kind", f"{org.name}在 {fmt(data.date)} 没有在任的支部委员会，"
                              "请先在“设置 → 组织机构”中登记委员会届次")
        expected_ids = {a.member_id for a in expected}
        present = set(data.present)
        absent = {member_id for member_id, _reason in data.absences}
        if present - expected_ids or absent - expected_ids:
            check.add("present", "实到和缺席人员须是应到人员")
        if present & absent:
            check.add("present", "同一人不能既实到又缺席")
        missing = expected_ids - present - absent
        if missing:
            names = "、".join(a.name for a in expected if a.member_id in missing)
            check.add("absences", f"请登记 {names} 实到或缺席")
        if any(not reason.strip() for _i, reason in data.absences):
            check.add("absences", "请填写每位缺席人员的原因（如：病假、出差）")
        if not data.agenda:
            check.add("agenda", "请至少填写一项议题")
        self._check_votes(s, data, expected, check)
        return expected, check

    def _check_votes(
        self, s: Session, data: MeetingInput, expected: list[Attendee], check: _Check
    ) -> None:
        seen: set[tuple[int, str]] = set()
        for number, item in enumerate(data.agenda, 1):
            if not item.title.strip():
                check.add("agenda", f"第 {number} 项议题没有名称")
            for vote in item.votes:
                where = f"第 {number} 项议题的表决"
                if vote.method not in VOTE_METHODS:
                    check.add("agenda", f"{where}：请选择表决方式")
                if min(vote.entitled, vote.present, vote.written, vote.yes, vote.against,
                       vote.abstain) < 0:
                    check.add("agenda", f"{where}：人数和票数不能为负数")
                if vote.present > vote.entitled:
                    check.add("agenda", f"{where}：实到人数不能多于应到人数")
                if vote.yes + vote.against + vote.abstain > vote.present + vote.written:
                    check.add("agenda", f"{where}：票数合计不能多于实到人数与书面意见之和")
                if vote.purpose:
                    if vote.purpose not in PURPOSE_STEPS:
                        check.add("agenda", f"{where}：表决事项不明")
                        continue
                    if data.kind is not MeetingKind.GENERAL_MEETING:
                        check.add("agenda", f"{PURPOSE_LABELS[vote.purpose]}须由支部党员大会表决")
                    if vote.candidate_id is None:
                        check.add("agenda", f"{where}：请选择表决对象")
                        continue
                    key = (vote.candidate_id, vote.purpose)
                    if key in seen:
                        check.add("agenda", "一次会议对同一人的同一事项只能表决一次（一人一票决）")
                    seen.add(key)
                    candidate = s.get(Member, vote.candidate_id)
                    if candidate is None or candidate.branch_id != data.organisation_id:
                        check.add("agenda", f"{where}：表决对象须是本支部的人员")

    # writing ------------------------------------------------------------------------------

    def record(self, actor: Actor, data: MeetingInput) -> int:
        """Record a meeting; a passed admission or conversion vote fills the candidate's step."""
        actor.require(*RECORDERS)
        with self.db.write(actor.username, f"会议记录 {data.kind.label} {data.date}") as s:
            expected, check = self._check(s, data)
            if check.errors:
                raise ValidationError(check.errors)
            meeting = Meeting(
                kind=data.kind.value, organisation_id=data.organisation_id, date=data.date,
                title=self._title(data), created_by=actor.username,
            )
            s.add(meeting)
            s.flush()
            self._add_version(s, actor, meeting, data, 1, "", expected)
            self._fill_steps(s, actor, meeting, data, expected)
            return meeting.id

    def correct(
        self, actor: Actor, meeting_id: int, data: MeetingInput, reason: str,
        expected_version: int | None = None,
    ) -> int:
        """A corrected version; the record as first written stays, visible in the history.
        Refused (EditConflict) if the meeting changed since ``expected_version`` was loaded."""
        actor.require(*RECORDERS)
        if not reason.strip():
            raise ValidationError({"correction_reason": "请说明更正的原因"})
        with guarded_write(self.db, actor.username, "更正会议记录") as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                raise NotFound("会议记录不存在")
            refuse_if_changed(s, meeting, expected_version)
            if data.kind.value != meeting.kind or data.organisation_id != meeting.organisation_id:
                raise ValidationError({"kind": "更正时不能改变会议类型和召开组织"})
            last = meeting.versions[-1]
            before = _input_from(meeting, last)
            if self._step_votes(before) != self._step_votes(data):
                raise ValidationError(
                    {
                        "agenda": "接收预备党员和转正的表决已记入发展党员档案，"
                        "更正会议记录时不能修改；如表决有误，请在该党员的档案中退回更正"
                    }
                )
            expected, check = self._check(s, data)
            if check.errors:
                raise ValidationError(check.errors)
            self._add_version(s, actor, meeting, data, last.version + 1, reason.strip(), expected)
            meeting.current_version = last.version + 1
            meeting.date, meeting.title = data.date, self._title(data)
            return meeting.current_version

    @staticmethod
    def _step_votes(data: MeetingInput) -> list[VoteInput]:
        return [v for item in data.agenda for v in item.votes if v.purpose]

    @staticmethod
    def title_of(data: MeetingInput) -> str:
        """The line a meeting is listed under: a 党课's topic, else its agenda items."""
        return MeetingService._title(data)

    @staticmethod
    def _title(data: MeetingInput) -> str:
        if data.kind is MeetingKind.PARTY_LECTURE and data.topic.strip():
            return data.topic.strip()
        titles = [item.title.strip() for item in data.agenda if item.title.strip()]
        return "；".join(titles)[:200] or data.kind.label

    def _add_version(
        self, s: Session, actor: Actor, meeting: Meeting, data: MeetingInput, version: int,
        reason: str, expected: list[Attendee],
    ) -> None:
        content = _content(data)
        # kept as written: who should have attended, and everyone's name, as on the day
        content["expected"] = [
            [a.member_id, a.name, a.stage.value, a.can_vote] for a in expected
        ]
        involved = {vote.candidate_id for item in data.agenda for vote in item.votes}
        involved |= set(data.present) | {i for i, _r in data.absences}
        known = {a.member_id: a.name for a in expected}
        content["names"] = {
            str(m.id): known.get(m.id, m.name)
            for m in s.scalars(select(Member).where(Member.id.in_(involved - {None})))
        }
        s.add(
            MeetingVersion(
                meeting_id=meeting.id, version=version, date=data.date,
                start_time=data.start_time, end_time=data.end_time, place=data.place.strip(),
                host=data.host.strip(), recorder=data.recorder.strip(),
                speaker=data.speaker.strip(), topic=data.topic.strip(),
                content=json.dumps(content, ensure_ascii=False, sort_keys=True),
                correction_reason=reason, recorded_by=actor.username,
            )
        )
        texts = [data.place, data.host, data.recorder, data.speaker, data.topic, data.guests,
                 data.discussion, data.resolutions]
        for item in data.agenda:
            texts += [item.title, item.discussion, item.resolution]
        meeting.search_text = normalise_query(" ".join(texts))

    def _meeting_quorum(self, data: MeetingInput, expected: list[Attendee]) -> bool:
        """A meeting may be held and decide with half or more present (半数以上): of the
        voting members at a 支部党员大会 (第十一条), of the committee at a 支委会 (第十二条)."""
        counts = attendance_counts(data.kind, expected, set(data.present))
        return counts is None or meeting_quorum(*counts)

    def _fill_steps(
        self, s: Session, actor: Actor, meeting: Meeting, data: MeetingInput,
        expected: list[Attendee],
    ) -> None:
        meeting_ok = self._meeting_quorum(data, expected)
        for item in data.agenda:
            for vote in item.votes:
                if not vote.purpose or vote.candidate_id is None:
                    continue
                if not judge(vote, meeting_ok, data.date).passed:
                    continue
                details: dict[str, Any] = {
                    "entitled": vote.entitled, "present": vote.present,
                    "written_votes": vote.written, "yes": vote.yes, "against": vote.against,
                    "abstain": vote.abstain, "method": vote.method,
                    "resolution": item.resolution,
                }
                if vote.purpose == CONVERSION:
                    details["outcome"] = vote.outcome
                    if vote.extension_months:
                        details["extension_months"] = vote.extension_months
                step = PURPOSE_STEPS[vote.purpose]
                try:
                    self.development.record_in(
                        s, actor, vote.candidate_id,
                        StepInput(
                            step, data.date,
                            content=f"{fmt(data.date)}支部党员大会表决：{item.title}",
                            details=details, meeting_ref=f"会议记录第 {meeting.id} 号",
                        ),
                    )
                except ValidationError as exc:
                    candidate = s.get(Member, vote.candidate_id)
                    name = candidate.name if candidate else ""
                    message = "；".join(exc.errors.values())
                    raise ValidationError(
                        {"agenda": f"{name}的表决结果不能记入发展党员档案：{message}"}
                    ) from None

    # reading ------------------------------------------------------------------------------

    def get(self, meeting_id: int) -> MeetingDetail:
        with self.db.read() as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                raise NotFound("会议记录不存在")
            org = s.get(Organisation, meeting.organisation_id)
            assert org is not None
            branch = self.branch_of(s, org.id)
            views = []
            kind = MeetingKind(meeting.kind)
            for v in meeting.versions:
                data = _input_from(meeting, v)
                stored = json.loads(v.content or "{}")
                expected = [
                    Attendee(int(i), str(n), Stage(st), bool(cv))
                    for i, n, st, cv in stored.get("expected", [])
                ]
                names = {int(k): str(n) for k, n in stored.get("names", {}).items()}
                meeting_ok = self._meeting_quorum(data, expected)
                votes = tuple(
                    (index, judge(vote, meeting_ok, data.date))
                    for index, item in enumerate(data.agenda)
                    for vote in item.votes
                )
                note = "" if meeting_ok else (
                    "到会人数不足应到人数的半数，本次会议不能作出决定（表决均无效）"
                    f"（{citation(kind.value)}）"
                )
                views.append(
                    MeetingVersionView(
                        v.version, data, tuple(expected), names, v.correction_reason,
                        v.recorded_by, v.recorded_at, votes, note,
                    )
                )
            attachments = tuple(
                AttachmentInfo(a.id, a.title, a.file_name, a.media_type, a.size, a.sha256)
                for a in s.scalars(
                    select(MeetingAttachment)
                    .where(MeetingAttachment.meeting_id == meeting.id)
                    .order_by(MeetingAttachment.id)
                )
            )
            return MeetingDetail(
                meeting.id, kind, org.id, org.name, branch.id, branch.name, tuple(views),
                attachments, meeting.row_version,
            )

    def search(self, flt: MeetingFilter) -> list[MeetingRow]:
        """Meetings matching text, type, branches and dates, newest first."""
        query = (
            select(Meeting, Organisation.name)
            .join(Organisation, Organisation.id == Meeting.organisation_id)
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        )
        if flt.kind is not None:
            query = query.where(Meeting.kind == flt.kind.value)
        if flt.start is not None:
            query = query.where(Meeting.date >= flt.start)
        if flt.end is not None:
            query = query.where(Meeting.date <= flt.end)
        if flt.branch_ids is not None:
            query = query.where(
                or_(
                    Meeting.organisation_id.in_(flt.branch_ids),
                    Organisation.parent_id.in_(flt.branch_ids),
                )
            )
        text = normalise_query(flt.text)
        if text:
            query = query.where(Meeting.search_text.contains(text, autoescape=True))
        with self.db.read() as s:
            return [
                MeetingRow(m.id, MeetingKind(m.kind), m.date, org, m.title, m.current_version)
                for m, org in s.execute(query)
            ]

    def held(self, branch_id: int, start: dt.date, end: dt.date
             ) -> dict[tuple[str, int | None], list[dt.date]]:
        """Dates meetings were held, per (kind, group id or None) — for the calendar."""
        with self.db.read() as s:
            groups = set(
                s.scalars(select(Organisation.id).where(Organisation.parent_id == branch_id))
            )
            rows = s.execute(
                select(Meeting.kind, Meeting.organisation_id, Meeting.date).where(
                    Meeting.organisation_id.in_([branch_id, *groups]),
                    Meeting.date >= start, Meeting.date <= end,
                )
            )
            found: dict[tuple[str, int | None], list[dt.date]] = {}
            for kind, org_id, day in rows:
                key = (kind, org_id if org_id in groups else None)
                found.setdefault(key, []).append(day)
            return {k: sorted(v) for k, v in found.items()}

    # attachments --------------------------------------------------------------------------

    def attach(self, actor: Actor, meeting_id: int, source: Path, title: str) -> int:
        """Attach a scan (PDF, JPG, PNG) — a sign-in sheet, a photo — stored by SHA-256."""
        actor.require(*RECORDERS)
        errors = {}
        if not title.strip():
            errors["title"] = "请填写附件名称，如“签到表”"
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ValidationError({"file": f"无法读取文件“{source}”：{exc.strerror}"}) from None
        sniffed = sniff_media_type(data)
        if not data or len(data) > MAX_SCAN_BYTES or sniffed is None:
            errors["file"] = "附件须是不超过 50 MB 的 PDF、JPG 或 PNG 文件"
        if errors:
            raise ValidationError(errors)
        assert sniffed is not None
        digest = hashlib.sha256(data).hexdigest()
        with self.db.write(actor.username, f"会议附件 {title.strip()}") as s:
            if s.get(Meeting, meeting_id) is None:
                raise NotFound("会议记录不存在")
            if s.get(MaterialBlob, digest) is None:
                s.add(MaterialBlob(sha256=digest, data=data))
                s.flush()
            attachment = MeetingAttachment(
                meeting_id=meeting_id, title=title.strip(), file_name=Path(source).name,
                media_type=sniffed[0], size=len(data), sha256=digest, added_by=actor.username,
            )
            s.add(attachment)
            s.flush()
            return attachment.id

    def attachment_bytes(self, attachment_id: int) -> bytes:
        from branchdesk.core.materials import MaterialDamaged

        with self.db.read() as s:
            attachment = s.get(MeetingAttachment, attachment_id)
            if attachment is None:
                raise NotFound("附件不存在")
            blob = s.get(MaterialBlob, attachment.sha256)
            data = blob.data if blob else b""
            expected, title = attachment.sha256, attachment.title
        if hashlib.sha256(data).hexdigest() != expected:
            raise MaterialDamaged(f"附件“{title}”已损坏（校验值不符），请从备份恢复")
        return data


def vote_subjects(votes: Sequence[VoteInput], names: Mapping[int, str]) -> list[str]:
    """Human subjects of votes: 接收张三为预备党员, or the subject the clerk wrote."""
    subjects = []
    for vote in votes:
        if vote.purpose == ADMISSION and vote.candidate_id is not None:
            subjects.append(f"接收{names.get(vote.candidate_id, '')}为预备党员")
        elif vote.purpose == CONVERSION and vote.candidate_id is not None:
            outcome = vote.outcome or "转正"
            subjects.append(f"{names.get(vote.candidate_id, '')}{outcome}")
        else:
            subjects.append(vote.subject or "表决")
    return subjects

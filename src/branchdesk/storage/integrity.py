"""Checks of a database's integrity: SQLite's own, the audit chain, its anchors and replay."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from branchdesk.storage.anchors import Anchor
from branchdesk.storage.audit import GENESIS_HASH, entry_hash
from branchdesk.storage.replay_check import ReplayCheck

log = logging.getLogger("branchdesk")

DAMAGED = (
    "数据库文件已损坏：有页面无法读取，无法完成校验。请勿继续使用此文件，请从备份恢复"
    "（先用 branchdesk verify --db 备份文件 确认备份完好）。"
)


@dataclass
class IntegrityReport:
    """The outcome of ``verify``: what was checked and every problem found (up to a limit)."""

    entries_checked: int = 0
    records_checked: int = 0
    files_checked: int = 0
    anchors_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def check_sqlite(session: Session) -> list[str]:
    """Run SQLite's integrity and foreign-key checks; return problems in Chinese."""
    problems = []
    result = [row[0] for row in session.execute(text("PRAGMA integrity_check")).all()]
    if result != ["ok"]:  # SQLite's own words (English) go to the log, not to the clerk
        log.warning("integrity_check: %s", "; ".join(result[:20]))
        problems.append(
            f"数据库文件结构损坏：SQLite 完整性检查发现 {len(result)} 处问题（详见日志）。"
            "请勿继续使用此文件，请从备份恢复。"
        )
    fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if fk:
        problems.append(f"数据库中有 {len(fk)} 处引用了不存在的记录（首处：表 {fk[0][0]}）")
    return problems


def _check_chain(session: Session, report: IntegrityReport, anchors: list[Anchor]) -> bool:
    """Walk the chain in order; check every anchor against it. False if the chain is broken."""
    waiting = sorted(anchors, key=lambda a: a.entry_id)
    position = 0
    mismatched = 0
    prev_hash = GENESIS_HASH
    previous_id = 0
    rows = session.execute(
        text(
            'SELECT id, "at", actor, action, table_name, record_id, member_id, summary,'
            " changes, prev_hash, hash FROM audit_log ORDER BY id"
        )
    )
    for entry_id, at, actor, action, table, record, member, summary, changes, prev, digest in rows:
        report.entries_checked += 1
        moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
        if entry_id != previous_id + 1:
            report.problems.append(
                f"审计记录不连续：第 {previous_id} 条之后是第 {entry_id} 条（有记录被删除）"
            )
            return False
        expected = entry_hash(
            entry_id, moment, actor, action, table, record, member, summary, changes, prev_hash
        )
        if prev != prev_hash or digest != expected:
            report.problems.append(
                f"审计记录第 {entry_id} 条（{moment:%Y-%m-%d %H:%M}，{actor}）"
                "已被改动，校验值不符"
            )
            return False
        while position < len(waiting) and waiting[position].entry_id == entry_id:
            anchor = waiting[position]
            report.anchors_checked += 1
            if anchor.hash != digest:
                mismatched += 1
                if mismatched == 1:  # the earliest says where the rewriting starts
                    report.problems.append(
                        f"审计记录已被截断或改写：{anchor.where()}记录第 {entry_id} 条的校验值为 "
                        f"{anchor.hash[:16]}…，数据库中第 {entry_id} 条的校验值却是 {digest[:16]}…"
                    )
            position += 1
        prev_hash, previous_id = digest, entry_id
    if mismatched > 1:
        report.problems.append(f"此后另有 {mismatched - 1} 个锚点与审计记录不符")
    beyond = waiting[position:]
    if beyond:  # the earliest missing anchor says it; the later ones say the same
        report.anchors_checked += len(beyond)
        report.problems.append(
            f"审计记录已被截断或改写：{beyond[0].where()}记录审计记录已有第 "
            f"{beyond[0].entry_id} 条，数据库中却只有 {previous_id} 条"
            + (f"（共 {len(beyond)} 个锚点超出）" if len(beyond) > 1 else "")
        )
    return True


def _check_files(session: Session, report: IntegrityReport) -> None:
    """Re-hash every stored scan: its bytes must still have the SHA-256 it is stored under."""
    blobs = text("SELECT sha256, CAST(data AS BLOB) FROM material_blobs")
    for sha256, data in session.execute(blobs):
        report.files_checked += 1
        if hashlib.sha256(bytes(data or b"")).hexdigest() != sha256:
            titles = session.execute(
                text(
                    "SELECT title FROM materials WHERE sha256 = :h UNION ALL "
                    "SELECT title FROM meeting_attachments WHERE sha256 = :h"
                ),
                {"h": sha256},
            ).scalars().all()
            named = "、".join(f"“{t}”" for t in titles[:3]) or "（无材料引用）"
            report.problems.append(
                f"存储的扫描件 {named} 内容已被改动：文件的 SHA-256 与登记的 {sha256[:16]}… 不符"
                "（在 BranchDesk 之外被改动）"
            )


def verify_database(
    session: Session,
    progress: Callable[[str], None] | None = None,
    anchors: Iterable[Anchor] = (),
) -> IntegrityReport:
    """Verify the chain against its anchors, every audited row both ways, every stored file.

    Never raises for a damaged file: the damage is the report's problem."""
    report = IntegrityReport()
    try:
        _verify(session, progress, list(anchors), report)
    except DatabaseError as exc:
        log.warning("verify stopped on a damaged database: %s", getattr(exc, "orig", exc))
        report.problems.append(DAMAGED)
    return report


def _verify(
    session: Session,
    progress: Callable[[str], None] | None,
    anchors: list[Anchor],
    report: IntegrityReport,
) -> None:
    report.problems.extend(check_sqlite(session))
    if report.problems:
        return
    if progress:
        progress("校验审计链…")
    if not _check_chain(session, report, anchors):
        return
    if progress:
        progress("核对数据与审计记录…")
    replay = ReplayCheck(session)
    report.problems.extend(replay.run())
    report.records_checked = replay.records_checked
    if progress:
        progress("核对存储的扫描件…")
    _check_files(session, report)

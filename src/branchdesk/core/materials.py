"""Materials of a development file: scans stored by SHA-256 inside the database, or paper."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.errors import BranchDeskError, NotFound, ValidationError
from branchdesk.core.members import refuse_if_transferred_out
from branchdesk.core.vocab import Role
from branchdesk.storage.database import Database
from branchdesk.storage.models import Material, MaterialBlob, Member, StepRecord

MAX_SCAN_BYTES = 50 * 1024 * 1024
#: accepted scans, recognised by their first bytes (not by the file name's extension)
SIGNATURES = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\xff\xd8\xff", "image/jpeg", "JPG"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
)

#: the materials of a development file (§36 and common local checklists)
MATERIAL_CATEGORIES = (
    "入党申请书", "谈话记录", "推荐材料", "入党积极分子培养考察登记表", "思想汇报", "自传",
    "发展对象公示材料", "政审材料", "集中培训结业证书", "入党志愿书", "支部大会记录",
    "上级党委谈话记录", "审批意见", "入党宣誓记录", "预备党员教育考察登记表", "转正申请书",
    "转正材料", "发展党员全程纪实表", "其他",
)


class MaterialDamaged(BranchDeskError):
    """A stored scan whose bytes no longer match its SHA-256."""


@dataclass(frozen=True)
class MaterialInfo:
    """A material as listed in a file: a scan (with its hash) or a paper original."""

    id: int
    member_id: int
    record_id: int | None
    category: str
    title: str
    file_name: str
    media_type: str
    size: int
    sha256: str | None
    paper_reference: str
    added_by: str
    added_at: dt.datetime

    @property
    def is_scan(self) -> bool:
        return self.sha256 is not None


def _info(m: Material) -> MaterialInfo:
    return MaterialInfo(
        m.id, m.member_id, m.record_id, m.category, m.title, m.file_name, m.media_type,
        m.size, m.sha256, m.paper_reference, m.added_by, m.added_at,
    )


def sniff_media_type(data: bytes) -> tuple[str, str] | None:
    """(media type, short name) of a PDF, JPG or PNG file; None for anything else."""
    for magic, media_type, short in SIGNATURES:
        if data.startswith(magic):
            return media_type, short
    return None


class MaterialService:
    """Attaches scans and paper references to a file; scans are never lost or altered."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _check_target(self, s: Session, member_id: int, record_id: int | None) -> None:
        member = s.get(Member, member_id)
        if member is None:
            raise NotFound(f"党员记录 {member_id} 不存在")
        refuse_if_transferred_out(member)
        if record_id is not None:
            record = s.get(StepRecord, record_id)
            if record is None or record.member_id != member_id:
                raise NotFound("该步骤记录不属于此党员")

    def _check_fields(self, category: str, title: str) -> dict[str, str]:
        errors = {}
        if category not in MATERIAL_CATEGORIES:
            errors["category"] = "请选择材料类别：" + "、".join(MATERIAL_CATEGORIES)
        if not title.strip():
            errors["title"] = "请填写材料名称"
        return errors

    def add_scan(
        self, actor: Actor, member_id: int, source: Path, category: str, title: str,
        record_id: int | None = None,
    ) -> int:
        """Store a PDF, JPG or PNG scan (read whole, hashed, kept inside the database)."""
        actor.require(Role.ADMIN, Role.CLERK)
        errors = self._check_fields(category, title)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ValidationError({"file": f"无法读取文件“{source}”：{exc.strerror}"}) from None
        sniffed = sniff_media_type(data)
        if not data:
            errors["file"] = f"文件“{Path(source).name}”是空的"
        elif len(data) > MAX_SCAN_BYTES:
            limit = MAX_SCAN_BYTES // 1024 // 1024
            errors["file"] = f"扫描件不超过 {limit} MB，请降低分辨率后重新扫描"
        elif sniffed is None:
            errors["file"] = f"“{Path(source).name}”不是 PDF、JPG 或 PNG 文件，请另存为这些格式之一"
        if errors:
            raise ValidationError(errors)
        assert sniffed is not None
        digest = hashlib.sha256(data).hexdigest()
        with self.db.write(actor.username, f"添加材料 {title.strip()}") as s:
            self._check_target(s, member_id, record_id)
            if s.get(MaterialBlob, digest) is None:
                s.add(MaterialBlob(sha256=digest, data=data))
                s.flush()
            material = Material(
                member_id=member_id, record_id=record_id, category=category,
                title=title.strip(), file_name=Path(source).name, media_type=sniffed[0],
                size=len(data), sha256=digest, added_by=actor.username,
            )
            s.add(material)
            s.flush()
            return material.id

    def add_paper(
        self, actor: Actor, member_id: int, category: str, title: str, reference: str,
        record_id: int | None = None,
    ) -> int:
        """Record a paper original and where it is kept (no scan)."""
        actor.require(Role.ADMIN, Role.CLERK)
        errors = self._check_fields(category, title)
        if not reference.strip():
            errors["reference"] = "请填写纸质原件的存放位置，如“组织委员档案柜第 3 盒”"
        if errors:
            raise ValidationError(errors)
        with self.db.write(actor.username, f"登记纸质材料 {title.strip()}") as s:
            self._check_target(s, member_id, record_id)
            material = Material(
                member_id=member_id, record_id=record_id, category=category,
                title=title.strip(), paper_reference=reference.strip(), added_by=actor.username,
            )
            s.add(material)
            s.flush()
            return material.id

    def of_member(self, member_id: int) -> list[MaterialInfo]:
        with self.db.read() as s:
            rows = s.scalars(
                select(Material).where(Material.member_id == member_id).order_by(Material.id)
            )
            return [_info(m) for m in rows]

    def content(self, material_id: int) -> bytes:
        """The scan's bytes, checked against the SHA-256 recorded when it was added."""
        with self.db.read() as s:
            material = s.get(Material, material_id)
            if material is None or material.sha256 is None:
                raise NotFound("没有这份扫描件")
            blob = s.get(MaterialBlob, material.sha256)
            data = blob.data if blob is not None else b""
            title, expected = material.title, material.sha256
        if hashlib.sha256(data).hexdigest() != expected:
            raise MaterialDamaged(
                f"扫描件“{title}”已损坏（校验值不符），请从备份恢复或重新扫描"
            )
        return data

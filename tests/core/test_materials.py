import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import PermissionDenied, ValidationError
from branchdesk.core.materials import MaterialDamaged, MaterialService
from branchdesk.core.services import Services

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n% scan of an application\n"


@pytest.fixture
def materials(services: Services) -> MaterialService:
    return MaterialService(services.db)


def test_scan_is_stored_once_by_sha256_and_read_back(
    materials: MaterialService, clerk: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    member = add_member("张三", 13)
    scan = tmp_path / "申请书.pdf"
    scan.write_bytes(PDF)
    first = materials.add_scan(clerk, member, scan, "入党申请书", "入党申请书（手写）")
    again = materials.add_scan(clerk, member, scan, "入党申请书", "入党申请书（复印）")
    listed = materials.of_member(member)
    assert [m.id for m in listed] == [first, again]
    assert listed[0].sha256 == hashlib.sha256(PDF).hexdigest()
    assert listed[0].media_type == "application/pdf" and listed[0].size == len(PDF)
    scan.unlink()  # the original may be lost: the database keeps the bytes
    assert materials.content(first) == PDF


def test_only_pdf_jpg_png_accepted_by_content(
    materials: MaterialService, clerk: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    member = add_member("张三", 13)
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"MZ\x90\x00 not an image")
    with pytest.raises(ValidationError, match="不是 PDF、JPG 或 PNG"):
        materials.add_scan(clerk, member, fake, "入党申请书", "申请书")
    real = tmp_path / "photo.dat"
    real.write_bytes(PNG)
    assert materials.add_scan(clerk, member, real, "谈话记录", "谈话记录照片")
    assert materials.of_member(member)[0].media_type == "image/png"


def test_paper_original_needs_its_place(
    materials: MaterialService, clerk: Actor, add_member: Callable[..., int]
) -> None:
    member = add_member("张三", 13)
    with pytest.raises(ValidationError, match="存放位置"):
        materials.add_paper(clerk, member, "自传", "自传", " ")
    material = materials.add_paper(clerk, member, "自传", "自传", "档案柜第 3 盒")
    assert not materials.of_member(member)[0].is_scan and material


def test_reviewer_cannot_attach(
    materials: MaterialService, reviewer: Actor, add_member: Callable[..., int], tmp_path: Path
) -> None:
    member = add_member("张三", 13)
    with pytest.raises(PermissionDenied):
        materials.add_paper(reviewer, member, "自传", "自传", "档案柜")


def test_damaged_scan_detected(
    services: Services, materials: MaterialService, clerk: Actor,
    add_member: Callable[..., int], tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    scan = tmp_path / "a.png"
    scan.write_bytes(PNG)
    material = materials.add_scan(clerk, member, scan, "谈话记录", "谈话记录")
    services.db.dispose()
    con = sqlite3.connect(services.db.path)  # type: ignore[arg-type]
    con.execute("UPDATE material_blobs SET data = ?", (PNG + b"tampered",))
    con.commit()
    con.close()
    with pytest.raises(MaterialDamaged, match="已损坏"):
        materials.content(material)

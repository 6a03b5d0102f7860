"""The transfer package file (党员转接包): a ZIP with a manifest, the record and its scans.

Layout of a package::

    manifest.json        format, version, who and what it holds, SHA-256 of every other file
    member.json          the member record, events, résumé, development file, material list
    materials/<sha256>   the bytes of each scan, named by their SHA-256
    CHECKSUM             SHA-256 of manifest.json (the package's 校验码)

Reading verifies everything before anything is returned: the ZIP itself, the checksum of
the manifest, the hash of every listed file, and that no file is missing or added. A
damaged or altered package raises :class:`PackageError` with a message for the clerk.
Sizes are limited per file and per package, checked on the sizes the ZIP declares before
anything is unpacked and again on the bytes actually unpacked (a header may lie), so a ZIP
bomb is refused without filling memory. What the record says is checked by
:mod:`branchdesk.core.package_check`.
The checksum finds damage and casual edits; it is not a signature (the two installations
share no key), so the clerk may also compare the 校验码 with the sending branch by phone.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.core.errors import BranchDeskError

FORMAT = "branchdesk-transfer-package"
VERSION = 1
SUFFIX = ".bdzj"
MANIFEST, PAYLOAD, CHECKSUM = "manifest.json", "member.json", "CHECKSUM"
MATERIALS_DIR = "materials/"
MB = 1024 * 1024
#: a scan is at most 50 MB (core.materials.MAX_SCAN_BYTES); the record itself a few MB
MAX_MATERIAL_BYTES = 50 * MB
MAX_JSON_BYTES = 16 * MB
#: the package file, and everything in it once unpacked: one member's file with its scans
MAX_PACKAGE_BYTES = 512 * MB
MAX_CONTENT_BYTES = 512 * MB
MAX_ENTRIES = 2000
_CHUNK = 1 * MB
DAMAGED = "转接包已损坏或被改动（{}），未导入任何内容。请向转出党组织索取新的转接包。"
REFUSED = "转接包内容不合规：{}，未导入。请向转出党组织索取新的转接包。"


class PackageError(BranchDeskError):
    """A file that is not a readable, intact transfer package; nothing was imported."""


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def short_checksum(checksum: str) -> str:
    """The 校验码 as shown to the clerk: the first 16 hex digits, in groups of four."""
    head = checksum[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


@dataclass(frozen=True)
class PackageContents:
    """A verified package: its manifest, the record, the scans by hash, its checksum."""

    manifest: dict[str, Any]
    payload: dict[str, Any]
    blobs: dict[str, bytes]
    checksum: str


def write_package(
    manifest: Mapping[str, Any], payload: Mapping[str, Any], blobs: Mapping[str, bytes]
) -> tuple[bytes, str]:
    """The package file's bytes and its checksum (``manifest`` gains format and hashes)."""
    payload_bytes = _json_bytes(payload)
    files = {PAYLOAD: sha256(payload_bytes)}
    for digest, data in blobs.items():
        if sha256(data) != digest:
            raise ValueError(f"material bytes do not match their hash {digest}")
        files[MATERIALS_DIR + digest] = digest
    full_manifest = {**manifest, "format": FORMAT, "version": VERSION, "files": files}
    manifest_bytes = _json_bytes(full_manifest)
    checksum = sha256(manifest_bytes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(PAYLOAD, payload_bytes)
        for digest, data in sorted(blobs.items()):
            archive.writestr(MATERIALS_DIR + digest, data)
        archive.writestr(CHECKSUM, checksum + "\n")
    return buffer.getvalue(), checksum


def load_package_file(path: Path) -> bytes:
    """The bytes of a package file, refused by its size before it is read into memory."""
    if path.stat().st_size > MAX_PACKAGE_BYTES:
        raise PackageError(_TOO_BIG)
    return path.read_bytes()


_TOO_BIG = f"文件超过 {MAX_PACKAGE_BYTES // MB} MB，不是 BranchDesk 转接包，未导入。"


def read_package(data: bytes) -> PackageContents:
    """Verify and read a package; raise PackageError saying what is wrong."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError(_TOO_BIG)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any failure to parse foreign bytes: not a package
        raise PackageError(
            "这个文件不是 BranchDesk 转接包（或已损坏，无法打开）。"
            f"转接包由转出党组织的 BranchDesk 导出，扩展名为 {SUFFIX}。"
        ) from None
    try:
        with archive:
            return _verified(archive)
    except PackageError:
        raise
    except Exception as exc:  # noqa: BLE001 - CRC, truncation, compression, flags: damaged
        raise PackageError(DAMAGED.format("文件内容无法读出")) from exc


def _limit(name: str) -> int:
    """The most bytes the entry ``name`` may hold once unpacked."""
    return MAX_MATERIAL_BYTES if name.startswith(MATERIALS_DIR) else MAX_JSON_BYTES


def _label(name: str) -> str:
    if name.startswith(MATERIALS_DIR):
        return f"材料 {name.removeprefix(MATERIALS_DIR)[:16]}…"
    return {MANIFEST: "清单", PAYLOAD: "党员档案", CHECKSUM: "校验码"}.get(name, name[:40])


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Refuse by the sizes the ZIP declares, before unpacking anything (a ZIP bomb)."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackageError(REFUSED.format(f"文件多于 {MAX_ENTRIES} 个"))
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise PackageError(DAMAGED.format("有重复的文件"))
    total = 0
    for info in infos:
        if info.file_size > _limit(info.filename):
            raise PackageError(REFUSED.format(
                f"{_label(info.filename)} 解压后超过 {_limit(info.filename) // MB} MB"
            ))
        total += info.file_size
    if total > MAX_CONTENT_BYTES:
        raise PackageError(REFUSED.format(f"解压后总计超过 {MAX_CONTENT_BYTES // MB} MB"))


class _Budget:
    """Bytes still allowed to be unpacked from the whole package, counted as they come."""

    def __init__(self) -> None:
        self.left = MAX_CONTENT_BYTES

    def read(self, archive: zipfile.ZipFile, name: str) -> bytes:
        """One entry's bytes, stopping as soon as it exceeds its limit whatever its header says."""
        limit = min(_limit(name), self.left)
        chunks: list[bytes] = []
        size = 0
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    what = (f"{_label(name)} 解压后超过 {_limit(name) // MB} MB"
                            if limit == _limit(name)
                            else f"解压后总计超过 {MAX_CONTENT_BYTES // MB} MB")
                    raise PackageError(REFUSED.format(what))
                chunks.append(chunk)
        self.left -= size
        return b"".join(chunks)


def _verified(archive: zipfile.ZipFile) -> PackageContents:
    _check_sizes(archive)
    budget = _Budget()
    names = set(archive.namelist())
    if MANIFEST not in names or CHECKSUM not in names:
        raise PackageError(
            "这个文件不是 BranchDesk 转接包：缺少清单或校验码。请向转出党组织索取新的转接包。"
        )
    manifest_bytes = budget.read(archive, MANIFEST)
    checksum = budget.read(archive, CHECKSUM).decode("ascii", "replace").strip().lower()
    if sha256(manifest_bytes) != checksum:
        raise PackageError(DAMAGED.format("清单与校验码不符"))
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError(DAMAGED.format("清单无法读出")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("这个文件不是 BranchDesk 转接包。")
    version = manifest.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise PackageError(
            "这个转接包由较新版本的 BranchDesk 导出，本程序无法读取。请先升级 BranchDesk 再导入。"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or PAYLOAD not in files:
        raise PackageError(DAMAGED.format("清单不完整"))
    listed = set(files) | {MANIFEST, CHECKSUM}
    if names != listed:
        extra = sorted(names - listed)
        missing = sorted(listed - names)
        what = f"多出文件 {extra[0]}" if extra else f"缺少文件 {missing[0]}"
        raise PackageError(DAMAGED.format(what))
    contents: dict[str, bytes] = {}
    for name, digest in files.items():
        data = budget.read(archive, name)
        if sha256(data) != digest:
            label = "党员档案" if name == PAYLOAD else f"材料 {name.removeprefix(MATERIALS_DIR)}"
            raise PackageError(DAMAGED.format(f"{label}与校验值不符"))
        if name != PAYLOAD and (not name.startswith(MATERIALS_DIR)
                                or name.removeprefix(MATERIALS_DIR) != digest):
            raise PackageError(DAMAGED.format(f"文件 {name} 不是材料"))
        contents[name] = data
    try:
        payload = json.loads(contents.pop(PAYLOAD).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError(DAMAGED.format("党员档案无法读出")) from None
    if not isinstance(payload, dict):
        raise PackageError(DAMAGED.format("党员档案无法读出"))
    blobs = {name.removeprefix(MATERIALS_DIR): data for name, data in contents.items()}
    return PackageContents(manifest, payload, blobs, checksum)

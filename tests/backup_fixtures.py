"""Helpers of the backup and restore tests: filling, damaging and reading database files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.materials import MATERIAL_CATEGORIES
from branchdesk.core.services import Services
from branchdesk.storage.chain_head import ChainHead, read_chain_head

PNG = b"\x89PNG\r\n\x1a\n"
MB = 1024 * 1024


def add_scans(services: Services, actor: Actor, member_id: int, folder: Path,
              megabytes: int) -> None:
    """Grow the database by ``megabytes`` MB of (incompressible) scans of one member."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(megabytes):
        scan = folder / f"scan-{os.getpid()}-{i}.png"
        scan.write_bytes(PNG + os.urandom(MB))
        services.materials.add_scan(actor, member_id, scan, MATERIAL_CATEGORIES[0], f"扫描件{i}")


def member_names(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM members ORDER BY id")]
    finally:
        con.close()


def chain_head(path: Path) -> ChainHead | None:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return read_chain_head(con)
    finally:
        con.close()


def quick_check(path: Path) -> str:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return str(con.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()


def damage(path: Path, table: str = "audit_log") -> None:
    """Overwrite the root page of ``table`` with garbage, as a failing disk would: the
    file still looks like a BranchDesk database (its first page is intact)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        query = "SELECT rootpage FROM sqlite_master WHERE name=?"
        root = con.execute(query, (table,)).fetchone()[0]
    finally:
        con.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff" * (page_size // 4))


def part_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.part"))

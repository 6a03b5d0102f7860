"""Printing and exporting from an open database that has gone bad is refused, not copied on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.core.services import Services
from branchdesk.reports.booklet_service import save_booklet
from branchdesk.storage.backup_errors import DamagedDatabaseError
from branchdesk.storage.database import Database
from tests.backup_fixtures import damage


def _reopened_after_damage(services: Services) -> Services:
    """The same file reopened after a failing disk overwrote a page of a table neither the
    booklet nor the roster export reads (only SQLite's check can see it)."""
    path = services.db.path
    assert path is not None
    services.db.dispose()
    damage(path, "meeting_attachments")
    return Services.build(Database.open_sqlite(path), services.backup_dir)


def test_a_damaged_database_is_not_printed_or_exported(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    save_booklet(services, member, tmp_path / "before.pdf")  # sound: printed
    services.member_export.export(tmp_path / "before.xlsx")
    damaged = _reopened_after_damage(services)
    try:
        with pytest.raises(DamagedDatabaseError, match=r"数据库文件已损坏（.*），不能打印。"):
            save_booklet(damaged, member, tmp_path / "after.pdf")
        with pytest.raises(DamagedDatabaseError, match=r"不能导出。请先用 branchdesk verify 检查"):
            damaged.member_export.export(tmp_path / "after.xlsx")
    finally:
        damaged.db.dispose()
    assert not (tmp_path / "after.pdf").exists() and not (tmp_path / "after.xlsx").exists()

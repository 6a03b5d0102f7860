import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.storage.backup import KEEP_DAILY, auto_backup, backup_database, list_backups
from branchdesk.storage.roster import RosterFilter


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM members ORDER BY id")]
    finally:
        con.close()


def test_backup_restore_round_trip(
    services: Services, add_member: Callable[..., int], tmp_path: Path, admin: Actor
) -> None:
    from branchdesk.app import restore_database
    from branchdesk.paths import AppPaths

    add_member("张三", 13)
    backup = backup_database(services.db.path, services.backup_dir)  # type: ignore[arg-type]
    add_member("李四", 15)
    assert _names(backup) == ["张三"]
    paths = AppPaths(tmp_path / "home", tmp_path / "home" / "logs")
    restored = restore_database(services, backup, paths, admin)
    try:
        ids = restored.members.search_ids(RosterFilter())
        assert [r.name for r in restored.members.rows(ids).values()] == ["张三"]
        safety = [
            b
            for b in list_backups(restored.db.path, restored.backup_dir)  # type: ignore[arg-type]
            if b.reason == "before-restore"
        ]
        assert len(safety) == 1 and _names(safety[0].path) == ["张三", "李四"]
        assert restored.audit.verify().sound
    finally:
        restored.db.dispose()


def test_backup_of_live_wal_database_is_consistent(
    services: Services, add_member: Callable[..., int]
) -> None:
    add_member("张三", 13)
    with services.db.engine.connect() as conn:  # keep a connection (and the WAL) open
        target = backup_database(services.db.path, services.backup_dir)  # type: ignore[arg-type]
        assert conn is not None
    con = sqlite3.connect(target)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _names(target) == ["张三"]


def test_daily_backup_once_a_day_keeps_30(services: Services) -> None:
    path = services.db.path
    assert path is not None
    start = dt.datetime(2026, 1, 1, 8, 0)
    assert auto_backup(path, services.backup_dir, now=start) is not None
    assert auto_backup(path, services.backup_dir, now=start + dt.timedelta(hours=3)) is None
    for day in range(1, 40):
        auto_backup(path, services.backup_dir, now=start + dt.timedelta(days=day))
    daily = [b for b in list_backups(path, services.backup_dir) if b.reason == "daily"]
    assert len(daily) == KEEP_DAILY
    assert daily[0].taken_at.date() == dt.date(2026, 2, 9)

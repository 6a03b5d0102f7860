"""Restore is admin-only, refuses a damaged backup before touching anything, is audited,
and a restore killed mid-way leaves either the old or the restored database, whole."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from backup_fixtures import add_scans, chain_head, damage, member_names, part_files, quick_check

from branchdesk.core.actor import Actor
from branchdesk.core.audit_log import AuditFilter
from branchdesk.core.errors import PermissionDenied
from branchdesk.core.services import Services
from branchdesk.storage.backup import clean_up_unfinished, list_backups
from branchdesk.storage.backup_errors import DamagedDatabaseError
from branchdesk.storage.database import Database
from branchdesk.storage.migrate import open_database


def _db(services: Services) -> Path:
    assert services.db.path is not None
    return services.db.path


def _reopen(services: Services) -> Callable[[], Database]:
    return lambda: open_database(_db(services), services.backup_dir, create=False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_is_recorded_in_the_audit_trail(
    services: Services, add_member: Callable[..., int], admin: Actor,
) -> None:
    add_member("张三", 13)
    backup = services.backups.back_up(admin)
    head = chain_head(backup)
    assert head is not None
    add_member("李四", 15)
    restored = services.backups.restore(admin, backup, _reopen(services))
    try:
        assert member_names(_db(services)) == ["张三"]
        last = Services.build(restored, services.backup_dir).audit.entries(AuditFilter())[0]
        assert (last.id, last.action, last.actor) == (head.entry_id + 1, "从备份恢复", "admin")
        assert backup.name in last.summary and head.describe() in last.summary
        saved = [b for b in list_backups(_db(services), services.backup_dir)
                 if b.reason == "before-restore"]
        assert len(saved) == 1 and saved[0].path.name in last.summary
        assert member_names(saved[0].path) == ["张三", "李四"]
    finally:
        restored.dispose()


@pytest.mark.parametrize("who", ["clerk", "reviewer"])
def test_only_an_administrator_may_restore(
    services: Services, add_member: Callable[..., int], admin: Actor, who: str,
    clerk: Actor, reviewer: Actor,
) -> None:
    add_member("张三", 13)
    backup = services.backups.back_up(admin)
    add_member("李四", 15)
    actor = clerk if who == "clerk" else reviewer
    with pytest.raises(PermissionDenied, match="此操作需要管理员权限"):
        services.backups.restore(actor, backup, _reopen(services))
    assert member_names(_db(services)) == ["张三", "李四"]
    assert [b.reason for b in list_backups(_db(services), services.backup_dir)] == ["manual"]


def test_a_damaged_backup_is_refused_before_the_database_is_touched(
    services: Services, add_member: Callable[..., int], admin: Actor,
) -> None:
    add_member("张三", 13)
    backup = services.backups.back_up(admin)
    damage(backup)
    add_member("李四", 15)
    services.db.dispose()
    before = _digest(_db(services))
    with pytest.raises(DamagedDatabaseError) as refused:
        services.backups.restore(admin, backup, _reopen(services))
    assert str(refused.value).startswith(f"备份文件“{backup.name}”已损坏（")
    assert "当前数据库未做任何改动" in str(refused.value)
    assert _digest(_db(services)) == before
    assert [b.reason for b in list_backups(_db(services), services.backup_dir)] == ["manual"]
    assert member_names(_db(services)) == ["张三", "李四"]


def test_a_damaged_database_can_be_replaced_by_a_good_backup(
    services: Services, add_member: Callable[..., int], admin: Actor,
) -> None:
    add_member("张三", 13)
    backup = services.backups.back_up(admin)
    services.db.dispose()
    damage(_db(services))
    damaged = _digest(_db(services))
    restored = services.backups.restore(admin, backup, _reopen(services))
    restored.dispose()
    assert member_names(_db(services)) == ["张三"]
    kept = [b for b in list_backups(_db(services), services.backup_dir)
            if b.reason == "before-restore-damaged"]
    assert len(kept) == 1 and _digest(kept[0].path) == damaged  # the damaged bytes, kept
    assert part_files(_db(services).parent, services.backup_dir) == []


def test_restore_killed_at_random_points_leaves_one_whole_database(
    services: Services, add_member: Callable[..., int], admin: Actor, clerk: Actor,
    tmp_path: Path,
) -> None:
    member = add_member("张三", 13)
    add_scans(services, clerk, member, tmp_path / "scans", 3)
    backup = services.backups.back_up(admin)
    add_member("李四", 15)
    newer = services.backups.back_up(admin, tmp_path / "newer.sqlite")
    services.db.dispose()
    path = _db(services)
    script = ("import sys; from pathlib import Path; from branchdesk.storage.backup import "
              "restore_into; restore_into(Path(sys.argv[1]), Path(sys.argv[2]))")
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    landed = 0
    for attempt in range(8):
        shutil.copyfile(newer, path)  # the current database, with 李四
        child = subprocess.Popen([sys.executable, "-c", script, str(backup), str(path)])
        deadline = time.monotonic() + 30
        while not part_files(path.parent) and child.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.001)
        time.sleep(0 if attempt == 0 else rng.uniform(0, 0.05))
        landed += bool(part_files(path.parent))
        child.send_signal(signal.SIGKILL)
        child.wait()
        context = f"seed {seed}, attempt {attempt}"
        assert quick_check(path) == "ok", context
        assert member_names(path) in (["张三", "李四"], ["张三"]), context
    assert landed >= 1, f"no kill landed during the copy (seed {seed})"
    clean_up_unfinished(path, services.backup_dir)
    assert part_files(path.parent) == []

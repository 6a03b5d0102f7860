"""Backups never destroy the last good copy: full disks, no permission, bad copies, rotation,
stale temporary files and owner-only permissions, on real files."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from backup_fixtures import add_scans, damage, member_names, part_files, quick_check

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.paths import AppPaths
from branchdesk.storage import atomic_copy
from branchdesk.storage.backup import (
    KEEP_DAILY,
    auto_backup,
    backup_database,
    list_backups,
    restore_into,
)
from branchdesk.storage.backup_errors import BackupError, DamagedDatabaseError


def _db(services: Services) -> Path:
    assert services.db.path is not None
    return services.db.path


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    def fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_copy.os, "fsync", fsync)


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB file system (tmpfs); the test is skipped where mounting is not allowed."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_full_disk_keeps_the_existing_backup(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_member("张三", 13)
    out = tmp_path / "usb" / "branch.sqlite"
    backup_database(_db(services), services.backup_dir, target=out)
    add_member("李四", 15)
    _fail_fsync(monkeypatch)
    with pytest.raises(BackupError) as refused:
        backup_database(_db(services), services.backup_dir, target=out)
    message = str(refused.value)
    assert message.startswith("磁盘空间不足，备份未完成，原有备份未受影响。还需要约 ")
    assert re.search(r"还需要约 [1-9]\d* MB 空间", message)
    assert member_names(out) == ["张三"] and quick_check(out) == "ok"
    assert part_files(out.parent) == []


def test_full_file_system_keeps_the_existing_backup(
    services: Services, add_member: Callable[..., int], clerk: Actor, tmp_path: Path,
    small_mount: Path,
) -> None:
    member = add_member("张三", 13)
    out = small_mount / "branch.sqlite"
    backup_database(_db(services), services.backup_dir, target=out)
    add_scans(services, clerk, member, tmp_path / "scans", 2)
    with pytest.raises(BackupError) as refused:
        backup_database(_db(services), services.backup_dir, target=out)
    found = re.search(r"磁盘空间不足，备份未完成，原有备份未受影响。还需要约 (\d+) MB 空间",
                      str(refused.value))
    assert found and 1 <= int(found[1]) <= 3  # 2 MB more than the ~1 MB file system holds
    assert member_names(out) == ["张三"] and quick_check(out) == "ok"
    assert part_files(small_mount) == []


def test_read_only_folder_is_reported_as_no_permission(
    services: Services, add_member: Callable[..., int], small_mount: Path,
) -> None:
    add_member("张三", 13)
    out = small_mount / "branch.sqlite"
    backup_database(_db(services), services.backup_dir, target=out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    add_member("李四", 15)
    expected = "^没有写入权限：不能在“.*”中写入文件，备份未完成，原有备份未受影响"
    with pytest.raises(BackupError, match=expected):
        backup_database(_db(services), services.backup_dir, target=out)
    assert member_names(out) == ["张三"]


def test_no_permission_injected(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_member("张三", 13)

    def refuse(path: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(atomic_copy, "create_private", refuse)
    with pytest.raises(BackupError, match="^没有写入权限.*备份未完成，没有留下不完整的文件"):
        backup_database(_db(services), services.backup_dir, target=tmp_path / "new.sqlite")
    assert list(tmp_path.glob("new.sqlite*")) == []


def test_a_copy_that_fails_its_check_never_gets_the_final_name(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_member("张三", 13)
    out = tmp_path / "branch.sqlite"
    backup_database(_db(services), services.backup_dir, target=out)
    add_member("李四", 15)
    copy = atomic_copy._snapshot_copy

    def copy_then_rot(source: Path, part: Path):  # type: ignore[no-untyped-def]
        head = copy(source, part)
        damage(part)  # a bad sector under the fresh copy
        return head

    monkeypatch.setattr(atomic_copy, "_snapshot_copy", copy_then_rot)
    with pytest.raises(BackupError, match="写出的副本检查未通过.*原有备份未受影响"):
        backup_database(_db(services), services.backup_dir, target=out)
    assert member_names(out) == ["张三"] and part_files(tmp_path) == []


def test_a_damaged_database_is_not_backed_up(
    services: Services, add_member: Callable[..., int],
) -> None:
    add_member("张三", 13)
    first = backup_database(_db(services), services.backup_dir)
    services.db.dispose()
    damage(_db(services))
    with pytest.raises(DamagedDatabaseError) as refused:
        backup_database(_db(services), services.backup_dir)
    assert re.fullmatch(
        r"数据库文件已损坏（.+），不能备份。请先用 branchdesk verify 检查，或从备份恢复。",
        str(refused.value),
    )
    assert [b.path for b in list_backups(_db(services), services.backup_dir)] == [first]


def test_rotation_keeps_all_30_when_the_new_daily_backup_fails(
    services: Services, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _db(services)
    start = dt.datetime(2026, 1, 1, 8, 0)
    for day in range(KEEP_DAILY):
        auto_backup(path, services.backup_dir, now=start + dt.timedelta(days=day))
    before = [b.path for b in list_backups(path, services.backup_dir)]
    assert len(before) == KEEP_DAILY

    with monkeypatch.context() as patched:
        _fail_fsync(patched)
        with pytest.raises(BackupError, match="磁盘空间不足"):
            auto_backup(path, services.backup_dir, now=start + dt.timedelta(days=KEEP_DAILY))
    assert [b.path for b in list_backups(path, services.backup_dir)] == before
    assert all(quick_check(p) == "ok" for p in before)
    assert part_files(services.backup_dir) == []

    created = auto_backup(path, services.backup_dir, now=start + dt.timedelta(days=KEEP_DAILY))
    after = [b.path for b in list_backups(path, services.backup_dir)]
    assert len(after) == KEEP_DAILY and after[0] == created and before[-1] not in after


def test_a_full_disk_does_not_stop_the_program_from_starting(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    from branchdesk.app import open_services

    add_member("张三", 13)
    path = _db(services)
    services.db.dispose()
    paths = AppPaths(tmp_path / "home", tmp_path / "home" / "logs")
    _fail_fsync(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="branchdesk"):
        opened = open_services(path, paths)
    try:
        assert opened.members.search_ids is not None
        assert list_backups(path, opened.backup_dir) == []
        assert "磁盘空间不足" in caplog.text
    finally:
        opened.db.dispose()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_unfinished_files_are_removed_at_the_next_start(
    services: Services, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    from branchdesk.app import open_services

    path = _db(services)
    services.db.dispose()
    paths = AppPaths(tmp_path / "home", tmp_path / "home" / "logs")
    backup_dir = paths.backup_dir_for(path)
    backup_dir.mkdir(parents=True)
    dead = _dead_pid()
    stale = [
        backup_dir / f"test-20260101-080000-daily.sqlite.{dead}-0badc0de.part",
        path.with_name(f"{path.name}.{dead}-deadbeef.part"),
        path.with_name(f"{path.name}.part"),  # as versions before this one named them
    ]
    running = backup_dir / f"test-20260101-090000-manual.sqlite.{os.getppid()}-12345678.part"
    unrelated = path.with_name("notes.part")
    for each in (*stale, running, unrelated):
        each.write_bytes(b"half a copy")
    with caplog.at_level(logging.INFO, logger="branchdesk"):
        opened = open_services(path, paths)
    opened.db.dispose()
    assert not any(p.exists() for p in stale)
    assert running.exists() and unrelated.exists()  # a live writer's, and not ours
    for each in stale:
        assert f"removed the unfinished file {each}" in caplog.text


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_and_backups_are_readable_by_their_owner_only(
    services: Services, add_member: Callable[..., int], tmp_path: Path,
) -> None:
    from branchdesk.app import open_services
    from branchdesk.storage.migrate import create_database

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    fresh = tmp_path / "fresh" / "new.sqlite"
    create_database(fresh).dispose()
    assert mode(fresh) == 0o600

    add_member("张三", 13)
    path = _db(services)
    services.db.dispose()
    path.chmod(0o644)  # a database written by an older version
    paths = AppPaths(tmp_path / "home", tmp_path / "home" / "logs")
    opened = open_services(path, paths)
    try:
        assert mode(path) == 0o600
        assert all(mode(p) == 0o600 for p in path.parent.glob(f"{path.name}-*"))
        daily = list_backups(path, opened.backup_dir)
        assert len(daily) == 1 and mode(daily[0].path) == 0o600
        assert mode(opened.backup_dir) == 0o700
        out = tmp_path / "copy.sqlite"
        out.write_bytes(b"")
        out.chmod(0o644)
        backup_database(path, opened.backup_dir, target=out)
        assert mode(out) == 0o600 and member_names(out) == ["张三"]
    finally:
        opened.db.dispose()


def test_restore_on_a_full_disk_leaves_the_database_as_it_was(
    services: Services, add_member: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_member("张三", 13)
    backup = backup_database(_db(services), services.backup_dir)
    add_member("李四", 15)
    services.db.dispose()
    _fail_fsync(monkeypatch)
    with pytest.raises(BackupError, match="^磁盘空间不足，恢复未完成，当前数据库未受影响。"):
        restore_into(backup, _db(services))
    assert member_names(_db(services)) == ["张三", "李四"]
    assert quick_check(_db(services)) == "ok" and part_files(_db(services).parent) == []

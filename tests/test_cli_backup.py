"""`branchdesk backup -o EXISTING` killed at random points, on a full disk and on a damaged
database: the existing backup always survives intact, and only checked copies get its name."""

from __future__ import annotations

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
from backup_fixtures import add_scans, damage, member_names, part_files, quick_check

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.storage.backup import backup_database

KILLS = 10


def _command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "branchdesk", *map(str, args)]


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")


def _run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(*args), capture_output=True, text=True, env=_env(home),
                          timeout=120)


@pytest.fixture
def database(services: Services, add_member: Callable[..., int], clerk: Actor,
             tmp_path: Path) -> tuple[Path, Path]:
    """A database of a few MB, and an older backup of it (one member fewer)."""
    assert services.db.path is not None
    member = add_member("张三", 13)
    add_scans(services, clerk, member, tmp_path / "scans", 4)
    old = backup_database(services.db.path, services.backup_dir, target=tmp_path / "old.sqlite")
    add_member("李四", 15)
    services.db.dispose()
    return services.db.path, old


def test_backup_killed_at_random_points_never_loses_the_existing_backup(
    database: tuple[Path, Path], tmp_path: Path,
) -> None:
    db, old = database
    home = tmp_path / "home"
    out = tmp_path / "usb" / "branch-backup.sqlite"
    out.parent.mkdir()
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    started = time.monotonic()
    assert _run("backup", "--db", db, "-o", tmp_path / "timing.sqlite", home=home).returncode == 0
    whole_run = time.monotonic() - started
    during_copy = 0
    for attempt in range(KILLS):
        shutil.copyfile(old, out)  # the existing backup the clerk relies on
        child = subprocess.Popen(_command("backup", "--db", db, "-o", out), env=_env(home),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt % 2 == 0:  # while the copy is being written or checked
            deadline = time.monotonic() + 30
            while not part_files(out.parent) and child.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.001)
            time.sleep(0 if attempt == 0 else rng.uniform(0, 0.05))
            during_copy += bool(part_files(out.parent))
        else:  # anywhere in the run
            time.sleep(rng.uniform(0, whole_run))
        child.send_signal(signal.SIGKILL)
        child.wait()
        context = f"seed {seed}, attempt {attempt}"
        assert out.exists(), context
        assert quick_check(out) == "ok", context
        assert member_names(out) in (["张三"], ["张三", "李四"]), context
    assert during_copy >= 1, f"no kill landed during the copy (seed {seed})"

    finished = _run("backup", "--db", db, "-o", out, home=home)
    assert finished.returncode == 0, finished.stderr
    assert member_names(out) == ["张三", "李四"] and part_files(out.parent) == []


def test_backup_to_a_full_disk_says_how_much_space_is_missing(
    database: tuple[Path, Path], tmp_path: Path,
) -> None:
    db, _old = database
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(small)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        out = small / "branch.sqlite"
        out.write_bytes(b"an older backup the clerk keeps")
        result = _run("backup", "--db", db, "-o", out, home=tmp_path / "home")
        assert result.returncode == 1
        assert result.stderr.startswith(
            "错误：磁盘空间不足，备份未完成，原有备份未受影响。还需要约 "
        ), result.stderr
        assert "Traceback" not in result.stderr
        assert out.read_bytes() == b"an older backup the clerk keeps"
        assert part_files(small) == []
    finally:
        subprocess.run(["umount", "-l", str(small)], check=False)


def test_a_damaged_database_is_not_backed_up_exported_or_printed(
    database: tuple[Path, Path], tmp_path: Path,
) -> None:
    db, _old = database
    damage(db)
    home = tmp_path / "home"
    out = tmp_path / "copy.sqlite"
    refused = _run("backup", "--db", db, "-o", out, home=home)
    assert refused.returncode == 1 and not out.exists()
    assert refused.stderr.startswith("错误：数据库文件已损坏（")
    assert "），不能备份。请先用 branchdesk verify 检查，或从备份恢复。" in refused.stderr

    pdf = tmp_path / "list.pdf"
    printed = _run("print", "reminders", "--db", db, "--month", "2026-11", "-o", pdf, home=home)
    assert printed.returncode == 1 and not pdf.exists()
    assert "数据库文件已损坏" in printed.stderr and "不能打印" in printed.stderr

    sheet = tmp_path / "members.xlsx"
    exported = _run("export", "members", "--db", db, sheet, home=home)
    assert exported.returncode == 1 and not sheet.exists()
    assert "数据库文件已损坏" in exported.stderr and "不能导出" in exported.stderr

"""Bad files and bad places for a database: each a clear Chinese message, nothing changed."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchdesk.app import open_services
from branchdesk.cli import main
from branchdesk.core.actor import SYSTEM
from branchdesk.core.services import Services
from branchdesk.core.vocab import OrgKind
from branchdesk.paths import AppPaths
from branchdesk.storage import migrate
from branchdesk.storage.backup import list_backups
from branchdesk.storage.database import APPLICATION_ID, Database
from branchdesk.storage.errors import DatabaseWriteError
from branchdesk.storage.migrate import (
    DatabaseOpenError,
    DbState,
    create_database,
    inspect_file,
    open_database,
)

CORRUPT_WORDS = ("已损坏", "请从备份恢复")


def _commands(db: Path, out: Path) -> list[list[str]]:
    """Every CLI command that opens an existing database."""
    roster = out / "roster.csv"
    roster.write_text("姓名,公民身份号码,人员类别,所在党支部\n", encoding="utf-8")
    return [
        ["reminders", "--db", str(db)],
        ["export", "members", str(out / "out.xlsx"), "--db", str(db)],
        ["import", "members", str(roster), "--db", str(db)],
        ["verify", "--db", str(db)],
        ["backup", "--db", str(db), "-o", str(out / "copy.sqlite")],
        ["print", "reminders", "--month", "2026-11", "-o", str(out / "r.pdf"), "--db", str(db)],
        ["print", "minutes-book", "--branch", "第一党支部", "--year", "2026",
         "-o", str(out / "m.pdf"), "--db", str(db)],
        ["print", "booklet", "--member", "110105198005010013", "-o", str(out / "b.pdf"),
         "--db", str(db)],
        ["anchors", "--db", str(db)],
    ]


def _run_cli(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "home", tmp_path / "home" / "logs")


def _empty_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=0")
    con.execute("VACUUM")  # a valid SQLite file with no table
    con.close()


@pytest.mark.parametrize("kind", ["zero-byte", "no tables"])
def test_an_empty_file_is_refused_everywhere_and_never_initialised(
    kind: str, tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "empty.sqlite"
    if kind == "zero-byte":
        db.write_bytes(b"")
    else:
        _empty_sqlite(db)
    before = db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DatabaseOpenError, match="不是支部台账的数据库"):
        open_services(db, paths)  # what the GUI does at start
    for args in _commands(db, out):
        code, text = _run_cli(capsys, args)
        assert code == 1, args
        assert "不是支部台账的数据库" in text, (args, text)
        assert "意外错误" not in text
    assert db.read_bytes() == before
    assert inspect_file(db).state is DbState.EMPTY
    assert sorted(p.name for p in out.iterdir()) == ["roster.csv"]


def test_a_missing_default_database_is_still_created_at_first_run(
    tmp_path: Path, paths: AppPaths
) -> None:
    db = tmp_path / "data" / "branchdesk.sqlite"
    services = open_services(db, paths)
    services.db.dispose()
    assert inspect_file(db).state is DbState.CURRENT
    assert not [p.name for p in db.parent.iterdir() if ".new" in p.name]  # no building left


def test_two_first_starts_at_once_keep_one_database(tmp_path: Path) -> None:
    """The second instance finishing its new file finds the first's: it keeps that one."""
    db = tmp_path / "branchdesk.sqlite"
    first = open_database(db, tmp_path / "b")
    Services.build(first, tmp_path / "b").organisations.create(
        SYSTEM, OrgKind.COMMITTEE, "中共先建委员会", None)
    first.dispose()
    building = tmp_path / "branchdesk.sqlite.999.new"
    create_database(building).dispose()
    migrate._move_into_place(building, db)
    assert not building.exists()
    second = Services.build(open_database(db, tmp_path / "b"), tmp_path / "b")
    assert second.organisations.find_by_name("中共先建委员会") is not None
    second.db.dispose()


def test_a_first_start_killed_mid_creation_leaves_no_file_that_would_be_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "branchdesk.sqlite"

    def fail(_db: Database) -> None:
        raise OSError(errno.EIO, "interrupted")

    monkeypatch.setattr(migrate, "_upgrade", fail)
    with pytest.raises(DatabaseOpenError):
        open_database(db, tmp_path / "b")
    assert not db.exists()
    monkeypatch.undo()
    open_database(db, tmp_path / "b").dispose()  # the next start creates it
    assert inspect_file(db).state is DbState.CURRENT


def test_a_folder_given_as_the_database(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a folder.sqlite"
    folder.mkdir()
    with pytest.raises(DatabaseOpenError, match="是一个文件夹"):
        open_services(folder, paths)
    for args in _commands(folder, tmp_path):
        code, text = _run_cli(capsys, args)
        assert code == 1 and "是一个文件夹" in text, (args, text)
        assert not any(word in text for word in CORRUPT_WORDS)
    assert list(folder.iterdir()) == []


def test_a_dropped_table_is_named_and_nothing_changes(
    tmp_path: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "branch.sqlite"
    create_database(db).dispose()
    con = sqlite3.connect(db)
    con.execute("DROP TABLE meeting_attachments")
    con.commit()
    con.close()
    before = db.read_bytes()
    missing = "数据库不完整，缺少表 meeting_attachments，请从备份恢复"
    with pytest.raises(DatabaseOpenError, match=missing):
        open_services(db, paths)
    code, text = _run_cli(capsys, ["verify", "--db", str(db)])
    assert code == 1 and "缺少表 meeting_attachments" in text
    assert db.read_bytes() == before


# places that cannot be written ----------------------------------------------------------


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs of our own (root can mount here), unmounted afterwards."""
    point = tmp_path / "disk"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (the injected variants still run)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _branch_database(path: Path) -> None:
    db = create_database(path)
    services = Services.build(db, path.parent / "b")
    services.organisations.create(SYSTEM, OrgKind.COMMITTEE, "中共某某委员会", None)
    db.dispose()


def test_a_read_only_folder_says_no_write_permission(
    mounted: Path, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real read-only filesystem (a tmpfs remounted read-only: even root cannot write)."""
    db = mounted / "branch.sqlite"
    _branch_database(db)
    before = db.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
    with pytest.raises(DatabaseOpenError) as caught:
        open_services(db, paths)
    assert "没有写入权限" in str(caught.value)
    assert not any(word in str(caught.value) for word in CORRUPT_WORDS)
    code, text = _run_cli(capsys, ["reminders", "--db", str(db)])
    assert code == 1 and "没有写入权限" in text
    assert db.read_bytes() == before


def test_a_read_only_file_says_no_write_permission(
    tmp_path: Path, paths: AppPaths
) -> None:
    """An immutable file (chattr +i), which root cannot write either."""
    db = tmp_path / "branch.sqlite"
    _branch_database(db)
    if shutil.which("chattr") is None or subprocess.run(
        ["chattr", "+i", str(db)], capture_output=True
    ).returncode != 0:
        pytest.skip("chattr +i is not available here (the injected variant still runs)")
    try:
        before = db.read_bytes()
        with pytest.raises(DatabaseOpenError) as caught:
            open_services(db, paths)
        assert "没有写入权限" in str(caught.value) and str(db) in str(caught.value)
        assert not any(word in str(caught.value) for word in CORRUPT_WORDS)
        assert db.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_injected_read_only_and_full_disk_errors_of_a_write_are_told_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver's own errors (injected at the commit), as a write on a read-only medium or
    a full disk meets them: told as such, rolled back, the data as it was."""
    db_path = tmp_path / "branch.sqlite"
    _branch_database(db_path)
    db = Database.open_sqlite(db_path)
    services = Services.build(db, tmp_path / "b")
    committee = services.organisations.find_by_name("中共某某委员会")
    assert committee is not None
    from sqlalchemy.orm import Session

    real_commit = Session.commit
    for error, words in (
        (sqlite3.OperationalError("attempt to write a readonly database"), "没有写入权限"),
        (sqlite3.OperationalError("database or disk is full"), "磁盘已满"),
    ):
        def failing_commit(self: Session, error: Exception = error) -> None:
            self.flush()
            raise error

        monkeypatch.setattr(Session, "commit", failing_commit)
        with pytest.raises(DatabaseWriteError) as caught:
            services.organisations.create(SYSTEM, OrgKind.BRANCH, "第一党支部", committee.id)
        assert words in str(caught.value)
        assert "刚才的修改没有保存" in str(caught.value)
        monkeypatch.setattr(Session, "commit", real_commit)
        assert services.organisations.find_by_name("第一党支部") is None
    assert services.audit.verify().sound
    db.dispose()


def _old_padded_database(path: Path, padding_mb: float) -> None:
    """A database at revision 0004, made large by a padding table."""
    from alembic import command

    db = Database.open_sqlite(path)
    config = migrate._alembic_config()
    with db.engine.connect() as connection, migrate.schema_transaction(connection):
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    db.dispose()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE padding (x BLOB)")
    con.execute(f"INSERT INTO padding VALUES (randomblob({int(padding_mb * 1024 * 1024)}))")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def test_a_full_disk_at_upgrade_says_how_much_is_needed(
    mounted: Path, tmp_path: Path
) -> None:
    """The before-upgrade copy does not fit on a real 3 MB filesystem."""
    source = tmp_path / "old.sqlite"
    _old_padded_database(source, 1.8)
    db = mounted / "old.sqlite"
    shutil.copy(source, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(db, mounted / "backups")
    message = str(caught.value)
    assert "磁盘已满" in message and "MB" in message and "需要约" in message
    assert "文件未做任何改动" in message
    assert not any(word in message for word in CORRUPT_WORDS)
    assert db.read_bytes() == before
    assert inspect_file(db) == migrate.DbInspection(DbState.OUTDATED, "0004")
    assert list_backups(db, mounted / "backups") == []


def test_injected_full_disk_at_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "old.sqlite"
    _old_padded_database(db, 0.1)
    before = db.read_bytes()
    from branchdesk.storage import upgrade_backup

    def no_space(*_args: object, **_kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(upgrade_backup, "backup_database", no_space)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(db, tmp_path / "backups")
    assert "磁盘已满" in str(caught.value) and "需要约" in str(caught.value)
    assert not any(word in str(caught.value) for word in CORRUPT_WORDS)
    assert db.read_bytes() == before


def test_a_full_data_folder_does_not_stop_the_program_from_starting(
    mounted: Path, tmp_path: Path
) -> None:
    """The database elsewhere, its backup folder on a full disk: the program opens."""
    db = tmp_path / "branch.sqlite"
    _branch_database(db)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE padding (x BLOB)")  # bigger than the 3 MB disk
    con.execute(f"INSERT INTO padding VALUES (randomblob({4 * 1024 * 1024}))")
    con.commit()
    con.close()
    paths = AppPaths(mounted / "home", mounted / "home" / "logs")
    services = open_services(db, paths)
    try:
        assert services.organisations.find_by_name("中共某某委员会") is not None
        (notice,) = services.startup_notices  # the clerk is told
        assert "今天的自动备份没有完成" in notice and "程序照常打开" in notice
    finally:
        services.db.dispose()
    assert list_backups(db, paths.backup_dir_for(db)) == []


def test_a_save_on_a_full_disk_says_disk_full_and_keeps_what_was_saved(mounted: Path) -> None:
    """The disk under the database fills up (a real 3 MB filesystem): the save is refused
    as 磁盘已满, never as damage, and everything saved before is intact."""
    db_path = mounted / "branch.sqlite"
    _branch_database(db_path)
    db = Database.open_sqlite(db_path)
    services = Services.build(db, mounted / "b")
    committee = services.organisations.find_by_name("中共某某委员会")
    assert committee is not None
    filler = mounted / "filler"
    with filler.open("wb", buffering=0) as fh:  # take every byte that is left
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    refused = 0
    for n in range(20):  # the write-ahead log may still have room for a few
        try:
            services.organisations.create(SYSTEM, OrgKind.BRANCH, f"第{n}党支部", committee.id)
        except DatabaseWriteError as exc:
            assert "磁盘已满" in str(exc) and "需要约" in str(exc)
            assert not any(word in str(exc) for word in CORRUPT_WORDS)
            refused += 1
            break
    assert refused == 1
    filler.unlink()
    assert services.organisations.find_by_name("中共某某委员会") is not None
    assert services.audit.verify().sound
    db.dispose()

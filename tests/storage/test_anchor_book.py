"""Anchors are appended after each save, and an unwritable anchor folder never fails a save."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.services import Services
from branchdesk.storage.anchor_setup import attach_anchor_book, head_of, set_second_folder
from branchdesk.storage.anchors import read_anchors


def test_each_save_appends_the_new_head(
    services: Services, add_member: Callable[..., int], clerk: Actor, tmp_path: Path
) -> None:
    book = attach_anchor_book(services.db, tmp_path / "data")
    assert book is not None
    member = add_member("张三", 13)
    services.resume.add(clerk, member, "2000.09", "2004.07", "某大学学生", "")
    anchors = read_anchors(book.files[0]).anchors
    assert [a.reason for a in anchors] == ["打开", "写入", "写入"]
    head = head_of(services.db)
    assert head is not None and (anchors[-1].entry_id, anchors[-1].hash) == (head.entry_id,
                                                                             head.hash)
    assert book.files[0].name.startswith("test-") and len(book.database_id) == 16


def test_an_unwritable_anchor_folder_never_fails_a_save(
    services: Services, add_member: Callable[..., int], clerk: Actor, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    book = attach_anchor_book(services.db, tmp_path / "data")
    assert book is not None
    set_second_folder(services.db, "admin", stick)
    member = add_member("张三", 13)
    second = book.files[1]
    assert read_anchors(second).anchors[-1].hash == head_of(services.db).hash  # type: ignore[union-attr]
    # the stick is pulled out and something else takes the data folder's anchor file's place
    second.unlink()
    stick.rmdir()
    stick.write_text("不是文件夹", encoding="utf-8")
    book.files[0].unlink()
    book.files[0].mkdir()
    with caplog.at_level(logging.WARNING, logger="branchdesk"):
        line = services.resume.add(clerk, member, "2000.09", "2004.07", "某大学学生", "")
    assert [r.id for r in services.resume.lines(member)] == [line]  # saved all the same
    assert "anchor not written" in caplog.text


def test_a_restore_sets_the_earlier_anchors_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anchors written after a backup do not make verify cry "truncated" once that backup is
    restored through the program (a 恢复 line in the book); they would for a copy put back by
    hand."""
    from branchdesk.app import open_services, restore_database
    from branchdesk.cli import main
    from branchdesk.core.vocab import OrgKind, Role
    from branchdesk.paths import AppPaths

    paths = AppPaths.default()
    db_path = tmp_path / "branch.sqlite"
    services = open_services(db_path, paths)
    admin = Actor("admin", Role.ADMIN, "王管理")
    services.accounts.create_first_admin("admin", "secret-password", "王管理")
    services.organisations.create(admin, OrgKind.COMMITTEE, "中共测试委员会", None)
    backup = services.backups.back_up(admin)
    services.organisations.create(admin, OrgKind.COMMITTEE, "中共另一委员会", None)
    services = restore_database(services, backup, paths, admin)
    services.db.dispose()
    assert main(["verify", "--db", str(db_path)]) == 0, capsys.readouterr().out
    assert "从备份恢复之前的" in capsys.readouterr().out
    book = next((paths.data_dir / "anchors").glob("branch-*.txt"))
    assert [a.reason for a in read_anchors(book).anchors][0] == "恢复"

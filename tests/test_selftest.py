"""branchdesk --selftest: every step passes in a normal install; a failing step says so."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from branchdesk import __version__, selftest


def test_selftest_passes_as_a_command(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != selftest.FAIL_ENV}
    env["BRANCHDESK_HOME"] = str(tmp_path / "home")
    env.pop("QT_QPA_PLATFORM", None)  # the selftest needs no display and chooses offscreen
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk", "--selftest"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert __version__ in result.stdout
    for _key, label, _step in selftest.STEPS:
        assert f"[通过] {label}" in result.stdout
    assert "数据库完好" in result.stdout
    assert f"自检通过：全部 {len(selftest.STEPS)} 项正常。" in result.stdout
    assert "[失败]" not in result.stderr
    assert not (tmp_path / "home").exists()  # the user's folders are left alone


def test_a_step_made_to_fail_exits_1_with_a_chinese_message(tmp_path: Path) -> None:
    env = dict(os.environ, BRANCHDESK_HOME=str(tmp_path / "home"))
    env[selftest.FAIL_ENV] = "booklet"
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk", "--selftest"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert result.returncode == 1
    assert "[通过] 新建党员" in result.stdout
    assert "[失败] 打印发展党员全程纪实表（PDF）" in result.stderr
    assert "自检未通过" in result.stderr
    assert "自检通过" not in result.stdout


@pytest.fixture
def _own_translators(qtbot):  # type: ignore[no-untyped-def]
    """Take out the Qt translators the launcher installs, so later tests see Qt as it was."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    yield
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.deleteLater()


@pytest.mark.usefixtures("_own_translators")
def test_a_broken_booklet_is_caught(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from branchdesk.reports import booklet_service

    def no_font(services, member_id, target, today=None) -> None:  # type: ignore[no-untyped-def]
        Path(target).write_bytes(b"%PDF-1.4\n% a PDF without its font\n%%EOF\n")

    monkeypatch.setattr(booklet_service, "save_booklet", no_font)
    monkeypatch.delenv(selftest.FAIL_ENV, raising=False)
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err) == 1
    assert "[通过] 新建党员" in out.getvalue()
    assert "[失败] 打印发展党员全程纪实表（PDF）：纪实表 PDF 中没有嵌入 TrueType 字体" in (
        err.getvalue()
    )
    assert "自检通过" not in out.getvalue()


@pytest.mark.usefixtures("_own_translators")
def test_an_unexpected_error_is_reported_with_its_traceback(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.storage import migrate

    def broken(path: Path) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr(migrate, "create_database", broken)
    home = os.environ.get("BRANCHDESK_HOME")
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err) == 1
    assert "[失败] 新建数据库（Alembic 迁移）和管理员账户：OSError: 磁盘已满" in err.getvalue()
    assert "Traceback" in err.getvalue()
    assert os.environ.get("BRANCHDESK_HOME") == home  # restored


def test_the_selftest_is_in_the_help() -> None:
    from branchdesk.cli import _parser

    assert "--selftest" in _parser().format_help()

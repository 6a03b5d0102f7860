"""Printed PDFs and exported spreadsheets get the user's default permissions (the umask),
not the owner-only 0600 of a private temporary file: on a shared office PC colleagues may
need to open what the clerk printed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from branchdesk.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def run(*args: str | Path, home: Path, umask: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BRANCHDESK_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "branchdesk", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, umask=umask,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "branch.sqlite"
    assert main(["init", str(path), "--committee", "中共某某委员会", "--branch", "第一党支部"]) == 0
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_a_printed_pdf_gets_the_umasks_mode(
    db: Path, tmp_path: Path, umask: int, expected: int,
) -> None:
    target = tmp_path / f"登记簿-{umask:o}.pdf"
    printed = run("print", "transfer-register", "--year", "2026", "--db", db, "-o", target,
                  home=tmp_path / "home", umask=umask)
    assert printed.returncode == 0, printed.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert _mode(target) == expected
    # no private temporary file is left next to it
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []


def test_an_exported_spreadsheet_gets_the_umasks_mode(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "名册.xlsx"
    exported = run("export", "members", target, "--db", db, home=tmp_path / "home",
                   umask=0o022)
    assert exported.returncode == 0, exported.stderr
    assert _mode(target) == 0o644

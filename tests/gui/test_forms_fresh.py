"""The committed forms in gui/forms are exactly what pyside6-uic makes of ui/*.ui."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_forms", ROOT / "ui" / "build_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_forms = _build_forms()
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))


def test_there_are_forms() -> None:
    assert len(UI_FILES) >= 10


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_form_is_fresh(ui_file: Path) -> None:
    committed = build_forms.form_path(ui_file)
    assert committed.exists(), f"{committed.name} 缺失：请运行 python ui/build_forms.py"
    fresh = build_forms.compile_form(ui_file)
    assert build_forms.comparable(committed.read_text(encoding="utf-8")) == (
        build_forms.comparable(fresh)
    ), f"{committed.name} 已过期：请运行 python ui/build_forms.py"
    text = committed.read_text(encoding="utf-8")
    assert text.splitlines()[3].startswith("## Form generated from reading UI file")
    assert f"# Generated from ui/{ui_file.name} by ui/build_forms.py — do not edit." in text


def test_check_reports_a_stale_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(build_forms.FORMS_DIR, forms)
    target = forms / "ui_login_dialog.py"
    edited = target.read_text(encoding="utf-8").replace("self.username", "self.user_name")
    target.write_text(edited, encoding="utf-8")
    monkeypatch.setattr(build_forms, "FORMS_DIR", forms)
    stale = build_forms.stale_forms()
    assert len(stale) == 1 and "ui_login_dialog.py" in stale[0]
    assert build_forms.main(["--check"]) == 1


def test_check_command_passes_on_the_committed_forms() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "ui" / "build_forms.py"), "--check"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""Smoke test of the frozen bundle (dist/BranchDesk, made by installer/build.py).

As qutebrowser tests its release builds: start the built program itself, with no Python of
ours around it, let it do real work, and fail on any exit code but 0 *and* on any unexpected
line on stderr (a Qt plugin that did not load, a translation not found, a hidden import
missing). Skipped when no bundle has been built; .ci/run builds one and runs this file.
``BRANCHDESK_BUNDLE=/path/to/BranchDesk`` tests a bundle elsewhere. A bundle in dist/ built
from other sources than the working tree's is skipped too (installer/build.py stamps it), and
``BRANCHDESK_BUNDLE_REQUIRED=1`` (.ci/run) turns either skip into an error.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from branchdesk import __version__

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = Path(os.environ.get("BRANCHDESK_BUNDLE") or ROOT / "dist" / "BranchDesk")
EXE = BUNDLE / ("branchdesk.exe" if sys.platform == "win32" else "branchdesk")
#: stderr lines that are not a problem
EXPECTED_STDERR: tuple[str, ...] = ()



def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _why_not() -> str:
    """Why this bundle cannot be tested: none built, or built from other sources."""
    if not EXE.exists():
        return f"no bundle at {BUNDLE} (python installer/build.py)"
    if "BRANCHDESK_BUNDLE" in os.environ:
        return ""
    build = _build_script()
    stamp = BUNDLE / build.STAMP_NAME
    if not stamp.exists() or stamp.read_text(encoding="ascii").strip() != build.source_stamp():
        return f"the bundle at {BUNDLE} was built from other sources (python installer/build.py)"
    return ""


WHY_NOT = _why_not()
if WHY_NOT and os.environ.get("BRANCHDESK_BUNDLE_REQUIRED"):  # CI: a bundle must be tested
    raise RuntimeError(f"BRANCHDESK_BUNDLE_REQUIRED is set, but {WHY_NOT}")
needs_bundle = pytest.mark.skipif(bool(WHY_NOT), reason=WHY_NOT)


def _clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a clerk's machine: no Python or Qt settings of the build's."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV", "BRANCHDESK_"))
    }
    env["HOME"] = str(tmp_path / "home")  # platformdirs: the data folder in here
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / ".local" / "share")
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path, timeout: int = 180,
         wrapper: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*wrapper, str(EXE), *args], env=env, cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", timeout=timeout, check=False,
    )


def _unexpected(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and line not in EXPECTED_STDERR]


@needs_bundle
def test_the_bundle_passes_its_selftest_offscreen(tmp_path: Path) -> None:
    result = _run(["--selftest"], _clean_env(tmp_path), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout and "[失败]" not in result.stderr
    assert "平台 offscreen" in result.stdout
    assert _unexpected(result.stderr) == []
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.sqlite"))


@needs_bundle
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_the_bundle_passes_its_selftest_on_x11(tmp_path: Path) -> None:
    """The real X11 platform plugin and the libraries it needs are in the bundle."""
    env = _clean_env(tmp_path, QT_QPA_PLATFORM="xcb")
    result = _run(["--selftest"], env, tmp_path, wrapper=("xvfb-run", "-a"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "平台 xcb" in result.stdout
    assert _unexpected(result.stderr) == []


@needs_bundle
def test_the_bundle_runs_the_command_line(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    version = _run(["--version"], env, tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"branchdesk {__version__}"
    help_text = _run(["--help"], env, tmp_path)
    assert help_text.returncode == 0 and "--selftest" in help_text.stdout
    db = tmp_path / "台账.sqlite"
    made = _run(["init", str(db), "--committee", "中共测试委员会", "--branch", "第一党支部"],
                env, tmp_path)
    assert made.returncode == 0, made.stderr
    verified = _run(["verify", "--db", str(db)], env, tmp_path)
    assert verified.returncode == 0 and "数据库完好" in verified.stdout, verified.stderr
    template = tmp_path / "模板.xlsx"
    written = _run(["template", "members", str(template)], env, tmp_path)
    assert written.returncode == 0 and template.read_bytes()[:2] == b"PK", written.stderr
    assert _unexpected(made.stderr + verified.stderr + written.stderr) == []


@needs_bundle
def test_the_bundle_holds_the_resources_as_files() -> None:
    internal = BUNDLE / "_internal" / "branchdesk"
    migrations = internal / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert len(list((migrations / "versions").glob("0*.py"))) >= 5
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (internal / "resources" / "icons" / "branchdesk-256.png").is_file()
    assert (internal / "resources" / "licences" / "LGPL-3.0.txt").is_file()


@needs_bundle
def test_the_bundle_leaves_out_unused_qt() -> None:
    names = {p.name for p in BUNDLE.rglob("*")}
    for unused in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia",
                   "QtNetwork", "QtPdf", "QtSvg"):
        assert not any(unused in name for name in names), unused
    qm = sorted(p.name for p in BUNDLE.rglob("*.qm"))
    assert "qtbase_zh_CN.qm" in qm
    assert all("zh_CN" in name for name in qm), qm


@needs_bundle
def test_the_bundle_is_under_170_mb() -> None:
    # 150 MB until issue 11: encryption at rest adds SQLCipher (8.4 MB) and, for the
    # transfer packages' AES-GCM, cryptography (11.6 MB) — installer/README.md
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 170_000_000, f"{size / 1e6:.1f} MB"


@needs_bundle
@pytest.mark.skipif(sys.platform != "linux", reason="the tarball is the Linux package")
def test_the_linux_tarball_has_the_bundle_and_its_desktop_entry() -> None:
    tarballs = sorted((BUNDLE.parent).glob(f"BranchDesk-{__version__}-linux-*.tar.gz"))
    if not tarballs:
        pytest.skip("no tarball (built with --no-tarball)")
    with tarfile.open(tarballs[-1]) as tar:
        names = set(tar.getnames())
    top = f"BranchDesk-{__version__}"
    for member in ("branchdesk", "branchdesk.desktop", "install-desktop-entry.sh",
                   "icons/branchdesk-256.png", "icons/branchdesk.svg", "README.txt"):
        assert f"{top}/{member}" in names, member
    desktop = (BUNDLE / "branchdesk.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=支部台账" in desktop and "Icon=branchdesk" in desktop


@needs_bundle
@pytest.mark.skipif(sys.platform != "linux", reason="the .desktop entry is for Linux")
def test_the_desktop_entry_installs_for_the_user(tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    result = subprocess.run(
        ["sh", str(BUNDLE / "install-desktop-entry.sh")], env=env, capture_output=True,
        text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    data = tmp_path / "home" / ".local" / "share"
    entry = (data / "applications" / "branchdesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{BUNDLE.resolve()}/branchdesk" %f' in entry
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "branchdesk.png").is_file()


@needs_bundle
@pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (desktop-file-utils) is not installed",
)
def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(BUNDLE / "branchdesk.desktop")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


# the installer scripts themselves (no bundle needed) -------------------------------------

SPEC = (ROOT / "installer" / "branchdesk.spec").read_text(encoding="utf-8")
ISS_BYTES = (ROOT / "installer" / "branchdesk.iss").read_bytes()
ISS = ISS_BYTES.decode("utf-8-sig")


def test_the_windows_installer_installs_per_user_and_keeps_the_data() -> None:
    assert ISS_BYTES.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Inno Setup reads the Chinese
    for line in ("PrivilegesRequired=lowest",
                 r"DefaultDirName={localappdata}\Programs\{#AppNameLatin}",
                 "AppVersion={#AppVersion}", "Tasks: desktopicon", "{userprograms}",
                 "usPostUninstall"):
        assert line in ISS, line
    assert "会保留，不会删除" in ISS and "您的数据没有删除" in ISS
    assert "[UninstallDelete]" not in ISS  # nothing of the user's is removed


def test_the_windows_installer_starts_the_windowed_program_of_the_spec() -> None:
    assert '#define AppExe "branchdeskw.exe"' in ISS
    assert 'name="branchdeskw"' in SPEC and "console=False" in SPEC
    icon = ROOT / "src" / "branchdesk" / "resources" / "icons" / "branchdesk.ico"
    assert r"..\src\branchdesk\resources\icons\branchdesk.ico" in ISS and icon.is_file()
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_build_writes_the_version_for_the_installer(tmp_path: Path, monkeypatch) -> None:
    build = _build_script()
    monkeypatch.setattr(build, "BUILD", tmp_path)
    text = build.write_version_iss("1.2.3rc1").read_text(encoding="utf-8")
    assert '#define AppVersion "1.2.3rc1"' in text
    assert '#define AppVersionNumeric "1.2.3.1"' in text
    assert build.version() == __version__

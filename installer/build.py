"""Build BranchDesk's desktop bundle (PyInstaller, one folder) and what goes around it.

Usage (from anywhere, with the project installed: pip install -e ".[bundle]"):

    python installer/build.py              # forms, icons, bundle; Linux: + .desktop, tarball
    python installer/build.py --selftest   # … then run the bundled ``branchdesk --selftest``

Steps:
1. compile ui/*.ui into src/branchdesk/gui/forms (ui/build_forms.py);
2. export the icon from resources/icons/branchdesk.svg when it changed (installer/make_icons.py);
3. write build/version.iss (the version for installer/branchdesk.iss, from branchdesk/__init__.py);
4. run PyInstaller on installer/branchdesk.spec -> dist/BranchDesk/;
5. Linux: add branchdesk.desktop, the icons and install-desktop-entry.sh to the bundle and
   pack dist/BranchDesk-<version>-linux-<machine>.tar.gz;
   Windows: next, ``iscc installer\\branchdesk.iss`` makes dist/BranchDesk-<version>-setup.exe;
6. print the bundle's unpacked size (installer/README.md reports it; goal: under 150 MB).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "BranchDesk"
ICONS = ROOT / "src" / "branchdesk" / "resources" / "icons"
WINDOWS = sys.platform == "win32"
SIZE_GOAL_MB = 150


def version() -> str:
    """The package's version, read from src/branchdesk/__init__.py (not an installed copy)."""
    text = (ROOT / "src" / "branchdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("src/branchdesk/__init__.py 中找不到 __version__")
    return found.group(1)


def run(*command: str | Path) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], cwd=ROOT, check=True)


def write_version_iss(ver: str) -> Path:
    """build/version.iss, included by installer/branchdesk.iss (or pass iscc /DAppVersion=…)."""
    BUILD.mkdir(exist_ok=True)
    target = BUILD / "version.iss"
    numeric = ".".join((re.findall(r"\d+", ver) + ["0", "0", "0"])[:4])
    target.write_text(
        "; written by installer/build.py from src/branchdesk/__init__.py\n"
        f'#define AppVersion "{ver}"\n#define AppVersionNumeric "{numeric}"\n',
        encoding="utf-8",
    )
    return target


def pyinstaller() -> None:
    run(
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", INSTALLER / "branchdesk.spec",
    )


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=BranchDesk
Name[zh_CN]=支部台账
GenericName=Party branch records
GenericName[zh_CN]=党支部党务工作台账
Comment=Records of a Party branch, kept offline
Comment[zh_CN]=党员花名册、发展党员、会议记录、组织关系转接（离线使用）
Exec={exec} %f
Icon={icon}
Terminal=false
Categories=Office;
StartupWMClass=branchdesk
"""

INSTALL_SCRIPT = """#!/bin/sh
# Adds BranchDesk (支部台账) to the desktop's application menu for this user:
# ~/.local/share/applications/branchdesk.desktop and the icons, pointing at this folder.
# Run it again after moving the folder. Remove: rm ~/.local/share/applications/branchdesk.desktop
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$here/icons/branchdesk-$size.png" "$data/icons/hicolor/${size}x${size}/apps/branchdesk.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps" "$data/applications"
cp "$here/icons/branchdesk.svg" "$data/icons/hicolor/scalable/apps/branchdesk.svg"
sed -e "s|^Exec=.*|Exec=\\"$here/branchdesk\\" %f|" -e "s|^Icon=.*|Icon=branchdesk|" \\
  "$here/branchdesk.desktop" > "$data/applications/branchdesk.desktop"
chmod +x "$data/applications/branchdesk.desktop"
if command -v update-desktop-database >/dev/null; then
  update-desktop-database "$data/applications" || true
fi
echo "已添加到应用程序菜单：支部台账（$data/applications/branchdesk.desktop）"
"""


def add_linux_files(bundle: Path) -> None:
    """The .desktop entry, icons and the script that installs them for the user."""
    icons = bundle / "icons"
    icons.mkdir(exist_ok=True)
    for png in sorted(ICONS.glob("branchdesk-*.png")):
        shutil.copy2(png, icons / png.name)
    shutil.copy2(ROOT / "resources" / "icons" / "branchdesk.svg", icons / "branchdesk.svg")
    (bundle / "branchdesk.desktop").write_text(
        DESKTOP_ENTRY.format(exec="branchdesk", icon="branchdesk"), encoding="utf-8"
    )
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT, encoding="utf-8", newline="\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    shutil.copy2(INSTALLER / "README-bundle.txt", bundle / "README.txt")


def tarball(bundle: Path, ver: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    target = DIST / f"BranchDesk-{ver}-linux-{machine}.tar.gz"
    top = f"BranchDesk-{ver}"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=clean)
    return target


STAMP_NAME = "source-stamp.txt"


def source_stamp() -> str:
    """A hash of what goes into the bundle from this repository (the package and installer/);
    tests/test_bundle.py skips a bundle built from other sources than the working tree's."""
    digest = hashlib.sha256()
    folders = (ROOT / "src" / "branchdesk", INSTALLER)
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(ROOT).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def selftest(bundle: Path) -> None:
    exe = bundle / ("branchdesk.exe" if WINDOWS else "branchdesk")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_"))}
    print(f"+ {exe} --selftest", flush=True)
    result = subprocess.run([str(exe), "--selftest"], env=env, cwd=bundle.parent, check=False)
    if result.returncode != 0:
        raise SystemExit(f"安装包自检未通过（退出码 {result.returncode}）")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建支部台账的安装包（PyInstaller 单文件夹）")
    parser.add_argument("--selftest", action="store_true", help="构建后运行安装包内的自检")
    parser.add_argument("--no-tarball", action="store_true", help="Linux：不打 .tar.gz 包")
    args = parser.parse_args(argv)
    started = time.monotonic()
    ver = version()
    run(sys.executable, ROOT / "ui" / "build_forms.py")
    run(sys.executable, INSTALLER / "make_icons.py")
    write_version_iss(ver)
    stamp = source_stamp()
    pyinstaller()
    (BUNDLE / STAMP_NAME).write_text(stamp + "\n", encoding="ascii")
    if not WINDOWS:
        add_linux_files(BUNDLE)
    size = folder_size(BUNDLE)
    print(f"安装包：{BUNDLE}（解压后 {size / 1e6:.1f} MB，目标 {SIZE_GOAL_MB} MB 以内）")
    if args.selftest:
        selftest(BUNDLE)
    if not WINDOWS and not args.no_tarball:
        packed = tarball(BUNDLE, ver)
        print(f"压缩包：{packed}（{packed.stat().st_size / 1e6:.1f} MB）")
    if WINDOWS:
        print(r"下一步：iscc installer\branchdesk.iss  →  dist\BranchDesk-" f"{ver}-setup.exe")
    print(f"用时 {time.monotonic() - started:.0f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Compile every ui/*.ui with pyside6-uic into src/branchdesk/gui/forms/ui_<name>.py.

Usage: python ui/build_forms.py          (rebuild the forms)
       python ui/build_forms.py --check  (exit 1 and list the forms that are stale)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "src" / "branchdesk" / "gui" / "forms"
VERSION_LINE = "## Created by: Qt User Interface Compiler version"
NOTICE = "# Generated from ui/{name}.ui by ui/build_forms.py — do not edit.\n"


def find_uic() -> str:
    """pyside6-uic next to the running Python, else on PATH."""
    exe = Path(sys.executable).parent
    for candidate in ("pyside6-uic", "pyside6-uic.exe", "Scripts/pyside6-uic.exe"):
        path = exe / candidate
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("找不到 pyside6-uic：请先安装 PySide6（pip install PySide6-Essentials）")
    return found


def compile_form(ui_file: Path, uic: str | None = None) -> str:
    """The Python text pyside6-uic makes of ``ui_file``, with the do-not-edit notice."""
    result = subprocess.run(
        [uic or find_uic(), ui_file.name],
        cwd=ui_file.parent, capture_output=True, text=True, encoding="utf-8", check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic 编译 {ui_file.name} 失败：\n{result.stderr}")
    lines = result.stdout.splitlines(keepends=True)
    # the uic header is a block of "##" lines closed by a line of "#"; the notice follows it
    closing = next(
        i for i, line in enumerate(lines)
        if i > 0 and line.startswith("####") and lines[i - 1].startswith("##")
    )
    lines.insert(closing + 1, NOTICE.format(name=ui_file.stem))
    return "".join(lines)


def shown(path: Path) -> str:
    """A path relative to the repository when it lies inside it."""
    try:
        return str(path.relative_to(UI_DIR.parent))
    except ValueError:
        return str(path)


def form_path(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def comparable(text: str) -> str:
    """The text without uic's version line, which changes with the installed PySide6."""
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith(VERSION_LINE)
    )


def ui_files() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def stale_forms() -> list[str]:
    """Names of forms missing or different from what their .ui file compiles to."""
    uic = find_uic()
    stale = []
    for ui_file in ui_files():
        target = form_path(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current is None or comparable(current) != comparable(compile_form(ui_file, uic)):
            stale.append(f"{shown(target)} (from ui/{ui_file.name})")
    known = {form_path(f).name for f in ui_files()}
    for orphan in sorted(FORMS_DIR.glob("ui_*.py")):
        if orphan.name not in known:
            stale.append(f"{shown(orphan)} (no ui file)")
    return stale


def build() -> list[Path]:
    uic = find_uic()
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in ui_files():
        target = form_path(ui_file)
        text = compile_form(ui_file, uic)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="把 ui/*.ui 编译为 src/branchdesk/gui/forms/ui_*.py"
    )
    parser.add_argument(
        "--check", action="store_true", help="只检查，列出过期的文件（有则退出码 1）"
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_forms()
        for name in stale:
            print(f"过期：{name}")
        if stale:
            print("请运行 python ui/build_forms.py 重新生成")
            return 1
        print(f"{len(ui_files())} 个界面文件均为最新")
        return 0
    for path in build():
        print(f"已生成 {shown(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

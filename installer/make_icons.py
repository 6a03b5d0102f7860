"""Export the application icon: resources/icons/branchdesk.svg -> PNGs and a Windows .ico.

Usage: python installer/make_icons.py           (export when the SVG changed)
       python installer/make_icons.py --force   (export again)

Writes src/branchdesk/resources/icons/branchdesk-<size>.png (16 … 256 px) and branchdesk.ico
(the same sizes, PNG-compressed, as Windows Vista and later read them), plus
branchdesk.svg.sha256 with the hash of the SVG they were made from: the exports are
committed, and are made again only when the SVG changes. Rendering uses QtSvg
(in PySide6-Essentials); the .ico is written here, without Pillow.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "branchdesk.svg"
TARGET = ROOT / "src" / "branchdesk" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
STAMP = TARGET / "branchdesk.svg.sha256"


def source_hash() -> str:
    return hashlib.sha256(SOURCE.read_bytes()).hexdigest()


def up_to_date() -> bool:
    wanted = [TARGET / f"branchdesk-{s}.png" for s in SIZES] + [TARGET / "branchdesk.ico"]
    return (
        all(p.exists() for p in wanted)
        and STAMP.exists()
        and STAMP.read_text(encoding="ascii").split()[0] == source_hash()
    )


def render_pngs() -> dict[int, bytes]:
    """PNG bytes of the SVG at each size, rendered by QtSvg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"无法读取图标 {SOURCE}")
    pngs = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    del _app
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A .ico holding PNG images (ICONDIR, one ICONDIRENTRY per size, then the PNGs)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        data = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(pngs[s] for s in sizes)


def export() -> list[Path]:
    TARGET.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs()
    written = []
    for size, data in pngs.items():
        path = TARGET / f"branchdesk-{size}.png"
        path.write_bytes(data)
        written.append(path)
    ico = TARGET / "branchdesk.ico"
    ico.write_bytes(ico_bytes(pngs))
    written.append(ico)
    STAMP.write_text(f"{source_hash()}  branchdesk.svg\n", encoding="ascii")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="把 resources/icons/branchdesk.svg 导出为 PNG 和 .ico"
    )
    parser.add_argument("--force", action="store_true", help="即使 SVG 未改动也重新导出")
    args = parser.parse_args(argv)
    if not args.force and up_to_date():
        print("图标均为最新")
        return 0
    for path in export():
        print(f"已生成 {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

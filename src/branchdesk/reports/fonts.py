"""The CJK TrueType fonts printed documents use: a system 宋体/仿宋, else the shipped one."""

from __future__ import annotations

import io
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from branchdesk.core.errors import BranchDeskError

#: the font shipped in ``branchdesk/resources/fonts`` (Apache-2.0; face 0 of the collection)
SHIPPED_FONT = "wqy-microhei.ttc"
SHIPPED_FONT_NAME = "BranchDesk-WenQuanYiMicroHei"

#: system body fonts in order of preference: file name (lower case), face index, name
BODY_CANDIDATES: tuple[tuple[str, int, str], ...] = (
    ("simsun.ttc", 0, "SimSun"),  # 宋体 (Windows)
    ("simsun.ttf", 0, "SimSun"),
    ("simfang.ttf", 0, "FangSong"),  # 仿宋 (Windows)
    ("fangsong.ttf", 0, "FangSong"),
    ("fangsong_gb2312.ttf", 0, "FangSong_GB2312"),
)
#: system heading fonts (黑体); the body font is used where none is found
HEADING_CANDIDATES: tuple[tuple[str, int, str], ...] = (("simhei.ttf", 0, "SimHei"),)
#: system fonts that cover rare characters (CJK Extension B and beyond) the body font lacks
RARE_CANDIDATES: tuple[tuple[str, int, str], ...] = (
    ("simsunb.ttf", 0, "SimSun-ExtB"),  # Windows
    ("simsun-extg.ttf", 0, "SimSun-ExtG"),
    ("hanaminb.ttf", 0, "HanaMinB"),
    ("babelstonehan.ttf", 0, "BabelStoneHan"),
)
#: what a body font must print: Latin letters, digits and the common words of our forms
_BODY_PROBE = "0123456789ABCXYZabcxyz中国共产党发展党员纪实表年月日无"


class MissingGlyphsError(BranchDeskError):
    """A text holds characters that no installed font can print."""

    def __init__(self, characters: Iterable[str], where: Sequence[str] = ()) -> None:
        self.characters = frozenset(characters)
        self.where = tuple(where)
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in sorted(self.characters))
        place = f"（见：{'、'.join(self.where)}）" if self.where else ""
        super().__init__(
            f"字符{shown}在已安装的字体中没有字形{place}，打印出来会是空白。"
            "请安装含这些字的字体（如 Windows 的 SimSun-ExtB，即 simsunb.ttf）后再打印，"
            "或核对这些字是否录入有误。"
        )


@dataclass(frozen=True)
class FontFace:
    """A registered TrueType face: its reportlab name and the code points it has glyphs for."""

    name: str
    source: str
    code_points: frozenset[int] = field(repr=False)

    def has(self, character: str) -> bool:
        return ord(character) in self.code_points


@dataclass(frozen=True)
class FontSet:
    """The body font, the heading font and fallbacks for characters the body font lacks."""

    body: FontFace
    heading: FontFace
    fallbacks: tuple[FontFace, ...]

    @property
    def faces(self) -> tuple[FontFace, ...]:
        return (self.body, *self.fallbacks)

    def face_for(self, character: str) -> FontFace | None:
        """The first face that has a glyph for ``character``, or None."""
        for face in self.faces:
            if face.has(character):
                return face
        return None

    def require_printable(self, texts: Iterable[tuple[str, str]]) -> None:
        """Raise MissingGlyphsError naming the characters no face can print and where
        (the first five places) among ``(place, text)`` pairs; nothing when all print."""
        missing: set[str] = set()
        where: list[str] = []
        for place, text in texts:
            lacking = self.missing_glyphs(text)
            if lacking:
                missing |= lacking
                if place not in where:
                    where.append(place)
        if missing:
            raise MissingGlyphsError(missing, where[:5])

    def missing_glyphs(self, text: str) -> set[str]:
        """The characters of ``text`` that none of the faces can print (spaces never count)."""
        missing: set[str] = set()
        body = self.body.code_points
        for character in set(text):
            if ord(character) in body or _needs_no_glyph(character):
                continue
            if self.face_for(character) is None:
                missing.add(character)
        return missing

    def runs(self, text: str, face: FontFace | None = None) -> Iterator[tuple[str, str]]:
        """Split ``text`` into (font name, piece) runs, each piece printable in its font."""
        main = face or self.body
        current = main.name
        piece: list[str] = []
        for character in text:
            if main.has(character) or _needs_no_glyph(character):
                name = main.name
            else:
                found = self.face_for(character)
                name = found.name if found else main.name
            if name != current and piece:
                yield current, "".join(piece)
                piece = []
            current = name
            piece.append(character)
        if piece:
            yield current, "".join(piece)

    def markup(self, text: str, face: FontFace | None = None) -> str:
        """``text`` escaped for a Paragraph, with characters the font lacks set in a fallback."""
        main = (face or self.body).name
        out = []
        for name, piece in self.runs(text, face):
            escaped = escape(piece).replace("\n", "<br/>")
            out.append(escaped if name == main else f'<font face="{name}">{escaped}</font>')
        return "".join(out)


def _needs_no_glyph(character: str) -> bool:
    return character.isspace() or unicodedata.category(character) in ("Cc", "Cf")


def font_directories() -> list[Path]:
    """The folders where Windows, macOS and Linux keep installed fonts."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    data_home = Path(os.environ.get("XDG_DATA_HOME", str(home / ".local" / "share")))
    return [
        data_home / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    ]


def _installed_fonts(directories: Iterable[Path]) -> dict[str, Path]:
    """Installed font files by lower-case file name (the first folder wins)."""
    found: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            continue
        for root, _dirs, names in os.walk(directory):
            for name in names:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def load_face(name: str, source: Path | bytes, index: int, label: str) -> FontFace | None:
    """Register a TrueType face with reportlab; None for a CFF/OpenType or unreadable file."""
    try:
        font = TTFont(
            name, io.BytesIO(source) if isinstance(source, bytes) else str(source),
            subfontIndex=index,
        )
    except (TTFError, OSError, ValueError, IndexError, KeyError):
        return None
    pdfmetrics.registerFont(font)
    return FontFace(name=name, source=label, code_points=frozenset(font.face.charToGlyph))


def _first(
    candidates: Sequence[tuple[str, int, str]], installed: dict[str, Path], probe: str
) -> FontFace | None:
    for file_name, index, label in candidates:
        path = installed.get(file_name)
        if path is None:
            continue
        face = load_face(f"BranchDesk-{label}", path, index, f"{label} ({path})")
        if face is not None and all(face.has(c) for c in probe):
            return face
    return None


@lru_cache(maxsize=1)
def shipped_font() -> FontFace:
    """Register the font shipped with BranchDesk (WenQuanYi Micro Hei, Apache-2.0)."""
    data = (files("branchdesk.resources") / "fonts" / SHIPPED_FONT).read_bytes()
    face = load_face(SHIPPED_FONT_NAME, data, 0, "WenQuanYi Micro Hei（随程序提供）")
    if face is None:  # pragma: no cover - the package is broken
        raise RuntimeError(f"the shipped font {SHIPPED_FONT} cannot be read")
    return face


def find_fonts(directories: Iterable[Path] | None = None) -> FontSet:
    """Register the fonts to print with: system 宋体/仿宋 if installed, else the shipped font."""
    installed = _installed_fonts(font_directories() if directories is None else directories)
    shipped = shipped_font()
    body = _first(BODY_CANDIDATES, installed, _BODY_PROBE) or shipped
    heading = _first(HEADING_CANDIDATES, installed, _BODY_PROBE) or body
    fallbacks = [shipped] if body is not shipped else []
    for file_name, index, label in RARE_CANDIDATES:
        path = installed.get(file_name)
        if path is not None:
            face = load_face(f"BranchDesk-{label}", path, index, f"{label} ({path})")
            if face is not None:
                fallbacks.append(face)
    return FontSet(body=body, heading=heading, fallbacks=tuple(fallbacks))


@lru_cache(maxsize=1)
def default_fonts() -> FontSet:
    """The fonts of this computer, found and registered once per process."""
    return find_fonts()


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` that the printing fonts cannot print."""
    return default_fonts().missing_glyphs(text)

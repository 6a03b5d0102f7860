"""Fonts for printing: the shipped TrueType font, system 宋体 candidates, missing glyphs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from branchdesk.reports.fonts import (
    FontSet,
    find_fonts,
    load_face,
    missing_glyphs,
    shipped_font,
)

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
CFF_OTF = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _shipped_only() -> FontSet:
    return FontSet(body=shipped_font(), heading=shipped_font(), fallbacks=())


def test_the_shipped_font_prints_rare_name_characters_latin_and_digits() -> None:
    fonts = _shipped_only()
    assert fonts.missing_glyphs("张喆 王堃 李昇 刘玥 陈燚 11010519491231002X abc") == set()


def test_a_character_no_font_has_is_reported() -> None:
    fonts = _shipped_only()
    assert fonts.missing_glyphs("王𠇔") == {"𠇔"}  # CJK Extension B
    assert fonts.missing_glyphs("line\nbreak\ttab\u3000space") == set()


def test_missing_glyphs_uses_this_computers_fonts() -> None:
    assert missing_glyphs("张喆") == set()


def test_the_shipped_font_and_its_licence_are_package_data() -> None:
    from importlib.resources import files

    fonts = files("branchdesk.resources") / "fonts"
    assert (fonts / "wqy-microhei.ttc").is_file()
    assert "Apache License" in (fonts / "wqy-microhei-LICENSE-Apache-2.0.txt").read_text("utf-8")
    assert "WenQuanYi" in (fonts / "wqy-microhei-COPYRIGHT.txt").read_text("utf-8")


def test_without_system_fonts_the_shipped_font_is_used(tmp_path: Path) -> None:
    fonts = find_fonts([tmp_path])
    assert fonts.body == shipped_font() and fonts.heading == shipped_font()
    assert fonts.fallbacks == ()


@pytest.mark.skipif(not DROID.exists(), reason="Droid Sans Fallback is not installed")
def test_a_system_font_without_latin_digits_is_not_used_for_the_body(tmp_path: Path) -> None:
    shutil.copy(DROID, tmp_path / "simsun.ttf")  # CJK only: digits would print blank
    assert find_fonts([tmp_path]).body == shipped_font()


@pytest.mark.skipif(not CFF_OTF.exists(), reason="no OpenType/CFF font installed")
def test_a_postscript_outline_font_is_skipped(tmp_path: Path) -> None:
    shutil.copy(CFF_OTF, tmp_path / "simsun.ttf")  # reportlab embeds glyf TrueType only
    assert load_face("Test-CFF", tmp_path / "simsun.ttf", 0, "CFF") is None
    assert find_fonts([tmp_path]).body == shipped_font()


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans is not installed")
def test_a_rare_character_font_is_a_fallback_after_the_body(tmp_path: Path) -> None:
    shutil.copy(DEJAVU, tmp_path / "simsunb.ttf")  # stands in for SimSun-ExtB
    fonts = find_fonts([tmp_path])
    assert fonts.body == shipped_font()
    assert [face.source.split()[0] for face in fonts.fallbacks] == ["SimSun-ExtB"]
    fallback = fonts.fallbacks[0].name
    assert list(fonts.runs("张☑三")) == [
        (shipped_font().name, "张"), (fallback, "☑"), (shipped_font().name, "三"),
    ]
    assert fonts.markup("<张>☑&") == f'&lt;张&gt;<font face="{fallback}">☑</font>&amp;'

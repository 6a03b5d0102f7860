"""Chinese line breaking for reportlab paragraphs: 标点禁则, whole Latin words, no overhang."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

#: may not begin a line (closing brackets, stops, commas; Chinese and Latin)
CANNOT_START = frozenset(
    "，。、；：！？）》」』】〕〉］｝”’…—·％‰℃"
    "!%),.:;?]}'\"" "\u3005\u30fc"
)
#: may not end a line (opening brackets and quotes)
CANNOT_END = frozenset("（《「『【〔〈［｛“‘([{")
#: characters of a Latin word, file name or number that is not broken where avoidable
_WORD = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/@#+&=~"
)
_FUZZ = 1e-6


class ChineseParagraph(Paragraph):  # type: ignore[misc]
    """A Paragraph that wraps Chinese at any character but follows the punctuation rules.

    reportlab's own CJK wrapping lets a closing bracket hang past the right edge (over
    a table's border) and lets a full-width comma start a line; this one moves the
    last character of the line down with it instead, and keeps Latin words (file
    names, ID numbers) whole where they fit on a line.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # tables and KeepTogether wrap every cell several times at the same width
        cached = getattr(self, "_wrapped", None)
        if cached is not None and cached[0] == availWidth and hasattr(self, "blPara"):
            return cached[1]  # type: ignore[no-any-return]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size  # type: ignore[no-any-return]

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab's name
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        style, frags = self.style, self.frags
        if not frags:
            return ParaLines(
                kind=0, fontSize=style.fontSize, fontName=style.fontName,
                textColor=style.textColor, lines=[], ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        split_part = hasattr(self, "blPara") and getattr(self, "_splitpara", False)
        if len(frags) == 1 and not hasattr(frags[0], "cbDefn") and not style.endDots:
            frag = frags[0]  # one font and colour: plain text lines, drawn fastest
            if split_part:  # the first part of a split paragraph keeps its lines
                return frag.clone(kind=0, lines=self.blPara.lines)
            text = frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))
            if isinstance(text, bytes):
                text = text.decode("utf8")
            widths = _widths(text, frag.fontName, frag.fontSize)
            lines = [
                (max_width - used, [text[a:b]])
                for a, b, used, max_width in _line_spans(text, widths, maxWidths)
            ]
            return frag.clone(
                kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize
            )
        if split_part:
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return break_frags(frags, maxWidths, auto_leading not in ("", "off"))


@lru_cache(maxsize=64)
def _width_table(font_name: str, font_size: float) -> dict[str, float]:
    return {}


def _widths(text: str, font_name: str, font_size: float) -> list[float]:
    """The advance width of each character (cached per font and size)."""
    table = _width_table(font_name, font_size)
    out = []
    for char in text:
        width = table.get(char)
        if width is None:
            width = table[char] = stringWidth(char, font_name, font_size)
        out.append(width)
    return out


def break_frags(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> Any:
    """Split fragments in several fonts or colours into lines no wider than ``max_widths``."""
    chars: list[Any] = []
    for frag in frags:
        text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
        if text:
            chars.extend(cjkU(c, frag, "utf8") for c in text)
        else:
            chars.append(cjkU(text, frag, "utf8"))
    forced = {i for i, c in enumerate(chars) if hasattr(c.frag, "lineBreak")}
    lines = []
    for a, b, used, max_width in _line_spans(
        chars, [c.width for c in chars], max_widths, forced
    ):
        lines.append(makeCJKParaLine(
            chars[a:b], max_width, used, max_width - used, b - 1 in forced, calc_bounds
        ))
    return ParaLines(kind=1, lines=lines)


def _line_spans(
    text: Sequence[str], widths: Sequence[float], max_widths: Sequence[float],
    forced: set[int] | None = None,
) -> Iterator[tuple[int, int, float, float]]:
    """(start, end, width used, width available) of each line of ``text``."""
    forced = forced or set()
    count, line, start, index, used = len(text), 0, 0, 0, 0.0
    limit = float(max_widths[0])
    while index < count:
        if index in forced:  # <br/>
            yield start, index + 1, used, limit
            line += 1
            limit = float(max_widths[min(line, len(max_widths) - 1)])
            start = index = index + 1
            used = 0.0
            continue
        width = widths[index]
        if used + width > limit + _FUZZ and index > start:
            end = _break_point(text, start, index)
            last = end
            while last - 1 > start and text[last - 1] == " ":
                last -= 1
            yield start, last, sum(widths[start:last]), limit
            line += 1
            limit = float(max_widths[min(line, len(max_widths) - 1)])
            while end < count and text[end] == " " and end not in forced:
                end += 1
            start = index = end
            used = 0.0
            continue
        used += width
        index += 1
    if start < count:
        yield start, count, used, limit


def _break_point(chars: Sequence[str], start: int, overflow: int) -> int:
    """Where the next line starts, given that ``chars[overflow]`` does not fit."""
    end = overflow
    for _ in range(8):
        moved = end
        if end - 1 > start and (chars[end] in CANNOT_START or chars[end - 1] in CANNOT_END):
            moved = end - 1
        elif chars[end] in _WORD and chars[end - 1] in _WORD:
            word_start = end
            while word_start > start and chars[word_start - 1] in _WORD:
                word_start -= 1
            if word_start > start:
                moved = word_start
        if moved == end:
            break
        end = moved
    return end

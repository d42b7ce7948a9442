"""The report's fonts: DejaVu Sans TrueType files shipped in resources/fonts, embedded as subsets.

No PDF base-14 font is used anywhere (not even the canvas's initial font), so every character a
Swedish text needs survives copy-paste, and the file is fit for PDF/A.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from assessor.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_tag_lock = threading.Lock()
_registered = False
_covered: frozenset[int] = frozenset()


_ASTRAL = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16(match: re.Match[str]) -> str:
    code = int(match.group(2), 16) - 0x10000
    high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
    return f"{match.group(1)}<{high:04X}{low:04X}>"


def _to_unicode_cmap(original: Any) -> Any:
    """ReportLab's ToUnicode map with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab writes such a character (an emoji DejaVu draws, U+1F600) as five hex digits,
    which readers take as U+1F60 and a stray digit: the page shows the emoji, but copying the
    text, searching it and a screen reader get another letter.
    """

    def make(fontname: str, subset: list[int]) -> str:
        return _ASTRAL.sub(_utf16, original(fontname, subset))

    return make


class _TaggedFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose embedded subsets get tags no other font of ours uses, and a text
    map that is right for every character it draws.

    ReportLab tags subset n of every font "n as six letters", so the first subsets of the
    regular, bold and italic faces are all AAAAAA+; the PDF specification wants a tag per
    subset. Each face counts its subsets from its own offset instead.
    """

    def __init__(self, name: str, path: str, offset: int) -> None:
        super().__init__(name, path)
        self._tag_offset = offset

    def addObjects(self, doc: Any) -> None:
        with _tag_lock:  # the tag function is ReportLab's module global, shared by threads
            original, cmap = ttfonts.SUBSETN, ttfonts.makeToUnicodeCMap
            ttfonts.SUBSETN = lambda n: original(n + self._tag_offset)
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap(cmap)
            try:
                super().addObjects(doc)
            finally:
                ttfonts.SUBSETN, ttfonts.makeToUnicodeCMap = original, cmap


def register_fonts() -> None:
    """Register the fonts with ReportLab once per process (safe from any thread)."""
    global _registered, _covered
    with _lock:
        if _registered:
            return
        maps = []
        for number, (name, file_name) in enumerate(_FILES.items()):
            font = _TaggedFont(name, str(resource("fonts", file_name)), number * 1000)
            # Line breaking measures the same words at the same sizes thousands of times, and
            # ReportLab measures TrueType text in pure Python: remember the widths.
            font.stringWidth = functools.lru_cache(maxsize=1 << 16)(font.stringWidth)
            pdfmetrics.registerFont(font)
            maps.append(set(font.face.charToGlyph))
        _covered = frozenset(set.intersection(*maps))
        # <b> and <i> inside a paragraph pick these; bold italic falls back to bold.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True


def covered() -> frozenset[int]:
    """The code points every one of our fonts has a glyph for."""
    register_fonts()
    return _covered

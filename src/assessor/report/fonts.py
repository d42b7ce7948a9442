"""The report's fonts: DejaVu Sans TrueType files shipped in resources/fonts, embedded as subsets.

No PDF base-14 font is used anywhere (not even the canvas's initial font), so every character a
Swedish text needs survives copy-paste, and the file is fit for PDF/A.
"""

from __future__ import annotations

import functools
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from assessor.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_registered = False
_covered: frozenset[int] = frozenset()


def register_fonts() -> None:
    """Register the fonts with ReportLab once per process (safe from any thread)."""
    global _registered, _covered
    with _lock:
        if _registered:
            return
        maps = []
        for name, file_name in _FILES.items():
            font = TTFont(name, str(resource("fonts", file_name)))
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

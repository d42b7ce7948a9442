"""Turning user text and numbers into safe paragraph markup.

User text is data: every character that the paragraph parser would read as markup is escaped,
so `<b>`, `&`, `<img src=...>` or `<font size=99>` print as typed and never load a file or
change the layout. Control characters (which the parser and the PDF cannot carry) are dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from assessor.report.escape import escape
from assessor.report.fonts import covered

# Besides the C0 and C1 controls, the bidirectional embeddings, overrides and isolates: the
# PDF draws them as nothing, but Word obeys them, so an U+202E in a finding's title printed the
# rest of the line backwards (and in the complex-script size) in the DOCX, and the two formats
# of one report read differently.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


_KEEP_UNDRAWABLE: ContextVar[bool] = ContextVar("keep_undrawable", default=False)


@contextmanager
def keeping_undrawable() -> Iterator[None]:
    """Within it, clean() keeps the characters our fonts cannot draw: a DOCX is drawn by Word
    with its own fonts and their fallbacks, so a name in Chinese or Amharic can stay itself
    there (the PDF has only our fonts and shows U+FFFD)."""
    token = _KEEP_UNDRAWABLE.set(True)
    try:
        yield
    finally:
        _KEEP_UNDRAWABLE.reset(token)


def clean(value: str) -> str:
    """The text without control characters (bidirectional overrides too) or lone surrogates,
    with \\n line ends.

    A character no font of ours can draw becomes U+FFFD: an empty box (the .notdef glyph) would
    lose it just the same, and PDF/A forbids referring to .notdef.
    """
    value = value.encode("utf-8", "replace").decode("utf-8")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _CONTROL.sub("", value)
    drawable = _drawable()
    if drawable.issuperset(value) or _KEEP_UNDRAWABLE.get():
        return value
    return "".join(ch if ch in drawable else "\ufffd" for ch in value)


@functools.cache
def _drawable() -> frozenset[str]:
    """The characters every font of ours draws, and the line end: one set lookup per text
    (a portfolio report cleans some 10,000 texts) instead of a loop over its characters."""
    return frozenset(map(chr, covered())) | {"\n"}


def esc(value: str) -> str:
    """User text as paragraph markup: escaped, line breaks kept."""
    return escape(clean(value)).replace("\n", "<br/>")


def number(value: float | None, language: str, digits: int = 1) -> str:
    """A number as the reader writes it: 2,5 in Swedish, 2.5 in English; a dash for none."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    text = text.replace("-", "−")
    return text.replace(".", ",") if language == "sv" else text


def percent(value: float | None, language: str) -> str:
    return number(None if value is None else value, language, 0)

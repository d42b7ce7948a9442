"""A ReportLab paragraph that breaks its lines once per width.

ReportLab wraps a table cell's paragraph when it measures the rows, again when a table split
over pages measures what is left (the repeated header row on every page), and again when it
draws the cell; a frame wraps a paragraph again before splitting it. Each wrap breaks the
lines anew, in pure Python. The lines depend only on the text, the style and the width, and
none of those changes once the paragraph is made: a wrap at the width of the last one returns
what that one found, and leaves the lines it made in place.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph


class Para(Paragraph):  # type: ignore[misc]
    """Paragraph, with a repeated wrap at the same width answered from the last one."""

    def __init__(self, text: Any, style: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        self._wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # the height is not an input of line breaking: Paragraph.wrap does not read it
        last = self._wrapped
        if last is not None and last[0] == availWidth:
            return last[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        # splitting may leave this paragraph's own lines changed: break them anew next time
        self._wrapped = None
        return parts

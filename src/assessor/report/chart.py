"""The radar chart: current vs target level per dimension, drawn with the report's own fonts."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors

from assessor.report import fonts

CURRENT = colors.Color(0.13, 0.38, 0.62)
CURRENT_FILL = colors.Color(0.73, 0.82, 0.91)
TARGET = colors.Color(0.80, 0.36, 0.13)
GRID = colors.Color(0.78, 0.80, 0.83)
TEXT = colors.Color(0.2, 0.22, 0.25)


def _lines(text: str, width: int = 24, most: int = 3) -> list[str]:
    """A label in at most ``most`` lines of about ``width`` characters; the rest cut with …."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return [line if len(line) <= width else line[: width - 1].rstrip() + "…" for line in lines] or [
        ""
    ]


def radar(
    labels: Sequence[str],
    current: Sequence[float | None],
    target: Sequence[float | None],
    *,
    low: int,
    high: int,
    legend: tuple[str, str],
    width: float = 440,
    height: float = 330,
) -> Drawing:
    """A radar of len(labels) spokes; None values sit at the centre (nothing to show).

    Without any target there is no target line and no target in the legend: a dashed "Mål"
    in the legend of a chart with none drawn (a CISO framework has no target levels until
    the advisor sets them) promised what was not there.
    """
    targets = any(value is not None for value in target)
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR, initialFontSize=8)
    n = len(labels)
    cx, cy = width / 2, height / 2 + 4
    radius = min(width * 0.26, height * 0.36)
    span = max(high - low, 1)

    def point(i: int, value: float | None) -> tuple[float, float]:
        share = 0.0 if value is None else max(0.0, min(1.0, (value - low) / span))
        angle = math.pi / 2 - 2 * math.pi * i / max(n, 1)
        return cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)

    if n < 3:  # a radar needs three spokes; fewer is shown by the table alone
        return Drawing(width, 1, initialFontName=fonts.REGULAR)
    for level in range(low, high + 1):
        ring: list[float] = []
        for i in range(n):
            ring.extend(point(i, level))
        drawing.add(Polygon(ring, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
        x, y = point(0, level)
        # just inside its ring, right of the upright spoke: above the ring the highest level
        # would touch the first dimension's label
        drawing.add(
            String(x + 3, y - 8, str(level), fontName=fonts.REGULAR, fontSize=7, fillColor=TEXT)
        )
    for i, label in enumerate(labels):
        x, y = point(i, high)
        drawing.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
        angle = math.pi / 2 - 2 * math.pi * i / n
        lx, ly = cx + (radius + 10) * math.cos(angle), cy + (radius + 10) * math.sin(angle)
        anchor = "middle"
        if math.cos(angle) > 0.2:
            anchor = "start"
        elif math.cos(angle) < -0.2:
            anchor = "end"
        lines = _lines(label)
        step = 9
        if math.sin(angle) < -0.5:  # below the chart: lines go down from the spoke's end
            top = ly - 8
        elif math.sin(angle) > 0.5:  # above: the last line sits just above the spoke's end
            top = ly + step * (len(lines) - 1)
        else:  # beside: centred on the spoke's end
            top = ly - 3 + step * (len(lines) - 1) / 2
        for k, line in enumerate(lines):
            drawing.add(
                String(
                    lx,
                    top - k * step,
                    line,
                    fontName=fonts.REGULAR,
                    fontSize=7.5,
                    fillColor=TEXT,
                    textAnchor=anchor,
                )
            )
    now: list[float] = []
    goal: list[float] = []
    for i in range(n):
        now.extend(point(i, current[i]))
        goal.extend(point(i, target[i]))
    drawing.add(Polygon(now, strokeColor=CURRENT, strokeWidth=1.5, fillColor=CURRENT_FILL))
    if targets:
        drawing.add(
            PolyLine(
                [*goal, goal[0], goal[1]],
                strokeColor=TARGET,
                strokeWidth=1.5,
                strokeDashArray=[4, 3],
            )
        )
    # legend
    y = 8
    drawing.add(
        Polygon(
            [10, y, 24, y, 24, y + 8, 10, y + 8],
            fillColor=CURRENT_FILL,
            strokeColor=CURRENT,
            strokeWidth=1,
        )
    )
    drawing.add(String(30, y, legend[0], fontName=fonts.REGULAR, fontSize=8, fillColor=TEXT))
    if not targets:
        return drawing
    x2 = 30 + 10 + len(legend[0]) * 5.5
    drawing.add(
        Line(x2, y + 4, x2 + 16, y + 4, strokeColor=TARGET, strokeWidth=1.5, strokeDashArray=[4, 3])
    )
    drawing.add(String(x2 + 22, y, legend[1], fontName=fonts.REGULAR, fontSize=8, fillColor=TEXT))
    return drawing

"""A chart drawing as a PNG (for the DOCX), painted with Pillow.

ReportLab's own bitmap renderer needs pycairo, which has no wheel for Linux. Our charts use four
shapes (Polygon, PolyLine, Line, String) without transforms, so painting those is all it takes;
the drawing stays the one description of the chart for both formats.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, String

from assessor.paths import resource
from assessor.report import fonts

_FILES = {
    fonts.REGULAR: "DejaVuSans.ttf",
    fonts.BOLD: "DejaVuSans-Bold.ttf",
    fonts.ITALIC: "DejaVuSans-Oblique.ttf",
}


@functools.lru_cache(maxsize=32)
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource("fonts", _FILES.get(name, "DejaVuSans.ttf"))), size)


def _rgb(colour: Any) -> tuple[int, int, int] | None:
    if colour is None:
        return None
    return (round(colour.red * 255), round(colour.green * 255), round(colour.blue * 255))


def _dashed(
    draw: ImageDraw.ImageDraw,
    points: list[tuple[float, float]],
    fill: Any,
    width: int,
    dash: tuple[float, float],
) -> None:
    on, off = dash
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        pos = 0.0
        while pos < length:
            end = min(pos + on, length)
            a, b = pos / length, end / length
            draw.line(
                [
                    (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                    (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                ],
                fill=fill,
                width=width,
            )
            pos = end + off


def to_png(drawing: Drawing, scale: float = 2.0) -> bytes:
    """The drawing at ``scale`` pixels per point, on white."""
    width, height = math.ceil(drawing.width * scale), math.ceil(drawing.height * scale)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)

    def xy(points: list[float]) -> list[tuple[float, float]]:
        return [
            (points[i] * scale, height - points[i + 1] * scale)
            for i in range(0, len(points) - 1, 2)
        ]

    for shape in drawing.contents:
        stroke = _rgb(getattr(shape, "strokeColor", None))
        line_width = max(1, round(getattr(shape, "strokeWidth", 1) * scale))
        dash = getattr(shape, "strokeDashArray", None)
        if isinstance(shape, Polygon):
            points = xy(shape.points)
            draw.polygon(points, fill=_rgb(shape.fillColor))
            if stroke is not None:
                _dashed(
                    draw,
                    [*points, points[0]],
                    stroke,
                    line_width,
                    (dash[0] * scale, dash[1] * scale) if dash else (1e9, 0),
                )
        elif isinstance(shape, PolyLine) and stroke is not None:
            _dashed(
                draw,
                xy(shape.points),
                stroke,
                line_width,
                (dash[0] * scale, dash[1] * scale) if dash else (1e9, 0),
            )
        elif isinstance(shape, Line) and stroke is not None:
            _dashed(
                draw,
                xy([shape.x1, shape.y1, shape.x2, shape.y2]),
                stroke,
                line_width,
                (dash[0] * scale, dash[1] * scale) if dash else (1e9, 0),
            )
        elif isinstance(shape, String):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
            draw.text(
                (shape.x * scale, height - shape.y * scale),
                shape.text,
                fill=_rgb(shape.fillColor) or (0, 0, 0),
                font=_font(shape.fontName, round(shape.fontSize * scale)),
                anchor=anchor,
            )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()

"""The colour scale of scores, shared by the heat map on screen and in the report.

Viridis (dark violet for the lowest level, yellow for the highest): perceptually even, in order
in grey, and readable for the common kinds of colour blindness. Numbers are always printed on
the colour too, so colour is never the only cue.
"""

from __future__ import annotations

# viridis at nine evenly spaced stops (matplotlib's table, rounded)
VIRIDIS: tuple[tuple[float, float, float], ...] = (
    (0.267, 0.005, 0.329),
    (0.279, 0.175, 0.483),
    (0.230, 0.322, 0.546),
    (0.173, 0.449, 0.558),
    (0.128, 0.567, 0.551),
    (0.153, 0.680, 0.504),
    (0.362, 0.786, 0.388),
    (0.678, 0.864, 0.190),
    (0.993, 0.906, 0.144),
)

RGB = tuple[float, float, float]


def scale_rgb(value: float, low: float, high: float) -> RGB:
    """The colour (r, g, b in 0..1) of a score on the scale [low, high], clamped."""
    t = 0.0 if high <= low else min(max((value - low) / (high - low), 0.0), 1.0)
    pos = t * (len(VIRIDIS) - 1)
    i = min(int(pos), len(VIRIDIS) - 2)
    f = pos - i
    a, b = VIRIDIS[i], VIRIDIS[i + 1]
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f)


def luminance(rgb: RGB) -> float:
    """Relative luminance (WCAG) of an sRGB colour."""

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])


def dark_text_on(rgb: RGB) -> bool:
    """Whether black text reads better than white on the colour (higher contrast ratio)."""
    return luminance(rgb) > 0.179

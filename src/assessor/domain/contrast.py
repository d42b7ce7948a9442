"""Contrast between two colours, as WCAG 2.1 measures it, and the nearest colour that reaches
a required ratio.

Text needs 4.5:1 against its background (success criterion 1.4.3); the parts of a control or a
chart that must be seen (grids, bars, edges, focus rings) need 3:1 (1.4.11). The window's theme
uses these to mend a system palette that falls short, keeping each colour's hue and moving only
its lightness, so a blue highlight stays blue.
"""

from __future__ import annotations

from assessor.domain.colour_scale import RGB, luminance

TEXT = 4.5
NON_TEXT = 3.0
BLACK: RGB = (0.0, 0.0, 0.0)
WHITE: RGB = (1.0, 1.0, 1.0)


def ratio(a: RGB, b: RGB) -> float:
    """The contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved the fraction ``t`` of the way to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def over(fg: RGB, alpha: float, bg: RGB) -> RGB:
    """A translucent colour as it shows on its background."""
    return mix(bg, fg, alpha)


def reach(moving: RGB, fixed: RGB, minimum: float) -> RGB:
    """``moving`` itself when it already reaches ``minimum`` against ``fixed``; else the first
    shade of it, towards black on a light ``fixed`` or white on a dark one, that does (or the
    end of that way when none does)."""
    if ratio(moving, fixed) >= minimum:
        return moving
    end = BLACK if ratio(BLACK, fixed) >= ratio(WHITE, fixed) else WHITE
    for step in range(1, 51):
        shade = mix(moving, end, step / 50)
        if ratio(shade, fixed) >= minimum:
            return shade
    return end


def reach_both(moving: RGB, first: RGB, second: RGB, minimum: float) -> RGB:
    """A shade of ``moving`` reaching ``minimum`` against two colours (say the window and the
    base) when one exists on the way away from the first; else the best found for the first."""
    shade = reach(moving, first, minimum)
    if ratio(shade, second) >= minimum:
        return shade
    return (
        reach(shade, second, minimum)
        if ratio(reach(shade, second, minimum), first) >= minimum
        else shade
    )

"""The window's colours: the system's palette, mended where it falls short of WCAG's contrast.

The styles we ship on leave gaps: Fusion's white on blue in a selected row is 3.7:1, its
placeholder text 4.0:1 (text needs 4.5:1), and the charts drew grids and tracks in translucent
text colour at under 3:1 (parts that must be seen need 3:1). Rather than a palette of our own,
each failing colour of the system's palette is moved in lightness only until its pairs pass, in
light and dark alike, so the user's colour scheme and accent stay recognisable.

When the system asks for high contrast the palette is left exactly as the system gives it: the
user chose those colours, and they pass by construction. A change of colour scheme or contrast
while the program runs is followed.

The charts take their colours from :func:`chart_colours`, which holds the same promises.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from assessor.domain.contrast import NON_TEXT, TEXT, over, ratio, reach, reach_both

Role = QPalette.ColorRole
RGB = tuple[float, float, float]

# (foreground, background, minimum): the pairs the window draws, text first
TEXT_PAIRS: tuple[tuple[Role, Role, float], ...] = (
    (Role.WindowText, Role.Window, TEXT),
    (Role.Text, Role.Base, TEXT),
    (Role.Text, Role.AlternateBase, TEXT),
    (Role.ButtonText, Role.Button, TEXT),
    (Role.HighlightedText, Role.Highlight, TEXT),
    (Role.PlaceholderText, Role.Base, TEXT),
    (Role.PlaceholderText, Role.Window, TEXT),  # quiet hints on the window
    (Role.ToolTipText, Role.ToolTipBase, TEXT),
    (Role.Link, Role.Base, TEXT),
    (Role.Link, Role.Window, TEXT),
)
# selection and focus ring (Highlight), grid lines and edges (Mid) against what they sit on
NON_TEXT_PAIRS: tuple[tuple[Role, Role, float], ...] = (
    (Role.Highlight, Role.Base, NON_TEXT),
    (Role.Highlight, Role.Window, NON_TEXT),
    (Role.Mid, Role.Base, NON_TEXT),
    (Role.Mid, Role.Window, NON_TEXT),
)


def rgb(colour: QColor) -> RGB:
    return (colour.redF(), colour.greenF(), colour.blueF())


def qcolor(value: RGB) -> QColor:
    return QColor.fromRgbF(*value)


def shown(fg: QColor, bg: QColor) -> RGB:
    """A colour as it shows on its background (Fusion's placeholder text is half-transparent
    black: measured opaque it passes, as seen it is 4.0:1)."""
    return over(rgb(fg), fg.alphaF(), rgb(bg))


def pair_ratio(
    palette: QPalette, fg: Role, bg: Role, group: QPalette.ColorGroup = QPalette.ColorGroup.Active
) -> float:
    back = palette.color(group, bg)
    return ratio(shown(palette.color(group, fg), back), rgb(back))


def failing_pairs(palette: QPalette) -> list[str]:
    """Every pair under its minimum, worded for a test's message."""
    return [
        f"{fg.name} on {bg.name}: {pair_ratio(palette, fg, bg):.2f} < {minimum}"
        for fg, bg, minimum in TEXT_PAIRS + NON_TEXT_PAIRS
        if pair_ratio(palette, fg, bg) < minimum
    ]


def mended(palette: QPalette) -> QPalette:
    """The palette with every failing pair moved to pass (active and inactive groups; disabled
    controls are exempt from the contrast criteria and keep the system's look)."""
    out = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):

        def get(role: Role, g: QPalette.ColorGroup = group) -> RGB:
            return rgb(out.color(g, role))

        def seen(role: Role, on: Role, g: QPalette.ColorGroup = group) -> RGB:
            return shown(out.color(g, role), out.color(g, on))

        def put(role: Role, value: RGB, g: QPalette.ColorGroup = group) -> None:
            out.setColor(g, role, qcolor(value))

        for fg, bg, minimum in TEXT_PAIRS:
            if fg == Role.HighlightedText:
                continue
            if pair_ratio(out, fg, bg, group) < minimum:
                put(fg, reach(seen(fg, bg), get(bg), minimum))
        # the selection must stand out from the base and the window, and its text from it:
        # a darker blue under white text on a light window, black text on a dark one
        put(
            Role.Highlight,
            reach_both(get(Role.Highlight), get(Role.Base), get(Role.Window), NON_TEXT),
        )
        text = get(Role.HighlightedText)
        if ratio(text, get(Role.Highlight)) < TEXT:
            shade = reach(get(Role.Highlight), text, TEXT)
            if min(ratio(shade, get(Role.Base)), ratio(shade, get(Role.Window))) >= NON_TEXT:
                put(Role.Highlight, shade)
            else:
                text = max(
                    ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0)), key=lambda c: ratio(c, get(Role.Highlight))
                )
                put(Role.HighlightedText, text)
                put(Role.Highlight, reach(get(Role.Highlight), text, TEXT))
        put(Role.Mid, reach_both(get(Role.Mid), get(Role.Base), get(Role.Window), NON_TEXT))
    return out


def high_contrast_wanted() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:  # Qt before 6.10 cannot tell
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def apply(app: QGuiApplication | None = None) -> None:
    """Mend the application's palette now and whenever the system's scheme changes."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        return
    _apply_now(app)
    if not app.property("assessorTheme"):
        app.setProperty("assessorTheme", True)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: _apply_now(app))
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(lambda _c: _apply_now(app))


def _apply_now(app: QGuiApplication) -> None:
    QGuiApplication.setPalette(QPalette())  # back to the system's own, then mend that
    if high_contrast_wanted():
        return
    QGuiApplication.setPalette(mended(QGuiApplication.palette()))


@dataclass(frozen=True)
class ChartColours:
    text: QColor  # labels and the target marks
    grid: QColor  # a chart's rings and spokes
    track: QColor  # the empty part of a bar
    accent: QColor  # the current values
    fill: QColor  # the radar's area (the outline in accent carries the shape)


def chart_colours(palette: QPalette) -> ChartColours:
    """Chart colours meeting 3:1 (non-text) and 4.5:1 (text) against the window."""
    window = rgb(palette.color(Role.Window))
    text = rgb(palette.color(Role.WindowText))
    accent = reach(rgb(palette.color(Role.Highlight)), window, NON_TEXT)
    grid = reach(rgb(palette.color(Role.Mid)), window, NON_TEXT)
    track = over(text, 0.08, window)
    # a bar must stand out from its track, and the target line from both
    accent = reach(accent, track, NON_TEXT)
    fill = over(accent, 0.3, window)
    return ChartColours(qcolor(text), qcolor(grid), qcolor(track), qcolor(accent), qcolor(fill))

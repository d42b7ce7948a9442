"""The window's colours meet WCAG 2.1 AA contrast (EN 301 549 11.1.4.3 and 11.1.4.11): text
pairs 4.5:1, the parts that must be seen (selection, focus ring, grids, chart bars) 3:1, in
the light and dark palettes of the styles we ship on, and the heat map's cell text on every
colour of its scale."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from assessor.domain.contrast import NON_TEXT, TEXT, ratio
from assessor.ui import theme
from assessor.ui.heat_parts import scale_colour, text_colour

Role = QPalette.ColorRole


def _palette(colours: dict[Role, str]) -> QPalette:
    p = QPalette()
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    return p


# dark palettes as the platforms give them (Fusion's own dark colours in Qt 6, Windows 11's
# dark theme, GNOME's Adwaita dark); the light ones come from the styles themselves
DARK_FUSION = _palette(
    {
        Role.Window: "#323232",
        Role.WindowText: "#ffffff",
        Role.Base: "#1e1e1e",
        Role.AlternateBase: "#2d2d2d",
        Role.Text: "#ffffff",
        Role.Button: "#3c3c3c",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#308cc6",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#7f7f7f",
        Role.ToolTipBase: "#3c3c3c",
        Role.ToolTipText: "#d4d4d4",
        Role.Link: "#308cc6",
        Role.Mid: "#303030",
    }
)
DARK_WINDOWS = _palette(
    {
        Role.Window: "#202020",
        Role.WindowText: "#ffffff",
        Role.Base: "#2b2b2b",
        Role.AlternateBase: "#323232",
        Role.Text: "#ffffff",
        Role.Button: "#373737",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#4cc2ff",
        Role.HighlightedText: "#000000",
        Role.PlaceholderText: "#9a9a9a",
        Role.ToolTipBase: "#2b2b2b",
        Role.ToolTipText: "#ffffff",
        Role.Link: "#4cc2ff",
        Role.Mid: "#3a3a3a",
    }
)
DARK_ADWAITA = _palette(
    {
        Role.Window: "#242424",
        Role.WindowText: "#ffffff",
        Role.Base: "#1e1e1e",
        Role.AlternateBase: "#2a2a2a",
        Role.Text: "#ffffff",
        Role.Button: "#303030",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#3584e4",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#767676",
        Role.ToolTipBase: "#383838",
        Role.ToolTipText: "#ffffff",
        Role.Link: "#78aeed",
        Role.Mid: "#353535",
    }
)
LIGHT_WINDOWS11 = _palette(
    {
        Role.Window: "#f3f3f3",
        Role.WindowText: "#1b1b1b",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f9f9f9",
        Role.Text: "#1b1b1b",
        Role.Button: "#fbfbfb",
        Role.ButtonText: "#1b1b1b",
        Role.Highlight: "#0078d4",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#8a8a8a",
        Role.ToolTipBase: "#f9f9f9",
        Role.ToolTipText: "#1b1b1b",
        Role.Link: "#0067c0",
        Role.Mid: "#c8c8c8",
    }
)


def _styles() -> list[tuple[str, QPalette]]:
    QApplication.instance() or QApplication([])
    out = []
    names: list[str] = QStyleFactory.keys()  # the styles this Qt has here (Fusion, Windows)
    for name in names:
        style = QStyleFactory.create(name)
        if style is not None:
            out.append((f"{name} light", style.standardPalette()))
    return out


def _palettes() -> list[tuple[str, QPalette]]:
    return [
        *_styles(),
        ("Fusion dark", DARK_FUSION),
        ("Windows 11 dark", DARK_WINDOWS),
        ("Adwaita dark", DARK_ADWAITA),
        ("Windows 11 light", LIGHT_WINDOWS11),
    ]


def test_the_system_palettes_fall_short_as_the_issue_measured() -> None:
    fusion = dict(_styles())["Fusion light"]
    assert theme.pair_ratio(fusion, Role.HighlightedText, Role.Highlight) < TEXT  # 3.69
    assert theme.pair_ratio(fusion, Role.PlaceholderText, Role.Base) < TEXT  # 4.0, translucent


@pytest.mark.parametrize(
    "name, palette", _palettes(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_pair_passes_once_mended(name: str, palette: QPalette) -> None:
    mended = theme.mended(palette)
    assert theme.failing_pairs(mended) == [], name
    # the user's colours are kept where they pass: a text colour passing on every background
    # it is drawn on is unchanged
    for fg in {fg for fg, _bg, _m in theme.TEXT_PAIRS} - {Role.HighlightedText}:
        if all(theme.pair_ratio(palette, f, bg) >= m for f, bg, m in theme.TEXT_PAIRS if f == fg):
            assert mended.color(fg) == palette.color(fg), (name, fg)


@pytest.mark.parametrize(
    "name, palette", _palettes(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_chart_colours_pass(name: str, palette: QPalette) -> None:
    c = theme.chart_colours(theme.mended(palette))
    window = theme.rgb(theme.mended(palette).color(Role.Window))

    def r(a: QColor, b: QColor | tuple[float, float, float]) -> float:
        return ratio(theme.rgb(a), b if isinstance(b, tuple) else theme.rgb(b))

    assert r(c.text, window) >= TEXT, name
    assert r(c.grid, window) >= NON_TEXT, name  # the radar's rings and spokes
    assert r(c.accent, window) >= NON_TEXT, name  # the radar's outline, the bars
    assert r(c.accent, c.track) >= NON_TEXT, name  # a bar against its track
    assert r(c.text, c.track) >= NON_TEXT, name  # the target tick on the track


def test_heat_map_cell_text_reads_on_every_colour_of_the_scale() -> None:
    for step in range(41):
        background = scale_colour(step / 10, 0, 4)
        text = text_colour(background)
        assert ratio(theme.rgb(text), theme.rgb(background)) >= TEXT, step / 10


def test_the_window_uses_the_mended_palette_and_leaves_high_contrast_alone(
    monkeypatch, qtbot
) -> None:
    app = QApplication.instance()
    theme.apply(app)
    assert theme.failing_pairs(app.palette()) == []
    monkeypatch.setattr(theme, "high_contrast_wanted", lambda: True)
    try:
        theme._apply_now(app)
        QApplication.setPalette(QPalette())
        system = QApplication.palette()
        theme._apply_now(app)
        assert app.palette().color(Role.Highlight) == system.color(Role.Highlight)
    finally:
        monkeypatch.undo()
        theme.apply(app)

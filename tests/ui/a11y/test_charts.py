"""The charts say in words what they draw, through QAccessible, and in the chart colours."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

DESCRIPTION = QAccessible.Text.Description


def _description(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(DESCRIPTION)


def test_dimension_bars_give_level_target_and_answered_count(qtbot) -> None:
    from assessor.ui.workspace.numbers import number
    from assessor.ui.workspace.summary import Bar, DimensionBars

    bars = DimensionBars()
    qtbot.addWidget(bars)
    bars.set_bars((Bar("Styrning", 2.5, 3.0, 3, 5), Bar("Säkerhet", None, None, 0, 4)), 0, 4)
    text = _description(bars)
    assert f"Styrning: {number(2.5)}, target {number(3.0)}, 3 of 5 answered" in text
    assert "Säkerhet:" in text and "0 of 4 answered" in text


def test_radar_gives_levels_and_targets(qtbot) -> None:
    from assessor.ui.workspace.radar import RadarAxis, RadarChart

    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.set_axes((RadarAxis("A", 1.0, 2.0), RadarAxis("B", 3.0, None), RadarAxis("C", None, 4.0)))
    text = _description(radar)
    assert text.count("target") == 3 and text.startswith("A: ")

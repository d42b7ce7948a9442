"""The painted heat map: sorting, keyboard, signals, colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from assessor.ui.heatmap import (
    NAME,
    OVERALL,
    HeatColumn,
    HeatMap,
    HeatRow,
    scale_colour,
    text_colour,
)

ROWS = [
    HeatRow("a", "Åklagarmyndigheten", {"d1": 1.3, "d2": 3.0}, 2.2, (1.5, 2.2)),
    HeatRow("b", "Bolagsverket", {"d1": 0.5, "d2": None}, 0.7, (0.7,)),
    HeatRow("c", "Centrala studiestödsnämnden", {"d1": 3.7, "d2": 1.0}, 2.3, (2.0, 2.3)),
]
COLUMNS = [HeatColumn("d1", "Samverkan och återanvändning"), HeatColumn("d2", "Säkerhet")]


@pytest.fixture
def heat(qtbot) -> HeatMap:
    widget = HeatMap()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.set_data(ROWS, COLUMNS, 0, 4)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ids(heat: HeatMap) -> list[str]:
    return [r.id for r in heat.rows()]


def test_rows_by_name_then_by_any_dimension(heat: HeatMap) -> None:
    assert ids(heat) == ["b", "c", "a"]  # Å after Z
    heat.sort_by("d1")
    assert ids(heat) == ["b", "a", "c"]
    heat.sort_by("d1", descending=True)
    assert ids(heat) == ["c", "a", "b"]
    heat.sort_by("d2")  # a row without a score goes last, either way
    assert ids(heat) == ["c", "a", "b"]
    heat.sort_by("d2", descending=True)
    assert ids(heat) == ["a", "c", "b"]
    heat.sort_by(OVERALL, descending=True)
    assert ids(heat) == ["c", "a", "b"]


def test_clicking_a_column_title_sorts_and_again_reverses(heat: HeatMap, qtbot) -> None:
    lay = heat._layout
    _key, left, width = next(c for c in lay.columns if c[0] == "d1")
    where = QPoint(left + width // 2, lay.head_h // 2)
    with qtbot.waitSignal(heat.sort_changed) as sig:
        qtbot.mouseClick(heat.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert sig.args == ["d1", False]
    assert ids(heat) == ["b", "a", "c"]
    qtbot.mouseClick(heat.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert heat.sort_key() == ("d1", True)
    assert ids(heat) == ["c", "a", "b"]


def test_keyboard_moves_and_enter_activates(heat: HeatMap, qtbot) -> None:
    heat.setFocus()
    with qtbot.waitSignal(heat.current_changed) as sig:
        qtbot.keyClick(heat, Qt.Key.Key_Down)
    assert sig.args == ["b"]
    qtbot.keyClick(heat, Qt.Key.Key_Down)
    with qtbot.waitSignal(heat.activated) as sig:
        qtbot.keyClick(heat, Qt.Key.Key_Return)
    assert sig.args == ["c"]
    qtbot.keyClick(heat, Qt.Key.Key_End)
    assert heat.current_id() == "a"


def test_double_click_on_a_row_activates_it(heat: HeatMap, qtbot) -> None:
    lay = heat._layout
    where = QPoint(20, lay.head_h + lay.row_h + lay.row_h // 2)  # second row
    with qtbot.waitSignal(heat.activated) as sig:
        qtbot.mouseDClick(heat.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert sig.args == [ids(heat)[1]]


def test_selection_survives_sorting(heat: HeatMap) -> None:
    assert heat.set_current("a")
    heat.sort_by("d1")
    assert heat.current_id() == "a"
    assert not heat.set_current("nobody")


def test_cells_are_painted_in_the_scale_colour(heat: HeatMap) -> None:
    image = heat.viewport().grab().toImage()
    lay = heat._layout
    _key, left, _width = next(c for c in lay.columns if c[0] == "d1")
    row = ids(heat).index("c")
    # a point inside the cell but away from its centred number
    pixel = image.pixelColor(left + 4, lay.head_h + row * lay.row_h + 4)
    expected = scale_colour(3.7, 0, 4)
    assert abs(pixel.red() - expected.red()) <= 2
    assert abs(pixel.green() - expected.green()) <= 2


def grey(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def test_scale_runs_dark_to_light_and_text_contrasts() -> None:
    low, high = scale_colour(0, 0, 4), scale_colour(4, 0, 4)
    assert grey(low) < 0.2 < 0.7 < grey(high)
    assert scale_colour(-1, 0, 4) == low and scale_colour(9, 0, 4) == high  # clamped
    greys = [grey(scale_colour(v / 4, 0, 4)) for v in range(17)]
    assert greys == sorted(greys)  # in order also without colour vision
    assert text_colour(low) == QColor(Qt.GlobalColor.white)
    assert text_colour(high) == QColor(Qt.GlobalColor.black)


def test_empty_map_paints(qtbot) -> None:
    widget = HeatMap()
    qtbot.addWidget(widget)
    widget.set_data([], COLUMNS, 0, 4)
    assert not widget.grab().isNull()
    assert widget.current_id() is None
    assert widget.sort_key()[0] == NAME


def test_with_upright_titles_the_names_get_their_room_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    # at 1366 px in Swedish the titles stand upright, and the cells were still far wider than
    # a number while "Kronofogdemyndigh…" was cut
    titles = [
        "Styrning och strategi",
        "Nyttorealisering och investeringsstyrning",
        "Tjänster och användarfokus",
        "Arkitektur och teknik",
        "Information och data",
        "Informationssäkerhet",
        "Kompetens och kultur",
        "Samverkan och återanvändning",
    ]
    columns = [HeatColumn(f"d{i}", t) for i, t in enumerate(titles)]
    names = ["Kronofogdemyndigheten", "Myndigheten för digital förvaltning", "Skatteverket"]
    rows = [
        HeatRow(str(i), n, {c.key: 2.0 for c in columns}, 2.0, (2.0,)) for i, n in enumerate(names)
    ]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.resize(1230, 400)  # the heat map in a 1366 px window
    heat.set_data(rows, columns, 0, 4)
    heat.show()
    qtbot.waitExposed(heat)
    lay = heat._layout
    assert lay.upright
    longest = max(heat.fontMetrics().horizontalAdvance(n) for n in names)
    assert lay.name_w >= longest + 16
    assert heat.cut_titles() == []

"""The heat map's table twin costs nothing while hidden, and fits its columns when shown."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from assessor.ui.heat_table import HeatTable, HeatTableModel, table_switch
from assessor.ui.heatmap import HeatColumn, HeatMap, HeatRow

COLUMNS = [HeatColumn(f"d{i}", f"Dimension nummer {i}") for i in range(8)]
ROWS = [
    HeatRow(f"a{n}", f"Myndighet {n:04d}", {c.key: (n % 5) * 0.9 for c in COLUMNS}, 2.0, (1.0, 2.0))
    for n in range(1000)
]


def test_setting_a_thousand_rows_does_not_read_the_hidden_table_s_cells(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = [0]
    original = HeatTableModel.data

    def counted(self: HeatTableModel, index: Any, role: int = 0) -> Any:
        reads[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(HeatTableModel, "data", counted)
    holder = QWidget()
    qtbot.addWidget(holder)
    heat = HeatMap()
    table = HeatTable(heat)
    switch = table_switch(heat, table)
    lay = QVBoxLayout(holder)
    for w in (heat, table, switch):
        lay.addWidget(w)
    holder.resize(900, 600)
    holder.show()
    qtbot.waitExposed(holder)
    heat.set_data(ROWS, COLUMNS, 0, 4)
    heat.sort_by("d1", True)
    qtbot.wait(10)
    # sized to contents while hidden, Qt read 1,000 rows of every column at each reset and sort
    assert reads[0] < 1000

    switch.setChecked(True)
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    title = QFontMetrics(header.font()).horizontalAdvance("Dimension nummer 0")
    assert header.sectionSize(0) >= title  # shown, the columns fit their titles

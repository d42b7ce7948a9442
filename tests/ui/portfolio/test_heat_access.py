"""The heat map read as a screen reader reads it, through Qt's accessibility interfaces, and
checked against the portfolio service; moved and sorted by the keyboard alone.

PySide6 cannot give a painted widget Qt's table interface, so the table a screen reader walks
is the heat map's twin (heat_table.HeatTable, kept in step with the map); the map itself
reports its current cell in its description and announcements."""

from __future__ import annotations

import pytest
from portfolio_sample import KEY, Sample
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox

from assessor.services.portfolio import PortfolioFilter, load_portfolio
from assessor.store.db import Database
from assessor.ui.context import AppContext
from assessor.ui.portfolio_page import PortfolioPage

NAME = QAccessible.Text.Name


@pytest.fixture
def page(db: Database, pf: Sample, qtbot, sync_tasks) -> PortfolioPage:
    widget = PortfolioPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(widget)
    widget.checklist_combo.setCurrentIndex(widget.checklist_combo.findData(KEY))
    widget.reload()
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget._pending_details is None, timeout=20000)
    return widget


def cells(table) -> dict[tuple[str, str], str]:
    """(row header, column header) -> the cell's accessible name, read through QAccessible."""
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface.role() == QAccessible.Role.Table
    out = {}
    for n in range(iface.childCount()):
        child = iface.child(n)
        cell = child.tableCellInterface() if child is not None else None
        if cell is None:
            continue
        (column,) = cell.columnHeaderCells()
        (row,) = cell.rowHeaderCells()
        out[(row.text(NAME), column.text(NAME))] = child.text(NAME)
    return out


def expected(db: Database, language: str = "en") -> dict[tuple[str, str], str]:
    with db.read() as s:
        portfolio = load_portfolio(s, PortfolioFilter(checklist_key=KEY))
    locale = QLocale()
    out = {}
    for agency in portfolio.agencies:
        for d in portfolio.dimensions:
            value = agency.dimensions.get(d.key)
            out[(agency.name, d.label(language))] = (
                "no score" if value is None else locale.toString(value, "f", 1)
            )
        out[(agency.name, "Overall")] = (
            "no score" if agency.overall is None else locale.toString(agency.overall, "f", 1)
        )
    return out


def test_the_table_carries_every_value_of_the_portfolio_with_headers(page, db) -> None:
    page.heat_table.show()
    got = cells(page.heat_table)
    want = expected(db)
    assert want, "the sample has scored agencies"
    for key, text in want.items():
        assert got.get(key) == text, key


def test_arrow_keys_move_the_current_cell_the_reader_sees(page, qtbot) -> None:
    switch = page.findChild(QCheckBox, "showAsTable")
    switch.setChecked(True)
    table = page.heat_table
    assert table.isVisible() and not page.heatmap.isVisible()
    table.setFocus()
    QApplication.processEvents()
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Right)
    iface = QAccessible.queryAccessibleInterface(table)
    focus = iface.focusChild()
    assert focus is not None
    cell = focus.tableCellInterface()
    current = table.currentIndex()
    assert (cell.rowIndex(), cell.columnIndex()) == (current.row(), current.column())
    # the map follows the table: the same agency is current there
    assert page.heatmap.current_id() == page.heatmap.rows()[current.row()].id
    # S sorts by the current column, through the map; the table follows its order
    key = table.model().key(current.column())
    QTest.keyClick(table, Qt.Key.Key_S)
    assert page.heatmap.sort_key() == (key, False)
    assert [
        table.model().headerData(r, Qt.Orientation.Vertical)
        for r in range(table.model().rowCount())
    ] == [r.name for r in page.heatmap.rows()]


def test_the_map_reports_its_current_cell_and_sorts_by_keyboard(page, db) -> None:
    heat = page.heatmap
    heat.setFocus()
    QApplication.processEvents()
    QTest.keyClick(heat, Qt.Key.Key_Down)
    QTest.keyClick(heat, Qt.Key.Key_Right)
    row, column = heat.current_cell()
    assert (row, column) == (0, 1)
    agency = heat.rows()[0]
    dimension = heat.columns()[0]
    text = heat.cell_text(row, column)
    want = expected(db)[(agency.name, dimension.title)]
    assert text == f"{agency.name}, {dimension.title}: {want}"
    iface = QAccessible.queryAccessibleInterface(heat)
    assert iface.text(QAccessible.Text.Description).startswith(text)
    QTest.keyClick(heat, Qt.Key.Key_S)
    assert heat.sort_key() == (dimension.key, False)
    QTest.keyClick(heat, Qt.Key.Key_S)
    assert heat.sort_key() == (dimension.key, True)
    values = [r.values.get(dimension.key) for r in heat.rows()]
    scored = [v for v in values if v is not None]
    assert scored == sorted(scored, reverse=True)

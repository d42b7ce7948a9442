"""The heat map: agencies (rows) against dimensions (columns), painted with QPainter.

Everything that is not a cell (background, grid, names) takes the palette's colours, so the map
reads in light and dark palettes alike (the colour scale itself is in heat_parts).

Only the rows in view are painted: 300 agencies cost no more than 30. The header row stays in
place while the rows scroll. Click a header to sort by that column (again to reverse); click a
row to select it, double-click or Enter to activate it.

The keyboard reaches everything: the arrow keys move the current cell, S sorts by its column
(again to reverse), Enter opens the agency. A screen reader hears the current cell (agency,
column and value) as it moves. PySide6 cannot implement Qt's table interface for a painted
widget (QAccessibleTableInterface is not in the binding), so the same data is also a real
table, :class:`HeatTable` in heat_table, which the portfolio page offers in the map's place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QToolTip, QWidget

from assessor.ui.accessible import announce_change, say
from assessor.ui.heat_drawing import DrawnMap
from assessor.ui.heat_parts import (
    NAME,
    OVERALL,
    TREND,
    HeatColumn,
    HeatRow,
    Layout,
    ScaleLegend,
    scale_colour,
    text_colour,
)
from assessor.ui.heat_table import HeatTableModel

__all__ = [
    "NAME",
    "OVERALL",
    "TREND",
    "HeatColumn",
    "HeatMap",
    "HeatRow",
    "ScaleLegend",
    "scale_colour",
    "text_colour",
]


class HeatMap(DrawnMap):
    """The painted map. Call :meth:`set_data`; listen to ``current_changed`` and
    ``activated`` (both carry the row's id) and ``sort_changed``."""

    current_changed = Signal(str)
    activated = Signal(str)
    sort_changed = Signal(str, bool)  # column key, descending
    painted = Signal()  # once, after the first paint with rows (what the user waits for)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Heat map of the latest scores"))
        self._help = self.tr(
            "Agencies in rows, dimensions in columns; each cell shows the score. The arrow keys "
            "move between cells, S sorts by the current column (again to reverse), Enter opens "
            "the agency. The same data is offered as a table beside the map."
        )
        self.setAccessibleDescription(self._help)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._rows: list[HeatRow] = []
        self._columns: list[HeatColumn] = []
        self._low, self._high = 0.0, 4.0
        self._sort_key = NAME
        self._descending = False
        self._current = -1
        self._column = 0  # of the layout's columns: the name, the dimensions, overall, trend
        self._painted = False
        self._layout = Layout()
        self._name_widths: dict[str, int] = {}
        self._name_font = ""
        self._name_title = self.tr("Agency")
        self._overall_title = self.tr("Overall")
        self._trend_title = self.tr("Trend")
        self.model = HeatTableModel(self)  # the same data as a table (heat_table)

    # --- data ---

    def set_data(
        self, rows: Sequence[HeatRow], columns: Sequence[HeatColumn], low: float, high: float
    ) -> None:
        current = self.current_id()
        self._rows = list(rows)
        self._columns = list(columns)
        self._low, self._high = float(low), float(high)
        self._sort()
        self._current = self._index_of(current) if current else -1
        self._column = min(self._column, len(self._columns) + 2)
        self._relayout()
        self._in_step()

    def set_trends(
        self, trends: dict[str, tuple[float | None, ...]], tips: dict[str, str] | None = None
    ) -> None:
        tips = tips or {}
        self._rows = [
            HeatRow(
                r.id, r.name, r.values, r.overall, trends.get(r.id, r.trend), tips.get(r.id, r.tip)
            )
            for r in self._rows
        ]
        self._in_step()

    def rows(self) -> list[HeatRow]:
        """The rows in their shown order."""
        return list(self._rows)

    def columns(self) -> list[HeatColumn]:
        return list(self._columns)

    def sort_key(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def sort_by(self, key: str, descending: bool = False) -> None:
        current = self.current_id()
        self._sort_key, self._descending = key, descending
        self._sort()
        self._current = self._index_of(current) if current else -1
        self._in_step()
        self.sort_changed.emit(key, descending)

    def _in_step(self) -> None:
        """Repaint, and give the table and a screen reader the data as now shown."""
        self.model.show(
            self._rows,
            self._keys(),
            [self._title(k) for k in self._keys()],
            self._value,
            self._low,
            self._high,
        )
        self.viewport().update()
        self._describe_current()

    def _keys(self) -> list[str]:
        return [NAME] + [c.key for c in self._columns] + [OVERALL, TREND]

    def current_cell(self) -> tuple[int, int]:
        """The current row and column (-1 for no row), columns counted from the name."""
        return self._current, self._column

    def cell_text(self, row: int, column: int) -> str:
        """What a screen reader hears for a cell: agency, column and value."""
        if not 0 <= row < len(self._rows):
            return ""
        r = self._rows[row]
        key = self._keys()[column]
        if key == NAME:
            return r.name
        return (
            self.tr("%1, %2: %3")
            .replace("%1", r.name)
            .replace("%2", self._title(key))
            .replace("%3", self.model.value_text(r, key, spoken=True))
        )

    def _describe_current(self) -> None:
        text = self.cell_text(self._current, self._column)
        self.setAccessibleDescription(f"{text}. {self._help}" if text else self._help)
        announce_change(self)
        if text and self.hasFocus():
            say(self, text)

    def _first_painted(self) -> None:
        self.painted.emit()

    def current_id(self) -> str | None:
        return self._rows[self._current].id if 0 <= self._current < len(self._rows) else None

    def set_current(self, row_id: str) -> bool:
        index = self._index_of(row_id)
        if index < 0:
            return False
        self._set_current_row(index)
        return True

    def set_column(self, column: int) -> None:
        """Make ``column`` (counted from the names) the current cell's column."""
        if 0 <= column < len(self._keys()) and column != self._column:
            self._column = column
            self.viewport().update()

    def _index_of(self, row_id: str | None) -> int:
        for i, r in enumerate(self._rows):
            if r.id == row_id:
                return i
        return -1

    def _value(self, row: HeatRow, key: str) -> float | None:
        if key == OVERALL:
            return row.overall
        if key == TREND:
            values = [v for v in row.trend if v is not None]
            return values[-1] - values[0] if len(values) > 1 else None
        return row.values.get(key)

    def _sort(self) -> None:
        by_name = sorted(self._rows, key=lambda r: (r.name.casefold(), r.id))
        if self._sort_key == NAME:
            self._rows = by_name[::-1] if self._descending else by_name
            return
        key = self._sort_key
        scored = [r for r in by_name if self._value(r, key) is not None]
        empty = [r for r in by_name if self._value(r, key) is None]
        scored.sort(key=lambda r: self._value(r, key) or 0.0, reverse=self._descending)
        self._rows = scored + empty  # rows without a score last either way

    # --- geometry ---

    def _row_at(self, y: int) -> int:
        lay = self._layout
        if y < lay.head_h:
            return -1
        row = (y - lay.head_h + self.verticalScrollBar().value()) // lay.row_h
        return row if 0 <= row < len(self._rows) else -1

    def _column_at(self, x: int) -> str | None:
        x += self.horizontalScrollBar().value()
        for key, left, width in self._layout.columns:
            if left <= x < left + width:
                return key
        return None

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the current cell's outline
        self._describe_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def _title(self, key: str) -> str:
        for c in self._columns:
            if c.key == key:
                return c.title
        return {NAME: self._name_title, OVERALL: self._overall_title, TREND: self._trend_title}.get(
            key, key
        )

    # --- painting ---

    # --- interaction ---

    def _set_current_row(self, index: int, column: int | None = None) -> None:
        if not 0 <= index < len(self._rows):
            return
        changed = index != self._current
        moved = changed or (column is not None and column != self._column)
        self._current = index
        if column is not None:
            self._column = min(max(column, 0), len(self._keys()) - 1)
        self._ensure_visible(index)
        self.viewport().update()
        if moved:
            self._describe_current()
        if changed:
            self.current_changed.emit(self._rows[index].id)

    def _ensure_visible(self, index: int) -> None:
        lay = self._layout
        v = self.verticalScrollBar()
        body_h = self.viewport().height() - lay.head_h
        top = index * lay.row_h
        if top < v.value():
            v.setValue(top)
        elif top + lay.row_h > v.value() + body_h:
            v.setValue(top + lay.row_h - body_h)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        if pos.y() < self._layout.head_h:
            key = self._column_at(pos.x())
            if key is not None:
                descending = not self._descending if key == self._sort_key else False
                self.sort_by(key, descending)
            return None
        row = self._row_at(pos.y())
        if row >= 0:
            key = self._column_at(pos.x())
            keys = self._keys()
            self._set_current_row(row, keys.index(key) if key in keys else None)
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().toPoint().y())
        if row >= 0:
            self._set_current_row(row)
            self.activated.emit(self._rows[row].id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        row, key = self._row_at(pos.y()), self._column_at(pos.x())
        if pos.y() < self._layout.head_h and key is not None:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                self.tr("%1: click to sort").replace("%1", self._title(key)),
                self.viewport(),
            )
            return
        if row < 0 or key is None:
            QToolTip.hideText()
            return
        r = self._rows[row]
        if key in (NAME, TREND):
            tip = r.name + (f"\n{r.tip}" if r.tip else "")
        else:
            value = self._value(r, key)
            shown = "–" if value is None else QLocale().toString(value, "f", 2)
            tip = f"{r.name}\n{self._title(key)}: {shown}"
        QToolTip.showText(event.globalPosition().toPoint(), tip, self.viewport())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = max(1, (self.viewport().height() - self._layout.head_h) // self._layout.row_h)
        moves: dict[int, int] = {
            int(Qt.Key.Key_Down): 1,
            int(Qt.Key.Key_Up): -1,
            int(Qt.Key.Key_PageDown): page,
            int(Qt.Key.Key_PageUp): -page,
        }
        if int(key) in moves and self._rows:
            target = self._current + moves[int(key)] if self._current >= 0 else 0
            self._set_current_row(min(max(target, 0), len(self._rows) - 1))
        elif key == Qt.Key.Key_Home and self._rows:
            self._set_current_row(0, 0 if event.modifiers() else None)
        elif key == Qt.Key.Key_End and self._rows:
            self._set_current_row(
                len(self._rows) - 1, len(self._keys()) - 1 if event.modifiers() else None
            )
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._rows:
            step = -1 if key == Qt.Key.Key_Left else 1
            self._set_current_row(max(self._current, 0), self._column + step)
        elif key == Qt.Key.Key_S and not event.modifiers() and self._columns:
            column = self._keys()[self._column]
            self.sort_by(column, not self._descending if column == self._sort_key else False)
            say(self, self.tr("Sorted by %1").replace("%1", self._title(column)))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.activated.emit(self.current_id())
        else:
            super().keyPressEvent(event)

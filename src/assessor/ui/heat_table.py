"""The heat map's data as a real table, for screen readers and for anyone who prefers one.

Qt's accessibility bridge reads tables through QAccessibleTableInterface, which PySide6 does not
wrap, so a painted widget cannot be made a table from Python. A QTableView can: Qt gives it the
table interface itself (cells with row and column headers, the current cell, selection events).
The map keeps :class:`HeatTableModel` in step with what it shows (rows in the map's order, the
same values), and :class:`HeatTable` stands in the map's place when the user asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QTableView, QWidget

from assessor.ui.heat_parts import NAME, TREND, HeatRow, scale_colour, text_colour

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
RowIdRole = Qt.ItemDataRole.UserRole + 1


class HeatTableModel(QAbstractTableModel):
    """Agencies in rows (their names are the row headers), the map's other columns in columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HeatRow] = []
        self._keys: list[str] = []
        self._titles: list[str] = []
        self._value: Callable[[HeatRow, str], float | None] = lambda _r, _k: None
        self._low, self._high = 0.0, 4.0

    def show(
        self,
        rows: Sequence[HeatRow],
        keys: Sequence[str],
        titles: Sequence[str],
        value: Callable[[HeatRow, str], float | None],
        low: float = 0.0,
        high: float = 4.0,
    ) -> None:
        """The map's rows and columns as it shows them (the name column becomes the headers)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [k for k in keys if k != NAME]
        self._titles = [t for k, t in zip(keys, titles, strict=True) if k != NAME]
        self._value = value
        self._low, self._high = low, high
        self.endResetModel()

    def key(self, column: int) -> str:
        return self._keys[column]

    def column_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def value_text(self, row: HeatRow, key: str, spoken: bool = False) -> str:
        value = self._value(row, key)
        if value is None:
            return self.tr("no score") if spoken else "–"
        text = QLocale().toString(abs(value) if key == TREND else value, "f", 1)
        if key == TREND:
            sign = "+" if value > 0.05 else "−" if value < -0.05 else "±"
            return self.tr("change %1").replace("%1", sign + text) if spoken else sign + text
        return text

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return self._rows[section].name if 0 <= section < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, key = self._rows[index.row()], self._keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.value_text(row, key)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.value_text(row, key, spoken=True)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RowIdRole:
            return row.id
        value = self._value(row, key)
        if value is None or key == TREND:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return scale_colour(value, self._low, self._high)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_colour(scale_colour(value, self._low, self._high))
        return None


class HeatTable(QTableView):
    """The map's data as a table that follows the map: the same rows in the same order, the
    same current agency, sorting through the map (header click, or S on a cell)."""

    activated_id = Signal(str)

    def __init__(self, heatmap: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heatmap = heatmap
        self.setObjectName("heatTable")
        self.setAccessibleName(self.tr("Latest scores as a table"))
        self.setAccessibleDescription(
            self.tr(
                "Agencies in rows, dimensions in columns. S sorts by the current column (again to "
                "reverse), Enter opens the agency."
            )
        )
        self.setModel(heatmap.model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # columns fit their contents while the table is shown (showEvent); every cell is a short
        # number, so a few dozen rows (those in view first) size a column as well as all of
        # them. Qt's default reads 1,000 rows on every reset and sort, even while the table is
        # hidden: at 1,000 agencies that was over a second of the portfolio page's opening.
        header.setResizeContentsPrecision(60)
        header.sectionClicked.connect(self._sort)
        self._column = 0
        self._following = False
        heatmap.model.modelReset.connect(self.follow_map)
        heatmap.current_changed.connect(lambda _id: self.follow_map())
        self.doubleClicked.connect(self._activate)

    def showEvent(self, event: QShowEvent) -> None:
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # hidden, nobody sees its columns: not sized again on every reset of the model
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _sort(self, column: int) -> None:
        key = self.heatmap.model.key(column)
        current, descending = self.heatmap.sort_key()
        self._column = column
        self.heatmap.sort_by(key, not descending if key == current else False)

    def follow_map(self) -> None:
        """Take the map's sort order, current agency and current column."""
        key, descending = self.heatmap.sort_key()
        column = self.heatmap.model.column_of(key)
        self.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        row, column = self.heatmap.current_cell()
        if column >= 1:  # the map counts the names as its first column; here they are headers
            self._column = column - 1
        if row >= 0:
            index = self.model().index(row, min(self._column, self.model().columnCount() - 1))
            if index != self.currentIndex():
                self._following = True  # the map moved: nothing to tell it back
                try:
                    self.setCurrentIndex(index)
                finally:
                    self._following = False

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.isValid() and not self._following:
            self._column = current.column()
            row_id = current.data(RowIdRole)
            if row_id and row_id != self.heatmap.current_id():
                self.heatmap.set_current(str(row_id))
            self.heatmap.set_column(current.column() + 1)

    def _activate(self, index: Index) -> None:
        row_id = index.data(RowIdRole)
        if row_id:
            self.heatmap.activated.emit(str(row_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self._activate(index)
            return
        if event.key() == Qt.Key.Key_S and not event.modifiers() and index.isValid():
            self._sort(index.column())
            return
        super().keyPressEvent(event)


def table_switch(heatmap: QWidget, table: HeatTable) -> QCheckBox:
    """A check box that shows the table in the map's place (and back), keeping the focus."""
    check = QCheckBox(QCoreApplication.translate("HeatTable", "Show as a &table"))
    check.setObjectName("showAsTable")
    check.setAccessibleName(QCoreApplication.translate("HeatTable", "Show the scores as a table"))
    table.hide()

    def switch(on: bool) -> None:
        had_focus = heatmap.hasFocus() or table.hasFocus()
        if on:
            table.follow_map()
        table.setVisible(on)
        heatmap.setVisible(not on)
        if had_focus:
            (table if on else heatmap).setFocus(Qt.FocusReason.OtherFocusReason)

    check.toggled.connect(switch)
    return check

"""One table model for the workspace's lists: rows of plain data, named columns, an id role.

Each list (findings, recommendations, templates, search hits...) is a subclass naming its columns;
tests check each one without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from assessor.ui.columns import widen_to_headings
from assessor.ui.row_model import tooltip

RowIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(Generic[T]):
    def __init__(self, key: str, header: str, text: Callable[[T], str],
                 align: Qt.AlignmentFlag | None = None) -> None:
        self.key = key
        self.header = header
        self.text = text
        self.align = align


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of plain data objects with an ``id`` attribute (or ``row_id`` given)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns: list[Column[T]] = self.columns()

    def columns(self) -> list[Column[T]]:
        raise NotImplementedError

    def row_id(self, row: T) -> str:
        return str(getattr(row, "id", ""))

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        for n, r in enumerate(self._rows):
            if self.row_id(r) == row_id:
                return n
        return -1

    def column_of(self, key: str) -> int:
        return next(n for n, c in enumerate(self._columns) if c.key == key)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(column.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == RowIdRole:
            return self.row_id(row)
        if role == RowRole:
            return row
        return None


def fit_columns(view: QTableView, stretch: str, short: Sequence[str] = ()) -> None:
    """The text column takes the room left; short columns (a kind, a date, a status) are as wide
    as their contents, so no column is squeezed to nothing at the default window size."""
    model = view.model()
    assert isinstance(model, RowsModel)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    for n in range(model.columnCount()):
        header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
    for key in short:
        header.setSectionResizeMode(model.column_of(key), QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.column_of(stretch), QHeaderView.ResizeMode.Stretch)
    # the other columns start no narrower than their headings (Qt's default is 100 px)
    widen_to_headings(view)

"""The one table model of the window: plain rows (frozen dataclasses) under named columns.

Every list (contacts, meetings, participants, findings, recommendations, search hits...) is a
RowTableModel, given its columns or a subclass naming them; each is tested without a window.
Its roles are those of ui/roles.py.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from assessor.ui.roles import ID_ROLE, ROW_ROLE

R = TypeVar("R")
C = TypeVar("C")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str  # a stable name, also used by tests and saved header states
    header: object  # as shown; with ``context``, the English text to translate in that context
    value: Callable[[R], Any]  # the cell's value (shown through :func:`show`)
    align: Qt.AlignmentFlag | None = None
    context: str | None = None


@dataclass(frozen=True)
class ColumnSpec(Column[R]):
    """A column declared at import time: the header is marked with
    QT_TRANSLATE_NOOP("RowTableModel", ...) and translated when shown."""

    context: str | None = "RowTableModel"


def heading_of(
    columns: Sequence[C], section: int, orientation: Qt.Orientation, role: int
) -> C | None:
    """The column whose heading a view asks a model for (None when it asks for anything else:
    another role, a row's heading, a section past the last column)."""
    if (
        role == Qt.ItemDataRole.DisplayRole
        and orientation == Qt.Orientation.Horizontal
        and 0 <= section < len(columns)
    ):
        return columns[section]
    return None


def show(value: Any) -> Any:
    """A value as the view shows it, in the UI language."""
    if isinstance(value, datetime):
        return QLocale().toString(QDateTime(value), QLocale.FormatType.ShortFormat)
    if isinstance(value, date):
        return QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat)
    if isinstance(value, bool):
        return "✓" if value else ""
    if value is None:
        return ""
    return value


def tooltip(text: str) -> str | None:
    """A cell's full text as a tooltip (columns elide it), never read as rich text."""
    if not text:
        return None
    if "<" in text or "&" in text:  # Qt would guess rich text: give it escaped markup
        return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
    return text


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows of plain data (frozen dataclasses from the services) under named columns.

    Columns are given to the constructor or named by a subclass's :meth:`columns`. A row's id
    is its ``id`` attribute unless :meth:`row_id` says otherwise.
    """

    def __init__(
        self, columns: Sequence[Column[R]] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns: list[Column[R]] = list(columns) if columns is not None else self.columns()

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def row_id(self, row: R) -> str:
        return str(getattr(row, "id", ""))

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, row_id: str) -> int:
        for n, r in enumerate(self._rows):
            if self.row_id(r) == row_id:
                return n
        return -1

    def column_of(self, key: str) -> int:
        for n, c in enumerate(self._columns):
            if c.key == key:
                return n
        raise KeyError(key)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return show(column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = show(column.value(row))
            return tooltip(shown) if isinstance(shown, str) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        column = heading_of(self._columns, section, orientation, role)
        if column is None:
            return None
        if column.context is None:
            return column.header
        return QCoreApplication.translate(column.context, str(column.header))

"""A read-only table model over plain rows (dataclasses), with named columns.

Used for the small lists of the agency page (contacts, meetings) and the meeting editor
(participants). Each column has a header (translated in the model's context) and a function
from the row to the shown value.
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
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    name: str  # a stable key, also used by tests
    header: object  # English, marked with QT_TRANSLATE_NOOP("RowTableModel", ...)
    value: Callable[[R], Any]


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
    def __init__(self, columns: Sequence[ColumnSpec[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, name: str) -> int:
        for i, c in enumerate(self.columns):
            if c.name == name:
                return i
        raise KeyError(name)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return show(self.columns[index.column()].value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = show(self.columns[index.column()].value(row))
            return tooltip(shown) if isinstance(shown, str) else None
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return QCoreApplication.translate("RowTableModel", str(self.columns[section].header))
        return None

"""The agency list as a Qt table model, and the filter that the search box drives."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from assessor.ui.roles import ID_ROLE, ROW_ROLE, SORT_ROLE
from assessor.ui.row_model import tooltip

if TYPE_CHECKING:
    from assessor.services.agencies import AgencyRow

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    ORG_NUMBER = 1
    MINISTRY = 2
    MEETINGS = 3
    ASSESSMENTS = 4


HEADERS = {
    Column.NAME: QT_TRANSLATE_NOOP("AgencyTableModel", "Name"),
    Column.ORG_NUMBER: QT_TRANSLATE_NOOP("AgencyTableModel", "Org. number"),
    Column.MINISTRY: QT_TRANSLATE_NOOP("AgencyTableModel", "Ministry"),
    Column.MEETINGS: QT_TRANSLATE_NOOP("AgencyTableModel", "Meetings"),
    Column.ASSESSMENTS: QT_TRANSLATE_NOOP("AgencyTableModel", "Assessments"),
}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_NUMERIC = (int(Column.MEETINGS), int(Column.ASSESSMENTS))

# ID_ROLE: the agency's id, for any column; SORT_ROLE: the plain value behind the cell (str or
# int), for sorting; ROW_ROLE: the whole AgencyRow (ui/roles.py)


class AgencyTableModel(QAbstractTableModel):
    """Rows from services.agencies.list_agencies; read-only (edits go through the agency page)."""

    def __init__(self, rows: Sequence[AgencyRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AgencyRow] = []
        self._shown: list[tuple[str, str, str, str, str]] = []
        self._values: list[tuple[str, str, str, int, int]] = []
        self._set(rows)

    def _set(self, rows: Sequence[AgencyRow]) -> None:
        # computed once here, not per paint: data() is called for every visible cell and role
        locale = QLocale()
        self._rows = list(rows)
        self._values = [
            (r.name, r.org_number, r.ministry, r.meetings, r.assessments) for r in self._rows
        ]
        self._shown = [
            (
                r.name,
                r.org_number,
                r.ministry,
                locale.toString(r.meetings),
                locale.toString(r.assessments),
            )
            for r in self._rows
        ]

    # --- loading ---

    def set_rows(self, rows: Sequence[AgencyRow]) -> None:
        self.beginResetModel()
        self._set(rows)
        self.endResetModel()

    def load(self, db: Any) -> None:
        from assessor.services.agencies import list_agencies

        with db.read() as session:
            self.update_rows(list_agencies(session))

    def update_rows(self, rows: Sequence[AgencyRow]) -> None:
        """Like set_rows, but when the same agencies come back in the same order (counts or a
        name changed) the cells are updated in place, so the selection and scroll stay put."""
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.set_rows(rows)
            return
        # compared by value: the rows of the first paint are another class with the same fields
        changed = [
            i
            for i, (old, new) in enumerate(zip(self._values, rows, strict=True))
            if old != (new.name, new.org_number, new.ministry, new.meetings, new.assessments)
        ]
        if not changed:
            return
        self._set(rows)
        last = len(Column) - 1
        self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))

    def rows(self) -> list[AgencyRow]:
        return list(self._rows)

    def row_of(self, agency_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.id == agency_id:
                return i
        return -1

    # --- Qt model ---

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = index.row()
        if not 0 <= r < len(self._rows):
            return None
        column = index.column()
        if role in (_DISPLAY, _EDIT):
            return self._shown[r][column]
        if role == SORT_ROLE:
            return self._values[r][column]
        if role == ID_ROLE:
            return self._rows[r].id
        if role == ROW_ROLE:
            return self._rows[r]
        if role == _ALIGN and column in _NUMERIC:
            return _RIGHT
        if role == _TOOLTIP and column not in _NUMERIC:
            return tooltip(self._shown[r][column])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgencyTableModel", str(HEADERS[Column(section)]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class AgencyFilterProxy(QSortFilterProxyModel):
    """Case-insensitive filter over name, org number and ministry; sorting in the UI language.

    Every word of the filter must match one of the three fields (so "skatt 2021" finds
    Skatteverket by name and org number); an org number matches with or without the hyphen.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._collator = QCollator(QLocale())
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filter_text(self) -> str:
        return " ".join(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        haystack = f"{row.name}\n{row.org_number}\n{row.ministry}".casefold()
        org_digits = _digits(row.org_number)
        for word in self._words:
            if word in haystack:
                continue
            digits = _digits(word)
            if digits and digits == word.replace("-", "") and digits in org_digits:
                continue
            return False
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            order = self._collator.compare(a, b)
            if order != 0:
                return order < 0
            # equal names: a stable order by id keeps the view from jumping
            return str(left.data(ID_ROLE)) < str(right.data(ID_ROLE))
        if a is None or b is None:
            return a is None and b is not None
        return bool(a < b)

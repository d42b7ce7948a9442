"""Table models of the portfolio page: common gaps, lenders, borrowers, recommendations.

Each is a QAbstractTableModel over plain rows from services.portfolio, with named columns and
AGENCY_ROLE giving the agency id a row is about (what "open the agency" follows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from assessor.services.portfolio import AgencyRow, GapRecommendation, GapView, PracticeRow
from assessor.ui.roles import AGENCY_ROLE as AGENCY_ROLE
from assessor.ui.roles import SORT_ROLE
from assessor.ui.row_model import heading_of, tooltip

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
CONTEXT = "PortfolioModels"


def score_text(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else QLocale().toString(value, "f", digits)


@dataclass(frozen=True)
class Column(Generic[R]):
    name: str
    header: Any  # English, marked with QT_TRANSLATE_NOOP in CONTEXT (typed as object)
    value: Callable[[R], Any]
    numeric: bool = False


class PortfolioTable(QAbstractTableModel, Generic[R]):
    """A read-only table of rows with named columns."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, name: str) -> int:
        for i, c in enumerate(self.columns):
            if c.name == name:
                return i
        raise KeyError(name)

    def agency_id(self, row: R) -> str | None:
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            if isinstance(value, float) or (value is None and column.numeric):
                return score_text(value)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole:
            value = column.value(row)
            return None if column.numeric else tooltip(str(value or ""))
        if role == SORT_ROLE:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == AGENCY_ROLE:
            return self.agency_id(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        column = heading_of(self.columns, section, orientation, role)
        return None if column is None else QCoreApplication.translate(CONTEXT, str(column.header))


def _names(rows: Sequence[tuple[AgencyRow, float]], most: int | None = None) -> str:
    names = [r.name for r, _ in rows]
    if most is not None and len(names) > most:  # the cell shows a few; the tooltip shows all
        return ", ".join(names[:most]) + f", … (+{len(names) - most})"
    return ", ".join(names)


class GapModel(PortfolioTable[GapView]):
    """The common gaps: the dimension or question, how many agencies share it, the mean, how
    many can lend, the agencies with it."""

    columns = (
        Column("gap", QT_TRANSLATE_NOOP("PortfolioModels", "Gap"), lambda g: g.title),
        Column(
            "dimension",
            QT_TRANSLATE_NOOP("PortfolioModels", "Dimension"),
            lambda g: g.dimension_title,
        ),
        Column(
            "agencies",
            QT_TRANSLATE_NOOP("PortfolioModels", "Agencies"),
            lambda g: g.count,
            numeric=True,
        ),
        Column(
            "mean",
            QT_TRANSLATE_NOOP("PortfolioModels", "Mean score"),
            lambda g: g.mean,
            numeric=True,
        ),
        Column(
            "lenders",
            QT_TRANSLATE_NOOP("PortfolioModels", "Can lend"),
            lambda g: len(g.lenders),
            numeric=True,
        ),
        Column(
            "names",
            QT_TRANSLATE_NOOP("PortfolioModels", "Agencies with the gap"),
            lambda g: _names(g.borrowers, 8),
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        gap = self.row_at(index.row()) if index.isValid() else None
        if (
            gap is not None
            and role == Qt.ItemDataRole.ToolTipRole
            and self.columns[index.column()].name == "names"
        ):
            return _names(gap.borrowers)
        return super().data(index, role)

    def gap_key(self, row: int) -> str | None:
        gap = self.row_at(row)
        return None if gap is None else gap.key


Lender = tuple[AgencyRow, float, tuple[PracticeRow, ...]]
Borrower = tuple[AgencyRow, float]


class LenderModel(PortfolioTable[Lender]):
    """Agencies strong in the gap's dimension, with their good practices there."""

    columns = (
        Column("agency", QT_TRANSLATE_NOOP("PortfolioModels", "Agency"), lambda x: x[0].name),
        Column(
            "score", QT_TRANSLATE_NOOP("PortfolioModels", "Score"), lambda x: x[1], numeric=True
        ),
        Column(
            "cited",
            QT_TRANSLATE_NOOP("PortfolioModels", "Cited"),
            lambda x: sum(p.cited for p in x[2]),
            numeric=True,
        ),
        Column(
            "practices",
            QT_TRANSLATE_NOOP("PortfolioModels", "Good practices"),
            lambda x: "; ".join(p.title for p in x[2]),
        ),
    )

    def agency_id(self, row: Lender) -> str | None:
        return row[0].agency_id


class BorrowerModel(PortfolioTable[Borrower]):
    """Agencies with the gap, lowest first."""

    columns = (
        Column("agency", QT_TRANSLATE_NOOP("PortfolioModels", "Agency"), lambda x: x[0].name),
        Column(
            "ministry", QT_TRANSLATE_NOOP("PortfolioModels", "Ministry"), lambda x: x[0].ministry
        ),
        Column(
            "score", QT_TRANSLATE_NOOP("PortfolioModels", "Score"), lambda x: x[1], numeric=True
        ),
    )

    def agency_id(self, row: Borrower) -> str | None:
        return row[0].agency_id


class RecommendationModel(PortfolioTable[GapRecommendation]):
    """Recommendations given on the gap's dimension, most given first."""

    columns = (
        Column("title", QT_TRANSLATE_NOOP("PortfolioModels", "Recommendation"), lambda r: r.title),
        Column(
            "given", QT_TRANSLATE_NOOP("PortfolioModels", "Given"), lambda r: r.count, numeric=True
        ),
        Column(
            "library",
            QT_TRANSLATE_NOOP("PortfolioModels", "Library uses"),
            lambda r: r.library_uses if r.template_id else None,
            numeric=True,
        ),
        Column(
            "agencies",
            QT_TRANSLATE_NOOP("PortfolioModels", "Agencies"),
            lambda r: ", ".join(r.agencies),
        ),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if (
            row is not None
            and role == Qt.ItemDataRole.DisplayRole
            and self.columns[index.column()].name == "library"
            and not row.template_id
        ):
            return ""  # not from the library: no count to show
        return super().data(index, role)

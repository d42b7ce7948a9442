"""How the workspace's tables share their width (its models are ui/row_model.RowTableModel)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from assessor.ui.columns import widen_to_headings
from assessor.ui.row_model import RowTableModel


def fit_columns(view: QTableView, stretch: str, short: Sequence[str] = ()) -> None:
    """The text column takes the room left; short columns (a kind, a date, a status) are as wide
    as their contents, so no column is squeezed to nothing at the default window size."""
    model = view.model()
    assert isinstance(model, RowTableModel)
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


def two_lines(metrics: QFontMetrics, text: str) -> int:
    """The least width that holds ``text`` in two lines broken between words."""
    words = text.split()
    best = metrics.horizontalAdvance(text)
    for at in range(1, len(words)):
        first, second = " ".join(words[:at]), " ".join(words[at:])
        best = min(best, max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second)))
    return best


def fit_two_lines(view: QTableView, key: str, texts: Iterable[str], most: int = 30) -> None:
    """The column ``key`` wide enough for each of ``texts`` (a dimension's title) on two lines,
    but no wider than some ``most`` letters; never narrower than it is."""
    model = view.model()
    assert isinstance(model, RowTableModel)
    metrics = view.fontMetrics()
    need = max((two_lines(metrics, text) for text in texts), default=0)
    padding = 2 * metrics.averageCharWidth() + 4
    column = model.column_of(key)
    header = view.horizontalHeader()
    width = min(need + padding, metrics.averageCharWidth() * most)
    header.resizeSection(column, max(header.sectionSize(column), width))

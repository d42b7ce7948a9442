"""How the workspace's tables share their width (its models are ui/row_model.RowTableModel)."""

from __future__ import annotations

from collections.abc import Sequence

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

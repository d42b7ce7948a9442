"""Cells of the Sync section's tables: a moment in the user's locale, a value on one line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from assessor.services.conflict_view import DateWords
from assessor.ui.row_model import tooltip


class LocaleDates(DateWords):
    """The dates inside the conflict log's names and values as the user's locale writes
    them, as when_text writes the moments beside them (stored as written: no zone moved)."""

    def day(self, value: date) -> str:
        return QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat)

    def moment(self, value: datetime) -> str:
        return QLocale().toString(QDateTime(value), QLocale.FormatType.ShortFormat)

    def clock(self, value: datetime) -> str:
        return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def when_text(moment: datetime | None) -> str:
    """A moment in local time, to the minute, as the user's locale writes it."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:  # stored times are UTC without a zone
        moment = moment.replace(tzinfo=UTC)
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def one_line(text: str) -> str:
    return " ".join(text.split())


def cell(text: str, data: Any = None) -> QTableWidgetItem:
    """A read-only cell; the whole value, line breaks and all, is its tooltip."""
    item = QTableWidgetItem(one_line(text))  # plain text: user data is never markup
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(tooltip(text) or "")
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


@contextmanager
def filling(
    table: QTableWidget, fitted: Sequence[int], rows_fitted: bool = False
) -> Iterator[None]:
    """Put cells into a shown table with the ``fitted`` columns (and the rows) sized to their
    contents once, when all are in: sized as each cell went in, every row was measured again
    at each one (22 ms a cell; 51 s to show 327 conflicts again, 2 s for 300 imports)."""
    header, rows = table.horizontalHeader(), table.verticalHeader()
    fixed, fit = QHeaderView.ResizeMode.Fixed, QHeaderView.ResizeMode.ResizeToContents
    for column in fitted:
        header.setSectionResizeMode(column, fixed)
    if rows_fitted:
        rows.setSectionResizeMode(fixed)
    try:
        yield
    finally:
        for column in fitted:
            header.setSectionResizeMode(column, fit)
        if rows_fitted:
            rows.setSectionResizeMode(fit)

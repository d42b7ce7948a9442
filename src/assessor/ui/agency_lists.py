"""The agency page's small lists (contacts, meetings): their columns, how their tables look,
and how the lists share the height of the page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QSplitter,
    QTableView,
    QWidget,
)

from assessor.ui.agency_model import Column
from assessor.ui.columns import LEAST, ColumnFitter, heading_width, row_list, text_width
from assessor.ui.row_model import ColumnSpec, RowTableModel

if TYPE_CHECKING:
    from assessor.services.agency_reads import ContactRow, MeetingRow


def kind_label(kind: str) -> str:
    from assessor.ui.words import word

    return word("meeting_kind", kind)


CONTACT_COLUMNS: list[ColumnSpec[ContactRow]] = [
    ColumnSpec("name", QT_TRANSLATE_NOOP("RowTableModel", "Name"), lambda r: r.name),
    ColumnSpec("title", QT_TRANSLATE_NOOP("RowTableModel", "Job title"), lambda r: r.title),
    ColumnSpec("email", QT_TRANSLATE_NOOP("RowTableModel", "E-mail"), lambda r: r.email),
    ColumnSpec("phone", QT_TRANSLATE_NOOP("RowTableModel", "Phone"), lambda r: r.phone),
]
MEETING_COLUMNS: list[ColumnSpec[MeetingRow]] = [
    ColumnSpec("starts_at", QT_TRANSLATE_NOOP("RowTableModel", "When"), lambda r: r.starts_at),
    ColumnSpec("kind", QT_TRANSLATE_NOOP("RowTableModel", "Kind"), lambda r: kind_label(r.kind)),
    ColumnSpec("title", QT_TRANSLATE_NOOP("RowTableModel", "Title"), lambda r: r.title),
    ColumnSpec("place", QT_TRANSLATE_NOOP("RowTableModel", "Place"), lambda r: r.place),
]


def compact_rows(view: QTableView) -> None:
    """Rows as high as the text needs (the style's default is roomy), so more agencies show."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


def widest(view: QTableView, model: Any, column: int, samples: list[str]) -> int:
    heading = max(
        text_width(view, str(model.headerData(column, Qt.Orientation.Horizontal)), header=True),
        heading_width(view.horizontalHeader(), column),
    )
    return max([heading] + [text_width(view, t) for t in samples])


def contact_columns(view: QTableView, model: RowTableModel[Any]) -> ColumnFitter:
    col = model.column_of
    return ColumnFitter(
        view,
        stretch=col("name"),
        least=120,
        widths={
            col("title"): text_width(view, "M" * 12),
            col("email"): text_width(view, "fornamn.efternamn@myndighet.se"),
            col("phone"): widest(view, model, col("phone"), ["010-000 00 00"]),
        },
        give=[(col("email"), 70), (col("title"), 70)],
    )


def meeting_columns(view: QTableView, model: RowTableModel[Any]) -> ColumnFitter:
    from PySide6.QtCore import QDateTime, QLocale

    from assessor.ui.words import words

    col = model.column_of
    when = QLocale().toString(
        QDateTime.fromString("2025-12-28T23:59:00", Qt.DateFormat.ISODate),
        QLocale.FormatType.ShortFormat,
    )
    return ColumnFitter(
        view,
        stretch=col("title"),
        least=140,
        widths={
            col("starts_at"): widest(view, model, col("starts_at"), [when]),
            col("kind"): widest(view, model, col("kind"), list(words("meeting_kind").values())),
            col("place"): text_width(view, "M" * 10),
        },
        give=[(col("place"), LEAST), (col("kind"), LEAST)],
    )


# the agency list's name column is never narrower than this
NAME_LEAST = 160


def agency_table(proxy: Any, name: str) -> QTableView:
    """The list of agencies on the left of the page, sorted by name."""
    view = row_list(QTableView(), name, proxy)
    view.setObjectName("agencyTable")
    view.setSortingEnabled(True)
    view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    # a squeezed heading ends in "…" rather than losing letters at both ends ("epartemen")
    view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    compact_rows(view)
    return view


def agency_columns(view: QTableView, model: Any) -> ColumnFitter:
    # widths from the font, not ResizeToContents: that measures every row at start-up
    return ColumnFitter(
        view,
        stretch=Column.NAME,
        least=NAME_LEAST,
        widths={
            Column.ORG_NUMBER: widest(view, model, Column.ORG_NUMBER, ["000000-0000"]),
            Column.MINISTRY: text_width(view, "M" * 12),
            Column.MEETINGS: widest(view, model, Column.MEETINGS, ["000"]),
            Column.ASSESSMENTS: widest(view, model, Column.ASSESSMENTS, ["000"]),
        },
        give=[(Column.MINISTRY, LEAST)],
    )


def list_table(model: Any, name: str) -> QTableView:
    view = row_list(QTableView(), name, model, plain=True)
    compact_rows(view)
    return view


def _list_need(box: QWidget, view: QTableView | None, rows: int) -> tuple[int, int]:
    """(height showing every row, height showing three) of one list's box."""
    if view is None:
        return box.sizeHint().height(), box.minimumSizeHint().height()
    # what the box holds besides the table (title, buttons, margins), as laid out now
    chrome = (
        box.height() - view.height()
        if box.height() > 0
        else (box.sizeHint().height() - view.sizeHint().height())
    )
    head = view.horizontalHeader().height() or view.horizontalHeader().sizeHint().height()
    row_h = view.rowHeight(0) if rows else view.verticalHeader().defaultSectionSize()
    base = max(0, chrome) + head + 2 * view.frameWidth() + 2
    return base + max(rows, 1) * row_h, base + min(max(rows, 1), 3) * row_h


def share_height(splitter: QSplitter) -> None:
    """The lists of a splitter share its height by what they hold. Each list as tall as its
    rows where the room allows: a list of three contacts does not keep empty space while the
    meetings below scroll. The room left over goes to the longest list; when there is too
    little, each keeps three rows and the rest is shared by what the lists hold."""
    total = splitter.height() - splitter.handleWidth() * (splitter.count() - 1)
    if total <= 0 or splitter.count() == 0:
        return
    views: list[tuple[QWidget, QTableView | None, int]] = []
    for i in range(splitter.count()):
        box = splitter.widget(i)
        if box is None:
            return
        view = box.findChild(QTableView)
        model = view.model() if view is not None else None
        views.append((box, view, model.rowCount() if model is not None else 0))
    needs = [_list_need(box, view, rows) for box, view, rows in views]
    full = [n for n, _ in needs]
    least = [m for _, m in needs]
    if sum(full) <= total:
        sizes = list(full)
        longest = max(range(len(views)), key=lambda i: views[i][2])
        sizes[longest] += total - sum(full)
    else:
        sizes = list(least)
        spare = max(0, total - sum(least))
        wanted = [f - m for f, m in zip(full, least, strict=True)]
        share = sum(wanted) or 1
        sizes = [m + spare * w // share for m, w in zip(least, wanted, strict=True)]
    splitter.setSizes(sizes)

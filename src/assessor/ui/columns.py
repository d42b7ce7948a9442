"""Column widths for the tables of the agency page, from the font rather than the contents.

ResizeToContents measures every cell each time a table is filled (most of the time it takes to
open an agency with many meetings) and lets one long place or e-mail squeeze the rest to
nothing. Instead each column gets a width from the font; one column (the name or title) takes
what is left but never less than its least width (the table scrolls sideways instead), and
"giving" columns shrink first, down to their own least width, before it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

# no column is ever narrower than this (a restored header state may hold anything)
LEAST = 60


def text_width(view: QTableView, text: str, header: bool = False) -> int:
    """Width of ``text`` in the view's (or its header's) font plus the cell's padding."""
    metrics = (view.horizontalHeader() if header else view).fontMetrics()
    return metrics.horizontalAdvance(text) + metrics.averageCharWidth() + 10


def heading_width(header: QHeaderView, section: int) -> int:
    """What a column's heading needs to be read whole: its text (the widest line), the style's
    margins and room for the sort arrow."""
    text = str(
        header.model().headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or ""
    )
    font = QFont(header.font())
    if header.highlightSections():
        font.setBold(True)  # a selected row's headings are drawn bold, and wider
    metrics = QFontMetrics(font)
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    return widest + 3 * margin + (arrow if header.isSortIndicatorShown() else 0)


def row_list(
    view: QTableView, name: str, model: QAbstractItemModel | None = None, *, plain: bool = False
) -> QTableView:
    """``view`` set up as the window's lists are: read aloud as ``name``, whole rows picked one at
    a time, nothing edited in place, no row numbers. ``plain`` adds striped rows of one line each
    and lets the last column take the room left."""
    if model is not None:
        view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    if plain:
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
    return view


def widen_to_headings(view: QTableView) -> None:
    """No column narrower than its heading: a cut heading leaves the reader guessing."""
    header = view.horizontalHeader()
    for section in range(header.count()):
        need = heading_width(header, section)
        if header.sectionSize(section) < need:
            header.resizeSection(section, need)


class ColumnFitter(QObject):
    def __init__(
        self,
        view: QTableView,
        stretch: int,
        least: int,
        widths: dict[int, int],
        give: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.least = least
        self.give = list(give)
        self.preferred = {c: max(LEAST, w) for c, w in widths.items()}
        self._fitting = False
        header = view.horizontalHeader()
        header.setMinimumSectionSize(LEAST)
        self._modes()
        for column, width in self.preferred.items():
            header.resizeSection(column, width)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self.fit()

    def _modes(self) -> None:
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def restore(self, state: QByteArray | bytes) -> bool:
        """Restore a saved header state, then widen any column it left too narrow."""
        header = self.view.horizontalHeader()
        ok = header.restoreState(state)
        self._modes()
        self._fitting = True
        try:
            for column in range(header.count()):
                width = max(LEAST, header.sectionSize(column))
                if column == self.stretch:
                    width = max(self.least, width)
                header.resizeSection(column, width)
                if column != self.stretch:
                    self.preferred[column] = width
        finally:
            self._fitting = False
        self.fit()
        return ok

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        count = header.count()
        if not 0 <= self.stretch < count:
            return
        giving = [
            (c, least) for c, least in self.give if c < count and not header.isSectionHidden(c)
        ]
        giving_columns = {c for c, _ in giving}
        fixed = sum(
            header.sectionSize(c)
            for c in range(count)
            if c != self.stretch and c not in giving_columns and not header.isSectionHidden(c)
        )
        room = self.view.viewport().width() - fixed - self.least
        self._fitting = True
        try:
            deficit = sum(self.preferred.get(c, LEAST) for c, _ in giving) - room
            for column, least in giving:
                want = self.preferred.get(column, LEAST)
                cut = max(0, min(deficit, want - max(LEAST, least)))
                header.resizeSection(column, want - cut)
                deficit -= cut
            used = sum(
                header.sectionSize(c)
                for c in range(count)
                if c != self.stretch and not header.isSectionHidden(c)
            )
            header.resizeSection(self.stretch, max(self.least, self.view.viewport().width() - used))
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == self.stretch:
            return
        # the user dragged a column: keep that width, the name column takes up the difference
        self.preferred[column] = new
        self.fit()

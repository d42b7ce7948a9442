"""The Sync section's conflict log: what two laptops wrote differently, and the user's choice
of which value stays (or a value of their own)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import conflict_view
from assessor.services import sync as sync_service
from assessor.ui.columns import heading_width
from assessor.ui.sync_cells import LocaleDates, cell, filling, one_line, when_text

# the table's columns
WHAT, FIELD, KEPT, KEPT_BY, OTHER, OTHER_BY, KIND = range(7)
SHORT = (FIELD, KEPT_BY, OTHER_BY, KIND)  # as wide as their contents
# the room the short columns leave: what is named, and the two values beside each other
VALUE_SHARE = 0.3  # each value's part; what is named takes the rest (at least as much)
MOST_LINES = 4  # a long name or value wraps to this many lines, then ends in "…"


def _who_and_when(who: str, when: str) -> QTableWidgetItem:
    """Who wrote a value over when, on two lines (each of them one line of its own)."""
    item = cell(f"{who}, {when}")
    item.setText(f"{one_line(who)}\n{when}")
    return item


class ConflictsBox(QGroupBox):
    refused = Signal(str)  # a choice the program would not write, in words
    settled = Signal()  # a conflict was resolved: the page reads everything again

    def __init__(self, db: Any, language: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Conflicts"), parent)
        self.db = db
        self.language = language
        self._conflicts: list[conflict_view.ConflictLine] = []
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Field"),
                self.tr("Kept\n(this laptop now)"),
                self.tr("Written by, when"),
                self.tr("The other value"),
                self.tr("Written by, when"),
                self.tr("Conflict"),
            ]
        )
        self.show_resolved = QCheckBox(self.tr("Show &resolved"))
        self.keep_this = QPushButton(self.tr("&Keep this one"))
        self.keep_other = QPushButton(self.tr("Keep the &other"))
        self.edit_value = QPushButton(self.tr("Edi&t…"))
        self.edit_value.setToolTip(self.tr("Write the value yourself and keep it"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_resolved)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_this)
        buttons.addWidget(self.keep_other)
        buttons.addWidget(self.edit_value)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(buttons)

        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # the field, who and when (on two lines) and the kind of conflict are as wide as they
        # need; what is named and the two values share the rest and wrap onto up to four lines
        # (at 1100 px one line of "Meeting: Uppstart och planering (Trafikverket), 06/12/2026"
        # kept its first two words). Each cell's tooltip holds its whole text.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in SHORT:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumSectionSize(MOST_LINES * self.table.fontMetrics().lineSpacing() + 8)
        self.table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._short_column_resized)

        self.keep_this.clicked.connect(lambda: self.resolve("current"))
        self.keep_other.clicked.connect(lambda: self.resolve("other"))
        self.edit_value.clicked.connect(self.edit_chosen)
        self.show_resolved.toggled.connect(lambda _shown: self.settled.emit())
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def least_value_width(self) -> int:
        """A value column keeps a dozen letters and its heading whole."""
        header = self.table.horizontalHeader()
        headings = (heading_width(header, column) for column in (KEPT, OTHER))
        return max(12 * self.table.fontMetrics().averageCharWidth(), *headings)

    def share_room(self) -> None:
        """Give each value its part of the room the short columns leave (what is named, a
        stretching column, takes the rest); the rows follow, sized to their wrapped text."""
        header = self.table.horizontalHeader()
        short = sum(header.sectionSize(c) for c in SHORT)
        room = self.table.viewport().width() - short
        width = max(self.least_value_width(), int(room * VALUE_SHARE))
        for column in (KEPT, OTHER):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.share_room()
        return False

    def _short_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in SHORT:
            self.share_room()

    def show_lines(self, session: Any) -> None:
        """Read the conflicts again (in the page's session) and show them."""
        self._conflicts = conflict_view.describe(
            session,
            self.language,
            include_resolved=self.show_resolved.isChecked(),
            dates=LocaleDates(),
        )
        with filling(self.table, SHORT, rows_fitted=True):
            self._put_lines()
        self.share_room()
        self._selection_changed()

    def _put_lines(self) -> None:
        self.table.setRowCount(len(self._conflicts))
        for row, c in enumerate(self._conflicts):
            kind = c.kind_text
            if c.resolved:
                kind += " " + self.tr("(resolved)")
            cells = [
                cell(f"{c.thing}: {c.name}", c.id),
                cell(c.field),
                cell(c.current),
                _who_and_when(c.current_by, when_text(c.current_at)),
                cell(c.other),
                _who_and_when(c.other_by, when_text(c.other_at)),
                cell(kind),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)

    def _selected(self) -> conflict_view.ConflictLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._conflicts[rows[0].row()]

    def _selection_changed(self) -> None:
        chosen = self._selected()
        usable = chosen is not None and not chosen.resolved
        self.keep_this.setEnabled(usable)
        self.keep_other.setEnabled(usable)
        self.edit_value.setEnabled(usable and chosen is not None and chosen.editable)
        if chosen is not None and chosen.kind == "delete":
            self.keep_this.setText(self.tr("&Keep it deleted"))
            self.keep_other.setText(self.tr("Rest&ore"))
        else:
            self.keep_this.setText(self.tr("&Keep this one"))
            self.keep_other.setText(self.tr("Keep the &other"))

    def resolve(self, keep: str) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._settle(lambda session: sync_service.resolve_conflict(session, chosen.id, keep))

    def _settle(self, write: Callable[[Any], object]) -> None:
        """Write what the user chose for a conflict; a refusal is said in the summary line."""
        try:
            with self.db.transaction() as session:
                write(session)
        except AssessorError as exc:
            self.refused.emit(exc.message)
        self.settled.emit()

    def ask_value(self, line: conflict_view.ConflictLine) -> str | None:
        """The value the user writes, starting from the kept one; None when cancelled."""
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Edit the value"),
            self.tr("{field} of {thing} {name}:").format(
                field=line.field, thing=line.thing.lower(), name=line.name
            ),
            line.edit_value,
        )
        return text if ok else None

    def edit_chosen(self) -> None:
        chosen = self._selected()
        if chosen is None or not chosen.editable:
            return
        text = self.ask_value(chosen)
        if text is None:
            return
        self._settle(lambda session: conflict_view.keep_edited(session, chosen.id, text))

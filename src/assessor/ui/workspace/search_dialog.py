"""Search (Ctrl+F): one box over agencies, meetings, notes, findings and recommendations."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.services import search as search_service
from assessor.services.search import SearchHit
from assessor.store.db import Database
from assessor.ui.columns import row_list
from assessor.ui.roles import MARKED_ROLE
from assessor.ui.row_model import Column, RowTableModel, show
from assessor.ui.words import words
from assessor.ui.workspace.table import fit_columns


def kind_names() -> dict[str, str]:
    return words("search_kind")


def plain_snippet(snippet: str) -> str:
    return snippet.replace(search_service.MARK_START, "").replace(search_service.MARK_END, "")


def rich_snippet(snippet: str) -> str:
    """The snippet as Qt rich text: the user's text escaped, the matched words in bold."""
    return (
        html.escape(snippet)
        .replace(search_service.MARK_START, "<b>")
        .replace(search_service.MARK_END, "</b>")
    )


@dataclass(frozen=True)
class Place:
    agency: str  # the agency's name
    where: str  # the assessment a finding or recommendation is part of: its title and date
    title: str = ""  # a meeting's or note's meeting, dated as the window dates (else the hit's)


def places(session: Any, hits: list[SearchHit]) -> dict[str, Place]:
    """Where each hit is, in words (the date in the window's language). A meeting or a
    note is named by its meeting in the title column (the index keeps that title with an
    ISO date), so a row never shows one date two ways."""

    def dated(p: search_service.HitPlace) -> str:
        if p.on is None:
            return p.title
        return f"{p.title} ({show(p.on)})" if p.title else show(p.on)

    kinds = {f"{h.kind}:{h.id}": h.kind for h in hits}
    out = {}
    for key, p in search_service.hit_places(session, hits).items():
        if kinds.get(key) in ("meeting", "note"):
            out[key] = Place(p.agency, "", dated(p))
        else:
            out[key] = Place(p.agency, dated(p))
    return out


class SearchResultsModel(RowTableModel[SearchHit]):
    def __init__(self, parent: QObject | None = None) -> None:
        self._kinds = kind_names()
        self._places: dict[str, Place] = {}
        super().__init__(parent=parent)

    def row_id(self, row: SearchHit) -> str:
        return f"{row.kind}:{row.id}"

    def set_hits(self, hits: list[SearchHit], where: dict[str, Place]) -> None:
        self._places = where
        self.set_rows(hits)

    def _place(self, hit: SearchHit) -> Place:
        return self._places.get(self.row_id(hit), Place("", ""))

    def _where(self, hit: SearchHit) -> str:
        if hit.kind == "agency":  # the agency itself is the hit: it belongs to nothing
            return ""
        place = self._place(hit)
        return " · ".join(part for part in (place.agency, place.where) if part)

    def _title(self, hit: SearchHit) -> str:
        return self._place(hit).title or hit.title

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == MARKED_ROLE:
            if not index.isValid() or index.column() != self.column_of("snippet"):
                return None
            return rich_snippet(self.row_at(index.row()).snippet)
        return super().data(index, role)

    def columns(self) -> list[Column[SearchHit]]:
        return [
            Column("kind", self.tr("Kind"), lambda h: self._kinds.get(h.kind, h.kind)),
            # the agency, and the assessment a finding or recommendation is part of
            Column("place", self.tr("Belongs to"), self._where),
            Column("title", self.tr("Title"), self._title),
            Column("snippet", self.tr("Text"), lambda h: plain_snippet(h.snippet)),
        ]


class MarkedText(QStyledItemDelegate):
    """Draws a hit's text with the matched words in bold (the model's MARKED_ROLE); the cell's
    own text, read by screen readers and copied, stays plain."""

    def document(self, option: QStyleOptionViewItem, marked: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(marked)  # user text was escaped by rich_snippet: only the <b> marks
        doc.setTextWidth(width)
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        marked = index.data(MARKED_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # the style draws the cell (stripes, selection, focus), then the words
        widget = cell.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, widget)
        room = room.adjusted(margin, 0, -margin, 0)
        doc = self.document(cell, marked, room.width())
        selected = bool(cell.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, cell.palette.color(role))
        top = max(0, (room.height() - int(doc.size().height())) // 2)
        painter.save()
        painter.translate(room.left(), room.top() + top)
        painter.setClipRect(0, -top, room.width(), room.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()


class SearchDialog(QDialog):
    hit_chosen = Signal(object)  # SearchHit
    closed = Signal()  # hidden: by Esc, by the window's close button or by choosing a hit

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.db = db
        self.setWindowTitle(self.tr("Search"))
        self.resize(1000, 460)
        self.query = QLineEdit(self)
        self.query.setAccessibleName(self.tr("Search text"))
        self.query.setPlaceholderText(
            self.tr("Search agencies, meetings, notes, findings and recommendations")
        )
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.view = row_list(QTableView(self), self.tr("Search results"), self.model)
        fit_columns(self.view, "snippet", ("kind",))
        self.marked = MarkedText(self.view)
        self.view.setItemDelegateForColumn(self.model.column_of("snippet"), self.marked)
        header = self.view.horizontalHeader()
        for key, width in (("place", 300), ("title", 200)):
            header.resizeSection(self.model.column_of(key), width)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._enter)
        self.view.activated.connect(self._activated)
        self.query.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the box goes to the results, so Enter there opens one
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.view.setFocus()
            self.view.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def run(self) -> list[SearchHit]:
        self._timer.stop()
        with self.db.transaction() as s:  # the search refreshes its local index first
            hits = search_service.search(s, self.query.text())
            where = places(s, hits)
        self.model.set_hits(hits, where)
        self.count.setText(
            self.tr("%n result(s)", "", len(hits)) if self.query.text().strip() else ""
        )
        if hits:
            self.view.selectRow(0)
        return hits

    def _enter(self) -> None:
        if self._timer.isActive() or self.model.rowCount() == 0:
            self.run()
        if self.model.rowCount() > 0:
            self._activated(self.model.index(max(0, self.view.currentIndex().row()), 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.row_at(index.row())
            self.hide()
            self.hit_chosen.emit(hit)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():
            self.closed.emit()

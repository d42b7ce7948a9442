"""A list of things to tick (the dimensions and findings a recommendation links, the advisors
of a new assessment), each row carrying the id of what it names."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from assessor.ui.row_model import tooltip

ROOM = 4  # pixels above and below the taller of box and text


class _RoomyRows(QStyledItemDelegate):
    """Rows a little taller than the check box: at the font's own height the boxes touched and
    the dots of Å, Ä and Ö were cut off ("Oppna data"). No wider than the list: a long entry
    ends in "…" (its tooltip has it whole) rather than a scroll bar taking a row's room."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        box = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, widget)
        text = option.fontMetrics.height()
        size.setHeight(max(size.height(), box, text) + ROOM)
        if isinstance(widget, QListView):
            size.setWidth(min(size.width(), widget.viewport().width()))
        return size


class CheckList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_RoomyRows(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows fit the width again

    def fill(self, entries: Iterable[tuple[str, str]]) -> None:
        """Rows of (id, text), none ticked; no itemChanged while filling."""
        self.blockSignals(True)
        self.clear()
        for entry_id, text in entries:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            item.setToolTip(tooltip(text) or "")  # user text, never read as markup
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> list[str]:
        """The ids of the ticked rows, in the list's order."""
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def show_checked(self, ids: Collection[str]) -> None:
        """Tick exactly the rows of ``ids`` (showing a row's links: no itemChanged)."""
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)

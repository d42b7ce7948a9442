"""Finding cut column headings: a heading's text (with the header's margins and sort arrow)
against the width of its section, for every table visible in a window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QWidget


@dataclass(frozen=True)
class CutHeading:
    where: str  # the table: its accessible name or object name, else its class
    column: int
    text: str
    needs: int
    has: int

    def __str__(self) -> str:
        return (
            f"{self.where}: column {self.column} '{self.text}' needs {self.needs} px, "
            f"has {self.has}"
        )


def _name(view: QWidget) -> str:
    chain = []
    w: QWidget | None = view
    while w is not None and len(chain) < 3:
        label = w.accessibleName() or w.objectName()
        if label:
            chain.append(label)
        w = w.parentWidget()
    return " < ".join(chain) or type(view).__name__


def heading_width(header: QHeaderView, section: int) -> int:
    """What the heading needs to be read whole: text, the style's margins, a sort arrow."""
    model = header.model()
    text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    font = model.headerData(section, header.orientation(), Qt.ItemDataRole.FontRole)
    from PySide6.QtGui import QFont, QFontMetrics

    shown = QFont(font) if font is not None else QFont(header.font())
    if header.highlightSections():
        shown.setBold(True)  # a selected row's headings are drawn bold, and wider
    metrics = QFontMetrics(shown)
    width = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
    style = header.style()
    width += 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        width += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return width


def cut_headings(root: QWidget) -> list[CutHeading]:
    found = []
    from assessor.ui.heatmap import HeatMap

    for heat in root.findChildren(HeatMap):
        if heat.isVisible():
            found += [CutHeading("heat map", 0, title, 0, 0) for title in heat.cut_titles()]
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible():
            continue
        header = getattr(view, "horizontalHeader", None)
        header = header() if callable(header) else getattr(view, "header", lambda: None)()
        if header is None or header.isHidden() or header.model() is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
                continue
            text = str(
                header.model().headerData(
                    section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                or ""
            )
            if not text.strip():
                continue
            needs = heading_width(header, section)
            has = header.sectionSize(section)
            # also a heading cut by the table's own edge (a column pushed half out of sight)
            left = header.sectionViewportPosition(section)
            edge = view.viewport().width()
            if left < edge < left + has:
                has = min(has, edge - left)
            if needs > has:
                found.append(CutHeading(_name(view), section, text, needs, has))
    return found


def unlike_headings(root: QWidget) -> list[str]:
    """Column headers that do not look as the window's headers do: bold over a selected row, a
    font of their own, or another alignment (ui/headers.py sets one look for all)."""
    from PySide6.QtWidgets import QApplication, QHeaderView

    from assessor.ui.headers import ALIGNMENT

    found = []
    plain = QApplication.font(QHeaderView(Qt.Orientation.Horizontal))
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
            continue
        where = _name(header.parentWidget() or header)
        if header.highlightSections():
            found.append(f"{where}: headings turn bold over a selected row")
        if header.font() != plain:
            found.append(f"{where}: a font of its own ({header.font().toString()})")
        if header.defaultAlignment() != ALIGNMENT:
            found.append(f"{where}: aligned {header.defaultAlignment()}")
    return found

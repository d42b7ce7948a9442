"""A radar (spider) chart of current level against target per dimension, painted with QPainter.

Colours come from the widget's palette (so light and dark both read well): the current levels
are filled in the palette's highlight colour, the targets drawn as a dashed outline in the text
colour. Missing values (a dimension with no answers yet) are drawn at the centre.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class RadarAxis:
    label: str
    value: float | None
    target: float | None


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: tuple[RadarAxis, ...] = ()
        self._low = 0.0
        self._high = 4.0
        self.paints = 0  # how many times it painted: the latency benchmark reads it
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        self.painted_at = 0.0  # perf_counter() at the end of the last paint (benchmark)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 200)
        self.setAccessibleName(self.tr("Radar chart of levels and targets"))

    def sizeHint(self) -> QSize:
        return QSize(320, 280)

    def set_scale(self, low: float, high: float) -> None:
        self._low, self._high = float(low), float(high)
        self.update()

    def set_axes(self, axes: tuple[RadarAxis, ...]) -> None:
        if axes == self._axes:
            return
        self._axes = axes
        parts = []
        for a in axes:
            value = "–" if a.value is None else f"{a.value:.1f}"
            target = "–" if a.target is None else f"{a.target:.1f}"
            parts.append(self.tr("%1: %2, target %3").replace("%1", a.label).replace(
                "%2", value).replace("%3", target))
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def axes(self) -> tuple[RadarAxis, ...]:
        return self._axes

    def _radius(self, value: float | None, r: float) -> float:
        if value is None or self._high <= self._low:
            return 0.0
        share = (value - self._low) / (self._high - self._low)
        return r * min(max(share, 0.0), 1.0)

    def _label_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _geometry(self) -> tuple[QPointF, float, float, QFontMetricsF]:
        """Centre, radius, the width a side label may take, and the labels' metrics.

        Labels wrap onto two lines, so the side margin can stay narrow and the chart large."""
        metrics = QFontMetricsF(self._label_font())
        top = metrics.height() * 2 + 6
        bottom = metrics.height() * 3 + 8  # two label lines and the legend
        side_margin = min(self.width() * 0.24, 150.0)
        area = QRectF(self.rect()).adjusted(side_margin, top, -side_margin, -bottom)
        r = max(10.0, min(area.width(), area.height()) / 2)
        return area.center(), r, side_margin, metrics

    def _point(self, c: QPointF, i: int, radius: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * i / len(self._axes)
        return QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle))

    def _background(self) -> QPixmap:
        """Rings, spokes, labels and legend: unchanged while only the values change, so they
        are painted once into a pixmap (half the cost of a repaint)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self.palette().cacheKey(),
               tuple(a.label for a in self._axes), self._low, self._high, self.font().key())
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlphaF(0.25)
        accent = pal.color(pal.ColorRole.Highlight)
        n = len(self._axes)
        c, r, _side, metrics = self._geometry()
        p.setPen(QPen(grid, 1))
        steps = round(self._high - self._low) or 1
        for k in range(1, steps + 1):
            rr = r * k / steps
            ring = QPolygonF([self._point(c, i, rr) for i in range(n)])
            p.drawPolygon(ring)
        for i in range(n):
            p.drawLine(c, self._point(c, i, r))
        p.setPen(text)
        p.setFont(self._label_font())
        h = metrics.height()
        wrap = Qt.TextFlag.TextWordWrap
        for i, axis in enumerate(self._axes):
            at = self._point(c, i, r + 6)
            dx, dy = at.x() - c.x(), at.y() - c.y()
            if abs(dx) < 1:  # straight up or down: centred, as wide as the chart
                w = r * 1.6
                rect = QRectF(at.x() - w / 2, at.y() - 2 * h if dy < 0 else at.y(), w, 2 * h)
                align = Qt.AlignmentFlag.AlignHCenter | (
                    Qt.AlignmentFlag.AlignBottom if dy < 0 else Qt.AlignmentFlag.AlignTop)
            else:
                w = at.x() - 4 if dx < 0 else self.width() - at.x() - 4  # all the room to the edge
                x = at.x() if dx > 0 else at.x() - w
                y = at.y() - 2 * h if dy < -1 else (at.y() if dy > 1 else at.y() - h)
                rect = QRectF(x, y, w, 2 * h)
                horizontal = Qt.AlignmentFlag.AlignLeft if dx > 0 else Qt.AlignmentFlag.AlignRight
                vertical = (Qt.AlignmentFlag.AlignBottom if dy < -1 else
                            Qt.AlignmentFlag.AlignTop if dy > 1 else Qt.AlignmentFlag.AlignVCenter)
                align = horizontal | vertical
            label = axis.label
            longest = max((metrics.horizontalAdvance(word) for word in label.split()), default=0)
            if longest > w:  # a word wider than the room: one line, cut (the bars show it whole)
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, w)
            elif metrics.boundingRect(rect, int(align) | int(wrap), label).height() > 2 * h + 1:
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, w * 1.8)
            p.drawText(rect, int(align) | int(wrap), label)
        p.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        h = metrics.height()
        legend_y = self.height() - h - 2
        p.setPen(QPen(accent, 2))
        p.drawLine(QPointF(8, legend_y + h / 2), QPointF(26, legend_y + h / 2))
        p.setPen(text)
        now = self.tr("Current")
        p.drawText(QPointF(30, legend_y + metrics.ascent()), now)
        x2 = 30 + metrics.horizontalAdvance(now) + 16
        p.setPen(QPen(text, 1.6, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x2, legend_y + h / 2), QPointF(x2 + 18, legend_y + h / 2))
        p.setPen(text)
        p.drawText(QPointF(x2 + 22, legend_y + metrics.ascent()), self.tr("Target"))
        p.end()
        self._cache = (key, pixmap)
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        p = QPainter(self)
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        n = len(self._axes)
        if n < 3:
            p.setPen(text)
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter,
                       self.tr("A radar chart needs three dimensions or more"))
            p.end()
            return
        p.drawPixmap(0, 0, self._background())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = pal.color(pal.ColorRole.Highlight)
        c, r, _side, _metrics = self._geometry()
        if any(a.target is not None for a in self._axes):
            p.setPen(QPen(text, 1.6, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(QPolygonF([self._point(c, i, self._radius(a.target, r))
                                     for i, a in enumerate(self._axes)]))
        fill = QColor(accent)
        fill.setAlphaF(0.35)
        p.setBrush(fill)
        p.setPen(QPen(accent, 2))
        p.drawPolygon(QPolygonF([self._point(c, i, self._radius(a.value, r))
                                 for i, a in enumerate(self._axes)]))
        p.setBrush(accent)
        for i, a in enumerate(self._axes):
            if a.value is not None:
                p.drawEllipse(self._point(c, i, self._radius(a.value, r)), 3, 3)
        p.end()
        self.painted_at = time.perf_counter()

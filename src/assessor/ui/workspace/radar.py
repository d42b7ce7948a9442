"""A radar (spider) chart of current level against target per dimension, painted with QPainter.

Colours come from the widget's palette (so light and dark both read well): the current levels
are filled in the palette's highlight colour, the targets drawn as a dashed outline in the text
colour. Missing values (a dimension with no answers yet) are drawn at the centre.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from assessor.ui.accessible import announce_change
from assessor.ui.theme import chart_colours
from assessor.ui.workspace.numbers import number


@dataclass(frozen=True)
class RadarAxis:
    label: str
    value: float | None
    target: float | None


_EDGE = 3.0  # from the widget's edge
_GAP = 6.0  # between the outer ring and a label
_SIDE = 0.2  # a spoke more sideways than this has its label beside it, else centred on it


@dataclass(frozen=True)
class _Label:
    text: str
    rect: QRectF
    align: Qt.AlignmentFlag


@dataclass(frozen=True)
class _Layout:
    centre: QPointF
    radius: float
    labels: tuple[_Label, ...]
    legend_top: float


def _overlap(labels: list[_Label]) -> bool:
    """Whether two labels' rectangles cross (neighbours around a small chart can)."""
    rects = [label.rect for label in labels]
    return any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: tuple[RadarAxis, ...] = ()
        self._low = 0.0
        self._high = 4.0
        self.paints = 0  # how many times it painted: the latency benchmark reads it
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        self._layout_cache: tuple[tuple[object, ...], _Layout] | None = None
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
            value, target = number(a.value), number(a.target)
            parts.append(
                self.tr("%1: %2, target %3")
                .replace("%1", a.label)
                .replace("%2", value)
                .replace("%3", target)
            )
        self.setAccessibleDescription("; ".join(parts))
        announce_change(self)
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

    def _legend_height(self) -> float:
        return QFontMetricsF(self.font()).height() + 6

    def _wrap(self, label: str, metrics: QFontMetricsF, room: float, limit: float) -> str:
        """The label on one line, or on two balanced at a space; cut only when a line is wider
        than ``limit`` (the bars below show it whole)."""
        if metrics.horizontalAdvance(label) <= room:
            return label
        words = label.split()
        best = label
        best_width = metrics.horizontalAdvance(label)
        for k in range(1, len(words)):
            first, second = " ".join(words[:k]), " ".join(words[k:])
            width = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second))
            if width < best_width:
                best, best_width = f"{first}\n{second}", width
        if best_width > limit:
            best = "\n".join(
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, limit)
                for line in best.split("\n")
            )
        return best

    def _layout(self) -> _Layout:
        """Centre, radius and every label's text and rectangle: the radius is the largest that
        keeps all labels inside the widget, measured with the labels' font."""
        key = (self.width(), self.height(), tuple(a.label for a in self._axes), self.font().key())
        if self._layout_cache is not None and self._layout_cache[0] == key:
            return self._layout_cache[1]
        metrics = QFontMetricsF(self._label_font())
        w, h = float(self.width()), float(self.height())
        left, right, top, bottom = _EDGE, w - _EDGE, _EDGE, h - self._legend_height() - _EDGE
        c = QPointF(w / 2, (top + bottom) / 2)
        n = len(self._axes)
        bounds = (left, top, right, bottom)
        best: tuple[bool, float, list[_Label]] | None = None
        for room in (max(w * 0.28, 40.0), 0.0):  # long labels on one line, or all on two
            limit = w / 2 - 2 * _EDGE
            while True:  # cut the longest labels shorter until the chart keeps a readable size
                texts = [self._wrap(a.label, metrics, room, limit) for a in self._axes]
                r, sizes = self._fit(c, n, texts, metrics, bounds)
                labels = self._place(c, r, sizes, texts)
                clear = not _overlap(labels)
                if (r >= min(w, h) * 0.12 and clear) or limit < 40:
                    break
                limit *= 0.85
            # labels clear of each other first, then the larger chart
            if best is None or (clear, r) > (best[0], best[1] + 0.5):
                best = (clear, r, labels)
        assert best is not None
        _clear, r, labels = best
        # a chart narrower than tall leaves room below: the legend follows the chart, and the
        # two together are centred in the height
        used_top = min([c.y() - r] + [label.rect.top() for label in labels])
        used_bottom = max([c.y() + r] + [label.rect.bottom() for label in labels])
        shift = max(0.0, (h - used_bottom - self._legend_height() - used_top) / 2)
        if shift:
            c = QPointF(c.x(), c.y() + shift)
            labels = [
                _Label(label.text, label.rect.translated(0, shift), label.align) for label in labels
            ]
        layout = _Layout(c, r, tuple(labels), used_bottom + shift + 4)
        self._layout_cache = (key, layout)
        return layout

    def _place(self, c: QPointF, r: float, sizes: list[QSizeF], texts: list[str]) -> list[_Label]:
        labels = []
        for (dx, dy), size, text in zip(self._directions(len(texts)), sizes, texts, strict=True):
            ax, ay = c.x() + (r + _GAP) * dx, c.y() + (r + _GAP) * dy
            bw, bh = size.width(), size.height()
            if dx > _SIDE:
                x, halign = ax, Qt.AlignmentFlag.AlignLeft
            elif dx < -_SIDE:
                x, halign = ax - bw, Qt.AlignmentFlag.AlignRight
            else:
                x, halign = ax - bw / 2, Qt.AlignmentFlag.AlignHCenter
            y = ay if dy > _SIDE else ay - bh if dy < -_SIDE else ay - bh / 2
            labels.append(_Label(text, QRectF(x, y, bw, bh), halign))
        return labels

    def _fit(
        self,
        c: QPointF,
        n: int,
        texts: list[str],
        metrics: QFontMetricsF,
        bounds: tuple[float, float, float, float],
    ) -> tuple[float, list[QSizeF]]:
        """The largest radius keeping every label inside ``bounds``, and the labels' sizes."""
        left, top, right, bottom = bounds
        flags = int(Qt.AlignmentFlag.AlignLeft)
        big = QRectF(0, 0, 4 * self.width() + 100, 4 * self.height() + 100)
        sizes = [metrics.boundingRect(big, flags, t).size() for t in texts]
        # the ring itself must fit; then each label pushed out along its spoke
        r = min(right - c.x(), c.y() - top, bottom - c.y())
        for (dx, dy), size in zip(self._directions(n), sizes, strict=True):
            bw, bh = size.width(), size.height()
            # horizontal: how far the block reaches beyond the anchor on each side
            if dx > _SIDE:
                r = min(r, (right - bw - c.x()) / dx - _GAP)
            elif dx < -_SIDE:
                r = min(r, (c.x() - left - bw) / -dx - _GAP)
            elif abs(dx) > 1e-9:
                r = min(r, (right - bw / 2 - c.x()) / abs(dx) - _GAP)
            if dy > _SIDE:
                r = min(r, (bottom - bh - c.y()) / dy - _GAP)
            elif dy < -_SIDE:
                r = min(r, (c.y() - top - bh) / -dy - _GAP)
            elif abs(dy) > 1e-9:
                r = min(r, (bottom - bh / 2 - c.y()) / abs(dy) - _GAP)
        return max(r, 8.0), sizes

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """Each label as painted (lines joined by a newline) and where: tests check the edges."""
        if len(self._axes) < 3:
            return []
        return [(label.text, QRectF(label.rect)) for label in self._layout().labels]

    def _geometry(self) -> tuple[QPointF, float]:
        layout = self._layout()
        return layout.centre, layout.radius

    @staticmethod
    def _directions(n: int) -> list[tuple[float, float]]:
        angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
        return [(math.cos(a), math.sin(a)) for a in angles]

    def _point(self, c: QPointF, i: int, radius: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * i / len(self._axes)
        return QPointF(c.x() + radius * math.cos(angle), c.y() + radius * math.sin(angle))

    def _background(self) -> QPixmap:
        """Rings, spokes, labels and legend: unchanged while only the values change, so they
        are painted once into a pixmap (half the cost of a repaint)."""
        ratio = self.devicePixelRatioF()
        key = (
            self.width(),
            self.height(),
            ratio,
            self.palette().cacheKey(),
            tuple(a.label for a in self._axes),
            self._low,
            self._high,
            self.font().key(),
        )
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        colours = chart_colours(pal)
        text, grid, accent = colours.text, colours.grid, colours.accent
        n = len(self._axes)
        c, r = self._geometry()
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
        for label in self._layout().labels:
            p.drawText(
                label.rect,
                int(label.align | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextDontClip),
                label.text,
            )
        p.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        h = metrics.height()
        legend_y = min(self._layout().legend_top, self.height() - h - 2)
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
            p.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("A radar chart needs three dimensions or more"),
            )
            p.end()
            return
        p.drawPixmap(0, 0, self._background())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = chart_colours(pal)
        text, accent = colours.text, colours.accent
        c, r = self._geometry()
        if any(a.target is not None for a in self._axes):
            p.setPen(QPen(text, 1.6, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(
                QPolygonF(
                    [self._point(c, i, self._radius(a.target, r)) for i, a in enumerate(self._axes)]
                )
            )
        p.setBrush(colours.fill)
        p.setPen(QPen(accent, 2))
        p.drawPolygon(
            QPolygonF(
                [self._point(c, i, self._radius(a.value, r)) for i, a in enumerate(self._axes)]
            )
        )
        p.setBrush(accent)
        for i, a in enumerate(self._axes):
            if a.value is not None:
                p.drawEllipse(self._point(c, i, self._radius(a.value, r)), 3, 3)
        p.end()
        self.painted_at = time.perf_counter()

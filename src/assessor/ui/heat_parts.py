"""The heat map's parts that are not the map: its rows and columns, the colour of a score,
title wrapping, the layout of the columns, and the colour legend shown under it.

Colours follow the viridis scale (dark violet for the lowest level, yellow for the highest):
it reads in order for colour-blind eyes and in grey, and each cell also carries its number, so
colour is never the only cue. Text in a cell is black or white by the cell's lightness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from assessor.domain.colour_scale import VIRIDIS, dark_text_on, scale_rgb

NAME = "name"
OVERALL = "overall"
TREND = "trend"


def scale_colour(value: float, low: float, high: float) -> QColor:
    """The colour of a score on the scale [low, high] (clamped)."""
    return QColor.fromRgbF(*scale_rgb(value, low, high))


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on the background."""
    rgb = (background.redF(), background.greenF(), background.blueF())
    return QColor(Qt.GlobalColor.black if dark_text_on(rgb) else Qt.GlobalColor.white)


@dataclass(frozen=True)
class HeatRow:
    id: str
    name: str
    values: dict[str, float | None]
    overall: float | None = None
    trend: tuple[float | None, ...] = ()
    tip: str = ""  # extra tooltip text for the name and trend (e.g. dates of the trend)


@dataclass(frozen=True)
class HeatColumn:
    key: str
    title: str


@dataclass
class Layout:
    name_w: int = 220
    cell_w: int = 76
    overall_w: int = 64
    trend_w: int = 84
    row_h: int = 24
    head_h: int = 54
    upright: bool = False  # dimension titles turned to read upwards (a narrow window)
    title_len: int = 0  # the length of a turned title's lines
    columns: list[tuple[str, int, int]] = field(default_factory=list)  # key, x, width

    @property
    def width(self) -> int:
        return self.columns[-1][1] + self.columns[-1][2] if self.columns else 0


def wrap(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    line = ""
    for i, word in enumerate(words):
        trial = f"{line} {word}".strip()
        if fm.horizontalAdvance(trial) < width or not line:  # < : elidedText rounds up
            line = trial
            continue
        lines.append(line)
        line = word
        if len(lines) == max_lines - 1:
            line = " ".join(words[i:])
            break
    if line:
        lines.append(line)
    return [fm.elidedText(x, Qt.TextElideMode.ElideRight, width) for x in lines[:max_lines]]


class ScaleLegend(QWidget):
    """The colour scale with its levels, so the map's colours can be read without guessing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels: tuple[int, ...] = (0, 1, 2, 3, 4)
        self.setAccessibleName(self.tr("Colour scale"))
        self.setMinimumHeight(QFontMetrics(self.font()).height() + 16)

    def set_levels(self, levels: Sequence[int]) -> None:
        self._levels = tuple(sorted(levels)) or (0,)
        self.setToolTip(
            self.tr("Dark violet: level %1; yellow: level %2")
            .replace("%1", str(self._levels[0]))
            .replace("%2", str(self._levels[-1]))
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, QFontMetrics(self.font()).height() + 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        pal = self.palette()
        low, high = self._levels[0], self._levels[-1]
        label = self.tr("Score")
        p.setPen(pal.color(pal.ColorRole.WindowText))
        label_w = fm.horizontalAdvance(label) + 10
        p.drawText(QRect(0, 0, label_w, self.height()), Qt.AlignmentFlag.AlignVCenter, label)
        bar = QRectF(label_w, 4, min(self.width() - label_w - 4, 360), self.height() - 8)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        for n in range(len(VIRIDIS)):
            t = n / (len(VIRIDIS) - 1)
            grad.setColorAt(t, scale_colour(low + t * (high - low), low, high))
        p.fillRect(bar, grad)
        span = (high - low) or 1
        for level in self._levels:
            x = bar.left() + (level - low) / span * bar.width()
            box = QRectF(x - 14, bar.top(), 28, bar.height())
            box = box.intersected(bar)
            p.setPen(text_colour(scale_colour(level, low, high)))
            align = (
                Qt.AlignmentFlag.AlignLeft
                if level == low
                else Qt.AlignmentFlag.AlignRight
                if level == high
                else Qt.AlignmentFlag.AlignHCenter
            )
            p.drawText(box.adjusted(4, 0, -4, 0), align | Qt.AlignmentFlag.AlignVCenter, str(level))
        p.end()

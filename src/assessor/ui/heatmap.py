"""The heat map: agencies (rows) against dimensions (columns), painted with QPainter.

Colours follow the viridis scale (dark violet for the lowest level, yellow for the highest):
it reads in order for colour-blind eyes and in grey, and each cell also carries its number, so
colour is never the only cue. Text in a cell is black or white by the cell's lightness, and
everything that is not a cell (background, grid, names) takes the palette's colours, so the map
reads in light and dark palettes alike.

Only the rows in view are painted: 300 agencies cost no more than 30. The header row stays in
place while the rows scroll. Click a header to sort by that column (again to reverse); click a
row to select it, double-click or Enter to activate it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

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
class _Layout:
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


class HeatMap(QAbstractScrollArea):
    """The painted map. Call :meth:`set_data`; listen to ``current_changed`` and
    ``activated`` (both carry the row's id) and ``sort_changed``."""

    current_changed = Signal(str)
    activated = Signal(str)
    sort_changed = Signal(str, bool)  # column key, descending
    painted = Signal()  # once, after the first paint with rows (what the user waits for)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Heat map of the latest scores"))
        self.setAccessibleDescription(self.tr(
            "Agencies in rows, dimensions in columns; each cell shows the score. Click a column "
            "title to sort; use the arrow keys to move and Enter to open the agency."))
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._rows: list[HeatRow] = []
        self._columns: list[HeatColumn] = []
        self._low, self._high = 0.0, 4.0
        self._sort_key = NAME
        self._descending = False
        self._current = -1
        self._painted = False
        self._layout = _Layout()
        self._name_title = self.tr("Agency")
        self._overall_title = self.tr("Overall")
        self._trend_title = self.tr("Trend")

    # --- data ---

    def set_data(self, rows: Sequence[HeatRow], columns: Sequence[HeatColumn], low: float,
                 high: float) -> None:
        current = self.current_id()
        self._rows = list(rows)
        self._columns = list(columns)
        self._low, self._high = float(low), float(high)
        self._sort()
        self._current = self._index_of(current) if current else -1
        self._relayout()
        self.viewport().update()

    def set_trends(self, trends: dict[str, tuple[float | None, ...]],
                   tips: dict[str, str] | None = None) -> None:
        tips = tips or {}
        self._rows = [
            HeatRow(r.id, r.name, r.values, r.overall, trends.get(r.id, r.trend),
                    tips.get(r.id, r.tip))
            for r in self._rows
        ]
        self.viewport().update()

    def rows(self) -> list[HeatRow]:
        """The rows in their shown order."""
        return list(self._rows)

    def columns(self) -> list[HeatColumn]:
        return list(self._columns)

    def sort_key(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def sort_by(self, key: str, descending: bool = False) -> None:
        current = self.current_id()
        self._sort_key, self._descending = key, descending
        self._sort()
        self._current = self._index_of(current) if current else -1
        self.viewport().update()
        self.sort_changed.emit(key, descending)

    def current_id(self) -> str | None:
        return self._rows[self._current].id if 0 <= self._current < len(self._rows) else None

    def set_current(self, row_id: str) -> bool:
        index = self._index_of(row_id)
        if index < 0:
            return False
        self._set_current_row(index)
        return True

    def _index_of(self, row_id: str | None) -> int:
        for i, r in enumerate(self._rows):
            if r.id == row_id:
                return i
        return -1

    def _value(self, row: HeatRow, key: str) -> float | None:
        if key == OVERALL:
            return row.overall
        if key == TREND:
            values = [v for v in row.trend if v is not None]
            return values[-1] - values[0] if len(values) > 1 else None
        return row.values.get(key)

    def _sort(self) -> None:
        by_name = sorted(self._rows, key=lambda r: (r.name.casefold(), r.id))
        if self._sort_key == NAME:
            self._rows = by_name[::-1] if self._descending else by_name
            return
        key = self._sort_key
        scored = [r for r in by_name if self._value(r, key) is not None]
        empty = [r for r in by_name if self._value(r, key) is None]
        scored.sort(key=lambda r: self._value(r, key) or 0.0, reverse=self._descending)
        self._rows = scored + empty  # rows without a score last either way

    # --- geometry ---

    def _relayout(self) -> None:
        fm = QFontMetrics(self.font())
        lay = _Layout()
        lay.row_h = max(22, fm.height() + 8)
        # cells share the width left beside the name, overall and trend columns: wide enough
        # for the longest word of a title where the window allows, never narrower than a number
        head = QFontMetrics(self._head_font())
        words = [w for c in self._columns for w in c.title.split()]
        longest_word = max((head.horizontalAdvance(w) for w in words), default=0)
        narrow = max(64, fm.horizontalAdvance("0,00") * 2 + 16)
        lay.overall_w = max(narrow, fm.horizontalAdvance(self._overall_title + " ▼") + 16)
        lay.trend_w = max(96, fm.horizontalAdvance(self._trend_title) + 28,
                          fm.horizontalAdvance("−0,00") + 60)
        longest = max((fm.horizontalAdvance(r.name) for r in self._rows), default=120)
        lay.name_w = min(max(160, longest + 16), 300)
        # every title is read whole, never elided: across the cell on a few lines when the
        # window leaves each cell its longest word, else turned to read upwards, where a
        # narrow cell holds it on a line or two of any length
        wanted = max(longest_word + 16, narrow)
        n = max(len(self._columns), 1)
        spare = self.viewport().width() - lay.overall_w - lay.trend_w
        # in a narrow window the names give way first (elided; the tooltip has them whole)
        lay.name_w = max(min(lay.name_w, spare - n * wanted), 150)
        fit = (spare - lay.name_w) // n
        titles = [c.title for c in self._columns]
        if fit >= wanted or not titles:
            lay.cell_w = max(wanted, min(fit, 132))
            lines = max((len(_wrap(t + " ▼", head, lay.cell_w - 12, 99)) for t in titles),
                        default=1)
            lay.head_h = head.height() * max(2, lines) + 14
        else:
            lay.upright = True
            lay.cell_w = max(narrow, min(fit, wanted))
            across = max(1, (lay.cell_w - 8) // head.height())  # lines side by side
            length = longest_word + 16
            while any(len(_wrap(t + " ▼", head, length, 99)) > across for t in titles):
                length += 8
            lay.title_len = length
            lay.head_h = max(head.height() * 2 + 14, length + 12)
        x = 0
        lay.columns = [(NAME, x, lay.name_w)]
        x += lay.name_w
        for c in self._columns:
            lay.columns.append((c.key, x, lay.cell_w))
            x += lay.cell_w
        lay.columns.append((OVERALL, x, lay.overall_w))
        x += lay.overall_w
        lay.columns.append((TREND, x, lay.trend_w))
        self._layout = lay
        self._update_scrollbars()

    def _update_scrollbars(self) -> None:
        lay = self._layout
        vp = self.viewport().size()
        body_h = max(0, vp.height() - lay.head_h)
        v = self.verticalScrollBar()
        v.setRange(0, max(0, len(self._rows) * lay.row_h - body_h))
        v.setPageStep(max(1, body_h))
        v.setSingleStep(lay.row_h)
        h = self.horizontalScrollBar()
        h.setRange(0, max(0, lay.width - vp.width()))
        h.setPageStep(max(1, vp.width()))
        h.setSingleStep(20)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        self._relayout()

    def sizeHint(self) -> QSize:
        lay = self._layout
        return QSize(min(lay.width + 4, 1200),
                     lay.head_h + lay.row_h * min(max(len(self._rows), 6), 14) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._layout.head_h + 3 * self._layout.row_h)

    def cut_titles(self) -> list[str]:
        """Column titles that do not fit their column whole (a test looks for none)."""
        head = QFontMetrics(self._head_font())
        lay = self._layout
        cut = []
        for key, _left, width in lay.columns:
            title = self._title(key) + (" ▼" if key == self._sort_key else "")
            upright = lay.upright and key not in (NAME, OVERALL, TREND)
            room, depth = (lay.title_len, width - 8) if upright else (width - 12, lay.head_h - 8)
            lines = _wrap(title, head, room, 99)
            if (any(head.horizontalAdvance(line) > room for line in lines)
                    or len(lines) * head.height() > depth
                    or (upright and room > lay.head_h - 8)
                    or " ".join(lines) != " ".join(title.split())):
                cut.append(title)
        return cut

    def _row_at(self, y: int) -> int:
        lay = self._layout
        if y < lay.head_h:
            return -1
        row = (y - lay.head_h + self.verticalScrollBar().value()) // lay.row_h
        return row if 0 <= row < len(self._rows) else -1

    def _column_at(self, x: int) -> str | None:
        x += self.horizontalScrollBar().value()
        for key, left, width in self._layout.columns:
            if left <= x < left + width:
                return key
        return None

    def _title(self, key: str) -> str:
        for c in self._columns:
            if c.key == key:
                return c.title
        return {NAME: self._name_title, OVERALL: self._overall_title,
                TREND: self._trend_title}.get(key, key)

    # --- painting ---

    def paintEvent(self, event: QPaintEvent) -> None:
        lay = self._layout
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pal = self.palette()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        vp = self.viewport().rect()
        p.fillRect(vp, pal.base())
        fm = QFontMetrics(self.font())
        locale = QLocale()
        grid = QColor(pal.color(pal.ColorRole.Mid))
        grid.setAlpha(110)
        first = max(0, (event.rect().top() - lay.head_h - dy) // lay.row_h)
        last = min(len(self._rows), (event.rect().bottom() - lay.head_h - dy) // lay.row_h + 1)

        p.save()
        p.setClipRect(QRect(0, lay.head_h, vp.width(), vp.height() - lay.head_h))
        for i in range(first, last):
            row = self._rows[i]
            top = lay.head_h + dy + i * lay.row_h
            selected = i == self._current
            if selected:
                p.fillRect(QRect(0, top, vp.width(), lay.row_h), pal.highlight())
            elif i % 2:
                p.fillRect(QRect(0, top, vp.width(), lay.row_h), pal.alternateBase())
            for key, left, width in lay.columns:
                rect = QRect(left + dx, top, width, lay.row_h)
                if key == NAME:
                    p.setPen(pal.color(pal.ColorRole.HighlightedText if selected
                                       else pal.ColorRole.Text))
                    text = fm.elidedText(row.name, Qt.TextElideMode.ElideRight, width - 12)
                    p.drawText(rect.adjusted(6, 0, -6, 0),
                               Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
                elif key == TREND:
                    self._paint_trend(p, rect.adjusted(8, 4, -8, -4), row.trend, selected)
                else:
                    self._paint_cell(p, rect, self._value(row, key), selected, locale)
            p.setPen(QPen(grid, 1))
            p.drawLine(0, top + lay.row_h - 1, vp.width(), top + lay.row_h - 1)
        p.restore()
        self._paint_header(p, dx, vp.width())
        if not self._rows:
            p.setPen(pal.color(pal.ColorRole.PlaceholderText))
            p.drawText(vp.adjusted(0, lay.head_h, 0, 0), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No agency has an assessment that matches the filter."))
        p.end()
        if self._rows and not self._painted:
            self._painted = True
            self.painted.emit()

    def _paint_cell(self, p: QPainter, rect: QRect, value: float | None, selected: bool,
                    locale: QLocale) -> None:
        pal = self.palette()
        inner = rect.adjusted(2, 2, -2, -2)
        if value is None:
            p.setPen(pal.color(pal.ColorRole.HighlightedText if selected
                               else pal.ColorRole.PlaceholderText))
            p.drawText(inner, Qt.AlignmentFlag.AlignCenter, "–")
            return
        colour = scale_colour(value, self._low, self._high)
        p.fillRect(inner, colour)
        p.setPen(text_colour(colour))
        p.drawText(inner, Qt.AlignmentFlag.AlignCenter, locale.toString(value, "f", 1))

    def _paint_trend(self, p: QPainter, rect: QRect, trend: Sequence[float | None],
                     selected: bool) -> None:
        """A sparkline of the overall index, and the change from first to last as a number."""
        pal = self.palette()
        points = [(i, v) for i, v in enumerate(trend) if v is not None]
        if not points:
            return
        colour = pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text)
        fm = QFontMetrics(self.font())
        number_w = fm.horizontalAdvance("−0,00") + 6
        line = rect.adjusted(0, 0, -number_w, 0)
        values = [v for _, v in points]
        # each line spans at least one level, so a small change looks small
        mid = (min(values) + max(values)) / 2
        half = max((max(values) - min(values)) / 2, 0.5)
        n = max(len(trend) - 1, 1)

        def at(i: int, v: float) -> QPointF:
            x = line.left() + (line.width() * i / n if len(trend) > 1 else line.width() / 2)
            y = line.center().y() - (v - mid) / half * (line.height() / 2)
            return QPointF(x, y)

        if len(points) > 1:
            path = QPainterPath(at(*points[0]))
            for i, v in points[1:]:
                path.lineTo(at(i, v))
            p.setPen(QPen(colour, 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        last = at(*points[-1])
        p.setPen(QPen(colour, 1))
        p.setBrush(scale_colour(points[-1][1], self._low, self._high))
        p.drawEllipse(last, 3.5, 3.5)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            change = values[-1] - values[0]
            text = QLocale().toString(abs(change), "f", 1)
            sign = "+" if change > 0.05 else "−" if change < -0.05 else "±"
            p.setPen(colour)
            p.drawText(QRect(line.right() + 4, rect.top() - 4, number_w, rect.height() + 8),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       sign + text)

    def _head_font(self) -> QFont:
        """The column titles' font: a little smaller, so long dimension names fit."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def _paint_header(self, p: QPainter, dx: int, width: int) -> None:
        lay = self._layout
        pal = self.palette()
        p.fillRect(QRect(0, 0, width, lay.head_h), pal.button())
        p.save()
        p.setFont(self._head_font())
        fm = QFontMetrics(self._head_font())
        for key, left, w in lay.columns:
            rect = QRect(left + dx, 0, w, lay.head_h)
            title = self._title(key)
            if key == self._sort_key:
                title += " ▼" if self._descending else " ▲"
            p.setPen(pal.color(pal.ColorRole.ButtonText))
            align = (Qt.AlignmentFlag.AlignLeft if key == NAME else Qt.AlignmentFlag.AlignHCenter)
            text_rect = rect.adjusted(6, 4, -6, -4)
            if lay.upright and key not in (NAME, OVERALL, TREND):
                self._paint_upright(p, fm, text_rect, title)
            else:
                # as many lines as the title needs: the layout made every word fit the width
                lines = _wrap(title, fm, text_rect.width(), 99)
                y = text_rect.bottom() - len(lines) * fm.height() + 1
                for line in lines:
                    p.drawText(QRect(text_rect.left(), y, text_rect.width(), fm.height()),
                               align | Qt.AlignmentFlag.AlignVCenter, line)
                    y += fm.height()
            line_colour = QColor(pal.color(pal.ColorRole.Mid))
            p.setPen(QPen(line_colour, 1))
            p.drawLine(rect.right(), 4, rect.right(), lay.head_h - 4)
        p.setPen(QPen(pal.color(pal.ColorRole.Mid), 1))
        p.drawLine(0, lay.head_h - 1, width, lay.head_h - 1)
        p.restore()

    def _paint_upright(self, p: QPainter, fm: QFontMetrics, rect: QRect, title: str) -> None:
        """The title turned a quarter to read upwards from the bottom of its cell."""
        lines = _wrap(title, fm, self._layout.title_len, 99)
        block = len(lines) * fm.height()
        p.save()
        p.translate(rect.left() + (rect.width() - block) // 2, rect.bottom())
        p.rotate(-90)
        for i, line in enumerate(lines):
            p.drawText(QRect(0, i * fm.height(), rect.height(), fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        p.restore()

    # --- interaction ---

    def _set_current_row(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        changed = index != self._current
        self._current = index
        self._ensure_visible(index)
        self.viewport().update()
        if changed:
            self.current_changed.emit(self._rows[index].id)

    def _ensure_visible(self, index: int) -> None:
        lay = self._layout
        v = self.verticalScrollBar()
        body_h = self.viewport().height() - lay.head_h
        top = index * lay.row_h
        if top < v.value():
            v.setValue(top)
        elif top + lay.row_h > v.value() + body_h:
            v.setValue(top + lay.row_h - body_h)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        if pos.y() < self._layout.head_h:
            key = self._column_at(pos.x())
            if key is not None:
                descending = not self._descending if key == self._sort_key else False
                self.sort_by(key, descending)
            return None
        row = self._row_at(pos.y())
        if row >= 0:
            self._set_current_row(row)
        return None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self._row_at(event.position().toPoint().y())
        if row >= 0:
            self._set_current_row(row)
            self.activated.emit(self._rows[row].id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        row, key = self._row_at(pos.y()), self._column_at(pos.x())
        if pos.y() < self._layout.head_h and key is not None:
            QToolTip.showText(event.globalPosition().toPoint(),
                              self.tr("%1: click to sort").replace("%1", self._title(key)),
                              self.viewport())
            return
        if row < 0 or key is None:
            QToolTip.hideText()
            return
        r = self._rows[row]
        if key in (NAME, TREND):
            tip = r.name + (f"\n{r.tip}" if r.tip else "")
        else:
            value = self._value(r, key)
            shown = "–" if value is None else QLocale().toString(value, "f", 2)
            tip = f"{r.name}\n{self._title(key)}: {shown}"
        QToolTip.showText(event.globalPosition().toPoint(), tip, self.viewport())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = max(1, (self.viewport().height() - self._layout.head_h) // self._layout.row_h)
        moves: dict[int, int] = {
            int(Qt.Key.Key_Down): 1, int(Qt.Key.Key_Up): -1, int(Qt.Key.Key_PageDown): page,
            int(Qt.Key.Key_PageUp): -page,
        }
        if int(key) in moves and self._rows:
            target = self._current + moves[int(key)] if self._current >= 0 else 0
            self._set_current_row(min(max(target, 0), len(self._rows) - 1))
        elif key == Qt.Key.Key_Home and self._rows:
            self._set_current_row(0)
        elif key == Qt.Key.Key_End and self._rows:
            self._set_current_row(len(self._rows) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id():
            self.activated.emit(self.current_id())
        else:
            super().keyPressEvent(event)


def _wrap(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
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
        self.setToolTip(self.tr("Dark violet: level %1; yellow: level %2")
                        .replace("%1", str(self._levels[0]))
                        .replace("%2", str(self._levels[-1])))
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
            align = (Qt.AlignmentFlag.AlignLeft if level == low else Qt.AlignmentFlag.AlignRight
                     if level == high else Qt.AlignmentFlag.AlignHCenter)
            p.drawText(box.adjusted(4, 0, -4, 0), align | Qt.AlignmentFlag.AlignVCenter,
                       str(level))
        p.end()

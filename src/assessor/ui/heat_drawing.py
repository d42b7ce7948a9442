"""How the heat map is laid out and drawn: a base class for :class:`HeatMap`, which holds the
data and the interaction.

Cells share the width left beside the name, overall and trend columns; every title is read
whole, never elided (across the cell on a few lines, or turned upwards in a narrow window).
The current cell is outlined while the map has the focus, so a keyboard user sees where the
arrow keys are (WCAG 2.4.7).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea

from assessor.ui.heat_parts import (
    NAME,
    OVERALL,
    TREND,
    HeatColumn,
    HeatRow,
    Layout,
    scale_colour,
    text_colour,
    wrap,
)


class DrawnMap(QAbstractScrollArea):
    """The geometry and painting; subclasses fill the rows, columns and current cell."""

    _rows: list[HeatRow]
    _columns: list[HeatColumn]
    _low: float
    _high: float
    _sort_key: str
    _descending: bool
    _current: int
    _column: int
    _painted: bool
    _layout: Layout
    _name_title: str
    _overall_title: str
    _trend_title: str
    _name_widths: dict[str, int]  # name -> its width in _name_font
    _name_font: str

    def _value(self, row: HeatRow, key: str) -> float | None:
        raise NotImplementedError

    def _title(self, key: str) -> str:
        raise NotImplementedError

    def _first_painted(self) -> None:
        """Called once, after the first paint with rows."""

    def _relayout(self) -> None:
        fm = QFontMetrics(self.font())
        lay = Layout()
        lay.row_h = max(22, fm.height() + 8)
        # cells share the width left beside the name, overall and trend columns: wide enough
        # for the longest word of a title where the window allows, never narrower than a number
        head = QFontMetrics(self._head_font())
        words = [w for c in self._columns for w in c.title.split()]
        longest_word = max((head.horizontalAdvance(w) for w in words), default=0)
        narrow = max(64, fm.horizontalAdvance("0,00") * 2 + 16)
        lay.overall_w = max(narrow, fm.horizontalAdvance(self._overall_title + " ▼") + 16)
        lay.trend_w = max(
            96, fm.horizontalAdvance(self._trend_title) + 28, fm.horizontalAdvance("−0,00") + 60
        )
        longest = self._longest_name(fm)
        lay.name_w = desired_name_w = min(max(160, longest + 16), 300)
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
            lines = max((len(wrap(t + " ▼", head, lay.cell_w - 12, 99)) for t in titles), default=1)
            lay.head_h = head.height() * max(2, lines) + 14
        else:
            lay.upright = True
            # upright titles need no width of their own: the names get theirs back first
            # (at 1366 px "Kronofogdemyndigh…" was cut beside cells far wider than a number)
            lay.name_w = max(min(desired_name_w, spare - n * narrow), 150)
            fit = (spare - lay.name_w) // n
            lay.cell_w = max(narrow, min(fit, wanted))
            across = max(1, (lay.cell_w - 8) // head.height())  # lines side by side
            length = longest_word + 16
            while any(len(wrap(t + " ▼", head, length, 99)) > across for t in titles):
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

    def _longest_name(self, fm: QFontMetrics) -> int:
        # every resize lays the map out again; the names' widths are measured once per font
        # (a thousand agencies took 20 ms a layout)
        font = self.font().key()
        if self._name_font != font:
            self._name_widths, self._name_font = {}, font
        cache = self._name_widths
        widths = []
        for r in self._rows:
            width = cache.get(r.name)
            if width is None:
                width = cache[r.name] = fm.horizontalAdvance(r.name)
            widths.append(width)
        return max(widths, default=120)

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
        return QSize(
            min(lay.width + 4, 1200), lay.head_h + lay.row_h * min(max(len(self._rows), 6), 14) + 4
        )

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
            lines = wrap(title, head, room, 99)
            if (
                any(head.horizontalAdvance(line) > room for line in lines)
                or len(lines) * head.height() > depth
                or (upright and room > lay.head_h - 8)
                or " ".join(lines) != " ".join(title.split())
            ):
                cut.append(title)
        return cut

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
                    p.setPen(
                        pal.color(pal.ColorRole.HighlightedText if selected else pal.ColorRole.Text)
                    )
                    text = fm.elidedText(row.name, Qt.TextElideMode.ElideRight, width - 12)
                    p.drawText(
                        rect.adjusted(6, 0, -6, 0),
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        text,
                    )
                elif key == TREND:
                    self._paint_trend(p, rect.adjusted(8, 4, -8, -4), row.trend, selected)
                else:
                    self._paint_cell(p, rect, self._value(row, key), selected, locale)
            p.setPen(QPen(grid, 1))
            p.drawLine(0, top + lay.row_h - 1, vp.width(), top + lay.row_h - 1)
            if selected and self.hasFocus():
                self._outline_current(p, top, dx, pal.color(pal.ColorRole.HighlightedText))
        p.restore()
        self._paint_header(p, dx, vp.width())
        if not self._rows:
            p.setPen(pal.color(pal.ColorRole.PlaceholderText))
            p.drawText(
                vp.adjusted(0, lay.head_h, 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate(
                    "HeatMap", "No agency has an assessment that matches the filter."
                ),
            )
        p.end()
        if self._rows and not self._painted:
            self._painted = True
            self._first_painted()

    def _outline_current(self, p: QPainter, top: int, dx: int, colour: QColor) -> None:
        """A ring round the current cell, in the selected row's text colour (4.5:1 on it)."""
        if not 0 <= self._column < len(self._layout.columns):
            return
        _key, left, width = self._layout.columns[self._column]
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(QPen(colour, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRect(left + dx + 1, top + 1, width - 3, self._layout.row_h - 3))
        p.restore()

    def _paint_cell(
        self, p: QPainter, rect: QRect, value: float | None, selected: bool, locale: QLocale
    ) -> None:
        pal = self.palette()
        inner = rect.adjusted(2, 2, -2, -2)
        if value is None:
            p.setPen(
                pal.color(
                    pal.ColorRole.HighlightedText if selected else pal.ColorRole.PlaceholderText
                )
            )
            p.drawText(inner, Qt.AlignmentFlag.AlignCenter, "–")
            return
        colour = scale_colour(value, self._low, self._high)
        p.fillRect(inner, colour)
        p.setPen(text_colour(colour))
        p.drawText(inner, Qt.AlignmentFlag.AlignCenter, locale.toString(value, "f", 1))

    def _paint_trend(
        self, p: QPainter, rect: QRect, trend: Sequence[float | None], selected: bool
    ) -> None:
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
            p.drawText(
                QRect(line.right() + 4, rect.top() - 4, number_w, rect.height() + 8),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                sign + text,
            )

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
            align = Qt.AlignmentFlag.AlignLeft if key == NAME else Qt.AlignmentFlag.AlignHCenter
            text_rect = rect.adjusted(6, 4, -6, -4)
            if lay.upright and key not in (NAME, OVERALL, TREND):
                self._paint_upright(p, fm, text_rect, title)
            else:
                # as many lines as the title needs: the layout made every word fit the width
                lines = wrap(title, fm, text_rect.width(), 99)
                y = text_rect.bottom() - len(lines) * fm.height() + 1
                for line in lines:
                    p.drawText(
                        QRect(text_rect.left(), y, text_rect.width(), fm.height()),
                        align | Qt.AlignmentFlag.AlignVCenter,
                        line,
                    )
                    y += fm.height()
            line_colour = QColor(pal.color(pal.ColorRole.Mid))
            p.setPen(QPen(line_colour, 1))
            p.drawLine(rect.right(), 4, rect.right(), lay.head_h - 4)
        p.setPen(QPen(pal.color(pal.ColorRole.Mid), 1))
        p.drawLine(0, lay.head_h - 1, width, lay.head_h - 1)
        p.restore()

    def _paint_upright(self, p: QPainter, fm: QFontMetrics, rect: QRect, title: str) -> None:
        """The title turned a quarter to read upwards from the bottom of its cell."""
        lines = wrap(title, fm, self._layout.title_len, 99)
        block = len(lines) * fm.height()
        p.save()
        p.translate(rect.left() + (rect.width() - block) // 2, rect.bottom())
        p.rotate(-90)
        for i, line in enumerate(lines):
            p.drawText(
                QRect(0, i * fm.height(), rect.height(), fm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        p.restore()
